"""An EXAMPLE results framework for the Rule of Law Action Plan 2024-2026, for the centre to replace.

Built only from what the public record says about the Action Plan (see docs/examples/action-plan-example.md):
Police Khidmat Markaz, smart police stations, the Serious Crime Investigation Wing (SCIW) with gender desks,
the 15 gender facilitation desks in Quetta (May 2024, INL), gender-responsive policing training, women's
representation across the justice institutions, conviction rates in serious and violent crime (20 % in
2019 to 40 % in 2023), under-trial detention (1,122 under-trial prisoners to 900), the needs assessment on
children deprived of liberty, and the partners and funders (UNODC with UN Women and UNDP; the EU and INL).

Not public, so invented and marked as such: the codes, the activity list, the dates, and every baseline and
target except the conviction rate's 2023 level. The framework's own row says ``example = yes`` and its name
begins with EXAMPLE, so every screen and report can say so. The demo loads it at the centre, and
docs/examples/make_action_plan_example.py writes it as docs/examples/action-plan-example.xlsx.
"""

from __future__ import annotations

from storage.records.plan import Framework, PlanIndicator, PlanItem, PlanTarget

EXAMPLE_BANNER = [
    "EXAMPLE - replace with the approved Action Plan.",
    "Built from the public record of the Rule of Law Action Plan 2024-2026 (docs/examples/action-plan-example.md). "
    "The codes, activities, dates, baselines and targets are ILLUSTRATIVE, not official figures: the centre "
    "replaces this workbook with the approved Action Plan (`plan load`).",
]

NAME = "EXAMPLE - Rule of Law Action Plan 2024-2026 (illustrative; replace with the approved Action Plan)"
NAME_UR = "مثال - رول آف لا ایکشن پلان 2024-2026 (توضیحی؛ منظور شدہ ایکشن پلان سے بدلیں)"
NOTE = ("Example for the centre to replace. From the public record: PKM, smart police stations, SCIW and gender "
        "desks, women in the justice institutions, conviction rate 20% (2019) to 40% (2023), under-trial "
        "prisoners 1,122 to 900. Codes, activities, dates, baselines and targets are illustrative.")

