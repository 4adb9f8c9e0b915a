"""Dates: temporal expressions placed on the calendar, relative to the publication date.

Values follow the codebook: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ISO weeks ``YYYY-Www``,
half-years ``YYYY-H1``/``YYYY-H2`` and intervals ``start/end``. ``anchor`` says how a value
was reached: ``absolute`` (the text gives it all), ``publication`` (a month or day whose
year comes from the publication date), ``relative`` (weekdays, "this week", "last year",
"at the end of last year", counted from the publication date) or ``previous date`` ("three
days later", "the next day", counted from the last day the text named before it).

Two names of one interval are one date: "on Thursday and Friday", "in February or March",
"from today until September 25" (but "on June 30 and July 1" stays two, as coders keep it).

A month or day without a year follows the tense of its clause (cue words in
``data/lexicons/date_*.txt``): the future takes the coming occurrence, the past the last
one, and with no cue the last one unless the coming one is at most three months ahead.

Not dates: durations ("six hours", "1.5–2 years"), counts and money ("28 programs",
"$650 million"), names with numbers ("Agenda 2025", "COVID-19") and the modal "may".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import partial

from summitlib.text.lexicons import read_lexicon
from summitlib.text.phrases import phrase_alternation
from summitlib.text.spans import Occupied

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i], calendar.month_abbr[i] + ".")
}
MONTHS["sept"] = MONTHS["sept."] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}


def _month(name: str) -> int:
    """The number of a month name as a pattern matched it, whatever its case: the patterns
    that ignore case also match "ſept" or "APRİL", which ``str.lower`` does not fold."""
    return MONTHS["".join(c.casefold()[:1] for c in name)]


MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|"
    r"JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
    r"JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)"  # a wire's "17 SEP, 14:52" (not "MAY")
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
RELATIVE_YEAR_AFTER = r"\s+(?P<relyear>last|next|this)\s+year"  # "4 November last year"
DASH = r"\s*[-–—]\s*"
# A pattern that opens with its first character (a month's capital, a year's first digit)
# lets the regex engine skip at once to the characters that may start a match. What must hold
# before that character is then looked behind it: "\b" before a word is WORD_START.
WORD_START = r"(?<!\w.)"


def _opening(alternation: str, before: str) -> str:
    """An alternation of words ('(?:a|b)') with ``before`` put after each one's first character."""
    return "(?:" + "|".join(f"{w[0]}{before}{w[1:]}" for w in alternation[3:-1].split("|")) + ")"


def _after_initial(words: tuple[str, ...]) -> str:
    """An alternation of words past their first letter, looked behind, grouped by that letter."""
    initials = dict.fromkeys(word[0].lower() for word in words)
    return "|".join(
        f"(?<={initial})(?:" + "|".join(w[1:] for w in words if w[0].lower() == initial) + ")"
        for initial in initials
    )


MONTH_AT_WORD = _opening(MONTH, WORD_START)  # "\b{MONTH}"
YEAR_AT_WORD = _opening(YEAR, WORD_START)  # "\b{YEAR}"
# "(?:(?<=\bmid-)|(?<![\w$€£.,/-])){YEAR}": a year after "mid-" or no word, sign or number
YEAR_ALONE = _opening(YEAR, r"(?:(?<=\bmid-.)|(?<![\w$€£.,/-].))")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
UNIT_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)  # fmt: skip
TEEN_ORDINALS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
ORDINAL_DAYS = (  # "the first of January" … "the thirty-first of May": day 1 … 31
    dict(zip(UNIT_ORDINALS + TEEN_ORDINALS, range(1, 20), strict=True))
    | {"twentieth": 20, "thirtieth": 30, "thirty-first": 31}
    | {f"twenty-{w}": 21 + i for i, w in enumerate(UNIT_ORDINALS)}
)
DAY_WORD = "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True))


def _lexicon(name: str) -> tuple[str, ...]:
    """The items of ``data/lexicons/<name>.txt``."""
    return read_lexicon(f"{name}.txt")


def _words(name: str) -> str:
    """An alternation of a lexicon's items, longest first, spaces matching any whitespace."""
    return phrase_alternation(_lexicon(name))


# Tense cues of the clause around a date: the nearest tensed cue decides whether a month or
# day printed without a year is the coming one or the last one. Deadline prepositions ("by",
# "until") count only when no tensed cue is present.
TENSE_CUE = re.compile(
    rf"(?<![\w'-])(?:(?P<commit>{_words('date_commitment_cues')})"
    rf"|(?P<future>{_words('date_future_cues')})|(?P<past>{_words('date_past_cues')})"
    rf"|(?P<weak>{_words('date_weak_future_cues')})|(?P<ed>[a-z]{{2,}}ed))(?![\w'-])",
    re.IGNORECASE,
)
NOT_PAST_ED = frozenset(_lexicon("date_not_past_ed"))
PARTICIPLE_AUX = re.compile(
    r"\b(?:be|been|being|is|are|am|get|gets|getting)\s+(?:not\s+)?$", re.IGNORECASE
)
NOT_AFTER_TITLE = r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)"  # "Mr.", "St. Petersburg"
CLAUSE_END = re.compile(rf"{NOT_AFTER_TITLE}[.!?;\n]|\bthat\b")
RIGHT_END = re.compile(  # a quote, or a clause after "but", has its own tense; "Mr." ends nothing
    rf"{NOT_AFTER_TITLE}[.!?;:\n“”\"«»]|\bthat\b"
    r"|,\s*(?:but|while|whereas|although|though)\b"
)
NEAR_YEARS = 10  # "for 2020" this close to the publication year is a year ("the budget for 2020
# provides …"), not a count
LOOKAHEAD_MONTHS = 3  # with no tense cue, a month up to this far ahead is the coming one
UNIT_AFTER = re.compile(
    r"\s*(?:percent|per cent|people|persons|programs|programmes|million|billion|thousand|"
    r"tons|tonnes|km|kilometers|kilometres|dollars|euros|roubles|rubles|troops|soldiers|"
    r"cubic|barrels|votes|residents)\b|\s*%",
    re.IGNORECASE,
)
YEARS_AFTER = re.compile(r"\s*(?:year|years)\b")
MT_YEAR = re.compile(rf"{YEAR}\s+year\b")  # "by 2023 year": the Russian "к 2023 году"
DURATION_UNIT = re.compile(r"\s*(?:years?|months?|weeks?|days?|hours?)\b(?!\s+ago)")
PLURAL_AFTER = re.compile(r"\s*([a-z]+s)\b(?<!years)(?<!days)(?<!months)", re.IGNORECASE)
NOT_COUNT_NOUNS = frozenset(_lexicon("date_not_count_nouns"))
DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|its|his|her|their|this|that|these|those|our|whose)|\w[’']s)\s*$", re.IGNORECASE
)
YEAR_LEAD = re.compile(
    r"(?:\b(?:in|since|by|until|till|of|from|to|before|after|during|early|late|mid|end|"
    r"beginning|start|spring|summer|autumn|fall|winter|year|and|or|even|through|between|"
    r"for|on|the|its|his|her|their|this|that|circa|around|about|throughout|than|least|an?)"
    r"\s*-?\s*|[,(\[–—-]\s*|^\s*|"
    r"\w[’']s\s+)$",  # "Russia's 2020 loan"
    re.IGNORECASE,
)

