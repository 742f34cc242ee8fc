"""Word list numbering as a reader sees it: the marker Word shows in front of each list paragraph.

Word keeps a list paragraph's bullet or number out of its text: the paragraph (or its style) names a
numbering instance (``w:numId``) and a level (``w:ilvl``); numbering.xml maps the instance to an
abstract definition whose level gives the format (``w:numFmt``), the start value (``w:start``) and when
the level restarts (``w:lvlRestart``); the instance may override levels (``w:lvlOverride``). Markers are
written as the text rules in :mod:`tidlig.text` read list items: "3." for numbers, "b)" / "B)" for
letters, "iv)" for roman numerals and "- " for bullets, whatever punctuation Word's level text uses
("%1)", "(%1)"), so "punkt 3" or "de fem trin" can be matched against the items. How deep a paragraph
is nested (:meth:`DocxLists.level`) is its ``w:ilvl``, or the number of a built-in style for a deeper
list ("List Bullet 2"), which the loader writes as indentation. A list whose items carry neither but are
indented by hand (sub-items on "List Paragraph" paragraphs moved right with the ruler) is nested by that
indentation (:meth:`DocxLists.nest_by_indentation`).

Counting follows Word: a counter per abstract definition and level (instances of one definition
continue each other's count unless an instance overrides a level's start); a level restarts when a
shallower level of its definition is counted (``w:lvlRestart`` may delay or forbid that). A numbering
part that is missing or malformed, or an instance or definition it does not have, never stops a
document: the paragraph is read as a bullet and one warning per document says why.

Example::

    lists = DocxLists.of(document)
    lists.marker(paragraph)   # "2. " for the second item of a numbered list, "" for prose
    lists.level(paragraph)    # 1 for an item of a list nested in another
    lists.is_item(paragraph)  # True for a paragraph Word shows as a list item
"""

from __future__ import annotations

import io
import logging
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby, pairwise
from pathlib import Path

from tidlig.text import LIST_MARKER

__all__ = ["DocxLists", "broken_numbering_part", "style_chain", "with_empty_numbering"]

log = logging.getLogger(__name__)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUMBERING_REL = "/relationships/numbering"  # the end of the relationship type of numbering.xml
_EMPTY_NUMBERING = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{_W}"/>'.encode()
# Style chains and numbering-style links are short; a cycle in a broken file must not loop.
_MAX_CHAIN = 20
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A level's number in a level text ("%1.%2"): %1 to %9, the levels from the top.
_LEVEL_NUMBER = re.compile(r"%([1-9])")
# Word's built-in styles for deeper lists ("List Bullet 2", "List Number 3", "List 2"): each numbers its
# paragraphs as the first level of a list of its own and indents them one step further per number.
_DEEPER_LIST_STYLE = re.compile(r"^list(?: bullet| number)? ([2-9])$")
# Left indentations (twips) closer than this are one level: a nudge of under 3 mm is no nesting a reader
# sees, whereas Word's own indent steps are 0.25 or 0.5 inch (360, 720) and "1.27 cm" (720).
_MIN_INDENT_STEP = 180


@dataclass(frozen=True)
class _Level:
    """One level of a numbering definition: its format, start value, ``w:lvlRestart`` (None: default), left
    indentation in twips (None: the level sets none) and level text (``w:lvlText``, "%1.%2": the numbers of
    levels 1 and 2)."""

    fmt: str = "decimal"
    start: int = 1
    restart: int | None = None
    indent: int | None = None
    text: str = ""


@dataclass(frozen=True)
class _Instance:
    """A ``w:num``: its abstract definition, and the levels it overrides (start values and whole levels)."""

    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


