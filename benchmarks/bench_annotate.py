"""Annotation throughput, scaling and peak memory on synthetic corpora of N articles.

    .venv/bin/python benchmarks/bench_annotate.py [--sizes 5 50 500 5000] [--dask 500]

For each N it builds a synthetic corpus (``summitlib.corpus.synthetic``) under benchmarks/out/,
each in a fresh subprocess so that peak memory is its own: the full annotation with the cache
off (local engine: both cores once the corpus is large enough), the same on one process, and a
minimal pass over the same texts (NLTK Punkt sentence split plus VADER on every sentence,
nothing else). It prints articles/s, MB/s, peak RSS and the ratio full/minimal, and with
``--dask N`` the Dask engine's throughput with one and with two local workers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from summitlib import annotate, load_corpus
mode, root = sys.argv[1], Path(sys.argv[2])
corpus = load_corpus(root)
size = sum(d.path.stat().st_size for d in corpus)
start = time.perf_counter()
if mode == "minimal":
    from summitlib.text.resources import punkt, vader
    tokenizer, analyzer = punkt(), vader()
    n = 0
    for doc in corpus:
        for sentence in tokenizer.tokenize(doc.raw):
            analyzer.polarity_scores(sentence)
            n += 1
elif mode.startswith("dask"):
    from distributed import Client, LocalCluster
    workers = int(mode[4:])
    with LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        start = time.perf_counter()
        tables = annotate(corpus, cache=False, engine="dask", scheduler=cluster.scheduler_address)
else:
    workers = 1 if mode == "single" else None
    tables = annotate(corpus, cache=False, workers=workers)
seconds = time.perf_counter() - start
peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
figures = {"seconds": seconds, "articles": len(corpus), "bytes": size, "peak_mb": peak_kb / 1024}
print(json.dumps(figures))
"""


def corpus_of(n: int) -> Path:
    """The synthetic corpus of ``n`` articles, built once and reused."""
    from summitlib.corpus.synthetic import make_synthetic_corpus

    target = OUT / f"corpus-{n}"
    if not (target / "metadata.csv").exists():
        import shutil

        shutil.rmtree(target, ignore_errors=True)
        make_synthetic_corpus(ROOT / "corpus", target, n)
    return target


def measure(mode: str, root: Path) -> dict:
    """Run one measurement in a fresh interpreter and return its figures."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(root)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def row(n: int, mode: str, figures: dict) -> dict:
    """Throughput figures of one run."""
    seconds = figures["seconds"]
    return {
        "N": n,
        "mode": mode,
        "seconds": round(seconds, 2),
        "articles/s": round(figures["articles"] / seconds, 1),
        "MB/s": round(figures["bytes"] / seconds / 2**20, 3),
        "ms/article": round(1000 * seconds / figures["articles"], 2),
        "peak MB": round(figures["peak_mb"]),
    }


def main() -> None:
    """Measure every size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500, 5000])
    parser.add_argument("--dask", type=int, default=0, help="also measure Dask at this N")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    rows = []
    for n in args.sizes:
        root = corpus_of(n)
        full, single, minimal = (measure(m, root) for m in ("full", "single", "minimal"))
        rows += [
            row(n, "full", full),
            row(n, "full, 1 process", single),
            row(n, "minimal", minimal),
        ]
        rows[-3]["full/minimal"] = round(minimal["seconds"] / full["seconds"], 2)
        rows[-2]["full/minimal"] = round(minimal["seconds"] / single["seconds"], 2)
        print(json.dumps(rows[-3:]), flush=True)
    if args.dask:
        root = corpus_of(args.dask)
        rows += [row(args.dask, f"dask, {w} worker(s)", measure(f"dask{w}", root)) for w in (1, 2)]
    import pandas as pd

    print()
    print(pd.DataFrame(rows).fillna("").to_string(index=False))
    if len(args.sizes) >= 2:
        a, b = sorted(args.sizes)[-2:]
        per = {r["N"]: r["ms/article"] for r in rows if r["mode"] == "full"}
        print(f"\ntime per article N={b} vs N={a}: {per[b] / per[a]:.2f}x")


if __name__ == "__main__":
    main()
