"""``summit run``: notebooks executed with papermill, published as HTML with an index.

The full run on the bundled corpus happens once per session (``published`` in conftest.py);
the other runs here execute one or two notebooks on the small fixture corpus.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import report_file

from summitlib.cli import main
from summitlib.errors import ParameterError
from summitlib.reports import run as run_module
from summitlib.reports.plan import Job, find_notebooks, parse_value, read_grid, read_params_file

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
FIXTURE = Path(__file__).parent / "fixtures" / "small_corpus"
PNG = re.compile(r'<img[^>]+src="data:image/png;base64,[A-Za-z0-9+/]{100}')


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def index_of(folder: Path) -> dict[str, dict]:
    """The entries of a folder's index.json by set/notebook."""
    data = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return {(f"{e['set']}/" if e["set"] else "") + e["notebook"]: e for e in data["reports"]}


def test_every_notebook_is_published_with_html_and_results(published: Path) -> None:
    for stem in NOTEBOOKS:
        nb = nbformat.read(report_file(published, f"{stem}.ipynb"), as_version=4)
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
        assert not errors, stem
        assert nb.metadata["papermill"]["parameters"]["results_dir"] != "."
        results = json.loads(
            (report_file(published, f"{stem}.results.json")).read_text(encoding="utf-8")
        )
        assert results["notebook"] == stem and results["results"]
    run = report_file(published, ".").resolve()
    assert {p.name for p in published.iterdir()} == {
        "index.html",
        "index.json",
        ".summit-lock",
        run.name,
    }
    names = {p.name for p in run.iterdir()}
    expected = {f"{s}{x}" for s in NOTEBOOKS for x in (".ipynb", ".html", ".results.json")}
    assert names == expected | {".summit-run"}, "no stray files, no staging"


def test_index_lists_every_report_with_its_facts(published: Path) -> None:
    entries = index_of(published)
    assert sorted(entries) == NOTEBOOKS
    page = (published / "index.html").read_text(encoding="utf-8")
    for stem, entry in entries.items():
        nb = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
        assert nb.cells[0].source.startswith(f"# {entry['title']}")
        assert entry["question"].endswith("?") and "Research question" not in entry["question"]
        assert entry["parameters"] == {}
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", entry["run_date"])
        assert 0 < entry["duration"] < 300
        run = report_file(published, ".").resolve().name
        assert (entry["html"], entry["ipynb"]) == (f"{run}/{stem}.html", f"{run}/{stem}.ipynb")
        assert entry["results"] == f"{run}/{stem}.results.json"
        assert f'<a href="{run}/{stem}.html">' in page
        assert entry["question"][:40].replace("'", "&#x27;") in page
    assert page.count("<tr><td>") == len(NOTEBOOKS)


def test_reader_html_has_figures_and_no_code(published: Path) -> None:
    for stem in NOTEBOOKS:
        page = (report_file(published, f"{stem}.html")).read_text(encoding="utf-8")
        assert PNG.search(page), f"{stem}: no embedded figure"
        for code in ("import summitlib", "from summitlib import", "check_parameters(", "In ["):
            assert code not in page, f"{stem}: {code!r} in the reader's version"
        body = page.split("<body", 1)[1]  # the stylesheet names every class; the body must not
        for marker in ("In&nbsp;[", "jp-CodeMirrorEditor", "hl-ipython3", "jp-InputPrompt"):
            assert marker not in body, f"{stem}: {marker!r}"
        assert "<script" not in page, "no script at all, inline or from a CDN"
        assert not re.search(r"""(src|href)=["']https?://""", page), "reports read offline"
        assert "Content-Security-Policy" in page
        assert '<a href="../index.html">' in page, "back to the index of the set"


def test_fixture_corpus_with_other_parameters(tmp_path: Path) -> None:
    params = tmp_path / "params.yaml"
    params.write_text("min_quotes: 1\nmax_rows: 5\n", encoding="utf-8")
    reports = tmp_path / "reports"
    args = ["run", "03_stance", "04", "--corpus", str(FIXTURE), "--reports", str(reports)]
    args += ["-f", str(params), "-p", "group_by", "genre", "-p", "threshold", "0.3"]
    args += ["-p", "terms", "[sovereignty, gas]", "-p", "speakers", "[Ivan Petrov]"]
    assert main([*args, "--quiet"]) == 0
    entries = index_of(reports)
    assert sorted(entries) == ["03_stance", "04_expert_positions"]
    stance = json.loads(
        (report_file(reports, "03_stance.results.json")).read_text(encoding="utf-8")
    )
    assert stance["parameters"]["group_by"] == "genre" and stance["parameters"]["threshold"] == 0.3
    assert stance["parameters"]["terms"] == ["sovereignty", "gas"]
    assert {g["group"] for g in stance["results"]["groups"]} <= {"news", "analysis"}
    assert entries["03_stance"]["parameters"] == {
        "corpus_dir": str(FIXTURE.resolve()),
        "group_by": "genre",
        "max_rows": 5,
        "terms": ["sovereignty", "gas"],
        "threshold": 0.3,
    }
    assert entries["04_expert_positions"]["parameters"]["speakers"] == ["Ivan Petrov"]
    page = (reports / "index.html").read_text(encoding="utf-8")
    assert "group_by" in page and "&#x27;genre&#x27;" in page


