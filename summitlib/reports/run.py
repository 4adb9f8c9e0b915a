"""``summit run``: execute the notebooks with papermill and publish them as HTML reports.

1. **Plan** (:mod:`summitlib.reports.plan`): the notebooks and their parameters, every name, type
   and value checked, the corpus validated. Nothing is written before this passes.
2. **Annotate once**, in this process, so every notebook's kernel finds the tables in the
   on-disk cache (its folder is passed to the kernels as ``$SUMMIT_CACHE_DIR``).
3. **Execute** (:mod:`summitlib.reports.execute`) into a staging folder ``reports/.staging-<pid>``, a
   few notebooks at a time; each worker also writes the reader's HTML.
4. **Publish**: only when every notebook succeeded are the files moved into ``reports/``, one
   ``os.replace`` each, the index last. On failure, Ctrl-C or SIGTERM nothing under
   ``reports/`` changes except ``reports/failed/<notebook>.ipynb``, the partly executed
   notebook of a failure; the staging folder is removed in every case.

>>> run_reports(names=["03_stance"], params={"group_by": "genre"})   # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from summitlib.errors import RunError
from summitlib.reports.execute import Pool, Task, TaskFailed, describe_failure, kernel_home, worker_env
from summitlib.reports.plan import RESERVED, Job, Plan, find_notebooks, plan_run

INDEX_JSON = "index.json"
INDEX_HTML = "index.html"
FAILED = "failed"
PUBLISHED_SUFFIXES = (".ipynb", ".html", ".results.json")

Progress = Callable[[int], Callable[[str], None]]


# --- signals ----------------------------------------------------------------------------


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM handler: unwind exactly like Ctrl-C."""
    raise KeyboardInterrupt


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While a run is in progress, SIGTERM raises KeyboardInterrupt (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def signals_held(drop: bool = False) -> Iterator[None]:
    """Hold SIGINT and SIGTERM during the block; afterwards re-raise one (or drop it)."""
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


_HELD = (signal.SIGINT, signal.SIGTERM)


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
            )
        )
    return tasks


def _results_dir(job: Job, folder: Path) -> dict:
    """``results_dir`` for notebooks that declare it: results land next to the report."""
    return {"results_dir": str(folder)} if "results_dir" in job.declared else {}


def _keep_failed(task: Task, reports: Path) -> str:
    """Move a failed notebook's partial output to reports/failed/; say where it is."""
    output = Path(task.output)
    if not output.is_file():
        return ""
    target = reports / FAILED / f"{task.key}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(output, target)
    return f"; the partly executed notebook is in {target}"


def _annotate(corpora: Iterable[Path | None], models: Mapping | None = None) -> None:
    """Annotate each corpus once (per stance model) so that the kernels read the cache."""
    from summitlib.pipeline.annotate import Pipeline, annotate
    from summitlib.corpus.reader import load_corpus

    for corpus_dir in corpora:
        for model in (models or {}).get(corpus_dir) or [None]:
            annotate(load_corpus(corpus_dir), pipeline=Pipeline(stance_model=model))


def _execute(plan: Plan, staging: Path, reports: Path, workers: int, tick) -> dict[str, dict]:
    """Execute every job in worker processes; the outcomes by job key."""
    from summitlib.paths import cache_dir

    env = worker_env(kernel_home(staging / ".jupyter"), Path(cache_dir()).resolve())
    tasks = _tasks(plan, staging)
    outcomes: dict[str, dict] = {}

    def done(task: Task, outcome: dict) -> None:
        outcomes[task.key] = outcome
        tick(task.key)

    try:
        Pool(tasks, workers, env, staging / ".work").run(done)
    except TaskFailed as failure:
        kept = _keep_failed(failure.task, reports)
        raise RunError(describe_failure(failure.task, failure.outcome) + kept) from None
    return outcomes


# --- index and publishing ---------------------------------------------------------------


