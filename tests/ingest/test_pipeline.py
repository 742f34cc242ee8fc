"""From folders to an index: bad files are skipped with reasons, ``python -m index``, and the chunker."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from ingest.types import Block, DocumentInfo, search_text
from tests.conftest import CORPUS, ROOT, make_settings
from tests.ingest.test_loaders import make_docx, make_pdf, write_bad_files

PDF_PAGES = (
    "Sundhedsplejersken besøger familien tre gange i barnets første leveår. Hun taler med forældrene om søvn.",
    "Ved bekymring for et spædbarn tilbyder sundhedsplejersken ekstra besøg og en samtale med familierådgiveren.",
    "Kapitel 1: Pindsvinemodellen samler forældre, dagpleje og sundhedspleje om det enkelte barn.",
)
MAX_FILE_MB = 0.1  # the oversized file is 150 kB; the good files are smaller


def flat(text: str) -> str:
    return " ".join(text.split())


def make_mixed_folder(folder: Path) -> dict[str, str]:
    """Two good files and every kind of bad file; returns bad file name -> part of the expected reason."""
    expected = write_bad_files(folder)
    (folder / "kaempe.txt").write_text("Tidlig indsats virker. " * 6_600, encoding="utf-8")  # ~150 kB
    expected["kaempe.txt"] = "filen er for stor"
    make_pdf(folder / "pindsvin.pdf", PDF_PAGES, title="Pindsvinemodellen", author="Testkommune")
    make_docx(folder / "dagpleje.docx")
    assert (folder / "pindsvin.pdf").stat().st_size < MAX_FILE_MB * 1e6
    assert (folder / "dagpleje.docx").stat().st_size < MAX_FILE_MB * 1e6
    return expected


# ---- an update over a folder of good and bad files --------------------------------------------------------


def test_update_skips_every_bad_file_with_its_reason_and_indexes_the_good_ones(tmp_path):
    from index import CorpusIndex

    folder = tmp_path / "blandet"
    expected = make_mixed_folder(folder)
    index = CorpusIndex.open(make_settings(tmp_path / "data", max_file_mb=MAX_FILE_MB))

    report = index.update([folder])

    assert sorted(report.added) == ["dagpleje.docx", "pindsvin.pdf"]
    skipped = {item.path.name: item.reason for item in report.skipped}
    assert set(skipped) == set(expected)
    for name, fragment in expected.items():
        assert fragment in skipped[name], (name, skipped[name])
        assert "uventet fejl" not in skipped[name]
    assert all(item.path.parent == folder for item in report.skipped)

    # the good ones are searchable, with their locations
    assert set(index.manifest.documents) == {"dagpleje.docx", "pindsvin.pdf"}
    assert {p.doc_id for p in index.passages.values()} == {"dagpleje.docx", "pindsvin.pdf"}
    top = index.retriever.bm25("pindsvinemodellen", k=1)[0].passage
    assert top.doc_id == "pindsvin.pdf" and top.metadata["title"] == "Pindsvinemodellen"
    assert str(top.metadata["location"]).startswith("side")  # a PDF passage is cited by its page (labels)
    assert top.metadata.get("page") in (1, 2, 3)
    hit = index.retriever.dense("Hvad gør dagplejeren, når et barn græder ved afleveringen?", k=3)
    assert any(h.passage.doc_id == "dagpleje.docx" for h in hit)
    hybrid = index.retriever.hybrid("ekstra besøg af sundhedsplejersken ved bekymring", k=3)
    assert hybrid[0].passage.doc_id == "pindsvin.pdf"
    assert "Sundhedsplejersken" in index.passages[hybrid[0].passage.chunk_id].text or "sundhedsplejersken" in hybrid[0].passage.text

    # the index stays usable: a second run skips the same files and embeds nothing
    again = index.update([folder])
    assert sorted(again.unchanged) == ["dagpleje.docx", "pindsvin.pdf"]
    assert again.chunks_embedded == 0
    assert {item.path.name for item in again.skipped} == set(expected)
    assert not again.removed

    reopened = CorpusIndex.open(make_settings(tmp_path / "data", max_file_mb=MAX_FILE_MB))
    assert set(reopened.manifest.documents) == {"dagpleje.docx", "pindsvin.pdf"}
    assert reopened.retriever.bm25("pindsvinemodellen", k=1)[0].passage.doc_id == "pindsvin.pdf"


def test_a_file_that_turns_bad_keeps_its_indexed_version(tmp_path):
    """A document that later fails to load is skipped, not removed: the last good version stays searchable."""
    from index import CorpusIndex

    folder = tmp_path / "docs"
    folder.mkdir()
    make_pdf(folder / "pindsvin.pdf", PDF_PAGES)
    index = CorpusIndex.open(make_settings(tmp_path / "data"))
    index.update([folder])
    data = (folder / "pindsvin.pdf").read_bytes()
    (folder / "pindsvin.pdf").write_bytes(data[: len(data) // 3])

    report = index.update([folder])

    assert [item.path.name for item in report.skipped] == ["pindsvin.pdf"]
    assert not report.removed
    assert index.retriever.bm25("pindsvinemodellen", k=1)[0].passage.doc_id == "pindsvin.pdf"


def test_missing_path_is_reported(tmp_path):
    from index import CorpusIndex

    index = CorpusIndex.open(make_settings(tmp_path / "data"))
    report = index.update([tmp_path / "findes-ikke"])
    assert [(item.path.name, item.reason) for item in report.skipped] == [("findes-ikke", "filen eller mappen findes ikke")]
    assert index.is_empty
    assert index.retriever.hybrid("tidlig indsats", k=3) == []


# ---- python -m index ------------------------------------------------------------------------------------


def test_cli_prints_the_closing_summary(tmp_path):
    folder = tmp_path / "blandet"
    expected = make_mixed_folder(folder)
    env = {name: value for name, value in os.environ.items() if not name.startswith("TIDLIG_")}
    env.update(
        TIDLIG_DATA_DIR=str(tmp_path / "data"),
        TIDLIG_CACHE_DIR=str(tmp_path / "cache"),
        TIDLIG_MAX_FILE_MB=str(MAX_FILE_MB),
        PYTHONPATH=str(ROOT),
    )

    result = subprocess.run(
        [sys.executable, "-m", "index", str(folder)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 3, result.stderr  # files were skipped
    out = result.stdout
    summary = re.search(
        r"Færdig på (\d+\.\d) s: 2 dokumenter i indekset \(2 nye, 0 ændrede, 0 uændrede, 0 fjernede\), "
        r"(\d+) tekststykker, (\d+) indlejret\.",
        out,
    )
    assert summary, out
    assert int(summary.group(2)) == int(summary.group(3)) > 0
    assert f"Sprunget over ({len(expected)}):" in out
    for name, fragment in expected.items():
        line = next((line for line in out.splitlines() if line.strip().startswith(str(folder / name) + ":")), None)
        assert line is not None, (name, out)
        assert fragment in line, line
    assert (tmp_path / "cache" / "embeddings.sqlite").is_file()
    assert (tmp_path / "data" / "index" / "manifest.json").is_file()


# ---- the chunker ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def embedder(tmp_path_factory):
    from index import make_embedder

    return make_embedder(make_settings(tmp_path_factory.mktemp("chunker")))


@pytest.fixture(scope="module")
def corpus_chunks(embedder, bundled_settings):
    """Every bundled document's blocks and chunks, made with the same settings as the bundled index."""
    from ingest.pipeline import discover, prepare, read
    from ingest.structure import blocks_for

    sources, skipped = discover([CORPUS])
    assert not skipped
    result = {}
    for source in sources:
        document = read(source, 10**8)
        prepared = prepare(
            document, embedder.count_tokens, bundled_settings.chunk_max_tokens, bundled_settings.chunk_overlap_sentences
        )
        result[document.info.doc_id] = (document, blocks_for(document), prepared.chunks)
    return result


