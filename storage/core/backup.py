"""Backups: one file that holds a consistent, still-encrypted snapshot of the database and its key file.

A backup is a standard ZIP (open it with any unzip tool) with exactly these members:

* ``manifest.json``: format, app version, the schema migrations applied, which installation (role,
  district, device), when, by whom and why, and the SHA-256 and size of every other member;
* ``mizan.db``: ``VACUUM INTO`` of the open SQLCipher connection. SQLite takes it inside one read
  transaction, so it is consistent while others keep working, and SQLCipher writes it encrypted with the
  same raw database key: a backup never holds a record in clear;
* ``mizan.db.keys``: the key-slot file as it was, so the users' passwords *of that day* and the recovery
  key open the backup, also on a new PC after every password is lost;
* ``mizan.db.revoked`` (a centre with revoked devices): the revocation ledger (``sync.devices``);
* ``mizan.db.removed`` (once a user was removed): the removal ledger (``storage.core.ledger``).

The ZIP itself is not encrypted: the database member needs no second layer and the key file holds only
wrapped keys. What a stranger learns from a backup is which office made it, when, and the user names.

Restoring (:func:`prepare_restore`, then :meth:`PreparedRestore.commit`) checks the manifest and every
hash, opens the snapshot with a password or the recovery key (proof that it is ours and undamaged:
SQLCipher's HMAC check of every page and SQLite's ``quick_check``), refuses a backup of another kind of
installation or another district, migrates an older schema, keeps removed users removed (the removal
ledger, the backup's copy of it and the replaced database: a removed user's password cannot restore),
lets sync carry forward what must never roll back (revoked devices, newer centre keys:
:data:`AFTER_RESTORE`), records the restore in the ``restores`` table of the restored database (who, how
unlocked, which backup, what was rolled back: in the same transaction, so the audit chain verifies), and
only then swaps the files in: the staged copies are written beside the database and fsynced, the current pair is kept as
``<db>.before-restore-<time>.bak`` (+ ``.keys``) and the staged pair renamed over it. Because every file
of one installation is encrypted with the same database key, a crash between the two renames leaves a
pair that still opens.

Automatic backups go to ``<database folder>/backups/``: before every import that merges a bundle (never
for a run whose files are all refused or duplicates: :class:`ImportBackup`), before every schema
migration, and at the first sign-in of a day. Pruning goes by count *and* age: the last N are kept (the
``backup_keep`` setting, default :data:`DEFAULT_KEEP`), and so is every backup of the last
:data:`KEEP_DAYS` days on which backups were made, however many there are, so a burst of backups in one
afternoon cannot push out yesterday's. Backups written elsewhere by hand are never pruned.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from storage import __version__
from storage.core import audit, writer
from storage.core.clock import utc_now
from storage.core.connection import connect, set_actor
from storage.core.files import (
    HASH_CHUNK,
    create_private,
    fsync_file,
    fsync_folder,
    open_private,
    sha256_file,
    write_atomically,
)
from storage.core.keyslots import KeyFile, keyfile_lock, keyfile_path, lock_path
from storage.core.ledger import (
    apply_removals,
    ensure_ledger_key,
    read_file,
    removal_ledger_path,
    removals_in,
    revocation_ledger_path,
    signed_line,
)
from storage.core.roles import installation_name, require, require_role
from storage.errors import AuthError, MizanError, UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say, translate

if TYPE_CHECKING:
    from sqlite_utils import Database  # annotations only: sqlite-utils loads with the first connection
    from sqlite_utils.migrations import Migrations

BACKUP_FORMAT = "mizan-backup"
BACKUP_FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = "mizan.db"
KEYS_MEMBER = "mizan.db.keys"
LEDGER_MEMBER = "mizan.db.revoked"
REMOVALS_MEMBER = "mizan.db.removed"
OPTIONAL_MEMBERS = frozenset({LEDGER_MEMBER, REMOVALS_MEMBER})
REQUIRED_MEMBERS = frozenset({MANIFEST, DATABASE_MEMBER, KEYS_MEMBER})
AUTOMATIC_REASONS = ("before-import", "before-migration", "daily")
DEFAULT_KEEP = 10
KEEP_DAYS = 3  # every automatic backup of the last 3 days with backups stays, whatever the count says
MAX_KEEP = 365
BACKUP_SUFFIX = ".mizan-backup.zip"
MAX_MANIFEST_BYTES = 1 << 20
# Members above this would not be a Mizan database; checked before anything is extracted.
MAX_MEMBER_BYTES = 64 << 30


def schema_migrations() -> Migrations:
    """The schema's migrations (``storage.core.schema``), imported on first use rather than with this module.

    The schema imports sqlite-utils, which the app's first window does without (``storage.core.connection``);
    this module and the session are imported before that window shows.
    """
    from storage.core.schema import migrations  # here, not at the top: see above

    return migrations


class BackupRejected(MizanError):
    """A file that is not a usable backup of this installation; nothing was changed (exit code 5)."""

    exit_code = 5


def ledger_path(db_path: str | Path) -> Path:
    """The revocation ledger beside a database (written by ``sync.devices``; never replaced by a restore)."""
    return revocation_ledger_path(db_path)


def backups_folder(db_path: str | Path) -> Path:
    """Where automatic backups of ``db_path`` go: ``backups/`` beside it."""
    return Path(db_path).parent / "backups"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what its manifest says."""

    path: Path
    created_at: str
    reason: str
    installation: dict
    migrations: list[str]
    app_version: str
    created_by: str | None
    bytes: int

    def as_dict(self) -> dict:
        return {"path": str(self.path), "created_at": self.created_at, "reason": self.reason,
                "installation": self.installation, "migrations": self.migrations, "app_version": self.app_version,
                "created_by": self.created_by, "bytes": self.bytes}


