"""Engines: where the per-article function runs. A small registry over the same function.

- ``local``: this process, or a process pool over both cores once the corpus has at least
  :data:`PARALLEL_THRESHOLD` articles.
- ``dask``: a ``dask.distributed`` cluster (a local two-process one by default). The client
  sends each worker a :class:`~summitlib.corpus.reader.Document`, which holds the path and the
  SHA-256 of the article but not its text: the worker reads the file itself, checks that the
  bytes are still the validated ones, annotates, and returns plain rows. The corpus folder
  must be readable at the same path on every worker.

Every engine yields the rows article by article in the order given, so every engine gives
identical tables and a caller can write them away in batches as they come.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from summitlib.corpus.reader import Document
from summitlib.errors import ParameterError, SummitError

if TYPE_CHECKING:
    from summitlib.pipeline.annotate import Pipeline

PARALLEL_THRESHOLD = 64
LOCAL_WORKERS = 2
GATHER_BATCH = 500
CONNECT_SECONDS = 10  # a scheduler that does not answer by then is reported
Rows = dict[str, list[dict]]
Progress = Callable[[Iterable], Iterable] | None


def annotate_one(article: Document, pipeline: Pipeline) -> Rows:
    """The per-article function every engine runs: the pipeline's rows of one article."""
    return pipeline(article)


def run_local(
    articles: list[Document],
    pipeline: Pipeline,
    *,
    workers: int | None = None,
    progress: Progress = None,
    **_: object,
) -> Iterator[Rows]:
    """Annotate in this process, or in a process pool when the corpus is large enough."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    n = len(articles)
    if workers > 1 and n >= PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(annotate_one, articles, [pipeline] * n, chunksize=8)
            yield from progress(Sized(results, n)) if progress else results
        return
    items = progress(articles) if progress else articles
    for article in items:
        yield annotate_one(article, pipeline)


class Sized:
    """An iterator that knows its length (for a progress bar)."""

    def __init__(self, items: Iterable, n: int):
        self.items, self.n = items, n

    def __iter__(self) -> Iterator:
        """The items."""
        return iter(self.items)

    def __len__(self) -> int:
        """How many items there are."""
        return self.n


def _verified(article: Document, pipeline: Pipeline) -> Rows:
    """Read, verify and annotate one article inside a Dask worker."""
    if hashlib.sha256(article.path.read_bytes()).hexdigest() != article.sha256:
        raise SummitError(f"{article.path} changed after the corpus was validated; run again")
    return annotate_one(article, pipeline)


def run_dask(
    articles: list[Document],
    pipeline: Pipeline,
    *,
    scheduler: str | None = None,
    **_: object,
) -> Iterator[Rows]:
    """Annotate on the Dask scheduler at ``scheduler``, or on a local two-process cluster."""
    try:
        from distributed import Client, LocalCluster  # expensive and optional: imported here
    except ImportError as err:
        raise SummitError(
            "the dask engine needs dask.distributed: pip install 'summitlib[dask]'"
        ) from err

    def gather(client: Client) -> Iterator[Rows]:
        """Results in order, with at most two batches submitted at a time (bounded memory)."""

        def submit(start: int) -> list:
            chunk = articles[start : start + GATHER_BATCH]
            return client.map(_verified, chunk, pipeline=pipeline, pure=False)

        pending = submit(0)
        for start in range(0, len(articles), GATHER_BATCH):
            following = submit(start + GATHER_BATCH) if start + GATHER_BATCH < len(articles) else []
            yield from client.gather(pending)
            for future in pending:
                future.release()
            pending = following

    if scheduler:
        with _connect(Client, scheduler) as client:
            yield from gather(client)
        return
    with (
        LocalCluster(
            n_workers=LOCAL_WORKERS,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield from gather(client)


def _connect(client_class: type, scheduler: str) -> object:
    """A client of the scheduler at ``scheduler``, or a ParameterError naming the option."""
    try:
        return client_class(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, ValueError, TypeError, TimeoutError) as err:
        reason = " ".join(str(err).split())[:200] or type(err).__name__
        raise ParameterError(
            f"--scheduler {scheduler}: cannot connect to a dask scheduler ({reason}); start one "
            "(dask scheduler) and give its address, e.g. tcp://127.0.0.1:8786, or leave "
            "--scheduler out for a local cluster"
        ) from None


ENGINES: dict[str, Callable[..., Iterator[Rows]]] = {"local": run_local, "dask": run_dask}


def run_engine(
    engine: str, articles: list[Document], pipeline: Pipeline, **options
) -> Iterator[Rows]:
    """Run the per-article function over ``articles`` on the named engine."""
    if engine not in ENGINES:
        raise ParameterError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    return ENGINES[engine](articles, pipeline, **options)
