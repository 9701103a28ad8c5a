"""The case form's tabs: one builder per tab (client, incident, perpetrators, services, consent, closing,
identifying details), the header above them and the problem summary below.

:class:`CaseFormTabs` is mixed into :class:`~gui.screens.desk_register.case_form.dialog.CaseFormDialog`:
the builders set the inputs as the dialog's attributes (``self.client_code``…), where loading, collecting
and saving find them. Each input is built with a hidden error label registered under the issue field
code that storage's messages name. The translations are under this class's name: lupdate files a
``self.tr`` call under the class it is written in, and Qt's ``tr`` looks through the object's classes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.screens.desk_register.case_form.classification import ClassificationStepper
from gui.widgets.dates import OptionalDateEdit, iso_dates
from gui.widgets.inputs import ChoiceBox, YesNoBox, catalogue_label
from gui.widgets.plain import plain_label
from gui.widgets.style import BOLD_STYLE, ERROR_STYLE
from storage.core.session import Session
from storage.i18n import fill
from storage.records.desk import IDENTITY_FIELDS, list_desks
from storage.reference.catalogue import Catalogue, Option

UNKNOWN_AGE = -1  # the spin box's lowest value, shown as "Unknown"
# Issue fields that name no single input: shown on the tab they belong to.
PERPETRATOR_ISSUE_FIELDS = ("perpetrator relationship", "perpetrator sex", "perpetrator age group")
SERVICE_ISSUE_FIELDS = ("services", "service", "service status")


class CaseFormTabs:
    """The tab builders of the case form (a mixin of ``CaseFormDialog``, a ``QDialog``)."""

    # Set by the dialog before the builders run.
    session: Session
    catalogue: Catalogue
    case: dict
    can_edit: bool
    tabs: QTabWidget
    perpetrator_rows: list[dict]
    error_labels: dict[str, QLabel]
    error_targets: dict[str, QWidget]
    error_tabs: dict[str, str]
    recheck: Callable[[str], None]  # the dialog's: ask the engine again once a field changed

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
            hint = plain_label(note)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self._register_error(field, widget, layout, page_of)
        return holder

    def _register_error(self, field: str, target: QWidget, layout: QVBoxLayout | QHBoxLayout, page_of: str) -> QLabel:
        label = plain_label()
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
        desk_label = plain_label(self.tr("&Desk:"))
        desk_label.setBuddy(self.desk)
        desk_row = QHBoxLayout()
        desk_row.addWidget(self.desk)
        desk_row.addStretch(1)
        self.case_number = plain_label(self.case.get("case_number") or self.tr("assigned when the case is saved"))
        self.case_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_context = plain_label()
        self.elapsed = plain_label()
        for label in (self.case_number, self.case_context, self.elapsed):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(desk_label, 0, 0)
        grid.addLayout(desk_row, 0, 1)
        grid.addWidget(plain_label(self.tr("Case number:")), 0, 2)
        grid.addWidget(self.case_number, 0, 3)
        problems = QVBoxLayout()
        problems.setSpacing(0)
        self._register_error("desk", self.desk, problems, "header")
        self._register_error("case_number", self.desk, problems, "header")
        grid.addLayout(problems, 1, 1, 1, 3)
        grid.addWidget(plain_label(self.tr("Case context:")), 2, 0)
        grid.addWidget(self.case_context, 2, 1)
        grid.addWidget(plain_label(self.tr("Time to report:")), 2, 2)
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
        self.client_age.setRange(UNKNOWN_AGE, self.catalogue.thresholds.max_client_age)  # the engine's limit (DC_AGE_RANGE)
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
        self.classification = ClassificationStepper(
            self.catalogue, self.can_edit,
            field=lambda name, widget: self._field(name, widget, "incident"),
            register_error=lambda name, target, layout: self._register_error(name, target, layout, "incident"))
        self.non_gbv_complaint = self.classification.complaint
        columns.addWidget(self.classification, 1)
        return page

    def _build_perpetrators(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = plain_label(self.tr("One line per alleged perpetrator. Use \"Unknown\" where the client does not know."))
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
        intro = plain_label(self.tr("Leave the status empty for a service not discussed. Referred, provided and "
                               "received elsewhere need the date of the referral or service."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, title in enumerate((self.tr("Service"), self.tr("Status"), self.tr("Date"),
                                        self.tr("FIR number"))):
            heading = plain_label(title)
            heading.setStyleSheet(BOLD_STYLE)
            grid.addWidget(heading, 0, column)
        self.service_rows: dict[str, dict] = {}
        for row, option in enumerate(self.catalogue.lists["service"], start=1):
            name = plain_label(catalogue_label(option.name))
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
        intro = plain_label(self.tr("Ask the client both questions and record the answers. Nothing is pre-filled."))
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
            heading = plain_label(title)
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
        intro = plain_label(self.tr("Identifying details stay in this office: they are never synced, reported or "
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
        self.summary_title = plain_label()
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

    # -- a perpetrator's line ---------------------------------------------------------------------------

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
        for name in ("relationship", "sex", "age_group"):  # a corrected line's problem goes at once
            widgets[name].currentIndexChanged.connect(lambda *_: self.recheck("perpetrators"))
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
        self.recheck("perpetrators")
