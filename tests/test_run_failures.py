"""Runs that fail or are interrupted, and parameters that are wrong or hostile: one clear
message naming the notebook (and cell) or the parameter, a non-zero exit, no traceback, and
the last good reports left byte for byte as they were."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
import yaml
from conftest import report_file

from summitlib.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_corpus"
SUMMIT = Path(sys.executable).with_name("summit")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def small_notebook(folder: Path, name: str, body: str) -> Path:
    """A quick numbered notebook: title, parameters cell, then ``body``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    tagged = {"tags": ["parameters"]}
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {name}\n\nDoes it run?"),
        nbformat.v4.new_code_cell("max_rows = 5  # rows shown\n", metadata=tagged),
        nbformat.v4.new_code_cell(body),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{name}.ipynb")
    return folder / f"{name}.ipynb"


@pytest.fixture
def previous(published: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A copy of the last good reports and a snapshot of its bytes."""
    reports = tmp_path / "reports"
    shutil.copytree(published, reports)
    return reports, snapshot(reports)


def assert_unchanged(reports: Path, before: dict[str, bytes]) -> None:
    """The previous reports are byte-identical; nothing else but failed/ was left behind."""
    after = snapshot(reports)
    assert {k: v for k, v in after.items() if not k.startswith("failed/")} == before
    tops = {name.split("/")[0] for name in before}
    assert sorted(p.name for p in reports.iterdir() if p.name not in tops) in ([], ["failed"])


def run_failing(args: list, capsys) -> str:
    """``summit run`` in this process; expect exit status 2 and return stderr."""
    code = main(["run", *map(str, args), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    return err


def test_notebook_that_raises(previous, tmp_path: Path, capsys) -> None:
    reports, before = previous
    books = tmp_path / "notebooks"
    books.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_corpus_overview.ipynb", books)
    nb = nbformat.read(ROOT / "notebooks" / "04_expert_positions.ipynb", as_version=4)
    nb.cells.insert(4, nbformat.v4.new_code_cell("raise RuntimeError('boom')"))
    nbformat.write(nb, books / "04_expert_positions.ipynb")
    err = run_failing(["--notebooks", books, "--reports", reports], capsys)
    assert "notebook 04_expert_positions failed in cell 5" in err
    assert "raise RuntimeError('boom')" in err and "RuntimeError: boom" in err
    assert_unchanged(reports, before)
    partial = nbformat.read(reports / "failed" / "04_expert_positions.ipynb", as_version=4)
    assert any(o.output_type == "error" for c in partial.cells for o in c.get("outputs", []))
    assert not (reports / "failed" / "01_corpus_overview.ipynb").exists()


@pytest.mark.parametrize("death", ["import os\nos._exit(1)", "import os\nos.kill(os.getpid(), 9)"])
def test_kernel_that_dies(previous, tmp_path: Path, capsys, death: str) -> None:
    reports, before = previous
    books = tmp_path / "notebooks"
    small_notebook(books, "01_dies", f"x = 1\n{death}")
    err = run_failing(["--notebooks", books, "--reports", reports], capsys)
    assert "notebook 01_dies failed in cell 3" in err and "kernel died" in err
    assert_unchanged(reports, before)
    assert (reports / "failed" / "01_dies.ipynb").is_file()


def kernels_in(folder: Path) -> list[int]:
    """Processes (kernels) whose working directory is ``folder``."""
    found = []
    for process in psutil.process_iter(["cwd"]):
        if process.info.get("cwd") == str(folder):
            found.append(process.pid)
    return found


def _sigint_as_in_a_terminal() -> None:
    """Give the child Ctrl-C's default handling even when this test runs in the background
    (a non-interactive shell starts background jobs with SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_run(previous, tmp_path: Path, signum: int) -> None:
    reports, before = previous
    books, started = tmp_path / "notebooks", tmp_path / "started"
    small_notebook(books, "01_ok", "print('fine')")
    small_notebook(books, "02_slow", f"import time\nopen({str(started)!r}, 'w').close()\n")
    with open(books / "02_slow.ipynb", encoding="utf-8") as handle:
        nb = nbformat.read(handle, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("time.sleep(60)"))
    nbformat.write(nb, books / "02_slow.ipynb")
    args = [SUMMIT, "run", "--notebooks", books, "--reports", reports, "--quiet"]
    process = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_sigint_as_in_a_terminal,
    )
    deadline = time.monotonic() + 120
    while not started.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert started.exists(), "the slow notebook never started"
    time.sleep(0.5)
    sent = time.monotonic()
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert time.monotonic() - sent < 15, "stopping took too long"
    assert process.returncode == 2, err
    assert "interrupted while running" in err and "02_slow" in err
    assert "Traceback" not in err
    assert_unchanged(reports, before)
    assert not (reports / "failed").exists()
    deadline = time.monotonic() + 10
    while kernels_in(books) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert kernels_in(books) == [], "a kernel outlived the run"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "colour", "red"], "unknown parameter 'colour'"),
        (["-p", "results_dir", "/tmp"], "parameter results_dir is set by summit run"),
        (["04", "-p", "min_quotes", "abc"], "min_quotes must be a whole number, not 'abc'"),
        (["-p", "max_rows", "0"], "max_rows must be at least 1"),
        (["-p", "threshold", "2"], "threshold must be between 0.0 and 1.0"),
        (["-p", "terms", "[1, 2]"], "terms must be a list of strings"),
        (["-p", "date_from", "2021-13-01"], "date_from '2021-13-01' is not a valid date"),
        (["-p", "date_to", "22/02/2021"], "date_to '22/02/2021' is not a valid date"),
        (["-p", "date_from", "2021-06-01", "-p", "date_to", "2021-01-01"], "date_from 2021-06-01"),
        (["-p", "summit", "1999-01-nowhere"], "summit '1999-01-nowhere' is not one of"),
        (["-p", "group_by", "colour"], "group_by 'colour' is not one of"),
        (["-p", "terms", "[unclosed"], "parameter terms: '[unclosed' is not a valid YAML value"),
        (["--corpus", "/no/such/folder"], "corpus_dir: the folder '/no/such/folder' does not"),
        (["99_missing"], "no notebook named '99_missing'"),
    ],
)
def test_bad_parameters_are_refused_before_anything_runs(
    tmp_path: Path, capsys, args: list, message: str
) -> None:
    reports = tmp_path / "reports"
    err = run_failing([*args, "--reports", reports], capsys)
    assert message in err
    assert not reports.exists(), "nothing is written"


