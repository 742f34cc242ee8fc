"""Per-question scores and their aggregation. Definitions (also in the README):

* Matching uses :mod:`eval.matching` (join line-break hyphenation, collapse whitespace, lowercase,
  normalise spaces around "%" and thousands separators).
* A gold quote is *found* in a chunk when the normalised chunk contains the normalised quote, or when
  their longest common contiguous substring is at least half the quote's length.
* ``hit@k``: any gold quote found in the top k retrieved chunks; ``mrr@10``: 1/rank of the first such
  chunk within the top 10 (0 if none); ``gold_recall@5``: share of an item's gold quotes found in the top 5.
* ``key_fact_recall``: share of key facts present in the answer text below its lead-in line (answerable items;
  a refusal counts as missing them all). The lead-in may quote the question ("Dokumenterne svarer på »Hvilken
  københavnsk indsats ... fik børnenes adfærdsproblemer ned?«"), whose words are no fact the answer found.
* ``key_facts_up_front``: the same share within the first :data:`UP_FRONT_CHARS` characters below the lead-in,
  about what a chat window shows before the reader scrolls: an answer that holds its key facts only below
  guidance topics or unrelated quotes has buried them (key_fact_recall counts them, this does not).
* ``citation_precision``: share of (sentence, citation) pairs whose cited passage supports the sentence
  (verbatim containment, else IDF-weighted term support >= the verifier's threshold).
* ``citation_recall``: share of the answer's sentences (the lead-in line and source headings excluded)
  with at least one supporting citation.
* ``gold_cited``: share of answerable items whose answer cites a chunk that contains a gold quote.
* ``unanswerable_declined``: share of unanswerable items declined or answered only partially (a partial
  answer says what the documents lack); ``answerable_declined``: share of answerable items declined;
  ``partial_rate``: share of all items answered partially.
* ``answer_form`` (every answer that is not a decline), computed from the answer text alone:
  ``duplicated_sentences`` (a quoted sentence or item that repeats an earlier one, or lies inside one; a
  lead-in or a table's header row above a second excerpt of its list or table is none),
  ``dangling_lead_ins`` (a line ending in ":" not followed by a list or a table), ``fragments`` (a quoted
  line that is a heading, chart label, slide debris or cut-off piece by :func:`tidlig.text.is_fragment`,
  or a list item without a word), ``unrelated_sections`` (a source section of "Mere fra kilderne" none of
  whose lines holds :data:`RELEVANCE_FLOOR` of the question's IDF-weighted terms, a term held in a compound
  or a derivation as the composer holds it, a list item read with the line heading its list, and the names of
  the section's own publishers not asked of it), ``joined_lists`` (list items a blank line below another
  list's, with no line between: Markdown renders them as one list, so the second list's items read as the
  first's), ``run_on_items`` (a line that is no list item right below a list item: Markdown renders it inside
  that item, so a sentence from elsewhere reads as the item's), ``label_answers`` (an answer presented as one
  whose short answer quotes no sentence nor lead-in: in each block every quoted line, list items too, is a
  label, or the block is a diagram's labels, as a slide's boxes shown as bullets are), and ``median_chars`` of
  the whole answer text per question kind.
Retrieval and answer metrics are averaged over answerable items; refusal rates over their own group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import itertools
import re
import statistics

from assistant.compose import MORE_HEADING
from assistant.evidence import compound_heads, terms_of
from assistant.relevance import RelevanceScorer
from assistant.sources import name_terms, publisher_names
from assistant.types import Answer
from assistant.verify import LIST_MORE, MARKER, CitationVerifier, answer_claims, normalise_space, strip_markers
from eval.dataset import Question
from eval.matching import contains_fact, quote_found
from tidlig.stats import percentile
from tidlig.text import (
    content_terms, is_fragment, is_label, is_label_stack, is_lead_in, is_markdown_item, is_table_rule, plain_markdown, repeats,
)

RETRIEVAL_KEYS = ("hit@1", "hit@5", "hit@10", "mrr@10", "gold_recall@5")
ANSWER_KEYS = ("key_fact_recall", "key_facts_up_front", "citation_precision", "citation_recall", "gold_cited")
# The answer's first characters below its lead-in that count as up front: the issue's "direct answer in the first
# lines", about a chat window's height of quoted text, as the median fact answer's target (600) is.
UP_FRONT_CHARS = 600
FORM_KEYS = (
    "duplicated_sentences", "dangling_lead_ins", "fragments", "unrelated_sections", "joined_lists", "run_on_items", "label_answers",
)
# A source section is related to the question when one of its lines holds this IDF-weighted share of the
# question's content terms (the same measure as the composer's section floor, applied to the text shown).
RELEVANCE_FLOOR = 0.25
_TABLE_LINE = re.compile(r"^\s*\|")
_HEADING_LINE = re.compile(r"^\*\*(.+)\*\*\s*$")


@dataclass
class QuestionScore:
    question: Question
    answer: Answer
    latency_ms: float
    retrieval: dict[str, float] = field(default_factory=dict)
    answer_scores: dict[str, float] = field(default_factory=dict)
    gold_ranks: list[int | None] = field(default_factory=list)
    missed_facts: list[str] = field(default_factory=list)
    cited_gold: bool = False
    form: dict[str, int] = field(default_factory=dict)

    def passed(self) -> dict[str, bool]:
        q = self.question
        if not q.answerable:
            return {"declined": self.answer.refused}
        return {
            "hit@5": self.retrieval.get("hit@5", 0) == 1,
            "answered": not self.answer.refused,
            "key_facts": not self.missed_facts,
            "citations_supported": self.answer_scores.get("citation_precision", 1.0) == 1.0,
            "gold_cited": self.cited_gold,
        }


def retrieval_scores(question: Question, ranked_texts: Sequence[str]) -> tuple[dict[str, float], list[int | None]]:
    """Scores of one ranked list of chunk texts against the question's gold quotes."""
    ranks: list[int | None] = []
    for gold in question.gold:
        rank = next((i for i, text in enumerate(ranked_texts[:10], 1) if quote_found(gold.quote, text)), None)
        ranks.append(rank)
    first = min((r for r in ranks if r is not None), default=None)
    found5 = sum(1 for r in ranks if r is not None and r <= 5)
    scores = {
        "hit@1": float(first is not None and first <= 1),
        "hit@5": float(first is not None and first <= 5),
        "hit@10": float(first is not None),
        "mrr@10": 1.0 / first if first else 0.0,
        "gold_recall@5": found5 / len(ranks) if ranks else 0.0,
    }
    return scores, ranks


