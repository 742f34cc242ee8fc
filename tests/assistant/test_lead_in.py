"""The first line of a partial answer."""

import pytest

from assistant import Citation
from assistant.lead_in import _quoted, quoted_places


@pytest.mark.parametrize(
    ("part", "quoted"),
    [
        ("og hvad koster den om året", "»Hvad koster den om året?«"),
        ("Sammenlign København om inklusion.", "»Sammenlign København om inklusion«"),  # a request, no question
    ],
)
def test_a_part_is_quoted_as_what_it_asks(part, quoted):
    assert _quoted(part) == quoted



def test_the_places_a_short_answer_quotes_are_its_cases_and_municipal_publishers():
    def cited(number: int, publisher: str, municipality: str = "") -> Citation:
        return Citation(number, f"d{number}", "Titel", publisher, 2016, "side 1", "…", ("…",), f"c{number}", 0.9, municipality=municipality)

    citations = [
        cited(1, "Københavns Kommune, Børne- og Ungdomsforvaltningen"),
        cited(2, "KL (Kommunernes Landsforening)", "Frederikshavn Kommune"),  # a case example in KL's report
        cited(3, "KL (Kommunernes Landsforening)"),  # KL's own text is from no municipality
        cited(4, "Hedensted Kommune"),  # not in the short answer
    ]
    assert quoted_places(citations, "Der er 500 pluspladser. [1] Familiestuen … [2] KL anbefaler [3] [1]") == [
        "Københavns Kommune",
        "Frederikshavn Kommune",
    ]
