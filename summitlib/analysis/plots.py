"""Figures for the research notebooks: one fixed style, titles, labelled axes and a source line.

The notebooks' figures (:func:`timeline`, :func:`tone_vs_stance`...) are built from the
primitives below. Every figure goes through :func:`figure` (fixed size and style) and
:func:`finish` (title, axis labels, source line); :func:`show` displays it and closes it so
that memory stays flat when a notebook draws many figures. Plots aggregate or cut to the
top N so they stay readable for thousands of articles.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter

from summitlib.analysis.groups import top_n

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
    "text.parse_math": False,  # labels come from metadata: "$" is text, never TeX to parse
}
COLORS = {-1: "#c0392b", 0: "#7f8c8d", 1: "#2874a6"}
STANCE_NAMES = {-1: "stalled / against", 0: "neutral", 1: "advancing / for"}
BAND = {"color": "#f5b041", "alpha": 0.5}
ERRORBARS = {"color": "#2874a6", "ecolor": "#7f8c8d", "capsize": 3}
MAX_SEPARATORS = 300  # article separators drawn in the dispersion plot, at most


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
    if 1 < n <= MAX_SEPARATORS:  # one collection; past a few hundred articles lines are a blur
        ax.vlines(range(1, n), -0.5, len(terms) - 0.5, color="#bbbbbb", linewidth=0.5)
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


# --- the notebooks' figures -------------------------------------------------------------


def outlets_and_years(overview: pd.DataFrame, source_text: str) -> None:
    """Articles per outlet (top 10) and per year of publication, side by side."""
    by_outlet, outlets_left = top_n(overview["outlet"].value_counts(), 10)
    by_year = overview["published"].str[:4].value_counts().sort_index()
    fig, (left, right) = figure(11, 4, ncols=2)
    barh(left, by_outlet)
    more = f" ({outlets_left} more not shown)" if outlets_left else ""
    label(left, "Articles per outlet" + more, "articles", "outlet")
    right.bar(by_year.index, by_year.to_numpy(), color="#2874a6")
    label(right, "Articles per year of publication", "year", "articles")
    integer_ticks(right.yaxis)
    source(fig, source_text)
    show(fig)


def top_actors(shown: pd.Series, left_out: int, source_text: str) -> None:
    """Mentions of the most mentioned actors, with how many more were left out."""
    fig, ax = figure(9, max(3, 0.3 * len(shown) + 1.5))
    barh(ax, shown)
    more = f" ({left_out} more not shown)" if left_out else ""
    finish(fig, ax, f"Most mentioned actors{more}", "mentions", "actor", source_text)
    show(fig)


def term_dispersion(
    hits: pd.DataFrame, overview: pd.DataFrame, terms: list[str], source_text: str
) -> None:
    """Lexical dispersion of the terms over the articles in publication order."""
    pairs = zip(overview["published"], overview["outlet"], strict=True)
    labels = [f"{p} {o}"[:28] for p, o in pairs]
    fig, ax = figure(11, 1.2 + 0.5 * len(terms))
    dispersion_plot(ax, hits, labels, terms)
    xlabel = "articles in publication order (position within each article)"
    finish(fig, ax, "Lexical dispersion of key terms", xlabel, "term", source_text)
    show(fig)


def summit_bands(ax, summits: pd.DataFrame, labelled: bool = True) -> None:
    """Shade each summit's days (``start`` to ``end``), labelled with its place."""
    for s in summits.itertuples():
        first = pd.Timestamp(s.start)
        ax.axvspan(first, pd.Timestamp(s.end or s.start) + pd.Timedelta(days=1), **BAND)
        if labelled:
            ax.annotate(
                s.place or s.summit_id,
                (first, 1.0),
                xycoords=("data", "axes fraction"),
                fontsize=8,
                rotation=90,
                va="top",
                ha="right",
            )


def timeline(summits: pd.DataFrame, articles: pd.DataFrame, source_text: str) -> None:
    """Summits as bands and articles as dots, one row per outlet (eight largest, then other)."""
    main_outlets, n_other = top_n(articles["outlet"].value_counts(), 8)
    rows = list(main_outlets.index) + (["other outlets"] if n_other else [])
    lane = articles["outlet"].where(articles["outlet"].isin(main_outlets.index), "other outlets")
    fig, ax = figure(11, 1.8 + 0.45 * max(len(rows), 1))
    if articles.empty and summits.empty:
        empty(ax)
    else:
        summit_bands(ax, summits)
        days = pd.to_datetime(articles["day"])
        ax.scatter(days, lane.map({r: i for i, r in enumerate(rows)}), color="#2874a6", zorder=3)
        ax.set_yticks(range(len(rows)), rows)
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.invert_yaxis()
    finish(fig, ax, "Summits (bands) and articles (dots)", "date", "outlet", source_text)
    show(fig)


