"""Screenshots of every main-window screen, district and centre, at 1366x768 with demo data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py [--out docs/screenshots]

Builds throwaway encrypted databases in a temporary folder: Quetta and Pishin district offices with a
year of demo data (and a second Quetta PC that disagrees on one figure), a provincial centre that
imports their bundles through the import desk, and a few pages of each report's PDF from a centre's demo of
every district, rendered with pdftoppm (``--pdf-only``: those pages alone). The setup, login and case-form screenshots come from the tests
(``MIZAN_SCREENSHOTS=docs/screenshots make test``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from main import guard_none  # noqa: E402

guard_none()  # an entry point of its own: None made immortal before any Qt call, as main.py does
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

import printing  # noqa: E402
from gui.app import SCREENS  # noqa: E402
from gui.language import install_language  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.settings import Settings, apply_font_size  # noqa: E402
from printing.pdf import as_typed  # noqa: E402
from storage import i18n  # noqa: E402
from storage.core.session import create_database, open_session  # noqa: E402
from storage.i18n import LANGUAGES  # noqa: E402
from storage.records.plan import record_progress, save_framework  # noqa: E402
from storage.records.users import add_user  # noqa: E402
from storage.records.values import save_indicator_values  # noqa: E402
from storage.reference.due import last_complete_period  # noqa: E402
from storage.reports.files import write_report  # noqa: E402
from storage.reports.kinds import make_report  # noqa: E402
from storage.tools.demo import generate_demo  # noqa: E402
from storage.tools.plan_example import EXAMPLE_PROGRESS, example_framework  # noqa: E402
from storage.validation import ValueInput  # noqa: E402
from sync.devices import enroll_device  # noqa: E402
from sync.export import export_bundle  # noqa: E402
from sync.keys import export_key_file, trust_centre  # noqa: E402

PASSWORD = "demo-pass-1"
SIZE = (1366, 768)


def settle(app: QApplication, until=lambda: True, seconds: float = 60) -> None:
    """Let background reads finish and the window paint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if until():
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.02)


def slug(title: str) -> str:
    return "-".join(title.lower().replace("&", "").split())


def screen_name(screen) -> str:
    """A file name from the screen's class, the same in every language: DeskRegisterScreen -> desk-register."""
    words = re.findall(r"[A-Z][a-z]*", type(screen).__name__.removesuffix("Screen"))
    return "-".join(word.lower() for word in words)


def district(folder: Path, code: str, device_name: str, months: int, centre_key: Path, centre_print: str,
             seed: int):
    """A district office that trusts the centre (``centre_print``: its fingerprint, as read out by phone).
    Returns its supervisor's session, its enrollment file and its own fingerprint (what it reads out)."""
    path = folder / f"{code.lower()}-{slug(device_name)}.db"
    session, _ = create_database(path, role="district", district=code, device_name=device_name, admin="admin",
                                 password=PASSWORD)
    add_user(session, "sana", "supervisor", PASSWORD)
    trust_centre(session, centre_key, centre_print)
    own_print = export_key_file(session, folder / f"{path.stem}.enroll")
    session.close()
    supervisor = open_session(path, "sana", PASSWORD)
    if months:
        generate_demo(supervisor, seed=seed, months=months)
    return supervisor, folder / f"{path.stem}.enroll", own_print


def grab_screens(app: QApplication, session, out: Path, prefix: str, skip: set[str]) -> MainWindow:
    window = MainWindow(session, SCREENS)
    window.resize(*SIZE)
    window.show()
    for row, screen in enumerate(window.screens):
        name = screen_name(screen)
        if name in skip:
            continue
        window.sidebar.setCurrentRow(row)
        settle(app, lambda s=screen: not getattr(s, "loading", False) and not getattr(s, "busy", False))
        window.grab().save(str(out / f"{prefix}{name}.png"))
        print("wrote", out / f"{prefix}{name}.png")
    return window