class DocxLists:
    """The list markers of one document, counted in document order (call :meth:`marker` in that order)."""

    def __init__(self, numbering, styles, problem: str = "") -> None:
        """``numbering``: the numbering part's root element (None when the file has none); ``styles``: the
        styles part's root element; ``problem``: why the numbering part could not be read, if it could not."""
        self._instances = _instances(numbering) if numbering is not None else {}
        self._definitions = _definitions(numbering) if numbering is not None else {}
        self._style_links = _style_links(numbering) if numbering is not None else {}
        self._styles = styles
        self._resolved_ids: dict[str, str] = {}
        self._counts: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._problem = problem or ("the file has no numbering part" if numbering is None else "")
        self._first_fallback = ""
        self._fallbacks = 0
        self._by_indentation: dict[object, int] = {}  # paragraph element -> level read from its indentation
        self._markers: dict[object, str] = {}  # paragraph element -> its marker, counted once

    @classmethod
    def of(cls, document, problem: str = "") -> DocxLists:
        """The lists of a python-docx ``Document``."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        try:
            numbering = document.part.part_related_by(RT.NUMBERING).element
        except (KeyError, AttributeError):  # no numbering part, or one python-docx does not parse as XML
            numbering = None
        return cls(numbering, document.styles.element, problem)

    def marker(self, paragraph) -> str:
        """The marker Word shows in front of ``paragraph`` with its trailing space, "" when it shows none. A
        paragraph asked for again (a table cell merged down is read in each row it spans) is not counted again."""
        if paragraph._p not in self._markers:
            self._markers[paragraph._p] = self._marker(paragraph)
        return self._markers[paragraph._p]

    def _marker(self, paragraph) -> str:
        reference = _numbering_reference(paragraph)
        if reference is None:
            return LIST_MARKER if _has_list_style(paragraph) else ""
        num_id, level = reference
        if num_id == "0":  # "no numbering": a paragraph takes itself out of its style's list
            return ""
        return self._count(num_id, level)

    def level(self, paragraph) -> int:
        """How deep Word nests ``paragraph`` in its list, 0 for the top level: its ``w:ilvl`` (its own or its
        style's), else one less than the number of a deeper list's style ("List Bullet 2" is level 1), else
        the level its indentation gives it (see :meth:`nest_by_indentation`)."""
        return _word_level(paragraph) or self._by_indentation.get(paragraph._p, 0)

    def heading_number(self, paragraph) -> str:
        """The number Word shows in front of a numbered heading, as its level's text writes it ("3.2", "Kapitel
        1"); "" for a heading without numbering, or with a bullet. It is counted as a list paragraph is (a heading
        may share its numbering with the list items under it). A document refers to its sections by these
        numbers ("se afsnit 3.2"), which are no part of the heading's text."""
        reference = _numbering_reference(paragraph)
        instance = self._instances.get(reference[0]) if reference else None
        spec = self._spec(instance, reference[1]) if reference and instance else None
        if not reference or not instance or not spec or spec.fmt in ("bullet", "none"):
            return ""
        abstract_id = self._abstract_id(instance)
        if abstract_id not in self._definitions:
            return ""
        self._advance(reference[0], instance, abstract_id, reference[1], spec.start)
        counts = self._counts[abstract_id]
        return _LEVEL_NUMBER.sub(lambda match: self._shown_number(instance, int(match[1]) - 1, counts), spec.text).strip()

    @staticmethod
    def is_item(paragraph) -> bool:
        """Whether Word shows ``paragraph`` as a list item (it has a marker, or a list style), without counting."""
        return _list_key(paragraph) is not None

    def nest_by_indentation(self, runs: Iterable[Sequence]) -> None:
        """Nest the items of lists that carry no levels by their left indentation (call before :meth:`level`).

        Some writers nest a list by moving sub-items right (the ruler, "Increase indent") instead of by
        Word's levels, so the file says nothing of the nesting a reader sees. ``runs``: the body's runs of
        consecutive list paragraphs, as the text shows them. A run holds a list per numbering it changes to
        (a "List Paragraph" item with a typed bullet is of no numbering), each judged alone: one with a
        level anywhere keeps Word's levels. In the others an item is as many levels deeper than the
        list's shallowest item as its extra indentation holds the document's step (the smallest difference
        of at least ``_MIN_INDENT_STEP`` between two items of such a list), rounded; equal indentation is
        one level.
        """
        lists = [items for run in runs for items in _split_by_list(run) if not any(_word_level(p) for p in items)]
        indents = [[self._indent(paragraph) for paragraph in items] for items in lists]
        gaps = [high - low for values in indents for low, high in pairwise(sorted(set(values)))]
        step = min((gap for gap in gaps if gap >= _MIN_INDENT_STEP), default=None)
        if step is None:
            return
        for items, values in zip(lists, indents, strict=True):
            shallowest = min(values)
            for paragraph, value in zip(items, values, strict=True):
                level = int((value - shallowest) / step + 0.5)
                if level:
                    self._by_indentation[paragraph._p] = level

    def warn_fallbacks(self, name: str) -> None:
        """One warning line for the document when some list paragraphs were read as bullets for lack of
        numbering (no document text in it)."""
        if self._fallbacks:
            reason = self._problem or self._first_fallback
            log.warning("DOCX %s: %d numbered list paragraph(s) read as bullets: %s", name, self._fallbacks, reason)

    def _count(self, num_id: str, level: int) -> str:
        instance = self._instances.get(num_id)
        if instance is None:
            return self._fallback(f"numId {num_id} is not defined")
        abstract_id = self._abstract_id(instance)
        if abstract_id not in self._definitions:
            return self._fallback(f"abstractNumId {instance.abstract_id} of numId {num_id} is not defined")
        spec = self._spec(instance, level)
        if spec is None:
            return self._fallback(f"numId {num_id} has no level {level}")
        return _format(spec.fmt, self._advance(num_id, instance, abstract_id, level, spec.start))

    def _indent(self, paragraph) -> int:
        """The left indentation Word gives ``paragraph``, in twips: its own, else its numbering level's, else
        its style chain's, else none."""
        own = _left_indent(paragraph._p.pPr)
        if own is not None:
            return own
        reference = _numbering_reference(paragraph)
        instance = self._instances.get(reference[0]) if reference else None
        spec = self._spec(instance, reference[1]) if reference and instance else None
        if spec is not None and spec.indent is not None:
            return spec.indent
        inherited = (_left_indent(style.element.pPr) for style in style_chain(paragraph))
        return next((value for value in inherited if value is not None), 0)

    def _shown_number(self, instance: _Instance, level: int, counts: dict[int, int]) -> str:
        """The number of ``level`` in a level text: its count, or its start value where it has not been counted."""
        spec = self._spec(instance, level) or _Level()
        return _numeral(spec.fmt, counts.get(level, spec.start))

    def _spec(self, instance: _Instance, level: int) -> _Level | None:
        """A level of a numbering instance: the instance's own override, else its definition's."""
        return instance.levels.get(level) or self._definitions.get(self._abstract_id(instance), {}).get(level)

    def _abstract_id(self, instance: _Instance) -> str:
        return self._resolved_ids.setdefault(instance.abstract_id, self._resolved(instance.abstract_id))

    def _advance(self, num_id: str, instance: _Instance, abstract_id: str, level: int, start: int) -> int:
        """Count one more item at ``level`` of a definition; the deeper levels it restarts start over."""
        counts = self._counts.setdefault(abstract_id, {})
        if num_id not in self._started:  # an instance that overrides a start value restarts that level
            self._started.add(num_id)
            for overridden in instance.starts:
                counts.pop(overridden, None)
        value = counts[level] + 1 if level in counts else instance.starts.get(level, start)
        counts[level] = value
        definition = self._definitions[abstract_id]
        for deeper in [d for d in counts if d > level and _restarts(definition.get(d), level)]:
            del counts[deeper]
        return value

    def _resolved(self, abstract_id: str) -> str:
        """The definition that holds the levels: one that only links to a numbering style
        (``w:numStyleLink``) counts and formats as the definition that style's numbering names."""
        for _ in range(_MAX_CHAIN):
            style_id = self._style_links.get(abstract_id)
            num_id = _style_num_id(self._styles, style_id) if style_id else None
            instance = self._instances.get(num_id) if num_id else None
            if instance is None or instance.abstract_id == abstract_id:
                return abstract_id
            abstract_id = instance.abstract_id
        return abstract_id

    def _fallback(self, reason: str) -> str:
        self._fallbacks += 1
        self._first_fallback = self._first_fallback or reason
        return LIST_MARKER


