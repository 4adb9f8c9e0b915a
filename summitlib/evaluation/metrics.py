"""Scoring of annotation tables against a hand-coded gold standard.

The metrics and matching rules are those of the project's reference scorer
(``score_annotations.py``): quotes match when their spans overlap by at least half of the
shorter one and share a speaker surname (accent- and transliteration-insensitive); dates match
by any overlap and an identical normalised value; each gold stance span takes the label of
the predicted row that overlaps it most (no row means 0); positions match by surname.
Gold rows are tied to documents through the SHA-256 of the article files.
"""

from __future__ import annotations

import csv
import hashlib
import math
import unicodedata
from pathlib import Path

import pandas as pd

from summitlib.corpus.reader import Corpus
from summitlib.joint import split_values
from summitlib.pipeline.tables import Tables
from summitlib.scales import sign
from summitlib.text.spans import overlap, shorter_overlap

SURNAME_ALIASES = {
    "lukashenka": "lukashenko",
    "tichanovskaya": "tikhanovskaya",
    "tichanovksaya": "tikhanovskaya",
    "tsikhanouskaya": "tikhanovskaya",
    "siamashka": "semashko",
    "syamashka": "semashko",
}
GOLD_FILES = ("quotes", "not_quotes", "dates", "not_dates", "stance_sentences")
GOLD_FILES += ("stance_documents", "positions")


def surname(name: str) -> str:
    """'Alyaksandr Lukashenka' -> 'lukashenko'."""
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    parts = ascii_name.lower().replace(".", " ").split()
    return SURNAME_ALIASES.get(parts[-1], parts[-1]) if parts else ""


def speakers(field: str) -> set[str]:
    """Surnames of the speakers in a ``|``-separated field."""
    return {surname(s) for s in split_values(field)}


def f1(p: float, r: float) -> float:
    """Harmonic mean of precision and recall."""
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def ratio(a: float, b: float) -> float:
    """a / b, or 0 when b is 0."""
    return a / b if b else 0.0


def read_gold(gold_dir: Path) -> dict[str, list[dict]]:
    """The gold CSVs of a folder (missing ones are empty)."""
    gold = {}
    for name in GOLD_FILES:
        path = Path(gold_dir) / f"{name}.csv"
        gold[name] = list(csv.DictReader(path.open(encoding="utf-8"))) if path.exists() else []
    return gold


def doc_map(corpus: Corpus, gold: dict[str, list[dict]], texts_dir: Path | None) -> dict:
    """Gold file name -> doc_id, by SHA-256 of the article bytes (or by file name)."""
    by_sha = {d.sha256: d.doc_id for d in corpus}
    by_file = {Path(d.file).name: d.doc_id for d in corpus}
    mapping = {}
    for name in sorted({r["file"] for rows in gold.values() for r in rows if r.get("file")}):
        path = Path(texts_dir or corpus.root / "articles") / name
        sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""
        mapping[name] = by_sha.get(sha) or by_file.get(name)
    return mapping


def _records(table: pd.DataFrame) -> list[dict]:
    """Rows as dicts."""
    return table.to_dict("records")


def score_quotes(gold: list[dict], not_quotes: list[dict], pred: list[dict], dmap: dict) -> dict:
    """Quote precision, recall, F1, speaker accuracy and scare quotes taken as speech."""
    required = [g for g in gold if str(g["optional"]) == "0"]
    docs = set(dmap.values())
    scored = [p for p in pred if p["doc_id"] in docs]

    def hits(g: dict) -> bool:
        return any(
            p["doc_id"] == dmap.get(g["file"])
            and shorter_overlap(int(g["start"]), int(g["end"]), p["start"], p["end"]) >= 0.5
            and speakers(g["speaker"]) & speakers(p["speaker"])
            for p in scored
        )

    matched = sum(1 for g in required if hits(g))
    span_hits = speaker_hits = 0
    for p in scored:
        golds = [
            g
            for g in gold
            if dmap.get(g["file"]) == p["doc_id"]
            and shorter_overlap(p["start"], p["end"], int(g["start"]), int(g["end"])) >= 0.5
        ]
        if golds:
            span_hits += 1
            if any(
                speakers(g["speaker"]) & speakers(p["speaker"]) or not g["speaker"] for g in golds
            ):
                speaker_hits += 1
    scare = sum(
        1
        for n in not_quotes
        for p in scored
        if p["doc_id"] == dmap.get(n["file"])
        and shorter_overlap(int(n["start"]), int(n["end"]), p["start"], p["end"]) >= 0.5
    )
    precision, recall = ratio(speaker_hits, len(scored)), ratio(matched, len(required))
    return {
        "quote_precision": round(precision, 3),
        "quote_recall": round(recall, 3),
        "quote_f1": round(f1(precision, recall), 3),
        "speaker_accuracy": round(ratio(speaker_hits, span_hits), 3),
        "scare_quotes_taken_as_speech": scare,
        "quotes_predicted": len(scored),
        "quotes_gold": len(required),
    }


