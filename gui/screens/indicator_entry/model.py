"""The indicator entry grid's model: one indicator's cells, each saved through storage when it is left.

A cell's figure goes to :func:`storage.records.values.save_indicator_values` alone, as one ``ValueInput``; the
validation engine decides, and the model shows what it said: saved, an error (red, the rule's message),
or a warning that needs a comment (amber; the panel asks for the comment and the model saves again
with it). No widget is needed to test it.

Layout of a grid (from :func:`storage.views.entry_sheet.grid_layout`): the indicator's first category gives the
rows, the combinations of the other categories give the columns, and the total is a row of its own at
the bottom. When there are column categories the grid also has a Total column, and the total sits where
the Total row meets it (bottom right), under the Total heading: not under the first column's heading
("Under 18"), where it was once shown. Percents and ratios take a numerator and a denominator column per
cell, followed by the value storage computed (grey). Each figure carries the last three periods' figures
(``HistoryRole``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from gui.widgets.plain import plain_tooltip
from gui.widgets.style import (
    COMPUTED_FILL,
    ERROR_FILL,
    ERROR_RED,
    PENDING_FILL,
    READ_ONLY_FILL,
    SAVED_FILL,
    WARNING_FILL,
)
from storage.core.session import Session
from storage.errors import MizanError, ValidationFailed
from storage.i18n import fill
from storage.records.values import delete_indicator_value, save_indicator_values
from storage.reference.catalogue import TOTAL_CELL
from storage.validation import CROSS_CELL_RULES, CROSS_INDICATOR_RULES, ERROR, WARNING, Issue, ValueInput
from storage.views.entry_sheet import Heading, SheetIndicator, StoredValue, stored_values

# The parts of one cell a column can show.
VALUE, NUMERATOR, DENOMINATOR, COMPUTED = "value", "numerator", "denominator", "computed"

# Custom roles of IndicatorGridModel.
CellKeyRole = Qt.ItemDataRole.UserRole + 1  # the storage cell key ("total", "age=adult;sex=male"), or None
PartRole = Qt.ItemDataRole.UserRole + 2  # VALUE, NUMERATOR, DENOMINATOR or COMPUTED
StateRole = Qt.ItemDataRole.UserRole + 3  # one of the states below
HistoryRole = Qt.ItemDataRole.UserRole + 4  # the last three periods' figures, oldest first, as text
MessageRole = Qt.ItemDataRole.UserRole + 5  # the engine's message for an error or warning, else ""

# Cell states.
EMPTY, STORED, SAVED, PENDING, WARNING_STATE, ERROR_STATE = "empty", "stored", "saved", "pending", "warning", "error"

COLOURS = {
    SAVED: QColor(SAVED_FILL),
    PENDING: QColor(PENDING_FILL),
    WARNING_STATE: QColor(WARNING_FILL),
    ERROR_STATE: QColor(ERROR_FILL),
}
READ_ONLY_BACKGROUND = QColor(READ_ONLY_FILL)
COMPUTED_BACKGROUND = QColor(COMPUTED_FILL)
ERROR_TEXT = QColor(ERROR_RED)


def format_figure(number: float | int | None) -> str:
    """A stored figure as digits (never locale-grouped, so it reads the same in every language)."""
    if number is None:
        return ""
    if isinstance(number, float):
        if number.is_integer():
            return str(int(number))
        return f"{number:.4f}".rstrip("0").rstrip(".")
    return str(number)


def _header_lines(name: str, longest: int = 12) -> list[str]:
    """A column heading's name on one line, or two when long: before a bracket ("Adult" / "(18 and over)"),
    else at the space nearest the middle. Each heading's column is as wide as its longest line, and a
    percent's three columns each repeat it: kept on one line, the widest grids did not fit the screen."""
    if len(name) <= longest or " " not in name.strip():
        return [name]
    if " (" in name:
        cut = name.index(" (")
    else:
        spaces = [at for at, char in enumerate(name) if char == " "]
        cut = min(spaces, key=lambda at: abs(at - len(name) / 2))
    return [name[:cut].strip(), name[cut:].strip()]


