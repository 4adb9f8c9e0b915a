"""Executing notebooks for ``summit run``: a few worker processes, each fed notebooks in turn.

A worker (``python -m summitlib.reports.execute``) reads task files from its stdin; for each it
executes the notebook with papermill on a ``python3`` kernel of *this* interpreter, exports
the reader's HTML next to the executed notebook and writes a small JSON outcome. Separate
processes let the runner stop everything promptly on Ctrl-C, SIGTERM or SIGHUP: a worker turns
SIGTERM and SIGHUP into KeyboardInterrupt so papermill shuts its kernel down, a worker gets
SIGTERM from the kernel when the runner dies (even by SIGKILL; Linux's parent-death signal),
and a kernel whose parent disappears exits by itself (ipykernel's parent poller).

The kernel is pinned to this interpreter with a kernelspec written for the run and put first
on ``JUPYTER_PATH``, so a ``python3`` kernelspec of another Python in ``~/.local/share/jupyter``
or ``/usr/share/jupyter`` is never picked up.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from summitlib.errors import RunError

KERNEL = "python3"
POLL_SECONDS = 0.05
STOP_GRACE_SECONDS = 5.0
PR_SET_PDEATHSIG = 1
HISTORY = "--HistoryManager.hist_file=:memory:"


@dataclass(frozen=True)
class Task:
    """One notebook execution: where to read it, where to write it, what to inject."""

    key: str
    notebook: str
    output: str
    parameters: dict
    cwd: str
    work_dir: str
    title_prefix: str = ""
    index_link: str = "index.html"

    @property
    def task_path(self) -> Path:
        """Where the task is handed to the worker."""
        return Path(self.work_dir) / "task.json"

    @property
    def outcome_path(self) -> Path:
        """Where the worker writes its outcome."""
        return Path(self.work_dir) / "outcome.json"

    @property
    def log_path(self) -> Path:
        """Where the worker's own output (and papermill's log) goes."""
        return Path(self.work_dir) / "worker.log"


# --- the worker -------------------------------------------------------------------------


def _raise_interrupt(signum: int, frame: object) -> None:
    """SIGTERM and SIGHUP handler: unwind like Ctrl-C so papermill shuts the kernel down."""
    raise KeyboardInterrupt


def _die_with_runner() -> None:
    """In a new worker, before it starts: get SIGTERM when the runner dies, even by SIGKILL.

    Linux's ``PR_SET_PDEATHSIG``; the worker then stops its kernel as on Ctrl-C. Elsewhere
    this does nothing and a worker ends when its current notebook does.
    """
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def execute(task: Task, kernel: Any = None) -> dict:
    """Execute one notebook (on ``kernel`` if one was started for it, a new one otherwise) and
    export its HTML; the outcome says how it went.

    A kernel that dies before it answers is started once more: kernels that start at the same
    time can pick the same free port, and one of them then fails to bind (jupyter_client
    issue #487)."""
    outcome = _execute(task, kernel)
    if not outcome["ok"] and STILLBORN in str(outcome.get("evalue", "")):
        _stop(kernel)
        outcome = _execute(task)
    return outcome


STILLBORN = "Kernel died before replying to kernel_info"


def _execute(task: Task, kernel: Any = None) -> dict:
    """One attempt at :func:`execute`."""
    import papermill as pm
    from nbclient.exceptions import DeadKernelError

    started = time.perf_counter()
    try:
        pm.execute_notebook(
            task.notebook,
            task.output,
            parameters=task.parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            cwd=task.cwd,
            **({"km": kernel} if kernel is not None else {}),
        )
    except pm.PapermillExecutionError as err:
        return {"ok": False, "ename": err.ename, "evalue": err.evalue, **failed_cell(task.output)}
    except DeadKernelError as err:
        return {"ok": False, "ename": "DeadKernelError", "evalue": _died(err), **_cell(task)}
    except Exception as err:  # a timeout, an unreadable notebook, a kernel that cannot start
        return {"ok": False, "ename": type(err).__name__, "evalue": str(err), **_cell(task)}
    try:
        facts = _export(task)
    except Exception as err:  # a template or sanitiser problem: report it like a failed cell
        return {"ok": False, "ename": type(err).__name__, "evalue": f"HTML export: {err}"}
    return {"ok": True, **facts, "seconds": round(time.perf_counter() - started, 2)}


def _died(err: Exception) -> str:
    """The message for a kernel that died."""
    return f"the kernel died ({str(err).strip() or 'no message'})"


def _cell(task: Task) -> dict:
    """The failing cell of a partial notebook, if one was written."""
    return failed_cell(task.output) if Path(task.output).is_file() else {"cell": None}


def _export(task: Task) -> dict:
    """Write the reader's HTML of the executed notebook; return its title, question and timing."""
    import nbformat

    from summitlib.pipeline.tables import atomic_write_text
    from summitlib.reports.html import describe, export_html

    nb = nbformat.read(task.output, as_version=4)
    facts = describe(nb)
    title = f"{task.title_prefix}{facts['title']}" if facts["title"] else ""
    html = export_html(nb, title, task.index_link)
    atomic_write_text(Path(task.output).with_suffix(".html"), html)
    papermill = nb.metadata.get("papermill", {})
    start, duration = papermill.get("start_time"), papermill.get("duration")
    return {**facts, "start_time": str(start or ""), "duration": duration}


def failed_cell(output: str) -> dict:
    """Position, execution count and first line of the cell that failed in a partial notebook.

    That is the cell with an error output or, when the kernel died, the last cell started.
    """
    import nbformat

    try:
        nb = nbformat.read(output, as_version=4)
    except Exception:
        return {"cell": None}
    cells = [(n, c) for n, c in enumerate(nb.cells, 1) if not _injected(c)]
    cells = [(n - _shift(nb.cells, n), c) for n, c in cells if c.cell_type == "code"]
    failed = [(n, c) for n, c in cells if _raised(c)] or [(n, c) for n, c in cells if _started(c)]
    if not failed:
        return {"cell": None}
    index, cell = failed[0] if _raised(failed[0][1]) else failed[-1]
    first = next((line for line in cell.source.splitlines() if line.strip()), "")
    return {"cell": index, "count": cell.get("execution_count"), "source": first[:100]}


def _shift(cells: list, position: int) -> int:
    """How many cells papermill added before ``position`` (1-based)."""
    return sum(_injected(c) for c in cells[: position - 1])


def _raised(cell: dict) -> bool:
    """Whether a cell has an error output."""
    return any(o.get("output_type") == "error" for o in cell.get("outputs", []))


def _started(cell: dict) -> bool:
    """Whether papermill started executing a cell."""
    return bool(cell.get("metadata", {}).get("papermill", {}).get("start_time"))


def _injected(cell: dict) -> bool:
    """Cells papermill adds: injected parameters and the error banner."""
    tags = cell.get("metadata", {}).get("tags", [])
    return "injected-parameters" in tags or "papermill-error-cell-tag" in tags


def _preload() -> None:
    """Import papermill and the HTML export (summitlib.reports.html's) before the first task."""
    import bleach  # noqa: F401
    import nbformat  # noqa: F401
    import papermill  # noqa: F401
    from nbclient.exceptions import DeadKernelError  # noqa: F401
    from nbconvert import HTMLExporter  # noqa: F401
    from nbconvert.filters.markdown_mistune import markdown2html_mistune  # noqa: F401


def start_kernel(cwd: str) -> Any:
    """A ``python3`` kernel started in ``cwd`` before a task needs it (None if it cannot start:
    papermill then starts one and reports what went wrong)."""
    from jupyter_client import AsyncKernelManager
    from jupyter_core.utils import run_sync  # not nbclient's: that imports nbformat

    kernel = AsyncKernelManager(kernel_name=KERNEL)
    try:  # nbclient's own arguments: no IPython history file
        run_sync(kernel.start_kernel)(cwd=cwd, extra_arguments=[HISTORY])
    except Exception:
        return None
    return kernel


def _stop(kernel: Any) -> None:
    """Stop a kernel from :func:`start_kernel` if there is one (nbclient leaves a kernel it did
    not start running)."""
    from jupyter_core.utils import run_sync

    if kernel is not None:
        with contextlib.suppress(Exception):  # already dead: nothing to stop
            run_sync(kernel.shutdown_kernel)(now=True)


def worker_main(cwd: str = "") -> int:
    """A worker process: execute the tasks whose JSON paths arrive on stdin, one per line.

    The first task's kernel is started (in ``cwd``, the notebooks' folder) while the runner
    still prepares the run, so the first notebook does not wait for it."""
    from summitlib.pipeline.tables import atomic_write_text

    signal.signal(signal.SIGTERM, _raise_interrupt)
    signal.signal(signal.SIGHUP, _raise_interrupt)
    # jsonschema (under nbformat) builds 38 parsers at import when rfc3987-syntax is installed,
    # 1.8 s, for its "iri" format check alone (jsonschema issue #1428); notebooks are never
    # validated against that format, so this process goes without it: the import then fails
    # and jsonschema skips the check.
    sys.modules.setdefault("rfc3987_syntax", None)
    kernel = start_kernel(cwd) if cwd else None  # it boots while the rest is imported
    _preload()
    try:
        for line in sys.stdin:
            task = Task(**json.loads(Path(line.strip()).read_text(encoding="utf-8")))
            ready = kernel if task.cwd == cwd else None  # only the first task gets one
            if ready is None:
                _stop(kernel)
            kernel = None
            try:
                outcome = execute(task, ready)
            finally:
                _stop(ready)
            atomic_write_text(task.outcome_path, json.dumps(outcome, default=str))
    finally:
        _stop(kernel)
    return 0


# --- the pool ---------------------------------------------------------------------------


def kernel_home(folder: Path) -> Path:
    """A Jupyter data folder whose ``python3`` kernelspec runs this interpreter."""
    spec = folder / "kernels" / KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    kernel = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": f"Python 3 ({sys.prefix})",
        "language": "python",
        "metadata": {"debugger": True},
    }
    (spec / "kernel.json").write_text(json.dumps(kernel, indent=1), encoding="utf-8")
    return folder