def _word_level(paragraph) -> int:
    """The level Word records for ``paragraph``: its ``w:ilvl`` (its own or its style's), else the number of a
    deeper list's style less one; 0 when it records none (or the top level)."""
    reference = _numbering_reference(paragraph)
    if reference is not None and reference[1]:
        return reference[1]
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    deeper = _DEEPER_LIST_STYLE.match(style)
    return int(deeper.group(1)) - 1 if deeper else 0


def _list_key(paragraph) -> str | None:
    """Which list ``paragraph`` is an item of: its numbering instance's id, "" for a list style without
    numbering; None for a paragraph that is no list item (no list style, or numId 0: "no numbering")."""
    reference = _numbering_reference(paragraph)
    if reference is None:
        return "" if _has_list_style(paragraph) else None
    return reference[0] if reference[0] != "0" else None


def _split_by_list(run: Sequence) -> list[list]:
    """A run of consecutive list paragraphs as the lists it holds: a new one wherever the list changes."""
    return [list(items) for _, items in groupby(run, key=_list_key)]


def _restarts(deeper: _Level | None, counted: int) -> bool:
    """Whether counting level ``counted`` restarts a deeper level: by default any shallower level does;
    ``w:lvlRestart`` n (one-based) means only levels up to n - 1, and 0 means never."""
    if deeper is None or deeper.restart is None:
        return True
    return counted < deeper.restart