TEMPORAL_BEFORE = re.compile(
    r"\b(?:in|since|until|till|before|after|during|throughout)\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class DateMention:
    """A temporal expression: span, normalised value, how it was anchored, granularity."""

    start: int
    end: int
    value: str
    anchor: str
    granularity: str


# --- calendar helpers --------------------------------------------------------------------


def _iso_week(day: dt.date) -> str:
    """'2021-W08' for a date."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    """Year and month ``delta`` months away."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _shift(word: str | None) -> int:
    """-1 for "last", +1 for "next", 0 for "this", "the" or nothing."""
    return {"last": -1, "next": 1}.get((word or "").lower(), 0)


def _number(word: str) -> int | None:
    """2 for '2' or 'two', 24 for 'twenty-four'."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    tens, _, unit = word.replace("-", " ").partition(" ")
    if tens in TENS_WORDS:
        return TENS_WORDS[tens] + (NUMBER_WORDS.get(unit.strip(), 0) if unit else 0)
    return NUMBER_WORDS.get(word)


def _year_of_month(month: int, published: dt.date, tense: str | None) -> int:
    """The year a month without a year most plausibly belongs to.

    The future takes the coming occurrence (this month included), the past the last one;
    with no tense the last one, unless the coming one is at most ``LOOKAHEAD_MONTHS`` away
    ("the September meeting" in an August article).
    """
    ahead = (month - published.month) % 12  # months to the coming occurrence
    coming = published.year + (month < published.month)
    last = published.year - (month > published.month)
    if tense == "future":
        return coming
    if tense == "past" or ahead == 0 or ahead > LOOKAHEAD_MONTHS:
        return last
    return coming


def _day_year(month: int, day: int, published: dt.date, tense: str | None) -> int:
    """The year of a day and month without a year."""
    year = published.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    if tense == "future":
        return year + 1 if candidate < published - dt.timedelta(days=31) else year
    soon = tense != "past" and (month, day) != (2, 29)  # 29 February has no next-year twin
    if soon and (dt.date(year + 1, month, day) - published).days <= 31:
        return year + 1  # "takes effect on 1 January" in a December article
    return year - 1 if candidate > published + dt.timedelta(days=31) else year


def _weekday(name: str, published: dt.date, future: bool, shifted: bool = False) -> dt.date:
    """The weekday nearest the publication date: before it, or after it for the future; a
    ``shifted`` one ("last Friday", "next Friday") is never the publication day itself."""
    target = WEEKDAYS[name.lower()]
    if target == published.weekday() and not shifted:
        return published  # "on Friday" in Friday's paper
    if future:
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=(published.weekday() - target) % 7 or 7)


def _cue_tense(cue: re.Match, text: str, after: bool = False) -> str | None:
    """'future', 'past', 'weak' (a deadline preposition) or None for one tense cue.

    A verb of commitment ("agreed to") puts what follows it in the future, but a date
    before it (``after`` the date) belongs to the verb itself, past if the verb is.
    """
    kind = cue.lastgroup
    word = cue.group().lower()
    if cue.group() == "May":
        return None  # the month, not the modal
    if kind == "commit":
        return ("past" if word.split()[0].endswith("ed") else None) if after else "future"
    if kind not in ("ed", "past"):
        return kind
    if kind == "ed" and word in NOT_PAST_ED:
        return None  # an adjective: "the united opposition"
    if PARTICIPLE_AUX.search(text, max(0, cue.start() - 12), cue.start()):
        return None  # a participle: "will be completed", "is to be held"
    return "past"


def _tense(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' for the clause around a span, or None when it gives no cue.

    The nearest tensed cue before the span (from the clause start, which a "that" also
    opens) decides; without one, the first after it in the same sentence; without either,
    a deadline preposition ("by", "until") means the future.
    """
    left = max(0, start - 150)
    for boundary in CLAUSE_END.finditer(text, left, start):
        left = boundary.end()
    weak = False
    before = [_cue_tense(c, text) for c in TENSE_CUE.finditer(text, left, end)]
    for tense in reversed(before):
        if tense in ("future", "past"):
            return tense
        weak = weak or tense == "weak"
    stop = RIGHT_END.search(text, end, min(len(text), end + 150))
    right = stop.start() if stop else min(len(text), end + 150)
    for cue in TENSE_CUE.finditer(text, end, right):
        tense = _cue_tense(cue, text, after=True)
        if tense in ("future", "past"):
            return tense
    return "future" if weak else None


def _valid(year: int, month: int, day: int) -> bool:
    """Whether a year-month-day exists."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _day_of(year: int, month: int, day: int, anchor: str = "absolute") -> tuple | None:
    """(value, anchor, granularity) of a calendar day, or None if the day does not exist."""
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", anchor, "day"


# --- the patterns ------------------------------------------------------------------------

EDGE = r"(?:(?:\b(?:the\s+)?end\s+of|\bbeginning\s+of|\bstart\s+of|\bearly|\blate|\bmid-?)\s*)?"
TO = rf"(?:{DASH}|\s+to\s+|\s+and\s+)"
EDGE_WORD = r"(end|beginning|start|middle)\s+of\s+"
RELATIVE = r"(this|last|next|the)\s+"
MONTH_NAMES = (
    r"January|February|March|April|June|July|August|September|October|November|December|"
    r"May(?=\s+(?:\d|this|last|next)|,)|(?<=[Ii]n\s|[Bb]y\s|[Oo]f\s)May|(?<=next\s|last\s)May"
)
WEEKDAY_LEAD = (
    r"(?:(?:[Oo]n\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
)
TENS = f"(?:{'|'.join(TENS_WORDS)})"
UNITS = f"(?:{'|'.join(w for w, n in NUMBER_WORDS.items() if n <= 9 and w not in ('a', 'an'))})"
COUNT = rf"({TENS}(?:[-\s]{UNITS})?|{'|'.join(NUMBER_WORDS)}|\d+)"  # "two", "12", "twenty-four"
RELATIVE_WORDS = (  # "(this|last|next|the\s+past|the\s+previous|the\s+coming|(?:the\s+)?current)"
    "this", "last", "next", r"the\s+past", r"the\s+previous", r"the\s+coming", r"the\s+current",
    "current", "past",  # machine translation's "on past week"
)  # fmt: skip
DECADE_WORDS = ("fifties", "sixties", "seventies", "eighties", "nineties")  # of the 1900s
PATTERN_TEXT: list[tuple[str, str, int]] = [
    ("iso", rf"({YEAR_AT_WORD})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b", 0),
    ("dotted", rf"\b(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.({YEAR})\b", 0),
    ("slashed", rf"(?<![\d/])(\d{{1,2}})/(\d{{1,2}})/({YEAR})(?![\d/])", 0),  # "…/2024December"
    ("day_range_month", rf"\b(?:from\s+)?({DAY}){TO}({DAY})\s+({MONTH})(?:,?\s+({YEAR}))?\b", 0),
    ("month_day_range", rf"({MONTH_AT_WORD})\s+({DAY}){TO}({DAY})(?:,?\s+({YEAR}))?\b", 0),
    ("month_range", rf"({MONTH_AT_WORD})(?:{DASH}|\s+to\s+)({MONTH})(?:,?\s+({YEAR}))?\b", 0),
    (
        "first_months",
        rf"\b(?:the\s+)?first\s+{COUNT}\s+months\s+of\s+(?:(this|last|next|the)\s+year|({YEAR}))\b",
        re.I,
    ),
    (
        "day_month",
        rf"\b{WEEKDAY_LEAD}(?:[Oo]n\s+)?({DAY}|(?:(?<=the\s)(?i:{DAY_WORD})(?=\s+of\s)))\s+"
        rf"(?:of\s+)?({MONTH})(?:,?\s+({YEAR})|{RELATIVE_YEAR_AFTER})?\b",
        0,
    ),
    (
        "month_day",
        rf"\b{WEEKDAY_LEAD}(?:[Oo]n\s+)?(?:the\s+)?({MONTH})\s+({DAY})(?!\d|:\d)"
        rf"(?:,?\s+({YEAR})|{RELATIVE_YEAR_AFTER})?\b"
        r"(?![.,]\d)",
        0,
    ),
    # "on May, 9": a comma between month and day, only after "on" and before no noun
    (
        "month_day",
        rf"\b[Oo]n\s+({MONTH}),\s*({DAY})(?!\d)(?:,?\s+({YEAR}))?\b(?![.,]?\d|\s+[a-z])",
        0,
    ),
    (  # "by the end of the first quarter": the quarter's (half's) last month
        "edge_period",
        rf"\b(?:the\s+)?(end|beginning|start)\s+of\s+(?:the\s+)?(first|second|third|fourth|"
        rf"1st|2nd|3rd|4th)\s+(quarter|half)(?:\s+of\s+(?:({YEAR})|{RELATIVE}year))?\b",
        re.I,
    ),
    (
        "half",
        rf"\b(?:the\s+)?(first|second|1st|2nd)\s+half\s+of\s+(?:({YEAR})|{RELATIVE}year)\b",
        re.I,
    ),
    (
        "quarter",
        rf"\b(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+"
        rf"(?:({YEAR})|{RELATIVE}year)\b",
        re.I,
    ),
    ("quarter", rf"\b(Q[1-4])\s+({YEAR})\b", 0),
    # a quarter of the year the publication date implies: "in the second quarter", "in Q3"
    (
        "quarter_only",
        r"\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b(?!-|\s+of\b)",
        re.I,
    ),
    ("quarter_only", r"\b(?:in|by|for|until)\s+(Q[1-4])\b", 0),  # not an interview's "Q1:"
    (
        "season",
        rf"\b(?:(?:in|the)\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
        rf"(?:({YEAR})|(?:the\s+)?{RELATIVE}year)\b",
        re.I,
    ),
    (
        "relative_season",
        r"\b(this|last|next|this\s+past|the\s+coming)\s+(spring|summer|autumn|winter)\b",
        re.I,
    ),
    (  # "the first half of November", "the first week of January": days of a month
        "month_part",
        rf"\b(?:the\s+)?(first|second|1st|2nd)\s+(half|week)\s+of\s+({MONTH})(?:,?\s+({YEAR}))?"
        r"\b(?!\s+\d)",
        0,
    ),
    ("month_year", rf"{EDGE}\b({MONTH})(?:\s+of)?,?\s+({YEAR})\b", 0),
    ("month_this_year", rf"({MONTH_AT_WORD})(\s+\w+){{0,4}}?\s+(this|last|next)\s+year\b", 0),
    ("edge_month", rf"\b(?:the\s+)?{EDGE_WORD}({MONTH})\b(?!\s+\d)", re.I),
    ("edge_relative_year", rf"\b(?:at\s+)?(?:the\s+)?{EDGE_WORD}{RELATIVE}year\b", re.I),
    ("edge_relative_month", rf"\b(?:at\s+)?(?:the\s+)?{EDGE_WORD}{RELATIVE}month\b", re.I),
    (
        "edge_year",
        rf"\b(?:(?:until|till|by)\s+(?:at\s+least\s+)?)?(?:at\s+)?(?:the\s+)?{EDGE_WORD}({YEAR})\b",
        re.I,
    ),
    ("year_end", r"\b(?:by|before|until|till|at)\s+(?:the\s+)?year[- ]end\b", re.I),
    ("year_range", rf"({YEAR_AT_WORD}){TO}({YEAR}|\d\d)\b(?!\s*(?:%|percent))", 0),
    (
        "weekend",
        r"\b(this\s+past|last|this|next|the\s+past|(?:over|at|during)\s+the)\s+weekend\b",
        re.I,
    ),
    ("trailing", r"\b(?:over|in|during|throughout)\s+the\s+past\s+(week|month|year)\b", re.I),
    ("year_and_next", r"\bthis\s+year\s+and\s+(?:the\s+)?next(?:\s+year)?\b", re.I),
    (
        "relative_unit",
        rf"((?-i:[CLNPTclnpt]){WORD_START}(?:{_after_initial(RELATIVE_WORDS)}))\s+(week|month|year)\b",
        re.I,
    ),
    (
        "ago",
        rf"\b(?:(?:more|less)\s+than\s+|about\s+|almost\s+|nearly\s+|some\s+|(exactly)\s+)?"
        rf"{COUNT}\s+(day|week|month|year)s?\s+ago\b(\s+today\b)?",
        re.I,
    ),
    # "two days later", "a week earlier", "the next day": counted from the date before them
    (
        "sequel",
        rf"\b(?P<count>{COUNT[1:-1]})\s+(?P<unit>day|week)s?\s+(?P<way>later|earlier)\b",
        re.I,
    ),
    ("sequel", rf"[Tt]{WORD_START}he\s+(?P<way>next|following)\s+(?P<unit>day)\b", 0),
    ("deictic", r"\b(?:the\s+day\s+(before|after)\s+)?(yesterday|today|tomorrow)\b", re.I),
    (
        "part_of_day",
        r"\b(?:(this|last)\s+(?:morning|afternoon|evening|night)|tonight"
        r"|(?:earlier|later)\s+in\s+the\s+day)\b",
        re.I,
    ),
    # "the day before," with no event after it: the day before publication, or before the day
    # its sentence named ("signed on September 10 … agreed the day before in Moscow")
    (
        "day_before",
        rf"[Tt]{WORD_START}he\s+day\s+before\b(?=\s*[,.;:)]|\s+(?:that|in|at|on|by|from)\b)",
        0,
    ),
    # "on the 29th": a day of the month the publication date implies, where the ordinal ends
    # the phrase (not "the 21st century", "the 29th session")
    (
        "day_only",
        rf"[Oo]{WORD_START}n\s+the\s+([12]?\d|3[01])(?:st|nd|rd|th)\b"
        r"(?=\s*[,.;:)]|\s*$|\s+(?:and|when|at|in|as|after|before|while|with)\b)",
        0,
    ),
    (
        "weekday",
        r"\b(?:(last|next|this|on)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        0,
    ),
    (
        "month",
        rf"{EDGE}\b(?:(?i:in|of|since|until|by|from|during|(last|this|next))\s+)?({MONTH_NAMES})\b"
        r"(?!\s+\d+(?!\d|:\d))",  # a number after the month is its day or year, not a time
        0,
    ),
    (
        "decade",
        r"\b(?:the\s+)?(?:(early|mid|late)[\s-]*|(first|second)\s+half\s+of\s+the\s+)?"
        r"(1[89]\d0|20\d0)s\b",
        re.I,
    ),
    (  # "the nineties", "the '90s", "the late 80s": a decade of the last century
        "decade_word",
        rf"\b[Tt]he\s+(?:(early|mid|late)[\s-]*)?(?:['’]?([5-9]0)s|({'|'.join(DECADE_WORDS)}))\b",
        0,
    ),
    ("year", rf"({YEAR_ALONE})(?![\w%-]|[.,]\d)", 0),
]
MONTH_INITIALS = "JFMASOND"
# Each other pattern opens with a look-ahead of the characters its matches start with, so that
# the regex engine turns most positions down at once instead of trying the whole pattern there.
STARTS: dict[str, str] = {  # kind -> a character class every match starts with
    "dotted": r"\d",
    "slashed": r"\d",
    "day_range_month": r"[f\d]",  # "from", a day
    "first_months": "[tf]",  # "the", "first"
    "day_month": r"[\dMTWFSOo]|(?i:[efnst])",  # a weekday, "on", a day, an ordinal word
    "month_day": f"[MTWFSOot{MONTH_INITIALS}]",  # a weekday, "on", "the", a month
    "edge_period": "[tebs]",  # "the", "end", "beginning", "start"
    "half": "[tfs12]",  # "the", "first", "second", "1st", "2nd"
    "quarter": "[tfslQ1-4]",  # "the", an ordinal, "Q3"
    "quarter_only": "[tfsibu1-4]",  # "the", an ordinal, "in", "by", "for", "until"
    "season": "[itsafw]",  # "in", "the", a season
    "relative_season": "[tln]",  # "this", "the", "last", "next"
    "month_year": f"[tebslm{MONTH_INITIALS}]",  # an edge ("the end of", "mid-"), a month
    "edge_month": "[tebsm]",  # "the", an edge word
    "edge_relative_year": "[atebsm]",  # "at", "the", an edge word
    "edge_relative_month": "[atebsm]",
    "edge_year": "[utbatesm]",  # "until", "till", "by", "at", "the", an edge word
    "year_end": "[bBuUtTaA]",  # "by", "before", "until", "till", "at"
    "weekend": "[tlnoad]",  # "this", "the", "last", "next", "over", "at", "during"
    "trailing": "[oidt]",  # "over", "in", "during", "throughout"
    "year_and_next": "[tT]",  # "this"
    "ago": r"[\daeflmnost]",  # "more", "less", "about", "almost", "nearly", "some", a count
    "sequel": r"[\daefnostT]",  # a count, "the"
    "deictic": "[ty]",  # "the", "yesterday", "today", "tomorrow"
    "part_of_day": "[tTlLeE]",  # "this", "last", "tonight", "earlier", "later"
    "weekday": "[lntoMTWFS]",  # "last", "next", "this", "on", a weekday
    # an edge ("the end of", "mid-"), a month, or one of the words before it ("in", "since")
    "month": f"[tebslm{MONTH_INITIALS}]|(?i:[iosubfdltn])",
    "decade": "[temlfs12]",  # "the", "early", "mid", "late", "first", "second", a decade
    "decade_word": "[tT]",  # "the"
    "month_part": "[tfs12]",  # "the", "first", "second", "1st", "2nd"
}
PATTERNS: list[tuple[str, re.Pattern]] = [  # the others open with their first character
    (name, re.compile(f"(?={STARTS[name]}){pattern}" if name in STARTS else pattern, flags))
    for name, pattern, flags in PATTERN_TEXT
]
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
MONTH_KINDS = frozenset(  # every match of these names a month, with a capital
    ["day_range_month", "month_day_range", "month_range", "day_month", "month_day", "month_year",
     "month", "month_part"]
)  # fmt: skip
MONTH_CAPITALS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
)  # fmt: skip
NEEDS: dict[str, tuple[str, ...]] = {  # kind -> words one of which its match must hold
    "edge_period": ("quarter", "half"),
    "half": ("half",),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "quarter_only": ("quarter", "q1", "q2", "q3", "q4"),
    "season": SEASONS,
    "relative_season": SEASONS,
    "month_this_year": ("year",),
    "edge_month": ("end", "beginning", "start", "middle"),
    "edge_relative_year": ("year",),
    "edge_relative_month": ("month",),
    "edge_year": ("end", "beginning", "start", "middle"),
    "year_end": ("end",),
    "weekend": ("weekend",),
    "trailing": ("past",),
    "year_and_next": ("next",),
    "relative_unit": ("week", "month", "year"),
    "ago": ("ago",),
    "sequel": ("later", "earlier", "day"),
    "deictic": ("yesterday", "today", "tomorrow"),
    "part_of_day": ("morning", "afternoon", "evening", "night", "tonight", "day"),
    "day_before": ("before",),
    "day_only": ("st", "nd", "rd", "th"),
    "weekday": tuple(WEEKDAYS),
    "decade": ("0s",),
    "decade_word": ("0s", "ties"),
    "month_part": ("half", "week"),
    "slashed": ("/",),
    "iso": ("-",),
    "first_months": ("month",),
}


def _resolve(kind: str, m: re.Match, text: str, published: dt.date) -> tuple | None:
    """(value, anchor, granularity) for a match of the named pattern, or None.

    A resolver gets the clause's tense as a function, to call only when it needs it: reading
    the tense is the costly part, and most matches (years, "last week") never ask.
    """
    return RESOLVERS[kind](m, text, published, partial(_tense, text, m.start(), m.end()))


def _iso(m, text, published, tense):
    """2021-10-01."""
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    return _day_of(y, mo, d)


def _dotted(m, text, published, tense):
    """01.03.2019 (day first)."""
    d, mo, y = int(m[1]), int(m[2]), int(m[3])
    return _day_of(y, mo, d)


SLASHED_NEAR = 7  # days from the publication date within which one reading of "3/4/2020" wins


def _slashed(m, text, published, tense):
    """9/9/2021, 25/3/2020 (day first) or 3/25/2020 (month first) where the order shows (a
    part above 12, or both parts the same); "12/01/2007" where only one reading falls within
    a week of the publication date (a page's own date line); else undated."""
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    if a != b and a <= 12 and b <= 12:
        near = [
            (mo, d)
            for d, mo in ((a, b), (b, a))
            if _valid(y, mo, d) and abs((dt.date(y, mo, d) - published).days) <= SLASHED_NEAR
        ]
        return _day_of(y, *near[0]) if len(near) == 1 else None
    d, mo = (b, a) if b > 12 else (a, b)
    return _day_of(y, mo, d)


def _day(group: str) -> int:
    """15 for '15th' (and for 'fifteenth')."""
    digits = re.match(r"\d+", group)
    return int(digits.group()) if digits else ORDINAL_DAYS[group.lower()]


def _day_range_month(m, text, published, tense):
    """13–15 February (2019)."""
    return _range_value(_month(m[3]), _day(m[1]), _day(m[2]), m[4], published, tense)


def _month_range(m, text, published, tense):
    """January–April 2011 / in January–April (this year, or the last one it has been)."""
    first, last = _month(m[1]), _month(m[2])
    year = int(m[3]) if m[3] else _year_of_month(last, published, tense())
    start = year - 1 if first > last else year
    anchor = "absolute" if m[3] else "relative"
    return f"{start:04d}-{first:02d}/{year:04d}-{last:02d}", anchor, "range"


def _first_months(m, text, published, tense):
    """the first nine months of this year / of 2021 -> 2021-01/2021-09."""
    months = _number(m[1])
    if not months or months > 12:
        return None
    if m[3]:
        return f"{m[3]}-01/{m[3]}-{months:02d}", "absolute", "range"
    year = published.year + _shift(m[2])
    return f"{year:04d}-01/{year:04d}-{months:02d}", "relative", "range"


def _month_day_range(m, text, published, tense):
    """February 13–15 (2019)."""
    return _range_value(_month(m[1]), _day(m[2]), _day(m[3]), m[4], published, tense)


def _range_value(mo: int, d1: int, d2: int, year_text: str | None, published, tense):
    """A range of days within one month, the year from the publication date when missing."""
    year = int(year_text) if year_text else _day_year(mo, d1, published, tense())
    if not (_valid(year, mo, d1) and _valid(year, mo, d2)) or d2 <= d1:
        return None
    anchor = "absolute" if year_text else "publication"
    return f"{year:04d}-{mo:02d}-{d1:02d}/{year:04d}-{mo:02d}-{d2:02d}", anchor, "range"


def _day_month(m, text, published, tense):
    """9 September (2021), 4 November that year, 4 November last year."""
    year, anchor = _written_year(m, text, published)
    return _day_value(_month(m[2]), _day(m[1]), year, published, tense, anchor)


def _month_day(m, text, published, tense):
    """March 01, 2019 / February 23rd / November 4 that year / November 4 last year."""
    year, anchor = _written_year(m, text, published)
    return _day_value(_month(m[1]), _day(m[2]), year, published, tense, anchor)


def _written_year(m: re.Match, text: str, published: dt.date) -> tuple[str | None, str | None]:
    """The year written with a day and month and, for "last/next/this year", its anchor."""
    word = m.groupdict().get("relyear")
    if word:
        return str(published.year + _shift(word)), "relative"
    return m[3] or _that_year(text, m), None


THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b")  # "(of) that year"
THAT_BEFORE = re.compile(r"\bthat\s+$")
YEAR_WORD = re.compile(rf"\b({YEAR})\b")


def _that_year(text: str, m: re.Match) -> str | None:
    """The year "that year" after a date points back to: the last year written before it."""
    return _year_before(text, m.start()) if THAT_YEAR.match(text, m.end()) else None


def _year_before(text: str, pos: int) -> str | None:
    """The last year written in the 400 characters before ``pos``."""
    years = YEAR_WORD.findall(text, max(0, pos - 400), pos)
    return years[-1] if years else None


def _day_only(m, text, published, tense):
    """on the 29th: in the publication month, or the month before (after, for the future)
    when that day has not come yet (has passed)."""
    day = int(m[1])
    future = tense() == "future"
    delta = 0
    if future and day < published.day:
        delta = 1
    elif not future and day > published.day:
        delta = -1
    year, month = _month_shift(published.year, published.month, delta)
    return _day_of(year, month, day, "publication")


def _day_value(
    month: int, day: int, year: str | None, published, tense, anchor: str | None = None
) -> tuple | None:
    """A day's value, taking the year from the publication date when missing."""
    y = int(year) if year else _day_year(month, day, published, tense())
    return _day_of(y, month, day, anchor or ("absolute" if year else "publication"))


def _edge_period(m, text, published, tense):
    """the end of the first quarter -> YYYY-03; the beginning of the second half -> YYYY-07."""
    size = 3 if m[3].lower() == "quarter" else 6
    part = QUARTERS[m[2].lower()]
    if m[3].lower() == "half" and part > 2:
        return None
    month = size * part if m[1].lower() == "end" else size * part - size + 1
    if m[4]:
        return f"{m[4]}-{month:02d}", "absolute", "month"
    if m[5]:
        return f"{published.year + _shift(m[5]):04d}-{month:02d}", "relative", "month"
    return f"{_year_of_month(month, published, tense()):04d}-{month:02d}", "publication", "month"


def _half(m, text, published, tense):
    """the first half of 2021 / the second half of the year."""
    part = "H1" if m[1].lower() in ("first", "1st") else "H2"
    if m[2]:
        return f"{m[2]}-{part}", "absolute", "half"
    return f"{published.year + _shift(m[3])}-{part}", "relative", "half"


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season(m, text, published, tense):
    """spring 2020 -> 2020-03/2020-05; winter 2020 -> 2020-12/2021-02; summer of this year."""
    year = int(m[2]) if m[2] else published.year + _shift(m[3])
    return _season_value(m[1].lower(), year), "absolute" if m[2] else "relative", "season"


def _season_value(season: str, year: int) -> str:
    """The months of a season that starts in ``year``."""
    if season == "winter":
        return f"{year}-12/{year + 1}-02"
    first, last = SEASONS[season]
    return f"{year}-{first:02d}/{year}-{last:02d}"


def _relative_season(m, text, published, tense):
    """this summer / last winter / next spring, counted from the publication month."""
    word, season = " ".join(m[1].lower().split()), m[2].lower()
    first = 12 if season == "winter" else SEASONS[season][0]
    now = published.year * 12 + published.month - 1
    starts = [(y * 12 + first - 1, y) for y in range(published.year - 2, published.year + 2)]
    if word in ("last", "this past"):
        year = max(y for s, y in starts if s + 2 < now)
    elif word in ("next", "the coming"):
        year = min(y for s, y in starts if s > now)
    else:  # this: the one under way, else the one this year
        current = [y for s, y in starts if s <= now <= s + 2]
        year = current[0] if current else published.year
    return _season_value(season, year), "relative", "season"


QUARTERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3}
QUARTERS |= {"q3": 3, "fourth": 4, "4th": 4, "q4": 4, "final": 4, "last": 4}


def _quarter(m, text, published, tense):
    """the second quarter of this year -> 2016-04/2016-06; Q3 2021 -> 2021-07/2021-09."""
    quarter = QUARTERS[m[1].lower()]
    if m[2]:
        year, anchor = int(m[2]), "absolute"
    else:
        year, anchor = published.year + _shift(m[3]), "relative"
    return _quarter_range(year, quarter), anchor, "range"


def _quarter_only(m, text, published, tense):
    """in the second quarter / in Q3: of the publication year, or the next year (the last)
    when the future (the past) puts it there."""
    quarter = QUARTERS[m[1].lower()]
    year = published.year
    clause_tense = tense()
    if clause_tense == "future" and 3 * quarter < published.month:
        year += 1
    elif clause_tense == "past" and 3 * quarter - 2 > published.month:
        year -= 1
    return _quarter_range(year, quarter), "publication", "range"


def _quarter_range(year: int, quarter: int) -> str:
    """A quarter's months as a range: (2021, 3) -> 2021-07/2021-09."""
    first = 3 * quarter - 2
    return f"{year}-{first:02d}/{year}-{first + 2:02d}"


def _month_part(m, text, published, tense):
    """the first half of November -> its 1st to 15th; the first week of January -> 1st to 7th."""
    month = _month(m[3])
    year = int(m[4]) if m[4] else _year_of_month(month, published, tense())
    second = m[1].lower() in ("second", "2nd")
    if m[2] == "half":
        first, last = (16, calendar.monthrange(year, month)[1]) if second else (1, 15)
    else:
        first = 8 if second else 1
        last = first + 6
    value = f"{year:04d}-{month:02d}-{first:02d}/{year:04d}-{month:02d}-{last:02d}"
    return value, "absolute" if m[4] else "publication", "range"


def _month_year(m, text, published, tense):
    """December 2018 / the end of December 2018."""
    return f"{int(m[2]):04d}-{_month(m[1]):02d}", "absolute", "month"


def _month_this_year(m, text, published, tense):
    """their February meeting in Sochi this year."""
    year = published.year + _shift(m[3])
    return f"{year:04d}-{_month(m[1]):02d}", "relative", "month"


def _edge_month(m, text, published, tense):
    """at the end of September (year from the publication date)."""
    month = _month(m[2])
    return f"{_year_of_month(month, published, tense()):04d}-{month:02d}", "publication", "month"


EDGE_MONTH = {"end": 12, "beginning": 1, "start": 1}


def _edge_relative_year(m, text, published, tense):
    """at the end of last year -> YYYY-12."""
    year = published.year + _shift(m[2])
    if m[1].lower() == "middle":
        return f"{year}-06/{year}-07", "relative", "range"
    return f"{year:04d}-{EDGE_MONTH[m[1].lower()]:02d}", "relative", "month"


def _edge_relative_month(m, text, published, tense):
    """before the end of the month -> the publication month."""
    year, month = _month_shift(published.year, published.month, _shift(m[2]))
    return f"{year:04d}-{month:02d}", "relative", "month"


DECADE_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "first": (0, 4), "second": (5, 9)}


