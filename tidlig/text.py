"""Danish text rules shared by every layer: sentences, list items and lead-ins, terms, names and years.

One rule each, so ingestion, retrieval, the answer composer and the evaluation agree on what a
sentence, a list item or a word is.

Example::

    split_sentences("Det virker bl.a. i Aarhus. Næste sætning.")
    # ["Det virker bl.a. i Aarhus.", "Næste sætning."]
    content_terms("Hvad gør kommunerne for de udsatte børn?")   # ["kommun", "udsat", "børn"]
    is_list_item("a) første punkt")                              # True
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_DANISH

__all__ = [
    "ABBREVIATIONS",
    "BULLETS",
    "BULLET_GLYPH",
    "CAPITALISED",
    "COUNT_WORD",
    "DOCUMENT_WORDS",
    "LIST_INDENT",
    "LIST_MARKER",
    "MAX_LISTED_NAME_WORDS",
    "MIN_LEAD_IN_WORDS",
    "MIN_REPEAT",
    "MIN_STACK_LINES",
    "MUNICIPALITY",
    "NAME_WORD",
    "NO_HEADER",
    "OVERVIEW_WORDS",
    "STOP",
    "YEAR",
    "addresses_reader",
    "announced_count",
    "asked_count",
    "asked_list",
    "are_fields",
    "content_terms",
    "count_word",
    "counted_words",
    "figures_beside_counts",
    "cites_research",
    "credits_another_source",
    "enumerates",
    "explains_previous",
    "gives_reason",
    "is_record_line",
    "is_roster_title",
    "field_line",
    "goes_on_from",
    "inert_markdown",
    "is_bold_heading",
    "is_caps",
    "is_byline",
    "is_caps_title",
    "is_field_line",
    "is_fragment",
    "is_gloss",
    "is_label",
    "is_label_stack",
    "is_lead_in",
    "is_list_item",
    "is_markdown_item",
    "is_table_rule",
    "is_source_note",
    "is_table_row",
    "item_number",
    "join_danish",
    "join_sentences",
    "joins_names",
    "keep_nesting",
    "labels_values",
    "linked_names",
    "listed_names",
    "list_level",
    "marker_kind",
    "name_phrases",
    "named_count",
    "names_columns",
    "names_its_scheme",
    "one_line",
    "opens_quotation",
    "opens_with_demonstrative",
    "paragraphs",
    "plain_markdown",
    "point_number",
    "proper_nouns",
    "refers_back",
    "repeats",
    "runs_on",
    "sentence_case",
    "shown_item_number",
    "source_notes_apart",
    "split_sentences",
    "stacked_lines",
    "stem",
    "strip_list_marker",
    "table_cells",
    "table_rule",
    "trailing_values",
    "weighs_previous",
    "whole_name",
    "without_item_number",
    "words",
]

# ---- characters -----------------------------------------------------------------------------------

# Characters of a word processor's text that show as nothing or as a plain hyphen: the soft hyphen (where Word
# may break the word), zero-width spaces and the word joiner (Google Docs leaves them in), the byte order mark,
# and the non-breaking hyphen.
_AS_SHOWN = str.maketrans({"\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None, "\u2011": "-"})


def as_shown(text: str) -> str:
    """``text`` with the characters a reader does not see as such written as shown: "sprog\u00adaktiviteter" ->
    "sprogaktiviteter", "Tale\u2011hørekonsulent" -> "Tale-hørekonsulent". Left in, they split a word in two for
    the search, and the quotation of it matched no question's word."""
    return text.translate(_AS_SHOWN)


# ---- sentences and list items ---------------------------------------------------------------------