def dates_against_publication(
    events: pd.DataFrame, docs: pd.DataFrame, summits: pd.DataFrame, source_text: str
) -> None:
    """Each dated expression's calendar date against its article's publication date.

    The y axis is zoomed on the publication years (two years either side), where the summits
    and the events near them lie; dates further back or ahead are counted in the title."""
    fig, ax = figure(9, 5)
    title = "When the articles were published and what they dated"
    if events.empty:
        empty(ax)
    else:
        published = dict(zip(docs["doc_id"], pd.to_datetime(docs["published"]), strict=True))
        pub = events["doc_id"].map(published)
        when_all = pd.to_datetime(events["mid"])
        low, high = pub.min() - pd.DateOffset(years=2), pub.max() + pd.DateOffset(years=2)
        inside = when_all.between(low, high)
        anchors, _ = top_n(events["anchor"].value_counts(), 6)
        for i, anchor in enumerate(anchors.index):
            part = (events["anchor"] == anchor) & inside
            name = f"{anchor} (n={part.sum()})"
            ax.scatter(pub[part], when_all[part], alpha=0.6, label=name, color=f"C{i}")
        edge = pd.Timedelta(days=60)
        ax.plot([low, high], [low, high], color="#999999", linewidth=0.8, linestyle="--")
        ax.set_xlim(pub.min() - edge, pub.max() + edge)
        ax.set_ylim(low, high)
        for s in summits.itertuples():
            ax.axhline(pd.Timestamp(s.first), color="#f5b041", linewidth=1)
        ax.legend(title="anchor", fontsize=8)
        before, after = int((when_all < low).sum()), int((when_all > high).sum())
        if before or after:
            title += f"\n({before} earlier and {after} later dates outside this window"
            title += f", back to {when_all.min():%Y})" if before else ")"
    finish(fig, ax, title, "publication date", "date referred to", source_text)
    show(fig)


def amounts_over_time(amounts: pd.DataFrame, unit: str, source_text: str) -> None:
    """Positive amounts in ``unit`` at their article's publication date, by topic, log scale.

    Money is drawn in millions of its currency, with plain tick labels (10, 100, 1,000)."""
    fig, ax = figure(9, 4)
    money = unit.isupper() and len(unit) == 3  # a currency code: USD, EUR, RUB
    scale, axis_unit = (1e6, f"{unit} millions") if money else (1.0, unit)
    if not unit:
        empty(ax, "no amounts in this selection")
    else:
        part = amounts[(amounts["unit"] == unit) & amounts["number"].notna()]
        part = part[part["number"] > 0]
        for i, (topic, group) in enumerate(part.groupby(part["topic"].fillna(""))):
            name = f"{topic or '(no topic)'} (n={len(group)})"
            values = group["number"] / scale
            ax.scatter(pd.to_datetime(group["day"]), values, label=name, color=f"C{i}")
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.10g}"))
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.legend(title="topic", fontsize=8)
    title = f"Amounts mentioned, by topic ({axis_unit or 'no unit'})"
    finish(fig, ax, title, "publication date", f"amount ({axis_unit})", source_text)
    show(fig)


def tone_vs_stance(stance: pd.DataFrame, source_text: str) -> None:
    """Each integration sentence's VADER tone against its stance score, coloured by label."""
    fig, ax = figure(7, 5)
    if stance.empty:
        empty(ax)
    else:
        for value in (-1, 0, 1):
            part = stance[stance["label"] == value]
            name = f"{STANCE_NAMES[value]} (n={len(part)})"
            ax.scatter(part["tone"], part["score"], color=COLORS[value], alpha=0.6, label=name)
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.legend(title="stance", fontsize=8)
    title = "Sentiment (tone) against targeted stance"
    finish(fig, ax, title, "VADER tone (compound)", "stance score", source_text)
    show(fig)


def group_means(grouped: pd.DataFrame, group_by: str, max_rows: int, source_text: str) -> None:
    """Mean stance per group with its interval (up to twice ``max_rows`` groups)."""
    shown = grouped.head(max(max_rows, 1) * 2)
    fig, ax = figure(9, 1.5 + 0.4 * max(len(shown), 1))
    interval_plot(ax, shown)
    more = f" (first {len(shown)} of {len(grouped)})" if len(grouped) > len(shown) else ""
    xlabel = "mean stance (-1 stalled … +1 advancing)"
    finish(fig, ax, f"Mean stance by {group_by}{more}", xlabel, group_by, source_text)
    show(fig)


