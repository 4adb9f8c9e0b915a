"""Grouping helpers: metadata columns with a visible fill, and top-N cuts that count the rest."""

from __future__ import annotations

import pandas as pd

UNKNOWN = "(unknown)"


def with_column(table: pd.DataFrame, column: str, fill: str = UNKNOWN) -> pd.Series:
    """A text column of ``table``, or ``fill`` where it is missing or empty."""
    if column not in table.columns:
        return pd.Series([fill] * len(table), index=table.index, dtype=object)
    values = table[column].astype(object).where(table[column].notna(), "")
    return values.map(lambda v: str(v).strip() or fill)


def top_n(counts: pd.Series, n: int) -> tuple[pd.Series, int]:
    """The ``n`` largest counts (ties by label) and how many labels were left out."""
    if counts.empty:
        return counts, 0
    frame = counts.rename("n").reset_index()
    frame.columns = ["label", "n"]
    frame = frame.sort_values(["n", "label"], ascending=[False, True])
    shown = frame.head(n)
    return pd.Series(shown["n"].to_numpy(), index=shown["label"], name=counts.name), len(
        frame
    ) - len(shown)
