"""``summit run``: execute the notebooks with papermill and publish them as HTML reports.

1. **Plan** (:mod:`summitlib.reports.plan`): the notebooks and their parameters, every name, type
   and value checked, the corpus validated. Nothing is written before this passes.
2. **Annotate once**, in this process: the articles the corpus's Parquet store lacks (per
   stance model) are added to it, so every notebook's kernel only reads the tables (the cache
   folder is passed to the kernels as ``$SUMMIT_CACHE_DIR``).
3. **Execute** (:mod:`summitlib.reports.execute`) into a staging folder of the reports
   folder, a few notebooks at a time; each worker also writes the reader's HTML.
4. **Publish** (:mod:`summitlib.reports.publish`), holding the folder's lock
   (:mod:`summitlib.reports.lock`): only when every notebook succeeded does the staging folder
   become the new run folder and the index switch to it. On failure, Ctrl-C, SIGTERM or SIGHUP
   nothing changes except ``failed/<notebook>.ipynb``, the partly executed notebook of a
   failure; the staging folder is removed in every case (and, if the runner was killed
   outright, by the next run once its lock shows it is dead).

>>> run_reports(names=["03_stance"], params={"group_by": "genre"})   # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from summitlib.errors import ParameterError, RunError
from summitlib.reports.execute import (
    Pool,
    Task,
    TaskFailed,
    describe_failure,
    kernel_home,
    worker_env,
)
from summitlib.reports.lock import folder_lock, hold, release
from summitlib.reports.plan import RESERVED, Job, Plan, find_notebooks, plan_run
from summitlib.reports.publish import (
    FAILED,
    LINKS,
    MARKER,
    carry_over,
    current_entries,
    is_report_folder,
    keep_failed,
    new_run_name,
    new_staging_name,
    read_manifest,
    remove_dead_runs,
    remove_failed,
    switch,
    with_files,
    write_catalogue,
    write_set_index,
)
from summitlib.reports.publish import digest as file_digest

if TYPE_CHECKING:
    from summitlib.corpus.reader import Corpus

Progress = Callable[[int], Callable[[str], None]]


class Published(list):
    """The index entries of a run's reports, and the folder they were published in."""

    folder: Path


# --- signals ----------------------------------------------------------------------------


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM and SIGHUP handler: unwind exactly like Ctrl-C."""
    raise KeyboardInterrupt


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While a run is in progress, SIGTERM and SIGHUP raise KeyboardInterrupt (main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _interrupt) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def signals_held(drop: bool = False) -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP during the block; afterwards re-raise one (or drop it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {s: signal.signal(s, lambda n, f: received.append(n)) for s in _HELD}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if received and not drop:
        raise KeyboardInterrupt


_HELD = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


# --- staging and executing --------------------------------------------------------------


def _tasks(plan: Plan, staging: Path) -> list[Task]:
    """One worker task per job, writing into the staging folder."""
    tasks = []
    for job in plan.jobs:
        folder = staging / job.run_set if job.run_set else staging
        folder.mkdir(parents=True, exist_ok=True)
        output = folder / job.notebook.name
        tasks.append(
            Task(
                key=job.key,
                notebook=str(job.notebook),
                output=str(output),
                parameters={**job.parameters, **_results_dir(job, folder)},
                cwd=str(job.notebook.parent),
                work_dir=str(staging / ".work" / job.key),
                title_prefix=f"{job.run_set}: " if job.run_set else "",
                index_link="index.html" if job.run_set else "../index.html",
            )
        )
    return tasks


def _results_dir(job: Job, folder: Path) -> dict:
    """``results_dir`` for notebooks that declare it: results land next to the report."""
    return {"results_dir": str(folder)} if "results_dir" in job.declared else {}


def _keep_failed(task: Task, reports: Path) -> str:
    """Keep a failed notebook's partial output in reports/failed/; say where it is."""
    output = Path(task.output)
    if not output.is_file():
        return ""
    target = reports / FAILED / f"{task.key}.ipynb"
    try:
        keep_failed(output, target)
    except (OSError, ValueError) as err:  # unreadable (e.g. cut short by a full disk)
        return f"; its partly executed notebook could not be kept ({type(err).__name__})"
    return f"; the partly executed notebook is in {target}"


