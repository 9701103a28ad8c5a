"""The command line: ``python main.py [--db PATH] [--user NAME] COMMAND ...``.

Exit codes: 0 ok, 2 usage, 3 validation errors (nothing written), 4 authentication or permission
refused, 5 a bundle, receipt or backup was rejected. Passwords come from ``MIZAN_PASSWORD`` (the
signed-in user), ``MIZAN_NEW_PASSWORD`` (a new or changed password), the recovery key from
``MIZAN_RECOVERY_KEY``, else a prompt.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from storage import __version__, i18n
from storage.core import identity
from storage.core.backup import (
    backup_now,
    list_backups,
    prepare_restore,
    set_backup_keep,
    with_password,
    with_recovery_key,
)
from storage.core.catalogues import stored_sequence
from storage.core.clock import local_clock
from storage.core.keyslots import KeyFile, keyfile_path
from storage.core.policy import POLICIES, current_policy, set_policy
from storage.core.session import Session, create_database, default_database_path, open_session, repair_clock
from storage.errors import AuthError, MizanError, UsageError, ValidationFailed
from storage.records.approvals import data_set_states, decide
from storage.records.catalogue_admin import load_catalogue_folder
from storage.records.targets import list_targets
from storage.records.users import (
    add_user,
    change_password,
    grant_identity_access,
    list_users,
    remove_user,
    unlock_user,
)
from storage.records.values import list_indicator_values
from storage.reference.org_units import LEVELS
from storage.reports.dhis2 import FORMATS as DHIS2_FORMATS
from storage.reports.dhis2 import ID_SCHEMES, ExportRefused, export_dhis2, write_mapping_template
from storage.sheets.tables import LoadReport
from storage.sheets.targets import load_targets, write_targets_template
from storage.sheets.values import load_values, write_template
from storage.tools.demo import generate_demo
from storage.tools.revalidate import revalidate
from storage.views.audit_trail import verify_audit
from storage.views.entry_sheet import submit_sheet

EXIT_OK, EXIT_USAGE, EXIT_VALIDATION, EXIT_AUTH = 0, 2, 3, 4


class Console:
    """Where the CLI writes: stdout for results, stderr for problems (tests pass their own streams)."""

    def __init__(self, out=None, err=None) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(text, file=self.err)

    def json(self, payload: object) -> None:
        print(json.dumps(payload, ensure_ascii=False, indent=1, default=str), file=self.out)


def secret_from_env_or_prompt(variable: str, prompt: str, confirm: bool = False) -> str:
    """A password or passphrase from the environment variable, else asked for (twice when ``confirm``)."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"Nothing to read it from: set {variable} or run in a terminal to be asked.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != first:
        raise UsageError("The two entries differ; nothing was changed.")
    return first


def _user_name(args: argparse.Namespace, db_path: Path) -> str:
    if args.user:
        return args.user
    if os.environ.get("MIZAN_USER"):
        return os.environ["MIZAN_USER"]
    users = KeyFile.load(keyfile_path(db_path)).users() if keyfile_path(db_path).exists() else []
    if len(users) == 1:
        return users[0]
    raise UsageError("Say who you are: --user NAME (or set MIZAN_USER).")


def open_for(args: argparse.Namespace) -> Session:
    """Sign in for a command: the database path, the user and the password."""
    db_path = Path(args.db) if args.db else default_database_path()
    if not db_path.exists():
        raise UsageError(f"There is no database at {db_path}. Create one with `init` (see README).")
    user = _user_name(args, db_path)
    return open_session(db_path, user, secret_from_env_or_prompt("MIZAN_PASSWORD", f"Password for {user}: "))


@contextlib.contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[Session]:
    """A command's session, closed whatever happens."""
    session = open_for(args)
    try:
        yield session
    finally:
        session.close()


