"""The schema, as append-only named migrations (sqlite-utils ``Migrations``).

Never edit a migration that has shipped: add a new one. Every table whose rows travel to the centre
carries ``uuid``, ``hlc`` (hybrid-logical-clock version), ``origin_device`` and ``deleted``
(tombstones instead of deletes).
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from storage.core.audit import create_audit_tables, install_audit_triggers
from storage.core.clock import HLC_GLOB, format_hlc
from storage.core.connection import sqlite_utils_without_pandas

with sqlite_utils_without_pandas():  # the first import of sqlite-utils may be this one (see there)
    from sqlite_utils.migrations import Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection

migrations = Migrations("mizan")

SYNC_COLUMNS = "uuid TEXT NOT NULL UNIQUE, hlc TEXT NOT NULL, origin_device TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0"

# Tables audited from the first migration, and the column that names a row in the audit log.
AUDITED_TABLES = {
    "installation": "id",
    "users": "name",
    "desks": "code",
    "indicator_values": "uuid",
    "targets": "uuid",
    "completions": "uuid",
    "desk_cases": "uuid",
    "desk_case_identities": "case_uuid",
    "desk_case_perpetrators": "uuid",
    "desk_case_services": "uuid",
    "pkm_requests": "uuid",
}

_INITIAL_SCHEMA = f"""
CREATE TABLE installation (
    id INTEGER PRIMARY KEY CHECK (id = 1), role TEXT NOT NULL CHECK (role IN ('district', 'centre')),
    district TEXT, device_id TEXT NOT NULL, device_name TEXT NOT NULL, created_at TEXT NOT NULL,
    catalogue_version TEXT NOT NULL, hlc_last TEXT NOT NULL);
CREATE TABLE users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'clerk', 'admin')),
    active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, created_by TEXT,
    password_changed_at TEXT);
CREATE TABLE desks (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, district TEXT NOT NULL, station TEXT, opened TEXT,
    active INTEGER NOT NULL DEFAULT 1, {SYNC_COLUMNS});
CREATE TABLE indicator_values (
    id INTEGER PRIMARY KEY, indicator TEXT NOT NULL, district TEXT NOT NULL, period TEXT NOT NULL,
    cell TEXT NOT NULL, value NUMERIC, numerator NUMERIC, denominator NUMERIC, comment TEXT,
    followup INTEGER NOT NULL DEFAULT 0, entered_by TEXT NOT NULL, entered_at TEXT NOT NULL, {SYNC_COLUMNS},
    UNIQUE (indicator, district, period, cell));
CREATE INDEX indicator_values_by_period ON indicator_values (district, period);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY, indicator TEXT NOT NULL, district TEXT NOT NULL, year INTEGER NOT NULL,
    target NUMERIC NOT NULL, set_by TEXT NOT NULL, set_at TEXT NOT NULL, {SYNC_COLUMNS},
    UNIQUE (indicator, district, year));
CREATE TABLE completions (
    id INTEGER PRIMARY KEY, district TEXT NOT NULL, institution TEXT NOT NULL, period TEXT NOT NULL,
    complete INTEGER NOT NULL, marked_by TEXT NOT NULL, marked_at TEXT NOT NULL, {SYNC_COLUMNS},
    UNIQUE (district, institution, period));
CREATE TABLE desk_cases (
    id INTEGER PRIMARY KEY, case_number TEXT NOT NULL UNIQUE, desk TEXT NOT NULL REFERENCES desks (code),
    district TEXT NOT NULL, report_date TEXT NOT NULL, incident_date TEXT, time_of_day TEXT,
    location_type TEXT, incident_district TEXT, client_code TEXT NOT NULL, client_sex TEXT NOT NULL,
    client_age INTEGER, client_age_group TEXT, age_estimated INTEGER NOT NULL DEFAULT 0,
    disability INTEGER, displacement TEXT, classification_answers TEXT, gbv_type TEXT NOT NULL,
    non_gbv_complaint TEXT, previous_incidents INTEGER, consent_services INTEGER, consent_reporting INTEGER,
    status TEXT NOT NULL DEFAULT 'open', followup_date TEXT, closing_reason TEXT, handling_officer TEXT,
    notes TEXT, entered_by TEXT NOT NULL, entered_at TEXT NOT NULL, {SYNC_COLUMNS});
