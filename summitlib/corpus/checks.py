"""Validation of a corpus folder against the annotation contract.

Every problem is collected (not just the first) and reported together as one
:class:`~summitlib.errors.CorpusError`, each naming the file, the row and the fix.
The folder is only read, never written.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from summitlib.corpus.record import CheckRecord
from summitlib.errors import CorpusError, Problem

REQUIRED_COLUMNS = ("file", "published")
SUMMIT_COLUMNS = ("summit_id", "start", "end")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01  # more control characters than this is not text in any encoding
CONTROL_ALLOWANCE = 8


@dataclass
class CheckedCorpus:
    """What validation read: the metadata rows (with ``doc_id`` filled in) and file hashes."""

    root: Path
    columns: list[str]
    rows: list[dict[str, str]]
    sha256: list[str]
    summits: list[dict[str, str]]
    paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_corpus(root: Path, record: CheckRecord | None = None) -> CheckedCorpus:
    """Read and validate a corpus folder; raise ``CorpusError`` listing every problem.

    With a ``record`` (:mod:`summitlib.corpus.record`) an article file unchanged on disk since
    it last passed is not read again; the record is updated when the corpus passes.
    """
    root = Path(root)
    if not root.is_dir():
        what = "does not exist" if not root.exists() else "is not a folder"
        raise CorpusError(root, [Problem(str(root), f"the corpus folder {what}", _FIX_ROOT)])
    problems: list[Problem] = []
    if not _check_links(root, problems):
        raise CorpusError(root, problems)
    columns, rows = _read_metadata(root, problems)
    plain = _plain_files(root / "articles")
    paths = [_check_row(root, row, line, plain, problems, record) for line, row in rows]
    _check_duplicates(rows, problems)
    warnings = _check_unlisted(root, [p for p, _ in paths if p is not None], problems)
    summits = _read_summits(root, problems)
    _check_summit_ids(rows, summits, problems)
    if not rows and not problems:
        problems.append(Problem("metadata.csv", "lists no articles", "add one row per article"))
    if problems:
        raise CorpusError(root, problems)
    if record is not None:
        record.save()
    rows_only = [row for _, row in rows]
    hashes, found = [sha for _, sha in paths], [path for path, _ in paths]
    return CheckedCorpus(root, columns, rows_only, hashes, summits, found, warnings)


def _check_links(root: Path, problems: list[Problem]) -> bool:
    """Refuse ``articles/`` or a CSV that is a link leading outside the corpus folder."""
    base = root.resolve()
    for name in ("articles", "metadata.csv", "summits.csv"):
        path = root / name
        if path.is_symlink() and not path.resolve().is_relative_to(base):
            what = f"is a link to {path.resolve()}, outside the corpus folder"
            fix = f"copy the {name} {'folder' if name == 'articles' else 'file'} into the corpus"
            problems.append(Problem(name, what, fix))
    return not problems


_FIX_ROOT = "pass the folder that holds metadata.csv and articles/ (for example --corpus corpus)"


def _read_csv(
    path: Path, name: str, problems: list[Problem]
) -> tuple[list[str], list[tuple[int, dict]]]:
    """Header and ``(line, row)`` pairs of a UTF-8 CSV file, recording what is malformed."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problems.append(_not_utf8(name, data, err, "save the file as UTF-8"))
        return [], []
    first = text.split("\n", 1)[0]
    if "," not in first and first.count(";") >= 1:
        what = f"looks semicolon-delimited (header {first.strip()[:60]!r})"
        fix = "save it as comma-separated CSV (in a spreadsheet: CSV with comma as separator)"
        problems.append(Problem(name, what, fix))
        return [], []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        problems.append(Problem(name, "is empty", "add a header row and one row per record"))
        return [], []
    except csv.Error as err:
        problems.append(Problem(name, f"cannot be parsed ({err})", "fix the CSV quoting"))
        return [], []
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                where = f"{name} line {reader.line_num}"
                what = f"has {len(values)} fields but the header has {len(header)}"
                problems.append(Problem(where, what, "quote cells that contain commas"))
                continue
            rows.append(
                (reader.line_num, {k: v.strip() for k, v in zip(header, values, strict=True)})
            )
    except csv.Error as err:
        what = f"cannot be parsed ({err})"
        problems.append(Problem(f"{name} line {reader.line_num}", what, "fix the CSV quoting"))
    return header, rows


