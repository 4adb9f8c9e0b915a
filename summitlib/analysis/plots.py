"""Figures for the research notebooks: one fixed style, titles, labelled axes and a source line.

Every figure goes through :func:`figure` (fixed size and style) and :func:`finish` (title,
axis labels, source line); :func:`show` displays it and closes it so that memory stays flat
when a notebook draws many figures. Plots aggregate or cut to the top N so they stay
readable for thousands of articles.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import MaxNLocator

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
}
COLORS = {-1: "#c0392b", 0: "#7f8c8d", 1: "#2874a6"}
STANCE_NAMES = {-1: "stalled / against", 0: "neutral", 1: "advancing / for"}


def use_style() -> None:
    """Apply the notebooks' fixed matplotlib style."""
    plt.style.use("default")
    plt.rcParams.update(STYLE)


def figure(width: float = 9.0, height: float = 4.5, **kwargs):
    """A new figure and axes in the notebooks' style."""
    use_style()
    return plt.subplots(figsize=(width, height), **kwargs)


def label(ax, title: str, xlabel: str, ylabel: str) -> None:
    """Title and axis labels of one panel."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def source(fig, text: str) -> None:
    """Lay the figure out and add the source line under it."""
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.text(0.01, 0.01, f"Source: {text}", fontsize=8, color="#555555", ha="left")


def finish(fig, ax, title: str, xlabel: str, ylabel: str, source_text: str) -> None:
    """Title, axis labels and a source line for a one-panel figure."""
    label(ax, title, xlabel, ylabel)
    source(fig, source_text)


def show(fig) -> None:
    """Display a figure and free it."""
    plt.show()
    plt.close(fig)


def empty(ax, message: str = "no data for these parameters") -> None:
    """Mark an axes as empty with a centred message."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def barh(ax, counts: pd.Series, color: str = "#2874a6") -> None:
    """Horizontal bars, largest on top, with the count at the end of each bar."""
    if counts.empty:
        empty(ax)
        return
    ordered = counts[::-1]
    ax.barh([str(i) for i in ordered.index], ordered.to_numpy(), color=color)
    for y, value in enumerate(ordered.to_numpy()):
        ax.text(value, y, f" {value:g}", va="center", fontsize=8)
    ax.grid(axis="y", visible=False)
    integer_ticks(ax.xaxis)


def integer_ticks(axis) -> None:
    """Only whole numbers on a count axis."""
    axis.set_major_locator(MaxNLocator(integer=True))


def dispersion_plot(ax, hits: pd.DataFrame, doc_labels: list[str], terms: list[str]) -> None:
    """Lexical dispersion: one row per term, articles side by side in date order.

    The x axis is the article sequence (article i spans [i, i+1]); each tick is a hit at its
    relative position in the text. With many articles the ticks merge into density.
    """
    if hits.empty:
        empty(ax, "none of the terms occurs in these articles")
        return
    rows = {term: i for i, term in enumerate(terms)}
    x = hits["doc_index"] + hits["position"]
    y = hits["term"].map(rows)
    ax.scatter(x, y, marker="|", s=200, color="#2874a6", linewidths=1)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(-0.5, len(terms) - 0.5)
    ax.invert_yaxis()
    n = len(doc_labels)
    ax.set_xlim(0, max(n, 1))
    for i in range(1, n):
        ax.axvline(i, color="#bbbbbb", linewidth=0.5)
    if n <= 12:
        ax.set_xticks([i + 0.5 for i in range(n)], doc_labels, rotation=30, ha="right", fontsize=8)
    ax.grid(False)


def interval_plot(ax, table: pd.DataFrame, label_column: str = "group") -> None:
    """Means with their intervals, one row per group, with n in the label."""
    if table.empty:
        empty(ax)
        return
    labels = [
        f"{g} (n={n})" for g, n in zip(table[label_column], table["n_sentences"], strict=True)
    ]
    y = list(range(len(table)))
    means = table["mean_stance"].to_numpy()
    low = (table["mean_stance"] - table["ci_low"]).to_numpy()
    high = (table["ci_high"] - table["mean_stance"]).to_numpy()
    ax.errorbar(means, y, xerr=[low, high], fmt="o", color="#2874a6", ecolor="#7f8c8d", capsize=3)
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.set_yticks(y, labels)
    ax.set_xlim(-1.05, 1.05)
    ax.invert_yaxis()
