"""The coding sheet in a real spreadsheet program: LibreOffice Calc, headless.

What a coder does: open the sheet written by ``summit sample``, type the labels, save it as CSV
and give it to ``summit agreement``. Here LibreOffice imports the sheets (CSV -> xlsx, read back
with openpyxl, so we see the cells and their types as Calc holds them), the labels are put
into that workbook with openpyxl as a coder's typing leaves them (numbers for -1, 0, 1, text
otherwise), and LibreOffice saves it as CSV again. The corpus is hostile on purpose: sentences
that start with ``=HYPERLINK(...)``, ``+7``, ``-1``, ``@x`` and ``=1+1``, commas, semicolons,
double quotes, curly quotes, em dashes, Cyrillic, CRLF line ends, a quotation over two lines, and
article files whose names a spreadsheet reads as numbers or dates (``0042``, ``1e5``,
``2021-02-25``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import write_corpus

from summitlib import load_corpus
from summitlib.cli import main
from summitlib.evaluation.sheets import COLUMNS, read_sheet

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install --no-install-recommends "
    "libreoffice-calc)",
)

# LibreOffice's CSV filter options, one token per field of its Text Import dialog: the
# separators that dialog ticks by default (tab, comma and semicolon, LibreOffice 7.4), double
# quote, UTF-8 (76, which the dialog preselects), from line 1, standard columns, default
# language, quoted fields not forced to text; then "detect special numbers" and (token 13)
# "evaluate formulas" both on, which the dialog leaves off: the least forgiving import, as
# Excel's, which evaluates formulas in a CSV.
IMPORT = "CSV:9/44/59,34,76,1,,0,false,true,false,false,false,-1,true"
# Saving as CSV: comma, double quote, UTF-8, cell contents as shown (LibreOffice's defaults).
EXPORT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"
NUMBERS = {"row", "start", "end", "machine_label", "machine_score"}
HYPERLINK = '=HYPERLINK("http://example.org/x","click")'

ARTICLES = {
    "0042.txt": (
        f"{HYPERLINK} Belarus and Russia signed the Union State integration programmes, "
        '"28 of them", in Minsk.\n\n'
        "+7 Minsk said integration with Russia would deepen — a “road map” for the Union State.\n\n"
        "@x Lukashenko said the Union State integration talks reached deadlock, and “nobody, not "
        "even Moscow, wants a merger.”\n\n"
        "-1 percent: the integration of Belarus and Russia stalled again, said Лукашенко.\n\n"
        "=1+1 is not how integration works, said the opposition; deeper integration threatens "
        "Belarusian sovereignty.\n"
    ),
    "1e5.txt": (
        "Путин and Лукашенко discussed deeper integration of the Union State in Sochi.\r\n\r\n"
        '"Integration must not mean a loss of sovereignty," Alexander Lukashenko said, "we will '
        'never, ever give it up."\r\n\r\n'
        "The analyst Artyom Shraibman said: “The road maps of integration are a compromise;\r\n"
        "the tax and gas questions remain open.”\r\n\r\n"
        "Integration with Russia, Minsk insists, will not touch the Belarusian ruble, the army or "
        "the border.\r\n"
    ),
    "2021-02-25.txt": (
        'Dmitry Peskov said integration with Belarus was "a long process, step by step".\n'
        "0.10 percent of Belarusians support integration with Russia into one state, a poll said.\n"
        "Integration of Russia and Belarus — the Union State — would deepen, Putin said on "
        "Friday.\n"
        "«Интеграция — это не поглощение», said Sergei Lavrov, welcoming the integration road "
        "maps.\n"
        "The Kremlin welcomed the integration of the two economies; Minsk welcomed the cheap gas.\n"
    ),
}
METADATA = (
    "file,published,title\n0042.txt,2021-02-22,Formulas\n1e5.txt,2021-09-09,Cyrillic\n"
    "2021-02-25.txt,2021-02-25,Dated\n"
)
# What the coder types: a number for -1, 0, 1 (as Calc stores it), text for the rest.
TYPED = {
    "stance": {"label": [1, 0, -1, "x", -1, 1, 0, 1]},
    "quotes": {
        "kind": ["direct", "indirect", "x", "direct", "interview"],
        "speaker": ["Александр Лукашенко", "Dmitry Peskov, spokesman", "", "“Putin”", "x"],
    },
}


def soffice(files: list[Path], convert_to: str, out: Path, infilter: str = "") -> list[Path]:
    """Convert files in one LibreOffice run (a profile of its own, so a LibreOffice already
    running is neither used nor disturbed); the converted files."""
    profile = out.parent / "libreoffice-profile"
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    command += [f"--infilter={infilter}"] if infilter else []
    command += ["--convert-to", convert_to, "--outdir", str(out), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    converted = [out / f"{f.stem}.{convert_to.split(':')[0]}" for f in files]
    assert done.returncode == 0 and all(p.exists() for p in converted), done.stdout + done.stderr
    return converted


def read_rows(sheet: Path) -> list[dict]:
    """A CSV sheet's rows, as Python's csv module reads them."""
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def cells(book: Path) -> list[list[openpyxl.cell.Cell]]:
    """The cells of a workbook's first sheet, row by row."""
    return [list(row) for row in openpyxl.load_workbook(book).active.iter_rows()]


