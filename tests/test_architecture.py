"""The package's shape: the README's component example runs, the CLI stays light, user
errors in a notebook show one line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_example() -> str:
    """The Python block under the README's "Your own component"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("**Your own component.**") :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_component_example_runs_and_fills_its_own_table(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    scope: dict = {}
    exec(compile(readme_example(), "README.md", "exec"), scope)
    topics = scope["tables"]["topics"]
    assert len(topics) > 0
    assert set(topics["topic"]) == {"energy"}
    assert topics["text"].str.contains(r"\b(?:gas|oil)\b").all()
    written = scope["tables"].write(tmp_path)
    assert (tmp_path / "topics.csv") in written


def test_an_unknown_component_is_refused_by_name():
    from summitlib import ParameterError, Pipeline

    with pytest.raises(ParameterError, match="'topicz'"):
        Pipeline().add("topicz")


def test_summit_help_does_not_import_pandas():
    code = (
        "import sys\nfrom summitlib.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'nltk', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_user_error_in_a_notebook_shows_one_line_and_still_fails_the_run(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import summitlib"),
        nbformat.v4.new_code_cell("summitlib.load_corpus('no-such-folder')"),
    ]
    source, out = tmp_path / "bad.ipynb", tmp_path / "out.ipynb"
    nbformat.write(nb, source)
    with pytest.raises(papermill.PapermillExecutionError) as failure:
        papermill.execute_notebook(
            str(source), str(out), kernel_name="python3", cwd=str(tmp_path), progress_bar=False
        )
    assert failure.value.ename == "CorpusError"
    cells = json.loads(out.read_text())["cells"]
    error = next(o for c in cells for o in c.get("outputs", []) if o.get("ename"))
    assert len(error["traceback"]) == 1
    assert "no-such-folder" in error["traceback"][0]


def test_notebook_consistency_errors_are_user_facing_summit_errors():
    from summitlib.analysis.results import InconsistentResults, require
    from summitlib.errors import SummitError

    assert issubclass(InconsistentResults, SummitError)
    with pytest.raises(InconsistentResults, match="shares do not add up"):
        require(False, "shares do not add up")


@pytest.mark.parametrize(
    ("cell", "values"),
    [("Putin|Lukashenko", ["Putin", "Lukashenko"]), (" A | |B ", ["A", "B"]), ("", []), (None, [])],
)
def test_joint_cells_split_one_way_everywhere(cell, values):
    from summitlib.joint import join_values, split_values

    assert split_values(cell) == values
    assert split_values(join_values(values)) == values
