"""Optional compiled build of the pure text packages (normaliser, extractor, gazetteer) with mypyc.

mypyc (part of mypy) compiles the same strictly typed Python to C extension modules; extraction runs about
1.6x faster with identical output (docs/benchmarks.md). Hand-written C sources in the packages (the
normaliser's views, `services/arabic/_cviews.c`) are compiled beside them, one extension module each,
named after their path. The build lives in `services/_native/` and is
used only when it was built from exactly the sources on disk: its manifest records the sha256 of every
compiled file, and any edit, added or removed module, or other interpreter makes the packages import as plain
Python again. So an edited `.py` is never shadowed by a stale extension, and a machine without a C compiler
runs the same code, slower. `MARSAD_NATIVE=0` forces plain Python.

    marsad native build    # compile (incremental; a no-op when the build is current)
    marsad native status   # one line: which code runs
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from setuptools import Extension

SERVICES = Path(__file__).resolve().parent
ROOT = SERVICES.parent
BUILD_DIR = SERVICES / "_native"
MANIFEST = "manifest.json"
COMPILED_PACKAGES = ("arabic", "extraction")
# package `__init__`s stay plain Python so that package data resolves from the source tree; the gazetteer's
# offline build script reads files beside its own `__file__`
NOT_COMPILED = frozenset({"__init__.py", "build_states.py"})
DISABLE_ENV = "MARSAD_NATIVE"
C_VIEWS_MODULE = "services.arabic._cviews"


def compiled_sources(services: Path = SERVICES) -> list[Path]:
    """Every module (`.py` for mypyc, `.c` for the C extensions) of the compiled packages, sorted."""
    return sorted(
        p
        for pkg in COMPILED_PACKAGES
        for pattern in ("*.py", "*.c")
        for p in (services / pkg).rglob(pattern)
        if p.name not in NOT_COMPILED
    )


def c_extensions(sources: Iterable[Path], root: Path = ROOT) -> list[Extension]:
    """One extension module per C source, named after its path (`services/arabic/_cviews.c` ->
    `services.arabic._cviews`)."""
    from setuptools import Extension

    return [
        Extension(
            ".".join(p.relative_to(root).with_suffix("").parts),
            [p.relative_to(root).as_posix()],
            extra_compile_args=["-O2", "-Wall"],
        )
        for p in sources
        if p.suffix == ".c"
    ]


def compile_extensions(extensions: list[Extension], build_dir: Path) -> dict[str, str]:
    """Compile `extensions` (paths relative to ROOT) into `build_dir`: module name -> file under build_dir."""
    from setuptools import Distribution

    os.chdir(ROOT)  # the extensions' sources are relative paths
    dist = Distribution({"name": "marsad-native", "ext_modules": extensions})
    command = dist.get_command_obj("build_ext")
    command.build_lib = str(build_dir / "lib")
    command.build_temp = str(build_dir / "obj")
    command.parallel = os.cpu_count() or 1
    dist.run_command("build_ext")
    # Only what this build made: `lib` also keeps files of earlier builds (a deleted module's, an older
    # mypyc runtime's), which the manifest must never vouch for.
    return {
        ext.name: Path(command.get_ext_fullpath(ext.name)).resolve().relative_to(build_dir.resolve()).as_posix()
        for ext in extensions
    }


def source_digests(sources: Iterable[Path], root: Path = ROOT) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sources}


def interpreter_tag() -> str:
    return f"{sys.implementation.cache_tag}{importlib.machinery.EXTENSION_SUFFIXES[0]}"


@dataclass(frozen=True)
class NativeStatus:
    enabled: bool
    reason: str
    modules: dict[str, Path]

    @property
    def c_views(self) -> bool:
        """Whether the normaliser's views run in C (`services/arabic/cviews.py`)."""
        return C_VIEWS_MODULE in self.modules

    def line(self) -> str:
        if self.enabled:
            views = "C views active" if self.c_views else "C views not built"
            return f"compiled: {len(self.modules)} extension modules from {BUILD_DIR} ({self.reason}; {views})"
        return f"plain Python, Python views: {self.reason}"


def read_status(build_dir: Path = BUILD_DIR, services: Path = SERVICES, root: Path = ROOT) -> NativeStatus:
    """Whether the build in `build_dir` matches the sources on disk exactly, and its module files if so."""
    if os.environ.get(DISABLE_ENV, "1") == "0":
        return NativeStatus(False, f"{DISABLE_ENV}=0", {})
    try:
        manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return NativeStatus(False, "not built (marsad native build)", {})
    except (OSError, ValueError) as exc:
        return NativeStatus(False, f"unreadable manifest: {exc}", {})
    if manifest.get("interpreter") != interpreter_tag():
        return NativeStatus(False, f"built for {manifest.get('interpreter')}, this is {interpreter_tag()}", {})
    if manifest.get("sources") != source_digests(compiled_sources(services), root):
        return NativeStatus(False, "sources changed since the build (marsad native build)", {})
    modules = {name: build_dir / rel for name, rel in manifest.get("modules", {}).items()}
    if not modules or not all(path.is_file() for path in modules.values()):
        return NativeStatus(False, "build incomplete", {})
    return NativeStatus(True, f"mypyc {manifest.get('mypy')}", modules)


class _NativeFinder(importlib.abc.MetaPathFinder):
    """Serves the compiled module files of a current build ahead of the sources."""

    def __init__(self, modules: dict[str, Path]) -> None:
        self._modules = modules

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        location = self._modules.get(fullname)
        if location is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(location))
        return importlib.util.spec_from_file_location(fullname, location, loader=loader)


STATUS = read_status()


def install() -> None:
    """Called once from `services/__init__.py`, before any compiled package is imported."""
    if STATUS.enabled and not any(isinstance(f, _NativeFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _NativeFinder(STATUS.modules))


def build(build_dir: Path = BUILD_DIR) -> NativeStatus:
    """Compile the packages with mypyc into `build_dir` (C and objects kept for incremental rebuilds)."""
    current = read_status(build_dir)
    if current.enabled:
        return current
    from mypy.version import __version__ as mypy_version
    from mypyc.build import mypycify

    sources = compiled_sources()
    digests = source_digests(sources)  # before compiling: a file edited meanwhile leaves the build stale
    os.chdir(ROOT)  # mypyc derives module names from paths relative to the working directory
    extensions = mypycify(
        [p.relative_to(ROOT).as_posix() for p in sources if p.suffix == ".py"],
        opt_level="3",
        target_dir=str(build_dir / "c"),
    )
    modules = compile_extensions([*extensions, *c_extensions(sources)], build_dir)
    manifest = {
        "interpreter": interpreter_tag(),
        "mypy": mypy_version,
        "sources": digests,
        "modules": modules,
    }
    (build_dir / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return read_status(build_dir)


def run_command(action: str) -> int:
    """`marsad native build|status`: one line saying which code runs; build exits 1 when it could not compile."""
    if action == "status":
        print(f"marsad native: {read_status().line()}")
        return 0
    try:
        status = build()
    except Exception as exc:  # a missing compiler or headers: say so in one line, keep plain Python
        print(f"marsad native: build failed, plain Python runs ({type(exc).__name__}: {exc})")
        return 1
    print(f"marsad native: {status.line()}")
    return 0 if status.enabled else 1
