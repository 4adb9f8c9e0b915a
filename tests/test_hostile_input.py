"""Hostile and broken input: each case works correctly or is refused cleanly, nothing written."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from conftest import write_corpus

from summitlib import CorpusError, annotate, load_corpus
from summitlib.cli import main

HEADER = "file,doc_id,published,title\n"
NEWS = (
    "MINSK, 9 September (BelTA). Alexander Lukashenko and Vladimir Putin met in Moscow on "
    "Thursday. \u201cWe have agreed on all 28 programmes,\u201d Lukashenko said. Analyst Artyom "
    "Shraibman said that the deal brings integration no closer.\n"
)


def one_article(root: Path, content: str | bytes, title: str = "t") -> Path:
    """A corpus of one article published on 2021-09-10."""
    return write_corpus(root, {"a.txt": content}, HEADER + f'a.txt,a,2021-09-10,"{title}"\n')


def assert_offsets_hold(root: Path) -> None:
    """Annotate and check that every row of every table points at its own text in the raw file."""
    corpus = load_corpus(root)
    tables = annotate(corpus, cache=False)
    raws = {d.doc_id: d.raw for d in corpus}
    for name in ("sentences", "actors", "dates", "quotes", "stance", "amounts"):
        for row in getattr(tables, name).itertuples():
            assert 0 <= row.start <= row.end <= len(raws[row.doc_id]), (name, row)
            assert raws[row.doc_id][row.start : row.end] == row.text, (name, row)


def refused_without_output(root: Path, tmp_path: Path, capsys, *expected: str) -> None:
    """`summit annotate` refuses the corpus with one message and writes nothing."""
    out = tmp_path / "out"
    assert main(["annotate", "--corpus", str(root), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("summit: error:")
    for text in expected:
        assert text in err
    assert not out.exists()


def test_byte_order_mark(tmp_path):
    assert_offsets_hold(one_article(tmp_path / "c", "\ufeff" + NEWS))


def test_windows_line_endings(tmp_path):
    assert_offsets_hold(one_article(tmp_path / "c", NEWS.replace("\n", "\r\n") * 3))


def test_control_characters(tmp_path):
    assert_offsets_hold(
        one_article(tmp_path / "c", "Putin and\x07 Lukashenko\x1b met.\x0c\n" + NEWS)
    )


def test_non_utf8_names_file_and_byte(tmp_path, capsys):
    root = one_article(tmp_path / "c", NEWS.encode() + b"\xe9t\xe9")
    refused_without_output(root, tmp_path, capsys, "articles/a.txt", "byte 0xe9 at offset")


def test_five_megabyte_article(tmp_path):
    paragraphs = [
        NEWS.replace("9 September", f"{d % 28 + 1} March")
        for d in range(5 * 2**20 // len(NEWS) + 1)
    ]
    root = one_article(tmp_path / "c", "\n".join(paragraphs))
    assert (root / "articles" / "a.txt").stat().st_size >= 5 * 2**20
    corpus = load_corpus(root)
    tables = annotate(corpus, cache=False)
    assert len(tables.sentences) > 10_000 and len(tables.quotes) > 1_000


def test_one_megabyte_line_without_newline(tmp_path):
    line = "Putin met Lukashenko and they spoke about integration, roads and gas prices; " * 14_000
    assert len(line) > 2**20 and "\n" not in line
    assert_offsets_hold(one_article(tmp_path / "c", line))


def test_only_punctuation(tmp_path):
    assert_offsets_hold(one_article(tmp_path / "c", "!!! ... ??? \u2014 \u201c\u201d ,,, ;;;\n"))


def test_only_whitespace_is_refused(tmp_path, capsys):
    root = one_article(tmp_path / "c", " \n\t\u00a0\n")
    with pytest.raises(CorpusError):
        load_corpus(root)
    refused_without_output(root, tmp_path, capsys, "articles/a.txt: is empty")


@pytest.mark.parametrize("name", ["../outside.txt", "/etc/passwd", "sub/../../x.txt"])
def test_file_escaping_the_corpus_is_refused(tmp_path, capsys, name):
    root = write_corpus(tmp_path / "c", {}, HEADER + f"{name},a,2021-09-10,t\n")
    (tmp_path / "outside.txt").write_text(NEWS)
    refused_without_output(root, tmp_path, capsys, "points outside articles/")


def test_symlink_leading_outside_is_refused(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text(NEWS)
    root = write_corpus(tmp_path / "c", {}, HEADER + "a.txt,a,2021-09-10,t\n")
    os.symlink(secret, root / "articles" / "a.txt")
    refused_without_output(root, tmp_path, capsys, "is a link that leads outside articles/")


def test_formulas_are_neutralised_in_every_csv(tmp_path):
    text = '=HYPERLINK("http://x")\n+SUM(A1)\n-2+3 is what Putin said.\n@cmd Lukashenko agreed.\n'
    root = one_article(tmp_path / "c", text + NEWS, title="=1+2")
    out = tmp_path / "out"
    assert main(["annotate", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
    for path in sorted(out.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell)
                    if cell.startswith("-"):
                        float(cell)  # only numbers may start with a minus sign
    documents = (out / "documents.csv").read_text(encoding="utf-8")
    assert "'=1+2" in documents


def test_read_only_corpus_works(tmp_path):
    root = one_article(tmp_path / "c", NEWS)
    paths = [root, root / "articles", root / "articles" / "a.txt", root / "metadata.csv"]
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    before = sorted((p, p.stat().st_mtime_ns) for p in root.rglob("*"))
    try:
        out = tmp_path / "out"
        assert main(["annotate", "--corpus", str(root), "--out", str(out), "--quiet"]) == 0
        assert (out / "quotes.csv").exists()
        assert sorted((p, p.stat().st_mtime_ns) for p in root.rglob("*")) == before
    finally:
        for path in paths:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_output_inside_the_corpus_is_refused(tmp_path, capsys):
    root = one_article(tmp_path / "c", NEWS)
    assert main(["annotate", "--corpus", str(root), "--out", str(root / "out"), "--quiet"]) == 2
    assert "inside the corpus folder" in capsys.readouterr().err
    assert not (root / "out").exists()
