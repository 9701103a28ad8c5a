"""The audit trail as the audit screen reads it: pages of the log, case tables left out where the role
may not see cases; and the check of its hash chain (``audit verify``) for the roles that may read it.

At the centre the check also reports district PCs whose own audit history was rewritten or rolled back
since the centre was shown it (audit anchors): storage knows nothing of bundles, so those checks are steps
other packages add to :data:`DISTRICT_CHECKS` (sync adds its own, sync/hooks.py).
"""

from __future__ import annotations

from collections.abc import Callable

from storage.core import audit
from storage.core.roles import allowed, require
from storage.core.session import Session

# Each step takes the session and returns one dict per district PC whose history changed, with at least
# ``district``, ``device_name`` and ``message``. Steps only read what is stored: they are cheap enough to run
# whenever the audit screen opens.
DISTRICT_CHECKS: list[Callable[[Session], list[dict]]] = []


def district_alarms(session: Session) -> list[dict]:
    """District PCs whose audit history was found rewritten or rolled back (at the centre), for the roles that
    may read the audit log; empty at a district or when every history holds."""
    require(session, "view_audit")
    return [finding for check in DISTRICT_CHECKS for finding in check(session)]


def verify_audit(session: Session) -> audit.AuditReport:
    """Check the audit log's hash chain: supervisors, clerks and admins (``view_audit``), not operators.

    At the centre, ``districts`` lists the district PCs whose history changed (:func:`district_alarms`); the
    report is not ok when it lists any, so ``audit verify`` exits with 3 for them too.
    """
    require(session, "view_audit")
    report = audit.verify(session.db)
    report.districts = district_alarms(session)
    report.ok = report.ok and not report.districts
    return report


def audit_trail(session: Session, *, offset: int = 0, limit: int = 200, table: str | None = None) -> list[dict]:
    """A page of the audit log, newest first; case content only for roles that may see cases."""
    require(session, "view_audit")
    return audit.audit_page(session.db, offset=offset, limit=limit, table=table,
                            show_case_content=allowed(session, "view_cases"))
