"""How long `summarize --watch DIR -o OUT` takes from a release landing in the folder to its result
file (issue 26 asks for under 20 s). Real releases of ../shared/real/ (text, Markdown, HTML, PDF,
ODT), dropped one at a time the way a mail rule or a download saves them: written whole, or
written in two chunks with a pause (a slow writer). Prints a table.

    python benchmarks/watch_latency.py [--settle 2] [--per-kind 3]
"""

from __future__ import annotations

import argparse
import queue
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import ROOT, markdown_table

REAL = ROOT.parent / "shared" / "real"


def releases(per_kind: int) -> list[Path]:
    chosen: dict[str, list[Path]] = {}
    for path in sorted(REAL.glob("*.orig.*")):
        chosen.setdefault(path.suffix, [])
        if len(chosen[path.suffix]) < per_kind:
            chosen[path.suffix].append(path)
    return [p for paths in chosen.values() for p in paths]


def wait_for(path: Path, deadline: float) -> float | None:
    while time.monotonic() < deadline:
        if path.exists():
            return time.monotonic()
        time.sleep(0.01)
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--settle", default="2")
    parser.add_argument("--per-kind", type=int, default=3)
    args = parser.parse_args()
    if not REAL.is_dir():
        raise SystemExit(f"not found: {REAL}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        inbox, out = Path(tmp) / "inbox", Path(tmp) / "out"
        inbox.mkdir()
        proc = subprocess.Popen([sys.executable, "-m", "summarize", "--watch", str(inbox), "-o", str(out), "-f", "json",
                                 "--settle", args.settle], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in proc.stderr], daemon=True).start()
        while "watching" not in lines.get(timeout=60):
            pass
        try:
            for number, release in enumerate(releases(args.per_kind)):
                for mode in ("whole", "two chunks, 1 s pause"):
                    name = f"{number:02d}-{mode[:5]}{release.suffix}"
                    data = release.read_bytes()
                    started = time.monotonic()
                    with (inbox / name).open("wb") as stream:
                        if mode == "whole":
                            stream.write(data)
                        else:
                            stream.write(data[: len(data) // 2])
                            stream.flush()
                            time.sleep(1.0)
                            stream.write(data[len(data) // 2:])
                    written = time.monotonic()
                    result = out / f"{Path(name).stem}.summary.json"
                    seen = wait_for(result, started + 60)
                    rows.append((release.name[:48], release.suffix, mode, len(data) // 1024,
                                 round(seen - written, 2) if seen else "none in 60 s"))
        finally:
            proc.send_signal(signal.SIGINT)
            code = proc.wait(timeout=60)
    print(markdown_table(["release", "kind", "written", "KB", "s from the last byte to the result file"], rows))
    times = [r[-1] for r in rows if isinstance(r[-1], float)]
    print(f"\n{len(times)}/{len(rows)} results; median {statistics.median(times):.2f} s, max {max(times):.2f} s "
          f"(--settle {args.settle}); exit code after Ctrl-C: {code}")


if __name__ == "__main__":
    main()
