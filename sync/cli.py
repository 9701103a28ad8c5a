"""Sync's commands, added to the same parser as storage's (exit code 5: a bundle or receipt refused)."""

from __future__ import annotations

import argparse

from storage.cli import EXIT_OK, Console, secret_from_env_or_prompt, signed_in
from sync.export import export_bundle
from sync.importer import device_report, import_bundles
from sync.keys import (
    backup_keys,
    enroll_device,
    export_key_file,
    restore_keys,
    revoke_device,
    trust_centre,
)
from sync.receipts import import_receipt, write_receipts

EXIT_REJECTED = 5


def _passphrase(confirm: bool) -> str:
    return secret_from_env_or_prompt("MIZAN_BACKUP_PASSPHRASE", "Backup passphrase: ", confirm=confirm)


def cmd_keys(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        if args.keys_command == "export":
            print_ = export_key_file(session, args.out)
            kind = "centre key" if session.is_centre else "enrollment"
            console.say(f"Wrote the {kind} file {args.out}. Fingerprint: {print_}")
        elif args.keys_command == "import":
            centre = trust_centre(session, args.file, replace=args.replace)
            console.say(f"This office now trusts the centre with fingerprint {centre.fingerprint}. "
                        "Compare it with the centre by phone; if it differs, stop and call the IT officer.")
        elif args.keys_command == "backup":
            backup_keys(session, args.out, _passphrase(confirm=True))
            console.say(f"Wrote the encrypted key backup {args.out}. Keep it and its passphrase apart, offline.")
        elif args.keys_command == "restore":
            print_ = restore_keys(session, args.file, _passphrase(confirm=False))
            console.say(f"Restored the centre's keys. Fingerprint: {print_}")
    return EXIT_OK


def cmd_devices(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        if args.devices_command == "enroll":
            enrollment = enroll_device(session, args.file)
            console.say(f"Enrolled device '{enrollment.device_name}' of {enrollment.district} "
                        f"({enrollment.device_id}), fingerprint {enrollment.fingerprint}.")
        elif args.devices_command == "revoke":
            revoke_device(session, args.device_id)
            console.say(f"Revoked device {args.device_id}; its bundles are refused from now on.")
        else:
            devices = device_report(session)
            if args.json:
                console.json(devices)
            else:
                for device in devices:
                    gaps = f", missing {device['missing']}" if device["missing"] else ""
                    console.say(f"{device['district']:<16} {device['device_name']:<24} {device['fingerprint']} "
                                f"{device['status']:<8} bundles {device['sequences']}{gaps}")
                console.say(f"{len(devices)} devices.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        result = export_bundle(session, args.out, escrow=args.escrow)
    if args.json:
        console.json(result.as_dict())
    else:
        total = sum(result.records.values())
        console.say(f"Bundle {result.sequence} written to {result.path} ({total:,} records). "
                    "Carry it to the provincial centre.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        outcomes = import_bundles(session, args.paths)
    if args.json:
        console.json({"bundles": [outcome.as_dict() for outcome in outcomes]})
    else:
        for outcome in outcomes:
            if outcome.status == "rejected":
                console.warn(f"REJECTED {outcome.file}: {outcome.reason}")
            else:
                counts = ", ".join(f"{n} {kind}" for kind, n in outcome.counts.items())
                console.say(f"{outcome.status} {outcome.file} ({outcome.district}, bundle {outcome.sequence}): {counts}")
        if not outcomes:
            console.warn("No bundle files (*.mizan) found.")
    return EXIT_REJECTED if any(o.status == "rejected" for o in outcomes) else EXIT_OK


def cmd_receipt(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        paths = write_receipts(session, args.out)
    for path in paths:
        console.say(f"Wrote {path}")
    console.say(f"{len(paths)} receipts. Send each back to its district office.")
    return EXIT_OK


def cmd_receipt_import(args: argparse.Namespace, console: Console) -> int:
    with signed_in(args) as session:
        result = import_receipt(session, args.file)
    console.say(f"The centre acknowledged bundles {result['acknowledged_sequences']}; the next bundle carries only "
                "what changed after them.")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    """Add sync's commands to the top-level parser."""
    keys = commands.add_parser("keys", help="key files, trust and backup")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    keys_export = keys_commands.add_parser("export", help="centre: its public key file; district: enrollment file")
    keys_export.add_argument("--out", required=True)
    keys_import = keys_commands.add_parser("import", help="district: trust the centre's key file")
    keys_import.add_argument("file")
    keys_import.add_argument("--replace", action="store_true", help="replace a centre key trusted before")
    keys_backup = keys_commands.add_parser("backup", help="centre: secret keys in an age passphrase file")
    keys_backup.add_argument("--out", required=True)
    keys_restore = keys_commands.add_parser("restore", help="centre: take the keys from a backup")
    keys_restore.add_argument("file")
    keys.set_defaults(handler=cmd_keys)

    devices = commands.add_parser("devices", help="centre: enrolled district devices")
    devices.add_argument("--json", action="store_true")
    devices_commands = devices.add_subparsers(dest="devices_command")
    enroll = devices_commands.add_parser("enroll", help="register a district device from its enrollment file")
    enroll.add_argument("file")
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
    import_parser.add_argument("paths", nargs="+")
    import_parser.add_argument("--json", action="store_true")
    import_parser.set_defaults(handler=cmd_import)

    receipt = commands.add_parser("receipt", help="centre: one signed receipt per device")
    receipt.add_argument("--out", required=True)
    receipt.set_defaults(handler=cmd_receipt)

    receipt_import = commands.add_parser("receipt-import", help="district: apply the centre's receipt")
    receipt_import.add_argument("file")
    receipt_import.set_defaults(handler=cmd_receipt_import)



