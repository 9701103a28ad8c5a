"""The GBV classification stepper of the case form: the catalogue's questions one at a time, in order.

The first "yes" sets the type and the rest are not asked; the type is whatever
``storage.validation.classify`` makes of the answers (a string of "y" and "n"), never decided here. A
"non-GBV" answer asks what kind of complaint it was instead.

The form shows storage's problems beside the inputs they name, so the stepper leaves its inputs' error
labels to the form: it calls the form's ``field`` (wrap an input with its error label) and
``register_error`` (an error label in this layout for a field) where they belong in its layout.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.widgets.inputs import ChoiceBox, catalogue_label
from gui.widgets.labels import larger
from gui.widgets.style import BOLD_STYLE
from storage.i18n import fill
from storage.reference.catalogue import Catalogue
from storage.validation import classify

# The form's hooks: wrap an input with its error label; put a field's error label in a layout.
FieldWrapper = Callable[[str, QWidget], QWidget]
ErrorRegistrar = Callable[[str, QWidget, QVBoxLayout], object]


class ClassificationStepper(QGroupBox):
    """Asks the catalogue's classification questions in turn; ``changed`` after each answer or restart."""

    changed = Signal()

    def __init__(self, catalogue: Catalogue, can_edit: bool, field: FieldWrapper, register_error: ErrorRegistrar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.can_edit = can_edit
        self.core_types = [gbv_type for gbv_type in catalogue.gbv_types if gbv_type.question]
        self.answers = ""
        self.setTitle(self.tr("Type of violence (GBV classification)"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Ask each question in turn. The first \"yes\" sets the type; the rest are not asked."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.answered = QLabel()
        self.answered.setWordWrap(True)
        self.answered.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.answered)
        self.question_number = QLabel()
        self.question_number.setStyleSheet(BOLD_STYLE)
        self.question = QLabel()
        self.question.setWordWrap(True)
        larger(self.question)
        layout.addWidget(self.question_number)
        layout.addWidget(self.question)
        answer_row = QHBoxLayout()
        self.restart_button = QPushButton(self.tr("Restart &questions"))
        self.restart_button.clicked.connect(self.restart)
        self.yes_button = QPushButton(self.tr("&Yes"))
        self.no_button = QPushButton(self.tr("&No"))
        self.yes_button.clicked.connect(lambda: self.answer("y"))
        self.no_button.clicked.connect(lambda: self.answer("n"))
        answer_row.addWidget(self.yes_button)
        answer_row.addWidget(self.no_button)
        answer_row.addStretch(1)
        layout.addLayout(answer_row)
        self.type_label = QLabel()
        self.type_label.setWordWrap(True)
        self.type_label.setStyleSheet(BOLD_STYLE)
        layout.addWidget(self.type_label)
        register_error("gbv_type", self.yes_button, layout)
        register_error("classification_answers", self.restart_button, layout)
        # Built in this order (answers, then the complaint, then restart) so that Tab visits them so.
        self.complaint_row = QWidget()
        complaint_form = QFormLayout(self.complaint_row)
        complaint_form.setContentsMargins(0, 0, 0, 0)
        self.complaint = ChoiceBox(catalogue.lists["non_gbv_complaint"], self.tr("Choose…"))
        complaint_form.addRow(self.tr("&Kind of complaint:"), field("non_gbv_complaint", self.complaint))
        layout.addWidget(self.complaint_row)
        restart_row = QHBoxLayout()
        restart_row.addWidget(self.restart_button)
        restart_row.addStretch(1)
        layout.addLayout(restart_row)
        layout.addStretch(1)

    def gbv_type(self) -> str | None:
        """The type the answers so far give, as storage classifies them; None while incomplete."""
        return classify(self.answers, self.catalogue)

    def current_question(self) -> int | None:
        """The 0-based index of the question being asked, or None when the answers give a type."""
        if self.gbv_type() is not None or len(self.answers) >= len(self.core_types):
            return None
        return len(self.answers)

    def answer(self, letter: str) -> None:
        """Record the answer to the question on screen and move on (or stop at a type)."""
        if self.gbv_type() is not None or len(self.answers) >= len(self.core_types):
            return
        self.answers += letter
        self._show()
        if self.gbv_type() is None:
            (self.yes_button if letter == "y" else self.no_button).setFocus()
        elif self.gbv_type() == "non_gbv":
            self.complaint.setFocus()
        else:
            self.restart_button.setFocus()
        self.changed.emit()

    def restart(self) -> None:
        """Forget the answers and start again at the first question."""
        self.answers = ""
        self.complaint.set_value(None)
        self._show()
        self.changed.emit()

    def set_answers(self, answers: str, complaint: object) -> None:
        """Show a stored case's answers and complaint (no ``changed``: the form refreshes once it is loaded)."""
        self.answers = answers
        self.complaint.set_value(complaint)
        self._show()

    def _show(self) -> None:
        gbv_type = self.gbv_type()
        lines = []
        for number, (letter, core) in enumerate(zip(self.answers, self.core_types, strict=False), start=1):
            word = self.tr("Yes") if letter == "y" else self.tr("No")
            lines.append(fill(self.tr("{number}. {question}  {answer}"), number=number, question=catalogue_label(core.question), answer=word))
        self.answered.setText("\n".join(lines))
        self.answered.setVisible(bool(lines))
        index = self.current_question()
        asking = index is not None
        self.question_number.setVisible(asking)
        self.question.setVisible(asking)
        self.yes_button.setEnabled(asking and self.can_edit)
        self.no_button.setEnabled(asking and self.can_edit)
        self.yes_button.setVisible(asking)
        self.no_button.setVisible(asking)
        if asking:
            self.question_number.setText(fill(self.tr("Question {number} of {count}"), number=index + 1, count=len(self.core_types)))
            self.question.setText(catalogue_label(self.core_types[index].question))
        if gbv_type is not None:
            names = {t.code: t.name for t in self.catalogue.gbv_types}
            self.type_label.setText(fill(self.tr("Type: {name}"), name=catalogue_label(names.get(gbv_type, gbv_type))))
        elif self.answers and not asking:
            self.type_label.setText(self.tr("The stored answers do not give a type. Restart the questions."))
        else:
            self.type_label.setText(self.tr("Type: not decided yet"))
        self.complaint_row.setVisible(gbv_type == "non_gbv")
