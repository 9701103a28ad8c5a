"""The audit trail as the audit screen reads it: pages of the log, case tables left out where the role
may not see cases; and the check of its hash chain (``audit verify``) for the roles that may read it."""

from __future__ import annotations

from storage.core import audit
from storage.core.roles import allowed, require
from storage.core.session import Session


def verify_audit(session: Session) -> audit.AuditReport:
    """Check the audit log's hash chain: supervisors, clerks and admins (``view_audit``), not operators."""
    require(session, "view_audit")
    return audit.verify(session.db)


def audit_trail(session: Session, *, offset: int = 0, limit: int = 200, table: str | None = None) -> list[dict]:
    """A page of the audit log, newest first; case content only for roles that may see cases."""
    require(session, "view_audit")
    return audit.audit_page(session.db, offset=offset, limit=limit, table=table,
                            show_case_content=allowed(session, "view_cases"))

