"""The bundled corpus: seed articles byte for byte, metadata and summits as the contract says."""

from __future__ import annotations

import csv
import hashlib

from conftest import CORPUS

from summitlib import load_corpus

SEED_SHA256 = {
    "000_3bffb3832cec72fd.txt": "81359d5c31af3c7fe9fd06c22441466d9d7f1f2f1ff51f2427e1f3a64ee129d5",
    "001_4844f95b08a5ece4.txt": "16d7f1b68f5db501ac83973da2fdb4dfddf05cd9d7313f937922dafe61dacb8f",
    "002_31ae939496491cd1.txt": "d83934b8231bb93959aca6640fd888a88d71368251f2a2e9ab7fa0fb6af4a8d8",
    "003_d0444b179bafd933.txt": "8a254a23b735fa0ee9095258874058c14fcbfd4eb71310cbb4e2a4d05e01b98b",
    "004_1029aa71008a3025.txt": "4f5b2957a53835a5d860d45fa2d9ebbce3e6bc7702e43e4c1ed71538360ea35c",
}


def rows(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file of the bundled corpus."""
    with (CORPUS / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_seed_articles_are_stored_byte_for_byte() -> None:
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in CORPUS.glob("articles/*")}
    assert found == SEED_SHA256


def test_metadata_has_one_complete_row_per_article() -> None:
    meta = rows("metadata.csv")
    assert sorted(r["file"] for r in meta) == sorted(SEED_SHA256)
    for row in meta:
        for column in (
            "doc_id",
            "title",
            "outlet",
            "published",
            "date_source",
            "genre",
            "summit_id",
        ):
            assert row[column], (row["file"], column)
        assert row["date_source"].split(":")[0] in {"stated", "inferred"}
        assert row["genre"] in {"news", "analysis", "opinion", "interview"}


def test_metadata_agrees_with_the_gold_documents() -> None:
    gold = {r["file"]: r for r in rows("gold/documents.csv")}
    for row in rows("metadata.csv"):
        assert row["published"] == gold[row["file"]]["published"]
        assert row["genre"] == gold[row["file"]]["genre"]


def test_summits_cover_the_four_meetings() -> None:
    summits = {r["summit_id"]: r for r in rows("summits.csv")}
    assert {(r["start"], r["end"], r["place"]) for r in summits.values()} == {
        ("2019-02-13", "2019-02-15", "Sochi"),
        ("2020-09-14", "2020-09-14", "Sochi"),
        ("2021-02-22", "2021-02-22", "Sochi"),
        ("2021-09-09", "2021-09-09", "Moscow"),
    }
    assert {r["summit_id"] for r in rows("metadata.csv")} <= set(summits)


def test_load_corpus_gives_documents_table_and_views() -> None:
    corpus = load_corpus(CORPUS)
    docs = corpus.documents
    assert len(corpus) == 5 and list(docs["doc_id"]) == corpus.doc_ids
    assert {"title", "outlet", "author", "published", "raw", "text", "sha256"} <= set(docs.columns)
    tass = corpus["2021-02-25-tass"]
    assert tass.raw.startswith("MOSCOW, February 25. /TASS/.")
    assert corpus.sents("2021-02-25-tass")[0].startswith("MOSCOW, February 25.")
    assert "Mezhevich" in corpus.words("2021-02-25-tass")
    assert corpus.fileids()[0] == "002_31ae939496491cd1.txt"


def test_loading_never_writes_into_the_corpus(corpus_copy) -> None:
    before = {p: p.stat().st_mtime_ns for p in corpus_copy.rglob("*")}
    corpus = load_corpus(corpus_copy)
    _ = corpus.documents
    assert {p: p.stat().st_mtime_ns for p in corpus_copy.rglob("*")} == before