def test_no_chunk_of_the_bundled_index_exceeds_the_token_limit(bundled_index, bundled_settings):
    count = bundled_index.embedder.count_tokens
    sizes = {
        chunk_id: count(search_text(passage.text, passage.context))
        for chunk_id, passage in bundled_index.passages.items()
    }
    assert len(sizes) > 100
    too_long = {chunk_id: size for chunk_id, size in sizes.items() if size > bundled_settings.chunk_max_tokens}
    assert not too_long
    assert bundled_settings.chunk_max_tokens <= bundled_index.embedder.max_tokens


def test_the_bundled_index_holds_exactly_the_prepared_chunks(bundled_index, corpus_chunks):
    prepared_ids = {chunk.chunk_id for _, _, chunks in corpus_chunks.values() for chunk in chunks}
    assert prepared_ids == set(bundled_index.passages)


def test_chunks_never_mix_two_blocks(corpus_chunks):
    """Each chunk's text comes from its own block only, so it never spans two slides or two cases."""
    for doc_id, (_, blocks, chunks) in corpus_chunks.items():
        for chunk in chunks:
            assert chunk.block in blocks
            source = flat(chunk.block.text)
            # the block's headings open its first chunk only; the rest is the block's own text
            assert chunk.text.startswith(chunk.heading) and chunk.heading in ("", chunk.block.heading)
            for line in chunk.text[len(chunk.heading) :].strip().split("\n"):
                assert flat(line) in source, (doc_id, chunk.chunk_id, line)
            # metadata comes from that block, so a slide or case number is unique per chunk by construction
            assert chunk.metadata.get("slide") == chunk.block.slide
            assert chunk.metadata.get("case_number") == chunk.block.case_number
            assert chunk.metadata.get("page") == chunk.block.page
            assert chunk.metadata["doc_id"] == doc_id


