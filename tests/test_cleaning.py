"""Cleaning removes scraping debris and every cleaned character maps back to the raw text."""

from __future__ import annotations

import bisect

import numpy as np
import pytest
from conftest import CORPUS
from hypothesis import given
from hypothesis import strategies as st

from summitlib.corpus.cleaning import clean_text, kept_before, removal_runs, span_text

SUBSTITUTED = {"\u00a0", "\u2007", "\u202f", "\t"}


def assert_round_trip(raw: str) -> None:
    """Each cleaned character is the raw character at its offset (or its space substitute)."""
    cleaned = clean_text(raw)
    assert len(cleaned.offsets) == len(cleaned.text)
    assert list(cleaned.offsets) == sorted(set(cleaned.offsets))
    for i, ch in enumerate(cleaned.text):
        original = raw[cleaned.offsets[i]]
        assert ch == original or (original in SUBSTITUTED and ch == " ")


def test_markdown_link_keeps_its_text():
    raw = "Officials spoke of a [loss](https://example.org/a_(b)) of trust in [2003](#)."
    cleaned = clean_text(raw)
    assert cleaned.text == "Officials spoke of a loss of trust in 2003."
    start = cleaned.text.index("2003")
    s, e = cleaned.to_raw(start, start + 4)
    assert raw[s:e] == "2003"


def test_a_hashtags_mark_is_dropped_and_other_hashes_stay():
    raw = "Sviatlana #Tsikhanouskaya addressed #Belarus. C# and page#top and #1 and &#8220; stay."
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "Sviatlana Tsikhanouskaya addressed Belarus. C# and page#top and #1 and &#8220; stay."
    )
    start = cleaned.text.index("Tsikhanouskaya")
    assert raw[slice(*cleaned.to_raw(start, start + 14))] == "Tsikhanouskaya"
    assert_round_trip(raw)


def test_a_bare_read_also_heading_stays_over_its_links():
    raw = "Last one.\n\nRead also:\nLukashenka: “We will never be part of Russia”\n"
    assert clean_text(raw).text == raw
    assert "Read also" not in clean_text("Last one.\n\nRead also: Other news\n").text


def test_ad_shortcode_and_related_lines_are_dropped():
    raw = "First paragraph.\n\n[bsa_pro_ad_space id=12]\n\nRelated article: [Other](#)\n\nLast one."
    assert clean_text(raw).text.split() == ["First", "paragraph.", "Last", "one."]


def test_comment_form_and_author_blurb_are_dropped():
    raw = (
        "The summit ended without a deal.\n\nIvan Petrov\n\n"
        "I write about energy markets and the post-Soviet space.\n\nLeave a Reply\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.strip() == "The summit ended without a deal."
    assert {r.kind for r in cleaned.removed} == {"trailer"}


def test_comment_form_without_blurb():
    raw = "Body text here.\n\nThe analysis continues at length.\nLeave a Comment"
    assert clean_text(raw).text.rstrip() == "Body text here.\n\nThe analysis continues at length."


def test_leading_date_marker_is_dropped_but_recorded():
    raw = " date 2022-01-15 Lukashenka visited Moscow."
    cleaned = clean_text(raw)
    assert cleaned.text == "Lukashenka visited Moscow."
    marker = next(r for r in cleaned.removed if r.kind == "date_marker")
    assert "2022-01-15" in raw[marker.start : marker.end]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # non-breaking spaces become spaces
        ("Putin\u00a0and\u202fLukashenko met\u00a0.", "Putin and Lukashenko met ."),
        # a byte-order mark, CRLF and control characters go
        ("\ufeffLine one.\r\nLine\x07 two.\r\n", "Line one.\nLine two.\n"),
        # French spaces inside guillemets go
        (
            "« A friend is known in trouble », he told his host.\u00a0«\u202fNo\u00a0».",
            "«A friend is known in trouble», he told his host. «No».",
        ),
    ],
)
def test_spacing_and_control_debris_is_dropped_and_offsets_hold(raw, expected):
    assert clean_text(raw).text == expected
    assert_round_trip(raw)


def test_round_trip_on_the_seed_articles():
    for path in sorted(CORPUS.glob("articles/*.txt")):
        assert_round_trip(path.read_bytes().decode("utf-8"))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_round_trip_on_any_text(raw):
    assert_round_trip(raw)
    cleaned = clean_text(raw)
    for start in range(0, len(cleaned.text), 7):
        s, e = cleaned.to_raw(start, min(start + 5, len(cleaned.text)))
        assert 0 <= s <= e <= len(raw)


