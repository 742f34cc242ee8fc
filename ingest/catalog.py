"""Bibliographic facts from ``catalog.toml``: one table per file name.

Example::

    catalog = read_catalog(Path("corpus/catalog.toml"))
    catalog["kl-2015-de-udsatte-boern-fremtiden-er-deres.txt"].publisher   # "KL (Kommunernes Landsforening)"
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from ingest.types import DocumentInfo

log = logging.getLogger(__name__)

CATALOG_FILE = "catalog.toml"
KNOWN_FORMS = ("slides", "prose")


def read_catalog(path: Path) -> dict[str, DocumentInfo]:
    """Read a catalog; a missing file is an empty catalog, a broken one is logged and ignored."""
    if not path.is_file():
        return {}
    try:
        tables = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        log.error("catalog %s is not valid TOML, ignoring it: %s", path, error)
        return {}
    return {name: _entry(name, table) for name, table in tables.items() if isinstance(table, dict)}


def _entry(name: str, table: dict) -> DocumentInfo:
    form = table.get("form", "prose")
    if form not in KNOWN_FORMS:
        log.warning("catalog entry %s has unknown form %r, treating it as prose", name, form)
        form = "prose"
    year = table.get("year")
    return DocumentInfo(
        doc_id=name,
        title=str(table.get("title") or Path(name).stem),
        publisher=str(table.get("publisher", "")),
        year=int(year) if isinstance(year, int) else None,
        kind=str(table.get("kind", "dokument")),
        form=form,
    )
