"""Cleaning of text extracted from PDFs and slide decks.

Extracted text is hard-wrapped, hyphenated at line ends, uses three kinds of bullets and carries layout
debris: page footers ("Side 4 af 7") and the labels PowerPoint puts in front of presenter notes. The
functions here turn it into plain Markdown-like text: one line per paragraph or list item, a blank line
between paragraphs, list items as ``- ...`` (a nested one indented by its level: ``  - ...``).

Example::

    clean_text("•\\t \\tTidlig\\tog\\tforebyg-\\ngende indsats")
    # "- Tidlig og forebyggende indsats"

The structure module uses the line-level pieces (``normalize_bullets``, ``starts_frame``,
``split_paragraphs``, ``find_page_footers``) on its own line objects, and ``clean_text`` for block text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from tidlig.text import BULLET_GLYPH, LIST_MARKER, is_caps, is_caps_title, is_list_item, keep_nesting

T = TypeVar("T")

_BULLET = re.compile(rf"^\s*{BULLET_GLYPH}\s*")
# "–" and a lone "o" (Word's bullet in Courier New) before text. They also open lines of prose ("– Fredericia,
# Gentofte, Roskilde og Københavns Kommune – arbejder" wraps a parenthesis; "– og ændring i gruppen af børn" a
# title), so such a line is an item only beside its lead-in or another line marked the same way (see _marks_list).
_AMBIGUOUS_BULLET = re.compile(r"^\s*([–o])\s+(?=[^\W_]|[\"'’‘”“«»(])")
# Lines within which the next item of a list begins: an item wraps over a few lines at most.
_ITEM_REACH = 5
_PRIVATE_USE = re.compile(r"[\uf000-\uf0ff]")
_HYPHEN_END = re.compile(r"[^\W_]-[ \t]*$")
_WORD = re.compile(r"[^\W_]+")
# A footnote reference glued to the word before it ("sprogvanskeligheder20.", "kursus1."): digits right
# after a lowercase word, before punctuation or a space. A label's number before a colon ("Type1:") stays.
_FOOTNOTE_REFERENCE = re.compile(r"(?<=[a-zæøå]{4})\d{1,2}(?=[.,;)]?(?:\s|$))")
_PAGE_FOOTER = re.compile(r"^\s*side\s+(\d{1,4})\s+af\s+(\d{1,4})\s*$", re.IGNORECASE)
_OPENING_QUOTES = "\"'’‘”“«»"

# A hyphen before these words suspends a compound ("børne- og ungeområdet"): keep it and the space.
SUSPENSION_WORDS = frozenset({"og", "eller", "samt"})
# Prefixes that are always written with a hyphen in Danish ("ikke-arbejdsmarkedsparate").
HYPHENATED_PREFIXES = frozenset({"ikke"})
# PowerPoint (Swedish UI) puts these lines in front of the presenter notes when a deck is exported.
PRESENTER_NOTES_LABELS = frozenset({"presentatörsanteckningar", "presentationsanteckningar"})
# Minimum line width assumed when deciding whether a line break was a hard wrap (see ``reflow``).
_LETTERED_POINT = re.compile(r"^\s*([A-Za-z])\.\s")
_MIN_WRAP_WIDTH = 40
# A line shorter than this share of the paragraph's width may end a list-like line without punctuation.
_SHORT_LINE = 0.6
# Danish words a sentence does not end with: a line ending in one was wrapped mid-sentence.
FUNCTION_WORDS = frozenset(
    [
        "i", "af", "til", "på", "med", "for", "om", "de", "den", "det", "en", "et", "og", "at", "som", "der", "ved", "fra", "eller",
        "men", "end", "har", "er", "kan", "skal", "vil", "samt", "mellem", "under", "over", "efter", "hvor", "hvis", "når", "så",
    ]
)


@dataclass(frozen=True)
class PageFooter:
    """A page footer line ("Side 4 af 7"): the line's index in the input and the page it names."""

    line: int
    page: int
    total: int