# -- writing -------------------------------------------------------------------------------------------


def _installation_of(db: Database) -> dict:
    """Role, district and device for the manifest (empty before the first migration ran)."""
    with contextlib.suppress(Exception):  # a database mid-creation has no installation row yet
        row = db.execute("SELECT role, district, device_id, device_name FROM installation WHERE id = 1").fetchone()
        if row:
            return dict(zip(("role", "district", "device_id", "device_name"), row, strict=True))
    return {}


def write_backup(db: Database, db_path: str | Path, out: str | Path, *, reason: str,
                 created_by: str | None = None) -> BackupInfo:
    """Write a backup of the open database ``db`` (the file ``db_path``) to ``out``; no permission check.

    The storage functions that call this check who may; automatic backups need none. Must run outside a
    write transaction (``VACUUM INTO`` cannot run inside one).
    """
    db_path, out = Path(db_path), Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    snapshot = out.with_name(out.name + ".snapshot.tmp")
    partial = out.with_name(out.name + ".tmp")
    snapshot.unlink(missing_ok=True)
    partial.unlink(missing_ok=True)
    try:
        # Both files are created owner-only first: VACUUM INTO fills the empty snapshot, the ZIP the partial.
        create_private(snapshot)
        create_private(partial)
        # VACUUM INTO reads one consistent snapshot and writes it encrypted with the connection's key.
        db.execute("VACUUM INTO ?", [str(snapshot)])
        small = {KEYS_MEMBER: keyfile_path(db_path).read_bytes()}
        if ledger_path(db_path).exists():
            small[LEDGER_MEMBER] = ledger_path(db_path).read_bytes()
        if removal_ledger_path(db_path).exists():
            small[REMOVALS_MEMBER] = removal_ledger_path(db_path).read_bytes()
        files = {name: {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}
                 for name, content in small.items()}
        with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
            # The snapshot is hashed while it is copied in (one pass over it); the manifest, which needs
            # the hash, comes last: ZIP readers find members through the central directory, in any order.
            files[DATABASE_MEMBER] = _copy_hashing(snapshot, archive, DATABASE_MEMBER)
            for name, content in small.items():
                archive.writestr(name, content, zipfile.ZIP_DEFLATED)
            manifest = {
                "format": BACKUP_FORMAT, "format_version": BACKUP_FORMAT_VERSION, "app_version": __version__,
                "created_at": utc_now(), "created_by": created_by, "reason": reason,
                "installation": _installation_of(db), "migrations": [m.name for m in schema_migrations().applied(db)],
                "files": files,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True), zipfile.ZIP_DEFLATED)
        fsync_file(partial)
        os.replace(partial, out)
        fsync_folder(out.parent)
    finally:
        snapshot.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    return _info(out, manifest)


