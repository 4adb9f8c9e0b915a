"""The measured figures of the shipped stance models (written by ``learning.evaluate``).

Grouped cross-validation by article, the devset and held-out figures with models trained
without them, and the plain-VADER baseline, as JSON beside the model weights; notebook 05
shows them next to the scores on the corpus at hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from summitlib.paths import models_dir

FIGURES_FILE = "evaluation.json"


def write_figures(figures: dict[str, dict], path: Path) -> None:
    """Write the figures as canonical JSON (sorted keys, rounded): same figures, same bytes."""
    rounded = {
        key: {k: round(v, 4) if isinstance(v, float) else v for k, v in entry.items()}
        for key, entry in figures.items()
    }
    text = json.dumps(rounded, sort_keys=True, indent=1, ensure_ascii=False)
    Path(path).write_text(text + "\n", encoding="utf-8")


def read_figures(folder: Path | None = None) -> dict[str, dict]:
    """The figures stored beside the models in ``folder`` (default: the shipped models)."""
    path = Path(folder or models_dir()) / FIGURES_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
