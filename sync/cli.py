"""Sync's commands, added to the same parser as storage's (exit code 5: a bundle or receipt refused)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storage.core.session import Session
from storage.errors import UsageError
from storage.i18n import QT_TRANSLATE_NOOP, say
from storage.reference.catalogue import threshold_change
from storage.tools.cli import EXIT_OK, Console, secret_from_env_or_prompt, signed_in
from sync.devices import device_overview, enroll_device, revoke_device
from sync.export import export_bundle
from sync.hooks import install_hooks
from sync.importer import ImportOutcome, import_bundles
from sync.inbox import enroll_pending_device, import_inbox, pending_device, receipts_for_today
from sync.keys import (
    MAX_NAME_LENGTH,
    backup_keys,
    export_key_file,
    read_centre_key,
    read_enrollment,
    restore_keys,
    rotate_centre_key,
    trust_centre,
)
from sync.receipts import import_receipt, write_receipts
from sync.review import list_conflicts, list_quarantine, recheck_quarantine, resolve_conflict
from sync.updates import export_update, import_update

EXIT_REJECTED = 5


def _passphrase(confirm: bool) -> str:
    return secret_from_env_or_prompt("MIZAN_BACKUP_PASSPHRASE", "Backup passphrase: ", confirm=confirm)


def _shown(text: str | None) -> str:
    """Text from a file or a bundle, safe to print on a terminal: no escape codes, no line breaks, capped."""
    text = text or ""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text[:MAX_NAME_LENGTH])


def _heard_fingerprint(args: argparse.Namespace, file: str, *, from_centre: bool) -> str:
    """The fingerprint the other office read out by phone: ``--fingerprint``, or typed at a prompt with
    ``--i-compared`` in a terminal. Never the file's own: without either, refuse and say whom to phone."""
    if args.fingerprint is not None:
        return args.fingerprint
    if args.i_compared:
        if not sys.stdin.isatty():
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "--i-compared asks you to type the fingerprint you heard, and that needs a terminal. Give it with --fingerprint instead.")))
        prompt = (say("keys", QT_TRANSLATE_NOOP("keys", "Type the fingerprint the provincial centre read out to you: "))
                  if from_centre else
                  say("keys", QT_TRANSLATE_NOOP("keys", "Type the fingerprint the district office read out to you: ")))
        try:
            return input(prompt)
        except EOFError as error:
            raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "No fingerprint was typed; nothing was stored."))) from error
    if from_centre:
        raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Phone the provincial centre and ask them to read out the fingerprint Mizan shows them. Then run this again with --fingerprint followed by what they read (or with --i-compared in a terminal, to type it). {file} is not trusted until then. Its own fingerprint line is not shown: a file changed on its way carries a matching one."), file=file))
    raise UsageError(say("errors", QT_TRANSLATE_NOOP("errors", "Phone the district office and ask them to read out the fingerprint on their Export screen. Then run this again with --fingerprint followed by what they read (or with --i-compared in a terminal, to type it). {file} is not enrolled until then. Its own fingerprint line is not shown: a file changed on its way carries a matching one."), file=file))


def cmd_keys(args: argparse.Namespace, console: Console) -> int:
    """``keys export|import|backup|restore|rotate``."""
    with signed_in(args) as session:
        if args.keys_command == "export":
            print_ = export_key_file(session, args.out)
            kind = "centre key" if session.is_centre else "enrollment"
            console.say(f"Wrote the {kind} file {args.out}. Fingerprint: {print_}")
        elif args.keys_command == "import":
            read_centre_key(args.file)  # a damaged or foreign file is refused before anyone is phoned
            heard = _heard_fingerprint(args, Path(args.file).name, from_centre=True)
            centre = trust_centre(session, args.file, heard, replace=args.replace)
            console.say(say("keys", QT_TRANSLATE_NOOP("keys", "The fingerprint matches: this office now trusts the centre {fingerprint}."), fingerprint=centre.fingerprint))
        elif args.keys_command == "backup":
            backup_keys(session, args.out, _passphrase(confirm=True))
            console.say(f"Wrote the encrypted key backup {args.out}. Keep it and its passphrase apart, offline.")
        elif args.keys_command == "restore":
            print_ = restore_keys(session, args.file, _passphrase(confirm=False))
            console.say(f"Restored the centre's keys. Fingerprint: {print_}")
        elif args.keys_command == "rotate":
            centre = rotate_centre_key(session)
            export_key_file(session, args.out)
            console.say(f"The centre has a new key. Fingerprint: {centre.fingerprint}. Carry {args.out} to every "
                        "district office and read them this fingerprint by phone; they type it "
                        "(`keys import --replace --fingerprint ...`). "
                        "Bundles made for the old key still import. Make a new `keys backup` now.")
    return EXIT_OK


