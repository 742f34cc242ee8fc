import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("entry", [["-m", "ingest"], ["-m", "assistant", "hej"], ["-m", "eval"], ["app.py"]])
def test_every_entry_point_stops_on_a_bad_setting_and_names_it(entry, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TIDLIG_PORT": "ikke-et-tal", "TIDLIG_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, *entry], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "TIDLIG_PORT" in result.stderr and "forkert" in result.stderr
    assert not (tmp_path / "index").exists()  # nothing was started or written
