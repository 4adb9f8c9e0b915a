"""Honest figures for the learned stance and target models (see the module's sections a–f).

Run: python -m summitlib.learning.evaluate [--json summitlib/data/models/evaluation.json]
(after train.py; reads the chosen C, feature set and threshold from stance_model.json /
target_model.json, which train.py tuned on bank+bundled). With ``--json`` the figures are also
written as JSON (no timings, so the same data give the same bytes); notebook 05 shows the
shipped file next to the scores on the corpus at hand.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from scipy.stats import spearmanr

from summitlib.analysis.stats import tone_sign
from summitlib.corpus.reader import load_corpus as read_corpus
from summitlib.evaluation import baselines, metrics
from summitlib.extract.stance import assess_stance, document_stance, speaker_sentences
from summitlib.learning.datasets import (
    Article,
    Example,
    gold_corpora,
    gold_examples,
    gold_speakers,
    load_bank,
    load_corpus,
    test_only_sets,
    training_corpora,
)
from summitlib.learning.features import featurize_for, featurize_target
from summitlib.learning.figures import write_figures
from summitlib.learning.model import Model, load_model, predict, probabilities
from summitlib.learning.positions import POSITION_MODEL, position_score, speaker_position
from summitlib.learning.train import (
    FAMILY_SETS,
    accuracy,
    cv_stance,
    grouped_folds,
    macro_f1,
    oof_speakers,
    scorer_labels,
    train_position,
    train_stance,
    train_target,
)
from summitlib.paths import models_dir
from summitlib.scales import position, sign
from summitlib.text.resources import tone

OLD_DEAD_BAND = 0.2  # the speakers' dead band before the position model
FIGURES: dict[str, dict] = {}


def spearman_figure(key: str, what: str, ours: Sequence[float], theirs: Sequence[float]) -> float:
    """Spearman's rho of our document scores against the gold's, kept in FIGURES under ``key``."""
    rho = float(spearmanr(ours, theirs).statistic)
    FIGURES[key] = {"what": what, "n": len(theirs), "spearman": rho}
    return rho


def report(name: str, gold: Sequence[int], pred: Sequence[int], key: str = "") -> None:
    """Print macro-F1 and accuracy (and keep them under ``key`` for the JSON file)."""
    f1, acc = macro_f1(gold, pred), accuracy(gold, pred)
    print(f"  {name:52s} n={len(gold):4d} macro-F1={f1:.3f} acc={acc:.3f}")
    if key:
        FIGURES[key] = {"what": name.strip(), "n": len(gold), "macro_f1": f1, "accuracy": acc}


def vader_labels(examples: Sequence[Example]) -> list[int]:
    """Plain VADER baseline: the sign of each sentence's compound score (neutral within ±0.05)."""
    return [tone_sign(tone(e.text)) for e in examples]


def end_to_end(
    articles: Sequence[Article], stance: Model, target: Model
) -> tuple[list[int], list[int], list[float]]:
    """Scorer-style labels of the gold stance sentences when the package's own stance pass
    (:func:`assess_stance`: the target model gates) runs on the articles (no overlapping row = 0);
    also each article's ``integration_stance`` (:func:`document_stance`), as annotation makes it."""
    gold, pred, docs = [], [], []
    for a in articles:
        spans = [(s.start, s.end) for s in a.sentences]
        rows, scores = assess_stance(a.raw, spans, [0.0] * len(spans), (target, stance))
        docs.append(document_stance(rows, scores))
        g, p = scorer_labels(a, [(r.start, r.end, r.stance) for r in rows])
        gold, pred = gold + g, pred + p
    return gold, pred, docs


