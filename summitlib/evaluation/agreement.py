"""Agreement between a coder's sheet and the machine, and the shares a researcher should report.

Every figure is weighted by the design weights of :mod:`.sampling` (each coded row stands for
the rows of its stratum and article that it represents), so a sample drawn equally per machine
label still estimates figures for the whole corpus. Stance: per-label precision, recall and
F1, macro-F1 and Cohen's kappa (scikit-learn) over the rows coded -1, 0 or 1; rows coded ``x``
are target errors, counted separately. The **corrected shares** undo the measured
misclassification: with q_j the machine's share of label j among its integration sentences and
P(i | j) the coders' label distribution among the coded rows the machine labelled j (the
confusion matrix normalised by machine label), the share of label i is sum_j q_j P(i | j),
renormalised over i in -1, 0, 1. Intervals are 95% percentile bootstraps that resample the
coded rows within each stratum (fixed seed, same figures every run).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from sklearn import config_context
from sklearn.metrics import cohen_kappa_score, confusion_matrix, precision_recall_fscore_support

from summitlib.evaluation.metrics import speakers
from summitlib.evaluation.sampling import design_weights
from summitlib.evaluation.sheets import CodedSheet, with_population
from summitlib.learning.train import LABELS

NOT_ABOUT = "x"
BOOTSTRAP_SEED = 0
BOOTSTRAP_ROUNDS = 1000
LEVEL = 0.95


def _weighted(sheet: CodedSheet, population: pd.DataFrame) -> pd.DataFrame:
    """The coded rows with their stratum and design weight."""
    rows = with_population(sheet, population)
    rows = rows.assign(weight=design_weights(rows, population).to_numpy())
    if sheet.kind == "stance":
        rows["machine_label"] = rows["machine_label"].astype(int)
    return rows


def stance_figures(rows: pd.DataFrame) -> dict:
    """Per-label scores, macro-F1 and kappa of coded rows (value -1/0/1 or x), weighted."""
    scored = (rows["value"] != NOT_ABOUT).to_numpy()
    truth = rows["value"].to_numpy()[scored].astype(int)
    machine = rows["machine_label"].to_numpy()[scored]
    weight = rows["weight"].to_numpy()[scored]
    p, r, f, _ = precision_recall_fscore_support(
        truth, machine, labels=list(LABELS), sample_weight=weight, zero_division=0
    )
    kappa = cohen_kappa_score(truth, machine, labels=list(LABELS), sample_weight=weight)
    return {
        "per_label": {
            str(lab): {"precision": p[k], "recall": r[k], "f1": f[k]}
            for k, lab in enumerate(LABELS)
        },
        "macro_f1": float(np.mean(f)),
        "kappa": float(kappa) if np.isfinite(kappa) else 0.0,
    }


def corrected_shares(rows: pd.DataFrame, machine_shares: dict[str, float]) -> dict[str, float]:
    """Shares of -1/0/1 among integration sentences, corrected for the measured errors."""
    value, weight = rows["value"].to_numpy(), rows["weight"].to_numpy()
    machine = rows["machine_label"].to_numpy()
    total = dict.fromkeys([*map(str, LABELS), NOT_ABOUT], 0.0)
    for label, share in machine_shares.items():
        given = machine == int(label)
        coded = weight[given].sum()
        for v in total:  # without a coded row of this machine label, its share is kept as is
            p = weight[given & (value == v)].sum() / coded if coded else float(v == label)
            total[v] += share * p
    about = sum(total[str(lab)] for lab in LABELS)
    return {str(lab): total[str(lab)] / about if about else 0.0 for lab in LABELS}


def machine_shares(population: pd.DataFrame) -> dict[str, float]:
    """The share of each machine label among the annotation's integration sentences."""
    counts = population["machine_label"].astype(int).value_counts()
    n = int(counts.sum())
    return {str(lab): int(counts.get(lab, 0)) / n if n else 0.0 for lab in LABELS}