CREATE INDEX desk_cases_by_date ON desk_cases (report_date);
CREATE INDEX desk_cases_by_desk ON desk_cases (desk, report_date);
CREATE TABLE desk_case_identities (
    case_uuid TEXT PRIMARY KEY REFERENCES desk_cases (uuid) ON DELETE CASCADE, name TEXT,
    guardian_name TEXT, cnic TEXT, phone TEXT, address TEXT);
CREATE TABLE desk_case_perpetrators (
    id INTEGER PRIMARY KEY, case_uuid TEXT NOT NULL REFERENCES desk_cases (uuid) ON DELETE CASCADE,
    relationship TEXT NOT NULL, sex TEXT NOT NULL, age_group TEXT NOT NULL, {SYNC_COLUMNS});
CREATE INDEX desk_case_perpetrators_by_case ON desk_case_perpetrators (case_uuid);
CREATE TABLE desk_case_services (
    id INTEGER PRIMARY KEY, case_uuid TEXT NOT NULL REFERENCES desk_cases (uuid) ON DELETE CASCADE,
    service TEXT NOT NULL, status TEXT NOT NULL, date TEXT, fir_number TEXT, {SYNC_COLUMNS},
    UNIQUE (case_uuid, service));
CREATE TABLE pkm_requests (
    id INTEGER PRIMARY KEY, desk TEXT NOT NULL REFERENCES desks (code), district TEXT NOT NULL,
    service TEXT NOT NULL, applicant_sex TEXT NOT NULL, received_date TEXT NOT NULL, completed_date TEXT,
    entered_by TEXT NOT NULL, entered_at TEXT NOT NULL, {SYNC_COLUMNS});
CREATE INDEX pkm_requests_by_date ON pkm_requests (received_date);
"""


def run_statements(db: Database, script: str) -> None:
    """Run ``;``-separated statements one by one: ``executescript`` would commit the migration's transaction."""
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0001_initial_schema")
def initial_schema(db: Database) -> None:
    run_statements(db, _INITIAL_SCHEMA)
    create_audit_tables(db)
    for table, key_column in AUDITED_TABLES.items():
        install_audit_triggers(db, table, key_column)


_SYNC_SCHEMA = """
CREATE TABLE secret_keys (
    name TEXT PRIMARY KEY, secret TEXT NOT NULL, public TEXT NOT NULL, created_at TEXT NOT NULL, retired_at TEXT);
CREATE TABLE centre_trust (
    id INTEGER PRIMARY KEY CHECK (id = 1), recipient TEXT NOT NULL, signing_public TEXT NOT NULL,
    fingerprint TEXT NOT NULL, trusted_at TEXT NOT NULL, trusted_by TEXT NOT NULL);
CREATE TABLE exports (
    sequence INTEGER PRIMARY KEY, bundle_id TEXT NOT NULL UNIQUE, baseline TEXT NOT NULL, hlc_high TEXT NOT NULL,
    file_name TEXT NOT NULL, counts TEXT NOT NULL, made_at TEXT NOT NULL, made_by TEXT NOT NULL, acknowledged_at TEXT);
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY, district TEXT NOT NULL, device_name TEXT NOT NULL, public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    enrolled_at TEXT NOT NULL, enrolled_by TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE bundles (
    bundle_id TEXT PRIMARY KEY, device_id TEXT NOT NULL REFERENCES devices (device_id), sequence INTEGER NOT NULL,
    district TEXT NOT NULL, file_name TEXT NOT NULL, hlc_high TEXT NOT NULL, counts TEXT NOT NULL,
    imported_at TEXT NOT NULL, imported_by TEXT NOT NULL);
CREATE INDEX bundles_by_device ON bundles (device_id, sequence);
CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY, bundle_id TEXT NOT NULL, record_type TEXT NOT NULL, record_uuid TEXT NOT NULL,
    record TEXT NOT NULL, reasons TEXT NOT NULL, quarantined_at TEXT NOT NULL,
    UNIQUE (bundle_id, record_type, record_uuid));
CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY, record_type TEXT NOT NULL, natural_key TEXT NOT NULL, device_id TEXT NOT NULL,
    record_uuid TEXT NOT NULL, hlc TEXT NOT NULL, record TEXT NOT NULL, UNIQUE (record_type, natural_key, device_id));
CREATE TABLE tombstones (
    record_type TEXT NOT NULL, record_uuid TEXT NOT NULL, hlc TEXT NOT NULL, origin_device TEXT NOT NULL,
    PRIMARY KEY (record_type, record_uuid));
"""


