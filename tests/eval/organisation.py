"""An organisation's own Word guide and the question only it answers: the added documents of the eval tests
(``python -m eval --documents``, ``python -m eval.fit --add``)."""

from __future__ import annotations

import json
from pathlib import Path

GUIDE = "handleguide.docx"
DEADLINE = "Lederen skal tage stilling til en underretning senest 24 timer efter, at bekymringen er meldt."
QUESTION = {
    "id": "e1", "persona": "pedagog", "kind": "fact",
    "question": "Hvor lang tid har min leder til at beslutte, om vi skal underrette?",
    "gold": [{"doc": GUIDE, "quote": "Lederen skal tage stilling til en underretning senest 24 timer efter"}],
    "key_facts": ["24 timer"], "reference_answer": "Senest 24 timer.", "answerable": True,
}


def added_guide(folder: Path) -> Path:
    """``folder`` (made) holding the guide, a real Word file with a heading and the leader's deadline."""
    import docx

    folder.mkdir()
    guide = docx.Document()
    guide.add_heading("Når du er bekymret for et barn", level=1)
    guide.add_paragraph("Handleguide for dagtilbud i Sorø Kommune.")
    guide.add_paragraph(DEADLINE)
    guide.save(str(folder / GUIDE))
    return folder


def question_file(path: Path) -> Path:
    """``path`` holding the guide's question as a one-line question set."""
    path.write_text(json.dumps(QUESTION, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
