"""Danish text templates as files, loaded by name.

Templates use ``str.format`` fields. Example::

    from prompts import render
    render("refusal", missing="Odense", topics="- tidlig opsporing [1]")
"""

from functools import cache
from importlib import resources


@cache
def load(name: str) -> str:
    """The template ``prompts/<name>.txt``; raises FileNotFoundError for an unknown name."""
    return resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8").strip("\n")


def render(name: str, **values: object) -> str:
    return load(name).format(**values)


def names() -> list[str]:
    return sorted(p.name.removesuffix(".txt") for p in resources.files(__package__).iterdir() if p.name.endswith(".txt"))
