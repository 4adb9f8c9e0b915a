"""summitlib: load and annotate a corpus of articles on the Putin–Lukashenko summits.

>>> from summitlib import load_corpus, annotate
>>> corpus = load_corpus("corpus")      # validates; raises CorpusError on bad input
>>> tables = annotate(corpus)           # .documents .sentences .quotes .stance .positions ...

The public names below are imported on first use, so ``summit --help`` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from summitlib.errors import (
    CorpusError,
    ParameterError,
    Problem,
    RunError,
    SheetError,
    SummitError,
    show_user_errors_briefly,
)

__version__ = "0.1.0"

API = {
    "ArticleDoc": "summitlib.pipeline.doc",
    "CleanText": "summitlib.corpus.cleaning",
    "Corpus": "summitlib.corpus.reader",
    "Document": "summitlib.corpus.reader",
    "Pipeline": "summitlib.pipeline.annotate",
    "Tables": "summitlib.pipeline.tables",
    "annotate": "summitlib.pipeline.annotate",
    "annotate_document": "summitlib.pipeline.annotate",
    "clean_text": "summitlib.corpus.cleaning",
    "component": "summitlib.pipeline.components",
    "corpus_summary": "summitlib.corpus.reader",
    "load_corpus": "summitlib.corpus.reader",
    "score_tables": "summitlib.evaluation.metrics",
}

if TYPE_CHECKING:
    from summitlib.corpus.cleaning import CleanText, clean_text
    from summitlib.corpus.reader import Corpus, Document, corpus_summary, load_corpus
    from summitlib.evaluation.metrics import score_tables
    from summitlib.pipeline.annotate import Pipeline, annotate, annotate_document
    from summitlib.pipeline.components import component
    from summitlib.pipeline.doc import ArticleDoc
    from summitlib.pipeline.tables import Tables


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use."""
    if name not in API:
        raise AttributeError(f"module 'summitlib' has no attribute {name!r}")
    return getattr(importlib.import_module(API[name]), name)


def __dir__() -> list[str]:
    """The public names, for tab completion."""
    return sorted(__all__)


__all__ = [
    "ArticleDoc",
    "CleanText",
    "Corpus",
    "CorpusError",
    "Document",
    "ParameterError",
    "Pipeline",
    "Problem",
    "RunError",
    "SheetError",
    "SummitError",
    "Tables",
    "__version__",
    "annotate",
    "annotate_document",
    "clean_text",
    "component",
    "corpus_summary",
    "load_corpus",
    "score_tables",
]

show_user_errors_briefly()