def _annotate(plan: Plan) -> None:
    """Add each corpus's missing articles (per stance model) and its reprint groups to its
    store, so that kernels only read it."""
    from summitlib.pipeline.annotate import Pipeline, corpus_stories, corpus_store, update_store

    for corpus_dir in plan.corpora:
        corpus = plan.corpus(corpus_dir)
        for model in plan.models.get(corpus_dir) or [None]:
            update_store(corpus, pipeline=Pipeline(stance_model=model))
        corpus_stories(list(corpus), corpus_store(corpus))


def _pool(staging: Path, jobs: list[Job], workers: int) -> Pool:
    """The worker processes of a run (started when entered), their kernels on this Python and
    in the notebooks' folder."""
    from summitlib.paths import cache_dir

    env = worker_env(kernel_home(staging / ".jupyter"), Path(cache_dir()).resolve())
    folders = {str(job.notebook.parent) for job in jobs}
    cwd = folders.pop() if len(folders) == 1 else ""
    return Pool(min(workers, len(jobs)), env, staging / ".work", cwd)


def _longest_first(jobs: list[Job], folder: Path) -> list[Job]:
    """The jobs longest first, so that the workers finish together: by each notebook's
    duration in the published index when every job has one, else by the notebook's size."""
    entries = current_entries(folder)
    index = {(e.get("set", ""), e.get("notebook")): e.get("duration") for e in entries}
    known = [index.get((job.run_set, job.stem)) for job in jobs]
    if all(isinstance(seconds, (int, float)) for seconds in known):
        sizes = known
    else:
        sizes = [job.notebook.stat().st_size for job in jobs]
    order = sorted(range(len(jobs)), key=lambda i: -sizes[i])
    return [jobs[i] for i in order]


def _execute(plan: Plan, staging: Path, reports: Path, pool: Pool, tick) -> dict[str, dict]:
    """Execute every job in the pool's worker processes; the outcomes by job key."""
    outcomes: dict[str, dict] = {}

    def done(task: Task, outcome: dict) -> None:
        outcomes[task.key] = outcome
        tick(task.key)

    try:
        pool.run(_tasks(replace(plan, jobs=_longest_first(plan.jobs, reports)), staging), done)
    except TaskFailed as failure:
        kept = _keep_failed(failure.task, reports)
        raise RunError(describe_failure(failure.task, failure.outcome) + kept) from None
    return outcomes


# --- entries and publishing -------------------------------------------------------------


def _entry(job: Job, staging: Path, outcome: dict) -> dict:
    """The index entry of an executed notebook, its links relative to the run folder."""
    folder = staging / job.run_set if job.run_set else staging
    prefix = f"{job.run_set}/" if job.run_set else ""
    results = folder / f"{job.stem}.results.json"
    duration = outcome.get("duration")
    entry = {
        "set": job.run_set,
        "notebook": job.stem,
        "title": outcome.get("title", ""),
        "question": outcome.get("question", ""),
        "parameters": {k: v for k, v in job.parameters.items() if k not in RESERVED},
        "run_date": str(outcome.get("start_time") or "")[:19].replace("T", " "),
        "duration": round(float(duration), 1) if duration is not None else None,
        "html": f"{prefix}{job.stem}.html",
        "ipynb": f"{prefix}{job.notebook.name}",
        "results": f"{prefix}{results.name}" if results.is_file() else None,
    }
    return with_files(entry, staging)


def _in_run(entry: dict, run: str) -> dict:
    """An entry whose links (relative to its run folder) now start with the run folder."""
    links = {k: f"{run}/{entry[k]}" for k in LINKS if entry.get(k)}
    files = {f"{run}/{name}": sha for name, sha in entry["files"].items()}
    return {**entry, **links, "files": files}


