"""Annotation throughput, scaling and peak memory on synthetic corpora of N articles.

    .venv/bin/python benchmarks/bench_annotate.py [--sizes 500 5000 50000] [--dask 5000]
        [--incremental 500 5000 50000] [--modes full single minimal] [--corpus DIR ...]

For each N it builds a synthetic corpus (``summitlib.corpus.synthetic``) under benchmarks/out/,
each in a fresh subprocess so that peak memory is its own: the full annotation with the cache
off (local engine: both cores once the corpus is large enough), the same on one process, and a
minimal pass over the same texts (NLTK Punkt sentence split plus VADER on every sentence,
nothing else). It prints articles/s, MB/s, peak RSS and the ratio full/minimal, and with
``--modes paired`` the full pipeline and the minimal pass alternate on blocks of 50 articles
in one process on one core (the fairest ratio on a shared machine), and with
``--dask N`` the Dask engine's throughput with one and with two local workers. With
``--incremental N`` it fills an empty Parquet store with the N articles (``update_store``,
corpus validation included), adds 1% more articles to the folder and times the update that
annotates only them: the ratio incremental/full is the figure the store is for; with
``--keep`` the grown corpus and its filled store stay under benchmarks/out/ for
``bench_run.py --sizes N --reuse`` (notebooks at N + 1% without filling a store again).
With ``--corpus DIR`` the same modes also run on an existing corpus folder. The synthetic
articles reuse the bundled articles' paragraphs, so the annotation's memoised per-sentence work
(VADER tone, stance features) is mostly looked up there, while the minimal pass computes every
sentence afresh; a folder of distinct articles (``tests/fixtures/blind``) gives the ratio on text
the process has not seen. Set SUMMIT_BENCH_OUT to keep corpora and stores elsewhere (for
instance to share them between checkouts).
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
OUT = Path(os.environ.get("SUMMIT_BENCH_OUT") or HERE / "out")

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
elif mode == "paired":
    # one core, the full pipeline and the minimal pass alternating on blocks of 50 articles,
    # so that a machine shared with others slows both alike
    from summitlib.pipeline.annotate import Pipeline
    from summitlib.text.resources import punkt, vader
    tokenizer, analyzer, pipeline = punkt(), vader(), Pipeline()
    docs = list(corpus)
    pipeline(docs[0])
    minimal = full = 0.0
    for block in range(0, len(docs), 50):
        part = docs[block : block + 50]
        tick = time.perf_counter()
        for doc in part:
            for sentence in tokenizer.tokenize(doc.raw):
                analyzer.polarity_scores(sentence)
        tock = time.perf_counter()
        for doc in part:
            pipeline(doc)
        minimal, full = minimal + tock - tick, full + time.perf_counter() - tock
    print(json.dumps({"seconds": full, "minimal": minimal, "articles": len(docs), "bytes": size,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    sys.exit(0)
elif mode == "incremental":
    import shutil
    from summitlib.pipeline.annotate import update_store
    extra, cache = Path(sys.argv[3]), Path(sys.argv[4])
    start = time.perf_counter()
    update_store(load_corpus(root), cache_dir=cache)
    full = time.perf_counter() - start
    for path in sorted((extra / "articles").iterdir()):
        if not (root / "articles" / path.name).exists():
            shutil.copy(path, root / "articles" / path.name)
    shutil.copy(extra / "metadata.csv", root / "metadata.csv")
    start = time.perf_counter()
    added = update_store(load_corpus(root), cache_dir=cache)
    incremental = time.perf_counter() - start
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"full": full, "incremental": incremental, "added": added,
                      "peak_mb": peak_kb / 1024}))
    sys.exit(0)
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


def measure(mode: str, root: Path, *extra: str) -> dict:
    """Run one measurement in a fresh interpreter and return its figures."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(root), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def incremental(n: int, keep: bool = False) -> dict:
    """Fill a fresh store with ``n`` articles, add 1% more, time both updates."""
    import shutil

    work, cache = OUT / f"incremental-{n}", OUT / f"incremental-{n}-cache"
    for folder in (work, cache):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(corpus_of(n), work)
    figures = measure("incremental", work, str(corpus_of(n + max(1, n // 100))), str(cache))
    if not keep:
        shutil.rmtree(work), shutil.rmtree(cache)
    return {
        "N": n,
        "added": figures["added"],
        "full store, s": round(figures["full"], 1),
        "incremental, s": round(figures["incremental"], 2),
        "incremental/full": round(figures["incremental"] / figures["full"], 3),
        "ms/article (full)": round(1000 * figures["full"] / n, 1),
        "peak MB (largest process)": round(figures["peak_mb"]),
    }


def row(n: int | str, mode: str, figures: dict) -> dict:
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
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000])
    parser.add_argument("--modes", nargs="+", default=["full", "single", "minimal"])
    parser.add_argument("--dask", type=int, default=0, help="also measure Dask at this N")
    parser.add_argument("--incremental", type=int, nargs="*", default=[], help="store at these N")
    parser.add_argument("--keep", action="store_true", help="keep the incremental corpus, store")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[], help="also these corpora")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    names = {
        "full": "full",
        "single": "full, 1 process",
        "minimal": "minimal",
        "paired": "full, 1 core, interleaved",
    }
    rows = []
    for n, root in [(n, corpus_of(n)) for n in args.sizes] + [(c.name, c) for c in args.corpus]:
        figures = {mode: measure(mode, root.resolve()) for mode in args.modes}
        done = [row(n, names[mode], figures[mode]) for mode in args.modes]
        if "paired" in figures:
            paired = figures["paired"]
            done[args.modes.index("paired")]["full/minimal"] = round(
                paired["minimal"] / paired["seconds"], 2
            )
        if "minimal" in figures:
            for entry, mode in zip(done, args.modes, strict=True):
                if mode not in ("minimal", "paired"):
                    entry["full/minimal"] = round(
                        figures["minimal"]["seconds"] / figures[mode]["seconds"], 2
                    )
        rows += done
        print(json.dumps(done), flush=True)
    if args.dask:
        root = corpus_of(args.dask)
        for workers in (1, 2):
            rows.append(
                row(args.dask, f"dask, {workers} worker(s)", measure(f"dask{workers}", root))
            )
            print(json.dumps(rows[-1]), flush=True)
    import pandas as pd

    if rows:
        print()
        print(pd.DataFrame(rows).to_string(index=False, na_rep=""))
    per = {
        n: r["ms/article"]
        for r in rows
        if r["mode"] == names[args.modes[0]] and (n := r["N"]) in args.sizes
    }
    if len(per) >= 2:
        a, b = sorted(per)[-2:]
        print(f"\ntime per article N={b} vs N={a}: {per[b] / per[a]:.2f}x")
    dask = {r["mode"]: r["seconds"] for r in rows if r["mode"].startswith("dask")}
    if len(dask) == 2:
        speedup = dask["dask, 1 worker(s)"] / dask["dask, 2 worker(s)"]
        print(f"dask 2 workers / 1 worker speed-up: {speedup:.2f}x")
    filled = {}
    for n in args.incremental:
        figures = incremental(n, args.keep)
        filled[n] = figures["ms/article (full)"]
        print(json.dumps(figures), flush=True)
    if len(filled) >= 2:
        a, b = sorted(filled)[-2:]
        print(f"store fill, time per article N={b} vs N={a}: {filled[b] / filled[a]:.2f}x")


if __name__ == "__main__":
    main()
