"""Print how each rendering of the bundled documents ingests compared with its text export.

    .venv/bin/python -m tests.ingest.parity.report               # structure and pages, about 1 min
    .venv/bin/python -m tests.ingest.parity.report --retrieval   # + validation hit@5 per KL rendering

Columns: cases found (of the export's), cases whose municipality and title differ, "KL anbefaler" lists
found identical, sections found and shared with the export, share of evidence units standing on the
page their citation names, and hit@5 next to the text export's. Not run in CI (slow with --retrieval).
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from pathlib import Path

import tidlig.offline  # noqa: F401  (before heavy imports)

from ingest.catalog import read_catalog
from ingest.loaders import load_document
from ingest.pipeline import prepare
from tests.ingest.parity.compare import structure_of
from tests.ingest.parity.corpus import CORPUS, KL, check_pages, corpus_with, hit_at_5, render_document, validation_questions
from tests.ingest.parity.render import Rendering

RENDERINGS = (
    Rendering("pdf", 1, False),
    Rendering("pdf", 2, False),
    Rendering("pdf", 1, True),
    Rendering("pdf", 2, True),
    Rendering("docx"),
)
_LIMIT = 10**9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--retrieval", action="store_true", help="also build an index per KL rendering (slow)")
    args = parser.parse_args()
    catalog = read_catalog(CORPUS / "catalog.toml")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("| document | rendering | cases | cases differing | KL anbefaler lists | sections (shared) | units on cited page |")
        print("|---|---|---|---|---|---|---|")
        for source in sorted(CORPUS.glob("*.txt")):
            info = catalog[source.name]
            expected = structure_of(load_document(source, catalog, _LIMIT))
            print(f"| {source.stem[:24]} | text export | {len(expected.cases)} | – | {len(expected.recommendations)} |"
                  f" {len(expected.sections)} | – |")
            for rendering in RENDERINGS:
                if info.form == "slides" and (rendering.format == "docx" or rendering.columns > 1 or rendering.reflow):
                    continue  # a deck is one slide per page: one PDF rendering
                path = render_document(source, rendering, folder / rendering.name)
                document = load_document(path, {path.name: dataclasses.replace(info, doc_id=path.name)}, _LIMIT)
                found = structure_of(document)
                differing = sum(found.cases.get(n) != case for n, case in expected.cases.items())
                lists = sum(items in found.recommendations for items in expected.recommendations)
                pages = "–"
                if rendering.format == "pdf":
                    chunks = prepare(document, lambda text: 2 * len(text.split()), 400).chunks
                    check = check_pages(chunks, path)
                    pages = f"{check.share:.3f} ({check.on_page}/{check.quotes})"
                print(f"| {source.stem[:24]} | {rendering.name} | {len(found.cases)} | {differing} | {lists} |"
                      f" {len(found.sections)} ({len(expected.sections & found.sections)}) | {pages} |")
        if args.retrieval:
            _retrieval(folder)


def _retrieval(folder: Path) -> None:
    from index import CorpusIndex
    from tests.conftest import make_settings

    questions = validation_questions()
    on_kl = [question for question in questions if KL.name in question.docs]
    print(f"\nhit@5, validation split, KL report replaced by a rendering: all {len(questions)} answerable"
          f" questions, and the {len(on_kl)} whose gold quotes include the KL report")
    print("| corpus | hit@5 all | hit@5 KL |\n|---|---|---|")
    variants = [("text export", CORPUS)] + [
        (rendering.name, corpus_with(KL, rendering, folder / "corpus" / rendering.name))
        for rendering in RENDERINGS
    ]
    for name, corpus in variants:
        index = CorpusIndex.open(make_settings(folder / "data" / name.replace(" ", "-"), corpus_dir=corpus))
        index.update([corpus])
        print(f"| {name} | {hit_at_5(index, questions):.3f} | {hit_at_5(index, on_kl):.3f} |", flush=True)


if __name__ == "__main__":
    main()