def _copy_hashing(source: Path, archive: zipfile.ZipFile, member: str) -> dict:
    """Copy a file into the archive, stored (encrypted pages do not compress), hashing it on the way."""
    digest, size = hashlib.sha256(), 0
    info = zipfile.ZipInfo(member, date_time=dt.datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED
    with open(source, "rb") as reader, archive.open(info, "w", force_zip64=True) as writer:
        while chunk := reader.read(HASH_CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
    return {"sha256": digest.hexdigest(), "bytes": size}


def _info(path: Path, manifest: dict) -> BackupInfo:
    return BackupInfo(path=path, created_at=manifest["created_at"], reason=manifest.get("reason", ""),
                      installation=manifest.get("installation", {}), migrations=list(manifest.get("migrations", [])),
                      app_version=manifest.get("app_version", ""), created_by=manifest.get("created_by"),
                      bytes=path.stat().st_size)


def backup_now(session, out: str | Path) -> BackupInfo:
    """Back up the signed-in installation to the file ``out`` (supervisors, clerks and admins)."""
    require(session, "backup")
    out = Path(out)
    if out.resolve() in (session.path.resolve(), keyfile_path(session.path).resolve()):
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Choose another file for the backup: that is the database itself.")))
    return write_backup(session.db, session.path, out, reason="manual", created_by=session.user)


# -- automatic backups ---------------------------------------------------------------------------------


def backup_keep(db: Database) -> int:
    """How many automatic backups to keep (the ``backup_keep`` setting, else :data:`DEFAULT_KEEP`)."""
    try:
        row = db.execute("SELECT value FROM settings WHERE name = 'backup_keep'").fetchone()
    except Exception:  # before the settings migration has run (e.g. the backup before that migration)
        return DEFAULT_KEEP
    return int(row[0]) if row else DEFAULT_KEEP


def set_backup_keep(session, keep: int) -> None:
    """Keep the last ``keep`` automatic backups (1 to :data:`MAX_KEEP`); older ones are deleted."""
    require(session, "backup")
    if not isinstance(keep, int) or not 1 <= keep <= MAX_KEEP:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Keep between 1 and {max_keep} automatic backups, not {keep}."), max_keep=MAX_KEEP, keep=repr(keep)))
    with session.write() as db:
        db.execute("INSERT INTO settings (name, value, changed_by, changed_at) VALUES ('backup_keep', ?, ?, ?) "
                   "ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, "
                   "changed_at = excluded.changed_at", [str(keep), session.user, utc_now()])
    prune_automatic_backups(session.path, keep)


def _automatic_name(db_path: Path, reason: str, when: dt.datetime) -> str:
    return f"{db_path.name}-{when:%Y%m%d-%H%M%S-%f}-{reason}{BACKUP_SUFFIX}"


def automatic_backup_files(db_path: str | Path) -> list[Path]:
    """This database's automatic backups, oldest first (their names sort by time)."""
    db_path = Path(db_path)
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    found = [path for path in folder.glob(f"{db_path.name}-*{BACKUP_SUFFIX}")
             if path.name[len(db_path.name) + 1:].split("-")[0].isdigit()]
    return sorted(found, key=lambda path: path.name)


def _backup_day(db_path: Path, path: Path) -> str:
    """The local date an automatic backup was made, ``YYYYMMDD`` from its name ("" when unreadable)."""
    day = path.name[len(db_path.name) + 1:].split("-")[0]
    return day if len(day) == 8 and day.isdigit() else ""


def prune_automatic_backups(db_path: str | Path, keep: int) -> list[Path]:
    """Delete the automatic backups that are both older than the newest ``keep`` and older than the last
    :data:`KEEP_DAYS` days on which automatic backups were made; returns what was deleted.

    Days "on which backups were made", not calendar days: an office closed for a fortnight still has its
    last three working days' backups after a busy first morning back.
    """
    db_path = Path(db_path)
    files = automatic_backup_files(db_path)
    recent_days = sorted({_backup_day(db_path, path) for path in files} - {""})[-KEEP_DAYS:]
    newest = set(files[-keep:]) if keep > 0 else set()
    doomed = [path for path in files if path not in newest and _backup_day(db_path, path) not in recent_days]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def automatic_backup(db: Database, db_path: str | Path, reason: str, created_by: str | None = None) -> Path:
    """Back up into ``backups/`` beside the database, then keep only the newest N automatic backups."""
    if reason not in AUTOMATIC_REASONS:
        raise UsageError(f"Unknown automatic backup reason {reason!r}.")
    db_path = Path(db_path)
    out = backups_folder(db_path) / _automatic_name(db_path, reason, dt.datetime.now())
    write_backup(db, db_path, out, reason=reason, created_by=created_by)
    prune_automatic_backups(db_path, backup_keep(db))
    return out


class ImportBackup:
    """The automatic backup of one import run, made when it is first called: just before the run's first
    bundle that passed every check is merged, so a run in which nothing can be imported (a junk file in
    the inbox, a bundle from an unknown device, a duplicate) makes no backup and prunes none. Later calls
    in the same run return the same backup. The caller has checked the clerk's role.
    """

    def __init__(self, session) -> None:
        self.session = session
        self.path: Path | None = None

    def __call__(self) -> Path:
        if self.path is None:
            self.path = automatic_backup(self.session.db, self.session.path, "before-import", self.session.user)
        return self.path


def _created_on(db: Database) -> dt.date | None:
    with contextlib.suppress(Exception):
        row = db.execute("SELECT created_at FROM installation WHERE id = 1").fetchone()
        if row:
            return dt.datetime.fromisoformat(row[0].replace("Z", "+00:00")).astimezone().date()
    return None


def daily_backup_due(db: Database, db_path: str | Path, today: dt.date | None = None) -> bool:
    """True when no automatic backup was made today (local time) and the database is older than today.

    A database created today has nothing yesterday's backup could lose; its first backup comes with the
    first sign-in of the next day of use.
    """
    today = today or dt.date.today()
    created = _created_on(db)
    if created is None or created >= today:
        return False
    files = automatic_backup_files(db_path)
    if not files:
        return True
    newest = files[-1].name[len(Path(db_path).name) + 1:].split("-")[0]
    return dt.datetime.strptime(newest, "%Y%m%d").date() < today


def daily_backup_if_due(db: Database, db_path: str | Path, user: str) -> Path | None:
    """At sign-in: the day's automatic backup when it is due (see :func:`daily_backup_due`)."""
    if daily_backup_due(db, db_path):
        return automatic_backup(db, db_path, "daily", user)
    return None


# -- reading -------------------------------------------------------------------------------------------


def _open_archive(path: Path) -> tuple[zipfile.ZipFile, dict]:
    """Open a backup and check its shape and manifest (not yet the hashes)."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "There is no file {path}."), path=path)) from error
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} is not a Mizan backup (not a readable ZIP file)."), name=name)) from error
    try:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        if len(names) != len(set(names)) or not REQUIRED_MEMBERS <= set(names) \
                or not set(names) <= REQUIRED_MEMBERS | OPTIONAL_MEMBERS:
            raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} is not a Mizan backup (it holds {members})."), name=name, members=', '.join(sorted(names)) or translate("errors", QT_TRANSLATE_NOOP("errors", "nothing"))))
        if any(info.file_size > MAX_MEMBER_BYTES for info in infos) \
                or archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
            raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} is not a Mizan backup (a member is implausibly large)."), name=name))
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except (ValueError, zipfile.BadZipFile, OSError) as error:
            raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} is damaged: its manifest cannot be read."), name=name)) from error
        _check_manifest(name, manifest, infos)
    except BaseException:
        archive.close()
        raise
    return archive, manifest


def _check_manifest(name: str, manifest: object, infos: list[zipfile.ZipInfo]) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} is not a Mizan backup (its manifest is not one)."), name=name))
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > BACKUP_FORMAT_VERSION:
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} was made by a newer Mizan (backup format {version}); update Mizan first."), name=name, version=version))
    files, applied = manifest.get("files"), manifest.get("migrations")
    if not isinstance(files, dict) or not isinstance(applied, list) or not isinstance(manifest.get("created_at"), str):
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} is damaged: its manifest lacks files, migrations or a date."), name=name))
    for info in infos:
        if info.filename == MANIFEST:
            continue
        entry = files.get(info.filename)
        if not isinstance(entry, dict) or entry.get("bytes") != info.file_size:
            raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} is damaged: {member} does not match its manifest."), name=name, member=info.filename))
    known = {migration.name for migration in schema_migrations()._migrations}
    unknown = sorted(set(map(str, applied)) - known)
    if unknown:
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{name} was made by a newer Mizan (schema {migration}); update Mizan, then restore."), name=name, migration=unknown[-1]))


def _extract_checked(archive: zipfile.ZipFile, member: str, expected: dict, out: Path) -> None:
    """Copy one member to ``out`` while hashing it; a wrong hash deletes the copy and rejects the backup."""
    digest = hashlib.sha256()
    with archive.open(member) as source, open_private(out) as target:
        while chunk := source.read(HASH_CHUNK):
            digest.update(chunk)
            target.write(chunk)
        target.flush()
        os.fsync(target.fileno())
    if digest.hexdigest() != expected.get("sha256"):
        out.unlink(missing_ok=True)
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is damaged: {member} does not match its SHA-256."), file=Path(str(archive.filename)).name, member=member))


def read_backup(path: str | Path, *, check_hashes: bool = True) -> BackupInfo:
    """The manifest of a backup file, after checking its shape and (by default) every member's SHA-256."""
    path = Path(path)
    archive, manifest = _open_archive(path)
    with archive:
        if check_hashes:
            for member in archive.namelist():
                if member == MANIFEST:
                    continue
                digest = hashlib.sha256()
                try:
                    with archive.open(member) as source:
                        while chunk := source.read(HASH_CHUNK):
                            digest.update(chunk)
                except (zipfile.BadZipFile, OSError, EOFError) as error:
                    raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is damaged: {member} cannot be read."), file=path.name, member=member)) from error
                if digest.hexdigest() != manifest["files"][member].get("sha256"):
                    raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is damaged: {member} does not match its SHA-256."), file=path.name, member=member))
    return _info(path, manifest)


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The automatic backups of a database, newest first (manifests read, hashes not checked)."""
    found = []
    for path in reversed(automatic_backup_files(db_path)):
        with contextlib.suppress(MizanError):  # a damaged file is not listed as a usable backup
            found.append(read_backup(path, check_hashes=False))
    return found


# -- restoring -----------------------------------------------------------------------------------------


@dataclass
class RestoreContext:
    """What a step of :data:`AFTER_RESTORE` may use: the target path, the database key, who restores,
    the backup's own revocation ledger (bytes) if it carried one, and the installation's ledger key (the
    restored database's, which signs every ledger line: ``storage.core.ledger``). A step that merged
    ledgers sets ``ledger_out``: written beside the database when the restore is committed."""

    db_path: Path
    db_key: bytes = field(repr=False)
    actor: str
    backup_ledger: bytes | None = None
    ledger_out: bytes | None = None
    ledger_key: bytes | None = field(default=None, repr=False)
    # The database key the live key file gives the same credential: since the backup, removing a user or a
    # reset changed the database key (PRAGMA rekey), and the database being replaced opens only with it.
    current_db_key: bytes | None = field(default=None, repr=False)


# Steps other packages add to a restore (sync/ carries revoked devices and newer centre keys forward).
# Each gets the staged database, the one being replaced (None when there is none, or it does not open
# with the same key) and the context; it runs inside the staged database's write transaction.
AFTER_RESTORE: list[Callable[[Database, Database | None, RestoreContext], None]] = []


# The name a restoring process writes into the writer lock (a CLI restore has no signed-in user).
RESTORE_HOLDER = "restore"


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


@dataclass
class PreparedRestore:
    """A backup checked, opened and staged beside the database; nothing current is touched until
    :meth:`commit`. :meth:`discard` removes the staged files."""

    info: BackupInfo
    db_path: Path
    staged_db: Path
    staged_keys: Path
    ledger_lines: bytes | None  # the ledger to write beside the database at commit, when it grew
    removal_lines: bytes | None = None  # the same for the removal ledger
    users_kept_removed: list[str] = field(default_factory=list)  # removed after the backup was made
    kept_path: Path | None = None  # where commit keeps the replaced database (named in the restore's record)

    def commit(self) -> Path | None:
        """Swap the staged pair in; returns the kept ``.before-restore`` copy of the replaced database.

        Every connection to the database must be closed first (the GUI signs out); while another process
        has it open, the writer lock refuses (``DatabaseBusy``) and nothing is swapped.
        """
        with writer.held(self.db_path, RESTORE_HOLDER):
            return self._swap()

    def _swap(self) -> Path | None:
        db_path, keys_path = self.db_path, keyfile_path(self.db_path)
        kept = None
        if db_path.exists():
            kept = self.kept_path or _kept_path(db_path)
            _keep_copy(db_path, kept)
            for suffix in ("-wal", "-shm"):
                # A write-ahead log left beside the database belongs to the replaced file, never to the new one.
                leftover = Path(f"{db_path}{suffix}")
                if leftover.exists():
                    os.replace(leftover, Path(f"{kept}{suffix}"))
            if keys_path.exists():
                _keep_copy(keys_path, Path(f"{kept}.keys"))
        # Keys first: both files of one installation share the database key, so a crash between the two
        # renames leaves a pair that opens. The key file's lock keeps a sign-in elsewhere from writing a
        # failure count read from the replaced file over the restored one.
        with keyfile_lock(keys_path):
            os.replace(self.staged_keys, keys_path)
        os.replace(self.staged_db, db_path)
        lock_path(self.staged_keys).unlink(missing_ok=True)
        if self.ledger_lines is not None:
            write_atomically(ledger_path(db_path), self.ledger_lines)
        if self.removal_lines is not None:
            write_atomically(removal_ledger_path(db_path), self.removal_lines)
        fsync_folder(db_path.parent)
        return kept

    def discard(self) -> None:
        self.staged_db.unlink(missing_ok=True)
        self.staged_keys.unlink(missing_ok=True)
        lock_path(self.staged_keys).unlink(missing_ok=True)  # opening the staged key file took its lock


def _kept_path(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}.before-restore-{_stamp()}.bak")


def _keep_copy(source: Path, kept: Path) -> None:
    """A second name for the file (a hard link costs nothing); a copy where links are not possible."""
    try:
        os.link(source, kept)
    except OSError:
        shutil.copy2(source, kept)
        fsync_file(kept)


@dataclass(frozen=True)
class Credential:
    """What opened a backup: the database key, who restores, and whether that user's role must be checked
    in the backup's own users table (a password) or was checked already (a signed-in session)."""

    db_key: bytes = field(repr=False)
    actor: str
    check_role_in_backup: bool
    unlocked_with: str = "password"  # password, recovery key or session: recorded with the restore
    # Keys to try after ``db_key`` (a session's keys from before it rotated the database key).
    other_db_keys: tuple[bytes, ...] = field(default=(), repr=False)


Unlock = Callable[[KeyFile], Credential]


def with_password(user: str, password: str) -> Unlock:
    """Open the backup with a password of a user *in the backup* (whose role there must allow backups)."""
    return lambda keyfile: Credential(keyfile.unlock_with_password(user, password), user, True)


def with_recovery_key(recovery_key: str) -> Unlock:
    """Open the backup with the installation's printed recovery key (when every password is lost); it
    stands for the installation's admin."""
    return lambda keyfile: Credential(keyfile.unlock_with_recovery_key(recovery_key), "(recovery key)", False,
                                      "recovery key")


def with_session(session) -> Unlock:
    """Open the backup with the key a signed-in session holds in memory: only a backup of the same
    installation opens this way (the GUI's restore). The session's role is checked here."""
    require(session, "backup")
    return lambda keyfile: Credential(session.db_key, session.user, False, "session",
                                      tuple(reversed(session.earlier_db_keys)))


def prepare_restore(source: str | Path, db_path: str | Path, unlock: Unlock) -> PreparedRestore:
    """Check a backup, open it with ``unlock``, stage it beside ``db_path``; nothing current is changed.

    A user's password opens it only for a user of the backup whose role may back up and restore
    (``PermissionDenied`` otherwise); the recovery key acts as the installation's admin. Refused with
    ``DatabaseBusy`` while another process has the database open (its writes would go on into the file
    the restore puts aside); the same process (the GUI's own session) may.
    """
    source, db_path = Path(source), Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with writer.held(db_path, RESTORE_HOLDER):
        return _prepare_restore_locked(source, db_path, unlock)


def _prepare_restore_locked(source: Path, db_path: Path, unlock: Unlock) -> PreparedRestore:
    archive, manifest = _open_archive(source)
    info = _info(source, manifest)
    stamp = _stamp()
    staged_db = db_path.with_name(f"{db_path.name}.restore-{stamp}.tmp")
    staged_keys = Path(f"{staged_db}.keys")
    prepared = PreparedRestore(info, db_path, staged_db, staged_keys, None,
                               kept_path=_kept_path(db_path) if db_path.exists() else None)
    try:
        with archive:
            _extract_checked(archive, KEYS_MEMBER, manifest["files"][KEYS_MEMBER], staged_keys)
            _extract_checked(archive, DATABASE_MEMBER, manifest["files"][DATABASE_MEMBER], staged_db)
            ledgers = {member: archive.read(member) if member in archive.namelist() else None
                       for member in (LEDGER_MEMBER, REMOVALS_MEMBER)}
        for member, content in ledgers.items():
            if content is not None and hashlib.sha256(content).hexdigest() != manifest["files"][member].get("sha256"):
                raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is damaged: {ledger_member} does not match its SHA-256."), file=source.name, ledger_member=member))
        credential = _unlock_staged(source, staged_keys, unlock)
        context = RestoreContext(db_path, credential.db_key, credential.actor, ledgers[LEDGER_MEMBER],
                                 current_db_key=_current_database_key(db_path, unlock))
        prepared.ledger_lines = _open_and_carry_forward(source, staged_db, credential, context,
                                                        _RestoreRecord(info, manifest, prepared, ledgers[REMOVALS_MEMBER]))
    except BaseException:
        prepared.discard()
        raise
    return prepared


def _unlock_staged(source: Path, staged_keys: Path, unlock: Unlock) -> Credential:
    try:
        keyfile = KeyFile.load(staged_keys)
    except AuthError as error:
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is damaged: its key file cannot be read."), file=source.name)) from error
    # Failed attempts count against the lock in the *staged* copy only: the backup file is not changed.
    return unlock(keyfile)


@dataclass
class _RestoreRecord:
    """What the restore's own record needs besides the databases: the backup, and where things go."""

    info: BackupInfo
    manifest: dict
    prepared: PreparedRestore
    backup_removals: bytes | None


def _open_and_carry_forward(source: Path, staged_db: Path, credential: Credential,
                            context: RestoreContext, record: _RestoreRecord) -> bytes | None:
    """Prove the snapshot is ours and whole, refuse another installation's, migrate it, keep removed users
    removed, check who restores, run the AFTER_RESTORE steps and record the restore, in one transaction."""
    db = None
    for db_key in (credential.db_key, *credential.other_db_keys):
        with contextlib.suppress(AuthError):
            db = connect(staged_db, db_key)
            credential = replace(credential, db_key=db_key, other_db_keys=())
            context.db_key = db_key
            break
    if db is None:
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} does not open with this installation's key: it is another installation's backup, or damaged."), file=source.name))
    replaced = None
    try:
        _check_integrity(source, db)
        set_actor(db, context.actor)
        replaced = _open_replaced(context)
        _check_same_installation(source, db, replaced, context.db_path)
        rolled_back = _rolled_back(db, replaced, context.db_path)  # before this restore adds to the chain
        migrated = [migration.name for migration in schema_migrations().pending(db)]
        schema_migrations().apply(db)  # a backup of an older schema gets today's, like any database at sign-in
        context.ledger_key = ensure_ledger_key(db, credential.db_key)
        with db.atomic():
            removals, record.prepared.users_kept_removed, record.prepared.removal_lines = \
                _carry_removals_forward(db, replaced, context, record.backup_removals)
            if credential.check_role_in_backup:
                _check_restorer(db, credential.actor, removals)
            for step in AFTER_RESTORE:
                step(db, replaced, context)
            _carry_restores_forward(db, replaced)
            _record_restore(db, credential, record, migrated, rolled_back)
            audit.seal(db)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        if replaced is not None:
            replaced.close()
        db.close()
    _remove_slots(record.prepared.staged_keys, removals)
    return context.ledger_out


def _check_restorer(db: Database, actor: str, removals: dict[str, dict]) -> None:
    """A password restores only for an active user of the backup whose role may, and never for a user
    removed since (the restore would bring him back)."""
    if actor in removals:
        entry = removals[actor]
        raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "{actor} was removed on {date}; a removed user cannot restore a backup. Ask an admin, or use the recovery key."), actor=repr(actor), date=str(entry.get("removed_at") or "?")[:10]))
    row = db.execute("SELECT role, active FROM users WHERE name = ?", [actor]).fetchone()
    if row is None or not row[1]:
        raise AuthError(say("errors", QT_TRANSLATE_NOOP("errors", "{actor} is not an active user in this backup."), actor=repr(actor)))
    require_role(actor, row[0], "backup")


