"""Findings in words: markdown sentences written from computed tables, never from fixed numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from summitlib.analysis.textviews import shorten
from summitlib.analysis.wording import fixed, plural
from summitlib.corpus.reader import Corpus


def listing(counts: Mapping | pd.Series, emphasis: bool = False) -> str:
    """``a 3, b 2`` (names in italics with ``emphasis``)."""
    mark = "*" if emphasis else ""
    return ", ".join(f"{mark}{k}{mark} {v}" for k, v in counts.items())


# --- 01 corpus overview -----------------------------------------------------------------


def corpus_profile(overview: pd.DataFrame) -> str:
    """Articles, outlets, authors, the commonest genre and the size of the texts."""
    genres = overview["genre"].value_counts()
    return (
        f"The {len(overview)} articles come from **{overview['outlet'].nunique()} outlets** "
        f"and {overview['author'].nunique()} author entries; the most common genre is "
        f"*{genres.index[0]}* ({plural(genres.iloc[0], 'article')}). They hold "
        f"{overview['words'].sum():,} words in {overview['sentences'].sum():,} sentences "
        f"(median {overview['words'].median():,.0f} words per article)."
    )


def removal_summary(removed: pd.DataFrame, corpus: Corpus) -> str:
    """How many characters cleaning removed, of how many, in how many articles."""
    raw_chars = sum(len(doc.raw) for doc in corpus)
    share = removed["chars"].sum() / raw_chars if raw_chars else 0.0
    return (
        f"Cleaning removed **{removed['chars'].sum():,} of {raw_chars:,} characters** "
        f"({share:.1%}) in {removed['doc_id'].nunique()} of {plural(len(corpus), 'article')}."
    )


def actor_summary(actors: pd.DataFrame, n_articles: int) -> str:
    """Mentions, distinct actors, the most mentioned one and mentions by type."""
    counts = actors["actor"].value_counts()
    if counts.empty:
        return "The annotation found no actors in these articles."
    spread = actors.groupby("actor")["doc_id"].nunique()
    top = counts.index[0]
    return (
        f"{len(actors):,} mentions of {len(counts):,} distinct actors. The most mentioned "
        f"is **{top}** ({plural(counts.iloc[0], 'mention')} in {spread[top]} of "
        f"{plural(n_articles, 'article')}). By type: "
        f"{listing(actors['actor_type'].value_counts())}."
    )


def term_hits(per_term: pd.Series, n_articles: int) -> str:
    """Hits per term, with the reminder that they describe this collection only."""
    return (
        f"Hits per term: {listing(per_term, emphasis=True)}. With "
        f"{plural(n_articles, 'article')} these counts describe this collection only; "
        "they are not estimates for the press as a whole."
    )


# --- 02 chronology ----------------------------------------------------------------------


def selection(params: Mapping, n_articles: int, n_documents: int, n_summits: int) -> str:
    """The window, summit filter and precision chosen, and what falls in the selection."""
    start, end = params["date_from"] or "open", params["date_to"] or "open"
    return (
        f"Window: **{start} to {end}**; summit filter: **{params['summit'] or 'none'}**; "
        f"coarsest date kept: **{params['min_granularity']}**. {n_articles} of "
        f"{plural(n_documents, 'article')} and {plural(n_summits, 'summit')} fall in this "
        "selection."
    )


def anchoring(events: pd.DataFrame) -> str:
    """How many dated expressions are stated in full and how many depend on an anchor."""
    if events.empty:
        return "No dated expressions in this selection."
    by_anchor = events["anchor"].value_counts()
    relative = int(by_anchor.drop(labels=["absolute"], errors="ignore").sum())
    return (
        f"Of {len(events)} dated expressions in the selection, {by_anchor.get('absolute', 0)} "
        f"are stated in full and {relative} ({relative / len(events):.0%}) depend on an "
        f"anchor. They span {events['first'].min()} to {events['last'].max()}; the most "
        f"common precision is *{events['resolution'].value_counts().index[0]}*."
    )


def amounts(amounts: pd.DataFrame, by_topic: pd.Series) -> str:
    """Amounts, articles and topics, with the caveat on small collections."""
    if amounts.empty:
        return "No amounts of money in the selected articles."
    return (
        f"{plural(len(amounts), 'amount')} in {plural(amounts['doc_id'].nunique(), 'article')}; "
        f"by topic: {listing(by_topic)}. With so few articles, a topic's presence says more "
        "about which articles were collected than about the talks."
    )


# --- 03 stance --------------------------------------------------------------------------


def stance_overview(
    stance: pd.DataFrame, labels: pd.Series, n_docs: int, n_sentences: int, threshold: float
) -> str:
    """Integration sentences, their share of all sentences, and the labels at the threshold."""
    return (
        f"**{plural(len(stance), 'integration sentence')}** in {stance['doc_id'].nunique()} of "
        f"{plural(n_docs, 'article')} ({len(stance) / max(n_sentences, 1):.0%} of all "
        f"sentences). With the threshold at {threshold}: {labels[1]} advancing, "
        f"{labels[-1]} stalled or against, {labels[0]} neutral."
    )


def tone_agreement(agree: int, n_sentences: int, opposite: pd.DataFrame) -> str:
    """How often the sign of tone matches the stance label; what to check where they clash."""
    share = agree / n_sentences if n_sentences else float("nan")
    n_opposite, n_gold = len(opposite), int(opposite["gold"].notna().sum())
    check = (
        f" The `gold` column gives the hand-coded label for the {n_gold} of them that the gold "
        "standard covers (`check` says which side it supports); for the others the reader "
        "is the judge: read the sentence and decide whether tone or stance describes it."
        if n_gold
        else " No gold standard covers these sentences, so the reader is the judge: read each "
        "sentence and decide whether tone or stance describes it."
    )
    return (
        f"The sign of tone matches the stance label in **{agree} of {n_sentences}** sentences "
        f"({share:.0%}); in **{n_opposite}** it points the opposite way. In those, one of the "
        "two readings is wrong: either a sentiment model would mislead (the stance label is "
        f"right) or the stance model erred (the tone is right).{check}"
    )


def group_contrast(grouped: pd.DataFrame, group_by: str) -> str:
    """The most negative and most positive group and how many intervals exclude 0."""
    if grouped.empty:
        return "No integration sentences in this corpus, so no group estimates."
    low = grouped.iloc[grouped["mean_stance"].idxmin()]
    high = grouped.iloc[grouped["mean_stance"].idxmax()]
    clear = grouped[(grouped["ci_high"] < 0) | (grouped["ci_low"] > 0)]
    return (
        f"By {group_by}, the most negative is **{low['group']}** "
        f"({low['mean_stance']:+.2f}, n={low['n_sentences']}) and the most positive "
        f"**{high['group']}** ({high['mean_stance']:+.2f}, n={high['n_sentences']}). "
        f"{len(clear)} of {len(grouped)} groups have an interval that excludes 0; "
        f"{int((grouped['n_articles'] == 1).sum())} groups rest on a single article."
    )


# --- 04 expert positions ----------------------------------------------------------------


def quote_overview(n_quotes: int, unattributed: int, said: pd.DataFrame) -> str:
    """Quotations, those without a speaker, and speakers left after the filter."""
    return (
        f"**{plural(n_quotes, 'quotation')}**, {unattributed} without a known speaker; "
        f"{plural(said['speaker'].nunique(), 'speaker')} after the `speakers` filter."
    )


def most_quoted(who: pd.DataFrame, said: pd.DataFrame) -> str:
    """The most quoted speaker, the forms of quotes, and speakers seen in one article."""
    if who.empty:
        return "No speaker reaches `min_quotes` in this selection."
    lead = who.index[0]
    return (
        f"The most quoted speaker is **{lead}** ({plural(who.loc[lead, 'quotes'], 'quote')} in "
        f"{plural(who.loc[lead, 'articles'], 'article')}). Forms overall: "
        f"{listing(said['kind'].value_counts())}. {int((who['articles'] == 1).sum())} of "
        f"{len(who)} speakers appear in a single article, so their positions are that "
        "article's rendering of them."
    )


def speaker_record(
    speaker: str, who: pd.DataFrame, positions: pd.DataFrame, said: pd.DataFrame
) -> str:
    """A speaker's role, position per article (and their mean), up to three quotes."""
    rows = positions[positions["speaker"] == speaker]
    scores = [f"{r.doc_id}: {fixed(r.score, sign=True)}" for r in rows.itertuples()]
    mean = f"; mean {fixed(who.loc[speaker, 'position'], sign=True)}" if len(rows) > 1 else ""
    stance_text = ", ".join(scores) + mean if scores else "no position row"
    role = who.loc[speaker, "role"] or "role not given"
    lines = [f"**{speaker}** ({role}) — position by article: {stance_text}"]
    for q in said[said["speaker"] == speaker].head(3).itertuples():
        value = fixed(q.position, sign=True)
        lines.append(f"- *{q.kind}*, {value}: “{shorten(q.text, 220)}” ({q.doc_id})")
    return "\n".join(lines)


