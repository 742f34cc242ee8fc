"""The leaders' case comparison grid: one row per case example, each cell a verbatim quote from the
case with its location, or "ikke beskrevet". Pure functions of the index's cases; the tab is ui/cases.py.

Example::

    rows = case_rows(index)
    rows = sort_rows(filter_rows(rows, municipality="Viborg Kommune"), "Kommune")
    grid_csv(rows)        # "Nr.;Kommune;…"
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass

from index import CorpusIndex
from ingest.case_fields import CaseFields, FieldQuote, case_fields
from ingest.cases import CaseExample
from tidlig.text import inert_markdown

NOT_DESCRIBED = "ikke beskrevet"
ALL_MUNICIPALITIES = "Alle kommuner"
# Field -> column heading, in the grid's order (after Nr., Kommune and Titel).
FIELD_HEADINGS = {
    "target_group": "Målgruppe",
    "intervention": "Indsats",
    "result": "Resultat/effekt",
    "economy": "Økonomi",
    "evaluation": "Evaluering",
}
HEADINGS = ["Nr.", "Kommune", "Titel", *FIELD_HEADINGS.values()]
SORT_ORDERS = ("Dokument og nummer", "Kommune", "Titel", "Flest beskrevne felter")


@dataclass(frozen=True)
class CaseRow:
    """A case with its document's facts and its grid fields."""

    case: CaseExample
    title: str  # the document's title
    publisher: str
    year: int | None
    fields: CaseFields

    @property
    def key(self) -> str:
        return f"{self.case.doc_id}#{self.case.number}"

    @property
    def label(self) -> str:
        place = f" ({self.case.municipality})" if self.case.municipality else ""
        return f"CASE #{self.case.number}: {self.case.title}{place}"

    def source(self) -> str:
        """'Title (Publisher, 2015), CASE #1' as plain text."""
        facts = ", ".join(part for part in (self.publisher, str(self.year or "")) if part)
        return f"{self.title} ({facts}), {self.case.location}" if facts else f"{self.title}, {self.case.location}"

    def described(self) -> int:
        return sum(1 for field in FIELD_HEADINGS if self.fields.get(field))


def case_rows(index: CorpusIndex) -> list[CaseRow]:
    """Every case example in the index (bundled and uploaded documents), in document order."""
    documents = {doc.info.doc_id: doc.info for doc in index.documents()}
    rows = []
    for case in index.case_examples():
        info = documents.get(case.doc_id)
        title, publisher, year = (info.title, info.publisher, info.year) if info else (case.doc_id, "", None)
        rows.append(CaseRow(case, title, publisher, year, case_fields(case)))
    return sort_rows(rows, SORT_ORDERS[0])


def municipalities(rows: Sequence[CaseRow]) -> list[str]:
    return [ALL_MUNICIPALITIES, *sorted({row.case.municipality for row in rows if row.case.municipality})]


def filter_rows(
    rows: Sequence[CaseRow], municipality: str | None = None, target_group: str = "", text: str = ""
) -> list[CaseRow]:
    """Rows of one municipality (or all), whose target group cell holds every word of ``target_group``
    and whose case holds every word of ``text`` (case-insensitive)."""
    target_words = (target_group or "").lower().split()
    text_words = (text or "").lower().split()
    kept = []
    for row in rows:
        if municipality and municipality != ALL_MUNICIPALITIES and municipality not in row.case.municipality:
            continue
        target = " ".join(quote.text for quote in row.fields.target_group).lower()
        if not all(word in target for word in target_words):
            continue
        haystack = " ".join((row.case.title, row.case.municipality, row.case.text, row.title)).lower()
        if all(word in haystack for word in text_words):
            kept.append(row)
    return kept


def sort_rows(rows: Sequence[CaseRow], order: str | None) -> list[CaseRow]:
    keys = {
        "Kommune": lambda row: (row.case.municipality.lower(), row.case.number),
        "Titel": lambda row: (row.case.title.lower(), row.case.number),
        "Flest beskrevne felter": lambda row: (-row.described(), row.title, row.case.number),
    }
    return sorted(rows, key=keys.get(order or "", lambda row: (row.title, row.case.doc_id, row.case.number)))


