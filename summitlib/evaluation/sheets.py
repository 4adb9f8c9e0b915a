"""Coding sheets: a random sample of the machine's output for a person to code, read back checked.

Two kinds of sheet. A **stance** sheet samples the sentences the annotation took as being
about integration, stratified by machine label and article (:mod:`.sampling`); the coder
writes -1, 0, 1, or ``x`` (not about integration) in ``label``. A **quotes** sheet samples
candidate quotations: the machine's quotes and, for recall, the quoted passages and
sentences with a speech cue that it did not take as quotes; the coder writes the ``kind``
(direct, indirect, interview, or ``x``: not a quotation) and the ``speaker``.

Sheets are CSV in UTF-8 with a byte-order mark (so Excel and LibreOffice read the encoding),
every cell quoted (LibreOffice's Text Import splits at commas, semicolons and tabs alike), text
cells neutralised against formulas as in every table, with the codebook written beside
them as ``<sheet>.codebook.md``. Reading a sheet back checks it against the corpus: every
problem (a missing column, a label outside the allowed values, a duplicate, a text that no
longer matches the article, a sheet from another corpus) is reported with its line and fix.
A doc_id that a spreadsheet program read as a number ('0042' saved back as 42) is put back
from the row's file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from summitlib.corpus.reader import Corpus
from summitlib.errors import ParameterError, Problem, SheetError
from summitlib.evaluation.sampling import stratified_sample
from summitlib.extract.quotes import ACCORDING, VERB
from summitlib.paths import data_dir
from summitlib.pipeline.tables import Tables, atomic_write_text, to_csv_text
from summitlib.text.quotemarks import find_quoted
from summitlib.text.spans import overlap

KINDS = ("stance", "quotes")
COLUMNS = {
    "stance": ["row", "doc_id", "file", "start", "end", "before", "text"]
    + ["machine_label", "machine_score", "label", "note"],
    "quotes": ["row", "doc_id", "file", "start", "end", "text", "context"]
    + ["machine_speaker", "machine_kind", "speaker", "kind", "note"],
}
CODED = {"stance": "label", "quotes": "kind"}
ALLOWED = {"stance": ("-1", "0", "1", "x"), "quotes": ("direct", "indirect", "interview", "x")}
NOT_FOUND = "not found"
MIN_CODED = 10
BOM = "\ufeff"


@dataclass(frozen=True)
class CodedSheet:
    """The coded rows of a sheet (``value``: the coder's answer), with what was skipped."""

    path: Path
    kind: str
    rows: pd.DataFrame
    n_uncoded: int
    sha256: str


# --- populations: what a sheet samples from ---------------------------------------------


def _files(tables: Tables) -> dict[str, str]:
    """doc_id -> file name."""
    docs = tables.documents
    return dict(zip(docs["doc_id"], docs["file"], strict=True))


def stance_population(tables: Tables) -> pd.DataFrame:
    """Every stance row of the annotation, with the sentence before; stratum = machine label."""
    sentences = tables.sentences.set_index(["doc_id", "sent_id"])["text"].to_dict()
    stance = tables.stance
    files = _files(tables)
    return pd.DataFrame(
        {
            "doc_id": stance["doc_id"],
            "file": stance["doc_id"].map(files),
            "start": stance["start"].astype(int),
            "end": stance["end"].astype(int),
            "before": [
                sentences.get((d, int(i) - 1), "")
                for d, i in zip(stance["doc_id"], stance["sent_id"], strict=True)
            ],
            "text": stance["text"],
            "machine_label": stance["stance"].astype(int),
            "machine_score": stance["score"].astype(float),
            "stratum": stance["stance"].astype(int).astype(str),
        }
    )


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start:end`` shares a character with any span."""
    return any(overlap(start, end, s, e) > 0 for s, e in spans)


def _missed_candidates(corpus: Corpus, doc_id: str, tables: Tables) -> list[tuple[int, int]]:
    """Raw spans of quoted passages and speech-cue sentences that no machine quote overlaps."""
    quotes = tables.quotes[tables.quotes["doc_id"] == doc_id]
    found = list(zip(quotes["start"].astype(int), quotes["end"].astype(int), strict=True))
    cleaned = corpus[doc_id].cleaned()
    spans: list[tuple[int, int]] = []
    for q in find_quoted(cleaned.text):
        if q.inner(cleaned.text).strip():
            span = cleaned.to_raw(q.start, q.end)
            if not _overlaps(*span, found + spans):
                spans.append(span)
    sentences = tables.sentences[tables.sentences["doc_id"] == doc_id]
    for row in sentences.itertuples(index=False):
        span = (int(row.start), int(row.end))
        if (VERB.search(row.text) or ACCORDING.search(row.text)) and not _overlaps(
            *span, found + spans
        ):
            spans.append(span)
    return sorted(spans)


def _context(sentences: pd.DataFrame, raw: str, start: int, end: int) -> str:
    """The candidate with the sentence before and the sentence after it."""
    starts, ends = list(sentences["start"].astype(int)), list(sentences["end"].astype(int))
    first = max([i for i, e in enumerate(ends) if e <= start] or [0])
    last = min([i for i, s in enumerate(starts) if s >= end] or [len(starts) - 1])
    lo = min(starts[first], start) if starts else start
    hi = max(ends[last], end) if ends else end
    return raw[lo:hi]


def quote_population(corpus: Corpus, tables: Tables) -> pd.DataFrame:
    """The machine's quotes (stratum = their kind) and the candidates it left out."""
    files = _files(tables)
    rows = []
    for doc_id in corpus.doc_ids:
        raw = corpus.raw(doc_id)
        sentences = tables.sentences[tables.sentences["doc_id"] == doc_id]
        quotes = tables.quotes[tables.quotes["doc_id"] == doc_id]
        found = [
            (int(q.start), int(q.end), str(q.speaker), str(q.kind))
            for q in quotes.itertuples(index=False)
        ]
        missed = [(s, e, "", "") for s, e in _missed_candidates(corpus, doc_id, tables)]
        for start, end, speaker, kind in sorted(found + missed):
            rows.append(
                {
                    "doc_id": doc_id,
                    "file": files[doc_id],
                    "start": start,
                    "end": end,
                    "text": raw[start:end],
                    "context": _context(sentences, raw, start, end),
                    "machine_speaker": speaker,
                    "machine_kind": kind,
                    "stratum": "found" if kind else NOT_FOUND,
                }
            )
    columns = ["doc_id", "file", "start", "end", "text", "context"]
    columns += ["machine_speaker", "machine_kind", "stratum"]
    return pd.DataFrame(rows, columns=columns)


def population(kind: str, corpus: Corpus, tables: Tables) -> pd.DataFrame:
    """The rows a sheet of ``kind`` samples from."""
    if kind not in KINDS:
        raise ParameterError(f"--kind {kind!r} is not one of {', '.join(KINDS)}")
    return stance_population(tables) if kind == "stance" else quote_population(corpus, tables)


# --- writing ----------------------------------------------------------------------------


def make_sheet(kind: str, rows: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """A sheet of ``n`` rows drawn from a population: numbered, coder columns left empty."""
    if n < 1:
        raise ParameterError(f"--n must be at least 1, not {n}")
    if rows.empty:
        what = "sentences about integration" if kind == "stance" else "candidate quotations"
        raise ParameterError(f"the annotation found no {what} in this corpus: nothing to sample")
    sample = stratified_sample(rows, n, seed)
    sample.insert(0, "row", range(1, len(sample) + 1))
    for column in COLUMNS[kind]:
        if column not in sample:
            sample[column] = ""
    return sample[COLUMNS[kind]]


def codebook_path(sheet: Path) -> Path:
    """``SHEET.codebook.md`` beside ``SHEET.csv``."""
    return sheet.with_name(f"{sheet.stem}.codebook.md")


def codebook(kind: str, sheet: Path) -> str:
    """The coding rules for a sheet of ``kind``, headed with the sheet's name."""
    body = (data_dir() / "codebooks" / f"{kind}.md").read_text(encoding="utf-8")
    return f"<!-- coding rules for {sheet.name} -->\n{body}"


def sheet_text(sheet: pd.DataFrame) -> str:
    """The sheet's CSV text: formulas neutralised as in every table, and every cell quoted,
    since LibreOffice's Text Import also splits unquoted cells at semicolons and tabs."""
    rows = csv.reader(io.StringIO(to_csv_text(sheet), newline=""))
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue()


def write_sheet(
    sheet: pd.DataFrame, kind: str, out: Path, corpus: Corpus, force: bool = False
) -> list[Path]:
    """Write the sheet (UTF-8 with BOM, formulas neutralised) and its codebook; never overwrite
    an existing file without ``force`` and never write inside the corpus."""
    out = Path(out)
    book = codebook_path(out)
    if out.resolve().is_relative_to(corpus.root.resolve()):
        raise ParameterError(
            f"--out {out} is inside the corpus folder {corpus.root}; "
            "write the sheet outside it (the corpus is never written to)"
        )
    if out.suffix.lower() != ".csv":
        raise ParameterError(f"--out {out} must end in .csv (the sheet is a CSV file)")
    for path in (out, book):
        if path.exists() and not force:
            raise ParameterError(
                f"--out: {path} already exists and may hold coding; choose another name "
                "or pass --force to replace it"
            )
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, BOM + sheet_text(sheet))
    atomic_write_text(book, codebook(kind, out))
    return [out, book]


# --- reading ----------------------------------------------------------------------------


def sheet_kind(columns: list[str]) -> str:
    """'stance' or 'quotes', from the machine columns a sheet carries ('' if neither)."""
    if "machine_label" in columns:
        return "stance"
    if "machine_kind" in columns or "machine_speaker" in columns:
        return "quotes"
    return ""


def _read_table(path: Path) -> pd.DataFrame:
    """A sheet's cells as text (comma, semicolon or tab separated; UTF-8 with or without BOM)."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise ParameterError(f"--sheet {path}: cannot read the file ({err.strerror})") from None
    except UnicodeDecodeError as err:
        raise SheetError(
            path,
            [
                Problem(
                    f"byte {err.start}",
                    "the file is not UTF-8",
                    "save it again as 'CSV UTF-8' (Excel) or with the UTF-8 character set",
                )
            ],
        ) from None
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    try:
        return pd.read_csv(
            io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, engine="python"
        )
    except (ValueError, csv.Error) as err:
        raise SheetError(
            path, [Problem("the file", f"is not a readable CSV table ({err})", "save it as CSV")]
        ) from None


def same_text(cell: str, raw: str) -> bool:
    """Whether a sheet cell still holds the article's text (formula guard and spacing aside)."""

    def plain(value: str) -> str:
        value = value[1:] if value.startswith("'") else value
        return " ".join(value.split())

    return plain(cell) == plain(raw)


def _label(kind: str, value: str) -> str:
    """A coder's cell normalised ('+1' and '1.0' -> '1', 'X' -> 'x'); '' when not allowed."""
    value = value.strip().lower()
    if kind == "stance":
        try:
            number = float(value)
        except ValueError:
            return value if value in ALLOWED[kind] else "?"
        return str(int(number)) if number in (-1, 0, 1) else "?"
    return value if value in ALLOWED[kind] else "?"


def _row_problems(
    kind: str, row: dict, where: str, corpus: Corpus, texts: dict[str, str]
) -> list[Problem]:
    """What is wrong with one coded row: its label, its offsets, its text."""
    problems = []
    coded = row[CODED[kind]]
    if _label(kind, coded) == "?":
        allowed = ", ".join(ALLOWED[kind])
        problems.append(
            Problem(where, f"{CODED[kind]} {coded!r} is not allowed", f"write one of {allowed}")
        )
    doc_id = row["doc_id"]
    if doc_id not in texts:
        return problems + [
            Problem(
                where,
                f"doc_id {doc_id!r} is not in the corpus {corpus.root}",
                "pass --corpus the folder the sheet was sampled from, or delete the row",
            )
        ]
    if row.get("file") and row["file"] != corpus[doc_id].file:
        problems.append(
            Problem(
                where,
                f"file {row['file']!r} is not the file of {doc_id} ({corpus[doc_id].file})",
                "pass --corpus the folder the sheet was sampled from",
            )
        )
    try:
        start, end = int(row["start"]), int(row["end"])
    except ValueError:
        return problems + [
            Problem(where, "start and end must be whole numbers", "copy them back from the sheet")
        ]
    raw = texts[doc_id]
    if not 0 <= start < end <= len(raw) or not same_text(row["text"], raw[start:end]):
        problems.append(
            Problem(
                where,
                f"the text no longer matches {doc_id} at {start}:{end} (the article changed "
                "since the sheet was drawn, or the cell was edited)",
                "draw a new sheet with summit sample, or restore the row's text",
            )
        )
    return problems


def _as_number(cell: str) -> float | None:
    """A cell read as a number ('42', '1.00E+05'), or None."""
    try:
        number = float(cell)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _same_number(cell: str, doc_id: str) -> bool:
    """Whether a cell is a spreadsheet's rendering of a numeric doc_id ('0042' shown as 42,
    '1e5' as 1.00E+05, a long id rounded to the digits shown)."""
    shown, real = _as_number(cell.strip()), _as_number(doc_id)
    return shown is not None and real is not None and math.isclose(shown, real, rel_tol=1e-5)


def restore_doc_ids(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Put back doc_ids that a spreadsheet turned into numbers, from the row's ``file`` (a name
    ending in .txt, which no spreadsheet reads as a number); other cells are left as they are."""
    known = set(corpus.doc_ids)
    by_file = {corpus[d].file: d for d in corpus.doc_ids}

    def restore(doc_id: str, file: str) -> str:
        real = by_file.get(file.strip())
        if doc_id in known or real is None or not _same_number(doc_id, real):
            return doc_id
        return real

    doc_ids = [restore(d, f) for d, f in zip(table["doc_id"], table["file"], strict=True)]
    return table.assign(doc_id=doc_ids)


def _duplicates(table: pd.DataFrame) -> list[Problem]:
    """Rows that repeat a row number or a span already in the sheet."""
    problems, seen_row, seen_span = [], {}, {}
    for i, row in table.iterrows():
        line = i + 2
        span = (row["doc_id"], row["start"], row["end"])
        for key, seen, what in ((row["row"], seen_row, "row number"), (span, seen_span, "span")):
            if key in seen:
                problems.append(
                    Problem(
                        f"line {line} (row {row['row']})",
                        f"repeats the {what} of line {seen[key]}",
                        "keep one of the two lines and delete the other",
                    )
                )
            seen.setdefault(key, line)
    return problems


def read_sheet(
    path: Path, corpus: Corpus, kind: str | None = None, minimum: int = MIN_CODED
) -> CodedSheet:
    """The coded rows of a filled sheet, checked against the corpus (uncoded rows skipped)."""
    path = Path(path)
    table = _read_table(path)
    table.columns = [str(c).strip().lstrip("'") for c in table.columns]
    found = sheet_kind(list(table.columns))
    if kind and found and found != kind:
        raise SheetError(
            path,
            [
                Problem(
                    "the header",
                    f"is that of a {found} sheet",
                    f"give a {kind} sheet (summit sample --kind {kind})",
                )
            ],
        )
    kind = kind or found or "stance"
    missing = [c for c in COLUMNS[kind] if c not in table.columns and c != "note"]
    if missing:
        fix = f"fill the column {CODED[kind]!r} of a sheet written by summit sample --kind {kind}"
        raise SheetError(path, [Problem("the header", f"has no column {missing[0]!r}", fix)])
    table = restore_doc_ids(table, corpus)
    coded = table[table[CODED[kind]].str.strip() != ""]
    texts = {d: corpus.raw(d) for d in corpus.doc_ids}
    if not set(coded["doc_id"]) & set(texts) and len(coded):
        raise SheetError(
            path,
            [
                Problem(
                    "every row",
                    f"names articles that are not in the corpus {corpus.root}",
                    "pass --corpus the folder the sheet was sampled from",
                )
            ],
        )
    problems = _duplicates(table)
    for i, row in coded.iterrows():
        where = f"line {i + 2} (row {row['row']})"
        problems += _row_problems(kind, row.to_dict(), where, corpus, texts)
    if problems:
        raise SheetError(path, problems)
    rows = coded.assign(value=[_label(kind, v) for v in coded[CODED[kind]]])
    rows = rows.astype({"start": int, "end": int}).reset_index(drop=True)
    usable = int((rows["value"] != "x").sum()) if kind == "stance" else len(rows)
    if usable < minimum:
        what = "rows coded -1, 0 or 1" if kind == "stance" else "coded rows"
        raise SheetError(
            path,
            [
                Problem(
                    "the sheet",
                    f"has {usable} {what}; at least {minimum} are needed",
                    f"code {minimum - usable} more rows",
                )
            ],
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return CodedSheet(path, kind, rows, len(table) - len(coded), digest)


def with_population(sheet: CodedSheet, rows: pd.DataFrame) -> pd.DataFrame:
    """The coded rows joined to the population (their stratum), refusing rows it lacks or that
    the annotation labels differently (the sheet was drawn with another model)."""
    key = ["doc_id", "start", "end"]
    machine = "machine_label" if sheet.kind == "stance" else "machine_kind"
    joined = sheet.rows.merge(
        rows[[*key, "stratum", machine]].rename(columns={machine: "now"}), on=key, how="left"
    )
    problems = []
    for i, row in joined.iterrows():
        now = "" if pd.isna(row["now"]) else str(row["now"])
        if pd.isna(row["stratum"]) or now != str(row[machine]).strip():
            shown = now or "no row"
            problems.append(
                Problem(
                    f"row {sheet.rows.loc[i, 'row']}",
                    f"the sheet says {machine} {row[machine]!r} but the annotation now gives "
                    f"{shown!r} at {row['doc_id']} {row['start']}:{row['end']}",
                    "pass --stance-model the model the sheet was drawn with, or draw a new sheet",
                )
            )
    if problems:
        raise SheetError(sheet.path, problems)
    return joined.drop(columns="now")
