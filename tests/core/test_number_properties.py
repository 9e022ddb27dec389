"""Whatever is typed, the number reader either returns a +44 mobile or says why it refused."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raptor_desktop.core.identifiers import IdentifierRejected, validate_identifier
from raptor_desktop.core.numbers import NumberRejected, national_format, parse_mobile

PHONEISH = st.text(alphabet="0123456789 +-().O/\t", max_size=30)


@given(st.one_of(PHONEISH, st.text(max_size=40)))
def test_parser_returns_a_mobile_or_a_reason(text: str) -> None:
    try:
        number = parse_mobile(text, training=True)
    except NumberRejected as error:
        assert str(error)
    else:
        assert number.e164.startswith("+447") and len(number.e164) == 13


@given(
    st.integers(min_value=0, max_value=999),
    st.sampled_from(
        ["0{a} {b}", "+44 {a} {b}", "+44 (0){a} {b}", "0044{a}{b}", "44{a}{b}", "{a}{b}"]
    ),
)
def test_every_drama_number_round_trips_in_every_form(suffix: int, form: str) -> None:
    nsn = f"7700900{suffix:03d}"
    text = form.format(a=nsn[:4], b=nsn[4:])
    number = parse_mobile(text, training=True)
    assert number.e164 == "+44" + nsn
    assert parse_mobile(national_format(number.e164), training=True) == number


@given(st.sampled_from(["IMEI", "IMSI", "ICCID", "imei", "x"]), st.text(max_size=40))
def test_identifier_validation_never_crashes(kind: str, value: str) -> None:
    try:
        device_kind, clean = validate_identifier(kind, value)
    except IdentifierRejected as error:
        assert str(error)
    else:
        assert clean.isdigit() and device_kind.value == kind.upper()
