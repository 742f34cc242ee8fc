"""``python -m index``: adds only what it is given, removes only what it names and was allowed to."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, TEST_EMBEDDING_CACHE
from tests.index.test_corpus_index import write_small_corpus


def run_index(data_dir, *args, stdin: str | None = None, expect: int = 0, **env_overrides) -> str:
    env = {
        "PATH": "/usr/bin:/bin", "TIDLIG_DATA_DIR": str(data_dir), "TIDLIG_CACHE_DIR": str(TEST_EMBEDDING_CACHE),
        "TIDLIG_LOG_LEVEL": "WARNING", **env_overrides,
    }
    result = subprocess.run(
        [sys.executable, "-m", "index", *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300, input=stdin,
    )
    assert result.returncode == expect, result.stdout + result.stderr[-2000:]
    return result.stdout


def indexed(data_dir) -> set[str]:
    return set(json.loads((data_dir / "index" / "manifest.json").read_text(encoding="utf-8"))["documents"])


def test_if_missing_skips_a_current_index_and_rebuilds_one_made_with_other_settings(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notat.txt").write_text(
        "Sundhedsplejersken besøger alle familier med nyfødte. " * 20 + "\n\nDagtilbuddet kontakter forældrene tidligt.\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    assert "1 nye" in run_index(data, folder)
    assert "findes allerede" in run_index(data, folder, "--if-missing")
    rebuilt = run_index(data, folder, "--if-missing", TIDLIG_CHUNK_MAX_TOKENS="64")
    assert "findes allerede" not in rebuilt and "1 nye" in rebuilt


def test_a_file_is_added_without_removing_the_others(tmp_path):
    data = tmp_path / "data"
    run_index(data, write_small_corpus(tmp_path / "docs", ("sundhedspleje.txt", "dagpleje.md")))
    single = write_small_corpus(tmp_path / "one", ("skolestart.txt",)) / "skolestart.txt"

    out = run_index(data, single)

    assert "3 dokumenter i indekset (1 nye, 0 ændrede, 0 uændrede, 0 fjernede)" in out, out
    assert indexed(data) == {"sundhedspleje.txt", "dagpleje.md", "skolestart.txt"}


def test_remove_missing_names_what_it_removes_and_asks_first(tmp_path):
    data = tmp_path / "data"
    run_index(data, write_small_corpus(tmp_path / "docs"))
    kept = write_small_corpus(tmp_path / "kept", ("skolestart.txt",))

    declined = run_index(data, kept, "--remove-missing", stdin="n\n", expect=1)
    assert "Disse 2 dokumenter findes ikke" in declined
    assert "  dagpleje.md\n  sundhedspleje.txt\n" in declined
    assert "Intet er ændret." in declined
    no_terminal = run_index(data, kept, "--remove-missing", stdin="", expect=1)
    assert "brug --yes" in no_terminal
    assert indexed(data) == {"sundhedspleje.txt", "dagpleje.md", "skolestart.txt"}

    confirmed = run_index(data, kept, "--remove-missing", stdin="j\n")
    assert "1 dokumenter i indekset (0 nye, 0 ændrede, 1 uændrede, 2 fjernede)" in confirmed, confirmed
    assert indexed(data) == {"skolestart.txt"}


def test_remove_missing_with_yes_does_not_ask(tmp_path):
    data = tmp_path / "data"
    run_index(data, write_small_corpus(tmp_path / "docs", ("sundhedspleje.txt", "dagpleje.md")))
    out = run_index(data, write_small_corpus(tmp_path / "kept", ("dagpleje.md",)), "--remove-missing", "--yes")
    assert "Fjern dem?" not in out and "1 fjernede" in out
    assert indexed(data) == {"dagpleje.md"}


def test_skipped_files_give_exit_code_3_and_are_listed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notat.txt").write_text("Sundhedsplejersken besøger alle familier med nyfødte.\n", encoding="utf-8")
    (folder / "tom.pdf").write_bytes(b"")
    (folder / "billede.png").write_bytes(b"\x89PNG")
    (folder / "sagsnotat.txt").write_text("Notat om barnet, cpr 010203-1234. Forældrene er inviteret til samtale.\n", encoding="utf-8")
    output = run_index(tmp_path / "data", folder, expect=3)
    assert "Sprunget over (2)" in output
    assert "tom.pdf: filen er tom" in output and "billede.png: filtypen .png" in output
    assert "Indlæst, men ikke det hele (1):" in output and "sagsnotat.txt: ét CPR-nummer er fjernet fra teksten" in output


def test_a_file_named_with_a_cpr_number_is_skipped_and_shown_without_it(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notat.txt").write_text("Sundhedsplejersken besøger alle familier med nyfødte.\n", encoding="utf-8")
    (folder / "bekymring 010203-1234.txt").write_text("Forældrene er inviteret til samtale.\n", encoding="utf-8")
    output = run_index(tmp_path / "data", folder, expect=3)
    assert "bekymring [CPR-NR].txt: filnavnet indeholder et CPR-nummer" in output
    assert "010203" not in output
