"""Mizan's PySide6 interface: calls storage/ and sync/ functions; never writes SQL or holds rules.

Layers, each importing only from the ones above it in this list (nothing in storage/ or sync/ imports gui):

* ``gui.tasks``, ``gui.settings``, ``gui.language``: background work, this PC's preferences, the language.
* ``gui.widgets``: labels, the one style module with every colour, inputs, dates, table models.
* ``gui.dialogs``: signing in, the lock screen, changing a password, the setup wizard.
* ``gui.screens``: one module or sub-package per screen of the main window's sidebar.
* ``gui.main_window`` and ``gui.app``: the window that holds the screens, and the application that drives it.

``gui.startup_probe`` stands apart (QtCore only): with ``MIZAN_STARTUP_PROBE`` set it times the first window
for ``bench/bench_startup.py`` and quits.
"""
