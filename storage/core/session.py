"""Opening the encrypted database: create, unlock, migrate (with a backup first), and the session.

Automatic backups (``storage.core.backup``): before every migration, and at the first sign-in of a day.

Everything that reads or writes records takes a :class:`Session`: the open database plus who is
signed in, so role checks happen inside the storage functions themselves.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from storage.core import audit, identity, writer
from storage.core.backup import automatic_backup, daily_backup_if_due, schema_migrations
from storage.core.catalogues import active_catalogue
from storage.core.clock import (
    CLOCK_TOLERANCE_MS,
    ClockWrong,
    HybridLogicalClock,
    format_hlc,
    iso_millis,
    latest_plausible,
    parse_hlc,
    utc_now,
    wall_millis,
)
from storage.core.connection import connect, set_actor
from storage.core.files import create_private
from storage.core.keyslots import (
    RECOVERY_SLOT,
    KeyFile,
    SlotKeys,
    keyfile_path,
    new_database_key,
    new_recovery_key,
    user_slot_name,
)
from storage.core.ledger import REMOVED_BY_LEDGER, reapply_removals
from storage.core.roles import INSTALLATION_ROLES, check_password_strength, check_user_name, require, role_name
from storage.errors import AuthError, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.catalogue import Catalogue, load_catalogue

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection

# Reference rows every installation creates identically (the seeded desks) carry this origin and
# version, so the same desk seeded at a district and at the centre is one record, not a conflict.
SEED_DEVICE = "seed"
SEED_HLC = "0000000000000.000000"


def seeded_desk_uuid(code: str) -> str:
    """The uuid of a seeded desk (the same at every installation)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"mizan:desk:{code}"))

# Steps other packages add to ``init`` (sync/ registers key generation); storage never imports them.
AFTER_CREATE: list[Callable[[Session], None]] = []
# Steps run on every new session (sync/ re-applies the centre's revocation ledger).
AFTER_OPEN: list[Callable[[Session], None]] = []


def default_database_path() -> Path:
    """``MIZAN_DB`` if set, else ``mizan.db`` in the platform's user data folder."""
    configured = os.environ.get("MIZAN_DB")
    if configured:
        return Path(configured)
    from platformdirs import user_data_dir  # only without MIZAN_DB: most test and CLI runs never need it

    return Path(user_data_dir("Mizan", appauthor=False)) / "mizan.db"


def backup_before_migration(path: Path, db: Database) -> Path:
    """An automatic backup (``backups/``, a restorable file with the key slots) before a migration runs.

    The snapshot is taken through SQLite, so it is consistent even with a write-ahead log beside the file.
    """
    return automatic_backup(db, path, "before-migration")


def migrate(path: Path, db: Database) -> list[str]:
    """Apply pending migrations, after a backup when the database already holds a schema."""
    pending = schema_migrations().pending(db)
    if not pending:
        return []
    if schema_migrations().applied(db):
        backup_before_migration(path, db)
    schema_migrations().apply(db)
    return [migration.name for migration in pending]


