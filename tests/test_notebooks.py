"""The research notebooks: committed clean, and executed end to end with papermill.

Each notebook runs once per corpus (module-scoped fixtures) from a temporary working
directory: on the bundled corpus with default parameters, and on the small hand-written
fixture corpus with non-default ones. The asserts then read the executed notebooks and
their results files.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "small_corpus"
STEMS = [
    "01_corpus_overview",
    "02_chronology",
    "03_stance",
    "04_expert_positions",
    "05_validation",
]
FIXTURE_PARAMETERS = {
    "01_corpus_overview": {"terms": ["Union State", "gas"], "top_n_actors": 3, "max_rows": 5},
    "02_chronology": {
        "date_from": "2022-01-01",
        "date_to": "2023-12-31",
        "min_granularity": "month",
        "summit": "2022-09-sochi",
    },
    "03_stance": {"group_by": "genre", "threshold": 0.3, "terms": ["sovereignty", "gas"]},
    "04_expert_positions": {"min_quotes": 1, "speakers": ["Ivan Petrov", "Lukashenko"]},
    "05_validation": {"max_rows": 5},
}
RESULT_KEYS = {
    "01_corpus_overview": {"n_articles", "n_words", "top_actors", "kwic_hits", "dispersion_hits"},
    "02_chronology": {"n_articles_selected", "n_dates_kept", "dates_by_anchor", "n_amounts"},
    "03_stance": {"n_integration_sentences", "labels", "tone_vs_stance", "groups", "terms"},
    "04_expert_positions": {"n_quotes", "n_speakers", "quotes_by_kind", "issue_matrix"},
    "05_validation": {"gold", "scores", "baseline_vader_stance", "baseline_dateparser_dates"},
}


def execute(stem: str, out_dir: Path, parameters: dict) -> nbformat.NotebookNode:
    """Run one notebook with papermill in ``out_dir`` (its working directory)."""
    import papermill

    out_dir.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(NOTEBOOKS / f"{stem}.ipynb"),
        str(out_dir / f"{stem}.ipynb"),
        parameters={"results_dir": str(out_dir), **parameters},
        kernel_name="python3",
        cwd=str(out_dir),
        progress_bar=False,
    )
    return nbformat.read(out_dir / f"{stem}.ipynb", as_version=4)


@pytest.fixture(scope="module")
def bundled_runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every notebook executed on the bundled corpus with its default parameters."""
    out = tmp_path_factory.mktemp("bundled")
    return {stem: (execute(stem, out, {}), out) for stem in STEMS}


