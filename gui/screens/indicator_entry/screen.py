"""The indicator entry screen: one grid per indicator, each cell saved when it is left.

The grids are :class:`IndicatorGridModel` models (no widgets needed to test them). A cell's figure goes
to :func:`storage.records.save_indicator_values` alone, as one ``ValueInput``; the validation engine
decides, and the model shows what it said: saved, an error (red, the rule's message), or a warning that
needs a comment (amber; the panel asks for the comment and the model saves again with it).

Layout of a grid (from :func:`storage.entry.grid_layout`): the indicator's first category gives the
rows, the combinations of the other categories give the columns, and the total is a row of its own at
the bottom. Percents and ratios take a numerator and a denominator column per cell, followed by the
value storage computed. Under each figure, in small grey type, are the last three periods' figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.screens.base import Screen
from gui.widgets.labels import heading_label
from gui.widgets.style import (
    COMPUTED_FILL,
    ERROR_FILL,
    ERROR_RED,
    ERROR_STYLE,
    HISTORY_GREY,
    NOTE_STYLE,
    PENDING_FILL,
    QUIET_GREY,
    READ_ONLY_FILL,
    SAVED_FILL,
    WARNING_FILL,
    WARNING_STYLE,
)
from storage.catalogue import TOTAL_CELL
from storage.database import Session
from storage.entry import (
    EntrySheet,
    Heading,
    SheetIndicator,
    StoredValue,
    completeness,
    entry_institutions,
    entry_sheet,
    institution_periods,
    last_complete_period,
    mark_sheet_complete,
    sheet_frequency,
    stored_values,
)
from storage.errors import MizanError, ValidationFailed
from storage.i18n import fill
from storage.records import delete_indicator_value, save_indicator_values, today
from storage.users import allowed
from storage.validation import WARNING, ValueInput

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

# Rules about several cells at once: a cell refused by them is retried with the next save of its grid,
# so that correcting the total after a cell (or a cell after the total) can go through.
CROSS_CELL_RULES = frozenset({"IV_CELLS_SUM", "IV_CELLS_EXCEED_TOTAL"})

COLOURS = {
    SAVED: QColor(SAVED_FILL),
    PENDING: QColor(PENDING_FILL),
    WARNING_STATE: QColor(WARNING_FILL),
    ERROR_STATE: QColor(ERROR_FILL),
}
READ_ONLY_BACKGROUND = QColor(READ_ONLY_FILL)
COMPUTED_BACKGROUND = QColor(COMPUTED_FILL)
ERROR_TEXT = QColor(ERROR_RED)
HISTORY_TEXT = QColor(HISTORY_GREY)


def format_figure(number: float | int | None) -> str:
    """A stored figure as digits (never locale-grouped, so it reads the same in every language)."""
    if number is None:
        return ""
    if isinstance(number, float):
        if number.is_integer():
            return str(int(number))
        return f"{number:.4f}".rstrip("0").rstrip(".")
    return str(number)


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
        return 0 if parent.isValid() else len(self.headings) * len(self.parts)

    def part(self, column: int) -> str:
        return self.parts[column % len(self.parts)]

    def cell_key(self, row: int, column: int) -> str | None:
        """The storage cell key at (row, column); None for the blank columns of the total row."""
        heading = column // len(self.parts)
        if row == self.total_row:
            return TOTAL_CELL if heading == 0 else None
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
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell, part)
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
        heading = self.headings[section // len(self.parts)]
        lines = list(heading.names)
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

    def discard(self, cell: str) -> None:
        """Forget unsaved typing in a cell: it shows the stored figure again."""
        state = self.states[cell]
        state.drafts.clear()
        self._set_state(cell, STORED if state.stored else EMPTY)
        self._changed()

    def _figures(self, cell: str) -> dict[str, str]:
        return {part: self.text(cell, part) for part in self.parts if part != COMPUTED}

    def _input(self, cell: str, comment: str | None) -> ValueInput:
        figures = self._figures(cell)
        stored = self.states[cell].stored
        if comment is None and stored is not None:
            comment = stored.comment  # a cell's comment stays with it when its figure is corrected
        item = self.item
        return ValueInput(self.indicator.code, self.district, item.period, cell, value=figures.get(VALUE) or None,
                          numerator=figures.get(NUMERATOR) or None, denominator=figures.get(DENOMINATOR) or None,
                          comment=comment)

    def _commit(self, cell: str, comment: str | None = None) -> bool:
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
        inputs = [self._input(cell, comment), *(self._input(other, None) for other in retry)]
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


class FigureDelegate(QStyledItemDelegate):
    """Paints a figure with the last three periods' figures under it in small grey type."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        # The current cell gets a frame, not a fill, so that its state colour stays visible.
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        option.state &= ~QStyle.StateFlag.State_Selected
        option.state &= ~QStyle.StateFlag.State_HasFocus
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        if selected:
            painter.save()
            pen = painter.pen()
            pen.setColor(option.palette.highlight().color())
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()
        rect = option.rect.adjusted(6, 3, -6, -3)
        top = QRect(rect.left(), rect.top(), rect.width(), rect.height() // 2 + 2)
        bottom = QRect(rect.left(), top.bottom(), rect.width(), rect.bottom() - top.bottom())
        painter.save()
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # figures read left to right
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground.color() if foreground is not None else option.palette.text().color())
        painter.setFont(option.font)
        painter.drawText(top, align, text)
        history = index.data(HistoryRole) or []
        if history and any(entry != "–" for entry in history):
            small = QFont(option.font)
            small.setPointSizeF(max(option.font.pointSizeF() * 0.8, 6.5))
            painter.setFont(small)
            painter.setPen(HISTORY_TEXT)
            painter.drawText(bottom, align, " · ".join(history))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        metrics = QFontMetrics(option.font)
        history = " · ".join(index.data(HistoryRole) or [])
        width = max(metrics.horizontalAdvance(str(index.data() or "")), int(metrics.horizontalAdvance(history) * 0.85))
        return QSize(width + 16, int(metrics.height() * 2.3))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor


