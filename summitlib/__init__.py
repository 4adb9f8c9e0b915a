"""summitlib: load and annotate a corpus of articles on the Putin–Lukashenko summits.

>>> from summitlib import load_corpus, annotate
>>> corpus = load_corpus("corpus")      # validates; raises CorpusError on bad input
>>> tables = annotate(corpus)           # .documents .sentences .quotes .stance .positions ...
"""

from __future__ import annotations

__version__ = "0.1.0"

from summitlib.corpus.cleaning import CleanText, clean_text
from summitlib.corpus.reader import Corpus, Document, corpus_summary, load_corpus
from summitlib.errors import CorpusError, ParameterError, Problem, RunError, SummitError
from summitlib.evaluation.metrics import score_tables
from summitlib.pipeline.annotate import Pipeline, annotate, annotate_document
from summitlib.pipeline.components import component
from summitlib.pipeline.doc import ArticleDoc
from summitlib.pipeline.tables import Tables

__all__ = [
    "ArticleDoc",
    "Pipeline",
    "CleanText",
    "Corpus",
    "CorpusError",
    "Document",
    "ParameterError",
    "Problem",
    "RunError",
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
