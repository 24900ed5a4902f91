"""The house's rules that no linter checks: the architecture document matches the tree, and no Python
file or function grows past the size that keeps it one job."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
DOCUMENTED_PACKAGES = ("cogs", "discord_side", "services")
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 50


def _tracked_python_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / name for name in listed if (ROOT / name).exists()]


def _product_modules() -> list[Path]:
    return [
        path
        for path in _tracked_python_files()
        if path.relative_to(ROOT).parts[0] in DOCUMENTED_PACKAGES
        and path.name != "__init__.py"
        and "migrations" not in path.parts
    ]


def test_every_module_of_the_product_is_named_in_the_architecture_document() -> None:
    document = ARCHITECTURE.read_text(encoding="utf-8")

    missing = [str(path.relative_to(ROOT)) for path in _product_modules() if path.name not in document]

    assert missing == [], f"docs/architecture.md does not mention {missing}"


def test_every_module_the_architecture_document_names_exists() -> None:
    document = ARCHITECTURE.read_text(encoding="utf-8")
    existing = {path.name for path in _tracked_python_files()}

    named = set(re.findall(r"\b([a-z_]+\.py)\b", document)) - {"discord.py"}

    assert sorted(named - existing) == []


def test_no_python_file_is_over_the_line_limit() -> None:
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in _tracked_python_files()
        if (lines := path.read_text(encoding="utf-8").count("\n")) > MAX_FILE_LINES
    }

    assert too_long == {}


def test_no_function_is_over_the_line_limit() -> None:
    too_long = {}
    for path in _tracked_python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    too_long[f"{path.relative_to(ROOT)}:{node.name}"] = lines

    assert too_long == {}
