"""``summit run``: execute the notebooks with papermill and publish them as HTML reports.

One core function, :func:`run_reports`; the command line is a thin wrapper around it.

1. **Plan.** The notebooks (all, or those named) and their parameters: defaults from each
   notebook's ``parameters`` cell, then YAML files (``-f``), then ``-p name value``. Unknown
   names and bad values are refused (the notebooks' own checks, run here first) before
   anything runs; so is a bad corpus.
2. **Annotate once.** The corpus is annotated in this process, so that every notebook's
   kernel finds the tables in the on-disk cache.
3. **Execute** the notebooks with papermill, several at a time, into a staging folder. A
   report whose notebook, parameters, corpus and library are unchanged since the last run
   is reused instead of re-executed (``force=True`` re-executes).
4. **Publish.** Only when every notebook succeeded are the executed notebooks, their reader's
   HTML, results files and the index moved into ``reports/`` (one rename per file, the index
   last). On failure or interruption nothing under ``reports/`` changes except
   ``reports/failed/<notebook>.ipynb``, the partly executed notebook, kept for debugging.

>>> run_reports(names=["03_stance"], params={"group_by": "genre"})   # doctest: +SKIP
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from summitlib.errors import ParameterError, RunError
from summitlib.paths import default_corpus_dir
from summitlib.paths import notebooks_dir as default_notebooks_dir
from summitlib.paths import reports_dir as default_reports_dir

KERNEL = "python3"
INDEX_JSON = "index.json"
INDEX_HTML = "index.html"
RESERVED = {"results_dir"}  # set by the runner: results land next to the executed notebook


@dataclass
class Job:
    """One notebook to execute (or reuse) within a set of reports."""

    notebook: Path
    parameters: dict
    fingerprint: str
    output: Path
    reuse_from: Path | None = None


@dataclass
class RunSet:
    """A set of reports: its name ('' for the main set), parameters and folder."""

    name: str
    parameters: dict
    folder: Path
    jobs: list[Job] = field(default_factory=list)


# --- planning ----------------------------------------------------------------------------


def find_notebooks(folder: Path, names: Iterable[str] = ()) -> list[Path]:
    """The numbered notebooks of a folder, or those named (by stem or number prefix)."""
    available = sorted(p for p in Path(folder).glob("*.ipynb") if p.stem[:1].isdigit())
    if not available:
        raise ParameterError(f"no notebooks in {folder}; expected files like 01_name.ipynb")
    wanted = list(names)
    if not wanted:
        return available
    chosen = []
    for name in wanted:
        stem = Path(name).stem
        match = [p for p in available if p.stem == stem or p.stem.split("_", 1)[0] == stem]
        if not match:
            known = ", ".join(p.stem for p in available)
            raise ParameterError(f"no notebook named {name!r}; choose from {known}")
        chosen += [p for p in match if p not in chosen]
    return chosen


def parameters_of(notebook: Path) -> dict[str, object]:
    """Names and default values of a notebook's ``parameters``-tagged cell."""
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            defaults = {}
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                    defaults[node.targets[0].id] = ast.literal_eval(node.value)
            return defaults
    raise ParameterError(f"{notebook.name} has no cell tagged 'parameters'")


def parse_value(text: str) -> object:
    """A command-line value read as YAML (numbers, lists, null), else the plain string."""
    import yaml

    try:
        value = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):  # ValueError: a date-like 2021-13-01
        return text
    return plain(text if isinstance(value, dict | set) else value)


def plain(value: object) -> object:
    """YAML dates as ISO strings (notebooks take dates as text), lists element by element."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def read_yaml(path: Path, what: str) -> dict:
    """A YAML file holding a mapping, or a ParameterError naming it."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as err:
        raise ParameterError(f"{what} {path}: cannot be read as YAML ({err})") from None
    if not isinstance(data, dict):
        raise ParameterError(f"{what} {path}: expected a mapping of names to values")
    return {k: plain(v) if not isinstance(v, dict) else v for k, v in data.items()}


