"""Synthetic corpora for benchmarks: N valid articles recombined from a source corpus.

Each synthetic article takes the paragraphs of one source article, shuffles its body
paragraphs and splices in a paragraph from another source article, so that texts differ
(no two articles share a cache entry); it gets a new ``doc_id`` and a publication date
shifted from its source's. The same ``n`` and ``seed`` always give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
from pathlib import Path

from summitlib.corpus.reader import load_corpus


def make_synthetic_corpus(source: Path, target: Path, n: int, seed: int = 0) -> Path:
    """Write a corpus of ``n`` recombined articles into ``target`` (which must not exist)."""
    corpus = load_corpus(source)
    docs = list(corpus)
    paragraphs = {d.doc_id: [p for p in d.raw.split("\n") if p.strip()] for d in docs}
    rng = random.Random(seed)
    (target / "articles").mkdir(parents=True)
    rows = []
    for i in range(n):
        base = docs[i % len(docs)]
        donor = docs[(i * 7 + 3) % len(docs)]
        text = _recombine(paragraphs[base.doc_id], paragraphs[donor.doc_id], rng)
        name = f"synthetic-{i:06d}.txt"
        (target / "articles" / name).write_text(text, encoding="utf-8")
        published = base.published + dt.timedelta(days=i % 365)
        rows.append(_metadata_row(base.meta, name, f"{published}-syn-{i:06d}", published))
    _write_metadata(target / "metadata.csv", rows)
    if (Path(source) / "summits.csv").exists():
        shutil.copy(Path(source) / "summits.csv", target / "summits.csv")
    return target


def _recombine(own: list[str], donor: list[str], rng: random.Random) -> str:
    """Headline first, shuffled body, one donor paragraph spliced in."""
    head, body = own[:1], own[1:]
    body = body[:]
    rng.shuffle(body)
    body.insert(rng.randrange(len(body) + 1), rng.choice(donor))
    return "\n\n".join(head + body) + "\n"


def _metadata_row(meta: dict[str, str], name: str, doc_id: str, published: dt.date) -> dict:
    """The metadata row of a synthetic article, carrying its source's other columns."""
    return {**meta, "file": name, "doc_id": doc_id, "published": published.isoformat()}


def _write_metadata(path: Path, rows: list[dict]) -> None:
    """Write metadata.csv with the union of the rows' columns, ``file`` first."""
    columns = ["file", "doc_id", "published"]
    columns += sorted({k for row in rows for k in row} - set(columns))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
