"""CSS, JS and the Danish texts for Gradio's own strings, as files loaded by name (like the prompts)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def asset(name: str) -> str:
    """The text of ``ui/assets/<name>``; raises FileNotFoundError for an unknown name."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def script() -> str:
    """script.js with the Danish texts for Gradio's built-in strings filled in.

    Gradio 6.31 cannot show its own strings in Danish through ``gr.I18n``: the frontend picks a locale
    only among the languages it ships (Danish is not one) and loads its English strings after custom
    ones. script.js therefore swaps the texts and labels listed in gradio_da.json as they appear."""
    danish = json.loads(asset("gradio_da.json"))
    return asset("script.js").replace("__GRADIO_DA__", json.dumps(danish, ensure_ascii=False))
