"""Statistics of stance: bootstrap means, effective labels, group means, tone against stance."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from summitlib.analysis.groups import with_column
from summitlib.analysis.params import GROUPINGS
from summitlib.analysis.textviews import term_pattern

MAX_LEVELS = 16
CHUNK = 2048


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


def bootstrap_groups(
    values: pd.Series, groups: pd.Series, n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> pd.DataFrame:
    """Per group (sorted): mean and percentile bootstrap interval, all groups at once.

    Values from a small set (stance labels -1/0/+1) are resampled as multinomial counts: a
    resample of a group is its counts per value redrawn, so groups with the same counts share
    one set of draws and the cost does not grow with the number of sentences or articles.
    Other values fall back to resampling each group (:func:`bootstrap_mean`).
    """
    data = pd.DataFrame({"group": groups.to_numpy(), "value": np.asarray(values, dtype=float)})
    columns = ["mean", "ci_low", "ci_high"]
    if data.empty:
        return pd.DataFrame(columns=columns, dtype=float)
    levels = np.unique(data["value"])
    if len(levels) > MAX_LEVELS:
        found = {
            g: bootstrap_mean(p["value"], n_boot, seed, level) for g, p in data.groupby("group")
        }
        return pd.DataFrame.from_dict(found, orient="index", columns=columns)
    codes, names = pd.factorize(data["group"], sort=True)
    cells = codes * len(levels) + np.searchsorted(levels, data["value"].to_numpy())
    counts = np.bincount(cells, minlength=len(names) * len(levels)).reshape(-1, len(levels))
    signatures, inverse = np.unique(counts, axis=0, return_inverse=True)
    low, high = multinomial_intervals(signatures, levels, n_boot, seed, level)
    inverse = inverse.reshape(-1)
    table = {"mean": counts @ levels / counts.sum(axis=1), "ci_low": low[inverse]}
    return pd.DataFrame({**table, "ci_high": high[inverse]}, index=pd.Index(names))


def multinomial_intervals(
    counts: np.ndarray, levels: np.ndarray, n_boot: int, seed: int, level: float
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval of the resampled mean for each row of counts per value."""
    rng = np.random.default_rng(seed)
    tail = (1 - level) / 2 * 100
    low, high = np.empty(len(counts)), np.empty(len(counts))
    for start in range(0, len(counts), CHUNK):
        part = counts[start : start + CHUNK].astype(float)
        n = part.sum(axis=1)
        left = np.broadcast_to(n, (n_boot, len(part))).astype(np.int64)
        rest = n.copy()
        total = np.zeros((n_boot, len(part)))
        for k in range(len(levels) - 1):  # a multinomial draw as one binomial per value
            share = np.divide(part[:, k], rest, out=np.zeros(len(part)), where=rest > 0)
            drawn = rng.binomial(left, np.clip(share, 0.0, 1.0))
            total += drawn * levels[k]
            left = left - drawn
            rest = rest - part[:, k]
        total += left * levels[-1]
        low[start : start + CHUNK], high[start : start + CHUNK] = np.percentile(
            total / n, [tail, 100 - tail], axis=0
        )
    return low, high


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
    columns = ["group", "first_published", "n_sentences", "n_articles", "mean_stance"]
    columns += ["ci_low", "ci_high", "share_for", "share_against"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    by_group = table.assign(pos=table["label"] > 0, neg=table["label"] < 0).groupby("group")
    result = by_group.agg(
        first_published=("published", "min"),
        n_sentences=("label", "size"),
        n_articles=("doc_id", "nunique"),
        share_for=("pos", "mean"),
        share_against=("neg", "mean"),
    )
    intervals = bootstrap_groups(table["label"], table["group"])
    result = result.join(intervals.rename(columns={"mean": "mean_stance"}))
    result["first_published"] = result["first_published"].astype(str)
    result = result.rename_axis("group").reset_index()[columns]
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
        found = bootstrap_groups(part["label"], pd.Series([term] * len(part)))
        mean, low, high = found.iloc[0] if len(found) else (math.nan, math.nan, math.nan)
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