SYNC_AUDITED_TABLES = {"secret_keys": "name", "centre_trust": "id", "devices": "device_id"}


@migrations(name="0002_sync")
def sync_tables(db: Database) -> None:
    """Keys, the centre a district trusts, exports and receipts, enrolled devices, imported bundles,
    quarantined records, conflicts, and tombstones of records the centre never received."""
    run_statements(db, _SYNC_SCHEMA)
    # Secret keys are audited with the key material redacted (storage/audit.py REDACTED_COLUMNS).
    for table, key_column in SYNC_AUDITED_TABLES.items():
        install_audit_triggers(db, table, key_column)


@migrations(name="0003_live_desk_cases_by_date")
def live_desk_cases_by_date(db: Database) -> None:
    """The register's count and deep pages read only live cases by date: 400 ms -> 7 ms at 200k cases."""
    db.execute("CREATE INDEX desk_cases_live_by_date ON desk_cases (report_date) WHERE deleted = 0")


@migrations(name="0004_clock_updates_are_not_audited")
def clock_updates_are_not_audited(db: Database) -> None:
    """Every write transaction moves installation.hlc_last; auditing that doubled the log with noise."""
    install_audit_triggers(db, "installation", "id", quiet_columns=("hlc_last",))


_IMPORT_DESK_SCHEMA = """
ALTER TABLE bundles ADD COLUMN file_sha256 TEXT;
CREATE INDEX bundles_by_file_sha256 ON bundles (file_sha256);
CREATE TABLE conflict_decisions (
    id INTEGER PRIMARY KEY, record_type TEXT NOT NULL, natural_key TEXT NOT NULL, device_id TEXT NOT NULL,
    hlc TEXT NOT NULL, kept TEXT NOT NULL CHECK (kept IN ('stored', 'incoming')), kept_hlc TEXT NOT NULL,
    kept_device TEXT NOT NULL, decided_by TEXT NOT NULL, decided_at TEXT NOT NULL,
    UNIQUE (record_type, natural_key, device_id));
CREATE TABLE conflicts_numbered (
    id INTEGER PRIMARY KEY AUTOINCREMENT, record_type TEXT NOT NULL, natural_key TEXT NOT NULL,
    device_id TEXT NOT NULL, record_uuid TEXT NOT NULL, hlc TEXT NOT NULL, record TEXT NOT NULL,
    UNIQUE (record_type, natural_key, device_id));
INSERT INTO conflicts_numbered (id, record_type, natural_key, device_id, record_uuid, hlc, record)
    SELECT id, record_type, natural_key, device_id, record_uuid, hlc, record FROM conflicts;
DROP TABLE conflicts;
ALTER TABLE conflicts_numbered RENAME TO conflicts;
"""


@migrations(name="0005_import_desk")
def import_desk(db: Database) -> None:
    """The centre's import desk: each imported bundle file's SHA-256 (an inbox scan skips files already
    imported without decrypting them), and the clerk's conflict decisions: per natural key and device, the
    version up to which that device's writes were decided, so a cumulative bundle carrying the same losing
    version again does not reopen the conflict. Decisions are audited: who chose what, and when.
    Conflict ids are never reused (AUTOINCREMENT), so an id the clerk read names that conflict or none."""
    run_statements(db, _IMPORT_DESK_SCHEMA)
    install_audit_triggers(db, "conflict_decisions", "id")


@migrations(name="0006_settings")
def settings_table(db: Database) -> None:
    """Settings of the installation kept in the database (not per PC), audited: who changed what, when.
    The first is ``backup_keep``, how many automatic backups to keep (storage/core/backup.py)."""
    db.execute("CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL, changed_by TEXT NOT NULL, "
               "changed_at TEXT NOT NULL)")
    install_audit_triggers(db, "settings", "name")


# Every column that holds a version, per table (``exports.baseline`` may also be "": nothing acknowledged).
VERSION_COLUMNS = {
    "installation": ("hlc_last",), "desks": ("hlc",), "indicator_values": ("hlc",), "targets": ("hlc",),
    "completions": ("hlc",), "desk_cases": ("hlc",), "desk_case_perpetrators": ("hlc",),
    "desk_case_services": ("hlc",), "pkm_requests": ("hlc",), "exports": ("baseline", "hlc_high"),
    "bundles": ("hlc_high",), "conflicts": ("hlc",), "conflict_decisions": ("hlc", "kept_hlc"),
    "tombstones": ("hlc",),
}


