"""Mizan's entry point: no command opens the app; a subcommand runs the CLI over the same code."""

from __future__ import annotations

import os
import sys


def no_display() -> str | None:
    """Why the window cannot open here, in one line, or None. On Linux without an X or Wayland display Qt
    would abort with "Reinstalling the application may fix this problem", which is not the cause."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("Mizan's window needs a display, and this session has none (no DISPLAY or WAYLAND_DISPLAY). "
            "Run it on the desktop, or use the command line: python main.py --help "
            "(QT_QPA_PLATFORM=offscreen runs the window without showing it).")


def guard_none() -> None:
    """Make None immortal, as Python 3.12 does, on the Python 3.11 this runs on.

    PySide6 6.12 on Python 3.11 returns None from every void Qt call (setText, setBold, drawText...) without
    taking a reference of its own, so each call costs None one. A few thousand calls after start-up Python
    aborts with "Fatal Python error: none_dealloc" (tests/test_startup.py shows it). From Python 3.12 None's
    count is never decremented; here it is raised so far (2**40) that no session can use it up.
    """
    if sys.version_info < (3, 12):
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40  # ob_refcnt, the first field of every object


def main(argv: list[str] | None = None) -> int:
    guard_none()  # before any Qt call, in the window and on the command line alike
    arguments = sys.argv[1:] if argv is None else argv
    if not arguments:  # the app, as a double-click starts it: the same as below, without building the CLI
        return run_window(db_path=None)
    # Imported here, not at the top: a start with no arguments (above) opens the window sooner without them.
    import printing
    from storage.tools import cli, plan_cli
    from sync import cli as sync_cli
    from sync import install_hooks

    install_hooks()  # keys at init, revocations at sign-in, what never rolls back at restore: CLI and app alike
    printing.install_hooks()  # PDFs drawn by Qt, and --language ur (Qt loads only when one is asked for)
    parser = cli.build_parser([cli.register, plan_cli.register, sync_cli.register])
    args = parser.parse_args(arguments)
    if args.self_test:
        from storage.tools.selftest import self_test

        return self_test()
    if args.command is None:
        return run_window(db_path=args.db)
    return cli.run(args)


def run_window(db_path: str | None) -> int:
    """The GUI on ``db_path`` (None: MIZAN_DB or the user data folder), or one line saying why it cannot open."""
    if (reason := no_display()) is not None:
        print(reason, file=sys.stderr)
        return 2
    from gui.app import run_app  # here, not at the top: the CLI never loads Qt

    return run_app(db_path=db_path)


if __name__ == "__main__":
    sys.exit(main())