def _read_metadata(root: Path, problems: list[Problem]) -> tuple[list[str], list[tuple[int, dict]]]:
    """The metadata rows, after checking the file and its required columns."""
    path = root / "metadata.csv"
    if not path.is_file():
        fix = "create metadata.csv with at least the columns file,published (see corpus/README.md)"
        problems.append(Problem("metadata.csv", "is missing", fix))
        return [], []
    header, rows = _read_csv(path, "metadata.csv", problems)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if header and missing:
        what = "has no column " + ", ".join(repr(c) for c in missing)
        problems.append(Problem("metadata.csv", what, "add the column to the header row"))
        return header, []
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        problems.append(
            Problem("metadata.csv", f"repeats the column {dupes}", "rename one of them")
        )
    for _, row in rows:
        row["doc_id"] = row.get("doc_id") or Path(row["file"]).stem
    columns = header if "doc_id" in header else ["doc_id", *header]
    return columns, rows


def _not_utf8(name: str, data: bytes, err: UnicodeDecodeError, fix: str) -> Problem:
    """The problem of a file that is not UTF-8, naming the line and the byte."""
    line = data[: err.start].count(b"\n") + 1
    byte = data[err.start : err.start + 1].hex()
    what = f"byte 0x{byte} at offset {err.start} is not UTF-8"
    return Problem(f"{name} line {line}", what, fix)


def _plain_files(folder: Path) -> frozenset[str]:
    """Names of the regular files (not links) directly in ``folder``, from one listing."""
    try:
        with os.scandir(folder) as entries:
            return frozenset(e.name for e in entries if e.is_file(follow_symlinks=False))
    except OSError:  # missing or unreadable: each row then says what is wrong
        return frozenset()


def _check_row(
    root: Path,
    row: dict[str, str],
    line: int,
    plain: frozenset[str],
    problems: list[Problem],
    record: CheckRecord | None = None,
) -> tuple[Path | None, str]:
    """Check one metadata row and its article file; return its path and SHA-256 (or "")."""
    where = f"metadata.csv line {line}"
    if not ISO_DATE.fullmatch(row["published"]) or not _is_date(row["published"]):
        what = f"published {row['published']!r} is not an ISO date"
        problems.append(Problem(where, what, "write the date as YYYY-MM-DD, e.g. 2021-09-09"))
    name = row["file"]
    if not name:
        problems.append(Problem(where, "the file cell is empty", "name the article file"))
        return None, ""
    path = _article_path(root, name, where, plain, problems)
    if path is None:
        return None, ""
    if record is None:
        return path, _check_article(path, f"articles/{name}", problems)
    before, known = record.known(name, path)
    if known:
        return path, known
    found = len(problems)
    sha = _check_article(path, f"articles/{name}", problems)
    if len(problems) == found:
        record.note(name, before, sha)
    return path, sha


def _article_path(
    root: Path, name: str, where: str, plain: frozenset[str], problems: list[Problem]
) -> Path | None:
    """The article's path if it is safely inside ``articles/`` and exists (``plain``: the
    names of the regular files directly in ``articles/``, which need no further check)."""
    if name in plain and "\\" not in name:  # articles/ itself passed _check_links
        return root / "articles" / name
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts or "\\" in name:
        fix = "give a file name relative to articles/, e.g. 2021-09-09-belta.txt"
        problems.append(Problem(where, f"file {name!r} points outside articles/", fix))
        return None
    path = _same_name(root / "articles", candidate)
    if not path.exists():
        fix = "add the file to articles/ or correct or remove the row"
        problems.append(Problem(where, f"file {name!r} does not exist in articles/", fix))
        return None
    if not path.resolve().is_relative_to((root / "articles").resolve()):
        fix = "copy the article into articles/ instead of linking to it"
        problems.append(
            Problem(where, f"file {name!r} is a link that leads outside articles/", fix)
        )
        return None
    if not path.is_file():
        problems.append(Problem(where, f"{name!r} is not a file", "point the row at a text file"))
        return None
    return path


def _same_name(folder: Path, name: Path) -> Path:
    """``folder/name``, or the file whose name differs only in Unicode normalisation (NFC/NFD)."""
    path = folder / name
    if path.exists() or len(name.parts) != 1 or not folder.is_dir():
        return path
    wanted = unicodedata.normalize("NFC", name.name)
    for other in folder.iterdir():
        if unicodedata.normalize("NFC", other.name) == wanted:
            return other
    return path


