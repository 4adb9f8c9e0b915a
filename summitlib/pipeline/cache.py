"""What the annotation cache (the Parquet store, :mod:`summitlib.pipeline.store`) keys on,
and how it reads its files.

An article's key covers everything its rows depend on: the article's bytes (SHA-256), its
doc_id, publication date and metadata, the pipeline's settings and a fingerprint of the
library (its version plus the bytes of its code and data files). Changing an article, its
metadata, the stance model or the library therefore misses the cache.

The cache is trusted local state: its digests detect damage, not tampering (whoever can write
the cache folder can write a matching digest). Still, a cache file is only read if it is a
regular file (not a link, FIFO or device) of bounded size (:func:`read_regular`).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from functools import lru_cache
from importlib import resources
from pathlib import Path


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


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; OSError for anything else.

    A link, FIFO or device is refused before it is read (no hang, no endless read)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise OSError(f"{path} is not a regular file of at most {limit} bytes")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(info.st_size + 1)
    finally:
        os.close(fd)
    if len(data) != info.st_size:
        raise OSError(f"{path} changed while it was read")
    return data
