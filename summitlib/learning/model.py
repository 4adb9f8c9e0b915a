"""A tiny, transparent linear model: JSON weights, pure-Python inference with evidence."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

Model = dict[str, Any]
DECIMALS = 6


def load_model(path: str | Path) -> Model:
    """Read a model JSON file (labels, intercepts, weights {feature: [w per label]}, meta)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def dump_model(model: Model, path: str | Path) -> None:
    """Write a model as canonical JSON (sorted keys, fixed indent): same model, same bytes."""
    text = json.dumps(model, sort_keys=True, indent=1, ensure_ascii=False)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text + "\n", encoding="utf-8")


def make_model(
    labels: list[int], intercepts: list[float], weights: dict[str, list[float]], meta: dict
) -> Model:
    """A model dict with weights rounded and zero rows dropped."""
    rounded = {
        f: [round(float(w), DECIMALS) for w in ws]
        for f, ws in sorted(weights.items())
        if any(round(float(w), DECIMALS) for w in ws)
    }
    return {
        "labels": [int(x) for x in labels],
        "intercepts": [round(float(b), DECIMALS) for b in intercepts],
        "weights": rounded,
        "meta": meta,
    }


Present = list[tuple[str, float, list[float]]]


def _present(model: Model, feats: dict[str, float]) -> Present:
    """The features the model has weights for: (name, value, weight per class), in order."""
    weights = model["weights"]
    return [(n, v, row) for n, v in feats.items() if (row := weights.get(n)) is not None]


def _logits(model: Model, feats: dict[str, float]) -> list[float]:
    """The intercepts plus each known feature's value times its weights, summed in order."""
    weights = model["weights"]
    z = list(model["intercepts"])
    if len(z) == 1:  # the target model, unrolled (as the stance model below): the hot path
        z0 = z[0]
        for name, value in feats.items():
            if (row := weights.get(name)) is not None:
                z0 += row[0] * value
        return [z0]
    if len(z) == 3:  # the stance model, unrolled
        z0, z1, z2 = z
        for name, value in feats.items():
            if (row := weights.get(name)) is not None:
                z0 += row[0] * value
                z1 += row[1] * value
                z2 += row[2] * value
        return [z0, z1, z2]
    for name, value in feats.items():
        if (row := weights.get(name)) is not None:
            for k, w in enumerate(row):
                z[k] += w * value
    return z


def _present_logits(model: Model, present: Present) -> list[float]:
    """The logits of :func:`_logits` from the features present (same sums, same order)."""
    z = list(model["intercepts"])
    if len(z) == 3:  # the stance model, unrolled
        z0, z1, z2 = z
        for _name, value, row in present:
            z0 += row[0] * value
            z1 += row[1] * value
            z2 += row[2] * value
        return [z0, z1, z2]
    for _name, value, row in present:
        for k, w in enumerate(row):
            z[k] += w * value
    return z


def probabilities(model: Model, feats: dict[str, float]) -> list[float]:
    """Class probabilities (softmax; a single-row binary model uses the logistic)."""
    return _probabilities(_logits(model, feats))


def _probabilities(z: list[float]) -> list[float]:
    """Class probabilities from logits (softmax; a single logit: the logistic)."""
    if len(z) == 1:  # binary: one logit for labels[1]
        p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z[0]))))
        return [1.0 - p, p]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


def _label_index(model: Model, probs: list[float]) -> int:
    """Index of the most probable class (ties: the label nearer 0)."""
    labels = model["labels"]
    return max(range(len(labels)), key=lambda i: (probs[i], -abs(labels[i])))


def score_of(model: Model, probs: list[float]) -> float:
    """P(+1) - P(-1) for a stance model, else P of the last class."""
    labels = model["labels"]
    if -1 in labels and 1 in labels:
        return round(probs[labels.index(1)] - probs[labels.index(-1)], 6)
    return round(probs[-1], 6)


def _evidence(present: Present, k: int, n: int) -> list[str]:
    """The ``n`` features that pushed most toward class index ``k`` (ties by name)."""
    pushes = []
    for name, value, row in present:  # each one's push toward k, relative to the other classes
        if len(row) == 1:
            push = row[0] * value * (1 if k == 1 else -1)
        else:
            push = (row[k] - sum(row) / len(row)) * value
        if push > 0:
            pushes.append((-push, name))
    pushes.sort()
    return [name for _, name in pushes[:n]]


def predict(
    model: Model, feats: dict[str, float], n_evidence: int = 5
) -> tuple[int, float, list[str]]:
    """(label, signed score, evidence): score is P(+1) - P(-1) (binary: P(1)); evidence names the
    features that pushed most toward the chosen label."""
    present = _present(model, feats)
    probs = _probabilities(_present_logits(model, present))
    k = _label_index(model, probs)
    return model["labels"][k], score_of(model, probs), _evidence(present, k, n_evidence)


def signed_score(model: Model, feats: dict[str, float]) -> float:
    """The signed score of :func:`predict` alone (no label or evidence)."""
    return score_of(model, probabilities(model, feats))


MODEL_FILES = ("target_model.json", "stance_model.json")
MODEL_KEYS = ("labels", "intercepts", "weights", "meta")


def check_model_folder(folder: str | Path, name: str = "--stance-model") -> Path:
    """A model folder made by ``summit train`` (both model files, readable), as a Path."""
    from summitlib.errors import ParameterError

    path = Path(folder).expanduser()
    if not path.is_dir():
        raise ParameterError(
            f"{name} {str(path)!r} is not a folder; give the folder written by summit train --out"
        )
    for file in MODEL_FILES:
        try:
            model = load_model(path / file)
            ok = isinstance(model, dict) and set(MODEL_KEYS) <= set(model)
        except (OSError, ValueError):
            ok = False
        if not ok:
            raise ParameterError(
                f"{name} {str(path)!r} holds no readable {file}; "
                "give the folder written by summit train --out"
            )
    return path.resolve()


def folder_digest(folder: str | Path) -> str:
    """SHA-256 of the model files of a folder: what an annotation made with them depends on."""
    digest = hashlib.sha256()
    for file in MODEL_FILES:
        digest.update(file.encode() + b"\0" + (Path(folder) / file).read_bytes())
    return digest.hexdigest()
