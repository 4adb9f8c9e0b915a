"""Amounts: money, prices, percentages and counted programmes, with what they are about.

``value`` is a plain number (``650000000.0`` for "$650 million"), ``unit`` the currency or
unit (``USD``, ``EUR``, ``RUB``, ``BYN``, ``percent``, or the counted noun), ``kind`` one of
``money``, ``price``, ``percent``, ``count``, and ``topic`` the first cue word of the
sentence part around it (loan, gas, oil, trade, aid, programme, …), empty when none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitlib.text.spans import Occupied

SCALE = {
    "thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9,
    "bn": 1e9, "trillion": 1e12,
}  # fmt: skip
WORD_NUMBERS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "half a": 0.5}
CURRENCY_SIGN = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB"}
CURRENCY_WORD = {
    "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "roubles": "RUB", "rubles": "RUB",
    "rub": "RUB", "belarusian roubles": "BYN", "belarusian rubles": "BYN", "byn": "BYN",
}  # fmt: skip
TOPICS = [
    ("loan", r"loans?|credit|refinanc\w*|debts?|repa(?:y\w*|id)|return of"),  # money paid back
    ("gas", r"gas"),
    ("oil", r"oil|petroleum|tax manoeuvre|tax maneuver"),
    ("aid", r"aid|support|subsid\w*|compensation"),
    ("trade", r"trade|turnover|exports?|imports?"),
    ("programme", r"programs?|programmes?|roadmaps?|road maps?"),
    ("budget", r"budget|expenses"),
    ("population", r"population|people|citizens|Belarusians|Russians"),
]
NUMBER = r"(\d+(?:[.,]\d+)*|a|an|one|two|three|half a)"
# "\b{NUMBER}" opening with its first character (a digit, "a", "one", "two", "half a"; case kept),
# so that the regex engine skips at once to the characters that may start it, with "\b" and
# the rest of the number looked behind and after that character
NUMBER_AT_WORD = (
    r"((?-i:[\dAaOoTtHh])(?<!\w.)"
    r"(?:(?<=\d)\d*(?:[.,]\d+)*|(?<=a)|(?<=a)n|(?<=o)ne|(?<=t)wo|(?<=t)hree|(?<=h)alf a))"
)
SCALE_WORDS = r"(thousand|million|mln|billion|bln|bn|trillion)"
PATTERNS = [
    (
        "money",
        re.compile(rf"([$€£₽])\s?{NUMBER}(?:\s*{SCALE_WORDS}\b|(?<=\d)(m|bn)\b)?", re.I),
    ),
    (
        "money",
        re.compile(
            rf"{NUMBER_AT_WORD}\s+(?:{SCALE_WORDS}\s+)?(belarusian r[ou]+bles|"
            r"u\.?s\.? dollars|dollars|euros?|r[ou]+bles|usd|eur|rub|byn)\b",
            re.I,
        ),
    ),
    ("percent", re.compile(rf"{NUMBER_AT_WORD}\s*(?:%|percent\b|per cent\b)", re.I)),
    (
        "count",
        re.compile(
            r"(\d(?<!\w.)\d*)\s+(?:[a-z-]+\s+)?(programs|programmes|roadmaps|road maps|agreements"
            r"|documents|treaties|deals|projects)\b",
            re.I,
        ),
    ),  # fmt: skip
]
# every percent match holds one of these (in any case), so a text without any is spared the
# percent scan; a regex, not text.lower(), which copies a long text into a buffer of 12 bytes
# per character
PERCENT_MARK = re.compile(r"%|percent|per cent", re.I)
TOPIC_PATTERNS = [(topic, re.compile(rf"\b(?:{words})\b", re.I)) for topic, words in TOPICS]
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")  # "1,500", "12,000,000"
PRICE_AFTER = re.compile(
    r"\s*(?:per|a|for)\s+(?:1,?000\s+)?(?:cubic\s+met(?:er|re)s?|tcm|barrel|ton|tonne)"
)


@dataclass(frozen=True)
class Amount:
    """An amount in the text: span, numeric value, unit, kind and topic."""

    start: int
    end: int
    value: float
    unit: str
    kind: str
    topic: str


def _number(text: str) -> float | None:
    """1500.0 for '1,500', 1.5 for '1.5', 1.0 for 'a'."""
    low = text.lower()
    if low in WORD_NUMBERS:
        return WORD_NUMBERS[low]
    cleaned = text.replace(",", "") if THOUSANDS.fullmatch(text) else text
    try:
        return float(cleaned.replace(",", "."))
    except ValueError:
        return None


def _topic(text: str, start: int, end: int) -> str:
    """The nearest topic cue word within the clause around an amount."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 150)
    right = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    window = text[left + 1 : min([end + 150, *right])]
    best: tuple[int, str] | None = None
    centre = start - left - 1
    for topic, pattern in TOPIC_PATTERNS:
        for m in pattern.finditer(window):
            distance = abs(m.start() - centre)
            if best is None or distance < best[0]:
                best = (distance, topic)
    return best[1] if best else ""


def _resolve(kind: str, m: re.Match, text: str) -> tuple[float, str, str] | None:
    """(value, unit, kind) for a match."""
    if kind == "money" and m.group(1) in CURRENCY_SIGN:
        number = _number(m.group(2))
        scale = SCALE.get((m.group(3) or m.group(4) or "").lower(), 1.0)
        unit = CURRENCY_SIGN[m.group(1)]
    elif kind == "money":
        number = _number(m.group(1))
        scale = SCALE.get((m.group(2) or "").lower(), 1.0)
        unit = CURRENCY_WORD.get(" ".join(m.group(3).lower().split()), m.group(3).upper())
    elif kind == "percent":
        number, scale, unit = _number(m.group(1)), 1.0, "percent"
    else:
        number, scale, unit = _number(m.group(1)), 1.0, m.group(2).lower()
    if number is None:
        return None
    if kind == "money" and PRICE_AFTER.match(text, m.end()):
        kind = "price"
    return number * scale, unit, kind


def find_amounts(text: str) -> list[Amount]:
    """Money, prices, percentages and counts in ``text``.

    >>> [(a.value, a.unit) for a in find_amounts("a loan of $650 million")]
    [(650000000.0, 'USD')]
    """
    found: list[Amount] = []
    taken = Occupied()
    has_percent = PERCENT_MARK.search(text) is not None
    for kind, pattern in PATTERNS:
        if kind == "percent" and not has_percent:
            continue
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            resolved = _resolve(kind, m, text)
            if resolved is None:
                continue
            value, unit, real_kind = resolved
            topic = _topic(text, m.start(), m.end())
            found.append(Amount(m.start(), m.end(), value, unit, real_kind, topic))
            taken.claim(m.start(), m.end())
    return sorted(found, key=lambda a: (a.start, a.end))
