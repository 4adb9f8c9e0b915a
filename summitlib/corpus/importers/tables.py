"""Table exports (CSV, TSV, Excel ``.xlsx``, JSON lines) read into one record per row.

CSV and TSV files are decoded as UTF-8 (with or without a byte-order mark) or, failing
that, in the encoding charset-normalizer detects (cp1251 exports of Russian databases);
the delimiter (comma, semicolon, tab, pipe) is sniffed. Rows are numbered as a spreadsheet
shows them (the header is row 1); JSON lines by their line number.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from summitlib.corpus.importers.cells import cell_text, html_to_text, looks_like_html
from summitlib.corpus.importers.columns import choose_columns
from summitlib.corpus.importers.dates import month_first_order, to_iso
from summitlib.corpus.importers.records import Imported, Skip
from summitlib.errors import SourceError

EXCEL = (".xlsx", ".xlsm")
JSON_LINES = (".jsonl", ".ndjson", ".json")
DELIMITED = (".csv", ".tsv", ".tab", ".txt")


def read_rows(path: Path, notes: list[str]) -> tuple[pd.DataFrame, list[str], list[Skip]]:
    """The rows of a table file (all cells as read), their labels, and unreadable rows."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SourceError(f"{path}: no such file; pass a CSV, TSV, .xlsx or JSON lines file")
    if suffix in EXCEL:
        table = pd.read_excel(path, dtype=object, engine="openpyxl")
        return table, [f"{path.name} row {i + 2}" for i in range(len(table))], []
    if suffix in JSON_LINES:
        return _read_json_lines(path)
    if suffix in DELIMITED:
        return _read_delimited(path, notes)
    raise SourceError(
        f"{path}: cannot read {suffix or 'files without an extension'}; "
        "save the export as .csv, .tsv, .xlsx or .jsonl"
    )


def _read_delimited(path: Path, notes: list[str]) -> tuple[pd.DataFrame, list[str], list[Skip]]:
    """A CSV/TSV file in its encoding, with its delimiter."""
    text, encoding = _decode(path)
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else _sniff(text)
    if encoding != "utf-8" or delimiter != ",":
        notes.append(f"{path.name}: read as {encoding}, cells separated by {delimiter!r}")
    try:
        table = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, csv.Error) as err:
        raise SourceError(
            f"{path}: cannot be parsed ({err}); quote cells that contain the delimiter "
            f"{delimiter!r} or line breaks"
        ) from None
    except pd.errors.EmptyDataError:
        raise SourceError(f"{path}: is empty; export the table with a header row") from None
    return table, [f"{path.name} row {i + 2}" for i in range(len(table))], []


def _decode(path: Path) -> tuple[str, str]:
    """The file's text and encoding name (UTF-8 first, then the detected one)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(f"{path}: the text encoding cannot be recognised; save it as UTF-8")
    return str(best), best.encoding


def _sniff(text: str) -> str:
    """The delimiter of a delimited text (comma when unclear)."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _read_json_lines(path: Path) -> tuple[pd.DataFrame, list[str], list[Skip]]:
    """One record per line that holds a JSON object; other lines are skipped with a reason."""
    records, labels, bad = [], [], []
    text, _ = _decode(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            bad.append(Skip(where, f"is not valid JSON ({err.msg})", "fix or delete the line"))
            continue
        if not isinstance(record, dict):
            bad.append(Skip(where, "is not a JSON object", "write one {...} object per line"))
            continue
        records.append(record)
        labels.append(where)
    return pd.DataFrame.from_records(records), labels, bad


def read_table(
    path: Path,
    given: dict[str, str | None],
    *,
    month_first: bool | None = None,
    date_default: str | None = None,
    notes: list[str],
) -> Iterator[Imported | Skip]:
    """One record (or the reason for skipping) per row of a table export."""
    path = Path(path)
    table, labels, bad = read_rows(path, notes)
    yield from bad
    if table.empty and not len(table.columns):
        raise SourceError(f"{path}: holds no rows; export the table with a header row")
    columns = [str(c) for c in table.columns]
    table.columns = columns
    chosen, guessed = choose_columns(str(path), columns, given)
    notes.append(_describe(chosen, guessed))
    if month_first is None and "published" in chosen:
        month_first = bool(month_first_order(table[chosen["published"]]))
    empty_rows = 0
    for label, (_, row) in zip(labels, table.iterrows(), strict=True):
        cells = {field: cell_text(row[column]) for field, column in chosen.items()}
        if not any(cell_text(v).strip() for v in row.to_numpy()):
            empty_rows += 1
            continue
        yield _record(label, row, chosen, cells, bool(month_first), date_default)
    if empty_rows:
        notes.append(f"{path.name}: {empty_rows} empty rows left out")


def _record(
    label: str,
    row: pd.Series,
    chosen: dict[str, str],
    cells: dict[str, str],
    month_first: bool,
    date_default: str | None,
) -> Imported | Skip:
    """The record of one row, or why it cannot be imported."""
    text = cells["text"]
    if looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        column = chosen["text"]
        return Skip(
            label, f"the text cell ({column!r}) is empty", "fill it or delete the row", "empty"
        )
    original = cells.get("published", "").strip()
    raw = row[chosen["published"]] if "published" in chosen else None
    published = to_iso(raw, month_first) if original else None
    source = f"column {chosen['published']!r}" if published else ""
    if published is None and date_default:
        published, source = date_default, "--date-default"
    if published is None:
        return _no_date(label, chosen, original)
    return Imported(
        source=label,
        text=text,
        published=published,
        title=cells.get("title", "").strip(),
        author=cells.get("author", "").strip(),
        outlet=cells.get("outlet", "").strip(),
        url=cells.get("url", "").strip(),
        date_original=original,
        date_source=source,
        source_id=cells.get("id", "").strip(),
    )


def _no_date(label: str, chosen: dict[str, str], original: str) -> Skip:
    """The skip of a row whose date is missing or unreadable."""
    fix = "write it as YYYY-MM-DD, or pass --date-default YYYY-MM-DD"
    if "published" not in chosen:
        return Skip(
            label, "no date column", "name it with --date COLUMN, or --date-default", "no_date"
        )
    column = chosen["published"]
    if not original:
        return Skip(label, f"the date cell ({column!r}) is empty", fix, "no_date")
    return Skip(label, f"the date {original!r} ({column!r}) cannot be read", fix, "no_date")


def _describe(chosen: dict[str, str], guessed: list[str]) -> str:
    """The columns used, saying which were guessed."""
    parts = []
    for field, column in chosen.items():
        mark = " (guessed)" if field in guessed else ""
        parts.append(f"{field} = {column!r}{mark}")
    return (
        "columns: "
        + ", ".join(parts)
        + ("; name others with --text, --date, ..." if guessed else "")
    )
