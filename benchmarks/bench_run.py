"""`summit run` cold and warm against the naive way: papermill then nbconvert, one by one.

    .venv/bin/python benchmarks/bench_run.py [--corpus DIR] [--repeat 2]

All three in the same run, each in its own fresh folders and annotation cache:

- naive: for every notebook, ``papermill NB OUT.ipynb -p corpus_dir DIR`` then
  ``jupyter nbconvert --to html OUT.ipynb``, sequentially from the shell;
- summit run, cold: ``summit run`` with an empty annotation cache and no reports;
- summit run, warm: the same command again (annotation cached; notebooks executed again).

It prints seconds for each and the ratios cold/naive and warm/cold.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent


def timed(command: list, env: dict) -> float:
    """Seconds a command takes; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, command))}\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def naive(corpus: Path, work: Path, env: dict) -> float:
    """papermill then nbconvert for each notebook, one after the other."""
    total = 0.0
    for notebook in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        out = work / notebook.name
        total += timed(
            [BIN / "papermill", notebook, out, "-p", "corpus_dir", str(corpus), "-p",
             "results_dir", str(work), "--cwd", notebook.parent],
            env,
        )  # fmt: skip
        total += timed([BIN / "jupyter", "nbconvert", "--to", "html", out], env)
    return total


def summit(corpus: Path, reports: Path, env: dict, *extra: str) -> float:
    """One `summit run` into ``reports``."""
    return timed(
        [BIN / "summit", "run", "--corpus", corpus, "--reports", reports, "--quiet", *extra], env
    )


def once(corpus: Path) -> dict[str, float]:
    """One round of every measurement, each with fresh folders and caches."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        figures = {}
        env = {**os.environ, "SUMMIT_CACHE_DIR": str(tmp / "cache-naive")}
        (tmp / "naive").mkdir()
        figures["naive"] = naive(corpus, tmp / "naive", env)
        env = {**os.environ, "SUMMIT_CACHE_DIR": str(tmp / "cache-run")}
        figures["cold"] = summit(corpus, tmp / "reports", env)
        figures["warm"] = summit(corpus, tmp / "reports", env)
        shutil.rmtree(tmp / "reports", ignore_errors=True)
        return figures


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    rounds = [once(corpus) for _ in range(args.repeat)]
    median = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"corpus: {corpus} ({len(list((corpus / 'articles').glob('*')))} articles)")
    for name, seconds in median.items():
        print(f"{name:>14}: {seconds:7.1f} s")
    print(f"{'cold / naive':>14}: {median['cold'] / median['naive']:7.2f}   (target <= 0.4)")
    print(f"{'warm / cold':>14}: {median['warm'] / median['cold']:7.2f}   (target <= 0.5)")
    print(json.dumps({k: round(v, 2) for k, v in median.items()}))


if __name__ == "__main__":
    main()
