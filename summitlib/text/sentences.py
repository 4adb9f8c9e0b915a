"""Sentence and paragraph spans: NLTK Punkt inside each line, with news-layout care.

Scraped articles put headlines, bullet points and interview labels on lines of their own,
often without a final stop. Each non-empty line is therefore split on its own; list
markers (``•``, ``-``, ``1.``) and a leading speaker label (``Kazakevich:``) are kept out of
the sentence span, and Punkt (with an abbreviation list for Mr., Gen., U.S., Dec., …)
splits the rest.
"""

from __future__ import annotations

import re

from summitlib.text.resources import punkt
from summitlib.text.spans import trim_span

SENT_END = re.compile(r"[.?!]")  # Punkt's sentence-end characters
LIST_MARKER = re.compile(r"[ \t\u00a0]*(?:[•●▪◦·*\-–—]|\d{1,2}[.)])[ \t\u00a0]+")
TERMINAL = set('.!?:;"”’»)]')
CAPITAL = r"[A-Z][\w’'./&-]*"  # a capitalised word of a label
MORE = rf"(?: (?:(?:of|the|and|for|de) )*{CAPITAL})"  # the label's next word
LABEL = (  # "Q:", "Putin:", "**Kolesnikova:**" (bold kept), "PUTIN, PRESIDENT OF RUSSIA:",
    # "HOST (Yekaterina Grinyova):", "USTINOVICH (Minsk, video link):"
    rf"(?:\*\*|__)?({CAPITAL}{MORE}{{0,11}}(?:, {CAPITAL}{MORE}{{0,6}})?|Q|A)"
    r"(?: \([^()\n:]{1,60}\))?(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t\u00a0]*"
)
BRACKET_LABEL = (  # a monitoring transcript's "[Alexander Lukashenko, President of Belarus] …"
    rf"\[({CAPITAL}{MORE}{{0,11}}(?:, [^\[\]\n]{{1,80}})?)\][ \t\u00a0]*"
)
TIMESTAMP = r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\(\d{1,2}:\d{2}(?::\d{2})?\))[ \t]+"  # "[00:12:31] "
SPEAKER_LABEL = re.compile(  # a label, then the speech; a transcript's timestamp may open the line
    rf"(?:{TIMESTAMP})?(?:{LABEL}|{BRACKET_LABEL})(?=\S)"
)
LABEL_ALONE = re.compile(rf"{LABEL}|{BRACKET_LABEL}")  # "V.Putin:" alone, the speech below


def line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``, without their edge whitespace."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = trim_span(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def same_paragraph(text: str, a_end: int, b_start: int) -> bool:
    """Whether the text between two spans holds no paragraph break (a blank line)."""
    gap = text[a_end:b_start]
    return "\n\n" not in gap and "\n \n" not in gap


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Lines, re-joined where a scraper broke a sentence (no stop, then a lowercase start)."""
    merged: list[tuple[int, int]] = []
    for start, end in line_spans(text):
        if merged and _continues(text, merged[-1][1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _continues(text: str, prev_end: int, start: int) -> bool:
    """Whether the line at ``start`` carries on the sentence that ended at ``prev_end``."""
    return text[prev_end - 1] not in TERMINAL and text[start].islower()


def speaker_label(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The interview label opening the line ``text[start:end]`` and where its text begins."""
    match = SPEAKER_LABEL.match(text, start, end)
    if match is None or match.end() >= end:
        return None
    return _label_name(match), match.end()


def label_alone(text: str, start: int, end: int) -> str | None:
    """The speaker label that fills the line ``text[start:end]`` ("V.Putin:"), if it does."""
    match = LABEL_ALONE.fullmatch(text, start, end)
    return _label_name(match) if match else None


def _label_name(match: re.Match[str]) -> str:
    """The name a label match holds, in either form ("Putin:" or "[Putin]")."""
    return match.group(1) or match.group(2)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, in order, never empty."""
    spans: list[tuple[int, int]] = []
    for start, end in paragraph_spans(text):
        marker = LIST_MARKER.match(text, start, end)
        if marker and marker.end() < end:
            start = marker.end()
        label = speaker_label(text, start, end)
        if label is not None:
            start = label[1]
        for s, e in _punkt_spans(text, start, end):
            s, e = trim_span(text, s, e)
            if s < e:
                spans.append((s, e))
    return spans


def _punkt_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``text[start:end]`` in offsets of ``text``, edges untrimmed.
    Punkt weighs a break only after a sentence-end character that something follows: a piece
    without one before its last character is one sentence, and Punkt is not called."""
    if SENT_END.search(text, start, end - 1) is None:
        return [(start, end)]
    return [(start + s, start + e) for s, e in punkt().span_tokenize(text[start:end])]