def _enroll(session: Session, args: argparse.Namespace, console: Console) -> int:
    """``devices enroll FILE``: an enrollment file, or a bundle of an unknown device, with the fingerprint
    the district office read out (``--fingerprint``, or typed with ``--i-compared``)."""
    file = Path(args.file).name
    if Path(args.file).suffix == ".mizan":
        if args.fingerprint is None:  # say whose it claims to be (never its fingerprint) before asking
            claimed = pending_device(session, args.file)
            console.warn(say("keys", QT_TRANSLATE_NOOP("keys", "{file} comes from device '{device}' of {district}, which this centre has not enrolled."), file=file, device=_shown(claimed.device_name), district=_shown(claimed.district)))
        enrollment = enroll_pending_device(session, args.file, _heard_fingerprint(args, file, from_centre=False))
    else:
        read_enrollment(args.file)  # a damaged or foreign file is refused before anyone is phoned
        enrollment = enroll_device(session, args.file, _heard_fingerprint(args, file, from_centre=False))
    console.say(say("keys", QT_TRANSLATE_NOOP("keys", "The fingerprint matches: enrolled device '{device}' of {district} ({device_id}), fingerprint {fingerprint}."), device=enrollment.device_name, district=enrollment.district, device_id=enrollment.device_id, fingerprint=enrollment.fingerprint))
    return EXIT_OK


def _say_overview(overview: list[dict], console: Console) -> None:
    for district in overview:
        if not district["devices"]:
            continue
        update = district["centre_update"]
        runs = "" if update is None else f", runs update {update} of {district['updates_written']}"
        console.say(f"{district['name']} ({district['district']}), last seen {district['last_seen'] or 'never'}{runs}")
        for device in district["devices"]:
            gaps = f", missing {device['missing']}" if device["missing"] else ""
            console.say(f"  {device['device_name']:<24} {device['fingerprint']} {device['status']:<8} "
                        f"last bundle {device['last_sequence'] or '-'}, bundles {device['sequences']}{gaps}")
    silent = [district["district"] for district in overview if district["no_device"]]
    devices = sum(len(district["devices"]) for district in overview)
    console.say(f"{devices} devices. Districts without an active device ({len(silent)}): {', '.join(silent) or '-'}")


def cmd_devices(args: argparse.Namespace, console: Console) -> int:
    """``devices`` (the overview per district), ``devices enroll`` and ``devices revoke``."""
    with signed_in(args) as session:
        if args.devices_command == "enroll":
            return _enroll(session, args, console)
        if args.devices_command == "revoke":
            revoke_device(session, args.device_id)
            console.say(f"Revoked device {args.device_id}; its bundles are refused from now on.")
        else:
            overview = device_overview(session)
            if args.json:
                console.json(overview)
            else:
                _say_overview(overview, console)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, console: Console) -> int:
    """``export --out FOLDER``: the district's next bundle."""
    with signed_in(args) as session:
        result = export_bundle(session, args.out, escrow=args.escrow)
    if args.json:
        console.json(result.as_dict())
    else:
        total = sum(result.records.values())
        console.say(f"Bundle {result.sequence} written to {result.path} ({total:,} records). "
                    "Carry it to the provincial centre.")
    return EXIT_OK


def _unknown_device_reason(outcome: ImportOutcome) -> str:
    """Why a bundle of an unknown device was refused, without the fingerprint it claims (the clerk types
    the one the district office reads out; showing the claimed one would give the check its answer)."""
    claimed = outcome.unknown_device
    return say("keys", QT_TRANSLATE_NOOP("keys", "{file} comes from device '{device}' of {district}, which this centre has not enrolled. Phone the district office and ask them to read out the fingerprint on their Export screen; then enroll the device with `devices enroll {path} --fingerprint` followed by what they read, and import the bundle again."), file=Path(outcome.file).name, path=outcome.file, device=_shown(claimed.device_name), district=_shown(claimed.district))