def normalize_bullets(text: str) -> str:
    """Bullets become Markdown list items, tab runs become single spaces, no-break spaces plain spaces;
    footnote references glued to a word are dropped.

    Handles "•\\t", "•\\t \\t", the other glyphs of ``tidlig.text.BULLETS`` (the private-use Word bullets
    U+F0B7/U+F0E0 among them), "–" and "o" where they mark a list (see ``_marks_list``) and words separated by
    tabs ("Tidlig\\tog\\tforebyggende"). A bullet with no text after it becomes an empty line. Each line of
    ``text`` stays one line.

    Example::

        normalize_bullets("\\uf0b7 Pluspladser \\nTidlig\\tog\\tforebyggende")
        # "- Pluspladser \\nTidlig og forebyggende"
        normalize_bullets("Husk at orientere:\\no PPR\\no sundhedsplejen")
        # "Husk at orientere:\\n- PPR\\n- sundhedsplejen"
    """
    lines = text.split("\n")
    marks = [match[1] if (match := _AMBIGUOUS_BULLET.match(line)) else "" for line in lines]
    return "\n".join(
        _normalize_line(_AMBIGUOUS_BULLET.sub(LIST_MARKER, line, count=1) if mark and _marks_list(lines, marks, index) else line)
        for index, (line, mark) in enumerate(zip(lines, marks, strict=True))
    )


def _marks_list(lines: list[str], marks: list[str], index: int) -> bool:
    """Whether the "–" or "o" opening line ``index`` (``marks[index]``) marks a list item: the line before it
    (blank lines aside) is a lead-in ending in ":", or the item before or after it is marked the same way."""
    above = next((line for line in reversed(lines[:index]) if line.strip()), "")
    return above.rstrip().endswith(":") or _marked_alike(lines, marks, index, -1) or _marked_alike(lines, marks, index, 1)


def _marked_alike(lines: list[str], marks: list[str], index: int, step: int) -> bool:
    """Whether a line after (``step`` 1) or before (-1) line ``index`` opens with its marker, within _ITEM_REACH
    lines and with no paragraph between them that opens unmarked (the list ended there: "Tak for
    samarbejdet. Med projektet, som fire kommuner" / "– Fredericia, Gentofte ..." after a list of "–")."""
    for other in range(index + step, index + step * (_ITEM_REACH + 1), step):
        if not 0 <= other < len(lines):
            return False
        if marks[other] == marks[index]:
            return True
        if other > 0 and lines[other].strip() and not lines[other - 1].strip():
            return False
    return False


def _normalize_line(line: str) -> str:
    line = line.replace("\u00a0", " ")
    bullet = _BULLET.match(line)
    if bullet:
        rest = line[bullet.end() :]
        line = LIST_MARKER + rest if _WORD.search(rest) else ""
    line = re.sub(r"[ ]*\t[\t ]*", " ", line)
    line = without_footnote_references(line)
    # Other private-use glyphs are decoration from symbol fonts (a Wingdings smiley), not text.
    return _PRIVATE_USE.sub("", line)


def footnote_references(text: str) -> list[tuple[str, str]]:
    """The footnote references glued to words of ``text``, each with the word it follows:
    "afsat til dagtilbud3 i 2016" -> [("3", "dagtilbud")]."""
    return [(match.group(), text[: match.start()].split()[-1]) for match in _FOOTNOTE_REFERENCE.finditer(text)]


def without_footnote_references(text: str) -> str:
    """``text`` without the footnote references glued to its words: "dagtilbud3" -> "dagtilbud"."""
    return _FOOTNOTE_REFERENCE.sub("", text)


def starts_frame(line: str) -> bool:
    """True for a raw line that opens a new text frame of the PDF layout.

    The extraction starts every text frame (a box, a sidebar, a new column or page) with exactly one
    space; list items indented with "- " are ordinary indentation, not frames.

    Example::

        starts_frame(" Viborg Kommune har omlagt ...")  # True
        starts_frame("  Børnene og deres forældre ...")  # False (indentation)
    """
    return bool(re.match(r"^ [^\s-]", line))


def continues_sentence(previous: str, following: str) -> bool:
    """True when ``following`` continues the sentence of ``previous`` although a blank line separates them.

    Page breaks and the double-spaced pamphlet put blank lines inside sentences: "serviceud-" /
    "gifter bruges ...", "allerede" / "fra første kontakt". A wrapped all-caps heading continues too.

    Example::

        continues_sentence("hvor foræl-", "drene har")          # True
        continues_sentence("ressourcefordeling.", "Denne pjece")  # False
    """
    previous, following = previous.rstrip(), following.strip()
    if not previous or not following or is_list_item(following) or _is_url(following) or _ends_in_web_address(previous):
        return False
    if _HYPHEN_END.search(previous) or previous.endswith("/"):
        return following[0].isalpha()
    if previous[-1] in ".!?:;":
        return False
    return following.lstrip(_OPENING_QUOTES)[:1].islower() or (is_caps(previous) and is_caps(following))


