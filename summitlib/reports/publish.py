"""Publishing a run: every run in a folder of its own, and the index switched as the last step.

A reports folder holds ``index.json`` (the manifest: which run folder is current, which files
the runner wrote and their SHA-256), ``index.html`` and one folder per published run
(``run-<date>-<id>/``) with every report of the set, the ones carried over from the previous
run included. Publishing renames the finished staging folder into such a run folder, writes the
manifest, then the index page; only then is the previous run folder removed. A reader (or a
later run) therefore sees the old set or the new one, never a mix, and a file that no longer
matches its digest is never reused. Nothing that the manifest does not name is touched, except
run and staging folders carrying the runner's marker file whose owner is provably dead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
from pathlib import Path

from summitlib.errors import RunError
from summitlib.reports.lock import LOCK, is_dead

INDEX_JSON = "index.json"
INDEX_HTML = "index.html"
FAILED = "failed"
MARKER = ".summit-run"
GENERATOR = "summitlib"
RUN_FOLDER = re.compile(r"^(run-\d{8}-\d{6}-[0-9a-f]{6}|\.staging-[0-9a-f]{6})$")
LINKS = ("html", "ipynb", "results")


def new_run_name() -> str:
    """A fresh, sortable name for a run folder."""
    return f"run-{dt.datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def new_staging_name() -> str:
    """A fresh name for a staging folder."""
    return f".staging-{secrets.token_hex(3)}"


def digest(path: Path) -> str:
    """SHA-256 of a file, read in blocks."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


# --- the manifest -----------------------------------------------------------------------


def read_manifest(folder: Path) -> dict:
    """The folder's index.json as a dict (empty when absent or unreadable)."""
    try:
        data = json.loads((folder / INDEX_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("reports"), list) else {}


def is_report_folder(folder: Path) -> bool:
    """Whether ``folder`` is missing, empty (but for runs starting) or has a manifest."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    others = [p for p in folder.iterdir() if p.name != LOCK and not RUN_FOLDER.match(p.name)]
    return not others or bool(read_manifest(folder))


def intact(folder: Path, entry: dict) -> bool:
    """Whether every file of an entry exists inside the folder and matches its digest."""
    files = entry.get("files")
    if not isinstance(files, dict) or not files:
        return False
    for name, sha in files.items():
        path = Path(name)
        if path.is_absolute() or ".." in path.parts or not (folder / path).is_file():
            return False
        if digest(folder / path) != sha:
            return False
    return True


def current_entries(folder: Path) -> list[dict]:
    """The manifest's entries whose files are all present and unchanged."""
    entries = read_manifest(folder).get("reports", [])
    return [e for e in entries if isinstance(e, dict) and intact(folder, e)]


# --- publishing -------------------------------------------------------------------------


def carry_over(folder: Path, staging: Path, run: str, entry: dict) -> dict:
    """Link (or copy) an unchanged report into staging; its entry once staging is ``run``."""
    moved = {}
    for name in entry["files"]:
        tail = Path(name).parts[1:] if _in_run(name) else Path(name).parts
        target = staging.joinpath(*tail)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(folder / name, target)
        except OSError:
            shutil.copy2(folder / name, target)
        moved[name] = str(Path(run, *tail).as_posix())
    renamed = {k: moved.get(entry[k], entry[k]) for k in LINKS if entry.get(k)}
    files = {moved[name]: sha for name, sha in entry["files"].items()}
    return {**entry, **renamed, "files": files}


def _in_run(name: str) -> bool:
    """Whether a manifest path lies in a run folder."""
    return bool(RUN_FOLDER.match(Path(name).parts[0])) and len(Path(name).parts) > 1


def with_files(entry: dict, folder: Path) -> dict:
    """An entry with the digests of the files it links to."""
    files = {entry[k]: digest(folder / entry[k]) for k in LINKS if entry.get(k)}
    return {**entry, "files": files}


def switch(folder: Path, run: str, entries: list[dict], facts: dict, title: str) -> None:
    """Make ``run`` the current run: the manifest first, then the index page."""
    from summitlib.pipeline.tables import atomic_write_text
    from summitlib.reports.html import render_index

    payload = {
        "generator": GENERATOR,
        "generated": dt.datetime.now().isoformat(timespec="seconds"),
        "run": run,
        "corpus": facts,
        "reports": entries,
    }
    text = json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n"
    atomic_write_text(folder / INDEX_JSON, text)
    try:
        atomic_write_text(folder / INDEX_HTML, render_index(entries, title, facts))
    except OSError as err:
        raise RunError(
            f"the new reports are published in {folder / run} and index.json names them, but "
            f"index.html could not be rewritten ({err.strerror or err}); it still lists the "
            "previous set: free some space and run summit run again"
        ) from None


def write_set_index(folder: Path, run_set: str, entries: list[dict]) -> None:
    """The index page of one grid run, inside the run folder, with links relative to it."""
    from summitlib.pipeline.tables import atomic_write_text
    from summitlib.reports.html import render_index

    own = []
    for entry in entries:
        links = {k: Path(entry[k]).name for k in LINKS if entry.get(k)}
        own.append({**entry, **links})
    atomic_write_text(folder / INDEX_HTML, render_index(own, f"summitlib reports: {run_set}"))


def remove_dead_runs(folder: Path, keep: set[str]) -> None:
    """Remove run and staging folders with the runner's marker whose owner is gone."""
    for path in folder.iterdir():
        if path.name in keep or not RUN_FOLDER.match(path.name) or path.is_symlink():
            continue
        if path.is_dir() and is_dead(path / MARKER):
            shutil.rmtree(path, ignore_errors=True)


def remove_failed(folder: Path, keys: list[str]) -> None:
    """Remove partial notebooks of earlier failures that the runner wrote (marked as ours)."""
    failed = folder / FAILED
    for key in keys:
        path = failed / f"{key}.ipynb"
        if path.is_file() and _marked_failed(path):
            path.unlink()
    for sub in sorted([failed, *failed.glob("*")], key=lambda p: -len(p.parts)):
        if sub.is_dir() and not sub.is_symlink() and not any(sub.iterdir()):
            sub.rmdir()


def _marked_failed(path: Path) -> bool:
    """Whether a notebook carries the runner's 'failed' mark."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(data.get("metadata", {}).get("summit", {}).get("failed"))


def keep_failed(output: Path, target: Path) -> None:
    """Store a failed notebook's partial output at ``target``, marked as the runner's."""
    import nbformat

    from summitlib.pipeline.tables import atomic_write_text

    nb = nbformat.read(output, as_version=4)
    nb.metadata["summit"] = {"failed": True}
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and not _marked_failed(target):
        raise RunError(f"{target} exists and was not written by summit run; move it away")
    atomic_write_text(target, nbformat.writes(nb))


# --- the catalogue of report sets -------------------------------------------------------


def write_catalogue(root: Path) -> None:
    """The top index of a reports root: every report set with its corpus, size and dates."""
    from summitlib.pipeline.tables import atomic_write_text
    from summitlib.reports.html import render_catalogue

    sets = []
    for path in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        manifest = read_manifest(path)
        if manifest.get("generator") == GENERATOR:
            facts = manifest.get("corpus") or {}
            sets.append({"folder": path.name, "reports": len(manifest["reports"]), **facts})
    payload = {"generator": GENERATOR, "sets": sets}
    atomic_write_text(root / INDEX_JSON, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(root / INDEX_HTML, render_catalogue(sets))
