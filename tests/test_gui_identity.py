"""The screens that show the identity key's state: who waits for access, the grant, and a case form whose
identity and notes are sealed away from a user without the key (storage.core.identity)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from gui.screens.desk_register.case_form.dialog import CaseFormDialog
from gui.screens.users_screen import UsersScreen
from storage.records.desk import get_desk_case, save_desk_case
from storage.records.users import add_user
from tests.sync_helpers import desk_case, sign_in

IDENTITY = {"name": "Zarina Bibi", "cnic": "54401-1234567-1"}


def test_the_users_screen_shows_who_waits_and_a_holder_grants(qtbot, district_db, supervisor, district_admin):
    add_user(district_admin, "zara", "operator", "zara-pass-long")
    admin_screen = UsersScreen(district_admin)
    qtbot.addWidget(admin_screen)
    admin_screen.refresh()
    states = {admin_screen.model.index(row, 0).data(): admin_screen.model.index(row, 2).data()
              for row in range(admin_screen.model.rowCount())}
    assert states["zara"] == "active, waiting for access to case identities"
    assert states["omar"] == "active"
    grant_texts = "&Grant access to case identities"
    assert grant_texts not in [button.text() for button in admin_screen.findChildren(QPushButton)]

    screen = UsersScreen(supervisor)
    qtbot.addWidget(screen)
    screen.refresh()
    [grant] = [button for button in screen.findChildren(QPushButton) if button.text() == grant_texts]
    zara_row = [screen.model.index(row, 0).data() for row in range(screen.model.rowCount())].index("zara")
    screen.table.selectRow(zara_row)
    grant.click()
    assert screen.message.text() == "zara may now see case identities."
    assert screen.model.index(zara_row, 0).data() == "zara" and screen.model.index(zara_row, 2).data() == "active"


def test_a_waiting_user_sees_why_the_identity_and_notes_are_empty(qtbot, district_db, operator, district_admin):
    case_uuid = save_desk_case(operator, desk_case(notes="A note"), identity=IDENTITY)
    add_user(district_admin, "zara", "operator", "zara-pass-long")
    zara = sign_in(district_db, "zara")
    try:
        assert get_desk_case(zara, case_uuid)["identity_withheld"] == "waiting"
        form = CaseFormDialog(zara, case_uuid)
        qtbot.addWidget(form)
        assert form.notes.isReadOnly() and form.notes.toPlainText() == ""
        assert form.notes.placeholderText() == "Waiting for access: a supervisor grants it on the Users screen."
        assert all(line.isReadOnly() and line.text() == "" for line in form.identity_inputs.values())
    finally:
        zara.close()
    own = CaseFormDialog(operator, case_uuid)
    qtbot.addWidget(own)
    assert own.notes.toPlainText() == "A note" and not own.notes.isReadOnly()
    assert own.identity_inputs["name"].text() == "Zarina Bibi"