def _decade(m, text, published, tense):
    """the 1990s -> 1990/1999; the late 1990s -> 1997/1999; the second half of the 1990s."""
    first = int(m[3])
    low, high = DECADE_PART.get((m[1] or m[2] or "").lower(), (0, 9))
    return f"{first + low}/{first + high}", "absolute", "decade"


def _decade_word(m, text, published, tense):
    """the nineties / the '90s -> 1990/1999; the late eighties -> 1987/1989."""
    tens = int(m[2]) if m[2] else 50 + 10 * DECADE_WORDS.index(m[3].lower())
    low, high = DECADE_PART.get((m[1] or "").lower(), (0, 9))
    return f"{1900 + tens + low}/{1900 + tens + high}", "absolute", "decade"


def _edge_year(m, text, published, tense):
    """until at least the end of 2019 -> 2019-12."""
    year = int(m[2])
    if m[1].lower() == "middle":
        return f"{year}-06/{year}-07", "absolute", "range"
    return f"{year:04d}-{EDGE_MONTH[m[1].lower()]:02d}", "absolute", "month"


BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _year_end(m, text, published, tense):
    """by year-end -> December of the publication year."""
    return f"{published.year:04d}-12", "relative", "month"


def _year_range(m, text, published, tense):
    """2021-2023 / 2021–23."""
    first = int(m[1])
    if " and " in text[m.end(1) : m.start(2)] and not BETWEEN.search(text, 0, m.start()):
        return None  # "in 1996 and 1999": two years, each its own date
    last = int(m[2]) if len(m[2]) == 4 else first // 100 * 100 + int(m[2])
    return (f"{first}/{last}", "absolute", "range") if last > first else None


