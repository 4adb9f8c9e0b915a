"""Speakers and issues: quote stance, joint speakers split, the speaker-by-issue matrix."""

from __future__ import annotations

import math

import pandas as pd

from summitlib.analysis.lexicons import ISSUES
from summitlib.evaluation.metrics import surname
from summitlib.joint import split_values

PAIR_CHUNK = 20000

__all__ = [
    "ISSUES",
    "issue_matrix",
    "issues_of",
    "quote_stance",
    "select_speakers",
    "split_speakers",
]


def issues_of(text: str) -> list[str]:
    """The issues (keys of :data:`ISSUES`) whose keywords occur in ``text``."""
    lowered = str(text).lower()
    return [issue for issue, words in ISSUES.items() if any(w in lowered for w in words)]


def quote_stance(quotes: pd.DataFrame, stance: pd.DataFrame) -> pd.Series:
    """Each quote's stance: the score of the stance sentence overlapping it most (NaN if none).

    Quotes and stance sentences are joined per article in chunks of quotes, so the work is
    linear in the number of pairs that share an article, never all quotes by all sentences.
    """
    found = pd.Series(math.nan, index=quotes.index, dtype=float)
    if quotes.empty or stance.empty:
        return found
    sentences = stance[["doc_id", "start", "end", "score"]].reset_index(drop=True)
    sentences["order"] = sentences.index
    left = quotes[["doc_id", "start", "end"]].assign(quote=range(len(quotes)))
    for first in range(0, len(left), PAIR_CHUNK):
        pairs = left.iloc[first : first + PAIR_CHUNK].merge(sentences, on="doc_id")
        shared = pairs[["end_x", "end_y"]].min(axis=1) - pairs[["start_x", "start_y"]].max(axis=1)
        pairs = pairs.assign(shared=shared)[shared > 0]
        best = pairs.sort_values(["quote", "shared", "order"], ascending=[True, False, True])
        best = best.drop_duplicates("quote")
        found.iloc[best["quote"].to_numpy()] = best["score"].astype(float).to_numpy()
    return found


def split_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per (quote, speaker): joint speakers ``A|B`` are split, unknown ones dropped."""
    if quotes.empty:
        return quotes.assign(speaker=pd.Series(dtype=object))
    table = quotes.assign(speaker=quotes["speaker"].map(split_values)).explode("speaker")
    return table[table["speaker"].notna()].reset_index(drop=True)


def select_speakers(
    quotes: pd.DataFrame, speakers: list[str] | None
) -> tuple[pd.DataFrame, list[str]]:
    """Quotes split by speaker, kept for ``speakers`` (by surname), and names with no quote."""
    said = split_speakers(quotes)
    if speakers is None:
        return said, []
    wanted = {surname(name) for name in speakers}
    said = said[said["speaker"].map(surname).isin(wanted)]
    found = set(said["speaker"].map(surname))
    return said, [name for name in speakers if surname(name) not in found]


def issue_matrix(quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Speaker-by-issue mean stance (quotes with no stance count 0) and quotes per cell."""
    issues = list(ISSUES)
    speakers = sorted(set(quotes["speaker"])) if len(quotes) else []
    lowered = quotes["text"].astype(str).str.lower() if len(quotes) else pd.Series(dtype=str)
    hits = pd.DataFrame(
        {i: lowered.map(lambda t, w=ISSUES[i]: any(x in t for x in w)) for i in issues},
        index=quotes.index,
        columns=issues,
    ).astype(bool)
    stance = quotes["quote_stance"].fillna(0.0) if len(quotes) else pd.Series(dtype=float)
    by_speaker = quotes["speaker"] if len(quotes) else pd.Series(dtype=str)
    counts = hits.astype(int).groupby(by_speaker).sum().reindex(speakers, fill_value=0)
    sums = hits.mul(stance, axis=0).groupby(by_speaker).sum().reindex(speakers, fill_value=0)
    means = (sums / counts.where(counts > 0)).astype(float)
    means.index.name = counts.index.name = "speaker"
    return means, counts.astype(int)
