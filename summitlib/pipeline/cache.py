"""What the annotation cache (the Parquet store, :mod:`summitlib.pipeline.store`) keys on,
and how it reads its files.

An article's key covers everything its rows depend on: the article's bytes (SHA-256), its
doc_id, publication date and metadata, the pipeline's settings and a fingerprint of the code
that annotates (:func:`annotation_fingerprint`: the library's version plus the bytes of the
code and data files the annotation is made of). Changing an article, its metadata, the stance
model or that code therefore misses the cache; a change to what only reads the tables (the
analysis, the reports, the command line, the evaluation, the importers) leaves it valid.

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

SUFFIXES = {".py", ".csv", ".txt", ".tab", ".json"}
# Parts of the library downstream of the tables: they read annotations, never make them.
# tests/test_store.py checks that annotating imports none of them.
READERS = (
    "analysis/",
    "cli.py",
    "corpus/importers/",
    "corpus/synthetic.py",
    "data/codebooks/",
    "data/templates/",
    "evaluation/",
    "reports/",
)


def library_files(readers: bool = True) -> list[str]:
    """The library's code and data files, relative to its folder (without the readers: the
    ones the annotation is made of)."""
    root = Path(str(resources.files("summitlib")))
    files = (p for p in root.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    names = (p.relative_to(root).as_posix() for p in files)
    return sorted(n for n in names if readers or not n.startswith(READERS))


@lru_cache(maxsize=2)
def library_fingerprint(readers: bool = True) -> str:
    """A hash of summitlib's version and of its code and data files (see library_files)."""
    from summitlib import __version__

    digest = hashlib.sha256(__version__.encode())
    root = Path(str(resources.files("summitlib")))
    for name in library_files(readers):
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:16]


def annotation_fingerprint() -> str:
    """A hash of the library's version and of the code and data the annotation is made of."""
    return library_fingerprint(readers=False)


def entry_key(parts: dict[str, str]) -> str:
    """The cache key of one article: a hash of what its annotation depends on."""
    payload = json.dumps({**parts, "library": annotation_fingerprint()}, sort_keys=True)
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