# -- commands ------------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, console: Console) -> int:
    db_path = Path(args.db) if args.db else default_database_path()
    if args.role == "district" and not args.district:
        raise UsageError("A district installation needs --district CODE (e.g. QUETTA).")
    password = secret_from_env_or_prompt("MIZAN_PASSWORD", f"Choose a password for {args.admin}: ", confirm=True)
    session, recovery_key = create_database(db_path, role=args.role, admin=args.admin, password=password,
                                            district=args.district, device_name=args.device_name)
    session.close()
    where = f"district {args.district}" if args.role == "district" else "the provincial centre"
    console.say(f"Created the encrypted Mizan database for {where} at {db_path}")
    console.say(f"Admin user: {args.admin}")
    console.say("")
    console.say("RECOVERY KEY - print this page or write the key down now; it is shown only once.")
    console.say("It opens the database if every password is lost. Keep it locked away from the PC.")
    console.say("")
    console.say(f"    {recovery_key}")
    console.say("")
    return EXIT_OK


def cmd_user(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        if args.user_command == "list":
            users = list_users(session)
            if args.json:
                console.json(users)
            for user in users if not args.json else []:
                state = "active" if user["active"] else "removed"
                if user["locked_until"]:
                    # Local time, as the sign-in refusal says it (--json keeps the ISO form in UTC).
                    state = f"locked until {local_clock(user['locked_until'], with_date=True)}"
                if user["active"] and user["identity_access"] == "waiting":
                    state += ", waiting for access to case identities (a supervisor runs `user grant`)"
                console.say(f"{user['name']:<20} {user['role']:<11} {state}")
            if not args.json and "recovery" in identity.waiting_users(session):
                console.say("The recovery slot is waiting for the identity key: a supervisor runs `user grant recovery`.")
        elif args.user_command == "add":
            password = secret_from_env_or_prompt("MIZAN_NEW_PASSWORD", f"Password for {args.name}: ", confirm=True)
            add_user(session, args.name, args.role, password)
            console.say(f"Added {args.name} ({args.role}).")
            if args.name in identity.waiting_users(session):
                console.say(f"{args.name} waits for access to case identities until a supervisor who holds it runs "
                            f"`user grant {args.name}`.")
        elif args.user_command == "passwd":
            password = secret_from_env_or_prompt("MIZAN_NEW_PASSWORD", f"New password for {args.name}: ",
                                                    confirm=True)
            rotated_before = session.db_key
            change_password(session, args.name, password)
            console.say(f"Changed the password of {args.name}.")
            if session.db_key != rotated_before:
                _say_rotation(console, session, args.name)
        elif args.user_command == "unlock":
            unlock_user(session, args.name)
            console.say(f"Unlocked {args.name}.")
        elif args.user_command == "remove":
            remove_user(session, args.name)
            console.say(f"Removed {args.name}; their password no longer opens this database.")
            _say_rotation(console, session, args.name)
        elif args.user_command == "grant":
            grant_identity_access(session, args.name)
            console.say(f"Granted {args.name} access to case identities.")
    return EXIT_OK


def _say_rotation(console: Console, session: Session, name: str) -> None:
    """What a removal or a reset changed in the keys (storage.core.identity.rotate_keys)."""
    console.say(f"The database key was changed: {name}'s old password and old copies of the key file open nothing "
                "new. Backups made before now still open with the old keys.")
    if identity.rotation_due(session):
        console.say("The identity key changes at the next sign-in of a supervisor or operator who holds it "
                    "(you do not hold it).")
    else:
        console.say("The identity key was changed too; every sealed identity and note was sealed again.")


def cmd_template(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        rows = write_template(session, args.period, args.out, district=args.district)
    console.say(f"Wrote {rows} rows to {args.out}. Fill in value (or numerator and denominator), then `load` it.")
    return EXIT_OK


def cmd_load(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        report = load_values(session, args.file, dry_run=args.dry_run, strict=args.strict)
    return _say_load(args, console, report, what="", skipped="blank rows skipped")


def _say_load(args: argparse.Namespace, console: Console, report: LoadReport, what: str, skipped: str) -> int:
    """A load's outcome, for values and targets alike: what was written, or every failing row."""
    if args.json:
        console.json(report.as_dict())
    elif report.ok:
        saved = report.saved
        assert saved is not None
        verb = "Would write" if args.dry_run else "Loaded"
        console.say(f"{verb} {args.file}: {saved.new} new, {saved.updated} updated, {saved.unchanged} unchanged"
                    f"{what} ({report.blank_rows} {skipped}).")
        followup = {id(found) for found in saved.followup}
        for warning in saved.warnings:
            how = "marked to check later" if id(warning) in followup else "commented"
            console.say(f"  row {warning.row}: {warning.rule} ({how}): {warning.message}")
        for note in report.notes:
            console.say(f"  row {note.row}: {note.rule}: {note.message}")
    else:
        console.warn(f"{args.file}: {len(report.problems)} problem(s); nothing was written.")
        for problem in report.problems:
            console.warn(f"  row {problem.row}: {problem.rule}: {problem.message}")
        refusing = {id(problem) for problem in report.problems}
        for warning in report.warnings:
            if id(warning) not in refusing:
                console.warn(f"  row {warning.row}: {warning.rule} (would be marked to check later): {warning.message}")
    return EXIT_OK if report.ok else EXIT_VALIDATION


def cmd_values(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        values = list_indicator_values(session, period=args.period, district=args.district)
    if args.json:
        console.json(values)
        return EXIT_OK
    for value in values:
        figure = value["value"]
        if value["numerator"] is not None:
            figure = f"{value['value']} ({value['numerator']}/{value['denominator']})"
        console.say(f"{value['indicator']:<7} {value['district']:<16} {value['period']:<8} {value['cell']:<48} {figure}")
    console.say(f"{len(values)} values.")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        found = revalidate(session)
    errors = [f for f in found if f["severity"] == "error"]
    if args.json:
        console.json({"errors": len(errors), "warnings": len(found) - len(errors), "issues": found})
    else:
        for entry in found:
            console.say(f"{entry['severity']:<7} {entry['record']}: {entry['rule']}: {entry['message']}")
        console.say(f"{len(errors)} errors, {len(found) - len(errors)} warnings.")
    return EXIT_VALIDATION if errors else EXIT_OK


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        summary = generate_demo(session, seed=args.seed, months=args.months, force=args.force)
    console.say("Demo data: " + ", ".join(f"{count} {kind}" for kind, count in summary.items()))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        report = verify_audit(session)
    if args.json:
        console.json(report.__dict__)
    elif not report.problems:
        console.say(f"Audit log intact: {report.entries} entries under {report.seals} seals.")
    else:
        console.warn("The audit log has been tampered with:")
        for problem in report.problems:
            console.warn(f"  {problem}")
    if report.districts and not args.json:
        # At the centre: district PCs whose own audit history changed since they showed it (sync/anchors.py).
        console.warn(f"District audit histories rewritten or rolled back ({len(report.districts)}):")
        for finding in report.districts:
            console.warn(f"  {finding['message']}")
    return EXIT_OK if report.ok else EXIT_VALIDATION


def cmd_report(args: argparse.Namespace, console: Console) -> int:
    # The reports need pandas (about a second to import): only `report` pays for it, not every command.
    from storage.reports.files import csv_member_names, report_json, write_report
    from storage.reports.kinds import make_report

    if args.language != "en":
        # Before signing in: the catalogue's names are read in the session's language.
        i18n.use_language(args.language)
    with signed_in(args) as session:
        report = make_report(session, args.kind, year=args.year, period=args.quarter or args.period,
                              indicators=args.indicator, districts=args.district, approved_only=args.approved_only,
                              level=args.level)
        written = write_report(report, args.out)
    if args.json:
        console.json({"files": [str(path) for path in written], **report_json(report)})
        return EXIT_OK
    for note in report.notes:
        console.say(f"  {note}")
    [path] = written
    if path.suffix.lower() == ".zip" and Path(args.out).suffix.lower() == ".csv":
        # A CSV file holds one table: several went into one ZIP, named here, and not into the .csv asked for.
        members = csv_member_names([report])
        console.say(f"Wrote {report.title} ({report.scope}) to {path}: {len(members)} tables as CSV files "
                    f"in one ZIP, not {args.out} (a CSV file holds one table):")
        for name in members:
            console.say(f"  {name}")
    else:
        console.say(f"Wrote {report.title} ({report.scope}) to {path}.")
    return EXIT_OK


def cmd_dhis2(args: argparse.Namespace, console: Console) -> int:
    """``dhis2 mapping-template`` and ``dhis2 export``: figures for DHIS2 through a mapping (docs/dhis2.md)."""
    try:
        with signed_in(args) as session:
            if args.dhis2_command == "mapping-template":
                rows = write_mapping_template(session, args.out, args.id_scheme)
                summary = {"path": args.out, "rows": rows, "id_scheme": args.id_scheme}
            else:
                summary = export_dhis2(session, args.mapping, args.out, args.format, period=args.period, year=args.year,
                                       approved_only=args.approved_only, skip_unmapped=args.skip_unmapped).as_dict()
    except MizanError as error:
        if args.json:  # a refusal is a JSON object too, with the same exit code
            console.json(error.as_dict() if isinstance(error, ExportRefused) else {"refused": str(error)})
            return error.exit_code
        if not isinstance(error, ExportRefused):
            raise
        console.warn(str(error))
        for item in error.items:
            console.warn(f"  {item}")
        return error.exit_code
    if args.json:
        console.json(summary)
    elif args.dhis2_command == "mapping-template":
        console.say(f"Wrote {rows} rows to {args.out}. Fill in the DHIS2 {args.id_scheme}s of data elements, "
                    "category option combos, attribute option combos and org units, then `dhis2 export` with it.")
    else:
        console.say(f"Wrote {summary['values']} values of {args.period or args.year} for {summary['org_units']} "
                    f"org unit(s) to {summary['path']} ({summary['format']}).")
        if summary["skipped_unmapped"]:
            console.say(f"Left out {summary['skipped_unmapped']} value(s) with no DHIS2 identifier (--skip-unmapped):")
            for item in summary["unmapped"]:
                console.say(f"  {item}")
        if summary["suppressed"]:
            console.say(f"Not sent: {summary['suppressed']} desk figure(s), small counts or figures from which one "
                        "could be worked out.")
        if summary["desk_left_out"]:
            console.say("Approved data sets only: the desk indicators, counted from case records, are left out.")
    return EXIT_OK


def cmd_targets(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        if args.targets_command == "template":
            rows = write_targets_template(session, args.year, args.out)
            console.say(f"Wrote {rows} rows to {args.out}. Fill in the target column, then `targets load` it.")
            return EXIT_OK
        if args.targets_command == "list":
            targets = list_targets(session, args.year)
            if args.json:
                console.json(targets)
                return EXIT_OK
            for target in targets:
                console.say(f"{target['indicator']:<7} {target['district']:<16} {target['year']} {target['target']}")
            console.say(f"{len(targets)} targets.")
            return EXIT_OK
        report = load_targets(session, args.file, dry_run=args.dry_run)
    return _say_load(args, console, report, what=" targets", skipped="rows without a target skipped")


def cmd_backup(args: argparse.Namespace, console: Console) -> int:
    if args.backup_command == "list":
        db_path = Path(args.db) if args.db else default_database_path()
        backups = list_backups(db_path)
        if args.json:
            console.json([backup.as_dict() for backup in backups])
            return EXIT_OK
        for backup in backups:
            console.say(f"{backup.created_at[:19]}  {backup.reason:<16} {backup.bytes / 1e6:8.1f} MB  {backup.path}")
        console.say(f"{len(backups)} automatic backups in {db_path.parent / 'backups'}.")
        return EXIT_OK
    with signed_in(args) as session:
        if args.backup_command == "keep":
            set_backup_keep(session, args.count)
            console.say(f"Keeping the last {args.count} automatic backups.")
            return EXIT_OK
        if not args.out:
            raise UsageError("Say where to write the backup: backup --out FILE (e.g. on a USB stick).")
        info = backup_now(session, args.out)
    console.say(f"Wrote the backup {info.path} ({info.bytes / 1e6:.1f} MB). It opens with the passwords of "
                "today or the recovery key; keep it away from this PC.")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, console: Console) -> int:
    db_path = Path(args.db) if args.db else default_database_path()
    if args.recovery_key:
        unlock = with_recovery_key(secret_from_env_or_prompt("MIZAN_RECOVERY_KEY", "Recovery key: "))
    else:
        user = args.user or os.environ.get("MIZAN_USER")
        if not user:
            raise UsageError("Say who restores: --user NAME (a supervisor, clerk or admin in the backup), "
                             "or --recovery-key.")
        unlock = with_password(user, secret_from_env_or_prompt("MIZAN_PASSWORD", f"Password for {user}: "))
    prepared = prepare_restore(args.file, db_path, unlock)
    try:
        kept = prepared.commit()
    except BaseException:
        prepared.discard()
        raise
    info = prepared.info
    console.say(f"Restored {db_path} from {args.file} (made {info.created_at[:19]} UTC, {info.reason}).")
    if kept is not None:
        console.say(f"The database it replaced is kept as {kept} (with its .keys).")
    if prepared.users_kept_removed:
        console.say("Removed after the backup was made, and kept removed: "
                    f"{', '.join(prepared.users_kept_removed)}.")
    console.say("Passwords are those of the day of the backup. The restore is recorded in the audit log.")
    return EXIT_OK


def cmd_clock(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        repaired = repair_clock(session)
    if args.json:
        console.json({"repaired": repaired})
    else:
        console.say(f"Dated {repaired} records today; this PC saves again. Export a bundle for the centre.")
    return EXIT_OK


def cmd_submit(args: argparse.Namespace, console: Console) -> int:
    """``submit --institution X --period P``: the district's data sets to the centre."""
    with signed_in(args) as session:
        submitted = submit_sheet(session, session.district or "", args.institution, args.period)
    console.say(f"Submitted {args.institution} {', '.join(submitted)}: it travels in the next bundle; the centre "
                "approves it or returns it with a question.")
    return EXIT_OK


DECISION_OF_COMMAND = {"approve": "approved", "return": "returned", "unapprove": "reopened"}


def cmd_decide(args: argparse.Namespace, console: Console) -> int:
    """``approve``, ``return --reason`` and ``unapprove --reason`` at the centre."""
    with signed_in(args) as session:
        decided = decide(session, args.district, args.institution, args.period, DECISION_OF_COMMAND[args.command],
                         args.reason)
    if args.json:
        console.json(decided.as_dict())
    else:
        console.say(f"{decided.district} {decided.institution} {decided.period}: {decided.state}. "
                    "It reaches the district in the next centre update.")
    return EXIT_OK


def cmd_catalogue(args: argparse.Namespace, console: Console) -> int:
    """``catalogue load FOLDER [--dry-run] [--json]`` (centre admin) and ``catalogue`` (which is in use)."""
    with signed_in(args) as session:
        if args.catalogue_command == "load":
            report = load_catalogue_folder(session, args.folder, dry_run=args.dry_run)
        else:
            report = {"version": session.catalogue.version, "sequence": stored_sequence(session.db)}
    if args.json:
        console.json(report)
    elif args.catalogue_command == "load":
        verb = "Would load" if args.dry_run else "Loaded"
        console.say(f"{verb} catalogue {report['to']} (was {report['from']}): added {', '.join(report['added']) or '-'}; "
                    f"changed {', '.join(report['changed']) or '-'}; retired {', '.join(report['retired']) or '-'}; "
                    f"rules added {', '.join(report['rules_added']) or '-'}, changed "
                    f"{', '.join(report['rules_changed']) or '-'}, removed {', '.join(report['rules_removed']) or '-'}."
                    + ("" if args.dry_run else " The next centre update carries it to every district."))
    else:
        console.say(f"Catalogue {report['version']} (number {report['sequence']} here).")
    return EXIT_OK


def cmd_policy(args: argparse.Namespace, console: Console) -> int:
    """``policy [--json]`` and, centre admin, ``policy set NAME VALUE``."""
    with signed_in(args) as session:
        if args.policy_command == "set":
            set_policy(session, args.name, args.value)
        values = current_policy(session.db)
    if args.json:
        console.json(values)
        return EXIT_OK
    for name, value in values.items():
        console.say(f"{name} {value}")
    if args.policy_command == "set":
        console.say("Every district office follows it once it applies the next centre update.")
    return EXIT_OK


def cmd_approvals(args: argparse.Namespace, console: Console) -> int:
    """``approvals [--district D] [--period P] [--json]``: each data set's state, who, when and why."""
    with signed_in(args) as session:
        states = data_set_states(session, args.district, args.period)
    if args.json:
        console.json([state.as_dict() for state in states])
        return EXIT_OK
    for state in states:
        who = f" by {state.decided_by} {state.decided_at[:16].replace('T', ' ')}" if state.decided_at else ""
        why = f": {state.reason}" if state.reason and state.state == "returned" else ""
        console.say(f"{state.district:<16} {state.institution:<12} {state.period:<8} {state.state}{who}{why}")
    if not states:
        console.say("No data set has been marked complete, submitted or decided yet.")
    return EXIT_OK


# -- parser --------------------------------------------------------------------------------------------

Registrar = Callable[[argparse._SubParsersAction], None]


def register(commands: argparse._SubParsersAction) -> None:
    """Add storage's commands to the top-level parser."""
    init = commands.add_parser("init", help="create the encrypted database for this installation")
    init.add_argument("--role", required=True, choices=("district", "centre"))
    init.add_argument("--district", help="district code, e.g. QUETTA (district installations)")
    init.add_argument("--device-name", help="a name for this PC, e.g. 'Quetta DPO office'")
    init.add_argument("--admin", required=True, help="the first admin's user name")
    init.set_defaults(handler=cmd_init)

    user = commands.add_parser("user", help="manage users")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    user_add = user_commands.add_parser("add", help="add a user (password: MIZAN_NEW_PASSWORD or prompt)")
    user_add.add_argument("name")
    user_add.add_argument("--role", required=True, choices=("operator", "supervisor", "clerk", "admin"))
    user_list = user_commands.add_parser("list", help="list users")
    user_list.add_argument("--json", action="store_true")
    for name, text in (("passwd", "change a password"), ("unlock", "clear a wrong-password lock"),
                       ("remove", "remove a user and its key slot (changes the database key)"),
                       ("grant", "give a waiting user (or 'recovery') access to case identities")):
        sub = user_commands.add_parser(name, help=text)
        sub.add_argument("name")
    user.set_defaults(handler=cmd_user)

    template = commands.add_parser("template", help="write the entry sheet for a period (.xlsx or .csv)")
    template.add_argument("--period", required=True, help="2026-10, 2026Q4 or 2026")
    template.add_argument("--district", help="district code (needed at the centre)")
    template.add_argument("--out", required=True)
    template.set_defaults(handler=cmd_template)

    load = commands.add_parser("load", help="load indicator values from .xlsx, .ods or .csv (any separator or encoding): all rows or none")
    load.add_argument("file")
    load.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    load.add_argument("--strict", action="store_true",
                      help="refuse the file when a row has a warning and no comment (default: save it, marked to check later)")
    load.add_argument("--json", action="store_true")
    load.set_defaults(handler=cmd_load)

    values = commands.add_parser("values", help="list stored indicator values")
    values.add_argument("--period")
    values.add_argument("--district")
    values.add_argument("--json", action="store_true")
    values.set_defaults(handler=cmd_values)

    validate = commands.add_parser("validate", help="re-run every rule over stored records")
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(handler=cmd_validate)

    demo = commands.add_parser("demo", help="fill this installation with realistic synthetic data")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--months", type=int, default=12)
    demo.add_argument("--force", action="store_true", help="add demo data even where values are stored")
    demo.set_defaults(handler=cmd_demo)

    report = commands.add_parser(
        "report", help="write a report (.xlsx, .pdf or .csv, from the file name)",
        description="Progress against targets, trends, gender desks, or completeness. Without --year or "
                    "--period: the year of the last complete month (trend: the last 12 complete months).")
    report.add_argument("--kind", required=True, choices=("progress", "trend", "desk", "completeness", "steering"))
    report.add_argument("--quarter", help="steering: the quarter of the Steering Committee pack, e.g. 2026Q3")
    report.add_argument("--year", type=int)
    report.add_argument("--period", help="2026-10, 2026Q4 or 2026")
    report.add_argument("--indicator", action="append",
                        help="trend: an indicator code, repeatable (default: the headline indicators)")
    report.add_argument("--district", action="append", help="centre: a district code, repeatable (default: all)")
    report.add_argument("--out", required=True,
                        help="FILE.xlsx, FILE.pdf or FILE.csv (a report of several tables: FILE.zip of a CSV per table)")
    report.add_argument("--level", choices=LEVELS, default="district",
                        help="the rows: the province, each division, each district (default) or each desk "
                             "(desk indicators; a district office: district or desk)")
    report.add_argument("--json", action="store_true",
                        help="print the files written and the report's tables as a JSON object")
    report.add_argument("--approved-only", action="store_true",
                        help="only figures of data sets the centre approved (progress, trend, completeness)")
    report.add_argument("--language", choices=i18n.LANGUAGES, default="en",
                        help="the report's words: en (default) or ur (Urdu; a PDF is then set right to left)")
    report.set_defaults(handler=cmd_report)

    dhis2 = commands.add_parser("dhis2", help="figures for DHIS2: a mapping template, and ADX or dataValueSets exports")
    dhis2_commands = dhis2.add_subparsers(dest="dhis2_command", required=True)
    dhis2_template = dhis2_commands.add_parser(
        "mapping-template", help="every indicator cell, district and desk, with empty columns for DHIS2 identifiers")
    dhis2_template.add_argument("--out", required=True, help="the mapping file to write (.csv)")
    dhis2_template.add_argument("--id-scheme", choices=ID_SCHEMES, default="uid",
                                help="identify DHIS2 objects by uid (default) or code")
    dhis2_template.add_argument("--json", action="store_true")
    dhis2_export = dhis2_commands.add_parser(
        "export", help="stored figures of a period or a year through a filled mapping, as ADX, JSON or CSV",
        description="Refuses with the list of items the mapping lacks (exit 3) unless --skip-unmapped. Percents go as "
                    "their numerator and denominator; desk figures only as small-cell protected aggregates.")
    dhis2_export.add_argument("--format", required=True, choices=DHIS2_FORMATS)
    dhis2_export.add_argument("--mapping", required=True, help="the filled mapping file")
    dhis2_span = dhis2_export.add_mutually_exclusive_group(required=True)
    dhis2_span.add_argument("--period", help="2026-10, 2026Q4 or 2026")
    dhis2_span.add_argument("--year", type=int, help="every month, quarter and the year")
    dhis2_export.add_argument("--approved-only", action="store_true",
                              help="only figures of data sets the centre approved (no desk indicators)")
    dhis2_export.add_argument("--skip-unmapped", action="store_true",
                              help="leave out values the mapping has no identifier for (counted in the summary)")
    dhis2_export.add_argument("--out", required=True)
    dhis2_export.add_argument("--json", action="store_true")
    dhis2.set_defaults(handler=cmd_dhis2)

    targets = commands.add_parser("targets", help="targets per indicator, district and year")
    targets_commands = targets.add_subparsers(dest="targets_command", required=True)
    targets_template = targets_commands.add_parser("template", help="write the targets sheet of a year")
    targets_template.add_argument("--year", type=int, required=True)
    targets_template.add_argument("--out", required=True, help="FILE.xlsx or FILE.csv")
    targets_load = targets_commands.add_parser("load", help="load targets from .xlsx, .ods or .csv (any separator or encoding): all rows or none")
    targets_load.add_argument("file")
    targets_load.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    targets_load.add_argument("--json", action="store_true")
    targets_list = targets_commands.add_parser("list", help="list stored targets")
    targets_list.add_argument("--year", type=int)
    targets_list.add_argument("--json", action="store_true")
    targets.set_defaults(handler=cmd_targets)

    backup = commands.add_parser(
        "backup", help="back up the database (encrypted) to a file; list or keep automatic backups",
        description="backup --out FILE writes one file with the encrypted database and its key slots. Automatic "
                    "backups (before imports and migrations, and once a day) go to backups/ beside the database.")
    backup.add_argument("--out", help="the backup file to write, e.g. /media/usb/quetta-2026-11.mizan-backup.zip")
    backup_commands = backup.add_subparsers(dest="backup_command")
    backup_list = backup_commands.add_parser("list", help="the automatic backups, newest first")
    backup_list.add_argument("--json", action="store_true")
    backup_keep_parser = backup_commands.add_parser("keep", help="how many automatic backups to keep")
    backup_keep_parser.add_argument("count", type=int)
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser(
        "restore", help="replace the database with a backup (the replaced one is kept as .before-restore-*.bak)",
        description="Opens the backup with the password of a supervisor, clerk or admin in it (--user), or with "
                    "the recovery key (MIZAN_RECOVERY_KEY or a prompt) when every password is lost.")
    restore.add_argument("file")
    restore.add_argument("--recovery-key", action="store_true", help="open the backup with the recovery key")
    restore.set_defaults(handler=cmd_restore)

    clock = commands.add_parser("clock", help="district: this PC's clock and the records' dates")
    clock_commands = clock.add_subparsers(dest="clock_command", required=True)
    clock_repair = clock_commands.add_parser(
        "repair", help="date today the records saved while the PC's clock ran ahead (after correcting the date)")
    clock_repair.add_argument("--json", action="store_true")
    clock.set_defaults(handler=cmd_clock)

    audit_parser = commands.add_parser("audit", help="audit log tools")
    audit_commands = audit_parser.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chain of the audit log (at the centre: and each district PC's anchored history)")
    verify.add_argument("--json", action="store_true")
    audit_parser.set_defaults(handler=cmd_audit)

    submit = commands.add_parser("submit", help="district: submit a data set to the centre (marks it complete first)")
    submit.add_argument("--institution", required=True)
    submit.add_argument("--period", required=True, help="the sheet's month, e.g. 2026-10")
    submit.set_defaults(handler=cmd_submit)
    for name, words in (("approve", "centre: approve a submitted data set (it locks for every role)"),
                        ("return", "centre: return a submitted data set to its district with a question"),
                        ("unapprove", "centre: reopen an approved data set, with the reason")):
        decision = commands.add_parser(name, help=words)
        decision.add_argument("--district", required=True)
        decision.add_argument("--institution", required=True)
        decision.add_argument("--period", required=True)
        decision.add_argument("--reason", required=name != "approve", help="what the district should look at")
        decision.add_argument("--json", action="store_true")
        decision.set_defaults(handler=cmd_decide)
    catalogue = commands.add_parser("catalogue", help="the catalogue in use; centre admin: load a new one")
    catalogue.add_argument("--json", action="store_true")
    catalogue_commands = catalogue.add_subparsers(dest="catalogue_command")
    catalogue_load = catalogue_commands.add_parser(
        "load", help="centre admin: a folder of catalogue files (as resources/) becomes the catalogue in use")
    catalogue_load.add_argument("folder")
    catalogue_load.add_argument("--dry-run", action="store_true", help="check it and say what would change")
    catalogue_load.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    catalogue.set_defaults(handler=cmd_catalogue)
    policy = commands.add_parser("policy", help="the policy every office follows; centre admin: set it")
    policy.add_argument("--json", action="store_true")
    policy_commands = policy.add_subparsers(dest="policy_command")
    policy_set = policy_commands.add_parser("set", help="centre admin: auto_lock_minutes, password_min_length or backup_keep")
    policy_set.add_argument("name", choices=sorted(POLICIES))
    policy_set.add_argument("value", type=int)
    policy_set.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    policy.set_defaults(handler=cmd_policy)
    approvals = commands.add_parser("approvals", help="each data set's state: submitted, approved, returned and why")
    approvals.add_argument("--district")
    approvals.add_argument("--period")
    approvals.add_argument("--json", action="store_true")
    approvals.set_defaults(handler=cmd_approvals)


def build_parser(registrars: list[Registrar]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mizan", description="Mizan: Rule of Law Roadmap data entry and sync. No command opens the app.")
    parser.add_argument("--version", action="version", version=f"Mizan {__version__}")
    parser.add_argument("--db", help="database file (default: MIZAN_DB, else the user data folder)")
    parser.add_argument("--user", help="user name (default: MIZAN_USER, or the only user)")
    parser.add_argument("--self-test", action="store_true", help="create a temporary database, run demo and validate")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for registrar in registrars:
        registrar(commands)
    return parser


def run(args: argparse.Namespace, console: Console | None = None) -> int:
    """Run one parsed command; map errors to exit codes with a plain message on stderr."""
    console = console or Console()
    try:
        return args.handler(args, console)
    except ValidationFailed as failure:
        console.warn(str(failure))
        for found in failure.issues:
            where = f"row {found.row}: " if found.row else ""
            console.warn(f"  {where}{found.rule}: {found.message}")
        return EXIT_VALIDATION
    except AuthError as error:
        console.warn(str(error))
        return EXIT_AUTH
    except MizanError as error:
        console.warn(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        console.warn("Stopped.")
        return 130
    except BrokenPipeError:
        # The reader went away (`values --json | head -1`): what it wanted was written. Python would print
        # a traceback when it flushes stdout at exit; point stdout at nothing instead (the Python docs' way).
        if console.out is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
