"""``plan``: the Action Plan's results framework at the centre (template, load, show) and activity progress
(progress, history, changes). Registered beside storage's other commands (main.py); exit codes as in
:mod:`storage.tools.cli`."""

from __future__ import annotations

import argparse

from storage.errors import UsageError
from storage.records.plan import (
    framework_tree,
    progress_changes,
    progress_history,
    record_progress,
    status_name,
)
from storage.sheets.plan import PlanLoadReport, load_plan, write_plan_template
from storage.tools.cli import EXIT_OK, EXIT_VALIDATION, Console, signed_in
from storage.validation import ACTIVITY_STATUSES, parse_date


def _say_plan_load(args: argparse.Namespace, console: Console, report: PlanLoadReport) -> int:
    """The outcome of ``plan load``: what changed per table, or every problem with its sheet and row."""
    if args.json:
        console.json(report.as_dict())
        return EXIT_OK if report.ok else EXIT_VALIDATION
    if not report.ok:
        console.warn(f"{args.file}: {len(report.problems)} problem(s); nothing was written.")
        for problem in report.problems:
            where = f"sheet {problem.sheet}" if problem.sheet else "file"
            console.warn(f"  {where}{f' row {problem.row}' if problem.row else ''}: {problem.rule}: {problem.message}")
        return EXIT_VALIDATION
    assert report.saved is not None
    verb = "Would load" if args.dry_run else "Loaded"
    parts = [f"{table} {counts['new']} new, {counts['changed']} changed, {counts['removed']} removed"
             for table, counts in report.saved.counts.items() if table != "framework"]
    console.say(f"{verb} {args.file}: " + "; ".join(parts) + ".")
    for note in report.saved.notes:
        console.say(f"  {note.rule}: {note.message}")
    return EXIT_OK


def _show(console: Console, tree: dict | None) -> None:
    if tree is None:
        console.say("No results framework is loaded. Start from `plan template --out plan.xlsx` or the example "
                    "docs/examples/action-plan-example.xlsx, then `plan load`.")
        return
    console.say(tree["name"])
    if tree["example"]:
        console.say("EXAMPLE framework: replace it with the approved Action Plan (`plan load`).")
    for objective in tree["objectives"]:
        console.say(f"{objective['code']:<8} {objective['title']} [{objective['department']}]")
        for output in objective["outputs"]:
            console.say(f"  {output['code']:<8} {output['title']} [{output['department']}]")
            for indicator in output["indicators"]:
                mark = " (headline)" if indicator["headline"] else ""
                baseline = (f"baseline {indicator['baseline_value']} ({indicator['baseline_year']})"
                            if indicator["baseline_year"] is not None else "no baseline")
                targets = ", ".join(f"{year}: {target}" for year, target in indicator["targets"].items()) or "no target"
                console.say(f"    indicator {indicator['indicator']}{mark}: {baseline}; targets {targets}")
            for activity in output["activities"]:
                late = f", {activity['days_late']} days past due" if activity["days_late"] else ""
                as_of = f" as of {activity['as_of']}" if activity["as_of"] else ""
                console.say(f"    {activity['code']:<8} {status_name(activity['status'])} {activity['percent']}%{as_of}, "
                            f"due {activity['due_date']}{late}: {activity['title']}")


def cmd_plan(args: argparse.Namespace, console: Console) -> int:
    """``plan template|load|show|progress|history|changes``."""
    with signed_in(args) as session:
        command = args.plan_command
        if command == "template":
            rows = write_plan_template(session, args.out)
            console.say(f"Wrote {args.out} ({rows} rows of the framework in use). Fill it in, then `plan load` it.")
            return EXIT_OK
        if command == "load":
            return _say_plan_load(args, console, load_plan(session, args.file, dry_run=args.dry_run))
        if command == "show":
            tree = framework_tree(session)
            if args.json:
                console.json(tree)
            else:
                _show(console, tree)
            return EXIT_OK
        if command == "progress":
            stored = record_progress(session, args.activity, args.status, args.percent, args.date, args.evidence)
            if args.json:
                console.json(stored)
            else:
                console.say(f"{stored['activity']}: {status_name(stored['status'])}, {stored['percent']}% as of "
                            f"{stored['as_of']} (report {stored['id']}, kept in its history).")
            return EXIT_OK
        if command == "history":
            history = progress_history(session, args.activity)
            if args.json:
                console.json(history)
                return EXIT_OK
            for entry in history:
                console.say(f"{entry['activity']:<8} {entry['as_of']} {status_name(entry['status']):<12} "
                            f"{entry['percent']:>3}%  {entry['entered_by']} {entry['entered_at'][:16].replace('T', ' ')}"
                            f"  {entry['evidence'] or ''}")
            console.say(f"{len(history)} progress reports.")
            return EXIT_OK
        since, ok = parse_date(args.since)
        if not ok or since is None:
            raise UsageError(f"--since must be a date such as 2026-06-12, not {args.since!r}.")
        changes = progress_changes(session, since)
    if args.json:
        console.json(changes)
        return EXIT_OK
    for change in changes:
        before, now = change["before"], change["now"]
        was = f"{status_name(before['status'])} {before['percent']}%" if before else "nothing reported"
        console.say(f"{change['activity']:<8} {was} -> {status_name(now['status'])} {now['percent']}% "
                    f"(as of {now['as_of']})")
    console.say(f"{len(changes)} activities changed since {since.isoformat()}.")
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``plan`` to the top-level parser."""
    plan = commands.add_parser("plan", help="centre: the Action Plan's results framework and activity progress")
    plan_commands = plan.add_subparsers(dest="plan_command", required=True)
    template = plan_commands.add_parser("template", help="write the framework's workbook (the one in use, or empty)")
    template.add_argument("--out", required=True, help="FILE.xlsx")
    load = plan_commands.add_parser("load", help="centre clerk: a workbook becomes the framework in use, all or nothing")
    load.add_argument("file", help="FILE.xlsx or FILE.ods")
    load.add_argument("--dry-run", action="store_true", help="check only; say what would change")
    load.add_argument("--json", action="store_true")
    show = plan_commands.add_parser("show", help="objectives, outputs, indicators and activities with their status")
    show.add_argument("--json", action="store_true")
    progress = plan_commands.add_parser("progress", help="centre clerk: record an activity's progress (kept in its history)")
    progress.add_argument("--activity", required=True, help="an activity code, e.g. A1.2.1")
    progress.add_argument("--status", required=True, help=" | ".join(ACTIVITY_STATUSES))
    progress.add_argument("--percent", required=True, help="percent done, 0 to 100")
    progress.add_argument("--date", required=True, help="the day the progress describes, YYYY-MM-DD")
    progress.add_argument("--evidence", help="what shows it (needed for done and dropped)")
    progress.add_argument("--json", action="store_true")
    history = plan_commands.add_parser("history", help="every progress report, oldest first")
    history.add_argument("--activity", help="one activity's history")
    history.add_argument("--json", action="store_true")
    changes = plan_commands.add_parser("changes", help="activities whose status or percent changed since a day")
    changes.add_argument("--since", required=True, help="e.g. the last Steering Committee meeting, 2026-06-12")
    changes.add_argument("--json", action="store_true")
    plan.set_defaults(handler=cmd_plan)
