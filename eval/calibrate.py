"""``python -m eval.calibrate``: the measurements behind the retrieval defaults.

On the answerable questions of one split (``train`` by default; never tune on ``validation``) it prints:

1. each lexical option of the BM25 analysis (stopwords, numbers, compounds) on its own and together,
   for BM25 alone and inside the default hybrid;
2. the fusion sweep with the chosen lexical options: mode (and the rrf constant k), dense weight,
   candidates per list, the weight of the unit list (chunks by their best evidence unit, dense) and of
   the unit BM25 list;
3. the chosen values, and the same figures on ``--report-split`` (validation) for the chosen values and
   for the current defaults, so the choice is reported on questions it was not made on.

Every configuration is scored by the mean of hit@5, mrr@10 and gold_recall@5 (the retrieval targets);
ties go to the simpler configuration (listed first), and the unit BM25 list is kept only when it adds
more than ``EXTRA_LIST_MARGIN``. The defaults in ``index.retrieval.FusionSettings``
and ``index.lexical.LexicalOptions`` were set from this output (README, "Calibration"); the answerability
decision is fitted by ``python -m eval.fit``.
Each query is embedded once and each list is retrieved once; the sweep itself only re-fuses lists.
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import functools
import itertools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tidlig.logs import start

if TYPE_CHECKING:
    from index.lexical import LexicalOptions
    from index.retrieval import FusionMode

CANDIDATES = (20, 40, 60)
DENSE_WEIGHTS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
UNIT_WEIGHTS = (0.0, 0.35, 0.7, 1.0, 1.5, 2.0)
UNIT_BM25_WEIGHTS = (0.0, 0.2, 0.4)
MODES: tuple[FusionMode, ...] = ("rrf", "relative")
RRF_KS = (10, 20, 60)  # the rrf constant; relative fusion has none (swept once, at 60)
METRICS = ("hit@1", "hit@5", "hit@10", "mrr@10", "gold_recall@5")
# A fourth list (unit BM25) costs an index and a search per query: it is only worth it when it adds more
# than this to the objective (half a question in a hundred), not for a gain within noise.
EXTRA_LIST_MARGIN = 0.005


@dataclass(frozen=True)
class Config:
    mode: FusionMode
    dense_weight: float
    candidates: int
    unit_weight: float
    unit_bm25_weight: float = 0.0
    rrf_k: int = 60

    def __str__(self) -> str:
        mode = f"rrf k={self.rrf_k}" if self.mode == "rrf" else self.mode
        return (
            f"{mode:<9} w={self.dense_weight:<4} c={self.candidates:<3} unit={self.unit_weight:<4} "
            f"unit_bm25={self.unit_bm25_weight}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate")
    parser.add_argument("--questions", type=Path, default=None)
    parser.add_argument("--split", default="train", help="questions tuned on (default: train)")
    parser.add_argument("--report-split", default="validation", help="questions the choice is reported on")
    parser.add_argument("--baselines", action="store_true", help="also score both baselines on the report split")
    args = parser.parse_args(argv)
    settings = start()

    from eval.dataset import BUNDLED_QUESTIONS, load_questions, select_split
    from index import CorpusIndex, FusionSettings
    from index.lexical import LexicalOptions

    _match_each_pair_once()
    index = CorpusIndex.open(settings)
    if index.is_empty or not index.is_current:
        print(f"indexing {settings.corpus_dir} ...", flush=True)
        index.update([settings.corpus_dir])
    everything = load_questions(args.questions or BUNDLED_QUESTIONS)
    tune = _Lists(index, [q for q in select_split(everything, args.split) if q.answerable])
    report = _Lists(index, [q for q in select_split(everything, args.report_split) if q.answerable])
    default_fusion, default_lexical = index.retriever.fusion, LexicalOptions()
    print(f"tuning on {len(tune.questions)} answerable {args.split} questions; "
          f"reporting on {len(report.questions)} answerable {args.report_split} questions\n")
    base = _config(default_fusion)
    best_lexical = _choose_lexical(tune, base, default_lexical)
    best_config = _sweep_fusion(tune, base, best_lexical)
    _report_choice(report, args.report_split, (best_config, best_lexical), (base, default_lexical))
    if args.baselines:
        _report_baselines(settings, index, report)
    chosen_fusion = FusionSettings(
        best_config.mode, best_config.dense_weight, best_config.candidates, best_config.unit_weight, best_config.rrf_k
    )
    print(f"\nFusionSettings{_fields(chosen_fusion)}  LexicalOptions{_fields(best_lexical)}")
    if best_config.unit_bm25_weight:
        print(f"unit BM25 list with weight {best_config.unit_bm25_weight} chosen: the retriever does not have it yet")
    return 0


def _choose_lexical(tune: _Lists, base: Config, default_lexical: LexicalOptions) -> LexicalOptions:
    """Step 1: the lexical options alone and combined; the best is the one that does best fused with the default fusion."""
    from index.lexical import LexicalOptions

    variants = [
        ("stems only", LexicalOptions(stopwords=False, numbers=False, compounds=False)),
        ("+ stopwords", LexicalOptions(stopwords=True, numbers=False, compounds=False)),
        ("+ numbers", LexicalOptions(stopwords=False, numbers=True, compounds=False)),
        ("+ compounds", LexicalOptions(stopwords=False, numbers=False, compounds=True)),
        ("all but stopwords", LexicalOptions(stopwords=False, numbers=True, compounds=True)),
        ("all but numbers", LexicalOptions(stopwords=True, numbers=False, compounds=True)),
        ("all but compounds", LexicalOptions(stopwords=True, numbers=True, compounds=False)),
        ("all", LexicalOptions(stopwords=True, numbers=True, compounds=True)),
    ]
    print(f"{'lexical options':<20} {'list':<8} " + " ".join(f"{m:>13}" for m in METRICS) + "  objective")
    best_lexical, best_score = default_lexical, -1.0
    for name, options in variants:
        alone = tune.score(lambda q, o=options: tune.bm25_ranking(q, o))
        fused = tune.score(lambda q, o=options: tune.fused_ranking(q, base, o))
        mark = " <- default" if options == default_lexical else ""
        print(f"{name:<20} {'bm25':<8} {_row(alone)}")
        print(f"{'':<20} {'hybrid':<8} {_row(fused)}{mark}")
        if _objective(fused) > best_score:
            best_lexical, best_score = options, _objective(fused)
    return best_lexical


def _sweep_fusion(tune: _Lists, base: Config, best_lexical: LexicalOptions) -> Config:
    """Step 2: every fusion configuration with the chosen lexical options; the unit BM25 list only when it pays."""
    configs = [
        Config(mode, weight, candidates, unit, unit_bm25, k)
        for unit_bm25, unit, candidates, weight, mode, k in itertools.product(
            UNIT_BM25_WEIGHTS, UNIT_WEIGHTS, CANDIDATES, DENSE_WEIGHTS, MODES, RRF_KS
        )
        if mode == "rrf" or k == 60
    ]
    scored = [(config, tune.score(lambda q, c=config: tune.fused_ranking(q, c, best_lexical))) for config in configs]
    best_config, best = max(scored, key=lambda item: _objective(item[1]))  # max keeps the first of ties
    without_extra = max((item for item in scored if not item[0].unit_bm25_weight), key=lambda item: _objective(item[1]))
    if _objective(best) - _objective(without_extra[1]) <= EXTRA_LIST_MARGIN:
        best_config, best = without_extra
    print(f"\nfusion sweep ({len(configs)} configurations; top 25 and the best per value of each parameter)")
    print(f"{'configuration':<56} " + " ".join(f"{m:>13}" for m in METRICS) + "  objective")
    ranked = sorted(scored, key=lambda item: -_objective(item[1]))
    for config, scores in ranked[:25]:
        print(f"{config!s:<56} {_row(scores)}" + (" <- default" if config == base else ""))
    for parameter in ("mode", "rrf_k", "dense_weight", "candidates", "unit_weight", "unit_bm25_weight"):
        values = sorted({getattr(c, parameter) for c in configs}, key=str)
        cells = [f"{v}: {max(_objective(s) for c, s in scored if getattr(c, parameter) == v):.3f}" for v in values]
        print(f"  best with {parameter:<17} " + "  ".join(cells))
    base_scores = next(s for c, s in scored if c == base)
    print(f"{'current default: ' + str(base):<56} {_row(base_scores)}")
    return best_config


def _report_choice(
    report: _Lists, split: str, chosen: tuple[Config, LexicalOptions], default: tuple[Config, LexicalOptions]
) -> None:
    """Step 3: the choice, and how it does on the report split beside the defaults and the single lists."""
    best_config, best_lexical = chosen
    print(f"\nchosen: lexical {best_lexical}; fusion {best_config}")
    print(f"\n{split} split ({len(report.questions)} answerable questions; not used for the choice)")
    print(f"{'':<56} " + " ".join(f"{m:>13}" for m in METRICS) + "  objective")
    for name, (config, options) in (("chosen", chosen), ("current default", default)):
        print(f"{name + ': ' + str(config):<56} {_row(report.score(lambda q, c=config, o=options: report.fused_ranking(q, c, o)))}")
    print(f"{'dense only':<56} {_row(report.score(report.dense_ranking))}")
    print(f"{'bm25 only (chosen lexical)':<56} {_row(report.score(lambda q: report.bm25_ranking(q, best_lexical)))}")


def _report_baselines(settings, index, report: _Lists) -> None:
    from eval.baseline import build_baselines
    from eval.runner import baseline_retrieval
    from index.embedding_cache import EmbeddingCache

    cache = EmbeddingCache(settings.embedding_cache)
    for baseline in build_baselines(settings.corpus_dir, index.embedder, cache):
        print(f"{'baseline ' + baseline.name:<56} {_row(baseline_retrieval(baseline, report.questions))}")
    cache.close()


class _Lists:
    """The ranked lists of every question, computed once: dense, units (dense), BM25 per lexical option."""

    def __init__(self, index, questions) -> None:
        from assistant import Turn
        from assistant.question import standalone_query

        self.index = index
        self.questions = questions
        self.queries = {q.id: standalone_query(q.question, [Turn(t.role, t.content) for t in q.history]) for q in questions}
        retriever = index.retriever
        n = max(CANDIDATES)
        self.vectors = {q.id: retriever.embed_query(self.queries[q.id]) for q in questions}
        self.dense = {q.id: retriever.dense(self.queries[q.id], n, vector=self.vectors[q.id]) for q in questions}
        self.units = {q.id: retriever.units(self.queries[q.id], n, vector=self.vectors[q.id]) for q in questions}
        self._bm25: dict = {}
        self._unit_bm25: dict = {}
        self._scored: dict = {}  # (question id, top 10 ids) -> scores: most configurations repeat a ranking

    def dense_ranking(self, question) -> list[str]:
        return [hit.passage.chunk_id for hit in self.dense[question.id]]

    def bm25_ranking(self, question, options) -> list[str]:
        return [hit.passage.chunk_id for hit in self._bm25_hits(question, options)]

    def fused_ranking(self, question, config: Config, options) -> list[str]:
        from index.retrieval import fuse

        c = config.candidates
        lists = [
            (self.dense[question.id][:c], config.dense_weight),
            (self._bm25_hits(question, options)[:c], 1 - config.dense_weight),
        ]
        if config.unit_weight:
            lists.append((self.units[question.id][:c], config.unit_weight))
        if config.unit_bm25_weight:
            lists.append((self._unit_bm25_hits(question, options)[:c], config.unit_bm25_weight))
        fused = fuse(lists, config.mode, config.rrf_k)
        return sorted(fused, key=lambda cid: -fused[cid])[:10]

    def score(self, ranking: Callable) -> dict[str, float]:
        from eval.metrics import retrieval_scores

        passages = self.index.passages
        totals = dict.fromkeys(METRICS, 0.0)
        for question in self.questions:
            top = tuple(ranking(question)[:10])
            if (question.id, top) not in self._scored:
                self._scored[question.id, top], _ = retrieval_scores(question, [passages[cid].text for cid in top])
            scores = self._scored[question.id, top]
            for key in METRICS:
                totals[key] += scores[key]
        return {key: value / max(1, len(self.questions)) for key, value in totals.items()}

    def _bm25_hits(self, question, options):
        from index import ScoredPassage
        from index.bm25 import build_bm25
        from index.store import ChunkStore, chroma_client

        if options not in self._bm25:
            store = ChunkStore(chroma_client(self.index.settings), self.index.collection_name)
            nodes = [node for node in store.nodes() if node.node_id in self.index.passages]
            self._bm25[options] = (build_bm25(nodes, options), {})
        lexical, memo = self._bm25[options]
        if question.id not in memo:
            found = lexical.search(self.queries[question.id])[: max(CANDIDATES)]
            memo[question.id] = [ScoredPassage(self.index.passages[cid], s, bm25_rank=r) for r, (cid, s) in enumerate(found, 1)]
        return memo[question.id]

    def _unit_bm25_hits(self, question, options):
        """Chunks ranked by the BM25 score of their best unit (units searched with their lead-in)."""
        from index import ScoredPassage
        from index.bm25 import LexicalIndex

        if options not in self._unit_bm25:
            units = [u for chunk_units in self.index.units.values() for u in chunk_units]
            self._unit_bm25[options] = (LexicalIndex.build([u.chunk_id for u in units], [u.search_text for u in units], options), {})
        lexical, memo = self._unit_bm25[options]
        if question.id not in memo:
            best: dict[str, float] = {}
            for chunk_id, score in lexical.search(self.queries[question.id]):
                best.setdefault(chunk_id, score)
            ranked = list(best.items())[: max(CANDIDATES)]
            memo[question.id] = [ScoredPassage(self.index.passages[cid], s) for cid, s in ranked if cid in self.index.passages]
        return memo[question.id]


def _match_each_pair_once() -> None:
    """The sweep scores hundreds of configurations on the same few thousand (gold quote, chunk) pairs, and
    matching one pair (longest common substring) takes up to 0.2 s: each pair is matched once."""
    import eval.metrics

    eval.metrics.quote_found = functools.lru_cache(maxsize=None)(eval.metrics.quote_found)


def _config(fusion) -> Config:
    return Config(
        fusion.mode, fusion.dense_weight, fusion.candidates, fusion.unit_weight, getattr(fusion, "unit_bm25_weight", 0.0),
        fusion.rrf_k if fusion.mode == "rrf" else 60,
    )


def _objective(scores: dict[str, float]) -> float:
    return (scores["hit@5"] + scores["mrr@10"] + scores["gold_recall@5"]) / 3


def _row(scores: dict[str, float]) -> str:
    return " ".join(f"{scores[m]:>13.3f}" for m in METRICS) + f"  {_objective(scores):.3f}"


def _fields(value) -> str:
    from dataclasses import asdict

    return "(" + ", ".join(f"{k}={v!r}" for k, v in asdict(value).items()) + ")"


if __name__ == "__main__":
    sys.exit(main())