def worker_env(jupyter_home: Path, cache_dir: Path) -> dict[str, str]:
    """The environment of the workers and their kernels."""
    env = dict(os.environ)
    paths = [str(jupyter_home), *filter(None, env.get("JUPYTER_PATH", "").split(os.pathsep))]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    env["SUMMIT_CACHE_DIR"] = str(cache_dir)
    env["PYTHONUNBUFFERED"] = "1"
    return env


@dataclass
class Worker:
    """A worker process and the task it is executing (None when idle)."""

    process: subprocess.Popen
    log: Path
    task: Task | None = None


class Pool:
    """Worker processes that execute a list of tasks, each worker several in turn.

    A worker is started once and fed task files on its stdin, so papermill, nbconvert and
    summitlib are imported once per worker rather than once per notebook. The workers start
    when the pool is entered, and import those and start a kernel while the runner fills the
    store; leaving the pool stops them.
    """

    def __init__(self, size: int, env: dict[str, str], logs: Path, cwd: str = ""):
        self.size = max(1, size)
        self.env, self.logs, self.cwd = env, logs, cwd
        self.pending: list[Task] = []
        self.workers: list[Worker] = []

    def __enter__(self) -> Pool:
        self.workers = [self._spawn(n) for n in range(self.size)]
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> list[str]:
        """Keys of the tasks being executed."""
        return sorted(w.task.key for w in self.workers if w.task is not None)

    def run(self, tasks: list[Task], on_done: Callable[[Task, dict], None]) -> None:
        """Run every task; call ``on_done`` per success; raise TaskFailed on the first failure."""
        self.pending = list(tasks)
        try:
            for worker in self.workers:
                self._assign(worker)
            while any(w.task is not None for w in self.workers):
                for worker in self.workers:
                    self._check(worker, on_done)
                time.sleep(POLL_SECONDS)
        except KeyboardInterrupt:
            names = ", ".join(self.running) or "the notebooks"
            raise RunError(
                f"interrupted while running {names}; the previous reports are unchanged"
            ) from None

    def _spawn(self, number: int) -> Worker:
        """Start one worker process, its output going to a log file."""
        self.logs.mkdir(parents=True, exist_ok=True)
        log = self.logs / f"worker-{number}.log"
        with open(log, "wb") as handle:
            process = subprocess.Popen(
                [sys.executable, "-m", "summitlib.reports.execute", self.cwd],
                stdin=subprocess.PIPE,
                stdout=handle,
                stderr=handle,
                env=self.env,
                text=True,
                preexec_fn=_die_with_runner if sys.platform == "linux" else None,  # noqa: PLW1509
            )
        return Worker(process, log)

    def _assign(self, worker: Worker) -> None:
        """Hand the next task to an idle worker, or tell it there is no more work."""
        worker.task = self.pending.pop(0) if self.pending else None
        if worker.task is None:
            worker.process.stdin.close()
            return
        Path(worker.task.work_dir).mkdir(parents=True, exist_ok=True)
        worker.task.task_path.write_text(json.dumps(asdict(worker.task)), encoding="utf-8")
        worker.process.stdin.write(f"{worker.task.task_path}\n")
        worker.process.stdin.flush()

    def _check(self, worker: Worker, on_done: Callable[[Task, dict], None]) -> None:
        """Collect a worker's outcome if its task has finished or the worker has ended."""
        task = worker.task
        if task is None:
            return
        if task.outcome_path.is_file():
            outcome = json.loads(task.outcome_path.read_text(encoding="utf-8"))
        elif worker.process.poll() is not None:
            outcome = _worker_ended(task, worker)
        else:
            return
        if not outcome["ok"]:
            raise TaskFailed(task, outcome)
        on_done(task, outcome)
        self._assign(worker)

    def stop(self) -> None:
        """Stop the workers still running: SIGTERM, a grace period, then SIGKILL."""
        alive = [w.process for w in self.workers if w.process.poll() is None]
        for process in alive:
            process.terminate()
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for process in alive:
            try:
                process.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for worker in self.workers:
            if worker.process.stdin and not worker.process.stdin.closed:
                with contextlib.suppress(OSError):  # a worker that died leaves a broken pipe
                    worker.process.stdin.close()


