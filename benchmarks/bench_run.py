"""`summit run` cold and warm against the naive way: papermill then nbconvert, one by one.

    .venv/bin/python benchmarks/bench_run.py [--corpus DIR] [--repeat 2]
    .venv/bin/python benchmarks/bench_run.py --sizes 500 5000 50000   # per notebook, at scale

All three in the same run, each in its own fresh folders and annotation cache:

- naive: for every notebook, ``papermill NB OUT.ipynb -p corpus_dir DIR`` then
  ``jupyter nbconvert --to html OUT.ipynb``, sequentially from the shell;
- summit run, cold: ``summit run`` with an empty annotation cache and no reports;
- summit run, warm: the same command again (annotation cached; notebooks executed again).

It prints seconds for each and the ratios cold/naive and warm/cold.

With ``--sizes`` it measures, on synthetic corpora of N articles (built as in
bench_annotate.py): ``summit run`` with an empty store (annotation plus every notebook), then
each notebook alone with the store warm, ``summit run NAME --force`` (corpus check, store read,
papermill and HTML: the wall time a user waits), and the size of its HTML report. With
``--reuse`` it skips the cold run and times the notebooks on the corpus and filled store that
``bench_annotate.py --incremental N --keep`` left (N + 1% articles), after a first run
(reported on its own row) that adds the reprint groups to that store (the annotation
benchmark fills only the annotation).
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
    """One `summit run` into ``reports`` (extra arguments: notebook names, options)."""
    return timed(
        [BIN / "summit", "run", *extra, "--corpus", corpus, "--reports", reports, "--quiet"], env
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


def at_scale(n: int, reuse: bool = False) -> list[dict]:
    """Cold store (all notebooks) and each notebook with a warm store, on N articles."""
    from bench_annotate import OUT, corpus_of

    if reuse:
        corpus, cache = OUT / f"incremental-{n}", OUT / f"incremental-{n}-cache"
        if not (cache / "store").is_dir():
            raise SystemExit(f"no store in {cache}: run bench_annotate.py --incremental {n} --keep")
        n = len(list((corpus / "articles").iterdir()))
    else:
        corpus, cache = corpus_of(n), None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "SUMMIT_CACHE_DIR": str(cache or tmp / "cache")}
        if reuse:  # the store holds the annotation; a first run adds the reprint groups
            stems = [p.stem for p in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))]
            first = summit(corpus, tmp / "reports", env, stems[0], "--force")
            run = f"summit run {stems[0]}, adding the reprint groups"
            rows.append({"N": n, "run": run, "seconds": round(first, 1)})
            index = {"reports": [{"notebook": stem} for stem in stems]}
        else:
            cold = summit(corpus, tmp / "reports", env)
            index = json.loads((tmp / "reports" / "index.json").read_text(encoding="utf-8"))
            rows.append({"N": n, "run": "summit run, cold store (all)", "seconds": round(cold, 1)})
        for entry in index["reports"]:
            stem = entry["notebook"]
            warm = summit(corpus, tmp / "reports", env, stem, "--force")
            page = max(
                (tmp / "reports").rglob(f"run-*/{stem}.html"), key=lambda p: p.stat().st_mtime
            )
            html = page.stat().st_size / 2**20
            rows.append(
                {
                    "N": n,
                    "run": f"summit run {stem}, warm store",
                    "seconds": round(warm, 1),
                    "in cold run, s": entry.get("duration"),
                    "HTML MB": round(html, 2),
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    return rows


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--sizes", type=int, nargs="*", default=[])
    parser.add_argument("--reuse", action="store_true", help="the store bench_annotate --keep left")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    if args.sizes:
        import pandas as pd

        rows = [row for n in args.sizes for row in at_scale(n, args.reuse)]
        print(pd.DataFrame(rows).to_string(index=False, na_rep=""))
        return
    corpus = args.corpus.resolve()
    rounds = [once(corpus) for _ in range(args.repeat)]
    median = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    print(f"corpus: {corpus} ({len(list((corpus / 'articles').glob('*')))} articles)")
    for name, seconds in median.items():
        print(f"{name:>14}: {seconds:7.1f} s")
    print(f"{'cold / naive':>14}: {median['cold'] / median['naive']:7.2f}   (target <= 0.3)")
    print(f"{'warm / cold':>14}: {median['warm'] / median['cold']:7.2f}   (target <= 0.5)")
    print(json.dumps({k: round(v, 2) for k, v in median.items()}))


if __name__ == "__main__":
    main()
