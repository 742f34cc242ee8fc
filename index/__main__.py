"""``python -m index [PATH ...]``: add or replace the documents under PATH (default: the corpus folder and
the uploads) and print a summary.

Only what is under PATH is touched. ``--remove-missing`` also removes the indexed documents whose file is
not under PATH: it lists them and asks first (``--yes`` answers for scripts). Another process writing the
index (the app, another ingest) is waited for, never overwritten.
"""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tqdm import tqdm

from index.corpus_index import CorpusIndex, UpdateReport
from index.writer import WriterLock
from tidlig.cpr import redact_cpr
from tidlig.logs import start

Ask = Callable[[str], str]
EXIT_SKIPPED = 3  # some files were not indexed; the summary lists them with the reason


def main(argv: list[str] | None = None, ask: Ask = input) -> int:
    args = parser().parse_args(argv)
    settings = start()
    writer = WriterLock(settings.index_dir, wait_s=None, on_wait=lambda: print(
        "Indekset opdateres af en anden proces; venter, til den er færdig ...", file=sys.stderr, flush=True
    ))
    index = CorpusIndex.open(settings, writer=writer)
    if args.if_missing and not index.is_empty and index.is_current:
        print(f"Indekset findes allerede ({len(index.passages)} tekststykker); spring indeksering over.")
        return 0
    paths = args.paths or settings.source_dirs()
    remove = index.missing(paths) if args.remove_missing else []
    if remove and not (args.yes or confirm_removal(remove, ask)):
        print("Intet er ændret.")
        return 1
    with tqdm(unit="dok", desc="Indekserer") as bar:

        def progress(name: str, done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.set_postfix_str(_shown(name)[:40])
            bar.refresh()

        report = index.update(paths, progress=progress, remove=remove)
    print_summary(report, len(index.manifest.documents), len(index.passages))
    return EXIT_SKIPPED if report.skipped else 0


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m index", description="Indeksér dokumenter til tidlig.")
    parser.add_argument("paths", nargs="*", type=Path, help="filer eller mapper (standard: corpus-mappen og uploads)")
    parser.add_argument(
        "--if-missing", action="store_true", help="gør intet, hvis der allerede er et indeks med de samme indstillinger"
    )
    parser.add_argument(
        "--remove-missing", action="store_true",
        help="fjern også dokumenter fra indekset, hvis fil ikke findes under PATH (viser dem og spørger først)",
    )
    parser.add_argument("--yes", action="store_true", help="spørg ikke, før dokumenter fjernes")
    return parser


def confirm_removal(doc_ids: list[str], ask: Ask) -> bool:
    print(f"Disse {len(doc_ids)} dokumenter findes ikke under de angivne stier og fjernes fra indekset:")
    for doc_id in doc_ids:
        print(f"  {doc_id}")
    try:
        answer = ask("Fjern dem? [j/N] ")
    except EOFError:  # no terminal to ask (a script): removing needs --yes
        print("\nIngen svar (brug --yes i scripts).")
        return False
    return answer.strip().lower() in {"j", "ja", "y", "yes"}


def print_summary(report: UpdateReport, documents: int, chunk_count: int) -> None:
    print(
        f"Færdig på {report.seconds:.1f} s: {documents} dokumenter i indekset "
        f"({len(report.added)} nye, {len(report.replaced)} ændrede, {len(report.unchanged)} uændrede, "
        f"{len(report.removed)} fjernede), {chunk_count} tekststykker, {report.chunks_embedded} indlejret."
    )
    if report.skipped:
        print(f"Sprunget over ({len(report.skipped)}):")
        for skipped in report.skipped:
            print(f"  {_shown(str(skipped.path))}: {skipped.reason}")
    if report.incomplete:
        print(f"Indlæst, men ikke det hele ({len(report.incomplete)}):")
        for incomplete in report.incomplete:
            print(f"  {_shown(str(incomplete.path))}: {incomplete.note}")


def _shown(path: str) -> str:
    """A file's path as the terminal shows it, without a CPR number in its name: a file is skipped for one (see
    ingest.loaders), and output redirected to a file would keep it. "[CPR-NR]" still tells which file to rename."""
    return redact_cpr(path)[0]


if __name__ == "__main__":
    sys.exit(main())