def _fixed_width(version: str) -> str | None:
    """``version`` of any width (a seven-digit counter, non-ASCII digits) in the fixed width, or None."""
    millis, dot, counter = version.partition(".")
    try:
        return format_hlc(int(millis), int(counter)) if dot else None
    except ValueError:
        return None


@migrations(name="0007_fixed_width_versions")
def fixed_width_versions(db: Database) -> None:
    """Versions are compared as text, which is their numeric order only at one width. A clerk's decision
    above a version with counter 999999 was written with a seven-digit counter (sorting below it), and a
    bundle's version in Arabic-Indic digits passed the old check (sorting above every other): rewrite any
    such stored version in the fixed width, with the same numeric value (a counter past six digits
    carries into the milliseconds), in the columns and in the versions kept inside ``conflicts.record``."""
    for table, columns in VERSION_COLUMNS.items():
        for column in columns:
            rows = db.execute(f"SELECT rowid, {column} FROM {table} WHERE {column} != '' AND "
                              f"{column} NOT GLOB '{HLC_GLOB}'").fetchall()
            for rowid, version in rows:
                fixed = _fixed_width(version)
                if fixed is not None:
                    db.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", [fixed, rowid])
    for conflict_id, text in db.execute(f"SELECT id, record FROM conflicts WHERE json_extract(record, '$.hlc') "
                                        f"NOT GLOB '{HLC_GLOB}'").fetchall():
        record = json.loads(text)
        fixed = _fixed_width(str(record.get("hlc")))
        if fixed is not None:
            record["hlc"] = fixed
            db.execute("UPDATE conflicts SET record = ? WHERE id = ?",
                       [json.dumps(record, ensure_ascii=False, sort_keys=True), conflict_id])


_TOMBSTONES_PER_DEVICE = """
CREATE TABLE tombstones_per_device (
    record_type TEXT NOT NULL, record_uuid TEXT NOT NULL, hlc TEXT NOT NULL, origin_device TEXT NOT NULL,
    PRIMARY KEY (record_type, record_uuid, origin_device));
INSERT INTO tombstones_per_device (record_type, record_uuid, hlc, origin_device)
    SELECT record_type, record_uuid, hlc, origin_device FROM tombstones;
DROP TABLE tombstones;
ALTER TABLE tombstones_per_device RENAME TO tombstones;
"""


@migrations(name="0008_tombstones_per_device")
def tombstones_per_device(db: Database) -> None:
    """A consent tombstone at the centre is its device's: it blocks only older copies from that device, so
    another PC's tombstone for the same uuid can neither replace it nor be replaced by it (sync.merge)."""
    run_statements(db, _TOMBSTONES_PER_DEVICE)


@migrations(name="0009_receipt_clock")
def receipt_clock(db: Database) -> None:
    """A district keeps the centre's clock as its newest receipt stated it (signed by the centre): a PC
    whose clock runs more than a year past it may not save (storage.core.clock). Bookkeeping like the
    clock itself, so not audited (the receipt's effect on the exports is what the audit would say)."""
    db.execute("ALTER TABLE installation ADD COLUMN receipt_clock TEXT")
    install_audit_triggers(db, "installation", "id", quiet_columns=("hlc_last", "receipt_clock"))


@migrations(name="0010_travelled_cases")
def travelled_cases(db: Database) -> None:
    """A district remembers which desk cases have left the office in a bundle (with consent): only those
    send a tombstone when consent is withdrawn, so a case that never travelled never tells the centre that it
    exists, or when (sync/export.py). Until now every case could have travelled once a bundle was made, so
    those are counted as travelled (they send a tombstone as before)."""
    db.execute("CREATE TABLE travelled_cases (case_uuid TEXT PRIMARY KEY)")
    db.execute("INSERT INTO travelled_cases (case_uuid) SELECT uuid FROM desk_cases WHERE EXISTS (SELECT 1 FROM exports)")


