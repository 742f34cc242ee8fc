"""The offline guard sets the process environment before the heavy libraries read it."""

import subprocess
import sys

from tests.conftest import ROOT

_PROBE = "import tidlig.offline, os, numpy; print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['HF_HUB_OFFLINE'])"


def _probe(**env: str) -> str:
    result = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env={"PATH": "/usr/bin:/bin", **env}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_numpy_runs_one_blas_thread_unless_the_operator_says_otherwise():
    assert _probe() == "1 1"
    assert _probe(OPENBLAS_NUM_THREADS="2") == "2 1"
