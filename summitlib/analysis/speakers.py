"""Speakers and issues: quote positions, joint speakers split, the speaker-by-issue matrix."""

from __future__ import annotations

import pandas as pd

from summitlib.analysis.lexicons import ISSUES
from summitlib.evaluation.metrics import surname
from summitlib.joint import SEPARATOR, split_values
from summitlib.pipeline.tables import Tables

__all__ = [
    "ISSUES",
    "issue_matrix",
    "issues_of",
    "quote_position",
    "select_speakers",
    "split_speakers",
]


def issues_of(text: str) -> list[str]:
    """The issues (keys of :data:`ISSUES`) whose keywords occur in ``text``."""
    lowered = str(text).lower()
    return [issue for issue, words in ISSUES.items() if any(w in lowered for w in words)]


def quote_position(quotes: pd.DataFrame, tables: Tables) -> pd.Series:
    """Each quote's stance on the codebook's -2..+2 scale, as the annotation scored it (the
    speaker score of the quote alone, with the pipeline's stance model; a speaker's position
    in an article is the same score over all their quotes there, ``positions``)."""
    key = ["doc_id", "start", "end"]
    scored = tables["_quote_positions"] if "_quote_positions" in tables.extra else None
    if scored is None or "position" not in scored.columns or quotes.empty:
        return pd.Series(float("nan"), index=quotes.index, dtype=float)
    merged = quotes[key].merge(scored[[*key, "position"]].drop_duplicates(key), on=key, how="left")
    return pd.Series(merged["position"].to_numpy(dtype=float), index=quotes.index)


def split_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per (quote, speaker): joint speakers ``A|B`` (and roles) split, unknown dropped."""
    if quotes.empty:
        return quotes.assign(speaker=pd.Series(dtype=object))
    pairs = [_pairs(s, r) for s, r in zip(quotes["speaker"], quotes["role"], strict=True)]
    table = quotes.assign(pair=pairs).explode("pair")
    table = table[table["pair"].notna()]
    table["speaker"] = table["pair"].str[0]
    table["role"] = table["pair"].str[1]
    table = table.drop(columns="pair")
    return table[table["speaker"] != ""].reset_index(drop=True)


def _pairs(speaker: object, role: object) -> list[tuple[str, str]]:
    """(speaker, role) for each name of ``A|B``; the roles split alike when they match up."""
    names = split_values(speaker)
    roles = [r.strip() for r in role.split(SEPARATOR)] if isinstance(role, str) else [""]
    if len(roles) != len(names):
        roles = [roles[0] if len(names) == 1 else ""] * len(names)
    return [(n, r) for n, r in zip(names, roles, strict=True) if n]


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
    """Speaker-by-issue mean quote position (-2..+2) and the number of quotes in each cell."""
    issues = list(ISSUES)
    speakers = sorted(set(quotes["speaker"])) if len(quotes) else []
    found = quotes["text"].map(issues_of) if len(quotes) else pd.Series(dtype=object)
    hits = pd.DataFrame(
        {i: found.map(lambda f, i=i: i in f) for i in issues}, index=quotes.index, columns=issues
    ).astype(bool)
    position = quotes["position"] if len(quotes) else pd.Series(dtype=float)
    by_speaker = quotes["speaker"] if len(quotes) else pd.Series(dtype=str)
    counts = hits.astype(int).groupby(by_speaker).sum().reindex(speakers, fill_value=0)
    scored = hits.mul(position.notna(), axis=0).astype(int)
    scored = scored.groupby(by_speaker).sum().reindex(speakers, fill_value=0)
    sums = hits.mul(position.fillna(0.0), axis=0).groupby(by_speaker).sum()
    sums = sums.reindex(speakers, fill_value=0.0)
    means = (sums / scored.where(scored > 0)).astype(float)
    means.index.name = counts.index.name = "speaker"
    return means, counts.astype(int)
