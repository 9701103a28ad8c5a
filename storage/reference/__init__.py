"""Reference data read from resources/: the catalogue (indicators, districts, institutions, desks, GBV and
PKM lists), periods, and which indicators a period's sheet carries. No database.

Imports only :mod:`storage.errors`, :mod:`storage.i18n` and itself.
"""
