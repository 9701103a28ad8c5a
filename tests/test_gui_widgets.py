"""gui.widgets on their own: the storage-call helper, the one date field in its two looks, the heading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel

from gui.widgets.dates import NO_DATE, OptionalDateEdit
from gui.widgets.labels import heading_label
from gui.widgets.messages import call_storage, message_label
from gui.widgets.style import ERROR_STYLE
from storage.errors import UsageError
from tests.gui_fixtures import no_task_outlives_its_test  # noqa: F401  (an autouse fixture)


def test_call_storage_shows_storage_s_message_in_the_error_style(qtbot):
    label = message_label()
    qtbot.addWidget(label)

    def refuse() -> None:
        raise UsageError("A password needs at least 8 characters.")

    outcome = call_storage(label, refuse)
    assert not outcome and outcome.value is None
    assert label.text() == "A password needs at least 8 characters." and label.styleSheet() == ERROR_STYLE
    assert not label.isHidden()  # a hidden message label is shown
    done = call_storage(label, lambda: 42)
    assert done and done.value == 42 and label.styleSheet() == ""  # the text is the caller's to replace


def test_call_storage_words_and_catches_only_what_it_is_told(qtbot):
    label = QLabel()
    qtbot.addWidget(label)

    def cannot_write() -> None:
        raise OSError("disk full")

    def refuse() -> None:
        raise UsageError("no")

    assert not call_storage(label, cannot_write, also=(OSError,)) and label.text() == "disk full"
    assert not call_storage(label, refuse, message=lambda error: f"[{error}]") and label.text() == "[no]"
    with pytest.raises(OSError):  # anything else is a bug, not a message for the user
        call_storage(label, cannot_write)


def test_the_date_field_with_a_tick_box(qtbot):
    field = OptionalDateEdit("Unknown", tick_box=True)
    qtbot.addWidget(field)
    changes: list = []
    field.changed.connect(lambda: changes.append(field.value()))
    assert field.value() is None and field.none is not None and not field.date.isEnabled()
    field.set_value("2026-10-31")
    assert field.value() == "2026-10-31" and field.date.isEnabled() and not field.none.isChecked()
    field.none.setChecked(True)
    assert field.value() is None and changes[-1] is None
    assert field.date.displayFormat() == "yyyy-MM-dd"
    assert field.date.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_date_field_that_empties_itself(qtbot):
    field = OptionalDateEdit("no date", accessible_name="Reported from")
    qtbot.addWidget(field)
    assert field.none is None and field.value() is None and field.date.text() == "no date"
    assert field.date.accessibleName() == "Reported from" and field.focusProxy() is field.date
    field.date.stepBy(1)  # from "no date", stepping starts at today, not in the year 2000
    assert field.date.date() == QDate.currentDate()
    field.set_value("2026-09-01")
    assert field.value() == "2026-09-01"
    qtbot.keyClick(field.date, Qt.Key.Key_Delete)
    assert field.value() is None and field.date.date() == NO_DATE


def test_headings_carry_the_role_the_font_size_setting_scales(qtbot):
    heading = heading_label("Mizan is locked", wrap=True)
    qtbot.addWidget(heading)
    assert heading.property("role") == "heading" and heading.wordWrap()
    assert heading.font().bold() is False  # the size and weight come from the application style sheet


def test_figures_read_in_full_and_edit_plain(qapp):
    from gui.language import LOCALES
    from gui.widgets.numbers import locale_number, plain_number

    before = QLocale()
    try:
        for language in ("en", "ur"):  # the interface's locales, as gui.language sets them
            QLocale.setDefault(LOCALES[language])
            assert [locale_number(v) for v in (1234567, 1234567.0, 12.5, 1e-7, None)] == [
                "1,234,567", "1,234,567", "12.5", "0.0000001", ""]
            assert [plain_number(v) for v in (1234567, 1234567.0, 12.5, 2**63 - 1)] == [
                "1234567", "1234567", "12.5", "9223372036854775807"]
    finally:
        QLocale.setDefault(before)


def test_an_unexpected_error_is_worded_in_the_interface_s_language(qapp, tmp_path):
    """The fallback wording of an error that is not storage's is found in the Urdu catalogue (it was
    filed under a context Qt never looked in, so Urdu users read English)."""
    import subprocess
    import sys
    from pathlib import Path

    from gui.language import install_language, remove_language
    from gui.widgets.messages import describe_error
    from storage.reference.catalogue import resources_dir

    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    catalog = tmp_path / "ur.qm"
    subprocess.run([str(lrelease), str(resources_dir() / "translations" / "mizan_ur.ts"), "-qm", str(catalog)],
                   check=True, capture_output=True)
    translators = install_language(qapp, "ur", catalog=catalog)
    try:
        worded = describe_error(QLabel(), OSError("disk full"))
        assert worded.startswith("کچھ غلط ہو گیا: ") and "disk full" in worded
    finally:
        remove_language(qapp, translators)
        install_language(qapp, "en")
