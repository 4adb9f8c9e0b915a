"""Quotation marks: pair them into quoted spans, whatever marks the outlet uses.

Straight ``"``, curly “…”, low „…“, guillemets «…» and single ‘…’ are paired by context
(a mark after a space that precedes a letter opens; a mark after a letter that precedes a
space or punctuation closes), so that mismatched pairs such as “…“ still pair up. A quote
that runs over several paragraphs (each new paragraph re-opening it, the last one closing)
gives one span per paragraph, all flagged ``continued`` after the first (a paragraph is
also a line when the next line opens with a mark, as in texts without blank lines); a quote
left open when the text ends runs to the end of its paragraph, or of the text.

Block quotations, the layout of blogs and newsletters (an introduction ending with a colon,
then the speech in indented or "> " paragraphs, without marks), are found apart too
(:func:`find_block_quotes`).

Dash dialogue, the Russian layout that machine translations keep ("— We agree, — the
president said. — And we will sign."), is found apart (:func:`find_dialogue`): its spans
are speech only where a reporting cue follows, which is for the quote finder to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitlib.text.sentences import LIST_MARKER, SPEAKER_LABEL, paragraph_spans

DOUBLE = '"“”„‟«»″'
DOUBLE_MARK = re.compile(f"[{re.escape(DOUBLE)}]")
OPEN_BY_SHAPE = set("“„‟«")
CLOSE_BY_SHAPE = set("”»″")
BEFORE_OPEN = set(" \t\n\u00a0([{—–-/:;,")
AFTER_CLOSE = set(" \t\n\u00a0)]}.,;:!?—–-/")
NESTED_CHARS = 60  # the longest quote nested in another with the same marks
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
DIALOGUE_LINE = re.compile(r"(?m)^[ \t\u00a0]*([—–-])[ \t\u00a0]+(?=\S)")
ATTRIBUTION = re.compile(  # ", — the leader noted. — " or ", — he said." at the end of the line
    r"(?<=[,!?…])[ \t\u00a0]+([—–-])[ \t\u00a0]+[^—–\n]{2,120}?"
    r"(?:[.,:][ \t\u00a0]+([—–-])[ \t\u00a0]+(?=\S)|\.?[ \t\u00a0]*(?=\n|$))"
)


BLOCK_INDENT = re.compile(r"(?: {4,}|\t+|[ \t]*>[ \t\u00a0]*)(?=\S)")  # at a line's start
INDENTED_LINE = re.compile(r"^(?: {4}|\t|[ \t]*>)", re.MULTILINE)  # any line that may be one
BLOCK_WORDS = 3  # the fewest words of a block quotation


@dataclass(frozen=True)
class Block:
    """A paragraph of a block quotation (``start:end``) and the colon that introduces it."""

    colon: int
    start: int
    end: int


@dataclass(frozen=True)
class Quoted:
    """A quoted span: the marks at ``open``/``close`` and the text ``start:end`` between."""

    open: int
    close: int
    start: int
    end: int
    closed: bool = True
    continued: bool = False

    def inner(self, text: str) -> str:
        """The text between the marks."""
        return text[self.start : self.end]


def _side(text: str, i: int) -> str:
    """'open', 'close', 'toggle' or '' for the mark at ``i``, from its neighbours and shape."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = (before in BEFORE_OPEN or before in DOUBLE) and not after.isspace()
    closes = not before.isspace() and (after in AFTER_CLOSE or after in DOUBLE or after == "’")
    if opens != closes:
        return "open" if opens else "close"
    if text[i] in OPEN_BY_SHAPE:
        return "open"
    if text[i] in CLOSE_BY_SHAPE:
        return "close"
    return "toggle" if opens else ""


def _double_marks(text: str) -> list[tuple[int, str]]:
    """Positions and sides of the double quotation marks."""
    marks = []
    for hit in DOUBLE_MARK.finditer(text):  # the regex finds the marks; no loop over characters
        side = _side(text, hit.start())
        if side:
            marks.append((hit.start(), side))
    return marks


def _paragraph_end(text: str, start: int) -> int:
    """End of the paragraph (blank-line separated) that contains ``start``."""
    match = PARAGRAPH_BREAK.search(text, start)
    end = match.start() if match else len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _reopens(text: str, open_at: int, pos: int, side: str) -> int | None:
    """Where the quote opened at ``open_at`` ends if the mark at ``pos`` begins a new
    paragraph of it: after a blank line, or on a new line that opens with the mark."""
    if PARAGRAPH_BREAK.search(text, open_at, pos):
        return _paragraph_end(text, open_at)
    line = text.rfind("\n", open_at, pos)
    if side == "close" or line < 0 or text[line + 1 : pos].strip():
        return None
    while line > open_at and text[line - 1].isspace():
        line -= 1
    return line


