"""The annotation pipeline: each article flows once through an ordered list of named components.

:class:`Pipeline` is to summitlib what ``Language`` is to spaCy: calling it on an article
cleans the text into an :class:`~summitlib.pipeline.doc.ArticleDoc`, runs the components in
order (sentences, actors, turns, quotes, dates, amounts, stance, positions by default) and
returns the article's rows by table. :func:`annotate` runs it over a corpus on an engine
(see :mod:`summitlib.pipeline.engines`) for the articles that the corpus's Parquet store
(:mod:`summitlib.pipeline.store`) does not hold yet, and reads the tables from the store.

>>> from summitlib import load_corpus, annotate
>>> tables = annotate(load_corpus("corpus"))
>>> tables.quotes[["speaker", "kind"]].head(2)  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from itertools import islice
from pathlib import Path

import pandas as pd
import pyarrow as pa

from summitlib.corpus.reader import Corpus, Document
from summitlib.corpus.reprints import COLUMNS as STORY_COLUMNS
from summitlib.corpus.reprints import corpus_articles, find_reprints
from summitlib.errors import ParameterError
from summitlib.learning.model import check_model_folder, folder_digest
from summitlib.paths import cache_dir as default_cache_dir
from summitlib.pipeline.cache import entry_key
from summitlib.pipeline.columnar import DOCUMENT, KEY, Batch, batch_tables, concat, select, to_frame
from summitlib.pipeline.components import (
    COMPONENTS,
    DEFAULT_COMPONENTS,
    Component,
    summary,
    text_rows,
)
from summitlib.pipeline.doc import ArticleDoc
from summitlib.pipeline.engines import run_engine
from summitlib.pipeline.store import Store, fill, load_tables, store_dir
from summitlib.pipeline.tables import CONTRACT_TABLES, DOCUMENT_COLUMNS, StoredTables, Tables

BATCH = 2000


class Pipeline:
    """An ordered list of named components that turns one article into table rows."""

    def __init__(
        self, names: Sequence[str] = DEFAULT_COMPONENTS, *, stance_model: str | Path | None = None
    ):
        unknown = [n for n in names if n not in COMPONENTS]
        if unknown:
            known = ", ".join(sorted(COMPONENTS))
            raise ParameterError(f"unknown pipeline component {unknown[0]!r}; known: {known}")
        self.names = tuple(names)
        self.stance_model = check_model_folder(stance_model) if stance_model else None
        self.model_digest = folder_digest(self.stance_model) if self.stance_model else ""

    def add(self, name: str) -> Pipeline:
        """A new pipeline with the registered component ``name`` appended."""
        return Pipeline((*self.names, name), stance_model=self.stance_model)

    @property
    def components(self) -> list[tuple[str, Component]]:
        """The (name, function) pairs in the order they run."""
        return [(name, COMPONENTS[name]) for name in self.names]

    def make_doc(self, article: Document) -> ArticleDoc:
        """The article as a document with its cleaned text, before any component ran."""
        options = {"stance_model": self.stance_model} if self.stance_model else {}
        return ArticleDoc(article=article, cleaned=article.cleaned(), options=options)

    def __call__(self, article: Document) -> dict[str, Sequence[dict]]:
        """All rows of one article, keyed by table name: each a sequence of dicts of plain
        values (:class:`~summitlib.pipeline.rows.Rows`, held column by column)."""
        doc = self.make_doc(article)
        for _, func in self.components:
            func(doc)
        rows = {name: doc.rows.get(name, []) for name in CONTRACT_TABLES}
        rows.update({k: v for k, v in doc.rows.items() if k not in rows})
        rows["document"] = [summary(doc)]
        rows.update(text_rows(doc))
        return rows

    def pipe(self, articles: Iterable[Document]) -> Iterator[dict[str, Sequence[dict]]]:
        """The rows of each article in turn."""
        for article in articles:
            yield self(article)

    def cache_parts(self) -> dict[str, str]:
        """What the pipeline adds to an article's cache key (non-default components, models)."""
        parts = {} if self.names == DEFAULT_COMPONENTS else {"components": ",".join(self.names)}
        return parts | ({"stance_model": self.model_digest} if self.model_digest else {})


