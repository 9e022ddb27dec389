"""The application editor as a window of its own: not modal, one per application, and never
closed over details typed but not saved."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from raptor_desktop.gui.application_editor import ApplicationEditor
from raptor_desktop.gui.application_numbers import GroundsDialog
from raptor_desktop.gui.main_window import MainWindow
from raptor_desktop.store.case_file import load_case_file
from tests.app_fixtures import make_application
from tests.gui.conftest import DialogHandler, literal_ampersands


def answer_with(button: QMessageBox.StandardButton, asked: list[str]) -> DialogHandler:
    """A ``handle_dialog`` that clicks ``button`` on the Save-changes question."""

    def handle(dialog: QDialog) -> bool:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        dialog.button(button).click()
        return False

    return handle


def test_the_register_can_be_consulted_while_an_application_is_open(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    reference = make_application(window.store)
    editor = window.applications.open_editor(reference)
    assert editor.isVisible() and not editor.isModal()
    assert literal_ampersands(editor) == [] and literal_ampersands(window) == []
    assert QApplication.activeModalWidget() is None  # the main window still takes input
    window.show_page(window.lines_page)
    window.lines_page.search.setText("Dee")
    window.lines_page.apply_filter()
    assert window.lines_page.model.rowCount() >= 1
    assert window.applications.open_editor(reference) is editor  # not opened twice
    other = window.applications.open_editor(
        make_application(window.store, numbers=["07700 900102"])
    )
    assert other is not editor and len(window.applications.editors) == 2


def test_closing_over_unsaved_details_asks_and_cancel_keeps_the_window(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    reference = make_application(window.store)
    editor = window.applications.open_editor(reference)
    court = load_case_file(window.store, reference).court
    editor.court.setCurrentText("County Court at Southend")
    asked: list[str] = []
    window.handle_dialog = answer_with(QMessageBox.StandardButton.Cancel, asked)  # type: ignore[attr-defined]
    editor.close()
    assert asked == [f"Save the changes to {reference} before closing it?"]
    assert editor.isVisible() and editor.court.currentText() == "County Court at Southend"

    window.handle_dialog = answer_with(QMessageBox.StandardButton.Discard, asked)  # type: ignore[attr-defined]
    editor.close()
    assert not editor.isVisible() and reference not in window.applications.editors
    assert load_case_file(window.store, reference).court == court


def test_save_on_closing_stores_the_details(window: MainWindow, dialogs: list[QDialog]) -> None:
    reference = make_application(window.store)
    editor = window.applications.open_editor(reference)
    editor.claim.setText("K00BS123")
    asked: list[str] = []
    window.handle_dialog = answer_with(QMessageBox.StandardButton.Save, asked)  # type: ignore[attr-defined]
    editor.close()
    assert len(asked) == 1 and not editor.isVisible()
    assert load_case_file(window.store, reference).claim_number == "K00BS123"


def test_closing_saved_details_asks_nothing(window: MainWindow, dialogs: list[QDialog]) -> None:
    editor = window.applications.open_editor(make_application(window.store))
    editor.claim.setText("K00BS124")
    assert editor.save()
    editor.close()
    assert dialogs == [] and not editor.isVisible()


def test_details_typed_survive_writing_grounds(window: MainWindow, dialogs: list[QDialog]) -> None:
    """Writing grounds or adding a number reads the application again, but must not overwrite
    details typed and not yet saved with the stored ones."""
    reference = make_application(window.store)
    editor = window.applications.open_editor(reference)
    editor.hearing_time.setText("14:15")

    def write(dialog: QDialog) -> bool:
        assert isinstance(dialog, GroundsDialog)
        dialog.text.setPlainText("Marketing texts from this number on 3 and 5 November.")
        dialog.save()
        return True

    window.handle_dialog = write  # type: ignore[attr-defined]
    editor.items_view.selectRow(0)
    editor.edit_grounds()
    assert editor.case.items[0].grounds.startswith("Marketing texts")
    assert editor.hearing_time.text() == "14:15" and editor.unsaved()
    window.handle_dialog = answer_with(QMessageBox.StandardButton.Discard, [])  # type: ignore[attr-defined]


def unsaved_editor_kept_open(window: MainWindow, asked: list[str]) -> ApplicationEditor:
    """An application with a claim number typed and not saved; asked to save, the officer
    answers Cancel (the questions go to ``asked``)."""
    editor = window.applications.open_editor(make_application(window.store))
    editor.claim.setText("K00BS125")
    window.handle_dialog = answer_with(QMessageBox.StandardButton.Cancel, asked)  # type: ignore[attr-defined]
    return editor


def test_the_main_window_waits_for_an_application_with_changes(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    asked: list[str] = []
    editor = unsaved_editor_kept_open(window, asked)
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted() and editor.isVisible() and len(asked) == 1


def test_sign_out_closes_the_application_windows_first(
    window: MainWindow, dialogs: list[QDialog]
) -> None:
    asked: list[str] = []
    editor = unsaved_editor_kept_open(window, asked)
    window.sign_out_action.trigger()
    assert editor.isVisible() and len(asked) == 1  # kept open: nobody was signed out
    assert not any(type(d).__name__ == "SignInDialog" for d in dialogs)


def test_taking_a_number_out_says_so_in_place_of_an_old_message(window: MainWindow) -> None:
    reference = make_application(window.store)
    editor = window.applications.open_editor(reference)
    editor.items_view.clearSelection()
    editor.remove_selected()  # nothing chosen: said, not silently nothing
    assert editor.error.text() == "Select a number first."
    editor.items_view.selectRow(0)
    gone = editor.case.items[0].display
    editor.remove_selected()
    assert gone not in [i.display for i in editor.case.items]
    assert editor.error.text().startswith(f"{gone} was taken out of {reference}")


def test_the_numbers_tab_shows_each_number_s_status(window: MainWindow) -> None:
    """A number not yet ready stops the submission: the officer sees it before trying."""
    from raptor_desktop.gui.application_items import ITEM_COLUMNS

    editor = window.applications.open_editor(make_application(window.store))
    model = editor.items_model
    column = ITEM_COLUMNS.index("Status")
    shown = {model.item(r).display: model.index(r, column).data() for r in range(model.rowCount())}
    statuses = {i.display: i.status for i in load_case_file(window.store, editor.reference).items}
    assert shown == statuses and all(shown.values())