def issue_coverage(counts: pd.DataFrame) -> str:
    """How many speakers address each issue."""
    return f"Speakers addressing each issue: {listing((counts > 0).sum(), emphasis=True)}."


# --- 05 validation ----------------------------------------------------------------------


def gold_found(gold_name: str, gold: Mapping[str, list], dmap: Mapping, docs: list[str]) -> str:
    """The gold folder, its articles found in the corpus and its rows; or how to make one."""
    if not any(gold.values()):
        return NO_GOLD.format(where=gold_name)
    counts = []
    for name in ("quotes", "dates", "stance_sentences"):
        rows = gold.get(name, [])
        optional = sum(str(r.get("optional", "0")) != "0" for r in rows)
        extra = f" ({len(rows) - optional} required, {optional} optional)" if optional else ""
        counts.append(f"{plural(len(rows), name.replace('_', ' ')[:-1])}{extra}")
    return (
        f"Gold standard: {gold_name}, coding {plural(len(dmap), 'article')}, {len(docs)} of "
        f"them found in this corpus (matched by file hash or name): {', '.join(counts)}. "
        "Recall counts the required rows only; a prediction that matches an optional row "
        "(a quotation or date the coder judged borderline) is neither needed nor counted as "
        "spurious, so the predictions can outnumber the required rows at full precision."
    )


