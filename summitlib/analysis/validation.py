"""Validation against a gold standard: matched articles and the peer baselines' scores."""

from __future__ import annotations

import dataclasses

import pandas as pd

from summitlib.corpus.reader import Corpus
from summitlib.evaluation import baselines
from summitlib.evaluation import metrics as scoring
from summitlib.pipeline.tables import Tables
from summitlib.text.spans import overlap


def matched_documents(corpus: Corpus, gold: dict[str, list[dict]]) -> tuple[dict, list[str]]:
    """Gold file -> doc_id, and the sorted doc_ids found in the corpus (none without gold)."""
    if not any(gold.values()):
        return {}, []
    dmap = scoring.doc_map(corpus, gold, None)
    return dmap, sorted({d for d in dmap.values() if d})


def baseline_scores(
    tables: Tables, corpus: Corpus, gold: dict[str, list[dict]], dmap: dict, docs: list[str]
) -> tuple[pd.DataFrame, dict, dict]:
    """VADER's stance rows and scores, and dateparser's date scores, under the scorer's rules."""
    vader_rows = baselines.vader_stance_rows(tables)
    vader_scores = scoring.score_stance(gold, dataclasses.replace(tables, stance=vader_rows), dmap)
    dp_rows = baselines.dateparser_rows(corpus, docs).to_dict("records")
    dp_scores = scoring.score_dates(gold["dates"], gold["not_dates"], dp_rows, dmap)
    return vader_rows, vader_scores, dp_scores


def stance_pairs(gold: dict[str, list[dict]], stance: pd.DataFrame, dmap: dict) -> list:
    """(gold label, predicted label) for each gold stance sentence, as the scorer pairs them."""
    return scoring.stance_pairs(gold["stance_sentences"], stance.to_dict("records"), dmap)


def gold_stance(rows: pd.DataFrame, corpus: Corpus, gold: dict[str, list[dict]]) -> pd.Series:
    """The hand-coded stance of each row's sentence, where a gold span overlaps it (else NaN)."""
    dmap, _ = matched_documents(corpus, gold)
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for g in gold.get("stance_sentences", []) if dmap else []:
        doc = dmap.get(g["file"])
        if doc:
            spans.setdefault(doc, []).append((int(g["start"]), int(g["end"]), int(g["stance"])))
    labels = []
    for doc, start, end in zip(rows["doc_id"], rows["start"], rows["end"], strict=True):
        shared = [(overlap(s, e, start, end), label) for s, e, label in spans.get(doc, [])]
        best = max(shared, default=(0, None))
        labels.append(best[1] if best[0] > 0 else None)
    return pd.Series(labels, index=rows.index, dtype="Int64")


def which_side(label: int, tone_sign: int, gold: object) -> str:
    """Which reading the gold supports where tone and stance disagree: stance, tone or neither."""
    if pd.isna(gold):
        return "read it"
    return "stance" if gold == label else "tone" if gold == tone_sign else "neither"


def disagreements(
    stance: pd.DataFrame, tone_signs: pd.Series, corpus: Corpus, gold: dict[str, list[dict]]
) -> pd.DataFrame:
    """Sentences whose tone and stance label point opposite ways, with the gold's verdict."""
    opposite = stance[(tone_signs * stance["label"]) < 0]
    labels = gold_stance(opposite, corpus, gold) if any(gold.values()) else None
    if labels is None:
        labels = pd.Series(pd.NA, index=opposite.index, dtype="Int64")
    checks = [
        which_side(label, sign, g)
        for label, sign, g in zip(
            opposite["label"], tone_signs[opposite.index], labels, strict=True
        )
    ]
    return opposite.assign(gold=labels, check=checks)