@dataclass
class Session:
    """An open database and the user signed in to it."""

    db: Database
    path: Path
    user: str
    role: str
    db_key: bytes = field(repr=False)
    keyfile: KeyFile = field(repr=False)
    catalogue: Catalogue = field(default_factory=load_catalogue, repr=False)
    installation: dict = field(default_factory=dict)
    clock: HybridLogicalClock = field(default_factory=HybridLogicalClock)
    # This session's use of the database's writer lock (storage.core.writer), released by close().
    writer_hold: writer.WriterHold | None = field(default=None, repr=False, compare=False)
    # The identity key (storage.core.identity) when this user's slot was granted it; None otherwise.
    identity_key: bytes | None = field(default=None, repr=False)
    # Database keys this session rotated away from (newest last): a backup made before still opens with one.
    earlier_db_keys: list[bytes] = field(default_factory=list, repr=False, compare=False)

    @property
    def device_id(self) -> str:
        return self.installation["device_id"]

    @property
    def district(self) -> str | None:
        return self.installation["district"]

    @property
    def is_centre(self) -> bool:
        return self.installation["role"] == "centre"

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One write transaction: versions from the clock, the audit chain sealed before commit.

        At a district PC the clock is guarded: a version asked for while the PC's date is wrong (more than a
        day behind its own last version, or more than a year ahead of the centre's newest receipt) raises
        ``ClockWrong`` with the reason, and the transaction writes nothing. Writes that version no record
        (users, receipts, :func:`repair_clock`) go on.
        """
        with self.db.atomic():
            self._read_clock()
            yield self.db
            self.db.execute("UPDATE installation SET hlc_last = ? WHERE id = 1 AND hlc_last < ?",
                            [self.clock.last, self.clock.last])
            audit.seal(self.db)

    def _read_clock(self) -> None:
        """Bring the clock up to the stored last version, and at a district, guard it (see :meth:`write`)."""
        stored = self.db.execute("SELECT hlc_last, receipt_clock FROM installation WHERE id = 1").fetchone()
        if stored and parse_hlc(self.clock.last)[0] - parse_hlc(stored[0])[0] > CLOCK_TOLERANCE_MS:
            # Far below what this session saw: another session repaired the clock (repair_clock). Go on from there.
            self.clock.millis, self.clock.counter = parse_hlc(stored[0])
        self.clock.observe(stored[0] if stored else None)
        if not self.is_centre:
            self.clock.guarded = True
            self.clock.receipt_millis = iso_millis(stored[1]) if stored else None

    def clock_problem(self) -> str | None:
        """Why this PC may not version records now (a district PC whose date is wrong), or None."""
        self._read_clock()
        return self.clock.problem() if self.clock.guarded else None

    def close(self) -> None:
        self.db.close()
        if self.writer_hold is not None:
            self.writer_hold.release()

    def worker_session(self) -> Session:
        """The same user on a connection of its own, for a background thread (close it when done).

        SQLite connections are not to be shared across threads mid-transaction; WAL lets this one write
        while the GUI's connection keeps reading.
        """
        hold = writer.acquire(self.path, self.user)  # counted: this process holds it already
        try:
            db = connect(self.path, self.db_key)
        except BaseException:
            hold.release()
            raise
        set_actor(db, self.user)
        return dataclasses.replace(self, db=db, clock=HybridLogicalClock(self.clock.last), writer_hold=hold)


def _load_installation(db: Database) -> dict:
    row = db.execute("SELECT role, district, device_id, device_name, created_at, catalogue_version, hlc_last "
                     "FROM installation WHERE id = 1").fetchone()
    if row is None:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This database has no installation record; it was not made by `mizan init`.")))
    keys = ("role", "district", "device_id", "device_name", "created_at", "catalogue_version", "hlc_last")
    return dict(zip(keys, row, strict=True))


def _holding_writer_lock(path: Path, user: str, open_: Callable[[], Session]) -> Session:
    """Take the database's writer lock (``DatabaseBusy`` while another process has it open), then open;
    the session holds the lock until it is closed, and a failed opening gives it back."""
    hold = writer.acquire(path, user)
    try:
        session = open_()
    except BaseException:
        hold.release()
        raise
    session.writer_hold = hold
    return session


def _connect_any(path: Path, db_keys: list[bytes]) -> tuple[Database, bytes]:
    """Connect with the slot's current database key, or the staged one a rotation that stopped midway left
    (storage.core.identity.rotate_database_key)."""
    for db_key in db_keys[:-1]:
        with contextlib.suppress(AuthError):
            return connect(path, db_key), db_key
    return connect(path, db_keys[-1]), db_keys[-1]


def _open_slot(path: Path, user: str, keyfile: KeyFile, keys: SlotKeys, slot_name: str | None = None) -> Session:
    """Connect with an opened slot's database key(s) and open the session with its identity key(s)."""
    db, db_key = _connect_any(path, keys.db_keys)
    return _session_for(path, db, user, db_key, keyfile, keys.identity_keys, slot_name)


