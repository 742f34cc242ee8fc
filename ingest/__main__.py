"""``python -m ingest [PATH ...]``: index the files (default: the corpus folder) and print a summary."""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from index.corpus_index import UpdateReport
from tidlig.logs import start

EXIT_SKIPPED = 3  # some files were not indexed; the summary lists them with the reason


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="Indeksér dokumenter til tidlig.")
    parser.add_argument("paths", nargs="*", type=Path, help="filer eller mapper (standard: corpus-mappen og uploads)")
    parser.add_argument("--if-missing", action="store_true", help="gør intet, hvis der allerede er et indeks med de samme indstillinger")
    parser.add_argument(
        "--keep-missing", action="store_true", help="behold dokumenter i indekset, der ikke findes under PATH"
    )
    args = parser.parse_args(argv)
    settings = start()

    from index import CorpusIndex  # heavy import after the settings are known to be valid

    index = CorpusIndex.open(settings)
    if args.if_missing and not index.is_empty and index.is_current:
        print(f"Indekset findes allerede ({len(index.passages)} tekststykker); spring indeksering over.")
        return 0
    paths = args.paths or settings.source_dirs()
    with tqdm(unit="dok", desc="Indekserer") as bar:

        def progress(name: str, done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.set_postfix_str(name[:40])
            bar.refresh()

        report = index.update(paths, progress=progress, remove_missing=not args.keep_missing)
    print_summary(report, len(index.manifest.documents), len(index.passages))
    return EXIT_SKIPPED if report.skipped else 0


def print_summary(report: UpdateReport, documents: int, chunk_count: int) -> None:
    print(
        f"Færdig på {report.seconds:.1f} s: {documents} dokumenter i indekset "
        f"({len(report.added)} nye, {len(report.replaced)} ændrede, {len(report.unchanged)} uændrede, "
        f"{len(report.removed)} fjernede), {chunk_count} tekststykker, {report.chunks_embedded} indlejret."
    )
    if report.skipped:
        print(f"Sprunget over ({len(report.skipped)}):")
        for skipped in report.skipped:
            print(f"  {skipped.path}: {skipped.reason}")


if __name__ == "__main__":
    sys.exit(main())
