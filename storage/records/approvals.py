"""Approval of data sets: the centre accepts a district's month, or sends it back with a question.

A data set is (district, institution, period). Its state is worked out by one rule, :func:`state_of`, from two
records with two owners:

* the district's ``completions`` row (complete, and ``submitted_at``: when its supervisor submitted it), which
  travels to the centre in bundles;
* the centre's ``approvals`` row (``decision`` approved, returned or reopened, the ``reason``, and ``answers``:
  the submission it decided), which travels to the districts in centre updates.

open -> complete (a district supervisor) -> submitted -> approved or returned (the centre). A returned set is
open to operators again, with the centre's reason; submitting it again makes it submitted. The centre may
reopen an approved set (``unapprove``, with a reason): it reads as returned. A decision answers one
submission; a newer submission is waiting for a new decision.

An approved data set is locked for every role, at the district and at the centre (IV_APPROVED); the centre's
import keeps a bundle's new figures for it aside (sync/merge.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from storage.core.clock import utc_now
from storage.core.roles import require
from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.periods import parse_period

DECISIONS = ("approved", "returned", "reopened")
STATES = ("open", "complete", "submitted", "approved", "returned")
MAX_REASON = 1000  # a question to a district office, not a report


def state_of(complete: bool, submitted_at: str | None, decision: str | None, answers: str | None) -> str:
    """The state of a data set from the district's record and the centre's decision: the one rule, used at
    the district and at the centre alike (so both sides agree once they hold the same two records).

    The centre's approval stands whatever the district's record says until the centre reopens it: a district
    that withdrew or changed the set before the update reached it is then locked all the same (its bundle's
    change was kept aside at the centre), so both sides read "approved". A return answers one submission: a
    later one is waiting for a new decision."""
    if decision == "approved":
        return "approved"
    if submitted_at and decision is not None and answers == submitted_at:
        return "returned"
    if submitted_at and complete:
        return "submitted"
    return "complete" if complete else "open"


@dataclass
class DataSetState:
    """One data set's state with who did what, as ``approvals --json`` lists it."""

    district: str
    institution: str
    period: str
    state: str
    submitted_at: str | None
    submitted_by: str | None
    decision: str | None
    decided_by: str | None
    decided_at: str | None
    reason: str | None

    def as_dict(self) -> dict:
        return asdict(self)


_STATE_QUERY = """
SELECT k.district, k.institution, k.period, coalesce(c.complete, 0) AND NOT coalesce(c.deleted, 0),
       c.submitted_at, c.marked_by, a.decision, a.answers, a.decided_by, a.decided_at, a.reason
FROM (SELECT district, institution, period FROM completions UNION SELECT district, institution, period FROM approvals) k
LEFT JOIN completions c USING (district, institution, period)
LEFT JOIN approvals a USING (district, institution, period)
"""


def data_set_states(session: Session, district: str | None = None, period: str | None = None) -> list[DataSetState]:
    """Every data set a supervisor or the centre has acted on (marked, submitted or decided), by district,
    period and institution; ``district`` and ``period`` narrow it."""
    require(session, "view")
    where, params = [], []
    if district is not None:
        where.append("k.district = ?")
        params.append(district)
    if period is not None:
        where.append("k.period = ?")
        params.append(period)
    query = _STATE_QUERY + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY k.district, k.period, k.institution"
    states = []
    for (set_district, institution, set_period, complete, submitted_at, marked_by, decision, answers, decided_by,
         decided_at, reason) in session.db.execute(query, params):
        states.append(DataSetState(set_district, institution, set_period,
                                   state_of(bool(complete), submitted_at, decision, answers), submitted_at,
                                   marked_by if submitted_at else None, decision, decided_by, decided_at, reason))
    return states


