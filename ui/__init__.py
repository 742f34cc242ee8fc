"""tidlig's web front-end: a Gradio app around an :class:`assistant.Assistant`, one module per tab.

Tabs: "Spørg" (ui/chat.py: answer-first chat with sources and the concern starting point),
"Eksempler" (ui/cases.py: the case comparison grid), "Kursusmappe" (ui/coursepack.py) and
"Dokumenter" (ui/documents.py). Rendering is pure (ui/render.py, ui/case_grid.py, ui/pack.py);
serving, login and limits are in ui/server.py.

Example::

    demo = build_app(assistant, settings)
    launch(demo, assistant, settings)
"""

from ui.layout import build_app
from ui.server import launch

__all__ = ["build_app", "launch"]