@migrations(name="0011_sealed_identities")
def sealed_identities(db: Database) -> None:
    """Identifying details and notes sealed under the identity key (storage.core.identity): a ``sealed``
    column for each identity row, ``notes_sealed`` for each case, and the ``identity_key`` row that tells the
    current key (its id, never the key) and whether a rotation is due. The clear columns stay for the rows an
    older version wrote, until a holder's first sign-in seals and empties them. The audit triggers are made
    again: they now redact notes too, and see the new columns."""
    db.execute("ALTER TABLE desk_case_identities ADD COLUMN sealed TEXT")
    db.execute("ALTER TABLE desk_cases ADD COLUMN notes_sealed TEXT")
    db.execute("CREATE TABLE identity_key (id INTEGER PRIMARY KEY CHECK (id = 1), key_id TEXT NOT NULL, "
               "rotation_due INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)")
    install_audit_triggers(db, "desk_cases", "uuid")
    install_audit_triggers(db, "desk_case_identities", "case_uuid")


_AUDIT_ANCHORS = """
ALTER TABLE exports ADD COLUMN audit_entry INTEGER;
ALTER TABLE exports ADD COLUMN audit_digest TEXT;
ALTER TABLE bundles ADD COLUMN warnings TEXT;
CREATE TABLE audit_anchors (
    device_id TEXT NOT NULL, bundle_sequence INTEGER NOT NULL, district TEXT NOT NULL, audit_entry INTEGER NOT NULL,
    digest TEXT NOT NULL, told_by_bundle TEXT NOT NULL, received_at TEXT NOT NULL,
    PRIMARY KEY (device_id, bundle_sequence));
CREATE TABLE audit_anchor_findings (
    id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, district TEXT NOT NULL, device_name TEXT NOT NULL,
    bundle_id TEXT NOT NULL, bundle_sequence INTEGER NOT NULL, since_sequence INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('rewritten', 'rolled_back')), detail TEXT NOT NULL, found_at TEXT NOT NULL);
CREATE INDEX audit_anchor_findings_by_device ON audit_anchor_findings (device_id, since_sequence)
"""


@migrations(name="0012_audit_anchors")
def audit_anchors(db: Database) -> None:
    """Audit anchors (sync/anchors.py). A district keeps, per bundle, the audit chain's head it signed into it;
    the centre keeps every head a PC showed it (the first word on each bundle number stands) and what it
    found when a later bundle disagreed. Anchors and findings are append-only like the audit log, and findings
    are audited; ``bundles.warnings`` keeps what an import warned about (a rewritten history, a retired key)."""
    run_statements(db, _AUDIT_ANCHORS)
    for table in ("audit_anchors", "audit_anchor_findings"):
        for action in ("UPDATE", "DELETE"):
            db.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, 'audit anchors are append-only'); END")
    install_audit_triggers(db, "audit_anchor_findings", "id")


_RESTORES_SCHEMA = """
CREATE TABLE IF NOT EXISTS restores (
    id INTEGER PRIMARY KEY, restored_at TEXT NOT NULL, restored_by TEXT NOT NULL, unlocked_with TEXT NOT NULL,
    os_user TEXT, backup_file TEXT NOT NULL, backup_sha256 TEXT NOT NULL, backup_created_at TEXT NOT NULL,
    backup_reason TEXT, backup_created_by TEXT, backup_app_version TEXT, backup_migrations TEXT NOT NULL,
    current_migrations TEXT NOT NULL, migrated TEXT NOT NULL, rolled_back TEXT NOT NULL,
    users_kept_removed TEXT NOT NULL, kept_as TEXT);
CREATE TABLE IF NOT EXISTS ledger_keys (
    id INTEGER PRIMARY KEY CHECK (id = 1), key TEXT NOT NULL, created_at TEXT NOT NULL);
"""