# Abbreviations after which a full stop does not end a sentence (lowercased, without the final dot).
ABBREVIATIONS = {
    "bl.a", "f.eks", "fx", "pct", "ca", "mv", "jf", "mht", "dvs", "evt", "nr", "s", "ift", "inkl", "ekskl",
    "mio", "mia", "kr", "pr", "osv", "etc", "vedr", "iht", "pga", "mdr", "md", "årg", "m.fl", "m.m", "el", "o.l",
    "stk", "kap", "bilag", "tlf", "ml", "hhv", "ang", "bla", "ex", "dr", "prof", "cand", "mag", "pæd", "adm",
    "min", "maks", "max", "iflg", "ifm", "vha", "gns", "jan", "feb", "mar", "apr", "jun", "aug", "sep", "sept", "okt", "nov", "dec",
    "kl",
}
# Abbreviations only as written in lowercase: "kl. 9.00" is "klokken", "KL." the municipalities' association.
_LOWERCASE_ABBREVIATIONS = {"kl"}
# Abbreviations that often end a sentence ("... forældremøder osv. Der er ..."): after one, a capitalised
# function word starts the next sentence (a capitalised name may go on the same one: "mv. Aalborg Kommunes"). So do
# a sum's and a share's units: "... medfinansiering på 1,2 mio. kr. I projektperioden nåede Familiehuset ..."
_CLOSING_ABBREVIATIONS = {"osv", "mv", "m.m", "etc", "m.fl", "o.l", "kr", "pct"}
LIST_MARKER = "- "  # how cleaned text writes a list item
LIST_INDENT = "  "  # ... and one of a nested list: this before the marker once per level below the top
# A sentence may open with any quotation mark, incl. the Danish ’…’ used for programme names.
_OPENING = "\"“”'‘’»("
# What ends a sentence, and the closing quotation marks or brackets that may follow it.
_FULL_STOPS = ".!?…"
_CLOSING = "\"”’')"
# The glyphs that open a bulleted list item wherever they start a line, as a character class's body: "•", the
# squares, circles and arrows of Word's and InDesign's bullet lists, and the private-use bullets of the Symbol
# and Wingdings fonts that PDF and Word exports keep (U+F0B7 dot, U+F0A7 square, U+F0D8 arrow). A folder's check
# marks and boxes ("✓ Du har ret til at have en bisidder med til alle møder.", "□ Få login til Aula") and a
# chevron ("› Januar: Opfølgning på handleplaner") open items as well: read as prose, a parents' folder's five
# rights had run together as one paragraph. "–" and a lone "o" mark items too, but also open lines of prose:
# ingest.clean tells those apart by their neighbours.
BULLETS = "•▪◦‣·➢■●○✓✔☑□☐›\uf000-\uf0ff"
# A bullet glyph that opens an item, as a pattern: not a table's first cell ("☐ | Observation af barnet |", a
# form's box to tick beside each service), which keeps its row.
BULLET_GLYPH = rf"[{BULLETS}](?!\s*\|)"
_BOUNDARY = re.compile(rf"(?<=[{_FULL_STOPS}])[{_CLOSING}]*\s+(?=[{_OPENING}]?[A-ZÆØÅÉÜ0-9{BULLETS}\-])")
# A source note's opening: "Kilde:", "Kilder:", "Læs mere:" (a report's pointer to the work it draws on).
_NOTE_OPENING = r"(?:Kilder?|Læs mere)\s*:"
# A source note or a web address after a sentence is a piece of its own (so it can be told apart as
# debris): slides glue "Kilde: Johansen & Holstein (2014)" to their last line.
# So is a slide's attribution glued after a sentence, the dash touching the name: "... de har brug for.
# -Danmarks Evalueringsinstitut: ”Udfordringer i understøttelse af børn i udsatte positioner” 2022".
# "-Momentum-rundspørge blandt dagtilbudschefer 2021": a name and a year, to the end of the item.
_ATTRIBUTION = r"[-\u2013][A-ZÆØÅ](?:[^:\n]{2,80}:\s*[”\"“]|[^.!?:\n]{2,120}\b(?:19|20)\d\d\s*$)"
_SOURCE_NOTE = re.compile(rf"\s+(?={_NOTE_OPENING})|(?<=[.!?…])\s+(?=https?://|www\.|{_ATTRIBUTION})")
# "- x", "+ x", "* x", "• x" (any of BULLETS), "1. x", "2) x", "a) x", "B) x", "iv) x"; a bare "3." line is a
# numbered item whose text follows. Letters and roman numerals take ")" only: "i. " or "vi. " may open a Danish line.
_LIST_ITEM = re.compile(rf"^\s*(?:(?:[-+*]|{BULLET_GLYPH})\s+|\d{{1,2}}[.)](?:\s+|$)|(?:[a-zA-Z]|[ivx]{{2,4}}|[IVX]{{2,4}})\)\s+)")


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph (line breaks inside it are treated as spaces, except that a full stop at the
    end of a line ends its sentence when the next line opens with a capital: "... støtte til madlavning mv." /
    "Aalborg Kommunes investering ..." is a box's caption under a sentence, not the sentence going on). A short
    capitalised lead-in line under a line that does not run on starts anew too: a slide's "... en forskel for
    børn i udsatte positioner" / "Resultater for daginstitutioner:" is a finding and the title of its list, and
    read as one sentence the finding ran into the title ("... positioner Resultater for daginstitutioner:")."""
    pieces, start = [], 0
    for match in _NEXT_LINE.finditer(text):
        before = text[: match.start()]
        if before.rstrip(_CLOSING)[-1:] in _FULL_STOPS or _heads_list(before, _line_at(text, match.end())):
            pieces.append(text[start : match.start()])
            start = match.end()
    return _with_source_note_whole([sentence for piece in [*pieces, text[start:]] for sentence in _sentences(piece)])


def _heads_list(before: str, line: str) -> bool:
    """Whether ``line`` is a short lead-in standing on its own under ``before``."""
    line = line.strip()
    return is_lead_in(line) and len(line.split()) < MIN_LEAD_IN_WORDS and not runs_on(before)


def _line_at(text: str, start: int) -> str:
    """The line of ``text`` that starts at ``start`` (without copying the rest of the text)."""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


_NOTE_OPENS = re.compile(_NOTE_OPENING)
_ADDRESS_NOTE = re.compile(rf"{_NOTE_OPENING}\s*(?:https?://|www\.)")
_ATTRIBUTION_OPENS = re.compile(_ATTRIBUTION)


# A sentence that ends by naming the source it quotes, as slides credit national figures: "Omkring 15% af børn og
# unge får ... diagnosticeret en psykisk sygdom ... – Vidensråd for forebyggelse 2020".
_CREDITED = re.compile(r"\s[-\u2013\u2014]\s*[A-ZÆØÅ][^-\u2013\u2014.!?\n]{1,80}?\b(?:19|20)\d\d\s*$")


def credits_another_source(text: str) -> bool:
    """Whether ``text`` ends by crediting what it says to a named source and year (see _CREDITED): the
    document quotes it, and it is that source's, not the document's own."""
    return bool(_CREDITED.search(text.rstrip()))


# A sentence that opens by giving research in general as its source: "Internationale undersøgelser viser, at ca. 7 %
# af alle børn har DLD", "Ifølge nyere studier har ...", "Forskningen peger på, at ...". At most three words before
# the research ("Svenske og danske studier"), none of them the place's own ("Vores undersøgelser"), and its verb
# within a few words after ("Studier fra Norden viser"). Not one study ("Undersøgelsen i Favrskov viser"): that may be
# the place's own.
_RESEARCH = r"(?:undersøgelser|studier|forskning|forskningen|forskere)"
_RESEARCH_SAYS = re.compile(
    r"^(?!(?:vores|vor|vort|egne|kommunens|institutionens)\b)"
    rf"(?:ifølge\s+(?:\w+\s+){{0,3}}{_RESEARCH}\b|(?:\w+\s+){{0,3}}{_RESEARCH}\b(?:\s+\w+){{0,4}}?\s+"
    r"(?:viser|viste|har vist|peger på|pegede på|tyder på|anslår|vurderer|finder|fandt)\b)",
    re.IGNORECASE,
)


def cites_research(sentence: str) -> bool:
    """Whether ``sentence`` gives research in general as the source of what it says (see _RESEARCH_SAYS): a figure
    it gives is the studies', not the figure of the place the document is about."""
    return bool(_RESEARCH_SAYS.match(sentence.strip()))


def is_source_note(text: str) -> bool:
    """Whether ``text`` is a source note, a web address or a slide's attribution (see :func:`source_notes_apart`)."""
    return bool(_NOTE_OPENS.match(text) or _ATTRIBUTION_OPENS.match(text) or text.startswith(("http://", "https://", "www.")))


def source_notes_apart(text: str) -> list[str]:
    """``text`` with the source notes, web addresses and attributions glued after its sentences as pieces of
    their own: a list item's "... de har brug for. -Danmarks Evalueringsinstitut: ”Udfordringer i
    understøttelse af børn i udsatte positioner” 2022" matched "børn i udsatte positioner" by its cited title."""
    return [piece for piece in _SOURCE_NOTE.split(text) if piece]


def _with_source_note_whole(sentences: list[str]) -> list[str]:
    """``sentences`` with a source note one piece to the paragraph's end: "Kilde: KREVI (nu KORA) (2011):
    Kortlægning ... og (2010): Tilbud og udgifter til børn og unge. Danmark i forhold til Sverige og Norge;
    Herning Kommune (2012): Projektbeskrivelse for Sverigesprojektet ..." is one note, whose second title
    read alone looked like a sentence of the text and stood in an answer about Herning's project."""
    at = next((n for n, sentence in enumerate(sentences) if _cites_works(sentence)), len(sentences))
    return sentences if at >= len(sentences) - 1 else [*sentences[:at], " ".join(sentences[at:])]


def _cites_works(sentence: str) -> bool:
    """Whether ``sentence`` opens a source note that cites works, whose titles follow it, or a numbered footnote
    citing one ("8 SFI (2008): Anbragte børns udvikling og helbred. Resultater fra SFI’s forløbsundersøgelse af
    årgang 1995." is one reference, its subtitle no sentence); a note giving a web address is the address alone
    (a box's "Læs mere: http://..." line had the main text after the box glued on)."""
    if _NUMBERED_CITATION.match(sentence):
        return True
    return bool(_NOTE_OPENS.match(sentence)) and not _ADDRESS_NOTE.match(sentence)


# A line break before a line that opens with a capital; it ends a sentence after a full stop ("!", "?", "…"),
# with any closing quotation marks or brackets.
_NEXT_LINE = re.compile(rf"[ \t]*\n\s*(?=[{_OPENING}]?[A-ZÆØÅÉÜ])")


def _sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    if not flat:
        return []
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(flat):
        candidate = flat[start : match.start()].rstrip()
        if _ends_with_abbreviation(candidate) and not _closes_sentence(candidate, flat[match.end() :]):
            continue
        if _inside_insertion(flat[start : match.start()], flat[match.end() :]) or _is_date(candidate, flat[match.end() :]):
            continue
        sentences.append(flat[start : match.end()].strip())
        start = match.end()
    sentences.append(flat[start:].strip())
    return [piece for s in sentences for piece in source_notes_apart(s)]


def _is_date(sentence: str, following: str) -> bool:
    """Whether a full stop is a date's, a day before its month, in any case: "UDVALGET FOR LÆRING, 23. JANUAR
    2023" on a title slide is one line."""
    month = following.split(" ", 1)[0].rstrip(".,").lower()
    return bool(re.search(r"(?<!\d)\d{1,2}\.$", sentence)) and month in _MONTHS


# Characters an editor's insertion in square brackets runs on for at most.
MAX_INSERTION = 200


def _inside_insertion(sentence: str, following: str) -> bool:
    """Whether a full stop falls inside an editor's insertion in a quotation ("... finde tid [til at
    arbejde med børnene i små grupper. Red.], hvis der var ..."): the sentence goes on after it."""
    return sentence.count("[") > sentence.count("]") and "]" in following[:MAX_INSERTION]


def _ends_with_abbreviation(text: str) -> bool:
    last_word = _last_word(text)
    if last_word in _LOWERCASE_ABBREVIATIONS and not text.rstrip(".").endswith(last_word):
        return False
    return last_word in ABBREVIATIONS or bool(re.fullmatch(r"\w", last_word))


def _closes_sentence(text: str, following: str) -> bool:
    """Whether an abbreviation that ends ``text`` ends its sentence: "osv." before "Der er ...". So does a
    number of one digit, which otherwise reads as an ordinal ("4. klasse"): "... på stue 4. Der er ..."."""
    next_word = following.split(" ", 1)[0]
    closing = _last_word(text) in _CLOSING_ABBREVIATIONS or _last_word(text).isdigit()
    return closing and next_word[:1].isupper() and next_word.lower() in STOPWORDS_DANISH


def _last_word(text: str) -> str:
    return text.rsplit(" ", 1)[-1].lower().rstrip(".").lstrip("(\"“")


def paragraphs(text: str) -> list[str]:
    """Paragraphs and list items: blank lines separate paragraphs, each list item stands alone.

    A list item goes on over the lines after it up to a blank line, except over a title in capitals
    after a finished sentence (see ``_ends_item``). Lines are stripped, but a nested item keeps the
    indentation of its level (see :func:`list_level`).
    """
    units: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in paragraph.splitlines():
            if current and (is_list_item(line) or _ends_item(current, line)):
                units.append("\n".join(current))
                current = []
            if line.strip():
                current.append(keep_nesting(line, line.strip()))
        if current:
            units.append("\n".join(current))
    return units


def _ends_item(item: list[str], line: str) -> bool:
    """A slide's chart title set right under its last bullet, with no blank line between them ("- ...
    steget til 49 pr. 1.000." / "HENVISTE ... TIL PSYKIATRIEN"): a run of words in capitals after a
    finished sentence is a title or a chart heading, never the rest of the item. A wrapped item goes on
    after an unfinished line, and Danish prose is not set in capitals."""
    return is_list_item(item[0]) and item[-1].rstrip().endswith((".", "!", "?")) and is_caps_title(line)


def is_caps(line: str) -> bool:
    """True for a line in capitals ("HVAD ER TIDLIG FOREBYGGENDE INDSATS?"), with at least two letters."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# The small words a name of an organisation may hold between its capitalised words ("Børn og Unge").
_NAME_JOINERS = frozenset({"og", "for", "i", "af", "til", "&", "-", "–"})


def is_byline(text: str) -> bool:
    """Whether ``text`` is a line of names joined by middle dots, as a letterhead or a title page sets out who
    publishes a document ("Børn og Unge · Skoleafdelingen og Pædagogisk Psykologisk Rådgivning (PPR)"): it names
    organisations and states nothing. A slide's "Trin 5 · Aftaler" (a number) and a course's "Kursusdage: 7. marts
    · Kl. 8.30-15" (dates) are no byline.

    is_byline("Børn og Unge · Skoleafdelingen")   # True
    is_byline("Trin 5 · Aftaler")                 # False"""
    segments = [segment.split() for segment in text.split("·")]
    if len(segments) < 2 or not all(segments):
        return False
    return all(
        word.lower() in _NAME_JOINERS or word.strip("()")[:1].isupper() for segment in segments for word in segment
    )


def is_caps_title(text: str) -> bool:
    """Two words or more in capitals and nothing in lowercase: "HVAD ER TIDLIG FOREBYGGENDE INDSATS?",
    "HENVISTE 0-18 ÅRIGE TIL PSYKIATRIEN" (a number may stand among the words); not an abbreviation alone."""
    return is_caps(text) and sum(1 for w in text.split() if sum(c.isalpha() for c in w) >= 2) >= 2


@lru_cache(maxsize=65536)  # every evidence unit's search text applies it to the unit's lead-in, per question
def sentence_case(text: str) -> str:
    """Each line in capitals ("EKSEMPLER PÅ TILGANGE TIL FORÆLDRESAMARBEJDE") in sentence case, for
    search only: the embedder's cased word pieces split a word in capitals into fragments that match
    its lowercase form ("forældresamarbejdet") poorly. Quotes keep the original. A list's lead-in is
    searched this way; whole chunks are not (on train it lowered hit@5 0.949 -> 0.944)."""
    if not any(c.isupper() for c in text):
        return text
    return "\n".join(line.capitalize() if is_caps_title(line) else line for line in text.split("\n"))


def opens_quotation(text: str) -> bool:
    """True for a paragraph that opens a quoted statement: a double quotation mark or an ellipsis first
    ("“Førhen var det ...", "… det er jo så ..."). Single quotes are left out: Danish sets programme names
    in them ("’Familie med Hjerte’ er ...")."""
    return text.lstrip().startswith(("“", "”", "„", "»", "«", '"', "…", "..."))


def is_list_item(line: str) -> bool:
    """True for "- x", "+ x", "* x", "• x" (any of BULLETS), "1. x", "2) x", "a) x", "B) x" and "iv) x"."""
    return bool(_LIST_ITEM.match(line))


def is_bold_heading(line: str) -> bool:
    """True for a line of an answer that is a heading the composer sets in bold ("**Fra Faxe Kommune**"): a source's
    or a section's name above what is quoted, no claim."""
    return line.startswith("**") and line.rstrip().endswith("**")


def is_markdown_item(line: str) -> bool:
    """True for a bullet of an answer's Markdown as the composer writes it ("- x", nested "  - x")."""
    return line.lstrip(" ").startswith("- ")


# The line under a Markdown table's header row, "|---|---|" as the composer writes it (see table_rule), also
# aligned ("|:--|") or with spaces: layout, neither a claim nor a sentence.
_TABLE_RULE = re.compile(r"\|(?:\s*:?-+:?\s*\|)+")


def table_rule(width: int) -> str:
    """The line under a Markdown table's header row of ``width`` columns: ``table_rule(2) == "|---|---|"``."""
    return "|" + "---|" * width


def is_table_rule(line: str) -> bool:
    """True for the line under a Markdown table's header row (see :func:`table_rule`)."""
    return _TABLE_RULE.fullmatch(line.strip()) is not None


def list_level(line: str) -> int:
    """How deep a list item is nested: one level per LIST_INDENT before its marker ("  - læsning" under
    "- sprog, især:" is at level 1, as in Markdown); 0 for a top-level item and for a line that is no list
    item. A single space is no level: a PDF's text frame opens with one (see ``ingest.clean.starts_frame``)."""
    if not _LIST_ITEM.match(line):
        return 0
    return (len(line) - len(line.lstrip(" "))) // len(LIST_INDENT)


def keep_nesting(line: str, text: str) -> str:
    """``text`` (``line`` stripped or reflowed) with the indentation of ``line``'s nesting level put back, so
    cleaning and chunking never flatten a nested list: "  - læsning" stays "  - læsning"."""
    return LIST_INDENT * list_level(line) + text


def marker_kind(line: str) -> str | None:
    """The kind of list marker a line opens with: "number" ("1.", "2)"), "letter" ("a)", "B)", and a
    roman numeral: "iv)") or "bullet" ("-", "•", "*"); None for a line that is no list item. A nested
    list changes kind ("1. ... med fokus på:" then "- mental sundhedsfremme ...")."""
    match = _LIST_ITEM.match(line)
    if not match:
        return None
    marker = match.group(0).strip()
    return "number" if marker[:1].isdigit() else "letter" if marker[:1].isalpha() else "bullet"


def item_number(line: str) -> str:
    """The number or letter a numbered or lettered list item opens with, as written ("3.", "b)", "iv)"); ""
    for a bullet and for a line that is no list item."""
    match = _LIST_ITEM.match(line)
    return match.group(0).strip() if match and marker_kind(line) != "bullet" else ""


def point_number(line: str) -> int | None:
    """The number a numbered list item opens with ("3. Styrk ..." -> 3, also a marker alone: "2)" -> 2); None for
    a lettered item, a bullet and a line that is no list item."""
    marker = item_number(line)
    return int(marker[:-1]) if marker[:1].isdigit() else None


def shown_item_number(number: str) -> str:
    """A numbered or lettered item's number as an answer's bullet shows it before the item's text ("3." ->
    "3\\. ", "b)" -> "b) ", "" -> ""): the reader sees which point of the list it is, also when the answer quotes
    a few. A number is escaped, since "3." opening a bullet's text starts a list in Markdown, which would number
    the quoted points anew."""
    return f"{number[:-1]}\\{number[-1]} " if number[:1].isdigit() else f"{number} " if number else ""


def without_item_number(text: str) -> str:
    """A bullet's text without the item number :func:`shown_item_number` put before it ("3\\. Styrk ..." ->
    "Styrk ...", "b) Basen" -> "Basen"); any other text as it is."""
    plain = _SHOWN_NUMBER.sub(r"\1\2", text, count=1)
    return strip_list_marker(plain) if item_number(plain) else text


# A number as shown_item_number escapes it.
_SHOWN_NUMBER = re.compile(r"^(\d{1,2})\\([.)])")


def strip_list_marker(line: str) -> str:
    """The item's text without its bullet or number: "- tidlig sparring" -> "tidlig sparring"."""
    return _LIST_ITEM.sub("", line.strip(), count=1)


# A line ending with one of these words goes on in the next line, whatever its first letter.
_CONTINUES = frozenset(
    ["og", "eller", "om", "af", "til", "med", "for", "fra", "i", "på", "at", "som", "der", "en", "et", "den", "det", "de", "ved", "mod"]
)
# Lines in a stack (see :func:`stacked_lines`): a slide's diagram, timeline or legend runs to a few.
MIN_STACK_LINES = 3
# A list's lead-in of fewer words says what its list is only with the line or sentence before it
# ("Resultater for daginstitutioner:", "For eksempel:"): evidence units take that line along, and an
# answer shows that sentence with it.
MIN_LEAD_IN_WORDS = 4


def runs_on(line: str) -> bool:
    """Whether a line goes on in the next one: it ends with a comma or a dash, or with a word that
    cannot end a phrase ("Klasserumsmetoder, Samarbejdsstrukturer og" / "Systemstrukturer")."""
    text = line.rstrip()
    tokens = text.split()
    return text.endswith((",", "-", "–")) or (bool(tokens) and tokens[-1].lower() in _CONTINUES)


# A line that ends so is followed by a space when lines are put on one (see one_line); any other by a semicolon.
_CLOSED_LINE = (".", "!", "?", ":", ";", "…")


def one_line(lines: Iterable[str]) -> str:
    """Lines on one line (a Word table cell's paragraphs, a PDF form field's multiline value): after a line that
    ends like a sentence or runs on (:func:`runs_on`) a space, after any other a semicolon. A list in a cell, or a
    name over a phone number, has no full stops: joined by spaces, "Stil ikke ledende spørgsmål Kontakt lederen
    straks" and "Leder Mette Skov Tlf. 41 22 33 44" read as one sentence ("Drøftet med leder; Aftalt observation")."""
    out = ""
    for line in filter(None, (" ".join(raw.split()) for raw in lines)):
        if out:
            out += " " if out.endswith(_CLOSED_LINE) or runs_on(out) else "; "
        out += line
    return out


def is_table_row(line: str) -> bool:
    """Whether a line is a row of " | "-separated cells, as ingestion writes a table. A row whose first or
    last cell is empty ("Souschef |" once the line is stripped) is one too: read as text, a two-column
    table with an empty cell lost its rows."""
    return " | " in f" {line} "


# The header row of a table that has none (a Word table whose first row is plainly a row, see ``ingest.loaders``):
# empty cells. Its rows are still rows of a table with a header line above them, as units and chunks read a table
# ("Leder | Mette Skov" under no column names, not under its first row "Institution | Solsikken"). A form's
# labels closed by colons are no such table: they are read as fields (see :func:`are_fields`).
NO_HEADER = "|"


def table_cells(row: str) -> list[str]:
    """A table row's text (as ingestion writes it) as cells: "a | b | c" (a header row), "Souschef |" (an
    empty last cell), or a row that carries its column headers, "Pluspladser – 2016: 527.000; 2017: 527.000",
    as its label and values."""
    if is_table_row(row):
        return [cell.strip() for cell in f" {row.strip()} ".split(" | ")]
    if names_columns(row):
        label, _, values = row.partition(" – ")
        return [label.strip(), *(value.partition(":")[2].strip() for value in values.split("; "))]
    return [row.strip()]


def names_columns(row: str) -> bool:
    """Whether a table row's text carries its column headers: "Pluspladser – 2016: 527.000; 2017: 527.000"."""
    _, dash, values = row.partition(" – ")
    return " | " not in row and bool(dash) and ":" in values


# A form's label is a few words closed by a colon ("Institution:", "Hvad er der allerede gjort:").
MAX_FIELD_LABEL_WORDS = 6


def labels_values(rows: Sequence[str]) -> bool:
    """Whether a table's rows (as ingestion writes them) are a form's labels and values, not a table under a
    header: every row opens with a label closed by a colon ("Institution: | Solsikken", "Leder: | Mette
    Jensen"), and some row has a value. A header names its columns and never ends with a colon; read as a
    table, the first label and value became the header of every other row ("Institution: | Solsikken" over
    "Leder: | Mette Jensen")."""
    cells = [table_cells(row) for row in rows]
    labelled = all(len(row) > 1 and _field_label(row[0]) for row in cells)
    return bool(cells) and labelled and any(any(row[1:]) for row in cells)


def field_line(row: str) -> str:
    """A row of a form's labels and values as it reads on its own: "Institution: | Solsikken" is
    "Institution: Solsikken", "Dato: | 3. maj | Underskrift: | Mette" is "Dato: 3. maj Underskrift: Mette"."""
    return " ".join(cell for cell in table_cells(row) if cell)


def is_field_line(line: str) -> bool:
    """Whether a line is a form's label and its value as :func:`field_line` writes them (no " | " cells)."""
    label, colon, _ = line.partition(":")
    return not is_table_row(line) and bool(colon) and _field_label(label + colon)


def are_fields(rows: Sequence[str]) -> bool:
    """Whether a table block's rows are a form's fields (:func:`is_field_line`), each read on its own rather
    than under the first as a header."""
    return bool(rows) and all(map(is_field_line, rows))


def _field_label(cell: str) -> bool:
    return cell.endswith(":") and 0 < len(cell.split()) <= MAX_FIELD_LABEL_WORDS


def stacked_lines(text: str) -> list[str]:
    """The lines of a text set as a stack rather than as prose, each with the lines it runs on into
    joined to it: a slide's diagram, timeline, legend or unbulleted list that reads as one long
    "sentence" ("Det danske system" / "98 kommuner med ansvar for Dagtilbud ..." / "5 regioner med
    ansvar for Psykiatri ..."). At least MIN_STACK_LINES lines, none closed like a sentence but the
    last (the first may end with ":", a lead-in); [] for anything else, prose included."""
    lines: list[str] = []
    for line in (" ".join(raw.split()) for raw in text.splitlines()):
        if not line:
            continue
        if lines and runs_on(lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    if len(lines) < MIN_STACK_LINES or is_list_item(lines[0]):
        return []
    closed = [line.endswith((".", "!", "?", "…", ":")) for line in lines[:-1]]
    return [] if any(closed[1:]) or (closed[0] and not is_lead_in(lines[0])) else lines


# The share of a stack's lines (see :func:`stacked_lines`) that are labels for the stack to be a diagram's labels:
# a slide's "Indsatstrappe for arbejdet m mellemformer" / "Politik-kerne" / ... / "Specialpædagogiske tiltag,
# indsatser, rammer mv." has one line of its seven closed like a sentence, and its title of eight words counts
# as none. A stack of short statements ("Den enkelte skole betaler ved segregering af skolestartere" / "Elever
# med funktionsnedsættelse er undtaget betalingsforpligtigelse" / ...) holds a third of labels at most.
MIN_LABEL_SHARE = 0.75


def is_label_stack(text: str) -> bool:
    """Whether ``text`` is a stack of lines (:func:`stacked_lines`) that are nearly all labels (:func:`is_label`).
    A diagram's boxes ("Balancen mellem de fællesskabsorienterede og det individuelle indsatser" / "Særlig støtte
    og PPR" / "Forebyggende indsatser" / ...) name things and state nothing about them; a chart's rows ("2022 7")
    give its values and are no labels."""
    lines = stacked_lines(text)
    return bool(lines) and sum(map(is_label, lines)) >= MIN_LABEL_SHARE * len(lines)


def is_label(line: str) -> bool:
    """Whether a line names something and states nothing: a fragment (:func:`is_fragment`) that ends in no
    value ("Særlig støtte og PPR", not "Anbragte børn: 4.5", a chart's row)."""
    return is_fragment(line) and not trailing_values(line)


# A value of a table row flattened to a line: a number ("527.000", "54%", "4.5") or a dash for an empty cell.
_VALUE = re.compile(r"^(?:[-–]|\d[\d.,]*%?)$")


def trailing_values(line: str) -> list[str]:
    """The values ending a table line ("Pluspladser 527.000 527.000" -> the two numbers)."""
    tokens = line.split()
    count = 0
    while count < len(tokens) and _VALUE.match(tokens[-1 - count]):
        count += 1
    return tokens[len(tokens) - count :] if count else []


def is_lead_in(paragraph: str) -> bool:
    """A line that introduces a list ("KL anbefaler:", "Det gør vi:")."""
    return paragraph.rstrip().endswith(":")


# The sentences of a lead-in paragraph that introduce its list: the one ending in the colon and the one
# before it, which the colon's so often points back to ("Tidligere indsats skal både tænkes som ...
# indsatser. Her er nogle eksempler ud af en helt palette af indsatser:"). Sentences further back are units
# of their own: carried by every item, a definition three sentences up ("Tidligere indsats kan forstås
# ... rettidig ...") made thirteen examples pass for the answer to "Hvad betyder rettidig indsats?".
INTRODUCING_SENTENCES = 2


def introduction(paragraph: str) -> str:
    """The last sentences of a list's lead-in paragraph, those that introduce the list (see
    ``INTRODUCING_SENTENCES``). A slide's title line above a short lead-in ("... for børn i udsatte
    positioner" / "Resultater for daginstitutioner:") keeps its line break, so the quoted lead-in still
    reads as two sentences (see :func:`split_sentences`)."""
    return join_sentences(split_sentences(paragraph)[-INTRODUCING_SENTENCES:])


def join_danish(items: Sequence[str]) -> str:
    """Items as a Danish list: "a", "a og b", "a, b og c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def join_sentences(sentences: Sequence[str]) -> str:
    """Sentences as one text that :func:`split_sentences` splits back into them: after a full stop a space,
    after a line without one (a slide's title above a lead-in) a line break.

    Example::

        join_sentences(["Det er sådan.", "Titel", "Resultater:"])  # "Det er sådan. Titel\nResultater:"
    """
    text = sentences[0] if sentences else ""
    for sentence in sentences[1:]:
        text += (" " if text.rstrip(_CLOSING)[-1:] in _FULL_STOPS else "\n") + sentence
    return text


_COUNTS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12}
# A count of two to twelve, in words or digits (a list question's "Hvilke fire temaer", a lead-in's "tre initiativer:").
COUNT_WORD = rf"(?:{'|'.join(_COUNTS)}|[2-9]|1[0-2])"
# A count a few words before the colon that ends a lead-in: "tre forbundne initiativer:", "syv
# opmærksomhedspunkter med tilhørende konkrete anbefalinger:", "de 6 fælles fokusområder".
_ANNOUNCED = re.compile(rf"\b({COUNT_WORD})\s+(?:[\w-]+\s+){{0,5}}?[\w-]+(?:\s*\([^)]*\))?\s*:?\s*$", re.IGNORECASE)


# A count in running text and the words after it that may name what is counted: "fire forskellige
# fordelingsmetoder" names "fordelingsmetoder".
_COUNTED_WORDS = re.compile(rf"\b{COUNT_WORD}((?:\s+[a-zæøå][\w-]*){{1,3}})", re.IGNORECASE)


# The names a list after a sentence's colon gives, "grøn, gul og rød": each of at most MAX_LISTED_NAME_WORDS words.
_LISTED = re.compile(r",\s*|\s+(?:og|eller)\s+")
MAX_LISTED_NAME_WORDS = 3


def listed_names(sentence: str) -> tuple[str, ...]:
    """The names a sentence lists after its colon, lowercased: "Modellen inddeler barnets situation i tre farver:
    grøn, gul og rød." -> ("grøn", "gul", "rød"). None unless two or more, each a name of a few words, not a clause."""
    head, colon, tail = sentence.strip().rstrip(".").rpartition(":")
    names = [name.strip() for name in _LISTED.split(tail)] if colon and head.strip() else []
    if len(names) < 2 or any(not name or len(name.split()) > MAX_LISTED_NAME_WORDS for name in names):
        return ()
    return tuple(name.lower() for name in names)


# A share as documents state a limit or a span of it: "10-14 procent", "fra 15 til 19 %", "20 procent eller mere", "over
# 8 %", "mindst 90 %", "højst 4 %". The second number of a span may stand without its unit ("5-9 procent" writes it once).
_SHARE = r"(?:%|procent|pct\.?)"
_SHARE_NUMBER = r"(\d+(?:,\d+)?)"
_BE = r"(?:(?:være|være på|ligge på|nå)\s+)?"  # "skal højst være 4 %"
_SHARE_SPAN = re.compile(rf"{_SHARE_NUMBER}\s*{_SHARE}?\s*(?:-|–|til)\s*{_SHARE_NUMBER}\s*{_SHARE}", re.IGNORECASE)
_SHARE_FROM = re.compile(
    rf"\b(?:over|mere end|mindst|minimum|fra|på mindst)\s+{_BE}{_SHARE_NUMBER}\s*{_SHARE}"
    rf"|{_SHARE_NUMBER}\s*{_SHARE}\s+eller\s+(?:mere|derover|højere|over)\b",
    re.IGNORECASE,
)
_SHARE_TO = re.compile(
    rf"\b(?:under|højst|mindre end|maksimalt|op til)\s+{_BE}{_SHARE_NUMBER}\s*{_SHARE}"
    rf"|{_SHARE_NUMBER}\s*{_SHARE}\s+eller\s+(?:mindre|derunder|lavere)\b",
    re.IGNORECASE,
)


def _share(number: str) -> float:
    return float(number.replace(",", "."))


def stated_share_ranges(text: str) -> list[tuple[float, float]]:
    """The spans of shares (in percent) ``text`` states as a limit or a span: "samlet fravær 20 procent eller mere" ->
    [(20.0, inf)], "10-14 procent" -> [(10.0, 14.0)], "højst 4 %" -> [(-inf, 4.0)]."""
    spans = [(_share(low), _share(high)) for low, high in _SHARE_SPAN.findall(text)]
    spans += [(_share(before or after), math.inf) for before, after in _SHARE_FROM.findall(text)]
    spans += [(-math.inf, _share(before or after)) for before, after in _SHARE_TO.findall(text)]
    return spans


_WRITTEN_SHARE = re.compile(rf"(?<![\w.,-]){_SHARE_NUMBER}\s*{_SHARE}(?!\w)", re.IGNORECASE)


def written_shares(text: str) -> frozenset[str]:
    """The figures ``text`` writes as shares: "en elev med 22 % fravær" -> {"22"}."""
    return frozenset(_WRITTEN_SHARE.findall(text))


def within_stated_share(share: str, text: str) -> bool:
    """Whether ``text`` states a limit or a span of shares that the share ``share`` ("22", "12,5") lies in: a worry's
    "22 % fravær" is what a procedure's "samlet fravær 20 procent eller mere" is written for."""
    return fits_shares((share,), text) is True


def fits_shares(shares: Iterable[str], text: str) -> bool | None:
    """Whether one of ``shares`` (as :func:`written_shares` gives them) lies in a limit or span of shares ``text``
    states; None when it states none: "Niveau 2 – Bekymring (samlet fravær 10-14 procent ...)" is written for a child
    with 12 % fravær (True) and not for one with 22 % (False)."""
    ranges = stated_share_ranges(text)
    if not ranges:
        return None
    return any(low <= _share(share) <= high for share in shares for low, high in ranges)


def counted_words(sentence: str) -> list[str]:
    """The (up to three) words after each count in ``sentence``: the thing it counts is among them."""
    return [word for match in _COUNTED_WORDS.finditer(sentence) for word in match.group(1).split()]


def figures_beside_counts(sentence: str) -> bool:
    """Whether ``sentence`` holds a figure in digits besides its counts of two to twelve things: "De otte cases
    brugte tilsammen 15 konferencer og ca. 133 timers personaletid" does, "KORA har identificeret fire
    forskellige fordelingsmetoder" and "Rapporten beskriver 4 metoder" do not."""
    return re.search(r"\d", _COUNTED_WORDS.sub(" ", sentence)) is not None


def count_word(count: int) -> str:
    """A count as Danish writes it in running text: "to" to "tolv" as words, larger counts as digits."""
    return next((word for word, number in _COUNTS.items() if number == count), str(count))


# A count a question asks a list of, and the word it counts: "Hvad er Vidensrådets syv hovedpunkter ...?",
# "Hvilke fire temaer ...?".
_ASKED_COUNT = re.compile(rf"\b(?:hvilke|hvad er|de|dens|dets|deres|[\w-]+s)\s+({COUNT_WORD})\s+([a-zæøå][\w-]*)", re.IGNORECASE)


def asked_count(question: str) -> int | None:
    """How many items a list question says the list it asks for holds, if it says."""
    asked = asked_list(question)
    return asked[0] if asked else None


def asked_list(question: str) -> tuple[int, str] | None:
    """The count a list question asks for and the word it counts ("Hvilke fire temaer ...?" -> (4, "temaer"))."""
    match = _ASKED_COUNT.search(question)
    if not match:
        return None
    count = match.group(1).lower()
    return _COUNTS.get(count) or int(count), match.group(2).lower()


_COUNT_IN_WORDS = re.compile(rf"\b({'|'.join(_COUNTS)})\s+[a-zæøå]", re.IGNORECASE)


def named_count(lead_in: str) -> int | None:
    """The count a list's lead-in names in words, the first one: "EN NATIONAL STRATEGI MED SYV HOVEDPUNKTER
    (DAGTILBUD):" -> 7, "KL har tre pejlemærker for indsatsen ...:" -> 3. Digits are figures more often than counts."""
    match = _COUNT_IN_WORDS.search(lead_in)
    return _COUNTS[match.group(1).lower()] if match else None


def announced_count(lead_in: str) -> int | None:
    """How many items a list's lead-in says follow ("... gennem tre forbundne initiativer:" -> 3), if it says."""
    match = _ANNOUNCED.search(lead_in.rstrip())
    if not match:
        return None
    count = match.group(1).lower()
    return _COUNTS.get(count) or int(count)


# Openers that explain or exemplify what stands before them.
_EXPLAINING = r"dette|disse|denne|heraf|derfor|dermed|således|til sammenligning|fx|for eksempel|eksempelvis"
_EXAMPLE_ABBREVIATION = r"f\.\s?eks\."
# Sentence openers that point back to the sentence before: "Det skyldes ...", "Til sammenligning ...".
# "Det" and "De" before an inflected adjective, a superlative or "ekstra" are articles ("Det danske
# system", "De fleste børn", "De mest komplekse familier", "De ekstra hænder"), except in "Det samme".
# A demonstrative, alone or after a preposition: "I disse tre områder er antallet af børnesager 20 pr. rådgiver."
_DEMONSTRATIVE = re.compile(r"^(?:(?:i|på|for|med|af|under|efter|til|fra|blandt|hos)\s+)?(?:disse|denne|dette)\b", re.IGNORECASE)
# A quantifier standing for a noun the sentence before names, right before the verb: "Flere har misbrugsproblemer,
# flere har en kriminel baggrund ..." (of the parents the sentence before speaks of); not "Flere kommuner har ...".
_ELLIPTIC_SUBJECT = r"(?:flere|mange|nogle|andre|begge|de fleste)\s+(?:har|er|var|havde|kan|får|fik|bliver|blev)"
_REFERS_BACK = re.compile(
    rf"^(?:det?(?!\s+(?:(?!samme\b)[a-zæøå]+e|mest|mindst|ekstra)\b)|{_EXPLAINING}|her|herved|hermed"
    rf"|samtidig|desuden|endvidere|tilsvarende|til gengæld|med andre ord|{_ELLIPTIC_SUBJECT})\b|{_EXAMPLE_ABBREVIATION}"
    rf"|{_DEMONSTRATIVE.pattern}",
    re.IGNORECASE,
)
# Stricter, for a bullet: one opening with "Det skyldes" explains the line above it, one opening with a
# formal subject ("• Det vurderes, at ...") is a point of its own.
_EXPLAINS = re.compile(
    rf"^(?:det (?:skyldes|betyder|vil sige|hænger sammen med|gælder)|{_EXPLAINING})\b|{_EXAMPLE_ABBREVIATION}", re.IGNORECASE
)


def opens_with_demonstrative(sentence: str) -> bool:
    """Whether a sentence opens with "disse", "denne" or "dette" (after a preposition or not): it points back
    to what the sentence before names, and tells more of it; unlike "Det skyldes", it explains nothing."""
    return bool(_DEMONSTRATIVE.match(sentence.lstrip(_OPENING)))


# A scheme spoken of as one already named, near a sentence's start: "Projektet har fokus på ...", "Det er
# projektets overordnede sigte ...", "Indsatsen består af ...".
_SCHEME = re.compile(
    r"^(?:\S+\s+){0,3}?(?:projekt|indsats|model|ordning|program|metode|tilbud|forløb|initiativ|pulje)(?:et|en|ets|ens)\b",
    re.IGNORECASE,
)


def names_its_scheme(sentence: str) -> bool:
    """Whether a sentence speaks of its section's scheme by a definite noun ("Projektet", "Indsatsen") near its
    start, as one already named: quoted alone, it needs the section's title to say which."""
    return bool(_SCHEME.match(sentence.lstrip(_OPENING)))


# "således", "dermed" and "derfor" after the verb and subject of a main clause that follows a place or a condition
# ("I institutioner, hvor ..., var der således 6,8 børn pr. voksen.", "Har en medarbejder fortalt ... om en bekymring,
# skal medarbejderen derfor fortsat selv vurdere ..."); "således at" means "so that".
_EXPLAINS_INSIDE = re.compile(
    r",\s+\w+\s+(?:der|det|de|den|vi|man|\w+(?:en|et|ne))\s+(?:således(?!\s+at\b)|dermed|derfor)\b", re.IGNORECASE
)


def refers_back(sentence: str) -> bool:
    """Whether a sentence opens by pointing back to the one before it ("Det skyldes, at ..."). An example
    does too: "Fx kan der opnås støtte fra Familierådgivningen, ..." says nothing until the sentence before
    it says what it is an example of (on train, key facts 0.741 -> 0.743; no validation figure moved). So does a
    main clause saying "derfor" after a condition (see _EXPLAINS_INSIDE): "Har en medarbejder fortalt
    familierådgiveren om en bekymring, skal medarbejderen derfor fortsat selv vurdere, om der skal underrettes"
    follows from "Underretningspligten er personlig og kan ikke overdrages til familierådgiveren."."""
    opening = sentence.lstrip(_OPENING)
    return bool(_REFERS_BACK.match(opening) or _EXPLAINS_INSIDE.search(opening))


# Sentence openers that set a sentence against the one before ("Men der kan konstateres et markant fald ...").
_CONTRASTS = re.compile(r"^(?:men|derimod|alligevel|omvendt)\b", re.IGNORECASE)


def goes_on_from(sentence: str) -> bool:
    """Whether a sentence cannot open a quote without the one before it: it points back to it (see
    :func:`refers_back`) or sets itself against it ("Men der kan konstateres ...")."""
    return refers_back(sentence) or bool(_CONTRASTS.match(sentence.lstrip(_OPENING)))


def explains_previous(sentence: str) -> bool:
    """Whether a sentence explains or exemplifies the one before it, by its opening ("Det skyldes, at ...",
    "Fx ...") or by "således", "dermed" or "derfor" right after the verb of its main clause: a stricter
    :func:`refers_back`, for units that stand on lines of their own."""
    opening = sentence.lstrip(_OPENING)
    return bool(_EXPLAINS.match(opening) or _EXPLAINS_INSIDE.search(opening))


# A document's record of itself, as its title block or front page gives it: its version, who approved or treated it
# and when ("Version 2.1 – gældende fra 1. august 2024", "Godkendt af Børne- og Uddannelsesudvalget den 11. juni 2024.").
_RECORD_LINE = re.compile(
    r"^(?:godkendt|behandlet|vedtaget|revideret|opdateret|udgivet)\s+(?:af|i|på|den)\b|\bversion\s+\d+(?:[.,]\d+)*\b", re.IGNORECASE
)


def is_record_line(sentence: str) -> bool:
    """Whether ``sentence`` records the document itself (its version, approval or treatment), not what it says:
    "Behandlet i Børne- og Familieudvalget den 11. marts 2025." -> True, "Teamet behandlede 248 sager." -> False."""
    return _RECORD_LINE.search(sentence.strip()) is not None


# The title of a list of who took part in a meeting or a conference: "Oplægsholdere og deltagere", "Til stede:". Not
# "(Faste) deltagere:" alone, which lists a team's members: what the team is.
_MEETING_ROLES = r"(?:oplægsholdere|mødedeltagere|medvirkende|til stede|fremmødte|afbud|paneldeltagere|ordstyrer)"
_ROSTER_WORD = rf"(?:{_MEETING_ROLES}|deltagere)"
_ROSTER_TITLE = re.compile(rf"(?=.*\b{_MEETING_ROLES}\b){_ROSTER_WORD}(?:(?: og |, ){_ROSTER_WORD})*:?", re.IGNORECASE)


def is_roster_title(title: str) -> bool:
    """Whether ``title`` heads a list of the people who took part, which records the meeting, not what it said:
    "Oplægsholdere og deltagere" -> True, "Deltagerne fik disse råd:" -> False."""
    return _ROSTER_TITLE.fullmatch(title.strip()) is not None


# A sentence that gives a cause: "Forvaltningen vurderer, at stigningen primært skyldes, at ...", "..., fordi ...".
_GIVES_REASON = re.compile(r"\b(?:skyldes|skyldtes|fordi|årsag(?:en|erne)?|forklaring(?:en)?|grunden)\b", re.IGNORECASE)


def gives_reason(sentence: str) -> bool:
    """Whether ``sentence`` states a cause or an explanation: "Stigningen skyldes især flere henvisninger om
    trivsel" -> True, "Antallet af underretninger er steget fra 212 til 281." -> False."""
    return _GIVES_REASON.search(sentence) is not None


# Two or more things just named, taken together in a sentence's first words: "Valget mellem de to fremgangsmåder
# afhænger af ...", "Begge modeller ...", "Fælles for de tre tilgange er ...".
_TAKES_TOGETHER = re.compile(r"^(?:\S+\s+){0,3}?(?:de (?:to|tre|fire|fem)|begge)\s+\w", re.IGNORECASE)


def weighs_previous(sentence: str) -> bool:
    """Whether a sentence opens by taking together the things named just before it ("Valget mellem de to
    fremgangsmåder afhænger af ..."): below a list's items, it is the item that weighs them."""
    return bool(_TAKES_TOGETHER.match(sentence.lstrip(_OPENING)))


_ENUMERATES = re.compile(r"^(?:for det (?:første|andet|tredje|fjerde|femte|sjette)|dernæst|endelig|til sidst)\b", re.IGNORECASE)


def enumerates(sentence: str) -> bool:
    """Whether a sentence is a point of a list written as prose ("For det andet skal ...", "Endelig ...")."""
    return bool(_ENUMERATES.match(sentence.lstrip(_OPENING)))


# Pieces that are not sentences: a short line without a verb-like ending (heading, chart label, slide
# title), a page or slide number, a source line, a web address.
_DEBRIS = re.compile(r"^(?:side|dias|slide|kilder?|note|figur|tabel|læs mere)\b|https?://|www\.", re.IGNORECASE)
# A timeline's labels: month names, whole or abbreviated.
_MONTHS = frozenset(
    {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"}
)
_SENTENCE_END = (".", "!", "?", ":", "…")
# A report's numbered footnote that cites a source, "6 NIRAS (2012): Socialrådgivere i dagtilbud.", or a
# line citing two sources, "..., Socialforvaltning (2013): ... og Socialforvaltning (2013): Evaluering ...".
_CITED_YEAR = r"\((?:[a-zæøå]+ )?(?:19|20)\d\d[a-z]?\)\s*:"
# A slide's attribution line, "-Danmarks Evalueringsinstitut: ”Udfordringer i ...” 2022" (the dash
# touches the name; a list item's dash is followed by a space).
_NUMBERED_CITATION = re.compile(rf"\d{{1,3}}\s+\D.*?{_CITED_YEAR}")
# A numbered footnote that names a source before a colon, "14 SFI: Introduktion til dialogprojektet ...", or dates
# it by an abbreviated month, "15 KL analyse, nov. 2014 og Ugebrevet A4, 20. feb. 2006." (a footnote that adds to
# the text, "3 Der er i forbindelse med Budget 2016 afsat ...", does neither).
_NAMED_SOURCE = r"\d{1,3}\s+[A-ZÆØÅ][\w-]*(?:\s+[A-ZÆØÅ0-9][\w-]*){0,3}\s*(?:\([^)]*\)\s*)?:"
_DATED_SOURCE = r"\d{1,3}\s+\D.*\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.\s+(?:19|20)\d\d\b"
_REFERENCE = re.compile(
    rf"^{_NUMBERED_CITATION.pattern}|^{_NAMED_SOURCE}|^{_DATED_SOURCE}|{_CITED_YEAR}.*{_CITED_YEAR}|^[-\u2013][A-ZÆØÅ].*\s(?:19|20)\d\d$"
)
# A chart's axis inside a line of its labels: five or more numbers in a row with nothing but spaces
# between them ("... skoleleder 2006 2007 2008 2009 2010 ... Styrket visitation"). Prose and table rows
# separate figures by words, commas or columns; a table's values stand at most a few to a line.
_AXIS = re.compile(r"(?<!\S)(?:\d[\d.,]*%?[ \t]+){4}\d")


# Characters both sentences need before one lying inside the other is a repeat: shorter pieces ("Se
# figur 3", "KL anbefaler:") recur by nature.
MIN_REPEAT = 12
MIN_REPEAT_WORDS = 3


def repeats(sentence: str, earlier: str) -> bool:
    """Whether one of two sentences lies inside the other, case and spacing aside, both at least MIN_REPEAT
    characters long: the composer leaves such a sentence out, and the evaluation counts one it printed.
    Inside a longer one, the shorter must have MIN_REPEAT_WORDS words: a list's one-word item
    ("Forældresamarbejde") is no repeat of another list's title ("EKSEMPLER PÅ TILGANGE TIL
    FORÆLDRESAMARBEJDE"), and left out it cut the list.

    Example::

        repeats("Hun taler om søvn.", "Sundhedsplejersken kommer, og hun taler om søvn.")  # True
        repeats("Forældresamarbejde", "Eksempler på tilgange til forældresamarbejde")  # False
    """
    plain, other = " ".join(sentence.lower().split()), " ".join(earlier.lower().split())
    if min(len(plain), len(other)) < MIN_REPEAT:
        return False
    shorter, longer = sorted((plain.rstrip(".!?:"), other.rstrip(".!?:")), key=len)
    return shorter == longer or (shorter in longer and len(shorter.split()) >= MIN_REPEAT_WORDS)


def is_fragment(text: str) -> bool:
    """True for text that must never count as a sentence: headings, chart labels, slide debris, page
    numbers and lines cut off mid-way ("Andel af børn i pct. 2016 2017")."""
    flat = " ".join(text.split()).rstrip("”’\"')]")
    tokens = flat.split()
    if not tokens or _DEBRIS.search(flat) or _REFERENCE.search(flat) or any(_AXIS.search(line) for line in text.splitlines()):
        return True
    if is_caps_title(flat):
        return True  # a title or chart heading in capitals, however long: prose is not set in capitals
    if all(token.lower().rstrip(".") in _MONTHS for token in tokens):
        return True  # a timeline's months ("Marts Maj Sep. Okt.")
    wordlike = [t for t in tokens if any(c.isalpha() for c in t)]
    if len(wordlike) < 3 or len(wordlike) < len(tokens) / 2:
        return True  # mostly numbers: a chart's axis or legend
    # Slides rarely end lines with a full stop, so only short unpunctuated lines count as headings.
    return len(tokens) < 8 and not flat.endswith(_SENTENCE_END)


# ---- Markdown -------------------------------------------------------------------------------------

# Characters that Markdown (and the HTML it may carry) gives a meaning: links and images need "[",
# HTML and autolinks "<", code "`", emphasis "*" and "_", tables "|", headings "#". Escaped with a
# backslash they show as themselves.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>|#])")
# Bare web addresses become links in GitHub-flavoured Markdown; an escaped "/" or "." prevents it.
_BARE_LINK = re.compile(r"(?i)\b(https?:|ftp:)//|\b(www)\.")
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#/.)])")


def inert_markdown(text: str) -> str:
    """Text from a document or a question, safe to embed in Markdown: it can never become an image,
    a link, HTML, code, emphasis, a heading or a table cell break.

    inert_markdown("![t](http://x/y.png)")   # "!\\[t\\](http:\\/\\/x/y.png)"
    """
    escaped = _MARKDOWN_ACTIVE.sub(r"\\\1", text)
    return _BARE_LINK.sub(lambda m: f"{m.group(1)}\\/\\/" if m.group(1) else f"{m.group(2)}\\.", escaped)


def plain_markdown(text: str) -> str:
    """The inverse of :func:`inert_markdown`: the text as the document wrote it (for comparisons)."""
    return _ESCAPED.sub(r"\1", text)


# ---- terms --------------------------------------------------------------------------------------

# The words by which a question points at the documents themselves ("Hvad siger dokumenterne om ...?", "Hvilke
# redskaber nævnes i materialet?"): every passage is in them, so they are no topic and not searched for.
DOCUMENT_WORDS = frozenset(
    {"dokumenterne", "dokumentet", "materialet", "materialerne", "kilderne", "kilden", "teksten", "teksterne"}
)
# The words by which a question asks for the documents' view as a whole, right after naming them ("Hvad siger
# kilderne samlet om ...?"). Not question words: elsewhere "samlet" is a fact's ("samlet om året") or the
# documents' ("forebyggelsen samlet i en stabsenhed").
OVERVIEW_WORDS = frozenset({"samlet", "overordnet", "generelt", "tilsammen"})
# Question words and filler common in practitioners' questions but carrying no topic.
QUESTION_WORDS = DOCUMENT_WORDS | {
    "hvad", "hvordan", "hvorfor", "hvornår", "hvem", "hvilke", "hvilken", "hvilket", "hvor", "mange", "kan", "skal",
    "gør", "gøre", "gjorde", "gjort", "jeg", "vi", "der", "som", "om", "siger", "står", "fortæl",
    "forklar", "giv", "eksempel", "eksempler", "nogle", "noget", "egentlig", "mon", "både", "får", "få",
    # filler of spoken questions ("Hvor mange har faktisk ...?", "Hvad gælder helt præcist ...?")
    "faktisk", "virkelig", "overhovedet", "præcis", "præcist", "bare", "altså",
    # the words that ask what something means ("Hvad står forkortelsen PALS for?", "Hvad er tanken bag?")
    "forkortelse", "forkortelsen", "tanken", "bag", "idéen", "ideen", "menes", "begrebet", "betegnelsen", "ordet",
    # "Hvad forstår Hedensted ved ...?", "Hvad mener KL om ...?": a source's view is asked for, not a word of it
    "forstår", "forstås", "mener",
    # the words that say the documents hold something ("nævnes i materialet", "fremgår af kilderne"): as terms
    # they only lower the topic's coverage
    "dokumenter", "nævn", "nævnes", "nævner", "nævnt", "omtales", "omtaler", "omtalt", "beskrives", "beskrevet", "fremgår",
}
STOP = set(STOPWORDS_DANISH) | QUESTION_WORDS
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[a-zæøåéü]+(?:-[a-zæøåéü]+)*", re.IGNORECASE)
_stemmer = Stemmer.Stemmer("danish")


# Snowball strips a bare final s after these letters ("plusplads" -> "plusplad") but keeps it before an
# inflection ("pluspladser", "pluspladsen" -> "plusplads"), which parts "Hvad er en plusplads?" from every
# passage on pluspladser. Stripping the s from the stem too gives all forms one stem.
_S_ENDING = frozenset("abcdfghjklmnoprtvyzå")


# Snowball takes the "et" of a noun in "-itet" for the neuter article ("kvalitet" -> "kvalit") but keeps it
# before an ending ("kvaliteten", "kvaliteter" -> "kvalitet"), which parted "Hvad er kvalitet?" from every
# passage on kvaliteten. "-itet" is a suffix of nouns, never an article: the word is its own stem.
_ITET = "itet"


# The same for a noun in "-et" that doubles its t before an ending ("budget", "budgettet", "budgetter";
# "sikkerhedsnettet"): Snowball stems the bare noun to "budg" and the inflected forms to "budget". A doubled
# t says the "et" is the noun's own, so those forms take the bare noun's stem. Not after an r: "underrette",
# "målrettet" are verbs, whose "ret" stays. A stem of three letters ("palette" -> "pal") would meet names.
_MIN_DOUBLED_STEM = 4


# An adjective in "-isk" is derived from a noun in "-ik" ("motorisk" of "motorik", "pædagogisk" of "pædagogik"),
# which Snowball stems apart: "Hun har svært ved motorikken" never met Copenhagen's "børn, der er motorisk
# udfordrede". The adjective takes the noun's stem. Not a short word ("fisk", "disk").
_ISK = "isk"
_MIN_ISK_STEM = 6


# Snowball stems the verb "tale" (speak) as it stems "tal" (number): "forældre, der ikke taler så godt dansk"
# met "var tallet 6,4 børn pr. voksen", and never the pamphlet's "Kvindeaftener, hvor der ... tales om andet end
# børn". The verb's forms keep a stem of their own. Not "talt", which is also "counted".
_SPEAKING = frozenset({"tale", "taler", "tales", "talte", "talende", "talen", "talens", "talerne"})


# Snowball stems the teacher ("lærerne", "lærere") as it stems the verb "lære" (learn): "så lærerne kan bruge det"
# met KL's "Lær for Livet" and its "anbragte børns læring" before an organisation's own advice for the teachers.
# The forms that can only be the noun keep a stem of their own; "lærer" is also "learns" ("barnet lærer at tale").
_TEACHER = frozenset({"lærere", "læreren", "lærerne", "lærers", "læreres", "lærerens", "lærernes"})


# A small child's everyday signs are told with verbs ("hun græder meget, sover og spiser dårligt") and named by the
# documents with nouns that Snowball stems apart ("regulatoriske problemer i form af gråd, uro, spisning og søvn"):
# the noun's stem is the verb's.
_SIGN_NOUNS = {"gråd": "græd", "søvn": "sov", "spisning": "spis"}


# A strong verb's past forms have a stem of their own ("anbragt", "anbragte" -> "anbrag"; "anbringe", "anbringelse"
# -> "anbring"): "Hvor er det lykkedes at få flere børn anbragt i familie og netværk?" never met Aalborg's
# "netværksanbringelser". The past stem takes the present's.
_PAST_STEMS = {"anbrag": "anbring", "bragt": "bring", "fulg": "følg"}
# Snowball's stems that take another word's stem, as one table.
_SHARED_STEMS = _SIGN_NOUNS | _PAST_STEMS


# A pedagogue's everyday noun for what the documents call a "samtale": "en snak med mor" ("Sådan forbereder du en
# bekymringssamtale med forældre" had been no answer to "Jeg skal have en snak med en mor om, at vi er bekymrede for
# hendes søn"). Not the verb: "snakke med PPR" is to discuss, "begynde at snakke" to speak.
_TALK_NOUNS = frozenset({"snak", "snakken", "snakkens"})
# The words whose stem is set above, whatever Snowball makes of them, as one table.
_WORD_STEMS = dict.fromkeys(_SPEAKING, "tale") | dict.fromkeys(_TEACHER, "lærer") | dict.fromkeys(_TALK_NOUNS, "samtal")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    if word in _WORD_STEMS:
        return _WORD_STEMS[word]
    first, hyphen, head = word.rpartition("-")
    if hyphen and head in _WORD_STEMS:  # a compound written with a hyphen: "bamse-snak" is "bamse-samtalen"
        return f"{first}-{_WORD_STEMS[head]}"
    if word.endswith(_ITET) or word.endswith(_ITET + "s"):  # "kvalitets" (a genitive, a compound's first part)
        return word.removesuffix("s")
    root = _stemmer.stemWord(word)
    if root in _SHARED_STEMS:
        return _SHARED_STEMS[root]
    if root.endswith("et") and not root.endswith("ret") and word.startswith(root + "t"):
        bare = _stemmer.stemWord(root)
        root = bare if len(bare) >= _MIN_DOUBLED_STEM else root
    if root.endswith(_ISK) and len(root) >= _MIN_ISK_STEM:
        return root[:-2] + "k"
    return root[:-1] if len(root) > 3 and root[-1] == "s" and root[-2] in _S_ENDING else root


# A parenthesis standing as a sentence of its own after one: the name or gloss of what that sentence says
# ("... en bedre balance imellem almen og specialområdet. (Vippemodel).").
_GLOSS = re.compile(r"\([^()]{2,60}\)\.?")


def is_gloss(sentence: str) -> bool:
    """Whether a sentence is only a parenthesis naming what the sentence before it says ("(Vippemodel).")."""
    return bool(_GLOSS.fullmatch(sentence.strip()))


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


# The second person singular: how a guide speaks to the practitioner who reads it.
_READER = frozenset({"du", "dig", "din", "dit", "dine"})


def addresses_reader(text: str) -> bool:
    """Whether ``text`` speaks to its reader as "du" ("Når du er bekymret for et barn, skal du: ..."), as an
    organisation's guide for its staff does and a report about municipalities does not."""
    return any(word in _READER for word in words(text))


# An acronym joined to a generic noun by a hyphen ("PALS-modellen", "VIDA-projektet", "PPR-lederne").
_ACRONYM_HEAD = re.compile(r"[A-ZÆØÅ]{3,}")


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning (numbers kept as they are). A word an acronym heads with a
    hyphen is also the acronym: "Hvad er PALS-modellen?" asks about the PALS a passage names alone, and
    "Effektmålinger af VIDA-programmet" answers a question on "VIDA-projektet"."""
    terms = []
    for found in _WORD.findall(text):
        word = found.lower()
        if word in STOP or not (len(word) > 2 or word.isdigit()):
            continue
        terms.append(word if word[0].isdigit() else stem(word))
        head, hyphen, _ = found.partition("-")
        if hyphen and _ACRONYM_HEAD.fullmatch(head):
            terms.append(stem(head.lower()))
    return terms


# ---- names and years ----------------------------------------------------------------------------

# A proper name's word as the documents and questions write it ("Odense", "Høje-Taastrup", "Københavns"), and a
# municipality named by it ("Gladsaxe Kommune"): one pattern for every rule that finds a place or a municipality.
NAME_WORD = r"[A-ZÆØÅ][\wæøå-]+"
MUNICIPALITY = rf"{NAME_WORD} Kommune\b"
# Any word written with a capital, a sentence's first too: the places and names a text uses.
CAPITALISED = re.compile(r"\b[A-ZÆØÅ][\wæøå-]*")

YEAR = re.compile(r"(?<![\w.,])(?:19[5-9]\d|20\d\d)(?![\d.,]\d)")
# A capitalised word inside a sentence (not after a sentence end): in Danish a name (municipality,
# programme, person), since common nouns are written in lower case. A name joined by a hyphen is one name, as the
# documents' words are: "Ringkøbing-Skjern", "Høje-Taastrup" ("Ringkøbing" alone stands in no passage).
_PROPER_NOUN = re.compile(r"(?<=[\w,;)] )[A-ZÆØÅ][a-zæøå]{2,}(?:-[A-ZÆØÅ][a-zæøå]+)*\b")


def proper_nouns(text: str) -> list[str]:
    """Capitalised words inside sentences: "Hvad gør Viborg og Hedensted?" -> ["Viborg", "Hedensted"]."""
    return [m.group(0) for m in _PROPER_NOUN.finditer(text)]


_CAPITALISED = r"[A-ZÆØÅ][\wæøå]*"


def whole_name(text: str, phrase: str) -> str:
    """``phrase`` with the short capitalised words beside it in ``text`` that :func:`name_phrases` leaves
    out, not a sentence's first word: "Utrolige" in "Hvad er De Utrolige År?" -> "De Utrolige År"."""
    run = re.search(rf"(?<![.?!:]\s)(?<!^)(?:\b{_CAPITALISED}\s+)*{re.escape(phrase)}\b(?:\s+{_CAPITALISED}\b(?!-))*", text)
    return run.group(0) if run else phrase


# The lowercase words inside a programme's or a case's name ("Lær for Livet", "Familie med Hjerte",
# "Center for Familier og Unge"). "og" alone joins two names ("Holstebro og Frederikshavn"), so it links
# only inside a name that another of these words already links; "i" and "på" place a name in another
# ("Familiestuen i Aarhus"), so they link none. English "of" links a method's name ("Signs of Safety").
_NAME_LINK = re.compile(r" (?:for|med|til|af|of) ")
_NAME_AND = " og "


def linked_names(text: str) -> list[str]:
    """:func:`name_phrases` with the names that run over a short lowercase word made whole: "Hvad koster
    Lær for Livet pr. barn?" -> ["Lær for Livet"]; "Hvad gør Holstebro og Frederikshavn?" -> ["Holstebro",
    "Frederikshavn"]; "Familiestuen i Aarhus" -> ["Familiestuen", "Aarhus"]."""
    return _name_runs(text, linked=True)


def joins_names(phrase: str) -> bool:
    """Whether a phrase :func:`linked_names` gave joins names over a short lowercase word ("Lær for Livet")."""
    return bool(_NAME_LINK.search(phrase)) or _NAME_AND in phrase


def name_phrases(text: str) -> list[str]:
    """Proper nouns as the text names them, a run of them as one name: "Hvad mener Stefan Hermann om
    Hedensted?" -> ["Stefan Hermann", "Hedensted"]."""
    return _name_runs(text, linked=False)


def _name_runs(text: str, linked: bool) -> list[str]:
    """The proper nouns of ``text``, those a space joins as one name; with ``linked`` also those a link word
    joins (see _NAME_LINK)."""
    runs: list[tuple[int, int, bool]] = []  # start, end, and whether a link word other than "og" joins it
    for match in _PROPER_NOUN.finditer(text):
        if runs:
            start, end, by_link = runs[-1]
            gap = text[end : match.start()]
            if gap == " " or linked and (_NAME_LINK.fullmatch(gap) or gap == _NAME_AND and by_link):
                runs[-1] = (start, match.end(), by_link or gap != " ")
                continue
        runs.append((match.start(), match.end(), False))
    return [text[start:end] for start, end, _ in runs]