def test_grid_runs_go_to_their_own_folders(tmp_path: Path) -> None:
    (tmp_path / "corpora").mkdir()
    shutil.copytree(FIXTURE, tmp_path / "corpora" / "small")
    grid = tmp_path / "grid.yaml"
    grid.write_text(
        "parameters:\n  corpus_dir: corpora/small   # relative to this file\n"
        "runs:\n"
        "  grodno-2022: {summit: 2022-06-grodno}\n"
        "  sochi-2022: {summit: 2022-09-sochi, min_granularity: month}\n",
        encoding="utf-8",
    )
    reports = tmp_path / "reports"
    argv = ["run", "02_chronology", "--grid", str(grid), "--reports", str(reports), "--quiet"]
    assert main(argv) == 0
    entries = index_of(reports)
    assert sorted(entries) == ["grodno-2022/02_chronology", "sochi-2022/02_chronology"]
    run = report_file(reports, ".").resolve().name
    assert entries["sochi-2022/02_chronology"]["html"] == f"{run}/sochi-2022/02_chronology.html"
    page = (reports / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{run}/grodno-2022/02_chronology.html">' in page
    for name, summit in [("grodno-2022", "2022-06-grodno"), ("sochi-2022", "2022-09-sochi")]:
        folder = report_file(reports, name)
        results = json.loads((folder / "02_chronology.results.json").read_text())
        assert results["results"]["summits"] == [summit]
        assert Path(results["parameters"]["corpus_dir"]) == (tmp_path / "corpora" / "small")
        assert '<a href="02_chronology.html">' in (folder / "index.html").read_text()
        assert '<a href="index.html">' in (folder / "02_chronology.html").read_text()


def test_rerunning_one_notebook_keeps_the_others(published: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(published, reports)
    old_run = report_file(reports, ".").resolve()
    before = snapshot(old_run)
    argv = ["run", "03_stance", "-p", "group_by", "genre", "--reports", str(reports), "--quiet"]
    assert main(argv) == 0
    new_run = report_file(reports, ".").resolve()
    assert not old_run.exists(), "the previous run folder is removed once replaced"
    after = snapshot(new_run)
    assert set(after) == set(before)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"03_stance.ipynb", "03_stance.html", "03_stance.results.json"}
    entries = index_of(reports)
    assert sorted(entries) == NOTEBOOKS and entries["03_stance"]["parameters"] == {
        "group_by": "genre"
    }
    kept, was = entries["01_corpus_overview"], index_of(published)["01_corpus_overview"]
    assert kept["html"] == f"{new_run.name}/01_corpus_overview.html"
    assert {k: v for k, v in kept.items() if k not in ("html", "ipynb", "results", "files")} == {
        k: v for k, v in was.items() if k not in ("html", "ipynb", "results", "files")
    }


def test_kernel_is_this_interpreter_even_with_a_foreign_kernelspec(tmp_path: Path) -> None:
    """A ``python3`` kernelspec of another Python (here the system's) is never used."""
    foreign = tmp_path / "home" / ".local" / "share" / "jupyter" / "kernels" / "python3"
    foreign.mkdir(parents=True)
    system = shutil.which("python3", path="/usr/bin:/bin") or "/usr/bin/python3"
    spec = {"argv": [system, "-m", "ipykernel_launcher", "-f", "{connection_file}"]}
    (foreign / "kernel.json").write_text(json.dumps({**spec, "display_name": "system"}))
    env = {**os.environ, "HOME": str(tmp_path / "home"), "JUPYTER_PREFER_ENV_PATH": "0"}
    env["JUPYTER_PATH"] = str(foreign.parent.parent)
    check = "from jupyter_client.kernelspec import KernelSpecManager as K;"
    check += "print(K().get_kernel_spec('python3').argv[0])"
    picked = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True)
    assert picked.stdout.strip() == system, "the trap is set: plain Jupyter picks the system one"
    reports = tmp_path / "reports"
    summit = Path(sys.executable).with_name("summit")
    args = [summit, "run", "01", "--corpus", FIXTURE, "--reports", reports, "--quiet"]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    nb = nbformat.read(report_file(reports, "01_corpus_overview.ipynb"), as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_finding_notebooks_and_reading_values(tmp_path: Path) -> None:
    assert [p.stem for p in find_notebooks(ROOT / "notebooks", ["03"])] == ["03_stance"]
    assert [p.stem for p in find_notebooks(ROOT / "notebooks", ["04_expert_positions.ipynb"])] == [
        "04_expert_positions"
    ]
    assert parse_value("n", "5") == 5 and parse_value("n", "0.25") == 0.25
    assert parse_value("n", "[a, b]") == ["a", "b"] and parse_value("n", "null") is None
    assert parse_value("date_from", "2021-02-22") == "2021-02-22", "dates stay text"
    assert parse_value("n", "Union State, gas") == "Union State, gas"
    with pytest.raises(ParameterError, match="parameter terms"):
        parse_value("terms", "[unclosed")
    with pytest.raises(ParameterError, match="parameter blob"):
        parse_value("blob", "!!binary aGVsbG8=")
    params = tmp_path / "p.yaml"
    params.write_text("corpus_dir: ../corpus\ndate_from: 2021-01-01\n", encoding="utf-8")
    read = read_params_file(params)
    assert read == {"corpus_dir": str(tmp_path.parent / "corpus"), "date_from": "2021-01-01"}
    for text, message in [
        ("runs:\n  '../x': {}\n", "must be letters"),
        ("runs:\n  failed: {}\n", "must be letters"),
        ("runs: [1, 2]\n", "named parameter sets"),
        ("runs:\n  a: 3\n", "mapping of parameters"),
        ("colour: red\nruns:\n  a: {}\n", "unknown key 'colour'"),
    ]:
        grid = tmp_path / "grid.yaml"
        grid.write_text(text, encoding="utf-8")
        with pytest.raises(ParameterError, match=message):
            read_grid(grid)


def test_index_and_outputs_keep_hostile_text_as_text() -> None:
    from summitlib.reports.html import render_index, sanitised

    hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    entry = {"set": "", "notebook": "01_x", "title": hostile, "question": hostile}
    page = render_index([{**entry, "html": "01_x.html", "parameters": {"terms": [hostile]}}])
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    nb = nbformat.v4.new_notebook()
    shown = [
        {"text/markdown": f"**{hostile}** [a](javascript:x)"},
        {"text/html": f"<table><tr><td>{hostile}</td>"},
        {"application/javascript": "alert(1)"},
    ]
    outputs = [nbformat.v4.new_output("display_data", data) for data in shown]
    nb.cells = [nbformat.v4.new_code_cell("x", outputs=outputs)]
    safe = [o.get("data", {}) for o in sanitised(nb).cells[0].outputs]
    assert "&lt;script&gt;" in safe[0]["text/html"] and "javascript:" not in safe[0]["text/html"]
    assert "<script" not in safe[1]["text/html"] and "onerror" not in safe[1]["text/html"]
    assert "<td>" in safe[1]["text/html"] and safe[2] == {}
    assert nb.cells[0].outputs[1]["data"]["text/html"].count("<script>") == 1, "a copy"


def test_unchanged_reports_are_kept_and_force_reexecutes(tmp_path):
    """A second run with the same inputs keeps the reports; --force executes them again."""
    from summitlib.cli import main as summit

    reports = tmp_path / "reports"
    args = ["run", "05_validation", "--reports", str(reports), "--quiet"]
    assert summit(args) == 0
    first = (report_file(reports, "05_validation.ipynb")).read_bytes()
    assert summit(args) == 0
    assert (report_file(reports, "05_validation.ipynb")).read_bytes() == first
    assert summit([*args, "--force"]) == 0
    assert (report_file(reports, "05_validation.ipynb")).read_bytes() != first
    assert summit([*args, "-p", "max_rows", "3"]) == 0
    index = json.loads((reports / "index.json").read_text(encoding="utf-8"))
    assert index["reports"][0]["parameters"] == {"max_rows": 3}


def worker_task(tmp_path: Path, name: str, cwd: Path) -> dict:
    """A task for a worker: a one-cell notebook that notes its kernel's pid and start time."""
    notebook = tmp_path / f"{name}.ipynb"
    cell = "import os, psutil\nme = psutil.Process()\nopen('kernel.txt', 'w').write"
    cell += "(f'{me.pid} {me.create_time()} {os.getcwd()}')"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)]), notebook)
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, notebook)
    work = tmp_path / "work" / name
    work.mkdir(parents=True)
    return {"key": name, "notebook": str(notebook), "output": str(work / "out.ipynb"),
            "parameters": {}, "cwd": str(cwd), "work_dir": str(work)}  # fmt: skip


