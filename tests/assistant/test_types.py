"""The answer's value types."""

from dataclasses import replace

import pytest

from assistant import Citation

KL = Citation(1, "kl.txt", "De udsatte børn", "KL", 2015, "side 4", "…", ("…",), "kl-0001", 0.9)


@pytest.mark.parametrize(
    ("publisher", "year", "location", "heading"),
    [
        ("KL", 2015, "side 4", "De udsatte børn (KL, 2015), side 4"),
        ("", 2025, "side 2", "De udsatte børn (2025), side 2"),  # had read "(, 2025)"
        ("", None, "side 2", "De udsatte børn, side 2"),  # an organisation's own guide: had read "()"
        ("KL", None, "", "De udsatte børn (KL)"),
    ],
)
def test_a_citation_heading_names_only_what_the_document_gives(publisher, year, location, heading):
    assert replace(KL, publisher=publisher, year=year, location=location).heading == heading