def _carry_removals_forward(restored: Database, replaced: Database | None, context: RestoreContext,
                            backup_removals: bytes | None) -> tuple[dict[str, dict], list[str], bytes | None]:
    """Users removed never come back: from the ledger beside the database, the backup's own copy of it and
    the users table of the database being replaced, each is made inactive in the restored database (its
    slot is removed from the restored key file after the transaction). Returns every removal per user, the
    users active (or absent) in the backup that are removed now, and the merged ledger when it grew."""
    live = read_file(removal_ledger_path(context.db_path))
    merged = removals_in(live, context.ledger_key)
    for name, found in removals_in(backup_removals, context.ledger_key).items():
        merged.setdefault(name, found)
    if replaced is not None:
        for name, role in replaced.execute("SELECT name, role FROM users WHERE active = 0").fetchall():
            if name not in merged:
                entry = {"user": name, "role": role, "removed_at": utc_now(), "removed_by": "(replaced database)"}
                merged[name] = (entry, signed_line(context.ledger_key, entry))
    entries = {name: entry for name, (entry, _) in merged.items()}
    kept_removed = apply_removals(restored, entries.values())
    content = b"".join(line for _, line in merged.values())
    return entries, kept_removed, (content if content != live else None)


def _remove_slots(staged_keys: Path, removals: dict[str, dict]) -> None:
    keyfile = KeyFile.load(staged_keys)
    doomed = [name for name in removals if keyfile.has_user(name)]
    for name in doomed:
        keyfile.remove_user_slot(name)
    if doomed:
        keyfile.save()


