"""The learned stance models: shipped with provenance, deterministic to train, readable."""

from __future__ import annotations

import hashlib

from summitlib.extract.stance import load_models
from summitlib.learning.datasets import load_bank
from summitlib.learning.features import STANCE_FAMILIES, featurize
from summitlib.learning.model import dump_model
from summitlib.learning.train import train_stance
from summitlib.paths import training_dir


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
