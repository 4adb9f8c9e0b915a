"""Model cards: what a retrained model was trained on and how well it does, for people to read."""

from __future__ import annotations

from summitlib.learning.train import LABELS


def _figures(name: str, scores: dict) -> str:
    """One bullet for a set of figures (or the note saying why there are none)."""
    if "note" in scores:
        return f"- {name}: {scores['note']}"
    extra = f", {scores['folds']} folds" if "folds" in scores else ""
    return (
        f"- {name}: macro-F1 **{scores['macro_f1']:.3f}**, accuracy {scores['accuracy']:.3f} "
        f"(n = {scores['n']}{extra})"
    )


def card_markdown(card: dict) -> str:
    """The card as a short Markdown page (``card.md``)."""
    lines = [
        "# Model card: stance toward Russia–Belarus integration",
        "",
        f"Trained {card['created']} with summitlib {card['summitlib_version']} by `summit train`"
        f" on coded sentences of the corpus `{card['corpus']}`"
        + (" and the shipped training data." if card["settings"]["shipped_data"] else " only."),
        f"Logistic regression, C = {card['settings']['C']}, feature families "
        f"`{card['settings']['family_set']}` (the shipped model's settings). Which sentences get"
        f" a stance: {card['target_model']}.",
        "",
        "## Training data",
        "",
        "| source | -1 | 0 | 1 | total |",
        "|---|---|---|---|---|",
    ]
    for source, by_label in card["training_counts"].items():
        cells = [str(by_label.get(str(label), 0)) for label in LABELS]
        lines.append(f"| {source} | {' | '.join(cells)} | {sum(by_label.values())} |")
    lines += ["", "Sheets (rows coded `x`, not about integration, are not used for training):", ""]
    for sheet in card["sheets"]:
        lines.append(
            f"- `{sheet['path']}`: {sheet['n_coded']} coded rows, {sheet['n_not_integration']} "
            f"coded x, {sheet['n_uncoded']} uncoded; SHA-256 `{sheet['sha256']}`"
        )
    evaluation = card["evaluation"]
    lines += [
        "",
        "## How well it does on your sentences",
        "",
        _figures("the shipped model on the coded rows", evaluation["shipped_model_on_coded_rows"]),
        _figures(
            "this model, cross-validated by article (each article's rows predicted by a model "
            "trained without them)",
            evaluation["grouped_cv"],
        ),
        "",
        "Report the cross-validated figure, not a score on the training rows. Validate on a",
        "fresh sample (`summit sample --stance-model ...`, then `summit agreement`).",
        "",
        "## Files",
        "",
    ]
    lines += [f"- `{name}`: SHA-256 `{digest}`" for name, digest in card["files_sha256"].items()]
    return "\n".join(lines) + "\n"
