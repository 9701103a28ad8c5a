"""Dates: ISO dates that read left to right in every language, and the one date field that may be empty."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QWidget

ISO_DATE = "yyyy-MM-dd"

# A date field without a tick box shows its "no date" text at this date, its lowest: the field is empty.
NO_DATE = QDate(2000, 1, 1)


def iso_dates(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Show dates as 2026-10-31, left to right even in Urdu.

    A date edit lays its sections out in the layout direction it has when its format is set: in a
    right-to-left window "2026-10-31" would become "31-10-2026". So the direction comes first.
    """
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat(ISO_DATE)
    return edit


def qdate(value: object) -> QDate | None:
    """An ISO date string (or date) as a QDate; None when empty or not a date."""
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day)
    if isinstance(value, str) and value:
        parsed = QDate.fromString(value, Qt.DateFormat.ISODate)
        return parsed if parsed.isValid() else None
    return None


class _DateField(QDateEdit):
    """The date edit inside :class:`OptionalDateEdit`: a calendar, ISO dates, and (given ``empty_text``)
    an empty state of its own at :data:`NO_DATE`."""

    def __init__(self, empty_text: str | None) -> None:
        super().__init__()
        self.empty_text = empty_text
        self.setCalendarPopup(True)
        iso_dates(self)
        if empty_text is None:
            self.setDate(QDate.currentDate())
        else:
            self.setMinimumDate(NO_DATE)
            self.setSpecialValueText(empty_text)
            self.setDate(NO_DATE)

    def is_empty(self) -> bool:
        return self.empty_text is not None and self.date() == NO_DATE

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt's name)
        # Stepping from "no date" starts at today, not at the year 2000.
        if self.is_empty():
            self.setDate(QDate.currentDate())
        else:
            super().stepBy(steps)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        if self.is_empty():  # the calendar opened on the year 2000: show this month instead
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and self.empty_text is not None:
            self.setDate(NO_DATE)
        else:
            super().keyPressEvent(event)


class OptionalDateEdit(QWidget):
    """A date that may be left empty (unknown, not set, no filter), in one of two looks.

    * ``tick_box=True``, for a form where "unknown" is an answer to record: a tick box labelled
      ``none_text`` beside the date; ticked, the date is greyed out and the value is None.
    * Otherwise, for a filter bar or a quick-entry row: the field itself reads ``none_text`` when empty;
      Delete empties it, and stepping or opening the calendar from empty starts at today.

    Either way :meth:`value` is the date as YYYY-MM-DD or None, :meth:`set_value` takes a date, an ISO
    string or None, and ``changed`` says the value may have changed. ``date`` is the date edit itself
    (it has the focus and the accessible name); ``none`` is the tick box, or None.
    """

    changed = Signal()

    def __init__(self, none_text: str, *, tick_box: bool = False, none_by_default: bool = True,
                 accessible_name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date = _DateField(None if tick_box else none_text)
        layout.addWidget(self.date)
        self.none: QCheckBox | None = None
        if tick_box:
            self.none = QCheckBox(none_text)
            self.none.toggled.connect(lambda checked: self.date.setEnabled(not checked))
            self.none.setChecked(none_by_default)
            self.date.setEnabled(not none_by_default)
            self.none.toggled.connect(lambda _checked: self.changed.emit())
            layout.addWidget(self.none)
            layout.addStretch(1)
        else:
            self.date.setToolTip(self.tr("Delete empties the date."))
            if not none_by_default:
                self.date.setDate(QDate.currentDate())
        if accessible_name:
            self.date.setAccessibleName(accessible_name)
        self.date.dateChanged.connect(lambda _date: self.changed.emit())
        self.setFocusProxy(self.date)

    def is_none(self) -> bool:
        """Whether the field holds no date."""
        return self.none.isChecked() if self.none is not None else self.date.is_empty()

    def value(self) -> str | None:
        """The date as YYYY-MM-DD, or None when there is none."""
        return None if self.is_none() else self.date.date().toString(Qt.DateFormat.ISODate)

    def set_value(self, value: object) -> None:
        """Show a date (``datetime.date`` or ISO string), or no date for None or anything not a date."""
        parsed = qdate(value)
        if self.none is not None:
            if parsed is not None:
                self.date.setDate(parsed)
            self.none.setChecked(parsed is None)
        else:
            self.date.setDate(parsed if parsed is not None else NO_DATE)
