"""Runs that fail or are interrupted, and parameters that are wrong or hostile: a clear
message naming the notebook or parameter, a non-zero exit, and the last good reports kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from summitlib.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_corpus"
PARAMS = "corpus_dir = None  # corpus folder\nmax_rows = 5  # rows shown\n"


def notebook(folder: Path, name: str, body: str) -> Path:
    """A small numbered notebook: a parameters cell, then ``body``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {name}\n\n**Research question:** does it run?"),
        nbformat.v4.new_code_cell(PARAMS, metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(body),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def good(tmp_path) -> tuple[Path, Path]:
    """A notebooks folder with one good notebook, already published into a reports folder."""
    books, reports = tmp_path / "nb", tmp_path / "reports"
    notebook(books, "01_ok", "print('fine')")
    assert main(["run", "--notebooks", str(books), "--reports", str(reports), "--quiet"]) == 0
    return books, reports


def run_failing(books: Path, reports: Path, capsys) -> str:
    """Run all notebooks of ``books``; expect failure; return stderr."""
    code = main(["run", "--notebooks", str(books), "--reports", str(reports), "--quiet", "--force"])
    assert code == 2
    return capsys.readouterr().err


def assert_kept(reports: Path, before: dict[str, bytes]) -> None:
    """The previous reports are byte-identical and nothing half-written is left."""
    after = snapshot(reports)
    assert {k: v for k, v in after.items() if not k.startswith("failed/")} == before
    assert not list(reports.glob(".staging-*"))
    assert not [p for p in reports.rglob("*.tmp")]


def test_notebook_that_raises(good, capsys):
    books, reports = good
    before = snapshot(reports)
    notebook(books, "02_boom", "x = 1\nraise RuntimeError('boom')")
    err = run_failing(books, reports, capsys)
    assert "02_boom" in err and "cell 3" in err and "RuntimeError: boom" in err
    assert "Traceback" not in err
    assert_kept(reports, before)
    partial = nbformat.read(reports / "failed" / "02_boom.ipynb", as_version=4)
    assert any(o.output_type == "error" for c in partial.cells for o in c.get("outputs", []))


def test_kernel_that_dies(good, capsys):
    books, reports = good
    before = snapshot(reports)
    notebook(books, "02_dies", "import os\nos._exit(1)")
    err = run_failing(books, reports, capsys)
    assert "02_dies" in err
    assert_kept(reports, before)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_run(good, signum):
    books, reports = good
    before = snapshot(reports)
    notebook(books, "02_slow", "import time\ntime.sleep(60)")
    summit = Path(sys.executable).with_name("summit")
    process = subprocess.Popen(
        [summit, "run", "--notebooks", books, "--reports", reports, "--quiet", "--force"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(reports.glob(".staging-*/02_slow.ipynb")) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "02_slow" in err and "Traceback" not in err
    assert_kept(reports, before)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "colour", "red"], "unknown parameter 'colour'"),
        (["-p", "max_rows", "abc"], "max_rows"),
        (["-p", "max_rows", "0"], "max_rows"),
        (["-p", "date_from", "2021-13-01"], "date_from"),
        (["-p", "date_from", "2021-06-01", "-p", "date_to", "2021-01-01"], "date_from"),
        (["-p", "threshold", "2"], "threshold"),
        (["-p", "corpus_dir", '"; import os; os.system("touch PWNED") #'], "corpus_dir"),
        (["--corpus", "/no/such/folder"], "corpus_dir"),
        (["99_missing"], "no notebook named '99_missing'"),
    ],
)
def test_bad_parameters_are_refused_before_anything_runs(tmp_path, capsys, args, message):
    reports = tmp_path / "reports"
    code = main(["run", *args, "--reports", str(reports), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert not reports.exists() or not any(reports.iterdir())
    assert not Path("PWNED").exists()


def test_parameter_values_cannot_execute_code(tmp_path):
    marker = tmp_path / "pwned"
    hostile = [f"x'); open({str(marker)!r}, 'w').close(); ('", '"""\nimport os\n"""', "a\\nb"]
    reports = tmp_path / "reports"
    args = ["run", "01_corpus_overview", "--corpus", str(FIXTURE), "--reports", str(reports)]
    assert main([*args, "-p", "terms", repr(hostile), "--quiet"]) == 0
    assert not marker.exists()
    results = (reports / "01_corpus_overview.results.json").read_text(encoding="utf-8")
    assert "open(" in results  # the text arrived as a plain string parameter


def test_grid_and_parameter_files_are_checked(tmp_path, capsys):
    grid = tmp_path / "grid.yaml"
    grid.write_text("runs: [1, 2]\n", encoding="utf-8")
    assert main(["run", "--grid", str(grid), "--reports", str(tmp_path / "r")]) == 2
    assert "grid file" in capsys.readouterr().err
    params = tmp_path / "p.yaml"
    params.write_text("- not a mapping\n", encoding="utf-8")
    assert main(["run", "-f", str(params), "--reports", str(tmp_path / "r")]) == 2
    assert "parameter file" in capsys.readouterr().err
    os.environ.pop("SUMMIT_TEST_UNUSED", None)
