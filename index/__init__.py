"""The searchable index: embeddings, Chroma store, BM25 and hybrid retrieval.

Example::

    from index import CorpusIndex, PassageFilter
    index = CorpusIndex.open(settings)
    index.update([settings.corpus_dir])
    index.retriever.hybrid("bekymring for et barn", k=5, filters=PassageFilter(kinds=("rapport",)))
"""

import tidlig.offline  # noqa: F401  (``python -m index`` imports this package before its __main__)

from index.corpus_index import CorpusIndex, DocumentSummary, UpdateReport
from index.embeddings import Embedder, make_embedder
from index.retrieval import FusionSettings, Passage, PassageFilter, Retriever, ScoredPassage
from index.writer import IndexBusy, WriterLock

__all__ = [
    "CorpusIndex",
    "DocumentSummary",
    "Embedder",
    "FusionSettings",
    "IndexBusy",
    "Passage",
    "PassageFilter",
    "Retriever",
    "ScoredPassage",
    "UpdateReport",
    "WriterLock",
    "make_embedder",
]
