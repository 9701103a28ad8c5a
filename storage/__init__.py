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


def _import_sqlite_utils_without_pandas() -> None:
    """Import sqlite-utils (every database goes through its ``Database``) without pandas and numpy.

    sqlite-utils imports pandas and numpy when they are installed, only to add their scalar types (numpy.int64,
    pandas.Timestamp) to the column types it infers when it creates a table from Python values. Mizan never
    does that (every table is made by SQL, ``storage/core/schema.py``), and the two cost about 0.25 s, a
    third of the app's start-up: hidden while sqlite-utils loads, they are imported later by the reports
    that use them (``storage/reports``), at full strength. When either is already imported (a test or a
    tool that used it first) it is not hidden. Runs here because ``storage`` is imported before any module
    of ours imports sqlite-utils (``main.py`` imports the CLI, which is storage, first).
    """
    import sys  # here, not at the top: the package exports nothing but its name and version

    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" raises ImportError meanwhile
    try:
        import sqlite_utils  # noqa: F401  # the import that must not load pandas (see above)
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


_import_sqlite_utils_without_pandas()