@pytest.fixture(scope="module")
def fixture_runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every notebook executed on the fixture corpus with non-default parameters."""
    out = tmp_path_factory.mktemp("fixture")
    params = {stem: {"corpus_dir": str(FIXTURE), **FIXTURE_PARAMETERS[stem]} for stem in STEMS}
    return {stem: (execute(stem, out, params[stem]), out) for stem in STEMS}


def results_of(out: Path, stem: str) -> dict:
    """The results file a notebook wrote."""
    return json.loads((out / f"{stem}.results.json").read_text(encoding="utf-8"))


def errors_in(nb: nbformat.NotebookNode) -> list[str]:
    """Error outputs of an executed notebook."""
    return [
        f"{o.ename}: {o.evalue}"
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if o.output_type == "error"
    ]


def images_in(nb: nbformat.NotebookNode) -> int:
    """How many PNG figures an executed notebook shows."""
    return sum(
        "image/png" in o.get("data", {})
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
    )


@pytest.mark.parametrize("stem", STEMS)
def test_committed_notebook_is_clean_and_well_formed(stem: str) -> None:
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "strip the outputs"
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is nb.cells[1]
    source = tagged[0].source
    assert (
        "corpus_dir: Optional[str] = None  # corpus folder; None means the bundled corpus" in source
    )
    assert 'results_dir: str = "."  # where <stem>.results.json is written' in source
    for line in filter(None, source.splitlines()):
        assert "  # " in line, f"parameter without a comment: {line}"
        assert line.count("=") <= 1, f"papermill cannot parse a line with two '=': {line}"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "**Research question:**" in first.source
    assert re.search(rf'open_study\(\s*"{stem}"', nb.cells[2].source), "setup: one open_study call"
    assert sum("open_study(" in c.source for c in code) == 1
    assert "study.write_results(results)" in code[-2].source
    assert "require(" in code[-1].source and "all checks passed" in code[-1].source
    assert "sys.path" not in "".join(c.source for c in code)


def test_notebooks_are_numbered_in_reading_order() -> None:
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_bundled_corpus_runs_clean(bundled_runs: dict, stem: str) -> None:
    nb, out = bundled_runs[stem]
    assert errors_in(nb) == []
    assert images_in(nb) >= 1
    data = results_of(out, stem)
    assert data["notebook"] == stem
    assert RESULT_KEYS[stem] <= set(data["results"])
    assert "all checks passed" in "".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
    )


@pytest.mark.parametrize("stem", STEMS)
def test_fixture_corpus_runs_clean_with_other_parameters(fixture_runs: dict, stem: str) -> None:
    nb, out = fixture_runs[stem]
    assert errors_in(nb) == []
    data = results_of(out, stem)
    assert RESULT_KEYS[stem] <= set(data["results"])
    for name, value in FIXTURE_PARAMETERS[stem].items():
        assert data["parameters"][name] == value


def test_bundled_results_are_plausible(bundled_runs: dict) -> None:
    out = bundled_runs[STEMS[0]][1]
    overview = results_of(out, "01_corpus_overview")["results"]
    assert overview["n_articles"] == 5 and overview["n_words"] > 1000
    assert sum(overview["articles_per_outlet"].values()) == 5
    chronology = results_of(out, "02_chronology")["results"]
    assert 0 <= chronology["n_dates_kept"] <= chronology["n_dates_total"]
    stance = results_of(out, "03_stance")["results"]
    assert sum(stance["labels"].values()) == stance["n_integration_sentences"]
    assert all(-1 <= g["mean_stance"] <= 1 for g in stance["groups"])
    validation = results_of(out, "05_validation")["results"]
    assert validation["gold"] is True and validation["documents_scored"] == 5
    for key in ("quote_f1", "date_f1", "stance_sentence_macro_f1"):
        assert 0 <= validation["scores"][key] <= 1
    assert 0 <= validation["baseline_vader_stance"]["stance_sentence_macro_f1"] <= 1
    assert 0 <= validation["baseline_dateparser_dates"]["date_f1"] <= 1
    methods = validation["stance_methods"]
    assert set(methods) == {"summitlib", "earlier rules", "VADER sign"}
    vader = validation["baseline_vader_stance"]["stance_sentence_macro_f1"]
    assert methods["VADER sign"] == pytest.approx(vader, abs=5e-4)
    shipped = validation["model_figures"]
    assert shipped["cv_all"]["n"] > shipped["cv_bundled"]["n"] > 0
    assert 0 < shipped["devset"]["macro_f1"] < validation["scores"]["stance_sentence_macro_f1"]


def test_fixture_results_respect_the_filters(fixture_runs: dict) -> None:
    out = fixture_runs[STEMS[0]][1]
    overview = results_of(out, "01_corpus_overview")["results"]
    assert overview["n_articles"] == 4
    assert set(overview["kwic_hits"]) == {"Union State", "gas"}
    assert len(overview["top_actors"]) <= 3
    chronology = results_of(out, "02_chronology")["results"]
    assert chronology["n_articles_selected"] == 1
    assert chronology["summits"] == ["2022-09-sochi"]
    for value in (chronology["first_date"], chronology["last_date"]):
        assert value is None or "2022-01-01" <= value <= "2023-12-31"
    assert set(chronology["dates_by_resolution"]) <= {"month", "week", "day"}
    stance = results_of(out, "03_stance")["results"]
    assert {g["group"] for g in stance["groups"]} <= {"news", "analysis"}
    validation = results_of(out, "05_validation")["results"]
    assert validation["gold"] is False and validation["scores"] == {}


def test_bad_parameter_fails_naming_it(tmp_path: Path) -> None:
    import papermill

    with pytest.raises(papermill.PapermillExecutionError) as failure:
        execute("02_chronology", tmp_path, {"date_from": "2022-05-01", "date_to": "2021-01-01"})
    assert "ParameterError" in failure.value.ename
    assert "date_from" in failure.value.evalue


@pytest.mark.parametrize("stem", STEMS)
def test_papermill_help_lists_every_parameter_with_type_default_and_comment(stem: str) -> None:
    from summitlib.reports.plan import notebook_parameters

    path = NOTEBOOKS / f"{stem}.ipynb"
    done = subprocess.run(
        [sys.executable, "-m", "papermill", "--help-notebook", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Unknown type" not in done.stdout and "Unable to parse" not in done.stderr
    listed = re.findall(r"^  (\w+): (\S+) \(default (.*?)\)\s+(\S.*)$", done.stdout, re.M)
    declared = notebook_parameters(path)
    assert [name for name, *_ in listed] == list(declared)
    for name, kind, default, comment in listed:
        assert kind in {"str", "int", "float", "list[str]", "Optional[str]", "Optional[list[str]]"}
        assert ast.literal_eval(default) == declared[name], name
        assert len(comment) > 10, name


def test_papermill_passes_corpus_dir_without_warnings(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable, "-m", "papermill", str(NOTEBOOKS / "01_corpus_overview.ipynb"),
            str(tmp_path / "out.ipynb"), "-p", "corpus_dir", str(FIXTURE),
            "-p", "results_dir", str(tmp_path), "-y", "terms: [gas]", "--cwd", str(tmp_path),
            "-k", "python3", "--no-progress-bar",
        ],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Unable to parse" not in done.stderr and "unknown parameter" not in done.stderr
    assert results_of(tmp_path, "01_corpus_overview")["results"]["n_articles"] == 4
