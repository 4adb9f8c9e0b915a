"""Reprints: articles that carry the same story, so that aggregates can count stories once.

A wire item travels: an agency's text is republished by aggregators and newspapers, often
under a new headline, with the site's boilerplate around it, shortened or lightly edited.
Two articles are copies of one story when most of the word 5-grams ("shingles") of the
shorter one also occur in the longer one.

Method (thresholds measured on ``tests/fixtures/reprints``, see ``benchmarks/bench_reprints.py``):

1. each article's text (as stored) is lower-cased and cut into word 5-gram shingles;
2. in publication order, datasketch's MinHash (128 permutations, fixed seed) and MinHashLSH
   at an estimated Jaccard similarity of ``CANDIDATE_JACCARD`` propose the earlier articles
   that may share text with the next one, without comparing every pair;
3. the article joins a candidate's group when the *containment* |A ∩ B| / min(|A|, |B|) of
   its shingles and those of the group's original (its earliest article) reaches
   ``CONTAINMENT``: a new headline or a boilerplate paragraph barely moves it, a story told
   in other words shares few 5-grams. An article that matches two groups joins them;
4. the earliest article of a group (publication date, then ``doc_id``) is the original: every
   article gets a ``story_id`` (the original's ``doc_id``) and a ``copy_of`` (the original's
   ``doc_id`` for copies, empty for originals and single articles).

Articles with fewer than ``MIN_SHINGLES`` shingles (a few lines) are never grouped: short
texts share stock phrases by chance. Everything is deterministic: the same texts give the
same groups.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
CANDIDATE_JACCARD = 0.2
CONTAINMENT = 0.5
MIN_SHINGLES = 20
GRAM_MULTIPLIER = np.uint64(1_000_003)
WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s")
PIECE_CHARS = 1 << 16  # characters of a long text cut into words at a time
COLUMNS = ["doc_id", "story_id", "copy_of", "similarity"]


@dataclass(frozen=True)
class Article:
    """What reprint detection needs of an article: its id, date and cleaned text."""

    doc_id: str
    published: str
    text: str


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """The lower-cased word ``size``-grams of a text, each as a stable 64-bit number."""
    ids = _word_ids(text)
    count = len(ids) - size + 1
    if count < 1:
        return frozenset()
    grams = np.zeros(count, dtype=np.uint64)
    for k in range(size):
        grams *= GRAM_MULTIPLIER  # wraps modulo 2**64
        grams += ids[k : k + count]
    return frozenset(np.unique(grams).tolist())


def _word_ids(text: str) -> np.ndarray:
    """The number of each lower-cased word of a text, read in pieces cut at white space (which
    no word spans), so that a long text is never held as one list of words."""
    parts = []
    start = 0
    while start < len(text):
        space = SPACE.search(text, start + PIECE_CHARS)
        end = space.start() if space else len(text)
        words = WORD.findall(text[start:end].casefold())
        parts.append(np.fromiter(map(_word_id, words), dtype=np.uint64, count=len(words)))
        start = end + 1
    if len(parts) == 1:
        return parts[0]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)


@lru_cache(maxsize=1 << 16)
def _word_id(word: str) -> int:
    """A word's CRC-32 (stable across processes, unlike ``hash``)."""
    return zlib.crc32(word.encode("utf-8"))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller shingle set found in the other one (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@lru_cache(maxsize=1)
def _hashing() -> tuple[object, tuple[int, int]]:
    """The seeded MinHash permutations and the LSH's (bands, rows), made once per process.

    datasketch derives (bands, rows) from the threshold by numerical integration, about 30 ms
    each time: more than the rest of the reprint search on a small corpus."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    return MinHash(num_perm=NUM_PERM, seed=SEED), (lsh.b, lsh.r)


def group_roots(sets: Sequence[frozenset[int]], threshold: float = CONTAINMENT) -> list[int]:
    """For each shingle set, the index of the earliest set of its group of copies.

    MinHash LSH proposes candidates among the earlier sets; the set joins a candidate's group
    when its containment with that group's original (its earliest set) reaches ``threshold``.
    Comparing with the original, not with every copy, keeps a chain of small edits from
    drifting into another story and costs one comparison per candidate group."""
    from datasketch import MinHash, MinHashLSH

    template, bands = _hashing()
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM, params=bands)
    parent = list(range(len(sets)))
    for i, items in enumerate(sets):
        if len(items) < MIN_SHINGLES:
            continue
        signature = MinHash(
            num_perm=NUM_PERM,
            hashfunc=_low32,
            permutations=template.permutations,
            scheme=template.scheme,
        )
        signature.update_batch(sorted(items))
        for original in sorted({_root(parent, j) for j in lsh.query(signature)}):
            if containment(sets[i], sets[original]) >= threshold:
                _join(parent, i, original)
        lsh.insert(i, signature)
    return [_root(parent, i) for i in range(len(sets))]


def find_reprints(articles: Iterable[Article], threshold: float = CONTAINMENT) -> pd.DataFrame:
    """One row per article: ``doc_id``, ``story_id``, ``copy_of`` and its ``similarity``.

    ``similarity`` is the containment between a copy and its original (1.0 for originals).
    Rows follow the publication order of the articles."""
    ordered = sorted(articles, key=lambda a: (a.published, a.doc_id))
    sets = [shingles(a.text) for a in ordered]
    rows = []
    for i, (article, first) in enumerate(zip(ordered, group_roots(sets, threshold), strict=True)):
        original = ordered[first].doc_id
        rows.append(
            {
                "doc_id": article.doc_id,
                "story_id": original,
                "copy_of": "" if first == i else original,
                "similarity": 1.0 if first == i else round(containment(sets[i], sets[first]), 4),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def reprint_groups(stories: pd.DataFrame) -> pd.DataFrame:
    """The stories with more than one copy: ``story_id``, ``n_copies`` and the ``doc_ids``."""
    sizes = stories.groupby("story_id", sort=False)["doc_id"].agg(list)
    groups = sizes[sizes.map(len) > 1]
    return pd.DataFrame(
        {
            "story_id": groups.index,
            "n_copies": groups.map(len).to_numpy(),
            "doc_ids": groups.map(", ".join).to_numpy(),
        }
    )


def describe_groups(stories: pd.DataFrame) -> str:
    """The reprint groups as text: each story, its original and its copies with similarity."""
    groups = reprint_groups(stories)
    n_stories = stories["story_id"].nunique()
    head = f"{len(stories)} articles tell {n_stories} stories"
    if groups.empty:
        return head + "; no reprints found."
    n_copies = int((stories["copy_of"] != "").sum())
    lines = [
        f"{head}; {_count(len(groups), 'story was', 'stories were')} reprinted "
        f"({_count(n_copies, 'copy', 'copies')}):"
    ]
    for story_id, rows in stories[stories["story_id"].isin(groups["story_id"])].groupby(
        "story_id", sort=False
    ):
        copies = [f"{r.doc_id} ({r.similarity:.2f})" for r in rows.itertuples() if r.copy_of]
        lines.append(f"  {story_id} <- {', '.join(copies)}")
    return "\n".join(lines)


def _count(n: int, one: str, many: str) -> str:
    """``n`` with the singular or plural wording."""
    return f"{n} {one if n == 1 else many}"


def corpus_articles(documents: Iterable) -> list[Article]:
    """The reprint view of corpus documents (``summitlib.corpus.reader.Document``): the text
    as stored (cleaning is not needed for shingles and would double the cost of a cached run)."""
    return [Article(d.doc_id, d.published.isoformat(), d.raw) for d in documents]


def _low32(value: int) -> int:
    """The low 32 bits of a shingle number: the hash MinHash permutes."""
    return value & 0xFFFFFFFF


def _root(parent: list[int], i: int) -> int:
    """The representative of ``i``'s group (the earliest article, since roots are minimal)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _join(parent: list[int], i: int, j: int) -> None:
    """Merge the groups of ``i`` and ``j``, keeping the smaller index (earlier article) as root."""
    a, b = _root(parent, i), _root(parent, j)
    parent[max(a, b)] = min(a, b)
