"""The per-corpus annotation store: Parquet files keyed by article fingerprint, added to in parts.

A corpus's store is a folder ``<cache dir>/store/<corpus folder name>-<hash of its path>/``::

    manifest.json                 the parts in order, with the SHA-256 of each of their files
    part-<id>/<table>.parquet     one batch of annotated articles: a file per table, every row
                                  with the ``_key`` (fingerprint) of its article;
                                  document.parquet holds one summary row per article
    stories-<key>.parquet         the reprint groups of the corpus as it last was (they depend
                                  on every article, so they are kept per corpus, not per part)

An article's fingerprint covers its bytes, its metadata, the stance model and the code that
annotates (see :func:`summitlib.pipeline.annotate.cache_key`), so a changed article, or a new
version of summitlib, is simply a fingerprint the store does not hold yet. Adding articles
writes a new part with their rows only and then the manifest (atomically, last): adding ten
articles to a corpus of 50,000 annotates ten. A crash leaves the previous manifest; folders it
does not name are removed on the next update. A part whose file is missing, truncated or
altered (its digest differs) is dropped and its articles are annotated again. Reads take a
shared file lock and updates an exclusive one, so a reader never sees a half-made update.

The store is trusted local state (see :mod:`summitlib.pipeline.cache`): only regular files of
bounded size are read, a manifest naming anything but part folders and table files is ignored,
and a part whose tables lack the article key is treated as damaged.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import re
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from summitlib.errors import SummitError
from summitlib.paths import corpus_cache_name
from summitlib.pipeline.cache import read_regular
from summitlib.pipeline.columnar import DOCUMENT, KEY, Batch, concat, in_order, write_parquet
from summitlib.pipeline.tables import atomic_write_text

MANIFEST = "manifest.json"
LOCK = ".lock"
FORMAT = 1
MAX_PARTS = 32
MAX_MANIFEST_BYTES = 64 * 2**20
MAX_FILE_BYTES = 4 * 2**30
PART_NAME = re.compile(r"part-[0-9a-f]{16}")
TABLE_NAME = re.compile(r"\w[\w.-]*")
MERGED_PART = 5000
Parts = dict[str, dict[str, str]]


class DamagedPart(Exception):
    """A part's file is missing or does not match its digest."""

    def __init__(self, part: str):
        super().__init__(part)
        self.part = part


def store_dir(cache_root: Path, corpus_root: Path) -> Path:
    """The store folder of a corpus: its folder name plus a hash of its absolute path."""
    return Path(cache_root) / "store" / corpus_cache_name(corpus_root)