def _publish(
    folder: Path, staging: Path, plan: Plan, new: dict[str, dict], facts: dict
) -> list[dict]:
    """Carry unchanged reports over, rename staging into a run folder, switch the index."""
    run = new_run_name()
    current = {(e.get("set", ""), e.get("notebook")): e for e in current_entries(folder)}
    entries = [_in_run(entry, run) for entry in new.values()]
    fresh = {(e["set"], e["notebook"]) for e in entries}
    for job in plan.jobs:
        if job.key not in new and (job.run_set, job.stem) not in current:
            raise RunError(
                f"the published report {job.key} changed while this run was executing; "
                "run again"
            )
    for key, entry in current.items():
        if key not in fresh:
            entries.append(carry_over(folder, staging, run, entry))
    entries.sort(key=lambda e: (str(e.get("set", "")), e["notebook"]))
    for scratch in (".jupyter", ".work"):
        shutil.rmtree(staging / scratch, ignore_errors=True)
    for run_set in {e["set"] for e in entries} - {""}:
        own = [e for e in entries if e["set"] == run_set]
        write_set_index(staging / run_set, run_set, own)
    os.rename(staging, folder / run)
    switch(folder, run, entries, facts, "summitlib reports")
    remove_dead_runs(folder, keep={run})
    remove_failed(folder, list(new))
    return entries


# --- the core function ------------------------------------------------------------------


def run_reports(
    notebooks: Path | None = None,
    names: Iterable[str] = (),
    params: Mapping | None = None,
    grid: Mapping[str, dict] | None = None,
    reports: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    force: bool = False,
    reports_root: Path | None = None,
) -> Published:
    """Execute notebooks into a reports folder with their HTML and index; return their entries.

    The folder is ``reports`` when given, else ``<reports_root>/<corpus name>/`` (the root
    defaults to :func:`summitlib.paths.reports_dir`), whose top index then lists every set.
    """
    from summitlib.paths import notebooks_dir, reports_dir

    books = Path(notebooks or notebooks_dir())
    chosen = find_notebooks(books, names)
    plan = plan_run(chosen, dict(params or {}), grid)
    facts = corpus_facts(plan.corpus(dict(params or {}).get("corpus_dir")))
    root = None if reports else resolved(Path(reports_root or reports_dir()), "the reports folder")
    folder = resolved(Path(reports), "--reports") if reports else set_folder(root, facts)
    check_folder(folder, books, plan, force)
    workers = max(1, min(jobs or os.cpu_count() or 1, os.cpu_count() or 1))
    tick = progress(len(plan.jobs)) if progress else (lambda key: None)
    with terminate_as_interrupt():
        entries = Published(_run(plan, folder, workers, tick, force, facts))
        if root is not None:
            with folder_lock(root), signals_held(drop=True):
                write_catalogue(root)
    entries.folder = folder
    return entries


def corpus_facts(corpus: Corpus) -> dict:
    """Name, size and date range of a corpus, for the indexes (no machine path)."""
    import hashlib

    from summitlib.paths import default_corpus_dir

    dates = sorted(doc.published.isoformat() for doc in corpus)
    bundled = corpus.root.resolve() == default_corpus_dir().resolve()
    name = "bundled" if bundled else re.sub(r"[^A-Za-z0-9_-]+", "-", corpus.root.resolve().name)
    return {
        "name": name.strip("-") or "corpus",
        "id": hashlib.sha256(str(corpus.root.resolve()).encode()).hexdigest()[:12],
        "articles": len(corpus),
        "first": dates[0],
        "last": dates[-1],
    }


def set_folder(root: Path, facts: dict) -> Path:
    """``root/<corpus name>``, or ``<name>-<id>`` when that name is another corpus's."""
    folder = root / facts["name"]
    other = read_manifest(folder).get("corpus") or {}
    if other.get("id") not in (None, facts["id"]):
        folder = root / f"{facts['name']}-{facts['id'][:6]}"
    return folder


def resolved(path: Path, option: str) -> Path:
    """An absolute path without links, or a ParameterError naming the option."""
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError) as err:
        what = f"{option} {path}: cannot be followed ({err}); choose another folder"
        raise ParameterError(what) from None


def check_folder(folder: Path, notebooks: Path, plan: Plan, force: bool) -> None:
    """Refuse a reports folder that holds or lies in the notebooks or a corpus, or other files."""
    from summitlib.paths import default_corpus_dir

    sources = [("the notebooks folder", notebooks)]
    sources += [("the corpus", Path(c or default_corpus_dir())) for c in plan.corpora]
    for what, source in sources:
        source = resolved(source, what)
        if folder.is_relative_to(source) or source.is_relative_to(folder):
            raise ParameterError(
                f"--reports {folder} overlaps {what} {source}; reports never go into the "
                "notebooks or a corpus: choose a folder outside both (e.g. --reports reports)"
            )
    if folder.exists() and not folder.is_dir():
        raise ParameterError(f"--reports {folder} is a file; choose a folder")
    if not force and not is_report_folder(folder):
        raise ParameterError(
            f"--reports {folder} holds files that summit run did not write (it has no "
            "index.json of reports); choose an empty or new folder, or add --force to publish "
            "beside those files"
        )


