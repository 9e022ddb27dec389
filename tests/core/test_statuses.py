from __future__ import annotations

import pytest

from raptor_desktop.core.statuses import (
    MAIN_PATH,
    Status,
    StatusChangeRefused,
    allowed_next,
    check_move,
    parse_status,
)


def test_main_path_can_be_walked_forwards() -> None:
    for current, new in zip(MAIN_PATH, MAIN_PATH[1:], strict=False):
        check_move(current, new)


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (Status.IDENTIFIED, Status.ORDER_MADE),
        (Status.DISCONNECTED, Status.IDENTIFIED),
        (Status.IDENTIFIED, Status.REFUSED),
        (Status.GATHERING_EVIDENCE, Status.GATHERING_EVIDENCE),
    ],
)
def test_refused_moves_name_the_allowed_ones(current: Status, new: Status) -> None:
    with pytest.raises(StatusChangeRefused) as caught:
        check_move(current, new)
    assert current.value in str(caught.value)


def test_side_exits() -> None:
    assert Status.REFUSED in allowed_next(Status.IN_APPLICATION)
    assert Status.RE_EMERGED in allowed_next(Status.DISCONNECTED)
    assert Status.WITHDRAWN in allowed_next(Status.GATHERING_EVIDENCE)


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("order_made", Status.ORDER_MADE),
        ("Re-emerged", Status.RE_EMERGED),
        ("gathering", Status.GATHERING_EVIDENCE),
        ("READY FOR APPLICATION", Status.READY),
    ],
)
def test_parse_status(typed: str, status: Status) -> None:
    assert parse_status(typed) is status


def test_parse_status_unknown() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        parse_status("arrested")
