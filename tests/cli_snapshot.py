#!/usr/bin/env python3
"""A byte-comparable snapshot of what Mizan's command line does on the demo: the check that a
restructuring changed no behaviour (issue 11 compared 2e81959 with 9abe5ac this way: identical).

    python3 tests/cli_snapshot.py --repo CHECKOUT_BEFORE --out before.txt
    python3 tests/cli_snapshot.py --repo CHECKOUT_AFTER --out after.txt
    cmp before.txt after.txt            # or: diff -u before.txt after.txt

Each checkout needs its own .venv (``make`` makes one). Not a test: pytest does not collect it.

Needs libfaketime (``apt-get install faketime``) and pdftotext/pdfinfo (poppler-utils). XLSX files are read
with openpyxl; when the interpreter running this script lacks it, the script runs itself again with the
repository's venv python. One run takes 3 to 5 minutes on 2 shared cores (about 217 commands).

It runs one fixed sequence of CLI commands (``DIR/.venv/bin/python DIR/main.py ...``) in a fresh temporary
folder and writes, per command, the command line, its exit code, stdout, stderr and every file it created,
changed or removed there: CSV and JSON as text, XLSX as openpyxl's cells per sheet (plus merged ranges,
validations, number formats, freeze panes and the package's part names), PDF as ``pdftotext -layout`` text
and its page count, age-encrypted bundles and key backups as their header's recipient types, backup ZIPs as
their member names and manifest. Database internals (*.db, *.db.keys, ...) are listed by name only.

Determinism
  * "Today": Mizan has no setting or variable to fix the date (``storage.core.clock.today()`` is
    ``datetime.date.today()``, and ``sync``/``storage.core.backup`` call ``date.today()``/``datetime.now()``
    directly), so every command runs under libfaketime (Debian package ``faketime``): command n starts at
    BASE_DAY 08:00:00 UTC + n x 37 s (+ whole days for the steps that play a PC whose clock is ahead, or a
    later day at the centre). Without libfaketime the script stops; ``--real-clock`` runs on the real clock
    instead (outputs then depend on the day, and the date-shifted steps are skipped).
  * TZ=UTC, LC_ALL=C.UTF-8, PYTHONHASHSEED=0, COLUMNS=100, stdin /dev/null, HOME and XDG folders in the
    temporary folder, no MIZAN_* variables but those each step sets, bytecode caches kept out of the repo.
  * What is random or time-dependent is replaced by placeholders (see ``Normalizer``). Random identifiers
    are numbered in order of first appearance (<UUID#3>, <FP#2>, ...), so the same identifier keeps the same
    name throughout and a mix-up between two of them still shows.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

SNAP_VERSION = 1
BASE_DAY = dt.date(2026, 11, 20)
STEP_SECONDS = 37          # not a divisor of a minute: lock-out countdowns never sit on a rounding edge
FIRST_STEP_AT = dt.time(8, 0, 0)
ESCROW_RECIPIENT = "age1p5z4t2wgd0zny3chtpxtx8spzw33p4887y8upxtugqpnnl25tvmqlx92pu"  # a fixed auditor key
LIBFAKETIME_GLOBS = ("/usr/lib/*/faketime/libfaketimeMT.so.1", "/usr/lib/faketime/libfaketimeMT.so.1",
                     "/usr/local/lib/faketime/libfaketimeMT.so.1", "/usr/lib64/faketime/libfaketimeMT.so.1")

PASSWORDS = {
    "amina": "amina-district-admin-pw1", "sana": "sana-supervisor-pw1", "omar": "omar-operator-pw1",
    "kamal": "kamal-operator-pw1", "bilal": "bilal-pc2-admin-pw1", "bina": "bina-pc2-supervisor-pw1",
    "root": "root-centre-admin-pw1",
    "clara": "clara-centre-clerk-pw1", "rita": "rita-centre2-admin-pw1", "pat": "pat-province-admin-pw1",
}
OMAR_NEW = "omar-operator-pw2"
KEY_BACKUP_PASSPHRASE = "centre key backup passphrase 1"


# -- normalising -----------------------------------------------------------------------------------------

ALPHA = "[A-HJ-NP-Z2-9]"  # the fingerprint and recovery key alphabet (no 0/O, 1/I)
RE_RECOVERY = re.compile(rf"(?<![A-Za-z0-9-]){ALPHA}{{4}}(?:-{ALPHA}{{4}}){{7}}(?![A-Za-z0-9-])")
RE_FP = re.compile(rf"(?<![A-Za-z0-9-]){ALPHA}{{4}}(?:-{ALPHA}{{4}}){{3}}(?![A-Za-z0-9-])")
RE_FP_LOWER = re.compile(rf"(?<![A-Za-z0-9-]){ALPHA.lower()}{{4}}(?:-{ALPHA.lower()}{{4}}){{3}}(?![A-Za-z0-9-])")
RE_UUID = re.compile(r"(?<![0-9a-fA-F])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-fA-F])")
RE_SHA = re.compile(r"(?<![0-9a-fA-F])[0-9a-f]{64}(?![0-9a-fA-F])")
RE_AGE_SECRET = re.compile(r"AGE-SECRET-KEY-1[0-9A-Z]{58}")
RE_AGE = re.compile(r"(?<![0-9a-z])age1[02-9ac-hj-np-z]{58}(?![0-9a-z])")
RE_B64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])")
# a device's id cut to 8 characters, as in bundle and receipt names and travelling case numbers
RE_ID8_CONTEXT = re.compile(r"(?<=-)[0-9a-f]{8}(?=-(?:\d+\.mizan|receipt))|(?<=@)[0-9a-f]{8}(?![0-9A-Za-z])")
RE_HLC = re.compile(r"(?<![0-9])\d{13}\.\d{6}(?![0-9])")
RE_TS = re.compile(r"(?<![0-9])\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?(?![0-9])")
RE_STAMP = re.compile(r"(?<![0-9])\d{8}-\d{6}(?:-\d{6})?(?![0-9])")
RE_EPOCH = re.compile(r"(?<![0-9.])1[78]\d{8}(?:\d{3})?(?:\.\d+)?(?![0-9])")  # seconds or ms of 2023..2027
RE_SECONDS = re.compile(r"(?<=\bin )\d+(?:\.\d+)?(?= s\b)")  # "passed in 2.6 s"
RE_TEMP_NAME = re.compile(r"(?<=<TMPDIR>/)((?:[A-Za-z0-9_.]+-)*)[a-z0-9_]{8}(?![A-Za-z0-9_])")  # tempfile's random 8
RE_CLOCK = re.compile(r"(?<![0-9:])\d{2}:\d{2}(?::\d{2})?(?![0-9:])")  # a bare time of day (--real-clock only)


class Normalizer:
    """Replaces what differs from run to run by stable placeholders; numbering is by first appearance."""

    def __init__(self, literals: list[tuple[str, str]], bare_times: bool = False) -> None:
        self.bare_times = bare_times
        self.literals = sorted(literals, key=lambda pair: -len(pair[0]))
        self.numbers: dict[str, dict[str, int]] = {}
        self.prefixes: dict[str, int] = {}   # 8-character id prefix -> its UUID number
        self.unbound: set[str] = set()       # prefixes seen before their whole id

    def number(self, kind: str, value: str) -> int:
        table = self.numbers.setdefault(kind, {})
        if value not in table:
            table[value] = len(table) + 1
        return table[value]

    def _uuid(self, match: re.Match) -> str:
        value = match.group(0)
        table = self.numbers.setdefault("UUID", {})
        if value not in table and value[:8] in self.unbound:
            # first seen cut to 8 characters (e.g. in a bundle's name): the whole id takes that number
            self.unbound.discard(value[:8])
            table[value] = self.prefixes[value[:8]]
        n = self.number("UUID", value)
        self.prefixes.setdefault(value[:8], n)
        return f"<UUID#{n}>"

    def _id8(self, match: re.Match) -> str:
        value = match.group(0)
        if value not in self.prefixes:
            self.prefixes[value] = self.number("UUID", "prefix " + value)
            self.unbound.add(value)
        return f"<UUID#{self.prefixes[value]}:8>"

    def _fp_lower(self, match: re.Match) -> str:
        value = match.group(0)
        known = self.numbers.get("FP", {})
        return f"<FP#{known[value.upper()]}:lower case>" if value.upper() in known else value

    def _b64(self, match: re.Match) -> str:
        value = match.group(0)
        if not (value.endswith("=") or (re.search("[A-Z]", value) and re.search("[a-z]", value)
                                        and re.search("[0-9]", value))):
            return value
        return f"<B64#{self.number('B64', value)}>"

    def __call__(self, text: str) -> str:
        for literal, placeholder in self.literals:
            text = text.replace(literal, placeholder)
        text = RE_RECOVERY.sub(lambda m: f"<RECOVERY#{self.number('RECOVERY', m.group(0))}>", text)
        text = RE_FP.sub(lambda m: f"<FP#{self.number('FP', m.group(0))}>", text)
        text = RE_FP_LOWER.sub(self._fp_lower, text)
        text = RE_UUID.sub(self._uuid, text)
        text = RE_SHA.sub(lambda m: f"<SHA#{self.number('SHA', m.group(0))}>", text)
        text = RE_AGE_SECRET.sub(lambda m: f"<AGE-SECRET#{self.number('AGESECRET', m.group(0))}>", text)
        text = RE_AGE.sub(lambda m: f"<AGE#{self.number('AGE', m.group(0))}>", text)
        text = RE_B64.sub(self._b64, text)
        text = RE_HLC.sub("<HLC>", text)
        text = RE_TS.sub("<TS>", text)
        text = RE_STAMP.sub("<STAMP>", text)
        if self.prefixes:
            known = "|".join(map(re.escape, self.prefixes))
            text = re.sub(rf"(?<![0-9A-Za-z])(?:{known})(?![0-9A-Za-z])", self._id8, text)
        text = RE_ID8_CONTEXT.sub(self._id8, text)
        text = RE_EPOCH.sub("<EPOCH>", text)
        text = RE_SECONDS.sub("<SECONDS>", text)
        text = RE_TEMP_NAME.sub(lambda m: m.group(1) + "<RANDOM>", text)
        if self.bare_times:
            text = RE_CLOCK.sub("<HH:MM>", text)
        return text


# -- describing files -------------------------------------------------------------------------------------

INTERNAL = re.compile(r"(\.db|\.db\.keys|\.db\.revoked|\.bak|\.bak\.keys|\.bak\.revoked)$")
IGNORED = re.compile(r"(-wal|-shm|-journal)$")


def text_notes(raw: bytes) -> tuple[str, list[str]]:
    notes = []
    if raw.startswith(b"\xef\xbb\xbf"):
        notes.append("utf-8 BOM")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "", notes + ["NOT UTF-8"]
    crlf = text.count("\r\n")
    if crlf:
        notes.append(f"{crlf} CRLF line ends" if crlf != text.count("\n") else "CRLF line ends")
    if text and not text.endswith("\n"):
        notes.append("no final newline")
    return text.replace("\r\n", "\n"), notes


def describe_xlsx(path: Path) -> list[str]:
    import openpyxl

    lines = []
    with zipfile.ZipFile(path) as archive:
        parts = sorted(name for name in archive.namelist() if not name.endswith(".rels"))
        lines.append("parts: " + ", ".join(parts))
        for part in parts:
            if part.startswith("xl/charts/chart"):
                xml = archive.read(part).decode("utf-8")
                kinds = re.findall(r"<c:(\w+Chart)>", xml)
                refs = re.findall(r"<c:f>(.*?)</c:f>", xml)
                texts = re.findall(r"<a:t>(.*?)</a:t>", xml)
                lines.append(f"{part}: {' '.join(kinds)}; text {texts}; ranges {refs}")
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        lines.append(f"sheet {sheet.title!r}: {sheet.dimensions}, freeze {sheet.freeze_panes}, "
                     f"state {sheet.sheet_state}")
        setup = sheet.page_setup
        if setup.orientation or sheet.print_title_rows or sheet.oddFooter.left.text:
            lines.append(f"  print: {setup.orientation}, fit {sheet.sheet_properties.pageSetUpPr.fitToPage} "
                         f"{setup.fitToWidth}x{setup.fitToHeight}, titles {sheet.print_title_rows}, footer "
                         f"{sheet.oddFooter.left.text!r} {sheet.oddFooter.right.text!r}")
        if sheet.merged_cells.ranges:
            lines.append("  merged: " + " ".join(sorted(str(r) for r in sheet.merged_cells.ranges)))
        for validation in sheet.data_validations.dataValidation:
            lines.append(f"  validation {validation.type} {validation.operator or ''} {validation.formula1!r} "
                         f"{validation.formula2!r} on {validation.sqref}")
        widths = {key: dim.width for key, dim in sorted(sheet.column_dimensions.items()) if dim.width}
        if widths:
            lines.append("  widths: " + " ".join(f"{k}={v:g}" for k, v in widths.items()))
        if sheet.auto_filter.ref:
            lines.append(f"  auto filter: {sheet.auto_filter.ref}")
        formats: dict[str, list[str]] = {}
        bold: list[str] = []
        for row in sheet.iter_rows():
            cells = [cell for cell in row if cell.value is not None]
            if not cells:
                continue
            lines.append(f"  {row[0].row}: " + " | ".join(f"{cell.column_letter}={cell.value!r}" for cell in cells))
            for cell in cells:
                if cell.number_format != "General":
                    formats.setdefault(cell.number_format, []).append(cell.coordinate)
                if cell.font is not None and cell.font.b:
                    bold.append(cell.coordinate)
        for number_format, where in sorted(formats.items()):
            lines.append(f"  format {number_format!r}: {len(where)} cells, first {where[0]}, last {where[-1]}")
        if bold:
            lines.append(f"  bold: {len(bold)} cells, first {bold[0]}, last {bold[-1]}")
    return lines


def describe_pdf(path: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    pages = next((line.split(":", 1)[1].strip() for line in info.stdout.splitlines() if line.startswith("Pages:")),
                 "?")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    lines = [f"pages: {pages}"]
    lines += [line.rstrip() for line in text.replace("\f", "\n<page break>\n").splitlines()]
    return lines


def describe_age(raw: bytes) -> list[str]:
    head = raw[:4096].split(b"\n---", 1)[0].decode("ascii", "replace").splitlines()
    stanzas = [line.split()[1] for line in head if line.startswith("-> ")]
    real = [kind for kind in stanzas if not kind.endswith("-grease")]  # age adds a random "grease" stanza
    return [f"age file, version line {head[0]!r}, {len(real)} recipient stanza(s): {', '.join(real)}"]


def describe_zip(path: Path) -> list[str]:
    lines = []
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                lines.append(f"member {info.filename} ({'deflated' if info.compress_type else 'stored'})")
            for name in archive.namelist():
                if name.endswith(".json") or name.endswith(".csv"):  # a manifest; a report's CSV tables
                    lines.append(f"{name}:")
                    lines += ["  " + line for line in archive.read(name).decode("utf-8-sig").splitlines()]
    except zipfile.BadZipFile:
        lines.append("not a readable ZIP")
    return lines


def describe_file(path: Path) -> tuple[list[str], list[str]]:
    """(notes, content lines) for an artifact file."""
    raw = path.read_bytes()
    suffix = path.name.lower()
    if suffix.endswith(".xlsx"):
        return ["xlsx"], describe_xlsx(path)
    if suffix.endswith(".pdf"):
        return ["pdf"], describe_pdf(path)
    if raw.startswith(b"age-encryption.org/"):
        return ["age-encrypted"], describe_age(raw)
    if raw.startswith(b"PK\x03\x04"):
        return ["zip"], describe_zip(path)
    text, notes = text_notes(raw)
    if "NOT UTF-8" in notes:
        return notes, [f"{len(raw)} bytes of binary"]
    return [f"{len(raw)} bytes", *notes], text.splitlines()


# -- running ----------------------------------------------------------------------------------------------

FINGERPRINT = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}\b")


def heard(result: Result) -> str:
    """The fingerprint a command printed: what the other office reads out by phone (since issue 11 every
    `keys import` and `devices enroll` needs it)."""
    found = FINGERPRINT.findall(result.out)
    assert found, f"no fingerprint in: {result.out!r}"
    return found[0]


class Result:
    def __init__(self, rc: int, out: str, err: str) -> None:
        self.rc, self.out, self.err = rc, out, err


class Snapshot:
    def __init__(self, repo: Path, python: Path, work: Path, libfaketime: str | None) -> None:
        self.repo, self.python, self.work, self.libfaketime = repo, python, work, libfaketime
        self.step = 0
        self.lines: list[str] = []
        literals = [(str(work / "home" / "tmp"), "<TMPDIR>"), (os.path.realpath(work / "home" / "tmp"), "<TMPDIR>"),
                    (str(work), "<TMP>"), (os.path.realpath(work), "<TMP>"), (str(repo), "<REPO>"),
                    (os.path.realpath(repo), "<REPO>")]
        self.norm = Normalizer(literals, bare_times=libfaketime is None)
        (work / "home" / "tmp").mkdir(parents=True)
        self.base_env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(work / "home"),
            "XDG_DATA_HOME": str(work / "home" / "data"), "XDG_CONFIG_HOME": str(work / "home" / "config"),
            "XDG_CACHE_HOME": str(work / "home" / "cache"), "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
            "PYTHONHASHSEED": "0", "TMPDIR": str(work / "home" / "tmp"), "PYTHONPYCACHEPREFIX": str(work / "home" / "pycache"),
            "PYTHONIOENCODING": "utf-8", "COLUMNS": "100", "QT_QPA_PLATFORM": "offscreen",
        }
        self.timings: list[tuple[float, str]] = []
        self.hashes: dict[str, tuple[int, int, str]] = {}
        self.recovery_key = ""

    # the clock ------------------------------------------------------------------------------------------
    def fake_now(self, day: int = 0) -> dt.datetime:
        start = dt.datetime.combine(BASE_DAY + dt.timedelta(days=day), FIRST_STEP_AT)
        return start + dt.timedelta(seconds=STEP_SECONDS * (self.step + 1))

    def next_epoch(self, day: int = 0) -> float:
        """The clock the next step will start on, as a POSIX time (for files the harness dates)."""
        if self.libfaketime is None:
            return time.time()
        return self.fake_now(day).replace(tzinfo=dt.UTC).timestamp()

    # output ---------------------------------------------------------------------------------------------
    def say(self, text: str = "", raw: bool = False) -> None:
        self.lines.append(text if raw else self.norm(text))

    def block(self, label: str, text: str) -> None:
        if not text:
            self.say(f"{label}: (none)")
            return
        self.say(f"{label}:")
        body = text[:-1] if text.endswith("\n") else text
        for line in body.split("\n"):
            self.say("| " + line)
        if not text.endswith("\n"):
            self.say("(no final newline)")

    def note(self, text: str) -> None:
        self.say(f"# {text}")

    def section(self, title: str) -> None:
        self.say("")
        self.say("#" * 100)
        self.say(f"## {title}")

    # files ----------------------------------------------------------------------------------------------
    def _tree(self) -> dict[str, tuple[int, int, str]]:
        """Every file under the work folder: (size, mtime, sha256); database files are not hashed."""
        found = {}
        for root, dirs, files in os.walk(self.work):
            if Path(root) == self.work:
                dirs[:] = [d for d in dirs if d != "home"]
            for name in files:
                path = Path(root) / name
                if IGNORED.search(name):
                    continue
                relative = str(path.relative_to(self.work))
                status = path.stat()
                cached = self.hashes.get(relative)
                if cached and cached[:2] == (status.st_size, status.st_mtime_ns):
                    found[relative] = cached
                    continue
                digest = "" if INTERNAL.search(name) else hashlib.sha256(path.read_bytes()).hexdigest()
                found[relative] = self.hashes[relative] = (status.st_size, status.st_mtime_ns, digest)
        return found

    def show_file(self, relative: str, mark: str) -> None:
        path = self.work / relative
        if INTERNAL.search(relative):
            self.say(f"{mark} {relative}  [database file: not shown]")
            return
        notes, lines = describe_file(path)
        self.say(f"{mark} {relative}  [{', '.join(notes)}]")
        for line in lines:
            self.say("  | " + line)

    def wrote(self, relative: str, why: str) -> None:
        """A file the harness itself made (an input for a later step)."""
        self.say("")
        self.say(f"--- harness wrote {relative}: {why}")
        self.show_file(relative, "=")

    # one command ----------------------------------------------------------------------------------------
    def run(self, title: str, args: list[str], *, password: str | None = None, new_password: str | None = None,
            env: dict[str, str] | None = None, day: int = 0, quiet_files: bool = False,
            sort_stdout: str | None = None, subs: tuple[str, str, str] | None = None) -> Result:
        self.step += 1
        env_shown = {}
        environment = dict(self.base_env)
        if password is not None:
            environment["MIZAN_PASSWORD"] = password
            env_shown["MIZAN_PASSWORD"] = _pw_name(password)
        if new_password is not None:
            environment["MIZAN_NEW_PASSWORD"] = new_password
            env_shown["MIZAN_NEW_PASSWORD"] = _pw_name(new_password)
        for key, value in (env or {}).items():
            environment[key] = value
            if key == "MIZAN_RECOVERY_KEY" and value.upper().replace(" ", "-") == self.recovery_key:
                env_shown[key] = "<recovery key of init, in lower case with spaces>"
            elif value in PASSWORDS.values() or value == KEY_BACKUP_PASSPHRASE:
                env_shown[key] = _pw_name(value)
            else:
                env_shown[key] = repr(value)
        clock = "real clock"
        if self.libfaketime:
            now = self.fake_now(day)
            environment["LD_PRELOAD"] = self.libfaketime
            environment["FAKETIME"] = "@" + now.strftime("%Y-%m-%d %H:%M:%S")
            environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
            clock = f"clock {now:%Y-%m-%d} (day {day:+d})"
        before = self._tree()
        started = time.monotonic()
        with open(os.devnull, "rb") as devnull:
            done = subprocess.run([str(self.python), str(self.repo / "main.py"), *args], cwd=self.work,
                                  stdin=devnull, capture_output=True, env=environment)
        elapsed = time.monotonic() - started
        self.timings.append((elapsed, f"{self.step:03d} {title}"))
        after = self._tree()
        out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
        self.say("")
        self.say(f"=== {self.step:03d} {title}   [{clock}]")
        self.say("$ mizan " + " ".join(_quote(a) for a in args))
        if env_shown:
            self.say("env: " + " ".join(f"{k}={v}" for k, v in env_shown.items()))
        self.say(f"exit: {done.returncode}")
        if subs:
            # (pattern, replacement, why): a figure this one command prints that varies from run to run
            pattern, replacement, why = subs
            self.say(f"(clisnap replaced {pattern!r} in stdout by {replacement!r}: {why})")
            out = re.sub(pattern, replacement, out)
        if sort_stdout and out:
            # the app orders these lines by a random id: sorted here, after normalising, so runs compare
            self.say(f"(stdout lines sorted by clisnap: {sort_stdout})")
            lines = sorted(self.norm(line) for line in out.rstrip("\n").split("\n"))
            self.block("stdout", "\n".join(lines) + "\n")
        else:
            self.block("stdout", out)
        self.block("stderr", err)
        by_name = lambda names: sorted(sorted(names), key=self.norm)  # noqa: E731 - stable across runs
        created = by_name(set(after) - set(before))
        removed = by_name(set(before) - set(after))
        changed = by_name(k for k in set(before) & set(after) if before[k][2] != after[k][2]
                          and not INTERNAL.search(k))
        if not (created or removed or changed):
            self.say("files: no change")
        else:
            self.say("files:")
            for name in created:
                if quiet_files and not INTERNAL.search(name):
                    self.say(f"+ {name}  [not shown]")
                else:
                    self.show_file(name, "+")
            for name in changed:
                self.show_file(name, "~")
            for name in removed:
                self.say(f"- {name}")
        return Result(done.returncode, out, err)


def _pw_name(value: str) -> str:
    for user, password in PASSWORDS.items():
        if password == value:
            return f"<password of {user}>"
    if value == OMAR_NEW:
        return "<new password of omar>"
    if value == KEY_BACKUP_PASSPHRASE:
        return "<key backup passphrase>"
    return repr(value)


def _quote(arg: str) -> str:
    return arg if re.fullmatch(r"[A-Za-z0-9_./=:@,+-]+", arg) else "'" + arg.replace("'", "'\\''") + "'"


# -- the harness's own files -------------------------------------------------------------------------------

def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def single_total_indicators(rows: list[dict[str, str]]) -> list[str]:
    """Indicators with one row, the total, and a plain value (no numerator): the easy ones to vary."""
    by_indicator: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_indicator.setdefault(row["indicator"], []).append(row)
    return [code for code, group in by_indicator.items()
            if len(group) == 1 and group[0]["cell"] == "total" and not group[0].get("numerator")
            and group[0].get("value") not in (None, "")]


def last_match(pattern: str, text: str) -> str:
    found = re.findall(pattern, text)
    if not found:
        raise SystemExit(f"clisnap: expected {pattern!r} in:\n{text}")
    return found[-1]


# -- the scenario -----------------------------------------------------------------------------------------

def scenario(s: Snapshot, faking: bool) -> None:  # noqa: C901 - one long, linear story on purpose
    W = s.work
    for folder in ("out", "usb", "usb2", "inbox", "rcpt", "rcpt2", "reports", "prov", "newpc"):
        (W / folder).mkdir()
    A, S_, O, K = PASSWORDS["amina"], PASSWORDS["sana"], PASSWORDS["omar"], PASSWORDS["kamal"]  # noqa: E741  (passwords by user initial)
    B, BN, R, C, T, P = (PASSWORDS[n] for n in ("bilal", "bina", "root", "clara", "rita", "pat"))
    q1 = ["--db", "q1.db"]
    q2 = ["--db", "q2.db"]
    c = ["--db", "c.db"]
    prov = ["--db", "prov/prov.db"]

    s.section("no database needed")
    s.run("version", ["--version"])
    s.run("help", ["--help"])
    s.run("usage: unknown command", ["frobnicate"])
    s.run("usage: report kind not a choice", ["--db", "q1.db", "report", "--kind", "nope", "--out", "x.csv"])
    s.run("usage: template without --out", ["--db", "q1.db", "template", "--period", "2026-10"])
    s.run("usage: no database there", ["--db", "missing.db", "--user", "amina", "values"], password=A)
    s.run("usage: init district without --district", ["--db", "x.db", "init", "--role", "district",
                                                      "--admin", "amina"], password=A)
    s.run("usage: init without a password (stdin is not a terminal)", ["--db", "x.db", "init", "--role", "centre",
                                                                       "--admin", "root"])

    s.section("district PC 1 (QUETTA): users")
    init = s.run("init district", [*q1, "init", "--role", "district", "--district", "QUETTA",
                                   "--device-name", "Quetta DPO", "--admin", "amina"], password=A)
    recovery_key = s.recovery_key = last_match(r"\n\s+([A-Z0-9]{4}(?:-[A-Z0-9]{4}){7})\s*\n", init.out)
    s.run("init again over the same file", [*q1, "init", "--role", "district", "--district", "QUETTA",
                                            "--admin", "amina"], password=A)
    s.run("user list (the only user, no --user)", [*q1, "user", "list"], password=A)
    s.run("user add supervisor", [*q1, "--user", "amina", "user", "add", "sana", "--role", "supervisor"],
          password=A, new_password=S_)
    s.run("user add operator", [*q1, "--user", "amina", "user", "add", "omar", "--role", "operator"],
          password=A, new_password=O)
    s.run("user add: a clerk at a district", [*q1, "--user", "amina", "user", "add", "kamal", "--role", "clerk"],
          password=A, new_password=K)
    s.run("user add a second operator", [*q1, "--user", "amina", "user", "add", "kamal", "--role", "operator"],
          password=A, new_password=K)
    s.run("user add: a bad name and a short password", [*q1, "--user", "amina", "user", "add", "x y",
                                                        "--role", "operator"], password=A, new_password="short")
    s.run("user add: a taken name", [*q1, "--user", "amina", "user", "add", "omar", "--role", "operator"],
          password=A, new_password=O)
    s.run("usage: who am I (several users, no --user)", [*q1, "user", "list"], password=A)
    s.run("user list --json", [*q1, "--user", "sana", "user", "list", "--json"], password=S_)
    s.run("permission: operator adds a user", [*q1, "--user", "omar", "user", "add", "zed", "--role", "operator"],
          password=O, new_password=O)
    s.run("permission: supervisor adds an admin", [*q1, "--user", "sana", "user", "add", "zed", "--role", "admin"],
          password=S_, new_password=O)
    s.run("user passwd", [*q1, "--user", "amina", "user", "passwd", "omar"], password=A, new_password=OMAR_NEW)
    for attempt in range(1, 6):
        s.run(f"wrong password {attempt} of 5", [*q1, "--user", "omar", "values"], password=O)
    s.run("locked out, even with the right password", [*q1, "--user", "omar", "values"], password=OMAR_NEW)
    s.run("user list shows the lock", [*q1, "--user", "amina", "user", "list"], password=A)
    s.run("user unlock (supervisor)", [*q1, "--user", "sana", "user", "unlock", "omar"], password=S_)
    s.run("new password works", [*q1, "--user", "omar", "values"], password=OMAR_NEW)
    s.run("user remove", [*q1, "--user", "amina", "user", "remove", "kamal"], password=A)
    s.run("removed user cannot sign in", [*q1, "--user", "kamal", "values"], password=K)
    s.run("unknown user", [*q1, "--user", "nobody", "values"], password=K)
    s.run("user list after changes", [*q1, "--user", "amina", "user", "list"], password=A)

    s.section("district PC 1: demo, values, validate, audit")
    s.run("demo district", [*q1, "--user", "sana", "demo", "--seed", "7", "--months", "6"], password=S_)
    s.run("demo again refuses", [*q1, "--user", "sana", "demo", "--seed", "7", "--months", "6"], password=S_)
    s.run("demo: months out of range", [*q1, "--user", "sana", "demo", "--months", "0", "--force"], password=S_)
    s.run("values (all)", [*q1, "--user", "omar", "values"], password=OMAR_NEW)
    s.run("values --period --json", [*q1, "--user", "omar", "values", "--period", "2026-10", "--json"],
          password=OMAR_NEW)
    s.run("values --district --period", [*q1, "--user", "omar", "values", "--district", "QUETTA",
                                         "--period", "2026-06"], password=OMAR_NEW)
    s.run("values of a quarter", [*q1, "--user", "omar", "values", "--period", "2026Q3"], password=OMAR_NEW)
    s.run("values with MIZAN_DB and MIZAN_USER instead of --db and --user", ["values", "--period", "2026Q3"],
          password=OMAR_NEW, env={"MIZAN_DB": "q1.db", "MIZAN_USER": "omar"})
    s.run("usage: no --db nor MIZAN_DB, nothing in the user data folder", ["--user", "omar", "values"],
          password=OMAR_NEW)
    s.run("values of another district (none)", [*q1, "--user", "omar", "values", "--district", "GWADAR"],
          password=OMAR_NEW)
    s.run("validate", [*q1, "--user", "sana", "validate"], password=S_)
    s.run("validate --json", [*q1, "--user", "sana", "validate", "--json"], password=S_)
    s.run("audit verify", [*q1, "--user", "amina", "audit", "verify"], password=A)
    s.run("audit verify --json", [*q1, "--user", "amina", "audit", "verify", "--json"], password=A)

    s.section("district PC 1: templates and loads")
    s.run("template csv (a month with data)", [*q1, "--user", "sana", "template", "--period", "2026-10",
                                               "--out", "out/t-2026-10.csv"], password=S_)
    s.run("template csv (a month to fill)", [*q1, "--user", "sana", "template", "--period", "2026-11",
                                             "--out", "out/t-2026-11.csv"], password=S_)
    s.run("template xlsx", [*q1, "--user", "sana", "template", "--period", "2026-11", "--out",
                            "out/t-2026-11.xlsx"], password=S_)
    s.run("template of a quarter", [*q1, "--user", "sana", "template", "--period", "2026Q3", "--out",
                                    "out/t-2026Q3.csv"], password=S_)
    s.run("template of a future month", [*q1, "--user", "sana", "template", "--period", "2027-03", "--out",
                                         "out/t-2027-03.csv"], password=S_)
    s.run("template: not a period", [*q1, "--user", "sana", "template", "--period", "Oct-2026", "--out",
                                     "out/bad.csv"], password=S_)
    s.run("template: not a sheet type", [*q1, "--user", "sana", "template", "--period", "2026-11", "--out",
                                         "out/t.txt"], password=S_)

    header, last_month = read_csv(W / "out/t-2026-10.csv")
    _, to_fill = read_csv(W / "out/t-2026-11.csv")
    previous = {(row["indicator"], row["cell"]): row for row in last_month}
    simple = single_total_indicators(last_month)
    blank_indicator, outlier_indicator, conflict_indicator = simple[0], simple[1], simple[2]
    good = []
    for row in to_fill:
        row = dict(row)
        source = previous.get((row["indicator"], row["cell"]))
        if source and row["indicator"] != blank_indicator:
            for column in ("value", "numerator", "denominator"):
                row[column] = source.get(column, "")
        if row["indicator"] == outlier_indicator and row["cell"] == "total":
            row["value"] = str(int(float(previous[(outlier_indicator, "total")]["value"])) * 6 + 40)
            row["comment"] = "checked against the register"
        good.append(row)
    write_csv(W / "good.csv", header, good)
    s.wrote("good.csv", f"the 2026-11 template filled with 2026-10's figures; {blank_indicator} left blank; "
                        f"{outlier_indicator} six times higher, with a comment")
    bad = [dict(row) for row in good]
    numbered = [row for row in bad if row["value"]]
    numbered[0]["value"] = "twelve"
    numbered[1]["value"] = "-5"
    numbered[2]["district"] = "GWADAR"
    numbered[3]["indicator"] = "XXX-99"
    numbered[4]["period"] = "2027-01"
    numbered[5]["cell"] = "no_such=cell"
    for row in bad:
        if row["indicator"] == outlier_indicator:
            row["comment"] = ""
    write_csv(W / "bad.csv", header, bad)
    s.wrote("bad.csv", "good.csv with a word, a negative, another district, an unknown indicator, a future "
                       "period, an unknown cell and the outlier without comment")
    write_csv(W / "dup.csv", header, [*good[:3], dict(good[1])])
    s.wrote("dup.csv", "three rows of good.csv and its second row again")

    s.run("load bad (exit 3)", [*q1, "--user", "omar", "load", "bad.csv"], password=OMAR_NEW)
    s.run("load bad --json", [*q1, "--user", "omar", "load", "bad.csv", "--json"], password=OMAR_NEW)
    s.run("load a duplicated row (exit 3)", [*q1, "--user", "omar", "load", "dup.csv"], password=OMAR_NEW)
    s.run("load --dry-run", [*q1, "--user", "omar", "load", "good.csv", "--dry-run"], password=OMAR_NEW)
    s.run("load --dry-run --json", [*q1, "--user", "omar", "load", "good.csv", "--dry-run", "--json"],
          password=OMAR_NEW)
    s.run("values 2026-11 still empty", [*q1, "--user", "omar", "values", "--period", "2026-11"], password=OMAR_NEW)
    s.run("load good", [*q1, "--user", "omar", "load", "good.csv"], password=OMAR_NEW)
    s.run("load good again --json (unchanged)", [*q1, "--user", "omar", "load", "good.csv", "--json"],
          password=OMAR_NEW)
    s.run("load a missing file", [*q1, "--user", "omar", "load", "nothing-here.csv"], password=OMAR_NEW)
    (W / "empty.csv").write_text("", encoding="utf-8")
    s.wrote("empty.csv", "an empty file")
    s.run("load an empty file", [*q1, "--user", "omar", "load", "empty.csv"], password=OMAR_NEW)

    import openpyxl

    book = openpyxl.load_workbook(W / "out/t-2026-11.xlsx")
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[1]}
    changed = 0
    for row in sheet.iter_rows(min_row=2):
        code, cell_name = row[columns["indicator"] - 1].value, row[columns["cell"] - 1].value
        if code == blank_indicator and cell_name == "total":
            row[columns["value"] - 1].value = int(float(previous[(code, "total")]["value"])) + 1
            changed += 1
    book.save(W / "fill.xlsx")
    s.wrote("fill.xlsx", f"the 2026-11 xlsx template with {blank_indicator} filled in ({changed} row)")
    s.run("load xlsx", [*q1, "--user", "omar", "load", "fill.xlsx"], password=OMAR_NEW)
    s.run("values 2026-11", [*q1, "--user", "omar", "values", "--period", "2026-11"], password=OMAR_NEW)
    s.run("template xlsx again, prefilled", [*q1, "--user", "sana", "template", "--period", "2026-11", "--out",
                                             "out/t-2026-11-filled.xlsx"], password=S_)

    s.section("district PC 1: targets and reports")
    s.run("targets template csv", [*q1, "--user", "sana", "targets", "template", "--year", "2027", "--out",
                                   "out/targets-2027.csv"], password=S_)
    s.run("targets template xlsx", [*q1, "--user", "sana", "targets", "template", "--year", "2027", "--out",
                                    "out/targets-2027.xlsx"], password=S_)
    t_header, t_rows = read_csv(W / "out/targets-2027.csv")
    for index, row in enumerate(t_rows):
        if index % 3 != 2:
            row["target"] = "75" if row.get("unit") == "percent" else str(100 + 37 * index)
    write_csv(W / "targets.csv", t_header, t_rows)
    s.wrote("targets.csv", "the 2027 targets sheet with two rows in three filled")
    bad_targets = [dict(row) for row in t_rows]
    bad_targets[0]["target"] = "lots"
    bad_targets[1]["target"] = "-1"
    bad_targets[3]["indicator"] = "XXX-99"
    bad_targets[4]["year"] = "1999"
    write_csv(W / "targets-bad.csv", t_header, bad_targets)
    s.wrote("targets-bad.csv", "targets.csv with a word, a negative, an unknown indicator and another year")
    s.run("targets load bad (exit 3)", [*q1, "--user", "sana", "targets", "load", "targets-bad.csv"], password=S_)
    s.run("targets load --dry-run", [*q1, "--user", "sana", "targets", "load", "targets.csv", "--dry-run"],
          password=S_)
    s.run("targets load", [*q1, "--user", "sana", "targets", "load", "targets.csv"], password=S_)
    s.run("targets load again --json", [*q1, "--user", "sana", "targets", "load", "targets.csv", "--json"],
          password=S_)
    s.run("targets list --year", [*q1, "--user", "omar", "targets", "list", "--year", "2027"], password=OMAR_NEW)
    s.run("targets list --json", [*q1, "--user", "omar", "targets", "list", "--json"], password=OMAR_NEW)
    s.run("permission: operator loads targets", [*q1, "--user", "omar", "targets", "load", "targets.csv"],
          password=OMAR_NEW)
    for kind in ("progress", "trend", "desk", "completeness"):
        s.run(f"district report {kind} csv", [*q1, "--user", "sana", "report", "--kind", kind, "--out",
                                              f"reports/q1-{kind}.csv"], password=S_)
    s.run("district report progress xlsx --year", [*q1, "--user", "sana", "report", "--kind", "progress",
                                                   "--year", "2026", "--out", "reports/q1-progress.xlsx"], password=S_)
    s.run("district report trend --indicator pdf", [*q1, "--user", "sana", "report", "--kind", "trend",
                                                    "--indicator", outlier_indicator, "--out",
                                                    "reports/q1-trend.pdf"], password=S_)
    s.run("report: not a file type", [*q1, "--user", "sana", "report", "--kind", "desk", "--out", "reports/x.txt"],
          password=S_)

    s.section("district PC 1: backups")
    s.run("backup --out", [*q1, "--user", "sana", "backup", "--out", "out/q1-backup.zip"], password=S_)
    s.run("backup without --out", [*q1, "--user", "sana", "backup"], password=S_)
    s.run("backup list (none automatic yet)", [*q1, "backup", "list"])
    s.run("backup keep 3", [*q1, "--user", "amina", "backup", "keep", "3"], password=A)
    s.run("backup keep 0", [*q1, "--user", "amina", "backup", "keep", "0"], password=A)
    if faking:
        for day in range(1, 5):
            s.run(f"first sign-in of day +{day}: a daily automatic backup", [*q1, "--user", "sana", "audit", "verify"],
                  password=S_, day=day)
        s.run("backup list (three kept)", [*q1, "backup", "list"])
    s.run("permission: operator backs up", [*q1, "--user", "omar", "backup", "--out", "out/omar.zip"],
          password=OMAR_NEW)

    s.section("centre and sync")
    s.run("init centre", [*c, "init", "--role", "centre", "--admin", "root"], password=R)
    s.run("centre user add clerk", [*c, "--user", "root", "user", "add", "clara", "--role", "clerk"],
          password=R, new_password=C)
    exported = s.run("centre keys export", [*c, "--user", "root", "keys", "export", "--out", "centre.key"], password=R)
    centre_print = heard(exported)  # what the centre reads out by phone
    s.run("centre keys backup", [*c, "--user", "root", "keys", "backup", "--out", "out/centre-keys.age"],
          password=R, env={"MIZAN_BACKUP_PASSPHRASE": KEY_BACKUP_PASSPHRASE})
    s.run("centre devices (none)", [*c, "--user", "clara", "devices"], password=C)
    s.run("district export before trusting a centre", [*q1, "--user", "sana", "export", "--out", "usb"],
          password=S_)
    s.run("district keys import without the fingerprint", [*q1, "--user", "amina", "keys", "import", "centre.key"],
          password=A)
    s.run("district keys import", [*q1, "--user", "amina", "keys", "import", "centre.key", "--fingerprint",
                                   centre_print], password=A)
    q1_print = heard(s.run("district keys export (enrollment)", [*q1, "--user", "amina", "keys", "export", "--out",
                                                                 "q1.enroll"], password=A))
    s.run("centre devices enroll", [*c, "--user", "root", "devices", "enroll", "q1.enroll", "--fingerprint", q1_print],
          password=R)
    s.run("centre devices enroll again", [*c, "--user", "root", "devices", "enroll", "q1.enroll", "--fingerprint",
                                          q1_print], password=R)
    s.run("centre devices", [*c, "--user", "clara", "devices"], password=C)
    s.run("district export", [*q1, "--user", "sana", "export", "--out", "usb"], password=S_)
    s.run("district export --json (cumulative)", [*q1, "--user", "sana", "export", "--out", "usb", "--json"],
          password=S_)
    s.run("district export: bad escrow", [*q1, "--user", "sana", "export", "--out", "usb", "--escrow", "nope"],
          password=S_)
    s.run("district export --escrow", [*q1, "--user", "sana", "export", "--out", "usb", "--escrow",
                                       ESCROW_RECIPIENT], password=S_)
    s.run("district export: not a folder", [*q1, "--user", "sana", "export", "--out", "no-such-folder"],
          password=S_)
    s.run("centre export refuses", [*c, "--user", "root", "export", "--out", "usb"], password=R)
    bundles = sorted(p.name for p in (W / "usb").glob("*.mizan"))
    s.run("centre import bundle 1", [*c, "--user", "clara", "import", f"usb/{bundles[0]}"], password=C)
    s.run("centre import bundle 1 again (duplicate)", [*c, "--user", "clara", "import", f"usb/{bundles[0]}"],
          password=C)
    s.run("centre import bundle 2 --json", [*c, "--user", "clara", "import", f"usb/{bundles[1]}", "--json"],
          password=C)
    raw = bytearray((W / "usb" / bundles[2]).read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    (W / "usb2" / "QUETTA-damaged-9.mizan").write_bytes(bytes(raw))
    s.wrote("usb2/QUETTA-damaged-9.mizan", f"{bundles[2]} with one byte flipped in the middle")
    s.run("centre import a damaged bundle (exit 5)", [*c, "--user", "clara", "import",
                                                      "usb2/QUETTA-damaged-9.mizan"], password=C)
    (W / "usb2" / "QUETTA-damaged-9.mizan").unlink()
    s.run("centre import: nothing named", [*c, "--user", "clara", "import"], password=C)
    s.run("centre import an empty folder", [*c, "--user", "clara", "import", "usb2"], password=C)
    s.run("district import refuses", [*q1, "--user", "sana", "import", f"usb/{bundles[0]}"], password=S_)

    s.section("district PC 2 (QUETTA, its clock 15 days ahead): an unknown device, a conflict, a future month")
    ahead = 15 if faking else 0
    s.run("init district PC 2", [*q2, "init", "--role", "district", "--district", "QUETTA", "--device-name",
                                 "Quetta DPO laptop", "--admin", "bilal"], password=B, day=ahead)
    s.run("PC 2 user add supervisor", [*q2, "--user", "bilal", "user", "add", "bina", "--role", "supervisor"],
          password=B, new_password=BN, day=ahead)
    s.run("PC 2 keys import", [*q2, "--user", "bilal", "keys", "import", "centre.key", "--fingerprint", centre_print],
          password=B, day=ahead)
    s.run("PC 2 template 2026-11", [*q2, "--user", "bina", "template", "--period", "2026-11", "--out",
                                    "out/q2-2026-11.csv"], password=BN, day=ahead)
    q2_header, q2_rows = read_csv(W / "out/q2-2026-11.csv")
    picked = [row for row in q2_rows if row["indicator"] == conflict_indicator and row["cell"] == "total"]
    picked[0]["value"] = str(int(float(previous[(conflict_indicator, "total")]["value"])) + 3)
    write_csv(W / "q2-2026-11.csv", q2_header, picked)
    s.wrote("q2-2026-11.csv", f"{conflict_indicator} for 2026-11, 3 more than PC 1 loaded")
    s.run("PC 2 load 2026-11", [*q2, "--user", "bina", "load", "q2-2026-11.csv"], password=BN, day=ahead)
    if faking:
        s.run("PC 2 template 2026-12", [*q2, "--user", "bina", "template", "--period", "2026-12", "--out",
                                        "out/q2-2026-12.csv"], password=BN, day=ahead)
        q2_header, q2_rows = read_csv(W / "out/q2-2026-12.csv")
        picked = [row for row in q2_rows if row["indicator"] in simple[3:5] and row["cell"] == "total"]
        for row in picked:
            row["value"] = str(int(float(previous[(row["indicator"], "total")]["value"])))
        write_csv(W / "q2-2026-12.csv", q2_header, picked)
        s.wrote("q2-2026-12.csv", f"{simple[3]} and {simple[4]} for 2026-12 (still the future at the centre)")
        s.run("PC 2 load 2026-12", [*q2, "--user", "bina", "load", "q2-2026-12.csv"], password=BN, day=ahead)
    s.run("PC 2 export", [*q2, "--user", "bina", "export", "--out", "usb2"], password=BN, day=ahead)
    pc2_bundle = sorted(p.name for p in (W / "usb2").glob("*.mizan"))[0]
    s.run("centre import from an unknown device (exit 5)", [*c, "--user", "clara", "import",
           f"usb2/{pc2_bundle}"], password=C)
    s.run("centre devices enroll a bundle without --fingerprint (exit 2)",
          [*c, "--user", "root", "devices", "enroll", f"usb2/{pc2_bundle}"], password=R)
    s.run("centre devices enroll with a wrong fingerprint",
          [*c, "--user", "root", "devices", "enroll", f"usb2/{pc2_bundle}", "--fingerprint", "AAAA-BBBB-CCCC-DDDD"],
          password=R)
    # The refusal no longer shows the fingerprint the bundle claims (issue 11): PC 2 reads out its own.
    fingerprint = heard(s.run("PC 2 keys export (its fingerprint, read out by phone)",
                              [*q2, "--user", "bilal", "keys", "export", "--out", "q2.enroll"], password=B, day=ahead))
    s.run("centre devices enroll with the fingerprint read out",
          [*c, "--user", "root", "devices", "enroll", f"usb2/{pc2_bundle}", "--fingerprint", fingerprint.lower()],
          password=R)
    # bundles 1 and 2 were imported by name already (an inbox skips them by their SHA-256); bundle 3 stays
    # out: an inbox imports in file name order, and the names start with random device ids
    for name in [*bundles[:2], pc2_bundle]:
        source = W / ("usb" if name in bundles else "usb2") / name
        shutil.copy2(source, W / "inbox" / name)
    (W / "inbox" / "notes.txt").write_text("not a bundle\n", encoding="utf-8")
    settled = s.next_epoch() - 3600
    for path in (W / "inbox").iterdir():
        os.utime(path, (settled, settled))
    s.wrote("inbox/notes.txt", "beside copies of PC 1's bundles 1 and 2 and PC 2's bundle 1, all dated an hour "
                               "before the next step")
    s.run("centre import --inbox", [*c, "--user", "clara", "import", "--inbox", "inbox"], password=C)
    s.run("centre import --inbox again (nothing new)", [*c, "--user", "clara", "import", "--inbox", "inbox",
                                                        "--json"], password=C)
    s.run("centre import bundle 3 (also encrypted to an escrow key)", [*c, "--user", "clara", "import",
                                                                        f"usb/{bundles[2]}"], password=C)
    s.run("centre devices", [*c, "--user", "clara", "devices"], password=C)
    s.run("centre devices --json", [*c, "--user", "clara", "devices", "--json"], password=C)

    s.section("centre: conflicts and quarantine")
    listed = s.run("conflicts", [*c, "--user", "clara", "conflicts"], password=C)
    s.run("conflicts list --json", [*c, "--user", "clara", "conflicts", "list", "--json"], password=C)
    conflict_ids = re.findall(r"^(\d+): ", listed.out, flags=re.M)
    if conflict_ids:
        s.run("conflicts resolve --keep stored", [*c, "--user", "clara", "conflicts", "resolve", conflict_ids[0],
                                                  "--keep", "stored"], password=C)
    s.run("conflicts resolve: no such conflict", [*c, "--user", "clara", "conflicts", "resolve", "999",
                                                  "--keep", "incoming"], password=C)
    s.run("conflicts after", [*c, "--user", "clara", "conflicts"], password=C)
    s.run("values at the centre (QUETTA, 2026-11)", [*c, "--user", "clara", "values", "--district", "QUETTA",
                                                     "--period", "2026-11"], password=C)
    s.run("quarantine", [*c, "--user", "clara", "quarantine"], password=C)
    s.run("quarantine list --json --limit 1", [*c, "--user", "clara", "quarantine", "list", "--json",
                                               "--limit", "1"], password=C)
    s.run("quarantine recheck (same day: still in the future)", [*c, "--user", "clara", "quarantine", "recheck"],
          password=C)
    later = 16 if faking else 0
    s.run("quarantine recheck --json (on 2026-12-06)", [*c, "--user", "clara", "quarantine", "recheck", "--json"],
          password=C, day=later)
    s.run("quarantine --json after", [*c, "--user", "clara", "quarantine", "--json"], password=C, day=later)
    s.run("values at the centre (QUETTA, 2026-12)", [*c, "--user", "clara", "values", "--district", "QUETTA",
                                                     "--period", "2026-12", "--json"], password=C, day=later)
    s.run("centre validate", [*c, "--user", "clara", "validate"], password=C, day=later)
    s.run("centre audit verify", [*c, "--user", "root", "audit", "verify", "--json"], password=R, day=later)
    s.run("centre report completeness csv", [*c, "--user", "clara", "report", "--kind", "completeness", "--out",
                                             "reports/c-completeness.csv"], password=C, day=later)

    s.section("receipts")
    by_device = "receipts come in device id order"
    written = s.run("centre receipt", [*c, "--user", "clara", "receipt", "--out", "rcpt"], password=C, day=later,
                    sort_stdout=by_device)
    s.run("centre receipt --today", [*c, "--user", "clara", "receipt", "--out", "rcpt2", "--today"], password=C,
          day=later)
    s.run("centre receipt --today on the day of the imports", [*c, "--user", "clara", "receipt", "--out", "rcpt2",
                                                                "--today"], password=C, sort_stdout=by_device)
    enrollment = (W / "q1.enroll").read_text(encoding="utf-8")
    q1_device = last_match(r"device-id: (\S+)", enrollment)
    receipts = re.findall(r"^Wrote (\S+)$", written.out, flags=re.M)
    mine = [path for path in receipts if f"-{q1_device[:8]}-" in path]
    others = [path for path in receipts if f"-{q1_device[:8]}-" not in path]
    if others:
        s.run("district receipt-import of PC 2's receipt (exit 5)", [*q1, "--user", "sana", "receipt-import",
                                                                      others[0]], password=S_)
    s.run("district receipt-import", [*q1, "--user", "sana", "receipt-import", mine[0]], password=S_)
    s.run("district receipt-import again", [*q1, "--user", "sana", "receipt-import", mine[0]], password=S_)
    s.run("district receipt-import: not a receipt", [*q1, "--user", "sana", "receipt-import", "centre.key"],
          password=S_)
    after_receipt = s.run("district export after the receipt (only what changed)",
                          [*q1, "--user", "sana", "export", "--out", "usb", "--json"], password=S_)
    old_key_bundle = json.loads(after_receipt.out)["bundle"]

    s.section("keys: rotate, backup and restore, revoke")
    rotated_print = heard(s.run("centre keys rotate", [*c, "--user", "root", "keys", "rotate", "--out", "centre-2.key"],
                                password=R))
    s.run("district keys import of a new key without --replace", [*q1, "--user", "amina", "keys", "import",
                                                                   "centre-2.key", "--fingerprint", rotated_print],
          password=A)
    s.run("district keys import --replace", [*q1, "--user", "amina", "keys", "import", "centre-2.key",
                                             "--replace", "--fingerprint", rotated_print], password=A)
    s.run("district keys import: a file that is not a key", [*q1, "--user", "amina", "keys", "import",
                                                              "good.csv"], password=A)
    s.run("district export to the new key", [*q1, "--user", "sana", "export", "--out", "usb"], password=S_)
    newest = max((W / "usb").glob("*.mizan"), key=lambda p: int(p.stem.rsplit("-", 1)[1])).name
    s.run("centre import it", [*c, "--user", "clara", "import", f"usb/{newest}"], password=C)
    s.run("centre imports a bundle made for the old key", [*c, "--user", "clara", "import", old_key_bundle],
          password=C)
    s.run("init centre 2", [*["--db", "c2.db"], "init", "--role", "centre", "--admin", "rita"], password=T)
    s.run("centre 2 keys restore: wrong passphrase", ["--db", "c2.db", "--user", "rita", "keys", "restore",
                                                      "out/centre-keys.age"], password=T,
          env={"MIZAN_BACKUP_PASSPHRASE": "wrong passphrase"})
    s.run("centre 2 keys restore (the first centre's fingerprint)", ["--db", "c2.db", "--user", "rita", "keys",
                                                                     "restore", "out/centre-keys.age"], password=T,
          env={"MIZAN_BACKUP_PASSPHRASE": KEY_BACKUP_PASSPHRASE})
    overview = json.loads(_devices_json(s, c, C))
    pc2_id = next(device["device"] for district in overview for device in district["devices"]
                  if device["device_name"] == "Quetta DPO laptop")
    s.run("centre devices revoke PC 2", [*c, "--user", "root", "devices", "revoke", pc2_id], password=R)
    s.run("centre devices revoke: no such device", [*c, "--user", "root", "devices", "revoke", "nope"], password=R)
    s.run("PC 2 keys import --replace", [*q2, "--user", "bilal", "keys", "import", "centre-2.key", "--replace",
                                              "--fingerprint", rotated_print],
          password=B, day=ahead)
    s.run("PC 2 export after revocation", [*q2, "--user", "bina", "export", "--out", "usb2"], password=BN, day=ahead)
    newest2 = max((W / "usb2").glob("*.mizan"), key=lambda p: int(p.stem.rsplit("-", 1)[1])).name
    s.run("centre import from a revoked device (exit 5)", [*c, "--user", "clara", "import", f"usb2/{newest2}"],
          password=C)
    s.run("centre devices after", [*c, "--user", "clara", "devices"], password=C)
    s.run("centre backup list", [*c, "backup", "list"])

    s.section("restore")
    s.run("restore: not a backup (exit 5)", [*q1, "--user", "sana", "restore", "centre.key"], password=S_)
    s.run("restore: operator may not", [*q1, "--user", "omar", "restore", "out/q1-backup.zip"], password=OMAR_NEW)
    s.run("restore: who restores?", [*q1, "restore", "out/q1-backup.zip"], password=S_)
    for suffix in ("", ".keys", ".revoked"):
        if (W / f"c.db{suffix}").exists():
            shutil.copy2(W / f"c.db{suffix}", W / f"c-copy.db{suffix}")
    s.note("harness copied c.db, c.db.keys and c.db.revoked to c-copy.db*")
    s.run("restore a district's backup over (a copy of) the centre", ["--db", "c-copy.db", "--user", "sana",
                                                                     "restore", "out/q1-backup.zip"], password=S_)
    s.run("restore onto a new PC (no database there yet)", ["--db", "newpc/q1.db", "--user", "sana", "restore",
                                                            "out/q1-backup.zip"], password=S_)
    s.run("the restored copy opens", ["--db", "newpc/q1.db", "--user", "omar", "values", "--period", "2026-11"],
          password=OMAR_NEW)
    s.run("restore --user", [*q1, "--user", "sana", "restore", "out/q1-backup.zip"], password=S_)
    s.run("values 2026-11 after restore", [*q1, "--user", "omar", "values", "--period", "2026-11"], password=OMAR_NEW)
    s.run("export after restore (the backup predates trusting the centre)", [*q1, "--user", "sana", "export",
                                                                             "--out", "usb"], password=S_)
    s.run("restore --recovery-key", [*q1, "restore", "out/q1-backup.zip", "--recovery-key"],
          env={"MIZAN_RECOVERY_KEY": recovery_key.lower().replace("-", " ")})
    s.run("restore --recovery-key: a wrong key", [*q1, "restore", "out/q1-backup.zip", "--recovery-key"],
          env={"MIZAN_RECOVERY_KEY": "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"})
    s.run("audit verify after restores", [*q1, "--user", "amina", "audit", "verify"], password=A)
    s.run("backup list --json", [*q1, "backup", "list", "--json"],
          subs=(r'("bytes": )\d+', r'\1"<ZIP SIZE>"', "a backup file's size varies by a byte or two as its "
                                                        "deflated key file holds random salts and keys"))

    s.section("the province (centre demo): values, validate, targets, every report")
    s.run("init centre (province)", [*prov, "init", "--role", "centre", "--admin", "pat"], password=P)
    s.run("demo centre", [*prov, "--user", "pat", "demo", "--seed", "11", "--months", "6"], password=P)
    s.run("values --district --period", [*prov, "--user", "pat", "values", "--district", "GWADAR", "--period",
                                         "2026-10"], password=P)
    s.run("values --period --json", [*prov, "--user", "pat", "values", "--period", "2026Q3", "--json"], password=P)
    s.run("validate --json", [*prov, "--user", "pat", "validate", "--json"], password=P)
    s.run("targets list --year --json", [*prov, "--user", "pat", "targets", "list", "--year", "2026", "--json"],
          password=P)
    s.run("template at the centre without --district", [*prov, "--user", "pat", "template", "--period", "2026-10",
                                                        "--out", "prov/t.csv"], password=P)
    s.run("template at the centre --district", [*prov, "--user", "pat", "template", "--period", "2026-10",
                                                "--district", "GWADAR", "--out", "prov/t-gwadar.csv"], password=P)
    for kind in ("progress", "trend", "desk", "completeness"):
        for extension in ("csv", "xlsx", "pdf"):
            s.run(f"report {kind} {extension}", [*prov, "--user", "pat", "report", "--kind", kind, "--out",
                                                 f"prov/{kind}.{extension}"], password=P)
    s.run("report progress --period --district csv", [*prov, "--user", "pat", "report", "--kind", "progress",
                                                      "--period", "2026Q3", "--district", "QUETTA", "--district",
                                                      "GWADAR", "--out", "prov/progress-q3.csv"], password=P)
    s.run("report trend --indicator --indicator xlsx", [*prov, "--user", "pat", "report", "--kind", "trend",
                                                        "--indicator", "POL-01", "--indicator", "POL-04",
                                                        "--out", "prov/trend-two.xlsx"], password=P)
    s.run("report desk --year csv", [*prov, "--user", "pat", "report", "--kind", "desk", "--year", "2026",
                                     "--out", "prov/desk-2026.csv"], password=P)
    s.run("report trend --indicator csv --json", [*prov, "--user", "pat", "report", "--kind", "trend", "--indicator",
                                                  "PRO-04", "--out", "prov/trend-pro-04.csv", "--json"], password=P)
    s.run("report: an unknown indicator", [*prov, "--user", "pat", "report", "--kind", "trend", "--indicator",
                                           "XXX-99", "--out", "prov/x.csv"], password=P)
    s.run("report: an unknown district", [*prov, "--user", "pat", "report", "--kind", "completeness",
                                          "--district", "ATLANTIS", "--out", "prov/x.csv"], password=P)
    s.run("self-test", ["--self-test"])


def _devices_json(s: Snapshot, c: list[str], password: str) -> str:
    return s.run("centre devices --json (to find PC 2)", [*c, "--user", "clara", "devices", "--json"],
                 password=password).out


# -- main -------------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", required=True, type=Path, help="repository root (DIR/main.py, DIR/.venv)")
    parser.add_argument("--out", required=True, type=Path, help="the snapshot file to write")
    parser.add_argument("--python", type=Path, help="default: DIR/.venv/bin/python")
    parser.add_argument("--real-clock", action="store_true",
                        help="do not fake the date with libfaketime (outputs then depend on the day)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path on stderr)")
    args = parser.parse_args()
    repo = args.repo.absolute()
    python = (args.python or repo / ".venv" / "bin" / "python").absolute()
    if not (repo / "main.py").exists() or not python.exists():
        parser.error(f"{repo} has no main.py or {python} does not exist")
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        # read XLSX with the repository's own openpyxl: run this script again with its interpreter
        os.execv(str(python), [str(python), os.path.abspath(__file__), *sys.argv[1:]])
    libfaketime = None
    if not args.real_clock:
        found = sorted(path for pattern in LIBFAKETIME_GLOBS for path in glob.glob(pattern))
        if not found:
            sys.exit("clisnap: libfaketime is needed to fix the date (apt-get install faketime), "
                     "or run with --real-clock")
        libfaketime = found[0]
    for tool in ("pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            sys.exit(f"clisnap: {tool} is needed (apt-get install poppler-utils)")
    import openpyxl

    work = Path(tempfile.mkdtemp(prefix="clisnap-"))
    started = time.monotonic()
    snap = Snapshot(repo, python, work, libfaketime)
    poppler = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0]
    snap.say(f"clisnap {SNAP_VERSION}: Mizan's command line on the demo", raw=True)
    snap.say(f"python {subprocess.run([str(python), '-c', 'import sys; print(sys.version.split()[0])'], capture_output=True, text=True).stdout.strip()}, "
             f"openpyxl {openpyxl.__version__}, {poppler}", raw=True)
    snap.say("clock: " + ("libfaketime; step n starts at "
                          f"{BASE_DAY} {FIRST_STEP_AT} UTC + n x {STEP_SECONDS} s (+ the days a step names)"
                          if libfaketime else "REAL (--real-clock): outputs depend on the day; date-shifted steps skipped"),
             raw=True)
    try:
        scenario(snap, faking=libfaketime is not None)
    finally:
        took = time.monotonic() - started
        args.out.write_text("\n".join(snap.lines) + "\n", encoding="utf-8")
        print(f"clisnap: {snap.step} commands in {took:.0f} s -> {args.out}", file=sys.stderr)
        for elapsed, title in sorted(snap.timings, reverse=True)[:5]:
            print(f"  {elapsed:5.1f} s  {title}", file=sys.stderr)
        if args.keep:
            print(f"clisnap: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