def _check_article(path: Path, name: str, problems: list[Problem]) -> str:
    """Check that an article is non-empty, plausible UTF-8 text; return its bytes' SHA-256."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        fix = "convert the file to UTF-8 (e.g. iconv -f cp1251 -t utf-8)"
        problems.append(_not_utf8(name, data, err, fix))
        return ""
    if not text.replace("\ufeff", "").strip():
        problems.append(
            Problem(name, "is empty", "put the article text in it or remove it and its row")
        )
    elif wrong := not_plain_text(text):
        problems.append(Problem(name, *wrong))
    return hashlib.sha256(data).hexdigest()


def not_plain_text(text: str) -> tuple[str, str] | None:
    """What is wrong with decoded text that holds NUL bytes or too many control characters."""
    nuls = text.count("\x00")
    if nuls:
        sample = text[:100_000]
        odd = sum(1 for i, c in enumerate(sample) if c == "\x00" and i % 2 == 1)
        nuls_seen = sample.count("\x00")
        guess = "UTF-16LE" if odd * 2 >= nuls_seen else "UTF-16BE"
        what = f"holds {nuls} NUL bytes: it looks like {guess} text without a byte-order mark"
        return what, f"convert it to UTF-8 (e.g. iconv -f {guess} -t UTF-8)"
    controls = len(CONTROL.findall(text))
    if controls > max(CONTROL_ALLOWANCE, MAX_CONTROL_SHARE * len(text)):
        what = f"holds {controls} control characters in {len(text)}: it is not plain text"
        return what, "save the article as UTF-8 text (not a binary or word-processor file)"
    return None


def _check_duplicates(rows: list[tuple[int, dict]], problems: list[Problem]) -> None:
    """Refuse a doc_id or a file that two rows share."""
    for key in ("doc_id", "file"):
        first: dict[str, int] = {}
        for line, row in rows:
            value = row[key]
            if value in first:
                what = f"{key} {value!r} repeats line {first[value]}"
                fix = (
                    "give every article its own doc_id"
                    if key == "doc_id"
                    else "list each file once"
                )
                problems.append(Problem(f"metadata.csv line {line}", what, fix))
            else:
                first[value] = line


def _check_unlisted(root: Path, listed: list[Path], problems: list[Problem]) -> list[str]:
    """Refuse article files that metadata.csv does not list; warn of ignored ``.TXT`` files."""
    folder = root / "articles"
    if not folder.is_dir():
        problems.append(
            Problem("articles/", "is missing", "create it and put the article files in it")
        )
        return []
    names = {unicodedata.normalize("NFC", path.name) for path in listed}
    warnings = []
    unlisted = (p for p in folder.iterdir() if unicodedata.normalize("NFC", p.name) not in names)
    for path in sorted(unlisted):
        if path.suffix.lower() != ".txt":
            continue
        if path.suffix == ".txt":
            fix = "add a row for it to metadata.csv, or move it out of articles/"
            problems.append(Problem(f"articles/{path.name}", "is not listed in metadata.csv", fix))
        else:
            warnings.append(
                f"articles/{path.name} is ignored: it is not listed in metadata.csv and only "
                "files ending in .txt are articles; rename it to .txt and list it, or move it out"
            )
    return warnings


def _read_summits(root: Path, problems: list[Problem]) -> list[dict[str, str]]:
    """The optional list of meetings, checked for columns and dates."""
    path = root / "summits.csv"
    if not path.is_file():
        return []
    header, rows = _read_csv(path, "summits.csv", problems)
    missing = [c for c in SUMMIT_COLUMNS if c not in header]
    if header and missing:
        what = "has no column " + ", ".join(repr(c) for c in missing)
        problems.append(Problem("summits.csv", what, "add the column to the header row"))
        return []
    for line, row in rows:
        for key in ("start", "end"):
            if not ISO_DATE.fullmatch(row[key]) or not _is_date(row[key]):
                what = f"{key} {row[key]!r} is not an ISO date"
                problems.append(Problem(f"summits.csv line {line}", what, "write it as YYYY-MM-DD"))
        if _is_date(row["start"]) and _is_date(row["end"]) and row["end"] < row["start"]:
            what = f"end {row['end']} is before start {row['start']}"
            problems.append(Problem(f"summits.csv line {line}", what, "swap or correct the dates"))
    return [row for _, row in rows]


def _check_summit_ids(
    rows: list[tuple[int, dict]], summits: list[dict], problems: list[Problem]
) -> None:
    """Refuse a metadata ``summit_id`` that summits.csv (when present) does not define."""
    known = {s["summit_id"] for s in summits}
    if not known:
        return
    for line, row in rows:
        value = row.get("summit_id", "")
        if value and value not in known:
            what = f"summit_id {value!r} is not in summits.csv"
            fix = "use one of " + ", ".join(sorted(known)) + " or add the meeting to summits.csv"
            problems.append(Problem(f"metadata.csv line {line}", what, fix))


def _is_date(value: str) -> bool:
    """Whether ``value`` is a real calendar date in ISO form."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(ISO_DATE.fullmatch(value))