def _session_for(path: Path, db: Database, user: str, db_key: bytes, keyfile: KeyFile,
                 identity_keys: list[bytes] | None = None, slot_name: str | None = None) -> Session:
    migrate(path, db)  # under the writer lock: no other process has the database open
    # Users in the removal ledger stay removed, also in a database file put back by hand: before the check below.
    set_actor(db, REMOVED_BY_LEDGER)
    reapply_removals(db, path, db_key, keyfile)
    row = db.execute("SELECT role, active FROM users WHERE name = ?", [user]).fetchone()
    if row is None or not row[1]:
        db.close()
        raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "User {user} is not an active user of this installation."), user=repr(user)))
    set_actor(db, user)
    installation = _load_installation(db)
    keyfile.remember_installation(installation)  # so a restore can tell what this database is without its key
    _daily_backup(path, db, user)
    session = Session(db=db, path=path, user=user, role=row[0], db_key=db_key, keyfile=keyfile,
                      catalogue=active_catalogue(db), installation=installation,
                      clock=HybridLogicalClock(installation["hlc_last"]))
    try:
        identity.resolve(session, slot_name or user_slot_name(user), identity_keys or [])
        identity.after_sign_in(session)
        for step in AFTER_OPEN:
            step(session)
    except BaseException:
        session.close()
        raise
    return session


def _daily_backup(path: Path, db: Database, user: str) -> None:
    """The first sign-in of a day backs the database up (``storage.core.backup.daily_backup_due``).

    A failed backup (a full disk) must not lock people out of their work: it is skipped, and tried again
    at the next sign-in.
    """
    with contextlib.suppress(OSError, sqlcipher3.Error):
        daily_backup_if_due(db, path, user)


def create_database(
    path: str | Path, *, role: str, admin: str, password: str, district: str | None = None,
    device_name: str | None = None,
) -> tuple[Session, str]:
    """Create a new encrypted installation. Returns the admin's session and the recovery key (show it once)."""
    path = Path(path)
    catalogue = load_catalogue()
    if role not in INSTALLATION_ROLES:
        raise UsageError(f"The installation role must be 'district' or 'centre', not {role!r}.")
    if role == "district" and district not in catalogue.districts:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Unknown district {district}. Use a code from resources/districts.csv, e.g. QUETTA."), district=repr(district)))
    if role == "centre":
        district = None
    admin = check_user_name(admin)
    check_password_strength(password, user=admin, district=district)
    if path.exists():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "{path} already exists; refusing to overwrite a database."), path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    with writer.held(path, admin):  # no other process opens it half-made; the admin's session keeps it
        return _create_locked(path, role=role, admin=admin, password=password, district=district,
                              device_name=device_name, catalogue=catalogue)


def _create_locked(path: Path, *, role: str, admin: str, password: str, district: str | None,
                   device_name: str | None, catalogue: Catalogue) -> tuple[Session, str]:
    keyfile = KeyFile.create(keyfile_path(path))
    db_key, recovery_key = new_database_key(), new_recovery_key()
    keyfile.set_user_slot(admin, password, db_key, role="admin")
    keyfile.set_recovery_slot(recovery_key, db_key)
    create_private(path)  # owner-only (0600); SQLite gives the -wal and -shm files the same mode
    db = connect(path, db_key)
    set_actor(db, admin)
    migrate(path, db)
    clock = HybridLogicalClock()
    now = utc_now()
    device_id = str(uuid.uuid4())
    with db.atomic():
        db.execute(
            "INSERT INTO installation (id, role, district, device_id, device_name, created_at, catalogue_version, "
            "hlc_last) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
            [role, district, device_id, device_name or ("Provincial centre" if role == "centre" else district),
             now, catalogue.version, clock.now()],
        )
        db.execute("INSERT INTO users (name, role, created_at, created_by) VALUES (?, 'admin', ?, ?)",
                   [admin, now, admin])
        for desk in catalogue.seed_desks:
            if role == "centre" or desk["district"] == district:
                db.execute(
                    "INSERT INTO desks (code, name, district, station, opened, uuid, hlc, origin_device) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [desk["code"], desk["name"], desk["district"], desk["station"], desk["opened"],
                     seeded_desk_uuid(desk["code"]), SEED_HLC, SEED_DEVICE],
                )
        db.execute("UPDATE installation SET hlc_last = ?", [clock.last])
        audit.seal(db)
    keyfile.save()  # only once the database exists: a failed init leaves no orphan key file
    db.close()
    session = open_session(path, admin, password)
    for step in AFTER_CREATE:
        step(session)
    return session, recovery_key


def open_session(path: str | Path, user: str, password: str) -> Session:
    """Unlock the database with one user's password (wrong passwords count towards the lock)."""
    path = Path(path)
    if not path.exists():
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no database at {path}. Create one with `init`."), path=path))
    keyfile = KeyFile.load(keyfile_path(path))
    keys = keyfile.open_user_slot(user, password)
    # The lock after the password: a stranger without one learns nothing of who is signed in.
    return _holding_writer_lock(path, user, lambda: _open_slot(path, user, keyfile, keys))


