"""The indicator entry screen: the grid's model, its view and the panel around one grid, each a module."""

from gui.screens.indicator_entry.screen import IndicatorEntryScreen

__all__ = ["IndicatorEntryScreen"]
