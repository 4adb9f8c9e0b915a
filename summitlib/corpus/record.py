"""The record of the last corpus check: which article files passed, and how they looked on disk.

Checking an article reads and hashes all its bytes; at 50,000 articles that takes seconds, and
``summit run`` checks a corpus once in the runner and again in every notebook's kernel. The
record keeps, for each article that passed, the file's device, inode, size, modification and
change times (nanoseconds) and the SHA-256 of its bytes. A later check reuses the SHA-256 of a
file whose stat is the same and checks every other file in full, so a changed, replaced or
touched article is always read again; metadata.csv, summits.csv and the listing of
``articles/`` are checked in full every time.

The record lives in the cache folder (``<cache dir>/checks/``), never in the corpus. A file
changed within :data:`SETTLE_NS` of the check is not recorded (its timestamps could still
tie with a change made in the same clock tick), so it is checked in full again next time.
Like the annotation store, the record is trusted local state; an unreadable or malformed
record is ignored.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from summitlib.paths import cache_dir, corpus_cache_name

SETTLE_NS = 3_000_000_000
MAX_RECORD_BYTES = 512 * 2**20
FORMAT = 1
Signature = list[int]


def record_path(corpus_root: Path, cache_root: Path | None = None) -> Path:
    """Where the check record of a corpus is kept."""
    return Path(cache_root or cache_dir()) / "checks" / f"{corpus_cache_name(corpus_root)}.json"


def signature(path: Path) -> Signature:
    """What identifies a file's state on disk: device, inode, size, mtime and ctime (ns)."""
    info = os.stat(path)
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


@dataclass
class CheckRecord:
    """The articles that passed the last check (by metadata ``file``), and those passing now."""

    path: Path
    seen: dict[str, list] = field(default_factory=dict)
    passed: dict[str, list] = field(default_factory=dict)
    started: int = field(default_factory=time.time_ns)

    @classmethod
    def open(cls, corpus_root: Path, cache_root: Path | None = None) -> CheckRecord:
        """The record of a corpus (empty when there is none or it cannot be read)."""
        from summitlib.pipeline.cache import read_regular

        path = record_path(corpus_root, cache_root)
        try:
            data = json.loads(read_regular(path, MAX_RECORD_BYTES))
        except (OSError, ValueError, RecursionError):
            return cls(path)
        seen = data.get("files") if isinstance(data, dict) and data.get("format") == FORMAT else {}
        return cls(path, seen if isinstance(seen, dict) else {})

    def known(self, name: str, path: Path) -> tuple[Signature | None, str | None]:
        """The signature of the file ``path`` (the row's ``name``), and its SHA-256 if it
        passed unchanged (else None)."""
        try:
            now = signature(path)
        except OSError:
            return None, None
        entry = self.seen.get(name)
        if isinstance(entry, list) and entry[:-1] == now and isinstance(entry[-1], str):
            self.passed[name] = entry
            return now, entry[-1]
        return now, None

    def note(self, name: str, before: Signature | None, sha256: str) -> None:
        """Record that a file passed, if it was settled before it was read (see module doc)."""
        if before is None or max(before[3], before[4]) > self.started - SETTLE_NS:
            return
        self.passed[name] = [*before, sha256]

    def save(self) -> None:
        """Keep this check's record for the next one (silently skipped if it cannot be written)."""
        if self.passed == self.seen:
            return
        from summitlib.pipeline.tables import atomic_write_text

        text = json.dumps({"format": FORMAT, "files": self.passed}, separators=(",", ":"))
        with suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, text)