def _weekend(m, text, published, tense):
    """this past weekend -> the Saturday and Sunday before the publication date; "over the
    weekend" the latest one (the coming one in a sentence about the future)."""
    word = " ".join(m[1].lower().split())
    days_since_saturday = (published.weekday() - 5) % 7
    coming = published + dt.timedelta(days=(5 - published.weekday()) % 7)
    if word.endswith(" the"):  # over / at / during the weekend
        latest = published - dt.timedelta(days=days_since_saturday)
        saturday = coming if tense() == "future" else latest
    elif word == "next":
        saturday = coming + dt.timedelta(days=7 if published.weekday() >= 5 else 0)
    elif word == "this" and tense() == "past":  # "happened this weekend" in Monday's paper
        saturday = published - dt.timedelta(days=days_since_saturday)
    elif word == "this" and (tense() == "future" or published.weekday() < 5):
        saturday = coming
    else:
        saturday = published - dt.timedelta(days=days_since_saturday or 7)
    sunday = saturday + dt.timedelta(days=1)
    return f"{saturday.isoformat()}/{sunday.isoformat()}", "relative", "range"


def _relative_unit(m, text, published, tense):
    """this week / last month / next year."""
    word, unit = " ".join(m[1].lower().split()), m[2].lower()
    shift = {"last": -1, "the past": -1, "past": -1, "the previous": -1, "next": 1, "the coming": 1}
    delta = shift.get(word, 0)
    if unit == "week":
        return _iso_week(published + dt.timedelta(weeks=delta)), "relative", "week"
    if unit == "month":
        year, month = _month_shift(published.year, published.month, delta)
        return f"{year:04d}-{month:02d}", "relative", "month"
    return f"{published.year + delta:04d}", "relative", "year"


