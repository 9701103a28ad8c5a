"""Rules that compare indicators (``resources/rules.csv``): parsed by a small grammar, never ``eval``.

A rule compares two expressions of one district and period, e.g. that the cases decided behind the
conviction rate are the cases decided behind the acquittal rate::

    PRO-05.denominator[total] == PRO-04.denominator[total]

An expression is a sum of terms, ``TERM (('+' | '-') TERM)*``, and a term is a number or one indicator's
cells: ``CODE ['.' ('numerator' | 'denominator')] '[' CELLS ']'``. ``CELLS`` is ``total``, one cell
(``age=adult;sex=male``), part of one (``detention=undertrial``: the sum of every cell with that option)
or ``*`` (the sum of every cell but the total: a disaggregation against its total). A code, cell or part
the catalogue does not know is refused when the file is read, naming its row and position.

When a figure is missing, a rule follows DHIS2's strategies: ``skip_if_any_missing`` (the rule is not
judged until every figure it names is there) or ``never_skip`` (a missing figure counts as 0).

This module only parses and evaluates; :mod:`storage.validation` turns a broken rule into an issue.
"""

from __future__ import annotations

import csv
import io
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the catalogue parses its rules: importing it at run time would be a cycle
    from storage.reference.catalogue import Catalogue

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le, "<": operator.lt, "==": operator.eq, ">=": operator.ge, ">": operator.gt, "!=": operator.ne,
}
SEVERITIES = ("error", "warning")
STRATEGIES = ("skip_if_any_missing", "never_skip")
PERIOD_TYPES = ("monthly", "quarterly", "annual")
PARTS = ("value", "numerator", "denominator")
RULE_COLUMNS = ("code", "left", "operator", "right", "severity", "period_type", "missing_value_strategy",
                "message", "message_ur")
ALL_CELLS = "*"
# Figures closer than this are equal: a float read back from SQLite is not a broken rule.
TOLERANCE = 1e-6

# (value, numerator, denominator) of one stored cell, or None when it is not there.
Lookup = Callable[[str, str], "tuple | None"]


class RuleSyntaxError(ValueError):
    """A rule the grammar refuses; the message names the file's row and the position in the expression."""


@dataclass(frozen=True)
class Term:
    """A number, or the sum of some cells' figures (value, numerator or denominator) of one indicator."""

    sign: int
    text: str
    constant: float | None = None
    indicator: str | None = None
    part: str = "value"
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Expression:
    """A sum of terms, as written in rules.csv."""

    text: str
    terms: tuple[Term, ...]

    @property
    def indicators(self) -> frozenset[str]:
        return frozenset(term.indicator for term in self.terms if term.indicator)

    def evaluate(self, lookup: Lookup, never_skip: bool) -> float | None:
        """The sum, or None when a figure is missing and missing figures skip the rule."""
        total = 0.0
        index = PARTS.index
        for term in self.terms:
            if term.indicator is None:
                total += term.sign * (term.constant or 0.0)
                continue
            position = index(term.part)
            for cell in term.cells:
                entry = lookup(term.indicator, cell)
                figure = None if entry is None else entry[position]
                if figure is None:
                    if not never_skip:
                        return None
                    continue
                total += term.sign * figure
        return total


