"""The row of a table a question asks to stand out (assistant.standout), on hand-written tables."""

import pytest

from assistant.standout import asked_extreme, standout_row

QUARTERS_HEADER = "Kvartal | Dagtilbud | Skole | I alt 2024 | I alt 2023"
QUARTERS = [
    "1. kvartal | 96 | 214 | 310 | 278",
    "2. kvartal | 88 | 197 | 285 | 266",
    "3. kvartal | 61 | 142 | 203 | 191",
    "4. kvartal | 104 | 244 | 348 | 297",
    "Hele året | 349 | 797 | 1.146 | 1.032",
]


@pytest.mark.parametrize(
    ("question", "extreme"),
    [
        ("Hvornår på året havde PPR flest nye sager i 2024?", "max"),
        ("Hvilken aldersgruppe er vokset mest?", "max"),
        ("Hvor kom de fleste henvisninger fra?", "max"),
        ("Hvilket distrikt har den laveste andel?", "min"),
        ("Hvilken skole havde færrest elever?", "min"),
        ("Hvor stor en andel fik den mest omfattende sproghjælp?", None),  # an adjective's superlative: a kind of help
        ("Skal vi mødes mindst 3 gange?", None),  # a floor, not the lowest
        ("Hvor mange sager var der i 2024?", None),
    ],
)
def test_a_question_asks_for_the_highest_or_the_lowest(question, extreme):
    assert asked_extreme(question) == extreme


def test_the_row_highest_in_the_asked_years_column_stands_out_and_the_years_sum_is_not_compared():
    question = "Hvornår på året havde PPR flest nye sager i 2024?"
    assert standout_row(QUARTERS_HEADER, QUARTERS, question, "max") == 3  # "4. kvartal", not "Hele året"
    assert standout_row(QUARTERS_HEADER, QUARTERS, "Hvornår havde PPR færrest nye sager i 2023?", "min") == 2


def test_a_question_on_growth_compares_the_column_of_changes():
    header = "Aldersgruppe | 2023 | 2024 | Ændring"
    rows = ["0-2 år | 88 | 92 | +5 %", "6-9 år | 301 | 318 | +6 %", "13-16 år | 190 | 236 | +24 %", "Alle | 579 | 646 | +12 %"]
    assert standout_row(header, rows, "Hvilken aldersgruppe er vokset mest?", "max") == 2


@pytest.mark.parametrize(
    ("header", "rows", "question"),
    [
        # No year, change or word points to one of the four columns of figures.
        (QUARTERS_HEADER, QUARTERS, "Hvornår havde PPR flest nye sager?"),
        # Shares beside counts are not compared.
        ("Sprogvurdering | 2023", ["Antal sprogvurderede børn | 341", "Særlig indsats | 8,8 %"], "Hvad var højest i 2023?"),
        # Two rows share the highest figure.
        ("Område | Timer 2024", ["Nord | 300", "Syd | 300"], "Hvilket område fik flest timer i 2024?"),
        # A row without a figure in the column.
        ("Område | Timer 2024", ["Nord | 240", "Syd | –"], "Hvilket område fik flest timer i 2024?"),
    ],
)
def test_no_row_stands_out_where_the_table_cannot_tell(header, rows, question):
    assert standout_row(header, rows, question, "max") is None


def test_a_table_with_one_column_of_figures_needs_no_pointing():
    rows = ["Nord | 240 | Sprogkonsulent", "Syd | 300 | Sprogkonsulent"]
    assert standout_row("Område | Timer | Ansvarlig", rows, "Hvilket område får flest timer?", "max") == 1
