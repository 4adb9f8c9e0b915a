"""Tables the notebooks show and count: articles, removals, dates, amounts, speakers, scores."""

from __future__ import annotations

import unicodedata

import pandas as pd

from summitlib.analysis.groups import with_column
from summitlib.analysis.textviews import shorten
from summitlib.evaluation.metrics import macro_f1
from summitlib.pipeline.tables import Tables

FORMS = ["direct", "indirect", "interview"]
SCORE_NAMES = [
    "quote_precision",
    "quote_recall",
    "quote_f1",
    "speaker_accuracy",
    "date_precision",
    "date_recall",
    "date_f1",
    "date_value_accuracy",
    "stance_sentence_accuracy",
    "stance_sentence_macro_f1",
    "stance_document_spearman",
    "expert_recall",
    "expert_stance_sign_agreement",
]
CONTROLS = {"\r": "carriage return", "\n": "line break", "\t": "tab", "\x00": "null"}
BASELINE_SCORES = ("date_prec", "date_rec", "date_f1", "date_val", "stance_sentence")


def article_overview(docs: pd.DataFrame, removed: pd.DataFrame) -> pd.DataFrame:
    """One row per article: date, metadata (filled), size, and characters cleaning removed."""
    overview = docs[["published", "doc_id"]].assign(
        outlet=with_column(docs, "outlet"),
        author=with_column(docs, "author"),
        genre=with_column(docs, "genre"),
        summit=with_column(docs, "summit_id"),
        sentences=docs["n_sentences"],
        words=docs["n_words"],
    )
    removed_per_doc = removed.groupby("doc_id")["chars"].sum()
    overview["chars_removed"] = overview["doc_id"].map(removed_per_doc).fillna(0).astype(int)
    return overview


def removal_kinds(removed: pd.DataFrame) -> pd.DataFrame:
    """Removals, characters and articles per kind of removed debris, with the longest example."""
    kinds = (
        removed.groupby("kind")
        .agg(removals=("chars", "size"), chars=("chars", "sum"), articles=("doc_id", "nunique"))
        .sort_values("chars", ascending=False)
    )
    longest = removed.groupby("kind")["text"].agg(lambda texts: max(texts, key=len))
    kinds["example"] = longest.map(removed_text)
    return kinds


def removed_text(text: str, limit: int = 70) -> str:
    """Removed debris as a reader can see it: the text, or the names of invisible characters."""
    if text.strip() and text.isprintable():
        return shorten(text, limit)
    visible = " ".join(text.split())
    if visible and all(ch.isprintable() or ch.isspace() for ch in text):
        return shorten(visible, limit)
    names = dict.fromkeys(CONTROLS.get(c) or unicodedata.name(c, f"U+{ord(c):04X}") for c in text)
    return shorten(", ".join(f"[{name}]" for name in names), limit)


