"""Train the stance, target (about-integration) and position models; tune the first two by CV.

Run: python -m summitlib.learning.train [--out DIR] [--quick]

Tuning uses only the stance bank and the bundled gold (grouped folds: bank rows by url,
gold rows by article), so the devset and the held-out fixtures stay honest test sets.
The shipped models are then trained on everything but the test-only stance gold (bank +
bundled + devset + heldout + the older blind sets; the newest blind sets' stance gold, in
``tests/fixtures/blind/stance-test``, is never trained on).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from threadpoolctl import threadpool_limits

from summitlib.evaluation import metrics
from summitlib.extract.stance import speaker_sentences
from summitlib.learning.datasets import (
    Article,
    Example,
    Sentence,
    gold_examples,
    gold_speakers,
    load_bank,
    load_corpus,
    shipped_examples,
    training_corpora,
)
from summitlib.learning.features import STANCE_FAMILIES, featurize, featurize_target
from summitlib.learning.model import Model, dump_model, make_model, predict, probabilities
from summitlib.learning.positions import POSITION_MODEL, QuoteSentence, speaker_features
from summitlib.paths import models_dir
from summitlib.text.spans import overlap

SEED = 0
N_FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
FAMILY_SETS: dict[str, frozenset[str]] = {
    "all": STANCE_FAMILIES,
    "no_bigrams": STANCE_FAMILIES - {"bigrams"},
    "no_words": STANCE_FAMILIES - {"words", "bigrams"},
    "no_prev": STANCE_FAMILIES - {"prev", "prev_target"},
    "no_polar": STANCE_FAMILIES - {"polar"},
}
TARGET_C_GRID = (0.1, 0.3, 1.0)
POSITION_C = 1.0  # scikit-learn's default, not tuned
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.1, 0.71, 0.05))
LABELS = (-1, 0, 1)


def macro_f1(gold: Sequence[int], pred: Sequence[int], labels: Sequence[int] = LABELS) -> float:
    """Macro-averaged F1 over ``labels``: the project scorer's, on parallel label lists."""
    return metrics.macro_f1(list(zip(gold, pred, strict=True)), tuple(labels))


def accuracy(gold: Sequence[int], pred: Sequence[int]) -> float:
    """Share of equal labels."""
    return sum(g == p for g, p in zip(gold, pred, strict=False)) / len(gold) if gold else 0.0


def fit_linear(feats: list[dict[str, float]], y: list[int], C: float, meta: dict) -> Model:
    """Fit a class-balanced L2 logistic regression (newton-cg) and export it as a JSON model."""
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(feats)
    clf = LogisticRegression(
        C=C, class_weight="balanced", solver="newton-cg", max_iter=200, tol=1e-6, random_state=SEED
    )
    with threadpool_limits(limits=1):  # one BLAS thread: two threads split sums run by run
        clf.fit(X, y)
    names = vec.get_feature_names_out()
    coef = clf.coef_  # (n_classes, n_features), or (1, n_features) when binary
    weights = {str(n): [float(c) for c in coef[:, j]] for j, n in enumerate(names)}
    return make_model(
        [int(c) for c in clf.classes_], [float(b) for b in clf.intercept_], weights, meta
    )


def stance_feats(examples: Sequence[Example], families: frozenset[str]) -> list[dict[str, float]]:
    """Stance features of examples."""
    return [featurize(e.text, e.before, families) for e in examples]


def train_stance(examples: Sequence[Example], C: float, families: frozenset[str]) -> Model:
    """A stance model (-1/0/1) trained on examples."""
    meta = {
        "kind": "stance",
        "C": C,
        "families": sorted(families),
        "n_train": len(examples),
        "score": "P(+1) - P(-1)",
    }
    return fit_linear(stance_feats(examples, families), [e.label for e in examples], C, meta)


def grouped_folds(
    groups: Sequence[str], n_folds: int = N_FOLDS
) -> list[tuple[list[int], list[int]]]:
    """Deterministic GroupKFold splits (no group on both sides)."""
    n = min(n_folds, len(set(groups)))
    gkf = GroupKFold(n_splits=n)
    idx = np.arange(len(groups))
    return [(list(a), list(b)) for a, b in gkf.split(idx, groups=list(groups))]


