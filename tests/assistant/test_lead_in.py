"""The first line of a partial answer."""

import pytest

from assistant.lead_in import _quoted


@pytest.mark.parametrize(
    ("part", "quoted"),
    [
        ("og hvad koster den om året", "»Hvad koster den om året?«"),
        ("Sammenlign København om inklusion.", "»Sammenlign København om inklusion«"),  # a request, no question
    ],
)
def test_a_part_is_quoted_as_what_it_asks(part, quoted):
    assert _quoted(part) == quoted
