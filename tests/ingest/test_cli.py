import subprocess
import sys

from tests.conftest import ROOT, TEST_EMBEDDING_CACHE


def run_ingest(folder, data_dir, *extra, expect_code=0, **env_overrides):
    env = {
        "PATH": "/usr/bin:/bin", "TIDLIG_DATA_DIR": str(data_dir), "TIDLIG_CACHE_DIR": str(TEST_EMBEDDING_CACHE),
        **env_overrides,
    }
    result = subprocess.run(
        [sys.executable, "-m", "ingest", str(folder), *extra], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300,
    )
    assert result.returncode == expect_code, result.stderr[-2000:]
    return result.stdout


def test_if_missing_skips_a_current_index_and_rebuilds_one_made_with_other_settings(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notat.txt").write_text(
        "Sundhedsplejersken besøger alle familier med nyfødte. " * 20 + "\n\nDagtilbuddet kontakter forældrene tidligt.\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    assert "1 nye" in run_ingest(folder, data)
    assert "findes allerede" in run_ingest(folder, data, "--if-missing")
    rebuilt = run_ingest(folder, data, "--if-missing", TIDLIG_CHUNK_MAX_TOKENS="64")
    assert "findes allerede" not in rebuilt and "1 nye" in rebuilt


def test_skipped_files_give_exit_code_3_and_are_listed(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notat.txt").write_text("Sundhedsplejersken besøger alle familier med nyfødte.\n", encoding="utf-8")
    (folder / "tom.pdf").write_bytes(b"")
    (folder / "billede.png").write_bytes(b"\x89PNG")
    output = run_ingest(folder, tmp_path / "data", expect_code=3)
    assert "Sprunget over (2)" in output
    assert "tom.pdf: filen er tom" in output and "billede.png: filtypen .png" in output