def _entry(job: Job, staging: Path, outcome: dict) -> dict:
    """The index entry of an executed notebook."""
    import nbformat

    folder = staging / job.run_set if job.run_set else staging
    nb = nbformat.read(folder / job.notebook.name, as_version=4)
    papermill = nb.metadata.get("papermill", {})
    prefix = f"{job.run_set}/" if job.run_set else ""
    results = folder / f"{job.stem}.results.json"
    duration = papermill.get("duration")
    return {
        "set": job.run_set,
        "notebook": job.stem,
        "title": outcome.get("title", ""),
        "question": outcome.get("question", ""),
        "parameters": {k: v for k, v in job.parameters.items() if k not in RESERVED},
        "run_date": str(papermill.get("start_time") or "")[:19].replace("T", " "),
        "duration": round(float(duration), 1) if duration is not None else None,
        "html": f"{prefix}{job.stem}.html",
        "ipynb": f"{prefix}{job.notebook.name}",
        "results": f"{prefix}{results.name}" if results.is_file() else None,
    }


def read_index(folder: Path) -> list[dict]:
    """The entries of a published index whose reports still exist (none if unreadable)."""
    try:
        data = json.loads((folder / INDEX_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = data.get("reports", []) if isinstance(data, dict) else []
    return [e for e in entries if isinstance(e, dict) and _published(folder, e)]


def _published(folder: Path, entry: dict) -> bool:
    """Whether an old entry's HTML is a plain relative file that still exists."""
    link = entry.get("html")
    if not isinstance(link, str) or not isinstance(entry.get("notebook"), str):
        return False
    path = Path(link)
    return not path.is_absolute() and ".." not in path.parts and (folder / path).is_file()


def _merge(old: list[dict], new: list[dict]) -> list[dict]:
    """Old entries not re-run, plus the new ones, ordered by set and notebook."""
    replaced = {(e["set"], e["notebook"]) for e in new}
    kept = [e for e in old if (e.get("set", ""), e["notebook"]) not in replaced]
    return sorted(kept + new, key=lambda e: (str(e.get("set", "")), e["notebook"]))


def write_index(folder: Path, entries: list[dict], title: str) -> None:
    """index.json and index.html of a folder, each written atomically (HTML last)."""
    from summitlib.reports.html import render_index
    from summitlib.pipeline.tables import atomic_write_text

    payload = {"generated": dt.datetime.now().isoformat(timespec="seconds"), "reports": entries}
    text = json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n"
    atomic_write_text(folder / INDEX_JSON, text)
    atomic_write_text(folder / INDEX_HTML, render_index(entries, title))


def _relative(entries: list[dict], run_set: str) -> list[dict]:
    """Entries of one set with links relative to its own folder."""
    cut = len(run_set) + 1
    return [
        {**e, **{k: e[k][cut:] for k in ("html", "ipynb", "results") if e.get(k)}} for e in entries
    ]


def _publish(staging: Path, reports: Path, plan: Plan, entries: list[dict]) -> None:
    """Move the staged reports into place, one rename per file; the top index last."""
    for run_set in plan.sets:
        source = staging / run_set if run_set else staging
        target = reports / run_set if run_set else reports
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(source.iterdir()):
            if path.is_file() and path.name.endswith(PUBLISHED_SUFFIXES):
                os.replace(path, target / path.name)
        if run_set:
            own = _relative([e for e in entries if e["set"] == run_set], run_set)
            write_index(target, _merge(read_index(target), own), f"summitlib reports: {run_set}")
    for entry in entries:
        (reports / FAILED / f"{entry['ipynb']}").unlink(missing_ok=True)
    _remove_if_empty(reports / FAILED)
    write_index(reports, _merge(read_index(reports), entries), "summitlib reports")


def _remove_if_empty(folder: Path) -> None:
    """Remove ``folder`` and its empty subfolders when nothing is left in them."""
    if not folder.is_dir():
        return
    for sub in sorted(folder.rglob("*"), reverse=True):
        if sub.is_dir() and not any(sub.iterdir()):
            sub.rmdir()
    if not any(folder.iterdir()):
        folder.rmdir()


def _remove_stale_staging(reports: Path) -> None:
    """Remove staging folders left by runs that were killed outright (their process is gone)."""
    for folder in reports.glob(".staging-*"):
        pid = folder.name.removeprefix(".staging-")
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    """Whether a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
) -> list[dict]:
    """Execute notebooks into ``reports/`` with their HTML and index; return the new entries."""
    from summitlib.paths import notebooks_dir, reports_dir

    chosen = find_notebooks(Path(notebooks or notebooks_dir()), names)
    plan = plan_run(chosen, dict(params or {}), grid)
    reports = Path(reports or reports_dir()).resolve()
    workers = max(1, min(jobs or os.cpu_count() or 1, os.cpu_count() or 1))
    tick = progress(len(plan.jobs)) if progress else (lambda key: None)
    with terminate_as_interrupt():
        return _run(plan, reports, workers, tick, force)


def fingerprint(job: Job) -> str:
    """What a report depends on: notebook, parameters, corpus bytes and library version."""
    import hashlib

    from summitlib.pipeline.cache import library_fingerprint
    from summitlib.paths import default_corpus_dir

    digest = hashlib.sha256(job.notebook.read_bytes())
    digest.update(json.dumps(job.parameters, sort_keys=True, default=str).encode())
    root = Path(job.parameters.get("corpus_dir") or default_corpus_dir())
    for path in sorted([root / "metadata.csv", root / "summits.csv", *root.glob("articles/*")]):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
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


def _reusable(plan: Plan, reports: Path, prints: dict[str, str]) -> dict[str, dict]:
    """Published entries whose inputs have not changed since they were made, by job key."""
    index = {(e.get("set", ""), e.get("notebook")): e for e in read_index(reports)}
    found = {}
    for job in plan.jobs:
        entry = index.get((job.run_set, job.stem))
        if not entry or entry.get("fingerprint") != prints[job.key]:
            continue
        files = [entry.get("html"), entry.get("ipynb"), entry.get("results")]
        if all(f is None or (reports / f).is_file() for f in files):
            found[job.key] = dict(entry)
    return found


def _stage_copy(job: Job, entry: dict, reports: Path, staging: Path) -> None:
    """Copy an unchanged report's files into staging, so publishing treats them alike."""
    folder = staging / job.run_set if job.run_set else staging
    folder.mkdir(parents=True, exist_ok=True)
    for name in (entry.get("html"), entry.get("ipynb"), entry.get("results")):
        if name:
            shutil.copy2(reports / name, folder / Path(name).name)


def _run(plan: Plan, reports: Path, workers: int, tick, force: bool = False) -> list[dict]:
    """Annotate, execute into staging, publish; remove the staging folder in every case."""
    step = "annotating the corpus"
    staging = reports / f".staging-{os.getpid()}"
    try:
        reports.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(reports)
        staging.mkdir()
        prints = {job.key: fingerprint(job) for job in plan.jobs}
        reused = {} if force else _reusable(plan, reports, prints)
        todo = [job for job in plan.jobs if job.key not in reused]
        if todo:
            _annotate(plan.corpora, plan.models)
        step = "starting the notebooks"
        for job, entry in ((j, reused[j.key]) for j in plan.jobs if j.key in reused):
            _stage_copy(job, entry, reports, staging)
            tick(job.key)
        outcomes = (
            _execute(replace(plan, jobs=todo), staging, reports, workers, tick) if todo else {}
        )
        entries = [
            reused[job.key] if job.key in reused else _entry(job, staging, outcomes[job.key])
            for job in plan.jobs
        ]
        for entry, job in zip(entries, plan.jobs, strict=True):
            entry["fingerprint"] = prints[job.key]
        with signals_held(drop=True):  # a few renames: finish them, then exit normally
            _publish(staging, reports, plan, entries)
        return entries
    except KeyboardInterrupt:
        raise RunError(f"interrupted while {step}; the previous reports are unchanged") from None
    except OSError as err:
        raise RunError(f"cannot write the reports in {reports}: {err}") from None
    finally:
        with signals_held(drop=True):  # the run is ending anyway; finish the clean-up
            shutil.rmtree(staging, ignore_errors=True)
