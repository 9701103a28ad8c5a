"""The application window. This is the foundation's placeholder: sign in and see the installation.

The setup wizard, data entry screens and the rest arrive with the district desktop issue.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.tasks import run_task
from storage import __version__
from storage.database import Session, default_database_path, open_session
from storage.errors import MizanError


class MainWindow(QMainWindow):
    """Sign-in form, then a summary of the installation the user opened."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Mizan {version}").format(version=__version__))
        self.resize(900, 600)
        central = QWidget()
        outer = QVBoxLayout(central)
        card = QWidget()
        card.setMinimumWidth(420)
        card.setMaximumWidth(520)  # a sign-in form reads best narrow, even on a wide screen
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(card)
        heading = QLabel(self.tr("Mizan"))
        heading.setStyleSheet("font-size: 22pt; font-weight: 600;")
        subtitle = QLabel(self.tr("Balochistan Rule of Law Roadmap: district figures and gender desk records"))
        subtitle.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        self.user_name = QLineEdit()
        self.user_name.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow(self.tr("&Password"), self.password)
        self.sign_in = QPushButton(self.tr("&Sign in"))
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self.start_sign_in)
        self.password.returnPressed.connect(self.start_sign_in)
        self.form_widget = QWidget()
        form_box = QVBoxLayout(self.form_widget)
        form_box.addLayout(form)
        form_box.addWidget(self.sign_in)
        layout.addWidget(self.form_widget)
        layout.addWidget(self.status)
        self.setCentralWidget(central)
        if not db_path.exists():
            self.form_widget.setEnabled(False)
            self.status.setText(self.tr(
                "There is no database at {path} yet. The setup wizard comes in a later version; for now create "
                "one from a terminal:\n  python main.py init --role district --district QUETTA --admin YOUR_NAME"
            ).format(path=db_path))
        else:
            self.status.setText(self.tr("Database: {path}").format(path=db_path))

    def start_sign_in(self) -> None:
        """Key derivation takes a noticeable moment, so it runs off the GUI thread."""
        user, password = self.user_name.text().strip(), self.password.text()
        if not user:
            self.status.setText(self.tr("Type your user name."))
            return
        self.sign_in.setEnabled(False)
        self.status.setText(self.tr("Signing in…"))
        run_task(lambda: open_session(self.db_path, user, password), self.finish_sign_in)

    def finish_sign_in(self, session: object, error: Exception | None) -> None:
        self.sign_in.setEnabled(True)
        self.password.clear()
        if error is not None:
            message = str(error) if isinstance(error, MizanError) else self.tr("Could not sign in: {error}").format(
                error=error)
            self.status.setText(message)
            return
        assert isinstance(session, Session)
        self.session = session
        where = session.district or self.tr("provincial centre")
        self.setWindowTitle(self.tr("Mizan: {where}, {user} ({role})").format(
            where=where, user=session.user, role=session.role))
        self.form_widget.hide()
        self.status.setText(self.tr(
            "Signed in as {user} ({role}) on device {device}.\nThe data entry screens arrive in the next version; "
            "meanwhile use the command line (python main.py --help)."
        ).format(user=session.user, role=session.role, device=session.installation["device_name"]))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)


def run_app(db_path: str | Path | None = None) -> int:
    """Start the GUI on ``db_path`` or the default database."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Mizan")
    window = MainWindow(Path(db_path) if db_path else default_database_path())
    window.show()
    return app.exec()