# (code, parent, title, Urdu title, department, partner, start, due)
OBJECTIVES = [
    ("O1", None, "Citizen-centred policing and access to justice for women and girls",
     "شہری مرکوز پولیسنگ اور خواتین و لڑکیوں کے لیے انصاف تک رسائی", "police", "UNODC; INL", "2024-07-01", "2026-12-31"),
    ("O2", None, "Investigation and prosecution of serious and violent crime",
     "سنگین اور پرتشدد جرائم کی تفتیش اور استغاثہ", "prosecution", "UNODC; EU", "2024-07-01", "2026-12-31"),
    ("O3", None, "Fair and humane detention, and alternatives to it",
     "منصفانہ اور انسانی حراست، اور اس کے متبادل", "prisons", "UNODC; EU", "2024-07-01", "2026-12-31"),
    ("O4", None, "Women's representation across the justice institutions",
     "انصاف کے تمام اداروں میں خواتین کی نمائندگی", "home", "UN Women; UNODC", "2024-07-01", "2026-12-31"),
    ("O5", None, "Data-centric, results-based monitoring of the Roadmap",
     "روڈ میپ کی ڈیٹا پر مبنی، نتائج پر مبنی نگرانی", "home", "UNODC; UNDP", "2024-06-12", "2026-12-31"),
]
OUTPUTS = [
    ("OP1.1", "O1", "Police Khidmat Markaz services at the smart police stations",
     "اسمارٹ پولیس اسٹیشنوں پر پولیس خدمت مرکز کی خدمات", "police", "INL", "2024-07-01", "2026-12-31"),
    ("OP1.2", "O1", "Gender facilitation desks serve survivors in Quetta's smart police stations",
     "کوئٹہ کے اسمارٹ پولیس اسٹیشنوں میں جینڈر فیسلیٹیشن ڈیسک متاثرین کی خدمت کرتے ہیں", "police", "INL; UN Women",
     "2024-05-01", "2026-12-31"),
    ("OP2.1", "O2", "Serious Crime Investigation Wing with gender desks and forensic capacity",
     "جینڈر ڈیسک اور فرانزک صلاحیت کے ساتھ سنگین جرائم کی تفتیشی ونگ", "police", "INL; UNODC", "2024-07-01",
     "2026-12-31"),
    ("OP2.2", "O2", "Prosecution quality and police-prosecution cooperation",
     "استغاثہ کا معیار اور پولیس و استغاثہ کا تعاون", "prosecution", "EU; UNODC", "2024-07-01", "2026-12-31"),
    ("OP2.3", "O2", "Criminal case flow in the courts", "عدالتوں میں فوجداری مقدمات کی روانی", "courts", "EU",
     "2025-01-01", "2026-12-31"),
    ("OP3.1", "O3", "Under-trial detention reduced", "زیرِ سماعت قیدیوں کی حراست میں کمی", "prisons", "EU; UNODC",
     "2024-07-01", "2026-12-31"),
    ("OP3.2", "O3", "Probation and parole as alternatives to detention",
     "حراست کے متبادل کے طور پر پروبیشن اور پیرول", "probation", "EU", "2025-01-01", "2026-12-31"),
    ("OP4.1", "O4", "More women in service roles: police, Levies, prosecutors, judges and judicial staff",
     "خدمات میں مزید خواتین: پولیس، لیویز، پراسیکیوٹر، جج اور عدالتی عملہ", "home", "UN Women", "2024-07-01",
     "2026-12-31"),
    ("OP5.1", "O5", "District focal points report complete, timely and approved figures",
     "ضلعی فوکل پرسن مکمل، بروقت اور منظور شدہ اعداد و شمار بھیجتے ہیں", "home", "UNODC; EU", "2024-07-01",
     "2026-12-31"),
]
ACTIVITIES = [
    ("A1.1.1", "OP1.1", "Open Police Khidmat Markaz counters in the smart police stations of Quetta",
     "کوئٹہ کے اسمارٹ پولیس اسٹیشنوں میں پولیس خدمت مرکز کاؤنٹر کھولنا", "police", "INL", "2024-07-01", "2025-06-30"),
    ("A1.1.2", "OP1.1", "Publish PKM service standards (24 hours for tenant registration, crime report and FIR copy)",
     "پولیس خدمت مرکز کے معیارات شائع کرنا (کرایہ دار اندراج، کرائم رپورٹ اور ایف آئی آر نقل کے لیے 24 گھنٹے)",
     "police", "", "2024-09-01", "2025-03-31"),
    ("A1.2.1", "OP1.2", "Run gender facilitation desks in 15 smart police stations in Quetta",
     "کوئٹہ کے 15 اسمارٹ پولیس اسٹیشنوں میں جینڈر فیسلیٹیشن ڈیسک چلانا", "police", "INL", "2024-05-01", "2026-12-31"),
    ("A1.2.2", "OP1.2", "Train desk officers in gender-responsive policing (National Gender Responsive Policing Framework)",
     "ڈیسک افسران کو صنفی حساس پولیسنگ کی تربیت (قومی صنفی حساس پولیسنگ فریم ورک)", "police", "INL; UNODC",
     "2024-04-01", "2025-12-31"),
    ("A1.2.3", "OP1.2", "Referral pathways with Women Development and Social Welfare (shelter, legal aid, psychosocial support)",
     "محکمہ ترقیِ نسواں اور سماجی بہبود کے ساتھ ریفرل کے راستے (دارالامان، قانونی امداد، نفسیاتی معاونت)", "police",
     "UN Women", "2025-01-01", "2026-06-30"),
    ("A2.1.1", "OP2.1", "Establish the Serious Crime Investigation Wing with a gender desk",
     "جینڈر ڈیسک کے ساتھ سنگین جرائم کی تفتیشی ونگ قائم کرنا", "police", "INL", "2024-07-01", "2025-12-31"),
    ("A2.1.2", "OP2.1", "Deploy forensic evidence-collection vehicles; train first responders in crime scene investigation",
     "فرانزک شواہد جمع کرنے والی گاڑیاں فراہم کرنا؛ ابتدائی ردِعمل دینے والوں کو جائے وقوعہ کی تفتیش کی تربیت",
     "police", "INL; UNODC", "2024-07-01", "2026-06-30"),
    ("A2.2.1", "OP2.2", "Joint police-prosecution review of serious-crime case files before the challan",
     "چالان سے پہلے سنگین جرائم کی مسلوں کا پولیس اور استغاثہ کا مشترکہ جائزہ", "prosecution", "EU; UNODC",
     "2024-10-01", "2026-12-31"),
    ("A2.3.1", "OP2.3", "Case-flow management of criminal cases pending over one year",
     "ایک سال سے زائد زیرِ التوا فوجداری مقدمات کا انتظام", "courts", "EU", "2025-01-01", "2026-12-31"),
    ("A3.1.1", "OP3.1", "Review the under-trial prisoners held over one year, district by district",
     "ایک سال سے زائد زیرِ حراست زیرِ سماعت قیدیوں کا ضلع وار جائزہ", "prisons", "EU", "2024-07-01", "2026-12-31"),
    ("A3.1.2", "OP3.1", "Needs assessment on children deprived of liberty",
     "آزادی سے محروم بچوں کی ضروریات کا جائزہ", "prisons", "UNODC", "2024-07-01", "2025-06-30"),
    ("A3.2.1", "OP3.2", "Expand probation and parole supervision in the districts",
     "اضلاع میں پروبیشن اور پیرول کی نگرانی میں توسیع", "probation", "EU", "2025-01-01", "2026-12-31"),
    ("A4.1.1", "OP4.1", "Open more women-only Safe Police Stations", "مزید خواتین کے لیے مخصوص محفوظ پولیس اسٹیشن کھولنا",
     "police", "UN Women", "2024-07-01", "2026-12-31"),
    ("A4.1.2", "OP4.1", "Launch the Women Service Provider Network across the justice institutions",
     "انصاف کے اداروں میں خواتین سروس فراہم کنندگان کا نیٹ ورک شروع کرنا", "home", "UN Women", "2024-07-01",
     "2025-12-31"),
    ("A5.1.1", "OP5.1", "District focal points report through Mizan every month",
     "ضلعی فوکل پرسن ہر ماہ میزان کے ذریعے رپورٹ کرتے ہیں", "home", "UNODC; EU", "2024-07-01", "2026-12-31"),
    ("A5.1.2", "OP5.1", "Quarterly Steering Committee review of progress against provincial targets",
     "صوبائی اہداف کے مقابلے میں پیش رفت کا سہ ماہی اسٹیئرنگ کمیٹی جائزہ", "home", "UNODC", "2024-06-12",
     "2026-12-31"),
]
ILLUSTRATIVE = "illustrative baseline and targets (example)"
# (indicator, output, headline, baseline value, baseline year, note); targets per year below.
INDICATORS = [
    ("POL-12", "OP1.1", "no", None, None, "PKM services delivered; no target (demand-led)"),
    ("POL-13", "OP1.1", "yes", 70, 2024, ILLUSTRATIVE),
    ("POL-09", "OP1.2", "no", None, None, "desk clients (counted from the desk register; small cells suppressed)"),
    ("POL-10", "OP1.2", "no", None, None, "desk clients referred (counted from the desk register)"),
    ("POL-08", "OP1.2", "yes", None, None, "FIRs for violence against women and girls; no target (reporting is encouraged)"),
    ("POL-14", "OP2.1", "no", 40, 2024, ILLUSTRATIVE),
    ("POL-04", "OP2.1", "no", 55, 2024, ILLUSTRATIVE),
    ("PRO-04", "OP2.2", "yes", 40, 2023, "baseline: 40% in 2023 (public record: 20% in 2019); targets illustrative"),
    ("PRO-02", "OP2.2", "no", 30, 2024, ILLUSTRATIVE),
    ("CRT-03", "OP2.3", "yes", None, None, "stock: pending cases at the period's end; targets illustrative"),
    ("CRT-04", "OP2.3", "yes", 85, 2024, ILLUSTRATIVE),
    ("PRS-02", "OP3.1", "yes", 70, 2024, "public record: under-trial prisoners 1,122 to 900; share illustrative"),
    ("PRS-03", "OP3.1", "yes", 30, 2024, ILLUSTRATIVE),
    ("PRS-01", "OP3.1", "yes", None, None, "prison population; its undertrial cells count the under-trial prisoners"),
    ("PRB-03", "OP3.2", "no", 75, 2024, ILLUSTRATIVE),
    ("POL-06", "OP4.1", "no", None, None, "women's share from the sex cells; PRO-07 and CRT-08 in catalogue v2"),
    ("POL-07", "OP4.1", "yes", None, None, "public record: more than 4,000 officers trained; targets illustrative"),
]
TARGETS = {
    "POL-13": (75, 80, 85), "POL-14": (45, 50, 60), "POL-04": (60, 65, 70), "PRO-04": (42, 45, 50),
    "PRO-02": (28, 25, 20), "CRT-04": (90, 95, 100), "PRS-02": (68, 65, 60), "PRS-03": (28, 25, 20),
    "PRB-03": (78, 80, 85), "POL-07": (1500, 1500, 1500), "CRT-03": (52000, 49000, 46000),
}
TARGET_YEARS = (2024, 2025, 2026)


