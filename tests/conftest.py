"""Shared fixtures: real encrypted databases in a temporary folder, signed in as each role."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import printing  # noqa: E402
from main import guard_none  # noqa: E402
from storage.records.targets import save_targets  # noqa: E402
from storage.records.values import save_indicator_values  # noqa: E402
from storage.validation import TargetInput, ValueInput  # noqa: E402
from sync import install_hooks  # noqa: E402
from tests.templates import (  # noqa: E402
    ADMIN_PASSWORD,
    CLERK_PASSWORD,
    OPERATOR_PASSWORD,
    SUPERVISOR_PASSWORD,
    centre_copy,
    district_copy,
    sign_in,
)

__all__ = ["ADMIN_PASSWORD", "CLERK_PASSWORD", "OPERATOR_PASSWORD", "SUPERVISOR_PASSWORD"]

# Every test database gets sync's keys (and its sign-in and restore steps), whichever test files ran.
guard_none()  # as main.py does: PySide6 6.12 on Python 3.11 takes a reference from None per void call
install_hooks()
printing.install_hooks()  # PDF reports are drawn by Qt, as in the app and the CLI


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    """The run's QApplication, made before any test: a test writing a PDF first would otherwise have
    printing make a bare QGuiApplication, and no widget could be made after it."""
    return qapp


@pytest.fixture
def district_db(tmp_path: Path) -> Path:
    """A Quetta district database with users admin, sana (supervisor) and omar (operator)."""
    return district_copy(tmp_path / "district.db", per="test")


@pytest.fixture
def supervisor(district_db: Path):
    session = sign_in(district_db, "sana")
    yield session
    session.close()


@pytest.fixture
def operator(district_db: Path):
    session = sign_in(district_db, "omar")
    yield session
    session.close()


@pytest.fixture
def district_admin(district_db: Path):
    session = sign_in(district_db, "admin")
    yield session
    session.close()


@pytest.fixture
def centre_db(tmp_path: Path) -> Path:
    """A provincial centre database with users admin and clara (clerk)."""
    return centre_copy(tmp_path / "centre.db", per="test")


@pytest.fixture
def clerk(centre_db: Path):
    session = sign_in(centre_db, "clara")
    yield session
    session.close()


OFFICE_SCREEN = (1366, 768)  # the common office screen every window must fit


def on_screen(qtbot, widget):
    """Show ``widget`` at the office screen's size, closed by pytest-qt after the test."""
    qtbot.addWidget(widget)
    widget.resize(*OFFICE_SCREEN)
    widget.show()
    return widget


def table_counts(session) -> dict[str, int]:
    """Row counts of every table: 'nothing was written' means these are equal before and after."""
    names = [row[0] for row in session.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: session.db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in names}


# -- report figures (tests/test_reports.py works them out by hand; the GUI tests show them) ---------------


def value(indicator: str, district: str, period: str, figure=None, numerator=None, denominator=None) -> ValueInput:
    # A comment on every value: the outlier warning (which needs one) never blocks this hand-made series.
    return ValueInput(indicator, district, period, "total", figure, numerator, denominator, comment="test figure")


@pytest.fixture
def centre_figures(clerk):
    """Quetta and Pishin, the first quarter of 2024, typed in at the centre by the clerk."""
    save_indicator_values(clerk, [
        # CRT-02 cases disposed: a flow (up is better).
        value("CRT-02", "QUETTA", "2024-01", 10), value("CRT-02", "QUETTA", "2024-02", 20),
        value("CRT-02", "QUETTA", "2024-03", 30),
        # CRT-03 cases pending at period end: a stock figure (down is better).
        value("CRT-03", "QUETTA", "2024-01", 500), value("CRT-03", "QUETTA", "2024-02", 450),
        value("CRT-03", "QUETTA", "2024-03", 400),
        # PRO-04 conviction rate: a percent (up is better); 10 %, 90 %, 30 % month by month.
        value("PRO-04", "QUETTA", "2024-01", None, 1, 10), value("PRO-04", "QUETTA", "2024-02", None, 9, 10),
        value("PRO-04", "QUETTA", "2024-03", None, 30, 100),
        value("PRO-04", "PISHIN", "2024-01", None, 20, 40),
    ])
    save_targets(clerk, 2024, [TargetInput("CRT-02", "QUETTA", None, 240), TargetInput("CRT-03", "QUETTA", None, 420),
                               TargetInput("PRO-04", "QUETTA", None, 40), TargetInput("PRO-04", "PISHIN", None, 45)])
    return clerk
