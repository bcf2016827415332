"""Scale: the batch engines on one corpus, and the stores over a million generated events.

    .venv/bin/python benchmarks/scale.py engines [--articles 2000] [--sizes 100,300,1000]
    .venv/bin/python benchmarks/scale.py stores [--events 1000000] [--postgres URL]

``engines`` runs the whole ``dateline batch`` command with ``--engine local --workers 1``,
``--workers 2`` and ``--engine spark --master local[2]`` on the same news articles (PolNeAR
train texts from ../shared/data when present, else the samples repeated) and prints articles/s,
the speed-up of two workers over one, and the peak resident memory of every process of the run
(read from /proc while it runs): RSS, the kernel's high-water mark of each process (the bar's
figure), and in brackets the largest PSS seen, which counts a page shared by N processes (a
forked worker's model and tables, py3langid's memory-mapped model) as 1/N to each of them. ``--sizes`` repeats the local runs at several corpus sizes, to
show how the cost grows. ``stores`` is in benchmarks/scale_stores.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATELINE = str(Path(sys.executable).parent / "dateline")


def corpus(n: int, folder: Path) -> Path:
    """n news articles as one JSON Lines file."""
    data = Path(os.environ.get("DATELINE_DATA", ROOT.parent / "shared" / "data"))
    source = data / "quotes" / "polnear_train.jsonl"
    rows: list[dict[str, object]] = []
    if source.exists():
        with source.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                rows.append({"id": rec["id"], "text": rec["text"], "published": rec.get("published")})
                if len(rows) >= n:
                    break
    samples = [json.loads(x) for x in (ROOT / "samples" / "wire.jsonl").read_text().splitlines() if x.strip()]
    i = 0
    while len(rows) < n:
        rec = dict(samples[i % len(samples)])
        rec["id"] = f"{rec.get('id', 'sample')}-{i}"
        rows.append(rec)
        i += 1
    path = folder / f"corpus-{n}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:n]), encoding="utf-8")
    return path


def _children(pid: int) -> dict[int, int]:
    """The process and all its descendants (by each process's parent id in /proc), each with its
    parent's id."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = {pid: parents.get(pid, 0)}, [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found.update((child, parents[child]) for child in frontier)
    return found


def _role(pid: int, family: dict[int, int], root: int) -> str:
    """What a process of the run is: the command itself, a forked worker of the local engine,
    Spark's JVM, pyspark's daemon (started by the JVM) or one of the Python workers it forks."""
    def comm(p: int) -> str:
        try:
            return Path(f"/proc/{p}/comm").read_text().strip()
        except OSError:
            return ""
    name = comm(pid)
    if pid == root:
        return "command"
    if name == "java":
        return "jvm"
    if name.startswith("python"):
        return "python worker" if comm(family.get(pid, 0)).startswith("python") else "python daemon"
    return "worker" if name else ""


def _peak_mb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _pss_mb(pid: int) -> int:
    """Proportional set size: each shared page counted as a share of the processes mapping it."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def run(cmd: list[str]) -> tuple[float, dict[int, tuple[str, int, int]]]:
    """Wall seconds of a whole command, and for each of its processes the peak RSS (MB, the
    kernel's own high-water mark, VmHWM) and the largest PSS seen (MB, sampled)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, tuple[str, int, int]] = {}
    while proc.poll() is None:
        family = _children(proc.pid)
        for pid in family:
            name = _role(pid, family, proc.pid)  # asked each time: spark-submit's shell execs java
            if not name:
                continue
            _, rss, pss = peaks.get(pid, ("", 0, 0))
            peaks[pid] = (name, max(rss, _peak_mb(pid)), max(pss, _pss_mb(pid)))
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
    return seconds, peaks


def engines(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="dateline-scale-"))
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",")} | {args.articles}) if args.sizes else [args.articles]
        for n in sizes:
            path = corpus(n, work)
            runs = [("local, 1 worker", ["--workers", "1"]), ("local, 2 workers", ["--workers", "2"])]
            if n == args.articles and not args.no_spark:
                runs.append(("spark local[2]", ["--engine", "spark", "--master", "local[2]"]))
            seconds = {}
            for label, extra in runs:
                out = work / f"out-{n}-{len(seconds)}"
                took, peaks = run([DATELINE, "batch", str(path), str(out), *extra])
                seconds[label] = took
                workers = sorted(((mb, pss, name) for name, mb, pss in peaks.values() if mb > 50), reverse=True)
                shown = ", ".join(f"{name} {mb} ({pss})" for mb, pss, name in workers[:6])
                print(f"{n:>6} articles  {label:<17} {took:7.1f} s  {n / took:6.2f} articles/s  "
                      f"peak RSS (PSS) per process over 50 MB, largest first (MB): {shown}", flush=True)
                shutil.rmtree(out, ignore_errors=True)
            one, two = seconds["local, 1 worker"], seconds["local, 2 workers"]
            print(f"{n:>6} articles  speed-up of 2 workers over 1: {one / two:.2f}x"
                  + (f"; spark local[2] over 1 worker: {one / seconds['spark local[2]']:.2f}x"
                     if "spark local[2]" in seconds else ""), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    eng = sub.add_parser("engines")
    eng.add_argument("--articles", type=int, default=2000)
    eng.add_argument("--sizes", default="", help="comma-separated extra corpus sizes for the local engine")
    eng.add_argument("--no-spark", action="store_true")
    args = parser.parse_args()
    if args.what == "engines":
        engines(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
