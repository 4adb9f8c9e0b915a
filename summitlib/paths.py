"""Every path the package uses, anchored in one place.

Paths are computed by functions and used as default arguments; nothing is read at import time.
In a checkout (an editable install: ``pyproject.toml``, ``corpus/`` and ``notebooks/`` next to
this package) the notebooks and the bundled corpus are the checkout's, and reports and the cache
go into it. A plain install reads the copies shipped as package data (``summitlib/data/corpus``
and ``summitlib/data/notebooks``, put there when the wheel is built) and writes reports and the
cache under the current working directory.
"""

from __future__ import annotations

import hashlib
import os
import re
from importlib import resources
from pathlib import Path


def checkout() -> Path | None:
    """The repository checkout this package runs from (an editable install), else None."""
    here = Path(__file__).resolve().parent.parent
    found = all((here / name).exists() for name in ("pyproject.toml", "corpus", "notebooks"))
    return here if found else None


def project_root() -> Path:
    """The repository checkout, or the current directory when the package is installed elsewhere."""
    return checkout() or Path.cwd()


def shipped(name: str) -> Path:
    """A folder of the checkout (``corpus``, ``notebooks``), or its copy in the package data."""
    root = checkout()
    return root / name if root else data_dir() / name


def default_corpus_dir() -> Path:
    """The bundled corpus folder."""
    return shipped("corpus")


def gold_dir(corpus_dir: Path | None = None) -> Path:
    """The hand-coded validation set that travels with the bundled corpus."""
    return (corpus_dir or default_corpus_dir()) / "gold"


def notebooks_dir() -> Path:
    """The research notebooks, in reading order."""
    return shipped("notebooks")


def reports_dir() -> Path:
    """Where ``summit run`` writes executed notebooks and HTML."""
    return project_root() / "reports"


def cache_dir() -> Path:
    """The on-disk annotation cache (``$SUMMIT_CACHE_DIR`` if set; never inside a corpus)."""
    override = os.environ.get("SUMMIT_CACHE_DIR")
    return Path(override) if override else project_root() / ".summit-cache"


def data_dir() -> Path:
    """The data files that ship inside summitlib (lexicons, models, training data)."""
    return Path(str(resources.files("summitlib") / "data"))


def lexicons_dir() -> Path:
    """Word lists kept as data, one item a line."""
    return data_dir() / "lexicons"


def models_dir() -> Path:
    """The shipped model files (the learned stance and target models)."""
    return data_dir() / "models"


def training_dir() -> Path:
    """The labelled data the shipped models are trained on."""
    return data_dir() / "training"


def corpus_cache_name(corpus_root: Path) -> str:
    """A corpus's name in the cache: its folder name plus a hash of its absolute path."""
    root = Path(corpus_root).resolve()
    tag = hashlib.sha256(str(root).encode()).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", root.name)[:40] or "corpus"
    return f"{name}-{tag}"
