"""Every bad-corpus case is refused with one message naming the file, the row and the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_corpus

from summitlib import CorpusError, load_corpus
from summitlib.cli import main

GOOD = "Putin and Lukashenko met in Sochi on Monday.\n"
HEADER = "file,doc_id,published\n"


def refuse(root: Path, capsys: pytest.CaptureFixture, *expected: str) -> str:
    """Assert that the API and `summit validate` both refuse ``root``; return the message."""
    with pytest.raises(CorpusError) as err:
        load_corpus(root)
    message = str(err.value)
    for text in expected:
        assert text in message
    assert "Fix:" in message
    assert main(["validate", "--corpus", str(root)]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.err.startswith("summit: error: corpus")
    for text in expected:
        assert text in captured.err
    return message


def test_missing_metadata(tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    refuse(tmp_path, capsys, "metadata.csv: is missing", "create metadata.csv")


def test_missing_corpus_folder(tmp_path, capsys):
    refuse(tmp_path / "nowhere", capsys, "does not exist")


def test_missing_required_column(tmp_path, capsys):
    write_corpus(tmp_path, {"a.txt": GOOD}, "file,doc_id\na.txt,a\n")
    refuse(tmp_path, capsys, "metadata.csv: has no column 'published'")


def test_listed_file_that_does_not_exist(tmp_path, capsys):
    meta = HEADER + "a.txt,a,2021-02-22\nb.txt,b,2021-02-23\n"
    write_corpus(tmp_path, {"a.txt": GOOD}, meta)
    refuse(tmp_path, capsys, "metadata.csv line 3", "'b.txt' does not exist in articles/")


def test_article_not_listed(tmp_path, capsys):
    write_corpus(tmp_path, {"a.txt": GOOD, "stray.txt": GOOD}, HEADER + "a.txt,a,2021-02-22\n")
    refuse(tmp_path, capsys, "articles/stray.txt: is not listed in metadata.csv")


def test_duplicate_doc_id(tmp_path, capsys):
    meta = HEADER + "a.txt,same,2021-02-22\nb.txt,same,2021-02-23\n"
    write_corpus(tmp_path, {"a.txt": GOOD, "b.txt": GOOD}, meta)
    refuse(tmp_path, capsys, "metadata.csv line 3", "doc_id 'same' repeats line 2")


def test_duplicate_default_doc_id_from_file_name(tmp_path, capsys):
    meta = "file,published,doc_id\na.txt,2021-02-22,\nb.txt,2021-02-23,a\n"
    write_corpus(tmp_path, {"a.txt": GOOD, "b.txt": GOOD}, meta)
    refuse(tmp_path, capsys, "doc_id 'a' repeats line 2")


@pytest.mark.parametrize("value", ["25/02/2021", "2021-02-30", "February 25, 2021", "", "2021-2-5"])
def test_published_not_an_iso_date(tmp_path, capsys, value):
    write_corpus(tmp_path, {"a.txt": GOOD}, HEADER + f'a.txt,a,"{value}"\n')
    refuse(tmp_path, capsys, "metadata.csv line 2", f"published {value!r} is not an ISO date")


def test_bytes_that_are_not_utf8(tmp_path, capsys):
    cp1251 = "Лукашенко".encode("cp1251")
    write_corpus(tmp_path, {"a.txt": b"Talks with " + cp1251}, HEADER + "a.txt,a,2021-02-22\n")
    refuse(tmp_path, capsys, "articles/a.txt", "byte 0xcb at offset 11 is not UTF-8", "iconv")


@pytest.mark.parametrize("content", ["", "   \n\t\n", "\ufeff\n"])
def test_empty_article(tmp_path, capsys, content):
    write_corpus(tmp_path, {"a.txt": content}, HEADER + "a.txt,a,2021-02-22\n")
    refuse(tmp_path, capsys, "articles/a.txt: is empty")


def test_all_problems_are_reported_together(tmp_path, capsys):
    meta = HEADER + "a.txt,a,yesterday\nmissing.txt,b,2021-02-22\n"
    write_corpus(tmp_path, {"a.txt": b"\xff\xfe", "extra.txt": GOOD}, meta)
    message = refuse(tmp_path, capsys, "(4 problems)")
    assert "yesterday" in message and "missing.txt" in message
    assert "extra.txt" in message and "not UTF-8" in message


def test_bad_summit_reference(tmp_path, capsys):
    write_corpus(tmp_path, {"a.txt": GOOD}, "file,published,summit_id\na.txt,2021-02-22,x\n")
    (tmp_path / "summits.csv").write_text("summit_id,start,end\ny,2021-02-22,2021-02-21\n")
    refuse(tmp_path, capsys, "summit_id 'x' is not in summits.csv", "end 2021-02-21 is before")


def test_ragged_metadata_row(tmp_path, capsys):
    write_corpus(tmp_path, {"a.txt": GOOD}, HEADER + "a.txt,a,2021-02-22,extra, cell\n")
    refuse(tmp_path, capsys, "metadata.csv line 2: has 5 fields but the header has 3")


def test_valid_corpus_is_summarised(corpus_copy, capsys):
    assert main(["validate", "--corpus", str(corpus_copy)]) == 0
    out = capsys.readouterr().out
    assert "5 articles, valid." in out and "2021-10-01-transitions" in out


def test_console_script_prints_no_traceback(tmp_path):
    write_corpus(tmp_path, {"a.txt": ""}, HEADER + "a.txt,a,2021-02-22\n")
    summit = Path(sys.executable).parent / "summit"
    result = subprocess.run(
        [str(summit), "validate", "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "articles/a.txt: is empty" in result.stderr
    help_text = subprocess.run([str(summit), "--help"], capture_output=True, text=True).stdout
    assert "validate" in help_text and "annotate" in help_text
