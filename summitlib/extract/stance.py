"""Stance toward Russia–Belarus integration, sentence by sentence, from two learned models.

Both are logistic regressions over readable features (:mod:`summitlib.learning.features`),
trained by ``python -m summitlib.learning.train`` on the shipped labelled data and stored as
JSON weights in ``data/models/`` (see the README for their cross-validated figures):

1. **Target.** The target model gives each sentence P(about integration) from integration
   terms, relation terms, the sentence before and its place in the paragraph; sentences at
   or above the threshold stored with the model get a stance row.
2. **Stance.** The stance model's label (-1 stalled/against, 0 descriptive, +1 advancing/for)
   is the most probable class; ``score`` is P(+1) − P(−1), a signed confidence in [-1, 1];
   ``evidence`` names the features that pushed most toward the label (``cue:against:deadlock``,
   ``neg_cue:for:signed``, ``w:…`` word stems, ``prev:…`` features of the sentence before).
   ``tone`` is VADER's compound score of the sentence, kept for comparison.

An article's stance is on the -2..+2 scale: 2 × the average of two means, the score of its
sentences about integration and the score of all its sentences (the stance model reads every
sentence; those the target model passes over still lean one way or the other). Out of fold
over the 35 gold articles this tracks the coders' article stance with Spearman 0.74, against
0.69 for the integration sentences alone and 0.63 for those weighted by P(about integration);
on the devset with models that never saw it 0.64 against 0.59. All sentences alone did
better still out of fold (0.75) but ranked the five bundled articles at 0.46.

A speaker's position comes from the sentences of their quotations, each read by both models
(:func:`quote_sentences`), through the position model of :mod:`summitlib.learning.positions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from summitlib.learning.features import featurize_for, featurize_target
from summitlib.learning.model import (
    Model,
    load_model,
    predict,
    probabilities,
    score_of,
    signed_score,
)
from summitlib.learning.positions import QuoteSentence, position_score, speaker_position
from summitlib.paths import models_dir
from summitlib.scales import POSITION_RANGE
from summitlib.text.resources import tone
from summitlib.text.sentences import same_paragraph

QUOTE_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»’]?\s+")


@dataclass(frozen=True, slots=True)
class StanceSpan:
    """A sentence about integration: stance (-1/0/1), score, evidence, tone and relevance."""

    start: int
    end: int
    stance: int
    score: float
    evidence: str
    tone: float
    relevance: float


@lru_cache(maxsize=4)
def load_models(folder: Path | None = None) -> tuple[Model, Model]:
    """The (target, stance) models stored in ``folder`` (default: the shipped ones)."""
    folder = Path(folder or models_dir())
    return load_model(folder / "target_model.json"), load_model(folder / "stance_model.json")


def assess_stance(
    text: str,
    sentences: list[tuple[int, int]],
    tones: list[float] | None = None,
    models: tuple[Model, Model] | None = None,
) -> tuple[list[StanceSpan], list[float]]:
    """The sentences about integration with their stance, and every sentence's score."""
    target, stance = models or load_models()
    threshold = float(target["meta"]["threshold"])
    spans: list[StanceSpan] = []
    scores: list[float] = []
    for i, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        before = text[slice(*sentences[i - 1])] if i else ""
        first = i == 0 or not same_paragraph(text, sentences[i - 1][1], start)
        relevance = probabilities(target, featurize_target(sentence, before, i, first))[1]
        feats = featurize_for(stance["meta"], sentence, before)
        if relevance < threshold:
            scores.append(signed_score(stance, feats))
            continue
        label, score, evidence = predict(stance, feats)
        scores.append(score)
        mood = tones[i] if tones is not None else tone(sentence)
        spans.append(
            StanceSpan(start, end, label, score, "; ".join(evidence), mood, round(relevance, 6))
        )
    return spans, scores


def find_stance(
    text: str,
    sentences: list[tuple[int, int]],
    tones: list[float] | None = None,
    models: tuple[Model, Model] | None = None,
) -> list[StanceSpan]:
    """The sentences of a text that speak about integration, with their stance.

    >>> [s.stance for s in find_stance("The integration talks reached deadlock.", [(0, 39)])]
    [-1]
    """
    return assess_stance(text, sentences, tones, models)[0]


def _mean(values: list[float]) -> float:
    """The mean of ``values`` (0 for none)."""
    return sum(values) / len(values) if values else 0.0


def document_stance(spans: list[StanceSpan], scores: list[float] | None = None) -> float:
    """An article's stance on the -2…+2 scale: 2 × the average of the mean score of its
    stance rows and the mean score of all its sentences (``scores``; the rows' own without)."""
    rows = _mean([s.score for s in spans])
    every = _mean(scores) if scores is not None else rows
    return POSITION_RANGE * (rows + every) / 2


def quote_pieces(text: str) -> list[str]:
    """The sentences of one quotation (pieces of more than two characters)."""
    return [p.strip() for p in QUOTE_SENTENCE_END.split(text) if len(p.strip()) > 2]


def quote_sentences(text: str, models: tuple[Model, Model] | None = None) -> list[QuoteSentence]:
    """Each sentence of one quotation, scored by the (target, stance) models."""
    target, stance = models or load_models()
    scored = []
    for piece in quote_pieces(text):
        probs = probabilities(stance, featurize_for(stance["meta"], piece))
        neutral = probs[stance["labels"].index(0)]
        relevance = probabilities(target, featurize_target(piece))[1]
        scored.append(QuoteSentence(score_of(stance, probs), neutral, relevance))
    return scored


def speaker_sentences(
    texts: list[str], models: tuple[Model, Model] | None = None
) -> list[QuoteSentence]:
    """The sentences of a speaker's quotations, scored by the (target, stance) models."""
    return [s for t in texts for s in quote_sentences(t, models)]


def speaker_score(texts: list[str], models: tuple[Model, Model] | None = None) -> float:
    """A speaker's stance score on -2…+2: 2 × the mean score of their quotations' sentences."""
    return position_score(speaker_sentences(texts, models))


def speaker_stance(texts: list[str], models: tuple[Model, Model] | None = None) -> int:
    """A speaker's position on the -2…+2 scale, from the sentences of their quotations."""
    return speaker_position(speaker_sentences(texts, models))