@dataclass
class CellState:
    """What the grid knows about one cell: the stored figures, unsaved typing, and the engine's verdict."""

    stored: StoredValue | None
    drafts: dict[str, str] = field(default_factory=dict)
    state: str = EMPTY
    message: str = ""
    rules: tuple[str, ...] = ()


class IndicatorGridModel(QAbstractTableModel):
    """One indicator's cells as rows x columns; ``setData`` saves the cell through storage."""

    commentNeeded = Signal(str, str)  # cell key, the warning's message  # noqa: N815 (Qt's style)
    # A figure of this grid conflicts with figures elsewhere (a rules.csv rule): [(indicator, cell, message,
    # rule code, severity)], for the screen to show next to those figures too.
    conflictsElsewhere = Signal(list)  # noqa: N815
    messageChanged = Signal(str)  # noqa: N815
    cellSaved = Signal(str)  # noqa: N815

    def __init__(self, session: Session, district: str, item: SheetIndicator, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.district = district
        self.item = item
        self.indicator = item.indicator
        layout = item.layout
        self.headings: tuple[Heading, ...] = layout.columns or (Heading((), ()),)
        # With column categories, a Total column after them holds the total; without, the one column does.
        self.total_heading = len(self.headings) if layout.column_categories else 0
        self.parts: tuple[str, ...] = (NUMERATOR, DENOMINATOR, COMPUTED) if self.indicator.has_fraction else (VALUE,)
        self.read_only_reason = item.read_only_reason
        self.states: dict[str, CellState] = {}
        for cell in item.cells:
            stored = item.values.get(cell)
            self.states[cell] = CellState(stored, state=STORED if stored else EMPTY)

    # -- shape ---------------------------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self.read_only_reason is None

    @property
    def total_row(self) -> int:
        return len(self.item.layout.rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.total_row + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.heading_count * len(self.parts)

    @property
    def heading_count(self) -> int:
        """Column headings: the categories' combinations, and the Total column when there are any."""
        return max(len(self.headings), self.total_heading + 1)

    def part(self, column: int) -> str:
        return self.parts[column % len(self.parts)]

    def cell_key(self, row: int, column: int) -> str | None:
        """The storage cell key at (row, column); None for the blank columns of the total row."""
        heading = column // len(self.parts)
        if heading == len(self.headings):  # the Total column (column categories only): blank but at the Total row
            return TOTAL_CELL if row == self.total_row else None
        if row == self.total_row:  # the Total row: blank but under the total's heading
            return TOTAL_CELL if heading == self.total_heading else None
        return self.item.layout.cell(row, heading)

    def index_of(self, cell: str, part: str | None = None) -> QModelIndex:
        """The index showing ``part`` (default: the first typed part) of ``cell``."""
        wanted = part or self.parts[0]
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                if self.cell_key(row, column) == cell and self.part(column) == wanted:
                    return self.index(row, column)
        return QModelIndex()

    def cell_label(self, cell: str) -> str:
        if cell == TOTAL_CELL:
            return self.tr("Total")
        for row in range(self.total_row):
            for heading, column in enumerate(self.headings):
                if self.item.layout.cell(row, heading) == cell:
                    names = self.item.layout.rows[row].names + column.names
                    return " / ".join(names)
        return cell

    # -- reading -------------------------------------------------------------------------------------

    def _stored_text(self, cell: str, part: str) -> str:
        stored = self.states[cell].stored
        if stored is None:
            return ""
        return format_figure({VALUE: stored.value, NUMERATOR: stored.numerator,
                              DENOMINATOR: stored.denominator, COMPUTED: stored.value}[part])

    def text(self, cell: str, part: str) -> str:
        """What a part of a cell shows: unsaved typing first, else the stored figure."""
        state = self.states[cell]
        if part in state.drafts:
            return state.drafts[part]
        return self._stored_text(cell, part)

    def history_texts(self, cell: str, part: str) -> list[str]:
        """The last three periods' figures of this part of the cell, oldest first ('–' when none)."""
        texts = []
        for entry in self.item.history.get(cell, ()):
            if entry is None:
                texts.append("–")
                continue
            number = {VALUE: entry.value, NUMERATOR: entry.numerator, DENOMINATOR: entry.denominator,
                      COMPUTED: entry.value}[part]
            texts.append(format_figure(number) or "–")
        return texts

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell, part = self.cell_key(index.row(), index.column()), self.part(index.column())
        if role == CellKeyRole:
            return cell
        if role == PartRole:
            return part
        if cell is None:
            return None
        state = self.states[cell]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = self.text(cell, part)
            if role == Qt.ItemDataRole.DisplayRole and part == COMPUTED:
                if state.drafts:
                    return "…"
                if text and self.indicator.unit == "percent":
                    return f"{text}%"
            return text
        if role == StateRole:
            return state.state
        if role == MessageRole:
            return state.message
        if role == HistoryRole:
            return self.history_texts(cell, part)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if state.state in COLOURS:
                return QBrush(COLOURS[state.state])
            if not self.editable:
                return QBrush(READ_ONLY_BACKGROUND)
            if part == COMPUTED:
                return QBrush(COMPUTED_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ERROR_TEXT) if state.state == ERROR_STATE else None
        if role == Qt.ItemDataRole.ToolTipRole:  # a comment is someone else's words: shown as written
            return plain_tooltip(self._tooltip(cell, part))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.cell_label(cell)}: {self.text(cell, part)}"
        return None

    def _tooltip(self, cell: str, part: str) -> str:
        state = self.states[cell]
        lines = [self.cell_label(cell)]
        if state.message:
            lines.append(state.message)
        if state.stored and state.stored.comment:
            lines.append(fill(self.tr("Comment: {comment}"), comment=state.stored.comment))
        history = ", ".join(f"{period}: {text}" for period, text in
                            zip(self.item.history_periods, self.history_texts(cell, part), strict=False))
        if history:
            lines.append(fill(self.tr("Earlier: {history}"), history=history))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if section == self.total_row:
                return self.tr("Total")
            return self.item.layout.rows[section].label
        part = self.part(section)
        part_label = {
            VALUE: {"count": self.tr("Count"), "days": self.tr("Days")}.get(self.indicator.unit, self.tr("Value")),
            NUMERATOR: self.tr("Numerator"), DENOMINATOR: self.tr("Denominator"),
            COMPUTED: "%" if self.indicator.unit == "percent" else self.tr("Ratio"),
        }[part]
        heading = section // len(self.parts)
        if heading == len(self.headings):  # the Total column
            lines = [self.tr("Total")]
        else:
            lines = [line for name in self.headings[heading].names for line in _header_lines(name)]
        if part != VALUE or not lines:
            lines.append(part_label)
        return "\n".join(lines)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or self.cell_key(index.row(), index.column()) is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and self.part(index.column()) != COMPUTED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def next_editable(self, index: QModelIndex, mode: str = "next") -> QModelIndex:
        """The next editable index after ``index``: "next" row by row, "previous", or "down" column by column.

        An invalid index when there is none (the caller moves on to the next grid).
        """
        rows, columns = self.rowCount(), self.columnCount()
        if mode == "down":
            order = [(r, c) for c in range(columns) for r in range(rows)]
        else:
            order = [(r, c) for r in range(rows) for c in range(columns)]
            if mode == "previous":
                order.reverse()
        start = order.index((index.row(), index.column())) + 1 if index.isValid() else 0
        for row, column in order[start:]:
            candidate = self.index(row, column)
            if self.flags(candidate) & Qt.ItemFlag.ItemIsEditable:
                return candidate
        return QModelIndex()

    # -- writing -------------------------------------------------------------------------------------

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Save the typed figure of one cell (the cell is left); True when the figure changed."""
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        cell, part = self.cell_key(index.row(), index.column()), self.part(index.column())
        assert cell is not None
        text = "" if value is None else str(value).strip()
        if text == self.text(cell, part):
            return False
        self.states[cell].drafts[part] = text
        self._commit(cell)
        return True

    def supply_comment(self, cell: str, comment: str) -> bool:
        """Save the cell again with ``comment`` (the answer to :attr:`commentNeeded`); True when saved."""
        if not comment.strip():
            return False
        return self._commit(cell, comment.strip())

    def check_later(self, cell: str) -> bool:
        """Save the warned figure without a comment, marked to check later (the dashboard lists such figures
        until a comment or a correction answers the warning); True when saved."""
        return self._commit(cell, None, followup=True)

    def discard(self, cell: str) -> None:
        """Forget unsaved typing in a cell: it shows the stored figure again."""
        state = self.states[cell]
        state.drafts.clear()
        self._set_state(cell, STORED if state.stored else EMPTY)
        self._changed()

    def _figures(self, cell: str) -> dict[str, str]:
        return {part: self.text(cell, part) for part in self.parts if part != COMPUTED}

    def _input(self, cell: str, comment: str | None, followup: bool = False) -> ValueInput:
        figures = self._figures(cell)
        stored = self.states[cell].stored
        if comment is None and stored is not None:
            comment = stored.comment  # a cell's comment stays with it when its figure is corrected
        item = self.item
        return ValueInput(self.indicator.code, self.district, item.period, cell, value=figures.get(VALUE) or None,
                          numerator=figures.get(NUMERATOR) or None, denominator=figures.get(DENOMINATOR) or None,
                          comment=comment, followup=followup)

    def _commit(self, cell: str, comment: str | None = None, *, followup: bool = False) -> bool:
        figures = self._figures(cell)
        if not any(figures.values()):
            return self._clear(cell)
        if not all(figures.values()):
            self._set_state(cell, PENDING, self.tr(
                "Type both the numerator and the denominator; the cell is saved when both are filled."))
            self._changed()
            return False
        retry = [other for other, other_state in self.states.items()
                 if other != cell and other_state.state == ERROR_STATE and other_state.drafts
                 and set(other_state.rules) <= CROSS_CELL_RULES]
        batch = [cell, *retry]
        inputs = [self._input(cell, comment, followup), *(self._input(other, None) for other in retry)]
        for number, value_input in enumerate(inputs, start=1):
            value_input.row = number
        try:
            save_indicator_values(self.session, inputs)
        except ValidationFailed as failure:
            self._refused(batch, failure)
            return False
        except MizanError as error:
            self._set_state(cell, ERROR_STATE, str(error))
            self._changed()
            return False
        self._reload()
        for saved in batch:
            self.states[saved].drafts.clear()
            self._set_state(saved, SAVED)
        self._changed()
        for saved in batch:
            self.cellSaved.emit(saved)
        return True

    def _clear(self, cell: str) -> bool:
        state = self.states[cell]
        if state.stored is None:
            state.drafts.clear()
            self._set_state(cell, EMPTY)
            self._changed()
            return True
        try:
            delete_indicator_value(self.session, self.indicator.code, self.district, self.item.period, cell)
        except MizanError as error:
            self._set_state(cell, ERROR_STATE, str(error))
            self._changed()
            return False
        self._reload()
        state.drafts.clear()
        self._set_state(cell, EMPTY)
        self._changed()
        self.cellSaved.emit(cell)
        return True

    def _refused(self, batch: list[str], failure: ValidationFailed) -> None:
        by_cell: dict[str, list] = {cell: [] for cell in batch}
        for found in failure.issues:
            row = found.row if found.row and 1 <= found.row <= len(batch) else 1
            by_cell[batch[row - 1]].append(found)
        cross = [found for found in failure.issues if found.rule in CROSS_CELL_RULES]
        self._show_others([*failure.issues, *failure.warnings])
        for cell, found in by_cell.items():
            if cross and not found:
                found = cross  # every unsaved cell of the batch is part of the disagreement
            if not found:
                continue
            message = "\n".join(dict.fromkeys(f.message for f in found))
            rules = tuple(f.rule for f in found)
            if all(f.severity == WARNING for f in found):
                self._set_state(cell, WARNING_STATE, message, rules)
            else:
                self._set_state(cell, ERROR_STATE, message, rules)
        self._changed()
        first = batch[0]
        if self.states[first].state == WARNING_STATE:
            self.commentNeeded.emit(first, self.states[first].message)

    def _show_others(self, issues: list[Issue]) -> None:
        """A broken rule that compares indicators names other figures: mark those of this grid, and tell the
        screen about the rest, so the conflict shows next to both figures."""
        elsewhere = []
        for found in issues:
            for indicator, cell, message in found.others:
                if indicator == self.indicator.code and cell in self.states:
                    self.mark_conflict(cell, message, found.rule, found.severity)
                else:
                    elsewhere.append((indicator, cell, message, found.rule, found.severity))
        if elsewhere:
            self.conflictsElsewhere.emit(elsewhere)

    def mark_conflict(self, cell: str, message: str, rule: str, severity: str) -> None:
        """Show that a stored figure conflicts with another (``rule``: a rules.csv rule broken); a cell being
        typed keeps its own verdict, and a cell in several conflicts shows each."""
        state = self.states.get(cell)
        if state is None or state.drafts:
            return
        rules: tuple[str, ...] = (rule,)
        if state.state in (ERROR_STATE, WARNING_STATE) and state.rules and set(state.rules) <= CROSS_INDICATOR_RULES:
            message = "\n".join(dict.fromkeys([*state.message.split("\n"), message]))
            rules = tuple(dict.fromkeys([*state.rules, rule]))
            severity = WARNING if severity == WARNING and state.state == WARNING_STATE else ERROR
        self._set_state(cell, WARNING_STATE if severity == WARNING else ERROR_STATE, message, rules)
        self._changed()

    def clear_conflicts(self) -> None:
        """Forget the conflicts shown on stored figures (the screen works them out again after a save)."""
        for cell, state in self.states.items():
            if not state.drafts and state.rules and set(state.rules) <= CROSS_INDICATOR_RULES:
                self._set_state(cell, STORED if state.stored else EMPTY)
        self._changed()

    def retry_conflicts(self) -> None:
        """Save again each typed figure refused only by a rule that compares indicators: the other figure
        may have been corrected since."""
        for cell, state in list(self.states.items()):
            if state.drafts and state.state == ERROR_STATE and state.rules \
                    and set(state.rules) <= CROSS_INDICATOR_RULES:
                self._commit(cell)

    def _reload(self) -> None:
        fresh = stored_values(self.session, self.indicator.code, self.district, self.item.period)
        self.item.values = fresh
        for cell, state in self.states.items():
            state.stored = fresh.get(cell)

    def _set_state(self, cell: str, state: str, message: str = "", rules: tuple[str, ...] = ()) -> None:
        target = self.states[cell]
        target.state, target.message, target.rules = state, message, rules

    def _changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.messageChanged.emit(self.message())

    def problems(self) -> list[tuple[str, str, str]]:
        """(cell, state, message) of every cell in error, warning or waiting for its other half."""
        return [(cell, state.state, state.message) for cell, state in self.states.items()
                if state.state in (ERROR_STATE, WARNING_STATE, PENDING) and state.message]

    def message(self) -> str:
        """The message line under the grid: each problem cell and what the engine said."""
        return "\n".join(f"{self.cell_label(cell)}: {message}" for cell, _, message in self.problems())
