"""Each corpus gets its own report set (reports/<corpus name>/), and the top index lists every
set with its corpus name, article count and date range: a run on one corpus never replaces
another corpus's reports."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat

from summitlib import load_corpus
from summitlib.reports.run import run_reports

FIXTURE = Path(__file__).parent / "fixtures" / "small_corpus"
BUNDLED = Path(__file__).resolve().parent.parent / "corpus"


def notebook(folder: Path) -> Path:
    """A quick notebook that reads its corpus and prints its size."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Corpus size\n\nHow many articles?"),
        nbformat.v4.new_code_cell(
            "corpus_dir = None  # the corpus", metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell(
            "import summitlib\nprint(len(summitlib.load_corpus(corpus_dir)))"
        ),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / "01_size.ipynb")
    return folder


def files(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def span(root: Path) -> tuple[int, str, str]:
    """Article count, first and last publication date of a corpus."""
    dates = sorted(d.published.isoformat() for d in load_corpus(root))
    return len(dates), dates[0], dates[-1]


def test_each_corpus_has_its_own_set_and_the_top_index_lists_them(tmp_path):
    books, root = notebook(tmp_path / "books"), tmp_path / "reports"
    run_reports(notebooks=books, reports_root=root)
    bundled = files(root / "bundled")
    run_reports(notebooks=books, params={"corpus_dir": str(FIXTURE)}, reports_root=root)
    assert files(root / "bundled") == bundled, "the bundled reports are untouched"
    assert json.loads((root / "small_corpus" / "index.json").read_text())["corpus"]["name"] == (
        "small_corpus"
    )
    same_name = tmp_path / "elsewhere" / "small_corpus"
    shutil.copytree(BUNDLED, same_name, ignore=shutil.ignore_patterns("gold"))
    run_reports(notebooks=books, params={"corpus_dir": str(same_name)}, reports_root=root)
    other = [p.name for p in root.iterdir() if re.fullmatch(r"small_corpus-[0-9a-f]{6}", p.name)]
    assert len(other) == 1, "a different corpus of the same name gets a folder of its own"
    page = (root / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td>(.*?)</tr>", page, re.S)
    assert len(rows) == 3
    for folder, corpus in [("bundled", BUNDLED), ("small_corpus", FIXTURE), (other[0], same_name)]:
        count, first, last = span(corpus)
        row = next(r for r in rows if f'href="{folder}/index.html"' in r)
        assert f"<td>{count}</td>" in row and f"{first} to {last}" in row, row
        set_page = (root / folder / "index.html").read_text(encoding="utf-8")
        assert f"{count} articles, published {first} to {last}" in set_page
    assert str(tmp_path) not in page, "no machine path in what readers see"