def _describe(installation: dict | None) -> str:
    if not installation:
        return "?"
    if installation.get("role") == "centre":
        return say("errors", QT_TRANSLATE_NOOP("errors", "the provincial centre"))
    return say("errors", QT_TRANSLATE_NOOP("errors", "the {installation} installation of {district}"),
               installation=installation_name(str(installation.get("role"))), district=installation.get("district"))


def _current_installation(replaced: Database | None, db_path: Path) -> dict | None:
    """What the database being replaced is: read from it when it opens with the backup's key, else from its
    key file (recorded at every sign-in), else from its newest automatic backup's manifest."""
    if replaced is not None:
        return _installation_of(replaced) or None
    if not db_path.exists():
        return None
    with contextlib.suppress(AuthError):
        found = KeyFile.load(keyfile_path(db_path)).installation()
        if found:
            return found
    for path in reversed(automatic_backup_files(db_path)):
        with contextlib.suppress(MizanError):
            return read_backup(path, check_hashes=False).installation or None
    return None


def _check_same_installation(source: Path, restored: Database, replaced: Database | None, db_path: Path) -> None:
    """A district's backup never replaces the centre's database or another district's, nor the reverse."""
    current = _current_installation(replaced, db_path)
    backup = _installation_of(restored)
    if not current or not backup:
        return
    if (current.get("role"), current.get("district")) != (backup.get("role"), backup.get("district")):
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is a backup of {backup}, but this database is {current}. Nothing was restored: restore it on that installation's PC, or into another file."), file=source.name, backup=_describe(backup), current=_describe(current)))


