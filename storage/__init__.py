"""Mizan storage: the encrypted local database and everything that reads or writes it (no Qt)."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Mizan"
