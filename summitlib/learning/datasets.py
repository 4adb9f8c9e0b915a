"""Loading the stance bank and the gold-coded corpora into plain example records."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from summitlib.corpus.cleaning import clean_text
from summitlib.paths import project_root, training_dir
from summitlib.scales import sign
from summitlib.text.sentences import same_paragraph, split_sentences
from summitlib.text.spans import overlap as _overlap


def gold_corpora() -> dict[str, tuple[Path, Path]]:
    """The gold-coded corpora of the checkout: name -> (articles folder, gold folder)."""
    root = project_root()
    fixtures = root / "tests" / "fixtures"
    return {
        "bundled": (root / "corpus" / "articles", root / "corpus" / "gold"),
        "devset": (fixtures / "devset" / "articles", fixtures / "devset" / "gold"),
        "heldout": (fixtures / "heldout" / "articles", fixtures / "heldout" / "gold"),
        "blind": (fixtures / "blind" / "articles", fixtures / "blind" / "gold"),
        "blind-test": (fixtures / "blind" / "articles", fixtures / "blind" / "stance-test"),
    }


TEST_ONLY = ("blind-test",)  # stance gold kept out of training: an estimate that stays honest
QUOTES_OF = {"blind-test": "blind"}  # whose quote gold a corpus shares (same articles)


def blind_set(file: str) -> str:
    """The blind set an article belongs to: its file name's leading letters ("z06_…" is Z,
    "aa03_…" AA)."""
    return re.match(r"[a-z]*", file).group().upper()


def set_order(name: str) -> tuple[int, str]:
    """The order the blind sets were written in: A … Z, then AA, AB, …"""
    return len(name), name


def test_only_sets() -> str:
    """The letters of the blind sets whose stance gold is test-only, as a range ("T–W")."""
    sets = {blind_set(a.file) for name in TEST_ONLY for a in load_corpus(name)}
    letters = sorted(sets, key=set_order)
    return f"{letters[0]}–{letters[-1]}" if len(letters) > 1 else "".join(letters)


def training_corpora() -> list[str]:
    """The gold corpora of the checkout that the shipped models are trained on."""
    return [c for c, (texts, _) in gold_corpora().items() if c not in TEST_ONLY and texts.is_dir()]


@dataclass(frozen=True)
class Example:
    """One labelled stance sentence: text, context, label (-1/0/1), CV group and source."""

    text: str
    before: str
    label: int
    group: str
    source: str


@dataclass(frozen=True)
class Sentence:
    """One package sentence of a gold article, with its relevance and stance gold."""

    start: int
    end: int
    text: str
    before: str
    position: int
    first_in_paragraph: bool
    relevant: bool
    label: int  # gold stance of the best-overlapping gold sentence (0 when not relevant)


@dataclass
class Article:
    """A gold article: raw text, package sentences and gold tables."""

    corpus: str
    file: str
    raw: str
    sentences: list[Sentence]
    gold_sentences: list[dict] = field(default_factory=list)
    doc_stance: float | None = None
    positions: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)


def read_csv(path: Path) -> list[dict]:
    """Rows of a CSV file as dicts ([] if the file is missing)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_bank(bank_dir: Path | None = None) -> list[Example]:
    """The stance bank rows, sorted by id, grouped by url."""
    rows = []
    for name in ("economy", "politics"):
        rows += read_csv((bank_dir or training_dir() / "stance-bank") / f"{name}.csv")
    rows.sort(key=lambda r: (r["id"][0], int(r["id"][1:]) if r["id"][1:].isdigit() else r["id"]))
    return [
        Example(r["text"], r["before"] or "", int(r["label"]), "bank:" + r["url"], "bank")
        for r in rows
    ]


def package_sentences(raw: str) -> list[tuple[int, int]]:
    """Raw-offset sentence spans of an article, split the way summitlib does."""
    cleaned = clean_text(raw)
    return [cleaned.to_raw(s, e) for s, e in split_sentences(cleaned.text)]


def _sentences(raw: str, gold: list[dict]) -> list[Sentence]:
    """Package sentences of an article labelled with the gold stance sentences they overlap."""
    out: list[Sentence] = []
    spans = package_sentences(raw)
    prev_end = 0
    for i, (s, e) in enumerate(spans):
        best, best_ov = None, 0
        for g in gold:
            ov = _overlap(s, e, int(g["start"]), int(g["end"]))
            if ov > best_ov:
                best, best_ov = g, ov
        relevant = best is not None and best_ov >= 0.5 * min(
            e - s, int(best["end"]) - int(best["start"])
        )
        before = raw[spans[i - 1][0] : spans[i - 1][1]] if i else ""
        first = i == 0 or not same_paragraph(raw, prev_end, s)
        out.append(
            Sentence(
                s, e, raw[s:e], before, i, first, relevant, int(best["stance"]) if relevant else 0
            )
        )
        prev_end = e
    return out


@cache
def load_corpus(name: str) -> tuple[Article, ...]:
    """The articles of a gold corpus, sorted by file name."""
    texts, gold_dir = gold_corpora()[name]
    tables = {
        t: read_csv(gold_dir / f"{t}.csv")
        for t in ("stance_sentences", "stance_documents", "positions")
    }
    tables["quotes"] = read_csv(gold_corpora()[QUOTES_OF.get(name, name)][1] / "quotes.csv")
    files = sorted(
        {r["file"] for r in tables["stance_documents"]}
        | {r["file"] for r in tables["stance_sentences"]}
    )
    articles = []
    for file in files:
        raw = (texts / file).read_bytes().decode("utf-8")
        gold = [r for r in tables["stance_sentences"] if r["file"] == file]
        docs = [float(r["stance"]) for r in tables["stance_documents"] if r["file"] == file]
        articles.append(
            Article(
                name,
                file,
                raw,
                _sentences(raw, gold),
                gold,
                docs[0] if docs else None,
                [r for r in tables["positions"] if r["file"] == file],
                [r for r in tables["quotes"] if r["file"] == file],
            )
        )
    return tuple(articles)


def before_of(article: Article, start: int) -> str:
    """The text of the package sentence that ends before raw offset ``start``."""
    prev = [s for s in article.sentences if s.end <= start]
    return prev[-1].text if prev else ""


def gold_examples(article: Article) -> list[Example]:
    """The gold stance sentences of an article as examples (context: the sentence before)."""
    return [
        Example(
            g["text"],
            before_of(article, int(g["start"])),
            int(g["stance"]),
            f"{article.corpus}:{article.file}",
            article.corpus,
        )
        for g in article.gold_sentences
    ]


def gold_speakers(article: Article) -> list[tuple[str, int, list[str]]]:
    """(speaker, sign of the gold position, gold quote texts) of each gold position with a quote."""
    out = []
    for p in article.positions:
        texts = [q["text"] for q in article.quotes if q["speaker"] == p["speaker"]]
        if texts:
            out.append((p["speaker"], sign(float(p["stance"])), texts))
    return out


def shipped_examples() -> list[Example]:
    """The labelled sentences the shipped stance model is trained on: the stance bank and the
    gold stance sentences of the training corpora present in this checkout."""
    gold = [e for name in training_corpora() for a in load_corpus(name) for e in gold_examples(a)]
    return load_bank() + gold


def preceding_sentence(raw: str, start: int) -> str:
    """The package sentence that ends at or before raw offset ``start`` ('' if none)."""
    spans = [s for s in package_sentences(raw) if s[1] <= start]
    return raw[slice(*spans[-1])] if spans else ""