def annotate_document(article: Document, pipeline: Pipeline | None = None) -> dict:
    """All annotation rows of one article, keyed by table name."""
    return (pipeline or Pipeline())(article)


def cache_key(article: Document, pipeline: Pipeline) -> str:
    """What an article's annotation depends on, hashed."""
    parts = {
        "sha256": article.sha256,
        "doc_id": article.doc_id,
        "published": article.published.isoformat(),
        "author": article.meta.get("author", ""),
        "genre": article.meta.get("genre", ""),
        "outlet": article.meta.get("outlet", ""),  # state media's "the Head of State"
        "title": article.meta.get("title", ""),
        **pipeline.cache_parts(),
    }
    return entry_key(parts)


def annotate(
    corpus: Corpus,
    *,
    cache: bool = True,
    cache_dir: Path | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
    pipeline: Pipeline | None = None,
) -> Tables:
    """Annotate every article of a corpus and return the contract's tables.

    With ``cache`` (the default) the tables come from the corpus's Parquet store under
    ``cache_dir`` and only the articles it does not hold are annotated (and added to it).

    >>> tables = annotate(load_corpus("corpus"))            # doctest: +SKIP
    >>> tables = annotate(corpus, engine="dask")            # same tables, on a Dask cluster
    """
    articles, keys, batches = _work(corpus, pipeline, engine, workers, scheduler, progress)
    store = corpus_store(corpus, cache_dir) if cache else None
    found = None
    if store is not None:
        try:
            found = load_tables(store, keys, batches)
        except OSError:  # a cache folder that cannot be written: annotate without the store
            found = None
    if found is None:
        parts = list(batches(list(range(len(articles)))))
        order = pa.array(keys, type=pa.string())
        names = {name for part in parts for name in part}
        found = {n: select(concat(p[n] for p in parts if n in p), order) for n in names}
    return assemble(corpus, articles, found, corpus_stories(articles, store))


def update_store(
    corpus: Corpus,
    *,
    cache_dir: Path | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
    pipeline: Pipeline | None = None,
) -> int:
    """Annotate the articles that the corpus's store lacks and add them; return how many."""
    _, keys, batches = _work(corpus, pipeline, engine, workers, scheduler, progress)
    return fill(corpus_store(corpus, cache_dir), keys, batches)


def corpus_store(corpus: Corpus, cache_dir: Path | None = None) -> Store:
    """The Parquet store of a corpus under ``cache_dir`` (default: the project's cache)."""
    return Store(store_dir(cache_dir or default_cache_dir(), corpus.root))


def _work(
    corpus: Corpus,
    pipeline: Pipeline | None,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    progress: Callable[[Iterable], Iterable] | None,
) -> tuple[list[Document], list[str], Callable[[list[int]], Iterator[Batch]]]:
    """The corpus's articles, their store keys, and a function annotating some of them."""
    pipeline = pipeline or Pipeline()
    articles = list(corpus)
    keys = [cache_key(article, pipeline) for article in articles]
    return articles, keys, _batches(articles, keys, pipeline, engine, workers, scheduler, progress)


def _batches(
    articles: list[Document],
    keys: list[str],
    pipeline: Pipeline,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    progress: Callable[[Iterable], Iterable] | None,
) -> Callable[[list[int]], Iterator[Batch]]:
    """A function annotating the articles at some positions, yielding Arrow batches."""

    def batches(positions: list[int]) -> Iterator[Batch]:
        chosen = [articles[i] for i in positions]
        if not chosen:
            return
        rows = run_engine(
            engine, chosen, pipeline, workers=workers, scheduler=scheduler, progress=progress
        )
        for start in range(0, len(chosen), BATCH):
            part = list(islice(rows, BATCH))
            yield batch_tables([keys[i] for i in positions[start : start + BATCH]], part)

    return batches


