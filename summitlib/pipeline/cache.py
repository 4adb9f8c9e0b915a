"""On-disk cache of per-article annotations.

An entry is keyed by everything its rows depend on: the article's bytes (SHA-256), its
doc_id, publication date and author, and a fingerprint of the library (its version plus the
bytes of its code and data files). Changing an article, its metadata or the library therefore
misses the cache. Entries are JSON written atomically and carry a digest of their payload: a
truncated or corrupt entry is detected, ignored and rebuilt.

The cache is trusted local state: the digest detects damage, not tampering (whoever can write
the cache folder can write a matching digest). Still, an entry is only read if it is a regular
file (not a link, FIFO or device) of bounded size, and only used if it has the structure of
annotation rows; anything else is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from functools import lru_cache
from importlib import resources
from pathlib import Path

from summitlib.pipeline.tables import CONTRACT_TABLES, atomic_write_text

MAX_ENTRY_BYTES = 512 * 2**20  # larger entries are recomputed rather than read


@lru_cache(maxsize=1)
def library_fingerprint() -> str:
    """A hash of summitlib's version and of every code and data file it ships."""
    from summitlib import __version__

    digest = hashlib.sha256(__version__.encode())
    root = Path(str(resources.files("summitlib")))
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".txt", ".tab", ".json"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def entry_key(parts: dict[str, str]) -> str:
    """The cache key of one article: a hash of what its annotation depends on."""
    payload = json.dumps({**parts, "library": library_fingerprint()}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def load_entry(cache_dir: Path, key: str) -> dict | None:
    """The cached rows for ``key``, or None when absent, truncated or corrupt."""
    path = Path(cache_dir) / key[:2] / f"{key}.json"
    try:
        entry = json.loads(_read_regular(path, MAX_ENTRY_BYTES))
        payload = json.dumps(entry["tables"], sort_keys=True, ensure_ascii=False)
        if entry["key"] != key or entry["digest"] != _digest(payload):
            return None
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return entry["tables"] if _well_formed(entry["tables"]) else None


def _read_regular(path: Path, limit: int) -> str:
    """The text of a regular file of at most ``limit`` bytes; OSError for anything else."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise OSError(f"{path} is not a regular file of at most {limit} bytes")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise OSError(f"{path} grew beyond {limit} bytes")
    return data.decode("utf-8")


def _well_formed(tables: object) -> bool:
    """Whether cached tables have the shape of one article's rows."""
    if not isinstance(tables, dict) or not all(isinstance(k, str) for k in tables):
        return False
    if any(not isinstance(tables.get(name), list) for name in CONTRACT_TABLES):
        return False
    if not all(isinstance(rows, list) for rows in tables.values()):
        return False
    document = tables.get("document")
    if not isinstance(document, list) or len(document) != 1:
        return False
    return all(isinstance(row, dict) for rows in tables.values() for row in rows)


def store_entry(cache_dir: Path, key: str, tables: dict) -> None:
    """Save the rows for ``key`` atomically; a cache that cannot be written is skipped."""
    payload = json.dumps(tables, sort_keys=True, ensure_ascii=False)
    entry = {"key": key, "digest": _digest(payload), "tables": tables}
    path = Path(cache_dir) / key[:2] / f"{key}.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(entry, sort_keys=True, ensure_ascii=False))
    except OSError:
        pass


def _digest(payload: str) -> str:
    """Checksum of a serialised payload."""
    return hashlib.sha256(payload.encode()).hexdigest()
