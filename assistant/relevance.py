"""How well a text covers a question: IDF-weighted share of the question's content terms it contains.

IDF comes from the indexed passages, so rare, topical words ("tandplejen", "Holstebro") weigh more than
common ones ("børn", "kommune").

Example::

    scorer = RelevanceScorer(passage_texts)
    scorer.coverage(content_terms(question), "Holstebro tilbyder kurser til nye forældre.")   # 0..1
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from tidlig.text import content_terms, words


# A name in at least this share of passages is the setting of a document (on the bundled corpus København
# 4 %, Hedensted 3 %, Danmark 8 %; single municipalities of case examples 1-2 %), which its sentences need
# not repeat. Required in the unit giving a figure, København and Danmark flagged 2 answerable train
# questions (budget rows of København's notat, national figures).
SETTING_SHARE = 0.03
# The shortest part of a compound that counts as a word of its own (see knows_word_or_parts): shorter
# words ("tid", "dag", "jo") end or begin too many unrelated words.
MIN_COMPOUND_PART = 4


class RelevanceScorer:
    def __init__(self, texts: Iterable[str]) -> None:
        document_frequency: Counter[str] = Counter()
        vocabulary: set[str] = set()
        flat: list[str] = []
        count = 0
        for text in texts:
            count += 1
            flat.append(" ".join(text.lower().split()))
            document_frequency.update(set(content_terms(text)))
            found = words(text)
            vocabulary.update(found)
            # The pieces of a hyphenated word are words of the corpus too: "Leksand" is used, in "Leksand-modellen".
            vocabulary.update(piece for word in found if "-" in word for piece in word.split("-") if piece)
        self._idf = {t: math.log(1 + count / (1 + df)) for t, df in document_frequency.items()}
        self._unknown_idf = math.log(1 + count)
        self.vocabulary = frozenset(vocabulary)
        self._text = "\n".join(flat)
        self._sorted_vocabulary = sorted(vocabulary)  # words() lowercases

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._unknown_idf)

    def known(self, term: str) -> bool:
        return term in self._idf

    def knows_word(self, word: str) -> bool:
        """The corpus uses this word, possibly inflected (genitive -s, definite or plural endings)."""
        lowered = word.lower()
        return (
            lowered in self.vocabulary
            or lowered.removesuffix("s") in self.vocabulary
            or any(self.known(term) for term in content_terms(word))
        )

    def knows_word_or_parts(self, word: str) -> bool:
        """:meth:`knows_word`, or a compound of a word the corpus uses, possibly inflected, and a word it
        uses ("pluspladsordningen": "pluspladser" and "ordningen"; a linking s or e may join them): the
        documents may use its parts apart."""
        lowered = word.lower()
        if self.knows_word(lowered):
            return True
        for cut in range(MIN_COMPOUND_PART, len(lowered) - MIN_COMPOUND_PART + 1):
            head, tail = lowered[:cut], lowered[cut:]
            heads = (head, head[:-1]) if head[-1] in "se" and len(head) > MIN_COMPOUND_PART else (head,)
            if self.knows_word(tail) and any(self._begins_a_word(h) for h in heads):
                return True
        return False

    def _begins_a_word(self, prefix: str) -> bool:
        """Whether a word of the corpus begins with ``prefix`` ("plusplads" begins "pluspladser")."""
        at = bisect.bisect_left(self._sorted_vocabulary, prefix)
        return at < len(self._sorted_vocabulary) and self._sorted_vocabulary[at].startswith(prefix)

    def passage_share(self, term: str) -> float:
        """The share of passages that use ``term``, from its IDF."""
        return 1 / math.expm1(self.idf(term))

    def is_setting(self, name: str) -> bool:
        """A name so common in the corpus that it is a document's own subject (a municipality's notat, the
        country), which its sentences do not repeat (see SETTING_SHARE)."""
        shares = [self.passage_share(t) for t in content_terms(name)]
        return bool(shares) and min(shares) >= SETTING_SHARE

    def uses_phrase(self, phrase: str) -> bool:
        """Whether some text of the corpus holds ``phrase`` (case and spacing aside): "Familie med Hjerte"
        is a name it uses, "Lolland med Toftegård" two."""
        return " ".join(phrase.lower().split()) in self._text

    def is_municipality(self, name: str) -> bool:
        """Whether the corpus writes ``name`` as a municipality's ("Odense Kommune", "Københavns Kommune")."""
        base = self.base_form(name)
        return self.uses_phrase(f"{base} kommune") or self.uses_phrase(f"{base}s kommune")

    def base_form(self, name: str) -> str:
        """A name as an answer's first line gives it: without the genitive a question gave it ("Heckmans
        pointe" -> "Heckman", "Viborgs" -> "Viborg") when the corpus uses that form, so "Aarhus" and
        "Borås" keep their s. A name the corpus lacks loses an s after an e, as Danish names seldom end in "es":
        "Odenses" -> "Odense"."""
        base = name.removesuffix("s")
        known = base.rsplit(" ", 1)[-1].lower() in self.vocabulary
        return base if base != name and (known or (base.endswith("e") and len(base) >= 4)) else name

    def coverage(self, query_terms: Sequence[str], text: str) -> float:
        """IDF-weighted share of the (distinct) query terms present in ``text``."""
        return self.term_coverage(query_terms, text_terms(text))

    def term_coverage(self, query_terms: Iterable[str], text_terms: Iterable[str]) -> float:
        """:meth:`coverage` for a text whose content terms are already known."""
        wanted = set(query_terms)
        if not wanted:
            return 0.0
        present = wanted.intersection(text_terms)
        return sum(self.idf(t) for t in present) / sum(self.idf(t) for t in wanted)


@lru_cache(maxsize=65536)
def text_terms(text: str) -> tuple[str, ...]:
    """:func:`content_terms` of a passage or unit text, in order: the same passages and units are measured
    against question after question (and against each part of one), so each text is analysed once."""
    return tuple(content_terms(text))