def corpus_stories(articles: list[Document], store: Store | None = None) -> pd.DataFrame:
    """The reprint groups of the articles (:func:`find_reprints`), kept in the store if any.

    They depend on every article, so they are keyed on the whole list of articles (ids, dates,
    bytes) and the library: any change to the corpus computes them again."""
    listed = [[a.doc_id, a.published.isoformat(), a.sha256] for a in articles]
    key = entry_key({"stories": json.dumps(listed)})
    kept = None
    if store is not None:
        with suppress(OSError):  # a cache folder that cannot be made: computed here
            kept = store.read_corpus_table("stories", key)
    if kept is not None and kept.column_names == STORY_COLUMNS:
        stories = kept.to_pandas()
        if sorted(stories["doc_id"]) == sorted(a.doc_id for a in articles):
            return stories
    stories = find_reprints(corpus_articles(articles))
    if store is not None:
        table = pa.Table.from_pandas(stories, preserve_index=False)
        with suppress(OSError):  # a cache that cannot be written: computed again next time
            store.write_corpus_table("stories", key, table)
    return stories


def assemble(
    corpus: Corpus, articles: list[Document], found: dict[str, pa.Table], stories: pd.DataFrame
) -> Tables:
    """The corpus tables from the per-article rows found and the reprint groups, in corpus order."""
    names = list(CONTRACT_TABLES)
    names += sorted(n for n in found if n not in names and n != DOCUMENT and found[n].num_rows)
    tables = {name: to_frame(found.get(name), name) for name in names}
    documents = documents_table(corpus, articles, found.get(DOCUMENT), stories)
    contract = {name: tables.pop(name) for name in CONTRACT_TABLES}
    return Tables(documents=documents, **contract, extra=tables)


def documents_table(
    corpus: Corpus, articles: list[Document], summary: pa.Table | None, stories: pd.DataFrame
) -> pd.DataFrame:
    """The documents table: each article's metadata, its summary row and its reprint group."""
    meta = [
        {
            **{c: article.meta.get(c, "") for c in corpus.columns},
            "doc_id": article.doc_id,
            "file": article.file,
            "sha256": article.sha256,
            "published": article.published.isoformat(),
        }
        for article in articles
    ]
    table = pd.DataFrame(meta)
    if summary is not None:
        summary = summary.drop_columns([KEY]).to_pandas()
        table = pd.concat(
            [table, summary.drop(columns=list(table.columns), errors="ignore")], axis=1
        )
    stories = stories.set_index("doc_id")
    table["story_id"] = stories["story_id"].reindex(table["doc_id"]).to_numpy()
    table["copy_of"] = stories["copy_of"].reindex(table["doc_id"]).to_numpy()
    extra = [c for c in table.columns if c not in DOCUMENT_COLUMNS]
    return table[DOCUMENT_COLUMNS + extra]


def stored_tables(
    corpus: Corpus,
    *,
    cache_dir: Path | None = None,
    pipeline: Pipeline | None = None,
    prepare: Callable[[Tables, str, pd.DataFrame], pd.DataFrame] | None = None,
) -> Tables:
    """The corpus's tables as :func:`annotate` gives them, each read from the store when first
    used (the articles the store lacks are annotated first); ``prepare(tables, name, table)``
    may change each table as it is read. Without a usable store, all are annotated now."""
    articles, keys, batches = _work(corpus, pipeline, "local", None, None, None)
    store = corpus_store(corpus, cache_dir)
    try:
        with store.locked(exclusive=False):
            parts, owner = store.index()
        if not all(k in owner for k in keys):
            fill(store, keys, batches)
            parts = store.parts()
    except OSError:  # a cache folder that cannot be written: everything annotated here
        annotated = annotate(corpus, cache=False, pipeline=pipeline)
        source, extra = annotated.__getitem__, list(annotated.extra)
    else:
        stories = corpus_stories(articles, store)
        names = {name for digests in parts.values() for name in digests}
        extra = sorted(names - {*CONTRACT_TABLES, DOCUMENT})

        def source(name: str) -> pd.DataFrame:
            stored = DOCUMENT if name == "documents" else name
            found = load_tables(store, keys, batches, [stored]).get(stored)
            if name == "documents":
                return documents_table(corpus, articles, found, stories)
            return to_frame(found, name)

    def read(name: str) -> pd.DataFrame:
        table = source(name)
        return prepare(tables, name, table) if prepare and name != "documents" else table

    tables = StoredTables.lazy(read, extra)
    return tables
