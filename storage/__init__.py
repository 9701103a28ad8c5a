"""Mizan storage: the encrypted local database and everything that reads or writes it (no Qt).

Layers, lowest first; a module imports its own layer or lower ones only (``tests/test_layers.py``):

- :mod:`storage.errors`, :mod:`storage.i18n`: what every layer raises and says;
- :mod:`storage.reference`: the catalogue and periods, read from resources/ (no database);
- :mod:`storage.core`: the database itself (key slots, connection, schema and audit chain, roles, the
  session, backups) beside :mod:`storage.validation`, the one rule engine with every rule's constants;
- :mod:`storage.records`: users, indicator values, completion, targets, the desk's records;
- :mod:`storage.sheets`, :mod:`storage.views`, :mod:`storage.reports`: spreadsheets in and out, what
  screens read, reports and their files;
- :mod:`storage.tools`: the command line, demo data, the self-test, revalidation.

storage never imports sync or gui.
"""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Mizan"
