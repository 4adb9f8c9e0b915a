"""Shared fixtures: the bundled corpus, writable copies of it, an isolated cache."""

from __future__ import annotations

import os
import shutil
from functools import cache
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# Property tests draw the same examples on every run, so that a run is reproducible and CI
# never fails on a new random draw; HYPOTHESIS_PROFILE=explore draws new ones (to hunt bugs).
settings.register_profile("reproducible", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "reproducible"))
CORPUS = ROOT / "corpus"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the tests' annotation cache out of the project folder."""
    os.environ["SUMMIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("summit-cache"))


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus (articles, metadata, summits)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns("gold", "README.md"))
    return target


@cache
def article_texts() -> tuple[str, ...]:
    """The text of every bundled and fixture article (read once per test session)."""
    folders = [CORPUS / "articles", *(ROOT / "tests" / "fixtures").glob("*/articles")]
    return tuple(p.read_text(encoding="utf-8") for f in folders for p in sorted(f.glob("*.txt")))


def write_corpus(root: Path, articles: dict[str, str | bytes], metadata: str) -> Path:
    """Create a small corpus folder from article texts and the metadata CSV text."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    for name, content in articles.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / "articles" / name).write_bytes(data)
    (root / "metadata.csv").write_text(metadata, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus's full report set, built once with ``summit run``."""
    from summitlib.cli import main

    reports = tmp_path_factory.mktemp("reports")
    assert main(["run", "--reports", str(reports), "--quiet"]) == 0
    return reports


def report_file(folder: Path, name: str) -> Path:
    """A published file (``03_stance.html``, ``grid-run/02_chronology.html``) of a reports
    folder: it lies in the run folder that the folder's index.json names as current."""
    import json

    run = json.loads((folder / "index.json").read_text(encoding="utf-8"))["run"]
    return folder / run / name