def fingerprint(job: Job, plan: Plan) -> str:
    """What a report depends on: notebook, parameters, corpus bytes and library version."""
    import hashlib

    from summitlib.pipeline.cache import library_fingerprint

    digest = hashlib.sha256(job.notebook.read_bytes())
    digest.update(json.dumps(job.parameters, sort_keys=True, default=str).encode())
    digest.update(corpus_digest(plan.corpus(job.parameters.get("corpus_dir"))).encode())
    digest.update(library_fingerprint().encode())
    _add_inputs(digest, job.parameters)
    return digest.hexdigest()


def _add_inputs(digest, parameters: Mapping) -> None:
    """Add the bytes of a report's other inputs: a stance model folder, a coding sheet."""
    from summitlib.learning.model import folder_digest

    if parameters.get("stance_model"):
        digest.update(folder_digest(parameters["stance_model"]).encode())
    if parameters.get("sheet"):
        digest.update(Path(parameters["sheet"]).read_bytes())


def corpus_digest(corpus: Corpus) -> str:
    """A digest of a corpus: metadata and summits files and the listed articles' SHA-256.

    Only what the corpus lists is read (a stray file in ``articles/`` is never opened), and
    the article hashes are those computed, block by block, when the corpus was validated.
    """
    import hashlib

    digest = hashlib.sha256()
    for name in ("metadata.csv", "summits.csv"):
        path = corpus.root / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + file_digest(path).encode())
    for doc in corpus:
        digest.update(f"{doc.file}\0{doc.sha256}\n".encode())
    return digest.hexdigest()


def _reusable(plan: Plan, folder: Path, prints: dict[str, str]) -> dict[str, dict]:
    """Published entries whose inputs and files are unchanged since they were made, by job key."""
    index = {(e.get("set", ""), e.get("notebook")): e for e in current_entries(folder)}
    found = {}
    for job in plan.jobs:
        entry = index.get((job.run_set, job.stem))
        if entry and entry.get("fingerprint") == prints[job.key]:
            found[job.key] = entry
    return found


def _run(plan: Plan, folder: Path, workers: int, tick, force: bool, facts: dict) -> list[dict]:
    """Annotate, execute into staging, publish; remove the staging folder in every case."""
    step, staging, marker = "annotating the corpus", None, None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = folder / new_staging_name()
        staging.mkdir()
        marker = hold(staging / MARKER)  # held while this run lives: the folder is not stale
        prints = {job.key: fingerprint(job, plan) for job in plan.jobs}
        reused = {} if force else _reusable(plan, folder, prints)
        todo = [job for job in plan.jobs if job.key not in reused]
        for job in plan.jobs:
            if job.key in reused:
                tick(job.key)
        outcomes = {}
        if todo:
            with _pool(staging, todo, workers) as pool:  # workers load meanwhile
                _annotate(plan)
                step = "starting the notebooks"
                outcomes = _execute(replace(plan, jobs=todo), staging, folder, pool, tick)
        new = {job.key: _entry(job, staging, outcomes[job.key]) for job in todo}
        for job in todo:
            new[job.key]["fingerprint"] = prints[job.key]
        step = "waiting for the reports folder"
        with folder_lock(folder), signals_held(drop=True):  # renames and two small files
            entries = _publish(folder, staging, plan, new, facts)
        mine = {(job.run_set, job.stem) for job in plan.jobs}
        return [e for e in entries if (e["set"], e["notebook"]) in mine]
    except KeyboardInterrupt:
        raise RunError(f"interrupted while {step}; the previous reports are unchanged") from None
    except OSError as err:
        raise RunError(
            f"cannot write the reports in {folder}: {err}; the previous reports are unchanged"
        ) from None
    finally:
        with signals_held(drop=True):  # the run is ending anyway; finish the clean-up
            if marker is not None:
                release(marker)
            if staging is not None and staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