def split_paragraphs(
    lines: Sequence[T], text: Callable[[T], str] = str, frame: Callable[[T], bool] | None = None
) -> list[list[T]]:
    """Group lines into paragraphs: blank lines and frame starts separate them.

    A single blank line inside a sentence (see ``continues_sentence``) does not. ``lines`` may be any
    objects; ``text`` reads a line's text and ``frame`` tells whether it starts a frame (by default
    ``starts_frame`` of its text).

    Example::

        split_paragraphs(["Det er kom-", "", "munerne selv.", "", "Ny sætning."])
        # [["Det er kom-", "munerne selv."], ["Ny sætning."]]
    """
    opens_frame = frame or (lambda item: starts_frame(text(item)))
    paragraphs: list[list[T]] = []
    blanks = 0
    for item in lines:
        line = text(item)
        if not line.strip():
            blanks += 1
            continue
        joins = paragraphs and not opens_frame(item)
        if joins and (blanks == 0 or (blanks == 1 and continues_sentence(text(paragraphs[-1][-1]), line))):
            paragraphs[-1].append(item)
        else:
            paragraphs.append([item])
        blanks = 0
    return paragraphs


def dehyphenate(text: str) -> str:
    """Join words split across a line end, also over trailing spaces and one blank line.

    A hyphen before "og"/"eller"/"samt" is a suspended compound and stays ("børne- og ungeområdet"); a
    hyphen after digits, after an abbreviation in capitals or before a capitalised word belongs to a
    compound and stays without the line break ("KORA-rapporter", "2013-2015"). Other line breaks are
    left alone.

    Example::

        dehyphenate("forebyg-\\ngende og børne- \\nog ungeområdet")
        # "forebyggende og børne- og ungeområdet"
    """
    out: list[str] = []
    pending_blank = False
    for line in text.split("\n"):
        if out and _HYPHEN_END.search(out[-1]):
            if not line.strip() and not pending_blank:
                pending_blank = True
                continue
            joined = _join_hyphenated(out[-1], line) if line.strip() else None
            if joined is not None:
                out[-1], pending_blank = joined, False
                continue
        if pending_blank:
            out.append("")
            pending_blank = False
        out.append(line)
    if pending_blank:
        out.append("")
    return "\n".join(out)


def _join_hyphenated(previous: str, following: str) -> str | None:
    head = previous.rstrip()
    tail = following.strip()
    if _is_url(tail):
        return None
    if _ends_in_web_address(head):
        return f"{head}{tail}"  # the hyphen is the address's own: ".../born-" + "og-unge/..."
    head_word = _WORD.findall(head)[-1]
    tail_word = (_WORD.match(tail) or [""])[0]
    if tail_word.lower() in SUSPENSION_WORDS:
        return f"{head} {tail}"
    same_case = (head_word[-1].islower() and tail_word[:1].islower()) or (head_word.isupper() and tail_word.isupper())
    if head_word[-1].isalpha() and same_case and head_word.lower() not in HYPHENATED_PREFIXES:
        return head[:-1] + tail
    return head + tail


def reflow(paragraph: str, width: int = 0) -> str:
    """One line per paragraph and per list item: hard-wrapped lines are joined, whitespace collapsed (a
    nested list item keeps the indentation of its level, see :func:`tidlig.text.list_level`).

    A line break is kept where the next line is a list item, or where a new sentence starts although
    its first word would still have fitted on the line before (so the break was not a wrap) and the
    line before ends a sentence or is short (a list-like line on a slide). A line ending in "/" joins
    the next without a space ("undersøgelse/" + "konsultation").

    The wrap width is the longest line of the paragraph, or ``width`` when that is wider: a slide's
    title set above its first unbulleted line ("Regeringsinitiativer de seneste 5 år" above
    "Minimumsnormeringer i daginstitutioner (2020)") is a paragraph of two short lines, which read
    alone look wrapped; the slide's longest line shows they are not.

    ``width`` is only given for a slide's text, and there a capitalised line whose first word would have
    fitted starts a new line however long the line before it is, unless that line ends mid-sentence:
    bullets that lost their markers ("Den enkelte skole betaler ved segregering af skolestartere",
    "Elever med funktionsnedsættelse er undtaget betalingsforpligtigelse", "Tilflyttere er undtaget
    betaling skoleåret ud") carry no full stop, and a line as long as most of the slide read as wrapped,
    so three rules ran into one sentence. In Danish a wrapped sentence goes on in lower case, or with a
    name after "i", "og" or "med" or after the name's first word ("Danmarks" + "Evalueringsinstitut");
    prose pages keep the stricter test.

    Example::

        reflow("- Formel forældreuddannelse, hvor alle\\nførstegangsforældre tilbydes et kursus")
        # "- Formel forældreuddannelse, hvor alle førstegangsforældre tilbydes et kursus"
    """
    # The wrap width is read from the lines as extracted, before dehyphenation makes some of them longer.
    on_slide = width > 0
    width = max(_MIN_WRAP_WIDTH, width, widest_line(paragraph))
    lines = [keep_nesting(line, " ".join(line.split())) for line in dehyphenate(paragraph).split("\n") if line.strip()]
    if not lines:
        return ""
    out = [lines[0]]
    for previous, line in pairwise(lines):
        if out[-1].endswith("/"):
            out[-1] += line
        elif _breaks_line(previous, line, width, on_slide):
            out.append(line)
        else:
            out[-1] += " " + line
    return "\n".join(point for line in out for point in inline_points(line))


