"""The case comparison grid on the bundled corpus's cases: rows, filters, sort, exports, comparison."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pytest

from ingest.cases import CaseExample, case_examples
from ingest.pipeline import discover, read
from ingest.structure import blocks_for
from ingest.types import DocumentInfo
from tests.conftest import CORPUS
from ui.case_grid import (
    HEADINGS,
    NOT_DESCRIBED,
    case_html,
    case_rows,
    compare_html,
    filter_rows,
    grid_csv,
    grid_markdown,
    municipalities,
    sort_rows,
    table,
)


@dataclass
class Summary:
    info: DocumentInfo


class CaseIndex:
    """The two index methods the grid reads, over the corpus's real documents and cases."""

    def __init__(self, infos: list[DocumentInfo], cases: list[CaseExample]) -> None:
        self._infos, self._cases = infos, cases

    def documents(self) -> list[Summary]:
        return [Summary(info) for info in self._infos]

    def case_examples(self) -> list[CaseExample]:
        return list(self._cases)


@pytest.fixture(scope="module")
def rows():
    infos, cases = [], []
    sources, _ = discover([CORPUS])
    for source in sources:
        document = read(source, 50_000_000)
        infos.append(document.info)
        cases += case_examples({document.info.doc_id: blocks_for(document)})
    hostile = CaseExample(99, "Fjordby Kommune", "![t](http://host/x.png) <b>Fed</b>", "fjordby.pdf",
                          "Fjordby Kommune har etableret et tilbud til børn i alderen 0-6 år. =SUM(A1)", "side 3")  # fmt: skip
    return case_rows(CaseIndex(infos, [*cases, hostile]))


def test_every_case_is_a_row_with_quotes_or_ikke_beskrevet(rows):
    assert len(rows) == 23
    grid = table(rows)
    assert all(len(row) == len(HEADINGS) for row in grid)
    holstebro = next(row for row in grid if row[1] == "Holstebro Kommune")
    assert holstebro[3].startswith("»’Familie med Hjerte’ er et familieforberedelseskursus") and "(CASE #1, afsnit 1)" in holstebro[3]
    assert sum(cell == NOT_DESCRIBED for row in grid for cell in row[3:]) >= 20


def test_filters_and_sort(rows):
    viborg = filter_rows(rows, municipality="Viborg Kommune")
    assert {row.case.number for row in viborg} == {2, 5}  # case 5 is shared by five municipalities
    assert {row.case.number for row in filter_rows(rows, target_group="15-25")} == {8}
    assert [row.case.number for row in filter_rows(rows, text="tandplejen")] == [3]
    by_place = sort_rows(rows, "Kommune")
    assert by_place[0].case.municipality <= by_place[-1].case.municipality
    most = sort_rows(rows, "Flest beskrevne felter")
    assert most[0].described() >= most[-1].described()
    assert "Holstebro Kommune" in municipalities(rows)


def test_csv_and_markdown_exports_carry_sources_and_stay_inert(rows):
    text = grid_csv(rows)
    records = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert records[0] == [*HEADINGS, "Dokument", "Kilde"] and len(records) == 24
    first = next(r for r in records if r[1] == "Holstebro Kommune")
    assert first[-1].startswith("De udsatte børn") and first[-1].endswith(", 2015), CASE #1")
    assert first[-2] == "kl-2015-de-udsatte-boern-fremtiden-er-deres.txt"
    assert not any(cell.startswith("=") for record in records for cell in record)
    markdown = grid_markdown(rows)
    assert "## Kilder" in markdown and "Fil: kl-2015-de-udsatte-boern-fremtiden-er-deres.txt" in markdown
    assert "![t](" not in markdown and "<b>" not in markdown and "\\<b\\>" in markdown


def test_comparison_puts_chosen_cases_side_by_side(rows):
    chosen = [row for row in rows if row.case.number in (1, 2) and row.case.doc_id.startswith("kl-")]
    page = compare_html(chosen)
    assert page.count('<th scope="col">') == 3 and page.count('<th scope="row">') == 7
    assert "inden for det eksisterende budget" in page and "Viborg Kommune" in page
    hostile = next(row for row in rows if row.case.number == 99)
    assert "<b>Fed</b>" not in compare_html([hostile]) + case_html(hostile)
