"""Mizan's entry point: no command opens the app; a subcommand runs the CLI over the same code."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from storage.tools import cli
    from sync import cli as sync_cli
    from sync import install_hooks

    install_hooks()  # keys at init, revocations at sign-in, what never rolls back at restore: CLI and app alike
    parser = cli.build_parser([cli.register, sync_cli.register])
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from storage.tools.selftest import self_test

        return self_test()
    if args.command is None:
        from gui.app import run_app

        return run_app(db_path=args.db)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
