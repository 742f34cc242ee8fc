"""Imports follow the data flow: tidlig <- ingest <- index <- assistant <- {ui, app.py, eval}.

``prompts`` is data read by the assistant: it may import only ``tidlig``, and only the assistant and the
layers above it may import it. Every import counts, also those inside functions (a lazy import is
still a dependency), so a command-line module cannot quietly pull a higher layer in.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

# A module may import its own package and any package of a strictly lower rank.
RANK = {"tidlig": 0, "prompts": 1, "ingest": 1, "index": 2, "assistant": 3, "eval": 4, "ui": 4, "app": 5}


def project_imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level package) of every import of a project package in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue  # relative imports stay inside their own package
        found += [(node.lineno, name.split(".")[0]) for name in names if name.split(".")[0] in RANK]
    return found


def layer_files() -> list[tuple[str, Path]]:
    files = [("app", ROOT / "app.py")] if (ROOT / "app.py").is_file() else []
    for package in RANK:
        folder = ROOT / package
        if folder.is_dir():
            files += [(package, path) for path in sorted(folder.rglob("*.py"))]
    return files


def violations(files: list[tuple[str, Path]]) -> list[str]:
    return [
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{line} ({layer}) imports {target}"
        for layer, path in files
        for line, target in project_imports(path)
        if target != layer and RANK[target] >= RANK[layer]
    ]


def test_no_import_runs_against_the_data_flow():
    files = layer_files()
    assert len(files) > 40  # the packages were found
    assert violations(files) == []


def test_the_check_catches_an_upward_import_even_inside_a_function(tmp_path):
    module = tmp_path / "cli.py"
    module.write_text("import tidlig.text\n\ndef main():\n    from index import CorpusIndex\n", encoding="utf-8")
    assert project_imports(module) == [(1, "tidlig"), (4, "index")]
    assert violations([("ingest", module)]) == ["cli.py:4 (ingest) imports index"]
    assert violations([("assistant", module)]) == []
    assert violations([("prompts", module), ("eval", module)]) == ["cli.py:4 (prompts) imports index"]
