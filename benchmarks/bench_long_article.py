"""Time and peak memory of annotating ONE long article, for growing lengths.

    .venv/bin/python benchmarks/bench_long_article.py [--mb 1 2 4 8 20]

Each size is a single article made by repeating the bundled articles' paragraphs (in a fixed
order) up to the size, annotated in a fresh subprocess with the cache off, so that the peak
resident memory is its own. It prints seconds, MB/s, peak RSS and peak RSS / text size; linear
behaviour shows as a constant MB/s and a constant (small) memory ratio.
"""

from __future__ import annotations

import argparse
import json
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
corpus = load_corpus(Path(sys.argv[1]))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
tables = annotate(corpus, cache=False)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kb": peak, "base_kb": base,
                  "sentences": len(tables.sentences)}))
"""


def long_corpus(target: Path, megabytes: float) -> Path:
    """A corpus of one article of about ``megabytes`` MB built from the bundled paragraphs."""
    from summitlib import load_corpus

    paragraphs = [p for d in load_corpus(ROOT / "corpus") for p in d.raw.split("\n") if p.strip()]
    wanted, parts, size, i = int(megabytes * 1_000_000), [], 0, 0
    while size < wanted:
        parts.append(paragraphs[i % len(paragraphs)])
        size += len(parts[-1].encode("utf-8")) + 1
        i += 1
    (target / "articles").mkdir(parents=True, exist_ok=True)
    (target / "articles" / "long.txt").write_text("\n".join(parts) + "\n", encoding="utf-8")
    (target / "metadata.csv").write_text("file,published\nlong.txt,2021-09-10\n", "utf-8")
    return target


def main() -> None:
    """Build each size, annotate it in a subprocess, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    print("| MB | seconds | MB/s | peak RSS (MB) | peak above start / text |")
    print("|---|---|---|---|---|")
    for megabytes in args.mb:
        root = long_corpus(OUT / f"long-{megabytes:g}mb", megabytes)
        text = (root / "articles" / "long.txt").stat().st_size
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(root)], capture_output=True, text=True, check=True
        )
        facts = json.loads(done.stdout.strip().splitlines()[-1])
        grown = (facts["peak_kb"] - facts["base_kb"]) * 1024
        print(
            f"| {text / 1e6:.1f} | {facts['seconds']:.1f} | {text / 1e6 / facts['seconds']:.3f} "
            f"| {facts['peak_kb'] / 1024:.0f} | {grown / text:.1f} |"
        )


if __name__ == "__main__":
    main()