def bootstrap(
    rows: pd.DataFrame, statistic: Callable[[pd.DataFrame], dict[str, float]]
) -> dict[str, list[float]]:
    """95% percentile intervals of each figure ``statistic`` returns, resampling the rows
    within their strata (seed :data:`BOOTSTRAP_SEED`, :data:`BOOTSTRAP_ROUNDS` rounds)."""
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    groups = [np.flatnonzero(rows["stratum"].to_numpy() == s) for s in sorted(set(rows["stratum"]))]
    draws: dict[str, list[float]] = {}
    with config_context(assume_finite=True, skip_parameter_validation=True):  # checked once
        for _ in range(BOOTSTRAP_ROUNDS):
            picked = np.concatenate([rng.choice(g, size=len(g), replace=True) for g in groups])
            for name, value in statistic(rows.iloc[picked]).items():
                draws.setdefault(name, []).append(value)
    tail = (1 - LEVEL) / 2 * 100
    return {
        name: [float(np.nanpercentile(v, tail)), float(np.nanpercentile(v, 100 - tail))]
        for name, v in draws.items()
    }


def _stance_statistic(shares: dict[str, float]) -> Callable[[pd.DataFrame], dict[str, float]]:
    """Macro-F1, kappa and the corrected shares of a (resampled) set of rows."""

    def statistic(rows: pd.DataFrame) -> dict[str, float]:
        scored = (rows["value"] != NOT_ABOUT).any()
        figures = stance_figures(rows) if scored else {"macro_f1": np.nan, "kappa": np.nan}
        fixed = corrected_shares(rows, shares)
        return {
            "macro_f1": figures["macro_f1"],
            "kappa": figures["kappa"],
            **{f"share:{k}": v for k, v in fixed.items()},
        }

    return statistic


def stance_agreement(sheet: CodedSheet, population: pd.DataFrame) -> dict:
    """Everything ``summit agreement`` reports for a stance sheet."""
    rows = _weighted(sheet, population)
    scored = rows[rows["value"] != NOT_ABOUT]
    figures = stance_figures(rows)
    shares = machine_shares(population)
    matrix = confusion_matrix(
        scored["value"].astype(int), scored["machine_label"].astype(int), labels=list(LABELS)
    )
    intervals = bootstrap(rows, _stance_statistic(shares))
    about = rows["weight"].where(rows["value"] != NOT_ABOUT, 0).sum() / rows["weight"].sum()
    return {
        "kind": "stance",
        "sheet": str(sheet.path),
        "sheet_sha256": sheet.sha256,
        "n_coded": len(rows),
        "n_scored": len(scored),
        "n_not_integration": len(rows) - len(scored),
        "n_uncoded": sheet.n_uncoded,
        "n_population": len(population),
        **figures,
        "macro_f1_interval": intervals["macro_f1"],
        "kappa_interval": intervals["kappa"],
        "confusion": {
            str(g): {str(m): int(matrix[i, j]) for j, m in enumerate(LABELS)}
            for i, g in enumerate(LABELS)
        },
        "target_precision": float(about),
        "shares_machine": shares,
        "shares_corrected": corrected_shares(rows, shares),
        "shares_corrected_interval": {str(k): intervals[f"share:{k}"] for k in LABELS},
        "uncorrected_labels": [
            label
            for label, share in shares.items()
            if share and not (rows["machine_label"] == int(label)).any()
        ],
        "bootstrap": {"rounds": BOOTSTRAP_ROUNDS, "seed": BOOTSTRAP_SEED, "level": LEVEL},
    }


def quote_figures(rows: pd.DataFrame) -> dict[str, float]:
    """Weighted precision, recall (among candidates) and speaker accuracy of quote rows."""
    w = rows["weight"].to_numpy()
    found = (rows["stratum"] != "not found").to_numpy()
    real = (rows["value"] != NOT_ABOUT).to_numpy()
    named = np.array([bool(str(s).strip()) for s in rows["speaker"]])
    same = np.array(
        [
            bool(speakers(str(m)) & speakers(str(c)))
            for m, c in zip(rows["machine_speaker"], rows["speaker"], strict=True)
        ]
    )

    def share(hit: np.ndarray, of: np.ndarray) -> float:
        return float(w[hit & of].sum() / w[of].sum()) if w[of].sum() else float("nan")

    return {
        "precision": share(real, found),
        "recall": share(found, real),
        "speaker_accuracy": share(same, found & real & named),
    }


