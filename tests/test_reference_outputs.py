"""Behaviour unchanged: annotation tables and notebook results match recorded references.

The references were recorded before a restructure; a change that alters the annotation on
purpose regenerates them in the same commit (``SUMMIT_UPDATE_REFERENCE=1 pytest
tests/test_reference_outputs.py``) and says why in its message.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import report_file

from summitlib import annotate, load_corpus
from summitlib.corpus.synthetic import make_synthetic_corpus

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(__file__).parent / "fixtures" / "reference"
CORPORA = {
    "bundled": ROOT / "corpus",
    "devset": Path(__file__).parent / "fixtures" / "devset",
}
UPDATE = os.environ.get("SUMMIT_UPDATE_REFERENCE") == "1"


def _digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every CSV table in a folder."""
    tables = sorted(folder.glob("*.csv"))
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tables}


def _check(name: str, actual: object) -> None:
    """Compare with the stored reference (or store it when updating)."""
    path = REFERENCE / f"{name}.json"
    text = json.dumps(actual, indent=2, sort_keys=True) + "\n"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == actual


@pytest.fixture(scope="module")
def synthetic50(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 50-article synthetic corpus recombined from the bundled one (seed 0)."""
    return make_synthetic_corpus(CORPORA["bundled"], tmp_path_factory.mktemp("s") / "c", 50)


@pytest.mark.parametrize("name", ["bundled", "devset", "synthetic50"])
def test_annotation_tables_match_the_reference(name, synthetic50, tmp_path):
    corpus = load_corpus(synthetic50 if name == "synthetic50" else CORPORA[name])
    annotate(corpus, cache=False).write(tmp_path)
    _check(f"annotate-{name}", _digests(tmp_path))


@pytest.mark.parametrize(
    "notebook",
    [
        "01_corpus_overview",
        "02_chronology",
        "03_stance",
        "04_expert_positions",
        "05_validation",
    ],
)
def test_notebook_results_match_the_reference(notebook, published):
    results = json.loads(
        (report_file(published, f"{notebook}.results.json")).read_text(encoding="utf-8")
    )
    results["parameters"].pop("results_dir", None)
    text = json.dumps(results).replace(json.dumps(str(ROOT))[1:-1], "<checkout>")
    _check(f"results-{notebook}", json.loads(text))
