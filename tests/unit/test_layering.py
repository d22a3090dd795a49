"""The architecture as a test: pure packages import no I/O, and nothing imports the shells."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import REPO

IO_MODULES = {
    "faust",
    "mode",
    "aiokafka",
    "prometheus_client",
    "httpx",
    "requests",
    "aiohttp",
    "starlette",
    "uvicorn",
    "socket",
    "sqlite3",
    "urllib",
}
SHELLS = ("services.worker", "services.scraper", "services.gateway", "services.commands", "services.cli")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((REPO / folder).rglob("*.py"))]


@pytest.mark.parametrize("path", python_files("services/arabic", "services/extraction", "schemas"), ids=str)
def test_pure_code_imports_no_io(path: Path) -> None:
    roots = {name.split(".")[0] for name in imported_modules(path)}
    assert not roots & IO_MODULES, f"{path} imports {roots & IO_MODULES}"


@pytest.mark.parametrize("path", python_files("services/arabic", "services/extraction", "schemas"), ids=str)
def test_pure_code_imports_no_shell(path: Path) -> None:
    shells = {name for name in imported_modules(path) if name.startswith(SHELLS)}
    assert not shells, f"{path} imports {shells}"


def test_arabic_does_not_import_extraction() -> None:
    for path in python_files("services/arabic"):
        assert not any(name.startswith("services.extraction") for name in imported_modules(path)), path


def test_layering_check_sees_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import faust\nfrom aiokafka import AIOKafkaProducer\nfrom . import sibling\n")
    assert imported_modules(probe) == {"faust", "aiokafka"}