def open_with_key(path: str | Path, user: str, db_key: bytes, identity_key: bytes | None = None) -> Session:
    """Open as ``user`` with the database key itself, for a caller that already holds it (tests' fixtures
    opening the copies of a template database; a session's own second connection is :meth:`Session.worker_session`).

    No password is checked and no lock counter changes: holding the key is already holding the database.
    The user must be an active user of the installation, as with a password. An ``identity_key`` offered is
    taken only if the user's slot carries a valid grant for it (as if its envelope had been opened).
    """
    path = Path(path)
    keyfile = KeyFile.load(keyfile_path(path))
    slot = user_slot_name(user)
    offered = identity.check_offered_key(_OfferedSlots(keyfile), slot, identity_key)  # type: ignore[arg-type]
    return _holding_writer_lock(path, user, lambda: _session_for(path, connect(path, db_key), user, db_key, keyfile, offered))


@dataclass
class _OfferedSlots:
    """Just the key file, for checking an offered identity key's grant before a session exists."""

    keyfile: KeyFile


def open_with_recovery_key(path: str | Path, recovery_key: str, admin: str) -> Session:
    """Open with the printed recovery key as an existing admin (e.g. to reset that admin's password)."""
    path = Path(path)
    keyfile = KeyFile.load(keyfile_path(path))
    keys: SlotKeys = keyfile.open_recovery_slot(recovery_key)
    session = _holding_writer_lock(path, admin, lambda: _open_slot(path, admin, keyfile, keys, RECOVERY_SLOT))
    if session.role != "admin":
        session.close()
        raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "The recovery key opens the database only for an admin; {admin} is a {role}."), admin=repr(admin), role=role_name(session.role)))
    return session




# The tables whose rows carry a version (and travel).
VERSIONED_TABLES = ("desks", "indicator_values", "targets", "completions", "desk_cases", "desk_case_perpetrators",
                    "desk_case_services", "pkm_requests")


def repair_clock(session: Session) -> int:
    """District: date today the records this PC saved while its clock ran ahead, so that it can save again.

    For a PC whose date was wrong in the future (say 2031) and has been corrected: it refuses to save, as its
    own last version lies years ahead, and the centre keeps those records aside. Every record with a
    version more than a day ahead of now gets one version of now (its content is unchanged, the audit log
    shows each change), the bundles made with those versions stop counting as acknowledged beyond now (so
    the next bundle carries the records again, and the centre takes them), and the clock goes on from now.

    Refused at the centre, while the clock is itself more than a year ahead of the centre's newest receipt
    (correct the date first), and when there is nothing to repair. Returns how many records were re-dated.
    """
    require(session, "repair_clock")
    if session.is_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Only a district office repairs its clock this way; at the centre, correct the PC's date and time.")))
    wall = wall_millis()
    latest = latest_plausible(wall)
    with session.write() as db:
        ahead = session.clock.ahead(wall)
        if ahead:
            raise ClockWrong(ahead)
        if session.clock.last <= latest:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "This PC's clock and its records agree; there is nothing to repair.")))
        sane = max((db.execute(f"SELECT max(hlc) FROM {table} WHERE hlc <= ?", [latest]).fetchone()[0] or ""
                    for table in VERSIONED_TABLES), default="")
        # One version, above every record that keeps its own: issued as at now, from the sane versions.
        millis, counter = parse_hlc(sane) if sane else (0, 0)
        version = format_hlc(wall, 0) if wall > millis else format_hlc(millis, counter + 1)
        repaired = 0
        for table in VERSIONED_TABLES:
            repaired += db.execute(f"UPDATE {table} SET hlc = ? WHERE hlc > ?", [version, latest]).rowcount
        db.execute("UPDATE exports SET hlc_high = ? WHERE hlc_high > ?", [sane, latest])
        db.execute("UPDATE exports SET baseline = ? WHERE baseline > ?", [sane, latest])
        db.execute("UPDATE installation SET hlc_last = ? WHERE id = 1", [version])
        session.clock.millis, session.clock.counter = parse_hlc(version)
    return repaired
