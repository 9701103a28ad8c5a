"""The encrypted database itself: clock, files, key slots, connection, schema and audit chain, roles,
the signed-in session and backups.

Imports only :mod:`storage.errors`, :mod:`storage.i18n`, :mod:`storage.reference` and itself; every other
storage layer builds on it.
"""
