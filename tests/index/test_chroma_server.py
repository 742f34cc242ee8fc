"""The index against a real Chroma server (``chroma run``), as when several app processes share one index."""

from __future__ import annotations

import pytest

from tests import chroma_server as chroma
from tests.conftest import make_settings
from tests.index.test_corpus_index import SMALL_DOCS, stored_ids, write_small_corpus

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    with chroma.chroma_server(tmp_path_factory.mktemp("chroma-server")) as port:
        yield port


def test_index_in_a_chroma_server(chroma_server, tmp_path):
    import chromadb

    from index import CorpusIndex
    from index.store import unit_collection_name

    folder = write_small_corpus(tmp_path / "docs")
    settings = make_settings(
        tmp_path / "data", chroma_mode="server", chroma_host="127.0.0.1", chroma_port=chroma_server
    )

    index = CorpusIndex.open(settings)
    report = index.update([folder])

    assert sorted(report.added) == sorted(SMALL_DOCS)
    assert not (settings.index_dir / "chroma").exists(), "server mode must not create an embedded store"
    server = chromadb.HttpClient(host="127.0.0.1", port=chroma_server)
    collection = server.get_collection(index.collection_name)
    assert set(collection.get(include=[])["ids"]) == index.manifest.chunk_ids()
    units = server.get_collection(unit_collection_name(index.collection_name))
    assert set(units.get(include=[])["ids"]) == index.manifest.unit_ids() != set()

    hits = index.retriever.dense("Hvad sker der ved overleveringssamtalen før skolestart?", k=3)
    assert hits[0].passage.doc_id == "skolestart.txt"
    assert index.retriever.hybrid("sundhedsplejerskens hjemmebesøg", k=3)[0].passage.doc_id == "sundhedspleje.txt"

    # a second process (here: a second open) sees the same index through the server
    reopened = CorpusIndex.open(settings)
    assert set(reopened.passages) == set(index.passages)
    assert reopened.retriever.dense("Hvad sker der ved overleveringssamtalen før skolestart?", k=3)[0].passage.chunk_id == (
        hits[0].passage.chunk_id
    )
    assert reopened.units == index.units
    vector = reopened.retriever.embed_query("Hvornår følger kommunen op på skolestarten?")
    unit_ids = [u.unit_id for chunk_units in reopened.units.values() for u in chunk_units]
    similarities = reopened.unit_similarities(vector, unit_ids)
    best = max(similarities, key=similarities.get)
    assert "tre måneder" in next(u.text for cu in reopened.units.values() for u in cu if u.unit_id == best)
    again = reopened.update([folder])
    assert sorted(again.unchanged) == sorted(SMALL_DOCS)
    assert again.chunks_embedded == again.units_embedded == 0

    # a removal goes through the server too
    removed = set(reopened.manifest.documents["dagpleje.md"].chunk_ids)
    removed_units = set(reopened.manifest.documents["dagpleje.md"].unit_ids)
    assert reopened.remove_document("dagpleje.md")
    assert not removed & set(server.get_collection(reopened.collection_name).get(include=[])["ids"])
    assert removed_units and not removed_units & set(units.get(include=[])["ids"])
    assert not removed & set(reopened.units)


def test_two_deployments_share_a_server_without_seeing_each_other(chroma_server, tmp_path):
    """TIDLIG_CHROMA_COLLECTION prefixes the collections: with the same model and chunking the two
    deployments would otherwise write one collection, and each one's orphan sweep would delete the
    other's chunks."""
    from index import CorpusIndex
    from index.store import ChunkStore, chroma_client

    def deployment(name: str, prefix: str):
        settings = make_settings(
            tmp_path / name, chroma_mode="server", chroma_host="127.0.0.1", chroma_port=chroma_server,
            chroma_collection=prefix,
        )
        return CorpusIndex.open(settings)

    north = deployment("north", "nord.kommune")
    south = deployment("south", "syd-kommune")
    north.update([write_small_corpus(tmp_path / "north-docs", ("sundhedspleje.txt", "dagpleje.md"))])
    south.update([write_small_corpus(tmp_path / "south-docs", ("skolestart.txt",))])

    assert north.collection_name.startswith("nord.kommune-") and south.collection_name.startswith("syd-kommune-")
    assert north.collection_name.split("-")[-1] == south.collection_name.split("-")[-1]  # same config
    assert {p.doc_id for p in north.passages.values()} == {"sundhedspleje.txt", "dagpleje.md"}
    assert {p.doc_id for p in south.passages.values()} == {"skolestart.txt"}
    for hit in south.retriever.dense("sundhedsplejerskens hjemmebesøg hos nyfødte", k=10):
        assert hit.passage.doc_id == "skolestart.txt"
    north_chunks = stored_ids(north)

    # south's sweep (on every update) deletes its own orphans and never north's chunks
    client = chroma_client(south.settings)
    orphan = ChunkStore(client, north.collection_name).collection.get(ids=[sorted(north_chunks)[0]], include=["embeddings"])
    ChunkStore(client, south.collection_name).collection.add(ids=["orphan-1"], embeddings=orphan["embeddings"])
    south.update([write_small_corpus(tmp_path / "south-more", ("dagpleje.md",))])

    assert "orphan-1" not in stored_ids(south)
    assert stored_ids(north) == north_chunks
    assert CorpusIndex.open(north.settings).retriever.bm25("middagsluren", k=1)[0].passage.doc_id == "dagpleje.md"
