"""The main window: navigation between the parts of the register, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from raptor_desktop.core.errors import Refusal
from raptor_desktop.core.wording import as_sentence
from raptor_desktop.gui import line_actions
from raptor_desktop.gui.account_actions import AccountActions
from raptor_desktop.gui.admin_dialogs import AccountsDialog, AuditDialog
from raptor_desktop.gui.application_actions import ApplicationActions
from raptor_desktop.gui.applications_page import ApplicationsPage
from raptor_desktop.gui.areas_page import AreasPage, ask_new_area
from raptor_desktop.gui.backup_actions import BackupActions
from raptor_desktop.gui.contacts_page import ContactsPage
from raptor_desktop.gui.database_actions import DatabaseActions
from raptor_desktop.gui.evidence_dialog import record_evidence
from raptor_desktop.gui.exchange_actions import ExchangeActions
from raptor_desktop.gui.help_actions import HelpActions
from raptor_desktop.gui.import_actions import ImportActions
from raptor_desktop.gui.line_merge_dialog import merge_selected_lines
from raptor_desktop.gui.lines_page import LinesPage
from raptor_desktop.gui.list_actions import ListActions
from raptor_desktop.gui.navigation import decorate, update_badges, view_title
from raptor_desktop.gui.number_move_action import move_selected_number
from raptor_desktop.gui.orders_page import OrdersPage
from raptor_desktop.gui.outreach_page import OutreachPage
from raptor_desktop.gui.record_opener import RecordOpener
from raptor_desktop.gui.review_page import ReviewPage
from raptor_desktop.gui.settings_dialog import SettingsDialog
from raptor_desktop.gui.small_dialogs import about_text
from raptor_desktop.gui.summaries_page import SummariesPage
from raptor_desktop.gui.view_counts import view_count
from raptor_desktop.gui.window_services import WindowServices
from raptor_desktop.gui.window_state import remember, restore_window
from raptor_desktop.services.accounts import Permission, may
from raptor_desktop.services.register import NumberDetail
from raptor_desktop.services.session import Session, Store

TRAINING_BANNER = (
    "TRAINING DATABASE — practice data with Ofcom drama numbers only. Not for operational use; "
    "every document it produces is marked as training material."
)


def _fill(menu: QMenu, *groups: tuple[QAction, ...]) -> None:
    """Put the actions on ``menu``, a separator between groups."""
    for number, group in enumerate(groups):
        if number:
            menu.addSeparator()
        for action in group:
            menu.addAction(action)


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        """``store``: the connection an officer signed in on (the GUI thread's own)."""
        super().__init__()
        self.store = store
        self._store_closed = False
        self.applications = ApplicationActions(self)
        self.account = AccountActions(self)
        self.imports = ImportActions(self)
        self.backups = BackupActions(self)
        self.records = RecordOpener(self)
        self.help = HelpActions(self)
        self.lists = ListActions(self)
        self.databases = DatabaseActions(self)
        self.exchange = ExchangeActions(self)
        self._build_actions()
        self._build_menus()
        self._build_pages()
        restore_window(self)

    # -- building --------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: str | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        a = self._action
        key = QKeySequence.StandardKey
        self.new_training_action = a(
            "New &training database…",
            self.databases.new_training_database,
            None,
            "Create a database for practice that accepts only drama numbers",
        )
        self.open_action = a("&Open database…", self.databases.choose, key.Open)
        self.demo_action = a(
            "Open &demo database",
            self.databases.open_demo,
            None,
            "A training database with the Operation Raptor scenario",
        )
        self.import_action = a(
            "&Import lines…", self.imports.choose, "Ctrl+I", "Import numbers from a CSV or XLSX"
        )
        self.import_contacts_action = a(
            "Import &contacts…",
            lambda: self.contacts_page.import_contacts(),
            "Ctrl+Shift+I",
            "Import numbers found in contact with a deal line (e.g. a seized phone's contacts)",
        )
        self.export_list_action = a("E&xport this list…", self.lists.export, "Ctrl+Shift+E")
        self.print_list_action = a("Print this &list…", self.lists.print_list, "Ctrl+Shift+P")
        self.backup_action = a(
            "&Back up now…",
            lambda: self.backups.back_up_now(),
            None,
            "Back up the database and its attachments",
        )
        self.restore_action = a("&Restore from backup…", lambda: self.backups.restore())
        self.accounts_action = a(
            "&Accounts…", self.manage_accounts, None, "Officer accounts (administrators)"
        )
        self.audit_action = a(
            "Audit lo&g…", self.show_audit, None, "The data-protection log (administrators)"
        )
        self.settings_action = a(
            "&Settings…",
            self.settings,
            key.Preferences,
            "Protective marking, warning periods, bank holidays, networks",
        )
        account = self.account
        self.lock_action = a(
            "Lock &now", account.lock_screen, "Ctrl+L", "Hide the register until you sign in again"
        )
        self.password_action = a("Change my pass&word…", account.change_my_password)
        self.profile_action = a(
            "My officer pro&file…", account.edit_profile, None, "Fills in your applications"
        )
        self.sign_out_action = a(
            "Sign o&ut…", account.sign_out, None, "Another officer signs in on this workstation"
        )
        self.quit_action = a("&Quit", self.close, key.Quit)
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.find_action = a("&Search everything…", self.records.search, key.Find, "Search")
        self.intel_action = a("Paste &intelligence text…", self.records.intel_text, "Ctrl+Shift+V")
        self.closure_action = a("Record Type &1 closure…", self.records.type1_closure)
        self.add_action = a(
            "&Add number…", lambda: line_actions.add_number(self), key.New, "Add a number to a line"
        )
        self.edit_action = a("&Edit line…", lambda: line_actions.edit_line(self), "Ctrl+E")
        self.status_action = a(
            "Change &status…", lambda: line_actions.change_status(self), "Ctrl+T"
        )
        self.replace_action = a(
            "Add replacement &number…",
            lambda: line_actions.add_replacement(self),
            "Ctrl+Shift+N",
            "The brand moved to a new number: add it to the same line",
        )
        self.merge_action = a(
            "&Make two lines one…",
            lambda: merge_selected_lines(self),
            None,
            "Select numbers on two lines that are one deal line (supervisors)",
        )
        self.move_action = a("Mo&ve to another line…", lambda: move_selected_number(self))
        self.device_action = a(
            "Add &device identifier…",
            lambda: line_actions.add_device(self),
            "Ctrl+D",
            "Record an IMEI, IMSI or ICCID",
        )
        self.evidence_action = a(
            "Re&cord evidence…",
            lambda: record_evidence(self),
            "Ctrl+Shift+D",
            "A marketing text, test purchase, seized handset or intelligence, against the line",
        )
        self.add_area_action = a("Add a&rea…", lambda: ask_new_area(self))
        self.to_application_action = a(
            "Add to a&pplication…",
            self.add_to_application,
            "Ctrl+Shift+A",
            "Put the selected numbers in a new or draft DDTRO application",
        )
        self.new_application_action = a("&New application…", self.new_application)
        self.open_application_action = a(
            "&Open application…", self.open_application, "Ctrl+Shift+O"
        )
        self.pack_action = a(
            "&Print hearing pack…",
            self.hearing_pack,
            key.Print,
            "Build the hearing pack of the selected application",
        )
        self.refresh_action = a("&Refresh", self.refresh, key.Refresh)
        self.about_action = a("&About Raptor Desktop", self.about)
        self.guide_action = a("&User guide", self.help.guide, key.HelpContents)
        self.shortcuts_action = a("&Keyboard shortcuts", self.help.shortcuts)
        self.selection_actions = [
            self.edit_action,
            self.status_action,
            self.replace_action,
            self.device_action,
            self.evidence_action,
            self.closure_action,
            self.move_action,
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        _fill(
            file_menu,
            (self.new_training_action, self.open_action, self.demo_action),
            (self.import_action, self.import_contacts_action),
            self.exchange.actions,
            (self.export_list_action, self.print_list_action),
            (self.backup_action, self.restore_action, self.settings_action),
            (self.accounts_action, self.audit_action),
            (self.lock_action, self.sign_out_action, self.password_action, self.profile_action),
            (self.quit_action,),
        )
        file_menu.insertMenu(self.import_action, self.databases.recent_menu)
        _fill(bar.addMenu("&Edit"), (self.undo_action, self.redo_action), (self.find_action,))
        _fill(
            bar.addMenu("&Line"),
            (self.add_action, self.replace_action),
            (self.edit_action, self.status_action, self.device_action, self.evidence_action),
            (self.to_application_action, self.add_area_action, self.intel_action),
            (self.closure_action, self.move_action, self.merge_action),
        )
        _fill(
            bar.addMenu("&Application"),
            (self.new_application_action, self.open_application_action, self.pack_action),
        )
        self.view_menu = bar.addMenu("&View")
        _fill(
            bar.addMenu("&Help"), (self.guide_action, self.shortcuts_action), (self.about_action,)
        )

    def _build_pages(self) -> None:
        self.databases.remember(self.store.path)
        self.view_count = QLabel()  # the shown view's count (see view_counts)
        self.lines_page = LinesPage(self.store)
        self.lines_page.selection_changed.connect(self._update_actions)
        self.lines_page.model.modelReset.connect(self._update_status_bar)
        self.lines_page.table.activated.connect(
            lambda: line_actions.edit_line(self)
        )  # Enter, or a double-click
        self.areas_page = AreasPage(self.store)
        self.areas_page.add_button.clicked.connect(self.add_area_action.trigger)
        self.applications_page = ApplicationsPage(self.store)
        self.applications_page.new_button.clicked.connect(self.new_application)
        self.applications_page.open_button.clicked.connect(self.open_application)
        self.applications_page.pack_button.clicked.connect(self.hearing_pack)
        self.applications_page.supplement_button.clicked.connect(self.supplementary_bundle)
        self.applications_page.table.activated.connect(self.open_application)
        self.orders_page = OrdersPage(self.store)
        self.orders_page.confirm_button.clicked.connect(self.applications.confirm)
        self.orders_page.renew_button.clicked.connect(self.applications.renew)
        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self.dashboard_page = self.records.dashboard_page(self.store)
        self.dashboard_page.shown.connect(self._home_read)
        self._add_page("Home", self.dashboard_page)
        self._add_page("Lines", self.lines_page)
        self._add_page("Areas", self.areas_page)
        self._add_page("Applications", self.applications_page)
        self._add_page("Orders", self.orders_page)
        self.review_page = ReviewPage(self.store, lambda d: self.run_dialog(d), self.refresh)
        self._add_page("Review", self.review_page)
        services = WindowServices(
            lambda d: self.run_dialog(d), self.imports.start, self.lines_page.selected_numbers
        )
        self.contacts_page = ContactsPage(self.store, services)
        self._add_page("Contacts", self.contacts_page)
        self.outreach_page = OutreachPage(self.store, services)
        self._add_page("Outreach", self.outreach_page)
        self.summaries_page = SummariesPage(
            self.store, lambda: self.session, lambda d: self.run_dialog(d)
        )
        self._add_page("Case summaries", self.summaries_page)
        self._context_menus()
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._page_shown)
        self.nav.setCurrentRow(0)
        decorate(self)

        self.view_menu.clear()
        self.view_actions = [
            self._action(
                view_title(self.nav.item(row).text()),
                lambda _=False, r=row: self.go_to_view(r),
                f"Ctrl+{row + 1}",
            )
            for row in range(self.nav.count())
        ]
        self.view_menu.addActions(self.view_actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)

        self.banner = QLabel(TRAINING_BANNER)
        self.banner.setObjectName("trainingBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)  # one line of it was the least width of the window
        self.banner.setStyleSheet(
            "background: #b00020; color: white; font-weight: bold; padding: 6px;"
        )
        self.banner.setVisible(self.store.training)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addLayout(body)
        self.setCentralWidget(central)
        self.lines_page.tab_after(self.nav)
        kind = "TRAINING — " if self.store.training else ""
        self.setWindowTitle(f"{kind}Raptor Desktop — {self.store.path.name}")
        self.db_label = QLabel(self.store.path.name)  # the full path in its tooltip
        self.db_label.setToolTip(str(self.store.path))
        self.signed_in = QLabel()
        self.statusBar().addPermanentWidget(self.view_count)
        self.statusBar().addPermanentWidget(self.signed_in)
        self.statusBar().addPermanentWidget(self.db_label)
        self.apply_role()
        self._update_actions()
        self._update_status_bar()

    def _context_menus(self) -> None:
        """Right-click on a table offers the menu actions that apply to its selected row."""
        menus: list[tuple[QWidget, list[QAction | None]]] = [
            (
                self.lines_page.table,
                [
                    self.edit_action,
                    self.status_action,
                    self.replace_action,
                    self.device_action,
                    self.evidence_action,
                    None,
                    self.to_application_action,
                    self.import_contacts_action,
                    self.move_action,
                    self.merge_action,
                ],
            ),
            (self.applications_page.table, [self.open_application_action, self.pack_action]),
        ]
        for table, actions in menus:
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for action in actions:
                if action is None:
                    action = QAction(table)
                    action.setSeparator(True)
                table.addAction(action)

    def _page_shown(self, row: int) -> None:
        page = self.pages.widget(row)
        if page in (self.review_page, self.contacts_page):
            page.activate()  # type: ignore[attr-defined]
        elif page is self.dashboard_page:
            self.dashboard_page.refresh()  # read off the GUI thread: _home_read when done
        self._update_status_bar()

    def _home_read(self) -> None:
        update_badges(self)
        self._update_status_bar()

    def _add_page(self, title: str, widget: QWidget) -> None:
        self.nav.addItem(title)
        self.pages.addWidget(widget)

    @property
    def session(self) -> Session:
        """Who is signed in: background work opens its own connection from it."""
        return Session.of(self.store)

    # -- state -----------------------------------------------------------------------------
    def _update_actions(self) -> None:
        """Tips name the number the actions on one would act on (see :meth:`chosen_number`)."""
        shown = d.display if (d := self.lines_page.selected_detail()) else "select a number first"
        for action in self.selection_actions:
            action.setStatusTip(f"{action.text().replace('&', '').rstrip('…')}: {shown}")

    def chosen_number(self) -> NumberDetail | None:
        detail = self.lines_page.selected_detail()
        if detail is None:
            self.show_page(self.lines_page)
            self.statusBar().showMessage("Select a number in the Lines view first.", 5000)
        return detail

    def _update_status_bar(self) -> None:
        text, detail = view_count(self)
        self.view_count.setText(text)
        self.view_count.setToolTip(detail)

    def refresh(self, select_id: int | None = None) -> None:
        self.lines_page.refresh(select_id)
        self.areas_page.model.refresh()
        self.applications_page.model.refresh()
        self.orders_page.refresh()
        self.contacts_page.refresh()
        self.outreach_page.refresh()
        if self.pages.currentWidget() is self.review_page:  # a full scan: only when looked at
            self.review_page.model.refresh()
        self._update_status_bar()

    # -- applications ----------------------------------------------------------------------
    def add_to_application(self) -> None:
        numbers = self.lines_page.selected_numbers()
        if numbers:
            self.applications.add_to_application(numbers)

    def new_application(self) -> None:
        self.applications.new_application(self.lines_page.selected_numbers())

    def _chosen_reference(self) -> str | None:
        reference = self.applications_page.selected_reference()
        if reference is None:
            self.nav.setCurrentRow(self.pages.indexOf(self.applications_page))
            self.statusBar().showMessage("Select an application first.", 5000)
        return reference

    def open_application(self) -> None:
        reference = self._chosen_reference()
        if reference:
            self.applications.open_editor(reference)

    def hearing_pack(self) -> None:
        reference = self._chosen_reference()
        if reference:
            self.applications.build_pack(reference)

    def supplementary_bundle(self) -> None:
        reference = self._chosen_reference()
        if reference:
            self.applications.build_supplement(reference)

    # -- dialogs (tests patch run_dialog so that nothing blocks) --------------------------
    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def report_problem(self, message: str) -> None:
        QMessageBox.warning(self, "Raptor Desktop", as_sentence(message))

    def go_to_view(self, row: int) -> None:
        """Ctrl+1…9: the view, with the keyboard in the navigation; Tab goes through the view.
        A view the officer's role hides stays closed."""
        if self.nav.item(row).isHidden():
            return
        self.nav.setCurrentRow(row)
        self.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_page(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(page))

    def apply_role(self) -> None:
        """Show only what the signed-in officer's role allows (the store enforces it anyway)."""
        for action, permission in (
            (self.settings_action, Permission.CHANGE_SETTINGS),
            (self.backup_action, Permission.BACKUP),
            (self.restore_action, Permission.BACKUP),
            (self.accounts_action, Permission.MANAGE_ACCOUNTS),
            (self.audit_action, Permission.READ_AUDIT),
            (self.merge_action, Permission.MERGE_LINES),
        ):
            action.setEnabled(may(self.store, permission))
        review_row = self.pages.indexOf(self.review_page)
        allowed = may(self.store, Permission.RETENTION)
        self.nav.item(review_row).setHidden(not allowed)
        self.view_actions[review_row].setVisible(allowed)  # its Ctrl+N had opened it to anyone
        self.view_actions[review_row].setEnabled(allowed)
        self.signed_in.setText(f"{self.store.actor} ({self.store.role.value})")

    def manage_accounts(self) -> None:
        self._admin_dialog("Accounts", lambda: AccountsDialog(self.store, self))

    def show_audit(self) -> None:
        self._admin_dialog("Audit log", lambda: AuditDialog(self.store, self.run_dialog, self))

    def _admin_dialog(self, title: str, make: Callable[[], QDialog]) -> None:
        try:
            dialog = make()
        except Refusal as error:  # the store says who may
            QMessageBox.warning(self, title, as_sentence(str(error)))
            return
        self.run_dialog(dialog)

    def settings(self) -> None:
        self.run_dialog(SettingsDialog(self.store, self))
        self.refresh()

    def about(self) -> None:
        QMessageBox.about(self, "About Raptor Desktop", about_text(self.store))

    # -- databases, window state -----------------------------------------------------------
    def _let_work_finish(self) -> None:
        """Every worker done with the register before the window lets go of it."""
        self.dashboard_page.wait()
        self.summaries_page.wait()
        self.imports.stop()
        self.applications.wait()
        self.backups.wait()
        self.exchange.wait()

    def close_store_for_restore(self) -> None:
        """Let go of the database file so a restore can replace it."""
        self._let_work_finish()
        self.store.close()
        self._store_closed = True

    def switch_to(self, store: Store) -> None:
        self.records.forget()
        self._let_work_finish()
        old, was_closed = self.store, self._store_closed
        self._store_closed = False
        self.store = store
        self.undo_stack.clear()
        for label in (self.db_label, self.signed_in, self.view_count):
            self.statusBar().removeWidget(label)
        self._build_pages()
        if not was_closed:
            old.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.applications.close_editors():  # the officer kept changes to save
            event.ignore()
            return
        remember(self, self.lines_page.splitter)
        self._let_work_finish()
        if not self._store_closed:
            self.backups.automatic(daily=False)
        super().closeEvent(event)