def example_framework() -> Framework:
    """The example framework, every row numbered as the example workbook numbers it (header on row 1)."""
    items = []
    for level, rows in (("objective", OBJECTIVES), ("output", OUTPUTS), ("activity", ACTIVITIES)):
        items += [PlanItem(level, code, parent, title, title_ur, department, partner or None, start, due, number)
                  for number, (code, parent, title, title_ur, department, partner, start, due) in enumerate(rows, start=2)]
    indicators = [PlanIndicator(code, output, headline, baseline, year, note, number)
                  for number, (code, output, headline, baseline, year, note) in enumerate(INDICATORS, start=2)]
    targets = [PlanTarget(code, year, target) for code, yearly in TARGETS.items()
               for year, target in zip(TARGET_YEARS, yearly, strict=True)]
    for number, target in enumerate(targets, start=2):
        target.row = number
    return Framework(NAME, NAME_UR, "yes", NOTE, items, indicators, targets, name_row=2)


# Example progress the demo records (activity, status, percent, days before the demo's last day, evidence).
EXAMPLE_PROGRESS = [
    ("A1.1.1", "on_track", 40, 300, "Counters open at 6 of 15 stations (example)"),
    ("A1.1.1", "done", 100, 90, "All 15 counters open; inspection note of the Delivery Unit (example)"),
    ("A1.1.2", "delayed", 50, 120, "Draft standards with the IG Police's office (example)"),
    ("A1.2.1", "on_track", 80, 60, "15 desks open; monthly desk returns received (example)"),
    ("A1.2.2", "on_track", 60, 200, "35 officers trained, 15 of them women (example)"),
    ("A1.2.2", "on_track", 85, 45, "Second round of training held (example)"),
    ("A1.2.3", "delayed", 20, 30, "Referral agreement awaits Social Welfare's signature (example)"),
    ("A2.1.1", "on_track", 70, 75, "SCIW notified; gender desk staffed (example)"),
    ("A2.1.2", "delayed", 45, 40, "Four of eight vehicles delivered (example)"),
    ("A3.1.2", "done", 100, 150, "Assessment report shared with the Steering Committee (example)"),
    ("A4.1.2", "dropped", 10, 20, "Merged into the Women Service Provider Network of Women Development (example)"),
    ("A5.1.1", "on_track", 90, 10, "Reports received from every district this quarter (example)"),
]
