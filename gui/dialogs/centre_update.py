"""A district applies the centre's update: what it would change first, then "Apply".

``sync.updates.import_update`` does both: with ``dry_run`` it checks the signature and works out every change
inside a transaction it rolls back (the preview), then the same call applies it. The dialog only words the
report; a forged, altered or foreign file is refused before anything is shown as a change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from gui.widgets.labels import explanation, heading_label
from gui.widgets.messages import call_storage, message_label, show_message
from storage.core.session import Session
from storage.i18n import fill
from storage.reference.catalogue import threshold_change
from sync.updates import import_update


class CentreUpdateDialog(QDialog):
    """The preview of one update file, and the button that applies it (disabled when there is nothing to
    apply: a refused file, or one applied already)."""

    def __init__(self, session: Session, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        self.report: dict | None = None  # what was applied, once it was
        self.setWindowTitle(self.tr("Update from the centre"))
        self.heading = heading_label(fill(self.tr("Update file {file}"), file=path.name), wrap=True)
        self.changes = message_label()
        self.changes.setWordWrap(True)
        self.problem = message_label()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(explanation(self.tr(
            "The centre's update carries its catalogue, the targets it set, desks, its decisions on this office's "
            "data sets, receipts for this PC's bundles and the policy for every office. Nothing changes until "
            "you apply it.")))
        layout.addWidget(self.changes)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(620, 340)
        self.preview()

    def preview(self) -> None:
        """Check the file and show what applying it would change (nothing is written)."""
        checked = call_storage(self.problem, lambda: import_update(self.session, self.path, dry_run=True))
        if not checked:
            self.apply_button.setEnabled(False)
            self.changes.hide()
            return
        report = checked.value
        if report["status"] == "duplicate":
            show_message(self.changes, report["reason"], error=False)
            self.apply_button.setEnabled(False)
            return
        show_message(self.changes, self.describe(report, applied=False), error=False)
        if report["reason"]:
            show_message(self.problem, report["reason"], error=True)

    def describe(self, report: dict, *, applied: bool) -> str:
        """The report in sentences, one per line."""
        targets, desks, approvals = report["targets"], report["desks"], report["approvals"]
        lines = [
            fill(self.tr("Update {sequence} has been applied.") if applied else self.tr("Update {sequence} would change:"),
                 sequence=report["sequence"]),
        ]
        catalogue = report["catalogue"]
        if "added" in catalogue:  # the update brings a newer catalogue
            lines.append(fill(self.tr("Catalogue {before} → {after}: new indicators {added}; changed {changed}; "
                                      "retired {retired}."), before=catalogue["from"], after=catalogue["to"],
                              added=", ".join(catalogue["added"]) or "–", changed=", ".join(catalogue["changed"]) or "–",
                              retired=", ".join(catalogue["retired"]) or "–"))
            lines += [threshold_change(name, change) for name, change in catalogue["thresholds"].items()]
            if any(catalogue.get(key) for key in ("rules_added", "rules_changed", "rules_removed")):
                lines.append(fill(self.tr("Rules that compare indicators: new {added}; changed {changed}; removed "
                                          "{removed}."), added=", ".join(catalogue["rules_added"]) or "–",
                                  changed=", ".join(catalogue["rules_changed"]) or "–",
                                  removed=", ".join(catalogue["rules_removed"]) or "–"))
        lines += [
            fill(self.tr("Targets: {new} new, {changed} changed, {removed} removed."), new=targets["new"],
                 changed=targets["changed"], removed=targets["removed"]),
            fill(self.tr("Desks: {new} new, {changed} changed."), new=desks["new"], changed=desks["changed"]),
            fill(self.tr("The centre's decisions: {approved} data sets approved, {returned} returned."),
                 approved=approvals["approved"], returned=approvals["returned"]),
            fill(self.tr("Bundles the centre has received: {count} more acknowledged."), count=report["receipts"]),
        ]
        policy_words = {"backup_keep": self.tr("Automatic backups kept: {before} → {after}."),
                        "auto_lock_minutes": self.tr("The window locks after at most {after} idle minutes (was {before})."),
                        "password_min_length": self.tr("Passwords need at least {after} characters (was {before}).")}
        for name, change in report["policy"].items():
            if name in policy_words:
                lines.append(fill(policy_words[name], before=change["from"], after=change["to"]))
        return "\n".join(lines)

    def apply(self) -> None:
        """Apply the update in one step; on success the dialog closes and ``report`` says what changed."""
        applied = call_storage(self.problem, lambda: import_update(self.session, self.path))
        if not applied:
            return
        self.report = applied.value
        self.accept()
