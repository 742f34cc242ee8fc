"""CSS, JS and Danish strings for Gradio's built-in texts, as files loaded by name (like the prompts)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import gradio as gr


@cache
def asset(name: str) -> str:
    """The text of ``ui/assets/<name>``; raises FileNotFoundError for an unknown name."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def i18n() -> gr.I18n:
    """Danish for Gradio's own strings ("Drop File Here", the login page …) in a browser set to Danish.
    Gradio loads its English strings after custom ones, so an English browser keeps Gradio's English."""
    danish: dict[str, Any] = json.loads(asset("i18n.json"))
    return gr.I18n(da=danish)
