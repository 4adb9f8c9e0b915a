"""On-disk cache of per-article annotations.

An entry is keyed by everything its rows depend on: the article's bytes (SHA-256), its
doc_id, publication date and author, and a fingerprint of the library (its version plus the
bytes of its code and data files). Changing an article, its metadata or the library therefore
misses the cache. Entries are JSON written atomically and carry a digest of their payload: a
truncated or corrupt entry is detected, ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from summitlib.pipeline.tables import atomic_write_text


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
        entry = json.loads(path.read_text(encoding="utf-8"))
        payload = json.dumps(entry["tables"], sort_keys=True, ensure_ascii=False)
        if entry["key"] != key or entry["digest"] != _digest(payload):
            return None
        return entry["tables"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


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
