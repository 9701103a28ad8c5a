"""Write docs/examples/action-plan-example.xlsx from storage/tools/plan_example.py (the example results
framework the demo loads): ``.venv/bin/python docs/examples/make_action_plan_example.py``.

The workbook is an EXAMPLE, built from the public record of the Rule of Law Action Plan 2024-2026; its codes,
activities, dates, baselines and targets are illustrative. The centre replaces it with the approved Action
Plan (`plan template`, fill in, `plan load`). tests/test_plan.py checks that the shipped file matches.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from storage.reference.catalogue import load_catalogue  # noqa: E402
from storage.sheets.plan import write_plan_workbook  # noqa: E402
from storage.tools.plan_example import EXAMPLE_BANNER, example_framework  # noqa: E402


def main() -> int:
    out = write_plan_workbook(HERE / "action-plan-example.xlsx", example_framework(), load_catalogue("en"),
                              EXAMPLE_BANNER)
    print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
