"""Optional second-stage ranking with a sentence-transformers ``CrossEncoder`` from a local folder.

Off by default (no reranker ships its weights on PyPI); set ``TIDLIG_RERANKER_PATH`` to a local model
folder to turn it on. torch and sentence-transformers are imported only then.

Example::

    reranker = Reranker(Path("/models/my-cross-encoder"))
    hits = reranker.rerank("Hvad gør Holstebro?", hits)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from index import ScoredPassage

RERANK_CANDIDATES = 20


class Reranker:
    def __init__(self, path: Path) -> None:
        import torch
        from sentence_transformers import CrossEncoder

        torch.set_num_threads(1)  # two threads on two shared cores were 20x slower (measured)
        self._model = CrossEncoder(str(path), device="cpu")

    def rerank(self, query: str, hits: list[ScoredPassage]) -> list[ScoredPassage]:
        """The first candidates reordered by the cross-encoder's score; the rest keep their order."""
        head, tail = hits[:RERANK_CANDIDATES], hits[RERANK_CANDIDATES:]
        if not head:
            return hits
        scores = self._model.predict([(query, hit.passage.text) for hit in head])
        ranked = sorted(zip(head, scores, strict=True), key=lambda pair: float(pair[1]), reverse=True)
        return [replace(hit, score=float(score)) for hit, score in ranked] + tail
