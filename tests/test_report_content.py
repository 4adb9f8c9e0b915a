"""What a reader sees in the published HTML: numbers that agree, no debris, no machine paths.

Read from the bundled corpus's report set (``published``, built once per session) and from
a validation report on the fixture corpus, which has no gold standard.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import report_file

from summitlib import annotate, load_corpus
from summitlib.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_corpus"


def body(page: Path) -> str:
    """The page's body as text a reader sees (tags dropped, entities decoded)."""
    markup = page.read_text(encoding="utf-8").split("<body", 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def results(folder: Path, stem: str) -> dict:
    """The results file of one report."""
    return json.loads((folder / f"{stem}.results.json").read_text(encoding="utf-8"))["results"]


@pytest.fixture(scope="module")
def without_gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The validation report of a corpus that has no gold folder."""
    reports = tmp_path_factory.mktemp("nogold")
    assert main(["run", "5", "--corpus", str(FIXTURE), "--reports", str(reports), "--quiet"]) == 0
    return report_file(reports, ".")


@pytest.fixture(scope="module")
def published(published: Path) -> Path:
    """The current run folder of the bundled report set: the reports as published."""
    return report_file(published, ".")


def test_no_machine_paths_debris_or_negative_zero_in_any_report(published: Path) -> None:
    for page in sorted(published.glob("*.html")):
        text = body(page)
        if page.stem == "01_corpus_overview":  # its removal table shows the debris on purpose
            text = text.split("2. What cleaning removed")[0] + text.split("3. Who is mentioned")[1]
        for path in (str(ROOT), str(published), "/tmp/", ".staging-", "/work/"):
            assert path not in text, f"{page.name}: {path}"
        for debris in ("](#)", "https://", "http://", "oscowtimes.com", "<https"):
            assert debris not in text, f"{page.name}: {debris}"
        assert not re.search(r"(?<![\w.])-0\.0+(?!\d)", text), f"{page.name}: -0.00"
        assert not re.search(r"\b1 (articles|quotes|hits|mentions|sentences|amounts)\b", text)
        assert '<th class="index_name' not in page.read_text(encoding="utf-8"), page.name


def test_report_01_counts_removed_characters_like_summit_validate(published: Path) -> None:
    corpus = load_corpus(ROOT / "corpus")
    removed = int(corpus.documents["n_removed"].sum())
    assert results(published, "01_corpus_overview")["chars_removed"] == removed
    text = body(published / "01_corpus_overview.html")
    assert f"Cleaning removed {removed:,} of" in text
    assert not re.search(r"'\[|\[\s*'|'\\r'|'\\ufeff'", text), "a Python repr in the table"
    assert "5 articles" in text and "The bundled corpus" in text


def test_tables_align_text_left_numbers_right_and_keep_dates_whole(published: Path) -> None:
    page = (published / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert re.search(r'<td [^>]*class="[^"]*\bdate\b[^"]*"\s*>2019-03-01<', page)
    assert re.search(r'<td [^>]*class="[^"]*\bnumber\b', page)
    assert re.search(r'<td [^>]*class="[^"]*\btext\b', page)
    assert "td.number { text-align: right !important" in page


def test_report_04_uses_one_scale_and_its_aggregates_come_from_the_rows_shown(
    published: Path,
) -> None:
    text = body(published / "04_expert_positions.html")
    assert "-2 (against integration) to +2 (for it)" in text
    shown = [
        float(v) for v in re.findall(r"(?:direct|indirect|interview) , ([+-]?\d\.\d\d):", text)
    ]
    assert shown and all(-2 <= v <= 2 for v in shown)
    positions = annotate(load_corpus(ROOT / "corpus")).positions
    checked = 0
    for row in results(published, "04_expert_positions")["speakers"]:
        own = positions[positions["speaker"] == row["speaker"]]["score"]
        assert row["position"] == pytest.approx(own.mean(), abs=1e-4), row["speaker"]
        name = re.escape(row["speaker"])
        by_article = r" \([^)]*\) — position by article: (.*?)(?= (?:direct|indirect|interview) ,)"
        line = re.search(name + by_article, text)
        if line is None:  # records are shown for the eight most quoted speakers
            continue
        checked += 1
        listed = [float(v) for v in re.findall(r": ([+-]?\d\.\d\d)", line.group(1))]
        assert sum(listed) / len(listed) == pytest.approx(row["position"], abs=0.01)
        mean = re.search(r"mean ([+-]?\d\.\d\d)", line.group(1))
        assert mean is None or float(mean.group(1)) == pytest.approx(row["position"], abs=0.005)
        assert "|" not in row["role"]
    assert checked == 8
    assert "Babich (Russian Ambassador to Belarus)" in text


def test_report_05_explains_optional_gold_rows_and_lists_no_empty_tables(published: Path) -> None:
    text = body(published / "05_validation.html")
    assert re.search(
        r"42 quotes \(38 required, 4 optional\), 28 dates \(25 required, 3 optional\)", text
    )
    assert "neither needed nor counted as spurious" in text
    assert "gold: gold" not in text and "gold/ in the corpus folder" in text
    assert "Quotes : none missed and none spurious" in text or "Quotes : none missed, 1" in text
    assert " 0 missed" not in text and " 0 spurious" not in text


def test_report_05_without_gold_says_so_and_how_to_make_one(without_gold: Path) -> None:
    text = body(without_gold / "05_validation.html")
    assert "This corpus has no gold standard" in text and "CODEBOOK.md" in text
    assert text.count("Not scored: this corpus has no gold standard") == 3
    assert "all checks passed" not in text
    assert "no gold standard, so no scores to check" in text


def test_report_03_disagreements_say_which_side_to_check(published: Path) -> None:
    page = (published / "03_stance.html").read_text(encoding="utf-8")
    text = body(published / "03_stance.html")
    assert ">gold</th>" in page and ">check</th>" in page
    assert "which side it supports" in text
    cell = r'class="[^"]*\b(?:token|text)\b[^"]*"\s*>(stance|tone|neither|read it)<'
    checks = re.findall(cell, page)
    assert checks, "each disagreement names the side the gold supports"
    assert "(-1..+1, 95% CI)" not in text  # axis labels live in the figure, not the text
    assert "article-level score" in text and "-2..+2 scale" in text


def test_report_02_amounts_carry_their_topic(published: Path) -> None:
    found = results(published, "02_chronology")
    assert "(none)" not in found["amounts_by_topic"]
    frame = annotate(load_corpus(ROOT / "corpus")).amounts
    assert set(frame.loc[frame["text"].str.contains("1.5 billion"), "topic"]) == {"loan"}
    assert isinstance(frame, pd.DataFrame)
