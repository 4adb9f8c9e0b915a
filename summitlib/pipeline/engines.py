"""Running the per-article annotation on Dask (``dask.distributed``).

The client sends each worker a :class:`~summitlib.corpus.reader.Document`, which holds the path and
the SHA-256 of the article but not its text: the worker reads the file itself, checks that the
bytes are still the validated ones, annotates, and returns plain rows. The corpus folder (and
the cache folder, if any) must therefore be readable at the same path on every worker, as on a
single machine or a shared file system. Results are gathered in corpus order, so the tables
are identical to the local engine's.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from summitlib.corpus.reader import Document
from summitlib.errors import SummitError

LOCAL_WORKERS = 2


def annotate_on_worker(doc: Document, cache_folder: Path | None) -> dict[str, list[dict]]:
    """Read, verify and annotate one article inside a Dask worker."""
    from summitlib.pipeline.annotate import annotate_cached

    if hashlib.sha256(doc.path.read_bytes()).hexdigest() != doc.sha256:
        raise SummitError(f"{doc.path} changed after the corpus was validated; run again")
    return annotate_cached(doc, cache_folder)


def annotate_with_dask(
    docs: list[Document], cache_folder: Path | None, scheduler: str | None = None
) -> list[dict[str, list[dict]]]:
    """Annotate on the Dask scheduler at ``scheduler``, or on a local two-process cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise SummitError(
            "the dask engine needs dask.distributed: pip install 'summitlib[dask]'"
        ) from err
    if scheduler:
        with Client(scheduler) as client:
            return _run(client, docs, cache_folder)
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
        return _run(client, docs, cache_folder)


def _run(client: object, docs: list[Document], cache_folder: Path | None) -> list[dict]:
    """Map the worker function over the documents and gather the results in order."""
    futures = client.map(annotate_on_worker, docs, cache_folder=cache_folder, pure=False)
    return client.gather(futures)
