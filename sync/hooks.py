"""Sync's steps in storage's life cycle, and :func:`install_hooks`, which adds them.

storage never imports sync: it runs the steps other packages put in its lists, and these are sync's:

* ``storage.core.session.AFTER_CREATE`` (``init``, the setup wizard): :func:`sync.keys.initialise_keys`
  generates the installation's keys;
* ``storage.core.session.AFTER_OPEN`` (every sign-in): :func:`sync.devices.reapply_revocations` re-applies
  the centre's revocation ledger;
* ``storage.core.backup.AFTER_RESTORE`` (every restore): :func:`sync.keys.carry_centre_keys_forward`, then
  :func:`sync.devices.carry_revocations_forward`, then :func:`sync.anchors.carry_anchors_forward`: newer centre
  keys, revocations and audit anchors never roll back;
* ``storage.views.audit_trail.DISTRICT_CHECKS`` (``audit verify``, the audit screen):
  :func:`sync.anchors.anchor_findings` reports district PCs whose audit history was rewritten or rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from storage.core.backup import AFTER_RESTORE
from storage.core.session import AFTER_CREATE, AFTER_OPEN
from storage.views.audit_trail import DISTRICT_CHECKS
from sync.anchors import anchor_findings, carry_anchors_forward
from sync.devices import carry_revocations_forward, reapply_revocations
from sync.keys import carry_centre_keys_forward, initialise_keys

# (storage's list, sync's step), in the order the steps must run.
STEPS: tuple[tuple[list[Any], Callable[..., object]], ...] = (
    (AFTER_CREATE, initialise_keys),
    (AFTER_OPEN, reapply_revocations),
    (AFTER_RESTORE, carry_centre_keys_forward),
    (AFTER_RESTORE, carry_revocations_forward),
    (AFTER_RESTORE, carry_anchors_forward),
    (DISTRICT_CHECKS, anchor_findings),
)


def install_hooks() -> None:
    """Add sync's steps to storage's init, sign-in, restore and audit check.

    Idempotent: a step already in its list is not added again, so every entry point (``import sync``,
    ``main.py``, the CLI's registrar, the GUI, test fixtures) may call it without counting who did first.
    """
    for steps, step in STEPS:
        if step not in steps:
            steps.append(step)
