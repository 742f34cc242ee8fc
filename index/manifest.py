"""What the index holds: per document its hash, facts, chunk ids and evidence unit ids, plus the model and
chunking used.

The manifest is the index's source of truth: retrieval serves only chunks and units it lists, so a half-finished
ingest (killed with kill -9) never shows through. It is written atomically (temp file + rename) after
every document, so the next run resumes where the last one stopped.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest.types import DocumentInfo

MANIFEST_FILE = "manifest.json"
PENDING_FILE = "manifest.pending.json"  # a rebuild for a new model/chunking in progress


@dataclass
class DocumentEntry:
    info: DocumentInfo
    sha256: str
    chunk_ids: list[str]
    source: str  # path the document was read from
    cases: list[dict] = field(default_factory=list)  # CaseExample fields, for the case browser
    unit_ids: list[str] = field(default_factory=list)  # evidence units of the chunks, in chunk order


@dataclass
class Manifest:
    config: dict[str, object]
    documents: dict[str, DocumentEntry] = field(default_factory=dict)

    @property
    def collection(self) -> str:
        """One Chroma collection per model + chunking configuration, so vectors never mix."""
        digest = hashlib.sha1(json.dumps(self.config, sort_keys=True).encode()).hexdigest()[:12]
        return f"tidlig-{digest}"

    def chunk_ids(self) -> set[str]:
        return {chunk_id for entry in self.documents.values() for chunk_id in entry.chunk_ids}

    def unit_ids(self) -> set[str]:
        return {unit_id for entry in self.documents.values() for unit_id in entry.unit_ids}

    def save(self, path: Path) -> None:
        data = {
            "config": self.config,
            "documents": {doc_id: {**asdict(entry), "info": asdict(entry.info)} for doc_id, entry in self.documents.items()},
        }
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        documents = {
            doc_id: DocumentEntry(**{**entry, "info": DocumentInfo(**entry["info"])})
            for doc_id, entry in data["documents"].items()
        }
        return cls(config=data["config"], documents=documents)
