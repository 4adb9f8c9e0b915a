"""Reprint detection scored against hand-labelled stories: precision and recall over pairs."""

from __future__ import annotations

from itertools import combinations

import pandas as pd


def same_story_pairs(story_of: pd.Series) -> set[tuple[str, str]]:
    """The unordered pairs of doc_ids (sorted) that share a story, from doc_id → story."""
    pairs = set()
    for _, members in story_of.groupby(story_of, sort=True):
        pairs.update(combinations(sorted(members.index), 2))
    return pairs


def pair_scores(found: pd.DataFrame, truth: pd.Series) -> dict[str, float | int]:
    """Pairwise precision, recall and F1 of ``found`` (doc_id, story_id) against ``truth``."""
    predicted = same_story_pairs(found.set_index("doc_id")["story_id"])
    expected = same_story_pairs(truth)
    hits = len(predicted & expected)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pairs_true": len(expected),
        "pairs_found": len(predicted),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }
