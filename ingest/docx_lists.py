"""Word list numbering as a reader sees it: the marker Word shows in front of each list paragraph.

Word keeps a list paragraph's bullet or number out of its text: the paragraph (or its style) names a
numbering instance (``w:numId``) and a level (``w:ilvl``); numbering.xml maps the instance to an
abstract definition whose level gives the format (``w:numFmt``), the start value (``w:start``) and when
the level restarts (``w:lvlRestart``); the instance may override levels (``w:lvlOverride``). Markers are
written as the text rules in :mod:`tidlig.text` read list items: "3." for numbers, "b)" / "B)" for
letters, "iv)" for roman numerals and "- " for bullets, whatever punctuation Word's level text uses
("%1)", "(%1)"), so "punkt 3" or "de fem trin" can be matched against the items. How deep a paragraph
is nested (:meth:`DocxLists.level`) is its ``w:ilvl``, or the number of a built-in style for a deeper
list ("List Bullet 2"), which the loader writes as indentation.

Counting follows Word: a counter per abstract definition and level (instances of one definition
continue each other's count unless an instance overrides a level's start); a level restarts when a
shallower level of its definition is counted (``w:lvlRestart`` may delay or forbid that). A numbering
part that is missing or malformed, or an instance or definition it does not have, never stops a
document: the paragraph is read as a bullet and one warning per document says why.

Example::

    lists = DocxLists.of(document)
    lists.marker(paragraph)   # "2. " for the second item of a numbered list, "" for prose
    lists.level(paragraph)    # 1 for an item of a list nested in another
"""

from __future__ import annotations

import io
import logging
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tidlig.text import LIST_MARKER

__all__ = ["DocxLists", "broken_numbering_part", "with_empty_numbering"]

log = logging.getLogger(__name__)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUMBERING_REL = "/relationships/numbering"  # the end of the relationship type of numbering.xml
_EMPTY_NUMBERING = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{_W}"/>'.encode()
# Style chains and numbering-style links are short; a cycle in a broken file must not loop.
_MAX_CHAIN = 20
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Word's built-in styles for deeper lists ("List Bullet 2", "List Number 3", "List 2"): each numbers its
# paragraphs as the first level of a list of its own and indents them one step further per number.
_DEEPER_LIST_STYLE = re.compile(r"^list(?: bullet| number)? ([2-9])$")


@dataclass(frozen=True)
class _Level:
    """One level of a numbering definition: its format, start value and ``w:lvlRestart`` (None: default)."""

    fmt: str = "decimal"
    start: int = 1
    restart: int | None = None


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
        """The marker Word shows in front of ``paragraph`` with its trailing space, "" when it shows none."""
        reference = _numbering_reference(paragraph)
        if reference is None:
            return LIST_MARKER if _has_list_style(paragraph) else ""
        num_id, level = reference
        if num_id == "0":  # "no numbering": a paragraph takes itself out of its style's list
            return ""
        return self._count(num_id, level)

    @staticmethod
    def level(paragraph) -> int:
        """How deep Word nests ``paragraph`` in its list, 0 for the top level: its ``w:ilvl`` (its own or its
        style's), else one less than the number of a deeper list's style ("List Bullet 2" is level 1)."""
        reference = _numbering_reference(paragraph)
        if reference is not None and reference[1]:
            return reference[1]
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        deeper = _DEEPER_LIST_STYLE.match(style)
        return int(deeper.group(1)) - 1 if deeper else 0

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
        abstract_id = self._resolved_ids.setdefault(instance.abstract_id, self._resolved(instance.abstract_id))
        definition = self._definitions.get(abstract_id)
        if definition is None:
            return self._fallback(f"abstractNumId {instance.abstract_id} of numId {num_id} is not defined")
        spec = instance.levels.get(level) or definition.get(level)
        if spec is None:
            return self._fallback(f"numId {num_id} has no level {level}")
        return _format(spec.fmt, self._advance(num_id, instance, abstract_id, level, spec.start))

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
        case "lowerLetter" | "upperLetter":
            # Word goes on "aa", "bb" after "z"; the list-item rule reads single letters only.
            letter = _LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1) if value > 0 else "a"
            return f"{letter.upper() if fmt == 'upperLetter' else letter}) "
        case "lowerRoman" | "upperRoman":
            numeral = _roman(value)
            return f"{numeral.upper() if fmt == 'upperRoman' else numeral}) "
        case _:  # decimal, decimalZero, ordinal and the many other counting formats read as numbers
            return f"{value}. "


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
    style = paragraph.style
    for _ in range(_MAX_CHAIN):
        if (num_id is not None and level is not None) or style is None:
            break
        style_num, style_level = _num_pr(style.element.pPr)
        num_id = num_id if num_id is not None else style_num
        level = level if level is not None else style_level
        style = style.base_style
    return (num_id, level or 0) if num_id is not None else None


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
    return _Level(value("numFmt") or "decimal", _int(value("start"), 1), _int(restart, 0) if restart is not None else None)


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