def test_hostile_value_is_refused_and_runs_nothing(tmp_path: Path, capsys) -> None:
    marker = tmp_path / "pwned"
    hostile = f'"; import os; os.system("touch {marker}") #'
    reports = tmp_path / "reports"
    err = run_failing(["-p", "corpus_dir", hostile, "--reports", reports], capsys)
    assert "corpus_dir" in err
    err = run_failing(["--corpus", hostile, "--reports", reports], capsys)
    assert "corpus_dir" in err and "does not exist" in err
    assert not marker.exists() and not reports.exists()


def test_notebook_validation_cell_refuses_the_hostile_value(tmp_path: Path) -> None:
    import papermill

    marker = tmp_path / "pwned"
    hostile = f'"; import os; os.system("touch {marker}") #\nimport os; os.system("touch {marker}")'
    with pytest.raises(papermill.PapermillExecutionError) as failure:
        papermill.execute_notebook(
            str(ROOT / "notebooks" / "01_corpus_overview.ipynb"),
            str(tmp_path / "out.ipynb"),
            parameters={"corpus_dir": hostile, "results_dir": str(tmp_path)},
            kernel_name="python3",
            cwd=str(tmp_path),
            progress_bar=False,
        )
    assert failure.value.ename == "ParameterError" and "corpus_dir" in failure.value.evalue
    assert not marker.exists()


def test_parameter_values_cannot_execute_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = [
        f"x'); open({str(marker)!r}, 'w').close(); ('",
        f'"""\nopen({str(marker)!r}, "w").close()\n"""',
        "back\\slash and a\nnewline",
    ]
    params = tmp_path / "params.yaml"
    params.write_text(yaml.safe_dump({"terms": hostile}), encoding="utf-8")
    reports = tmp_path / "reports"
    args = ["run", "01", "--corpus", str(FIXTURE), "-f", str(params), "--reports", str(reports)]
    assert main([*args, "--quiet"]) == 0
    assert not marker.exists()
    results = json.loads(
        (report_file(reports, "01_corpus_overview.results.json")).read_text("utf-8")
    )
    assert results["parameters"]["terms"] == hostile, "each value arrived as plain text"
