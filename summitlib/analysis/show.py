"""Showing things in a notebook: markdown lines, capped tables, sentence tables with marks."""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML, Markdown, display

from summitlib.analysis.textviews import highlight, shorten


def markdown(text: str) -> None:
    """Display a markdown paragraph."""
    display(Markdown(text))


def table(
    frame: pd.DataFrame,
    max_rows: int | None = None,
    what: str = "rows",
    *,
    index: bool = False,
    order: str = "",
    **formats: object,
) -> None:
    """Display the first ``max_rows`` rows, HTML-escaped, with a note when rows are cut."""
    style = frame.head(max_rows).style if max_rows is not None else frame.style
    style = style.format(escape="html", **formats)
    style = style.format_index(escape="html") if index else style.hide(axis="index")
    display(style)
    if max_rows is not None and len(frame) > max_rows:
        markdown(f"*First {max_rows} of {len(frame)} {what} shown{order}.*")


def sentences(rows: pd.DataFrame, terms: Iterable[str]) -> None:
    """Stance sentences with their evidence, the ``terms`` marked; *none* when empty."""
    if rows.empty:
        markdown("*none*")
        return
    view = rows.assign(
        doc_id=rows["doc_id"].astype(str).map(html.escape),
        evidence=rows["evidence"].fillna("").astype(str).map(html.escape),
        text=rows["text"].map(lambda t: highlight(shorten(t, 260), terms)),
    )[["doc_id", "label", "score", "tone", "evidence", "text"]]
    display(HTML(view.to_html(index=False, escape=False, float_format="{:.2f}".format)))
