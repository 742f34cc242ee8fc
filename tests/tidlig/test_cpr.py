"""The shared CPR rule: a date first, then four digits, in any of the ways people write it."""

import pytest

from tidlig.cpr import REDACTED_CPR, redact_cpr


@pytest.mark.parametrize(
    ("text", "redacted", "count"),
    [
        ("cpr 010203-1234.", f"cpr {REDACTED_CPR}.", 1),
        ("0102031234 og 31.12.99 – 4321", f"{REDACTED_CPR} og {REDACTED_CPR}", 2),
        ("Ring 1234 5678 90", "Ring 1234 5678 90", 0),  # no date first
        ("Budget 2023-2024: 58,2 mio.", "Budget 2023-2024: 58,2 mio.", 0),
        ("320199-1234 er ingen dato", "320199-1234 er ingen dato", 0),
    ],
)
def test_a_cpr_number_is_a_real_date_and_four_digits(text, redacted, count):
    assert redact_cpr(text) == (redacted, count)
