"""Date resolution on invented sentences: tense of the clause, new expression types, non-dates."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import article_texts

from summitlib.extract.dates import find_dates


def dates(text: str, published: dt.date) -> list[tuple[str, str]]:
    """(surface text, value) of every date."""
    return [(text[d.start : d.end], d.value) for d in find_dates(text, published)]


def values(text: str, published: dt.date) -> list[str]:
    """The values only."""
    return [v for _, v in dates(text, published)]


# --- a bare month or day: the year from the tense of the clause ---------------------------


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # "would" and a participle after "be": the coming December, not last year's
        ("The ministry said the pipeline would be finished by December.", (2022, 7, 14), "2022-12"),
        ("The forum will be held in November.", (2023, 3, 1), "2023-11"),
        ("The bill is to be passed in February.", (2021, 9, 10), "2022-02"),
        ("The deputies expect the code to reach parliament in October.", (2021, 9, 10), "2021-10"),
        # past verbs keep the last occurrence, also when a deadline preposition is present
        ("The accord was initialled in November.", (2023, 3, 1), "2022-11"),
        ("The cabinet had asked for the drafts by the end of June.", (2019, 7, 3), "2019-06"),
        ("In late December, the two leaders met twice.", (2019, 7, 3), "2018-12"),
        # a "that" clause carries its own tense
        ("Officials said that in November the accord will be ratified.", (2023, 3, 1), "2023-11"),
        # no cue: the month just ahead is the coming one, a farther one the last one
        ("Much depends on the October congress.", (2022, 8, 20), "2022-10"),
        ("Prices, as in December, stay high.", (2019, 7, 3), "2018-12"),
    ],
)
def test_month_year_follows_the_clause(text, published, value):
    assert values(text, dt.date(*published)) == [value]


def test_event_month_is_the_nearest_despite_past_reporting():
    # "the September meeting" in an August interview is the coming one
    text = "What exactly was agreed for the September meeting of the two delegations?"
    assert values(text, dt.date(2022, 8, 20)) == ["2022-09"]


def test_commitment_verb_puts_the_infinitive_ahead_but_not_a_date_before_it():
    assert values("The ministers agreed to meet again on Dec. 20.", dt.date(2019, 12, 9)) == [
        "2019-12-20"
    ]
    text = "On November 28, the ministers agreed to set up a commission."
    assert values(text, dt.date(2020, 6, 1)) == ["2019-11-28"]


# --- expression types ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "It was printed on Wednesday, Oct. 7, 2015.",
            (2016, 1, 5),
            ("on Wednesday, Oct. 7, 2015", "2015-10-07"),
        ),
        ("They talk on Friday, 13 March.", (2020, 3, 11), ("on Friday, 13 March", "2020-03-13")),
        ("The decree was signed on June, 4.", (2016, 6, 6), ("on June, 4", "2016-06-04")),
        (
            "Imports fell in the third quarter of last year.",
            (2022, 2, 1),
            ("the third quarter of last year", "2021-07/2021-09"),
        ),
        ("Output grew in Q2 2020.", (2022, 2, 1), ("Q2 2020", "2020-04/2020-06")),
        (
            "Rallies began in the autumn of this year.",
            (2020, 12, 1),
            ("the autumn of this year", "2020-09/2020-11"),
        ),
        ("Tariffs rose last summer.", (2022, 10, 15), ("last summer", "2022-06/2022-08")),
        ("Tariffs rose last summer.", (2022, 4, 15), ("last summer", "2021-06/2021-08")),
        ("The grid is strained this winter.", (2022, 1, 15), ("this winter", "2021-12/2022-02")),
        ("They talk again next spring.", (2022, 10, 15), ("next spring", "2023-03/2023-05")),
        ("It was founded in the late 1980s.", (2022, 1, 1), ("the late 1980s", "1987/1989")),
        ("It grew in the early 2000s.", (2022, 1, 1), ("the early 2000s", "2000/2003")),
        (
            "It began in the first half of the 1970s.",
            (2022, 1, 1),
            ("the first half of the 1970s", "1970/1974"),
        ),
        (
            "Trade shrank over the past year.",
            (2017, 5, 2),
            ("over the past year", "2016-05-02/2017-05-02"),
        ),
        ("Two days earlier, the envoy left.", (2019, 7, 3), ("Two days earlier", "2019-07-01")),
        (
            "Talks held over the weekend ended early.",
            (2023, 5, 9),  # a Tuesday: the weekend before
            ("over the weekend", "2023-05-06/2023-05-07"),
        ),
        (
            "They met during the weekend.",
            (2023, 5, 7),  # a Sunday: this weekend
            ("during the weekend", "2023-05-06/2023-05-07"),
        ),
        (
            "The envoys will meet at the weekend.",
            (2023, 5, 9),
            ("at the weekend", "2023-05-13/2023-05-14"),
        ),
        ("They met on the 29th.", (2022, 7, 10), ("on the 29th", "2022-06-29")),
        ("They will meet on the 29th, he said.", (2022, 7, 10), ("on the 29th", "2022-07-29")),
        ("They met on the 3rd and parted.", (2022, 7, 10), ("on the 3rd", "2022-07-03")),
        ("The deal dated 9/9/2021 stands.", (2022, 1, 1), ("9/9/2021", "2021-09-09")),
        ("The deal dated 25/3/2020 stands.", (2022, 1, 1), ("25/3/2020", "2020-03-25")),
        ("The deal dated 3/25/2020 stands.", (2022, 1, 1), ("3/25/2020", "2020-03-25")),
    ],
)
def test_expression_types(text, published, expected):
    assert dates(text, dt.date(*published)) == [expected]


# --- years next to words ending in -s -----------------------------------------------------


def test_years_before_function_words_and_attributive_years():
    text = "The pact stalled in 2011 as prices rose, and the 2003 talks failed."
    assert values(text, dt.date(2019, 7, 3)) == ["2011", "2003"]


@pytest.mark.parametrize(
    "text",
    [
        "The 2000 delegates arrived.",
        "Some 2010 soldiers marched.",
        "About 1999 residents voted.",
        "Around 2015 participants came.",
    ],
)
def test_counts_stay_counts(text):
    assert dates(text, dt.date(2019, 7, 3)) == []


def test_years_after_mid_and_after_a_possessive():
    published = dt.date(2022, 1, 1)
    assert values("In mid-2020 the protests began.", published) == ["2020"]
    assert values("Russia’s 2020 loan of $1.5 billion helped.", published) == ["2020"]
    assert values("Putin's 1999 deals still matter.", published) == ["1999"]
    assert dates("Minsk's 2000 delegates arrived.", published) == []


def test_an_ordinal_before_a_noun_is_no_day():
    assert (
        dates("On the 29th session the council met in the 21st century.", dt.date(2022, 7, 10))
        == []
    )


def test_a_slashed_date_whose_order_the_text_does_not_settle_stays_undated():
    assert dates("Signed 3/4/2020, in force 12/31/2021/5.", dt.date(2022, 1, 1)) == []


def test_the_date_trigger_finds_every_month_weekday_and_time_word():
    import calendar

    from summitlib.extract.dates import TRIGGER

    words = [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, "Sept"]
    words += [
        "week",
        "month",
        "year",
        "today",
        "day",
        "yesterday",
        "tomorrow",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "quarter",
    ]
    for word in words:
        for form in (word, word.lower(), word.upper()):
            hit = TRIGGER.search(f"it was {form}, they said")
            assert hit is not None and hit.start() == 7, form


def test_the_date_trigger_opens_with_every_character_a_trigger_word_may_start_with():
    import re
    import sys

    from summitlib.extract.dates import TRIGGER_INITIALS, TRIGGER_WORDS

    initials = re.compile("[" + "".join({word[0] for word in TRIGGER_WORDS}) + "]", re.I)
    opening = re.compile(TRIGGER_INITIALS)
    for code in range(sys.maxunicode + 1):
        if initials.match(chr(code)):
            assert opening.match(chr(code)), hex(code)


def test_patterns_opening_with_their_first_character_match_as_with_a_look_behind_first():
    import re

    from summitlib.extract.dates import (
        MONTH,
        MONTH_AT_WORD,
        PATTERNS,
        YEAR,
        YEAR_ALONE,
        YEAR_AT_WORD,
    )

    texts = list(article_texts()) + [
        "mid-2020, xMarch, _2020, March2021, $2020, 1.2020, Sept. 2021"
    ]
    for opening, first in (
        (MONTH_AT_WORD, rf"\b{MONTH}"),
        (YEAR_AT_WORD, rf"\b{YEAR}"),
        (YEAR_ALONE, rf"(?:(?<=\bmid-)|(?<![\w$€£.,/-])){YEAR}"),
    ):
        for text in texts:
            spans = [m.span() for m in re.finditer(first, text)]
            assert [m.span() for m in re.finditer(opening, text)] == spans
    relative = next(p for kind, p in PATTERNS if kind == "relative_unit")
    first = re.compile(r"\b(this|last|next|the\s+past|the\s+previous|the\s+coming|"
                       r"(?:the\s+)?current|past)\s+(week|month|year)\b", re.I)  # fmt: skip
    for text in [
        *texts,
        "This Week, THE PAST month, the current year, Current Year, Past week, lasts week",
    ]:
        expected = [m.regs for m in first.finditer(text)]
        assert [m.regs for m in relative.finditer(text)] == expected


def test_every_match_of_a_guarded_pattern_holds_a_word_of_its_guard():
    """NEEDS lets find_dates skip a pattern when none of its words is in the text; that is
    only safe if each match holds one of them."""
    from summitlib.extract.dates import NEEDS, PATTERNS

    texts = list(article_texts()) + [
        "in the first half of 2020, Q3 2021, the third quarter of next year, spring 2019, "
        "last winter, at the end of March, the end of this year, the middle of next month, "
        "by the end of 2019, next weekend, over the past year, last week, two years ago, "
        "three days earlier, today, on Friday, the late 1990s, in March last year, on the 29th, "
        "on 25/3/2020, from 3 to 5 June, Sept. 3-5, 2021, in the second quarter, in Q4. "
        "The day before, they met."
    ]
    seen = set()
    for kind, pattern in PATTERNS:
        for text in texts:
            for m in pattern.finditer(text) if kind in NEEDS else ():
                seen.add(kind)
                assert any(word in m.group().lower() for word in NEEDS[kind]), (kind, m.group())
    assert seen == set(NEEDS)


def test_every_match_of_a_month_pattern_holds_a_month_with_its_capital():
    """find_dates skips the month patterns in a window without MONTH_CAPITALS: that is only
    safe if each match holds one of them."""
    from summitlib.extract.dates import MONTH_CAPITALS, MONTH_KINDS, PATTERNS

    texts = list(article_texts()) + [
        "from 3 to 5 June, Sept. 3-5, 2021, March-May 2020, on the ninth of May, Oct. 9, "
        "on May, 9, the end of Dec. 2019, in September"
    ]
    seen = set()
    for kind, pattern in PATTERNS:
        for text in texts if kind in MONTH_KINDS else ():
            for m in pattern.finditer(text):
                seen.add(kind)
                assert any(stem in m.group() for stem in MONTH_CAPITALS), (kind, m.group())
    assert seen == MONTH_KINDS


def test_every_match_of_a_pattern_starts_with_a_character_of_its_start_class():
    """STARTS lets the regex engine skip characters no match can start with; that is only
    safe if each match of the pattern without it starts with one."""
    import re

    from summitlib.extract.dates import PATTERN_TEXT, STARTS

    texts = list(article_texts()) + [
        "On Monday, 9 September, from 13 to 15 June, the ninth of May, mid-2020, Q3 2021, "
        "since January, In December, until at least the end of 2019, some ten days ago, "
        "the late 1990s, over the past year, on the 29th, the day before yesterday."
    ]
    seen = set()
    for kind, pattern, flags in PATTERN_TEXT:
        if kind not in STARTS:
            continue  # it opens with its first character
        first = re.compile(STARTS[kind], flags)
        for text in texts:
            for m in re.compile(pattern, flags).finditer(text):
                seen.add(kind)
                assert first.match(m.group()), (kind, m.group())
    assert seen == set(STARTS)


def test_the_guards_change_no_date(monkeypatch):
    from summitlib.extract import dates as module

    published = dt.date(2021, 9, 9)
    texts = list(article_texts())
    guarded = [find_dates(t, published) for t in texts]
    monkeypatch.setattr(module, "NEEDS", {})
    monkeypatch.setattr(module, "MONTH_KINDS", frozenset())
    assert [find_dates(t, published) for t in texts] == guarded


# --- forms found failing on articles written blind to the code -----------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("We met the day before yesterday.", (2024, 1, 29),
         [("the day before yesterday", "2024-01-27")]),
        ("They meet the day after tomorrow.", (2024, 1, 29),
         [("the day after tomorrow", "2024-01-31")]),
        # "the day before" with no event after it: the day before publication
        ("The day before, Putin laid a wreath in Minsk.", (2024, 5, 24),
         [("The day before", "2024-05-23")]),
        ("She said in a video the day before that the deal was void.", (2023, 7, 6),
         [("the day before", "2023-07-05")]),
        ("They met the day before the summit.", (2023, 7, 6), []),
        # a relative year right after a day and month belongs to it
        ("On November 4 last year the decree was signed.", (2022, 10, 11),
         [("On November 4 last year", "2021-11-04")]),
        ("The treaty will be signed on 8 December next year.", (2022, 10, 11),
         [("on 8 December next year", "2023-12-08")]),
        # "could be" + a participle speaks of the future: the coming December
        ("According to him, the treaty could be signed in December.", (2023, 3, 3),
         [("in December", "2023-12")]),
        # "last Friday" in Friday's paper is a week before; "on Friday" is that day
        ("They met last Friday.", (2023, 12, 8), [("last Friday", "2023-12-01")]),
        ("They will meet next Friday.", (2023, 12, 8), [("next Friday", "2023-12-15")]),
        ("They met on Friday.", (2023, 12, 8), [("on Friday", "2023-12-08")]),
        # a present-simple scheduled event is to come; a past verb keeps the day before
        ("On the eve of the forum, which opens in Grodno on Wednesday, he spoke.", (2022, 6, 27),
         [("on Wednesday", "2022-06-29")]),
        ("The forum opened in Grodno on Wednesday.", (2022, 6, 27),
         [("on Wednesday", "2022-06-22")]),
        # machine translation keeps the Russian "in 2021 year"
        ("Trade grew in 2021 year and will double by 2023 year.", (2022, 2, 18),
         [("2021", "2021"), ("2023", "2023")]),
        # "that year": the last year written before the date
        ("The programmes were agreed in September 2021 and approved on 4 November that year.",
         (2024, 1, 25), [("September 2021", "2021-09"), ("on 4 November", "2021-11-04")]),
        ("Sanctions followed the election of August 2020. In September that year, Putin lent.",
         (2021, 11, 12), [("August 2020", "2020-08"), ("In September", "2020-09")]),
        # a spelled-out ordinal day, and a month that names a march
        ("And gas from the first of January - at what price?", (2019, 12, 8),
         [("first of January", "2020-01-01")]),
        ("On the twenty-third of June the forum opened.", (2022, 7, 1),
         [("twenty-third of June", "2022-06-23")]),
        ("On Sunday 100,000 marched in the ‘March of Heroes’.", (2020, 9, 14),
         [("Sunday", "2020-09-13")]),
        ("Gonchar disappeared last September of that year.", (2000, 5, 1),
         [("last September", "1999-09")]),
        # a quarter of the publication year, or the next one for the future
        ("The rate may fall further in Q3 if prices stay calm.", (2023, 7, 20),
         [("in Q3", "2023-07/2023-09")]),
        ("The share reached 78% in the second quarter.", (2023, 7, 20),
         [("the second quarter", "2023-04/2023-06")]),
        ("They will patch up an oil deal for the first quarter.", (2023, 12, 20),
         [("the first quarter", "2024-01/2024-03")]),
    ],
)  # fmt: skip
def test_forms_of_wires_and_translations(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tens of thousands have marched every Sunday since then.",
        "The first quarter-final was played in the rain.",
        "Q1: What did the talks change?",
    ],
)
def test_a_habit_a_match_and_an_interview_label_are_no_dates(text):
    assert dates(text, dt.date(2020, 9, 14)) == []


def test_a_time_of_day_is_no_day_of_the_month():
    text = "Gas prices from January\n14:47 25/11/2011\n\nThe talks ended at 14:47."
    assert values(text, dt.date(2011, 11, 25)) == ["2012-01", "2011-11-25"]


def test_a_quoted_question_after_a_date_does_not_set_its_tense():
    text = 'At the press conference on December 19, he asked: "Is Russia going to swallow us?"'
    assert values(text, dt.date(2020, 1, 10)) == ["2019-12-19"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # two years joined by "and" are two dates; "between" makes them a range
        ("what they meant in 1996 and 1999", (2002, 8, 16), [("1996", "1996"), ("1999", "1999")]),
        ("between 2001 and 2003", (2010, 1, 1), [("2001 and 2003", "2001/2003")]),
        # a span of months, with or without its year
        ("In January–April trade grew", (2012, 6, 14), [("January–April", "2012-01/2012-04")]),
        ("January–April 2011", (2012, 6, 14), [("January–April 2011", "2011-01/2011-04")]),
        (
            "in the first nine months of this year",
            (2021, 11, 10),
            [("the first nine months of this year", "2021-01/2021-09")],
        ),
        # with no tense, a day a few weeks ahead is the coming one, not last year's
        (
            "the tax manoeuvre, which takes effect on 1 January",
            (2018, 12, 13),
            [("on 1 January", "2019-01-01")],
        ),
        # "but not tomorrow": not soon, no day
        ("The single currency will come, but not tomorrow", (2021, 11, 10), []),
    ],
)
def test_forms_of_older_wires_and_interviews(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "for" a year near publication, before a verb in -s: a year, not a count
        (
            "The union budget for 2020 provides 5 billion roubles.",
            (2020, 6, 10),
            [("2020", "2020")],
        ),
        (
            "Gas for 2022 stays at this year's price.",
            (2021, 9, 12),
            [("2022", "2022"), ("this year", "2021")],
        ),
        # machine translation's plural "years" after a range, and "current year"
        ("in 2021-2022 years the market opens", (2021, 11, 4), [("2021-2022", "2021/2022")]),
        ("in current year the work starts", (2021, 11, 4), [("current year", "2021")]),
        ("during the current month", (2021, 11, 4), [("the current month", "2021-11")]),
        # "can" and a condition ("if it meets") look ahead
        (
            "some of them can be called to court already on Monday",
            (2019, 12, 8),
            [("on Monday", "2019-12-09")],
        ),
        (
            "If the council meets in March, little changes.",
            (2021, 9, 12),
            [("in March", "2022-03")],
        ),
        # a clause after ", but" keeps its own tense
        (
            "A deal for the second quarter is possible, but the schedule agreed in 2019 is dead.",
            (2020, 2, 19),
            [("the second quarter", "2020-04/2020-06"), ("2019", "2019")],
        ),
    ],
)
def test_forms_of_translations_blogs_and_think_tanks(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the end (beginning) of a quarter or half is its last (first) month
        (
            "The debt must be repaid by the end of the first quarter.",
            (2004, 1, 14),
            [("the end of the first quarter", "2004-03")],
        ),
        (
            "The plan is due by the end of the first half of the year.",
            (2017, 2, 7),
            [("the end of the first half of the year", "2017-06")],
        ),
        # "next" and "last" before a month: the one after (before) this month
        ("Next December the treaty turns 25.", (2023, 12, 8), [("Next December", "2024-12")]),
        ("They met last December.", (2019, 12, 20), [("last December", "2018-12")]),
        # number words above twelve, and "years ago today"
        (
            "Twenty-five years ago the treaty was signed.",
            (2024, 4, 2),
            [("Twenty-five years ago", "1999")],
        ),
        (
            "Twenty-four years ago today, the treaty was signed.",
            (2023, 12, 8),
            [("Twenty-four years ago today", "1999-12-08")],
        ),
        # "May" after a capitalised "In" is the month; "may" before a date looks ahead
        (
            "RS: In May in Astana the presidents should sign.",
            (2014, 3, 21),
            [("In May", "2014-05")],
        ),
        (
            "Companies may halt supplies from 1 January, as they have threatened.",
            (2019, 12, 12),
            [("1 January", "2020-01-01")],
        ),
        # a passive with "not" sets no past tense
        (
            "If it is not signed till December 31, from January 1 supplies will be cut.",
            (2006, 12, 21),
            [("December 31", "2006-12-31"), ("January 1", "2007-01-01")],
        ),
    ],
)
def test_forms_of_wires_newsletters_and_translations(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Talks resume at the end of ſept.", "2020-09"),  # a long s, as OCR leaves it
        ("At the start of APRİL the deal was signed.", "2021-04"),  # a dotted capital I
    ],
)
def test_a_month_the_case_blind_patterns_match_in_odd_letters_is_resolved(text, value):
    """The patterns that ignore case match a long s or a dotted capital I as s or i, which
    str.lower() keeps: the month lookup folds them too, instead of failing with a KeyError."""
    assert [d.value for d in find_dates(text, dt.date(2021, 5, 1))] == [value]


# --- dates counted from the story's last date, intervals named in two words ----------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a sequel counts from the last day named before it
        (
            "The ministers met on 3 March. Four days later the treaty was signed.",
            (2020, 6, 1),
            [("on 3 March", "2020-03-03"), ("Four days later", "2020-03-07")],
        ),
        (
            "He spoke in Vitebsk (Interfax, May 12). A day earlier, the envoy had left.",
            (2021, 6, 1),
            [("May 12", "2021-05-12"), ("A day earlier", "2021-05-11")],
        ),
        (
            "Talks ended on Tuesday and the cabinet approved the text the following day.",
            (2022, 3, 10),  # a Thursday
            [("on Tuesday", "2022-03-08"), ("the following day", "2022-03-09")],
        ),
        (
            "The drills began on 2 April 2019. A week later the troops moved east.",
            (2019, 6, 1),
            [("on 2 April 2019", "2019-04-02"), ("A week later", "2019-W15")],
        ),
        # no day before it: "earlier" counts from publication, "later" is left undated
        ("Three days later the envoy returned.", (2020, 6, 1), []),
        # a day to come is no base for "earlier"; "today" tells the time of speaking
        (
            "“We meet on 20 July,” she said. A day earlier, he left.",
            (2019, 7, 3),
            [("on 20 July", "2019-07-20"), ("A day earlier", "2019-07-02")],
        ),
        (
            "They met on 4 May. “Today we agree,” he said. Two days later they signed.",
            (2021, 6, 1),
            [("on 4 May", "2021-05-04"), ("Today", "2021-06-01"), ("Two days later", "2021-05-06")],
        ),
        # a month that does not hold the day ends the story's day
        (
            "They met on 22 April. At the talks in February, a call followed the next day.",
            (2021, 5, 19),
            [("on 22 April", "2021-04-22"), ("in February", "2021-02")],
        ),
    ],
)
def test_a_sequel_counts_from_the_last_day_named(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The envoys will confer on Monday and Tuesday.", (2023, 5, 3), "2023-05-08/2023-05-09"),
        ("The review is due in March or April.", (2022, 1, 10), "2022-03/2022-04"),
        ("The drills run from today until October 2.", (2021, 9, 20), "2021-09-20/2021-10-02"),
        (
            "From Monday to 30 September the border stays shut.",
            (2020, 9, 22),
            "2020-09-21/2020-09-30",
        ),
    ],
)
def test_two_names_of_one_interval_are_joined(text, published, expected):
    assert values(text, dt.date(*published)) == [expected]


def test_two_full_dates_joined_by_and_stay_two_dates():
    text = "The forum met on June 30 and July 1 in Grodno."
    assert values(text, dt.date(2022, 7, 5)) == ["2022-06-30", "2022-07-01"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("a habit from the nineties", (2019, 9, 17), [("the nineties", "1990/1999")]),
        ("In the '80s it was different.", (2019, 9, 17), [("the '80s", "1980/1989")]),
        ("in the late seventies", (2019, 9, 17), [("the late seventies", "1977/1979")]),
        ("He told reporters this morning.", (2022, 12, 19), [("this morning", "2022-12-19")]),
        (
            "The council meets in the first half of November.",
            (2021, 9, 14),
            [("the first half of November", "2021-11-01/2021-11-15")],
        ),
        (
            "Sales fell in the second half of February 2024.",
            (2024, 5, 1),
            [("the second half of February 2024", "2024-02-16/2024-02-29")],
        ),
        (
            "In the first week of January sales were low.",
            (2020, 1, 9),
            [("the first week of January", "2020-01-01/2020-01-07")],
        ),
        # "last August" in September is the year before; "last June" then is this year's
        ("Since last August he has had to prove it.", (2021, 9, 14), [("last August", "2020-08")]),
        ("Since last June he has had to prove it.", (2021, 9, 14), [("last June", "2021-06")]),
        ("Prices stay fixed throughout 2022.", (2021, 9, 13), [("2022", "2022")]),
        ("It will appear not earlier than 2024.", (2019, 12, 9), [("2024", "2024")]),
        ("He has said so since at least 2020.", (2024, 12, 10), [("2020", "2020")]),
    ],
)
def test_decades_parts_of_days_and_months_and_year_leads(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Moscow will lend $500 million this year and next.", (2021, 9, 9), "2021/2022"),
        ("18 OCT, 09:12 Update 18 OCT, 10:40", (2020, 10, 18), "2020-10-18"),
        ("The anniversary will be marked next May.", (2019, 12, 7), "2020-05"),
        ("A loan agreed in 2020 in Sochi that September helped him.", (2023, 7, 11), "2020-09"),
        # "Mr." does not end the clause whose verb tells the tense
        (
            "It is not new. In December, Mr. Ivanov walked away from the deal.",
            (2020, 9, 15),
            "2019-12",
        ),
    ],
)
def test_more_forms_of_wires_and_analyses(text, published, expected):
    assert values(text, dt.date(*published))[-1] == expected


def test_may_in_a_headline_in_capitals_is_no_month():
    assert values("PUTIN MAY VISIT MINSK IN SPRING", dt.date(2020, 9, 15)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the night (evening, …) before the paper is the day before
        ("He wrote on Facebook last night: “…”", (2019, 12, 8), [("last night", "2019-12-07")]),
        ("Last evening the talks ended.", (2019, 12, 8), [("Last evening", "2019-12-07")]),
        # a scheduled event in the plural present lies ahead, like "opens on Wednesday"
        (
            "the Zapad-2021 exercises that begin on Friday in both countries",
            (2021, 9, 9),
            [("on Friday", "2021-09-10")],
        ),
        (
            "officials say it could take place in mid-January",
            (2018, 12, 28),
            [("mid-January", "2019-01")],
        ),
    ],
)
def test_the_night_before_and_scheduled_events_in_the_plural(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "this weekend" in the past tense is the weekend just gone
        (
            "Something else happened this weekend that the readouts missed.",
            (2019, 12, 9),
            [("this weekend", "2019-12-07/2019-12-08")],
        ),
        ("We will meet this weekend.", (2019, 12, 9), [("this weekend", "2019-12-14/2019-12-15")]),
        # contracts that expire, and what someone wants done, lie ahead
        (
            "Belarus has not signed contracts, and current agreements expire on Jan. 1.",
            (2019, 12, 7),
            [("on Jan. 1", "2020-01-01")],
        ),
        (
            "The governments have agreed and want the presidents to sign them on December 8.",
            (2019, 9, 20),
            [("on December 8", "2019-12-08")],
        ),
    ],
)
def test_a_past_weekend_and_dates_that_expire_or_are_wanted(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("WORLD NEWS\nSEPTEMBER 14, 2020 / 3:41 PM", (2020, 9, 14), "2020-09-14"),
        ("Moscow pressed Minsk under a 1999 treaty on the Union State.", (2020, 9, 14), "1999"),
        ("Peskov said earlier in the day that it went well.", (2021, 11, 4), "2021-11-04"),
        ("declared on past week the minister", (2019, 12, 4), "2019-W48"),  # machine translation
        ("Russia and Belarus to sign a gas deal by year-end — Novak", (2019, 2, 15), "2019-12"),
        # "St." ends no clause: "is also due" still gives "in July" its tense
        (
            "The president is also due to attend the forum in St. Petersburg in July.",
            (2019, 2, 15),
            "2019-07",
        ),
        (
            "the exercise, which began on 10 February and ends on Sunday",
            (2022, 2, 18),
            "2022-02-20",
        ),
    ],
)
def test_forms_of_wires_translations_and_posts_of_set_ad(text, published, expected):
    assert values(text, dt.date(*published))[-1] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [  # "exactly … ago" is that day (month, week) ago, as "ago today" is
        ("Exactly a year ago, they met.", (2022, 11, 4), [("Exactly a year ago", "2021-11-04")]),
        ("It was exactly two weeks ago.", (2021, 9, 24), [("exactly two weeks ago", "2021-09-10")]),
        ("It was exactly a month ago.", (2021, 9, 24), [("exactly a month ago", "2021-08-24")]),
        # a date in apposition that is that day agrees; another one leaves the year
        (
            "Exactly 21 years ago, on 8 December 1999, the treaty was signed.",
            (2020, 12, 8),
            [("Exactly 21 years ago", "1999-12-08"), ("on 8 December 1999", "1999-12-08")],
        ),
        (
            "The date is symbolic: exactly 20 years ago, on 8 December 1999, it was signed.",
            (2019, 9, 18),
            [("exactly 20 years ago", "1999"), ("on 8 December 1999", "1999-12-08")],
        ),
        # without "exactly", a count of years is a year
        ("About a year ago, they met.", (2022, 11, 4), [("About a year ago", "2021")]),
    ],
)  # fmt: skip
def test_exactly_so_long_ago_is_that_day(text, published, expected):
    assert dates(text, dt.date(*published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [  # a slashed date whose order does not show: the reading within a week of publication
        ("Economy | 12/01/2007 16:42", (2007, 1, 12), [("12/01/2007", "2007-01-12")]),
        ("Updated 12/06/2024", (2024, 12, 10), [("12/06/2024", "2024-12-06")]),
        ("12/10/2024December 10", (2024, 12, 10), [("12/10/2024", "2024-12-10")]),  # glued
        ("It happened on 3/4/2007.", (2007, 1, 12), []),  # neither reading is near
        # number words of the teens count years
        (
            "Sixteen years ago today, they signed.",
            (2015, 12, 8),
            [("Sixteen years ago today", "1999-12-08")],
        ),
        # "the day before" counts from a day its sentence named, else from publication
        (
            "On September 10 they signed the programmes, which the day before in Moscow the "
            "presidents agreed.",
            (2021, 9, 13),
            [("On September 10", "2021-09-10"), ("the day before", "2021-09-09")],
        ),
        (
            "The talks were held on 9 September. The day before, Lukashenko arrived.",
            (2021, 9, 13),
            [("on 9 September", "2021-09-09"), ("The day before", "2021-09-12")],
        ),
        # "(in) December of that year": the year written last before it
        (
            "The road maps were drafted in 2019 and failed in December of that year.",
            (2021, 12, 29),
            [("2019", "2019"), ("in December", "2019-12")],
        ),
    ],
)  # fmt: skip
def test_forms_of_blind_set_ae(text, published, expected):
    assert dates(text, dt.date(*published)) == expected