def _as_shown(outcome: ImportOutcome) -> dict:
    """An outcome for ``--json``: an unknown device's claimed fingerprint left out (see above)."""
    shown = outcome.as_dict()
    if outcome.unknown_device is not None:
        shown["reason"] = _unknown_device_reason(outcome)
        shown["unknown_device"].pop("fingerprint", None)
    return shown


def _say_outcome(outcome: ImportOutcome, console: Console) -> None:
    if outcome.status == "rejected":
        reason = _unknown_device_reason(outcome) if outcome.unknown_device is not None else outcome.reason
        console.warn(f"REJECTED {outcome.file}: {reason}")
    else:
        counts = ", ".join(f"{n} {kind}" for kind, n in outcome.counts.items())
        console.say(f"{outcome.status} {outcome.file} ({outcome.district}, bundle {outcome.sequence}): {counts}")


def cmd_import(args: argparse.Namespace, console: Console) -> int:
    """``import [PATHS] [--inbox FOLDER]``: exit code 5 when any bundle was rejected."""
    if not args.paths and not args.inbox:
        raise UsageError("Name bundle files or folders to import, or an inbox folder with --inbox FOLDER.")
    with signed_in(args) as session:
        outcomes = import_bundles(session, args.paths) if args.paths else []
        for folder in args.inbox or []:
            outcomes.extend(import_inbox(session, folder, settle_seconds=args.settle))
    if args.json:
        console.json({"bundles": [_as_shown(outcome) for outcome in outcomes]})
    else:
        for outcome in outcomes:
            _say_outcome(outcome, console)
        if not outcomes:
            console.warn("No new bundle files (*.mizan) found." if args.inbox else "No bundle files (*.mizan) found.")
    return EXIT_REJECTED if any(o.status == "rejected" for o in outcomes) else EXIT_OK


def cmd_update(args: argparse.Namespace, console: Console) -> int:
    """``update export --out FOLDER`` (centre) and ``update import FILE [--dry-run]`` (district)."""
    with signed_in(args) as session:
        if args.update_command == "export":
            result = export_update(session, args.out)
        else:
            report = import_update(session, args.file, dry_run=args.dry_run)
    if args.update_command == "export":
        if args.json:
            console.json(result.as_dict())
        else:
            held = ", ".join(f"{count:,} {kind.replace('_', ' ')}" for kind, count in result.contents.items())
            console.say(f"Update {result.sequence} written to {result.path} ({held}). Carry it to every district.")
        return EXIT_OK
    if args.json:
        console.json(report)
    elif report["status"] == "duplicate":
        console.say(f"Nothing changed: {report['reason']}")
    else:
        verb = "Would apply" if args.dry_run else "Applied"
        targets = report["targets"]
        console.say(f"{verb} update {report['sequence']}: targets {targets['new']} new, {targets['changed']} changed, "
                    f"{targets['removed']} removed; {report['receipts']} bundle(s) acknowledged.")
        catalogue = report["catalogue"]
        if "added" in catalogue:  # the update brings a newer catalogue
            console.say(f"  catalogue {catalogue['from']} -> {catalogue['to']}: new {', '.join(catalogue['added']) or '-'}; "
                        f"changed {', '.join(catalogue['changed']) or '-'}; retired {', '.join(catalogue['retired']) or '-'}")
            for name, change in catalogue["thresholds"].items():
                console.say(f"  {threshold_change(name, change)}")
        for name, change in report["policy"].items():
            console.say(f"  {name.replace('_', ' ')}: {change['from']} -> {change['to']}")
        if report["reason"]:
            console.warn(report["reason"])
    return EXIT_OK


