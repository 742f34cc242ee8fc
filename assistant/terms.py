"""Danish content terms: lowercased, stop words removed, Snowball-stemmed. Shared by the gate, the
sentence scorer of citat mode and the citation verifier, so they all agree on what a word is.

Example::

    content_terms("Hvad gør kommunerne for de udsatte børn?")   # ["gør", "kommun", "udsat", "børn"]
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_DANISH

# Question words and filler common in practitioners' questions but carrying no topic.
QUESTION_WORDS = {
    "hvad", "hvordan", "hvorfor", "hvornår", "hvem", "hvilke", "hvilken", "hvilket", "hvor", "mange", "kan", "skal",
    "gør", "gøre", "jeg", "vi", "der", "som", "om", "siger", "står", "dokumenterne", "dokumentet", "fortæl",
    "forklar", "giv", "eksempel", "eksempler", "nogle", "noget", "egentlig", "mon", "både", "får", "få",
}
STOP = set(STOPWORDS_DANISH) | QUESTION_WORDS
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[a-zæøåéü]+(?:-[a-zæøåéü]+)*", re.IGNORECASE)
_stemmer = Stemmer.Stemmer("danish")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning (numbers kept as they are)."""
    return [stem(w) if not w[0].isdigit() else w for w in words(text) if w not in STOP and (len(w) > 2 or w.isdigit())]
