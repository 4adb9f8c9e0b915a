"""Counting stories, not copies: reprint groups for the overview, one vote per story for
aggregates (``count_by = "story"``), or every copy (``count_by = "article"``).

A story's vote is its original's (the earliest copy, see :mod:`summitlib.corpus.reprints`):
the rows of copies are left out, so a wire item reprinted by twenty sites counts once.
"""

from __future__ import annotations

import pandas as pd

from summitlib.analysis.groups import with_column

COUNTINGS = ("story", "article")


def copies(docs: pd.DataFrame) -> set[str]:
    """The doc_ids of articles that are copies of an earlier article."""
    copy_of = with_column(docs, "copy_of", "").fillna("").astype(str)
    return set(docs.loc[copy_of != "", "doc_id"])


def per_story(rows: pd.DataFrame, docs: pd.DataFrame, count_by: str) -> pd.DataFrame:
    """``rows`` (any table with doc_id) without the copies' rows when counting by story."""
    if count_by == "article":
        return rows
    return rows[~rows["doc_id"].isin(copies(docs))].reset_index(drop=True)


def counting_note(docs: pd.DataFrame, count_by: str) -> str:
    """One markdown line saying how this notebook counts and what that leaves out."""
    n_copies = len(copies(docs))
    n_stories = len(docs) - n_copies
    if count_by == "article":
        return (
            f"*Counting every article: {len(docs)} articles, of which {n_copies} are reprints of "
            f'another article ({n_stories} stories); `count_by = "story"` counts each once.*'
        )
    return (
        f"*Counting one vote per story: {n_stories} stories from {len(docs)} articles; "
        f'the {n_copies} reprints are left out (`count_by = "article"` counts every copy).*'
    )


def reprint_table(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per story with more than one copy: original, date, copies and their outlets."""
    story = with_column(docs, "story_id", "").fillna("").astype(str)
    outlets = with_column(docs, "outlet", "").fillna("").astype(str)
    frame = pd.DataFrame(
        {"story_id": story, "doc_id": docs["doc_id"], "published": docs["published"]}
    ).assign(outlet=outlets)
    sizes = frame.groupby("story_id", sort=False)["doc_id"].transform("size")
    grouped = frame[sizes > 1].groupby("story_id", sort=False)
    return pd.DataFrame(
        {
            "original": grouped["story_id"].first(),
            "first published": grouped["published"].min(),
            "copies": grouped["doc_id"].size(),
            "outlets": grouped["outlet"].agg(lambda s: ", ".join(sorted(set(s) - {""}))),
        }
    ).reset_index(drop=True)
