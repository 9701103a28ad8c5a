"""The desk register screen and the case form it opens (a sub-package: its tabs and classification apart)."""

from gui.screens.desk_register.register import DeskRegisterScreen

__all__ = ["DeskRegisterScreen"]
