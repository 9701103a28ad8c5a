"""The indicator entry grid's view: figures with their history under them, Tab along a row, Enter down."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from gui.screens.indicator_entry.model import WARNING_STATE, CellKeyRole, HistoryRole, IndicatorGridModel
from gui.widgets.style import HISTORY_GREY

HISTORY_TEXT = QColor(HISTORY_GREY)


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
