"""tidlig's web app: ``python app.py`` (settings from ``TIDLIG_*`` variables or ``tidlig.toml``).

The UI lives in the ``ui`` package; this is its entry point. API endpoints for ``gradio_client``
(``Client(url).predict(..., api_name="/ask")``):

- ``/ask`` (question, history, documents) -> (answer Markdown, sources HTML); stateless;
- ``/chat`` (question, history, documents) -> the chat as the UI shows it; records the conversation
  for ``/export`` in the caller's session;
- ``/export`` () -> the session's conversation as a Markdown file, with the full reference list;
- ``/upload`` (files) -> a Danish result per file; ``/delete`` (document id) -> a Danish result.

``GET /health`` answers ``{"status": "ok", "documents": n, "chunks": m}`` for a load balancer.
Build it in code with ``launch(build_app(assistant, settings), assistant, settings)``.
"""

import tidlig.offline  # noqa: F401  (must precede gradio, chromadb and llama-index)

import contextlib
import time

STARTED = time.perf_counter()  # start-up time is reported from here (imports included)

import sys

from assistant import Assistant
from index import CorpusIndex
from tidlig import logs
from ui import build_app, launch

__all__ = ["build_app", "launch", "main"]


def main() -> int:
    settings = logs.start()
    index = CorpusIndex.open(settings)
    if index.is_empty:
        print(
            "Indekset er tomt: kør `python -m index` for at indeksere dokumenterne i "
            f"{settings.corpus_dir}/ (eller upload dokumenter under fanen Dokumenter som administrator).",
            file=sys.stderr,
        )
    assistant = Assistant.open(settings, index)
    demo = build_app(assistant, settings)
    _, url, _ = launch(demo, assistant, settings, prevent_thread_lock=True)
    print(
        f"tidlig kører på {url} ({len(index.documents())} dokumenter, {len(index.passages)} tekststykker; "
        f"klar efter {time.perf_counter() - STARTED:.1f} s). Stop med Ctrl+C.",
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        demo.block_thread()
    return 0


if __name__ == "__main__":
    sys.exit(main())
