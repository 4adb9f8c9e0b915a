"""Statistics of stance: bootstrap means, effective labels, group means, tone against stance."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from summitlib.analysis.groups import with_column
from summitlib.analysis.params import GROUPINGS
from summitlib.analysis.textviews import term_pattern


def bootstrap_mean(
    values: Iterable[float], n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float, float]:
    """Mean and a percentile bootstrap interval; NaNs for no values, a point for one value."""
    data = np.asarray([float(v) for v in values], dtype=float)
    if data.size == 0:
        return math.nan, math.nan, math.nan
    mean = float(data.mean())
    if data.size == 1:
        return mean, mean, mean
    rng = np.random.default_rng(seed)
    means = rng.choice(data, size=(n_boot, data.size), replace=True).mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return mean, float(low), float(high)


def effective_stance(stance: pd.DataFrame, threshold: float) -> pd.Series:
    """Each sentence's stance, set to 0 where ``|score|`` does not exceed ``threshold``."""
    if stance.empty:
        return pd.Series([], dtype=int)
    labels = pd.to_numeric(stance["stance"], errors="coerce").fillna(0).astype(int)
    scores = pd.to_numeric(stance["score"], errors="coerce").fillna(0.0)
    return labels.where(scores.abs() > threshold, 0)


def group_stance(
    stance: pd.DataFrame, documents: pd.DataFrame, group_by: str, threshold: float = 0.0
) -> pd.DataFrame:
    """Mean sentence stance per group with a bootstrap interval over sentences and n."""
    column = GROUPINGS[group_by]
    docs = documents.assign(group=with_column(documents, column), published=documents["published"])
    table = stance.assign(label=effective_stance(stance, threshold)).merge(
        docs[["doc_id", "group", "published"]], on="doc_id", how="left"
    )
    rows = []
    for group, part in table.groupby("group", sort=True):
        mean, low, high = bootstrap_mean(part["label"])
        rows.append(
            {
                "group": group,
                "first_published": str(part["published"].min()),
                "n_sentences": len(part),
                "n_articles": part["doc_id"].nunique(),
                "mean_stance": mean,
                "ci_low": low,
                "ci_high": high,
                "share_for": float((part["label"] > 0).mean()),
                "share_against": float((part["label"] < 0).mean()),
            }
        )
    columns = ["group", "first_published", "n_sentences", "n_articles", "mean_stance"]
    columns += ["ci_low", "ci_high", "share_for", "share_against"]
    result = pd.DataFrame(rows, columns=columns)
    return result.sort_values(["first_published", "group"]).reset_index(drop=True)


def tone_sign(tone: float, neutral: float = 0.05) -> int:
    """VADER's usual reading of a compound score: positive, negative or neutral (±0.05)."""
    return 1 if tone >= neutral else -1 if tone <= -neutral else 0


def sign_confusion(stance: pd.DataFrame) -> pd.DataFrame:
    """Counts of sign(tone) (rows) against targeted stance (columns), all labels shown."""
    labels = [-1, 0, 1]
    tones = stance["tone"].astype(float).map(tone_sign) if len(stance) else pd.Series(dtype=int)
    stances = stance["stance"].astype(int) if len(stance) else pd.Series(dtype=int)
    table = pd.crosstab(
        pd.Categorical(tones, categories=labels),
        pd.Categorical(stances, categories=labels),
        dropna=False,
    )
    table.index.name, table.columns.name = "sign of tone", "stance"
    return table


def stance_sentences(stance: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """The stance table with numeric columns and ``label``, the effective stance."""
    table = stance.copy()
    table["stance"] = pd.to_numeric(table["stance"]).astype(int)
    table["score"] = pd.to_numeric(table["score"]).astype(float)
    table["tone"] = pd.to_numeric(table["tone"]).astype(float)
    table["label"] = effective_stance(table, threshold)
    return table


def term_stance(stance: pd.DataFrame, terms: Iterable[str]) -> pd.DataFrame:
    """Per term: the sentences and articles that contain it and their mean label with interval."""
    rows = []
    for term in terms:
        part = stance[stance["text"].str.contains(term_pattern(term), regex=True)]
        mean, low, high = bootstrap_mean(part["label"])
        rows.append(
            {
                "term": term,
                "n_sentences": len(part),
                "n_articles": part["doc_id"].nunique(),
                "mean_stance": mean,
                "ci_low": low,
                "ci_high": high,
            }
        )
    return pd.DataFrame(rows)
