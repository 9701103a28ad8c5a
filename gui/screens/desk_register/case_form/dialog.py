"""The gender facilitation desk's case form (GBVIMS intake): one dialog, one tab per part of the case.

The form only collects values and shows what storage says about them. ``storage.desk.save_desk_case``
validates and writes; each :class:`storage.validation.Issue` it raises is shown beside the input named by
its ``field`` code and in a summary list that jumps to the input. The GBV classification questions come
from the catalogue in their order, one at a time; the type is whatever ``storage.validation.classify``
makes of the answers. Identifying details get a tab only when the role may see them.

Saving a case takes a few milliseconds (about 4 ms median, 8 ms worst of 30 on a development machine,
with two services, a perpetrator and identifying details), so it runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.dates import OptionalDateEdit, iso_dates, qdate
from gui.widgets.inputs import ChoiceBox, YesNoBox, catalogue_label
from gui.widgets.labels import larger
from gui.widgets.style import BOLD_STYLE, ERROR_STYLE
from storage.catalogue import Option
from storage.database import Session
from storage.desk import IDENTITY_FIELDS, derived_fields, get_desk_case, list_desks, save_desk_case
from storage.errors import MizanError, ValidationFailed
from storage.i18n import fill
from storage.users import allowed
from storage.validation import Issue, classify

UNKNOWN_AGE = -1  # the spin box's lowest value, shown as "Unknown"
# Issue fields that name no single input: shown on the tab they belong to.
PERPETRATOR_ISSUE_FIELDS = ("perpetrator relationship", "perpetrator sex", "perpetrator age group")
SERVICE_ISSUE_FIELDS = ("services", "service", "service status")


class CaseFormDialog(QDialog):
    """Enter a new desk case (``case_uuid`` None) or change an existing one.

    After a successful save ``saved_uuid`` holds the case's uuid and the dialog is accepted.
    """

    def __init__(self, session: Session, case_uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.catalogue = session.catalogue
        self.case_uuid = case_uuid
        self.saved_uuid: str | None = None
        self.case: dict = get_desk_case(session, case_uuid) if case_uuid else {}
        self.can_edit = allowed(session, "desk_entry")
        self.shows_identity = allowed(session, "view_identities")
        self.core_types = [gbv_type for gbv_type in self.catalogue.gbv_types if gbv_type.question]
        self.answers = ""
        self.perpetrator_rows: list[dict] = []  # {"uuid": str | None, "relationship": ChoiceBox, ...}
        self.error_labels: dict[str, QLabel] = {}  # issue field -> the label beside its input
        self.error_targets: dict[str, QWidget] = {}  # issue field -> the input to focus
        self.error_tabs: dict[str, str] = {}  # issue field -> the name of the tab that holds it
        self._built = False

        if case_uuid:
            self.setWindowTitle(fill(self.tr("Desk case {number}"), number=self.case.get("case_number") or ""))
        else:
            self.setWindowTitle(self.tr("New desk case"))
        self.resize(1040, 700)

        outer = QVBoxLayout(self)
        outer.addWidget(self._build_header())
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)
        self.client_tab = self._add_tab(self._build_client(), self.tr("&1 Client"))
        self.incident_tab = self._add_tab(self._build_incident(), self.tr("&2 Incident"))
        self.perpetrators_tab = self._add_tab(self._build_perpetrators(), self.tr("&3 Alleged perpetrators"))
        self.services_tab = self._add_tab(self._build_services(), self.tr("&4 Services and referrals"))
        self.consent_tab = self._add_tab(self._build_consent(), self.tr("&5 Consent"))
        self.closing_tab = self._add_tab(self._build_closing(), self.tr("&6 Follow-up and closing"))
        self.identity_tab: QWidget | None = None
        if self.shows_identity:
            self.identity_tab = self._add_tab(self._build_identity(), self.tr("&7 Identifying details"))
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self._build_summary())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save case"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._built = True
        self._load(self.case)
        self._age_changed(self.client_age.value())
        self._status_changed()
        for signal in (self.client_age.valueChanged, self.report_date.dateChanged, self.incident_date.changed):
            signal.connect(self.refresh_derived)
        if not self.can_edit:
            self._make_read_only()
        self.tabs.setCurrentIndex(0)
        self.client_code.setFocus()
        self.discard_box: QMessageBox | None = None
        self._as_opened = self.values()  # what "unsaved changes" are measured against

    # -- building --------------------------------------------------------------------------------------

    def _add_tab(self, content: QWidget, title: str) -> QWidget:
        """Put a tab's content in a scroll area (small screens) and return the page."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.tabs.addTab(scroll, title)
        return scroll

    def _form_page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        return page, form

    def _field(self, field: str, widget: QWidget, page_of: str, *, stretch: bool = False,
               note: str | None = None) -> QWidget:
        """``widget`` with a hidden error label under it, registered under the issue field code."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(widget, 1 if stretch else 0)
        if not stretch:
            row.addStretch(1)
        layout.addLayout(row)
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self._register_error(field, widget, layout, page_of)
        return holder

    def _register_error(self, field: str, target: QWidget, layout: QVBoxLayout | QHBoxLayout, page_of: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        layout.addWidget(label)
        self.error_labels[field] = label
        self.error_targets[field] = target
        self.error_tabs[field] = page_of  # resolved to the page once the tab exists
        return label

    def _build_header(self) -> QWidget:
        header = QWidget()
        grid = QGridLayout(header)
        grid.setContentsMargins(0, 0, 0, 0)
        self.desk = QComboBox()
        self.desk.setAccessibleName(self.tr("Desk"))
        self.desk.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        stored_desk = self.case.get("desk")
        for desk in list_desks(self.session):
            here = self.session.is_centre or desk["district"] == self.session.district
            if (desk["active"] and here) or desk["code"] == stored_desk:
                self.desk.addItem(fill(self.tr("{name} ({code})"), name=desk["name"], code=desk["code"]), desk["code"])
        if stored_desk and self.desk.findData(stored_desk) < 0:
            self.desk.addItem(stored_desk, stored_desk)
        if stored_desk:
            self.desk.setCurrentIndex(self.desk.findData(stored_desk))
            self.desk.setEnabled(False)  # the case number belongs to the desk: a saved case stays at its desk
        elif self.desk.count() != 1:
            # Several desks share an office: no guessed default, so a case is never filed at the wrong one.
            self.desk.insertItem(0, self.tr("Choose the desk…"), None)
            self.desk.setCurrentIndex(0)
        desk_label = QLabel(self.tr("&Desk:"))
        desk_label.setBuddy(self.desk)
        desk_row = QHBoxLayout()
        desk_row.addWidget(self.desk)
        desk_row.addStretch(1)
        self.case_number = QLabel(self.case.get("case_number") or self.tr("assigned when the case is saved"))
        self.case_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_context = QLabel()
        self.elapsed = QLabel()
        for label in (self.case_number, self.case_context, self.elapsed):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(desk_label, 0, 0)
        grid.addLayout(desk_row, 0, 1)
        grid.addWidget(QLabel(self.tr("Case number:")), 0, 2)
        grid.addWidget(self.case_number, 0, 3)
        problems = QVBoxLayout()
        problems.setSpacing(0)
        self._register_error("desk", self.desk, problems, "header")
        self._register_error("case_number", self.desk, problems, "header")
        grid.addLayout(problems, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Case context:")), 2, 0)
        grid.addWidget(self.case_context, 2, 1)
        grid.addWidget(QLabel(self.tr("Time to report:")), 2, 2)
        grid.addWidget(self.elapsed, 2, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return header

    def _build_client(self) -> QWidget:
        page, form = self._form_page()
        lists = self.catalogue.lists
        self.client_code = QLineEdit()
        self.client_code.setMaxLength(40)
        self.client_code.setPlaceholderText(self.tr("e.g. QC-014"))
        form.addRow(self.tr("Client &code:"), self._field(
            "client_code", self.client_code, "client",
            note=self.tr("A pseudonymous code, never the client's name.")))
        self.client_sex = ChoiceBox(lists["client_sex"], self.tr("Choose…"))
        form.addRow(self.tr("Se&x:"), self._field("client_sex", self.client_sex, "client"))
        self.client_age = QSpinBox()
        self.client_age.setRange(UNKNOWN_AGE, 120)
        self.client_age.setSpecialValueText(self.tr("Unknown"))
        self.client_age.setSuffix(self.tr(" years"))
        self.client_age.setValue(UNKNOWN_AGE)
        self.client_age.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(self.tr("&Age:"), self._field(
            "client_age", self.client_age, "client",
            note=self.tr("If the age is not known, step down past 0 to \"Unknown\".")))
        self.age_estimated = QCheckBox(self.tr("Age es&timated"))
        form.addRow("", self.age_estimated)
        self.client_age_group = ChoiceBox(self.catalogue.categories.get("age", []), self.tr("Not recorded"))
        form.addRow(self.tr("Age g&roup:"), self._field(
            "client_age_group", self.client_age_group, "client",
            note=self.tr("Only when the age is unknown; a known age sets the group.")))
        self.client_age.valueChanged.connect(self._age_changed)
        self.disability = YesNoBox(self.tr("Not recorded"), self.tr("Yes"), self.tr("No"))
        form.addRow(self.tr("D&isability:"), self._field("disability", self.disability, "client"))
        self.displacement = ChoiceBox(lists["displacement"], self.tr("Not recorded"))
        form.addRow(self.tr("Dis&placement:"), self._field("displacement", self.displacement, "client"))
        return page

    def _build_incident(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        left, form = self._form_page()
        lists = self.catalogue.lists
        self.report_date = QDateEdit()
        self.report_date.setCalendarPopup(True)
        iso_dates(self.report_date)
        self.report_date.setDate(QDate.currentDate())
        form.addRow(self.tr("&Report date:"), self._field("report_date", self.report_date, "incident"))
        # Unknown until typed: a forgotten default of today would count as reported within 3 days.
        self.incident_date = OptionalDateEdit(self.tr("&Unknown"), tick_box=True)
        form.addRow(self.tr("&Incident date:"), self._field("incident_date", self.incident_date, "incident"))
        self.time_of_day = ChoiceBox(lists["time_of_day"], self.tr("Not recorded"))
        form.addRow(self.tr("&Time of day:"), self._field("time_of_day", self.time_of_day, "incident"))
        self.location_type = ChoiceBox(lists["location_type"], self.tr("Not recorded"))
        form.addRow(self.tr("&Location:"), self._field("location_type", self.location_type, "incident"))
        districts = sorted(self.catalogue.districts.values(), key=lambda district: district.name)
        self.incident_district = ChoiceBox([Option(d.code, d.name) for d in districts], self.tr("Not recorded"))
        self.incident_district.set_value(self.session.district)
        form.addRow(self.tr("Distri&ct of incident:"),
                    self._field("incident_district", self.incident_district, "incident"))
        self.previous_incidents = YesNoBox(self.tr("Not recorded"), self.tr("Yes"), self.tr("No"))
        form.addRow(self.tr("&Previous incidents:"),
                    self._field("previous_incidents", self.previous_incidents, "incident"))
        columns.addWidget(left, 1)
        columns.addWidget(self._build_classification(), 1)
        return page

    def _build_classification(self) -> QWidget:
        box = QGroupBox(self.tr("Type of violence (GBV classification)"))
        layout = QVBoxLayout(box)
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
        self.restart_button.clicked.connect(self.restart_classification)
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
        self._register_error("gbv_type", self.yes_button, layout, "incident")
        self._register_error("classification_answers", self.restart_button, layout, "incident")
        self.complaint_row = QWidget()
        complaint_form = QFormLayout(self.complaint_row)
        complaint_form.setContentsMargins(0, 0, 0, 0)
        self.non_gbv_complaint = ChoiceBox(self.catalogue.lists["non_gbv_complaint"], self.tr("Choose…"))
        complaint_form.addRow(self.tr("&Kind of complaint:"),
                              self._field("non_gbv_complaint", self.non_gbv_complaint, "incident"))
        layout.addWidget(self.complaint_row)
        restart_row = QHBoxLayout()
        restart_row.addWidget(self.restart_button)
        restart_row.addStretch(1)
        layout.addLayout(restart_row)
        layout.addStretch(1)
        return box

    def _build_perpetrators(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("One line per alleged perpetrator. Use \"Unknown\" where the client does not know."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.perpetrators = QTableWidget(0, 3)
        self.perpetrators.setHorizontalHeaderLabels([self.tr("Relationship to the client"), self.tr("Sex"),
                                                     self.tr("Age group")])
        self.perpetrators.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.perpetrators.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.perpetrators.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.perpetrators.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.perpetrators.setTabKeyNavigation(False)
        self.perpetrators.verticalHeader().setDefaultSectionSize(34)
        self.perpetrators.setAccessibleName(self.tr("Alleged perpetrators"))
        layout.addWidget(self.perpetrators, 1)
        buttons = QHBoxLayout()
        self.add_perpetrator_button = QPushButton(self.tr("&Add perpetrator"))
        self.remove_perpetrator_button = QPushButton(self.tr("&Remove selected"))
        for button in (self.add_perpetrator_button, self.remove_perpetrator_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_perpetrator_button.clicked.connect(lambda: self.add_perpetrator(focus=True))
        self.remove_perpetrator_button.clicked.connect(self.remove_perpetrator)
        layout.addLayout(buttons)
        label = self._register_error("perpetrators", self.perpetrators, layout, "perpetrators")
        for field in PERPETRATOR_ISSUE_FIELDS:
            self.error_labels[field] = label
            self.error_targets[field] = self.perpetrators
            self.error_tabs[field] = "perpetrators"
        return page

    def _build_services(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("Leave the status empty for a service not discussed. Referred, provided and "
                               "received elsewhere need the date of the referral or service."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, title in enumerate((self.tr("Service"), self.tr("Status"), self.tr("Date"),
                                        self.tr("FIR number"))):
            heading = QLabel(title)
            heading.setStyleSheet(BOLD_STYLE)
            grid.addWidget(heading, 0, column)
        self.service_rows: dict[str, dict] = {}
        for row, option in enumerate(self.catalogue.lists["service"], start=1):
            name = QLabel(catalogue_label(option.name))
            status = ChoiceBox(self.catalogue.lists["service_status"], self.tr("Not recorded"))
            status.setAccessibleName(fill(self.tr("Status of {service}"), service=catalogue_label(option.name)))
            name.setBuddy(status)
            date = OptionalDateEdit(self.tr("No date"), tick_box=True)
            date.date.setAccessibleName(fill(self.tr("Date of {service}"), service=catalogue_label(option.name)))
            grid.addWidget(name, row, 0)
            grid.addWidget(status, row, 1)
            grid.addWidget(date, row, 2)
            widgets = {"status": status, "date": date, "fir_number": None}
            if option.code == "fir":
                fir_number = QLineEdit()
                fir_number.setPlaceholderText(self.tr("e.g. 112/2026"))
                fir_number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                fir_number.setAccessibleName(self.tr("FIR number"))
                grid.addWidget(fir_number, row, 3)
                widgets["fir_number"] = fir_number
            self.service_rows[option.code] = widgets
        grid.setColumnStretch(4, 1)
        layout.addLayout(grid)
        first_status = next(iter(self.service_rows.values()))["status"] if self.service_rows else page
        label = self._register_error("services", first_status, layout, "services")
        for field in SERVICE_ISSUE_FIELDS:
            self.error_labels[field] = label
            self.error_targets[field] = first_status
            self.error_tabs[field] = "services"
        layout.addStretch(1)
        return page

    def _yes_no_group(self, name: str) -> tuple[QButtonGroup, QWidget]:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(self)
        yes, no = QRadioButton(self.tr("Yes")), QRadioButton(self.tr("No"))
        yes.setAccessibleName(fill(self.tr("{question}: yes"), question=name))
        no.setAccessibleName(fill(self.tr("{question}: no"), question=name))
        group.addButton(yes, 1)
        group.addButton(no, 0)
        row.addWidget(yes)
        row.addWidget(no)
        row.addStretch(1)
        holder.setFocusProxy(yes)
        return group, holder

    def _build_consent(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("Ask the client both questions and record the answers. Nothing is pre-filled."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        questions = (
            ("consent_services", self.tr("&Consent to services"),
             self.tr("Does the client agree to the services and referrals offered?")),
            ("consent_reporting", self.tr("Consent to share &non-identifiable data for reporting"),
             self.tr("Yes means this case may be counted and shared beyond the desk without the client's name, "
                     "CNIC, phone or address: only de-identified data leaves this office.")),
        )
        for field, title, explanation in questions:
            group, holder = self._yes_no_group(title.replace("&", ""))
            setattr(self, field, group)
            heading = QLabel(title)
            heading.setStyleSheet(BOLD_STYLE)
            heading.setWordWrap(True)
            heading.setBuddy(holder)
            layout.addSpacing(8)
            layout.addWidget(heading)
            layout.addWidget(self._field(field, holder, "consent", note=explanation))
        layout.addStretch(1)
        return page

    def _build_closing(self) -> QWidget:
        page, form = self._form_page()
        self.status = ChoiceBox(self.catalogue.lists["case_status"], self.tr("Choose…"))
        self.status.set_value("open")
        form.addRow(self.tr("Case s&tatus:"), self._field("status", self.status, "closing"))
        self.followup_date = OptionalDateEdit(self.tr("No dat&e"), tick_box=True)
        form.addRow(self.tr("&Follow-up date:"), self._field("followup_date", self.followup_date, "closing"))
        self.closing_reason = ChoiceBox(self.catalogue.lists["closing_reason"], self.tr("Choose…"))
        form.addRow(self.tr("Closing &reason:"), self._field("closing_reason", self.closing_reason, "closing"))
        self.status.currentIndexChanged.connect(self._status_changed)
        self.handling_officer = QLineEdit()
        self.handling_officer.setMaxLength(80)
        form.addRow(self.tr("&Handling officer:"), self._field("handling_officer", self.handling_officer, "closing",
                                                                stretch=True))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(160)
        self.notes.setPlaceholderText(self.tr("What happened, what the client asked for, what was done. "
                                              "Do not write names or CNICs here."))
        form.addRow(self.tr("N&otes:"), self._field("notes", self.notes, "closing", stretch=True))
        return page

    def _build_identity(self) -> QWidget:
        page, form = self._form_page()
        intro = QLabel(self.tr("Identifying details stay in this office: they are never synced, reported or "
                               "exported. Fill in only what the client agrees to give."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.identity_inputs: dict[str, QLineEdit] = {}
        labels = {"name": self.tr("&Name:"), "guardian_name": self.tr("&Father's or husband's name:"),
                  "cnic": self.tr("CN&IC:"), "phone": self.tr("&Phone:"), "address": self.tr("Add&ress:")}
        placeholders = {"cnic": "54400-1234567-1", "phone": "0300-1234567"}
        for field in IDENTITY_FIELDS:
            line = QLineEdit()
            line.setMaxLength(200 if field == "address" else 80)
            if field in placeholders:
                line.setPlaceholderText(placeholders[field])
                # Numbers stay left to right inside right-to-left text.
                line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                line.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                line.setMinimumWidth(220)
                widget = self._field(field, line, "identity")
            else:
                widget = self._field(field, line, "identity", stretch=True)
            self.identity_inputs[field] = line
            form.addRow(labels.get(field, field), widget)
        return page

    def _build_summary(self) -> QWidget:
        self.summary = QWidget()
        layout = QVBoxLayout(self.summary)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_title = QLabel()
        self.summary_title.setStyleSheet(f"{ERROR_STYLE} {BOLD_STYLE}")
        self.summary_title.setWordWrap(True)
        self.summary_list = QListWidget()
        self.summary_list.setAccessibleName(self.tr("Problems to correct"))
        self.summary_list.setWordWrap(True)

        self.summary_list.itemActivated.connect(self._go_to_issue)
        self.summary_list.itemClicked.connect(self._go_to_issue)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_list)
        self.summary.hide()
        return self.summary

    # -- loading and collecting --------------------------------------------------------------------------

    def _load(self, case: Mapping) -> None:
        """Fill the inputs from a stored case (or leave the new-case defaults)."""
        if not case:
            self.handling_officer.setText(self.session.user)
            self.restart_classification()
            self.refresh_derived()
            return
        self.client_code.setText(case.get("client_code") or "")
        self.client_sex.set_value(case.get("client_sex"))
        age = case.get("client_age")
        self.client_age.setValue(UNKNOWN_AGE if age is None else int(age))
        self.age_estimated.setChecked(bool(case.get("age_estimated")))
        self.client_age_group.set_value(case.get("client_age_group") if age is None else None)
        self.disability.set_value(case.get("disability"))
        self.displacement.set_value(case.get("displacement"))
        self.report_date.setDate(qdate(case.get("report_date")) or QDate.currentDate())
        self.incident_date.set_value(case.get("incident_date"))
        self.time_of_day.set_value(case.get("time_of_day"))
        self.location_type.set_value(case.get("location_type"))
        self.incident_district.set_value(case.get("incident_district"))
        self.previous_incidents.set_value(case.get("previous_incidents"))
        self.answers = case.get("classification_answers") or ""
        self.non_gbv_complaint.set_value(case.get("non_gbv_complaint"))
        self._show_classification()
        for perpetrator in case.get("perpetrators") or []:
            self.add_perpetrator(perpetrator)
        for service in case.get("services") or []:
            widgets = self.service_rows.get(service.get("service"))
            if widgets is None:
                continue
            widgets["status"].set_value(service.get("status"))
            widgets["date"].set_value(service.get("date"))
            if widgets["fir_number"] is not None:
                widgets["fir_number"].setText(service.get("fir_number") or "")
        for name, group in (("consent_services", self.consent_services),
                            ("consent_reporting", self.consent_reporting)):
            value = case.get(name)
            if value is not None:
                group.button(int(bool(value))).setChecked(True)
        self.status.set_value(case.get("status") or "open")
        self.followup_date.set_value(case.get("followup_date"))
        self.closing_reason.set_value(case.get("closing_reason"))
        self.handling_officer.setText(case.get("handling_officer") or "")
        self.notes.setPlainText(case.get("notes") or "")
        identity = case.get("identity") or {}
        if self.shows_identity:
            for field, line in self.identity_inputs.items():
                line.setText(identity.get(field) or "")
        self.refresh_derived()

    def values(self) -> tuple[dict, list[dict], list[dict], dict | None]:
        """(case, perpetrators, services, identity) as ``save_desk_case`` takes them."""
        age = self.client_age.value()
        gbv_type = classify(self.answers, self.catalogue)
        case = {
            "desk": self.desk.currentData(),
            "report_date": self.report_date.date().toString(Qt.DateFormat.ISODate),
            "incident_date": self.incident_date.value(),
            "time_of_day": self.time_of_day.value(),
            "location_type": self.location_type.value(),
            "incident_district": self.incident_district.value(),
            "client_code": self.client_code.text(),
            "client_sex": self.client_sex.value(),
            "client_age": None if age == UNKNOWN_AGE else age,
            "client_age_group": self.client_age_group.value() if age == UNKNOWN_AGE else None,
            "age_estimated": self.age_estimated.isChecked(),
            "disability": self.disability.value(),
            "displacement": self.displacement.value(),
            "classification_answers": self.answers,
            "gbv_type": gbv_type,
            "non_gbv_complaint": self.non_gbv_complaint.value() if gbv_type == "non_gbv" else None,
            "previous_incidents": self.previous_incidents.value(),
            "consent_services": self._consent(self.consent_services),
            "consent_reporting": self._consent(self.consent_reporting),
            "status": self.status.value(),
            "followup_date": self.followup_date.value(),
            "closing_reason": self.closing_reason.value() if self.status.value() == "closed" else None,
            "handling_officer": self.handling_officer.text(),
            "notes": self.notes.toPlainText(),
        }
        if self.case_uuid:
            case["uuid"] = self.case_uuid
        perpetrators = [
            {"uuid": row["uuid"], "relationship": row["relationship"].value(), "sex": row["sex"].value(),
             "age_group": row["age_group"].value()}
            for row in self.perpetrator_rows
        ]
        services = []
        for code, widgets in self.service_rows.items():
            fir_number = widgets["fir_number"].text().strip() if widgets["fir_number"] is not None else ""
            status, date = widgets["status"].value(), widgets["date"].value()
            if status or date or fir_number:
                services.append({"service": code, "status": status, "date": date, "fir_number": fir_number or None})
        identity = None
        if self.shows_identity:
            typed = {field: line.text().strip() for field, line in self.identity_inputs.items()}
            if any(typed.values()) or self.case.get("identity"):
                identity = typed
        return case, perpetrators, services, identity

    @staticmethod
    def _consent(group: QButtonGroup) -> bool | None:
        checked = group.checkedId()
        return None if checked < 0 else bool(checked)

    # -- the classification questions --------------------------------------------------------------------

    def answer(self, letter: str) -> None:
        """Record the answer to the question on screen and move on (or stop at a type)."""
        if classify(self.answers, self.catalogue) is not None or len(self.answers) >= len(self.core_types):
            return
        self.answers += letter
        self._show_classification()
        if self.gbv_type() is None:
            (self.yes_button if letter == "y" else self.no_button).setFocus()
        elif self.gbv_type() == "non_gbv":
            self.non_gbv_complaint.setFocus()
        else:
            self.restart_button.setFocus()
        self.refresh_derived()

    def restart_classification(self) -> None:
        """Forget the answers and start again at the first question."""
        self.answers = ""
        self.non_gbv_complaint.set_value(None)
        self._show_classification()
        self.refresh_derived()

    def gbv_type(self) -> str | None:
        """The type the answers so far give, as storage classifies them; None while incomplete."""
        return classify(self.answers, self.catalogue)

    def current_question(self) -> int | None:
        """The 0-based index of the question being asked, or None when the answers give a type."""
        if self.gbv_type() is not None or len(self.answers) >= len(self.core_types):
            return None
        return len(self.answers)

    def _show_classification(self) -> None:
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

    # -- perpetrators ------------------------------------------------------------------------------------

    def add_perpetrator(self, values: Mapping | None = None, focus: bool = False) -> None:
        """Append a line of three choices (filled from ``values`` when loading a stored case)."""
        values = values or {}
        lists = self.catalogue.lists
        row = self.perpetrators.rowCount()
        self.perpetrators.insertRow(row)
        widgets = {"uuid": values.get("uuid"),
                   "relationship": ChoiceBox(lists["relationship"], self.tr("Choose…")),
                   "sex": ChoiceBox(lists["client_sex"], self.tr("Choose…")),
                   "age_group": ChoiceBox(lists["perpetrator_age"], self.tr("Choose…"))}
        for column, name in enumerate(("relationship", "sex", "age_group")):
            box: ChoiceBox = widgets[name]
            box.set_value(values.get(name))
            box.setAccessibleName(fill(self.tr("Perpetrator {number}: {column}"), number=row + 1, column=self.perpetrators.horizontalHeaderItem(column).text()))
            self.perpetrators.setCellWidget(row, column, box)
        widgets["relationship"].currentIndexChanged.connect(self.refresh_derived)
        self.perpetrator_rows.append(widgets)
        self.perpetrators.selectRow(row)
        if focus:
            widgets["relationship"].setFocus()
        self.refresh_derived()

    def remove_perpetrator(self) -> None:
        """Remove the selected line (the last one when none is selected)."""
        if not self.perpetrator_rows:
            return
        row = self.perpetrators.currentRow()
        if row < 0 or row >= len(self.perpetrator_rows):
            row = len(self.perpetrator_rows) - 1
        self.perpetrators.removeRow(row)
        del self.perpetrator_rows[row]
        self.refresh_derived()

    # -- reactions ---------------------------------------------------------------------------------------

    def _age_changed(self, age: int) -> None:
        unknown = age == UNKNOWN_AGE
        self.client_age_group.setEnabled(unknown and self.can_edit)
        if not unknown:
            self.client_age_group.set_value(None)

    def _status_changed(self) -> None:
        closed = self.status.value() == "closed"
        self.closing_reason.setEnabled(closed and self.can_edit)

    def refresh_derived(self, *_changed: object) -> None:
        """Case context and reporting-time bucket, as storage derives them from the values on screen."""
        if not self._built:
            return
        case = {
            "gbv_type": self.gbv_type(),
            "client_age": None if self.client_age.value() == UNKNOWN_AGE else self.client_age.value(),
            "report_date": self.report_date.date().toString(Qt.DateFormat.ISODate),
            "incident_date": self.incident_date.value(),
            "perpetrators": [{"relationship": row["relationship"].value()} for row in self.perpetrator_rows],
        }
        derived = derived_fields(case)
        contexts = {
            "intimate_partner_violence": self.tr("Intimate partner violence"),
            "child_sexual_abuse": self.tr("Child sexual abuse"),
            "early_marriage": self.tr("Early marriage"),
        }
        names = [contexts.get(code, code) for code in derived["case_context"]]
        self.case_context.setText(", ".join(names) if names else self.tr("none"))
        buckets = {
            "0-3 days": self.tr("0-3 days"), "4-5 days": self.tr("4-5 days"), "6-14 days": self.tr("6-14 days"),
            "15-30 days": self.tr("15-30 days"), "over a month": self.tr("over a month"),
            "unknown": self.tr("unknown (no incident date)"),
        }
        self.elapsed.setText(buckets.get(derived["elapsed_bucket"], derived["elapsed_bucket"]))

    def _make_read_only(self) -> None:
        """Roles that may see but not change cases (the centre's clerk): everything shown, nothing saved."""
        readable = self._readable_when_disabled()
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if isinstance(page, QScrollArea) and page.widget() is not None:
                page.widget().setEnabled(False)
                page.widget().setStyleSheet(readable)
        self.desk.setEnabled(False)
        self.save_button.setEnabled(False)
        self.save_button.hide()
        self.summary_title.setText(self.tr("Your role may see this case but not change it."))
        self.summary_title.setStyleSheet("")
        self.summary_list.hide()
        self.summary.show()

    def _readable_when_disabled(self) -> str:
        """A style sheet that keeps disabled text as dark as enabled text.

        A disabled input cannot be changed, which is what a read-only role needs, but Qt greys its text
        out; the clerk reads these cases, so the text keeps its normal colour. A style sheet, not a
        palette: the application's style sheet (font sizes) stops palettes from reaching the inputs.
        """
        text = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text).name()
        return f"*:disabled {{ color: {text}; }}"

    # -- saving and showing problems ---------------------------------------------------------------------

    def save(self) -> None:
        """Validate and write through storage; on problems show each one beside its input."""
        if not self.can_edit:
            return
        case, perpetrators, services, identity = self.values()
        try:
            saved = save_desk_case(self.session, case, perpetrators, services, identity)
        except ValidationFailed as failure:
            self.show_issues(failure.issues)
            return
        except MizanError as error:
            self.show_issues([], str(error))
            return
        self.saved_uuid = saved
        self.accept()

    def has_unsaved_changes(self) -> bool:
        """Whether anything typed or chosen differs from the case as the form opened it."""
        return self.can_edit and self.values() != self._as_opened

    def reject(self) -> None:
        """Cancel, Escape and the window's close button: ask first when there are unsaved changes.

        The question is a window-modal box (``discard_box``), not a nested event loop; the form closes
        only on "Discard changes". A close that is not carried out leaves the window open.
        """
        if not self.has_unsaved_changes():
            super().reject()
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("This case has changes that are not saved. Discard them?"), parent=self)
        discard = box.addButton(self.tr("&Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter or Escape on the question keeps the work
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is discard:
                super(CaseFormDialog, self).reject()

        box.finished.connect(answered)
        self.discard_box = box
        box.open()

    def show_issues(self, issues: list[Issue], message: str | None = None) -> None:
        """Put each issue's message beside its input, list them all, and go to the first one."""
        self.clear_issues()
        by_label: dict[QLabel, list[str]] = {}
        for issue in issues:
            label = self.error_labels.get(issue.field)
            if label is not None:
                by_label.setdefault(label, []).append(issue.message)
                target = self.error_targets[issue.field]
                target.setAccessibleDescription(" ".join(by_label[label]))
        for label, messages in by_label.items():
            label.setText("\n".join(messages))
            label.show()
        by_field = {issue.field for issue in issues}
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for field in by_field:
            page = self._page_of(field)
            if page is not None:
                self.tabs.setTabIcon(self.tabs.indexOf(page), warning)
        if issues:
            self.summary_title.setText(fill(self.tr("Nothing was saved. Correct these problems ({count}):"), count=len(issues)))
        else:
            self.summary_title.setText(fill(self.tr("Nothing was saved: {message}"), message=message or ""))
        for issue in issues:
            item = QListWidgetItem(issue.message)
            item.setData(Qt.ItemDataRole.UserRole, issue.field)
            self.summary_list.addItem(item)
        if issues:
            rows = min(self.summary_list.count(), 4)
            height = sum(self.summary_list.sizeHintForRow(row) for row in range(rows))
            self.summary_list.setFixedHeight(height + 2 * self.summary_list.frameWidth() + 4)
        self.summary_list.setVisible(bool(issues))
        self.summary.show()
        if issues:
            self._go_to_field(issues[0].field)

    def clear_issues(self) -> None:
        for label in set(self.error_labels.values()):
            label.clear()
            label.hide()
        for target in self.error_targets.values():
            target.setAccessibleDescription("")
        for index in range(self.tabs.count()):
            self.tabs.setTabIcon(index, QIcon())
        self.summary_list.clear()
        self.summary.hide()

    def error_text(self, field: str) -> str:
        """The message shown beside the input of ``field`` (empty when there is none)."""
        label = self.error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def summary_messages(self) -> list[str]:
        return [self.summary_list.item(row).text() for row in range(self.summary_list.count())]

    def _page_of(self, field: str) -> QWidget | None:
        pages = {"client": self.client_tab, "incident": self.incident_tab, "perpetrators": self.perpetrators_tab,
                 "services": self.services_tab, "consent": self.consent_tab, "closing": self.closing_tab,
                 "identity": self.identity_tab}
        return pages.get(self.error_tabs.get(field, ""))

    def _go_to_issue(self, item: QListWidgetItem) -> None:
        self._go_to_field(item.data(Qt.ItemDataRole.UserRole))

    def _go_to_field(self, field: str) -> None:
        page = self._page_of(field)
        if page is not None:
            self.tabs.setCurrentWidget(page)
        target = self.error_targets.get(field)
        if target is not None and target.isEnabled() and not target.isHidden():
            target.setFocus()
            if isinstance(page, QScrollArea):
                page.ensureWidgetVisible(target)
