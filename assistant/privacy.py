"""Privacy guard: find CPR numbers and children's full names typed into a question, and redact them.

The question is still answered; the user sees a Danish warning, and logs and stored records only ever
get the redacted text.

Example::

    finding = find_personal_data("Min elev Mikkel Hansen 010203-1234 er ked af det")
    finding.redacted    # "Min elev [NAVN] [CPR-NR] er ked af det"
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from datetime import date

CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})[- ]?(\d{4})(?![\d-])")
# Two or more capitalised words in a row, e.g. "Mikkel Hansen" or "Anna Sofie Jensen".
NAME = re.compile(r"\b([A-ZÆØÅ][a-zæøåéü]+(?:[ -][A-ZÆØÅ][a-zæøåéü]+)+)\b")
# Words around a name that make it a child's name, not a municipality or a programme.
CHILD_CUES = re.compile(
    r"\b(drengen|pigen|barnet|eleven|elev|dreng|pige|barn|sønnen|datteren|søn|datter|hedder|navn|kaldet)\b",
    re.IGNORECASE,
)
REDACTED_CPR = "[CPR-NR]"
REDACTED_NAME = "[NAVN]"


@dataclass(frozen=True)
class PersonalData:
    redacted: str
    cpr_numbers: int = 0
    names: int = 0

    def __bool__(self) -> bool:
        return bool(self.cpr_numbers or self.names)

    def description(self) -> str:
        parts = []
        if self.cpr_numbers:
            parts.append("et CPR-nummer")
        if self.names:
            parts.append("et barns fulde navn")
        return " og ".join(parts)


def is_cpr(match: re.Match[str]) -> bool:
    """A CPR number starts with a real date (DDMMYY); the century is unknown, so try both."""
    day, month, year = (int(g) for g in match.groups()[:3])
    for century in (1900, 2000):
        try:
            date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def find_personal_data(text: str, known_terms: Container[str] = frozenset()) -> PersonalData:
    """Redact CPR numbers and full names; ``known_terms`` (lowercased words of the corpus) keeps
    names that the documents themselves use, such as "Holstebro Kommune", from being flagged."""
    cpr_count = 0

    def redact_cpr(match: re.Match[str]) -> str:
        nonlocal cpr_count
        if not is_cpr(match):
            return match.group(0)
        cpr_count += 1
        return REDACTED_CPR

    redacted = CPR.sub(redact_cpr, text)
    name_count = 0

    def redact_name(match: re.Match[str]) -> str:
        nonlocal name_count
        if not _looks_like_childs_name(match, known_terms):
            return match.group(0)
        name_count += 1
        return REDACTED_NAME

    redacted = NAME.sub(redact_name, redacted)
    return PersonalData(redacted, cpr_count, name_count)


def _looks_like_childs_name(match: re.Match[str], known_terms: Container[str]) -> bool:
    parts = re.split(r"[ -]", match.group(1))
    if any(part.lower() in known_terms for part in parts):
        return False
    before = match.string[max(0, match.start() - 40) : match.start()]
    sentence_start = not before.strip() or before.rstrip()[-1] in ".!?:"
    # "Mikkel Hansen er ked af det" at the start of a sentence is still a name if cued nearby.
    after = match.string[match.end() : match.end() + 40]
    return bool(CHILD_CUES.search(before + " " + after)) or not sentence_start


def redact(text: str, known_terms: Container[str] = frozenset()) -> str:
    return find_personal_data(text, known_terms).redacted
