"""Mizan sync: keys, encrypted signed bundles, export, import and merge, receipts (no Qt).

Importing this package registers key generation as a step of ``init``, re-applying the revocation ledger
as a step of every sign-in, and carrying revocations and centre keys forward as a step of every restore.
"""

from __future__ import annotations

from storage.core.backup import AFTER_RESTORE
from storage.core.session import AFTER_CREATE, AFTER_OPEN
from sync.keys import carry_forward_on_restore, initialise_keys, reapply_revocations

for steps, step in ((AFTER_CREATE, initialise_keys), (AFTER_OPEN, reapply_revocations),
                    (AFTER_RESTORE, carry_forward_on_restore)):
    if step not in steps:
        steps.append(step)
