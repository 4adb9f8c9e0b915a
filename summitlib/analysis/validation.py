"""Validation against a gold standard: matched articles and the peer baselines' scores."""

from __future__ import annotations

import dataclasses

import pandas as pd

from summitlib.corpus.reader import Corpus
from summitlib.evaluation import baselines
from summitlib.evaluation import metrics as scoring
from summitlib.pipeline.tables import Tables


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
