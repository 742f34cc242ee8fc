"""What surrounds the tabs: the title, the introduction, the notices banner and the footer."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from prompts import load


@dataclass(frozen=True)
class Shell:
    notices: gr.HTML
    tabs: gr.Tabs


def header() -> gr.HTML:
    """Title and introduction above the tabs; returns the notices banner."""
    gr.Markdown("# tidlig – videnassistent om tidlig indsats")
    gr.Markdown(load("ui_intro"), elem_classes=["tidlig-intro"])
    return gr.HTML("", label="Meddelelser", elem_id="tidlig-notices")


def footer() -> None:
    gr.Markdown(load("ui_footer"), elem_classes=["tidlig-footer"])
