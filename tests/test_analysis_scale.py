"""The notebooks' statistics and views at archive scale: vectorised, and equal to the plain
definitions they replace (checked against brute force on random data)."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summitlib.analysis import stats, textviews
from summitlib.analysis.speakers import issue_matrix, issues_of

matplotlib.use("Agg")


def test_group_bootstrap_gives_each_group_its_mean_and_an_interval_around_it():
    rng = np.random.default_rng(3)
    values = pd.Series(rng.choice([-1, 0, 1], 4000))
    groups = pd.Series(rng.integers(0, 300, 4000)).astype(str)
    found = stats.bootstrap_groups(values, groups)
    assert list(found.index) == sorted(groups.unique())
    means = values.groupby(groups).mean()
    assert np.allclose(found["mean"], means.reindex(found.index))
    assert (found["ci_low"] <= found["mean"] + 1e-12).all()
    assert (found["mean"] <= found["ci_high"] + 1e-12).all()
    again = stats.bootstrap_groups(values, groups)
    pd.testing.assert_frame_equal(found, again)


def test_group_bootstrap_agrees_with_resampling_one_group():
    values = pd.Series([1, 0, 0, -1, 1, 1, 0, -1, 1, 1] * 8)
    grouped = stats.bootstrap_groups(values, pd.Series(["a"] * len(values))).iloc[0]
    mean, low, high = stats.bootstrap_mean(values, n_boot=20000)
    assert grouped["mean"] == pytest.approx(mean)
    assert grouped["ci_low"] == pytest.approx(low, abs=0.03)
    assert grouped["ci_high"] == pytest.approx(high, abs=0.03)


def test_group_bootstrap_of_one_value_is_a_point_and_of_none_is_empty():
    one = stats.bootstrap_groups(pd.Series([1, -1]), pd.Series(["x", "y"]))
    assert one.loc["x"].tolist() == [1.0, 1.0, 1.0]
    assert one.loc["y"].tolist() == [-1.0, -1.0, -1.0]
    assert stats.bootstrap_groups(pd.Series([], dtype=float), pd.Series([], dtype=str)).empty


def test_group_bootstrap_of_continuous_values_resamples_each_group():
    rng = np.random.default_rng(5)
    values = pd.Series(rng.normal(size=300))
    groups = pd.Series(["a", "b", "c"] * 100)
    found = stats.bootstrap_groups(values, groups)
    for group, part in values.groupby(groups):
        assert found.loc[group].tolist() == pytest.approx(list(stats.bootstrap_mean(part)))


def test_issue_matrix_counts_and_means_follow_the_issue_keywords():
    texts = [
        "the Union State and gas prices",
        "sovereignty first",
        "a loan for oil",
        "nothing here",
        "gas, gas",
    ]
    quotes = pd.DataFrame(
        {
            "speaker": ["A", "A", "B", "B", "C"],
            "text": texts,
            "position": [0.5, float("nan"), -1.0, 0.2, 1.0],
        }
    )
    means, counts = issue_matrix(quotes)
    for speaker, part in quotes.groupby("speaker"):
        for issue in means.columns:
            hit = part[part["text"].map(lambda t, i=issue: i in issues_of(t))]
            assert counts.loc[speaker, issue] == len(hit)
            if hit["position"].notna().any():
                assert means.loc[speaker, issue] == pytest.approx(hit["position"].mean())
            else:
                assert math.isnan(means.loc[speaker, issue])


@pytest.mark.parametrize(
    "text",
    [
        "Integration, INTEGRATION and integrational; disintegration.",
        "the Union\n  State and union-state, Union States",
        "İstanbul integration with a dotted capital I (lower-casing changes the length)",
        "integrationintegration integration",
        "",
    ],
)
@pytest.mark.parametrize("term", ["integration", "Union State", "union"])
def test_term_spans_find_what_the_term_pattern_finds(text, term):
    expected = [m.span() for m in textviews.term_pattern(term).finditer(text)]
    assert list(textviews.term_spans(text, term)) == expected


PIECES = ["a", "gas", "Gas", " ", "\n", "İ", "\x00", "union", "STATE", "ß", "-"]


@given(
    st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), max_size=6),
    st.integers(1, 40),
)
def test_term_hits_of_texts_searched_together_are_those_of_each_text(texts, batch_chars):
    terms = ["gas", "union state", "a", "", "gas"]
    named = {f"d{i}": text for i, text in enumerate(texts)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textviews, "BATCH_CHARS", batch_chars)
        hits = textviews.term_hits(named, terms)
    expected = [
        (i, doc_id, term, start, end)
        for i, (doc_id, text) in enumerate(named.items())
        for term in terms
        for start, end in textviews.term_spans(text, term)
    ]
    assert list(hits.itertuples(index=False, name=None)) == expected


def test_the_dispersion_plot_of_thousands_of_articles_draws_no_line_per_article():
    from summitlib.analysis.plots import dispersion_plot, figure

    n = 2000
    hits = pd.DataFrame(
        {"doc_index": range(n), "doc_id": [f"d{i}" for i in range(n)], "term": "gas"}
    ).assign(position=0.5)
    fig, ax = figure()
    dispersion_plot(ax, hits, [f"d{i}" for i in range(n)], ["gas"])
    assert len(ax.lines) + len(ax.collections) <= 2
