"""Speakers and issues: quote stance, joint speakers split, the speaker-by-issue matrix."""

from __future__ import annotations

import math

import pandas as pd

from summitlib.analysis.lexicons import ISSUES
from summitlib.evaluation.metrics import surname
from summitlib.joint import split_values

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
    """Each quote's stance: the score of the stance sentence overlapping it most (NaN if none)."""
    by_doc = {doc: part for doc, part in stance.groupby("doc_id")} if len(stance) else {}
    values = []
    for q in quotes.itertuples():
        part = by_doc.get(q.doc_id)
        best, best_overlap = math.nan, 0
        if part is not None:
            for s in part.itertuples():
                shared = min(q.end, s.end) - max(q.start, s.start)
                if shared > best_overlap:
                    best, best_overlap = float(s.score), shared
        values.append(best)
    return pd.Series(values, index=quotes.index, dtype=float)


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
    means = pd.DataFrame(math.nan, index=speakers, columns=issues)
    counts = pd.DataFrame(0, index=speakers, columns=issues)
    for q in quotes.itertuples():
        for issue in issues_of(q.text):
            counts.loc[q.speaker, issue] += 1
    for speaker in speakers:
        said = quotes[quotes["speaker"] == speaker]
        for issue in issues:
            mask = said["text"].map(lambda t, i=issue: i in issues_of(t))
            if mask.any():
                means.loc[speaker, issue] = said.loc[mask, "quote_stance"].fillna(0.0).mean()
    means.index.name = counts.index.name = "speaker"
    return means, counts
