"""summit import html/table: real trafilatura, pandas and openpyxl on pages and exports."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from summitlib.cli import main
from summitlib.corpus.importers.dates import to_iso
from summitlib.corpus.reader import load_corpus

PAGES = Path(__file__).resolve().parent / "fixtures" / "import" / "pages"


def metadata(corpus: Path) -> dict[str, dict[str, str]]:
    """metadata.csv rows by their imported_from label's file or row."""
    with (corpus / "metadata.csv").open(encoding="utf-8") as handle:
        return {Path(r["imported_from"]).name: r for r in csv.DictReader(handle)}


def run(capsys, *args: str) -> tuple[int, str, str]:
    """The exit status, stdout and stderr of one summit command."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_saved_pages_become_a_valid_corpus_with_their_metadata(tmp_path, capsys):
    out = tmp_path / "corpus"
    status, text, _ = run(capsys, "import", "html", str(PAGES), "--out", str(out))
    assert status == 0
    rows = metadata(out)
    tass = rows["tass-union-programs-saved-again.html"]
    assert tass["published"] == "2021-12-13"  # JSON-LD datePublished, not dateModified
    assert tass["outlet"] == "TASS" and tass["url"] == "https://tass.com/politics/1374837"
    assert tass["title"] == "Lukashenko: 28 union programs to be implemented within five years"
    blog = rows["blog-sochi.htm"]  # found in a subfolder; <time> date, byline, Open Graph
    assert (blog["published"], blog["author"], blog["outlet"]) == (
        "2021-02-23",
        "Anna Sidorenko",
        "Minsk Watch",
    )
    cp1251 = rows["belnews-cp1251.html"]
    assert cp1251["title"] == "Лукашенко и Путин обсудили интеграцию"
    body = (out / "articles" / tass["file"]).read_text(encoding="utf-8")
    assert "We fix no deadlines" in body
    assert "Subscribe to our newsletter" not in body and "Read also" not in body
    assert len(load_corpus(out)) == 4
    assert "no-date.html: no publication date found in the page. Fix: pass --date-default" in text
    assert "menu-only.html: no article text could be extracted" in text
    assert "the same URL as" in text
    assert "imported 4, replaced 0, already in the corpus 0, skipped 3 (empty texts 1, " in text
    assert "duplicates by URL 1, duplicate texts 0, without a date 1)" in text


def test_a_second_import_adds_new_articles_and_keeps_existing_bytes(tmp_path, capsys):
    out = tmp_path / "corpus"
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(PAGES / "tass-union-programs.html", first)
    assert run(capsys, "import", "html", str(first), "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in (out / "articles").iterdir()}
    meta_before = (out / "metadata.csv").read_bytes()
    status, text, _ = run(
        capsys, "import", "html", str(PAGES), "--out", str(out), "--date-default", "2020-05-01"
    )
    assert status == 0
    assert "imported 4, replaced 0, already in the corpus 1" in text
    for name, data in before.items():
        assert (out / "articles" / name).read_bytes() == data
    assert (out / "metadata.csv").read_bytes().startswith(meta_before)
    rows = metadata(out)
    assert rows["no-date.html"]["published"] == "2020-05-01"
    assert rows["no-date.html"]["date_source"] == "--date-default"
    stories = load_corpus(out)
    assert len(stories) == 5


def test_a_changed_article_is_replaced_only_with_force(tmp_path, capsys):
    out, pages = tmp_path / "corpus", tmp_path / "pages"
    pages.mkdir()
    page = pages / "tass.html"
    shutil.copy(PAGES / "tass-union-programs.html", page)
    assert run(capsys, "import", "html", str(pages), "--out", str(out))[0] == 0
    original = next((out / "articles").iterdir()).read_bytes()
    page.write_text(page.read_text().replace("five years", "six years"), encoding="utf-8")
    status, text, _ = run(capsys, "import", "html", str(pages), "--out", str(out))
    assert status == 0 and "with another text. Fix: pass --force" in text
    assert next((out / "articles").iterdir()).read_bytes() == original
    status, text, _ = run(capsys, "import", "html", str(pages), "--out", str(out), "--force")
    assert status == 0 and "replaced 1" in text
    assert b"six years" in next((out / "articles").iterdir()).read_bytes()


def test_a_non_corpus_folder_is_not_written_without_force(tmp_path, capsys):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "todo.txt").write_text("mine", encoding="utf-8")
    status, _, err = run(capsys, "import", "html", str(PAGES), "--out", str(out))
    assert status == 2 and "is not empty and holds no metadata.csv" in err and "--force" in err
    assert sorted(p.name for p in out.iterdir()) == ["todo.txt"]


def test_nothing_importable_writes_nothing(tmp_path, capsys):
    out = tmp_path / "corpus"
    status, _, err = run(capsys, "import", "html", str(PAGES / "menu-only.html"), "--out", str(out))
    assert status == 2 and "no article could be imported" in err and "menu-only.html" in err
    assert not out.exists()


def cp1251_export(path: Path) -> Path:
    """A semicolon-separated cp1251 export with HTML, empty rows, bad and duplicate rows."""
    lines = [
        "Дата;Заголовок;Текст;Источник;Ссылка",
        '09.09.2021;Путин и Лукашенко;"<p>Президенты согласовали <b>28</b> союзных программ.</p>'
        '<p>Переговоры шли в Москве.</p>";Белорусские новости;https://example.by/1',
        ";;;;",
        "10.09.2021;Пустой текст;;Белорусские новости;https://example.by/2",
        "31.13.2021;Плохая дата;Текст статьи о саммите.;Белорусские новости;https://example.by/3",
        "11.09.2021;Повтор;Тот же адрес.;Белорусские новости;https://example.by/1",
        "13.09.2021;Эксперты;Эксперты оценили итоги встречи.;Наша Ніва;https://example.by/4",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return path


def test_a_cp1251_semicolon_export_is_read_with_guessed_columns(tmp_path, capsys):
    out = tmp_path / "corpus"
    source = cp1251_export(tmp_path / "export.csv")
    status, text, _ = run(capsys, "import", "table", str(source), "--out", str(out))
    assert status == 0
    assert "export.csv: read as cp1251, cells separated by ';'" in text
    assert "text = 'Текст' (guessed)" in text and "published = 'Дата' (guessed)" in text
    assert "export.csv: 1 empty rows left out" in text
    assert "export.csv row 4: the text cell ('Текст') is empty" in text
    assert "export.csv row 5: the date '31.13.2021' ('Дата') cannot be read" in text
    assert "export.csv row 6: the same URL as export.csv row 2" in text
    assert "imported 2," in text
    rows = metadata(out)
    first = rows["export.csv row 2"]
    assert (first["published"], first["date_original"]) == ("2021-09-09", "09.09.2021")
    body = (out / "articles" / first["file"]).read_text(encoding="utf-8")
    assert body == "Президенты согласовали 28 союзных программ.\n\nПереговоры шли в Москве."


def test_a_bom_export_with_mixed_date_formats_and_given_columns(tmp_path, capsys):
    source = tmp_path / "export.csv"
    rows = [
        ["story_id", "Headline", "Body", "When", "Site"],
        ["a1", "One", "Integration talks in Sochi. " * 3, "September 9, 2021", "TASS"],
        ["a2", "Two", "Loans and gas prices again. " * 3, "2021-09-10T08:00:00Z", "Reuters"],
        ["a3", "Three", "The Union State programmes. " * 3, "12/31/2021", "BelTA"],
        ["a4", "Four", "A treaty on security. " * 3, "44448", "Xinhua"],
    ]
    with source.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "corpus"
    args = ["import", "table", str(source), "--out", str(out), "--date", "When", "--id"]
    status, text, _ = run(capsys, *args, "story_id")
    assert status == 0, text
    got = {r["doc_id"]: r["published"] for r in metadata(out).values()}
    assert got == {"a1": "2021-09-09", "a2": "2021-09-10", "a3": "2021-12-31", "a4": "2021-09-09"}
    assert "title = 'Headline' (guessed)" in text and "published = 'When'," in text


def test_an_excel_export_with_date_cells_and_empty_rows(tmp_path, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Text", "Date", "URL"])
    sheet.append(["A", "Putin and Lukashenko met in Sochi.", dt.datetime(2021, 2, 22, 15, 0), "u1"])
    sheet.append([None, None, None, None])
    sheet.append(["B", "The talks lasted six hours.", dt.date(2021, 2, 23), "u2"])
    sheet.append(["C", "No date here.", None, "u3"])
    source = tmp_path / "export.xlsx"
    book.save(source)
    out = tmp_path / "corpus"
    status, text, _ = run(capsys, "import", "table", str(source), "--out", str(out))
    assert status == 0
    rows = metadata(out)
    assert rows["export.xlsx row 2"]["published"] == "2021-02-22"
    assert rows["export.xlsx row 4"]["published"] == "2021-02-23"
    assert "export.xlsx row 5: the date cell ('Date') is empty" in text
    assert "1 empty rows left out" in text


def test_json_lines_with_a_broken_line(tmp_path, capsys):
    source = tmp_path / "scrape.jsonl"
    good = {"content": "Lukashenko spoke about sovereignty.", "date": "2021-09-09", "url": "x"}
    source.write_text(
        json.dumps(good, ensure_ascii=False) + "\n{not json\n[1, 2]\n", encoding="utf-8"
    )
    out = tmp_path / "corpus"
    status, text, _ = run(capsys, "import", "table", str(source), "--out", str(out))
    assert status == 0
    assert (
        "scrape.jsonl line 2: is not valid JSON" in text and "Fix: fix or delete the line" in text
    )
    assert "scrape.jsonl line 3: is not a JSON object" in text
    assert "imported 1," in text


def test_a_tsv_with_a_named_text_column_that_does_not_exist(tmp_path, capsys):
    source = tmp_path / "export.tsv"
    source.write_text("body\tdate\nSome text\t2021-01-01\n", encoding="utf-8")
    args = ["import", "table", str(source), "--out", str(tmp_path / "c"), "--text", "Body"]
    status, _, err = run(capsys, *args)
    assert status == 2
    assert "--text 'Body' is not a column; the columns are 'body', 'date'" in err
    assert not (tmp_path / "c").exists()


def test_no_text_column_and_unknown_formats_are_refused_with_the_fix(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text("headline,date\nA,2021-01-01\n", encoding="utf-8")
    status, _, err = run(capsys, "import", "table", str(source), "--out", str(tmp_path / "c"))
    assert status == 2 and "no column holds the article text" in err and "--text COLUMN" in err
    odd = tmp_path / "export.ods"
    odd.write_bytes(b"PK")
    status, _, err = run(capsys, "import", "table", str(odd), "--out", str(tmp_path / "c"))
    assert status == 2 and "save the export as .csv, .tsv, .xlsx or .jsonl" in err
    status, _, err = run(
        capsys, "import", "table", str(source), "--out", "c", "--date-default", "22.02.2021"
    )
    assert status == 2 and "--date-default '22.02.2021' is not a date" in err


def test_a_malformed_csv_names_the_file_and_the_fix(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text('text,date\n"unclosed quote,2021-01-01\nx,y,z\n', encoding="utf-8")
    status, _, err = run(capsys, "import", "table", str(source), "--out", str(tmp_path / "c"))
    assert status == 2 and "export.csv" in err and "quote cells" in err


@pytest.mark.parametrize(
    ("value", "month_first", "expected"),
    [
        ("2021-09-09", False, "2021-09-09"),
        ("2021-09-09 12:30:00", False, "2021-09-09"),
        ("09.09.2021", False, "2021-09-09"),
        ("03/04/2021", False, "2021-04-03"),
        ("03/04/2021", True, "2021-03-04"),
        ("2021/9/9", False, "2021-09-09"),
        ("9 сентября 2021", False, "2021-09-09"),
        ("Sept. 9, 2021", False, "2021-09-09"),
        (44448, False, "2021-09-09"),
        (dt.datetime(2021, 9, 9, 23, 59), False, "2021-09-09"),
        ("31.02.2021", False, None),
        ("soon", False, None),
        ("12", False, None),
    ],
)
def test_dates_in_common_formats(value, month_first, expected):
    assert to_iso(value, month_first) == expected