@dataclass(frozen=True)
class CrossRule:
    """One row of rules.csv, parsed; ``message`` is in the language the catalogue was read in."""

    code: str
    left: Expression
    operator: str
    right: Expression
    severity: str
    period_type: str
    strategy: str
    message: str
    row: int = field(compare=False)  # where it is in the file: moving a rule does not change it

    @property
    def indicators(self) -> frozenset[str]:
        return self.left.indicators | self.right.indicators

    def operands(self) -> list[tuple[str, str]]:
        """Every (indicator, cell) the rule reads."""
        return [(term.indicator, cell) for side in (self.left, self.right) for term in side.terms
                if term.indicator for cell in term.cells]

    def judge(self, lookup: Lookup) -> tuple[float, float] | None:
        """(left, right) when the rule is broken; None when it holds or is skipped for a missing figure."""
        never_skip = self.strategy == "never_skip"
        left = self.left.evaluate(lookup, never_skip)
        right = None if left is None else self.right.evaluate(lookup, never_skip)
        if left is None or right is None:
            return None
        if self.operator in ("==", "!="):
            equal = abs(left - right) <= TOLERANCE
            holds = equal if self.operator == "==" else not equal
        else:  # a whisker of float noise on the right side of the line is not a broken rule
            holds = OPERATORS[self.operator](left, right) or abs(left - right) <= TOLERANCE and "=" in self.operator
        return None if holds else (left, right)

    @property
    def text(self) -> str:
        return f"{self.left.text} {self.operator} {self.right.text}"


# -- the tokenizer and the parser --------------------------------------------------------------------------

_TOKENS = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<code>[A-Za-z][A-Za-z0-9_]*(?:-\d+[A-Za-z0-9_]*)?)
  | (?P<cells>\[[^\[\]]*\])
  | (?P<symbol>[.+\-])
