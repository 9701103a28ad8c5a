"""sync's steps in storage's init, sign-in, restore and audit check are installed explicitly, once, in order."""

from __future__ import annotations

import argparse

import sync
from storage.core.backup import AFTER_RESTORE
from storage.core.session import AFTER_CREATE, AFTER_OPEN
from storage.views.audit_trail import DISTRICT_CHECKS
from sync import cli
from sync.anchors import anchor_findings, carry_anchors_forward
from sync.devices import carry_revocations_forward, reapply_revocations
from sync.keys import carry_centre_keys_forward, initialise_keys

LISTS = (AFTER_CREATE, AFTER_OPEN, AFTER_RESTORE, DISTRICT_CHECKS)


def _sync_steps() -> tuple[list, list, list, list]:
    restore = [step for step in AFTER_RESTORE
               if step in (carry_centre_keys_forward, carry_revocations_forward, carry_anchors_forward)]
    return ([s for s in AFTER_CREATE if s is initialise_keys], [s for s in AFTER_OPEN if s is reapply_revocations],
            restore, [s for s in DISTRICT_CHECKS if s is anchor_findings])


def test_install_hooks_adds_each_step_once_in_order():
    sync.install_hooks()
    sync.install_hooks()
    assert _sync_steps() == ([initialise_keys], [reapply_revocations],
                             [carry_centre_keys_forward, carry_revocations_forward, carry_anchors_forward],
                             [anchor_findings])


def test_the_cli_registrar_installs_them():
    saved = [list(steps) for steps in LISTS]
    try:
        for steps in LISTS:
            steps.clear()
        cli.register(argparse.ArgumentParser().add_subparsers())
        assert _sync_steps() == ([initialise_keys], [reapply_revocations],
                                 [carry_centre_keys_forward, carry_revocations_forward, carry_anchors_forward],
                             [anchor_findings])
    finally:
        for steps, before in zip(LISTS, saved, strict=True):
            steps[:] = before