@migrations(name="0013_restores")
def restores(db: Database) -> None:
    """Every restore, written into the restored database in the transaction that carries removals and
    revocations forward, so it is part of the audit chain (storage/core/backup.py): who, how unlocked, the
    OS account, when, which backup (file, SHA-256, its manifest's date, reason, migrations) and what it
    rolled back (the replaced database's audit head, entries and records newer than the backup).

    And the ledger key of the signed ledgers beside the database (storage/core/ledger.py): random for a new
    installation; an existing one gets the key its revocation ledger was already signed with at its next
    sign-in (the migration cannot see the database key). Not audited: the key never enters the log.
    Depends on no table of the migrations just before it (0011, 0012), so their order does not matter."""
    run_statements(db, _RESTORES_SCHEMA)
    install_audit_triggers(db, "restores", "id")
    if not db.execute("SELECT 1 FROM installation").fetchone():  # a new installation, being created now
        db.execute("INSERT OR IGNORE INTO ledger_keys (id, key, created_at) VALUES (1, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                   [os.urandom(32).hex()])


_CENTRE_UPDATES_SCHEMA = """
CREATE TABLE centre_updates (
    sequence INTEGER PRIMARY KEY, made_at TEXT NOT NULL, made_by TEXT NOT NULL, file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL, contents TEXT NOT NULL);
CREATE TABLE applied_updates (
    sequence INTEGER PRIMARY KEY, made_at TEXT NOT NULL, applied_at TEXT NOT NULL, applied_by TEXT NOT NULL,
    sha256 TEXT NOT NULL, report TEXT NOT NULL);
"""


@migrations(name="0014_centre_updates")
def centre_updates(db: Database) -> None:
    """The centre's signed updates (sync/updates.py): at the centre, each update written (its number, who,
    when, the file's SHA-256 and how many of each kind it held); at a district, each update applied and what
    it changed. Both audited. The numbers are the centre's: a district applies an update only when it is
    newer than the last one it applied."""
    run_statements(db, _CENTRE_UPDATES_SCHEMA)
    install_audit_triggers(db, "centre_updates", "sequence")
    install_audit_triggers(db, "applied_updates", "sequence")


@migrations(name="0015_bundles_name_their_update")
def bundles_name_their_update(db: Database) -> None:
    """Each imported bundle's manifest says which centre update its PC had applied (0: none; a bundle made
    before updates existed says nothing, also 0): the devices screen shows "Zhob: update 3 of 5"."""
    db.execute("ALTER TABLE bundles ADD COLUMN centre_update INTEGER NOT NULL DEFAULT 0")


_APPROVALS_SCHEMA = """
ALTER TABLE completions ADD COLUMN submitted_at TEXT;
CREATE TABLE approvals (
    id INTEGER PRIMARY KEY, district TEXT NOT NULL, institution TEXT NOT NULL, period TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned', 'reopened')), answers TEXT,
    reason TEXT, decided_by TEXT NOT NULL, decided_at TEXT NOT NULL,
    UNIQUE (district, institution, period));
"""


@migrations(name="0016_approvals")
def approvals(db: Database) -> None:
    """Approval of data sets (storage/records/approvals.py): when a district supervisor submitted a data set
    (``completions.submitted_at``, the district's, travels in bundles), and the centre's decision on it
    (``approvals``: approved, returned or reopened, with the reason and the submission it answers; the
    centre's, travels in centre updates). Audited."""
    run_statements(db, _APPROVALS_SCHEMA)
    install_audit_triggers(db, "completions", AUDITED_TABLES["completions"])  # it has a new column to record
    install_audit_triggers(db, "approvals", "id")


@migrations(name="0017_catalogues")
def catalogues(db: Database) -> None:
    """The catalogue as data (storage/core/catalogues.py): each catalogue after the shipped one (sequence 1),
    whole, with who loaded it and when; the newest is the one in use. Audited."""
    db.execute("CREATE TABLE catalogues (sequence INTEGER PRIMARY KEY, version TEXT NOT NULL, files TEXT NOT NULL, "
               "loaded_by TEXT NOT NULL, loaded_at TEXT NOT NULL)")
    install_audit_triggers(db, "catalogues", "sequence")


@migrations(name="0018_records_keep_their_catalogue")
def records_keep_their_catalogue(db: Database) -> None:
    """Each indicator value, target and desk case keeps the version of the catalogue it was entered under
    (``catalogue_version``; empty for records from before), and travels with it: a record entered before a
    catalogue update is read with the catalogue of its day (storage/core/catalogues.py)."""
    for table in ("indicator_values", "targets", "desk_cases"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN catalogue_version TEXT")


# The Action Plan's results framework (storage/records/plan.py): managed at the centre, loaded whole from one
# workbook (storage/sheets/plan.py). Objectives hold outputs, outputs hold activities and are measured by
# indicators of the catalogue; each linked indicator has a baseline and provincial targets per year (beside the
# district targets of ``targets``). ``position`` keeps the workbook's order, which screens and reports follow.
# ``department`` is a catalogue institution code; ``partner`` is free text (funders and partners, e.g.
# "UNODC; EU"). Dates are ISO days. Not synchronised: no district reads the framework yet (a centre update may
# carry it later; then these tables get the sync columns in a migration of their own).
_RESULTS_FRAMEWORK_SCHEMA = """
CREATE TABLE plan_framework (
    id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, name_ur TEXT NOT NULL,
    example INTEGER NOT NULL CHECK (example IN (0, 1)), note TEXT, file_name TEXT NOT NULL, sha256 TEXT NOT NULL,
    loaded_by TEXT NOT NULL, loaded_at TEXT NOT NULL);
CREATE TABLE plan_objectives (
    code TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, title_ur TEXT NOT NULL,
    department TEXT NOT NULL, partner TEXT, start_date TEXT, due_date TEXT);
CREATE TABLE plan_outputs (
    code TEXT PRIMARY KEY, objective TEXT NOT NULL REFERENCES plan_objectives (code), position INTEGER NOT NULL,
    title TEXT NOT NULL, title_ur TEXT NOT NULL, department TEXT NOT NULL, partner TEXT, start_date TEXT,
    due_date TEXT);
CREATE INDEX plan_outputs_by_objective ON plan_outputs (objective);
CREATE TABLE plan_activities (
    code TEXT PRIMARY KEY, output TEXT NOT NULL REFERENCES plan_outputs (code), position INTEGER NOT NULL,
    title TEXT NOT NULL, title_ur TEXT NOT NULL, department TEXT NOT NULL, partner TEXT, start_date TEXT,
    due_date TEXT NOT NULL);
CREATE INDEX plan_activities_by_output ON plan_activities (output);
CREATE TABLE plan_indicators (
    indicator TEXT PRIMARY KEY, output TEXT NOT NULL REFERENCES plan_outputs (code), position INTEGER NOT NULL,
    headline INTEGER NOT NULL CHECK (headline IN (0, 1)), baseline_value NUMERIC, baseline_year INTEGER, note TEXT);
CREATE INDEX plan_indicators_by_output ON plan_indicators (output);
CREATE TABLE plan_targets (
    indicator TEXT NOT NULL REFERENCES plan_indicators (indicator), year INTEGER NOT NULL, target NUMERIC NOT NULL,
    PRIMARY KEY (indicator, year));
"""

PLAN_TABLES = {"plan_framework": "id", "plan_objectives": "code", "plan_outputs": "code",
               "plan_activities": "code", "plan_indicators": "indicator", "plan_targets": "indicator"}


@migrations(name="0019_results_framework")
def results_framework(db: Database) -> None:
    """The Action Plan's results framework (the tables above): objectives, outputs, activities, the indicators
    that measure outputs with their baselines, headline marks and provincial targets per year, and the row
    that names the framework in use (its name, whether it is an example, the file and who loaded it). A load
    changes only the rows that differ, so the audit log (every table audited) says what each load changed."""
    run_statements(db, _RESULTS_FRAMEWORK_SCHEMA)
    for table, key in PLAN_TABLES.items():
        install_audit_triggers(db, table, key)


@migrations(name="0020_activity_progress")
def activity_progress(db: Database) -> None:
    """Activity progress, entered at the centre by its clerk: one row per report (status, percent done, the day
    it describes, evidence), append-only like the audit log, so the history of every activity is kept and a
    later report can say what changed since a given day. No foreign key to ``plan_activities``: an activity
    the next framework drops keeps its history. Audited."""
    db.execute("""CREATE TABLE plan_progress (
        id INTEGER PRIMARY KEY AUTOINCREMENT, activity TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('not_started', 'on_track', 'delayed', 'done', 'dropped')),
        percent NUMERIC NOT NULL CHECK (percent >= 0 AND percent <= 100), as_of TEXT NOT NULL, evidence TEXT,
        entered_by TEXT NOT NULL, entered_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX plan_progress_by_activity ON plan_progress (activity, as_of, id)")
    for action in ("UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER plan_progress_no_{action.lower()} BEFORE {action} ON plan_progress "
                   f"BEGIN SELECT RAISE(ABORT, 'activity progress is append-only'); END")
    install_audit_triggers(db, "plan_progress", "id")