""", re.VERBOSE)


@dataclass(frozen=True)
class _Token:
    kind: str  # number | code | cells | symbol | end
    text: str
    position: int  # 1-based, in the expression as written


def _tokens(text: str, where: str) -> list[_Token]:
    found, at = [], 0
    while at < len(text):
        match = _TOKENS.match(text, at)
        if match is None:
            raise RuleSyntaxError(f"{where}: expected a number, an indicator, a cell in [ ], '+', '-' or '.' "
                                  f"at position {at + 1}, found {text[at]!r}")
        if match.lastgroup != "space":
            found.append(_Token(match.lastgroup or "", match.group(), at + 1))
        at = match.end()
    found.append(_Token("end", "", len(text) + 1))
    return found


class _Parser:
    """Recursive descent over ``expression := term (('+'|'-') term)*``."""

    def __init__(self, text: str, where: str, catalogue: Catalogue) -> None:
        self.text, self.where, self.catalogue = text, where, catalogue
        self.tokens = _tokens(text, where)
        self.at = 0

    def fail(self, expected: str, token: _Token | None = None) -> RuleSyntaxError:
        token = token or self.tokens[self.at]
        found = "the end" if token.kind == "end" else repr(token.text)
        return RuleSyntaxError(f"{self.where}: expected {expected} at position {token.position}, found {found}")

    def peek(self) -> _Token:
        return self.tokens[self.at]

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def expression(self) -> Expression:
        if self.peek().kind == "end":
            raise self.fail("a number or an indicator such as POL-03[total]")
        terms = [self.term(1)]
        while self.peek().kind == "symbol" and self.peek().text in "+-":
            sign = 1 if self.take().text == "+" else -1
            terms.append(self.term(sign))
        if self.peek().kind != "end":
            raise self.fail("'+', '-' or the end")
        return Expression(self.text.strip(), tuple(terms))

    def term(self, sign: int) -> Term:
        token = self.take()
        if token.kind == "number":
            return Term(sign, token.text, constant=float(token.text))
        if token.kind != "code":
            raise self.fail("a number or an indicator such as POL-03[total]", token)
        indicator = self.catalogue.indicators.get(token.text)
        if indicator is None:
            raise RuleSyntaxError(f"{self.where}: unknown indicator {token.text!r} at position {token.position}")
        part = "value"
        if self.peek().kind == "symbol" and self.peek().text == ".":
            self.take()
            name = self.take()
            if name.kind != "code" or name.text not in ("numerator", "denominator"):
                raise self.fail("'numerator' or 'denominator'", name)
            if not indicator.has_fraction:
                raise RuleSyntaxError(f"{self.where}: {indicator.code} is a {indicator.unit} and has no {name.text} "
                                      f"(position {name.position})")
            part = name.text
        cells_token = self.take()
        if cells_token.kind != "cells":
            raise self.fail("'[' and a cell such as [total]", cells_token)
        cells = self.cells(indicator.code, cells_token)
        return Term(sign, f"{token.text}{'' if part == 'value' else '.' + part}{cells_token.text}",
                    indicator=indicator.code, part=part, cells=cells)

    def cells(self, code: str, token: _Token) -> tuple[str, ...]:
        """The cells ``[...]`` names: the total, one cell, every cell with some options, or every cell."""
        spec = token.text[1:-1].strip().replace(" ", "")
        every = self.catalogue.cells(code)
        if spec == "total":
            return ("total",)
        if spec == ALL_CELLS:
            if len(every) == 1:
                raise RuleSyntaxError(f"{self.where}: {code} has no cells but its total, so [*] names nothing "
                                      f"(position {token.position})")
            return tuple(every[1:])
        parts: dict[str, str] = {}
        for piece in spec.split(";"):
            category, sep, option = piece.partition("=")
            if not sep or category in parts or category not in self.catalogue.indicators[code].categories \
                    or option not in self.catalogue.options(category):
                raise RuleSyntaxError(f"{self.where}: expected 'total', '*' or a cell of {code} such as "
                                      f"[{every[-1] if len(every) > 1 else 'total'}] at position {token.position}, "
                                      f"found {token.text!r}")
            parts[category] = option
        wanted = {f"{category}={option}" for category, option in parts.items()}
        return tuple(cell for cell in every[1:] if wanted <= set(cell.split(";")))


def parse_expression(text: str, catalogue: Catalogue, where: str = "expression") -> Expression:
    """``text`` parsed against ``catalogue``; RuleSyntaxError names ``where`` and the position."""
    return _Parser(text, where, catalogue).expression()


def parse_rules(text: str, catalogue: Catalogue, language: str = "en") -> list[CrossRule]:
    """Every rule of a rules.csv file, checked against ``catalogue`` (RuleSyntaxError: what and where)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = [column for column in RULE_COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise RuleSyntaxError(f"rules.csv: the header lacks {', '.join(missing)}")
    rules: list[CrossRule] = []
    seen: set[str] = set()
    for number, raw in enumerate(reader, start=2):  # row 1 is the header, as a spreadsheet numbers it
        row = {key: (value or "").strip() for key, value in raw.items() if key is not None}
        if not any(row.values()):
            continue
        where = f"rules.csv row {number}"
        code = row["code"]
        if not code or code in seen:
            raise RuleSyntaxError(f"{where}: {'the code is empty' if not code else f'the code {code} is used twice'}")
        seen.add(code)
        for column, allowed in (("operator", OPERATORS), ("severity", SEVERITIES), ("period_type", PERIOD_TYPES),
                                ("missing_value_strategy", STRATEGIES)):
            if row[column] not in allowed:
                raise RuleSyntaxError(f"{where}: expected {column} to be one of {', '.join(allowed)}, "
                                      f"found {row[column]!r}")
        if not row["message"]:
            raise RuleSyntaxError(f"{where}: the message is empty")
        left = parse_expression(row["left"], catalogue, f"{where} (left)")
        right = parse_expression(row["right"], catalogue, f"{where} (right)")
        if not (left.indicators | right.indicators):
            raise RuleSyntaxError(f"{where}: the rule compares numbers only; name an indicator on one side")
        for code_named in sorted(left.indicators | right.indicators):
            frequency = catalogue.indicators[code_named].frequency
            if frequency != row["period_type"]:
                raise RuleSyntaxError(f"{where}: {code_named} is {frequency}, but the rule's period_type is "
                                      f"{row['period_type']}")
        message = row.get(f"message_{language}") or row["message"] if language != "en" else row["message"]
        rules.append(CrossRule(code, left, row["operator"], right, row["severity"], row["period_type"],
                               row["missing_value_strategy"], message, number))
    return rules