DATE_IN_APPOSITION = re.compile(  # ", on 8 December 1999", ", December 8, 1999"
    r"\s*[,–—]\s*(?:on\s+)?(?:\d|[A-Z][a-z]+\s+\d)[^;.\n]{0,24}"
)


def _same_day(day: dt.date, text: str, pos: int) -> bool:
    """Whether no date follows ``pos`` in apposition, or the one that does is ``day``."""
    after = DATE_IN_APPOSITION.match(text, pos)
    if after is None:
        return True
    words = set(re.findall(r"\w+", after.group().lower()))
    return {str(day.day), calendar.month_name[day.month].lower(), str(day.year)} <= words


def _ago(m, text, published, tense):
    """two years ago / more than a month ago; "exactly a year ago" and "a year ago today" are
    that day (unless a date in apposition names another: ", on 8 December 1999")."""
    n, unit = _number(m[2]), m[3].lower()
    if n is None:
        return None
    if m[1] or m[4]:
        day = _exactly_ago(published, n, unit)
        if day is not None and _same_day(day, text, m.end()):
            return day.isoformat(), "relative", "day"
    if unit == "day":
        return (published - dt.timedelta(days=n)).isoformat(), "relative", "day"
    if unit == "week":
        return _iso_week(published - dt.timedelta(weeks=n)), "relative", "week"
    if unit == "month":
        year, month = _month_shift(published.year, published.month, -n)
        return f"{year:04d}-{month:02d}", "relative", "month"
    return f"{published.year - n:04d}", "relative", "year"


