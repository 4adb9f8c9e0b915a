"""Set-up files: the README's two commands, CI, environment.yml, no NLTK downloads, ruff."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from conftest import ROOT


def quick_start_commands() -> list[str]:
    """The lines of the single code block under the README's "Quick start" heading."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, re.S)
    assert len(blocks) == 1
    return [line for line in blocks[0].splitlines() if line.strip()]


def test_readme_opens_with_the_project_and_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# summitlib")
    commands = quick_start_commands()
    assert commands == ["python3 tasks.py reports", "python3 tasks.py test"]


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[-1] == quick_start_commands()[1]
    assert "set -euo pipefail" in ci


def test_environment_yml_installs_the_package_without_a_second_dependency_list():
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    entries = [
        line.strip()[2:].strip() for line in env.splitlines() if line.strip().startswith("- ")
    ]
    assert entries == ["conda-forge", "python>=3.11", "pip", "pip:", "-e .[dev]"]


def test_pyproject_declares_dependencies_with_lower_bounds_and_the_console_script():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=\[ ]", d)[0].lower() for d in project["dependencies"]}
    assert {"jupyterlab", "pandas", "matplotlib", "nltk", "papermill"} <= names
    assert all(">=" in d for d in project["dependencies"])
    assert {"pytest", "ruff"} <= {
        re.split(r"[<>=\[ ]", d)[0] for d in project["optional-dependencies"]["dev"]
    }
    assert project["scripts"]["summit"] == "summitlib.cli:main"


def test_nothing_calls_nltk_download():
    offenders = []
    for path in ROOT.rglob("*"):
        if any(part in {".venv", ".git", "reports", "tests"} for part in path.parts):
            continue
        if path.suffix not in {".py", ".ipynb", ".yml", ".toml", ".cfg", ".sh"}:
            continue
        if path.is_file() and "nltk.download" in path.read_text(encoding="utf-8", errors="replace"):
            offenders.append(path)
    assert offenders == []


def test_nltk_resources_load_offline():
    code = (
        "import nltk; nltk.download = None; "
        "from summitlib.text.resources import punkt, vader; "
        "print(len(punkt().tokenize('Mr. Putin met Gen. Ivanov. They talked.')), "
        "vader().polarity_scores('a terrible deadlock')['compound'] < 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2", "True"]


def test_ruff_lint_and_format_are_clean():
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
