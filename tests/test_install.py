"""Install once, run anywhere: the wheel ships the notebooks and the bundled corpus, and a
plain install runs ``summit run`` from any folder, writing its reports there.

The wheel is built from a copy of the checkout's tracked files and installed (without its
dependencies) into a fresh virtual environment in a temporary folder; the dependencies come
from this test environment's site-packages through a ``.pth`` line added after the install
(and their data files, nbconvert's templates, through a link to its ``share/jupyter``),
so no package index is needed and the test takes seconds, not the minutes of a full install.
The checkout's own editable summitlib is not on that path (its finder is only activated by
a ``.pth`` file of a site directory), which the test checks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import report_file

from summitlib.cli import main
from summitlib.errors import ParameterError
from summitlib.reports.copies import copy_notebooks
from summitlib.reports.plan import find_notebooks

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_corpus"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))


def tracked_copy(target: Path) -> Path:
    """The checkout's tracked files (plus uncommitted edits to them) copied into ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = ROOT / name
        if source.is_file() and not name.startswith("tests/"):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the summitlib wheel built from this checkout."""
    base = tmp_path_factory.mktemp("wheel")
    source = tracked_copy(base / "source")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(base), str(source)],
        check=True,
        capture_output=True,
    )
    wheel = next(base.glob("summitlib-*.whl"))
    env_dir = base / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "summit_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"])
    (env_dir / "share").mkdir(exist_ok=True)  # the dependencies' data files: nbconvert templates
    (env_dir / "share" / "jupyter").symlink_to(Path(sys.prefix) / "share" / "jupyter")
    return env_dir


def in_env(env_dir: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run a program of the fresh environment in ``cwd`` (no cache folder inherited)."""
    env = {k: v for k, v in os.environ.items() if k not in {"SUMMIT_CACHE_DIR", "PYTHONPATH"}}
    return subprocess.run(
        [str(env_dir / "bin" / args[0]), *args[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_wheel_runs_summit_from_any_folder(installed: Path, tmp_path: Path) -> None:
    where = in_env(
        installed, ["python", "-c", "import summitlib; print(summitlib.__file__)"], tmp_path
    )
    assert where.stdout.startswith(str(installed)), where.stdout + where.stderr
    shipped = in_env(
        installed,
        [
            "python",
            "-c",
            "from summitlib import paths; print(paths.notebooks_dir()); "
            "print(paths.default_corpus_dir()); print(paths.checkout())",
        ],
        tmp_path,
    ).stdout.split()
    assert shipped[0].startswith(str(installed)) and shipped[1].startswith(str(installed))
    assert shipped[2] == "None"

    done = in_env(installed, ["summit", "validate"], tmp_path)
    assert done.returncode == 0 and "5 articles, valid" in done.stdout, done.stderr

    done = in_env(installed, ["summit", "run", "1", "--corpus", str(FIXTURE), "--quiet"], tmp_path)
    assert done.returncode == 0, done.stderr
    root = tmp_path / "reports"
    reports = root / FIXTURE.name  # each corpus gets its own report set under the root
    assert str(reports / "index.html") in done.stdout
    assert (root / "index.html").is_file(), "the top index lists the report sets"
    index = json.loads((reports / "index.json").read_text(encoding="utf-8"))
    assert [e["notebook"] for e in index["reports"]] == ["01_corpus_overview"]
    results_file = report_file(reports, "01_corpus_overview.results.json")
    results = json.loads(results_file.read_text("utf-8"))
    assert results["results"]["n_articles"] == 4  # the fixture corpus, not the bundled one
    assert (tmp_path / ".summit-cache").is_dir()

    copied = in_env(installed, ["summit", "notebooks", "mine"], tmp_path)
    assert copied.returncode == 0, copied.stderr
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == NOTEBOOKS


def test_summit_run_3_selects_03_stance() -> None:
    folder = ROOT / "notebooks"
    assert [p.stem for p in find_notebooks(folder, ["3"])] == ["03_stance"]
    assert [p.stem for p in find_notebooks(folder, ["03", "4"])] == [
        "03_stance",
        "04_expert_positions",
    ]
    assert [p.stem for p in find_notebooks(folder, ["03_stance.ipynb"])] == ["03_stance"]
    with pytest.raises(ParameterError, match="'30'"):
        find_notebooks(folder, ["30"])


def test_summit_notebooks_copies_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    target = tmp_path / "edit"
    assert main(["notebooks", str(target)]) == 0
    assert sorted(p.name for p in target.iterdir()) == NOTEBOOKS
    assert (target / NOTEBOOKS[0]).read_bytes() == (ROOT / "notebooks" / NOTEBOOKS[0]).read_bytes()
    (target / NOTEBOOKS[0]).write_text("my edits", encoding="utf-8")
    capsys.readouterr()
    assert main(["notebooks", str(target)]) == 2
    error = capsys.readouterr().err
    assert "already holds" in error and "--force" in error and "Traceback" not in error
    assert (target / NOTEBOOKS[0]).read_text(encoding="utf-8") == "my edits"
    assert main(["notebooks", str(target), "--force"]) == 0
    assert (target / NOTEBOOKS[0]).read_bytes() == (ROOT / "notebooks" / NOTEBOOKS[0]).read_bytes()
    with pytest.raises(ParameterError, match="is a file"):
        copy_notebooks(target / NOTEBOOKS[0])