def score_question(
    question: Question,
    answer: Answer,
    latency_ms: float,
    chunk_text: Callable[[str], str],
    verifier: CitationVerifier,
) -> QuestionScore:
    result = QuestionScore(question, answer, latency_ms)
    if not answer.refused:
        publishers = {c.number: c.publisher for c in answer.citations}
        terms = content_terms(answer.query or question.question)
        result.form = answer_form(answer.text, terms, verifier.relevance, publishers, answered=answer.outcome == "answer")
    if not question.answerable:
        return result
    result.retrieval, result.gold_ranks = retrieval_scores(question, [chunk_text(c) for c in answer.retrieved])
    text = "" if answer.refused else answer.text.partition("\n\n")[2] or answer.text
    result.missed_facts = [fact for fact in question.key_facts if not contains_fact(text, fact)]
    result.cited_gold = not answer.refused and any(
        quote_found(g.quote, c.passage) for g in question.gold for c in answer.citations
    )
    up_front = [fact for fact in question.key_facts if contains_fact(text[:UP_FRONT_CHARS], fact)]
    result.answer_scores = {
        "key_fact_recall": 1 - len(result.missed_facts) / len(question.key_facts) if question.key_facts else 1.0,
        "key_facts_up_front": len(up_front) / len(question.key_facts) if question.key_facts else 1.0,
        "gold_cited": float(result.cited_gold),
    }
    if not answer.refused:
        result.answer_scores.update(citation_scores(answer, verifier))
    return result


