"""What every tab's handlers share: the assistant, the settings, feedback storage, a folder for
downloads and the lock that lets one upload or delete change the index at a time."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import gradio as gr

from assistant import Assistant
from assistant.feedback import FEEDBACK_FILE, FeedbackLog
from index import CorpusIndex
from tidlig.settings import Settings

MAX_DOWNLOAD_AGE_S = 3600


class Downloads:
    """Files made for download (conversation, grid, course pack), each in its own folder, private to
    the app's user (mode 0700) and removed after an hour or when the app exits."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="tidlig-export-")
        self.root = Path(self._folder.name)

    def write(self, stem: str, suffix: str, content: str | bytes) -> str:
        self._clean()
        folder = Path(tempfile.mkdtemp(dir=self.root))
        path = folder / f"{stem}-{datetime.now():%Y-%m-%d-%H%M}{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    def _clean(self) -> None:
        limit = time.time() - MAX_DOWNLOAD_AGE_S
        for folder in self.root.iterdir():
            if folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)


@dataclass
class AppContext:
    """The collaborators of the UI's handlers (one per app)."""

    assistant: Assistant
    settings: Settings
    feedback: FeedbackLog
    downloads: Downloads = field(default_factory=Downloads)
    index_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def create(cls, assistant: Assistant, settings: Settings) -> AppContext:
        return cls(assistant, settings, FeedbackLog(settings.data_dir / FEEDBACK_FILE))

    @property
    def index(self) -> CorpusIndex:
        return self.assistant.index

    def redact(self, text: str) -> str:
        return self.assistant.redact(text)

    def may_edit(self, request: gr.Request | None) -> bool:
        """Uploads and deletes: everyone without login, only admin users with it."""
        if not self.settings.auth_users:
            return True
        return request is not None and request.username in self.settings.admin_users

    def document_title(self, doc_id: str) -> str:
        return next((doc.info.title for doc in self.index.documents() if doc.info.doc_id == doc_id), doc_id)