def target_prf(articles: Sequence[Article], target: Model) -> tuple[float, float]:
    """Precision and recall of the target model on the package sentences of ``articles``."""
    t = target["meta"]["threshold"]
    tp = fp = fn = 0
    for a in articles:
        for s in a.sentences:
            ok = (
                probabilities(
                    target, featurize_target(s.text, s.before, s.position, s.first_in_paragraph)
                )[1]
                >= t
            )
            tp += ok and s.relevant
            fp += ok and not s.relevant
            fn += (not ok) and s.relevant
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def speaker_positions(
    corp: dict[str, list[Article]],
    bank: Sequence[Example],
    stance_settings: tuple[float, frozenset[str]],
    target_C: float,
) -> None:
    """Sign agreement of speaker positions out of fold by article: the sentences read by
    stance and target models that never saw the article, the position model trained on the
    other folds' speakers; next to the rule it replaced (2 × the mean score, dead band 0.2)."""
    articles = [a for c in corp for a in corp[c]]
    corpus_of = {a.file: a.corpus for a in articles}
    speakers, signs, files = oof_speakers(articles, bank, stance_settings, target_C)
    predicted = [0] * len(signs)
    for train_idx, test_idx in grouped_folds(files):
        model = train_position([speakers[i] for i in train_idx], [signs[i] for i in train_idx])
        for i in test_idx:
            predicted[i] = sign(speaker_position(speakers[i], model))
    rule = [sign(position(position_score(s), OLD_DEAD_BAND)) for s in speakers]
    for name, pred in (("speaker_sign_cv", predicted), ("speaker_sign_cv_rule", rule)):
        for c in corp:
            idx = [i for i, f in enumerate(files) if corpus_of[f] == c]
            agree = sum(pred[i] == signs[i] for i in idx)
            print(f"  {name} {c:8s} {agree}/{len(idx)} = {agree / max(1, len(idx)):.3f}")
        agree = sum(p == g for p, g in zip(pred, signs, strict=True))
        FIGURES[name] = {
            "what": "speaker sign agreement, out of fold by article"
            + (" (the earlier dead-band rule)" if name.endswith("rule") else ""),
            "n": len(signs),
            "agreement": agree / max(1, len(signs)),
        }
        print(f"  {name} all {agree}/{len(signs)} = {agree / max(1, len(signs)):.3f}")


def kept_out_speakers(models: tuple[Model, Model], position_model: Model) -> None:
    """Sign agreement of the shipped models on the speakers of the test-only gold."""
    pairs = []
    for a in load_corpus("blind-test"):
        for _, gold, texts in gold_speakers(a):
            said = speaker_sentences(texts, models)
            if said:
                pairs.append((gold, sign(speaker_position(said, position_model))))
    agree = sum(g == p for g, p in pairs)
    sets = test_only_sets()
    FIGURES["speaker_sign_blind_test"] = {
        "what": f"speaker sign agreement, blind sets {sets} (never trained on), gold quotes",
        "n": len(pairs),
        "agreement": agree / max(1, len(pairs)),
        "sets": sets,
    }
    print(f"  speaker sign agreement, blind sets {sets}: {agree}/{len(pairs)}")


def rule_baseline(name: str) -> None:
    """The earlier rule model on a gold corpus, scored like the scorer (no overlapping row = 0)."""
    texts, gold_dir = gold_corpora()[name]
    corpus = read_corpus(texts.parent)
    gold = metrics.read_gold(gold_dir)
    dmap = metrics.doc_map(corpus, gold, texts)
    rows = baselines.rule_stance_rows(corpus, [d.doc_id for d in corpus])
    pairs = metrics.stance_pairs(gold["stance_sentences"], rows.to_dict("records"), dmap)
    gold_labels, predicted = [g for g, _ in pairs], [p for _, p in pairs]
    report(f"earlier rules on {name}", gold_labels, predicted, f"rules_{name}")


def unseen_blind(
    corp: dict[str, list[Article]],
    gold: dict[str, list[Example]],
    bank: Sequence[Example],
    stance_settings: tuple[float, frozenset[str]],
    target_settings: tuple[float, float],
) -> list[float]:
    """End-to-end stance on the blind sets with models trained on everything else (the bank
    and the other gold corpora): the figure for articles in house styles nobody trained on.
    Returns the blind articles' ``integration_stance``."""
    others = [c for c in corp if c != "blind"]
    stance = train_stance(list(bank) + [e for c in others for e in gold[c]], *stance_settings)
    target = train_target([a for c in others for a in corp[c]], bank, *target_settings)
    g, p, docs = end_to_end(corp["blind"], stance, target)
    report("blind sets end to end (models trained on bank + the other gold)", g, p, "blind_unseen")
    return docs