def grab_dialogs(app: QApplication, session, folder: Path, out: Path, prefix: str) -> None:
    """Sign-in, the first page of setup, and the case form's tabs, as a new user meets them."""
    from gui.dialogs.login import LoginDialog
    from gui.dialogs.setup_wizard import SetupWizard
    from gui.screens.desk_register.case_form import CaseFormDialog

    settings = Settings(QSettings(str(folder / "dialogs.ini"), QSettings.Format.IniFormat))
    settings.language = i18n.language()  # as the app keeps it once the language is chosen
    for name, dialog in (("login", LoginDialog(session.path, settings)),
                         ("setup-1-role", SetupWizard(folder / "not-created.db", settings))):
        dialog.show()
        settle(app)
        dialog.grab().save(str(out / f"{prefix}{name}.png"))
        print("wrote", out / f"{prefix}{name}.png")
        dialog.close()
    form = CaseFormDialog(session)
    form.show()
    for index, name in enumerate(("client", "incident", "perpetrators", "services", "consent", "closing", "identity")):
        if index >= form.tabs.count():
            break
        form.tabs.setCurrentIndex(index)
        settle(app)
        form.grab().save(str(out / f"{prefix}case-form-{name}.png"))
        print("wrote", out / f"{prefix}case-form-{name}.png")
    form.close()


# The PDF pages shown in docs/screenshots: (report kind, pages), a page being its number or the text whose
# first page it is (the progress report's widest table; in Urdu its translation); EVERY_PAGE: all of them.
EVERY_PAGE = ()
PDF_PAGES = (("progress", (1, 2, "Every indicator")), ("trend", (1, 2)), ("desk", (1, 2)), ("completeness", (1, 2)),
             ("steering", EVERY_PAGE))  # the Steering Committee pack of the last complete quarter


