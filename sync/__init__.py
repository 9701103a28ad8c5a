"""Mizan sync: keys, encrypted signed bundles, export, import and merge, receipts (no Qt).

Importing this package registers key generation as a step of ``init``, re-applying the revocation ledger
as a step of every sign-in, and carrying revocations and centre keys forward as a step of every restore.
"""

from __future__ import annotations

from storage.backup import AFTER_RESTORE
from storage.database import AFTER_CREATE, AFTER_OPEN
from sync.devices import carry_revocations_forward, reapply_revocations
from sync.keys import carry_centre_keys_forward, initialise_keys

for steps, step in ((AFTER_CREATE, initialise_keys), (AFTER_OPEN, reapply_revocations),
                    (AFTER_RESTORE, carry_centre_keys_forward), (AFTER_RESTORE, carry_revocations_forward)):
    if step not in steps:
        steps.append(step)