def test_a_worker_starts_its_first_kernel_ahead_and_stops_every_kernel(tmp_path: Path) -> None:
    """The first notebook runs on a kernel started before the task came, in the notebooks'
    folder; a task elsewhere gets its own kernel there; no kernel outlives the worker."""
    import time

    import psutil

    from summitlib.reports.execute import kernel_home, worker_env

    first, other = tmp_path / "books", tmp_path / "elsewhere"
    first.mkdir(), other.mkdir()
    tasks = [worker_task(tmp_path, "a", first), worker_task(tmp_path, "b", other)]
    env = worker_env(kernel_home(tmp_path / "jupyter"), tmp_path / "cache")
    command = [sys.executable, "-m", "summitlib.reports.execute", str(first)]
    worker = subprocess.Popen(command, stdin=subprocess.PIPE, env=env, text=True)
    deadline = time.monotonic() + 60
    while not psutil.Process(worker.pid).children() and time.monotonic() < deadline:
        time.sleep(0.1)  # the kernel starts while no task has come
    handed = time.time()
    for task in tasks:
        path = Path(task["work_dir"]) / "task.json"
        path.write_text(json.dumps(task), encoding="utf-8")
        worker.stdin.write(f"{path}\n")
    worker.stdin.close()
    assert worker.wait(timeout=180) == 0
    notes = {}
    for task, folder in zip(tasks, (first, other), strict=True):
        outcome = json.loads((Path(task["work_dir"]) / "outcome.json").read_text())
        assert outcome["ok"], outcome
        pid, started, cwd = (folder / "kernel.txt").read_text().split(" ", 2)
        assert cwd == str(folder)
        notes[task["key"]] = int(pid), float(started)
    assert notes["a"][1] < handed < notes["b"][1]
    time.sleep(1)
    assert not any(psutil.pid_exists(pid) for pid, _ in notes.values())


