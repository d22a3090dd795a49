"""The optional mypyc build: used only when built from exactly the sources on disk, and it changes nothing."""

from __future__ import annotations

import importlib.machinery
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from services import native
from services.settings import Settings
from services.worker.app import build_app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _native_not_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.DISABLE_ENV, raising=False)


def _fake_tree(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A services/ tree with one compiled package module and a build of it."""
    root = tmp_path / "repo"
    services = root / "services"
    for pkg in native.COMPILED_PACKAGES:
        (services / pkg).mkdir(parents=True)
        (services / pkg / "__init__.py").write_text("", encoding="utf-8")
    (services / "arabic" / "fold.py").write_text("X = 1\n", encoding="utf-8")
    (services / "arabic" / "_views.c").write_text("int x;\n", encoding="utf-8")
    build = tmp_path / "build"
    (build / "lib").mkdir(parents=True)
    (build / "lib" / "fold.so").write_bytes(b"")
    manifest = {
        "interpreter": native.interpreter_tag(),
        "mypy": "test",
        "sources": native.source_digests(native.compiled_sources(services), root),
        "modules": {"services.arabic.fold": "lib/fold.so"},
    }
    (build / native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return root, services, build


def test_a_build_of_the_current_sources_is_used(tmp_path: Path) -> None:
    root, services, build = _fake_tree(tmp_path)
    status = native.read_status(build, services, root)
    assert status.enabled, status.reason
    assert status.modules == {"services.arabic.fold": build / "lib" / "fold.so"}


def test_package_inits_and_the_offline_build_script_stay_plain_python(tmp_path: Path) -> None:
    _, services, _ = _fake_tree(tmp_path)
    (services / "extraction" / "build_states.py").write_text("", encoding="utf-8")
    assert [p.name for p in native.compiled_sources(services)] == ["_views.c", "fold.py"]


def test_c_sources_are_compiled_and_checked_like_the_modules(tmp_path: Path) -> None:
    root, services, build = _fake_tree(tmp_path)
    assert native.read_status(build, services, root).enabled
    [extension] = native.c_extensions(native.compiled_sources(services), root)
    assert (extension.name, extension.sources) == ("services.arabic._views", ["services/arabic/_views.c"])
    (services / "extraction" / "_more.c").write_text("int y;\n", encoding="utf-8")
    assert not native.read_status(build, services, root).enabled  # a C source the build does not know


def test_the_manifest_lists_only_the_modules_this_build_made(tmp_path: Path) -> None:
    from setuptools import Extension

    build = tmp_path / "build"
    stale = build / "lib" / "services" / "arabic" / f"gone{importlib.machinery.EXTENSION_SUFFIXES[0]}"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"")  # left by an earlier build of a module since deleted
    source = tmp_path / "tiny.c"
    source.write_text(
        "#include <Python.h>\n"
        'static struct PyModuleDef tiny = {PyModuleDef_HEAD_INIT, "_tiny", NULL, -1, NULL};\n'
        "PyMODINIT_FUNC PyInit__tiny(void) { return PyModule_Create(&tiny); }\n",
        encoding="utf-8",
    )
    modules = native.compile_extensions([Extension("services.arabic._tiny", [str(source)])], build)
    assert list(modules) == ["services.arabic._tiny"]
    assert (build / modules["services.arabic._tiny"]).is_file()


def test_the_status_line_says_whether_the_views_run_in_c() -> None:
    assert "C views active" in native.NativeStatus(True, "mypyc", {native.C_VIEWS_MODULE: Path("v.so")}).line()
    assert "C views not built" in native.NativeStatus(True, "mypyc", {"services.arabic.fold": Path("f.so")}).line()
    assert "Python views" in native.NativeStatus(False, "not built", {}).line()


@pytest.mark.parametrize(
    "change",
    ["edit", "edit_c", "new_module", "removed_module", "other_interpreter", "missing_file", "disabled", "no_manifest"],
)
def test_a_build_that_does_not_match_the_sources_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    root, services, build = _fake_tree(tmp_path)
    manifest_path = build / native.MANIFEST
    if change == "edit":
        (services / "arabic" / "fold.py").write_text("X = 2\n", encoding="utf-8")
    elif change == "edit_c":
        (services / "arabic" / "_views.c").write_text("int y;\n", encoding="utf-8")
    elif change == "new_module":
        (services / "extraction" / "dates.py").write_text("", encoding="utf-8")
    elif change == "removed_module":
        (services / "arabic" / "fold.py").unlink()
    elif change == "other_interpreter":
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["interpreter"] = "cpython-399.so"
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    elif change == "missing_file":
        (build / "lib" / "fold.so").unlink()
    elif change == "disabled":
        monkeypatch.setenv(native.DISABLE_ENV, "0")
    else:
        manifest_path.unlink()
    status = native.read_status(build, services, root)
    assert not status.enabled
    assert status.modules == {}
    assert status.reason


def test_when_the_build_is_current_the_compiled_modules_are_imported() -> None:
    if not native.STATUS.enabled:
        pytest.skip(f"no current mypyc build: {native.STATUS.reason}")
    import services.arabic.fold
    import services.extraction.extract

    for module in (services.arabic.fold, services.extraction.extract):
        assert module.__file__ is not None
        assert Path(module.__file__) == native.STATUS.modules[module.__name__]


def test_compiled_and_plain_python_extract_the_same_events() -> None:
    """The whole extraction output over the seeds and both dev sets, byte for byte, from this process (the
    compiled build when current) and from a plain-Python subprocess."""
    if not native.STATUS.enabled:
        pytest.skip(f"no current mypyc build: {native.STATUS.reason}")
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    for name in ("devset", "devset2"):
        files += [str(p) for p in sorted((ROOT / "tests" / "fixtures" / name).glob("*.txt"))]
    command = [sys.executable, "-c", "import sys; from services.cli import main; sys.exit(main())", "extract", *files]
    outputs = []
    for flag in ("1", "0"):
        run = subprocess.run(
            command, capture_output=True, text=True, check=True, cwd=ROOT, env={"MARSAD_NATIVE": flag, "PATH": ""}
        )
        outputs.append(re.sub(r'"fetched_at": "[^"]*"', "", run.stdout))
    assert outputs[0].count("\n") == len(files)
    assert outputs[0] == outputs[1]


def test_the_worker_tells_ops_which_code_runs() -> None:
    registry = CollectorRegistry()
    build_app(Settings(kafka_bootstrap_servers="127.0.0.1:9"), registry)
    labels = [s.labels for m in registry.collect() for s in m.samples if s.name == "marsad_worker_info"]
    assert [label["code"] for label in labels] == ["mypyc" if native.STATUS.enabled else "python"]