def read_grid(path: Path) -> dict[str, dict]:
    """A grid file: ``runs: {name: {parameter: value}}`` (one report set per name)."""
    runs = read_yaml(path, "grid file").get("runs")
    if not isinstance(runs, dict) or not runs:
        raise ParameterError(f"grid file {path}: expected 'runs:' with named parameter sets")
    for name, params in runs.items():
        safe = isinstance(name, str) and name.replace("-", "").replace("_", "").isalnum()
        if not safe:
            raise ParameterError(f"grid file {path}: run name {name!r} must be letters, digits, -")
        if not isinstance(params, dict):
            raise ParameterError(f"grid file {path}: run {name!r} needs a mapping of parameters")
    return {str(k): {n: plain(x) for n, x in v.items()} for k, v in runs.items()}


def check_plan(notebooks: list[Path], params: Mapping) -> dict[Path, dict]:
    """Per notebook, the parameters to inject; unknown names and bad values are refused."""
    from summitlib.report import check_parameters

    defaults = {nb: parameters_of(nb) for nb in notebooks}
    known = set().union(*defaults.values()) - RESERVED
    unknown = sorted(set(params) - known)
    if unknown:
        names = ", ".join(sorted(known))
        raise ParameterError(
            f"unknown parameter {unknown[0]!r} for these notebooks; known: {names}"
        )
    plan = {}
    for nb, names in defaults.items():
        given = {k: v for k, v in params.items() if k in names}
        check_parameters(**{**{k: v for k, v in names.items() if k not in RESERVED}, **given})
        plan[nb] = given
    return plan


def corpus_fingerprint(corpus_dir: Path) -> str:
    """A hash of a corpus folder's metadata, summits and article bytes."""
    digest = hashlib.sha256()
    root = Path(corpus_dir)
    for path in sorted([root / "metadata.csv", root / "summits.csv", *root.glob("articles/*")]):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def job_fingerprint(notebook: Path, params: Mapping, corpus_key: str) -> str:
    """What a report depends on: the notebook, its parameters, the corpus, the library."""
    from summitlib.cache import library_fingerprint

    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(json.dumps(params, sort_keys=True, default=str).encode())
    digest.update(corpus_key.encode() + library_fingerprint().encode())
    return digest.hexdigest()


# --- executing ---------------------------------------------------------------------------


def _worker_setup(log: str) -> None:
    """Workers leave Ctrl-C to the parent, die on SIGTERM, and log kernel chatter to a file."""
    import logging

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    logging.getLogger("papermill").setLevel(logging.ERROR)
    handle = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(handle, 2)
    os.close(handle)


def execute(notebook: str, output: str, parameters: dict, cwd: str) -> dict:
    """Run one notebook with papermill (in a worker); report success or where it failed."""
    import papermill as pm

    started = time.perf_counter()
    try:
        pm.execute_notebook(
            notebook,
            output,
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            cwd=cwd,
        )
    except pm.PapermillExecutionError as err:
        return {"ok": False, "ename": err.ename, "evalue": err.evalue, **_failed_cell(output)}
    except Exception as err:  # a dead kernel, a timeout, a broken notebook file
        return {"ok": False, "ename": type(err).__name__, "evalue": str(err), "cell": None}
    return {"ok": True, "seconds": round(time.perf_counter() - started, 2)}


def _failed_cell(output: str) -> dict:
    """Number (1-based, as in the source notebook) and first line of the cell that raised."""
    try:
        nb = nbformat.read(output, as_version=4)
    except Exception:
        return {"cell": None}
    added = {"injected-parameters", "papermill-error-cell-tag"}
    own = [c for c in nb.cells if not added & set(c.metadata.get("tags", []))]
    for number, cell in enumerate(own, start=1):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            first = next((line for line in cell.source.splitlines() if line.strip()), "")
            return {"cell": number, "source": first[:80]}
    return {"cell": None}