def stance_over_time(
    per_article: pd.DataFrame, docs: pd.DataFrame, summits: pd.DataFrame, source_text: str
) -> None:
    """Each article's mean sentence stance (-1..+1) over its article score (-2..+2).

    Two panels sharing the time axis, one scale each, the summits as bands in both."""
    fig, (top, bottom) = figure(10, 6, nrows=2, sharex=True)
    if per_article.empty:
        empty(top)
        empty(bottom)
    else:
        when = pd.to_datetime(per_article["first_published"])
        mean = per_article["mean_stance"]
        err = [mean - per_article["ci_low"], per_article["ci_high"] - mean]
        top.errorbar(when, mean, yerr=err, fmt="o", **ERRORBARS)
        scores = dict(zip(docs["doc_id"], docs["integration_stance"], strict=True))
        score = pd.to_numeric(per_article["group"].map(scores))
        bottom.scatter(when, score, marker="x", color="#c0392b")
        for ax, bound in ((top, 1), (bottom, 2)):
            summit_bands(ax, summits, labelled=False)
            ax.axhline(0, color="#555555", linewidth=0.8)
            ax.set_ylim(-bound * 1.08, bound * 1.08)
    label(top, "Stance toward integration over time", "", "mean sentence label\n(-1..+1, 95% CI)")
    label(bottom, "", "publication date", "article score\n(integration_stance, -2..+2)")
    source(fig, source_text)
    show(fig)


def quote_forms(who: pd.DataFrame, max_rows: int, source_text: str) -> None:
    """Stacked bars of quote forms for the ``max_rows`` most quoted speakers."""
    top = who.head(max_rows)
    fig, ax = figure(9, 1.5 + 0.35 * max(len(top), 1))
    if top.empty:
        empty(ax, "no speaker with enough quotes")
    else:
        left = np.zeros(len(top))
        names = list(top.index[::-1])
        for i, kind in enumerate(["direct", "indirect", "interview"]):
            values = top[kind].to_numpy()[::-1]
            ax.barh(names, values, left=left, color=f"C{i}", label=kind)
            left = left + values
        ax.legend(title="form", fontsize=8)
        integer_ticks(ax.xaxis)
    more = f" ({len(who) - len(top)} more not shown)" if len(who) > len(top) else ""
    finish(fig, ax, f"Quotes per speaker, by form{more}", "quotes", "speaker", source_text)
    show(fig)


def issue_heatmap(means: pd.DataFrame, counts: pd.DataFrame, source_text: str) -> None:
    """Speaker-by-issue mean stance (grey: not addressed), the number of quotes in each cell."""
    fig, ax = figure(10, 2.8 + 0.45 * max(len(means), 1))
    if means.empty:
        empty(ax, "no quotes in this selection")
    else:
        cmap = plt.get_cmap("RdBu").copy()
        cmap.set_bad("#e5e5e5")
        values = np.ma.masked_invalid(means.to_numpy(dtype=float))
        image = ax.imshow(values, cmap=cmap, vmin=-2, vmax=2, aspect="auto")
        ax.set_xticks(range(len(means.columns)), means.columns, rotation=20, ha="right")
        ax.set_yticks(range(len(means.index)), means.index)
        shade = means.to_numpy(dtype=float)
        for (i, j), n in np.ndenumerate(counts.to_numpy()):
            if n:
                dark = abs(shade[i, j]) > 1.0  # the deep ends of RdBu need white text
                color = "white" if dark else "black"
                ax.text(j, i, str(n), ha="center", va="center", fontsize=9, color=color)
        ax.grid(False)
        fig.colorbar(image, ax=ax, label="mean quote position (-2 against … +2 for)")
    title = "Positions by speaker and issue (cell = quotes behind it)"
    finish(fig, ax, title, "issue", "speaker", source_text)
    show(fig)


def confusion_matrices(matrices: dict[str, tuple[pd.DataFrame, int]], source_text: str) -> None:
    """Gold (rows) against predicted (columns) stance, one panel per method with its n."""
    fig, axes = figure(10, 4, ncols=len(matrices))
    for ax, (name, (matrix, n)) in zip(axes, matrices.items(), strict=True):
        values = matrix.to_numpy()
        ax.imshow(values, cmap="Blues")
        top = max(int(values.max()), 1)
        for (i, j), count in np.ndenumerate(values):
            color = "white" if count > top / 2 else "black"
            ax.text(j, i, str(count), ha="center", va="center", color=color)
        ax.set_xticks(range(3), matrix.columns)
        ax.set_yticks(range(3), matrix.index)
        ax.grid(False)
        label(ax, f"{name} (n={n})", "predicted stance", "gold stance")
    source(fig, source_text)
    show(fig)
