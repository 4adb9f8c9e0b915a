"""A researcher's own coded sample in notebook 05: its agreement, next to the gold standard's."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

from summitlib.evaluation.agreement import LABELS, agreement
from summitlib.evaluation.sheets import population, read_sheet

QUOTE_FIGURES = {
    "precision": "quote_precision",
    "recall": "quote_recall",
    "speaker_accuracy": "speaker_accuracy",
}


def sheet_report(study) -> dict:
    """The agreement of the ``sheet`` parameter's coded rows with the study's annotation."""
    sheet = read_sheet(study.params["sheet"], study.corpus)
    return agreement(sheet, population(sheet.kind, study.corpus, study.tables))


def gold_kappa(pairs: list[tuple[int, int]]) -> float | None:
    """Cohen's kappa of (gold, predicted) stance pairs (None without pairs)."""
    if not pairs:
        return None
    gold, pred = zip(*pairs, strict=True)
    return float(cohen_kappa_score(gold, pred, labels=list(LABELS)))


def _interval(pair: list[float]) -> str:
    """'0.512–0.701'."""
    return f"{pair[0]:.3f}–{pair[1]:.3f}"


def figures_table(report: dict, scores: dict, pairs: list[tuple[int, int]]) -> pd.DataFrame:
    """The sample's figures with their 95% intervals, and the gold standard's beside them."""
    if report["kind"] == "quotes":
        rows = {
            name: (report[name], _interval(report[f"{name}_interval"]), scores.get(gold))
            for name, gold in QUOTE_FIGURES.items()
        }
    else:
        rows = {
            "stance macro-F1": (
                report["macro_f1"],
                _interval(report["macro_f1_interval"]),
                scores.get("stance_sentence_macro_f1"),
            ),
            "Cohen's kappa": (
                report["kappa"],
                _interval(report["kappa_interval"]),
                gold_kappa(pairs),
            ),
            "share of machine's sentences about integration": (
                report["target_precision"],
                "",
                None,
            ),
        }
    return pd.DataFrame.from_dict(
        rows, orient="index", columns=["your sample", "95% interval", "gold standard"]
    )


def shares_table(report: dict) -> pd.DataFrame:
    """Each stance label's share among integration sentences: machine and corrected."""
    return pd.DataFrame(
        {
            "stance": [int(k) for k in report["shares_machine"]],
            "machine": list(report["shares_machine"].values()),
            "corrected": [report["shares_corrected"][k] for k in report["shares_machine"]],
            "95% interval": [
                _interval(report["shares_corrected_interval"][k]) for k in report["shares_machine"]
            ],
        }
    )


def confusion_frame(report: dict) -> pd.DataFrame:
    """The sample's confusion matrix: coder labels (rows) by machine labels (columns)."""
    table = pd.DataFrame(
        [[report["confusion"][str(g)][str(m)] for m in LABELS] for g in LABELS],
        index=list(LABELS),
        columns=list(LABELS),
    )
    table.index.name, table.columns.name = "coder", "machine"
    return table


def summary(report: dict) -> str:
    """One paragraph saying what the sample shows and what to report."""
    name = Path(report["sheet"]).name
    if report["kind"] == "quotes":
        return (
            f"Coding sheet `{name}`: **{report['n_coded']} candidate quotations coded** "
            f"({report['n_not_quotes']} not quotations, {report['n_uncoded']} left uncoded). "
            f"Precision {report['precision']:.3f}, recall among candidates "
            f"{report['recall']:.3f}, speaker accuracy {report['speaker_accuracy']:.3f}."
        )
    shares = ", ".join(
        f"{int(k):+d}: {v:.2f} ({_interval(report['shares_corrected_interval'][k])})"
        for k, v in report["shares_corrected"].items()
    )
    return (
        f"Coding sheet `{name}`: **{report['n_coded']} sentences coded**, "
        f"{report['n_scored']} with a stance and {report['n_not_integration']} not about "
        f"integration ({report['n_uncoded']} left uncoded). Agreement with the machine: "
        f"macro-F1 {report['macro_f1']:.3f} ({_interval(report['macro_f1_interval'])}), "
        f"Cohen's kappa {report['kappa']:.3f} ({_interval(report['kappa_interval'])}). "
        f"Shares of stance among the {report['n_population']} integration sentences, corrected "
        f"for the measured misclassification: {shares}. Report these, with the sample size "
        "and kappa, rather than the machine's raw shares."
    )
