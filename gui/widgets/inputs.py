"""Inputs: a password field, a field for a fingerprint heard by phone, and choosers over the catalogue's
options (names shown, codes kept)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from gui.widgets.labels import code_font
from storage.errors import UsageError
from storage.reference.catalogue import Option, Validity
from storage.reference.periods import Period
from sync.keys import parse_fingerprint

FINGERPRINT_PLACEHOLDER = "XXXX-XXXX-XXXX-XXXX"  # the shape, not a value: four groups of four


def password_field(accessible_name: str) -> QLineEdit:
    """A line edit that hides what is typed, named for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    return field


def fingerprint_field(accessible_name: str) -> QLineEdit:
    """A line edit for the fingerprint another office reads out by phone: typed by the person, never filled
    in from a file; left to right even in Urdu, in the fixed-width font of keys (8 and B, 2 and Z apart)."""
    field = QLineEdit()
    field.setAccessibleName(accessible_name)
    field.setPlaceholderText(FINGERPRINT_PLACEHOLDER)
    field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    field.setFont(code_font(14))
    field.setMaximumWidth(field.fontMetrics().horizontalAdvance(f" {FINGERPRINT_PLACEHOLDER} ") * 3 // 2)
    return field


def reads_as_fingerprint(typed: str) -> bool:
    """Whether ``typed`` has a fingerprint's form (``sync.keys.parse_fingerprint``: case, dashes and Urdu
    digits do not matter). Only to enable a button: whether it is the right one is sync's to say."""
    try:
        parse_fingerprint(typed)
    except UsageError:
        return False
    return True


def valid_on(validity: Validity, day: dt.date) -> bool:
    """Whether a catalogue entry (a district, an institution) exists on ``day``, by the catalogue's own
    rule (``Validity.covers``): an entry whose end date is still to come is valid until then."""
    return validity.covers(Period(day, day, "day", day.isoformat()))


def catalogue_label(name: str) -> str:
    """A catalogue name as the user reads it (translatable under the "catalogue" context)."""
    return QCoreApplication.translate("catalogue", name)


class ChoiceBox(QComboBox):
    """A combo box of catalogue options whose first entry (data None) means nothing chosen."""

    def __init__(self, options: list[Option], empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(empty_text, None)
        for option in options:
            self.addItem(catalogue_label(option.name), option.code)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, code: object) -> None:
        """Select ``code``; a code the list does not have is kept (and shown as itself) so it is not lost."""
        if code in (None, ""):
            self.setCurrentIndex(0)
            return
        index = self.findData(code)
        if index < 0:
            self.addItem(str(code), code)
            index = self.count() - 1
        self.setCurrentIndex(index)


class YesNoBox(ChoiceBox):
    """Yes / No / not recorded, for the optional yes-or-no facts (disability, previous incidents)."""

    def __init__(self, empty_text: str, yes_text: str, no_text: str, parent: QWidget | None = None) -> None:
        super().__init__([], empty_text, parent)
        self.addItem(yes_text, 1)
        self.addItem(no_text, 0)

    def set_value(self, code: object) -> None:
        super().set_value(None if code is None else int(bool(code)))
