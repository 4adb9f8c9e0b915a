"""Annotation rows as Arrow tables: one batch of articles at a time, keyed by fingerprint.

Every article's rows carry the article's fingerprint in the column ``_key`` (see
:func:`summitlib.pipeline.annotate.cache_key`). A batch of articles becomes one Arrow table
per annotation table; batches are concatenated, cut to the wanted fingerprints and put in
corpus order by :func:`select`. The same code serves the Parquet store and an annotation
without it, so both give identical tables.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from summitlib.pipeline.rows import frame_columns
from summitlib.pipeline.tables import _umask, frame

KEY = "_key"
DOCUMENT = "document"
Batch = dict[str, pa.Table]


def rows_table(rows: list[dict] | dict[str, list], name: str) -> pa.Table:
    """The Arrow table of some rows (dicts, or columns as :func:`frame_columns` gives them),
    typed as pandas would type them (no pandas metadata)."""
    return frame_table(frame(rows, name))


def batch_tables(keys: Sequence[str], per_doc: Sequence[dict[str, Sequence[dict]]]) -> Batch:
    """One Arrow table per annotation table for a batch of articles, each row with its ``_key``.

    The rows are taken out of ``per_doc`` table by table and freed once their table is
    converted, so that a huge article's rows are never held twice over.
    """
    names = {name for rows in per_doc for name in rows}
    batch = {}
    for name in sorted(names):
        tables, owners = [], []
        for key, doc_rows in zip(keys, per_doc, strict=True):
            found = doc_rows.pop(name, [])
            tables.append(found)
            owners.extend([key] * len(found))
        table = rows_table(frame_columns(tables), name)
        del tables
        batch[name] = table.append_column(KEY, pa.array(owners, type=pa.string()))
    return batch


def concat(tables: Iterable[pa.Table]) -> pa.Table | None:
    """The tables one after another, their column types unified (None when there are none)."""
    tables = list(tables)
    if not tables:
        return None
    return pa.concat_tables(tables, promote_options="permissive")


def select(table: pa.Table, keys: pa.Array) -> pa.Table:
    """The rows whose ``_key`` is in ``keys``, in the order of ``keys`` (stable within a key);
    the table itself, not a copy, when it holds just those rows in that order."""
    position = pc.index_in(table[KEY], value_set=keys)
    if not position.null_count and _ascending(position.to_numpy()):
        return table
    kept = table.filter(pc.is_valid(position))
    order = pc.sort_indices(pc.drop_null(position), sort_keys=[("", "ascending")])
    return kept.take(order)


def in_order(table: pa.Table, keys: pa.Array) -> pa.Table:
    """The rows (all of wanted articles) in the order of ``keys``, stable within a key; no
    copy if already so.

    The rows of an article lie together in a part, so the order is found for each run of
    rows with one key (an article's rows), not for each row: a run-end encoding of ``_key``
    compares neighbours instead of hashing every row's key."""
    ends, values, offset = [], [], 0
    for chunk in table[KEY].chunks:
        runs = pc.run_end_encode(chunk)
        ends.append(runs.run_ends.to_numpy().astype(np.int64) + offset)
        values.append(runs.values)
        offset += len(chunk)
    if not ends:
        return table
    position = pc.index_in(pa.concat_arrays(values), value_set=keys).to_numpy(False)
    if _ascending(position):
        return table
    ends = np.concatenate(ends)
    order = np.argsort(position, kind="stable")
    length = np.diff(ends, prepend=0)[order]
    first = ends[order] - length
    return table.take(np.repeat(first - np.cumsum(length) + length, length) + np.arange(offset))


def _ascending(position: np.ndarray) -> bool:
    """Whether the positions never go down (the rows are in the order wanted)."""
    return len(position) < 2 or bool((np.diff(position) >= 0).all())


def to_frame(table: pa.Table | None, name: str) -> pd.DataFrame:
    """A pandas table without ``_key``, the contract's columns first (empty when None)."""
    if table is None:
        return frame([], name)
    if KEY in table.column_names:
        table = table.drop_columns([KEY])
    return frame(table.to_pandas(), name)


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write one Arrow table as Parquet atomically (temporary file in the folder, then rename)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would have made it, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def frame_table(table: pd.DataFrame) -> pa.Table:
    """The Arrow table of a pandas table, without the index or pandas metadata."""
    return pa.Table.from_pandas(table, preserve_index=False).replace_schema_metadata(None)