@contextmanager
def _terminate_as_interrupt():
    """Turn SIGTERM into KeyboardInterrupt while a run is in progress (main thread only)."""
    if multiprocessing.current_process().name != "MainProcess":
        yield
        return

    def handler(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _execute_all(jobs: list[Job], staging: Path, workers: int, tick: Callable) -> None:
    """Execute the jobs in a pool of worker processes; raise RunError on the first failure."""
    todo = [j for j in jobs if j.reuse_from is None]
    for job in jobs:
        if job.reuse_from is not None:
            shutil.copy2(job.reuse_from, job.output)
            results = job.reuse_from.with_name(f"{job.notebook.stem}.results.json")
            if results.is_file():
                shutil.copy2(results, job.output.with_name(results.name))
            tick(job)
    if not todo:
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    log = str(staging / ".kernels.log")
    pool = context.Pool(min(workers, len(todo)), initializer=_worker_setup, initargs=(log,))
    running = {job.notebook.stem for job in todo}
    try:
        results = [
            (job, pool.apply_async(execute, _job_args(job))) for job in todo
        ]  # fmt: skip
        for job, result in results:
            outcome = result.get()
            running.discard(job.notebook.stem)
            if not outcome["ok"]:
                raise _failure(job, outcome, staging)
            tick(job)
        pool.close()
    except KeyboardInterrupt:
        raise RunError(
            f"interrupted while running {', '.join(sorted(running)) or 'the notebooks'}; "
            "the previous reports are unchanged"
        ) from None
    finally:
        pool.terminate()
        pool.join()


def _job_args(job: Job) -> tuple:
    """Arguments of :func:`execute` for a job."""
    params = {**job.parameters, "results_dir": str(job.output.parent)}
    return str(job.notebook), str(job.output), params, str(job.notebook.parent)


def _failure(job: Job, outcome: dict, staging: Path) -> Exception:
    """The error for a failed notebook; its partial notebook is kept under failed/."""
    name = job.notebook.stem
    if outcome.get("ename") == "ParameterError":
        return ParameterError(f"{name}: {outcome['evalue']}")
    where = "" if outcome.get("cell") is None else f" in cell {outcome['cell']}"
    if outcome.get("source"):
        where += f" ({outcome['source']!r})"
    kept = ""
    if job.output.exists():
        failed = staging.parent / "failed"
        failed.mkdir(parents=True, exist_ok=True)
        os.replace(job.output, failed / job.output.name)
        kept = f"; the partly executed notebook is in {failed / job.output.name}"
    message = f"notebook {name} failed{where}: {outcome['ename']}: {outcome['evalue']}{kept}"
    return RunError(message.strip())


# --- publishing --------------------------------------------------------------------------


def _entry(job: Job, run_set: RunSet) -> dict:
    """The index entry of an executed notebook (and write its HTML next to it)."""
    from summitlib.htmlreport import describe, export_html
    from summitlib.tables import atomic_write_text

    nb = nbformat.read(job.output, as_version=4)
    html_path = job.output.with_suffix(".html")
    if job.reuse_from is not None and job.reuse_from.with_suffix(".html").exists():
        shutil.copy2(job.reuse_from.with_suffix(".html"), html_path)
    else:
        atomic_write_text(html_path, export_html(nb))
    papermill = nb.metadata.get("papermill", {})
    prefix = f"{run_set.name}/" if run_set.name else ""
    return {
        **describe(nb),
        "set": run_set.name,
        "notebook": job.notebook.stem,
        "html": prefix + html_path.name,
        "ipynb": prefix + job.output.name,
        "parameters": {
            k: v for k, v in papermill.get("parameters", {}).items() if k not in RESERVED
        },
        "run_date": str(papermill.get("start_time", ""))[:19].replace("T", " "),
        "duration": papermill.get("duration") and round(float(papermill["duration"]), 1),
        "fingerprint": job.fingerprint,
    }


def _read_index(reports: Path) -> list[dict]:
    """The entries of the published index (none if absent or unreadable)."""
    try:
        data = json.loads((reports / INDEX_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return data.get("reports", []) if isinstance(data, dict) else []


def _publish(staging: Path, reports: Path, run_sets: list[RunSet], entries: list[dict]) -> None:
    """Move the staged files into place, one rename each, and write the index last."""
    for run_set in run_sets:
        source = staging / (run_set.name or ".")
        target = reports / run_set.name if run_set.name else reports
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(source.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                os.replace(path, target / path.name)
        if run_set.name:
            own = [e for e in entries if e["set"] == run_set.name]
            _write_index(target, own, f"summitlib reports: {run_set.name}", prefix=run_set.name)
    fresh = {(e["set"], e["notebook"]) for e in entries}
    kept = [e for e in _read_index(reports) if (e.get("set", ""), e.get("notebook")) not in fresh]
    kept = [e for e in kept if (reports / e.get("html", "")).is_file()]
    everything = sorted(kept + entries, key=lambda e: (e.get("set", ""), e["notebook"]))
    _write_index(reports, everything, "summitlib reports")


def _write_index(folder: Path, entries: list[dict], title: str, prefix: str = "") -> None:
    """index.json and index.html of a folder (links relative to it)."""
    from summitlib.htmlreport import render_index
    from summitlib.tables import atomic_write_text

    local = [
        {**e, "html": e["html"].removeprefix(prefix + "/") if prefix else e["html"]}
        for e in entries
    ]
    payload = {"generated": dt.datetime.now().isoformat(timespec="seconds"), "reports": local}
    atomic_write_text(folder / INDEX_JSON, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(folder / INDEX_HTML, render_index(local, title))


# --- the core function -------------------------------------------------------------------


def _plan_sets(
    notebooks: list[Path], params: dict, grid: dict[str, dict] | None, reports: Path, staging: Path
) -> list[RunSet]:
    """The report sets of a run with their checked jobs."""
    sets = [RunSet(name, {**params, **p}, staging / name) for name, p in (grid or {}).items()]
    if not grid:
        sets = [RunSet("", params, staging)]
    previous = {(e.get("set", ""), e.get("notebook")): e for e in _read_index(reports)}
    for run_set in sets:
        plan = check_plan(notebooks, run_set.parameters)
        corpus_dir = Path(run_set.parameters.get("corpus_dir") or default_corpus_dir())
        corpus_key = corpus_fingerprint(corpus_dir)
        run_set.folder.mkdir(parents=True, exist_ok=True)
        for nb, given in plan.items():
            key = job_fingerprint(nb, given, corpus_key)
            job = Job(nb, given, key, run_set.folder / nb.name)
            old = previous.get((run_set.name, nb.stem))
            if old and old.get("fingerprint") == key:
                published = reports / old.get("ipynb", "")
                if published.is_file() and published.with_suffix(".html").is_file():
                    job.reuse_from = published
            run_set.jobs.append(job)
    return sets


def run_reports(
    notebooks: Path | None = None,
    names: Iterable[str] = (),
    params: Mapping | None = None,
    grid: dict[str, dict] | None = None,
    reports: Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    progress: Callable[[int], Callable] | None = None,
) -> list[dict]:
    """Execute notebooks into reports/ with their HTML and index; return the index entries."""
    from summitlib.annotate import annotate
    from summitlib.corpus import load_corpus

    params = dict(params or {})
    if "corpus_dir" in params and params["corpus_dir"] is not None:
        params["corpus_dir"] = str(Path(str(params["corpus_dir"])).expanduser().resolve())
    reports = Path(reports or default_reports_dir()).resolve()
    chosen = find_notebooks(Path(notebooks or default_notebooks_dir()), names)
    reports.mkdir(parents=True, exist_ok=True)
    staging = reports / f".staging-{os.getpid()}"
    try:
        run_sets = _plan_sets(chosen, params, grid, reports, staging)
        if force:
            for job in (j for s in run_sets for j in s.jobs):
                job.reuse_from = None
        all_jobs = [j for s in run_sets for j in s.jobs]
        with _terminate_as_interrupt():
            for corpus_dir in sorted({str(s.parameters.get("corpus_dir") or "") for s in run_sets}):
                if any(j.reuse_from is None for j in all_jobs):
                    annotate(load_corpus(corpus_dir or default_corpus_dir()))
            tick = progress(len(all_jobs)) if progress else (lambda job: None)
            _execute_all(all_jobs, staging, jobs or os.cpu_count() or 1, tick)
        entries = [_entry(job, s) for s in run_sets for job in s.jobs]
        _publish(staging, reports, run_sets, entries)
        return entries
    except KeyboardInterrupt:
        raise RunError("interrupted before the reports were published; nothing changed") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