def test_a_worker_does_not_build_jsonschemas_iri_parsers(tmp_path: Path) -> None:
    """The worker starts a kernel and loads papermill and nbconvert without rfc3987-syntax
    (1.8 s of parsers)."""
    from summitlib.reports.execute import kernel_home, worker_env

    env = worker_env(kernel_home(tmp_path / "jupyter"), tmp_path / "cache")
    env["PYTHONPROFILEIMPORTTIME"] = "1"
    command = [sys.executable, "-m", "summitlib.reports.execute", str(tmp_path)]
    done = subprocess.run(
        command, stdin=subprocess.DEVNULL, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert {"papermill", "nbconvert", "jsonschema"} <= imported
    assert not {name for name in imported if name.startswith(("rfc3987_syntax.", "lark"))}


def test_a_kernel_that_dies_at_birth_is_started_once_more(tmp_path: Path, monkeypatch) -> None:
    """Kernels started together can take the same port; one that dies before answering is
    started again rather than failing the notebook."""
    from summitlib.reports.execute import KERNEL, Task, execute

    marker = tmp_path / "first-launch-failed"
    launcher = tmp_path / "launcher.py"
    launcher.write_text(
        "import os, sys\n"
        f"marker = {str(marker)!r}\n"
        "if not os.path.exists(marker):\n"
        "    open(marker, 'w').close()\n"
        "    sys.exit(1)  # as a kernel whose port was taken exits\n"
        "os.execv(sys.executable, [sys.executable, '-m', 'ipykernel_launcher', *sys.argv[1:]])\n",
        encoding="utf-8",
    )
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, str(launcher), "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "flaky", "language": "python"}), "utf-8"
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# Born twice"), nbformat.v4.new_code_cell("x = 1")]
    )
    nbformat.write(notebook, tmp_path / "in.ipynb")
    task = Task("t", str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"), {}, str(tmp_path),
                str(tmp_path))  # fmt: skip
    outcome = execute(task)
    assert marker.exists() and outcome["ok"], outcome
    assert (tmp_path / "out.html").is_file()


def test_the_longest_notebooks_start_first(tmp_path, monkeypatch):
    jobs = []
    for name, size in (("01_a", 10), ("02_b", 300), ("03_c", 100)):
        path = tmp_path / f"{name}.ipynb"
        path.write_text("x" * size, encoding="utf-8")
        jobs.append(Job(path, "", {}))

    def order(entries: list[dict]) -> list[str]:
        monkeypatch.setattr(run_module, "current_entries", lambda folder: entries)
        return [job.stem for job in run_module._longest_first(jobs, tmp_path)]

    assert order([]) == ["02_b", "03_c", "01_a"]  # no earlier run: the largest notebook first
    timed = [
        {"set": "", "notebook": "01_a", "duration": 9.0},
        {"set": "", "notebook": "02_b", "duration": 1.0},
        {"set": "", "notebook": "03_c", "duration": 5.0},
    ]
    assert order(timed) == ["01_a", "03_c", "02_b"]  # by the last published durations
    assert order(timed[:2]) == ["02_b", "03_c", "01_a"]  # one unknown: by size again