def cell_text(quotes: Sequence[FieldQuote]) -> str:
    """A grid cell as plain text: the quotes in »…« with their location, or "ikke beskrevet"."""
    if not quotes:
        return NOT_DESCRIBED
    return "\n".join(f"»{' '.join(quote.text.split())}« ({quote.location})" for quote in quotes)


def table(rows: Sequence[CaseRow]) -> list[list[object]]:
    """The grid's rows as the Dataframe shows them (plain text, never rendered as Markdown)."""
    return [
        [row.case.number, row.case.municipality, row.case.title, *(cell_text(row.fields.get(f)) for f in FIELD_HEADINGS)]
        for row in rows
    ]


def _csv_safe(value: object) -> object:
    """A cell a spreadsheet will not run as a formula."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else value


def grid_csv(rows: Sequence[CaseRow]) -> str:
    """The grid as CSV (semicolon-separated, as Danish spreadsheets expect), with a source column."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([*HEADINGS, "Dokument", "Kilde"])
    for row, cells in zip(rows, table(rows), strict=True):
        writer.writerow([_csv_safe(cell) for cell in (*cells, row.case.doc_id, row.source())])
    return out.getvalue()


def grid_markdown(rows: Sequence[CaseRow]) -> str:
    """The grid as a Markdown document: one section per case with its fields, then the sources."""
    lines = ["# Kommunale eksempler – sammenligning", ""]
    for number, row in enumerate(rows, 1):
        lines += [f"## {inert_markdown(row.label)} [{number}]", ""]
        for field, heading in FIELD_HEADINGS.items():
            quotes = row.fields.get(field)
            if not quotes:
                lines.append(f"- **{heading}:** _{NOT_DESCRIBED}_")
                continue
            quoted = " ".join(f"»{inert_markdown(' '.join(q.text.split()))}« ({inert_markdown(q.location)})" for q in quotes)
            lines.append(f"- **{heading}:** {quoted}")
        lines.append("")
    lines += ["## Kilder", ""]
    lines += [f"[{number}] {inert_markdown(row.source())}. Fil: {inert_markdown(row.case.doc_id)}" for number, row in enumerate(rows, 1)]
    return "\n".join(lines) + "\n"


def _quotes_html(quotes: Sequence[FieldQuote]) -> str:
    if not quotes:
        return f'<span class="tidlig-none">{NOT_DESCRIBED}</span>'
    return "".join(
        f"<p>»{html.escape(' '.join(q.text.split()))}«"
        f'<span class="tidlig-quote-location">{html.escape(q.location)}</span></p>'
        for q in quotes
    )


def compare_html(rows: Sequence[CaseRow]) -> str:
    """Chosen cases side by side: a column per case, a row per field (a real table for screen readers)."""
    if not rows:
        return '<p class="tidlig-meta">Vælg to eller flere cases ovenfor for at sammenligne dem side om side.</p>'
    head = "".join(f'<th scope="col">{html.escape(row.label)}</th>' for row in rows)
    body = [f'<tr><th scope="row">Kommune</th>{"".join(f"<td>{html.escape(r.case.municipality)}</td>" for r in rows)}</tr>']
    for field, heading in FIELD_HEADINGS.items():
        cells = "".join(f"<td>{_quotes_html(row.fields.get(field))}</td>" for row in rows)
        body.append(f'<tr><th scope="row">{heading}</th>{cells}</tr>')
    sources = "".join(f"<td>{html.escape(row.source())}</td>" for row in rows)
    body.append(f'<tr><th scope="row">Kilde</th>{sources}</tr>')
    return (
        '<div class="tidlig-compare"><table><caption class="tidlig-meta">Citater fra casene; '
        f"»{NOT_DESCRIBED}« betyder, at casen ikke siger noget om det. Rul vandret for at se alle valgte cases.</caption>"
        f'<thead><tr><th scope="col">Felt</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )


def case_html(row: CaseRow) -> str:
    """One case in full."""
    return (
        f'<article class="tidlig-case"><h3>{html.escape(f"CASE #{row.case.number}: {row.case.title}")}</h3>'
        f'<p class="tidlig-meta">{html.escape(" · ".join(p for p in (row.case.municipality, row.source()) if p))}</p>'
        f'<div class="tidlig-case-text">{html.escape(row.case.text)}</div></article>'
    )