def _exactly_ago(published: dt.date, n: int, unit: str) -> dt.date | None:
    """The day exactly ``n`` units before ``published`` (None where the month has no such day)."""
    if unit in ("day", "week"):
        return published - dt.timedelta(days=n * 7 if unit == "week" else n)
    months = n * 12 if unit == "year" else n
    year, month = _month_shift(published.year, published.month, -months)
    return dt.date(year, month, published.day) if published.day <= 28 else None


def _trailing(m, text, published, tense):
    """over the past year -> from a year before the publication date to it."""
    unit = m[1].lower()
    if unit == "week":
        start = published - dt.timedelta(weeks=1)
    else:
        year, month = _month_shift(published.year, published.month, -12 if unit == "year" else -1)
        start = dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
    return f"{start.isoformat()}/{published.isoformat()}", "relative", "range"


SEQUEL = "sequel"  # the anchor of a sequel until :func:`_sequels` counts it from a date
SEQUEL_WAY = {"later": 1, "next": 1, "following": 1, "earlier": -1}
SEQUEL_REACH = 1500  # characters: how far back the date a sequel counts from may stand


def _sequel(m, text, published, tense):
    """two days later / a week earlier / the next day: days to count, resolved by _sequels."""
    n = _number(m["count"]) if m.groupdict().get("count") else 1
    if not n:
        return None
    unit = m["unit"].lower()
    days = n * SEQUEL_WAY[m["way"].lower()] * (7 if unit == "week" else 1)
    return str(days), SEQUEL, unit


