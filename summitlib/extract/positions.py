"""Positions: one row per speaker and article, with the speaker's stance toward integration.

A speaker's stance comes from the sentences of their quotations, read by the stance and target
models, through the position model (:mod:`summitlib.learning.positions`), on the gold's -2..+2
scale; ``score`` is 2 × the mean signed score of those sentences. The author of an opinion or
analysis piece states a position too: the author gets a row whose stance is the article's, with
``role`` "author". News reporters and interviewers do not.
"""

from __future__ import annotations

import re

from summitlib.corpus.reader import Document
from summitlib.extract.stance import load_models, quote_sentences
from summitlib.joint import SEPARATOR, split_values
from summitlib.learning.model import Model
from summitlib.learning.positions import QuoteSentence, position_score, speaker_position
from summitlib.scales import position, sign

AUTHOR_GENRES = {"opinion", "analysis", "column", "commentary", "blog", "editorial"}
SUMMARY_CHARS = 200
# An author's position from the article's stance: 0 within this band, else rounded. The band
# is the one speakers had before the position model (chosen by cross-validation over them).
AUTHOR_DEAD_BAND = 0.2
Scored = dict[str, list[QuoteSentence]]


def positions_rows(
    doc: Document,
    quotes: list[dict],
    stance_rows: list[dict],
    doc_stance: float,
    models: tuple[Model, Model] | None = None,
    scored: Scored | None = None,
) -> list[dict]:
    """The positions table rows of one article, from its quote and stance rows (speakers
    scored by the (target, stance) ``models``, default the shipped ones, or from ``scored``)."""
    by_speaker: dict[str, list[dict]] = {}
    roles: dict[str, str] = {}
    for quote in quotes:
        names = split_values(quote["speaker"])
        parts = quote["role"].split(SEPARATOR) if len(names) > 1 else [quote["role"]]
        for i, name in enumerate(names):
            if name:
                by_speaker.setdefault(name, []).append(quote)
                if i < len(parts) and parts[i] and not roles.get(name):
                    roles[name] = parts[i]
    scored = scored if scored is not None else scored_quotes(quotes, models)
    rows = []
    for speaker in sorted(by_speaker):
        said = by_speaker[speaker]
        texts = [q["text"] for q in said]
        sentences = [s for t in texts for s in scored[t]]
        rows.append(
            {
                "doc_id": doc.doc_id,
                "speaker": speaker,
                "role": roles.get(speaker, ""),
                "n_quotes": len(said),
                "stance": float(speaker_position(sentences)),
                "score": round(position_score(sentences), 4),
                "summary": _summary(texts),
                "kinds": ",".join(sorted({q["kind"] for q in said})),
            }
        )
    author = author_name(doc)
    if author and author not in by_speaker:
        rows.append(
            {
                "doc_id": doc.doc_id,
                "speaker": author,
                "role": "author",
                "n_quotes": 0,
                "stance": float(position(doc_stance, AUTHOR_DEAD_BAND)),
                "score": round(doc_stance, 4),
                "summary": _summary([r["text"] for r in _strongest(stance_rows, doc_stance)]),
                "kinds": "author",
            }
        )
    return rows


def quote_positions(
    doc_id: str,
    quotes: list[dict],
    models: tuple[Model, Model] | None = None,
    scored: Scored | None = None,
) -> list[dict]:
    """Each quote's own stance on the -2..+2 scale (the speaker score of that quote alone),
    kept for the notebooks so that they never score text themselves."""
    scored = scored if scored is not None else scored_quotes(quotes, models)
    return [
        {
            "doc_id": doc_id,
            "start": quote["start"],
            "end": quote["end"],
            "position": round(position_score(scored[quote["text"]]), 2),
        }
        for quote in quotes
    ]


def scored_quotes(quotes: list[dict], models: tuple[Model, Model] | None = None) -> Scored:
    """The scored sentences of each distinct quotation text (each read once)."""
    models = models or load_models()
    return {t: quote_sentences(t, models) for t in dict.fromkeys(q["text"] for q in quotes)}


def author_name(doc: Document) -> str:
    """The author who states a position: of an opinion/analysis piece, not an interviewer."""
    author = doc.meta.get("author", "").strip()
    genre = doc.meta.get("genre", "").strip().lower()
    if not author or genre not in AUTHOR_GENRES or re.search(r"interview", author, re.I):
        return ""
    return re.sub(r"\s*\(.*?\)\s*", " ", author).strip()


def _strongest(stance_rows: list[dict], doc_stance: float) -> list[dict]:
    """The clause that best shows the article's stance: same sign, largest score."""
    agreeing = [r for r in stance_rows if sign(r["score"]) == sign(doc_stance)]
    rows = agreeing or stance_rows
    if not rows:
        return []
    best = max(abs(r["score"]) for r in rows)
    return [next(r for r in rows if abs(r["score"]) == best)]


def _summary(texts: list[str]) -> str:
    """A one-line gist: the first quotation, whitespace folded, cut at a word boundary."""
    if not texts:
        return ""
    text = " ".join(texts[0].split())
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
