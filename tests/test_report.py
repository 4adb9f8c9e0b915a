"""The analysis helpers: parameter checks, results files, KWIC, dates, statistics, baselines."""

from __future__ import annotations

import datetime as dt
import json
import math

import pandas as pd
import pytest

from summitlib.analysis import calendar, findings, groups, speakers, stats, tables, textviews
from summitlib.analysis import params as checks
from summitlib.analysis import results as results_file
from summitlib.errors import ParameterError
from summitlib.evaluation import baselines
from summitlib.extract.positions import quote_positions
from summitlib.extract.stance import speaker_score
from summitlib.pipeline.tables import Tables


def test_check_parameters_normalises_values(tmp_path) -> None:
    checked = checks.check_parameters(
        corpus_dir=str(tmp_path),
        results_dir=".",
        date_from="2021-01-01",
        date_to=None,
        terms="Union State, gas",
        top_n_actors=5.0,
        threshold=0,
        speakers=None,
    )
    assert checked["corpus_dir"] == tmp_path
    assert checked["date_from"] == dt.date(2021, 1, 1) and checked["date_to"] is None
    assert checked["terms"] == ["Union State", "gas"]
    assert checked["top_n_actors"] == 5 and checked["threshold"] == 0.0


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"date_from": "2022-13-01"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"date_from": "2022-05-01", "date_to": "2021-01-01"}, "date_from"),
        ({"group_by": "country"}, "group_by"),
        ({"min_granularity": "decade"}, "min_granularity"),
        ({"threshold": 1.5}, "threshold"),
        ({"threshold": "high"}, "threshold"),
        ({"top_n_actors": 0}, "top_n_actors"),
        ({"top_n_actors": True}, "top_n_actors"),
        ({"min_quotes": "two"}, "min_quotes"),
        ({"terms": [1, 2]}, "terms"),
        ({"terms": ["", " "]}, "terms"),
        ({"speakers": 3}, "speakers"),
        ({"summit": ""}, "summit"),
        ({"corpus_dir": "/no/such/folder/anywhere"}, "corpus_dir"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_parameters_name_the_parameter(params: dict, name: str) -> None:
    with pytest.raises(ParameterError, match=name):
        checks.check_parameters(**params)


def test_check_summit_against_known_ids() -> None:
    assert checks.check_summit(None, ["a"]) is None
    assert checks.check_summit("a", ["a", "b"]) == "a"
    with pytest.raises(ParameterError, match="summit 'c'"):
        checks.check_summit("c", ["a", "b"])


def test_write_results_is_plain_sorted_json(tmp_path) -> None:
    import numpy as np

    results = {"b": np.int64(3), "a": float("nan"), "when": dt.date(2020, 1, 2), "s": {2, 1}}
    path = results_file.write_results("99_demo", results, tmp_path / "out", {"p": tmp_path})
    data = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == "99_demo.results.json"
    assert data["results"] == {"a": None, "b": 3, "s": [1, 2], "when": "2020-01-02"}
    assert data["parameters"] == {"p": str(tmp_path)} and data["notebook"] == "99_demo"


def test_require_raises() -> None:
    results_file.require(True, "fine")
    with pytest.raises(results_file.InconsistentResults, match="broken"):
        results_file.require(False, "broken")


def test_kwic_finds_terms_case_insensitively_on_word_boundaries() -> None:
    texts = {"a": "The Union  State grew. Reunion states differ.", "b": "union state? UNION STATE!"}
    table = textviews.kwic(texts, "union state", width=10)
    assert list(table["doc_id"]) == ["a", "b", "b"]
    assert table["match"].iloc[0] == "Union State"
    assert table["left"].iloc[0] == "The"
    lines = textviews.kwic_lines(table, width=10).splitlines()
    assert len(lines) == 3 and all(line.index("[") == 11 for line in lines)


def test_kwic_and_dispersion_on_empty_input() -> None:
    assert textviews.kwic({}, "x").empty
    assert textviews.dispersion({"a": ""}, ["x"]).empty


def test_dispersion_positions_are_relative_and_ordered() -> None:
    hits = textviews.dispersion({"d1": "gas " * 4, "d2": "oil and gas"}, ["gas", "oil"])
    assert hits["position"].between(0, 1).all()
    assert list(hits[hits["doc_id"] == "d2"]["term"]) == ["gas", "oil"]
    assert set(hits["doc_index"]) == {0, 1}


def test_highlight_escapes_html() -> None:
    assert textviews.highlight("<b>gas</b> Gas", ["gas"]) == (
        "&lt;b&gt;<mark>gas</mark>&lt;/b&gt; <mark>Gas</mark>"
    )


@pytest.mark.parametrize(
    ("value", "first", "last", "granularity"),
    [
        ("2020-09-14", "2020-09-14", "2020-09-14", "day"),
        ("2020-02", "2020-02-01", "2020-02-29", "month"),
        ("2021-W08", "2021-02-22", "2021-02-28", "week"),
        ("2019-H2", "2019-07-01", "2019-12-31", "half"),
        ("2019-Q1", "2019-01-01", "2019-03-31", "quarter"),
        ("1999", "1999-01-01", "1999-12-31", "year"),
        ("2020-12/2021-01-15", "2020-12-01", "2021-01-15", "month"),
    ],
)
def test_value_interval(value: str, first: str, last: str, granularity: str) -> None:
    interval = calendar.value_interval(value)
    assert interval == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert calendar.value_granularity(value) == granularity


@pytest.mark.parametrize("value", ["", "2020-13", "2021-02-30", "soon", None, 2020, "2021/2020"])
def test_value_interval_rejects_malformed(value) -> None:
    assert calendar.value_interval(value) is None


def test_granularity_and_window() -> None:
    assert calendar.at_least("day", "month") and not calendar.at_least("year", "month")
    assert not calendar.at_least(None, "year")
    d = dt.date
    assert calendar.overlaps_window(d(2020, 1, 1), d(2020, 12, 31), d(2020, 6, 1), None)
    assert not calendar.overlaps_window(d(2020, 1, 1), d(2020, 1, 31), d(2020, 6, 1), None)
    mask = calendar.window_mask(
        pd.Series([d(2020, 1, 1), None]), pd.Series([d(2020, 1, 2), None]), None, None
    )
    assert list(mask) == [True, False]


def test_resolve_dates_adds_calendar_columns() -> None:
    dates = pd.DataFrame({"value": ["2021-02", "nonsense"]})
    table = calendar.resolve_dates(dates)
    assert table["first"].iloc[0] == dt.date(2021, 2, 1)
    assert table["resolution"].iloc[0] == "month" and table["first"].iloc[1] is None


def test_bootstrap_mean() -> None:
    assert all(math.isnan(x) for x in stats.bootstrap_mean([]))
    assert stats.bootstrap_mean([1]) == (1.0, 1.0, 1.0)
    mean, low, high = stats.bootstrap_mean([-1, 0, 1, 1], seed=1)
    assert low <= mean <= high and mean == 0.25
    assert stats.bootstrap_mean([-1, 1], seed=3) == stats.bootstrap_mean([-1, 1], seed=3)


def stance_table() -> pd.DataFrame:
    """A hand-made stance table over three articles."""
    return pd.DataFrame(
        {
            "doc_id": ["x", "x", "y", "z"],
            "start": [0, 50, 0, 0],
            "end": [40, 90, 30, 30],
            "text": ["s1", "s2", "s3", "s4"],
            "stance": [1, -1, -1, 0],
            "score": [0.8, -0.1, -0.6, 0.0],
            "tone": [-0.5, 0.0, -0.3, 0.4],
        }
    )


def test_effective_stance_and_groups() -> None:
    stance = stance_table()
    assert list(stats.effective_stance(stance, 0.2)) == [1, 0, -1, 0]
    docs = pd.DataFrame(
        {
            "doc_id": ["x", "y", "z"],
            "published": ["2020-01-01", "2021-01-01", "2019-01-01"],
            "outlet": ["A", "A", ""],
        }
    )
    grouped = stats.group_stance(stance, docs, "outlet", threshold=0.2)
    assert list(grouped["group"]) == ["(unknown)", "A"]
    assert grouped["n_sentences"].sum() == 4
    row = grouped.set_index("group").loc["A"]
    assert row["n_articles"] == 2 and row["mean_stance"] == 0.0
    assert stats.group_stance(stance.iloc[:0], docs, "genre").empty


def test_sign_confusion_counts_every_sentence() -> None:
    table = stats.sign_confusion(stance_table())
    assert table.to_numpy().sum() == 4 and table.loc[-1, 1] == 1 and table.shape == (3, 3)


def test_top_n_reports_left_out() -> None:
    shown, left = groups.top_n(pd.Series({"b": 2, "a": 2, "c": 1}), 2)
    assert list(shown.index) == ["a", "b"] and left == 1
    assert groups.top_n(pd.Series(dtype=int), 3)[1] == 0


def test_issues_and_matrix() -> None:
    assert speakers.issues_of("A loan for gas and the sovereignty of the state") == [
        "sovereignty",
        "energy and loans",
    ]
    quotes = pd.DataFrame(
        {
            "doc_id": ["x", "x", "y"],
            "start": [0, 45, 0],
            "end": [30, 60, 10],
            "text": ["cheap gas loans", "sovereign choice", "nothing here"],
            "speaker": ["Ana Ruiz|Bo Li", "Bo Li", ""],
            "role": ["analyst|economist", "economist", ""],
        }
    )
    scored = pd.DataFrame(
        quote_positions("x", quotes[quotes["doc_id"] == "x"].to_dict("records"))
        + quote_positions("y", quotes[quotes["doc_id"] == "y"].to_dict("records"))
    )
    annotated = Tables(*[pd.DataFrame()] * 9, extra={"_quote_positions": scored})
    quotes["position"] = speakers.quote_position(quotes, annotated)
    alone = [speaker_score([t]) for t in quotes["text"]]
    assert list(quotes["position"]) == [round(v, 2) for v in alone]
    assert quotes["position"].between(-2, 2).all()
    assert speakers.quote_position(quotes, Tables(*[pd.DataFrame()] * 9)).isna().all()
    said = speakers.split_speakers(quotes)
    assert sorted(said["speaker"]) == ["Ana Ruiz", "Bo Li", "Bo Li"]
    assert dict(zip(said["speaker"], said["role"], strict=True)) == {
        "Ana Ruiz": "analyst",
        "Bo Li": "economist",
    }
    means, counts = speakers.issue_matrix(said)
    assert counts.loc["Bo Li", "energy and loans"] == 1 and counts.loc["Bo Li", "sovereignty"] == 1
    assert means.loc["Ana Ruiz", "energy and loans"] == quotes["position"].iloc[0]
    assert math.isnan(means.loc["Ana Ruiz", "sovereignty"])


def test_speaker_table_position_is_the_mean_of_the_article_positions_shown() -> None:
    said = pd.DataFrame(
        {
            "doc_id": ["x", "y", "y"],
            "speaker": ["Bo Li"] * 3,
            "role": ["economist", "", "economist"],
            "kind": ["direct", "indirect", "direct"],
            "position": [1.5, -0.5, 0.0],
            "text": ["Yes.", "No.", "Maybe."],
        }
    )
    positions = pd.DataFrame(
        {"doc_id": ["x", "y"], "speaker": ["Bo Li"] * 2, "role": ["", ""], "score": [1.5, -0.25]}
    )
    who = tables.speaker_table(said, tables.quote_forms(said), positions, 1)
    row = who.loc["Bo Li"]
    assert row["position"] == 0.625 and row["quotes"] == 3 and row["articles"] == 2
    assert row["role"] == "economist" and row["direct"] == 2
    record = findings.speaker_record("Bo Li", who, positions, said)
    assert "x: +1.50" in record and "y: -0.25" in record and "mean +0.62" in record
    assert "|" not in record


def test_with_column_fills_missing() -> None:
    table = pd.DataFrame({"a": ["x", "", None]})
    assert list(groups.with_column(table, "a")) == ["x", "(unknown)", "(unknown)"]
    assert list(groups.with_column(table, "b", "-")) == ["-", "-", "-"]


def test_confusion_and_error_lists() -> None:
    assert baselines.confusion([(1, 1), (-1, 0)]).loc[-1, 0] == 1
    gold = [
        {
            "file": "f.txt",
            "start": "0",
            "end": "20",
            "text": "said one",
            "speaker": "Ana Ruiz",
            "kind": "direct",
            "optional": "0",
        },
        {
            "file": "f.txt",
            "start": "40",
            "end": "60",
            "text": "said two",
            "speaker": "Bo Li",
            "kind": "indirect",
            "optional": "0",
        },
    ]
    pred = pd.DataFrame(
        {
            "doc_id": ["d", "d"],
            "start": [2, 100],
            "end": [18, 120],
            "text": ["p1", "p2"],
            "speaker": ["A. Ruiz", "Cy"],
            "kind": ["direct", "direct"],
        }
    )
    errors = baselines.quote_errors(gold, pred, {"f.txt": "d"})
    assert list(errors["error"]) == ["missed", "spurious"]
    gold_dates = [
        {
            "file": "f.txt",
            "start": "0",
            "end": "5",
            "text": "today",
            "value": "2020-01-01",
            "optional": "0",
        }
    ]
    pred_dates = pd.DataFrame(
        {
            "doc_id": ["d"],
            "start": [0],
            "end": [5],
            "text": ["today"],
            "value": ["2020-01-02"],
            "anchor": ["publication"],
        }
    )
    errors = baselines.date_errors(gold_dates, pred_dates, {"f.txt": "d"})
    assert list(errors["error"]) == ["missed", "spurious"]
    assert "predicted 2020-01-02" in errors["detail"].iloc[0]


def test_dateparser_baseline_runs_offline_on_a_fixture_corpus() -> None:
    from pathlib import Path

    from summitlib import load_corpus

    corpus = load_corpus(Path(__file__).parent / "fixtures" / "small_corpus")
    rows = baselines.dateparser_rows(corpus, ["2023-04-06-reuters"])
    assert set(rows["doc_id"]) <= {"2023-04-06-reuters"} and len(rows) >= 1
    raw = corpus["2023-04-06-reuters"].raw
    assert all(raw[r.start : r.end] == r.text for r in rows.itertuples())
    assert all(calendar.value_interval(v) for v in rows["value"])


def test_generalisation_names_the_unseen_blind_figure_when_measured() -> None:
    figures = {
        "cv_all": {"macro_f1": 0.595, "n": 678},
        "devset": {"macro_f1": 0.568, "n": 152},
        "vader_devset": {"macro_f1": 0.441, "n": 152},
    }
    without = findings.generalisation(figures)
    assert "**0.59**" in without and "blind" not in without
    figures["blind_unseen"] = {"macro_f1": 0.418, "n": 393}
    with_blind = findings.generalisation(figures)
    assert "On 393 gold sentences" in with_blind and "**0.42**" in with_blind
    figures["blind_test"] = {"macro_f1": 0.477, "n": 118}
    assert "On 118 gold sentences" in findings.generalisation(figures)
    assert findings.generalisation({}).startswith("No measured figures")
