"""Mizan's PySide6 interface: calls storage/ and sync/ functions; never writes SQL or holds rules."""
