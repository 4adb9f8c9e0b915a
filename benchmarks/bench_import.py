"""Import speed: a 50,000-row CSV export through ``summit import table``, then a second import.

    .venv/bin/python benchmarks/bench_import.py [--rows 50000]

The export is made from the bundled articles (one paragraph each, with a row number so
every text and URL differs; semicolons, day-first dates, HTML in every tenth cell) under
benchmarks/out/. It prints rows per second for the first import into an empty folder and
for the second one (every article already there), and the peak memory.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import resource
import shutil
import time
from pathlib import Path

from summitlib.cli import main as summit
from summitlib.corpus.reader import load_corpus

OUT = Path(__file__).resolve().parent / "out" / "import"


def make_export(path: Path, rows: int) -> Path:
    """A semicolon-separated export of ``rows`` paragraphs of the bundled corpus."""
    paragraphs = [p for d in load_corpus() for p in d.raw.split("\n") if len(p.split()) >= 20]
    start = dt.date(2019, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Date", "Headline", "Text", "Source", "Link"])
        for i in range(rows):
            text = f"{paragraphs[i % len(paragraphs)]} (item {i})"
            if i % 10 == 0:
                text = f"<p>{text}</p><p>Read more on the site.</p>"
            day = start + dt.timedelta(days=i % 1500)
            writer.writerow(
                [
                    day.strftime("%d.%m.%Y"),
                    f"Item {i}",
                    text,
                    f"outlet-{i % 40}",
                    f"https://example.org/{i}",
                ]
            )
    return path


def timed_import(export: Path, corpus: Path) -> float:
    """Seconds for one ``summit import table`` run (its report goes to a log file)."""
    import contextlib
    import io

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        status = summit(["import", "table", str(export), "--out", str(corpus)])
    assert status == 0
    return time.perf_counter() - start


def main() -> None:
    """Build the export, import it twice, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    export = make_export(OUT / "export.csv", args.rows)
    size = export.stat().st_size / 1e6
    corpus = OUT / "corpus"
    first = timed_import(export, corpus)
    second = timed_import(export, corpus)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"export: {args.rows} rows, {size:.1f} MB")
    print(f"first import: {first:.1f} s ({args.rows / first:.0f} rows/s)")
    print(f"second import (all already there): {second:.1f} s ({args.rows / second:.0f} rows/s)")
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