NO_GOLD = (
    "**This corpus has no gold standard** ({where} holds no gold CSVs), so nothing in this "
    "report is scored: the sections below stay empty. To validate the annotation on your "
    "material, hand-code a sample of 5–20 articles following the codebook "
    "(`gold/CODEBOOK.md` of the bundled corpus; `summit validate --gold` on the bundled "
    "corpus shows the format at work), save the CSVs in a `gold/` folder inside the corpus "
    "folder (or pass `gold_dir`), and run this report again."
)


def not_scored(has_gold: bool) -> str:
    """The line shown under a section heading when there is nothing to score."""
    return "" if has_gold else "*Not scored: this corpus has no gold standard (see above).*"


def score_counts(scores: Mapping) -> str:
    """The counts behind the scores: required gold rows, predictions, and what they mean."""
    return (
        f"Quotes: {scores['quotes_predicted']} predicted in the gold articles against "
        f"{scores['quotes_gold']} required gold quotes; dates: {scores['dates_predicted']} "
        f"predicted against {scores['dates_gold']} required gold dates. Precision is the share "
        "of predictions that match a gold row (required or optional), recall the share of "
        "required rows found."
    )


def compared(ours: float, theirs: float) -> str:
    """``better than``, ``worse than`` or ``equal to``."""
    return "better than" if ours > theirs else "worse than" if ours < theirs else "equal to"


