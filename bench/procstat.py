"""CPU time and memory of a process from /proc/<pid>/stat, /proc/<pid>/status and /proc/<pid>/smaps_rollup (Linux).

RSS counts every page a process maps, so a sum over processes counts each shared page once per process:
the stage children share the lexicon pages of their template (services/worker/zygote.py). PSS (proportional
set size) divides each page among the processes that map it, so the PSS of a process tree adds up to the
memory it really holds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class ProcSample:
    cpu_seconds: float  # user + system
    rss_mb: float
    hwm_mb: float  # peak RSS since the process started
    pss_mb: float = 0.0  # 0 when smaps_rollup cannot be read


def sample(pid: int) -> ProcSample | None:
    """None when the process is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may hold spaces; fields start at 'state'
    utime, stime = int(fields[11]), int(fields[12])
    rss = hwm = 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            hwm = int(line.split()[1]) / 1024
    return ProcSample((utime + stime) / _TICKS, rss, hwm, _pss_mb(pid))


def _pss_mb(pid: int) -> float:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:  # gone, or a kernel without smaps_rollup (before 4.14)
        return 0.0
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    """Every live descendant of `pid` (the worker runs its stages in child processes)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def sample_many(pids: list[int]) -> ProcSample | None:
    """The sum over several processes and all their descendants: CPU, RSS and PSS add up, peaks too (RSS
    counts shared pages once per process, PSS once in all)."""
    tree = [p for pid in pids for p in (pid, *children(pid))]
    samples = [s for s in (sample(p) for p in tree) if s is not None]
    if not samples:
        return None
    return ProcSample(
        sum(s.cpu_seconds for s in samples),
        sum(s.rss_mb for s in samples),
        sum(s.hwm_mb for s in samples),
        sum(s.pss_mb for s in samples),
    )