# Tables whose rows carry a version: rows of the replaced database newer than the backup are what a restore
# rolls back (counted in its record).
_VERSIONED = ("desks", "indicator_values", "targets", "completions", "desk_cases", "desk_case_perpetrators",
              "desk_case_services", "pkm_requests")


def _chain_end(db: Database) -> tuple[int, str | None, str | None]:
    row = db.execute("SELECT last_audit_id, head FROM audit_seals ORDER BY id DESC LIMIT 1").fetchone()
    last_at = db.execute("SELECT max(at) FROM audit_log").fetchone()[0]
    return (row[0], row[1], last_at) if row else (0, None, last_at)


def _rolled_back(restored: Database, replaced: Database | None, db_path: Path) -> dict:
    """What the restore takes away: the replaced database's audit chain beyond the backup's, and its records
    newer than the backup's last version (when it opens with the backup's key)."""
    backup_last, backup_head, _ = _chain_end(restored)
    found: dict = {"backup_audit_last_id": backup_last, "backup_audit_head": backup_head}
    if replaced is None:
        found["replaced"] = "did not open with the backup's key" if db_path.exists() else "none"
        return found
    last_id, head, last_at = _chain_end(replaced)
    backup_version = restored.execute("SELECT hlc_last FROM installation WHERE id = 1").fetchone()[0]
    newer = {}
    for table in _VERSIONED:
        with contextlib.suppress(sqlcipher3.Error):
            count = replaced.execute(f"SELECT count(*) FROM {table} WHERE hlc > ?", [backup_version]).fetchone()[0]
            if count:
                newer[table] = count
    found.update({"replaced": "opened", "audit_last_id": last_id, "audit_head": head, "last_change_at": last_at,
                  "audit_entries_rolled_back": [backup_last + 1, last_id] if last_id > backup_last else None,
                  "records_newer_than_backup": newer})
    return found


