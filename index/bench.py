"""``python -m index.bench``: ingest and retrieval figures on the bundled corpus.

Prints cold ingest time with chunks/s and units/s (fresh index, empty embedding cache; evidence units
included), warm re-ingest time, index size on disk, retrieval latency p50/p95 for dense, BM25, units
and hybrid, and peak RSS of the query phase (measured in a fresh process that only opens the index and
queries it).
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = [
    "Hvad gør jeg, hvis jeg er bekymret for et barn i vuggestuen?",
    "Hvordan styrker tandplejen den tidlige opsporing?",
    "Hvilke kriterier bruger kommunerne i socioøkonomiske fordelingsmodeller?",
    "Hvad koster de særlige indsatser i København?",
    "Hvordan arbejder Hedensted med balancen mellem almen og special?",
    "Hvor mange børn med særlige behov går i almindelige dagtilbud?",
    "Hvad anbefaler KL om tværfagligt samarbejde?",
    "Familie med Hjerte resultater",
    "inklusion af børn med diagnoser",
    "underretning og opsporing",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index.bench")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--repeat", type=int, default=20, help="rounds over the query list")
    parser.add_argument("--query-phase", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.query_phase:
        return _query_phase(args.query_phase, args.repeat)

    from index import CorpusIndex
    from tidlig.settings import load_settings

    with tempfile.TemporaryDirectory(prefix="tidlig-bench-") as tmp:
        settings = load_settings(data_dir=Path(tmp) / "data", corpus_dir=args.corpus)
        index = CorpusIndex.open(settings)
        report = index.update([args.corpus])
        chunks, units = len(index.passages), report.units_embedded
        print(f"cold ingest        {report.seconds:8.1f} s   {chunks} chunks, {chunks / report.seconds:.1f} chunks/s overall")
        print(f"evidence units     {report.unit_seconds:8.1f} s   {units} units, {units / max(report.unit_seconds, 1e-9):.1f} units/s "
              "(split, embed, store; part of the cold ingest)")
        warm = CorpusIndex.open(settings).update([args.corpus])
        print(f"warm re-ingest     {warm.seconds:8.2f} s   ({warm.chunks_embedded} chunks, {warm.units_embedded} units embedded)")
        size = sum(p.stat().st_size for p in settings.index_dir.rglob("*") if p.is_file())
        print(f"index on disk      {size / 1e6:8.1f} MB  (Chroma + BM25 + manifest; cache excluded)")
        result = subprocess.run(
            [sys.executable, "-m", "index.bench", "--query-phase", str(settings.data_dir), "--repeat", str(args.repeat)],
            check=True, capture_output=True, text=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
    for mode in ("dense", "bm25", "units", "hybrid"):
        p50, p95 = figures[mode]
        print(f"{mode:<7} retrieval  p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")
    print(f"query-time RSS     {figures['rss_mb']:8.0f} MB  (peak, process that opens the index and queries)")
    return 0


def _query_phase(data_dir: Path, repeat: int) -> int:
    from index import CorpusIndex
    from tidlig.settings import load_settings

    index = CorpusIndex.open(load_settings(data_dir=data_dir))
    retriever = index.retriever
    figures: dict[str, object] = {}
    for mode in ("dense", "bm25", "units", "hybrid"):
        search = getattr(retriever, mode)
        search(QUERIES[0], k=10)  # warm-up
        times = []
        for _ in range(repeat):
            for query in QUERIES:
                started = time.perf_counter()
                search(query, k=10)
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        figures[mode] = (times[len(times) // 2], times[int(len(times) * 0.95) - 1])
    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