NOT_SOON = re.compile(r"\bnot\s+$", re.IGNORECASE)  # "will come, but not tomorrow": not soon
CLAUSE_AFTER = re.compile(r"\s*(?:[.,;!?\"”»]|$)")


def _deictic(m, text, published, tense):
    """yesterday / today / tomorrow / the day before yesterday / the day after tomorrow."""
    if NOT_SOON.search(text, max(0, m.start() - 8), m.start()) and CLAUSE_AFTER.match(
        text, m.end()
    ):
        return None
    delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[m[2].lower()]
    delta += {"before": -1, "after": 1}.get((m[1] or "").lower(), 0)
    return (published + dt.timedelta(days=delta)).isoformat(), "relative", "day"


def _year_and_next(m, text, published, tense):
    """this year and next -> this year/next year."""
    return f"{published.year}/{published.year + 1}", "relative", "range"


def _part_of_day(m, text, published, tense):
    """this morning / this evening / tonight / earlier in the day -> the publication date;
    last night (evening, …) -> the day before."""
    back = 1 if (m[1] or "").lower() == "last" else 0
    return (published - dt.timedelta(days=back)).isoformat(), "relative", "day"


DAY_BEFORE = "day before"  # its anchor until :func:`_sequels` finds the day it counts from


def _day_before(m, text, published, tense):
    """the day before (with no event named after it) -> the day before publication (or, by
    :func:`_sequels`, before a day named earlier in its sentence)."""
    return (published - dt.timedelta(days=1)).isoformat(), DAY_BEFORE, "day"


HABITUAL_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


SHIFTING = ("last", "next")  # "last Friday" in Friday's paper is a week before


def _weekday_value(m, text, published, tense):
    """on Wednesday / last Saturday / next Friday (not "every Sunday": no one day)."""
    if HABITUAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None
    word = (m[1] or "").lower()
    day = _weekday(m[2], published, tense() == "future" or word == "next", word in SHIFTING)
    return day.isoformat(), "relative", "day"


ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|his|her|their|its|our)|['’]s?)\s+$")
ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?!(?:of|and|or|to|in|on|at|for|from|with|by|as|is|was|were|will|would|has|had)\b)"
    r"[a-z]{3,}"
)


NAME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][a-z]")  # "March of Heroes", "of the Million"


def _month_only(m, text, published, tense):
    """in September (year from the publication date).

    A month naming an event ("the September meeting", "Putin's December visit") is the
    nearest such month unless the clause speaks of the future: the clause's past tense is
    about what was said of the event, not when it falls.
    """
    month = _month(m[2])
    if m.start() == m.start(2) and NAME_AFTER.match(text, m.end(2)):
        return None  # "the ‘March of Heroes’": a name (not "in March of …", "last September of X")
    if (m[1] or "").lower() == "next":  # the one after this month
        year = published.year + (month <= published.month)
        return f"{year:04d}-{month:02d}", "relative", "month"
    if (m[1] or "").lower() == "last":  # "last August" in September is a year back
        year = published.year - (month >= published.month - 1)
        return f"{year:04d}-{month:02d}", "relative", "month"
    that_year = _that_year(text, m)  # "In September that year", after "August 2020"
    if that_year:
        return f"{that_year}-{month:02d}", "absolute", "month"
    if THAT_BEFORE.search(text, max(0, m.start(2) - 6), m.start(2)):  # "in Sochi that September"
        year = _year_before(text, m.start())
        return (f"{year}-{month:02d}", "absolute", "month") if year else None
    clause_tense = tense()
    before = text[max(0, m.start(2) - 12) : m.start(2)]
    if ATTRIBUTIVE_BEFORE.search(before) and ATTRIBUTIVE_AFTER.match(text, m.end(2)):
        clause_tense = "future" if clause_tense == "future" else None
    year = _year_of_month(month, published, clause_tense)
    return f"{year:04d}-{month:02d}", "publication", "month"


def _year(m, text, published, tense):
    """2018 on its own, when it is a year and not a count, a name or money."""
    before = text[max(0, m.start() - 30) : m.start()]
    if not YEAR_LEAD.search(before):
        return None  # "Agenda 2025", "Vision 2030"
    if UNIT_AFTER.match(text, m.end()) and not YEARS_AFTER.match(text, m.end()):
        return None  # "2000 people"
    plural = PLURAL_AFTER.match(text, m.end())
    attributive = DETERMINER_BEFORE.search(before) and int(m[1]) % 100  # "the 1999 deals"
    temporal = TEMPORAL_BEFORE.search(before)  # "In 2014 relations worsened"
    budget = re.search(r"\bfor\s+$", before) and abs(int(m[1]) - published.year) <= NEAR_YEARS
    if (
        plural
        and plural[1].lower() not in NOT_COUNT_NOUNS
        and not (attributive or temporal or budget)
    ):
        return None  # "2000 delegates", "the 2000 delegates", but "in 2007 as" is a year
    return m[1], "absolute", "year"


RESOLVERS = {
    "iso": _iso,
    "dotted": _dotted,
    "slashed": _slashed,
    "day_range_month": _day_range_month,
    "month_day_range": _month_day_range,
    "month_range": _month_range,
    "first_months": _first_months,
    "day_month": _day_month,
    "month_day": _month_day,
    "edge_period": _edge_period,
    "half": _half,
    "quarter": _quarter,
    "quarter_only": _quarter_only,
    "season": _season,
    "relative_season": _relative_season,
    "month_year": _month_year,
    "month_this_year": _month_this_year,
    "edge_month": _edge_month,
    "edge_relative_year": _edge_relative_year,
    "edge_year": _edge_year,
    "year_end": _year_end,
    "edge_relative_month": _edge_relative_month,
    "decade": _decade,
    "decade_word": _decade_word,
    "month_part": _month_part,
    "year_range": _year_range,
    "weekend": _weekend,
    "relative_unit": _relative_unit,
    "ago": _ago,
    "trailing": _trailing,
    "sequel": _sequel,
    "deictic": _deictic,
    "part_of_day": _part_of_day,
    "year_and_next": _year_and_next,
    "day_before": _day_before,
    "day_only": _day_only,
    "weekday": _weekday_value,
    "month": _month_only,
    "year": _year,
}


