"""Mizan sync: keys, devices, encrypted signed bundles, export, import, merge, review and receipts (no Qt).

* :mod:`sync.schema`: what travels in a bundle, per record type;
* :mod:`sync.bundle`: the bundle file (age encryption, ZIP, signed manifest) and its checks;
* :mod:`sync.keys`: this installation's keys, key files, centre trust, fingerprints, key backup;
* :mod:`sync.devices`: enrolling and revoking district devices, the revocation ledger, device reports;
* :mod:`sync.export`: a district's next bundle; :mod:`sync.receipts`: the centre's signed receipts;
* :mod:`sync.importer`: reading, checking and importing bundles; :mod:`sync.merge`: applying records;
* :mod:`sync.inbox`: the centre's import desk; :mod:`sync.refusals`: files the import refused, not offered
  again; :mod:`sync.review`: conflicts and quarantine;
* :mod:`sync.hooks`: sync's steps in storage's init, sign-in and restore; :mod:`sync.cli`: its commands.

sync imports storage, never gui (and storage never imports sync). Storage runs the steps sync adds to
its init, sign-in and restore (:func:`install_hooks`); importing this package installs them, and the
app's entry points call :func:`install_hooks` explicitly too (it is idempotent).
"""

from __future__ import annotations

from sync.hooks import install_hooks

__all__ = ["install_hooks"]

install_hooks()
