from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from raptor_desktop.core.accounts import Role
from raptor_desktop.gui.admin_dialogs import AccountsDialog, AuditDialog
from raptor_desktop.gui.idle_lock import IdleLock
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.gui.sign_in import RecoveryKeyDialog, SignInDialog, sign_in_to
from raptor_desktop.gui.small_dialogs import DisclosureDialog
from raptor_desktop.store.accounts import REFUSED, add_user, list_users
from raptor_desktop.store.audit import AuditFilter, entries
from raptor_desktop.store.database import Store
from raptor_desktop.store.keyring import Keyring
from tests.registers import sign_in

REFUSED_SAID = REFUSED[0].upper() + REFUSED[1:] + "."


def test_new_database_creates_its_administrator_first(qtbot: QtBot, tmp_path: Path) -> None:
    shown: list[str] = []

    def create(dialog: QDialog) -> bool:
        if isinstance(dialog, RecoveryKeyDialog):  # shown once, after the register is made
            shown.append(dialog.text())
            return True
        dialog.username.setText("chief")  # type: ignore[attr-defined]
        dialog.password.setText("administrator pw")  # type: ignore[attr-defined]
        dialog.again.setText("administrator pw!")  # type: ignore[attr-defined]
        dialog.save()  # type: ignore[attr-defined]
        assert "do not match" in dialog.error.text()  # type: ignore[attr-defined]
        dialog.again.setText("administrator pw")  # type: ignore[attr-defined]
        dialog.save()  # type: ignore[attr-defined]
        return dialog.result() == QDialog.DialogCode.Accepted

    store = sign_in_to(tmp_path / "new.sqlite3", create)
    assert store is not None
    assert (store.actor, store.role) == ("chief", Role.ADMINISTRATOR)
    [text] = shown
    recovery = re.search(r"<tt>([A-Z2-7-]{39})</tt>", text)
    assert recovery and "keep it in the unit's safe" in text
    with Keyring.open(store.path) as ring:
        assert ring.unwrap_recovery(recovery.group(1)) == store.key
    store.close()


def test_wrong_password_keeps_the_sign_in_open(qtbot: QtBot, demo_store: Store) -> None:
    dialog = SignInDialog(demo_store.path)
    dialog.username.setText("trainer")
    dialog.password.setText("nope nope nope")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == REFUSED_SAID
    dialog.password.setText("raptor-training")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_officer_sees_no_administrator_actions(window: MainWindow) -> None:
    add_user(window.store, "pc1", "PC One", Role.OFFICER, "officer password 1")
    sign_in(window.store, "pc1", "officer password 1")
    window.apply_role()
    assert not window.settings_action.isEnabled()
    assert not window.accounts_action.isEnabled()
    assert not window.backup_action.isEnabled()
    assert window.signed_in.text() == "pc1 (officer)"


def test_idle_lock_asks_the_same_officer_again(window: MainWindow, dialogs: list[QDialog]) -> None:
    def unlock(dialog: QDialog) -> bool:
        assert isinstance(dialog, SignInDialog)
        assert dialog.username.isReadOnly() and dialog.username.text() == "tester"
        return True

    window.handle_dialog = unlock  # type: ignore[attr-defined]
    locked: list[bool] = []
    idle = IdleLock(0, lambda: (locked.append(True), window.account.lock_screen()))
    idle.check()
    assert locked == [True]
    assert isinstance(dialogs[-1], SignInDialog)
    assert window.centralWidget().isVisible() or not window.isVisible()


def test_accounts_dialog(window: MainWindow, qtmodeltester: ModelTester) -> None:
    dialog = AccountsDialog(window.store, window)
    qtmodeltester.check(dialog.model)
    dialog.username.setText("sgt1")
    dialog.display_name.setText("Sgt One")
    dialog.role.setCurrentText("supervisor")
    dialog.password.setText("short")
    dialog.add()
    assert "12 characters" in dialog.error.text()
    dialog.password.setText("supervisor pass 1")
    dialog.add()
    assert any(
        u["username"] == "sgt1" and u["role"] == "supervisor" for u in list_users(window.store)
    )
    dialog.table.selectRow([u["username"] for u in dialog.model.rows].index("sgt1"))
    dialog.toggle()
    assert any(u["username"] == "sgt1" and u["disabled"] for u in list_users(window.store))


