"""Settings → Networks: each network's host and its address for service of orders."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from raptor_desktop.gui.settings_dialog import SettingsDialog
from raptor_desktop.store.database import Store
from raptor_desktop.store.settings import network_addresses, network_legal_names


def _shown(dialog: SettingsDialog) -> list[str]:
    return [dialog.networks.item(r).text() for r in range(dialog.networks.count())]


def _networks_at(qtbot: QtBot, store: Store, network: str) -> SettingsDialog:
    """The settings dialog, the network ``network`` chosen in its list."""
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    rows = _shown(dialog)
    dialog.networks.setCurrentRow(next(i for i, t in enumerate(rows) if t.startswith(network)))
    return dialog


def test_an_address_for_service_is_set_from_the_settings(qtbot: QtBot, demo_store: Store) -> None:
    dialog = _networks_at(qtbot, demo_store, "EE ")
    assert dialog.network.text() == "EE"
    assert dialog.address.text().startswith("Law Enforcement Liaison Team")
    dialog.address.setText("Law Enforcement Liaison, EE, Hatfield")
    dialog.set_network()
    assert network_addresses(demo_store)["EE"] == "Law Enforcement Liaison, EE, Hatfield"
    assert any("Hatfield" in t for t in _shown(dialog))


def test_a_legal_name_is_set_from_the_settings(qtbot: QtBot, demo_store: Store) -> None:
    dialog = _networks_at(qtbot, demo_store, "Three ")
    assert dialog.legal_name.text() == "Three (Training) Limited"
    dialog.legal_name.setText("Hutchison 3G UK Limited")
    dialog.set_network()
    assert network_legal_names(demo_store)["Three"] == "Hutchison 3G UK Limited"
    assert any(t.startswith("Three ") and "Hutchison 3G UK Limited" in t for t in _shown(dialog))


def test_a_new_network_is_added_with_its_host_address_and_legal_name(
    qtbot: QtBot, demo_store: Store
) -> None:
    from raptor_desktop.store.settings import networks

    dialog = SettingsDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.network.setText("Nova  Mobile")
    dialog.host.setText("EE")
    dialog.address.setText("Liaison, Nova Mobile, Leeds")
    dialog.legal_name.setText("Nova Telecom Limited")
    dialog.set_network()
    assert ("Nova Mobile", "EE") in networks(demo_store)
    assert network_addresses(demo_store)["Nova Mobile"] == "Liaison, Nova Mobile, Leeds"
    assert network_legal_names(demo_store)["Nova Mobile"] == "Nova Telecom Limited"


def test_the_court_fee_is_set_from_the_settings_and_a_bad_one_saves_nothing(
    qtbot: QtBot, demo_store: Store
) -> None:
    from raptor_desktop.store.settings import COURT_FEE, REVIEW_MONTHS, get_int, get_text

    dialog = SettingsDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.review_months.setValue(9)
    dialog.court_fee.setText("three hundred")
    dialog.save()
    assert "is not an amount in pounds" in dialog.error.text()
    assert get_int(demo_store, REVIEW_MONTHS) == 6  # nothing saved: one change or none
    dialog.court_fee.setText("332.00")
    dialog.save()
    assert get_text(demo_store, COURT_FEE) == "332.00"
    assert get_int(demo_store, REVIEW_MONTHS) == 9


def test_the_default_operation_is_set_in_the_settings_and_a_new_line_starts_in_it(
    qtbot: QtBot, demo_store: Store
) -> None:
    from raptor_desktop.gui.line_dialog import LineDialog

    dialog = SettingsDialog(demo_store)
    qtbot.addWidget(dialog)
    assert dialog.operation.currentText() == "Operation Raptor"
    dialog.operation.setCurrentText("Operation Orchid")
    dialog.save()
    line = LineDialog(demo_store)
    qtbot.addWidget(line)
    assert line.operation.currentText() == "Operation Orchid"


def test_an_email_for_service_is_kept_only_with_the_rest_of_the_change(
    qtbot: QtBot, demo_store: Store
) -> None:
    """The routes for service (PD 6A): a bad email address keeps none of the change."""
    from raptor_desktop.store.settings import network_routes

    dialog = _networks_at(qtbot, demo_store, "EE ")
    assert dialog.details["service_email"].text() == "orders@ee.example"  # the demo's
    dialog.details["dx_box"].setText("DX 1000 Hatfield")
    dialog.details["service_email"].setText("orders at ee")
    dialog.set_network()
    assert "'orders at ee' is not an email address" in dialog.error.text()
    assert network_routes(demo_store, "EE").dx == ""  # nothing kept
    dialog.details["service_email"].setText("lelt@ee.example")
    dialog.set_network()
    routes = network_routes(demo_store, "EE")
    assert (routes.dx, routes.email) == ("DX 1000 Hatfield", "lelt@ee.example")
    assert any(t.startswith("EE ") and "lelt@ee.example" in t for t in _shown(dialog))


def test_the_kind_of_address_for_service_is_set_from_the_settings(
    qtbot: QtBot, demo_store: Store
) -> None:
    from raptor_desktop.store.settings import network_details

    dialog = _networks_at(qtbot, demo_store, "EE ")
    assert dialog.details["address_kind"].text() == "given"  # the demo's
    dialog.details["address_kind"].setText("head office")
    dialog.set_network()
    assert "use one of given, principal office, place of business" in dialog.error.text()
    dialog.details["address_kind"].setText("principal office")
    dialog.set_network()
    assert network_details(demo_store)["EE"]["address_kind"] == "principal office"
