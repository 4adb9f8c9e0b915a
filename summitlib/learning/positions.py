"""The position model: a speaker's stance toward integration from the sentences they are quoted in.

Each sentence of a speaker's quotations in one article is read by the stance and target models
(:class:`QuoteSentence`); four readable features sum them up (:func:`speaker_features`):

- ``mean_score``: the mean signed score P(+1) − P(−1), which alone made the position until
  2026-11-24 (2 × it, 0 within a dead band of 0.2);
- ``mean_neutral``: the mean P(0), how descriptive the speaker's words are;
- ``max_relevance``: the highest P(about integration): a speaker who never speaks about
  integration takes no position on it;
- ``log_sentences``: log(1 + the number of sentences).

A class-balanced logistic regression over them (``data/models/position_model.json``, trained by
``python -m summitlib.learning.train`` on the gold speaker positions, with each sentence read by
models that never saw its article: scores in sample are more confident than on new text) gives
the sign of the position, −1, 0 or +1; its size, 1 or 2, is 2 × the mean score rounded.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from summitlib.learning.model import Model, load_model, predict
from summitlib.paths import models_dir
from summitlib.scales import POSITION_RANGE, clip

POSITION_MODEL = "position_model.json"


@dataclass(frozen=True, slots=True)
class QuoteSentence:
    """One sentence of a quotation as the models read it: the stance model's signed score
    P(+1) − P(−1) and P(0), and the target model's P(about integration)."""

    score: float
    neutral: float
    relevance: float


def speaker_features(sentences: Sequence[QuoteSentence]) -> dict[str, float]:
    """The position model's features of a speaker's quoted sentences (none for no sentence)."""
    if not sentences:
        return {}
    n = len(sentences)
    return {
        "mean_score": sum(s.score for s in sentences) / n,
        "mean_neutral": sum(s.neutral for s in sentences) / n,
        "max_relevance": max(s.relevance for s in sentences),
        "log_sentences": math.log1p(n),
    }


def position_score(sentences: Sequence[QuoteSentence]) -> float:
    """The speaker's stance score on -2…+2: 2 × the mean signed score of their sentences."""
    return POSITION_RANGE * (sum(s.score for s in sentences) / len(sentences)) if sentences else 0.0


@lru_cache(maxsize=2)
def load_position_model(folder: Path | None = None) -> Model:
    """The position model stored in ``folder`` (default: the shipped one)."""
    return load_model(Path(folder or models_dir()) / POSITION_MODEL)


def speaker_position(sentences: Sequence[QuoteSentence], model: Model | None = None) -> int:
    """A speaker's position on -2…+2: the model's sign, sized by 2 × the mean score rounded."""
    if not sentences:
        return 0
    label = predict(model or load_position_model(), speaker_features(sentences))[0]
    return label * int(clip(round(abs(position_score(sentences))), POSITION_RANGE) or 1)