class Store:
    """One corpus's Parquet store: which fingerprints it holds, reading and adding parts."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @contextmanager
    def locked(self, exclusive: bool) -> Iterator[Store]:
        """Hold the store's lock (shared for reading, exclusive for updating)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / LOCK).open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            try:
                yield self
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def parts(self) -> Parts:
        """The manifest: part name -> {table: SHA-256 of its file}, in the order added."""
        try:
            data = json.loads(read_regular(self.folder / MANIFEST, MAX_MANIFEST_BYTES))
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        parts = data.get("parts")
        return parts if _well_formed(parts) else {}

    def read_part(self, part: str, table: str, digests: dict[str, str]) -> pa.Table:
        """One table of one part, checked against its digest; DamagedPart if it does not match."""
        try:
            data = read_regular(self.folder / part / f"{table}.parquet", MAX_FILE_BYTES)
            if hashlib.sha256(data).hexdigest() != digests[table]:
                raise DamagedPart(part)
            found = pq.read_table(pa.BufferReader(data))
        except (OSError, KeyError, ValueError, pa.ArrowException) as err:
            raise DamagedPart(part) from err
        if KEY not in found.column_names or not pa.types.is_string(found.schema.field(KEY).type):
            raise DamagedPart(part)
        return found

    def index(self) -> tuple[Parts, dict[str, str]]:
        """The manifest, and the part holding each fingerprint (a later part wins)."""
        parts = self.parts()
        owner: dict[str, str] = {}
        for part, digests in list(parts.items()):
            try:
                keys = self.read_part(part, DOCUMENT, digests).column(KEY).to_pylist()
            except DamagedPart:
                del parts[part]
                continue
            owner.update(dict.fromkeys(keys, part))
        return parts, owner

    def read(
        self,
        keys: Sequence[str],
        parts: Parts,
        owner: dict[str, str],
        names: Collection[str] | None = None,
    ) -> dict[str, pa.Table]:
        """The tables ``names`` (default: all) of the articles ``keys``, rows in their order."""
        wanted: dict[str, list[str]] = {}
        for key in keys:
            wanted.setdefault(owner[key], []).append(key)
        held = Counter(owner.values())
        pieces: dict[str, list[pa.Table]] = {}
        for part, own in wanted.items():
            for table in parts[part]:
                if names is not None and table not in names:
                    continue
                found = self.read_part(part, table, parts[part])
                if len(own) < held[part]:  # the part also holds articles not wanted here
                    found = found.filter(pc.is_in(found[KEY], pa.array(own, type=pa.string())))
                pieces.setdefault(table, []).append(found)
        order = pa.array(keys, type=pa.string())
        return {name: in_order(concat(found), order) for name, found in pieces.items()}

    def read_corpus_table(self, name: str, key: str) -> pa.Table | None:
        """A table computed over the whole corpus (e.g. its reprint groups) for ``key``, or None."""
        with self.locked(exclusive=False):
            try:
                data = read_regular(self.folder / f"{name}-{key[:16]}.parquet", MAX_FILE_BYTES)
                return pq.read_table(pa.BufferReader(data))
            except (OSError, ValueError, pa.ArrowException):
                return None

    def write_corpus_table(self, name: str, key: str, table: pa.Table) -> None:
        """Keep a whole-corpus table for ``key``, replacing the one kept for an earlier corpus."""
        with self.locked(exclusive=True):
            path = self.folder / f"{name}-{key[:16]}.parquet"
            write_parquet(table, path)
            for old in self.folder.glob(f"{name}-*.parquet"):
                if old != path:
                    old.unlink(missing_ok=True)

    def add(self, batch: Batch) -> None:
        """Write one batch of articles as a new part, then name it in the manifest."""
        part, digests = self.write_part(batch)
        self.write_manifest({**self.parts(), part: digests})

    def write_part(self, batch: Batch) -> tuple[str, dict[str, str]]:
        """Write a batch's tables into a new part folder; its name and the files' digests."""
        part = f"part-{uuid.uuid4().hex[:16]}"
        folder = self.folder / part
        folder.mkdir(parents=True)
        digests = {}
        for name, table in batch.items():
            write_parquet(table, folder / f"{name}.parquet")
            digests[name] = hashlib.sha256((folder / f"{name}.parquet").read_bytes()).hexdigest()
        return part, digests

    def write_manifest(self, parts: Parts) -> None:
        """Replace the manifest atomically."""
        text = json.dumps({"format": FORMAT, "parts": parts}, indent=1, sort_keys=False)
        atomic_write_text(self.folder / MANIFEST, text + "\n")

    def tidy(self, keys: Sequence[str]) -> None:
        """Drop parts that hold none of ``keys``, merge many parts, remove unnamed folders."""
        parts, owner = self.index()
        used = {owner[k] for k in set(keys) if k in owner}
        kept = {p: d for p, d in parts.items() if p in used}
        if len(kept) > MAX_PARTS:
            order = [k for k in keys if k in owner]
            merged = [
                self.write_part(self.read(order[i : i + MERGED_PART], kept, owner))
                for i in range(0, len(order), MERGED_PART)
            ]
            kept = dict(merged)
        if kept != self.parts():
            self.write_manifest(kept)
        for folder in self.folder.glob("part-*"):
            if folder.name not in kept:
                shutil.rmtree(folder, ignore_errors=True)


def _well_formed(parts: object) -> bool:
    """Whether a manifest's parts name only part folders and table files, with digests."""
    if not isinstance(parts, dict):
        return False
    return all(
        isinstance(part, str)
        and PART_NAME.fullmatch(part)
        and isinstance(digests, dict)
        and DOCUMENT in digests
        and all(
            isinstance(t, str) and TABLE_NAME.fullmatch(t) and isinstance(d, str)
            for t, d in digests.items()
        )
        for part, digests in parts.items()
    )


def fill(
    store: Store,
    keys: Sequence[str],
    annotate: Callable[[list[int]], Iterable[Batch]],
    damaged: Iterable[str] = (),
) -> int:
    """Annotate (by position) the articles the store lacks and add them; return how many."""
    with store.locked(exclusive=True):
        parts = store.index()[0]
        if set(damaged) & set(parts) or parts != store.parts():
            store.write_manifest({p: d for p, d in parts.items() if p not in set(damaged)})
        owner = store.index()[1]
        missing = [i for i, k in enumerate(keys) if k not in owner]
        for batch in annotate(missing):
            store.add(batch)
        store.tidy(keys)
    return len(missing)


def load_tables(
    store: Store,
    keys: Sequence[str],
    annotate: Callable[[list[int]], Iterable[Batch]],
    names: Collection[str] | None = None,
) -> dict[str, pa.Table]:
    """The tables ``names`` (default: all) of ``keys`` from the store, first annotating the
    articles it lacks."""
    damaged: set[str] = set()
    for _ in range(3):
        with store.locked(exclusive=False):
            parts, owner = store.index()
            if not damaged and all(k in owner for k in keys):
                try:
                    return store.read(keys, parts, owner, names)
                except DamagedPart as err:
                    damaged.add(err.part)
        fill(store, keys, annotate, damaged)
        damaged = set()
    raise SummitError(f"the annotation store {store.folder} keeps failing; delete it and run again")
