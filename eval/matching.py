"""Text normalisation and matching shared by the evaluation set's validator and the metrics.

The bundled documents are plain text extracted from PDFs and slides: words are split across line ends
with a hyphen, bullets survive as "•" or U+F0B7, columns are separated by tabs and no-break spaces, and
numbers are written as "1.000" or "63 %". Everything that compares a gold quote or a key fact with a
document, a retrieved chunk or an answer goes through :func:`normalise` first, so those accidents of
extraction never decide whether two texts match.

Public functions:

- :func:`normalise` -- the canonical comparison form of a text.
- :func:`quote_found` -- whether a gold quote is (mostly) present in a chunk.
- :func:`contains_fact` -- whether an answer states a key fact.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["contains_fact", "longest_common_run", "normalise", "quote_found"]

# Characters that are treated exactly like whitespace: the bullet "•" and the private-use Word bullet
# U+F0B7 that the Copenhagen memo uses for its list items.
_BULLETS = "\u2022\uf0b7"

# Words that follow a *suspended* hyphen ("børne- og ungeområdet", "dokumentations- og ..."): a hyphen
# at a line end followed by one of these is part of the text, not a line-break hyphenation.
_SUSPENDED_FOLLOWERS = ("og", "eller", "samt", "and", "or")

# A hyphen at the end of a line (optionally followed by spaces), then one or more line breaks (blank
# lines included, since the BUPL/KORA pamphlet double-spaces its lines), then the continuation.
_LINE_BREAK_HYPHEN = re.compile(r"(\w)-[ \t\u00a0]*\n\s*(\w+)")

# Thousands separators: "1.000", "2.000.000" (dots), "1 000", "57 100" (one space between groups; the
# rule runs after whitespace has been collapsed, so no-break spaces and tabs count as a space too). A group must
# have exactly three digits and the number must not be part of a decimal ("4,5") or a longer digit run.
_DOT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d])(?!,\d)")
_SPACE_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])(?!,\d)")

_WHITESPACE = re.compile(r"[\s" + _BULLETS + r"]+")
_SPACE_BEFORE_PERCENT = re.compile(r"\s+%")

# Layout that the index adds or changes when it cleans a document, and that a quote taken from the raw
# file does not have (or has differently): a list marker "- " or "– " opening a line (the raw file has
# "•" or a tab there), table cell separators "|" and ";", a spaced dash between a table row's label and
# its cells ("Pluspladser – 2016: 527.000"), and a year naming a table column ("2016: ").
_LIST_MARKER = re.compile(r"(?m)^[ \t\u00a0]*[-\u2013][ \t\u00a0]+")
_TABLE_LAYOUT = re.compile(r"[|;]|\s\u2013\s|(?<![\d.,])(?:19|20)\d\d:(?=\s)")


def _join_hyphenation(match: re.Match[str]) -> str:
    before, word = match.group(1), match.group(2)
    if word.lower() in _SUSPENDED_FOLLOWERS:
        # "børne-\nog unge": a suspended hyphen that happens to stand at a line end; keep it.
        return f"{before}- {word}"
    if before.islower() and word[0].islower():
        # "forebyg-\ngende" -> "forebyggende"
        return before + word
    # "VIDA-\nprogram", "ICS-\nmetoden", "2013-\n2015": a real hyphen in a compound or a range that
    # was broken at the line end: drop the line break, keep the hyphen.
    return f"{before}-{word}"


def _drop_separators(match: re.Match[str]) -> str:
    return re.sub(r"[.\s\u00a0\u202f]", "", match.group(0))


def normalise(text: str) -> str:
    """Return the canonical comparison form of ``text`` (idempotent: ``normalise(normalise(t)) == normalise(t)``).

    Definition (applied in this order):

    1. **Line-break hyphenation is joined.** A word character, a hyphen, optional spaces, one or more
       line breaks (and any whitespace) and a following word are treated as follows:

       - lowercase letter before and lowercase letter after: the hyphen and the break are removed
         ("forebyg-\\ngende" -> "forebyggende", "bolig- \\norganisationer" -> "boligorganisationer");
       - the following word is "og", "eller" or "samt": it is a suspended hyphen and stays, with the
         break turned into a space ("børne-\\nog" -> "børne- og");
       - anything else (capital or digit before the hyphen, or a capital after it): the break is removed
         and the hyphen kept ("VIDA-\\nprogram" -> "VIDA-program", "2013-\\n2015" -> "2013-2015").

       A hyphen that is not at a line end is never touched, so suspended hyphens such as "børne- og"
       and compounds such as "0-17-årige" stay as they are.
    2. **List and table layout is dropped**: a list marker "- " or "– " opening a line, the table
       separators "|" and ";", a dash with spaces on both sides (" – ") and a year followed by a colon
       ("2016: ", a table column label) become a space. A quote copied from the raw file ("Pluspladser
       527.000 527.000") then matches the index's cleaned forms ("Pluspladser | 527.000 | 527.000",
       "Pluspladser – 2016: 527.000; 2017: 527.000", "- Oftest normalbegavede").
    3. **Whitespace is collapsed**: every run of whitespace (spaces, tabs, line breaks, no-break
       spaces) and of the bullet characters "•" and U+F0B7 becomes one space; the ends are stripped.
    4. **Thousands separators are removed** from numbers written with groups of exactly three digits
       separated by "." or by a space: "1.000", "1 000" and "1000" all become "1000", "2.000.000"
       becomes "2000000". Decimal commas ("348,5") are kept. (A side effect applied identically to
       every text: two table cells such as "87 297" also merge.)
    5. **Spaces before "%" are removed**: "63 %" and "63%" both become "63%".
    6. **Lowercase** (``str.lower``).
    """
    if not text:
        return ""
    text = _LINE_BREAK_HYPHEN.sub(_join_hyphenation, text)
    text = _LIST_MARKER.sub(" ", text)
    text = _TABLE_LAYOUT.sub(" ", text)
    text = _WHITESPACE.sub(" ", text).strip()
    text = _DOT_THOUSANDS.sub(_drop_separators, text)
    text = _SPACE_THOUSANDS.sub(_drop_separators, text)
    text = _SPACE_BEFORE_PERCENT.sub("%", text)
    return text.lower()


def longest_common_run(a: str, b: str) -> int:
    """Length of the longest common contiguous substring of two (already normalised) texts."""
    if not a or not b:
        return 0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.find_longest_match(0, len(a), 0, len(b)).size


def quote_found(quote: str, chunk_text: str) -> bool:
    """Whether a gold ``quote`` is found in a retrieved chunk.

    Definition: with ``q = normalise(quote)`` and ``c = normalise(chunk_text)``, the quote is found when
    ``q`` is a substring of ``c``, or when the longest common contiguous substring of ``q`` and ``c`` is
    at least half as long as ``q`` (``2 * run >= len(q)``). The second rule credits a chunk boundary
    that cuts through the quote, as long as the chunk holds at least half of it in one piece. An empty
    (or whitespace-only) quote is never found.
    """
    q = normalise(quote)
    if not q:
        return False
    c = normalise(chunk_text)
    if not c:
        return False
    if q in c:
        return True
    return 2 * longest_common_run(q, c) >= len(q)


def _fact_pattern(fact_norm: str) -> re.Pattern[str]:
    pattern = re.escape(fact_norm)
    if fact_norm[0].isdigit():
        # "7 pct." must not match inside "17 pct." or "0,7 pct."
        pattern = r"(?<!\d)(?<!\d[.,])" + pattern
    if fact_norm[-1].isdigit():
        # "50" must not match inside "500" or "50,5"
        pattern = pattern + r"(?!\d)(?![.,]\d)"
    return re.compile(pattern)


def contains_fact(answer_text: str, fact: str) -> bool:
    """Whether ``answer_text`` states the key ``fact``.

    Definition: ``normalise(fact)`` occurs as a substring of ``normalise(answer_text)``, with one
    refinement for numbers: when the normalised fact begins (ends) with a digit, the occurrence must not
    be preceded (followed) by another digit or by a decimal/thousands separator joined to a digit, so
    that "7 pct." is not found in "17 pct." and "50" is not found in "500" or "50,5". Word parts are
    otherwise matched as plain substrings ("plejefamilie" is found in "plejefamilier"). An empty fact is
    never contained. A fact also counts when one cell of a table row holds it: normalised whole, the row "4. kvartal |
    104 | 244 | 348 | 297" reads "... 244 348297" (two cells merge as a thousands group), and "348" was not found in it.
    """
    f = normalise(fact)
    if not f:
        return False
    pattern = _fact_pattern(f)
    if pattern.search(normalise(answer_text)) is not None:
        return True
    return "|" in answer_text and any(pattern.search(normalise(cell)) is not None for cell in answer_text.split("|"))
