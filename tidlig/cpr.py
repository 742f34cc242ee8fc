"""CPR numbers (Danish personal identity numbers), found and redacted wherever text enters the system.

One rule for both ways in: what a user types (``assistant.privacy``) and the documents an organisation adds
(``ingest.loaders``), so a CPR number in a case note or a form is never stored in the index, embedded, shown
or logged.

Example::

    redact_cpr("Barnets cpr er 010203-1234.")  # ("Barnets cpr er [CPR-NR].", 1)
"""

from __future__ import annotations

import logging
import re
from datetime import date

__all__ = ["CPR", "DASHES", "REDACTED_CPR", "CprLogFilter", "is_cpr", "redact_cpr"]

REDACTED_CPR = "[CPR-NR]"
# Any dash or hyphen character: hyphen-minus, hyphen, non-breaking hyphen (U+2011), figure dash,
# en and em dash, horizontal bar, minus sign, small and fullwidth hyphen-minus.
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DATE_SEP = rf"[.\s/{DASHES}]?"
_SERIAL_SEP = rf"\s*[.\s{DASHES}]?\s*"
# DDMMYY then four digits, with or without dots, spaces, slashes or dashes between the groups.
CPR = re.compile(rf"(?<![\d{DASHES}.,])(\d{{2}}){_DATE_SEP}(\d{{2}}){_DATE_SEP}(\d{{2}}){_SERIAL_SEP}(\d{{4}})(?!\d|[.,{DASHES}]\d)")


def is_cpr(match: re.Match[str]) -> bool:
    """A CPR number starts with a real date (DDMMYY); the century is unknown, so try both."""
    day, month, year = (int(g) for g in match.groups()[:3])
    for century in (1900, 2000):
        try:
            date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def redact_cpr(text: str) -> tuple[str, int]:
    """``text`` with each CPR number replaced by :data:`REDACTED_CPR`, and how many were replaced. Ten digits
    that do not start with a real date (a phone number and a postcode, "1234 5678 90") are left alone."""
    count = 0

    def redacted(match: re.Match[str]) -> str:
        nonlocal count
        if not is_cpr(match):
            return match.group(0)
        count += 1
        return REDACTED_CPR

    return CPR.sub(redacted, text), count


class CprLogFilter(logging.Filter):
    """Redacts CPR numbers in every log line a handler writes, its traceback included. Document text is redacted
    when read, but a file's name is not text: "Bekymring 010203-1234.docx" reached the log through every line
    naming the file (a skipped file, a PDF library's warning), whichever module wrote it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact_cpr(record.getMessage())[0], None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_cpr(record.exc_text)[0]
        return True
