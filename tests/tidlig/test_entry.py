import subprocess
import sys

import pytest

from tests.conftest import ROOT


ENTRY_POINTS = [
    ["-m", "index"],
    ["-m", "index.bench"],
    ["-m", "assistant", "hej"],
    ["-m", "eval"],
    ["-m", "eval.bench_answers"],
    ["-m", "eval.dataset"],
    ["-m", "eval.calibrate"],
    ["-m", "eval.fit"],
    ["-m", "eval.feedback"],
    ["app.py"],
]
# Child processes the app starts with explicit arguments; they read no settings.
INTERNAL = {"-m ingest.quarantine"}


def test_every_entry_point_is_listed():
    """A new ``__main__`` or ``main()`` module must be added to ENTRY_POINTS (and go through ``start``)."""
    found = {
        f"-m {path.parent.name}" if path.name == "__main__.py" else f"-m {path.parent.name}.{path.stem}"
        for package in ("tidlig", "ingest", "index", "assistant", "eval", "prompts", "ui")
        for path in (ROOT / package).glob("*.py")
        if 'if __name__ == "__main__"' in path.read_text(encoding="utf-8")
    }
    assert found - INTERNAL == {" ".join(entry[:2]) for entry in ENTRY_POINTS if entry[0] == "-m"}


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda entry: " ".join(entry))
def test_every_entry_point_stops_on_a_bad_setting_and_names_it(entry, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TIDLIG_PORT": "ikke-et-tal", "TIDLIG_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, *entry], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "TIDLIG_PORT" in result.stderr and "forkert" in result.stderr
    assert not (tmp_path / "index").exists()  # nothing was started or written
