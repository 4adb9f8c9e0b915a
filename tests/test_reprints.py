"""Reprint detection: the hand-made test set, story_id/copy_of in documents.csv, validate."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pandas as pd
import pytest

from summitlib.cli import main
from summitlib.corpus.reader import load_corpus
from summitlib.corpus.reprints import (
    Article,
    containment,
    corpus_articles,
    find_reprints,
    reprint_groups,
    shingles,
)
from summitlib.evaluation.reprints import pair_scores

TESTSET = Path(__file__).resolve().parent / "fixtures" / "reprints"


@pytest.fixture(scope="module")
def testset():
    """The test set's articles, true stories and what the detector found."""
    corpus = load_corpus(TESTSET)
    articles = corpus_articles(corpus)
    truth = corpus.documents.set_index("doc_id")["story"]
    return articles, truth, find_reprints(articles)


def test_every_hand_labelled_reprint_is_found_and_no_other_pair(testset):
    _, _, found = testset
    story = found.set_index("doc_id")["story_id"]
    pairs = pd.read_csv(TESTSET / "pairs.csv")
    for pair in pairs.itertuples():
        same = story[pair.a] == story[pair.b]
        assert same == (pair.relation == "reprint"), (pair.a, pair.b, pair.kind)


def test_precision_and_recall_over_all_pairs_of_the_test_set(testset):
    _, truth, found = testset
    scores = pair_scores(found, truth)
    assert scores["pairs_true"] == 10
    assert scores["precision"] == 1.0
    assert scores["recall"] == 1.0


def test_copies_point_to_the_earliest_article(testset):
    _, _, found = testset
    rows = found.set_index("doc_id")
    assert rows.loc["r1_aggregator-2021-02-25", "copy_of"] == "o1_tass-2021-02-25"
    assert rows.loc["r7_regnum-2021-02-26", "story_id"] == "o1_tass-2021-02-25"
    assert rows.loc["o1_tass-2021-02-25", "copy_of"] == ""
    assert rows.loc["w2_analytics-2021-02-26", "story_id"] == "w2_analytics-2021-02-26"
    groups = reprint_groups(found)
    assert sorted(groups["n_copies"]) == [2, 2, 2, 2, 3, 3]


def test_an_earlier_copy_becomes_the_original_whatever_the_input_order(testset):
    articles, _, found = testset
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    assert find_reprints(shuffled).equals(found)
    backdated = [
        Article(a.doc_id, "2021-02-24", a.text) if a.doc_id.startswith("r7") else a
        for a in articles
    ]
    rows = find_reprints(backdated).set_index("doc_id")
    assert rows.loc["o1_tass-2021-02-25", "copy_of"] == "r7_regnum-2021-02-26"


def test_short_texts_are_never_grouped():
    line = "Putin and Lukashenko met in Sochi on Friday to discuss oil and gas."
    found = find_reprints([Article("a", "2021-01-01", line), Article("b", "2021-01-02", line)])
    assert list(found["copy_of"]) == ["", ""]


def test_shingles_ignore_case_and_punctuation_and_are_stable():
    a = shingles("The Union State, said the Kremlin, is not a merger of two states.")
    b = shingles("the union state said the kremlin is not a merger of two states")
    assert a == b and len(a) == 9
    assert containment(a, b) == 1.0
    assert containment(a, frozenset()) == 0.0
    assert shingles("one two three four five") == shingles("One two three four five.")


def test_documents_csv_gets_story_id_and_copy_of(tmp_path):
    out = tmp_path / "out"
    assert main(["annotate", "--corpus", str(TESTSET), "--out", str(out), "--quiet"]) == 0
    with (out / "documents.csv").open(encoding="utf-8") as handle:
        rows = {row["doc_id"]: row for row in csv.DictReader(handle)}
    assert rows["r4_dailynews-2020-02-08"]["copy_of"] == "o4_ap-2020-02-07"
    assert rows["r4_dailynews-2020-02-08"]["story_id"] == "o4_ap-2020-02-07"
    assert rows["s2_euronews-2020-02-07"]["copy_of"] == ""
    assert all(row["story_id"] for row in rows.values())


def test_validate_prints_the_reprint_groups(capsys):
    assert main(["validate", "--corpus", str(TESTSET)]) == 0
    out = capsys.readouterr().out
    assert "23 articles tell 15 stories; 6 stories were reprinted (8 copies):" in out
    assert "o5_xinhua-2024-12-07 <- r5_chinaview-2024-12-07 (0.97)" in out


def test_validate_says_when_there_are_no_reprints(capsys):
    assert main(["validate"]) == 0
    assert "5 articles tell 5 stories; no reprints found." in capsys.readouterr().out


def run_notebook(stem: str, out: Path, **parameters) -> dict:
    """Execute a notebook with papermill on the test set; return its results and its text."""
    import json

    import papermill

    out.mkdir(parents=True, exist_ok=True)
    notebook = Path(__file__).resolve().parent.parent / "notebooks" / f"{stem}.ipynb"
    papermill.execute_notebook(
        str(notebook),
        str(out / f"{stem}.ipynb"),
        parameters={"corpus_dir": str(TESTSET), "results_dir": str(out), **parameters},
        kernel_name="python3",
        cwd=str(out),
        progress_bar=False,
    )
    results = json.loads((out / f"{stem}.results.json").read_text())["results"]
    return results, (out / f"{stem}.ipynb").read_text()


def test_stance_counts_one_vote_per_story_by_default_and_says_so(tmp_path):
    story, text = run_notebook("03_stance", tmp_path / "story")
    article, article_text = run_notebook("03_stance", tmp_path / "article", count_by="article")
    assert story["count_by"] == "story" and story["n_articles_with_stance"] <= 15
    assert article["n_articles_with_stance"] > story["n_articles_with_stance"]
    assert article["n_integration_sentences"] > story["n_integration_sentences"]
    assert "Counting one vote per story: 15 stories from 23 articles" in text
    assert "Counting every article: 23 articles, of which 8 are reprints" in article_text


def test_positions_leave_out_the_quotes_of_reprints(tmp_path):
    story, _ = run_notebook("04_expert_positions", tmp_path / "story")
    article, _ = run_notebook("04_expert_positions", tmp_path / "article", count_by="article")
    assert article["n_quotes"] > story["n_quotes"] > 0


def test_the_overview_lists_the_reprint_groups(tmp_path):
    results, text = run_notebook("01_corpus_overview", tmp_path)
    assert results["n_stories"] == 15
    assert {r["original"]: r["copies"] for r in results["reprinted_stories"]}[
        "o1_tass-2021-02-25"
    ] == 3
    assert "The 23 articles tell **15 stories**" in text
