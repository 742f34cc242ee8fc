"""Shared values for the UI's unit tests: a citation whose title tries HTML and Markdown."""

from __future__ import annotations

from assistant import Answer, Citation

CITATION = Citation(
    number=1,
    doc_id="kl.txt",
    title="De udsatte børn <rapport> ![t](http://host/x.png)",
    publisher="KL",
    year=2015,
    location="side 4",
    passage="Første sætning.\nTidlig indsats\nvirker & betaler sig. Sidste sætning.",
    quoted=("Tidlig indsats virker & betaler sig.",),
    chunk_id="kl-0001",
    score=0.9,
)
ANSWER = Answer("Her er, hvad dokumenterne siger om det:\n\n- Tidlig indsats virker &amp; betaler sig. [1]", (CITATION,))
REFUSAL = Answer("Dokumenterne besvarer ikke dit spørgsmål.\n\n- De udsatte børn [1]", (CITATION,), outcome="decline")
