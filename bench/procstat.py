"""CPU time and memory of a process from /proc/<pid>/stat and /proc/<pid>/status (Linux only)."""

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
    return ProcSample((utime + stime) / _TICKS, rss, hwm)


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
    """The sum over several processes and all their descendants: CPU and RSS add up, peaks too."""
    tree = [p for pid in pids for p in (pid, *children(pid))]
    samples = [s for s in (sample(p) for p in tree) if s is not None]
    if not samples:
        return None
    return ProcSample(
        sum(s.cpu_seconds for s in samples), sum(s.rss_mb for s in samples), sum(s.hwm_mb for s in samples)
    )
