"""The launched app through gradio_client: answers with citations, follow-ups, export, upload, health,
and a failing request that returns a Danish error while the app keeps serving."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import urllib.request
from pathlib import Path

import pytest

from ui.render import REFUSAL_TITLE
from prompts import render
from tests.app.conftest import serve
from tests.conftest import CORPUS, make_settings

QUESTION = "Hvad gjorde Holstebro Kommune for førstegangsforældre?"
UPLOAD_QUESTION = "Hvad er Legepatruljen i Fjordby Kommune?"
UPLOAD_TEXT = """Legepatruljen i Fjordby Kommune

Legepatruljen er en tidlig indsats, hvor to pædagoger hver uge besøger kommunens legepladser og taler med
forældre til børn under seks år. Pædagogerne giver råd om søvn, leg og sprog og hjælper familier videre til
sundhedsplejen, når de er bekymrede for et barn.

Efter to år var antallet af sene underretninger om børn under seks år i Fjordby Kommune faldet med 17 pct.
Legepatruljen koster 1,2 mio. kr. om året og er finansieret af kommunens forebyggelsespulje.
"""
MARKER = re.compile(r"\[\[(\d+)\]\]\(#kilde-(\d+)-(\d+)\)")


def ask(client, question: str, history=None, documents=None) -> tuple[str, str]:
    return client.predict(question, history or [], documents or [], api_name="/ask")


def assert_cited(markdown: str, sources: str, turn: int = 1, more: bool = True) -> None:
    markers = MARKER.findall(markdown)
    assert markers, markdown
    for number, marker_turn, anchor_number in markers:
        assert marker_turn == str(turn) and anchor_number == number
        assert f'id="kilde-{turn}-{number}"' in sources, f"[{number}] has no source in the panel"
    assert "<mark>" in sources
    assert ("Vis hele passagen" in sources) == more  # the surrounding text, when the document has more than one chunk


def test_question_gets_an_answer_with_citations(served):
    markdown, sources = ask(served.client(), QUESTION)
    assert REFUSAL_TITLE not in markdown
    assert "Holstebro" in markdown
    assert "**Kilder:**" in markdown
    assert_cited(markdown, sources)
    assert "De udsatte børn" in sources and "KL" in sources and "2015" in sources


def test_refusal_is_marked_and_still_shows_the_nearest_sources(served):
    markdown, sources = ask(served.client(), "Hvad koster en elcykel i Tyskland?")
    assert 'class="tidlig-refusal"' in markdown and REFUSAL_TITLE in markdown
    assert "Nærmeste kilder" in sources and 'id="kilde-1-1"' in sources


def test_privacy_notice_comes_first(served):
    markdown, _ = ask(served.client(), "Drengen Mikkel Hansen 010203-1234 er ked af det – hvad gør jeg?")
    assert markdown.startswith("> ⚠️")
    assert "CPR-nummer" in markdown.split("\n\n", 1)[0]


def test_follow_up_uses_the_conversation_and_export_has_the_references(served):
    client = served.client()
    _, history, _, _ = client.predict(QUESTION, [], [], api_name="/chat")
    assert [m["role"] for m in history] == ["user", "assistant"]
    _, history, sources, _ = client.predict("Virkede det?", history, [], api_name="/chat")
    answer = history[-1]["content"]
    text = answer if isinstance(answer, str) else " ".join(part.get("text", "") for part in answer)
    assert REFUSAL_TITLE not in text, text
    assert_cited(text, sources, turn=2)
    assert "Holstebro" in sources  # the follow-up is about the case asked about first

    # The stateless /ask endpoint takes the history explicitly.
    followup, _ = ask(client, "Virkede det?", history[:2])
    assert MARKER.search(followup) and "Holstebro" in followup

    exported = Path(client.predict(api_name="/export"))
    assert exported.suffix == ".md"
    markdown = exported.read_text(encoding="utf-8")
    assert "## Spørgsmål 1" in markdown and QUESTION in markdown
    assert "## Spørgsmål 2" in markdown and "Virkede det?" in markdown
    assert markdown.count("### Kilder") == 2
    assert re.search(r"^\[1\] De udsatte børn.*KL.*2015.*Fil: kl-2015", markdown, re.M)
    assert re.search(r"^> ».+«$", markdown, re.M)  # quoted passages
    assert "[[1]]" not in markdown and "<div" not in markdown  # plain Markdown, no UI markup


def test_health_answers_json(served, bundled_index):
    with urllib.request.urlopen(served.url + "health", timeout=10) as response:
        assert response.status == 200
        body = json.loads(response.read())
    assert body == {"status": "ok", "documents": len(bundled_index.documents()), "chunks": len(bundled_index.passages)}
    assert body["documents"] >= 5 and body["chunks"] > 100


class BrokenRetriever:
    """Fails for one document filter value, like a bug deep in retrieval would."""

    def __init__(self, retriever) -> None:
        self.retriever = retriever

    def __getattr__(self, name):  # everything else (embed_query, bm25, dense, …) works as it does for real
        return getattr(self.retriever, name)

    def hybrid(self, query, k, filters, vector=None):
        if "ødelagt.pdf" in filters.doc_ids:
            raise RuntimeError("injected failure")
        return self.retriever.hybrid(query, k=k, filters=filters, vector=vector)


def test_a_failing_request_returns_the_danish_error_and_the_app_keeps_serving(served, bundled_index, monkeypatch, caplog):
    broken = dataclasses.replace(bundled_index._state, retriever=BrokenRetriever(bundled_index.retriever))
    monkeypatch.setattr(bundled_index, "_state", broken)
    client = served.client()
    with caplog.at_level(logging.ERROR, logger="tidlig.app"):
        markdown, sources = ask(client, "Hvad gør jeg med 010203-1234?", documents=["ødelagt.pdf"])
    assert markdown == render("error") and sources == ""
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "ask failed" in logged and "[CPR-NR]" in logged and "010203-1234" not in logged
    markdown, sources = ask(client, QUESTION)
    assert_cited(markdown, sources)


@pytest.fixture(scope="module")
def upload_app(tmp_path_factory):
    """A second app on its own small index, so uploads never touch the shared bundled index."""
    from assistant import Assistant
    from index import CorpusIndex

    settings = make_settings(tmp_path_factory.mktemp("upload") / "data")
    index = CorpusIndex.open(settings)
    index.update([CORPUS / "bupl-kora-2017-socioekonomiske-fordelingsmodeller.txt"])
    with serve(Assistant(index, settings), settings) as running:
        yield running


def test_upload_is_ingested_and_searchable_then_delete_removes_it(upload_app, tmp_path):
    from gradio_client import handle_file

    client = upload_app.client()
    before, _ = ask(client, UPLOAD_QUESTION)
    assert REFUSAL_TITLE in before

    document = tmp_path / "fjordby-legepatruljen.txt"
    document.write_text(UPLOAD_TEXT, encoding="utf-8")
    empty = tmp_path / "tom.txt"
    empty.write_text("", encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("# Om mappen", encoding="utf-8")
    note = tmp_path / "sagsnotat.txt"  # indexed, but not as it stands: the admin is told
    note.write_text("Notat om barnet, cpr 010203-1234. Mødet med forældrene blev flyttet til tirsdag.", encoding="utf-8")
    files = [handle_file(document), handle_file(empty), handle_file(readme), handle_file(note)]
    result, table, *_ = client.predict(files, api_name="/upload")
    assert "fjordby-legepatruljen.txt**: indlæst" in result, result
    assert "tom.txt**: sprunget over – filen er tom" in result, result
    assert "README.md**: sprunget over – filnavnet er reserveret" in result, result
    assert "⚠️ **sagsnotat.txt**: ét CPR-nummer er fjernet fra teksten." in result, result
    uploads = upload_app.settings.data_dir / "uploads"
    assert sorted(path.name for path in uploads.rglob("*") if path.is_file()) == ["fjordby-legepatruljen.txt", "sagsnotat.txt"]
    assert "fjordby-legepatruljen.txt" in [row[-1] for row in table["data"]]

    markdown, sources = ask(client, UPLOAD_QUESTION)
    assert REFUSAL_TITLE not in markdown
    assert_cited(markdown, sources, more=False)  # a one-chunk document has no surrounding text
    assert "Legepatruljen" in markdown and "fjordby-legepatruljen.txt" not in markdown  # the title, not the file name
    filtered, _ = ask(client, UPLOAD_QUESTION, documents=["fjordby-legepatruljen.txt"])
    assert REFUSAL_TITLE not in filtered

    result, table, *_ = client.predict("fjordby-legepatruljen.txt", api_name="/delete")
    assert "er slettet" in result
    assert not (uploads / "fjordby-legepatruljen.txt").exists()
    assert "fjordby-legepatruljen.txt" not in [row[-1] for row in table["data"]]
    after, _ = ask(client, UPLOAD_QUESTION)
    assert REFUSAL_TITLE in after


def test_a_refusal_under_a_filter_that_matches_nothing_ends_with_a_sentence(served):
    from ui.conversation import NO_SOURCES_FILTERED

    markdown, sources = ask(served.client(), "Hvad er tidlig indsats?", documents=["findes-ikke.pdf"])
    assert REFUSAL_TITLE in markdown and sources == ""
    body = markdown.split("</div>")[0].rstrip()
    assert body.endswith(NO_SOURCES_FILTERED), body[-300:]