class TaskFailed(Exception):
    """A notebook failed; carries the task and the worker's outcome."""

    def __init__(self, task: Task, outcome: dict):
        super().__init__(task.key)
        self.task, self.outcome = task, outcome


def _worker_ended(task: Task, worker: Worker) -> dict:
    """The outcome of a task whose worker process ended before writing one."""
    returncode = worker.process.returncode
    lines = worker.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    tail = lines[-1] if lines else ""
    how = f"killed by signal {-returncode}" if returncode < 0 else f"exit status {returncode}"
    return {
        "ok": False,
        "ename": "WorkerError",
        "evalue": f"the worker process ended ({how}) {tail}".strip(),
        **_cell(task),
    }


def describe_failure(task: Task, outcome: dict) -> str:
    """One line naming the notebook, the cell and the error."""
    where = ""
    if outcome.get("cell"):
        count = outcome.get("count")
        where = f" in cell {outcome['cell']}" + (f" (In [{count}])" if count else "")
        if outcome.get("source"):
            where += f" {outcome['source']!r}"
    evalue = " ".join(str(outcome.get("evalue", "")).split())
    return f"notebook {task.key} failed{where}: {outcome.get('ename')}: {evalue}"


if __name__ == "__main__":
    sys.exit(worker_main(*sys.argv[1:2]))