_NUMBERED_POINT = re.compile(r"^(\s*)(\d{1,2})\)\s")


def inline_points(line: str) -> list[str]:
    """A numbered point that runs the next points on inline, one line each: "1) at forebyggelse ... er
    målet, og 2) at indsatser ..." is two points of the list its lead-in announces ("fokus på to ting:"),
    the first keeping its ", og" (the text stays as written). Any other line is returned as is.

    Example::

        inline_points("1) at lytte, og 2) at handle")  # ["1) at lytte, og", "2) at handle"]
    """
    match = _NUMBERED_POINT.match(line)
    if match is None:
        return [line]
    indent, number = match.group(1), int(match.group(2))
    points, rest = [], line
    while found := re.search(rf"(?:(?<=[,;]) (?:og |samt |eller )?| (?:og|samt|eller) )(?={number + 1}\)\s)", rest):
        points.append(rest[: found.start()] + found.group(0).rstrip())
        rest, number = indent + rest[found.end() :], number + 1
    return [*points, rest]


def _breaks_line(previous: str, line: str, width: int, on_slide: bool) -> bool:
    if is_list_item(line) or _next_lettered_point(previous, line):
        return True
    if previous[-1] in ".!?" and is_caps_title(line):
        # A title in capitals under a finished sentence (a slide's chart title right under its last
        # bullet) is never the sentence wrapped on, however long the line before it is.
        return True
    if not starts_sentence(line) or (is_caps(previous) and is_caps(line)) or ends_mid_sentence(previous):
        return False
    fits = len(previous) + 1 + len(line.split()[0]) <= width
    unbulleted = on_slide and not _ends_with_name(previous)
    return fits and (unbulleted or previous[-1] in ".!?:)" or len(previous) <= _SHORT_LINE * width)


def _ends_with_name(line: str) -> bool:
    """True when the last word of ``line`` is capitalised: a name that may run on into the next line
    ("-Danmarks" + "Evalueringsinstitut")."""
    return starts_sentence(line.rsplit(" ", 1)[-1].lstrip("-–("))


def _next_lettered_point(previous: str, line: str) -> bool:
    """True when ``line`` opens with the letter after the one ``previous`` opens with, each followed by a
    period ("A. Central pulje og visitation" then "B. Decentral, ..."): points of a lettered list, never
    one wrapped line, however wide the first. "A." alone is no list marker (an initial: "A. Jensen")."""
    first, following = _LETTERED_POINT.match(previous), _LETTERED_POINT.match(line)
    return first is not None and following is not None and ord(following.group(1)) == ord(first.group(1)) + 1


def widest_line(text: str) -> int:
    """Characters of the longest line of ``text``, whitespace collapsed."""
    return max((len(" ".join(line.split())) for line in text.split("\n")), default=0)


def ends_mid_sentence(line: str) -> bool:
    """True when ``line`` cannot end a sentence: it ends with a comma, a hyphen or a word like "og" or "i"."""
    line = line.rstrip()
    return line.endswith((",", "-")) or line.rsplit(" ", 1)[-1].lower() in FUNCTION_WORDS