def cmd_receipt(args: argparse.Namespace, console: Console) -> int:
    """``receipt --out FOLDER [--today]``: one signed receipt per device."""
    with signed_in(args) as session:
        paths = receipts_for_today(session, args.out) if args.today else write_receipts(session, args.out)
    for path in paths:
        console.say(f"Wrote {path}")
    console.say(f"{len(paths)} receipts. Send each back to its district office.")
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace, console: Console) -> int:
    """``conflicts [list]`` side by side, and ``conflicts resolve ID --keep stored|incoming``."""
    with signed_in(args) as session:
        if args.conflicts_command == "resolve":
            decision = resolve_conflict(session, args.conflict_id, args.keep)
            console.say(f"Conflict {decision.conflict_id} ({decision.key_text}): kept the {decision.kept} version "
                        f"(version {decision.version}).")
            return EXIT_OK
        conflicts = list_conflicts(session)
    if args.json:
        console.json([conflict.as_dict() for conflict in conflicts])
        return EXIT_OK
    for conflict in conflicts:
        console.say(f"{conflict.id}: {conflict.key_text}")
        for label, version in (("stored", conflict.stored), ("incoming", conflict.incoming)):
            shown = ", ".join(f"{name} {version.record.get(name)!r}" for name in conflict.differences)
            console.say(f"   {label:<8} {version.device_name} at {version.written_at}: {shown}")
    console.say(f"{len(conflicts)} open conflicts. Resolve one with: conflicts resolve ID --keep stored|incoming")
    return EXIT_OK


def cmd_quarantine(args: argparse.Namespace, console: Console) -> int:
    """``quarantine [list]`` with the reasons, and ``quarantine recheck``."""
    with signed_in(args) as session:
        if args.quarantine_command == "recheck":
            result = recheck_quarantine(session)
            if args.json:
                console.json(result.as_dict())
            else:
                console.say(f"Re-checked {result.checked} quarantined records: {result.passed} passed and were "
                            f"merged, {result.still_quarantined} still fail, {result.not_rechecked} not re-checked.")
            return EXIT_OK
        entries = list_quarantine(session, limit=args.limit)
    if args.json:
        console.json(entries)
        return EXIT_OK
    for entry in entries:
        console.say(f"{entry['id']}: {entry['record_type']} {entry['record_uuid']} from {entry['device_name']} "
                    f"({entry['district']}, bundle {entry['sequence']})")
        for reason in entry["reasons"]:
            console.say(f"   {reason['rule']}: {reason['message']}")
    console.say(f"{len(entries)} quarantined records shown.")
    return EXIT_OK


def cmd_receipt_import(args: argparse.Namespace, console: Console) -> int:
    """``receipt-import FILE``: the district applies the centre's receipt."""
    with signed_in(args) as session:
        result = import_receipt(session, args.file)
    console.say(f"The centre acknowledged bundles {result['acknowledged_sequences']}; the next bundle carries only "
                "what changed after them.")
    return EXIT_OK


def _fingerprint_options(parser: argparse.ArgumentParser, other: str) -> None:
    """``--fingerprint FP`` or ``--i-compared``: trusting a key file needs the fingerprint heard by phone."""
    heard = parser.add_mutually_exclusive_group()
    heard.add_argument("--fingerprint", metavar="XXXX-XXXX-XXXX-XXXX",
                       help=f"the fingerprint {other} read out to you by phone (required)")
    heard.add_argument("--i-compared", action="store_true",
                       help="in a terminal: type the fingerprint you heard at a prompt instead")