def kept_out(stance: Model, target: Model) -> None:
    """End-to-end stance and document Spearman of the shipped models on the test-only gold."""
    articles, sets = list(load_corpus("blind-test")), test_only_sets()
    g, p, docs = end_to_end(articles, stance, target)
    report(f"blind sets {sets}, end to end (never trained on)", g, p, "blind_test")
    gold_docs = [a.doc_stance for a in articles]
    what = f"document Spearman, blind sets {sets} (never trained on)"
    rho = spearman_figure("spearman_blind_test", what, docs, gold_docs)
    print(f"  blind sets {sets} document Spearman = {rho:.3f} (n={len(gold_docs)})")
    for key in ("blind_test", "spearman_blind_test"):
        FIGURES[key]["sets"] = sets


def cross_validated_end_to_end(
    corp: dict[str, list[Article]],
    gold: dict[str, list[Example]],
    bank: Sequence[Example],
    stance_settings: tuple[float, frozenset[str]],
    target_settings: tuple[float, float],
) -> None:
    """Stance macro-F1 (scorer rule) and document Spearman over all gold articles, each scored
    by target and stance models trained without it: the estimate for the shipped models."""
    articles = [a for c in corp for a in corp[c]]
    labels: dict[str, tuple[list[int], list[int]]] = {c: ([], []) for c in corp}
    docs: dict[str, list[tuple[float, float]]] = {c: [] for c in corp}
    for train_idx, test_idx in grouped_folds([a.file for a in articles]):
        test_files = {articles[i].file for i in test_idx}
        train_gold = [
            e for c in corp for e in gold[c] if e.group.split(":", 1)[1] not in test_files
        ]
        stance = train_stance(list(bank) + train_gold, *stance_settings)
        target = train_target([articles[i] for i in train_idx], bank, *target_settings)
        for i in test_idx:
            a = articles[i]
            g, p, (score,) = end_to_end([a], stance, target)
            labels[a.corpus][0].extend(g)
            labels[a.corpus][1].extend(p)
            if a.doc_stance is not None:
                docs[a.corpus].append((score, a.doc_stance))
    all_gold = [x for c in corp for x in labels[c][0]]
    all_pred = [x for c in corp for x in labels[c][1]]
    report("all gold articles, end to end (OOF)", all_gold, all_pred, "cv_end_to_end")
    for c in corp:
        report(f"  of which {c}", *labels[c], f"cv_end_to_end_{c}")
    for name, pairs in (("all", [d for c in corp for d in docs[c]]), ("devset", docs["devset"])):
        what = f"document Spearman, {name} gold articles, out of fold"
        ours, theirs = [x for x, _ in pairs], [y for _, y in pairs]
        rho = spearman_figure(f"spearman_cv_{name}", what, ours, theirs)
        print(f"  document Spearman, {name} (OOF) = {rho:.3f} (n={len(pairs)})")


