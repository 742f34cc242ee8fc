"""BM25 persisted next to the manifest: Danish analysis survives a restore, a stale copy is rebuilt."""

from __future__ import annotations

import shutil

from tests.conftest import make_settings
from tests.index.test_corpus_index import SMALL_DOCS, bm25_coverage, write_small_corpus

QUERIES = (
    "kommunerne og sundhedsplejen",
    "forældrene til nyfødte børn",
    "mistrivsel i dagplejen",
    "overgangen til skolen",
    "børnene græder ved afleveringen",
)


def _ranked(hits):
    return [(hit.passage.chunk_id, round(hit.score, 5)) for hit in hits]


def test_restored_bm25_stems_danish_and_ranks_like_a_fresh_one(tmp_path):
    from index import CorpusIndex
    from index.bm25 import build_bm25, load_bm25
    from index.store import ChunkStore, chroma_client
    from index.lexical import LexicalOptions

    folder = write_small_corpus(tmp_path / "docs")
    settings = make_settings(tmp_path / "data")
    built = CorpusIndex.open(settings)
    built.update([folder])
    fresh = {query: _ranked(built.retriever.bm25(query, k=10)) for query in QUERIES}

    restored = load_bm25(settings.index_dir, built.manifest.chunk_ids())
    assert restored is not None
    assert restored.analyzer.tokens("kommunerne") == ["kommun"]
    assert restored.analyzer.options == LexicalOptions()

    reopened = CorpusIndex.open(settings)  # restores BM25 from disk
    assert reopened.retriever._bm25.analyzer.to_json() == built.retriever._bm25.analyzer.to_json()
    for query in QUERIES:
        assert fresh[query], query
        assert _ranked(reopened.retriever.bm25(query, k=10)) == fresh[query], query

    # and both equal a retriever built right now from the stored nodes
    nodes = [node for node in ChunkStore(chroma_client(settings), reopened.collection_name).nodes() if node.node_id in reopened.passages]
    rebuilt = build_bm25(nodes)
    for query in QUERIES:
        direct = [(chunk_id, round(score, 5)) for chunk_id, score in rebuilt.search(query)][:10]
        assert direct == fresh[query], query

    # an inflected form finds the base form only thanks to the Danish stemmer
    hits = reopened.retriever.bm25("kommunernes", k=3)
    assert hits and "kommune" in hits[0].passage.text.lower()


def test_stale_bm25_is_rebuilt_on_open(tmp_path):
    from index import CorpusIndex

    folder = write_small_corpus(tmp_path / "docs", ("sundhedspleje.txt", "dagpleje.md"))
    settings = make_settings(tmp_path / "data")
    index = CorpusIndex.open(settings)
    index.update([folder])
    stale_copy = tmp_path / "bm25-stale"
    shutil.copytree(settings.index_dir / "bm25", stale_copy)

    write_small_corpus(folder, ("skolestart.txt",))
    index.update([folder])
    assert set(index.manifest.documents) == set(SMALL_DOCS)

    # put back the BM25 that covers only two documents, as if a run died between manifest and BM25
    shutil.rmtree(settings.index_dir / "bm25")
    shutil.copytree(stale_copy, settings.index_dir / "bm25")
    assert bm25_coverage(index) != index.manifest.chunk_ids()

    reopened = CorpusIndex.open(settings)

    assert bm25_coverage(reopened) == reopened.manifest.chunk_ids()
    hits = reopened.retriever.bm25("overleveringssamtale brobygning", k=3)
    assert hits and hits[0].passage.doc_id == "skolestart.txt"
    assert reopened.retriever._bm25.analyzer.tokens("kommunerne") == ["kommun"]


def test_missing_bm25_is_rebuilt_on_open(tmp_path):
    from index import CorpusIndex

    folder = write_small_corpus(tmp_path / "docs", ("dagpleje.md",))
    settings = make_settings(tmp_path / "data")
    CorpusIndex.open(settings).update([folder])
    shutil.rmtree(settings.index_dir / "bm25")

    reopened = CorpusIndex.open(settings)

    assert bm25_coverage(reopened) == reopened.manifest.chunk_ids()
    assert reopened.retriever.bm25("middagsluren", k=1)[0].passage.doc_id == "dagpleje.md"


def test_bm25_built_with_other_lexical_options_is_rebuilt(tmp_path):
    from index import CorpusIndex
    from index.bm25 import build_bm25, save_bm25
    from index.store import ChunkStore, chroma_client
    from index.lexical import LexicalOptions

    folder = write_small_corpus(tmp_path / "docs", ("dagpleje.md",))
    settings = make_settings(tmp_path / "data")
    index = CorpusIndex.open(settings)
    index.update([folder])
    nodes = [node for node in ChunkStore(chroma_client(settings), index.collection_name).nodes() if node.node_id in index.passages]
    save_bm25(build_bm25(nodes, LexicalOptions(compounds=False)), set(index.passages), settings.index_dir)

    reopened = CorpusIndex.open(settings)

    assert reopened.retriever._bm25.analyzer.options == LexicalOptions()


def test_the_sole_holder_is_the_one_text_holding_the_query_words_no_other_text_holds():
    from index.bm25 import LexicalIndex

    texts = [
        "Børnene leger i haven, og de voksne ser på.",
        "Børnene er motorisk alderssvarende efter bevægelsesindsatsen i haven.",
        "Børnene får sprogstimulering i haven hver dag.",
    ]
    lexical = LexicalIndex.build(["leg", "motor", "sprog"], texts)
    assert lexical.holders("hav") == ["leg", "motor", "sprog"]
    assert lexical.holders("motorik") == ["motor"] and lexical.holders("cykel") == []  # "motorisk" has the stem of "motorik"
    assert lexical.sole_holder("Et barn er motorisk bagud i haven") == "motor"
    assert lexical.sole_holder("motorisk alderssvarende") == "motor"  # both words in the same text
    assert lexical.sole_holder("motorisk og sprogstimulering") is None  # two texts, one word each
    assert lexical.sole_holder("børnene i haven") is None  # no word only one text holds


def test_a_bm25_folder_read_while_another_process_replaces_it_is_not_used(tmp_path, monkeypatch):
    """A reader may read the folder's files across the moment a writer replaces it: a vocabulary of the new index
    beside the score matrix of the old one had failed a search ("The maximum token ID in the query ...")."""
    from llama_index.core.schema import TextNode

    from index import bm25 as module
    from index.bm25 import BM25_DIR, build_bm25, load_bm25, save_bm25

    old = build_bm25([TextNode(id_="a", text="Sundhedsplejen besøger familien."), TextNode(id_="b", text="Dagplejen.")])
    new = build_bm25([TextNode(id_="a", text="Forældrene i dagplejen taler med pædagogen om barnets sprog og søvn.")])
    save_bm25(old, {"a", "b"}, tmp_path / "old")
    save_bm25(new, {"a", "b"}, tmp_path / "new")
    assert load_bm25(tmp_path / "old", {"a", "b"}) is not None
    shutil.copy(tmp_path / "new" / BM25_DIR / "vocab.index.json", tmp_path / "old" / BM25_DIR / "vocab.index.json")
    assert load_bm25(tmp_path / "old", {"a", "b"}) is None  # the parts do not fit together

    save_bm25(old, {"a", "b"}, tmp_path / "gone")

    def removed_while_read(folder):
        shutil.rmtree(folder)
        raise FileNotFoundError(folder)

    monkeypatch.setattr(module.LexicalIndex, "load", classmethod(lambda cls, folder: removed_while_read(folder)))
    assert load_bm25(tmp_path / "gone", {"a", "b"}) is None
