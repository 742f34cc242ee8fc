"""Parity corpora: the bundled corpus with one document replaced by a rendering of it, and the measures
that compare a rendering with its text export (structure, pages of citations, retrieval).

Example::

    folder = corpus_with(KL, Rendering("pdf", columns=2, reflow=True), tmp_path)
    index = CorpusIndex.open(make_settings(tmp_path / "data", corpus_dir=folder)); index.update([folder])
    hit_at_5(index, validation_questions())
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.catalog import CATALOG_FILE
from ingest.types import Chunk, EvidenceUnit
from ingest.units import split_units
from tests.ingest.parity.compare import flat
from tests.ingest.parity.render import Rendering, render

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"
KL = CORPUS / "kl-2015-de-udsatte-boern-fremtiden-er-deres.txt"
# Quotes shorter than this say too little to be looked for on a page.
_MIN_QUOTE = 20
_FOOTER = re.compile(r"^\s*side\s+\d+(?:\s+af\s+\d+)?\s*$", re.IGNORECASE | re.MULTILINE)


def catalog() -> dict:
    return tomllib.loads((CORPUS / CATALOG_FILE).read_text(encoding="utf-8"))


def rendered_name(source: Path, rendering: Rendering) -> str:
    return f"{source.stem}{rendering.suffix()}"


def render_document(source: Path, rendering: Rendering, folder: Path) -> Path:
    """``source`` rendered into ``folder`` with its catalog entry under the new name."""
    folder.mkdir(parents=True, exist_ok=True)
    target = render(source, folder / rendered_name(source, rendering), rendering, catalog()[source.name]["form"])
    _write_catalog(folder, {target.name: catalog()[source.name]})
    return target


def corpus_with(source: Path, rendering: Rendering, folder: Path) -> Path:
    """The bundled corpus in ``folder``, ``source`` replaced by its rendering."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = catalog()
    for path in CORPUS.glob("*.txt"):
        if path != source:
            shutil.copy(path, folder / path.name)
    target = render(source, folder / rendered_name(source, rendering), rendering, entries[source.name]["form"])
    entries[target.name] = entries.pop(source.name)
    _write_catalog(folder, entries)
    return folder


def _write_catalog(folder: Path, entries: dict) -> None:
    lines = []
    for name, entry in entries.items():
        lines.append(f'["{name}"]')
        lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in entry.items()]
        lines.append("")
    (folder / CATALOG_FILE).write_text("\n".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class PageCheck:
    quotes: int
    on_page: int
    wider_than_two: int
    misplaced: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.on_page / self.quotes if self.quotes else 0.0


def pdf_pages_text(pdf: Path) -> list[str]:
    """Each page's plain text, footers removed, as letters only (independent of the code under test)."""
    from pypdf import PdfReader

    return [flat(_FOOTER.sub("", page.extract_text() or "")) for page in PdfReader(pdf).pages]


def check_pages(chunks: Sequence[Chunk], pdf: Path) -> PageCheck:
    """Every evidence unit of every chunk is looked for on the page(s) its chunk's location names."""
    pages = pdf_pages_text(pdf)
    quotes = on_page = wider = 0
    misplaced = []
    for chunk in chunks:
        cited_pages = _cited_pages(chunk)
        wider += len(cited_pages) > 2
        cited = "".join(pages[page - 1] for page in cited_pages if 0 < page <= len(pages))
        for unit in split_units(chunk.chunk_id, chunk.text, chunk.block.kind, chunk.heading):
            quote = flat(_as_printed(unit))
            if len(quote) < _MIN_QUOTE:
                continue
            quotes += 1
            if stands_in(quote, cited):
                on_page += 1
            else:
                misplaced.append(f"{chunk.metadata.get('location')}: {unit.text[:60]}")
    return PageCheck(quotes, on_page, wider, tuple(misplaced))


def _as_printed(unit: EvidenceUnit) -> str:
    """A table row as the page prints it: the index names each cell's column ("Pluspladser – 2016: 527.000;
    2017: ..."), the page shows only the label and the values ("Pluspladser 527.000 ...")."""
    if unit.kind != "table_row" or not unit.lead_in:
        return unit.text
    text = unit.text.replace(" – ", " ", 1).replace(";", "")
    for column in unit.lead_in.split(" | ")[1:]:
        text = text.replace(f"{column}: ", "", 1)
    return text


def stands_in(quote: str, page_text: str, pieces: int = 3) -> bool:
    """``quote`` is on the page, whole or in up to ``pieces`` runs in order: a footnote or a box the
    layout set in the middle of a sentence interrupts it on the page, not in the chunk."""
    position = 0
    for _ in range(pieces):
        low, high = 0, len(quote)  # the longest prefix of the rest found after ``position``
        while low < high:
            middle = (low + high + 1) // 2
            found = page_text.find(quote[:middle], position)
            low, high = (middle, high) if found >= 0 else (low, middle - 1)
        if low < min(len(quote), _MIN_QUOTE):
            return False
        position = page_text.find(quote[:low], position) + low
        quote = quote[low:]
        if not quote:
            return True
    return False


def _cited_pages(chunk: Chunk) -> list[int]:
    """ "side 4" -> [4], "side 4-5" -> [4, 5], "side 4 og 6" -> [4, 6]; a slide ("dias 7") -> its page."""
    location = str(chunk.metadata.get("location", ""))
    match = re.search(r"side (\d+)(?:-(\d+)| og (\d+))?", location)
    if match is None:
        return [int(chunk.metadata["page"])] if location.startswith("dias") and "page" in chunk.metadata else []
    low, high, other = match.group(1, 2, 3)
    if other:
        return [int(low), int(other)]
    return list(range(int(low), int(high or low) + 1))


def validation_questions():
    from eval.dataset import load_questions, select_split

    return [q for q in select_split(load_questions(), "validation") if q.answerable and q.gold]


def hit_at_5(index, questions) -> float:
    """Mean hit@5 of hybrid retrieval with the question alone (as ``eval`` scores retrieval)."""
    from eval.metrics import retrieval_scores

    scores = [
        retrieval_scores(q, [hit.passage.text for hit in index.retriever.hybrid(q.question, k=10)])[0]["hit@5"]
        for q in questions
    ]
    return sum(scores) / len(scores) if scores else 0.0
