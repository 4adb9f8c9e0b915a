"""One setup call for a notebook: check its parameters, load and annotate the corpus.

The tables are read from the corpus's store when the notebook first uses them.

Usage::

    study = open_study("01_corpus_overview", corpus_dir=None, results_dir=".", max_rows=20)
    study.describe()  # the corpus in one line
    study.write_results({"n_articles": len(study.corpus)})  # <results_dir>/<stem>.results.json
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from summitlib.analysis.groups import with_column
from summitlib.analysis.params import check_parameters, check_summit
from summitlib.analysis.results import write_results
from summitlib.analysis.wording import plural
from summitlib.corpus.cleaning import SPACE_LIKE_CLASS, removal_runs, span_text, swap_spaces
from summitlib.corpus.reader import Corpus, load_corpus
from summitlib.evaluation.metrics import read_gold
from summitlib.paths import default_corpus_dir
from summitlib.pipeline.annotate import Pipeline, stored_tables
from summitlib.pipeline.tables import CONTRACT_TABLES, Tables

SUMMIT_COLUMNS = ["summit_id", "start", "end", "place", "description"]
ARTICLE_STRIDE = 2**40  # offsets of different articles never meet (see _article_offsets)


@dataclass
class Study:
    """A notebook's checked parameters with its corpus and annotation tables."""

    stem: str
    params: dict[str, object]
    corpus: Corpus
    tables: Tables

    @property
    def docs(self) -> pd.DataFrame:
        """The documents table (one row per article)."""
        return self.tables.documents

    @property
    def source(self) -> str:
        """The source line under every figure."""
        return f"summitlib annotation of {len(self.corpus)} articles ({self.corpus.root.name}/)"

    @cached_property
    def texts(self) -> dict[str, str]:
        """Cleaned text of each article by doc_id, in corpus order (from the store)."""
        texts = self.tables["_texts"]
        return dict(zip(texts["doc_id"], texts["text"], strict=True))

    @property
    def summits(self) -> pd.DataFrame:
        """The corpus's summits.csv as a table."""
        return pd.DataFrame(self.corpus.summits, columns=SUMMIT_COLUMNS)

    @property
    def gold_dir(self) -> Path:
        """The gold folder: the ``gold_dir`` parameter, or ``<corpus>/gold``."""
        return self.params.get("gold_dir") or self.corpus.root / "gold"

    @cached_property
    def gold(self) -> dict[str, list[dict]]:
        """The gold CSVs of :attr:`gold_dir` (empty when the folder does not exist)."""
        return read_gold(self.gold_dir) if self.gold_dir.is_dir() else {}

    @property
    def corpus_name(self) -> str:
        """The corpus as readers know it: "the bundled corpus" or its folder's name."""
        if self.corpus.root.resolve() == default_corpus_dir().resolve():
            return "the bundled corpus"
        return f"corpus `{self.corpus.root.name}`"

    @property
    def gold_name(self) -> str:
        """The gold folder without machine paths: ``gold/`` of the corpus, or its own name."""
        folder = Path(self.gold_dir)
        if folder.resolve().parent == self.corpus.root.resolve():
            return f"{folder.name}/ in the corpus folder"
        return f"folder {folder.name}/"

    def describe(self) -> str:
        """The corpus in one markdown line: its name, size and publication dates."""
        docs = self.docs
        name = self.corpus_name
        return (
            f"{name[0].upper()}{name[1:]}: **{plural(len(self.corpus), 'article')}**, "
            f"published {docs['published'].min()} to {docs['published'].max()}."
        )

    def write_results(self, results: Mapping) -> Path:
        """Write ``<results_dir>/<stem>.results.json`` with the parameters; return its path."""
        return write_results(self.stem, results, self.params["results_dir"], self.params)


def readable(tables: Tables, name: str, table: pd.DataFrame) -> pd.DataFrame:
    """A contract table with each span's ``text`` as cleaned text (no link or address debris).

    The annotation's ``text`` is the raw span, so that offsets and text agree; readers see
    what is left once cleaning dropped the debris. Offsets still point into the raw text.
    Cleaning only deletes the removed spans (kept in the store) and swaps space-like
    characters, so a span's cleaned text is its raw text without the removed parts, swapped
    (:func:`~summitlib.corpus.cleaning.span_text`); only spans that touch a removal or hold a
    space-like character change. Tables of users' components are left as they are.
    """
    if name not in CONTRACT_TABLES or not {"doc_id", "start", "end", "text"} <= set(table):
        return table
    removed = tables.extra.get("_removed", pd.DataFrame(columns=["doc_id", "start", "end"]))
    articles = pd.Index(tables.documents["doc_id"])
    r_start, r_end = removal_runs(
        _article_offsets(articles, removed["doc_id"], removed["start"]),
        _article_offsets(articles, removed["doc_id"], removed["end"]),
    )
    starts = _article_offsets(articles, table["doc_id"], table["start"])
    ends = _article_offsets(articles, table["doc_id"], table["end"])
    first = np.searchsorted(r_end, starts, side="right")  # first removal ending after start
    cut = (first < len(r_start)) & (ends > starts)
    cut[cut] = r_start[first[cut]] < ends[cut]
    swap = table["text"].str.contains(SPACE_LIKE_CLASS, regex=True, na=False).to_numpy(bool)
    rows = np.flatnonzero(cut | swap)
    if not len(rows):
        return table
    changed = [
        span_text(text, start, r_start, r_end, run) if touched else swap_spaces(text)
        for text, start, run, touched in zip(
            table["text"].iloc[rows].tolist(),
            starts[rows].tolist(),
            first[rows].tolist(),
            cut[rows].tolist(),
            strict=True,
        )
    ]
    text = table["text"].copy()
    text.iloc[rows] = changed
    return table.assign(text=text)


def _article_offsets(articles: pd.Index, doc_ids: pd.Series, offsets: pd.Series) -> np.ndarray:
    """Offsets made comparable across articles: the article's place, then the offset."""
    position = articles.get_indexer(doc_ids)
    if (position < 0).any():
        raise ValueError("a table names an article the corpus does not hold")
    return position.astype(np.int64) * ARTICLE_STRIDE + offsets.to_numpy(np.int64)


def known_summits(corpus: Corpus, documents: pd.DataFrame) -> set[str]:
    """Summit ids from summits.csv and from the articles' metadata."""
    listed = {str(row.get("summit_id", "")) for row in corpus.summits}
    return (listed | set(with_column(documents, "summit_id", ""))) - {""}


def open_study(stem: str, **parameters: object) -> Study:
    """Check a notebook's parameters, load and annotate its corpus (cached), return a Study."""
    params = check_parameters(**parameters)
    corpus = load_corpus(params.get("corpus_dir"))
    pipeline = Pipeline(stance_model=params.get("stance_model"))
    tables = stored_tables(corpus, pipeline=pipeline, prepare=readable)
    if "summit" in params:
        params["summit"] = check_summit(params["summit"], known_summits(corpus, tables.documents))
    return Study(stem, params, corpus, tables)
