"""The row of a table that a question asks to stand out: "Hvornår på året havde PPR flest nye sager i 2024?" is
answered by the quarter whose count is highest ("4. kvartal | 104 | 244 | 348 | 297"), not by the table's row for
the whole year, which resembles the question more. Neither search nor unit scoring compares figures; this module
does, for one table at a time.

The column compared is the one the question points to: a year it asks about ("i 2024" -> "I alt 2024"), a change
when it asks what grew or fell ("vokset mest" -> "Ændring"), or a column whose heading shares a word with it. A
table with one column of figures needs no pointing. Rows that sum the others ("Hele året", "I alt") are not
compared.

Example::

    asked_extreme("Hvilken aldersgruppe er vokset mest?")  # "max"
    rows = ["1. kvartal | 310", "4. kvartal | 348", "Hele året | 658"]
    standout_row("Kvartal | I alt 2024", rows, "Hvornår var der flest sager i 2024?", "max")  # 1: the year's sum is left out
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from assistant.analysis import asked_years
from tidlig.text import content_terms, table_cells

__all__ = ["Extreme", "asked_extreme", "standout_row"]

Extreme = Literal["max", "min"]

# "flest", "mest", "højest", "størst", "de fleste", "travleste" ask for the highest figure; "færrest", "lavest",
# "mindst" (not "mindst 3 gange", a floor) for the lowest. Not "den mest omfattende sproghjælp", an adjective's
# superlative, which asks for a kind of thing, not for its largest figure.
_HIGHEST = re.compile(r"\b(?:flest|mest(?! \w+(?:e|nde)\b)|højest\w*|størst\w*|de fleste|travleste|længst\w*)\b", re.IGNORECASE)
_LOWEST = re.compile(r"\b(?:færrest|lavest\w*|mindst(?!\s+\d)|kortest\w*)\b", re.IGNORECASE)
# A question on what grew or fell compares a table's column of changes.
_CHANGE_ASKED = re.compile(r"\b(?:vokse\w*|voks\w*|steg(?:et)?|stigning\w*|fald\w*|fremgang|tilbagegang|udvikl\w*)\b", re.IGNORECASE)
_CHANGE_COLUMN = re.compile(r"\b(?:ændring\w*|udvikling\w*|stigning\w*|fald|forskel\w*|vækst)\b", re.IGNORECASE)
# A row that sums or averages the others.
_SUM_ROW = re.compile(r"\b(?:i alt|hele året|total\w*|samlet|gennemsnit\w*|alle)\b", re.IGNORECASE)
# A figure in a cell: "1.146", "7,9", "+5 %", "−3".
_FIGURE = re.compile(r"([+\-−–]?)\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
# Each row must hold a figure in the compared column, and there must be this many rows to compare.
MIN_ROWS = 2


def asked_extreme(text: str) -> Extreme | None:
    """Whether a question asks for the highest ("max") or the lowest ("min") of something, None when it asks neither."""
    highest, lowest = _HIGHEST.search(text), _LOWEST.search(text)
    if highest and not lowest:
        return "max"
    if lowest and not highest:
        return "min"
    return None


def standout_row(header: str, rows: Sequence[str], question: str, extreme: Extreme) -> int | None:
    """The index in ``rows`` of the row whose figure in the column ``question`` points to is the highest or the lowest
    (``extreme``); None when the question points to no single column of figures, a row lacks a figure in it, or two
    rows share the extreme figure."""
    headings = table_cells(header)
    cells = [table_cells(row) for row in rows]
    compared = [n for n, row in enumerate(cells) if row and not _SUM_ROW.search(row[0])]
    column = _asked_column(headings, [cells[n] for n in compared], question)
    if column is None:
        return None
    values = {n: _figure(cells[n][column]) if column < len(cells[n]) else None for n in compared}
    if len(values) < MIN_ROWS or any(value is None for value in values.values()):
        return None
    if len({"%" in cells[n][column] for n in compared}) > 1:
        return None  # shares beside counts ("Antal sprogvurderede børn | 341" above "Særlig indsats | 8,8 %")
    best = (max if extreme == "max" else min)(values.values(), key=lambda value: value or 0.0)
    standing_out = [n for n, value in values.items() if value == best]
    return standing_out[0] if len(standing_out) == 1 else None


def _asked_column(headings: list[str], rows: list[list[str]], question: str) -> int | None:
    """The one column of figures the question points to (see the module's docstring), None when it points to none
    or to several."""
    numeric = [n for n in range(1, len(headings)) if rows and all(n < len(row) and _figure(row[n]) is not None for row in rows)]
    years = asked_years(question)
    asked_terms = set(content_terms(question))
    for pointed in (
        [n for n in numeric if any(year in headings[n] for year in years)],
        [n for n in numeric if _CHANGE_COLUMN.search(headings[n])] if _CHANGE_ASKED.search(question) else [],
        [n for n in numeric if asked_terms & set(content_terms(headings[n]))],
    ):
        if len(pointed) == 1:
            return pointed[0]
        if len(pointed) > 1:
            summed = [n for n in pointed if _SUM_ROW.search(headings[n])]
            return summed[0] if len(summed) == 1 else None
    return numeric[0] if len(numeric) == 1 else None


def _figure(cell: str) -> float | None:
    """The figure a cell opens with, as a number ("1.146" -> 1146, "7,9" -> 7.9, "+5 %" -> 5); None without one."""
    found = _FIGURE.match(cell.strip())
    if found is None:
        return None
    sign, whole, decimals = found.groups()
    value = float(f"{whole.replace('.', '')}.{decimals or 0}")
    return value if sign in ("", "+") else -value
