"""Danish lexical analysis for BM25: stems, stopwords, numbers written several ways, compound splitting.

Danish writes compounds as one word, so a passage about "sprogindsatsen" shares no word with a question
about "indsatsen for sproget". :class:`CompoundSplitter` learns from the corpus itself which words are
compounds: a word is split into a head and a tail (with an optional linking "s" or "e") when both
parts are words the corpus uses often enough, and the parts are indexed beside the whole word.
Numbers are normalised so that "527.000" and "527000", "pct." and "%", "mio." and "millioner" match.

Example::

    analyzer = Analyzer.learn(corpus_texts, LexicalOptions(numbers=True))
    analyzer.tokens("sprogindsatsen koster 2,5 mio. kr.")
    # ["sprogindsats", "sprog", "indsats", "kost", "2,5", "million", "kroner"] (corpus_texts: the bundled corpus)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from bm25s.stopwords import STOPWORDS_DANISH

from tidlig.text import stem

__all__ = ["Analyzer", "CompoundSplitter", "LexicalOptions", "normalise_number"]


@dataclass(frozen=True)
class LexicalOptions:
    """Each option was measured on its own on the train split (``python -m eval.calibrate``)."""

    # BM25 alone on train (177 answerable questions), objective: stems only 0.647, + stopwords 0.692,
    # + compounds 0.683, + numbers 0.643; stopwords + compounds 0.729, all three 0.728. In the hybrid numbers
    # changed nothing (0.800 with or without), so they stay off until a question set shows they help.
    stopwords: bool = True  # drop Danish function words
    numbers: bool = False  # "527.000" = "527000", "pct."/"%" = "procent", "mio." = "millioner"
    compounds: bool = True  # index the parts of compounds the corpus vocabulary explains
    # Not an option: prefix matching of word forms the stemmer leaves apart ("spar" and "sparring",
    # "kriterium" and "kriteri"): a query stem also scores, with weight w, as its best vocabulary term
    # of which it is a prefix or which is a prefix of it (shorter at least 4 letters and half the longer).
    # Hybrid on train (objective 0.876): w=0.2 0.872, 0.3 0.883, 0.6 0.864, 1.0 0.854, only for stems
    # missing from the vocabulary 0.879; the best on validation 0.860 against 0.863 (hit@5 unchanged), noise.


# A number with Danish thousands separators ("527.000", "1.200.000"), or a decimal ("2,5"), or a plain one.
_TOKEN = re.compile(r"\d{1,3}(?:\.\d{3})+(?![\d])|\d+(?:,\d+)?|%|[a-zæøåéü]+", re.IGNORECASE)
# One spelling for units written several ways (compared after lowercasing, before stemming).
_UNIT_WORDS = {
    "%": "procent", "pct": "procent", "procent": "procent",
    "mio": "million", "mill": "million", "million": "million", "millioner": "million",
    "mia": "milliard", "milliard": "milliard", "milliarder": "milliard",
    "kr": "kroner", "kroner": "kroner", "krone": "kroner",
}
STOPWORDS = frozenset(STOPWORDS_DANISH)


def normalise_number(token: str) -> str:
    """ "527.000" -> "527000"; decimals and plain numbers unchanged."""
    return token.replace(".", "") if "." in token else token


class CompoundSplitter:
    """Splits a word into two parts the corpus knows (stems seen at least ``min_count`` times)."""

    MIN_WORD = 9  # shorter words are rarely compounds of two content words
    MIN_HEAD = 3  # "dag|tilbud"
    MIN_TAIL = 4
    # Stems of derivational endings that are also words ("lige", "ende", "ring"): as a tail they make
    # "vanske|lige", "priorite|ring" look like compounds.
    SUFFIXES = frozenset({"lig", "ligt", "end", "ring", "ning", "ling", "hed", "skab", "else", "isk", "tion", "ind"})

    def __init__(self, stem_counts: Mapping[str, int], min_count: int = 3) -> None:
        self.stem_counts = dict(stem_counts)
        self.min_count = min_count
        self._split = lru_cache(maxsize=65536)(self._best_split)

    @classmethod
    def learn(cls, words: Iterable[str], min_count: int = 3) -> CompoundSplitter:
        return cls(Counter(stem(word) for word in words if word.isalpha() and word not in STOPWORDS), min_count)

    def parts(self, word: str) -> tuple[str, ...]:
        """Stems of the parts of a compound (empty when the word is not one): "sprogindsatsen" ->
        ("sprog", "indsats"); the tail may itself be a compound."""
        return self._split(word)

    def _known(self, part: str) -> int:
        root = stem(part)
        if part in STOPWORDS or len(root) < self.MIN_HEAD:
            return 0
        count = self.stem_counts.get(root, 0)
        return count if count >= self.min_count else 0

    def _best_split(self, word: str) -> tuple[str, ...]:
        if len(word) < self.MIN_WORD or not word.isalpha():
            return ()
        best: tuple[float, str, str] | None = None
        for cut in range(self.MIN_HEAD, len(word) - self.MIN_TAIL + 1):
            head, tail = word[:cut], word[cut:]
            tail_count = self._known(tail)
            if not tail_count or stem(tail) in self.SUFFIXES:
                continue
            # a linking "s" or "e" belongs to neither part ("netværk|s|anbringelser", "børn|e|have")
            heads = [head] + ([head[:-1]] if head[-1] in "se" and len(head) > self.MIN_HEAD else [])
            for candidate in heads:
                head_count = self._known(candidate)
                # geometric mean of the parts' frequencies (Koehn & Knight 2003) picks among cut points
                score = (head_count * tail_count) ** 0.5
                if head_count and (best is None or score > best[0]):
                    best = (score, candidate, tail)
        # Split only when the parts are more common than the whole word (Koehn & Knight): "vurdering"
        # or "forældrene" are frequent words of their own, not "vurd|ering" or "foræl|drene".
        if best is None or best[0] <= self.stem_counts.get(stem(word), 0):
            return ()
        _, head, tail = best
        return (stem(head), *(self._best_split(tail) or (stem(tail),)))


class Analyzer:
    """Text -> BM25 tokens. Built from the corpus (for the compound vocabulary) and saved with the index."""

    def __init__(self, options: LexicalOptions, splitter: CompoundSplitter | None = None) -> None:
        self.options = options
        self.splitter = splitter if options.compounds else None

    @classmethod
    def learn(cls, texts: Iterable[str], options: LexicalOptions) -> Analyzer:
        splitter = None
        if options.compounds:
            splitter = CompoundSplitter.learn(w.lower() for text in texts for w in _TOKEN.findall(text))
        return cls(options, splitter)

    def tokens(self, text: str) -> list[str]:
        found: list[str] = []
        for raw in _TOKEN.findall(text):
            word = raw.lower()
            if word[0].isdigit():
                found.append(normalise_number(word) if self.options.numbers else word)
                continue
            if self.options.numbers and word in _UNIT_WORDS:
                found.append(_UNIT_WORDS[word])
                continue
            if word == "%" or len(word) < 2 or (self.options.stopwords and word in STOPWORDS):
                continue
            found.append(stem(word))
            if self.splitter:
                found.extend(self.splitter.parts(word))
        return found

    def to_json(self) -> dict[str, object]:
        return {
            "options": asdict(self.options),
            "stem_counts": self.splitter.stem_counts if self.splitter else {},
            "min_count": self.splitter.min_count if self.splitter else 0,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Analyzer:
        """The analyzer ``to_json`` described (read back from JSON, so the values are untyped)."""
        options = LexicalOptions(**data["options"])
        splitter = CompoundSplitter(data["stem_counts"], int(data["min_count"])) if options.compounds else None
        return cls(options, splitter)