def _is_duration(text: str, start: int, end: int) -> bool:
    """A number followed by a time unit that measures length ("1.5–2 years", "six hours"),
    not machine translation's "in 2021 year" (a year, then the singular "year")."""
    return bool(DURATION_UNIT.match(text, end)) and not MT_YEAR.match(text, start, end + 6)


TRIGGER_WORDS = (
    *MONTH[3:-1].split("|"), "Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun", "week",
    "month", "year", "today", "day", "yesterday", "tomorrow", "spring", "summer", "autumn",
    "fall", "winter", "quarter", "morning", "afternoon", "evening", "night", "tonight",
    *DECADE_WORDS,
)  # fmt: skip
# the characters a digit or a trigger word (case ignored) starts with; "ſ", the long s, is an
# "s" when case is ignored
TRIGGER_INITIALS = r"[\dADEFJMNOQSTWYadefjmnoqstwyſ]"


TRIGGER = re.compile(  # a run of digits, or a trigger word at a word start
    # opening with the first character, case kept, lets the regex engine skip to those
    rf"(?-i:{TRIGGER_INITIALS})(?:(?<=\d)\d*|{WORD_START}(?:{_after_initial(TRIGGER_WORDS)}))",
    re.IGNORECASE,
)
WINDOW_MARGIN = 80


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around the words a date needs (digits, months, weekdays, …).

    Scanning only these keeps long articles fast; the margin is wider than any expression.
    """
    windows: list[tuple[int, int]] = []
    for hit in TRIGGER.finditer(text):
        start = max(0, hit.start() - WINDOW_MARGIN)
        end = min(len(text), hit.end() + WINDOW_MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def find_dates(text: str, published: dt.date) -> list[DateMention]:
    """Every temporal expression in ``text``, resolved against the publication date.

    >>> [d.value for d in find_dates("They met on Wednesday.", dt.date(2021, 2, 25))]
    ['2021-02-24']
    """
    taken = Occupied()
    found: list[DateMention] = []
    for a, b in _windows(text):  # no match crosses a window, so each can be done whole
        window = text[a:b]
        lower = window.lower()
        names_month = any(map(window.__contains__, MONTH_CAPITALS))
        for kind, pattern in PATTERNS:
            if kind in MONTH_KINDS and not names_month:
                continue  # no month's capitalised stem in this window
            if kind in NEEDS and not any(map(lower.__contains__, NEEDS[kind])):
                continue  # a word every match holds is not in this window: spare the scan
            for m in pattern.finditer(text, a, b):
                start, end = m.start(), m.end()
                if taken.overlaps(start, end):
                    continue
                if kind == "year" and _is_duration(text, start, end):  # not "in 2021-2022 years"
                    continue
                resolved = _resolve(kind, m, text, published)
                if resolved is None:
                    continue
                value, anchor, granularity = resolved
                found.append(DateMention(start, end, value, anchor, granularity))
                taken.claim(start, end)
    return _joined(_sequels(sorted(found, key=lambda d: (d.start, d.end)), text, published), text)


def _named_day(mention: DateMention) -> dt.date | None:
    """The calendar day a mention names (None for a month, a range, a week, …)."""
    return dt.date.fromisoformat(mention.value) if mention.granularity == "day" else None


SPEECH_TIME = re.compile(r"(?i)today|yesterday|tomorrow|morning|afternoon|evening|night")
SENTENCE_BREAK = re.compile(r"[.!?…](?:\s|$)|\n")  # "the day before" counts in its sentence


def _sequels(found: list[DateMention], text: str, published: dt.date) -> list[DateMention]:
    """Count each sequel ("two days later") from the last day named before it, not far back;
    with none, "earlier" counts from the publication date and "later" is left undated.

    A day to come is no base for "earlier" ("a day earlier" after a quote about July 18); a
    later month or year that does not hold the day ends it ("on April 22 … At the summit in
    February … the next day"); "today" and "yesterday" tell the time of speaking, not the
    story's, and neither set nor end it.
    """
    out: list[DateMention] = []
    base: tuple[dt.date, int] | None = None  # the last day named, and where its mention ends
    for mention in found:
        if SPEECH_TIME.search(text, mention.start, mention.end):
            out.append(mention)
            continue
        if mention.anchor == DAY_BEFORE:
            same = base is not None and not SENTENCE_BREAK.search(text, base[1], mention.start)
            day = base[0] - dt.timedelta(days=1) if same else None
            value, anchor = (
                (day.isoformat(), "previous date") if day else (mention.value, "relative")
            )
            mention = DateMention(mention.start, mention.end, value, anchor, mention.granularity)
        elif mention.anchor == SEQUEL:
            days = int(mention.value)
            near = base is not None and mention.start - base[1] <= SEQUEL_REACH
            if near and (days > 0 or base[0] <= published):
                day, anchor = base[0] + dt.timedelta(days=days), "previous date"
            elif days < 0:
                day, anchor = published + dt.timedelta(days=days), "relative"
            else:
                continue
            value = _iso_week(day) if mention.granularity == "week" else day.isoformat()
            mention = DateMention(mention.start, mention.end, value, anchor, mention.granularity)
        day = _named_day(mention)
        if day is not None:
            base = (day, mention.end)
        elif base is not None and not base[0].isoformat().startswith(mention.value):
            base = None
        out.append(mention)
    return out


JOINED = re.compile(r"\s+(?:and|or)\s+")  # "on Thursday and Friday", "in May or June"
FROM_TO = re.compile(r"\s+(?:to|until|till|through)\s+")  # "from today until September 25"
FROM_BEFORE = re.compile(r"\b[Ff]rom\s+$")
JOINABLE = frozenset({"day", "month"})
DIGIT = re.compile(r"\d")


def _join_start(first: DateMention, second: DateMention, text: str) -> int | None:
    """Where the interval starts if two mentions name one, else None: "from today until
    September 25", and two names alone joined by "and"/"or" ("on Saturday and Sunday", "in
    February or March"; coders keep "on June 30 and July 1" as two dates)."""
    if not (first.granularity == second.granularity in JOINABLE and first.value < second.value):
        return None
    if FROM_TO.fullmatch(text, first.end, second.start):
        if text.startswith(("from", "From"), first.start):
            return first.start
        opening = FROM_BEFORE.search(text, max(0, first.start - 6), first.start)
        return opening.start() if opening else None
    if JOINED.fullmatch(text, first.end, second.start) and not DIGIT.search(
        text, first.start, second.end
    ):
        return first.start
    return None


def _joined(found: list[DateMention], text: str) -> list[DateMention]:
    """Mentions that name one interval together (:func:`_join_start`) as that interval."""
    out: list[DateMention] = []
    for mention in found:
        start = _join_start(out[-1], mention, text) if out else None
        if start is None:
            out.append(mention)
        else:
            value = f"{out[-1].value}/{mention.value}"
            out[-1] = DateMention(start, mention.end, value, out[-1].anchor, "range")
    return out
