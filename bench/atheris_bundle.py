"""Coverage-guided fuzzing (atheris, libFuzzer) of the bundle reader: ZIP safety, manifest, hashes, records.

    .venv/bin/pip install atheris                                  # not a project dependency
    .venv/bin/python bench/atheris_bundle.py -runs=200000           # libFuzzer options pass through
    .venv/bin/python bench/atheris_bundle.py -max_total_time=300 corpus/

The input is a bundle's plaintext (what age decryption yields): ``sync.bundle.open_archive`` must accept it
or raise ``BundleRejected``, and an accepted bundle's records must each come out as a dict or a reason.
Anything else (another exception, a hang libFuzzer notices) is a finding. Seeded with a genuine bundle made
by ``BundleWriter``, so mutations start from the real layout. Not run in CI.
"""

from __future__ import annotations

import base64
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import atheris  # noqa: E402

with atheris.instrument_imports():
    from sync.bundle import RECORD_TYPES, BundleRejected, BundleWriter, OpenedBundle, open_archive

PATH = Path("fuzz.mizan")


def seed_bundle() -> bytes:
    """A genuine bundle's ZIP: a few records of two types, signed with a throwaway key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    device = str(uuid.uuid4())
    writer = BundleWriter()
    for record_type in RECORD_TYPES:
        rows = []
        if record_type == "indicator_values":
            rows = [{"indicator": "PRO-01", "district": "QUETTA", "period": "2026-01", "cell": "total", "value": 4,
                     "numerator": None, "denominator": None, "comment": None, "followup": 0, "entered_by": "sana",
                     "entered_at": "2026-02-01T00:00:00.000000Z", "uuid": str(uuid.uuid4()),
                     "hlc": "1767225600000.000001", "origin_device": device, "deleted": 0}]
        writer.add_records(record_type, iter(rows))
    manifest = {"bundle_id": str(uuid.uuid4()), "device_id": device, "district": "QUETTA", "device_name": "Fuzz",
                "device_public_key": base64.b64encode(key.public_key().public_bytes_raw()).decode(),
                "sequence": 1, "hlc_high": "1767225600000.000001", "baseline": "", "created_at": "2026-02-01",
                "catalogue_version": "1", "app_version": "0", "centre_recipient": "age1x", "escrow_recipients": []}
    return writer.finish(manifest, lambda message: base64.b64encode(key.sign(message)).decode())


def test_one_input(data: bytes) -> None:
    try:
        archive, manifest, _, _ = open_archive(PATH, data)
    except BundleRejected:
        return
    opened = OpenedBundle(PATH, manifest, archive)
    for record_type in RECORD_TYPES:
        for record in opened.records(record_type):
            assert isinstance(record, dict | str)


def main() -> None:
    argv = list(sys.argv)
    corpus = [arg for arg in argv[1:] if not arg.startswith("-") and not Path(arg).is_file()]
    if corpus:  # libFuzzer reads and extends the corpus folder; give it the genuine bundle to start from
        folder = Path(corpus[0])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "genuine.zip").write_bytes(seed_bundle())
    else:
        test_one_input(seed_bundle())  # the genuine bundle itself must pass
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
