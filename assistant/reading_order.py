"""The order in which a question reads its best passages: retrieval ranks them by the topic's words, while what a
question asks or tells says which of them answers it (the answer is composed from the first ones, and the unit
scorer weighs a passage's rank).

* a question that tells a share ("en elev på 22 % fravær") reads the sections written for it first and those for
  other shares last (:func:`by_told_share`);
* a question on how something is done reads the section a document heads as its procedure first
  (:func:`procedure_first`);
* a worry that tells a harm done to the child reads what a document says to do on it first (:func:`harm_first`).

Example::

    hits = reading_order(analyse_question("Hvordan kommer et barn videre til småbørnsteamet?"), hits)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.analysis import QuestionAnalysis, voices_harm
from assistant.evidence import written_for_harm, written_for_shares
from index import Passage, ScoredPassage
from ingest.types import section_path

__all__ = ["asks_how_done", "by_told_share", "harm_first", "heads_procedure", "procedure_first", "reading_order"]


def reading_order(analysis: QuestionAnalysis, hits: Sequence[ScoredPassage], *, followup: bool = False) -> tuple[ScoredPassage, ...]:
    """``hits`` in the order the question reads them. A worry that tells a harm gets what the documents say to do
    on it first instead of a procedure: a school's "Trin for trin ved gul bekymring", observations within two
    days and a talk with the parents, had come first for "... hendes stedfar slår hende ... Hvad gør jeg nu?".
    Neither for a follow-up, which asks on in the conversation's own procedure or harm. The sections written for
    a share the question tells come before the rest in any question."""
    ordered = tuple(hits)
    told_harm = voices_harm(analysis.text)
    if not followup and told_harm and analysis.is_concern:
        ordered = harm_first(ordered)
    elif not followup and not told_harm and asks_how_done(analysis):
        ordered = procedure_first(ordered)
    return tuple(by_told_share(analysis.shares, ordered)) if analysis.shares else ordered


def by_told_share(shares: frozenset[str], hits: Sequence[ScoredPassage]) -> list[ScoredPassage]:
    """``hits`` with the sections written for a share a question tells first and those written for other shares last,
    each in its order (see :func:`written_for_shares`): "en elev ... på 22 % fravær" is answered by the section
    headed "Niveau 4 – Kritisk fravær (samlet fravær 20 procent eller mere ...)", and the level of 10-14 procent
    tells what to do for another child."""
    return sorted(hits, key=lambda hit: {True: 0, None: 1, False: 2}[written_for_shares(shares, hit.passage)])


# "Hvordan forklarer Faxes guide den skærpede underretningspligt?" asks how a text explains something, not how it is
# done: Faxe's "Sådan underretter du" had come first, above "Som ansat i et dagtilbud har du skærpet
# underretningspligt efter Barnets Lov § 133".
_ASKS_EXPLANATION = re.compile(r"\bhvordan (?:forklarer|beskriver|definerer|forstår|omtaler|begrunder)\b", re.IGNORECASE)
# A section a document heads as a procedure: "Sådan henvises et barn", "4.1 Trin for trin", "Procedure ved bekymring
# for en elev", "3.3 Hvordan underretter jeg?".
_PROCEDURE_HEADING = re.compile(
    r"^(?:[\d.]+\s*)?(?:sådan\b|hvordan\s+\w+\s+(?:jeg|du|vi|i|man)\b)|\btrin for trin\b|\bfremgangsmåde\b|\bprocedure\w*", re.IGNORECASE
)
# How near the best passage's score a procedure or a section on a harm must be to come first: the procedure for
# referring a child to Faxe's team (0.60 of the best) is what "Hvordan kommer et barn ... videre til kommunens
# småbørnsteam?" asks for, while a language strategy's "Sådan arbejder vi: Sprogcirklen" (0.48) is no answer to how
# to write notes on a child, and another document's "4.1 Trin for trin" for referrals to PPR (0.58) none to how to
# sign up for a course.
NEAR_BEST = 0.6


def asks_how_done(analysis: QuestionAnalysis) -> bool:
    """Whether a question asks how something is done (a procedure), not how a text explains it (see
    :data:`_ASKS_EXPLANATION`)."""
    return analysis.answer_type == "procedure" and not _ASKS_EXPLANATION.search(analysis.text)


def heads_procedure(passage: Passage) -> bool:
    """Whether the passage's own heading (its section's last) names a procedure (see :data:`_PROCEDURE_HEADING`)."""
    return any(_PROCEDURE_HEADING.search(heading) for heading in section_path(passage.section)[-1:])


def procedure_first(hits: Sequence[ScoredPassage]) -> tuple[ScoredPassage, ...]:
    """``hits`` with the best-ranked procedure near the best passage's score moved first: a question on how
    something is done is answered by the section a document heads as its procedure, which retrieval ranks by the
    topic's words below the document's overview of the topic ("Sådan henvises et barn" sixth, below "1. Om
    Småbørnsteamet", for "Hvordan kommer et barn ... videre til kommunens småbørnsteam – hvad er gangen i det?").
    A procedure second stays there: it is read beside the best passage already, and above a guide's opening
    ("Når du er bekymret for et barn") it had drawn the guide's parent list out of its guidance topic."""
    return _first_near_best(hits, heads_procedure, from_rank=3)


def harm_first(hits: Sequence[ScoredPassage]) -> tuple[ScoredPassage, ...]:
    """``hits`` with the best-ranked section written for a harm or an acute situation (see
    :func:`written_for_harm`) near the best passage's score moved first, for a worry that tells a harm: "... at
    hun skærer i sig selv. Skal vi tage det op på næste ressourcemøde om ti dage?" is answered by "4.2 Akutte
    situationer" (the meeting is skipped), which retrieval had ranked below the school's tables of meetings. From
    second place too: what to do on a harm comes before anything else said beside it."""
    return _first_near_best(hits, written_for_harm, from_rank=2)


def _first_near_best(
    hits: Sequence[ScoredPassage], wanted: Callable[[Passage], bool], from_rank: int
) -> tuple[ScoredPassage, ...]:
    """``hits`` with the best-ranked ``wanted`` passage of at least :data:`NEAR_BEST` of the best score
    moved first, when it stands at ``from_rank`` or lower."""
    best = max((hit.score for hit in hits), default=0.0)
    first = next((n for n, hit in enumerate(hits) if wanted(hit.passage) and hit.score >= NEAR_BEST * best), None)
    return tuple(hits) if first is None or first < from_rank - 1 else (hits[first], *hits[:first], *hits[first + 1 :])
