"""Users: who may sign in on this PC, their roles, locks; add, reset a password, unlock, remove."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.widgets.list_model import Index, ListTableModel
from gui.widgets.messages import call_storage, confirm, show_message
from gui.widgets.plain import input_dialog, plain_label
from storage.core.roles import ROLES_BY_INSTALLATION, role_name
from storage.core.session import Session
from storage.i18n import fill
from storage.records.users import (
    add_user,
    change_password,
    grant_identity_access,
    list_users,
    remove_user,
    unlock_user,
)

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class UsersModel(ListTableModel):
    NAME, ROLE, STATE = range(3)

    def __init__(self, session: Session) -> None:
        super().__init__([self.tr("User"), self.tr("Role"), self.tr("State")])
        self.session = session

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list_users(self.session)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        user = self.rows[index.row()]
        if role == NAME_ROLE:
            return user["name"]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == self.NAME:
            return user["name"]
        if index.column() == self.ROLE:
            return role_name(user["role"])
        if not user["active"]:
            return self.tr("removed")
        if user["locked_until"]:
            return fill(self.tr("locked until {time}"), time=user["locked_until"][11:16])
        if user.get("identity_access") == "waiting":
            return self.tr("active, waiting for access to case identities")
        return self.tr("active")


class AddUserDialog(QDialog):
    """Name, role (those this installation has) and the first password, typed twice."""

    def __init__(self, roles: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.name = QLineEdit()
        self.role = QComboBox()
        for code in roles:  # the role's name is shown, its code is what add_user takes
            self.role.addItem(role_name(code), code)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = plain_label()
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&User name"), self.name)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("Password &again"), self.again)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UsersScreen(Screen):
    permission = "manage_users"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = UsersModel(session)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Users"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.message = plain_label()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        actions = [(self.tr("&Add user…"), self.add), (self.tr("&Reset password…"), self.reset_password),
                   (self.tr("&Unlock"), self.unlock), (self.tr("Re&move"), self.remove)]
        if session.identity_key is not None:  # only a holder of the identity key can grant it
            actions.append((self.tr("&Grant access to case identities"), self.grant))
        for text, handler in actions:
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Users")

    def refresh(self) -> None:
        self.model.reload()

    def selected_user(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(NAME_ROLE) if rows else None

    def _run(self, action, done_text: str) -> bool:
        """Call a storage function; show its plain message either way."""
        if not call_storage(self.message, action):
            return False
        show_message(self.message, done_text, error=False)
        self.model.reload()
        return True

    def add(self) -> None:
        dialog = AddUserDialog(ROLES_BY_INSTALLATION[self.session.installation["role"]], self)
        while dialog.exec():
            name, role = dialog.name.text().strip(), dialog.role.currentData()
            if dialog.password.text() != dialog.again.text():
                show_message(dialog.message, self.tr("The two passwords differ."), error=True)
                continue
            if not call_storage(dialog.message, partial(add_user, self.session, name, role, dialog.password.text())):
                continue  # storage's rules (name, role, password length) in its words
            show_message(self.message, fill(self.tr("Added {name} ({role})."), name=name, role=role_name(role)), error=False)
            self.model.reload()
            return

    def reset_password(self) -> None:
        name = self.selected_user()
        if not name:
            show_message(self.message, self.tr("Choose a user first."), error=False)
            return
        dialog = input_dialog(self, self.tr("New password"), fill(self.tr("New password for {name}:"), name=name),
                              QLineEdit.EchoMode.Password)
        if dialog.exec():
            password = dialog.textValue()
            self._run(lambda: change_password(self.session, name, password),
                      fill(self.tr("Changed the password of {name}."), name=name))

    def unlock(self) -> None:
        name = self.selected_user()
        if name:
            self._run(lambda: unlock_user(self.session, name), fill(self.tr("Unlocked {name}."), name=name))

    def remove(self) -> None:
        name = self.selected_user()
        if not name:
            return
        if confirm(self, self.tr("Remove user"), fill(self.tr(
                "Remove {name}? Their password will no longer open this database."), name=name),
                self.tr("&Remove"), self.tr("&Keep")):
            self._run(lambda: remove_user(self.session, name), fill(self.tr(
                "Removed {name}. The database key was changed: their old password opens nothing new."), name=name))

    def grant(self) -> None:
        name = self.selected_user()
        if not name:
            show_message(self.message, self.tr("Choose a user first."), error=False)
            return
        self._run(lambda: grant_identity_access(self.session, name),
                  fill(self.tr("{name} may now see case identities."), name=name))



