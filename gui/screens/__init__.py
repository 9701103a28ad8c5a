"""The screens of the main window's sidebar, one module or sub-package each, on the :class:`~gui.screens.base.Screen` base.

A screen may import ``gui.widgets`` and ``gui.dialogs`` (and ``gui.tasks``, ``gui.settings``, ``gui.language``,
storage/, sync/); it never imports another screen: what two screens share lives in ``gui.widgets``
(tests/test_gui_layers.py checks this). A screen's sub-package (the indicator entry, the desk register with
its case form) may import its own modules.
"""
