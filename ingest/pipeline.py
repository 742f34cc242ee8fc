"""From paths on disk to chunks: find the files, read them, structure and chunk them.

Example::

    sources, skipped = discover([Path("corpus")])
    document = read(sources[0], max_bytes=50_000_000)
    prepared = prepare(document, count_tokens=embedder.count_tokens, max_tokens=200)
    prepared.chunks[0].metadata["location"]
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.cases import CaseExample, case_examples
from ingest.catalog import CATALOG_FILE, read_catalog
from ingest.chunking import TokenCounter, chunk_blocks
from ingest.loaders import UnreadableFile, load_document
from ingest.structure import blocks_for
from ingest.types import Chunk, DocumentInfo, LoadedDocument, SkippedFile

log = logging.getLogger(__name__)

# Files that describe a folder rather than being source documents.
FOLDER_FILES = {CATALOG_FILE, "readme.md", "readme.txt"}


@dataclass(frozen=True)
class SourceFile:
    path: Path
    catalog: dict[str, DocumentInfo]


@dataclass(frozen=True)
class PreparedDocument:
    document: LoadedDocument
    chunks: list[Chunk]
    cases: list[CaseExample]


def discover(paths: Sequence[Path]) -> tuple[list[SourceFile], list[SkippedFile]]:
    """Files under ``paths`` (directories are searched recursively), each with its folder's catalog."""
    sources: list[SourceFile] = []
    skipped: list[SkippedFile] = []
    catalogs: dict[Path, dict[str, DocumentInfo]] = {}
    for path in paths:
        if not path.exists():
            skipped.append(SkippedFile(path, "filen eller mappen findes ikke"))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.name.lower() in FOLDER_FILES or any(part.startswith(".") for part in file.relative_to(path.parent).parts):
                continue
            catalog = catalogs.setdefault(file.parent, read_catalog(file.parent / CATALOG_FILE))
            sources.append(SourceFile(file, catalog))
    return sources, skipped


def read(source: SourceFile, max_bytes: int) -> LoadedDocument:
    """Read one file. Raises :class:`UnreadableFile` with a Danish reason."""
    return load_document(source.path, source.catalog, max_bytes)


def prepare(
    document: LoadedDocument, count_tokens: TokenCounter, max_tokens: int, overlap_sentences: int = 1
) -> PreparedDocument:
    """Structure and chunk a document. Raises :class:`UnreadableFile` when nothing is left to index."""
    blocks = blocks_for(document)
    chunks = chunk_blocks(document.info, blocks, count_tokens, max_tokens, overlap_sentences)
    if not chunks:
        raise UnreadableFile("der blev ikke fundet nogen tekst at indeksere")
    return PreparedDocument(document, chunks, case_examples({document.info.doc_id: blocks}))
