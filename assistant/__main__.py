"""``python -m assistant "spørgsmål"``: answer one question and print its sources."""

from __future__ import annotations

import tidlig.offline  # noqa: F401  (before heavy imports)

import argparse
import sys

from tidlig.logs import start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Stil et spørgsmål til dokumenterne.")
    parser.add_argument("question", help="spørgsmålet, i anførselstegn")
    parser.add_argument("--doc", action="append", default=[], help="begræns til et dokument (filnavn)")
    args = parser.parse_args(argv)
    settings = start()

    from assistant import Assistant
    from index import PassageFilter

    answer = Assistant.open(settings).ask(args.question, filters=PassageFilter(doc_ids=tuple(args.doc)))
    for notice in answer.notices:
        print(f"OBS: {notice}\n")
    print(answer.text)
    if answer.citations:
        print("\nKilder:")
    for citation in answer.citations:
        print(f"[{citation.number}] {citation.heading}")
        for quoted in citation.quoted:
            print(f"      »{quoted}«")
    return 0


if __name__ == "__main__":
    sys.exit(main())
