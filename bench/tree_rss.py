"""Print the peak summed RSS (MB) of a process and all its descendants, sampled every 0.2 s
until the process exits. Linux /proc only; used by bench_hostile.sh.

    python bench/tree_rss.py PID
"""
from __future__ import annotations

import os
import sys
import time


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(root: int) -> int:
    tree = _children()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_kb(pid)
        stack.extend(tree.get(pid, []))
    return total


def main() -> int:
    root = int(sys.argv[1])
    peak = 0
    while os.path.exists(f"/proc/{root}"):
        peak = max(peak, tree_rss_kb(root))
        time.sleep(0.2)
    print(f"{peak / 1024:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