def test_web_addresses_are_debris_and_never_sentences():
    raw = (
        "Putin and Lukashenko discussed integration (https://example.org/a_b).\n\n"
        "<https://www.themoscowtimes.com/2019/03/01/russia-and-belarus-integration-a64676>\n"
        "More at www.belta.by, the agency said.\n"
    )
    cleaned = clean_text(raw)
    assert "http" not in cleaned.text and "www." not in cleaned.text
    assert "themoscowtimes" not in cleaned.text
    assert cleaned.text.startswith("Putin and Lukashenko discussed integration.")
    assert "More at , the agency said." in cleaned.text
    assert {r.kind for r in cleaned.removed} == {"url"}
    assert_round_trip(raw)


def test_removed_spans_are_disjoint_and_add_up_to_the_dropped_characters():
    raw = "Related article: [A (b)](https://example.org/x)\n\nText [2003](#) <https://a.org/b>.\n"
    cleaned = clean_text(raw)
    spans = [(r.start, r.end) for r in cleaned.removed]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert sum(e - s for s, e in spans) == cleaned.removed_chars()
    assert cleaned.text == "\n\nText 2003 .\n"


def test_span_text_is_the_cleaned_text_of_a_raw_span():
    raw = "He saw a [loss](#) of trust in [2003](#), officials said."
    cleaned = clean_text(raw)
    assert cleaned.span_text(0, len(raw)) == cleaned.text
    start = raw.index("a [loss]")
    assert cleaned.span_text(start, raw.index(" of trust") + 9) == "a loss of trust"


def test_removals_add_up_on_the_seed_articles():
    for path in sorted(CORPUS.glob("articles/*.txt")):
        cleaned = clean_text(path.read_bytes().decode("utf-8"))
        assert sum(r.end - r.start for r in cleaned.removed) == cleaned.removed_chars(), path.name
        assert "https://" not in cleaned.text, path.name


DEBRIS = [
    "a",
    " ",
    "\n",
    "[x](http://e.org/a)",
    "https://t.co/xyz ",
    "\u200b",
    "<b>",
    "www.x.ru/",
    "«",
]


@given(st.lists(st.sampled_from(DEBRIS), max_size=40))
def test_kept_before_is_the_cleaned_offset_of_every_raw_position(pieces):
    """The vectorised mapping the notebooks use equals a search in the offset map."""
    cleaned = clean_text("".join(pieces))
    positions = np.arange(len(cleaned.raw) + 1)
    starts = np.array([r.start for r in cleaned.removed], dtype=np.int64)
    ends = np.array([r.end for r in cleaned.removed], dtype=np.int64)
    expected = [bisect.bisect_left(cleaned.offsets, p) for p in positions]
    assert kept_before(positions, starts, ends).tolist() == expected
    spans = zip(positions[::3], positions[::3][1:], strict=False)
    for start, end in spans:
        first, last = kept_before(np.array([start, end]), starts, ends)
        assert cleaned.text[first:last] == cleaned.span_text(int(start), int(end))


@given(st.lists(st.sampled_from([*DEBRIS, "\u00a0", "\t", "b c"]), max_size=40))
def test_span_text_without_the_map_is_the_cleaned_text_of_a_raw_span(pieces):
    """The notebooks' readable span text, from the raw span and the removals alone."""
    cleaned = clean_text("".join(pieces))
    starts, ends = removal_runs(
        np.array([r.start for r in cleaned.removed], dtype=np.int64),
        np.array([r.end for r in cleaned.removed], dtype=np.int64),
    )
    n = len(cleaned.raw)
    for start in range(n + 1):
        run = int(np.searchsorted(ends, start, side="right"))
        for end in range(start, n + 1, 3):
            raw = cleaned.raw[start:end]
            assert span_text(raw, start, starts, ends, run) == cleaned.span_text(start, end)


def test_kept_before_merges_overlapping_removals():
    starts, ends = np.array([2, 4, 10]), np.array([8, 6, 12])
    found = kept_before(np.arange(14), starts, ends).tolist()
    assert found == [0, 1, 2, 2, 2, 2, 2, 2, 2, 3, 4, 4, 4, 5]