def validation_summary(
    scores: Mapping, vader: Mapping, dates: Mapping, n_gold_stance: int, n_docs: int
) -> str:
    """Quote, date and stance scores against the baselines, with the gold counts behind them."""
    ours, theirs = scores["stance_sentence_macro_f1"], vader["stance_sentence_macro_f1"]
    return (
        f"Quotes: F1 **{scores['quote_f1']:.2f}** (precision {scores['quote_precision']:.2f}, "
        f"recall {scores['quote_recall']:.2f}). Dates: F1 **{scores['date_f1']:.2f}**, "
        f"{compared(scores['date_f1'], dates['date_f1'])} dateparser "
        f"({dates['date_f1']:.2f}). Stance: macro-F1 **{ours:.2f}**, "
        f"{compared(ours, theirs)} plain VADER ({theirs:.2f}). These rest on "
        f"{scores['quotes_gold']} gold quotes, {scores['dates_gold']} gold dates and "
        f"{n_gold_stance} gold stance sentences in {n_docs} articles."
    )


def error_tally(name: str, errors: pd.DataFrame, max_rows: int) -> str:
    """Missed and spurious rows of one error list (and that there are none, when so)."""
    tally = errors["error"].value_counts()
    missed, spurious = int(tally.get("missed", 0)), int(tally.get("spurious", 0))
    if not missed and not spurious:
        return f"**{name}**: none missed and none spurious: every required gold row was found."
    shown = f" (up to {max_rows} shown)" if missed + spurious > max_rows else ""
    return f"**{name}**: {missed or 'none'} missed, {spurious or 'none'} spurious{shown}:"


def window(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """A date window as ``start to end`` with ``open`` for a missing end."""
    return f"{date_from or 'open'} to {date_to or 'open'}"


def generalisation(figures: Mapping) -> str:
    """The stance model's out-of-sample figures in one sentence, against plain VADER."""
    needed = ("cv_all", "devset", "vader_devset")
    if not all(k in figures for k in needed):
        return (
            "No measured figures are stored beside the models; run "
            "`python -m summitlib.learning.evaluate --json <model folder>/evaluation.json`."
        )
    cv, dev, vader = (figures[k] for k in needed)
    return (
        f"On articles it was not trained on, the learned stance model reaches a sentence "
        f"macro-F1 of **{cv['macro_f1']:.2f}** (grouped cross-validation by article, "
        f"{cv['n']} gold sentences) and **{dev['macro_f1']:.2f}** on the devset "
        f"({dev['n']} sentences, models trained without it), against {vader['macro_f1']:.2f} "
        f"for plain VADER on the same devset sentences.{_unseen(figures)} For comparison, a "
        f"second human coder agreed with the gold at 0.88: the model is well above plain "
        f"sentiment and well below a careful reader."
    )


def _unseen(figures: Mapping) -> str:
    """The blind sets' end-to-end figure with models that never saw them, if measured (set E,
    never trained on, when there is one)."""
    blind = figures.get("blind_test") or figures.get("blind_unseen")
    if blind is None:
        return ""
    return (
        f" On {blind['n']} gold sentences of articles written in house styles no model had "
        f"seen (the blind sets), end to end: **{blind['macro_f1']:.2f}**."
    )


def story_count(n_stories: int, n_articles: int, reprints: pd.DataFrame) -> str:
    """How many stories the articles tell and how many were reprinted."""
    if reprints.empty:
        return f"The {n_articles} articles tell {n_stories} different stories: no reprints."
    top = reprints.sort_values("copies", ascending=False, kind="stable").iloc[0]
    return (
        f"The {n_articles} articles tell **{n_stories} stories**: {len(reprints)} stories appear "
        f"in more than one article ({n_articles - n_stories} copies). The most reprinted, "
        f"`{top['original']}`, appears {int(top['copies'])} times."
    )