def summit(*args: object) -> int:
    """Run the summit command line in this process; its exit status."""
    return main([str(a) for a in args])


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The hostile corpus, its two sheets, and both (with a control file of raw, unneutralised
    cells) opened in LibreOffice with one soffice run."""
    folder = tmp_path_factory.mktemp("office")
    corpus = write_corpus(folder / "corpus", ARTICLES, METADATA)
    sheets = {kind: folder / f"{kind}.csv" for kind in COLUMNS}
    for kind, sheet in sheets.items():
        assert summit("sample", "--corpus", corpus, "--out", sheet, "--kind", kind) == 0
    control = folder / "control.csv"
    with control.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([["cell"], *[[p] for p in ARTICLES["0042.txt"].split("\n\n")]])
    books = soffice([*sheets.values(), control], "xlsx", folder / "xlsx", IMPORT)
    return {"folder": folder, "corpus": corpus, "sheets": sheets, "books": books}


def expected(column: str, cell: str) -> object:
    """The value a CSV cell should have in Calc: a number where the cell is one, else the
    text itself (line breaks as Calc keeps them)."""
    if cell == "":
        return None
    try:
        return float(cell) if column in NUMBERS | {"doc_id"} else cell.replace("\r\n", "\n")
    except ValueError:  # a doc_id that does not read as a number
        return cell


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_every_row_and_column_is_in_place_with_its_text_intact(opened, kind):
    written = read_rows(opened["sheets"][kind])
    grid = cells(opened["books"][list(COLUMNS).index(kind)])
    header, rows = [c.value for c in grid[0]], grid[1:]
    assert header == COLUMNS[kind]  # the BOM is not part of the first header, nothing shifted
    assert len(rows) == len(written) >= 12
    for row, line in zip(rows, written, strict=True):
        assert len(row) == len(COLUMNS[kind])
        for cell, column in zip(row, COLUMNS[kind], strict=True):
            value = cell.value
            if isinstance(value, dt.datetime):  # a doc_id such as 2021-02-25, kept as ISO
                value = value.date().isoformat()
            assert value == expected(column, line[column]), (line["row"], column)
            if column not in NUMBERS | {"doc_id"} and value is not None:
                assert cell.data_type == "s", (line["row"], column)
    shown = "\n".join(str(c.value) for row in rows for c in row)
    for text in ("Лукашенко", "«Интеграция — это не поглощение»", "“road map”", ", ever give"):
        assert text in shown


def test_cells_that_start_like_formulas_stay_text(opened):
    books = [cells(b) for b in opened["books"][:2]]
    assert [c.value for grid in books for row in grid for c in row if c.data_type == "f"] == []
    text = [c.value for grid in books for row in grid[1:] for c in row if c.data_type == "s"]
    risky = {v for v in text if v.startswith("'")}
    assert {v[1] for v in risky} == {"=", "+", "-", "@"}  # shown as written, apostrophe first
    assert any(v.startswith(f"'{HYPERLINK} Belarus") for v in risky)
    # The same sentences without the apostrophe: this import evaluates them, so the check bites.
    control = {c.value: c.data_type for row in cells(opened["books"][2])[1:] for c in row}
    formulas = [v for v, t in control.items() if t == "f"]
    assert len(formulas) == 1 and formulas[0].startswith(HYPERLINK)  # parsed: its text changes


@pytest.fixture(scope="module")
def saved(opened) -> dict:
    """The coder's round trip: labels typed into Calc's workbooks, saved back as CSV by
    LibreOffice (one soffice run for both sheets)."""
    typed = opened["folder"] / "typed"
    typed.mkdir()
    for kind, book in zip(COLUMNS, opened["books"][:2], strict=True):
        workbook = openpyxl.load_workbook(book)
        sheet = workbook.active
        header = [c.value for c in sheet[1]]
        for column, values in TYPED[kind].items():
            for i in range(2, sheet.max_row + 1):
                value = values[(i - 2) % len(values)]
                sheet.cell(i, header.index(column) + 1).value = value if value != "" else None
        workbook.save(typed / f"{kind}.xlsx")
    books = [typed / f"{kind}.xlsx" for kind in COLUMNS]
    return dict(zip(COLUMNS, soffice(books, EXPORT, opened["folder"] / "saved"), strict=True))


def by_hand(sheet: Path, kind: str, out: Path) -> Path:
    """The same labels written straight into the sheet with Python's csv module."""
    rows = read_rows(sheet)
    for i, row in enumerate(rows):
        for column, values in TYPED[kind].items():
            row[column] = str(values[i % len(values)])
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_a_sheet_saved_back_from_libreoffice_is_accepted_with_the_labels_typed(opened, saved, kind):
    corpus, folder = opened["corpus"], opened["folder"]
    rows = read_rows(saved[kind])
    assert list(rows[0]) == COLUMNS[kind] and len(rows) == len(read_rows(opened["sheets"][kind]))
    assert "42" in {r["doc_id"] for r in rows}  # Calc rewrote the doc_id 0042: put back by file
    if kind == "stance":
        assert {r["label"] for r in rows} == {"-1", "0", "1", "x"}  # not -1.0
    else:
        assert "Александр Лукашенко" in {r["speaker"] for r in rows}
    out = folder / f"{kind}.json"
    assert summit("agreement", "--corpus", corpus, "--sheet", saved[kind], "--json", out) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["n_coded"] >= 10 and report["n_uncoded"] == 0
    # What agreement scores is what the coder typed: the same as the labels written by hand.
    hand = by_hand(opened["sheets"][kind], kind, folder / f"{kind}-hand.csv")
    key = ["doc_id", "start", "end", "value", *(["speaker"] if kind == "quotes" else [])]
    coded = [read_sheet(s, load_corpus(corpus), kind, 1).rows[key] for s in (saved[kind], hand)]
    assert coded[0].equals(coded[1])
