"""Every colour of the interface, and the few style sheets made of them, in one place.

One red says "this went wrong" everywhere: the engine's refusal beside an input, a refused grid cell, a
failed action on a status line. Colours that mean a state (saved, waiting, warned, refused) are named
for the state, so two screens cannot drift apart again. The report's status fills are the engine's
(``storage.reports.build.STATUS_COLOURS``): reports on paper and on screen share them.

Text colours are dark enough to read on white, on the light grey of a disabled field and on their own
state's fill (the red on ``ERROR_FILL`` is above 4.5:1, the WCAG AA contrast for body text).
"""

from __future__ import annotations

# -- text ----------------------------------------------------------------------------------------------
ERROR_RED = "#a4000f"  # an error's text: the engine's message, a refused figure, a failed action
WARNING_AMBER = "#8a5a00"  # a warning that needs a comment
OK_GREEN = "#1b5e20"  # an action that went through (a password changed)
NOTE_GREY = "#555"  # a note beside a figure: "all entered", "Reading the figures…"
QUIET_GREY = "#666"  # the unit and period after an indicator's name
HISTORY_GREY = "#7a7f87"  # the last three periods' figures under a cell
DARK_TEXT = "#222"  # text on the light status fills of a report, in any theme

# -- fills (backgrounds of cells) ----------------------------------------------------------------------
ERROR_FILL = "#fbd5d5"  # a cell the engine refused
WARNING_FILL = "#ffe9bf"  # a cell the engine warned about
SAVED_FILL = "#e9f6ec"  # a cell saved in this sitting
PENDING_FILL = "#f1f3f6"  # a cell waiting for its other half (numerator or denominator)
READ_ONLY_FILL = "#f4f4f4"  # a grid that cannot be changed (marked complete, or the role may not)
COMPUTED_FILL = "#f7f7fa"  # a value storage computes (a percent from its numerator and denominator)
ATTENTION_FILL = "#fde2e1"  # needs someone's attention: a district with no PC, or bundles missing
PAPER = "white"  # under a report's charts, drawn transparent for the PDF page

# -- style sheets --------------------------------------------------------------------------------------
ERROR_STYLE = f"color: {ERROR_RED};"
WARNING_STYLE = f"color: {WARNING_AMBER};"
OK_STYLE = f"color: {OK_GREEN};"
NOTE_STYLE = f"color: {NOTE_GREY};"
# Secondary text that follows the theme (dark themes get a light grey): a hint, a path, a drop zone.
PLACEHOLDER_STYLE = "color: palette(placeholder-text);"
BOLD_STYLE = "font-weight: 600;"