def register(commands: argparse._SubParsersAction) -> None:
    """Add sync's commands to the top-level parser, and sync's steps to storage's init, sign-in and restore
    (``init``, ``restore`` and every command that signs in need them)."""
    install_hooks()
    keys = commands.add_parser("keys", help="key files, trust and backup")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    keys_export = keys_commands.add_parser("export", help="centre: its public key file; district: enrollment file")
    keys_export.add_argument("--out", required=True)
    keys_import = keys_commands.add_parser(
        "import", help="district: trust the centre's key file, with the fingerprint the centre read out by phone")
    keys_import.add_argument("file")
    _fingerprint_options(keys_import, "the provincial centre")
    keys_import.add_argument("--replace", action="store_true", help="replace a centre key trusted before")
    keys_backup = keys_commands.add_parser("backup", help="centre: secret keys in an age passphrase file")
    keys_backup.add_argument("--out", required=True)
    keys_restore = keys_commands.add_parser("restore", help="centre: take the keys from a backup")
    keys_restore.add_argument("file")
    keys_rotate = keys_commands.add_parser(
        "rotate", help="centre: a new age key for bundles (the old one still opens bundles made for it)")
    keys_rotate.add_argument("--out", required=True, help="the new centre key file, for the district offices")
    keys.set_defaults(handler=cmd_keys)

    devices = commands.add_parser("devices", help="centre: enrolled district devices")
    devices.add_argument("--json", action="store_true")
    devices_commands = devices.add_subparsers(dest="devices_command")
    enroll = devices_commands.add_parser(
        "enroll", help="register a district device from its enrollment file, or from a bundle of an unknown device, "
                       "with the fingerprint the district office read out by phone")
    enroll.add_argument("file")
    _fingerprint_options(enroll, "the district office")
    revoke = devices_commands.add_parser("revoke", help="refuse a device's bundles from now on")
    revoke.add_argument("device_id")
    devices.set_defaults(handler=cmd_devices)

    export = commands.add_parser("export", help="district: write the next encrypted bundle")
    export.add_argument("--out", required=True, help="folder, e.g. the USB stick")
    export.add_argument("--escrow", action="append", metavar="RECIPIENT",
                        help="also encrypt to this age recipient (repeatable), e.g. an auditor's")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=cmd_export)

    import_parser = commands.add_parser("import", help="centre: import bundle files or inbox folders")
    import_parser.add_argument("paths", nargs="*")
    import_parser.add_argument("--inbox", action="append", metavar="FOLDER",
                               help="import only the bundles in FOLDER not imported before (repeatable)")
    import_parser.add_argument("--settle", type=float, default=2.0, metavar="SECONDS",
                               help="with --inbox: skip files changed this recently (still being copied)")
    import_parser.add_argument("--json", action="store_true")
    import_parser.set_defaults(handler=cmd_import)

    receipt = commands.add_parser("receipt", help="centre: one signed receipt per device")
    receipt.add_argument("--out", required=True)
    receipt.add_argument("--today", action="store_true", help="only devices with a bundle imported today")
    receipt.set_defaults(handler=cmd_receipt)

    conflicts = commands.add_parser("conflicts", help="centre: values two devices wrote differently")
    conflicts.add_argument("--json", action="store_true")
    conflicts_commands = conflicts.add_subparsers(dest="conflicts_command")
    conflicts_list = conflicts_commands.add_parser("list", help="each open conflict, stored and incoming side by side")
    conflicts_list.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    resolve = conflicts_commands.add_parser("resolve", help="keep the stored or the incoming version")
    resolve.add_argument("conflict_id", type=int)
    resolve.add_argument("--keep", required=True, choices=("stored", "incoming"))
    conflicts.set_defaults(handler=cmd_conflicts)

    quarantine = commands.add_parser("quarantine", help="centre: records kept aside at import")
    quarantine.add_argument("--json", action="store_true")
    quarantine.add_argument("--limit", type=int, help="show at most this many")
    quarantine_commands = quarantine.add_subparsers(dest="quarantine_command")
    quarantine_list = quarantine_commands.add_parser("list", help="each quarantined record and why")
    quarantine_recheck = quarantine_commands.add_parser(
        "recheck", help="check them again (after a catalogue update); merge those that pass")
    for sub in (quarantine_list, quarantine_recheck):
        sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    quarantine_list.add_argument("--limit", type=int, default=argparse.SUPPRESS)
    quarantine.set_defaults(handler=cmd_quarantine)

    update = commands.add_parser("update", help="the centre's signed updates: targets, receipts, policy")
    update_commands = update.add_subparsers(dest="update_command", required=True)
    update_export = update_commands.add_parser("export", help="centre: write the next update for every district")
    update_export.add_argument("--out", required=True, help="folder, e.g. the USB stick")
    update_import = update_commands.add_parser("import", help="district: apply a centre update")
    update_import.add_argument("file")
    update_import.add_argument("--dry-run", action="store_true", help="say what it would change; change nothing")
    for sub in (update_export, update_import):
        sub.add_argument("--json", action="store_true")
    update.set_defaults(handler=cmd_update)

    receipt_import = commands.add_parser("receipt-import", help="district: apply the centre's receipt")
    receipt_import.add_argument("file")
    receipt_import.set_defaults(handler=cmd_receipt_import)
