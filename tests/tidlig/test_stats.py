import pytest

from tidlig.stats import percentile


@pytest.mark.parametrize(
    ("values", "share", "expected"),
    [
        ([4.0, 1.0, 3.0, 2.0], 0.5, 2.0),
        ([4.0, 1.0, 3.0, 2.0], 0.95, 4.0),
        ([4.0, 1.0, 3.0, 2.0], 0.25, 1.0),
        ([4.0, 1.0, 3.0, 2.0], 0.0, 1.0),
        ([4.0, 1.0, 3.0, 2.0], 1.0, 4.0),
        (list(range(1, 101)), 0.95, 95.0),
        (list(range(1, 21)), 0.95, 19.0),
        ([7.5], 0.95, 7.5),
        ([], 0.95, 0.0),
    ],
)
def test_nearest_rank_percentile(values, share, expected):
    assert percentile(values, share) == expected
