"""Reprint detection: precision and recall on the hand-made test set, and speed on N articles.

    .venv/bin/python benchmarks/bench_reprints.py [--sizes 500 5000]

Prints pairwise precision/recall on ``tests/fixtures/reprints`` for a range of containment
thresholds (the shipped one is marked), the containment of every hand-labelled pair by
relation, then the time to group N synthetic articles (recombined from the bundled corpus,
so every fifth one shares paragraphs: large groups, the worst case for verification).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pandas as pd

from summitlib.corpus.reader import load_corpus
from summitlib.corpus.reprints import (
    CONTAINMENT,
    containment,
    corpus_articles,
    find_reprints,
    shingles,
)
from summitlib.corpus.synthetic import make_synthetic_corpus
from summitlib.evaluation.reprints import pair_scores
from summitlib.paths import default_corpus_dir

ROOT = Path(__file__).resolve().parent.parent
TESTSET = ROOT / "tests" / "fixtures" / "reprints"


def accuracy() -> None:
    """Precision and recall over all pairs of the test set, per threshold."""
    corpus = load_corpus(TESTSET)
    articles = corpus_articles(corpus)
    truth = corpus.documents.set_index("doc_id")["story"]
    print(f"test set: {len(articles)} articles, {truth.nunique()} stories")
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        scores = pair_scores(find_reprints(articles, threshold), truth)
        mark = "  <- shipped" if threshold == CONTAINMENT else ""
        print(f"  containment >= {threshold:.1f}: {scores}{mark}")
    sets = {a.doc_id: shingles(a.text) for a in articles}
    pairs = pd.read_csv(TESTSET / "pairs.csv")
    pairs["containment"] = [
        containment(sets[a], sets[b]) for a, b in zip(pairs.a, pairs.b, strict=True)
    ]
    summary = pairs.groupby("relation")["containment"].agg(["count", "min", "max"])
    print("containment of the hand-labelled pairs:")
    print(summary.round(3).to_string())


def speed(sizes: list[int]) -> None:
    """Seconds to group N synthetic articles (cleaning, shingles, LSH, verification)."""
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = load_corpus(make_synthetic_corpus(default_corpus_dir(), Path(tmp) / "c", n))
            start = time.perf_counter()
            articles = corpus_articles(corpus)
            cleaned = time.perf_counter()
            stories = find_reprints(articles)
            done = time.perf_counter()
        print(
            f"N = {n}: {done - start:.2f} s ({n / (done - start):.0f} art/s; cleaning "
            f"{cleaned - start:.2f} s, grouping {done - cleaned:.2f} s), "
            f"{stories['story_id'].nunique()} stories"
        )


def main() -> None:
    """Run both parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000])
    args = parser.parse_args()
    accuracy()
    speed(args.sizes)


if __name__ == "__main__":
    main()
