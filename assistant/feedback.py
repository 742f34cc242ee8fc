"""Users' ratings of answers and their comments, stored as JSON lines (only redacted text is written).

The app appends one record per rating and one per comment with the same id; :func:`read_feedback`
merges them. ``python -m eval.feedback`` turns commented records into candidate evaluation questions.

Example::

    log = FeedbackLog(settings.data_dir / FEEDBACK_FILE)
    log.append({"id": "a1", "rating": "ned", "question": "Hvad gør Viborg?"})
    log.append({"id": "a1", "comment": "Svaret mangler resultatet"})
    read_feedback(log.path)   # [{"id": "a1", "rating": "ned", "question": ..., "comment": ...}]
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

__all__ = ["FEEDBACK_FILE", "FeedbackLog", "read_feedback"]

log = logging.getLogger(__name__)

FEEDBACK_FILE = "feedback.jsonl"


class FeedbackLog:
    """Appends feedback records to a JSON-lines file; safe across the app's worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as file:
                file.write(line + "\n")


def read_feedback(path: Path) -> list[dict[str, Any]]:
    """Feedback records merged by id (a later comment record completes its rating record)."""
    merged: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            log.warning("%s:%d: not JSON, skipped", path, number)
            continue
        key = str(record.get("id", number))
        merged[key] = {**merged.get(key, {}), **{k: v for k, v in record.items() if v not in ("", None)}}
    return list(merged.values())