def _nested(text: str, marks: list[tuple[int, str]], i: int) -> bool:
    """Whether the opening mark ``marks[i]``, inside an open quote, opens a short quote of
    its own that the next mark closes on the same line (the outlet nests one kind of mark:
    "He promised to sell "Beltransgaz" and did not," he said)."""
    if i + 1 >= len(marks) or marks[i + 1][1] not in ("close", "toggle"):
        return False
    pos, end = marks[i][0], marks[i + 1][0]
    return end - pos <= NESTED_CHARS and "\n" not in text[pos:end]


def _pair(text: str, marks: list[tuple[int, str]]) -> list[Quoted]:
    """Pair opening and closing marks into quoted spans (a short quote nested in an open one
    with the same marks is part of it)."""
    spans: list[Quoted] = []
    open_at: int | None = None
    continued = False
    inner_close = -1  # the mark that closes a nested quote
    for i, (pos, side) in enumerate(marks):
        if open_at is not None and (end := _reopens(text, open_at, pos, side)) is not None:
            spans.append(Quoted(open_at, end, open_at + 1, end, False, continued))
            open_at, continued = None, side == "open"
        if i == inner_close:
            continue
        if side == "open" and open_at is not None and _nested(text, marks, i):
            inner_close = i + 1
            continue
        if side == "toggle":
            side = "open" if open_at is None else "close"
        if side == "open" and open_at is None:
            open_at = pos
        elif side == "close" and open_at is not None:
            spans.append(Quoted(open_at, pos, open_at + 1, pos, True, continued))
            open_at, continued = None, False
    if open_at is not None:
        end = _paragraph_end(text, open_at)
        spans.append(Quoted(open_at, end, open_at + 1, end, False, continued))
    return [s for s in spans if s.end > s.start]


def _single_quoted(text: str) -> list[Quoted]:
    """Spans between curly single marks ‘…’ (a closing ’ must not be an apostrophe)."""
    spans = []
    for match in re.finditer(r"[‘‚]((?:[^‘’\n]|’(?=\w)){1,300}?[^\s\w]?)’(?!\w)", text):
        before = text[match.start() - 1] if match.start() else " "
        if before in BEFORE_OPEN or before in DOUBLE:
            spans.append(Quoted(match.start(), match.end() - 1, match.start(1), match.end(1)))
    return spans


def find_dialogue(text: str) -> list[Quoted]:
    """Dash-dialogue lines split by an attribution: the part before it, and the part after
    it flagged ``continued`` ("— We agree, — he said. — And we will sign.").

    >>> [q.inner(t) for t in ["— Yes, — he said. — We sign."] for q in find_dialogue(t)]
    ['Yes,', 'We sign.']
    """
    spans = []
    for line in DIALOGUE_LINE.finditer(text):
        end = text.find("\n", line.end())
        end = len(text) if end < 0 else end
        cue = ATTRIBUTION.search(text, line.end(), end)
        if cue is None:
            continue
        spans.append(Quoted(line.start(1), cue.start(1), line.end(), cue.start()))
        if cue.group(2):
            while end > cue.end() and text[end - 1].isspace():
                end -= 1
            spans.append(Quoted(cue.start(2), end, cue.end(), end, False, True))
    return spans


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted span of ``text``, in order of position.

    >>> [q.inner('He said “yes” and ‘no’.') for q in find_quoted('He said “yes” and ‘no’.')]
    ['yes', 'no']
    """
    spans = _pair(text, _double_marks(text))
    covered = [(s.open, s.close) for s in spans]
    for single in _single_quoted(text):
        if not any(a <= single.open <= b for a, b in covered):
            spans.append(single)
    return sorted(spans, key=lambda s: (s.open, s.close))


def _block_start(text: str, start: int, end: int) -> int | None:
    """Where the speech of an indented or "> " paragraph starts (None if it is not one, or is a
    list item or a speaker's turn)."""
    indent = BLOCK_INDENT.match(text, text.rfind("\n", 0, start) + 1)
    if indent is None or indent.end() < start:
        return None
    body = indent.end()
    listed = LIST_MARKER.match(text, body) or SPEAKER_LABEL.match(text, body, end)
    return None if listed or len(text[body:end].split()) < BLOCK_WORDS else body


def find_block_quotes(text: str) -> list[Block]:
    """Block quotations: indented (or "> ") paragraphs under a paragraph ending with a colon,
    each with that colon; a run of them shares it.

    >>> text = "He said:" + chr(10) * 2 + "    We will sign it."
    >>> [text[b.start : b.end] for b in find_block_quotes(text)]
    ['We will sign it.']
    """
    found: list[Block] = []
    if INDENTED_LINE.search(text) is None:
        return found  # spare the paragraph split
    colon = None
    for start, end in paragraph_spans(text):
        body = _block_start(text, start, end)
        if body is None:
            colon = end - 1 if text[end - 1] == ":" else None
        elif colon is not None:
            found.append(Block(colon, body, end))
    return found