def _os_user() -> str | None:
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment (a service account without one)
        return None


_RESTORE_COLUMNS = ("restored_at", "restored_by", "unlocked_with", "os_user", "backup_file", "backup_sha256",
                    "backup_created_at", "backup_reason", "backup_created_by", "backup_app_version",
                    "backup_migrations", "current_migrations", "migrated", "rolled_back", "users_kept_removed",
                    "kept_as")


def _carry_restores_forward(restored: Database, replaced: Database | None) -> None:
    """Earlier restores recorded in the database being replaced (when it opens with the backup's key) are
    copied into the restored one, oldest first: the history of restores does not roll back with them."""
    if replaced is None:
        return
    try:
        rows = replaced.execute(f"SELECT {', '.join(_RESTORE_COLUMNS)} FROM restores ORDER BY id").fetchall()
    except sqlcipher3.Error:  # a replaced database older than the restores table
        return
    known = {tuple(row) for row in restored.execute("SELECT restored_at, backup_sha256 FROM restores")}
    for row in rows:
        if (row[0], row[5]) not in known:
            restored.execute(f"INSERT INTO restores ({', '.join(_RESTORE_COLUMNS)}) VALUES "
                             f"({', '.join('?' * len(_RESTORE_COLUMNS))})", list(row))


def _record_restore(db: Database, credential: Credential, record: _RestoreRecord, migrated: list[str],
                    rolled_back: dict) -> None:
    """The restore's row in the restored database (audited by its triggers, sealed with the carry-forward)."""
    info, prepared = record.info, record.prepared
    db.execute(
        f"INSERT INTO restores ({', '.join(_RESTORE_COLUMNS)}) VALUES ({', '.join('?' * len(_RESTORE_COLUMNS))})",
        [utc_now(), credential.actor, credential.unlocked_with, _os_user(), info.path.name, sha256_file(info.path),
         info.created_at, info.reason, info.created_by, info.app_version, json.dumps(info.migrations),
         json.dumps([migration.name for migration in schema_migrations()._migrations]), json.dumps(migrated),
         json.dumps(rolled_back, sort_keys=True), json.dumps(sorted(prepared.users_kept_removed)),
         prepared.kept_path.name if prepared.kept_path else None])