def test_slide_decks_are_chunked_per_slide(corpus_chunks):
    decks = [doc for doc, (document, _, _) in corpus_chunks.items() if document.info.form == "slides"]
    assert len(decks) == 2
    for doc_id in decks:
        _, blocks, chunks = corpus_chunks[doc_id]
        slides = [block.slide for block in blocks if block.slide is not None]
        assert len(set(slides)) > 5, doc_id
        for chunk in chunks:
            if chunk.block.slide is not None:
                assert chunk.metadata["slide"] == chunk.block.slide
                other_slides = [b for b in blocks if b.slide is not None and b.slide != chunk.block.slide]
                # text that only occurs on another slide never appears in this chunk
                for other in other_slides:
                    own = flat(chunk.block.text)
                    for line in other.text.split("\n"):
                        line = flat(line)
                        if len(line) > 40 and line not in own:
                            assert line not in flat(chunk.text), (doc_id, chunk.metadata["slide"], other.slide, line)


def test_cases_are_chunked_per_case(corpus_chunks):
    _, blocks, chunks = corpus_chunks["kl-2015-de-udsatte-boern-fremtiden-er-deres.txt"]
    case_numbers = {block.case_number for block in blocks if block.case_number is not None}
    assert len(case_numbers) >= 15
    holstebro = [chunk for chunk in chunks if chunk.block.case_number == 1]
    assert holstebro
    assert all("Holstebro" in chunk.metadata.get("municipality", "") for chunk in holstebro)
    assert any("Familie med Hjerte" in chunk.text for chunk in holstebro)
    for chunk in chunks:
        if chunk.block.case_number is None:
            continue
        assert chunk.metadata["case_number"] == chunk.block.case_number
        assert f"CASE #{chunk.block.case_number}" in chunk.context
        # no other case's heading inside the chunk
        others = set(re.findall(r"CASE #(\d+)", chunk.text)) - {str(chunk.block.case_number)}
        assert not others, (chunk.block.case_number, others)


