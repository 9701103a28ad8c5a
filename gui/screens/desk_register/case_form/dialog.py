"""The gender facilitation desk's case form (GBVIMS intake): one dialog, one tab per part of the case.

The form only collects values and shows what storage says about them. ``storage.records.desk.save_desk_case``
validates and writes; each :class:`storage.validation.Issue` it raises is shown beside the input named by
its ``field`` code and in a summary list that jumps to the input. The tabs are built in
:mod:`~gui.screens.desk_register.case_form.tabs`; the GBV classification questions are asked by
:mod:`~gui.screens.desk_register.case_form.classification`. Identifying details get a tab only when the
role may see them.

Saving a case takes a few milliseconds (about 4 ms median, 8 ms worst of 30 on a development machine,
with two services, a perpetrator and identifying details), so it runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QDate, Qt, SignalInstance
from PySide6.QtGui import QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.screens.desk_register.case_form.tabs import UNKNOWN_AGE, CaseFormTabs
from gui.widgets.dates import OptionalDateEdit, qdate
from gui.widgets.plain import message_box
from storage.core.identity import withheld_reason
from storage.core.roles import allowed
from storage.core.session import Session
from storage.errors import MizanError, ValidationFailed
from storage.i18n import fill
from storage.records.desk import derived_fields, desk_case_issues, get_desk_case, save_desk_case
from storage.validation import Issue, bucket_name


class CaseFormDialog(CaseFormTabs, QDialog):
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
        self.perpetrator_rows: list[dict] = []  # {"uuid": str | None, "relationship": ChoiceBox, ...}
        self.error_labels: dict[str, QLabel] = {}  # issue field -> the label beside its input
        self.error_targets: dict[str, QWidget] = {}  # issue field -> the input to focus
        self.error_tabs: dict[str, str] = {}  # issue field -> the name of the tab that holds it
        self.shown_issues: list[Issue] | None = None  # the engine's problems on screen (None: none shown)
        self._built = False

        if case_uuid:
            self.setWindowTitle(fill(self.tr("Desk case {number}"), number=self.case.get("case_number") or ""))
        else:
            self.setWindowTitle(self.tr("New desk case"))

        outer = QVBoxLayout(self)
        outer.addWidget(self._build_header())
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)
        self.client_tab = self._add_tab(self._build_client(), self.tr("&1 Client"))
        self.incident_tab = self._add_tab(self._build_incident(), self.tr("&2 Incident"))
        self.perpetrators_tab = self._add_tab(self._build_perpetrators(), self.tr("&3 Alleged perpetrators"))
        self.services_tab = self._add_tab(self._build_services(), self.tr("&4 Services"))
        self.consent_tab = self._add_tab(self._build_consent(), self.tr("&5 Consent"))
        self.closing_tab = self._add_tab(self._build_closing(), self.tr("&6 Closing"))
        self.identity_tab: QWidget | None = None
        if self.shows_identity:
            self.identity_tab = self._add_tab(self._build_identity(), self.tr("&7 Identifying details"))
        self._withhold_sealed_fields(withheld_reason(session))
        self._reserve_warning_room()
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
        self.resize(self._default_width(), 700)
        self._built = True
        self._load(self.case)
        self._age_changed(self.client_age.value())
        self._status_changed()
        for signal in (self.client_age.valueChanged, self.report_date.dateChanged, self.incident_date.changed,
                       self.classification.changed):
            signal.connect(self.refresh_derived)
        self._watch_inputs()
        if not self.can_edit:
            self._make_read_only()
        self.tabs.setCurrentIndex(0)
        self.client_code.setFocus()
        self.discard_box: QMessageBox | None = None
        self._as_opened = self.values()  # what "unsaved changes" are measured against

    def _reserve_warning_room(self) -> None:
        """Every tab holds an icon's room from the start: blank, or the warning when its page has a problem.

        A warning icon made its tab wider, and once a few had one the strip no longer fitted and the last
        tab was cut ("7 Identif…"). With the room held, a warning changes no tab's width, and
        :meth:`_default_width` measures the strip as it will be with warnings.
        """
        self.warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        blank = QPixmap(self.tabs.iconSize())
        blank.fill(Qt.GlobalColor.transparent)
        self.no_warning_icon = QIcon(blank)
        bar = self.tabs.tabBar()
        bar.setElideMode(Qt.TextElideMode.ElideNone)  # a tab's name is never cut; scroll buttons if need be
        bar.setExpanding(False)
        for index in range(self.tabs.count()):
            self.tabs.setTabIcon(index, self.no_warning_icon)

    def _default_width(self) -> int:
        """Wide enough for the whole tab strip, its warnings included (1040 at least, the screen at most:
        with a very large font the strip scrolls, its names still whole)."""
        margins = self.layout().contentsMargins()
        strip = self.tabs.tabBar().sizeHint().width() + margins.left() + margins.right() + 8
        screen = self.screen().availableGeometry().width() if self.screen() is not None else strip
        return max(1040, min(strip, screen))

    # -- loading and collecting --------------------------------------------------------------------------

    def _withhold_sealed_fields(self, reason: str | None) -> None:
        """Identity and notes are sealed under the identity key: without it (storage.core.identity) their
        inputs are read-only and say why, so nothing typed there is lost on saving."""
        if reason is None:
            return
        why = (self.tr("Waiting for access: a supervisor grants it on the Users screen.") if reason == "waiting"
               else self.tr("Not available to your role."))
        self.notes.setReadOnly(True)
        self.notes.setPlaceholderText(why)
        for line in getattr(self, "identity_inputs", {}).values():
            line.setReadOnly(True)
            line.setPlaceholderText(why)

    def _load(self, case: Mapping) -> None:
        """Fill the inputs from a stored case (or leave the new-case defaults)."""
        if not case:
            self.handling_officer.setText(self.session.user)
            self.classification.restart()
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
        self.classification.set_answers(case.get("classification_answers") or "", case.get("non_gbv_complaint"))
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
        gbv_type = self.gbv_type()
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
            "classification_answers": self.classification.answers,
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

    def gbv_type(self) -> str | None:
        """The type the classification answers give, as storage classifies them; None while incomplete."""
        return self.classification.gbv_type()


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
        derived = derived_fields(case, self.session.catalogue.thresholds)
        contexts = {
            "intimate_partner_violence": self.tr("Intimate partner violence"),
            "child_sexual_abuse": self.tr("Child sexual abuse"),
            "early_marriage": self.tr("Early marriage"),
        }
        names = [contexts.get(code, code) for code in derived["case_context"]]
        self.case_context.setText(", ".join(names) if names else self.tr("none"))
        bucket = derived["elapsed_bucket"]  # the engine's bucket; its name on screen is the engine's too
        self.elapsed.setText(bucket_name(bucket))

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

    # -- asking the engine again as inputs change ----------------------------------------------------------

    def _watch_inputs(self) -> None:
        """Every input, when changed, asks the engine again about its field (:meth:`recheck`)."""
        first_field: dict[int, tuple[QWidget, str]] = {}
        for field, target in self.error_targets.items():
            first_field.setdefault(id(target), (target, field))
        for target, field in first_field.values():
            signal = _change_signal(target)
            if signal is not None:
                signal.connect(lambda *_, name=field: self.recheck(name))
        # Inputs whose problems are shown beside another widget than themselves.
        self.classification.changed.connect(lambda: self.recheck("gbv_type"))
        for field, group in (("consent_services", self.consent_services), ("consent_reporting", self.consent_reporting)):
            group.idToggled.connect(lambda *_, name=field: self.recheck(name))
        for widgets in self.service_rows.values():
            widgets["status"].currentIndexChanged.connect(lambda *_: self.recheck("services"))
            widgets["date"].changed.connect(lambda: self.recheck("services"))
            if widgets["fir_number"] is not None:
                widgets["fir_number"].textChanged.connect(lambda *_: self.recheck("services"))
        self.age_estimated.toggled.connect(lambda *_: self.recheck("client_age"))

    def recheck(self, field: str) -> None:
        """Once problems are on screen, ask the engine again after ``field`` changed: a solved problem's
        message goes (the desk chosen, "desk is required" with it), one still there stays or changes.

        Only problems already shown, and those of the changed input, are shown: the others wait for the
        next save, so the form does not fill with messages about inputs not yet reached.
        """
        if self.shown_issues is None or not self.can_edit or not self._built:
            return
        try:
            found = desk_case_issues(self.session, *self.values())
        except MizanError:
            return  # what saving refuses for other reasons is said when saving
        label = self.error_labels.get(field)
        target = self.error_targets.get(field)
        changed = {field} | {other for other in self.error_labels
                             if (label is not None and self.error_labels[other] is label)
                             or (target is not None and self.error_targets.get(other) is target)}
        wanted = changed | {shown.field for shown in self.shown_issues}
        remaining = [problem for problem in found if problem.field in wanted]
        if [(i.field, i.message) for i in remaining] == [(i.field, i.message) for i in self.shown_issues]:
            return
        if remaining:
            self.show_issues(remaining, go=False)
        else:
            self.clear_issues()

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
        box = message_box(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("This case has changes that are not saved. Discard them?"), self)
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

    def show_issues(self, issues: list[Issue], message: str | None = None, *, go: bool = True) -> None:
        """Put each issue's message beside its input, list them all, and go to the first one (``go``)."""
        self.clear_issues()
        self.shown_issues = list(issues) if issues else None
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
        for field in by_field:
            page = self._page_of(field)
            if page is not None:
                self.tabs.setTabIcon(self.tabs.indexOf(page), self.warning_icon)
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
        if issues and go:
            self._go_to_field(issues[0].field)

    def clear_issues(self) -> None:
        self.shown_issues = None
        for label in set(self.error_labels.values()):
            label.clear()
            label.hide()
        for target in self.error_targets.values():
            target.setAccessibleDescription("")
        for index in range(self.tabs.count()):
            self.tabs.setTabIcon(index, self.no_warning_icon)
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


def _change_signal(widget: QWidget) -> SignalInstance | None:
    """The signal an input gives when the person changes it (None for a widget that is not an input)."""
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, OptionalDateEdit):
        return widget.changed
    return None