def test_audit_viewer_filters_and_export_is_a_logged_disclosure(
    window: MainWindow,
    dialogs: list[QDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    def disclose(dialog: QDialog) -> bool:
        assert isinstance(dialog, DisclosureDialog)
        dialog.recipient.setText("Force data protection officer")
        return True

    window.handle_dialog = disclose  # type: ignore[attr-defined]
    viewer = AuditDialog(window.store, window.run_dialog, window)
    qtmodeltester.check(viewer.model)
    viewer.category.setCurrentIndex(viewer.category.findData("collection"))
    viewer.refresh()
    assert viewer.model.rows and all(e.category == "collection" for e in viewer.model.rows)
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    viewer.export()
    assert target.read_text(encoding="utf-8-sig").startswith("id,at,user,category")
    [disclosure] = [
        e
        for e in entries(window.store, AuditFilter(category="disclosure"))
        if e.event == "export audit log"
    ]
    assert disclosure.recipient == "Force data protection officer"


def test_review_page_disposes_with_a_reason(
    window: MainWindow, dialogs: list[QDialog], qtmodeltester: ModelTester
) -> None:
    from raptor_desktop.gui.review_page import ReviewDecisionDialog

    page = window.review_page
    page.show_all.setChecked(True)
    qtmodeltester.check(page.model)
    kinds = [page.model.item(row).kind for row in range(page.model.rowCount())]
    assert [kinds.count(k) for k in ("line", "contact", "application")] == [12, 12, 3]
    first_line = kinds.index("line")
    assert page.model.data(page.model.index(first_line, 2)) == "2 numbers"
    first_contact = kinds.index("contact")  # found on both of Tony's numbers
    assert page.model.data(page.model.index(first_contact, 2)) == "2 findings"

    def decide(dialog: QDialog) -> bool:
        assert isinstance(dialog, ReviewDecisionDialog)
        dialog.save()
        assert "reason" in dialog.error.text()
        dialog.reason.setText("no activity for six years")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = decide  # type: ignore[attr-defined]
    page.table.selectRow(first_line)
    page.decide("dispose")
    assert page.model.rowCount() == 26
    assert window.lines_page.model.rowCount() == 11


def test_review_page_says_when_nothing_is_due(window: MainWindow) -> None:
    page = window.review_page
    page.activate()
    assert page.model.rowCount() == 0  # the demo's records are all recent
    assert page.message.text().startswith("Nothing is due for review.")
    page.show_all.setChecked(True)
    assert page.model.rowCount() > 0 and page.message.text() == ""


def test_the_lock_hides_every_open_window_and_brings_it_back(
    qtbot: QtBot, window: MainWindow, dialogs: list[QDialog]
) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    window.show()
    editor = QDialog(window)  # an application editor left open with grounds on screen
    grounds = QLineEdit("grounds that go to court", editor)
    QVBoxLayout(editor).addWidget(grounds)
    editor.show()
    seen: list[tuple[bool, bool]] = []

    def unlock(dialog: QDialog) -> bool:
        seen.append((grounds.isVisible(), window.centralWidget().isVisible()))
        return True

    window.handle_dialog = unlock  # type: ignore[attr-defined]
    window.lock_action.trigger()
    assert seen == [(False, False)]  # nothing of the register shows while it is locked
    assert grounds.isVisible() and window.centralWidget().isVisible()
    assert editor.isVisible()  # still open, its work not lost
    editor.close()


def test_change_my_password_needs_the_current_one(window: MainWindow) -> None:
    from raptor_desktop.gui.sign_in import ChangeMyPasswordDialog

    add_user(window.store, "pc1", "PC One", Role.OFFICER, "officer password 1")
    sign_in(window.store, "pc1", "officer password 1")
    dialog = ChangeMyPasswordDialog(window.store, window)
    dialog.current.setText("not my password")
    dialog.new.setText("a brand new password")
    dialog.again.setText("a brand new password")
    dialog.save()
    assert dialog.error.text() == REFUSED_SAID
    dialog.current.setText("officer password 1")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert sign_in(window.store, "pc1", "a brand new password").username == "pc1"


def test_sign_out_lets_another_officer_sign_in_on_the_window(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    def supervisor(dialog: QDialog) -> bool:
        assert isinstance(dialog, SignInDialog) and not dialog.username.isReadOnly()
        dialog.username.setText("trainer.sgt")
        dialog.password.setText("raptor-training")
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.handle_dialog = supervisor  # type: ignore[attr-defined]
    window.sign_out_action.trigger()
    assert (window.store.actor, window.signed_in.text()) == (
        "trainer.sgt",
        "trainer.sgt (supervisor)",
    )
    assert not window.accounts_action.isEnabled()  # a supervisor's menus
    window.handle_dialog = lambda dialog: False  # type: ignore[attr-defined]
    window.show()
    window.sign_out_action.trigger()  # nobody signs in: the window closes
    assert not window.isVisible()


def test_the_audit_viewer_shows_the_newest_first_with_the_full_local_time(
    window: MainWindow,
) -> None:
    from raptor_desktop.core.dates import local_time

    dialog = AuditDialog(window.store, window.run_dialog, window)
    dialog.refresh()
    model = dialog.model
    ids = [int(model.data(model.index(r, 0))) for r in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True)
    at = model.column_titles().index("When (local time)")
    newest = entries(window.store)[-1]
    assert model.data(model.index(0, at)) == local_time(newest.at)
    assert len(local_time(newest.at)) == len("01/12/2026 13:50:12")
    header = dialog.table.horizontalHeader()
    assert header.maximumSectionSize() == 420
    records = model.column_titles().index("Records")
    assert model.data(model.index(0, records), Qt.ItemDataRole.ToolTipRole)


def test_the_demo_s_accounts_stay_in_sight_after_a_wrong_password(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from raptor_desktop.paths import demo_db_path
    from raptor_desktop.store.demo import seed_demo
    from tests.registers import open_store

    path = demo_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_store(path, training=True, actor="tester", role=Role.ADMINISTRATOR) as store:
        seed_demo(store)
    dialog = SignInDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("trainer")
    dialog.password.setText("nope nope nope")
    dialog.save()
    assert dialog.error.text() == REFUSED_SAID
    assert dialog.hint is not None and "the demo accounts are trainer" in dialog.hint.text()
    assert dialog.hint.height() >= dialog.hint.sizeHint().height()