def quote_agreement(sheet: CodedSheet, population: pd.DataFrame) -> dict:
    """Everything ``summit agreement`` reports for a quotes sheet."""
    rows = _weighted(sheet, population)
    figures = quote_figures(rows)
    intervals = bootstrap(rows, quote_figures)
    return {
        "kind": "quotes",
        "sheet": str(sheet.path),
        "sheet_sha256": sheet.sha256,
        "n_coded": len(rows),
        "n_not_quotes": int((rows["value"] == NOT_ABOUT).sum()),
        "n_uncoded": sheet.n_uncoded,
        "n_population": len(population),
        **figures,
        **{f"{name}_interval": interval for name, interval in intervals.items()},
        "bootstrap": {"rounds": BOOTSTRAP_ROUNDS, "seed": BOOTSTRAP_SEED, "level": LEVEL},
    }


def agreement(sheet: CodedSheet, population: pd.DataFrame) -> dict:
    """The agreement report of a checked sheet against the population it was drawn from."""
    return (stance_agreement if sheet.kind == "stance" else quote_agreement)(sheet, population)


def _interval(pair: list[float]) -> str:
    """'[0.512, 0.701]'."""
    return f"[{pair[0]:.3f}, {pair[1]:.3f}]"


def format_agreement(report: dict) -> str:
    """The report as the lines ``summit agreement`` prints."""
    lines = [f"Coding sheet {report['sheet']} ({report['kind']})"]
    if report["kind"] == "quotes":
        lines.append(
            f"rows coded: {report['n_coded']} (not quotations: {report['n_not_quotes']}; "
            f"uncoded, skipped: {report['n_uncoded']})"
        )
        for name in ("precision", "recall", "speaker_accuracy"):
            lines.append(
                f"{name:17s} {report[name]:.3f}  95% CI {_interval(report[name + '_interval'])}"
            )
        lines.append("(recall among candidates: quoted passages and sentences with a speech cue)")
        return "\n".join(lines)
    lines.append(
        f"rows coded: {report['n_coded']} (scored -1/0/1: {report['n_scored']}; not about "
        f"integration, x: {report['n_not_integration']}; uncoded, skipped: {report['n_uncoded']})"
    )
    lines.append("label   precision  recall  F1")
    for label, s in report["per_label"].items():
        lines.append(f"{label:>5s}   {s['precision']:9.3f}  {s['recall']:6.3f}  {s['f1']:.3f}")
    for name, shown in (("macro_f1", "macro-F1"), ("kappa", "kappa")):
        ci = _interval(report[f"{name}_interval"])
        lines.append(f"{shown:8s} {report[name]:.3f}  95% CI {ci}")
    lines.append("confusion (rows: coder, columns: machine)")
    lines.append("coder\\machine " + "".join(f"{m:>6s}" for m in map(str, LABELS)))
    for g, row in report["confusion"].items():
        lines.append(f"{g:>13s} " + "".join(f"{row[m]:6d}" for m in map(str, LABELS)))
    lines.append(
        f"about integration (target precision): {report['target_precision']:.3f} of the "
        f"{report['n_population']} sentences the machine labelled"
    )
    lines.append("share among integration sentences: machine | corrected (95% CI)")
    for label in map(str, LABELS):
        lines.append(
            f"{label:>5s}   {report['shares_machine'][label]:.3f} | "
            f"{report['shares_corrected'][label]:.3f} "
            f"{_interval(report['shares_corrected_interval'][label])}"
        )
    if report["uncorrected_labels"]:
        missing = ", ".join(report["uncorrected_labels"])
        lines.append(
            f"no coded row has the machine label {missing}: its share is taken uncorrected; "
            "draw a larger sample"
        )
    return "\n".join(lines)
