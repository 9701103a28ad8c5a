"""The windows around the main window: signing in, the lock screen, changing one's password, and the
setup wizard that creates this PC's database.

Dialogs may import ``gui.widgets`` (and ``gui.tasks``, ``gui.settings``, ``gui.language``, storage/, sync/)
and each other; they import nothing from ``gui.screens`` (tests/test_gui_layers.py checks this).
"""
