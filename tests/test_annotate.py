"""The annotation pipeline: contract tables, raw offsets, byte-identical reruns, the cache."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from summitlib import annotate, load_corpus
from summitlib.cli import main
from summitlib.pipeline.tables import COLUMNS

CONTRACT = {
    "documents": ["doc_id", "file", "sha256", "published", "n_sentences", "n_words"]
    + ["integration_stance"],
    "sentences": ["doc_id", "sent_id", "start", "end", "text", "tone"],
    "actors": ["doc_id", "sent_id", "start", "end", "text", "actor", "actor_type"],
    "dates": ["doc_id", "sent_id", "start", "end", "text", "value", "anchor"],
    "quotes": ["doc_id", "sent_id", "start", "end", "text", "speaker", "kind", "cue"],
    "stance": ["doc_id", "sent_id", "start", "end", "text", "stance", "score", "evidence"],
    "positions": ["doc_id", "speaker", "role", "n_quotes", "stance", "summary"],
}


@pytest.fixture(scope="module")
def tables():
    """The bundled corpus, annotated once for this module."""
    return annotate(load_corpus(CORPUS))


def test_tables_have_the_contract_columns(tables):
    for name, columns in CONTRACT.items():
        assert set(columns) <= set(getattr(tables, name).columns), name
    metadata = load_corpus(CORPUS).columns
    assert set(metadata) <= set(tables.documents.columns)


def test_every_row_points_into_the_raw_text(tables):
    raws = {d.doc_id: d.raw for d in load_corpus(CORPUS)}
    for name in COLUMNS:
        table = getattr(tables, name)
        if "start" not in table.columns:
            continue
        for row in table.itertuples():
            assert raws[row.doc_id][row.start : row.end] == row.text, (name, row)


def test_values_are_in_range(tables):
    assert set(tables.stance["stance"]) <= {-1, 0, 1}
    assert tables.sentences["tone"].between(-1, 1).all()
    assert set(tables.quotes["kind"]) <= {"direct", "indirect", "interview"}
    assert tables.documents["n_sentences"].gt(0).all()


def test_cli_writes_byte_identical_files_twice(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["annotate", "--out", str(first), "--quiet", "--no-cache"]) == 0
    assert main(["annotate", "--out", str(second), "--quiet"]) == 0
    names = sorted(p.name for p in first.glob("*.csv"))
    assert names == sorted(f"{n}.csv" for n in [*CONTRACT, "amounts", "turns"])
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_dask_engine_gives_identical_tables(tmp_path):
    pytest.importorskip("distributed")
    corpus = load_corpus(CORPUS)
    local = annotate(corpus, cache=False)
    distributed = annotate(corpus, cache=False, engine="dask")
    for name in local.names():
        assert getattr(local, name).to_csv() == getattr(distributed, name).to_csv(), name


def test_dask_engine_keeps_corpus_order_across_batches(monkeypatch):
    pytest.importorskip("distributed")
    from summitlib.pipeline import engines

    monkeypatch.setattr(engines, "GATHER_BATCH", 2)
    corpus = load_corpus(CORPUS)
    local = annotate(corpus, cache=False)
    distributed = annotate(corpus, cache=False, engine="dask")
    for name in local.names():
        assert getattr(local, name).to_csv() == getattr(distributed, name).to_csv(), name
