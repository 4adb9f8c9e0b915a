"""One huge article: annotation time and peak memory against its size (linear or not).

    .venv/bin/python benchmarks/bench_huge.py [--line-mb 0.5 1 2] [--file-mb 5 10 20]

Each article is made from the bundled corpus's paragraphs, repeated until it has the size
asked for: ``--line-mb`` sizes as one single line (no newline at all), ``--file-mb`` sizes as
an ordinary file of paragraphs. Each is annotated in a fresh interpreter (the full pipeline,
no store). For each the script prints the seconds of ``annotate`` and seconds per MB; the
interpreter's memory once summitlib is imported (``start MB``) and at its peak (validating
the corpus, then annotating); and the growth from one to the other per byte of text
(``B/byte``, which includes loading the models, a constant). Last, the growth of seconds per
MB from the smallest to the largest size of each kind (1.0 = linear).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from summitlib import annotate, load_corpus
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
corpus = load_corpus(Path(sys.argv[1]))
start = time.perf_counter()
tables = annotate(corpus, cache=False, workers=1)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
figures = {"seconds": seconds, "start_mb": before, "peak_mb": peak}
print(json.dumps(figures | {"sentences": len(tables.sentences)}))
"""


def paragraphs() -> list[str]:
    """The paragraphs of the bundled articles, in order."""
    texts = sorted((ROOT / "corpus" / "articles").glob("*.txt"))
    return [p for t in texts for p in t.read_text(encoding="utf-8").split("\n") if p.strip()]


def article(megabytes: float, one_line: bool) -> str:
    """Paragraphs repeated up to the size asked for, on one line or as paragraphs."""
    joiner = " " if one_line else "\n\n"
    target, parts, size, source = int(megabytes * 2**20), [], 0, paragraphs()
    while size < target:
        piece = source[len(parts) % len(source)]
        parts.append(piece)
        size += len(piece.encode()) + len(joiner)
    return joiner.join(parts) + ("" if one_line else "\n")


def measure(megabytes: float, one_line: bool) -> dict:
    """Annotate one article of this size in a fresh interpreter; its figures."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        (root / "articles").mkdir(parents=True)
        (root / "articles" / "huge.txt").write_text(article(megabytes, one_line), encoding="utf-8")
        (root / "metadata.csv").write_text(
            "file,doc_id,published\nhuge.txt,huge,2021-02-22\n", encoding="utf-8"
        )
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(root)], capture_output=True, text=True, check=True
        )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "kind": "one line" if one_line else "paragraphs",
        "MB": megabytes,
        "seconds": round(figures["seconds"], 1),
        "s/MB": round(figures["seconds"] / megabytes, 2),
        "start MB": round(figures["start_mb"]),
        "peak MB": round(figures["peak_mb"]),
        "B/byte": round((figures["peak_mb"] - figures["start_mb"]) / megabytes, 1),
        "sentences": figures["sentences"],
    }


def main() -> None:
    """Measure every size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--line-mb", type=float, nargs="*", default=[0.5, 1, 2])
    parser.add_argument("--file-mb", type=float, nargs="*", default=[5, 10, 20])
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    rows = []
    for sizes, one_line in ((args.line_mb, True), (args.file_mb, False)):
        found = []
        for megabytes in sizes:
            found.append(measure(megabytes, one_line))
            print(json.dumps(found[-1]), flush=True)
        if len(found) >= 2:
            growth = found[-1]["s/MB"] / found[0]["s/MB"]
            print(f"{found[0]['kind']}: s/MB at {sizes[-1]} MB / at {sizes[0]} MB = {growth:.2f}")
        rows += found
    import pandas as pd

    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
