"""Mizan sync: keys, encrypted signed bundles, export, import and merge, receipts (no Qt).

Importing this package registers key generation as a step of ``init``.
"""

from __future__ import annotations

from storage.database import AFTER_CREATE
from sync.keys import initialise_keys

if initialise_keys not in AFTER_CREATE:
    AFTER_CREATE.append(initialise_keys)