def cv_stance(
    examples: Sequence[Example],
    C: float,
    families: frozenset[str],
    fixed_train: Sequence[Example] = (),
) -> list[tuple[int, float]]:
    """Out-of-fold (label, score) for each example; ``fixed_train`` is always in training."""
    out: list[tuple[int, float]] = [(0, 0.0)] * len(examples)
    feats = stance_feats(examples, families)
    fixed_feats = stance_feats(fixed_train, families)
    for train_idx, test_idx in grouped_folds([e.group for e in examples]):
        X = fixed_feats + [feats[i] for i in train_idx]
        y = [e.label for e in fixed_train] + [examples[i].label for i in train_idx]
        model = fit_linear(X, y, C, {})
        for i in test_idx:
            label, score, _ = predict(model, feats[i])
            out[i] = (label, score)
    return out


def tune_stance(
    examples: Sequence[Example], log: Callable[[str], None] = print
) -> tuple[float, str]:
    """The (C, family set) with the best grouped-CV macro-F1 on ``examples``."""
    best = (-1.0, 0.0, "")
    gold = [e.label for e in examples]
    for fam_name, fams in FAMILY_SETS.items():
        for C in C_GRID:
            pred = [p for p, _ in cv_stance(examples, C, fams)]
            f1 = macro_f1(gold, pred)
            log(
                f"  tune stance families={fam_name:10s} C={C:<5} macro-F1={f1:.3f} "
                f"acc={accuracy(gold, pred):.3f}"
            )
            if f1 > best[0] + 1e-9:
                best = (f1, C, fam_name)
    return best[1], best[2]


# --- target (about integration) model -------------------------------------------------------


def target_rows(
    articles: Sequence[Article], bank: Sequence[Example]
) -> tuple[list[dict[str, float]], list[int], list[str]]:
    """Features, labels (1 = about integration) and groups for the target model."""
    feats, y, groups = [], [], []
    for a in articles:
        for s in a.sentences:
            feats.append(featurize_target(s.text, s.before, s.position, s.first_in_paragraph))
            y.append(int(s.relevant))
            groups.append(f"{a.corpus}:{a.file}")
    for e in bank:
        feats.append(featurize_target(e.text, e.before))
        y.append(1)
        groups.append(e.group)
    return feats, y, groups


def train_target(
    articles: Sequence[Article], bank: Sequence[Example], C: float, threshold: float
) -> Model:
    """A binary about-integration model; ``meta.threshold`` is the acceptance cut on P(1)."""
    feats, y, _ = target_rows(articles, bank)
    meta = {
        "kind": "target",
        "C": C,
        "threshold": threshold,
        "n_train": len(y),
        "score": "P(about integration)",
    }
    return fit_linear(feats, y, C, meta)


def target_prob(model: Model, s: Sentence) -> float:
    """P(the sentence is about integration)."""
    return probabilities(
        model, featurize_target(s.text, s.before, s.position, s.first_in_paragraph)
    )[1]


def cv_target(
    articles: Sequence[Article], bank: Sequence[Example], C: float
) -> list[tuple[Sentence, float]]:
    """Out-of-fold P(about integration) for every sentence of ``articles`` (bank always trains)."""
    feats, y, groups = target_rows(articles, [])
    sents = [s for a in articles for s in a.sentences]
    bank_feats, bank_y, _ = target_rows([], bank)
    probs = [0.0] * len(sents)
    for train_idx, test_idx in grouped_folds(groups):
        model = fit_linear(
            bank_feats + [feats[i] for i in train_idx], bank_y + [y[i] for i in train_idx], C, {}
        )
        for i in test_idx:
            probs[i] = probabilities(model, feats[i])[1]
    return list(zip(sents, probs, strict=False))


def scorer_labels(article: Article, rows: Sequence[tuple[int, int, int]]) -> tuple[list, list]:
    """(gold, predicted) stance of the article's gold sentences under the scorer's rule: the
    label of the (start, end, label) row overlapping most, 0 when no row overlaps."""
    gold, pred = [], []
    for g in article.gold_sentences:
        g0, g1 = int(g["start"]), int(g["end"])
        best, best_ov = 0, 0
        for r0, r1, label in rows:
            ov = overlap(g0, g1, r0, r1)
            if ov > best_ov:
                best, best_ov = label, ov
        gold.append(int(g["stance"]))
        pred.append(best)
    return gold, pred


