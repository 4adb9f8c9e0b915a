"""Who may write a reports folder: a lock file naming its holder, and liveness of run folders.

Both use POSIX record locks (``fcntl.lockf``), which the kernel releases when the holder dies,
however it dies, and which work across PID namespaces and on NFS. So a lock left by a killed
run is free again at once, and a staging folder is *provably* dead exactly when its marker
file can be locked: a run on another host or in another container is never mistaken for a
dead one because of its process id.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

from summitlib.errors import RunError

LOCK = ".summit-lock"
WAIT_SECONDS = 120.0
POLL_SECONDS = 0.2


def holder() -> dict:
    """This process as a lock holder: host, process id and start time."""
    now = dt.datetime.now().isoformat(timespec="seconds")
    return {"host": socket.gethostname(), "pid": os.getpid(), "since": now}


def describe(info: dict) -> str:
    """A lock holder in words."""
    if not info:
        return "another summit run"
    return f"summit run pid {info.get('pid')} on host {info.get('host')} since {info.get('since')}"


def _read(fd: int) -> dict:
    """The holder recorded in an open lock file (empty if unreadable)."""
    try:
        data = json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on an open file without waiting."""
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def hold(path: Path) -> int:
    """Create (or open) ``path``, lock it and record this process in it; return the descriptor."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    if not _try_lock(fd):
        os.close(fd)
        raise BlockingIOError(path)
    _record(fd)
    return fd


def _record(fd: int) -> None:
    """Write this process into a locked file."""
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(holder()).encode("utf-8"), 0)


def release(fd: int) -> None:
    """Unlock and close a file taken with :func:`hold` (its holder is cleared first)."""
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        fcntl.lockf(fd, fcntl.LOCK_UN)
    os.close(fd)


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold ``folder/.summit-lock`` during the block, waiting up to ``wait`` seconds for it."""
    path = Path(folder) / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    try:
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise RunError(
                    f"the reports folder {folder} is in use by {describe(_read(fd))}; wait for "
                    f"that run to end (if it is gone, its lock is freed; the file {path} names "
                    "the holder)"
                )
            time.sleep(POLL_SECONDS)
        _record(fd)
        yield
    finally:
        release(fd)


def is_dead(marker: Path) -> bool:
    """Whether the run that owns ``marker`` is provably gone (its lock can be taken)."""
    try:
        fd = os.open(marker, os.O_RDWR)
    except OSError:
        return False
    try:
        if not _try_lock(fd):
            return False
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)