def score_dates(gold: list[dict], not_dates: list[dict], pred: list[dict], dmap: dict) -> dict:
    """Date mention recall, value accuracy, precision, recall, F1 and non-dates taken."""
    required = [g for g in gold if str(g["optional"]) == "0"]
    docs = set(dmap.values())
    scored = [p for p in pred if p["doc_id"] in docs]

    def near(g: dict, p: dict) -> bool:
        same_doc = p["doc_id"] == dmap.get(g["file"])
        return same_doc and overlap(int(g["start"]), int(g["end"]), p["start"], p["end"]) > 0

    found = correct = 0
    for g in required:
        candidates = [p for p in scored if near(g, p)]
        found += bool(candidates)
        correct += any(str(p["value"]).strip() == g["value"] for p in candidates)
    tp = sum(
        1 for p in scored if any(near(g, p) and str(p["value"]).strip() == g["value"] for g in gold)
    )
    false_dates = sum(1 for n in not_dates for p in scored if near(n, p))
    precision, recall = ratio(tp, len(scored)), ratio(correct, len(required))
    return {
        "date_mention_recall": round(ratio(found, len(required)), 3),
        "date_value_accuracy": round(ratio(correct, found), 3),
        "date_precision": round(precision, 3),
        "date_recall": round(recall, 3),
        "date_f1": round(f1(precision, recall), 3),
        "non_dates_taken_as_dates": false_dates,
        "dates_predicted": len(scored),
        "dates_gold": len(required),
    }


def macro_f1(pairs: list[tuple[int, int]], labels: tuple[int, ...] = (-1, 0, 1)) -> float:
    """Mean F1 over the stance labels."""
    scores = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        scores.append(f1(ratio(tp, tp + fp), ratio(tp, tp + fn)))
    return sum(scores) / len(scores)


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation (average ranks for ties); NaN below three pairs."""
    if len(xs) < 3:
        return float("nan")
    rx, ry = pd.Series(xs).rank().tolist(), pd.Series(ys).rank().tolist()
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    vy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (vx * vy) if vx and vy else float("nan")


def stance_pairs(gold: list[dict], pred: list[dict], dmap: dict) -> list[tuple[int, int]]:
    """(gold label, predicted label) for each gold stance span."""
    pairs = []
    for g in gold:
        g0, g1 = int(g["start"]), int(g["end"])
        cands = [
            p
            for p in pred
            if p["doc_id"] == dmap.get(g["file"]) and overlap(g0, g1, p["start"], p["end"]) > 0
        ]
        label = 0
        if cands:
            best = max(cands, key=lambda p: overlap(g0, g1, p["start"], p["end"]))
            label = sign(int(best["stance"]))
        pairs.append((int(g["stance"]), label))
    return pairs


def score_stance(gold: dict[str, list[dict]], tables: Tables, dmap: dict) -> dict:
    """Sentence accuracy and macro-F1, document Spearman, expert recall and sign agreement."""
    pairs = stance_pairs(gold["stance_sentences"], _records(tables.stance), dmap)
    doc_scores = dict(
        zip(tables.documents["doc_id"], tables.documents["integration_stance"], strict=True)
    )
    xs, ys = [], []
    for g in gold["stance_documents"]:
        if dmap.get(g["file"]) in doc_scores:
            xs.append(float(doc_scores[dmap[g["file"]]]))
            ys.append(float(g["stance"]))
    found = agree = 0
    positions = _records(tables.positions)
    for g in gold["positions"]:
        rows = [
            p
            for p in positions
            if p["doc_id"] == dmap.get(g["file"])
            and speakers(g["speaker"]) & speakers(p["speaker"])
        ]
        if rows:
            found += 1
            agree += sign(float(rows[0]["stance"])) == sign(float(g["stance"]))
    rho = spearman(xs, ys)
    return {
        "stance_sentence_accuracy": round(ratio(sum(g == p for g, p in pairs), len(pairs)), 3),
        "stance_sentence_macro_f1": round(macro_f1(pairs), 3),
        "stance_document_spearman": None if math.isnan(rho) else round(rho, 3),
        "expert_recall": round(ratio(found, len(gold["positions"])), 3),
        "expert_stance_sign_agreement": round(ratio(agree, found), 3),
    }


def score_tables(
    tables: Tables, gold_dir: Path, corpus: Corpus, texts_dir: Path | None = None
) -> dict[str, float | int | None]:
    """Every metric of the reference scorer for these tables against a gold folder."""
    gold = read_gold(gold_dir)
    dmap = doc_map(corpus, gold, texts_dir)
    result: dict[str, float | int | None] = {
        "documents_matched": sum(1 for d in dmap.values() if d),
        "documents_gold": len(dmap),
    }
    result.update(score_quotes(gold["quotes"], gold["not_quotes"], _records(tables.quotes), dmap))
    result.update(score_dates(gold["dates"], gold["not_dates"], _records(tables.dates), dmap))
    result.update(score_stance(gold, tables, dmap))
    return result


def format_scores(scores: dict) -> str:
    """The metrics as aligned ``name value`` lines, like the reference scorer prints them."""
    return "\n".join(f"{key:34} {value}" for key, value in scores.items())