def approved_data_sets(session: Session) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(district, institution, period) -> (day approved, by whom) of every data set approved now."""
    return {(state.district, state.institution, state.period): ((state.decided_at or "")[:10], state.decided_by or "")
            for state in data_set_states(session) if state.state == "approved"}


def _state(session: Session, district: str, institution: str, period: str) -> DataSetState | None:
    return next((s for s in data_set_states(session, district, period) if s.institution == institution), None)


def _check_names(session: Session, district: str, institution: str, period: str) -> None:
    if district not in session.catalogue.districts:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown district {district}."), district=repr(district)))
    if institution not in session.catalogue.institutions:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown institution {institution}; use one of {institutions}."), institution=repr(institution), institutions=', '.join(session.catalogue.institutions)))
    if parse_period(period) is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{period} is not a period; write it like 2026-10, 2026Q4 or 2026."), period=repr(period)))


def decide(session: Session, district: str, institution: str, period: str, decision: str,
           reason: str | None = None) -> DataSetState:
    """Centre: approve a submitted data set, return it with a reason, or reopen an approved one with a reason
    (``decision`` approved, returned or reopened). Audited; travels to the district in the next update."""
    require(session, "approve")
    if not session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Data sets are approved or returned by the provincial centre.")))
    if decision not in DECISIONS:
        raise UsageError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    _check_names(session, district, institution, period)
    reason = (reason or "").strip() or None
    if decision != "approved" and reason is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Say why, with --reason: the district office reads it on its dashboard.")))
    if reason is not None and len(reason) > MAX_REASON:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The reason is longer than {limit} characters; say it shorter."), limit=MAX_REASON))
    current = _state(session, district, institution, period)
    state = current.state if current else "open"
    needed = "approved" if decision == "reopened" else "submitted"
    if state != needed:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "The {institution} data set of {district} for {period} is {state}; only a {needed} data set can be {decision}."), institution=institution, district=district, period=period, state=state, needed=needed, decision=decision))
    assert current is not None  # a submitted or approved set has its district's record
    with session.write() as db:
        db.execute("INSERT INTO approvals (district, institution, period, decision, answers, reason, decided_by, decided_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (district, institution, period) DO UPDATE SET "
                   "decision = excluded.decision, answers = excluded.answers, reason = excluded.reason, "
                   "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                   [district, institution, period, decision, current.submitted_at, reason, session.user, utc_now()])
    decided = _state(session, district, institution, period)
    assert decided is not None
    return decided


APPROVAL_FIELDS = ("district", "institution", "period", "decision", "answers", "reason", "decided_by", "decided_at")


def all_decisions(session: Session) -> list[dict]:
    """Every decision the centre holds, as a centre update carries it."""
    return [dict(zip(APPROVAL_FIELDS, row, strict=True)) for row in session.db.execute(
        f"SELECT {', '.join(APPROVAL_FIELDS)} FROM approvals ORDER BY district, institution, period")]


def decisions_applied(session: Session, decisions: list[dict]) -> dict[str, int]:
    """Inside the caller's write transaction (a centre update at a district): hold the centre's decisions on
    this district's data sets as the centre holds them. Returns how many changed, per decision."""
    counts = {"approved": 0, "returned": 0}
    stored = {tuple(row[:3]): tuple(row) for row in session.db.execute(
        f"SELECT {', '.join(APPROVAL_FIELDS)} FROM approvals WHERE district = ?", [session.district])}
    for decision in decisions:
        row = tuple(decision[name] for name in APPROVAL_FIELDS)
        if stored.get(row[:3]) == row:
            continue
        session.db.execute(f"INSERT INTO approvals ({', '.join(APPROVAL_FIELDS)}) VALUES "
                           f"({', '.join('?' * len(APPROVAL_FIELDS))}) ON CONFLICT (district, institution, period) DO "
                           f"UPDATE SET {', '.join(f'{name} = excluded.{name}' for name in APPROVAL_FIELDS[3:])}", list(row))
        counts["approved" if decision["decision"] == "approved" else "returned"] += 1
    return counts