def prf(pairs: Sequence[tuple[Sentence, float]], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F2 of relevance at a threshold."""
    tp = sum(1 for s, p in pairs if s.relevant and p >= threshold)
    fp = sum(1 for s, p in pairs if not s.relevant and p >= threshold)
    fn = sum(1 for s, p in pairs if s.relevant and p < threshold)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f2 = 5 * prec * rec / (4 * prec + rec) if prec + rec else 0.0
    return prec, rec, f2


def tune_target(
    articles: Sequence[Article], bank: Sequence[Example], log: Callable[[str], None] = print
) -> tuple[float, float]:
    """(C, threshold) maximising out-of-fold F2 (recall-weighted) of relevance."""
    best = (-1.0, 0.0, 0.0)
    for C in TARGET_C_GRID:
        pairs = cv_target(articles, bank, C)
        f2, t = max((prf(pairs, t)[2], -t) for t in THRESHOLDS)
        p, r, _ = prf(pairs, -t)
        log(f"  tune target C={C:<4} best t={-t} P={p:.3f} R={r:.3f} F2={f2:.3f}")
        if f2 > best[0] + 1e-9:
            best = (f2, C, -t)
    return best[1], best[2]


# --- position model (a speaker's stance from their quoted sentences) ---------------------------


def oof_speakers(
    articles: Sequence[Article],
    bank: Sequence[Example],
    stance_settings: tuple[float, frozenset[str]],
    target_C: float,
) -> tuple[list[list[QuoteSentence]], list[int], list[str]]:
    """Each gold speaker's quoted sentences read by stance and target models trained without
    their article (the bank always trains), the sign of their gold position, and the article."""
    C, families = stance_settings
    examples = [e for a in articles for e in gold_examples(a)]
    feats, bank_feats = stance_feats(examples, families), stance_feats(bank, families)
    tfeats, ty, tgroups = target_rows(articles, [])
    bank_tfeats, bank_ty, _ = target_rows([], bank)
    speakers: list[list[QuoteSentence]] = []
    signs: list[int] = []
    files: list[str] = []
    for _, test_idx in grouped_folds([a.file for a in articles]):
        out = {articles[i].file for i in test_idx}
        keep = [i for i, e in enumerate(examples) if e.group.split(":", 1)[1] not in out]
        stance = fit_linear(
            bank_feats + [feats[i] for i in keep],
            [e.label for e in bank] + [examples[i].label for i in keep],
            C,
            {"families": sorted(families)},
        )
        keep = [i for i, g in enumerate(tgroups) if g.split(":", 1)[1] not in out]
        target = fit_linear(
            bank_tfeats + [tfeats[i] for i in keep], bank_ty + [ty[i] for i in keep], target_C, {}
        )
        for i in test_idx:
            for _, gold, texts in gold_speakers(articles[i]):
                said = speaker_sentences(texts, (target, stance))
                if said:
                    speakers.append(said)
                    signs.append(gold)
                    files.append(articles[i].file)
    return speakers, signs, files


def train_position(
    speakers: Sequence[Sequence[QuoteSentence]], signs: Sequence[int], C: float = POSITION_C
) -> Model:
    """The position model: the sign of a speaker's position from :func:`speaker_features`."""
    meta = {
        "kind": "position",
        "C": C,
        "n_train": len(signs),
        "score": "P(+1) - P(-1)",
        "trained_on": "out-of-fold sentence scores of the gold speakers (by article)",
    }
    return fit_linear([speaker_features(s) for s in speakers], list(signs), C, meta)


def main(argv: list[str] | None = None) -> None:
    """Tune on bank + bundled by grouped CV, then train and write the two model files."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=models_dir())
    args = ap.parse_args(argv)

    bank = load_bank()
    bundled = load_corpus("bundled")
    all_articles = [a for c in training_corpora() for a in load_corpus(c)]
    tune_set = bank + [e for a in bundled for e in gold_examples(a)]
    print(
        f"tuning stance on bank+bundled: {len(tune_set)} sentences, "
        f"{len({e.group for e in tune_set})} groups"
    )
    C, fam_name = tune_stance(tune_set)
    print(f"chosen stance C={C} families={fam_name}")
    print("tuning target on bundled articles (+ bank positives)")
    tC, threshold = tune_target(bundled, bank)
    print(f"chosen target C={tC} threshold={threshold}")

    everything = shipped_examples()
    stance = train_stance(everything, C, FAMILY_SETS[fam_name])
    stance["meta"]["family_set"] = fam_name
    target = train_target(all_articles, bank, tC, threshold)
    speakers, signs, _ = oof_speakers(all_articles, bank, (C, FAMILY_SETS[fam_name]), tC)
    position = train_position(speakers, signs)
    dump_model(stance, args.out / "stance_model.json")
    dump_model(target, args.out / "target_model.json")
    dump_model(position, args.out / POSITION_MODEL)
    print(
        f"wrote {args.out / 'stance_model.json'} ({len(stance['weights'])} features), "
        f"{args.out / 'target_model.json'} ({len(target['weights'])} features), "
        f"{args.out / POSITION_MODEL} ({len(speakers)} speakers)"
    )


if __name__ == "__main__":
    main()
