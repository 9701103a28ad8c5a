"""The building blocks every dialog and screen shares: labels, the one style module (every colour is there),
inputs, date fields, figures as text, table models, and the helper that shows a storage error on a label.

Widgets may import ``gui.tasks``, ``gui.settings``, ``gui.language``, storage/ and sync/, and each other; they
import nothing from ``gui.dialogs`` or ``gui.screens`` (tests/test_gui_layers.py checks this).
"""