class EntryGridView(QTableView):
    """A grid that sizes itself to its cells; Tab moves along a row, Enter down a column (editable only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(FigureDelegate(self))
        self.setTabKeyNavigation(False)  # Tab is handled below, so it can leave the grid at its end
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setWordWrap(False)

    def fit(self) -> None:
        """Size columns and rows to their contents and the widget to the whole grid (no inner scrolling)."""
        model = self.model()
        if model is None:
            return
        height = int(QFontMetrics(self.font()).height() * 2.3)
        self.verticalHeader().setDefaultSectionSize(height)
        self.resizeColumnsToContents()
        for column in range(model.columnCount()):
            self.setColumnWidth(column, max(self.columnWidth(column), 84))
        header = self.verticalHeader()
        header_width = max(header.sizeHint().width(), header.width())
        width = header_width + sum(self.columnWidth(c) for c in range(model.columnCount()))
        header_height = max(self.horizontalHeader().sizeHint().height(), self.horizontalHeader().height())
        self.setFixedSize(width + 2 * self.frameWidth() + 1, header_height + height * model.rowCount()
                          + 2 * self.frameWidth() + 1)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.fit()  # the headers know their real sizes once shown

    def grid_model(self) -> IndicatorGridModel:
        model = self.model()
        assert isinstance(model, IndicatorGridModel)
        return model

    def move(self, mode: str) -> bool:
        """Make the next editable cell current; False when the grid has none left."""
        target = self.grid_model().next_editable(self.currentIndex(), mode)
        if not target.isValid():
            return False
        self.setCurrentIndex(target)
        return True

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        cell = self.currentIndex().data(CellKeyRole)
        if cell and self.grid_model().states[cell].state == WARNING_STATE:
            return  # stay: the panel asks for a comment
        mode = {QAbstractItemDelegate.EndEditHint.EditNextItem: "next",
                QAbstractItemDelegate.EndEditHint.EditPreviousItem: "previous",
                QAbstractItemDelegate.EndEditHint.SubmitModelCache: "down"}.get(hint)
        if mode and not self.move(mode):
            super().focusNextPrevChild(mode != "previous")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            if not self.move("down"):
                super().focusNextPrevChild(True)
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        if self.state() != QAbstractItemView.State.EditingState and self.move("next" if forward else "previous"):
            return True
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        if not self.currentIndex().isValid() and self.model() is not None:
            first = self.grid_model().next_editable(QModelIndex(), "next")
            if first.isValid():
                self.setCurrentIndex(first)


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
        # The colour goes in before ``fill``: fill isolates each value for right-to-left text, and an
        # isolated colour would no longer be one in the style attribute.
        title = self.tr("<b>{code}</b>  {name} <span style='color:{colour}'>({unit}, {period})</span>")
        self.title = QLabel(fill(title.replace("{colour}", QUIET_GREY), code=indicator.code, name=indicator.name,
                                 unit=self._unit_word(indicator.unit), period=item.period))
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        notes = []
        if indicator.has_fraction:
            notes.append(fill(self.tr("Numerator: {numerator}. Denominator: {denominator}."), numerator=indicator.numerator, denominator=indicator.denominator))
        if item.history_periods:
            notes.append(fill(self.tr("Grey figures: {periods}."), periods=" · ".join(item.history_periods)))
        self.notes = QLabel("  ".join(notes))
        self.notes.setStyleSheet(NOTE_STYLE)
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.view = EntryGridView()
        self.view.setModel(model)
        self.view.setAccessibleName(f"{indicator.code} {indicator.name}")
        layout.addWidget(self.view, 0, Qt.AlignmentFlag.AlignLeading)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self.comment_row = QWidget()
        row = QHBoxLayout(self.comment_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.comment_label = QLabel(self.tr("Comment:"))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Why the figure is right, e.g. a new prison wing opened"))
        self.comment.setAccessibleName(self.tr("Comment on the unusual figure"))
        self.comment_label.setBuddy(self.comment)
        self.save_comment = QPushButton(self.tr("Save with comment"))
        self.discard_button = QPushButton(self.tr("Undo typing"))
        row.addWidget(self.comment_label)
        row.addWidget(self.comment, 1)
        row.addWidget(self.save_comment)
        row.addWidget(self.discard_button)
        self.comment_row.hide()
        layout.addWidget(self.comment_row)
        model.messageChanged.connect(self.show_message)
        model.commentNeeded.connect(self.ask_comment)
        self.comment.returnPressed.connect(self.submit_comment)
        self.save_comment.clicked.connect(self.submit_comment)
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
            self.comment_row.hide()
            self.pending_comment = None
            self.view.setFocus()
            self.view.setCurrentIndex(self.model.index_of(cell))
            self.view.move("next")
        elif not self.comment.text().strip():
            self.comment.setFocus()

    def discard_pending(self) -> None:
        if self.pending_comment is not None:
            self.model.discard(self.pending_comment)
            self.comment_row.hide()
            self.pending_comment = None
            self.view.setFocus()


class IndicatorEntryScreen(Screen):
    """Institution and period choosers over a scrolling list of indicator grids."""

    permission = "view"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.sheet: EntrySheet | None = None
        self.models: dict[str, IndicatorGridModel] = {}
        self.panels: dict[str, IndicatorPanel] = {}
        layout = QVBoxLayout(self)
        heading = heading_label(self.tr("Indicator entry"))
        layout.addWidget(heading)
        bar = QHBoxLayout()
        self.district = QComboBox()
        self.district.setAccessibleName(self.tr("District"))
        if session.district is None:
            for code, district in session.catalogue.districts.items():
                self.district.addItem(district.name, code)
            bar.addWidget(QLabel(self.tr("District:")))
            bar.addWidget(self.district)
        else:
            self.district.addItem(session.district, session.district)
            self.district.hide()
        self.institution = QComboBox()
        self.institution.setAccessibleName(self.tr("Institution"))
        for code in entry_institutions(session.catalogue):
            if session.catalogue.institutions[code].validity.valid_to is None:
                self.institution.addItem(session.catalogue.institutions[code].name, code)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        institution_label = QLabel(self.tr("&Institution:"))
        institution_label.setBuddy(self.institution)
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period)
        bar.addWidget(institution_label)
        bar.addWidget(self.institution)
        bar.addSpacing(12)
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        bar.addSpacing(12)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.mark_button = QPushButton(self.tr("Mark complete"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        for button in (self.mark_button, self.reopen_button):
            button.setVisible(allowed(session, "mark_complete"))
            bar.addWidget(button)
        layout.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll, 1)
        self.institution.currentIndexChanged.connect(self._fill_periods)
        self.period.currentIndexChanged.connect(self.load)
        self.district.currentIndexChanged.connect(self.load)
        self.mark_button.clicked.connect(lambda: self.set_complete(True))
        self.reopen_button.clicked.connect(lambda: self.set_complete(False))
        self._fill_periods()

    def title(self) -> str:
        return self.tr("Indicator entry")

    def refresh(self) -> None:
        self.load()

    def choose(self, institution: str, period: str | None = None) -> None:
        """Select an institution (and period) as the user would."""
        self.institution.setCurrentIndex(self.institution.findData(institution))
        if period is not None:
            self.period.setCurrentIndex(self.period.findData(period))

    def _fill_periods(self) -> None:
        institution = self.institution.currentData()
        if institution is None:
            return
        keep = self.period.currentData()
        on = today()
        periods = institution_periods(self.session.catalogue, institution, on, 24)
        frequency = sheet_frequency(self.session.catalogue, institution)
        default = last_complete_period(frequency, on) if frequency else None
        self.period.blockSignals(True)
        self.period.clear()
        for code in periods:
            label = code if code != periods[0] or code == default else fill(self.tr("{period} (in progress)"), period=code)
            self.period.addItem(label, code)
        wanted = keep if keep in periods else default if default in periods else (periods[0] if periods else None)
        self.period.setCurrentIndex(max(self.period.findData(wanted), 0))
        self.period.blockSignals(False)
        self.load()

    def load(self) -> None:
        """Build one panel per indicator of the chosen sheet."""
        institution, period, district = self.institution.currentData(), self.period.currentData(), \
            self.district.currentData()
        if not institution or not period or not district:
            return
        self.sheet = entry_sheet(self.session, district, institution, period)
        self.models.clear()
        self.panels.clear()
        container = QWidget()
        column = QVBoxLayout(container)
        for item in self.sheet.indicators:
            model = IndicatorGridModel(self.session, district, item, container)
            panel = IndicatorPanel(model, container)
            self.models[item.indicator.code] = model
            self.panels[item.indicator.code] = panel
            column.addWidget(panel)
        if not self.sheet.indicators:
            column.addWidget(QLabel(fill(self.tr("Nothing is due from this institution for {period}."), period=period)))
        column.addStretch(1)
        self.scroll.setWidget(container)
        self._show_status()

    def _show_status(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        reasons = {item.read_only_reason for item in sheet.indicators if item.read_only_reason}
        if sheet.complete:
            text = self.tr("Marked complete.")
            if reasons:
                text += " " + QCoreApplication.translate("entry", next(iter(reasons)))
            elif allowed(self.session, "mark_complete"):
                text += " " + self.tr("Operators can no longer change it; you still can.")
        elif reasons:
            text = QCoreApplication.translate("entry", next(iter(reasons)))
        else:
            found = next((row for row in completeness(self.session, sheet.district, sheet.period)
                          if row.institution == sheet.institution), None)
            entered, expected = (found.entered, found.expected) if found else (0, 0)
            text = fill(self.tr("{entered} of {expected} cells entered. Each cell is saved when you leave it."), entered=entered, expected=expected)
        self.status.setText(text)
        self.mark_button.setEnabled(not sheet.complete and bool(sheet.indicators))
        self.reopen_button.setEnabled(sheet.complete)

    def set_complete(self, complete: bool) -> None:
        """Mark the sheet's data sets complete, or reopen them (supervisors)."""
        sheet = self.sheet
        if sheet is None:
            return
        try:
            mark_sheet_complete(self.session, sheet.district, sheet.institution, sheet.period, complete)
        except MizanError as error:
            self.status.setText(str(error))
            return
        self.load()