def citation_scores(answer: Answer, verifier: CitationVerifier) -> dict[str, float]:
    passages = {c.number: c.passage for c in answer.citations}
    pairs = supported_pairs = sentences = supported_sentences = 0
    for sentence in answer_claims(answer.text):
        markers = tuple(int(m) for m in MARKER.findall(sentence))
        check = verifier.check_sentence(strip_markers(sentence), markers, passages)
        sentences += 1
        supported_sentences += check.supported
        pairs += len(markers)
        supported_pairs += len(check.supported_by)
    return {
        "citation_precision": supported_pairs / pairs if pairs else 0.0,
        "citation_recall": supported_sentences / sentences if sentences else 0.0,
    }


def answer_form(
    text: str,
    question_terms: Sequence[str],
    relevance: RelevanceScorer,
    publishers: Mapping[int, str] | None = None,
    answered: bool = True,
) -> dict[str, int]:
    """Counts of form defects in one answer's text (see the module docstring). ``publishers`` maps a
    citation number to its document's publisher: a source's own section need not repeat its name ("Hvad gør
    Hedensted ...?" above Hedensted's slides, which never say "Hedensted"). ``answered``: the answer is presented
    as one (its outcome is "answer"), so a short answer of labels alone is a defect."""
    body = text.split("\n\n", 1)[1] if "\n\n" in text else ""  # the first paragraph is the lead-in
    lines = [line.rstrip() for line in body.splitlines()]
    seen: list[str] = []
    duplicated = 0
    # A table's header row heads its own rows as a lead-in does: one guide's table quoted under two topics
    # ("Sparring om bekymringen", "Underretning") needs its header above each excerpt.
    headers = {normalise_space(strip_markers(line)) for line, below in itertools.pairwise(lines) if is_table_rule(below)}
    for claim in answer_claims(text):
        plain = normalise_space(strip_markers(claim))
        # A lead-in heads its own list: "KL anbefaler:" above two of KL's lists says nothing twice.
        if any(repeats(plain, earlier) for earlier in seen) and not is_lead_in(plain) and plain not in headers:
            duplicated += 1
        seen.append(plain)
    return {
        "duplicated_sentences": duplicated,
        "dangling_lead_ins": _dangling_lead_ins(lines),
        "fragments": sum(_is_fragment_line(line) and not _introduces_list(lines, i) for i, line in enumerate(lines)),
        "unrelated_sections": sum(_unrelated(section, question_terms, relevance, publishers or {}) for section in _more_sections(lines)),
        "joined_lists": _joined_lists(lines),
        "run_on_items": _run_on_items(lines),
        "label_answers": int(answered and _only_labels(lines, question_terms)),
    }


def _only_labels(lines: Sequence[str], question_terms: Sequence[str] = ()) -> bool:
    """Whether the short answer (the lines above "Mere fra kilderne") quotes labels alone: no table or lead-in, and
    every quoted line, a list's items too, is a label (:func:`tidlig.text.is_label`), or the lines are a
    diagram's labels (:func:`tidlig.text.is_label_stack`: its title may run to eight words). A slide's boxes shown as
    bullets ("- Særlig støtte og PPR [1]", "- Forebyggende indsatser [1]") each hold a word, so ``fragments`` let
    them pass, and "Kort svar fra dokumenterne:" above them counted no defect. A list under a title naming what the
    question asks for is that list ("Udviklingsspor for dagtilbud" over four tracks, for "Hvilke udviklingsspor har
    Hedensted sat for dagtilbuddene?"): its title is its lead-in. Such an answer had counted no defect only while an
    unrelated sentence stood below it."""
    end = lines.index(MORE_HEADING) if MORE_HEADING in lines else len(lines)
    if any(_TABLE_LINE.match(line) for line in lines[:end]):
        return False  # a table's rows give figures under their header
    raw_blocks = "\n".join(lines[:end]).split("\n\n")
    if any(_titled_list(block.splitlines(), question_terms) for block in raw_blocks):
        return False
    blocks = [_quoted_lines(block.splitlines()) for block in raw_blocks]
    shown = [block for block in blocks if block]
    if not shown or any(is_lead_in(line) for block in shown for line in block):
        return False
    # Each block by itself: a diagram's title may run long, but a block of a statement below labels states it.
    return all(all(map(is_label, block)) or is_label_stack("\n".join(block)) for block in shown)


