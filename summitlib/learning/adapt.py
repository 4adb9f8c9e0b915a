"""Retraining the stance model on a researcher's own coded sentences (``summit train``).

The coded rows of one or more stance sheets become training examples (their text and the
sentence before, read from the corpus; rows coded ``x`` are left out), added to the shipped
training data unless ``shipped=False``. The regularisation and feature families are the
shipped model's, so the new model differs only by its data. The figures in the model card
are honest ones: the shipped model on the coded rows, and cross-validation grouped by
article over the coded rows (the shipped data always in training).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from summitlib.corpus.reader import Corpus
from summitlib.errors import ParameterError, Problem, SheetError
from summitlib.evaluation.sheets import CodedSheet
from summitlib.learning.cards import card_markdown
from summitlib.learning.datasets import Example, preceding_sentence, shipped_examples
from summitlib.learning.features import featurize_for
from summitlib.learning.model import MODEL_FILES, Model, dump_model, load_model, predict
from summitlib.learning.train import FAMILY_SETS, accuracy, cv_stance, macro_f1, train_stance
from summitlib.paths import models_dir


def sheet_examples(sheets: Sequence[CodedSheet], corpus: Corpus) -> list[Example]:
    """Training examples from the rows coded -1, 0 or 1 (each span once across the sheets)."""
    examples, seen = [], {}
    for sheet in sheets:
        for row in sheet.rows.itertuples(index=False):
            span = (row.doc_id, row.start, row.end)
            if span in seen:
                raise SheetError(
                    sheet.path,
                    [
                        Problem(
                            f"row {row.row}",
                            f"codes the same sentence as row {seen[span]}",
                            "keep the sentence in one sheet only",
                        )
                    ],
                )
            seen[span] = f"{row.row} of {sheet.path.name}"
            if row.value == "x":
                continue
            raw = corpus.raw(row.doc_id)
            examples.append(
                Example(
                    raw[row.start : row.end],
                    preceding_sentence(raw, row.start),
                    int(row.value),
                    f"{corpus.root.name}:{row.doc_id}",
                    f"sheet:{sheet.path.name}",
                )
            )
    return examples


def _scores(gold: Sequence[int], pred: Sequence[int]) -> dict[str, float]:
    """Macro-F1 and accuracy."""
    return {"macro_f1": macro_f1(gold, pred), "accuracy": accuracy(gold, pred), "n": len(gold)}


def evaluate_on(
    own: Sequence[Example], fixed: Sequence[Example], shipped: Model, C: float, families
) -> dict:
    """The shipped model on the coded rows, and grouped CV by article over them."""
    gold = [e.label for e in own]
    base = [predict(shipped, featurize_for(shipped["meta"], e.text, e.before))[0] for e in own]
    figures = {"shipped_model_on_coded_rows": _scores(gold, base)}
    groups = {e.group for e in own}
    if len(groups) < 2:
        figures["grouped_cv"] = {"note": "not computed: the coded rows come from one article"}
        return figures
    try:
        oof = cv_stance(own, C, families, fixed_train=fixed)
    except ValueError as err:  # a training fold with a single label
        figures["grouped_cv"] = {"note": f"not computed: {err}"}
        return figures
    folds = min(5, len(groups))
    figures["grouped_cv"] = {**_scores(gold, [p for p, _ in oof]), "folds": folds}
    return figures


def counts(examples: Sequence[Example]) -> dict[str, dict[str, int]]:
    """Training examples per source and label."""
    table: dict[str, Counter] = {}
    for e in examples:
        source = "shipped:" + e.source if not e.source.startswith("sheet:") else e.source
        table.setdefault(source, Counter())[str(e.label)] += 1
    return {s: dict(sorted(c.items())) for s, c in sorted(table.items())}


def retrain(sheets: Sequence[CodedSheet], corpus: Corpus, shipped: bool = True) -> tuple:
    """(stance model, card) trained on the sheets' coded rows (+ the shipped data)."""
    from summitlib import __version__

    base = load_model(models_dir() / "stance_model.json")
    C, family_set = base["meta"]["C"], base["meta"]["family_set"]
    families = FAMILY_SETS[family_set]
    own = sheet_examples(sheets, corpus)
    fixed = shipped_examples() if shipped else []
    labels = sorted({e.label for e in [*fixed, *own]})
    if len(labels) < 2:
        raise ParameterError(
            f"the coded rows hold only the label {labels[0] if labels else '-'}; a stance model "
            "needs at least two labels: code more rows, or train without --no-shipped"
        )
    model = train_stance([*fixed, *own], C, families)
    model["meta"]["family_set"] = family_set
    card = {
        "summitlib_version": __version__,
        "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "corpus": str(corpus.root),
        "settings": {"C": C, "family_set": family_set, "shipped_data": shipped},
        "target_model": "the shipped target model (copied unchanged)",
        "sheets": [
            {
                "path": str(s.path),
                "sha256": s.sha256,
                "n_coded": len(s.rows),
                "n_not_integration": int((s.rows["value"] == "x").sum()),
                "n_uncoded": s.n_uncoded,
            }
            for s in sheets
        ],
        "training_counts": counts([*fixed, *own]),
        "n_train": len(fixed) + len(own),
        "evaluation": evaluate_on(own, fixed, base, C, families),
    }
    return model, card


def check_out(out: Path, corpus: Corpus, force: bool) -> Path:
    """The model folder to write: never the shipped one or inside the corpus, never an existing
    model without ``force``."""
    out = Path(out)
    if out.resolve() == models_dir().resolve():
        raise ParameterError(f"--out {out} is the shipped model folder; choose another folder")
    if out.resolve().is_relative_to(corpus.root.resolve()):
        raise ParameterError(f"--out {out} is inside the corpus folder; choose a folder outside it")
    if out.exists() and not out.is_dir():
        raise ParameterError(f"--out {out} is a file; give a folder for the model")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise ParameterError(
            f"--out {out} already holds files (a model?); choose another folder or pass --force"
        )
    return out


def write_model_folder(out: Path, model: Model, card: dict) -> list[Path]:
    """Write the models and the card into a new folder, then swap it in for ``out``."""
    import json

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        dump_model(model, staging / "stance_model.json")
        shutil.copyfile(models_dir() / "target_model.json", staging / "target_model.json")
        card = {**card, "files_sha256": _digests(staging)}
        text = json.dumps(card, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        (staging / "card.json").write_text(text, encoding="utf-8")
        (staging / "card.md").write_text(card_markdown(card), encoding="utf-8")
        os.chmod(staging, 0o755)
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        if out.exists():
            os.replace(out, old)
        os.replace(staging, out)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in (*MODEL_FILES, "card.json", "card.md")]


def _digests(folder: Path) -> dict[str, str]:
    """SHA-256 of each model file."""
    import hashlib

    return {f: hashlib.sha256((folder / f).read_bytes()).hexdigest() for f in MODEL_FILES}