def test_corpus_lists_keep_their_lead_in(corpus_chunks):
    """A chunk that opens with a list item never leaves that list's lead-in ("...:") behind in another chunk."""
    from tidlig.text import is_list_item

    opened_with_item = 0
    for doc_id, (_, _, chunks) in corpus_chunks.items():
        for chunk in chunks:
            first = chunk.text.split("\n")[0]
            if not is_list_item(first):
                continue
            opened_with_item += 1
            source = flat(chunk.block.text)
            before = source[: source.find(flat(first))].rstrip()
            assert not before.endswith(":"), (doc_id, chunk.block.location, before[-80:], first[:80])
    assert opened_with_item > 5


def _list_block() -> tuple[DocumentInfo, Block, str]:
    lead_in = "Dagplejeren skal være opmærksom på følgende tegn på mistrivsel hos barnet:"
    items = [
        f"- Tegn nummer {n}: barnet {what} i længere tid, og det bemærkes af flere voksne omkring det."
        for n, what in enumerate(
            ["trækker sig fra legen", "græder ved aflevering", "spiser meget lidt", "sover uroligt", "slår de andre",
             "taler ikke", "virker trist", "har blå mærker", "kommer sultent", "er ofte syg", "mister sprog",
             "vil ikke hjem"],
            1,
        )
    ]
    text = "Indledning om opsporing. Det er vigtigt at handle tidligt.\n\n" + lead_in + "\n" + "\n".join(items)
    text += "\n\nEfter listen følger et afsluttende afsnit om forældresamarbejde."
    info = DocumentInfo(doc_id="liste.txt", title="Liste")
    return info, Block(text=text, location="side 1", page=1), lead_in


def test_a_split_list_keeps_its_lead_in(embedder):
    from ingest.chunking import chunk_blocks

    info, block, lead_in = _list_block()
    chunks = chunk_blocks(info, [block], embedder.count_tokens, max_tokens=80, overlap_sentences=1)

    with_items = [chunk for chunk in chunks if "- Tegn nummer" in chunk.text]
    assert len(with_items) >= 3, [chunk.text for chunk in chunks]
    for chunk in with_items:
        lines = chunk.text.split("\n")
        first_item = next(i for i, line in enumerate(lines) if line.startswith("- Tegn nummer"))
        assert first_item >= 1 and lines[first_item - 1] == lead_in, chunk.text
    assert with_items[1].text.split("\n")[0] == lead_in  # repeated at the top of a continuation
    # every item appears exactly once, in order; the lead-in never ends a chunk on its own
    items = [line for chunk in with_items for line in chunk.text.split("\n") if line.startswith("- ")]
    assert items == [line for line in block.text.split("\n") if line.startswith("- ")]
    assert all(chunk.text.split("\n")[-1] != lead_in for chunk in chunks)
    for chunk in chunks:
        assert embedder.count_tokens(chunk.search_text) <= 80


def test_chunks_end_at_sentence_boundaries(embedder):
    from ingest.chunking import chunk_blocks

    sentences = [
        f"Sætning {n} handler om, hvordan pædagogen taler med forældrene om barnets trivsel i hverdagen."
        for n in range(1, 25)
    ]
    info = DocumentInfo(doc_id="prosa.txt", title="Prosa")
    chunks = chunk_blocks(info, [Block(text=" ".join(sentences))], embedder.count_tokens, max_tokens=64)

    assert len(chunks) > 3
    for chunk in chunks:
        assert chunk.text.endswith("."), chunk.text
        assert chunk.text.startswith("Sætning"), chunk.text
        assert embedder.count_tokens(chunk.search_text) <= 64
    # overlap: each chunk after the first starts with the last sentence of the one before
    for before, after in pairwise(chunks):
        assert after.text.split("\n")[0] == before.text.split("\n")[-1]
