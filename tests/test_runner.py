"""``summit run``: notebooks executed with papermill, published as HTML with an index."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from summitlib.cli import main
from summitlib.runner import find_notebooks, parse_value, read_grid, run_reports

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
FIXTURE = Path(__file__).parent / "fixtures" / "small_corpus"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_every_notebook_has_an_executed_copy_html_and_results(published):
    for stem in NOTEBOOKS:
        nb = nbformat.read(published / f"{stem}.ipynb", as_version=4)
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
        assert not errors, stem
        assert (published / f"{stem}.html").stat().st_size > 10_000
        results = json.loads((published / f"{stem}.results.json").read_text())
        assert results["notebook"] == stem and results["results"]


def test_index_lists_every_report_with_its_facts(published):
    index = json.loads((published / "index.json").read_text())
    entries = {e["notebook"]: e for e in index["reports"]}
    assert sorted(entries) == NOTEBOOKS
    page = (published / "index.html").read_text()
    for entry in entries.values():
        assert entry["title"] and entry["question"] and entry["run_date"]
        assert entry["duration"] > 0
        assert f'href="{entry["html"]}"' in page
        assert entry["title"].split()[0] in page


def test_reader_html_has_figures_and_no_code(published):
    for stem in NOTEBOOKS:
        page = (published / f"{stem}.html").read_text()
        assert "data:image/png;base64," in page, stem
        assert "from summitlib import" not in page and "check_parameters(" not in page
        assert (
            "jp-CodeCell" not in page
            or 'jp-InputArea jp-Cell-inputArea"><div class="jp-InputPrompt' not in page
        )
        assert "highlight hl-ipython3" not in page
        assert not re.search(r"<script[^>]+src=\"https?://", page), "reports must read offline"


def test_warm_rerun_reuses_and_changed_parameter_reexecutes(published, tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(published, reports)
    before = snapshot(reports)
    entries = run_reports(reports=reports, names=["03_stance"], params={"group_by": "genre"})
    assert entries[0]["parameters"] == {"group_by": "genre"}
    after = snapshot(reports)
    assert after["01_corpus_overview.ipynb"] == before["01_corpus_overview.ipynb"]
    assert after["03_stance.ipynb"] != before["03_stance.ipynb"]
    index = json.loads((reports / "index.json").read_text())
    assert len(index["reports"]) == len(NOTEBOOKS)


def test_other_corpus_parameter_file_and_grid(tmp_path):
    params = tmp_path / "params.yaml"
    params.write_text("min_quotes: 1\nmax_rows: 5\n", encoding="utf-8")
    grid = tmp_path / "grid.yaml"
    grid.write_text("runs:\n  all: {}\n  few-rows: {max_rows: 3}\n", encoding="utf-8")
    reports = tmp_path / "reports"
    args = ["run", "04_expert_positions", "--corpus", str(FIXTURE), "--reports", str(reports)]
    assert main([*args, "-f", str(params), "--grid", str(grid), "--quiet"]) == 0
    top = json.loads((reports / "index.json").read_text())["reports"]
    assert sorted(e["html"] for e in top) == [
        "all/04_expert_positions.html",
        "few-rows/04_expert_positions.html",
    ]
    few = json.loads((reports / "few-rows" / "04_expert_positions.results.json").read_text())
    assert few["parameters"]["max_rows"] == 3
    assert Path(few["parameters"]["corpus_dir"]) == FIXTURE.resolve()
    assert (reports / "few-rows" / "index.html").is_file()


def test_finding_notebooks_and_reading_values(tmp_path):
    assert [p.stem for p in find_notebooks(ROOT / "notebooks", ["03"])] == ["03_stance"]
    assert parse_value("5") == 5 and parse_value("[a, b]") == ["a", "b"]
    assert parse_value("null") is None and parse_value("x: y") == "x: y"
    bad = tmp_path / "grid.yaml"
    bad.write_text("runs:\n  '../x': {}\n", encoding="utf-8")
    with pytest.raises(Exception, match="must be letters"):
        read_grid(bad)
