"""The annotation pipeline: each article flows once through an ordered list of named components.

:class:`Pipeline` is to summitlib what ``Language`` is to spaCy: calling it on an article
cleans the text into an :class:`~summitlib.pipeline.doc.ArticleDoc`, runs the components in
order (sentences, actors, turns, quotes, dates, amounts, stance, positions by default) and
returns the article's rows by table. :func:`annotate` runs it over a corpus on an engine
(see :mod:`summitlib.pipeline.engines`), with a per-article cache, and assembles the tables.

>>> from summitlib import load_corpus, annotate
>>> tables = annotate(load_corpus("corpus"))
>>> tables.quotes[["speaker", "kind"]].head(2)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import pandas as pd

from summitlib.corpus.reader import Corpus, Document
from summitlib.corpus.reprints import corpus_articles, find_reprints
from summitlib.errors import ParameterError
from summitlib.learning.model import check_model_folder, folder_digest
from summitlib.paths import cache_dir as default_cache_dir
from summitlib.pipeline import cache as cache_store
from summitlib.pipeline.components import COMPONENTS, DEFAULT_COMPONENTS, Component, summary
from summitlib.pipeline.doc import ArticleDoc
from summitlib.pipeline.engines import run_engine
from summitlib.pipeline.tables import CONTRACT_TABLES, DOCUMENT_COLUMNS, Tables, frame


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

    def __call__(self, article: Document) -> dict[str, list[dict]]:
        """All rows of one article, keyed by table name (plain, JSON-ready values)."""
        doc = self.make_doc(article)
        for _, func in self.components:
            func(doc)
        rows = {name: doc.rows.get(name, []) for name in CONTRACT_TABLES}
        rows.update({k: v for k, v in doc.rows.items() if k not in rows})
        rows["document"] = [summary(doc)]
        return rows

    def pipe(self, articles: Iterable[Document]) -> Iterator[dict[str, list[dict]]]:
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
        "title": article.meta.get("title", ""),
        **pipeline.cache_parts(),
    }
    return cache_store.entry_key(parts)


def annotate_cached(
    article: Document, cache_dir: Path | None, pipeline: Pipeline | None = None
) -> dict[str, list[dict]]:
    """An article's rows from the cache, or computed (and then stored)."""
    pipeline = pipeline or Pipeline()
    if cache_dir is None:
        return pipeline(article)
    key = cache_key(article, pipeline)
    rows = cache_store.load_entry(cache_dir, key)
    if rows is None:
        rows = pipeline(article)
        cache_store.store_entry(cache_dir, key, rows)
    return rows


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

    >>> tables = annotate(load_corpus("corpus"))            # doctest: +SKIP
    >>> tables = annotate(corpus, engine="dask")            # same tables, on a Dask cluster
    """
    folder = (cache_dir or default_cache_dir()) if cache else None
    articles = list(corpus)
    per_doc = run_engine(
        engine,
        articles,
        folder,
        pipeline or Pipeline(),
        workers=workers,
        scheduler=scheduler,
        progress=progress,
    )
    return assemble(corpus, articles, per_doc)


def assemble(corpus: Corpus, articles: list[Document], per_doc: list[dict]) -> Tables:
    """Concatenate per-article rows into the corpus tables, in a stable order."""
    names = list(CONTRACT_TABLES)
    names += sorted({k for rows in per_doc for k in rows} - set(names) - {"document"})
    tables = {
        name: frame([r for rows in per_doc for r in rows.get(name, [])], name) for name in names
    }
    stories = find_reprints(corpus_articles(articles)).set_index("doc_id")
    documents = []
    for article, rows in zip(articles, per_doc, strict=True):
        meta = {c: article.meta.get(c, "") for c in corpus.columns}
        documents.append(
            {
                **meta,
                "doc_id": article.doc_id,
                "file": article.file,
                "sha256": article.sha256,
                "published": article.published.isoformat(),
                **rows["document"][0],
                "story_id": stories.at[article.doc_id, "story_id"],
                "copy_of": stories.at[article.doc_id, "copy_of"],
            }
        )
    table = pd.DataFrame(documents)
    extra = [c for c in table.columns if c not in DOCUMENT_COLUMNS]
    contract = {name: tables.pop(name) for name in CONTRACT_TABLES}
    return Tables(documents=table[DOCUMENT_COLUMNS + extra], **contract, extra=tables)
