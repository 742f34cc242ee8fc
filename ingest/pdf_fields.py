"""The values of a filled PDF form (AcroForm) on one page, each with the box its widget stands in.

A form's values are no part of the page's content stream: each field keeps its value (/V) in its dictionary and
is shown by its widget annotations, boxes on the pages (PDF 32000-1, 12.7). pypdf's text extraction reads the
content stream only, so a filled "Skema ved bekymring" read as its labels ("Institution:", "Barnets alder:")
without one of the answers. This module reads the values as a viewer shows them, for ``ingest.pdf_layout`` to
place where their boxes stand:

- a text field its text, the lines of a multiline one on one line (see :func:`tidlig.text.one_line`);
- a check box or radio button "☒" when on, "☐" when off, as the Word loader reads a form's check boxes;
- a choice field (list or combo box) the option chosen, by the text the list shows for it;
- a push button, a signature, a password field, a hidden widget and an empty field nothing.

A field shown by several widgets (/Kids, on one page or more) is read at each, as printed; what a widget leaves
out (its field type, value, flags, options) it inherits from the fields above it. The appearance stream (/AP) is
not read as text: the value is what it draws, and a viewer redraws it from /V when the form asks it to
(/NeedAppearances).

Example::

    values = field_values(reader.pages[0])  # [FieldValue("Børnehuset Solsikken", 240.9, 689.5, 538.6, 712.2, 9.0, False), ...]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from tidlig.text import one_line

log = logging.getLogger(__name__)

CHECKED, UNCHECKED = "\u2612", "\u2610"
# Field flags (/Ff, PDF 32000-1, tables 226-228), counted from bit 1.
_PASSWORD = 1 << 13
_RADIO = 1 << 15
_PUSH_BUTTON = 1 << 16
# Annotation flags (/F, table 165): Hidden and NoView widgets are not shown.
_NOT_SHOWN = (1 << 1) | (1 << 5)
# A field inherits from at most this many ancestors (a loop of /Parent references ends here).
_MAX_DEPTH = 32
_FONT_SIZE = re.compile(r"([\d.]+)\s+Tf\b")


@dataclass(frozen=True)
class FieldValue:
    """A value as its widget shows it: the text, the widget's box on the page (left, bottom, right, top in the
    page's default user space), the font size its appearance asks for (0 for "fit the box"), and whether it is
    a check box or radio button."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    box: bool


def field_values(page) -> list[FieldValue]:
    """The values of the form fields whose widgets are shown on ``page``; none for a page without a form or a
    form too broken to read (its page is then read without the values)."""
    values = []
    for annotation in _annotations(page):
        try:
            value = _widget_value(annotation)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            log.debug("form field unreadable: %s", error)
            continue
        if value is not None:
            values.append(value)
    return values


def _annotations(page) -> list:
    try:
        return [item.get_object() for item in page["/Annots"]] if "/Annots" in page else []
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        log.debug("annotations unreadable: %s", error)
        return []


def _widget_value(widget) -> FieldValue | None:
    if not isinstance(widget, dict) or widget.get("/Subtype") != "/Widget" or int(widget.get("/F", 0)) & _NOT_SHOWN:
        return None
    text = _shown_text(widget)
    if not text:
        return None
    x1, y1, x2, y2 = (float(number) for number in widget["/Rect"])
    left, right, bottom, top = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
    if right - left <= 0 or top - bottom <= 0:
        return None
    return FieldValue(text, left, bottom, right, top, _font_size(widget), _inherited(widget, "/FT") == "/Btn")


def _shown_text(widget) -> str:
    """The text the widget shows for its field's value, "" for none."""
    kind = _inherited(widget, "/FT")
    flags = int(_inherited(widget, "/Ff") or 0)
    value = _inherited(widget, "/V")
    if kind == "/Btn":
        return "" if flags & _PUSH_BUTTON else (CHECKED if _checked(widget, value, flags) else UNCHECKED)
    if kind == "/Tx" and not flags & _PASSWORD:
        return one_line(_text(value).splitlines())
    if kind == "/Ch":
        chosen = [item.get_object() for item in value] if isinstance(value, list) else [value]
        options = _option_texts(_inherited(widget, "/Opt"))
        return ", ".join(options.get(_text(item), _text(item)) for item in chosen if _text(item))
    return ""  # a signature, or a widget of no field


def _checked(widget, value, flags: int) -> bool:
    """A check box or radio button is on when its widget's appearance state (/AS) is not /Off; a widget without
    one by its field's value, which for a radio button names the button that is on."""
    if "/AS" in widget:
        return str(widget["/AS"]) != "/Off"
    if value is None or str(value) == "/Off":
        return False
    if flags & _RADIO:
        states = widget["/AP"]["/N"] if "/AP" in widget and "/N" in widget["/AP"] else {}
        return str(value) in states
    return True


def _inherited(field, key: str):
    """``key`` of ``field`` or of the nearest field above it that has it (PDF 32000-1, 12.7.3.1)."""
    for _ in range(_MAX_DEPTH):
        if key in field:
            return field[key]  # pypdf resolves a reference it reads from a dictionary
        if "/Parent" not in field:
            return None
        field = field["/Parent"]
    return None


def _text(value) -> str:
    """A value as text: a string, a name (a choice's export value may be one), nothing for anything else."""
    from pypdf.generic import NameObject

    if isinstance(value, NameObject):
        return str(value)[1:]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return ""


def _option_texts(options) -> dict[str, str]:
    """A choice field's options, export value -> the text the list shows; an option of one string is both."""
    texts: dict[str, str] = {}
    for option in options or []:
        pair = option.get_object()  # an array's items are not resolved as a dictionary's values are
        if isinstance(pair, list) and len(pair) == 2:
            texts[_text(pair[0].get_object())] = _text(pair[1].get_object())
    return texts


def _font_size(widget) -> float:
    """The font size the widget's default appearance string (/DA: "/Helv 9 Tf 0 g") sets; 0 when it fits the
    text to the box or sets none."""
    appearance = _inherited(widget, "/DA")
    found = _FONT_SIZE.findall(_text(appearance))
    return float(found[-1]) if found else 0.0