def with_sentence(rows: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """``rows`` (with doc_id and sent_id) plus the text of their sentence."""
    sentences = tables.sentences[["doc_id", "sent_id", "text"]].drop_duplicates(
        ["doc_id", "sent_id"]
    )
    keys = rows[["doc_id", "sent_id"]].astype({"sent_id": sentences["sent_id"].dtype})
    found = keys.merge(sentences, on=["doc_id", "sent_id"], how="left")["text"]
    return rows.assign(sentence=found.fillna("").to_numpy())


def shortened(frame: pd.DataFrame, column: str, limit: int) -> pd.DataFrame:
    """``frame`` with the text of ``column`` cut to one line of at most ``limit`` characters."""
    return frame.assign(**{column: frame[column].map(lambda t: shorten(t, limit))})


def event_view(events: pd.DataFrame) -> pd.DataFrame:
    """Dated expressions as shown: value, precision, anchor, expression, article, sentence."""
    view = events.assign(sentence=events["sentence"].map(shorten))
    columns = ["value", "resolution", "anchor", "text", "doc_id", "sentence"]
    return view[columns].rename(columns={"text": "expression"})


def anchoring(events: pd.DataFrame) -> pd.DataFrame:
    """Dated expressions by anchor (rows) and precision (columns), with totals."""
    return pd.crosstab(events["anchor"], events["resolution"], margins=True, margins_name="total")


def amounts_in(tables: Tables, articles: pd.DataFrame) -> pd.DataFrame:
    """Amounts of the selected articles with numbers, sentences and publication days."""
    amounts = tables.amounts.copy()
    amounts["number"] = pd.to_numeric(amounts["value"], errors="coerce")
    amounts = with_sentence(amounts, tables)
    amounts = amounts[amounts["doc_id"].isin(articles["doc_id"])].merge(
        articles[["doc_id", "day"]], on="doc_id"
    )
    return amounts.sort_values(["day", "doc_id", "start"])


def amount_view(amounts: pd.DataFrame) -> pd.DataFrame:
    """Amounts as shown: day, expression, number, unit, kind, topic, sentence."""
    view = amounts.assign(sentence=amounts["sentence"].map(shorten))
    return view[["day", "text", "number", "unit", "kind", "topic", "sentence"]]


def main_unit(amounts: pd.DataFrame) -> str:
    """The most frequent unit of the amounts that have a number ('' when none)."""
    units = amounts.loc[amounts["number"].notna(), "unit"].value_counts()
    return "" if units.empty else units.index[0]


def amounts_by_topic(amounts: pd.DataFrame) -> pd.Series:
    """Number of amounts per topic, an empty topic counted as ``(none)``."""
    return amounts["topic"].fillna("").replace("", "(none)").value_counts()


def strongest_sentences(stance: pd.DataFrame, label: int, n: int) -> pd.DataFrame:
    """The ``n`` sentences with this effective label and the largest ``|score|``."""
    strongest = stance.reindex(stance["score"].abs().sort_values(ascending=False).index)
    return strongest[strongest["label"] == label].head(n)


def quote_forms(said: pd.DataFrame) -> pd.DataFrame:
    """Quotes per speaker (rows) and form (direct, indirect, interview)."""
    return pd.crosstab(said["speaker"], said["kind"]).reindex(columns=FORMS, fill_value=0)


def speaker_table(
    said: pd.DataFrame, kinds: pd.DataFrame, positions: pd.DataFrame, min_quotes: int
) -> pd.DataFrame:
    """Speakers with at least ``min_quotes`` quotes: role, quotes, articles, position, forms.

    ``position`` is the mean of the speaker's per-article positions (``positions.score``,
    -2..+2), the numbers listed in each speaker's record."""
    roles = positions[positions["role"].fillna("") != ""].groupby("speaker")["role"].first()
    quote_roles = said[said["role"].fillna("") != ""].groupby("speaker")["role"].first()
    by_article = positions[positions["speaker"].isin(kinds.index)]
    who = pd.DataFrame(
        {
            "role": kinds.index.map(lambda s: quote_roles.get(s) or roles.get(s) or ""),
            "quotes": said.groupby("speaker").size(),
            "articles": said.groupby("speaker")["doc_id"].nunique(),
            "position": by_article.groupby("speaker")["score"].mean().round(4),
        },
        index=kinds.index,
    ).join(kinds)
    who = who[who["quotes"] >= min_quotes].sort_values(["quotes", "articles"], ascending=False)
    who.index.name = "speaker"
    return who


def score_comparison(scores: dict, baseline: dict) -> pd.DataFrame:
    """summitlib's scores next to the baselines' where a baseline makes that claim."""

    def method(name: str) -> str:
        """The baseline that scores ``name``."""
        if name.startswith("date"):
            return "dateparser"
        return "VADER sign" if name.startswith("stance_sentence") else ""

    return pd.DataFrame(
        {
            "summitlib": [scores.get(n) for n in SCORE_NAMES],
            "baseline": [
                baseline.get(n) if n.startswith(BASELINE_SCORES) else None for n in SCORE_NAMES
            ],
            "baseline method": [method(n) for n in SCORE_NAMES],
        },
        index=SCORE_NAMES,
    )


MODEL_FIGURE_ROWS = [
    ("cv_all", "grouped CV by article, all gold articles", "macro_f1"),
    ("cv_bundled", "  of which the bundled corpus", "macro_f1"),
    ("cv_devset", "  of which the devset", "macro_f1"),
    ("cv_heldout", "  of which the held-out fixtures", "macro_f1"),
    ("cv_blind", "  of which the blind sets", "macro_f1"),
    ("cv_end_to_end", "grouped CV by article, end to end (both models out of fold)", "macro_f1"),
    ("devset_end_to_end", "devset, models trained without it (end to end)", "macro_f1"),
    ("heldout_end_to_end", "held-out fixtures, same models (end to end)", "macro_f1"),
    ("blind_unseen", "blind sets, models trained on everything else (end to end)", "macro_f1"),
    (
        "blind_test",
        "blind sets {sets}, never trained on: the shipped models (end to end)",
        "macro_f1",
    ),
    ("bank_cv", "stance bank, grouped CV by page", "macro_f1"),
    ("vader_devset", "plain VADER sign on the devset", "macro_f1"),
    ("rules_devset", "earlier rule model on the devset", "macro_f1"),
    ("vader_heldout", "plain VADER sign on the held-out fixtures", "macro_f1"),
    ("rules_heldout", "earlier rule model on the held-out fixtures", "macro_f1"),
    ("vader_blind", "plain VADER sign on the blind sets", "macro_f1"),
    ("rules_blind", "earlier rule model on the blind sets", "macro_f1"),
    ("spearman_devset", "document stance Spearman, devset (models without it)", "spearman"),
    ("spearman_blind", "document stance Spearman, blind sets (models without them)", "spearman"),
    ("spearman_blind_test", "document Spearman, blind sets {sets} (never trained on)", "spearman"),
    ("spearman_cv_all", "document stance Spearman, all gold articles, out of fold", "spearman"),
    ("speaker_sign_cv", "speaker sign agreement, out of fold by article", "agreement"),
    (
        "speaker_sign_cv_rule",
        "  the same, with the earlier rule (2 × mean score, dead band 0.2)",
        "agreement",
    ),
    (
        "speaker_sign_blind_test",
        "speaker sign agreement, blind sets {sets}, never trained on (gold quotes)",
        "agreement",
    ),
]


def model_figures(figures: dict[str, dict]) -> pd.DataFrame:
    """The shipped stance model's measured figures on articles it was not trained on."""
    rows = [
        {
            "measured on": label.format(sets=figures[key].get("sets", "")),
            "figure": metric.replace("_", "-"),
            "value": figures[key][metric],
        }
        | {"n": figures[key].get("n")}
        for key, label, metric in MODEL_FIGURE_ROWS
        if key in figures
    ]
    return pd.DataFrame(rows, columns=["measured on", "figure", "value", "n"])


def stance_methods(pairs: dict[str, list[tuple[int, int]]]) -> pd.DataFrame:
    """Sentence macro-F1 and accuracy of each stance method on the same gold sentences."""
    return pd.DataFrame(
        {
            "macro-F1": [macro_f1(p) for p in pairs.values()],
            "accuracy": [sum(g == q for g, q in p) / len(p) if p else None for p in pairs.values()],
            "n": [len(p) for p in pairs.values()],
        },
        index=list(pairs),
    )