def main(argv: Sequence[str] | None = None) -> None:
    """Print figures a–f and the timing; with ``--json PATH`` also write the figures."""
    parser = argparse.ArgumentParser(description="Honest figures for the stance models.")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    stance_meta = load_model(models_dir() / "stance_model.json")["meta"]
    target_meta = load_model(models_dir() / "target_model.json")["meta"]
    C, fams = stance_meta["C"], FAMILY_SETS[stance_meta["family_set"]]
    tC, threshold = target_meta["C"], target_meta["threshold"]
    print(
        f"settings (from train.py's CV on bank+bundled): stance C={C} "
        f"families={stance_meta['family_set']}; "
        f"target C={tC} threshold={threshold}"
    )
    bank = load_bank()
    corp = {c: list(load_corpus(c)) for c in training_corpora()}
    gold = {c: [e for a in arts for e in gold_examples(a)] for c, arts in corp.items()}

    print("a. grouped 5-fold CV on the stance bank (groups = url)")
    oof = cv_stance(bank, C, fams)
    report("bank CV", [e.label for e in bank], [p for p, _ in oof], "bank_cv")

    print("b. devset, models trained on bank + bundled only")
    stance_b = train_stance(bank + gold["bundled"], C, fams)
    target_b = train_target(corp["bundled"], bank, tC, threshold)
    dev_pred = [
        predict(stance_b, featurize_for(stance_b["meta"], e.text, e.before))[0]
        for e in gold["devset"]
    ]
    report("devset gold stance sentences", [e.label for e in gold["devset"]], dev_pred, "devset")
    g, p, dev_docs = end_to_end(corp["devset"], stance_b, target_b)
    report("devset end to end (target model gates, scorer rule)", g, p, "devset_end_to_end")
    prec, rec = target_prf(corp["devset"], target_b)
    print(f"  target model on devset sentences: precision={prec:.3f} recall={rec:.3f}")
    FIGURES["devset_target"] = {"what": "target model on devset", "precision": prec, "recall": rec}
    g, p, held_docs = end_to_end(corp["heldout"], stance_b, target_b)
    report("heldout end to end (same models)", g, p, "heldout_end_to_end")
    blind_docs = unseen_blind(corp, gold, bank, (C, fams), (tC, threshold))

    print("c. grouped CV by article over every gold corpus, bank always in training")
    examples = [e for c in corp for e in gold[c]]
    oof = cv_stance(examples, C, fams, fixed_train=bank)
    report("all gold articles (OOF)", [e.label for e in examples], [x for x, _ in oof], "cv_all")
    for c in corp:
        idx = [i for i, e in enumerate(examples) if e.source == c]
        gold_c, pred_c = [examples[i].label for i in idx], [oof[i][0] for i in idx]
        report(f"  of which {c}", gold_c, pred_c, f"cv_{c}")

    print("d. bundled corpus (trained on bank + the other gold corpora) and the VADER baseline")
    stance_d = train_stance(bank + [e for c in corp if c != "bundled" for e in gold[c]], C, fams)
    report(
        "bundled gold stance sentences",
        [e.label for e in gold["bundled"]],
        [
            predict(stance_d, featurize_for(stance_d["meta"], e.text, e.before))[0]
            for e in gold["bundled"]
        ],
    )
    for name, ex in (("bank", bank), *gold.items()):
        labels = [e.label for e in ex]
        report(f"VADER baseline on {name}", labels, vader_labels(ex), f"vader_{name}")
    for name in corp:
        rule_baseline(name)

    print(
        "e. document stance (integration_stance as annotation computes it; each corpus scored by"
        " models that never saw it)"
    )
    gold_docs = [a.doc_stance for a in corp["devset"]]
    for name, ours, theirs in (
        ("devset", dev_docs, gold_docs),
        ("heldout", held_docs, [a.doc_stance for a in corp["heldout"]]),
        ("blind", blind_docs, [a.doc_stance for a in corp["blind"]]),
    ):
        rho = spearman_figure(f"spearman_{name}", f"document Spearman, {name}", ours, theirs)
        print(f"  {name} Spearman = {rho:.3f} (n={len(theirs)})")

    print("f. speaker positions from gold quote spans (all models out of fold by article)")
    speaker_positions(corp, bank, (C, fams), tC)

    print("g. end to end, grouped CV by article: both models out of fold (bank always trains)")
    cross_validated_end_to_end(corp, gold, bank, (C, fams), (tC, threshold))

    print(f"h. blind sets {test_only_sets()}, whose stance gold is never trained on: the models")
    shipped = (
        load_model(models_dir() / "target_model.json"),
        load_model(models_dir() / "stance_model.json"),
    )
    kept_out(shipped[1], shipped[0])
    kept_out_speakers(shipped, load_model(models_dir() / POSITION_MODEL))

    if args.json:
        write_figures(FIGURES, args.json)
        print(f"figures written to {args.json}")

    print("timing: featurize + predict (stance and target) over all devset package sentences")
    stance, target = (
        load_model(models_dir() / "stance_model.json"),
        load_model(models_dir() / "target_model.json"),
    )
    sents = [s for a in corp["devset"] for s in a.sentences]
    for name, fn in (
        ("stance", lambda s: predict(stance, featurize_for(stance["meta"], s.text, s.before))),
        (
            "target",
            lambda s: predict(
                target, featurize_target(s.text, s.before, s.position, s.first_in_paragraph)
            ),
        ),
    ):
        t0 = time.perf_counter()
        for _ in range(3):
            for s in sents:
                fn(s)
        per = (time.perf_counter() - t0) / (3 * len(sents)) * 1000
        print(f"  {name}: {per:.3f} ms per sentence (n={len(sents)})")


if __name__ == "__main__":
    main()