def _format(fmt: str, value: int) -> str:
    match fmt:
        case "bullet" | "none":
            return LIST_MARKER
        case "lowerLetter" | "upperLetter" | "lowerRoman" | "upperRoman":
            return f"{_numeral(fmt, value)}) "
        case _:
            return f"{_numeral(fmt, value)}. "


def _numeral(fmt: str, value: int) -> str:
    """``value`` written in a counting format: "c" (lowerLetter), "III" (upperRoman), "3" (the rest)."""
    match fmt:
        case "lowerLetter" | "upperLetter":
            # Word goes on "aa", "bb" after "z"; the list-item rule reads single letters only.
            letter = _LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1) if value > 0 else "a"
            return letter.upper() if fmt == "upperLetter" else letter
        case "lowerRoman" | "upperRoman":
            numeral = _roman(value)
            return numeral.upper() if fmt == "upperRoman" else numeral
        case _:  # decimal, decimalZero, ordinal and the many other counting formats read as numbers
            return str(value)


def _roman(value: int) -> str:
    out = ""
    for amount, numeral in _ROMAN:
        while value >= amount:
            out += numeral
            value -= amount
    return out or "i"


# ---- reading numbering.xml and styles ---------------------------------------------------------------


def _numbering_reference(paragraph) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph: its own ``w:numPr``, completed by its style chain's (a "List Number"
    paragraph carries no numPr of its own); None when neither names a numbering instance."""
    num_id, level = _num_pr(paragraph._p.pPr)
    for style in style_chain(paragraph):
        if num_id is not None and level is not None:
            break
        style_num, style_level = _num_pr(style.element.pPr)
        num_id = num_id if num_id is not None else style_num
        level = level if level is not None else style_level
    return (num_id, level or 0) if num_id is not None else None


def style_chain(paragraph) -> Iterator:
    """A paragraph's style and the styles it is based on, nearest first; at most _MAX_CHAIN, so a cycle in a
    broken file ends."""
    style = paragraph.style
    for _ in range(_MAX_CHAIN):
        if style is None:
            return
        yield style
        style = style.base_style


def _num_pr(ppr) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_ids = ppr.xpath("./w:numPr/w:numId/@w:val")
    levels = ppr.xpath("./w:numPr/w:ilvl/@w:val")
    return (num_ids[0] if num_ids else None), (_int(levels[0], 0) if levels else None)


def _has_list_style(paragraph) -> bool:
    """A list style without numbering ("List Paragraph", "Liste"): Word shows no marker, but its
    paragraphs are items of a list."""
    style = paragraph.style
    name = (style.name or "").lower() if style is not None else ""
    return "list" in name or "liste" in name


def _instances(numbering) -> dict[str, _Instance]:
    instances = {}
    for num in numbering.findall(f"{{{_W}}}num"):
        abstract = num.find(f"{{{_W}}}abstractNumId")
        if abstract is None:
            continue
        starts, levels = {}, {}
        for override in num.findall(f"{{{_W}}}lvlOverride"):
            level = _int(override.get(f"{{{_W}}}ilvl"), 0)
            start = override.find(f"{{{_W}}}startOverride")
            if start is not None:
                starts[level] = _int(start.get(f"{{{_W}}}val"), 1)
            lvl = override.find(f"{{{_W}}}lvl")
            if lvl is not None:
                levels[level] = _level(lvl)
        instances[num.get(f"{{{_W}}}numId", "")] = _Instance(abstract.get(f"{{{_W}}}val", ""), starts, levels)
    return instances


def _definitions(numbering) -> dict[str, dict[int, _Level]]:
    """Abstract definitions by id, each its levels by ilvl."""
    definitions = {}
    for abstract in numbering.findall(f"{{{_W}}}abstractNum"):
        levels = {_int(lvl.get(f"{{{_W}}}ilvl"), 0): _level(lvl) for lvl in abstract.findall(f"{{{_W}}}lvl")}
        definitions[abstract.get(f"{{{_W}}}abstractNumId", "")] = levels
    return definitions


def _style_links(numbering) -> dict[str, str]:
    """Abstract definition id -> numbering style id, for definitions that only link to a numbering style."""
    links = {}
    for abstract in numbering.findall(f"{{{_W}}}abstractNum"):
        link = abstract.find(f"{{{_W}}}numStyleLink")
        if link is not None and abstract.find(f"{{{_W}}}lvl") is None:
            links[abstract.get(f"{{{_W}}}abstractNumId", "")] = link.get(f"{{{_W}}}val", "")
    return links


def _style_num_id(styles, style_id: str) -> str | None:
    """The numId a style's paragraph properties name."""
    if styles is None:
        return None
    for style in styles.findall(f"{{{_W}}}style"):
        if style.get(f"{{{_W}}}styleId") == style_id:
            num_id = style.find(f"{{{_W}}}pPr/{{{_W}}}numPr/{{{_W}}}numId")
            return num_id.get(f"{{{_W}}}val") if num_id is not None else None
    return None


