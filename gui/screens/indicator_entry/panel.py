"""The panel around one indicator's grid: its title and definitions, the grid, the engine's messages,
and (after a warning) the comment that lets the figure be saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gui.screens.indicator_entry.model import ERROR_STATE, WARNING_STATE, IndicatorGridModel
from gui.screens.indicator_entry.view import EntryGridView
from gui.widgets.plain import html_fill, plain_label, rich_label
from gui.widgets.style import ERROR_STYLE, NOTE_STYLE, QUIET_GREY, WARNING_STYLE
from storage.i18n import fill


class IndicatorPanel(QFrame):
    """One indicator: its title, definitions, grid, message line and (when needed) a comment field."""

    def __init__(self, model: IndicatorGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.pending_comment: str | None = None
        self.setFrameShape(QFrame.Shape.NoFrame)
        indicator, item = model.indicator, model.item
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        layout.setSpacing(4)
        # The colour goes in before ``html_fill``: fill isolates each value for right-to-left text, and an
        # isolated colour would no longer be one in the style attribute. The values are escaped.
        title = self.tr("<b>{code}</b>  {name} <span style='color:{colour}'>({unit}, {period})</span>")
        self.title = rich_label(html_fill(title.replace("{colour}", QUIET_GREY), code=indicator.code,
                                          name=indicator.name, unit=self._unit_word(indicator.unit),
                                          period=item.period))
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        notes = []
        if indicator.has_fraction:
            notes.append(fill(self.tr("Numerator: {numerator}. Denominator: {denominator}."), numerator=indicator.numerator, denominator=indicator.denominator))
        if item.history_periods:
            notes.append(fill(self.tr("Grey figures: {periods}."), periods=" · ".join(item.history_periods)))
        self.notes = plain_label("  ".join(notes))
        self.notes.setStyleSheet(NOTE_STYLE)
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.view = EntryGridView()
        self.view.setModel(model)
        self.view.setAccessibleName(f"{indicator.code} {indicator.name}")
        layout.addWidget(self.view, 0, Qt.AlignmentFlag.AlignLeading)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self.comment_row = QWidget()
        row = QHBoxLayout(self.comment_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.comment_label = plain_label(self.tr("Comment:"))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Why the figure is right, e.g. a new prison wing opened"))
        self.comment.setAccessibleName(self.tr("Comment on the unusual figure"))
        self.comment_label.setBuddy(self.comment)
        self.save_comment = QPushButton(self.tr("Save with comment"))
        # Saving without a comment must stay possible: the person who knows why may be out today.
        self.check_later_button = QPushButton(self.tr("Check later"))
        self.check_later_button.setToolTip(self.tr("Save the figure now; the dashboard lists it until someone "
                                                   "corrects it or adds a comment"))
        self.discard_button = QPushButton(self.tr("Undo typing"))
        row.addWidget(self.comment_label)
        row.addWidget(self.comment, 1)
        row.addWidget(self.save_comment)
        row.addWidget(self.check_later_button)
        row.addWidget(self.discard_button)
        self.comment_row.hide()
        layout.addWidget(self.comment_row)
        model.messageChanged.connect(self.show_message)
        model.commentNeeded.connect(self.ask_comment)
        self.comment.returnPressed.connect(self.submit_comment)
        self.save_comment.clicked.connect(self.submit_comment)
        self.check_later_button.clicked.connect(self.save_to_check_later)
        self.discard_button.clicked.connect(self.discard_pending)
        self.view.fit()

    def _unit_word(self, unit: str) -> str:
        return {"count": self.tr("count"), "percent": self.tr("percent"), "ratio": self.tr("ratio"),
                "days": self.tr("days")}.get(unit, unit)

    def show_message(self, text: str) -> None:
        states = {state for _, state, _ in self.model.problems()}
        self.message.setStyleSheet(ERROR_STYLE if ERROR_STATE in states else WARNING_STYLE if WARNING_STATE in states
                                   else NOTE_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if self.pending_comment and self.model.states[self.pending_comment].state != WARNING_STATE:
            self.pending_comment = None
            self.comment_row.hide()

    def ask_comment(self, cell: str, message: str) -> None:
        """The engine warned and the cell has no comment: ask for one inline, beside the grid."""
        self.pending_comment = cell
        self.comment_label.setText(fill(self.tr("Comment on {cell}:"), cell=self.model.cell_label(cell)))
        self.comment.clear()
        self.comment_row.show()
        QTimer.singleShot(0, self.comment.setFocus)

    def submit_comment(self) -> None:
        cell = self.pending_comment
        if cell is None:
            return
        if self.model.supply_comment(cell, self.comment.text()):
            self._answered(cell)
        elif not self.comment.text().strip():
            self.comment.setFocus()

    def save_to_check_later(self) -> None:
        cell = self.pending_comment
        if cell is not None and self.model.check_later(cell):
            self._answered(cell)

    def _answered(self, cell: str) -> None:
        """The warned cell was saved (with a comment, or to check later): close the question, go on typing."""
        self.comment_row.hide()
        self.pending_comment = None
        self.view.setFocus()
        self.view.setCurrentIndex(self.model.index_of(cell))
        self.view.move("next")

    def discard_pending(self) -> None:
        if self.pending_comment is not None:
            self.model.discard(self.pending_comment)
            self.comment_row.hide()
            self.pending_comment = None
            self.view.setFocus()
