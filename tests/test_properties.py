"""Property-based tests: on arbitrary text and random corpora, annotation never raises,
every offset is valid, ``raw[start:end] == text`` holds for every row of every table, and
two runs write identical bytes."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitlib import annotate, annotate_document, load_corpus
from summitlib.corpus.checks import not_plain_text
from summitlib.corpus.cleaning import clean_text

SPAN_TABLES = ("sentences", "actors", "dates", "quotes", "stance", "amounts", "turns")
NEWSY = st.sampled_from(
    [
        "Putin", "Lukashenka", "Alyaksandr", "said", "told", "according to", "“", "”", '"', "«",
        "»", "‘", "’", "integration", "deadlock", "signed", "on Monday", "9 September",
        "2021–2023", "$650 million", "Q:", "Kazakevich:", "\n\n", "\n", "\r\n", " ", ".", ",",
        "[link](#)", "[bsa_pro_ad_space id=4]", "Leave a Reply", " date 2021-10-01 ", "\u00a0",
        "\ufeff", "he", "the expert", "May", "COVID-19", "•", "1.", "—", "?", "Mr.", "U.S.",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(NEWSY, st.text(min_size=1, max_size=12)), max_size=40).map("".join)


class FakeDocument:
    """The parts of a corpus document that annotation reads."""

    def __init__(self, raw: str):
        self.raw = raw
        self.doc_id = "d"
        self.published = dt.date(2021, 2, 25)
        self.meta = {"genre": "analysis", "author": "A. Writer"}

    def cleaned(self):
        """The cleaned text, as a Document gives it."""
        return clean_text(self.raw)


def check_rows(raw: str, rows: dict) -> None:
    """Every span row points at its own text in ``raw``."""
    for table in SPAN_TABLES:
        for row in rows[table]:
            assert 0 <= row["start"] <= row["end"] <= len(raw), (table, row)
            assert raw[row["start"] : row["end"]] == row["text"], (table, row)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_annotates_with_valid_offsets(raw):
    rows = annotate_document(FakeDocument(raw))
    check_rows(raw, rows)
    assert rows == annotate_document(FakeDocument(raw))


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_cleaning_maps_back_to_raw(raw):
    cleaned = clean_text(raw)
    for i, ch in enumerate(cleaned.text):
        start, end = cleaned.to_raw(i, i + 1)
        assert 0 <= start < end <= len(raw)
        if ch.strip() and ch != " ":
            assert ch in raw[start:end] or raw[start:end].strip() == ""


ARTICLE = TEXT.filter(  # text that validation refuses (NULs, mostly control characters)
    lambda t: t.strip() and t.strip("\ufeff").strip() and not not_plain_text(t)
)  # is covered in test_guarantees.py


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=4))
def test_random_corpora_write_identical_bytes_twice(articles):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        (root / "articles").mkdir(parents=True)
        lines = ["file,published,title"]
        for i, text in enumerate(articles):
            (root / "articles" / f"a{i}.txt").write_text(text, encoding="utf-8", newline="")
            lines.append(f'a{i}.txt,2021-0{i % 9 + 1}-1{i},"=cmd|{i}"')
        (root / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        corpus = load_corpus(root)
        outputs = []
        for run in range(2):
            tables = annotate(corpus, cache=bool(run), cache_dir=Path(tmp) / "cache")
            for name in SPAN_TABLES:
                frame = getattr(tables, name)
                for row in frame.to_dict("records"):
                    raw = corpus.raw(row["doc_id"])
                    assert raw[row["start"] : row["end"]] == row["text"]
            out = Path(tmp) / f"out{run}"
            tables.write(out, corpus_root=root)
            outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
        assert outputs[0] == outputs[1]
