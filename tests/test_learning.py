"""The learned stance models: shipped with provenance, deterministic to train, readable."""

from __future__ import annotations

import hashlib
import math

import pytest

from summitlib.extract.stance import load_models, quote_sentences, speaker_score, speaker_stance
from summitlib.learning import train
from summitlib.learning.datasets import (
    TEST_ONLY,
    blind_set,
    load_bank,
    load_corpus,
    set_order,
    shipped_examples,
    training_corpora,
)
from summitlib.learning.datasets import (
    test_only_sets as kept_out_sets,
)
from summitlib.learning.features import (
    STANCE_FAMILIES,
    featurize,
    featurize_for,
    featurize_target,
)
from summitlib.learning.model import dump_model, predict, probabilities, signed_score
from summitlib.learning.positions import load_position_model, speaker_features, speaker_position
from summitlib.learning.train import train_stance
from summitlib.paths import models_dir, training_dir


def test_the_shipped_models_carry_their_settings():
    target, stance = load_models()
    assert target["labels"] == [0, 1] and 0 < target["meta"]["threshold"] < 1
    assert stance["labels"] == [-1, 0, 1] and stance["meta"]["C"] > 0
    assert all(len(w) == 3 for w in stance["weights"].values())


def test_the_training_data_ships_with_its_provenance():
    bank = load_bank()
    assert len(bank) == 500
    assert {e.label for e in bank} == {-1, 0, 1}
    readme = (training_dir() / "stance-bank" / "README.md").read_text(encoding="utf-8")
    assert "paraphrase" in readme


def test_the_test_only_stance_gold_never_reaches_training():
    kept_out = {a.file for name in TEST_ONLY for a in load_corpus(name)}
    assert len(kept_out) >= 16 and not set(TEST_ONLY) & set(training_corpora())
    trained = {a.file for name in training_corpora() for a in load_corpus(name)}
    assert not kept_out & trained
    assert not {e.group.split(":", 1)[1] for e in shipped_examples()} & kept_out


def test_the_test_only_sets_are_named_by_their_letters():
    letters = sorted({blind_set(a.file) for a in load_corpus("blind-test")}, key=set_order)
    assert kept_out_sets() == f"{letters[0]}–{letters[-1]}"
    trained = {blind_set(a.file) for a in load_corpus("blind") if a.gold_sentences}
    newest_trained = max(trained, key=set_order)
    assert set_order(newest_trained) < set_order(letters[0]), "the newest sets are test-only"
    assert [blind_set(f) for f in ("a01_tass.txt", "z06_x.txt", "aa03_y.txt")] == ["A", "Z", "AA"]


def test_training_is_deterministic(tmp_path):
    examples = load_bank()[::4]
    digests = []
    for name in ("a.json", "b.json"):
        dump_model(train_stance(examples, 0.3, STANCE_FAMILIES), tmp_path / name)
        digests.append(hashlib.sha256((tmp_path / name).read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_features_have_readable_names():
    feats = featurize("The talks did not reach a breakthrough on the Union State.", "")
    assert "neg_cue:for:breakthrough" in feats
    assert any(name.startswith("target:") for name in feats)


def test_a_prediction_agrees_with_the_shipped_weights_read_by_hand():
    """Label, score and evidence of :func:`predict` recomputed from the JSON weights: softmax
    of the summed weights, P(+1) - P(-1), and the features whose push toward the label (weight
    minus the mean over classes) is largest and positive, ties by name."""
    _, stance = load_models()
    labels, weights = stance["labels"], stance["weights"]
    for e in load_bank()[::25]:
        feats = featurize_for(stance["meta"], e.text, e.before)
        z = list(stance["intercepts"])
        for name, value in feats.items():
            for k, w in enumerate(weights.get(name, [0.0] * 3)):
                z[k] += w * value
        probs = [math.exp(v - max(z)) for v in z]
        probs = [p / sum(probs) for p in probs]
        k = max(range(3), key=lambda i: (probs[i], -abs(labels[i])))
        pushes = {
            n: (weights[n][k] - sum(weights[n]) / 3) * v for n, v in feats.items() if n in weights
        }
        ranked = sorted((n for n in pushes if pushes[n] > 0), key=lambda n: (-pushes[n], n))
        label, score, evidence = predict(stance, feats)
        assert label == labels[k]
        assert score == signed_score(stance, feats) == pytest.approx(probs[2] - probs[0], abs=1e-6)
        assert evidence == ranked[:5]


def test_relevance_agrees_with_the_target_weights_read_by_hand():
    """P(about integration) is the logistic of the intercept plus the summed weights."""
    target, _ = load_models()
    weights = target["weights"]
    for e in load_bank()[::25]:
        feats = featurize_target(e.text, e.before, 1, True)
        logit = target["intercepts"][0] + sum(
            weights[n][0] * v for n, v in feats.items() if n in weights
        )
        p = 1 / (1 + math.exp(-logit))
        assert probabilities(target, feats) == pytest.approx([1 - p, p], abs=1e-12)


def test_the_shipped_models_are_what_training_writes_from_the_shipped_data(tmp_path):
    train.main(["--out", str(tmp_path)])
    for name in ("stance_model.json", "target_model.json", "position_model.json"):
        shipped = (models_dir() / name).read_bytes()
        assert (tmp_path / name).read_bytes() == shipped, f"retrain: {name} is stale"


SPEAKERS = [
    ["We signed the road maps and the Union State integration will deepen."],
    ["We will never give up our sovereignty; integration into Russia is out of the question."],
    ["Political prisoners must be released at once. The repression is a disgrace."],
    ["The talks went on for hours.", "Nobody will swallow anybody: we are sovereign states."],
]


def test_a_position_agrees_with_the_position_weights_read_by_hand():
    """The sign of a speaker's position is the most probable class of the softmax of the
    position model's intercepts plus its four features times their weights; its size is
    2 × the mean sentence score rounded, at least 1."""
    model = load_position_model()
    assert model["labels"] == [-1, 0, 1]
    assert sorted(model["weights"]) == [
        "log_sentences",
        "max_relevance",
        "mean_neutral",
        "mean_score",
    ]
    for texts in SPEAKERS:
        said = [s for t in texts for s in quote_sentences(t)]
        feats = speaker_features(said)
        z = [
            b + sum(model["weights"][n][k] * v for n, v in feats.items())
            for k, b in enumerate(model["intercepts"])
        ]
        label = model["labels"][z.index(max(z))]
        size = max(1, min(2, round(abs(2 * feats["mean_score"]))))
        assert speaker_position(said) == speaker_stance(texts) == label * size


def test_a_speaker_who_does_not_speak_of_integration_takes_no_position_on_it():
    """Harsh words about repression lean negative, but they are not about integration: the
    position model reads P(about integration) too (the earlier rule, 2 × the mean score with a
    dead band of 0.2, gave -1)."""
    texts = SPEAKERS[2]
    assert speaker_score(texts) < -0.4
    assert max(s.relevance for t in texts for s in quote_sentences(t)) < 0.3
    assert speaker_stance(texts) == 0
    assert speaker_stance(SPEAKERS[0]) > 0 > speaker_stance(SPEAKERS[1])
