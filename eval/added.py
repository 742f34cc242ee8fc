"""An index of the bundled corpus with an organisation's own documents added, for evaluating and fitting on them.

``python -m eval --documents DIR`` and ``python -m eval.fit --add QUESTIONS DIR`` both ask questions about
documents that are not in the bundled corpus. The documents are indexed with the corpus in a data folder of
their own (``<data>/eval-documents/<DIR's name>``, kept in step with DIR), so the app's index is never
touched; the embedding cache stays the shared one, so nothing is embedded twice.

Example::

    settings = index_with_documents(start(), Path("eval/unseen/a"))
    assistant = Assistant.open(settings)  # the corpus and set a's three documents
"""

from __future__ import annotations

import sys
from pathlib import Path

from tidlig.settings import Settings

__all__ = ["EVAL_DOCUMENTS", "index_with_documents"]

EVAL_DOCUMENTS = "eval-documents"  # the data folder's subfolder for indexes with added documents


def index_with_documents(settings: Settings, documents: Path) -> Settings:
    """Settings whose index holds the corpus and the files under ``documents``, built or brought up to date."""
    from index import CorpusIndex
    from index.writer import WriterLock

    own = settings.model_copy(
        update={"data_dir": settings.data_dir / EVAL_DOCUMENTS / documents.resolve().name, "cache_dir": settings.embedding_cache.parent}
    )
    index = CorpusIndex.open(own, writer=WriterLock(own.index_dir, wait_s=None))
    paths = [own.corpus_dir, documents]
    report = index.update(paths, remove=index.missing(paths))
    for skipped in report.skipped:
        print(f"Sprunget over: {skipped.path.name}: {skipped.reason}", file=sys.stderr)
    return own
