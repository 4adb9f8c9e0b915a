"""The record of the last corpus check: unchanged articles are not read again, anything that
changed on disk is checked in full, and a bad corpus is refused with the same message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import write_corpus

import summitlib.corpus.checks as checks
import summitlib.corpus.record as record
from summitlib import CorpusError, load_corpus

GOOD = "Putin and Lukashenko met in Sochi on Monday.\n"
META = "file,doc_id,published\na.txt,a,2021-02-22\nb.txt,b,2021-02-23\n"


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count files written before the check as settled (the tests' files are seconds old)."""
    monkeypatch.setattr(record, "SETTLE_NS", 0)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The article files the corpus check reads."""
    seen: list[str] = []
    original = checks._check_article

    def counted(path: Path, name: str, problems: list) -> str:
        seen.append(name)
        return original(path, name, problems)

    monkeypatch.setattr(checks, "_check_article", counted)
    return seen


def corpus(tmp_path: Path) -> Path:
    """A small corpus of two good articles."""
    return write_corpus(tmp_path / "c", {"a.txt": GOOD, "b.txt": GOOD + "More.\n"}, META)


def test_an_unchanged_corpus_is_not_read_again(tmp_path, settled, reads):
    root = corpus(tmp_path)
    first = load_corpus(root)
    assert sorted(reads) == ["articles/a.txt", "articles/b.txt"]
    reads.clear()
    again = load_corpus(root)
    assert reads == []
    assert [(d.doc_id, d.sha256, d.path) for d in again] == [
        (d.doc_id, d.sha256, d.path) for d in first
    ]
    assert sorted(p.name for p in root.rglob("*")) == ["a.txt", "articles", "b.txt", "metadata.csv"]
    assert record.record_path(root).is_file()


def test_a_changed_article_is_checked_again_even_with_its_old_mtime(tmp_path, settled, reads):
    root = corpus(tmp_path)
    load_corpus(root)
    path = root / "articles" / "a.txt"
    before = os.stat(path)
    path.write_bytes(b"\xff" * before.st_size)  # same size, not UTF-8
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime put back
    reads.clear()
    with pytest.raises(CorpusError) as err:
        load_corpus(root)
    assert reads == ["articles/a.txt"]
    with pytest.raises(CorpusError) as full:
        load_corpus(root, remember=False)
    assert str(err.value) == str(full.value)
    assert "byte 0xff at offset 0 is not UTF-8" in str(err.value)


def test_a_changed_article_gets_its_new_hash(tmp_path, settled):
    root = corpus(tmp_path)
    old = load_corpus(root)["a"].sha256
    (root / "articles" / "a.txt").write_text(GOOD.upper(), encoding="utf-8")
    assert load_corpus(root)["a"].sha256 != old
    assert load_corpus(root)["a"].sha256 == load_corpus(root, remember=False)["a"].sha256


def test_a_file_changed_just_before_the_check_is_not_recorded(tmp_path, reads):
    root = corpus(tmp_path)  # written now: within the settling time
    load_corpus(root)
    reads.clear()
    load_corpus(root)
    assert sorted(reads) == ["articles/a.txt", "articles/b.txt"]


def test_a_bad_corpus_is_refused_with_the_same_message_after_a_good_check(tmp_path, settled):
    root = corpus(tmp_path)
    load_corpus(root)
    (root / "articles" / "stray.txt").write_text(GOOD, encoding="utf-8")
    (root / "metadata.csv").write_text(META + "c.txt,c,2021-02-30\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        load_corpus(root)
    with pytest.raises(CorpusError) as full:
        load_corpus(root, remember=False)
    assert str(err.value) == str(full.value)
    assert "articles/stray.txt: is not listed" in str(err.value)
    assert "'c.txt' does not exist" in str(err.value)


@pytest.mark.parametrize("content", [b"garbage{", b'{"format": 1, "files": [1]}', b"[]"])
def test_a_damaged_record_is_ignored(tmp_path, settled, reads, content):
    root = corpus(tmp_path)
    load_corpus(root)
    record.record_path(root).write_bytes(content)
    reads.clear()
    assert len(load_corpus(root)) == 2
    assert sorted(reads) == ["articles/a.txt", "articles/b.txt"]


def test_a_record_that_cannot_be_written_does_not_fail_the_check(tmp_path, settled, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(blocker))
    assert len(load_corpus(corpus(tmp_path))) == 2