def report_pdf_pages(folder: Path, out: Path, language: str = "en") -> None:
    """A few pages of each report's PDF, from a centre's demo of every district (long tables run onto
    more pages with their header row), rendered by pdftoppm at 60 dpi: report-<kind>-pdf-<page>.png, in
    Urdu (the interface's language, right to left) report-<kind>-pdf-ur-<page>.png."""
    if not shutil.which("pdftoppm"):
        print("pdftoppm not found (Debian package poppler-utils): no PDF page images")
        return
    province, _ = create_database(folder / "province.db", role="centre", admin="admin", password=PASSWORD)
    generate_demo(province, seed=1, months=12)
    marker = "" if language == "en" else f"{language}-"
    for old in out.glob(f"report-*-pdf-{marker}[0-9]*.png"):
        old.unlink()
    for kind, pages in PDF_PAGES:
        pdf = folder / f"report-{kind}.pdf"
        options = {"period": last_complete_period("quarterly", dt.date.today())} if kind == "steering" else {}
        write_report(make_report(province, kind, **options), pdf)
        texts = [as_typed(page) for page in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                                                 text=True, check=True).stdout.split("\f")]
        if pages == EVERY_PAGE:
            pages = tuple(range(1, len(texts)))  # pdftotext ends every page with a form feed
        for page in pages:
            number = page if isinstance(page, int) else next(
                n for n, text in enumerate(texts, start=1)
                if any(line.strip() == i18n.translate("reports", page) for line in text.splitlines()))
            target = out / f"report-{kind}-pdf-{marker}{number}"
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number), "-singlefile",
                            str(pdf), str(target)], check=True)
            print("wrote", target.with_suffix(".png"))
    province.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "screenshots")
    parser.add_argument("--pdf-only", action="store_true",
                        help="only the report PDF pages (report-<kind>-pdf-<page>.png), from a centre demo")
    parser.add_argument("--language", choices=LANGUAGES, default="en",
                        help="ur: the Urdu interface, files named ur-*.png (needs `make translations`)")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    printing.install_hooks()  # the report PDFs, drawn by Qt
    install_language(app, args.language)
    apply_font_size(app, Settings(QSettings(str(Path(tempfile.mkdtemp()) / "screens.ini"), QSettings.Format.IniFormat)))
    language_prefix = "" if args.language == "en" else f"{args.language}-"
    folder = Path(tempfile.mkdtemp(prefix="mizan-screens-"))
    if args.pdf_only:
        try:
            report_pdf_pages(folder, out, args.language)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return 0
    try:
        centre_path = folder / "centre.db"
        centre, _ = create_database(centre_path, role="centre", admin="admin", password=PASSWORD)
        add_user(centre, "clara", "clerk", PASSWORD)
        centre_print = export_key_file(centre, folder / "centre.key")
        centre.close()
        key = folder / "centre.key"
        quetta, quetta_enroll, quetta_print = district(folder, "QUETTA", "Quetta DPO", 12, key, centre_print, seed=1)
        pishin, pishin_enroll, pishin_print = district(folder, "PISHIN", "Pishin DPO", 12, key, centre_print, seed=2)
        desk_pc, desk_enroll, desk_print = district(folder, "QUETTA", "Quetta desk PC", 0, key, centre_print, seed=3)
        admin = open_session(centre_path, "admin", PASSWORD)
        for enrollment, heard in ((quetta_enroll, quetta_print), (pishin_enroll, pishin_print),
                                  (desk_enroll, desk_print)):
            enroll_device(admin, enrollment, heard)
        admin.close()

        # The district office's screens, as its supervisor sees them.
        grab_screens(app, quetta, out, language_prefix, skip=set())
        if args.language != "en":  # the English dialogs come from the tests (MIZAN_SCREENSHOTS)
            grab_dialogs(app, quetta, folder, out, language_prefix)

        # Bundles to the centre: Quetta twice (the second missing, a gap), Pishin, and a Quetta PC that
        # typed another figure for one value (a conflict).
        usb = folder / "usb"
        for name in ("1", "lost", "3", "pishin", "desk"):
            (usb / name).mkdir(parents=True)
        export_bundle(quetta, usb / "1")
        save_indicator_values(quetta, [ValueInput("PRO-01", "QUETTA", "2026-10", value=131, comment="recounted")])
        export_bundle(quetta, usb / "lost")
        save_indicator_values(quetta, [ValueInput("PRO-01", "QUETTA", "2026-10", value=140, comment="recounted")])
        export_bundle(quetta, usb / "3")
        export_bundle(pishin, usb / "pishin")
        time.sleep(0.01)
        save_indicator_values(desk_pc, [ValueInput("PRO-01", "QUETTA", "2026-10", value=113, comment="typed at the desk PC")])
        export_bundle(desk_pc, usb / "desk")
        for session in (quetta, pishin, desk_pc):
            session.close()
        shutil.rmtree(usb / "lost")

        clerk = open_session(centre_path, "clara", PASSWORD)
        window = MainWindow(clerk, SCREENS)
        window.resize(*SIZE)
        window.show()
        names = [screen_name(screen) for screen in window.screens]
        window.sidebar.setCurrentRow(names.index("import"))
        import_screen = window.screens[names.index("import")]
        import_screen.import_paths([usb])
        settle(app, lambda: not import_screen.busy, seconds=300)
        window.grab().save(str(out / f"{language_prefix}centre-import.png"))
        print("wrote", out / f"{language_prefix}centre-import.png")
        window.close()
        # The example Action Plan and its progress, for the Action Plan screen (the demo loads the same).
        save_framework(clerk, example_framework())
        for activity, status, percent, days_before, evidence in EXAMPLE_PROGRESS:
            record_progress(clerk, activity, status, percent, dt.date.today() - dt.timedelta(days=days_before), evidence)
        grab_screens(app, clerk, out, f"{language_prefix}centre-", skip={"import", "reports"})

        # Each report on screen, and a few pages of each report's PDF.
        window = MainWindow(clerk, SCREENS)
        window.resize(*SIZE)
        window.show()
        names = [screen_name(screen) for screen in window.screens]
        window.sidebar.setCurrentRow(names.index("reports"))
        reports = window.screens[names.index("reports")]
        for kind in ("progress", "trend", "desk", "completeness"):
            reports.kind.setCurrentIndex(reports.kind.findData(kind))
            if kind == "trend":  # one indicator: its chart comes right under its table
                reports.indicator.setCurrentIndex(reports.indicator.findData("PRO-04"))
            reports.show_report()
            settle(app, lambda: not reports.busy, seconds=300)
            window.grab().save(str(out / f"{language_prefix}centre-report-{kind}.png"))
            print("wrote", out / f"{language_prefix}centre-report-{kind}.png")
        # Levels: the progress report by division, the desk report with the Quetta desks side by side.
        for kind, level in (("progress", "division"), ("desk", "desk")):
            reports.kind.setCurrentIndex(reports.kind.findData(kind))
            reports.level.setCurrentIndex(reports.level.findData(level))
            reports.show_report()
            settle(app, lambda: not reports.busy, seconds=300)
            if level == "desk":  # the desks side by side, below the GBV type tables
                view = next(v for v in reports.scroll.widget().findChildren(QTableView)
                            if v.accessibleName() == "Clients by desk and month")
                reports.scroll.verticalScrollBar().setValue(view.y() - 40)
                settle(app)
            window.grab().save(str(out / f"{language_prefix}centre-report-{kind}-{level}.png"))
            print("wrote", out / f"{language_prefix}centre-report-{kind}-{level}.png")
        reports.level.setCurrentIndex(reports.level.findData("district"))
        if args.language == "en":  # the files stay in English (their words are keys)
            report_pdf_pages(folder, out, args.language)
        window.close()
        clerk.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
