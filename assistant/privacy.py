"""Privacy guard: find CPR numbers and children's names typed into a question, and redact them.

Applied to everything a user types (the question, earlier turns, feedback comments) before it is
searched, embedded, logged, stored or exported; never to document text. It errs on the side of
removing: the question is still answered without the name, and the user is told what was removed.

Names are found three ways: a given name from the Danish name list (``data/fornavne.txt``, any case, also
in the genitive, with any surname that follows), a word after a cue such as "drengen", "min elev" or "hedder"
(not in a question for a name: "Hvad hedder redskabet?"), and two or more capitalised words in a row that
look like a person (a known surname) or that the documents never use. A name is removed whether or not
the documents also use it: "Jensen" in a report does not make "Mads Jensen" in a question harmless.

Example::

    finding = find_personal_data("Min elev Mads Jensen 01.02.03–1234 er ked af det")
    finding.redacted       # "Min elev [NAVN] [CPR-NR] er ked af det"
    finding.description()  # "et CPR-nummer og et navn"
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tidlig.cpr import REDACTED_CPR, redact_cpr
from tidlig.text import STOP

REDACTED_NAME = "[NAVN]"
DATA = Path(__file__).parent / "data"

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Cue words after which a child is named: "drengen Oliver", "min elev mads", "barnet Ahmad".
CHILD_CUE = re.compile(
    r"\b(?:drengen|pigen|barnet|eleven|elev|dreng|pige|barn|sønnen|datteren|søn|datter|lillebror|lillesøster|"
    r"storebror|storesøster|drengebarnet|pigebarnet|kammerat|kammeraten|veninde|veninden|ven|vennen)\s+$",
    re.IGNORECASE,
)
# After these, the next word is a name whatever it looks like: "en dreng der hedder ahmad".
NAMING_CUE = re.compile(r"\b(?:hedder|hed|kaldet|kaldes|ved navn|navn er|navnet er|navnet)\s+$", re.IGNORECASE)
# A question for a name names nothing: in "Hvad hedder redskabet, og hvordan fungerer det?" the word after the cue is
# what the name is asked of. It had been removed as a child's name, the user told so, and the lead-in then quoted
# the part as »Hvad hedder?«. A given name after it is still found by the name list.
_NAME_ASKED = re.compile(r"\bhv(?:ad|ordan)\s+(?:hedder|hed|kaldes)\s+$", re.IGNORECASE)
_CHILD_WORDS = frozenset(re.findall(r"[a-zæøå]+", CHILD_CUE.pattern.split("\\s")[0]))
_NAMING_LAST_WORDS = frozenset({"hedder", "hed", "kaldet", "kaldes", "navn", "er", "navnet"})
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»(\[\n]\s*|^\s*[-*•]\s*)$")
# Given names that are also common Danish or English words ("per barn", "hans mor", "mark", "storm"):
# a name only when capitalised mid-sentence or after a cue.
AMBIGUOUS = frozenset(
    [
        "per",
        "hans",
        "kaj",
        "bo",
        "sten",
        "storm",
        "birk",
        "bjørn",
        "mark",
        "max",
        "tom",
        "august",
        "helle",
        "rene",
        "frank",
        "stig",
        "aksel",
        "gry",
        "tea",
        "else",
        "rosa",
        "lykke",
        "lauge",
        "lang",
        "dam",
        "holm",
        "lund",
        "berg",
        "skov",
        "lind",
        "bach",
        "munk",
        "kai",
        "jan",
        "lis",
        "ann",
    ]
)
SURNAME_ENDINGS = ("sen", "søn", "gaard", "gård")
MAX_NAME_WORDS = 4
_CONTEXT_CHARS = 40
PLACEHOLDER = re.compile(rf"\s*(?:{re.escape(REDACTED_CPR)}|{re.escape(REDACTED_NAME)})(?:\s*,(?=\s*[,.!?]))?")


@dataclass(frozen=True)
class PersonalData:
    """What was found in one text. ``redacted`` has placeholders; ``searchable`` has none."""

    redacted: str
    cpr_numbers: int = 0
    names: int = 0

    def __bool__(self) -> bool:
        return bool(self.cpr_numbers or self.names)

    @property
    def searchable(self) -> str:
        """The redacted text without placeholders, for retrieval and refusals: "[NAVN]" must not be
        searched for as the word "navn", nor shown back as a missing topic."""
        return strip_placeholders(self.redacted)

    def description(self) -> str:
        """Danish: what was removed, with counts ("et CPR-nummer og to navne"); never the data itself."""
        parts = []
        if self.cpr_numbers:
            parts.append(_count(self.cpr_numbers, "et CPR-nummer", "CPR-numre"))
        if self.names:
            parts.append(_count(self.names, "et navn", "navne"))
        return " og ".join(parts)


def find_personal_data(text: str, known_terms: Container[str] = frozenset()) -> PersonalData:
    """Redact CPR numbers and names. ``known_terms`` (lowercased words of the corpus) only keeps a run of
    capitalised words such as "Holstebro Kommune" that has no given name or surname in it."""
    without_cpr, cpr_count = redact_cpr(text)
    spans = _name_spans(without_cpr, known_terms)
    pieces, position = [], 0
    for start, end in spans:
        pieces += [without_cpr[position:start], REDACTED_NAME]
        position = end
    return PersonalData("".join([*pieces, without_cpr[position:]]), cpr_count, len(spans))


def redact(text: str, known_terms: Container[str] = frozenset()) -> str:
    return find_personal_data(text, known_terms).redacted


def strip_placeholders(text: str) -> str:
    if REDACTED_CPR not in text and REDACTED_NAME not in text:
        return text
    stripped = re.sub(r"\(\s*\)|\[\s*\]", "", PLACEHOLDER.sub("", text))
    return re.sub(r"\s+([,.!?;:)])", r"\1", re.sub(r"[ \t]{2,}", " ", stripped)).replace(",,", ",").strip()


@cache
def given_names() -> frozenset[str]:
    return _read_list(DATA / "fornavne.txt")


@cache
def surnames() -> frozenset[str]:
    return _read_list(DATA / "efternavne.txt")


def _read_list(path: Path) -> frozenset[str]:
    lines = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


# ---- names ----------------------------------------------------------------------------------------


def _name_spans(text: str, known_terms: Container[str]) -> list[tuple[int, int]]:
    tokens = list(WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        length = _name_length(text, tokens, i, known_terms)
        if length:
            spans.append((tokens[i].start(), tokens[i + length - 1].end()))
            i += length
        else:
            i += 1
    return spans


def _name_length(text: str, tokens: list[re.Match[str]], i: int, known_terms: Container[str]) -> int:
    """How many tokens from ``i`` on form a name (0: none starts here)."""
    token = tokens[i]
    # Cues and sentence ends are looked for just before the word: linear time on a long pasted text.
    word, before = token.group(0), text[max(0, token.start() - _CONTEXT_CHARS) : token.start()]
    lowered = word.lower()
    capitalised = word[0].isupper()
    acronym = len(word) > 1 and word.isupper()  # "EVA" (Danmarks Evalueringsinstitut), not Eva
    given = (_is_given(lowered) or _is_genitive_given(lowered)) and not acronym
    if lowered in STOP and not given:
        return 0
    # The regular expressions run only after a cheap look at the previous word (most words are neither).
    previous = tokens[i - 1].group(0).lower() if i else ""
    named = previous in _NAMING_LAST_WORDS and bool(NAMING_CUE.search(before)) and not _NAME_ASKED.search(before)
    if not (capitalised or given or named):
        return 0
    child_cue = previous in _CHILD_WORDS and bool(CHILD_CUE.search(before))
    sentence_start = capitalised and bool(SENTENCE_START.search(before))
    if given:
        if lowered not in AMBIGUOUS or named or child_cue or (capitalised and not sentence_start):
            return 1 + _surname_length(text, tokens, i + 1, known_terms)
        if capitalised and _surname_length(text, tokens, i + 1, known_terms):
            return 1 + _surname_length(text, tokens, i + 1, known_terms)  # "Per Hansen" at a sentence start
        return 0
    if named or (child_cue and capitalised):
        return 1 + _surname_length(text, tokens, i + 1, known_terms)
    if capitalised:
        return _capitalised_run(text, tokens, i, known_terms, sentence_start)
    return 0


def _capitalised_run(text: str, tokens: list[re.Match[str]], i: int, known_terms: Container[str], sentence_start: bool) -> int:
    """Two or more capitalised words in a row: a name when one is a surname, or when the documents use
    none of them (too cautious at worst: only the question's search, logs and records lose the words)."""
    run = [tokens[i]]
    while len(run) < MAX_NAME_WORDS and i + len(run) < len(tokens):
        following = tokens[i + len(run)]
        if not _adjacent(text, run[-1], following) or not following.group(0)[0].isupper():
            break
        run.append(following)
    if len(run) < 2:
        return 0
    words = [m.group(0).lower() for m in run]
    if words[0] in STOP or CHILD_CUE.search(words[0] + " "):
        return 0  # "Hvordan Holstebro …", "Drengen Oliver …": the next token is tried on its own
    if any(_is_surname(word) for word in words[1:]):
        return len(run)
    # A capitalised first word of a sentence is mostly just capitalisation ("Sundhedsplejersken Hjælper").
    if not sentence_start and not any(_word_known(word, known_terms) for word in words):
        return len(run)
    return 0


def _surname_length(text: str, tokens: list[re.Match[str]], i: int, known_terms: Container[str]) -> int:
    """Surnames and middle names that follow a given name: "Mads Jensen", "anna sofie nielsen"."""
    length = 0
    while length < MAX_NAME_WORDS - 1 and i + length < len(tokens):
        token = tokens[i + length]
        if not _adjacent(text, tokens[i + length - 1], token):
            break
        word = token.group(0)
        lowered = word.lower()
        if lowered in STOP:
            break
        capitalised_name = word[0].isupper() and not _word_known(lowered, known_terms)
        if not (_is_surname(lowered) or _is_given(lowered) and lowered not in AMBIGUOUS or capitalised_name):
            break
        length += 1
    return length


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return text[first.end() : second.start()] in (" ", "\u00a0")


def _is_given(word: str) -> bool:
    names = given_names()
    return word in names or ("-" in word and all(part in names for part in word.split("-")))


def _is_genitive_given(word: str) -> bool:
    """A given name in the genitive: "Emmas mor" names the child as surely as "Emma" does. Not of a name that is
    also a common word ("pers", "hans"): those are names only as :data:`AMBIGUOUS` allows."""
    stem = word.removesuffix("s")
    return stem != word and len(stem) > 2 and stem not in AMBIGUOUS and _is_given(stem)


def _is_surname(word: str) -> bool:
    return word in surnames() or (len(word) > 4 and word.endswith(SURNAME_ENDINGS))


def _word_known(word: str, known_terms: Container[str]) -> bool:
    """The documents use the word, also in the genitive ("Hernings" for "Herning")."""
    return any(part in known_terms or part.removesuffix("s") in known_terms for part in word.split("-"))


def _count(number: int, one: str, many: str) -> str:
    spelled = {2: "to", 3: "tre", 4: "fire", 5: "fem"}
    return one if number == 1 else f"{spelled.get(number, number)} {many}"