def clean_text(text: str, width: int = 0) -> str:
    """The whole cleaning: bullets, paragraphs, dehyphenation and reflow; paragraphs separated by a blank line.

    Consecutive list items stay on consecutive lines (a tight Markdown list).

    Example::

        clean_text("En stor del af de kommunale serviceud-\\n\\ngifter bruges på dagtilbud. \\n\\n•\\tEt\\n•\\tTo")
        # "En stor del af de kommunale serviceudgifter bruges på dagtilbud.\\n\\n- Et\\n- To"

    ``width`` is the wrap width of the whole text (a slide's :func:`widest_line`), see :func:`reflow`.
    """
    units = [reflow("\n".join(p), width) for p in split_paragraphs(normalize_bullets(text).split("\n"))]
    out: list[str] = []
    for unit in filter(None, units):
        if out:
            tight = is_list_item(unit) and is_list_item(out[-1].rsplit("\n", 1)[-1])
            out.append("\n" if tight else "\n\n")
        out.append(unit)
    return "".join(out)


def find_page_footers(lines: Sequence[str]) -> list[PageFooter]:
    """Footer lines like "Side 4 af 7": the page numbers they carry, so they can replace the text.

    Example::

        find_page_footers(["tekst", " Side 4 af 7 ", "mere"])  # [PageFooter(line=1, page=4, total=7)]
    """
    footers = []
    for index, line in enumerate(lines):
        match = _PAGE_FOOTER.match(line)
        if match:
            footers.append(PageFooter(index, int(match.group(1)), int(match.group(2))))
    return footers


def split_presenter_notes(text: str) -> tuple[str, str]:
    """(slide text, presenter notes) of one slide; the notes' label lines are removed.

    Example::

        split_presenter_notes("Titel\\nPresentatörsanteckningar\\nPresentationsanteckningar\\nNoten.")
        # ("Titel", "Noten.")
    """
    lines = text.split("\n")
    labels = [i for i, line in enumerate(lines) if line.strip().lower() in PRESENTER_NOTES_LABELS]
    if not labels:
        return text, ""
    notes = [line for line in lines[labels[0] :] if line.strip().lower() not in PRESENTER_NOTES_LABELS]
    return "\n".join(lines[: labels[0]]), "\n".join(notes)


# Where an export lost the paragraph breaks of presenter notes, the next paragraph's capitalised first word is
# glued to the end of the one before: a web address ("...-i-udsatte-positionerPuljen er ..."), a lead-in's colon
# ("følgende eksisterende puljer:Puljen til ..."), or a number ("§ 20.21.04.10Puljen", "§ 20.21.21.10.Der").
_GLUED_PARAGRAPH = re.compile(
    r"(?:(?:https?://|www\.)\S*?[a-zæøå0-9]|(?<=[a-zæøå]):|(?<=\d)\.?|(?<=\d))(?=[A-ZÆØÅ][a-zæøå]{2,}\b)"
)


def separate_glued_paragraphs(notes: str) -> str:
    """Presenter notes with the paragraphs an export glued together apart again.

    Example::

        separate_glued_paragraphs("Se https://uvm.dk/pulje-til-flere-positionerPuljen er ny:Den gælder § 20.10.Der kan søges.")
        # "Se https://uvm.dk/pulje-til-flere-positioner\n\nPuljen er ny:\n\nDen gælder § 20.10.\n\nDer kan søges."
    """
    return _GLUED_PARAGRAPH.sub(lambda match: match.group(0) + "\n\n", notes)


def has_words(text: str) -> bool:
    """True when ``text`` holds at least one letter or digit (a block of only punctuation is empty)."""
    return bool(_WORD.search(text))


def starts_sentence(line: str) -> bool:
    """True when ``line`` starts with a capital letter, possibly after an opening quote ("’Familie ...")."""
    first = line.lstrip(_OPENING_QUOTES)
    return bool(first) and first[0].isupper()


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "www."))


# The last word of a line is a web address, or a piece of one broken over lines ("og-unge/programmer-med-
# evidens/de-utrolige-ar": a path of two or more steps).
_WEB_ADDRESS_END = re.compile(r"(?:^|\s)(?:(?:https?://|www\.)\S*|[^\s/]*/[^\s/]+/\S*)$")


def _ends_in_web_address(text: str) -> bool:
    """Whether ``text`` ends in a web address: its hyphen at a line end is its own, and no sentence runs on
    after it (main text resuming after a box, with a lowercase word, is not the box's "Læs mere: www...")."""
    return bool(_WEB_ADDRESS_END.search(text.rstrip()))