def _titled_list(block: Sequence[str], question_terms: Sequence[str]) -> bool:
    """Whether ``block`` is a list below a title line (no list item) that holds one of the question's terms."""
    title, *items = [line for line in block if line.strip()] or [""]
    asked = set(question_terms)
    named = bool(asked & set(content_terms(_plain(title))))
    return named and not is_markdown_item(title) and bool(items) and all(is_markdown_item(line) for line in items)


def _quoted_lines(lines: Sequence[str]) -> list[str]:
    """The quoted text of a short answer's block, line by line: without list markers, bold headings and the line
    saying what a list shown in part leaves out ("… og 2 punkter mere i kilden", which quotes nothing)."""
    own = [line for line in lines if not LIST_MORE.fullmatch(line.strip())]
    quoted = [_plain(line.lstrip()[2:] if is_markdown_item(line) else line) for line in own]
    return [line for raw, line in zip(own, quoted, strict=True) if line and not _HEADING_LINE.match(raw)]


def _run_on_items(lines: Sequence[str]) -> int:
    """Lines right below a list item that are neither an item nor indented under it (see the module docstring)."""
    return sum(
        1
        for i in range(1, len(lines))
        if is_markdown_item(lines[i - 1]) and lines[i].strip() and not is_markdown_item(lines[i]) and not lines[i].startswith(" ")
    )


def _joined_lists(lines: Sequence[str]) -> int:
    """List items that open a paragraph right below another paragraph's list item (see the module docstring)."""
    return sum(
        1
        for i in range(2, len(lines))
        if is_markdown_item(lines[i]) and not lines[i - 1].strip() and is_markdown_item(lines[i - 2])
    )


def _unrelated(section: Sequence[str], question_terms: Sequence[str], relevance: RelevanceScorer, publishers: Mapping[int, str]) -> bool:
    asked = _asked_of(section, question_terms, publishers)
    return max((_held_share(relevance, asked, text) for text in _read_lines(section)), default=0.0) < RELEVANCE_FLOOR


def _read_lines(section: Sequence[str]) -> list[str]:
    """A section's lines as a reader reads them: a list item with the line that heads its list ("Skole
    fokusområder" above "- Hvordan vi kan skabe ... lokalt funderede"), as its evidence unit carries it."""
    read, heading = [], ""
    for line in section:
        plain = _plain(line)
        if is_markdown_item(line):
            read.append(f"{heading} {plain}".strip())
        else:
            heading = plain
            read.append(plain)
    return read


def _asked_of(section: Sequence[str], question_terms: Sequence[str], publishers: Mapping[int, str]) -> list[str]:
    """The question's terms a section must hold: not the names of the publishers it quotes."""
    cited = {int(m) for line in section for m in MARKER.findall(line)}
    own = name_terms(name for n in cited for name in publisher_names(publishers.get(n, "")))
    return [t for t in question_terms if t not in own]


def _held_share(relevance: RelevanceScorer, question_terms: Sequence[str], line: str) -> float:
    """The IDF-weighted share of the question's terms a line holds, read as the composer reads a unit: a
    compound holds its head ("segregeringstakst" holds "takst"), a derivation its stem ("investering")."""
    return relevance.term_coverage(question_terms, compound_heads(question_terms, terms_of(line)))


def _plain(line: str) -> str:
    return plain_markdown(strip_markers(line).replace("|", " ")).strip()


def _dangling_lead_ins(lines: list[str]) -> int:
    count = 0
    for i, line in enumerate(lines):
        if _HEADING_LINE.match(line) or _TABLE_LINE.match(line) or not is_lead_in(_plain(line)):
            continue
        following = next((later for later in lines[i + 1 :] if later.strip()), "")
        count += not (is_markdown_item(following) or _TABLE_LINE.match(following))
    return count


