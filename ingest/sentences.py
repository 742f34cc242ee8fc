"""Split Danish text into sentences and list items without cutting at common abbreviations.

Used for chunking (a chunk never ends mid-sentence) and by the assistant's citat mode (which quotes
whole sentences).

Example::

    split_sentences("Det virker bl.a. i Aarhus. Næste sætning.")
    # ["Det virker bl.a. i Aarhus.", "Næste sætning."]
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence (lowercased, without the final dot).
ABBREVIATIONS = {
    "bl.a", "f.eks", "fx", "pct", "ca", "mv", "jf", "mht", "dvs", "evt", "nr", "s", "ift", "inkl", "ekskl",
    "mio", "mia", "kr", "osv", "etc", "vedr", "iht", "pga", "mdr", "md", "årg", "m.fl", "m.m", "el", "o.l",
    "stk", "kap", "bilag", "tlf", "ml", "hhv", "ang", "bla", "ex", "dr", "prof", "cand", "mag", "pæd",
}
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’')]*\s+(?=[\"“”'‘(]?[A-ZÆØÅÉÜ0-9•\-])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph (line breaks inside it are treated as spaces)."""
    flat = " ".join(text.split())
    if not flat:
        return []
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(flat):
        candidate = flat[start : match.start()].rstrip()
        if _ends_with_abbreviation(candidate):
            continue
        sentences.append(flat[start : match.end()].strip())
        start = match.end()
    sentences.append(flat[start:].strip())
    return [s for s in sentences if s]


def _ends_with_abbreviation(text: str) -> bool:
    last_word = text.rsplit(" ", 1)[-1].lower().rstrip(".").lstrip("(\"“")
    return last_word in ABBREVIATIONS or bool(re.fullmatch(r"\w", last_word))


def paragraphs(text: str) -> list[str]:
    """Paragraphs and list items: blank lines separate paragraphs, each list item stands alone."""
    units: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in paragraph.splitlines():
            if _LIST_ITEM.match(line) and current:
                units.append("\n".join(current))
                current = []
            if line.strip():
                current.append(line.strip())
        if current:
            units.append("\n".join(current))
    return units


def is_list_item(unit: str) -> bool:
    return bool(_LIST_ITEM.match(unit))
