"""The named pipeline components: each reads what earlier ones put on the document and adds its own.

A component is a function ``(doc: ArticleDoc) -> None`` registered under a name with
:func:`component`. The default order is :data:`DEFAULT_COMPONENTS`; a user's own component
(a topic tagger, say) is registered the same way and appended to a
:class:`~summitlib.pipeline.annotate.Pipeline`, and its rows land in a table of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from summitlib.extract.actors import find_actors, load_registry
from summitlib.extract.amounts import find_amounts
from summitlib.extract.dates import find_dates
from summitlib.extract.positions import positions_rows, quote_positions, scored_quotes
from summitlib.extract.quotes import find_quotes, interview_turns
from summitlib.extract.stance import assess_stance, document_stance, load_models
from summitlib.pipeline.doc import ArticleDoc
from summitlib.text.resources import tone, word_count
from summitlib.text.sentences import split_sentences

Component = Callable[[ArticleDoc], None]
COMPONENTS: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register a function as the pipeline component called ``name``."""

    def register(func: Component) -> Component:
        COMPONENTS[name] = func
        return func

    return register


@component("sentences")
def sentences(doc: ArticleDoc) -> None:
    """Sentence spans and their general tone (VADER compound), scored once per sentence."""
    text = doc.text
    doc.set_sentences(split_sentences(text))
    doc.tones = [tone(text[s:e]) for s, e in doc.sentences]
    doc.add_rows(
        "sentences",
        [
            doc.row(s, e, sent_id=i, tone=round(mood, 4))
            for i, ((s, e), mood) in enumerate(zip(doc.sentences, doc.tones, strict=True))
        ],
    )


@component("actors")
def actors(doc: ArticleDoc) -> None:
    """People, organisations and states, with canonical names."""
    outlet = doc.article.meta.get("outlet", "")
    doc.mentions = find_actors(doc.text, load_registry(), outlet, doc.published)
    doc.add_rows(
        "actors",
        [
            doc.row(m.start, m.end, actor=m.actor, actor_type=m.actor_type, role=m.role, via=m.via)
            for m in doc.mentions
        ],
    )


@component("turns")
def turns(doc: ArticleDoc) -> None:
    """Questions and answers of an interview."""
    doc.turns = interview_turns(doc.text, doc.mentions, doc.title)
    doc.add_rows(
        "turns",
        [doc.row(t.start, t.end, speaker=t.speaker, kind=t.kind, label=t.label) for t in doc.turns],
    )


@component("quotes")
def quotes(doc: ArticleDoc) -> None:
    """Attributed quotations: direct, indirect and interview answers."""
    doc.quotes = find_quotes(
        doc.text, load_registry(), doc.mentions, doc.sentences, doc.title, doc.turns
    )
    doc.add_rows(
        "quotes",
        [
            doc.row(q.start, q.end, speaker=q.speaker, kind=q.kind, cue=q.cue, role=q.role)
            for q in doc.quotes
        ],
    )


@component("dates")
def dates(doc: ArticleDoc) -> None:
    """Temporal expressions, plus the publication-date marker that cleaning removed."""
    rows = []
    for removal in doc.cleaned.removed:
        if removal.kind != "date_marker":
            continue
        marker = doc.cleaned.raw[removal.start : removal.end]
        for m in find_dates(marker, doc.published):
            s, e = removal.start + m.start, removal.start + m.end
            rows.append(
                doc.raw_row(s, e, value=m.value, anchor="dateline", granularity=m.granularity)
            )
    for m in find_dates(doc.text, doc.published):
        rows.append(
            doc.row(m.start, m.end, value=m.value, anchor=m.anchor, granularity=m.granularity)
        )
    doc.add_rows("dates", rows)


@component("amounts")
def amounts(doc: ArticleDoc) -> None:
    """Money, prices, percentages and counted programmes with their topic."""
    doc.add_rows(
        "amounts",
        [
            doc.row(a.start, a.end, value=a.value, unit=a.unit, kind=a.kind, topic=a.topic)
            for a in find_amounts(doc.text)
        ],
    )


@component("stance")
def stance(doc: ArticleDoc) -> None:
    """Stance toward integration of each integration-relevant clause, and of the article."""
    models = load_models(doc.options.get("stance_model"))
    doc.stance, scores = assess_stance(doc.text, doc.sentences, doc.tones, models)
    doc.values["integration_stance"] = document_stance(doc.stance, scores)
    doc.add_rows(
        "stance",
        [
            doc.row(
                s.start,
                s.end,
                stance=s.stance,
                score=round(s.score, 4),
                evidence=s.evidence,
                tone=round(s.tone, 4),
                relevance=round(s.relevance, 4),
            )
            for s in doc.stance
        ],
    )


@component("positions")
def positions(doc: ArticleDoc) -> None:
    """One row per speaker: role, number of quotes and stance toward integration; and each
    quote's own position, for the notebooks (``_quote_positions``, not written out)."""
    models = load_models(doc.options.get("stance_model"))
    quotes = doc.rows.get("quotes", [])
    scored = scored_quotes(quotes, models)
    doc.add_rows(
        "positions",
        positions_rows(
            doc.article,
            quotes,
            doc.rows.get("stance", []),
            float(doc.values.get("integration_stance", 0.0)),
            scored=scored,
        ),
    )
    doc.add_rows("_quote_positions", quote_positions(doc.doc_id, quotes, scored=scored))


def summary(doc: ArticleDoc) -> dict[str, object]:
    """The article's row of ``documents.csv`` beyond its metadata."""
    table = doc.rows.get("sentences")
    tones = table.column("tone") if table is not None else []
    return {
        "n_sentences": len(doc.sentences),
        "n_words": word_count(doc.text),
        "integration_stance": round(float(doc.values.get("integration_stance", 0.0)), 4),
        "tone": round(sum(tones) / len(tones), 4) if tones else 0.0,
        "n_quotes": len(doc.quotes),
        "n_dates": len(doc.rows.get("dates", [])),
    }


def text_rows(doc: ArticleDoc) -> dict[str, list[dict]]:
    """The cleaned text and what cleaning removed, kept for the notebooks (not written out)."""
    raw = doc.cleaned.raw
    removed = [
        {
            "doc_id": doc.doc_id,
            "start": r.start,
            "end": r.end,
            "kind": r.kind,
            "chars": r.end - r.start,
            "text": raw[r.start : r.end],
        }
        for r in doc.cleaned.removed
    ]
    text = {"doc_id": doc.doc_id, "n_chars": len(raw), "text": doc.text}
    return {"_texts": [text], "_removed": removed}


DEFAULT_COMPONENTS = (
    "sentences",
    "actors",
    "turns",
    "quotes",
    "dates",
    "amounts",
    "stance",
    "positions",
)
