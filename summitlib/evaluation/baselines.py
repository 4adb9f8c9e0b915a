"""Peer baselines and error lists for the validation notebook.

Two off-the-shelf methods are run on the same articles and scored with the same rules
(:mod:`summitlib.evaluation.metrics`) as the library's own annotation:

- stance: plain sentiment, the sign of VADER's compound score of each sentence
  (positive >= 0.05, negative <= -0.05), which is what a reader gets without a targeted model;
- dates: ``dateparser.search.search_dates`` on the cleaned text with the publication date as
  the base for relative expressions, every hit normalised to a day (dateparser resolves to a
  full date and runs offline).

The error lists name each gold row that nothing matched (missed) and each predicted row
that matches no gold row (spurious), with the matching rules of the scorer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from summitlib.analysis.stats import tone_sign
from summitlib.corpus.reader import Corpus
from summitlib.evaluation import rule_stance  # noqa: F401 - registers the rule_stance component
from summitlib.evaluation.metrics import speakers
from summitlib.pipeline.annotate import Pipeline
from summitlib.pipeline.tables import Tables, frame
from summitlib.text.spans import overlap, shorter_overlap

STANCE_LABELS = [-1, 0, 1]


def vader_stance_rows(tables: Tables) -> pd.DataFrame:
    """A stance table that labels every sentence with the sign of its VADER tone."""
    sentences = tables.sentences
    rows = [
        {
            "doc_id": s.doc_id,
            "sent_id": s.sent_id,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "stance": tone_sign(float(s.tone)),
            "score": float(s.tone),
            "evidence": "vader",
            "tone": float(s.tone),
        }
        for s in sentences.itertuples()
    ]
    return frame(rows, "stance")


def rule_stance_rows(corpus: Corpus, doc_ids: Iterable[str]) -> pd.DataFrame:
    """A stance table from the earlier rule model (cue lexicon), for the articles ``doc_ids``."""
    wanted = set(doc_ids)
    pipeline = Pipeline(["sentences", "rule_stance"])
    articles = (d for d in corpus if d.doc_id in wanted)
    rows = [row for rows in pipeline.pipe(articles) for row in rows["rule_stance"]]
    columns = ["doc_id", "start", "end", "text", "stance", "score", "evidence"]
    return pd.DataFrame(rows, columns=columns)


def dateparser_rows(corpus: Corpus, doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """A dates table from ``dateparser.search.search_dates`` (publication date as base)."""
    from dateparser.search import search_dates

    wanted = None if doc_ids is None else set(doc_ids)
    rows = []
    for doc in corpus:
        if wanted is not None and doc.doc_id not in wanted:
            continue
        cleaned = doc.cleaned()
        base = dt.datetime.combine(doc.published, dt.time())
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found = search_dates(cleaned.text, languages=["en"], settings=settings) or []
        cursor = 0
        for phrase, when in found:
            at = cleaned.text.find(phrase, cursor)
            if at < 0:
                continue
            cursor = at + len(phrase)
            start, end = cleaned.to_raw(at, at + len(phrase))
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "sent_id": -1,
                    "start": start,
                    "end": end,
                    "text": cleaned.raw[start:end],
                    "value": when.date().isoformat(),
                    "anchor": "dateparser",
                    "granularity": "day",
                }
            )
    return frame(rows, "dates")


def confusion(pairs: list[tuple[int, int]]) -> pd.DataFrame:
    """Gold (rows) by predicted (columns) stance counts, every label shown."""
    table = pd.DataFrame(0, index=STANCE_LABELS, columns=STANCE_LABELS)
    for gold, pred in pairs:
        table.loc[gold, pred] += 1
    table.index.name, table.columns.name = "gold", "predicted"
    return table


def _gold_frame(rows: list[dict], dmap: dict) -> pd.DataFrame:
    """Gold rows with their doc_id and integer offsets."""
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    table["doc_id"] = table["file"].map(dmap)
    table["start"] = table["start"].astype(int)
    table["end"] = table["end"].astype(int)
    return table[table["doc_id"].notna()]


def quote_errors(gold: list[dict], pred: pd.DataFrame, dmap: dict) -> pd.DataFrame:
    """Required gold quotes nothing matched, and predicted quotes that match no gold quote."""
    golds = _gold_frame(gold, dmap)
    rows = []
    for g in golds.itertuples():
        if str(g.optional) != "0":
            continue
        hit = any(
            p.doc_id == g.doc_id
            and shorter_overlap(g.start, g.end, p.start, p.end) >= 0.5
            and speakers(g.speaker) & speakers(p.speaker)
            for p in pred.itertuples()
        )
        if not hit:
            rows.append(_error("missed", g.doc_id, g.start, g.text, g.speaker, g.kind))
    docs = set(golds["doc_id"]) if len(golds) else set()
    for p in pred.itertuples():
        if p.doc_id not in docs:
            continue
        hit = any(
            g.doc_id == p.doc_id and shorter_overlap(p.start, p.end, g.start, g.end) >= 0.5
            for g in golds.itertuples()
        )
        if not hit:
            rows.append(_error("spurious", p.doc_id, p.start, p.text, p.speaker, p.kind))
    return _errors(rows, "speaker / value", "kind")


def date_errors(gold: list[dict], pred: pd.DataFrame, dmap: dict) -> pd.DataFrame:
    """Required gold dates without a correct prediction, and predictions matching no gold."""
    golds = _gold_frame(gold, dmap)
    rows = []

    def correct(g, p) -> bool:
        same = p.doc_id == g.doc_id and overlap(g.start, g.end, p.start, p.end) > 0
        return same and str(p.value).strip() == g.value

    for g in golds.itertuples():
        if str(g.optional) != "0":
            continue
        near = [p for p in pred.itertuples() if p.doc_id == g.doc_id]
        if not any(correct(g, p) for p in near):
            got = [str(p.value) for p in near if overlap(g.start, g.end, p.start, p.end) > 0]
            note = f"predicted {', '.join(got)}" if got else "not found"
            rows.append(_error("missed", g.doc_id, g.start, g.text, g.value, note))
    docs = set(golds["doc_id"]) if len(golds) else set()
    for p in pred.itertuples():
        if p.doc_id in docs and not any(correct(g, p) for g in golds.itertuples()):
            rows.append(_error("spurious", p.doc_id, p.start, p.text, str(p.value), p.anchor))
    return _errors(rows, "speaker / value", "detail")


def _error(error: str, doc_id: str, start: int, text: str, who: str, detail: str) -> dict:
    """One row of an error list."""
    return {
        "error": error,
        "doc_id": doc_id,
        "start": int(start),
        "text": " ".join(str(text).split()),
        "value": str(who),
        "detail": str(detail),
    }


def _errors(rows: list[dict], value_name: str, detail_name: str) -> pd.DataFrame:
    """The error list sorted by kind, article and position, with readable column names."""
    columns = ["error", "doc_id", "start", "text", "value", "detail"]
    table = pd.DataFrame(rows, columns=columns).sort_values(["error", "doc_id", "start"])
    return table.rename(columns={"value": value_name, "detail": detail_name}).reset_index(drop=True)