def _level(lvl) -> _Level:
    def value(tag: str) -> str | None:
        element = lvl.find(f"{{{_W}}}{tag}")
        return element.get(f"{{{_W}}}val") if element is not None else None

    restart = value("lvlRestart")
    fmt, start = value("numFmt") or "decimal", _int(value("start"), 1)
    indent = _left_indent(lvl.find(f"{{{_W}}}pPr"))
    return _Level(fmt, start, _int(restart, 0) if restart is not None else None, indent, value("lvlText") or "")


def _left_indent(ppr) -> int | None:
    """The left indentation (``w:ind`` ``w:left``, or ``w:start`` as newer files name it) that paragraph
    properties set, in twips; None when they set none (the paragraph inherits one)."""
    if ppr is None:
        return None
    ind = ppr.find(f"{{{_W}}}ind")
    if ind is None:
        return None
    value = ind.get(f"{{{_W}}}left", ind.get(f"{{{_W}}}start"))
    return int(value) if value is not None and value.lstrip("-").isdigit() else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


# ---- a numbering part that breaks python-docx --------------------------------------------------------


def broken_numbering_part(path: Path) -> tuple[str, str]:
    """(part name, problem) when the main document's numbering part is missing from the file or is not
    well-formed XML (python-docx then refuses the whole file); ("", "") when it is fine or absent."""
    from docx.oxml.parser import parse_xml
    from lxml.etree import LxmlError

    try:
        with zipfile.ZipFile(path) as archive:
            name = _numbering_part_name(archive)
            if not name:
                return "", ""
            if name not in archive.namelist():
                return name, f"the numbering part {name} is missing"
            parse_xml(archive.read(name))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return "", ""
    except LxmlError as error:
        return name, f"the numbering part {name} is malformed ({error})"
    return "", ""


def with_empty_numbering(path: Path, part_name: str) -> io.BytesIO:
    """The file in memory with ``part_name`` replaced by (or added as) an empty numbering part."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as repaired:
        for name in archive.namelist():
            if name != part_name:
                repaired.writestr(name, archive.read(name))
        repaired.writestr(part_name, _EMPTY_NUMBERING)
    out.seek(0)
    return out


def _numbering_part_name(archive: zipfile.ZipFile) -> str:
    """The zip name of the main document's numbering part, from the package's relationships."""
    from docx.oxml.parser import parse_xml

    package_rels = parse_xml(archive.read("_rels/.rels"))
    targets = [rel.get("Target", "") for rel in package_rels if rel.get("Type", "").endswith("/officeDocument")]
    if not targets:
        return ""
    main = targets[0].lstrip("/")
    folder, file = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", f"{file}.rels")
    if rels_name not in archive.namelist():
        return ""
    for rel in parse_xml(archive.read(rels_name)):
        if rel.get("Type", "").endswith(_NUMBERING_REL) and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
    return ""
