"""BM25 keyword search with Danish analysis (:mod:`index.lexical`), persisted next to the manifest.

The index is bm25s over the tokens of :class:`index.lexical.Analyzer` (Danish stems, stopwords,
numbers, compound parts learnt from the corpus). The analyzer is saved with the index, so a query is
analysed exactly as the passages were. The persisted index records which chunk ids it covers; a stale
one is rebuilt.

Example::

    bm25 = build_bm25(nodes)
    bm25.search("sprogindsatsen i dagtilbud")   # [(chunk_id, score), ...] best first, scores > 0
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from llama_index.core.schema import TextNode

from index.lexical import Analyzer, LexicalOptions
from ingest.types import search_text

log = logging.getLogger(__name__)

BM25_DIR = "bm25"
COVERAGE_FILE = "chunk_ids.json"
ANALYZER_FILE = "analyzer.json"


class LexicalIndex:
    """BM25 over a fixed list of texts; immutable, so concurrent queries may share it."""

    def __init__(self, analyzer: Analyzer, bm25: bm25s.BM25, ids: Sequence[str]) -> None:
        self.analyzer = analyzer
        self._bm25 = bm25
        self.ids = list(ids)
        self._vocabulary = bm25.vocab_dict

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str], options: LexicalOptions = LexicalOptions()) -> LexicalIndex:
        analyzer = Analyzer.learn(texts, options)
        # bm25s defaults (Lucene scoring, k1=1.5, b=0.75). Hybrid on train, objective 0.876 with them:
        # k1 0.9/1.2/2.0 at b=0.4 0.874/0.872/0.870, at b=0.9 0.870/0.870/0.866; BM25+ and ATIRE 0.877, BM25L 0.870.
        bm25 = bm25s.BM25()
        # An empty token list would make bm25s fail; a document without words gets a never-matching token.
        bm25.index([analyzer.tokens(text) or [""] for text in texts], show_progress=False)
        return cls(analyzer, bm25, ids)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every text (in ``ids`` order) for the query."""
        tokens = [token for token in self.analyzer.tokens(query) if token in self._vocabulary]
        if not tokens or not self.ids:
            return np.zeros(len(self.ids), dtype=np.float32)
        return self._bm25.get_scores(tokens)

    def holders(self, term: str) -> list[str]:
        """The ids of the texts that hold ``term`` (none when the corpus never uses it)."""
        number = self._vocabulary.get(term)
        if number is None:
            return []
        start, end = self._bm25.scores["indptr"][number : number + 2]
        return [self.ids[i] for i in self._bm25.scores["indices"][start:end]]

    def sole_holder(self, query: str) -> str | None:
        """The one text that holds every query term no other text holds ("motorisk" in "Et af vores børn er
        motorisk bagud ..."), or None when the query has no such term or two texts each hold one."""
        once = {found[0] for term in set(self.analyzer.tokens(query)) if len(found := self.holders(term)) == 1}
        return once.pop() if len(once) == 1 else None

    def search(self, query: str) -> list[tuple[str, float]]:
        """(id, score) of every text that shares a term with the query, best first."""
        scores = self.scores(query)
        order = np.argsort(-scores, kind="stable")
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0]

    def whole(self) -> bool:
        """Whether its parts belong together: a score row for each word of the vocabulary (bm25s keeps one entry
        more in each) and a score column for each id."""
        return len(self._bm25.scores["indptr"]) == len(self._vocabulary) and self._bm25.scores["num_docs"] == len(self.ids)

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder), show_progress=False)
        (folder / ANALYZER_FILE).write_text(
            json.dumps({"ids": self.ids, "analyzer": self.analyzer.to_json()}, ensure_ascii=False), encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        data = json.loads((folder / ANALYZER_FILE).read_text(encoding="utf-8"))
        bm25 = bm25s.BM25.load(str(folder), show_progress=False)
        return cls(Analyzer.from_json(data["analyzer"]), bm25, data["ids"])


def danish_stemmer() -> Stemmer.Stemmer:
    """The Snowball Danish stemmer (for llama-index's ``BM25Retriever`` in the evaluation's baseline)."""
    return Stemmer.Stemmer("danish")


def search_node_text(node: TextNode) -> str:
    """BM25 indexes the heading context with the text, like the embeddings do."""
    return search_text(node.text, str(node.metadata.get("context", "")))


def build_bm25(nodes: Sequence[TextNode], options: LexicalOptions = LexicalOptions()) -> LexicalIndex:
    return LexicalIndex.build([node.node_id for node in nodes], [search_node_text(node) for node in nodes], options)


def save_bm25(index: LexicalIndex, chunk_ids: set[str], index_dir: Path) -> None:
    target = index_dir / BM25_DIR
    temporary = index_dir / (BM25_DIR + ".tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(parents=True)
    index.save(temporary)
    (temporary / COVERAGE_FILE).write_text(json.dumps(sorted(chunk_ids)), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    temporary.rename(target)


def load_bm25(index_dir: Path, chunk_ids: set[str], options: LexicalOptions = LexicalOptions()) -> LexicalIndex | None:
    """The persisted index, or None when missing, not covering exactly ``chunk_ids``, built with other
    lexical options, written in an older format, or replaced while it was read.

    Another process's writer replaces the folder whole (see :func:`save_bm25`), but a reader may read its files
    across that moment: a vocabulary of the new index beside the score matrix of the old one had failed a search
    ("The maximum token ID in the query (74) is higher than the number of tokens in the index"). Such a read is
    told by the coverage file changing under it or by parts that do not fit together, and the caller rebuilds."""
    folder = index_dir / BM25_DIR
    coverage = folder / COVERAGE_FILE
    if not coverage.is_file() or not (folder / ANALYZER_FILE).is_file():
        return None
    try:
        covered = coverage.read_text(encoding="utf-8")
        if set(json.loads(covered)) != chunk_ids:
            return None
        index = LexicalIndex.load(folder)
        replaced = coverage.read_text(encoding="utf-8") != covered
    except (OSError, ValueError) as error:  # the folder went away or was half rewritten as it was read
        log.info("BM25 index changed while it was read: %s", error)
        return None
    return index if not replaced and index.whole() and index.analyzer.options == options else None