def _check_integrity(source: Path, db: Database) -> None:
    """Every page's HMAC (SQLCipher) and the b-tree structure (SQLite): a flipped bit anywhere is found."""
    try:
        damaged = [row[0] for row in db.execute("PRAGMA cipher_integrity_check")]
        quick = [row[0] for row in db.execute("PRAGMA quick_check")]
    except sqlcipher3.DatabaseError:  # a page that fails to decrypt stops the check itself
        damaged, quick = ["unreadable page"], []
    if damaged or quick != ["ok"]:
        raise BackupRejected(say("errors", QT_TRANSLATE_NOOP("errors", "{file} is damaged: the database inside fails its integrity check."), file=source.name))


def _current_database_key(db_path: Path, unlock: Unlock) -> bytes | None:
    """The database key the *live* key file gives the restoring credential, or None. The credential is tried
    on a copy, so a password that no longer opens the live file counts no failure against its user."""
    live = keyfile_path(db_path)
    if not live.exists():
        return None
    with tempfile.TemporaryDirectory(prefix="mizan-restore-") as folder:
        copy = Path(folder) / live.name
        shutil.copyfile(live, copy)
        try:
            return unlock(KeyFile.load(copy)).db_key
        except Exception:  # the credential does not open today's file (a removed user, a changed password)
            return None


def _open_replaced(context: RestoreContext) -> Database | None:
    """The database about to be replaced, when it exists and opens with the backup's key or today's
    (the same installation, maybe rekeyed since the backup)."""
    if not context.db_path.exists():
        return None
    for db_key in dict.fromkeys(key for key in (context.db_key, context.current_db_key) if key is not None):
        try:
            db = connect(context.db_path, db_key)
            db.execute("SELECT count(*) FROM installation").fetchone()
        except Exception:  # damaged, or another installation: nothing to carry forward from it
            continue
        return db
    return None


def restore_backup(source: str | Path, db_path: str | Path, unlock: Unlock) -> tuple[BackupInfo, Path | None]:
    """Prepare and commit in one go (the CLI). Returns the backup's manifest and the kept old database."""
    prepared = prepare_restore(source, db_path, unlock)
    try:
        return prepared.info, prepared.commit()
    except BaseException:
        prepared.discard()
        raise