def _introduces_list(lines: list[str], at: int) -> bool:
    """A title right above list items is the list's lead-in (a slide's title), not a stray fragment; so
    is a title above a table (a blank line apart: a table may not interrupt a paragraph)."""
    if at + 1 < len(lines) and is_markdown_item(lines[at + 1]) and not is_markdown_item(lines[at]):
        return True
    return at + 2 < len(lines) and not lines[at + 1] and bool(_TABLE_LINE.match(lines[at + 2])) and not _TABLE_LINE.match(lines[at])


def _is_fragment_line(line: str) -> bool:
    """A quoted line (not a heading, table row or lead-in) that is not a sentence; a list item needs a word."""
    if not line.strip() or _HEADING_LINE.match(line) or _TABLE_LINE.match(line):
        return False
    if is_markdown_item(line):
        return not any(c.isalpha() for c in _plain(line.lstrip()[2:]))
    sentences = [s for s in (_plain(piece) for piece in MARKER.split(line)[::2]) if s]
    return any(not is_lead_in(s) and is_fragment(s) for s in sentences)


def _more_sections(lines: list[str]) -> list[list[str]]:
    """The quoted lines under each bold source heading of "Mere fra kilderne" (the short answer's own
    bold lines label a concern answer's guidance topics, chosen for the worry, not the question's words)."""
    sections: list[list[str]] = []
    start = lines.index(MORE_HEADING) + 1 if MORE_HEADING in lines else len(lines)
    for line in lines[start:]:
        heading = _HEADING_LINE.match(line)
        if heading:
            sections.append([])
        elif sections and line.strip():
            sections[-1].append(line)
    return [section for section in sections if section]


def aggregate(scores: Sequence[QuestionScore]) -> dict[str, object]:
    answerable = [s for s in scores if s.question.answerable]
    unanswerable = [s for s in scores if not s.question.answerable]
    answered = [s for s in answerable if not s.answer.refused]
    latencies = [s.latency_ms for s in scores]
    return {
        "retrieval": {key: _mean(s.retrieval.get(key, 0.0) for s in answerable) for key in RETRIEVAL_KEYS},
        "answer": {
            "key_fact_recall": _mean(s.answer_scores.get("key_fact_recall", 0.0) for s in answerable),
            "key_facts_up_front": _mean(s.answer_scores.get("key_facts_up_front", 0.0) for s in answerable),
            "citation_precision": _mean(s.answer_scores["citation_precision"] for s in answered),
            "citation_recall": _mean(s.answer_scores["citation_recall"] for s in answered),
            "gold_cited": _mean(s.answer_scores.get("gold_cited", 0.0) for s in answerable),
        },
        "refusal": {
            "unanswerable_declined": _mean(float(s.answer.outcome in ("decline", "partial")) for s in unanswerable),
            "answerable_declined": _mean(float(s.answer.refused) for s in answerable),
            "partial_rate": _mean(float(s.answer.outcome == "partial") for s in scores),
        },
        "answer_form": _answer_form(scores),
        "latency_ms": {"p50": round(percentile(latencies, 0.5), 1), "p95": round(percentile(latencies, 0.95), 1)},
        "n": {"questions": len(scores), "answerable": len(answerable), "unanswerable": len(unanswerable)},
    }


def _answer_form(scores: Sequence[QuestionScore]) -> dict[str, object]:
    shown = [s for s in scores if not s.answer.refused]
    counts: dict[str, object] = {key: sum(s.form.get(key, 0) for s in shown) for key in FORM_KEYS}
    kinds = sorted({s.question.kind for s in shown})
    counts["median_chars"] = {
        kind: round(statistics.median(len(s.answer.text) for s in shown if s.question.kind == kind)) for kind in kinds
    }
    return counts


def _mean(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else 0.0


def by_kind(scores: Sequence[QuestionScore]) -> dict[str, Mapping[str, object]]:
    kinds = sorted({s.question.kind for s in scores})
    return {kind: aggregate([s for s in scores if s.question.kind == kind]) for kind in kinds}
