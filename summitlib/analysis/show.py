"""Showing things in a notebook: markdown lines, capped tables, sentence tables with marks.

Tables carry a class per column (``text``, ``number``, ``date``, ``token``) that the report
template styles: text left-aligned, numbers right-aligned, dates and single words unwrapped.
Decimals are fixed (two by default) and a rounded zero shows as 0.00, never -0.00.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import partial

import pandas as pd
from IPython.display import Markdown, display

from summitlib.analysis.textviews import highlight, shorten
from summitlib.analysis.wording import fixed

ISO_DATE = re.compile(r"^\d{4}(?:-[0-9HWQ]\d*)*(?:/\S+)?$")  # 2021, 2021-02-22, 2021-H1, a/b


def markdown(text: str) -> None:
    """Display a markdown paragraph (nothing for empty text)."""
    if text:
        display(Markdown(text))


def column_class(values: pd.Series) -> str:
    """``number``, ``date``, ``token`` (one word such as a doc_id) or ``text``."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return "number"
    sample = values.dropna().astype(str).head(20)
    if len(sample) and sample.str.match(ISO_DATE).all():
        return "date"
    single = len(sample) and sample.str.len().max() <= 40 and not sample.str.contains(r"\s").any()
    return "token" if single else "text"


def flat(frame: pd.DataFrame, index: bool) -> pd.DataFrame:
    """The index as ordinary first columns (no extra header row), column names as text."""
    if index:
        frame = frame.reset_index(names=[name or "" for name in frame.index.names])
    frame = frame.copy()
    label = frame.columns.name
    names = [str(c) for c in frame.columns]
    if label and index:  # a crosstab: "stance -1", "stance 0" ... after the row label
        names = names[:1] + [f"{label} {c}" for c in names[1:]]
    frame.columns = names
    return frame


def table(
    frame: pd.DataFrame,
    max_rows: int | None = None,
    what: str = "rows",
    *,
    index: bool = False,
    order: str = "",
    precision: int = 2,
    formatter: dict | None = None,
    na_rep: str = "–",
    escape: bool = True,
) -> None:
    """Display the first ``max_rows`` rows, HTML-escaped, with a note when rows are cut."""
    shown = flat(frame.head(max_rows) if max_rows is not None else frame, index)
    formats = {
        c: partial(fixed, digits=precision)
        for c in shown.columns
        if pd.api.types.is_float_dtype(shown[c])
    }
    formats.update(formatter or {})
    classes = pd.DataFrame(
        {c: [column_class(shown[c])] * len(shown) for c in shown.columns}, index=shown.index
    )
    style = shown.style.format(formats, escape="html" if escape else None, na_rep=na_rep)
    display(style.hide(axis="index").set_td_classes(classes))
    if max_rows is not None and len(frame) > max_rows:
        markdown(f"*First {max_rows} of {len(frame):,} {what} shown{order}.*")


def sentences(rows: pd.DataFrame, terms: Iterable[str], extra: Iterable[str] = ()) -> None:
    """Stance sentences with their evidence, the ``terms`` marked; *none* when empty."""
    if rows.empty:
        markdown("*none*")
        return
    view = rows.assign(
        doc_id=rows["doc_id"].astype(str).map(html.escape),
        evidence=rows["evidence"].fillna("").astype(str).map(html.escape),
        text=rows["text"].map(lambda t: highlight(shorten(t, 260), terms)),
    )[["doc_id", "label", "score", "tone", *extra, "evidence", "text"]]
    signed = partial(fixed, digits=2, sign=True)
    table(view, formatter={"score": signed, "tone": signed}, escape=False)
