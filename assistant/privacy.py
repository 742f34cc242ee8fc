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
# Words that introduce a child's name ("drengen Mikkel"); they are not part of the name.
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
        prefix, name = _split_name(match.group(1), known_terms)
        # Two or more capitalised words in a row that the documents never use are taken to be a name
        # (too cautious at worst: the question is still answered, only logs and records are redacted).
        words = re.split(r"[ -]", name)
        if len(words) < 2 or any(word.lower() in known_terms for word in words):
            return match.group(0)
        name_count += 1
        return prefix + REDACTED_NAME

    redacted = NAME.sub(redact_name, redacted)
    return PersonalData(redacted, cpr_count, name_count)


def _split_name(text: str, known_terms: Container[str]) -> tuple[str, str]:
    """("Drengen ", "Mikkel Hansen"): leading cue words and corpus words are not part of the name."""
    prefix = ""
    while (match := re.match(r"(\w+)([ -])", text)) and (
        CHILD_CUES.fullmatch(match.group(1)) or match.group(1).lower() in known_terms
    ):
        prefix += match.group(0)
        text = text[match.end() :]
    return prefix, text


def redact(text: str, known_terms: Container[str] = frozenset()) -> str:
    return find_personal_data(text, known_terms).redacted
