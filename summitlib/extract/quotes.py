"""Quotations: who said what, directly, indirectly, or in an interview.

- **direct**: words between quotation marks (any marks, see :mod:`summitlib.text.quotemarks`) that a
  speech cue ties to a speaker: after the quote (``"…," Mezhevich added``, ``"…," said
  Russian President Vladimir Putin``), before it (``Peskov answered directly, "…"``), in the
  same clause (``According to the Belarusian leader, sovereignty is "a holy icon"``,
  ``Lukashenka hailed a "breakthrough"``, ``Independence, he distinguished, is "…"``), or a
  quote continuing the previous speaker's. Quoted terms without a speech cue ("deeper
  integration", "frozen") are scare quotes and are left out.
- **indirect**: a reporting verb with its speaker (``He stressed that …``, ``…, Mezhevich
  explained.``, ``Lavrov admitted that …``), ``according to X, …`` and ``in his opinion, …``;
  the span is the reported clause.
- **interview**: in a question-and-answer piece every answer paragraph belongs to the
  interviewee, whether it carries a name label or not; questions belong to the interviewer
  (see :func:`interview_turns`). The layout is read from its structure: labels ("Q:",
  the outlet's or a speaker's name, with or without a role), question paragraphs followed by
  answers, dash-led turns, transcripts, a name line over bullet points; the interviewee comes
  from a label, the intro ("spoke with X", "X … in an interview"), or the title ("X: …").

The reporting verbs (all inflections, with tags for the verbs that take a bare clause, verbs
of belief, question verbs and verbs that cite someone else) come from
``data/lexicons/reporting_verbs.txt``; :data:`VERBS` and :data:`PARTICIPLES` are built from it.

Speakers are canonical names from :mod:`summitlib.extract.actors` (pronouns and descriptions already
resolved); joint speakers are joined with ``|``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from summitlib.extract.actors import (
    AFFILIATION,
    NOT_NAME,
    ROLE_WORDS,
    ActorMention,
    Registry,
    find_actors,
    is_possessor,
    load_registry,
)
from summitlib.extract.reporting import load_reporting_verbs
from summitlib.joint import SEPARATOR, join_values, split_values
from summitlib.text.lexicons import read_lexicon
from summitlib.text.phrases import phrase_alternation
from summitlib.text.quotemarks import (
    DOUBLE_MARK,
    Block,
    Quoted,
    find_block_quotes,
    find_dialogue,
    find_quoted,
)
from summitlib.text.sentences import (
    LIST_MARKER,
    label_alone,
    paragraph_spans,
    same_paragraph,
    speaker_label,
    split_sentences,
)
from summitlib.text.spans import SpanIndex, trim_span

LEXICON = load_reporting_verbs()
VERBS = phrase_alternation(LEXICON.finite)
PARTICIPLES = phrase_alternation(LEXICON.participles)
VERB = re.compile(rf"\b(?:{VERBS})\b")
VERB_OR_PARTICIPLE = re.compile(rf"\b(?:{VERBS}|{PARTICIPLES})\b")
AFTER_VERB = re.compile(rf"\b(?:{phrase_alternation((*LEXICON.finite, *LEXICON.after_quote))})\b")
COMMA_NEXT = re.compile(r"\s*,")
SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n")
DATELINE = re.compile(  # "MINSK, May 5. /TASS/.", "MINSK, 14 July (BelTA) –", "MOSCOW, Dec. 25
    # (Xinhua) --"
    r"[A-Z][A-Z ]+,(?:[^()\n]{0,30}\([\w ]{2,20}\)\s*(?:--|[–—-])"
    r"|[^.]{0,30}\.\s*(?:/[A-Z]+/\.?)?)\s*"
)
PARTICIPLE = re.compile(rf"\b(?:{PARTICIPLES})\b")
PARTICIPLE_LEAD = re.compile(r"(?:,|\bas)\s*$")  # ", saying", "quoted him as saying"
ADVERBS = (
    r"(?:also|then|later|later on|once again|again|recently|directly|repeatedly|previously|"
    r"earlier|further|publicly|openly|firmly|clearly|has|had|have|has also|had also|"
    r"would|will|once|been|even|still|just|now|in\s+turn|in\s+(?:his|her|their)\s+turn|"
    r"for\s+(?:his|her|their|its)\s+part|in\s+response|in\s+reply|[a-z]+ly|"
    r"himself|herself|themselves|"
    # a verb that hands over to the reporting one: "hurried to declare", "was quick to say"
    r"(?:hurried|hastened|rushed|went\s+on|(?:was|were)\s+quick|decided|chose)\s+to)"
)
# an aside or a reference in brackets after a name: "(pictured)", "(TASS, 2021)"
BRACKETED = r"\s*\([^()]{1,40}\)"
ASIDE = r"[^,.;:“”\"«»]{1,60},"  # an aside closed by a comma: "said, and I paraphrase, that"
# "Mr. Putin’s spokesman": an honorific's full stop ends nothing (as a title before a name, and
# as the full stop itself, looked back at)
HONORIFICS = ("Mr", "Ms", "Mrs", "Dr")
HONORIFIC = rf"(?:{'|'.join(HONORIFICS)})\.\s+"
HONORIFIC_DOT = "|".join(rf"(?<=\b{h})\." for h in HONORIFICS)
NOT_HONORIFIC_DOT = "".join(rf"(?<!\b{h})" for h in HONORIFICS)
SUBJECT_GAP = re.compile(  # an affiliation ("of BEROC"), an aside between commas or in
    # brackets, adverbs
    rf"^(?:{AFFILIATION})?(?:\s*,(?!\s*(?:it|he|she|they|we|I|there|this)\b)"
    rf"(?:[^,.;:“”\"]|{HONORIFIC_DOT}){{0,200}},?)?"
    rf"(?:{BRACKETED})?(?:\s+{ADVERBS})*\s*$"
)
DETERMINERS = r"the|a|an|its|their|our|my|your|this|these|those|his|her"
NOUN_BEFORE = re.compile(rf"\b(?:{DETERMINERS})\s+$", re.I)
NOT_SUBJECT = {"his", "him", "her"}
NOUN_USE = re.compile(  # a verb form used as a noun: "the statement", "two states"
    rf"\b(?:{DETERMINERS}|two|three|four|several|many|both|all|\d+)\s+$", re.I
)
COMPOUND_NOUN_NEXT = re.compile(r"\s+tanks?\b")  # a verb's form in a noun: "think tank"
THAT_NEXT = re.compile(r",?\s+that\b")  # a "that" clause follows (", that": machine translation)
THAT_WORD = re.compile(r"\bthat\b")
OBJECT_OF = (  # prepositions whose object is no speaker: "speaking after Putin"
    r"\b(?:to|of|at|for|from|under|with|by|against|after|before|alongside|like|unlike|than|about"
    rf"|on|over|behind|beside)\s+(?:{HONORIFIC})?$"
)
ASIDE_OBJECT = re.compile(  # ", an adviser to ", ", in a meeting with ": an aside ending in a
    # preposition whose object is the next person, or that person's title ("for the office of
    # exiled opposition leader ")
    rf"\s*,\s*[^,.;:“”\"]{{0,80}}?{OBJECT_OF.removesuffix('$')}(?:[\w’'-]+\s+){{0,4}}?$"
)
OBJECT_BEFORE = re.compile(OBJECT_OF, re.IGNORECASE)
POSSESSED = re.compile(  # "'s adviser,": an aside of a role held under the possessor
    r"(?:['’]s?)?\s+[^,.;:“”\"()]{1,60}?,"
)
POSSESSED_ROLE = re.compile(  # "’s press secretary, " before the name of the one who holds it
    r"['’]s?\s+[a-z][^,.;:“”\"()]{0,60}?,?\s*"
)
ASIDE_COMMA = re.compile(rf"\s*,\s*(?:{HONORIFIC})?")  # "X, Mr. Putin’s spokesman,"
TOGETHER = re.compile(  # "X, together with (President) Y,": both speak
    r"\b(?:together|along)\s+with\s+(?:[\w’'-]+\s+){0,4}?$"
)
JOINT = re.compile(r"^\s*(?:,\s*|\s+and\s+|\s+as well as\s+|,\s*and\s+)[^,.;]{0,80}?$")
ADDRESSEE = r"[A-Z][\w/]+(?:[’']s)?(?:\s+[A-Z]\w+)*"  # "TASS", "RFE/RL's Belarus Service"
ADDRESSEE_NOUNS = (
    r"(?:reporters|journalists|officials|agencies|lawmakers|deputies|ministers|diplomats|"
    r"correspondents|students|media|(?:state\s+)?(?:television|TV|media))"
)
TIME_AFTER = r"(?:\s+(?:on|in|last|this|earlier|later)\s+(?:[A-Z]\w+|week|month|year))?"
ADDRESSEE_TO = re.compile(
    r"to\s+(?:the|a|an|his|her|our|their)\s"
)  # MT "told to the …", not "to help"
ADDRESSEE_PHRASE = re.compile(  # "warned the Russian leader that", "told his ministers that",
    # "told the conference “…”, held in Moscow on Friday, that"
    r"\s+(?:to\s+)?(?:the|an?|his|her|their|its|our|my)\s+[^,.;:“”\"()]{1,50}?"
    r"(?:\s*[“\"«][^“”\"«»]{1,100}[”\"»](?:,[^,.;:“”\"]{1,60},)?)?(?=\s+that\b)"
    # without a determiner: "telling officials that", "told Rossiyskaya Gazeta in July that"
    rf"|\s+(?:{ADDRESSEE}|{ADDRESSEE_NOUNS}){TIME_AFTER}(?=\s+that\b)"
)
FORWARD_SKIP = re.compile(
    rf"(?:\s+(?:to\s+(?:the\s+fact|reporters|journalists|the\s+press|me|us|him|her|them|{ADDRESSEE})"
    rf"|{ADDRESSEE}|reporters|journalists|the\s+press|me|us|him|her))?"
    r"(?:\s+(?:earlier|later|again|yesterday|today|last\s+\w+|this\s+\w+)"  # "earlier on …"
    r"(?=\s+(?:on|in|at)\b|,?\s+that\b(?!\s+(?:day|week|month|year|morning|evening)\b)))?"
    r"(?:\s+(?:on|in|at|after|before|during|following|within|over|by)\s+[\w\s]{0,30}?"
    r"(?=\s+that\b))?"  # "replied within hours that"
    rf"(?:,\s*{ASIDE}(?=\s+that\b))?"  # "says, as he did last week, that"
    rf"(?:{BRACKETED}(?=\s+that\b))?"  # "assured us (as he always does) that"
    r"(?:\s+(?:only|also|[a-z]+ly)(?=\s+that\b))?"
    r"(?:,?\s+that\b(?!\s+is\b)|\s+(?:about|of|on)\b(?!\s+\w+day\b))?[\s,]*"  # ", that": MT
)
TAIL = re.compile(
    r"(?:[A-Z][\w/]*|reporters|journalists|the press|(?:in|on|at|to|during|last|this|"
    r"yesterday|today|earlier|later|recently|in an interview)\b)"
)
CITATION = re.compile(BRACKETED)
ACCORDING = re.compile(  # machine translation: "by the words of", "By estimation of"
    r"\b(?:[Aa]ccording to|[Bb]y\s+(?:the\s+)?(?:words|estimation|estimate|assessment)\s+of)\s+"
)
OPINION = re.compile(  # "In his words,", "From the point of view of X,", "As noted by X,"
    # (X with a long role: "In the opinion of the leading expert of the Institute of … X,")
    r"\b(?:[Ii]n\s+(?:(his|her|their)\s+(?:opinion|view|words)|(?:the\s+)?(?:opinion|view|words)"
    r"\s+of\s+[^,]{3,120}|(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})[’']s\s+(?:opinion|view|words)"
    r"|the\s+(?:[a-z-]+\s+){0,2}[a-z]+[’']s\s+(?:opinion|view|words))"
    r"|[Ff]rom\s+(?:the\s+)?(?:point\s+of\s+view|standpoint|perspective)\s+of\s+[^,]{3,120}"
    rf"|[Aa]s\s+(?:was\s+|has\s+been\s+)?(?:{VERBS})\s+by\s+[^,]{{3,80}}"
    # machine translation keeps the Russian order: "As stated the Russian leader,"
    rf"|[Aa]s\s+(?:{VERBS})\s+(?=(?:the\s+)?[A-Z])[^,]{{3,80}}"
    r"|[Bb]y\s+(?:his|her|their)\s+(?:words|opinion)"  # machine translation: "By her words,"
    r"|(?:[Hh]is|[Hh]er|[Tt]heir)\s+words\s+were)\s*,"  # "His words were, “…”"
)
AS_CUE = re.compile(  # "As Shraibman puts it, …", "As Peskov told reporters on Friday, …",
    # "At the same time, as X told journalists, …"
    rf"(?:^\s*As|(?<=,\s)as)\s+[^,;:]{{2,60}}?\s+(?P<verb>{VERBS})(?:\s+[^,;:]{{1,40}}?)?\s*,"
)
# what every match of ACCORDING, OPINION and AS_CUE holds: a quick look for it spares most
# sentences those slow patterns (keep these in step with the patterns' alternatives)
ACCORDING_WORDS = ("ccording to", "words", "estimat", "assessment")
OPINION_WORDS = ("opinion", "view", "words", "standpoint", "perspective")  # but "As X put it"
AS_WORD = re.compile(r"[Aa]s\s")  # "As noted by X", "As X put it": these hold a reporting verb
CLAUSE_VERBS = re.compile(phrase_alternation(LEXICON.forms("clause")))
COLON_QUOTE = re.compile(r":\s*[“\"«„]")  # a clause handing over to a full quote
AND_THEN = re.compile(r"\s+and\s+(?:(?:then|also|later)\s+)?$")  # "… and added that"
CLAUSE_BREAK = re.compile(  # where a reported clause ends: ", while", ";", ": “…”"
    rf",\s+(?:while|whilst|whereas|although|though)\b|;|{COLON_QUOTE.pattern}"
)
COGNITION = re.compile(phrase_alternation(LEXICON.forms("cognition")))
SOURCE_VERBS = LEXICON.forms("source")
ADDRESSEE_VERBS = LEXICON.forms("addressee")
BE_BEFORE = re.compile(  # "was saying", "keeps repeating"
    r"\b(?:was|were|is|are|keeps?|kept)(?:\s+(?:still|also|[a-z]+ly))*\s+$"
)
PASSIVE_GAP = re.compile(r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+")
PROGRESSIVE = re.compile(
    rf"\b(?:started|starts|began|begins|kept|keeps|was|were|is|are|has\s+been|had\s+been)\s+"
    rf"(?:{PARTICIPLES})\b"
)
PREPOSITION_GAP = re.compile(  # "X upon the talks said that", "X in conversation with «Lenta.ru»"
    r"^\s+(?:upon|after|on|at|during|following|in)\s+(?:[^,.;:“”\"]|\.(?=\S)){1,40}?\s*$"
)
NOT_SPEAKER_CUE = LEXICON.forms("noquote")
OBJECT_VERBS = LEXICON.forms("object")
ANSWER_VERBS = LEXICON.forms("answer")
NAMED_AS = re.compile(  # ", often dubbed “…”": a name given to the word before the comma
    rf",\s*(?:(?:often|also|widely|sometimes|once|[a-z]+ly)\s+)?"
    rf"(?:{phrase_alternation(f for f in LEXICON.forms('naming') if f.endswith('ed'))})"
    r"(?:\s+as)?\s*[,:]?\s*$"
)
NAMING_BEFORE = re.compile(  # what names the quoted words: "so-called", "the conference",
    # "the civil campaign “European Belarus”", "the movement “For Freedom”"
    r"\b(?:[Ss]o[- ]called|conference|forum|exercises?|book|documentary|film|campaign|movement|"
    r"party|organi[sz]ation|initiative|programme|operation|company|concern|bloc|coalition|"
    r"association|foundation|centre|center|club|project|platform)\s*$"
)
COUNT_BEFORE = re.compile(  # a count, perhaps with an adjective: "28 sectoral “union programs”"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|several)\s+"
    r"(?:[a-z-]+(?:al|ic|ive|ous|ian|ary|ed)\s+)?$"
)
QUESTION_END = re.compile(r"\?\s*$")
SPEECH_FORMS = frozenset(LEXICON.finite)
INVERTED_LEAD = re.compile(rf"\s*(?i:{VERBS})\s+")  # "Said Lukashenko: “…”"
DASHES = "-–—"  # what leads a dialogue line or a dash-led answer
MIN_CLAUSE_WORDS = 3
NAME_WORDS = 3  # quoted capitalised words up to this many inside a sentence are a name
NAME_JOINERS = frozenset({"of", "for", "and", "the", "on", "in", "de"})  # inside a longer name
FRAGMENT_WORDS = 4
MIN_SIGNED = 6  # the fewest words of an unmarked line signed by its speaker


@dataclass(frozen=True)
class Quote:
    """An attributed quotation: span of the quoted or reported text, speaker, kind, cue."""

    start: int
    end: int
    speaker: str
    kind: str
    cue: str
    role: str = ""


@dataclass(frozen=True)
class Turn:
    """One turn of an interview: a question (interviewer) or an answer (interviewee)."""

    start: int
    end: int
    speaker: str
    kind: str  # "question" or "answer"
    label: str = ""


# --- helpers -----------------------------------------------------------------------------


def _sentence_of(sentences: SpanIndex, pos: int) -> tuple[int, int]:
    """The sentence span containing ``pos`` (or the nearest one before it)."""
    i = bisect.bisect_right(sentences.starts, pos) - 1
    return sentences.spans[i] if i >= 0 else (0, 0)


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip white space, leading commas and the final stop from a clause."""
    return trim_span(text, start, end, lead=",:;—–-", tail=".,;:—–-")


def _person_at(people: SpanIndex, start: int, end: int) -> list[ActorMention]:
    """Person mentions lying inside ``start:end``."""
    return people.within(start, end)


def _joint(text: str, people: SpanIndex, last: ActorMention) -> list[ActorMention]:
    """The speaker mention plus those joined to it ("Putin and Lukashenko said"), or both
    people of "the two leaders"."""
    if last.via == "pair":
        return [m for m in people.within(last.start, last.end) if m.via == "pair"]
    group = [last]
    for m in reversed(people.before(last.start, 6)):
        gap = text[m.end : group[0].start]
        if not JOINT.match(gap) or re.search(r"\b(?:that|said|told|which|who)\b", gap):
            break
        if OBJECT_BEFORE.search(text, max(0, m.start - 20), m.start):
            break  # "Speaking with Lukashenko, Putin said": Lukashenko does not speak
        group.insert(0, m)
    return group


def _aside_holder(
    text: str, people: SpanIndex, m: ActorMention, floor: int
) -> tuple[ActorMention, bool] | None:
    """The person whose aside ends with ``m`` as a preposition's object ("X, an adviser to m,")
    or opens with ``m`` as a possessor ("X, m's adviser,"), and whether the aside joins them
    ("X, together with m,"); None if ``m`` is in no aside."""
    before = [p for p in people.before(m.start, 3) if p.start >= floor]
    for i in range(len(before) - 1, -1, -1):  # the aside may name the holder again
        aside = ASIDE_OBJECT.fullmatch(text, before[i].end, m.start)
        if aside and all(p.actor == before[i].actor for p in before[i:]):
            return before[i], TOGETHER.search(aside.group()) is not None
    comma = before and ASIDE_COMMA.fullmatch(text, before[-1].end, m.start)
    if comma and is_possessor(text, m) and POSSESSED.match(text, m.end):
        return before[-1], False
    return None


def _speaker_group(text: str, people: SpanIndex, m: ActorMention, floor: int) -> list:
    """The speakers whose mentions end at ``m``: :func:`_joint`, or the person whose aside
    holds ``m`` ("X, a spokesman for Y, said": X; "X, together with Y, said": X and Y)."""
    return _holder_group(text, people, m, _aside_holder(text, people, m, floor))


def _holder_group(
    text: str, people: SpanIndex, m: ActorMention, holder: tuple[ActorMention, bool] | None
) -> list:
    """:func:`_speaker_group` for the aside holder already looked up."""
    if holder is None:
        return _joint(text, people, m)
    head, together = holder
    return [*_joint(text, people, head), m] if together else _joint(text, people, head)


def _names(group: list[ActorMention]) -> str:
    """Canonical names of a speaker group, joined with ``|``, without repeats."""
    seen: list[str] = []
    for m in group:
        if m.actor not in seen:
            seen.append(m.actor)
    return join_values(seen)


def _role(group: list[ActorMention]) -> str:
    """The roles of the speakers, joined with ``|`` like their names."""
    roles: dict[str, str] = {}
    for m in group:
        roles.setdefault(m.actor, m.role.replace(SEPARATOR, "/"))
    return join_values(list(roles.values())) if len(roles) > 1 else next(iter(roles.values()), "")


# narrower than OBJECT_OF: "after Putin said" and "before Putin spoke" have Putin as a subject
PREPOSITION_BEFORE = re.compile(r"\b(?:of|by|with|for|from|against|to|under)\s+$")
RELATIVE_WHO = re.compile(rf"\s*,\s*who(?:\s+{ADVERBS})*\s+")
RELATIVE_ASIDE = re.compile(  # ", who …, said", also after a role: ", Russia's finance minister,
    # who chairs the fund's council, last week said"
    rf"\s*(?:,[^,.;:“”\"«»]{{1,80}})?\s*,\s*(?:who|whose)\b[^;:“”\"«»]{{1,200}},"
    rf"(?:\s+(?:{ADVERBS}|(?:last|this|on)\s+(?:week|month|year|[A-Z][a-z]+day)))*\s*"
)
DASH_ASIDE = re.compile(  # "X — the same X who flirted with Brussels — told …": X
    r"\s*[—–]\s[^—–.;:“”\"«»\n]{1,120}?\s[—–]\s*"
)
COORDINATED_BEFORE = re.compile(r"(?:\band|,[\"”’»]?\s*but)\s+(?:\w+ly\s+)?$")  # '"…," but'


def _subject(
    text: str, people: SpanIndex, sent_start: int, verb_start: int, relaxed: bool = False
) -> list:
    """The speaker mention(s) right before a verb in its sentence ([] if none); ``relaxed``
    lets a short phrase of time or occasion come between ("X upon the talks announced that")."""
    nearest = [m for m in people.before(verb_start, 3) if m.start >= sent_start]
    for m in nearest:  # "X — the same X who flirted with Y — told …": X
        if DASH_ASIDE.fullmatch(text, m.end, verb_start):
            return _joint(text, people, m)
    for m in reversed([m for m in nearest if m.text.lower() not in NOT_SUBJECT]):
        gap = text[m.end : verb_start]
        if RELATIVE_WHO.fullmatch(gap):  # "the verdict of X, who called it …": X speaks
            return _joint(text, people, m)
        holder = _aside_holder(text, people, m, sent_start)
        if holder is not None and SUBJECT_GAP.match(text[holder[0].end : verb_start]):
            return _holder_group(text, people, m, holder)  # "X, an adviser to Y, said"
        after_preposition = PREPOSITION_BEFORE.search(text, max(0, m.start - 40), m.start)
        if NOUN_BEFORE.search(gap) or after_preposition:
            break  # "weakened by the protests", "gave his comments": the word is a noun
        if SUBJECT_GAP.match(gap) or (relaxed and PREPOSITION_GAP.match(gap)):
            return _joint(text, people, m)
        break
    for m in nearest:  # "X, who left after challenging Y in the election, said …": X
        if RELATIVE_ASIDE.fullmatch(text, m.end, verb_start):
            return _joint(text, people, m)
    return []


# --- direct quotes -----------------------------------------------------------------------


AFTER_STOP = re.compile(  # "…," said Ms. X; "…," Konstantin I. Kosachev said: no stop
    rf"{NOT_HONORIFIC_DOT}(?<!\s[A-Z])[.!?](?:\s|$)|[“”\"«»]|\n"
)
LEAD_TO_SPEAKER = re.compile(  # "…," Lithuania's minister, X said; "…," Mr. X said
    rf"\s*[,—–-]?\s*(?:the\s+|a\s+)?(?:{HONORIFIC})?([^,.;]{{0,80}}?)(,\s*)?"
)


def _leads_to_speaker(lead: str) -> bool:
    """Whether what stands between a closing mark and the speaker is a title at most, set off
    by a comma only when it is a role ('…," Lithuania's defence minister, Arvydas …')."""
    match = LEAD_TO_SPEAKER.fullmatch(lead)
    if match is None or not match.group(2):
        return match is not None
    return any(word.lower() in ROLE_WORDS for word in match.group(1).split())


def _ends_its_sentence(text: str, q: Quoted) -> bool:
    """Whether the quoted words end with a sentence's end inside the marks."""
    return q.inner(text).rstrip().endswith((".", "!", "?", "…"))


def _new_sentence_lead(text: str, q: Quoted, lead: str) -> bool:
    """Words other than a title between a quote that ended its sentence and the next
    sentence's speaker ("… “integration without annexation.” At home he insists that …"): that
    sentence says something of its own; it does not attribute the quote."""
    words = [w for w in lead.split() if w.lower() not in ("the", "a", "an")]
    return _ends_its_sentence(text, q) and any(
        w[:1].islower() and w.lower() not in ROLE_WORDS for w in words
    )


MT_AUXILIARY = r"(?:(?:has|have|had|was|were)\s+)?"  # machine translation: ", has declared X"
INVERTED_LEAD_AFTER = re.compile(rf"\s*(?:[,—–-]\s*){{0,2}}{MT_AUXILIARY}")  # "…," said X


def _after_cue(text: str, q: Quoted, people: SpanIndex) -> tuple[list, str] | None:
    """A speaker and verb right after the closing mark ("…," Mezhevich added)."""
    window_end = min(len(text), q.close + 1 + 160)
    after = text[q.close + 1 : window_end]
    stop = AFTER_STOP.search(after)
    after = after[: stop.start() if stop else len(after)]
    base = q.close + 1
    according = re.match(r"\s*[,—–-]?\s*according\s+to\s+", after)
    if according:  # "…," according to Peskov.
        cited = _person_at(people, base + according.end(), base + according.end() + 40)
        if cited:
            return _joint(text, people, cited[0]), "according to"
    near = _person_at(people, base, base + len(after))
    signed = _signed(text, after, base, near, _opens_a_sentence(text, q.open))
    if signed:
        return _joint(text, people, signed), "—"
    verb = AFTER_VERB.search(after)
    if not verb or not re.match(r"\s*[,—–-]?\s*\S", after) or verb.group() in NOT_SPEAKER_CUE:
        return None
    if verb.group() in ANSWER_VERBS and QUESTION_END.search(q.inner(text)):
        return None  # "“Is he legitimate?” Peskov answered": the question is not his
    passive = re.search(r"\b(?:was|were|is|are|been)\s+$", after[: verb.start()])
    if verb.group() in SOURCE_VERBS and not passive:  # "…," kremlin.ru cites the Russian leader
        cited = [m for m in near if 0 <= m.start - (base + verb.end()) <= 40]
        return (_joint(text, people, cited[0]), verb.group()) if cited else None
    pre = [m for m in near if m.end <= base + verb.start()]
    holder = _aside_holder(text, people, pre[-1], base) if pre else None
    anchors = pre[-1:] + ([holder[0]] if holder else [])  # the speaker, or the aside's holder
    gaps = [text[a.end : base + verb.start()] for a in anchors]
    if any(SUBJECT_GAP.match(gap) or passive and PASSIVE_GAP.fullmatch(gap) for gap in gaps):
        lead = text[base : pre[0].start]
        conjunction = re.search(r"\b(?:and|but|while|whereas|although|though)\b", lead)
        if not conjunction and _leads_to_speaker(lead) and not _new_sentence_lead(text, q, lead):
            return _holder_group(text, people, pre[-1], holder), verb.group()
    post = [m for m in near if m.start >= base + verb.end()]
    inverted = INVERTED_LEAD_AFTER.fullmatch(after[: verb.start()])
    if inverted and post and post[0].start - (base + verb.end()) <= 90:
        return _joint(text, people, post[0]), verb.group()
    return None


SIGNATURE = re.compile(  # "“…” — Lukashenko.", "“…” (Lukashenko)." or "“…” — this is how
    # Peskov summed it up"
    r"\s*,?(?:\s*[—–]|\s+-|\s*\()\s*(?:(?:this|that|such)\s+(?:is|was)\s+(?:how|what)\s+)?"
)
SIGNED_END = re.compile(  # "— Putin, 10 September 2021." but not "— Putin, who …"
    r"\s*(?:,(?!\s*(?:who|whose|whom|which|that)\b)\s*[^,.;:!?()]{1,40})?\)?[.!]?\s*"
)


def _opens_a_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a line or follows the end of a sentence."""
    return re.search(r"(?:^|[\n.!?…][\"”»’]?)[ \t]*$", text[max(0, pos - 3) : pos]) is not None


def _signed(
    text: str, after: str, base: int, near: list[ActorMention], opens: bool
) -> ActorMention | None:
    """The person a dash signs a quote with: a bare name ending the sentence, or the
    subject of "this is how … put it"; a name in brackets only signs a quote that opens its
    sentence (``opens``; "the “last dictator” (Lukashenko)." is a term)."""
    lead = SIGNATURE.match(after)
    if not lead or not near or near[0].start != base + lead.end():
        return None
    if lead.group().rstrip().endswith("(") and not opens:
        return None
    bare = SIGNED_END.fullmatch(text, near[0].end, base + len(after))
    return near[0] if bare or lead.group().rstrip().endswith(("how", "what")) else None


STOP_SPACE = re.compile(r"[.!?]\s")  # a sentence's end inside a line


def _inverted_lead(text: str, q: Quoted, people: SpanIndex, sent_start: int) -> tuple | None:
    """ "Said Lukashenko: “…”": a verb, then the speaker (a role may come between), opening
    the sentence or the line (where the sentence splitter took "Said Lukashenko:" for a
    speaker label), or after a clause ("…, believes the analyst X: “…”")."""
    line = text.rfind("\n", 0, q.open) + 1
    start = (
        line if line <= sent_start and not STOP_SPACE.search(text, line, sent_start) else sent_start
    )
    comma = text.rfind(",", start, q.open)
    for begin in (start, comma + 1) if comma >= 0 else (start,):
        lead = INVERTED_LEAD.match(text, begin, q.open)
        if not lead or not re.search(r"[,:]\s*$", text[begin : q.open]):
            continue
        near = _person_at(people, lead.end(), q.open)
        if not near or not (
            near[0].start == lead.end() or ROLE_GAP.fullmatch(text, lead.end(), near[0].start)
        ):
            continue
        if SUBJECT_GAP.match(re.sub(r"[,:]\s*$", "", text[near[0].end : q.open])):
            return _joint(text, people, near[0]), lead.group().strip().lower()
    return None


VERB_LEAD = re.compile(rf"(?:{VERBS})(?:\s+[a-z]+ly)?\s*[,:]?\s*$")  # "X answered directly, “"
PARENTHETICAL_CUE = re.compile(rf",\s*([^,]{{1,60}}?)\s+({VERBS})\s*,")  # ", the analyst said,"


def _before_cue(text: str, q: Quoted, people: SpanIndex, sent_start: int) -> tuple | None:
    """A speaker and cue before the opening mark in the same sentence."""
    start = min(sent_start, q.open)
    before = text[start : q.open]
    if NAMED_AS.search(before):
        return None  # "Lukashenko, often dubbed “…”": a name for him, not his words
    lead = VERB_LEAD.search(before)
    if lead:
        group = _subject(text, people, start, start + lead.start())
        if group:
            return group, lead.group().strip(" ,:")
    inverted = _inverted_lead(text, q, people, start)
    if inverted:
        return inverted
    fragment_verb = None
    verbs = [*VERB.finditer(before), *PROGRESSIVE.finditer(before)]
    verbs += [
        v for v in PARTICIPLE.finditer(before) if PARTICIPLE_LEAD.search(before, 0, v.start())
    ]
    verbs.sort(key=lambda v: v.end())
    for verb in verbs:
        if not COGNITION.fullmatch(verb.group()) and not NOUN_USE.search(before, 0, verb.start()):
            fragment_verb = verb  # not "the merger of two states: “…”"
    if fragment_verb is not None:
        gap = text[start + fragment_verb.end() : q.open]
        at = start + fragment_verb.start()
        if PARTICIPLE.fullmatch(fragment_verb.group()):  # ", saying that “…”"
            group = _participle_speaker(text, people, start, at)
        else:  # "X in the interview to Vedomosti warned that …: “…”"
            linked = THAT_NEXT.match(gap) is not None
            group = _subject(text, people, start, at, relaxed=linked) or _coordinated_subject(
                text, people, start, at
            )
        naming = re.fullmatch(r"\s+(?:the\s+)?[\w\s’'-]{0,50}?\s+as\s+(?:an?\s+|the\s+)?", gap)
        fits = len(gap.split()) <= 3 or _words(text, q) > FRAGMENT_WORDS or bool(naming)
        fits = fits and not TOPIC_QUESTION.search(gap)  # "told X what the “…” summit changed"
        if group and fits and not re.search(r"[.;!?]", gap):
            return group, fragment_verb.group()
        parenthetical = PARENTHETICAL_CUE.search(before)
        if parenthetical:
            at = start + parenthetical.start(2)
            group = _subject(text, people, start + parenthetical.start(1), at)
            if group:
                return group, parenthetical.group(2)
    according = None
    for match in _according_cues(before):
        according = match
    if according is not None:
        near = _past_possessor(
            text, _person_at(people, start + according.end(), start + according.end() + 80)
        )
        if near and near[0].start - (start + according.end()) <= 40:
            return _joint(text, people, near[0]), "according to"
    opinion = _first_opinion_cue(before)
    gap = text[start + opinion.end() : q.open].strip() if opinion else ""
    if opinion and (not gap or gap.endswith(":")):  # "In his words, “…”"; "In his view, …: “…”"
        near = _opinion_speaker(text, people, opinion, start)
        if near:
            return [near[0]], _opinion_cue(opinion)
    return None


def _past_possessor(text: str, near: list[ActorMention]) -> list[ActorMention]:
    """The people after "according to" from the one it names: "According to Lukashenko's
    press secretary, Natalya Eismont, …" names the secretary, not the possessor."""
    if len(near) > 1 and is_possessor(text, near[0]):
        held = POSSESSED_ROLE.fullmatch(text, near[0].end, near[1].start)
        return near[1:] if held and COMMA_NEXT.match(text, near[1].end) else near
    return near


def _holds(words: str, hints: tuple[str, ...]) -> bool:
    """Whether any of the hints occurs in ``words``."""
    for hint in hints:  # noqa: SIM110 - any() over a generator costs more than the look
        if hint in words:
            return True
    return False


def _according_cues(words: str) -> list[re.Match]:
    """The "according to X" cues in ``words``."""
    return list(ACCORDING.finditer(words)) if _holds(words, ACCORDING_WORDS) else []


def _may_hold_opinion(words: str, spoken: bool) -> bool:
    """Whether ``words`` may hold an "in his opinion" cue, or an "as X put it" one (only if
    they hold a reporting verb: ``spoken``)."""
    return _holds(words, OPINION_WORDS) or spoken and AS_WORD.search(words) is not None


def _opinion_cues(words: str, spoken: bool) -> list[re.Match]:
    """The "in his opinion" cues in ``words``, then the "as X put it" ones (``spoken``: whether
    ``words`` hold a reporting verb)."""
    if not _may_hold_opinion(words, spoken):
        return []
    return [*OPINION.finditer(words), *AS_CUE.finditer(words)]


def _first_opinion_cue(words: str) -> re.Match | None:
    """The first "in his opinion" cue in ``words``, else the first "as X put it" one."""
    if not _may_hold_opinion(words, spoken=True):
        return None
    return OPINION.search(words) or AS_CUE.search(words)


def _opinion_speaker(text: str, people: SpanIndex, cue: re.Match, base: int) -> list:
    """Whom an opinion cue found at ``base`` names: the subject of "As X put it", else the
    person inside "In his words" / "In X's view" (none after it: "As reported by Interfax,
    Lukashenko arrived …" reports nothing of Lukashenko's)."""
    if cue.groupdict().get("verb"):
        return _subject(text, people, base + cue.start(), base + cue.start("verb"))
    inside = _person_at(people, base + cue.start(), base + cue.end())
    if len(inside) > 1:  # "of Putin's spokesman Dmitry Peskov": not the possessor
        return [m for m in inside if not is_possessor(text, m)] or inside
    return inside


def _opinion_cue(cue: re.Match) -> str:
    """The cue word(s) of an opinion cue: the verb of "As X put it", else "in his words"."""
    return (cue.groupdict().get("verb") or " ".join(cue.group().rstrip(", ").split()[:3])).lower()


SENTENCE_HEAD = re.compile(  # before the subject (a live blog's "14:05 — " too), with a role
    # ("Russian Air Force commander")
    r"\s*(?:\d{1,2}[:.]\d{2}\s*[—–-]?\s*)?(?:[Tt]he\s+)?"
    r"(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the)\s+)*){0,5}"  # "Minister of Economic Development"
    rf"(?:(?:{phrase_alternation(ROLE_WORDS)})\s+)?"
)


SPEECH_NOUN = re.compile(  # "'s verdict", "’s answer": words someone has given
    r"(?:['’]s)?\s+(?:verdict|answer|reply|response|message|reaction|comment|assessment|"
    r"conclusion|warning|words|view|position)\b"
)


IN_A_COMMENT = re.compile(
    r",?\s+in\s+(?:an?|his|her)\s+(?:comment|interview|statement|post|column)\s+(?:for|to|with|on)\b"
)


def _colon_cue(text: str, q: Quoted, people: SpanIndex, sent_start: int) -> tuple | None:
    """The subject of a short sentence that a colon hands over to a full quote, with no
    verb of speech: "Lukashenko was blunt: “We will never be part of Russia.”"."""
    head = text[sent_start : q.open]
    if not re.search(r":\s*$", head) or len(head.split()) > 12 or not _full_sentence(text, q):
        return None
    inside = _person_at(people, sent_start, q.open)
    if len({m.actor for m in inside}) != 1:
        return None
    subject = _sentence_subject(text, people, sent_start, q.open)
    if not subject:  # "Roth's verdict was blunt: “…”": the possessor of the words speaks
        first = inside[0]
        opens = SENTENCE_HEAD.fullmatch(text, sent_start, first.start)
        if opens and is_possessor(text, first) and SPEECH_NOUN.match(text, first.end):
            subject = [first]
        elif (
            IN_A_COMMENT.match(text, first.end) and len(text[sent_start : first.start].split()) <= 4
        ):
            subject = [first]  # "💬 Analyst X in a comment for NEXTA: «…»"
    return (subject, ":") if subject else None


INLINE_LABEL = re.compile(r"[^\S\n]*(?:[•·*▪–—-][^\S\n]*)?([^\n:“”\"«»‘’]{2,80}):[^\S\n]*")
ROLE_AFTER_NAME = r"(?:\([^()\n]{1,60}\)|,[^,\n]{1,60})"  # "(Kremlin spokesman)", ", minister"
LABEL_ROLE = re.compile(rf"\s*{ROLE_AFTER_NAME}?\s*")
LABEL_ROLE_TAIL = re.compile(rf"\s*{ROLE_AFTER_NAME}\s*$")
LABEL_TOPIC = re.compile(  # "The Head of State on sanctions: «…»", "Lukashenko to Putin: «…»",
    # "Putin at the start of the meeting: «…»"
    r"\s+(?:on|about|to|at|in|after|before|during)\s+[^\n]{1,60}"
)
LABEL_LINE = re.compile(  # "X, minister:\n" over the quote's line, or over a blank line first
    r"[^\S\n]*\n(?:[^\S\n]*\n)?([^\n]{3,140}):[^\S\n]*(?:\n[^\S\n]*)?$"
)
QUOTE_LABEL = r"(?:[Qq]uotes?|[Cc]itation|[Dd]irect\s+speech)"  # Ukrainska Pravda's "Quote from X:"
QUOTE_FROM = re.compile(rf"{QUOTE_LABEL}\s+(?:from|by|of)\s+")
BARE_QUOTE_LABEL = re.compile(rf"{QUOTE_LABEL}\s*:\s*")  # "Quote: “…”": the last one reported


def _label_line_cue(text: str, q: Quoted, people: SpanIndex) -> tuple | None:
    """The person a line of its own names, ending in a colon, over a quote that opens the
    next line: "Sergei Aleinik, Minister of Foreign Affairs of Belarus:\n«…»" (a sound bite),
    or a label opening the quote's own line, as in a list: "• Putin: ‘…’"."""
    line_start = text.rfind("\n", 0, q.open) + 1
    if not _full_sentence(text, q):
        return None
    inline = bool(text[line_start : q.open].strip())
    if inline:
        label = INLINE_LABEL.fullmatch(text, line_start, q.open)
    else:
        label = LABEL_LINE.search(text, max(0, line_start - 150), line_start)
    if label is None or len(label.group(1).split()) > 15:
        return None
    inside = _person_at(people, label.start(1), label.end(1))
    lead = text[label.start(1) : inside[0].start] if inside else ""
    if not inside or re.search(r"\w", lead) and not QUOTE_FROM.fullmatch(lead):
        return None  # the line must open with the person (after an emoji, "Quote from")
    tail = (LABEL_ROLE, LABEL_TOPIC)
    if inline and not any(t.fullmatch(text, inside[0].end, label.end(1)) for t in tail):
        return None  # "Putin met Lukashenko in Sochi: “…”" is a sentence, not a label
    return _joint(text, people, inside[0]), ":"


def _words(text: str, q: Quoted) -> int:
    """How many words the quoted text holds."""
    return len(q.inner(text).split())


def _chain_cues(text: str, quoted: list[Quoted], people: SpanIndex) -> dict[int, tuple]:
    """The cue after the last paragraph of a quote that runs over several, for the paragraphs
    before it (wire style: the attribution comes once, after the closing mark)."""
    cues: dict[int, tuple] = {}
    chain: list[int] = []
    for i, q in enumerate(quoted):
        chain = [*chain, i] if q.continued and chain else [i]
        if q.closed and len(chain) > 1 and (cue := _after_cue(text, q, people)):
            cues.update(dict.fromkeys(chain[:-1], cue))
    return cues


def _names_something(text: str, q: Quoted) -> bool:
    """Whether the quoted words are a name, not words said ("the so-called “tax manoeuvre”",
    "the movement “For Freedom”", "told «Gazeta.Ru»", "the supercomputer «SKIF-Grid»")."""
    if NAMING_BEFORE.search(text, max(0, q.open - 16), q.open) is not None or _a_name(text, q):
        return True
    counted = COUNT_BEFORE.search(text, max(0, q.open - 30), q.open)  # "28 sectoral “union
    return counted is not None and _words(text, q) <= FRAGMENT_WORDS  # programs”": a term


def _a_name(text: str, q: Quoted) -> bool:
    """Quoted words that are a name: up to three, each capitalised, inside a sentence, with no
    sentence end of their own ("«Beltransgaz»", "“Union Resolve-2022”", not "“Never!”")."""
    words = q.inner(text).strip().rstrip(",").split()
    content = [w for w in words if w not in NAME_JOINERS]  # "Fund for Stabilization and …"
    if not 0 < len(content) <= NAME_WORDS + 2 or words[-1] in NAME_JOINERS:
        return False
    if len(words) > NAME_WORDS and len(content) == len(words):
        return False  # four capitalised words or more without "of", "for", "and": a slogan
    if not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return False
    lead = text[max(0, q.open - 40) : q.open].rstrip()
    return bool(lead) and lead[-1] not in ".!?:;—–-\n" and not words[-1].endswith((".", "!", "?"))


def _direct(
    text: str,
    quoted: list[Quoted],
    people: SpanIndex,
    sentences: SpanIndex,
    reported: list[Quote] = (),
) -> list[Quote]:
    """Direct quotations with a speech cue; quoted terms without one are skipped."""
    reported = SpanIndex(list(reported), _span)
    found: list[Quote] = []
    last: Quote | None = None
    chained = _chain_cues(text, quoted, people)
    for i, q in enumerate(quoted):
        if _names_something(text, q):
            continue  # "the so-called “tax manoeuvre”", "the conference “…”": a name, no words
        sent_start, _ = _sentence_of(sentences, q.open)
        cue = (
            _after_cue(text, q, people)
            or _colon_above(text, q, people, sentences)
            or _before_cue(text, q, people, sent_start)
            or _colon_cue(text, q, people, sent_start)
            or _label_line_cue(text, q, people)
            or chained.get(i)
        )
        host = reported.containing(q.open) if cue is None else None
        if host is not None and host.end >= q.close and not COGNITION.fullmatch(host.cue):
            found.append(Quote(q.start, q.end, host.speaker, "direct", host.cue, host.role))
            last = found[-1]  # "said the deal came with “strict conditions”": the reported
            continue  # speaker's own words (not in what someone "expects" or "believes")
        if (
            cue is None
            and last is not None
            and (q.continued or _continues(text, last, q, people) or _listed(text, last, q, people))
        ):
            found.append(Quote(q.start, q.end, last.speaker, "direct", last.cue, last.role))
            last = found[-1]
            continue
        if cue is None:
            cue = _previous_sentence_speaker(text, q, people, sentences, reported)
        if cue is None:
            continue
        group, verb = cue
        last = Quote(q.start, q.end, _names(group), "direct", verb, _role(group))
        found.append(last)
    return found


def _introducer(text: str, q: Quoted, people: SpanIndex, sent_start: int) -> tuple | None:
    """The one person a block quotation's introduction is about, as its subject ("Lukashenko
    opened the meeting …, and this is the passage state TV replayed:")."""
    if len({m.actor for m in _person_at(people, sent_start, q.open)}) != 1:
        return None
    subject = _sentence_subject(text, people, sent_start, q.open)
    return (subject, ":") if subject else None


def _introduction_cue(
    text: str, q: Quoted, people: SpanIndex, sentences: SpanIndex
) -> tuple | None:
    """The speaker and cue of the introduction that ends with a colon right before ``q.open``
    and hands over to the paragraph below: a reporting verb's subject, the possessor of
    "answer", or the one person the introduction is about."""
    sent_start, _ = _sentence_of(sentences, q.open - 1)
    return (
        _before_cue(text, q, people, sent_start)
        or _colon_cue(text, q, people, sent_start)
        or _introducer(text, q, people, sent_start)
    )


INTRODUCED_BELOW = re.compile(r":[^\S\n]*\n\s*$")  # "X wrote on Telegram:" over the quote


def _colon_above(text: str, q: Quoted, people: SpanIndex, sentences: SpanIndex) -> tuple | None:
    """The cue of a quote that opens a paragraph under an introduction ending with a colon."""
    colon = INTRODUCED_BELOW.search(text, max(0, q.open - 12), q.open)
    if colon is None or q.continued or text[q.open] in DASHES or not _full_sentence(text, q):
        return None  # (not a dash dialogue's line: "listed the agenda:\n- energy prices, -")
    return _introduction_cue(text, replace(q, open=colon.start() + 1), people, sentences)


def _block_quotes(
    text: str, blocks: list[Block], people: SpanIndex, sentences: SpanIndex
) -> list[Quote]:
    """Block quotations, each given to the speaker its introduction names."""
    found: list[Quote] = []
    cues: dict[int, tuple | None] = {}
    for block in blocks:
        if block.colon not in cues:
            q = Quoted(block.colon + 1, block.end, block.start, block.end)
            cues[block.colon] = _introduction_cue(text, q, people, sentences)
        if cues[block.colon]:
            group, verb = cues[block.colon]
            found.append(Quote(block.start, block.end, _names(group), "direct", verb, _role(group)))
    return found


def _unindented_blocks(text: str, people: SpanIndex, sentences: SpanIndex) -> list[Quote]:
    """A block quotation that lost its indent (a newsletter copied as plain text): the one
    paragraph in the first person right under an introduction that ends with a colon and has
    a speaker and a cue of its own ("Oreshkin told reporters in Sochi late on Saturday:")."""
    found: list[Quote] = []
    colon = None
    for start, end in paragraph_spans(text):
        below, colon = colon, (end - 1 if text[end - 1] == ":" else None)
        words = text[start:end]
        if below is None or words[:1] in DASHES or DOUBLE_MARK.match(words):
            continue
        if LIST_MARKER.match(text, start) or speaker_label(text, start, end) is not None:
            continue
        if len(words.split()) < MIN_SIGNED or not FIRST_PERSON.search(words):
            continue
        q = Quoted(below + 1, end, start, end)
        sent_start, _ = _sentence_of(sentences, below)
        cue = _before_cue(text, q, people, sent_start) or _colon_cue(text, q, people, sent_start)
        if cue:
            found.append(Quote(start, end, _names(cue[0]), "direct", cue[1], _role(cue[0])))
    return found


SIGNATURE_LINE = re.compile(r"(?m)^[^\S\n]*[—–][^\S\n]*(?=[A-Z])")  # "— Vladimir Putin, 25 June"


def _lines_above(text: str, at: int) -> list[tuple[int, int]]:
    """The lines right above the line starting at ``at``, up to a blank line, in order."""
    lines: list[tuple[int, int]] = []
    end = at - 1
    while end > 0 and text[end] == "\n":
        start = text.rfind("\n", 0, end) + 1
        if not text[start:end].strip():
            break
        lines.insert(0, (start, end))
        end = start - 1
    return lines


def _signed_lines(text: str, people: SpanIndex) -> list[Quote]:
    """Unmarked lines signed on the next line by their speaker, as a blog quotes a speech:
    "We will transfer … missile systems." over "— Vladimir Putin, 25 June 2022"."""
    found: list[Quote] = []
    for sign in SIGNATURE_LINE.finditer(text):
        line_end = text.find("\n", sign.end())
        line_end = len(text) if line_end < 0 else line_end
        who = _person_at(people, sign.end(), line_end)
        if not who or who[0].start != sign.end():
            continue
        if not SIGNED_END.fullmatch(text, who[0].end, line_end):
            continue  # "— Putin, who …": a sentence about him
        group = _joint(text, people, who[0])
        for start, end in _lines_above(text, sign.start()):
            line = text[start:end].strip()
            if line[:1] in DASHES or DOUBLE_MARK.search(line) or line.endswith("?"):
                continue  # a dialogue line or a question, a quotation of its own
            if len(line.split()) < MIN_SIGNED:
                continue  # a heading
            start, end = trim_span(text, start, end)  # white space only: the stop stays
            found.append(Quote(start, end, _names(group), "direct", "—", _role(group)))
    return found


def _full_sentence(text: str, q: Quoted) -> bool:
    """A quote that is a sentence, not a term: six words or more from a capital, or three
    and more that open a sentence and end one inside the marks ("… brothers,” he said.
    “But we are sovereign.”)."""
    inner = q.inner(text).strip()
    if not inner[:1].isupper():
        return False
    words = len(inner.split())
    opens = re.search(r"[.!?…]\s*$", text[max(0, q.open - 3) : q.open]) is not None
    return words >= 6 or (words >= 3 and opens and inner.endswith((".", "!", "?", "…")))


OWN_CUE_END = re.compile(r"[.!?]\s*(?:[—–-]\s*)?$")  # "he said. “…”", "he said. - «…»"


def _continues(text: str, last: Quote, q: Quoted, people: SpanIndex | None = None) -> bool:
    """A full-sentence quote that follows the previous speaker's quote closely.

    The gap may hold the previous quote's own cue: "“…,” he said. “…”" (or, as translations
    set it, "«…», - he said. - «…»").
    """
    gap = text[last.end : q.open]
    full = _full_sentence(text, q)
    if "\n" in gap:  # a new paragraph opening with a quote carries on the last speaker's
        opens_paragraph = text[text.rfind("\n", 0, q.open) + 1 : q.open].strip() == ""
        return full and opens_paragraph and len(gap) <= 120 and gap.count("\n") <= 3
    if not full or len(gap) > 280:  # the cue may hold a long aside: ", a senior fellow at …"
        return False
    verbs = [v.group() for v in VERB.finditer(gap)]
    if not verbs:
        return len(gap) <= 40
    own_cue = verbs == [last.cue] and OWN_CUE_END.search(gap)
    others = [m for m in people.within(last.end, q.open)] if people is not None else []
    return bool(own_cue) and all(m.actor in split_values(last.speaker) for m in others)


def _listed(text: str, last: Quote, q: Quoted, people: SpanIndex) -> bool:
    """A quote in the same sentence as the last one, with no other speaker or cue between:
    "(“insane”, “vile”, “lice”)", "…,” adding that he would “give formal shape to” it"."""
    gap = text[last.end : q.open]
    if len(gap) > 80 or re.search(r"[.!?;]\s|\n", gap) or VERB.search(gap):
        return False
    between = people.within(last.end, q.open)
    return all(m.actor in split_values(last.speaker) for m in between)


OWN_CUE = re.compile(rf"[\s,—–-]*(?:[\w’'-]+\s+){{1,4}}(?:{VERBS})\b")


def _previous_sentence_speaker(
    text: str, q: Quoted, people: SpanIndex, sentences: SpanIndex, reported: SpanIndex
) -> tuple | None:
    """The speaker of a full-sentence quote that follows a sentence reporting them:
    "…, the President emphasized. “We have no intention …”" or "He added: …. “…”"."""
    inner = q.inner(text)
    if len(inner.split()) < 6 or not inner[:1].isupper():
        return None
    if OWN_CUE.match(text, q.close + 1):
        return None  # "“…,” a NATO official said": its own speaker, who is no person
    i = bisect.bisect_right(sentences.starts, q.open) - 1
    labelled = BARE_QUOTE_LABEL.fullmatch(text, text.rfind("\n", 0, q.open) + 1, q.open)
    if i < 1 or sentences.spans[i][0] < q.open - 1 and not labelled:
        return None  # the quote does not open its sentence (or its "Quote:" line)
    start, end = sentences.spans[i - 1]
    broken = "\n" in text[end : q.open]  # a post's next line may carry the quote, after a stop
    if (
        broken
        and not labelled
        and (not same_paragraph(text, end, q.open) or text[end - 1] not in ".!?…")
    ):
        return None  # not over a blank line, nor under a headline or a link
    if re.search(r"[“”\"«»]", text[start:end]):
        return None
    said = [r for r in reported.overlapping(start, end) if r.kind == "indirect"]
    if said and len({r.speaker for r in said}) == 1:
        return [m for m in people.within(start, end) if m.actor == said[0].speaker][:1] or [
            ActorMention(start, start, "", said[0].speaker, "person", said[0].role)
        ], said[0].cue
    return None


# --- indirect speech ---------------------------------------------------------------------


def _forward_clause(text: str, verb: str, verb_end: int, sent_end: int) -> tuple | None:
    """The reported clause after a verb: "… stressed that <clause>."."""
    addressed = (
        ADDRESSEE_PHRASE.match(text, verb_end, sent_end) if verb in ADDRESSEE_VERBS else None
    )
    skip = FORWARD_SKIP.match(text, addressed.end() if addressed else verb_end, sent_end)
    start = skip.end() if skip else verb_end
    linked = re.search(r"\b(?:that|of|about|on)\s*,?\s*$", text[verb_end:start])
    if not linked and (not CLAUSE_VERBS.fullmatch(verb) or COMMA_NEXT.match(text, verb_end)):
        return None
    if not linked and verb not in ADDRESSEE_VERBS:  # "insisted Belarus would …": no addressee
        start = verb_end
    if not linked and SAID_OBJECT.match(text, _trim_span(text, start, sent_end)[0], sent_end):
        return None  # "said exactly the same about …": what was said is named, not reported
    cut = CLAUSE_BREAK.search(text, start, sent_end)
    end = cut.start() if cut else sent_end
    later = next((v for v in VERB.finditer(text, start, end) if not _modifies(text, v)), None)
    if later is not None and linked and not linked.group().startswith("that"):
        return None  # "commented on statements by officials who suggested …": theirs
    if later is not None:  # "…had been agreed, state television spoke of …": a new report
        comma = text.rfind(",", start, later.start())
        joined = AND_THEN.search(text, start, later.start())  # "… and added that …": the same
        end = comma if comma > start else joined.start() if joined else end
    start, end = _trim_span(text, start, end)
    if start >= end or text[start] in '“"«„' or len(text[start:end].split()) < MIN_CLAUSE_WORDS:
        return None
    if not linked and (TOPIC_QUESTION.match(text, start) or TOPIC_AHEAD.match(text, verb_end)):
        return None  # "told Pozirk what the summit changed": an interview's topic, not a report
    if not linked and ADDRESSEE_TO.match(text, start):
        return None  # "told to the correspondent of “Kommersant” X": whom, not what
    if linked and linked.group().startswith("that") and COORDINATOR.match(text, start):
        return None  # "She has said that, and I understand why": "that" is the thing said
    return start, end


COORDINATOR = re.compile(r"(?:and|but|or)\b")
TOPIC_QUESTION = re.compile(r"\b(?:what|why|how|whether|when|where|who)\b")
MODIFIER_BEFORE = re.compile(  # a noun after a determiner: "the $1.5 billion", "the programmes"
    r"\b(?:the|a|an|its|their|this|these|those|his|her)\s+(?:[\w$.,’'-]+\s+){0,2}?[a-z\d]+\s+$"
)
MODIFIER_AFTER = re.compile(r"\s+(?:in|at|by|on|during|under|for)\b")


def _modifies(text: str, verb: re.Match) -> bool:
    """A verb form that modifies the noun before it ("the $1.5 billion promised in Sochi", "the
    programmes approved at the session"), not a new report inside a reported clause."""
    return bool(
        MODIFIER_BEFORE.search(text, max(0, verb.start() - 30), verb.start())
        and MODIFIER_AFTER.match(text, verb.end())
    )


def _backward_clause(text: str, sent_start: int, subject_start: int) -> tuple[int, int] | None:
    """The reported clause before an inverted cue: "<clause>, Mezhevich explained."."""
    head = text[sent_start:subject_start]
    comma = head.rfind(",")
    if comma < 0:
        return None
    start, end = _trim_span(text, sent_start, sent_start + comma)
    dateline = DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    if start >= end or len(text[start:end].split()) < MIN_CLAUSE_WORDS:
        return None
    return start, end


SAID_OBJECT = re.compile(  # an object of the verb, not a clause: "said nothing", "the same about",
    # "said it plainly in Sochi:", "said so again"
    r"(?:(?:exactly|much|almost|roughly)\s+the\s+same|the\s+same\s+(?:thing|about|of|on|as|to)|"
    r"nothing|as\s+much|(?:it|this|so)(?:\s*[:;.,]|\s+(?:[a-z]+ly|again|too|in|at|on|during)\b))"
)
COORDINATE_TAIL = re.compile(  # not "said, and I'm paraphrasing, that …": an aside
    rf"\s*,\s*(?:and|but)\s+(?!that\b)(?!{ASIDE}\s+that\b)"
)
SPLIT_SUBJECT = re.compile(r"[^,;:“”\"«»]{2,60},\s*")  # "The West, " before "he said, wanted"
SPLIT_PREDICATE = re.compile(r"\s*,\s*(?!and\b|but\b|adding\b|saying\b)[a-z]")
ADDRESSEE_TAIL = re.compile(r"(?:the|a)\s+(?:[a-z-]+\s+){1,4}[A-Z][\w/.-]*(?:\s+[A-Z][\w/.-]*)*")
OCCASION_TAIL = re.compile(  # where it was said, however long: "in an interview with …"
    r"(?:in\s+(?:an\s+interview|a\s+statement|a\s+speech|comments|remarks)|on\s+the\s+(?:eve|"
    r"sidelines)\s+of|at\s+(?:a|the)\s+(?:press|news)\s+conference|at\s+a\s+briefing|"
    r"at\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:session|meeting|summit|forum|plenary|congress|"
    r"sitting|ceremony|rally))\b"  # "at the 56th session of the Parliamentary Assembly …"
)
OCCASION_AFTER = re.compile(r"(?:after|before|when|while|as\s+(?:he|she|they|the)\b)")
TIME_LEAD = re.compile(  # a time right after the verb: "said Tuesday", "said on Friday"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|"
    r"yesterday|tonight|earlier|later|last\s+week)?\s*"
)
PARTICIPLE_NEXT = re.compile(rf"\s*,\s*(?:{PARTICIPLES})\b")
CLAUSE_AUXILIARY = re.compile(
    r"\b(?:will|would|is|are|was|were|has|have|had|can|could|should|must|may|might|won’t|won't)\b"
)
AUXILIARY_NEXT = re.compile(rf"\s+{CLAUSE_AUXILIARY.pattern}")  # "say Lukashenko is trading"


def _splits_sentence(
    text: str, sent_start: int, subject_start: int, verb_end: int, end: int
) -> bool:
    """Whether the cue stands between a sentence's subject and its predicate, set off by
    commas: "The West, he said, wanted to strangle …"."""
    return bool(
        SPLIT_SUBJECT.fullmatch(text, sent_start, subject_start)
        and SPLIT_PREDICATE.match(text, verb_end, end)
    )


def _tail_is_short(text: str, verb_end: int, sent_end: int) -> bool:
    """Whether only an addressee or a time follows the verb ("told TASS on Wednesday.")."""
    if COORDINATE_TAIL.match(text, verb_end, sent_end):
        return True  # "<clause>, he said, and more could follow": a clause of its own
    tail = text[verb_end:sent_end].strip(" .,!?")
    if not tail or re.match(r"(?:while|when|after|before|during|in)\s+\w+ing\b", tail):
        return True  # "… Lukashenko said while giving an interview"
    rest = tail[TIME_LEAD.match(tail).end() :]  # "said Tuesday after talks with …"
    if OCCASION_AFTER.match(rest) and not re.search(r"\bthat\b", rest):
        return True  # "<clause>, Kudrin said after the fund's council met", "… as he met with Y"
    if PARTICIPLE_NEXT.match(text, verb_end, sent_end):
        return True  # "<clause>, she said, adding that …": the participle has its own clause
    if ADDRESSEE_TAIL.fullmatch(tail):
        return True  # "<clause>, X told the state news agency BelTA."
    if OCCASION_TAIL.match(tail) and not re.search(r"\bthat\b", tail):
        # "… said in an interview with BelTA on the eve of …": where, however long
        return not CLAUSE_AUXILIARY.search(tail)
    head = tail.split(",", 1)[0]
    comma_that = re.match(r",\s*that\b", tail[len(head) :])  # MT: "told journalists, that …"
    clause = re.search(r"\bthat\b", head) or CLAUSE_AUXILIARY.search(head) or comma_that
    if head != tail and TAIL.match(head) and not clause:  # not "said Moscow would help, …"
        return len(head.split()) <= 6
    if re.search(r"\bthat\b", tail) or len(tail.split()) > 6 or CLAUSE_AUXILIARY.search(tail):
        return False  # "believes Minsk will give in": a clause, not an addressee
    return bool(TAIL.match(tail))


def _indirect(text: str, people: SpanIndex, sentences: SpanIndex, quoted: SpanIndex) -> list[Quote]:
    """Reported speech: reporting verbs, 'according to X', 'in his opinion'."""
    found: list[Quote] = []
    for sent_start, sent_end in sentences.spans:
        last_group: list = []
        last_v1 = seen_v1 = sent_start
        first = len(found)  # this sentence's quotes start here
        verbs = list(VERB_OR_PARTICIPLE.finditer(text[sent_start:sent_end]))
        for verb in verbs:
            v0, v1 = sent_start + verb.start(), sent_start + verb.end()
            previous_v1, seen_v1 = seen_v1, v1
            if quoted.containing(v0) is not None or verb.group() in OBJECT_VERBS:
                continue
            if COMPOUND_NOUN_NEXT.match(text, v1):
                continue  # "a Warsaw think tank": a noun
            participle = PARTICIPLE.fullmatch(verb.group())
            if participle and not PARTICIPLE_THAT.match(text, v1, sent_end):
                continue
            linked = THAT_NEXT.match(text, v1, sent_end) is not None or THAT_WORD.search(
                FORWARD_SKIP.match(text, v1, sent_end).group()  # "told journalists that"
            )
            aux = BE_BEFORE.search(text, max(sent_start, v0 - 30), v0) if participle else None
            group = _subject(text, people, sent_start, aux.start() if aux else v0, relaxed=linked)
            if not group and verb.group() in SOURCE_VERBS:  # "X was quoted as …"
                group = _passive_source(text, people, sent_start, v0)
            before = text[sent_start : group[0].start] if group else ""
            closed = max(map(before.rfind, '”"»'))
            ending = quoted.containing(sent_start + closed) if closed >= 0 else None
            if ending is not None and _names_something(text, ending):
                closed = -1  # "the movement “For Freedom” X called on …": a name, not a cue
            if group and closed >= 0 and _leads_to_speaker(before[closed + 1 :]):
                last_group = group
                continue  # the cue of a direct quote: "…," Mezhevich added
            if not group and participle:
                group = last_group or _participle_speaker(text, people, sent_start, v0)
            coordinated = not group and COORDINATED_BEFORE.search(text, max(0, v0 - 60), v0)
            if not group and last_group and coordinated and last_v1 == previous_v1:
                group = last_group  # "He referred to Macron as a comrade and said he …"
            if not group and coordinated and not participle:  # "X promised a loan and said …"
                group = _coordinated_subject(text, people, sent_start, v0)
            if not group or (
                not participle and any(group[0].start < q.start < v0 < q.end for q in found[first:])
            ):  # "X told ONT that the work would continue": the verb is X's reported clause's
                continue
            if WHAT_BEFORE.search(text, max(sent_start, group[0].start - 8), group[0].start):
                continue  # "What Putin said at the press conference was telling": no report
            last_group, last_v1 = group, v1
            if _splits_sentence(text, sent_start, group[0].start, v1, sent_end):
                span = _trim_span(text, sent_start, sent_end)  # "The West, he said, wanted …"
            elif _tail_is_short(text, v1, sent_end) and not participle:
                lead = text[sent_start : group[0].start]  # what the subject follows
                denied = CLAIM_BEFORE.search(lead) or OBJECT_RELATIVE.search(lead)
                denied = denied or AS_LEAD.search(lead)  # ", as X told …, <clause>": after
                span = None if denied else _backward_clause(text, sent_start, group[0].start)
            elif not linked and _object_relative(text, sent_start, group[0].start, v1):
                span = None  # "the credit which Putin promised to Lukashenka on Monday": its object
            else:
                span = _forward_clause(text, verb.group(), v1, sent_end)
            if span:
                found.append(Quote(*span, _names(group), "indirect", verb.group(), _role(group)))
            also = re.search(r"\band\s+that\b", text[v1:sent_end])
            if also and (not span or span[1] <= v1 + also.start()):  # "… and that he would …"
                more = _forward_clause(text, verb.group(), v1 + also.start() + 3, sent_end)
                if more:
                    cue = verb.group()
                    found.append(Quote(*more, _names(group), "indirect", cue, _role(group)))
        if verbs:  # each cue of _inverted holds a reporting verb (as a word of its own)
            found += _inverted(text, people, sent_start, sent_end, quoted)
        found += _according(text, people, sent_start, sent_end, bool(verbs))
    return found


def _passive_source(text: str, people: SpanIndex, sent_start: int, verb_start: int) -> list:
    """The speaker of a passive source verb: "X was quoted as …" ([] if none)."""
    nearest = [m for m in people.before(verb_start, 1) if m.start >= sent_start]
    gap = text[nearest[-1].end : verb_start].lstrip(",") if nearest else ""  # ", was": an aside
    if nearest and PASSIVE_GAP.fullmatch(gap):
        return _speaker_group(text, people, nearest[-1], sent_start)
    return []


OBJECT_RELATIVE = re.compile(r"\b(?:that|which|whom)\s+$")  # "the forces that X announced"
WHICH_BEFORE = re.compile(r"\b(?:which|whom)\s+$")  # not "that": "boasted that Putin promised"


def _object_relative(text: str, sent_start: int, subject_start: int, verb_end: int) -> bool:
    """Whether the verb's subject opens a relative clause whose object is the noun before it
    ("the credit which Putin promised to Lukashenka"), not one reporting a clause whose subject
    is that noun ("the programmes, which Putin said would be approved …")."""
    which = WHICH_BEFORE.search(text, sent_start, subject_start)
    return which is not None and not AUXILIARY_NEXT.match(text, verb_end)


WHAT_BEFORE = re.compile(r"\b[Ww]hat\s+$")
COPULA_THAT = re.compile(r"\s*(?:is|was|are|were)\s+that\s+")
AS_LEAD = re.compile(r"(?:^|,)\s*[Aa]s\s+[^,;:]*$")  # the subject of "…, as X told reporters,"
CLAIM_BEFORE = re.compile(  # "…, a charge he denies": the clause is what he denies, not his
    r",\s+(?:(?:(?:an?|the)\s+(?:\w+\s+)?)?(?:charges?|accusations?|allegations?|claims?|assertions?"
    r"|suggestions?|reports?|rumou?rs?)\s+(?:that\s+|which\s+)?|which\s+)$"
)
PARTICIPLE_THAT = re.compile(  # "saying only that", "warning on X that", a wire's bare clause
    # after ", saying": "…, saying it would help calm the currency market"
    r"\s+(?:only\s+|also\s+|[a-z]+ly\s+|(?:on|in)\s+[A-Z][\w.]*\s+)?"
    r"(?:(?:earlier|later)\s+this\s+(?:week|month|year)\s+)?that\b"
    rf"|\s*,{ASIDE}\s+that\b"  # "repeating, most recently in a speech, that"
    r"|(?<=saying)\s+(?:[\w’'-]+\s+){1,3}?(?:would|will|was|were|is|are|had|has|could|must)\b"
    r"|(?<=telling)\s+(?:[\w’'.-]+\s+){1,5}?that\b"  # "telling Rossiyskaya Gazeta in July that"
)
COMMA_BEFORE = re.compile(r",\s*$")
BY_BEFORE = re.compile(r"\bby\s+$")
SOURCE_BEFORE = re.compile(rf"\b(?:{phrase_alternation(SOURCE_VERBS)})\s+$")


def _participle_speaker(text: str, people: SpanIndex, sent_start: int, verb_start: int) -> list:
    """Who speaks in a participle cue: the person a source verb cites ("quoted him as
    saying"), else the sentence's subject after a comma ("Peskov declined, saying …")."""
    cited = [m for m in people.before(verb_start, 1) if m.start >= sent_start]
    as_cited = cited and re.fullmatch(r"\s+as\s+", text[cited[0].end : verb_start])
    if as_cited and SOURCE_BEFORE.search(
        text, max(sent_start, cited[0].start - 40), cited[0].start
    ):
        return _joint(text, people, cited[0])
    if COMMA_BEFORE.search(text, sent_start, verb_start) or BY_BEFORE.search(
        text, sent_start, verb_start
    ):  # "Putin opened the meeting by saying that …", "On Thursday, X …, announcing that"
        return _sentence_subject(text, people, sent_start, verb_start, COORDINATED_HEAD)
    return []


JOINED = re.compile(r"\s+and\s+")
INTRODUCTION = re.compile(r"\s*(?:[^,.;:“”\"«»]{1,60},\s*){0,2}")  # "At the summit, we know, "
COORDINATED_HEAD = re.compile(rf"{INTRODUCTION.pattern}{SENTENCE_HEAD.pattern}")
ASIDE_AFTER = re.compile(r"\s*,[^,.;:“”\"«»]{1,80},")  # "X, who has ruled since 1994, …"


def _coordinated_subject(text: str, people: SpanIndex, sent_start: int, verb_start: int) -> list:
    """The subject of the last of coordinated verbs: "the pair skied, took snowmobile rides,
    and praised …" (the person opening the sentence, after at most two introductory phrases)."""
    if not COORDINATED_BEFORE.search(text, max(0, verb_start - 60), verb_start):
        return []
    dateline = DATELINE.match(text, sent_start, verb_start)  # "SOCHI, Russia (Reuters) - X …"
    start = dateline.end() if dateline else sent_start
    group = _sentence_subject(text, people, start, verb_start, COORDINATED_HEAD)
    if not group:
        return []
    aside = ASIDE_AFTER.match(text, group[-1].end)
    return group if verb_start - (aside.end() if aside else group[-1].end) <= 80 else []


def _sentence_subject(
    text: str, people: SpanIndex, sent_start: int, limit: int, head: re.Pattern = SENTENCE_HEAD
) -> list:
    """The person (or people joined by "and") who open the sentence as its subject ("Peskov
    declined to comment, …"), with only ``head`` before them."""
    first = _person_at(people, sent_start, limit)[:2]
    if not first or first[0].text.lower() in NOT_SUBJECT:
        return []
    last = first[0]
    if len(first) == 2 and JOINED.fullmatch(text, first[0].end, first[1].start):
        last = first[1]  # "Putin and Lukashenko met … and announced": both (see _joint)
    opens = head.fullmatch(text, sent_start, first[0].start)
    aside = ASIDE_AFTER.match(text, last.end, limit)
    if not opens or not re.match(r"\s+[a-z]", text[aside.end() if aside else last.end : limit]):
        return []
    return _joint(text, people, last)


INVERTED_CUE = re.compile(rf",\s*{MT_AUXILIARY}({VERBS})\s+")  # ", said Russian President …"


def _inverted(text: str, people: SpanIndex, sent_start: int, sent_end: int, quoted) -> list:
    """'<clause>, said Russian President Vladimir Putin, …' (verb before its speaker); when
    the clause runs on after the name ("The roadmaps, said X, were …") the whole sentence."""
    found = []
    for verb in INVERTED_CUE.finditer(text[sent_start:sent_end]):
        v1 = sent_start + verb.end()
        near = _person_at(people, v1, min(sent_end, v1 + 90))
        if not near or quoted.containing(sent_start + verb.start()) is not None:
            continue
        between = text[v1 : near[0].start]
        if not re.fullmatch(r"[\w\s.'’-]*", between) or re.search(r"\bthat\b", between):
            continue  # "…, claimed that any deal signed by Lukashenka": not the speaker
        if _subject(text, people, sent_start, sent_start + verb.start(1)):
            continue  # "X, who left for Vilnius, said any deal Lukashenko signed …": X speaks
        if AUXILIARY_NEXT.match(text, near[0].end, sent_end):
            continue  # "Activists, who marched in October, say Lukashenko is trading …": his clause
        clause_end = sent_start + verb.start()
        short = len(text[sent_start:clause_end].split()) < MIN_CLAUSE_WORDS
        if short and re.match(r",\s+(?=[a-z])", text[near[0].end : sent_end]):
            clause_end = sent_end  # "The roadmaps, said Y, were …": the clause runs on
        start, end = _trim_span(text, sent_start, clause_end)
        dateline = DATELINE.match(text, start, end)
        start = dateline.end() if dateline else start
        if text[start:end][:1] in '“"«„' or len(text[start:end].split()) < MIN_CLAUSE_WORDS:
            continue
        group = _joint(text, people, near[0])
        found.append(Quote(start, end, _names(group), "indirect", verb.group(1), _role(group)))
    return found


ROLE_GAP = re.compile(  # a role before a name: no comma, no date, source or verb in it
    r"(?:(?!\b(?:by|from|on|in|after|since|when|which|who|that|published|released|data)\b)"
    r"[^,.;:“”\"«»()])+"
)


def _quote_ahead(text: str, start: int, end: int) -> int:
    """Where a reported clause hands over to a full quote ("…’s side: “Every month …”")."""
    colon = COLON_QUOTE.search(text, start, end)
    return colon.start() if colon else end


APPOSITIVE_START = re.compile(r"\s*(?:who|whom|whose|which)\b")
VERB_LIKE = re.compile(rf"\b\w+(?:ing|ed)\b|{CLAUSE_AUXILIARY.pattern}")


def _appositive(tail: str) -> bool:
    """Whether what follows "according to X," describes X (", the state secretary.", ", who
    said in July …") rather than carrying the reported clause (", discussing …")."""
    return bool(APPOSITIVE_START.match(tail)) or not VERB_LIKE.search(tail)


def _according(
    text: str, people: SpanIndex, sent_start: int, sent_end: int, spoken: bool
) -> list[Quote]:
    """'According to X, <clause>', 'In his opinion, <clause>' and 'As X put it, <clause>'
    (``spoken``: whether the sentence holds a reporting verb, as the last needs)."""
    found = []
    sentence = text[sent_start:sent_end]
    for match in _according_cues(sentence):
        at = sent_start + match.end()
        near = _person_at(people, at, min(sent_end, at + 80))
        if not near or near[0].start - at > 40 and not ROLE_GAP.fullmatch(text, at, near[0].start):
            continue  # "according to the expert of the Centre for … Studies X": a long role
        near = _past_possessor(text, near)
        cited = CITATION.match(text, near[0].end, sent_end)  # "According to X (2020, p. 4),"
        comma = text.find(",", cited.end() if cited else near[0].end, sent_end)
        clause_start = max(sent_start, text.rfind(";", sent_start, sent_start + match.start()) + 1)
        before = _trim_span(text, clause_start, sent_start + match.start())
        trailing = (
            len(text[slice(*before)].split()) >= MIN_CLAUSE_WORDS
            and COMMA_BEFORE.search(text, sent_start, sent_start + match.start())
            and comma >= 0
            and _appositive(text[comma + 1 : sent_end])
        )  # "<clause>, according to X, the state secretary.": the clause before is X's
        if comma >= 0 and comma - near[0].end <= 60 and not trailing:
            span = _trim_span(text, comma + 1, _quote_ahead(text, comma + 1, sent_end))
        else:
            span = before
        if len(text[span[0] : span[1]].split()) >= MIN_CLAUSE_WORDS:
            group = _joint(text, people, near[0])
            found.append(Quote(*span, _names(group), "indirect", "according to", _role(group)))
    for match in _opinion_cues(sentence, spoken):
        if not re.search(r"(?:^|[,;:]|\b(?:and|but|so))\s*$", sentence[: match.start()]):
            continue  # "anything new in Lukashenko's words" is not a report
        at = sent_start + match.start()
        near = _opinion_speaker(text, people, match, sent_start)
        named = match.groupdict().get("name")
        if named and not _person_at(people, at, at + len(match.group())):
            known = load_registry().by_alias.get(named)
            if known is not None and known.actor_type != "person":
                continue  # "in Moscow's view": a capital, a state or a body holds no opinion
            near = [ActorMention(at, at, named, named, "person")]  # a name no one else knows
        if not near:
            continue
        start = sent_start + match.end()
        copula = COPULA_THAT.match(text, start, sent_end)  # "the result, as X put it, was that"
        start = copula.end() if copula else start
        span = _trim_span(text, start, _quote_ahead(text, start, sent_end))
        if len(text[span[0] : span[1]].split()) >= MIN_CLAUSE_WORDS:
            cue = _opinion_cue(match)
            found.append(Quote(*span, near[0].actor, "indirect", cue, near[0].role))
    return found


# --- interviews --------------------------------------------------------------------------

INTERVIEWER_LABEL = re.compile(  # "Q", "Q1", a talk show's "HOST"
    r"(?i)(?:q|question|interviewer|host)\s*\d{0,2}"
)
ANSWER_LABEL = re.compile(r"(?i)(?:a|answer)\s*\d{0,2}")
FIRST_PERSON = re.compile(r"\b(?:I|me|my|[Ww]e|us|[Oo]ur|[Mm]y|[Yy]ou|[Yy]our)\b")
TERMINAL = tuple('.!?,;:…"”»—–')  # a dash: speech cut off ("That is the whole point —")
NAME = r"[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){0,3}"
TITLE_NAME = re.compile(  # "Name: …", "interview with Name", "‘…’: Name on the summit"
    rf"^\s*({NAME})\s*:\s|\binterview\s+with\s+({NAME})|:\s+({NAME})\s+(?:on|about)\s"
)
INTRO_CUE = re.compile(  # not "talks with": in summit news the noun ("talks with Lukashenko");
    # "Zerkalo asked X", not "X said when asked about …"
    r"\b(?:(?P<with>(?:spoke|talked|speaks|chatted|chats)\s+(?:\w+\s+)?(?:with|to)|talks\s+to"
    r"|interview(?:ed)?\s+with|(?:sat|sits)\s+down\s+with|caught\s+up\s+with"
    r"|in\s+conversation\s+with|(?!(?:when|if|once|after|as|was|were|is|are|be|been|being)\s)"
    r"\w[\w.-]*\s+asked|put\s+(?:[\w’']+\s+){0,3}questions\s+to)\s+"
    r"|interview|answer(?:ed|s|ing)?\s+(?:[\w’']+\s+){0,2}questions)",
    re.IGNORECASE,
)
BYLINE_BEFORE = re.compile(  # "Interview by X", "spoke to Kommersant correspondent X": X asks
    r"\b(?:[Bb]y|[Ii]nterviewer:?|correspondent|reporter|journalist|columnist|host)\s+$"
)
INITIAL_GLUED = re.compile(r"\b([A-Z])\.(?=[A-Z][A-Za-z]{2})")  # "V.Putin", "A.LUKASHENKO"
QUESTION_WORDS = 60
LONG_QUESTION = 8
PROMPT = re.compile(r"(?:Tell|Describe|Explain|Please|Give|Talk|Comment|Share|Let[’']s)\s+\S")
INTRO_PARAGRAPHS = 5
HEADING_WORDS = 15
LINKS_HEADING = re.compile(
    r"(?i)(?:read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+(?:materials|articles|"
    r"stories|news|content))?|more\s+on\s+(?:this|the)\s+(?:topic|subject))\s*:?\s*"
)
COPYRIGHT = re.compile(r"\s*(?:©|\([Cc]\)\s|Copyright\b)")


@dataclass(frozen=True)
class _Paragraph:
    """A paragraph with its speaker label, list marker and whether it asks a question."""

    start: int
    end: int
    body: int
    label: str
    marker: str  # "dash", "bullet" or ""
    asks: bool
    indented: bool


def _asks(text: str, start: int, end: int) -> bool:
    """A short paragraph that ends with a question (not a quoted one; Markdown emphasis
    around it, as in "*Why now?*", is not part of it), or an emphasised prompt ("**Tell us
    about the roadmaps.**")."""
    raw = text[start:end].strip()
    segment = raw.strip("*_").strip()
    if not segment or segment[0] in '“"«„‘':
        return False
    prompt = raw[:1] in "*_" and segment.endswith((".", ":")) and PROMPT.match(segment)
    capitals = "?" in segment and segment.isupper()  # a question set in capitals, then more
    if segment.endswith("?") or prompt or capitals:  # the words are counted only if it may ask
        return len(segment.split()) <= QUESTION_WORDS
    return "?" in segment and segment.endswith(("…", "...")) and len(segment.split()) <= 40


EDITORIAL_NOTE = re.compile(r"\s*\[[^\[\]]+\]\s*")  # a paragraph in square brackets
OMISSION = re.compile(r"\s*[<‹\[(]?\s*(?:…|\.\s?\.\s?\.)\s*[>›\])]?\s*")  # "<…>", "[...]"


def _paragraphs(text: str) -> list[_Paragraph]:
    """The paragraphs of ``text`` with their labels, markers and questions."""
    found = []
    for start, end in paragraph_spans(text):
        note = EDITORIAL_NOTE.fullmatch(text, start, end)
        if (
            OMISSION.fullmatch(text, start, end)
            or note
            and not CAPTION_NOTE.fullmatch(text, start, end)
        ):
            continue  # "<…>" in a transcript: words left out; "[The remainder …]": no turn
        body, marker = start, ""
        match = LIST_MARKER.match(text, start, end)
        if match and match.end() < end:
            marker = "dash" if text[match.start() : match.end()].strip()[0] in DASHES else "bullet"
            body = match.end()
        label = speaker_label(text, body, end)
        name = ""
        if label is not None and label[0].split()[0].lower() in SPEECH_FORMS:
            label = None  # "Said Lukashenko: “…”" reports; it labels no turn
        if label is not None:
            name, body = label
            name = _spaced_initial(name)
        line = text[text.rfind("\n", 0, start) + 1 : start]
        indented = len(line.expandtabs(4)) >= 2
        found.append(_Paragraph(start, end, body, name, marker, _asks(text, body, end), indented))
    return found


def _spaced_initial(name: str) -> str:
    """A label's name with a glued initial spaced: "V.Putin" as "V. Putin"."""
    return INITIAL_GLUED.sub(r"\1. ", name)


def _ends_as_sentence(text: str, p: _Paragraph) -> bool:
    """Whether a paragraph ends as a sentence does (a headline line does not); a stage
    direction after the last sentence ("… actually. [laughs]") is left out."""
    line = STAGE_DIRECTION.sub("", text[p.start : p.end]).rstrip()
    if QUOTED_TERM_END.search(line):
        return False  # 'The Western "information blockade"': a quoted term closes a heading
    return line.endswith(TERMINAL)


STAGE_DIRECTION = re.compile(r"(?:\s*\[[^\[\]\n]{1,30}\])+\s*$")
QUOTED_TERM_END = re.compile(  # a closing mark after a word of a short term, opened in the line
    r"[\s(][\"“«][^\"“”«»\n.!?,;:…]{1,40}[\w)][\"”»]$"
)  # "[laughs]", "[crosstalk]"


def _heading(text: str, p: _Paragraph) -> bool:
    """A short paragraph that does not end as a sentence does: a heading, a credit or a link
    ("Reference", "Interviewed by X", "Printable version"), not a cut-off answer; or a
    copyright line ("© BelTA. When using materials, …")."""
    short = len(text[p.body : p.end].split()) <= HEADING_WORDS
    if LINKS_HEADING.fullmatch(text, p.body, p.end):
        return True  # "Related materials:" over a list of links
    return short and (not _ends_as_sentence(text, p) or COPYRIGHT.match(text, p.body) is not None)


def _fold(word: str) -> str:
    """A word without accents and case, for comparing names."""
    if word.isascii():
        return word.lower()  # no accents to take off
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def _credited(text: str, actor: str, mentions: list[ActorMention]) -> bool:
    """Whether the article credits ``actor`` as its author: a byline ("By X", or the name
    alone on its line), so an interviewer, not a party to a conversation."""
    for m in mentions:
        if m.actor != actor:
            continue
        line = text[text.rfind("\n", 0, m.start) + 1 : m.start]
        rest = text[m.end : (text.find("\n", m.end) + 1 or len(text) + 1) - 1]
        if not rest.strip() and (not line.strip() or BYLINE_BEFORE.search(line)):
            return True
    return False


def _person_named(name: str, mentions: list[ActorMention]) -> tuple[str, str] | None:
    """The person (canonical name, role) that a label or title names, by surname (a role after
    a comma or in brackets left out: "ALEXANDER LUKASHENKO, PRESIDENT OF BELARUS")."""
    name = LABEL_ROLE_TAIL.sub("", name)
    last = _fold(name.split()[-1]) if name.split() else ""
    if not last:
        return None
    for m in mentions:
        if m.actor_type != "person" or m.via in ("pronoun", "generic"):
            continue
        if last in (_fold(m.actor.split()[-1]), _fold(m.text.split()[-1])):
            return m.actor, m.role
    return None


INITIALS = re.compile(r"([A-Z])\.\s?([A-Z])\.?")  # "A.K.", "A. K."


def _initials_named(label: str, mentions: list[ActorMention]) -> tuple[str, str] | None:
    """The one person mentioned whose first name and surname start with a label's initials
    ("A.K.:" for Andrei Kobyakov, as Russian papers label an interview)."""
    match = INITIALS.fullmatch(label.strip())
    if match is None:
        return None
    found = {
        (m.actor, m.role)
        for m in mentions
        if m.actor_type == "person"
        and len(m.actor.split()) >= 2
        and (m.actor.split()[0][0], m.actor.split()[-1][0]) == match.groups()
    }
    return min(found) if len({actor for actor, _ in found}) == 1 else None


def _label_speaker(text: str, label: str, mentions: list[ActorMention]) -> str:
    """The speaker a name label stands for: a known person, else the name as written."""
    named = _person_named(label, mentions) or _initials_named(label, mentions)
    if named:
        return named[0]
    words = label.split()
    known = load_registry().surname_entry(words[-1].title()) if words else None
    if known is not None and all(w[:1].isupper() for w in words):  # "V. PUTIN", "Putin"
        return known.actor
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() and w[:1].isalpha() for w in words):
        return ""
    if INTERVIEWER_LABEL.fullmatch(label) or ANSWER_LABEL.fullmatch(label):
        return ""
    if any(w.title() in NOT_NAME for w in words):
        return ""  # "Twenty Years On: Can the Union State …?" is a headline, not a name
    name = label.title() if label.isupper() else label
    if len(words) == 1:
        full = re.search(rf"\b([A-Z][a-z]+)[^\S\n]+{re.escape(label)}\b", text)
        return f"{full.group(1)} {label}" if full else ""
    return name


BROADCAST_ROLES = frozenset({"moderator", "host", "anchor", "reporter", "narrator", "announcer"})


def _role_label(label: str) -> str:
    """A one-word label naming a role, not a person ("MODERATOR:", "Host:"), as a speaker (not
    a bullet's heading: "GDP: −4.7% y/y", "Inflation: 18%")."""
    role = label.lower() in ROLE_WORDS or label.lower() in BROADCAST_ROLES
    return label.title() if label.isalpha() and label[:1].isupper() and role else ""


def _title_person(text: str, title: str, paras: list[_Paragraph], mentions: list) -> tuple:
    """The person a title or headline names as its speaker ("Name: …", "interview with Name")."""
    names = []
    if title:
        match = TITLE_NAME.search(title)
        if match:
            names.append(next(name for name in match.groups() if name))
    for p in paras[:3]:  # a headline line: "Name: words" without a final stop
        if p.label and not _ends_as_sentence(text, p):
            names.append(p.label)
    for name in names:
        named = _person_named(name, mentions)
        if named:
            return named
        if len(name.split()) >= 2 and _label_speaker(text, name, mentions):
            return _label_speaker(text, name, mentions), ""
    return "", ""


def _interviewee(
    text: str, mentions: list, first_question: int, labels: set[str], title: str = ""
) -> tuple:
    """The person interviewed: a label naming a person, the title's, or whom the intro names."""
    name, role, _ = _interviewee_evidence(text, mentions, first_question, labels, title)
    return name, role


def _interviewee_evidence(
    text: str, mentions: list, first_question: int, labels: set[str], title: str = ""
) -> tuple[str, str, str]:
    """The interviewee with the kind of evidence: "label", "intro" or "title" ("" if none)."""
    people = [m for m in mentions if m.actor_type == "person" and m.start < first_question]
    for label in sorted(labels):
        named = _person_named(label, mentions)
        if named:
            return *named, "label"
    for match in reversed(list(INTRO_CUE.finditer(text, 0, first_question))):
        named = _introduced(text, people, match)  # the introduction nearest the questions
        if named:
            return named.actor, named.role, "intro"
    named = _title_person(text, title, _paragraphs(text[:first_question]), mentions)
    if named[0]:
        return *named, "title"
    return "", "", ""


def _introduced(text: str, people: list[ActorMention], cue: re.Match) -> ActorMention | None:
    """Who the sentence with an interview cue introduces: the person right after "interview
    with" / "spoke with", else the subject of a reporting verb there, else its first person."""
    start = max(text.rfind(". ", 0, cue.start()), text.rfind("\n", 0, cue.start())) + 1
    stop = SENTENCE_STOP.search(text, cue.end())
    end = stop.start() if stop else len(text)
    inside = [
        m
        for m in people
        if start <= m.start < end
        and m.via in ("name", "alias", "surname", "pronoun")
        and not BYLINE_BEFORE.search(text, max(0, m.start - 20), m.start)
    ]
    if cue.group("with"):
        right = [
            m
            for m in inside
            if 0 <= m.start - cue.end() <= 60
            and not re.search(
                r"\b(?:with|ahead|before|after|his|her|their|about|on|at)\b|[.,;]",
                text[cue.end() : m.start],
            )
        ]
        if right:
            return right[0]
    for verb in VERB.finditer(text, start, end):
        before = [m for m in inside if m.end <= verb.start()]
        if before and SUBJECT_GAP.match(text[before[-1].end : verb.start()]):
            return before[-1]
    return inside[0] if inside else None


def _subheading(text: str, question: _Paragraph) -> bool:
    """A short question that addresses nobody ("Why does it matter?"): an explainer's heading."""
    asked = text[question.body : question.end]
    return len(asked.split()) < LONG_QUESTION and not re.search(r"\b[Yy]ou(?:r)?\b", asked)


def _explainer(
    text: str, paras: list[_Paragraph], questions: list[int], interviewee: str, mentions: list
) -> bool:
    """An explainer, not an interview: every question a short heading, no first or second
    person outside quotation marks after the first question, and the supposed interviewee
    named there in the third person ("Cut off from the West, Lukashenko agreed …")."""
    if not interviewee or not all(_subheading(text, paras[i]) for i in questions):
        return False
    told = [p for i, p in enumerate(paras) if i > questions[0] and i not in questions]
    quoted = SpanIndex(find_quoted(text), lambda q: (q.open, q.close))
    if any(
        quoted.containing(w.start()) is None
        for p in told
        for w in FIRST_PERSON.finditer(text, p.body, p.end)
    ):
        return False
    return any(
        m.actor == interviewee
        and quoted.containing(m.start) is None
        and any(p.body <= m.start < p.end for p in told)
        for m in mentions
    )


TOPIC_AHEAD = re.compile(  # what an interview will be about: "told Svaboda what …", "told in
    # interview to “KP” what …"
    r"(?:\s+in\s+(?:an\s+)?interview)?"
    rf"(?:\s+(?:to|for)?\s*[A-Z«“\"][^\s,.;:]*[»”\"]?){{0,2}}\s+{TOPIC_QUESTION.pattern}"
)


def _lead_person(text: str, paras: list[_Paragraph], index: int, mentions: list) -> tuple:
    """A newly named person in the paragraph right before an early first question, who is
    introduced there, not reported ("Analyst X said …" makes X a source, not the interviewee;
    "X explained for Svaboda what …" introduces X, even before short questions)."""
    if index == 0 or index > INTRO_PARAGRAPHS:
        return "", ""
    heading = _subheading(text, paras[index])
    before = paras[index - 1]
    for m in mentions:
        if m.actor_type == "person" and before.start <= m.start < before.end and m.via == "name":
            cue = VERB.search(text, m.end, min(before.end, m.end + 120))
            if cue and TOPIC_AHEAD.match(text, cue.end()):
                return m.actor, m.role
            gap = text[m.end : cue.start()] if cue else ""
            if heading or (
                cue and SUBJECT_GAP.match(gap) and not re.search(r"\b(?:who|whom)\b", gap)
            ):
                return "", ""
            return m.actor, m.role
    return "", ""


def _counted(mentions: list, first_question: int) -> tuple:
    """The person the intro names most often (by full name or surname)."""
    counts: dict[str, int] = {}
    roles: dict[str, str] = {}
    for m in mentions:
        if m.actor_type == "person" and m.start < first_question and m.via in ("name", "surname"):
            counts[m.actor] = counts.get(m.actor, 0) + 1
            roles.setdefault(m.actor, m.role)
    if counts:
        best = max(sorted(counts), key=counts.get)
        return best, roles[best]
    return "", ""


def _bio_paragraph(text: str, start: int, end: int, interviewee: str) -> bool:
    """A closing blurb about someone else ("Jeremy Druker is Transitions’ editor-in-chief.")."""
    match = re.match(r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+(?:is|was)\b", text[start:end])
    return bool(match) and match.group(1).split()[-1] not in interviewee


def _narration(text: str, p: _Paragraph, mentions: list, interviewee: str) -> bool:
    """A paragraph of the reporter's: no first person outside quotation marks, and its first
    sentence reports someone other than the interviewee, named in full ("The opposition
    leader Svetlana Tikhanovskaya, who left for Lithuania, wrote on Telegram that …")."""
    paragraph = text[p.body : p.end]
    quoted = SpanIndex(find_quoted(paragraph), lambda q: (q.open, q.close))
    if any(quoted.containing(w.start()) is None for w in FIRST_PERSON.finditer(paragraph)):
        return False
    first = split_sentences(paragraph)[:1]
    end = p.body + first[0][1] if first else p.end
    people = SpanIndex(
        [m for m in mentions if m.actor_type == "person" and p.body <= m.start < end], _span
    )
    for verb in VERB.finditer(text, p.body, end):
        group = _subject(text, people, p.body, verb.start())
        if group and all(m.actor != interviewee and len(m.text.split()) > 1 for m in group):
            return True
    return False


def _closing_person(text: str, paras: list[_Paragraph], mentions: list) -> tuple | None:
    """(index, person) of a closing note naming the interviewee ("The interview was conducted
    by email with economist X."), the last paragraph, unlabelled; None if there is none."""
    last = paras[-1] if paras else None
    if last is None or last.label or last.asks:
        return None
    people = [m for m in mentions if m.actor_type == "person" and last.start <= m.start]
    for match in INTRO_CUE.finditer(text, last.body, last.end):
        named = _introduced(text, people, match)
        if named:
            return len(paras) - 1, named.actor
    return None


def _shorter_asker(text: str, paras: list[_Paragraph], tally: dict[str, list[int]]) -> set[str]:
    """The asking label of two that take turns when neither asks in most of its turns
    ("N.G.: … the family silver had been sold..." / "A.K.: …"): the one that asks more
    often, in turns less than half as long on average."""
    labels = [k for k, (q, a) in tally.items() if q + a >= 3]
    if len(labels) != 2:
        return set()
    length = {k: 0 for k in labels}
    for p in paras:
        if p.label in length:
            length[p.label] += p.end - p.body
    share = {k: tally[k][0] / sum(tally[k]) for k in labels}
    mean = {k: length[k] / sum(tally[k]) for k in labels}
    x, y = sorted(labels, key=share.get, reverse=True)
    return {x} if share[x] > share[y] and 2 * mean[x] < mean[y] else set()


def _linked(text: str, paras: list[_Paragraph]) -> set[int]:
    """The indexes of the lines under a "Read also:" heading (linked headlines, such as
    "Lukashenka: “…”"): the first one, also after a blank line, and those right below it;
    they name no answerer."""
    linked: set[int] = set()
    under = False
    for i, p in enumerate(paras):
        if LINKS_HEADING.fullmatch(text, p.body, p.end):
            under = True
        elif under and (i - 1 not in linked or same_paragraph(text, paras[i - 1].end, p.start)):
            linked.add(i)
        else:
            under = False
    return linked


def _qa_turns(text: str, paras: list[_Paragraph], mentions: list, title: str) -> list[Turn]:
    """Question-and-answer layout: questions (labelled or not) each followed by answers."""
    tally: dict[str, list[int]] = {}
    for p in paras:
        if p.label:
            tally.setdefault(p.label, [0, 0])[0 if "?" in text[p.body : p.end] else 1] += 1
    askers = {k for k, (q, a) in tally.items() if q > a or INTERVIEWER_LABEL.fullmatch(k)}
    askers = askers or _shorter_asker(text, paras, tally)
    named = [n for k in askers if (n := _person_named(k, mentions))]
    if any(not _credited(text, actor, mentions) for actor, _ in named):
        return []  # a person asks: a transcript of a conversation (see _transcript_turns)

    def asking(p: _Paragraph) -> bool:  # an asker's headline ("Outlet: Name on …") asks nothing
        if p.label in askers:
            return "?" in text[p.body : p.end] or _ends_as_sentence(text, p)
        return not p.label and p.asks

    questions = [i for i, p in enumerate(paras) if asking(p)]
    if askers:  # "HOST:" asks: a headline ending in "?" before the first labelled question not
        asked = next((i for i in questions if paras[i].label in askers), len(paras))
        questions = [i for i in questions if i >= asked or paras[i].marker]
    answered = [i for i in questions if i + 1 < len(paras) and not asking(paras[i + 1])]
    if not answered:
        return []
    first = questions[0]
    first_q = paras[first].start
    linked = _linked(text, paras)
    answerers = {
        p.label
        for i, p in enumerate(paras)
        if i >= first and i not in linked and p.label and p.label not in askers
    }
    labelled = sum(1 for i in questions if paras[i].label in askers)
    interviewee, _, evidence = _interviewee_evidence(text, mentions, first_q, answerers, title)
    if not labelled and _explainer(text, paras, questions, interviewee, mentions):
        return []  # "What is the Union State?" heads a section the editors answer
    if evidence == "title" and not labelled and len(answered) < 2:
        interviewee = ""  # "Lukashenko: No merger" heads news; one question is rhetorical
    lone = not labelled and len(answered) < 2 and not paras[first].marker
    before = paras[first - 1] if first and lone else None  # "X answered questions", not
    # "in an interview" (looked for only when one question alone may be a heading)
    cues = INTRO_CUE.finditer(text, before.start, before.end) if before else ()
    introduced = any(m.group("with") or m.group().lower().startswith("answer") for m in cues)
    if lone and not introduced and _subheading(text, paras[first]):
        return []  # "📌 So is this integration or absorption?": a post's heading asks nobody
    if not interviewee:
        interviewee, _ = _lead_person(text, paras, first, mentions)
    closing = _closing_person(text, paras, mentions) if not interviewee else None
    if closing:
        interviewee, paras = closing[1], paras[: closing[0]]
    if not labelled and not (interviewee or any(_person_named(a, mentions) for a in answerers)):
        return []
    if labelled and labelled + len(questions) < 3 and not interviewee and not answerers:
        return []
    if labelled and not interviewee:
        interviewee, _ = _counted(mentions, first_q)
    turns = _statements(text, paras[:first], askers, mentions)
    current = interviewee
    dash_led = sum(paras[i].marker == "dash" for i in questions) * 2 > len(questions)
    answers = [paras[i + 1] for i in questions if i + 1 < len(paras) and i + 1 not in questions]
    dash_answers = bool(answers) and all(a.marker == "dash" for a in answers)
    headed = False  # after a heading or a credit line, only a question or a label speaks
    for i, p in enumerate(paras[first:], first):
        if i in linked:
            continue  # a linked headline under "Read also:" ("Lukashenka: “…”") is no turn
        if asking(p) or (dash_led and _dash_question(paras, i, asking)):
            turns.append(Turn(p.body, p.end, p.label or "interviewer", "question", p.label))
            headed = False
            continue
        if not p.label and _bio_paragraph(text, p.start, p.end, interviewee):
            break
        if dash_answers and not p.label and not p.marker and _narration(text, p, mentions, current):
            break  # the report goes on after the dash-led interview it held
        if _heading(text, p) or (headed and not p.label and not p.marker):
            headed = True  # "Reference", "Interviewed by X", "Read also:" and what follows
            continue
        named = _label_speaker(text, p.label, mentions) if p.label else ""
        if (headed or dash_answers) and p.label and not named and not _role_label(p.label):
            headed = True  # a linked headline under "Read also" ("Minsk: «…»") is no turn,
            continue  # nor is a subhead ("Opposition: “…”") among dash-led answers
        headed = False
        speaker = current
        if p.label and not ANSWER_LABEL.fullmatch(p.label):
            speaker = named or _role_label(p.label) or current
            current = speaker
        turns.append(Turn(p.body, p.end, speaker, "answer", p.label))
    return turns


def _dash_question(paras: list[_Paragraph], i: int, asking: Callable[[_Paragraph], bool]) -> bool:
    """In dash-led questions and answers, a dash turn after an answer that the next dash turn
    answers asks, even without a question mark ("— Some say the union has lost its meaning.")."""
    p = paras[i]
    if p.marker != "dash" or p.label or not 0 < i < len(paras) - 1:
        return False
    after, before = paras[i + 1], paras[i - 1]
    return after.marker == "dash" and not after.label and not asking(after) and not asking(before)


SPOKEN_END = tuple('.!?…"”»')
ANNOUNCING = re.compile(  # "Briefing by the Press Secretary … Anatoly Glaz"
    r"\b(?:[Bb]riefing|[Oo]pening\s+(?:remarks|statement)|[Ss]tatement|[Rr]emarks|[Ss]peech)\s+by\b"
)


def _announced(text: str, p: _Paragraph, mentions: list) -> str:
    """The one person a heading announces as the speaker of what follows ("Briefing by …
    Anatoly Glaz"), else ''."""
    if _ends_as_sentence(text, p) or not ANNOUNCING.search(text, p.body, p.end):
        return ""
    people = {m.actor for m in mentions if m.actor_type == "person" and p.body <= m.start < p.end}
    return people.pop() if len(people) == 1 else ""


def _statements(text: str, paras: list[_Paragraph], askers: set[str], mentions: list) -> list[Turn]:
    """Turns of named speakers before the first question (the statements that open a press
    conference transcript): labelled paragraphs that end as sentences do, the unlabelled
    paragraphs after one that carry it on in the first or second person, and the sentences
    under a heading that announces one speaker ("Briefing by … Anatoly Glaz")."""
    turns: list[Turn] = []
    current, announced = "", ""
    for p in paras:
        if not p.label:
            said = text[p.body : p.end].rstrip().endswith(SPOKEN_END)  # not "Answers to …:"
            if announced and said and not _heading(text, p):
                turns.append(Turn(p.body, p.end, announced, "answer", ""))
            elif current and FIRST_PERSON.search(text, p.body, p.end):
                turns.append(Turn(p.body, p.end, current, "answer", ""))
            else:
                current = ""
                announced = announced or _announced(text, p, mentions)
            continue
        announced = ""
        current = ""
        if p.label in askers or ANSWER_LABEL.fullmatch(p.label):
            continue
        speaker = _label_speaker(text, p.label, mentions)
        if speaker and _ends_as_sentence(text, p):
            turns.append(Turn(p.body, p.end, speaker, "answer", p.label))
            current = speaker
    return turns


def _transcript_turns(text: str, paras: list[_Paragraph], mentions: list) -> list[Turn]:
    """A transcript: person labels ("President Vladimir Putin: …") and the speech after them.

    An unlabelled paragraph carries on the last labelled speaker's turn when it speaks in the
    first or second person, asks, or the transcript is a dialogue of several labels; an
    unlabelled question goes to the one speaker whose labelled turns ask, and the paragraph
    after it back to the last one who answered.
    """
    speakers: dict[int, str] = {}
    for i, p in enumerate(paras):
        if not p.label:
            continue
        statement = _ends_as_sentence(text, p) or "\n" in text[p.start : p.body]
        named = _person_named(p.label, mentions) if statement else None
        if named:
            speakers[i] = named[0]
    if not speakers:
        return []
    askers = {speakers[i] for i in speakers if "?" in text[paras[i].body : paras[i].end]} - {
        speakers[i] for i in speakers if "?" not in text[paras[i].body : paras[i].end]
    }
    asker = next(iter(askers)) if len(askers) == 1 else ""
    dialogue = len(set(speakers.values())) >= 2
    turns: list[Turn] = []
    current, answerer, asked, dashes = "", "", False, False
    for i, p in enumerate(paras):
        if p.label:
            current, asked = speakers.get(i, ""), False
            answerer = current if current and current != asker else answerer
            dashes = p.marker == "dash"  # a caption over dash-led lines: they are one bite
            if current:
                turns.append(Turn(p.body, p.end, current, "answer", p.label))
            continue
        if dashes and p.marker != "dash":
            current, dashes = "", False  # the bite under a caption ends with its dash-led lines
            continue
        if dashes and p.asks:
            continue  # "– And sovereignty?": the reporter's question between a passer-by's lines
        if current and _editors_line(text, p, current, mentions):
            current = ""  # "Publication status", "Statements by X are given in translation."
            continue
        if current and asker and p.asks and current != asker:
            current, asked = asker, True
        elif current and asked and not p.asks and answerer:
            current, asked = answerer, False
        elif not current or not (
            dialogue or dashes or p.asks or FIRST_PERSON.search(text[p.body : p.end])
        ):
            current = ""
            continue
        turns.append(Turn(p.body, p.end, current, "answer", ""))
    return turns


SIGN_OFF = re.compile(  # "Pavel Selin, Yuri Korolyov, Channel One, Minsk.": a report's credits
    r"\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:,\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*){2,}\.?\s*"
)


def _editors_line(text: str, p: _Paragraph, speaker: str, mentions: list) -> bool:
    """A heading, a sign-off of capitalised names, or a line naming the speaker in the third
    person: the editors', not theirs."""
    if _heading(text, p) or SIGN_OFF.fullmatch(text, p.body, p.end):
        return True
    own = text[p.body : p.end]
    named = any(
        m.actor == speaker and m.via in ("name", "alias") and p.body <= m.start < p.end
        for m in mentions
    )
    return named and not FIRST_PERSON.search(own)


def _name_line(text: str, p: _Paragraph) -> bool:
    """A line holding only a name (one to three capitalised words) that heads a block."""
    words = text[p.start : p.end].split(maxsplit=3)  # a fourth word is enough to tell
    return (
        not p.label
        and not p.marker
        and 1 <= len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in words)
    )


def _a_person(name: str, text: str, mentions: list) -> bool:
    """Whether a name line's speaker is a person: one the text or the registry knows, a name
    opening with a known first name, or one the text also gives inside a line ("Yury
    Drakakhrust, Valer Karbalevich"); a factbox's "THE PACKAGE" heading is none of these."""
    registry = load_registry()
    known = {m.actor for m in mentions if m.actor_type == "person"}
    words = name.split()
    return bool(words) and (
        name in known
        or name in registry.by_alias
        or words[0] in registry.first_names
        or re.search(rf"\S[^\S\n]*{re.escape(name)}|{re.escape(name)}[^\S\n]*\S", text) is not None
    )


def _block_turns(text: str, paras: list[_Paragraph], mentions: list) -> list[Turn]:
    """A discussion: a name on its own line, then that speaker's bullet points."""
    turns: list[Turn] = []
    current = ""
    for i, p in enumerate(paras):
        if _name_line(text, p):
            follows = i + 1 < len(paras) and paras[i + 1].marker == "bullet"
            current = _label_speaker(text, text[p.start : p.end], mentions) if follows else ""
            current = current if _a_person(current, text, mentions) else ""  # not "OIL AND GAS"
            continue
        if current and (p.marker == "bullet" or p.indented) and not p.label:
            turns.append(Turn(p.body, p.end, current, "answer", ""))
        else:
            current = ""
    return turns


def _panel_caption(text: str, p: _Paragraph, mentions: list) -> str:
    """The expert a panel's caption line names ("Daniel Kowalczyk, nonresident senior fellow
    at …", no final stop), or ""."""
    if p.label or p.marker or "\n" in text[p.start : p.end].strip():
        return ""
    line = text[p.start : p.end]
    if "," not in line or len(line.split()) > PANEL_CAPTION_WORDS:
        return ""
    name = _caption(text, p.start, p.end)
    if not name or not all(w[:1].isupper() and w[:1].isalpha() for w in name.split()):
        return ""
    speaker = _label_speaker(text, name, mentions)
    return speaker if speaker and _a_person(speaker, text, mentions) else ""


PANEL_CAPTION_WORDS = 30
PANEL_EXPERTS = 2  # experts captioned, each writing in the first person, to call it a panel


def _panel_turns(text: str, paras: list[_Paragraph], mentions: list) -> list[Turn]:
    """An expert panel ("Experts react"): a caption line naming an expert and their role, then
    that expert's own paragraphs, unquoted, up to the next caption, heading or label."""
    blocks: list[tuple[str, list[_Paragraph]]] = []
    for p in paras:
        speaker = _panel_caption(text, p, mentions)
        if speaker:
            blocks.append((speaker, []))
        elif blocks and not (p.label or p.asks or _heading(text, p)):
            blocks[-1][1].append(p)
        elif blocks and blocks[-1][1]:
            blocks.append(("", []))  # the panel's block ends here
    own = [
        (speaker, body)
        for speaker, body in blocks
        if speaker and any(FIRST_PERSON.search(text[p.body : p.end]) for p in body)
    ]
    if len({speaker for speaker, _ in own}) < PANEL_EXPERTS:
        return []
    return [Turn(p.body, p.end, speaker, "answer", "") for speaker, body in own for p in body]


def _dash_turns(text: str, paras: list[_Paragraph], mentions: list, title: str) -> list[Turn]:
    """Dash-led answers ("— …") of the person the title or intro names, without questions.

    Unlabelled paragraphs after an answer carry it on up to the last one in the first person
    ("In my view, …"); a question, a label, or a paragraph naming the speaker ends it.
    """
    dashed = [i for i, p in enumerate(paras) if p.marker == "dash" and not p.label]
    if not dashed:
        return []
    first = dashed[0]
    speaker, _ = _title_person(text, title, paras, mentions)
    if not speaker:
        speaker, _ = _interviewee(text, mentions, paras[first].start, set())
    introduced = first > 0 and text[paras[first - 1].start : paras[first - 1].end].rstrip()
    if not speaker or not (len(dashed) >= 2 or str(introduced).endswith(":")):
        return []
    surname = _fold(speaker.split()[-1])
    turns: list[Turn] = []
    pending: list[Turn] = []
    going = False
    for i, p in enumerate(paras[first:], first):
        body = text[p.body : p.end]
        if i in dashed and not p.asks:
            going, pending = True, []
            turns.append(Turn(p.body, p.end, speaker, "answer", ""))
        elif p.label or p.asks or surname in _fold(body) or not going:
            going, pending = False, []
        elif FIRST_PERSON.search(body):
            turns += pending + [Turn(p.body, p.end, speaker, "answer", "")]
            pending = []
        else:
            pending.append(Turn(p.body, p.end, speaker, "answer", ""))
    return turns


CLIP_LABELS = frozenset(label.upper() for label in read_lexicon("clip_labels.txt"))
CAPTION_END = re.compile(r"[.!?:;\"”»]\s*$")
CAPTION_NOTE = re.compile(  # "[Caption: Alexander Lukashenko, President of Belarus]" over a bite
    r"\s*\[(?i:caption|titles?|subtitle|chyron)\s*:\s*([^\[\]\n]+)\]\s*"
)
CLIP_CAPTION = re.compile(  # "SYNC – Alexander Lukashenko, President of Belarus:" over the bite
    rf"(?i:{phrase_alternation(CLIP_LABELS)})[^\S\n]*[–—-][^\S\n]*([^\n:]+?):?[^\S\n]*"
)


def _caption(text: str, start: int, end: int) -> str | None:
    """The name on a caption line ("Oleg Lobanovich, political scientist"), if it is one."""
    line = text[start:end]
    name = line.split(",", 1)[0].strip()
    return name if 2 <= len(name.split()) <= 4 and not CAPTION_END.search(line) else None


VOX_CAPTION = re.compile(r"([A-Z][^\W\d_]+),\s*\d{1,3}\b")  # a first name and an age


def _colon_caption(text: str, p: _Paragraph) -> str | None:
    """The name on a one-line caption ending in a colon ("Vladimir Putin, President of the
    Russian Federation:") over dash-led lines: the bite of a broadcast transcript."""
    line = text[p.start : p.end].rstrip()
    if not line.endswith(":") or "," not in line or "\n" in line:
        return None
    aged = VOX_CAPTION.match(line)  # "Alena, 34, teacher:": a passer-by's first name
    return aged.group(1) if aged else _caption(text, p.start, p.start + len(line) - 1)


def _caption_above(text: str, above: _Paragraph, p: _Paragraph) -> str | None:
    """The speaker a line above an unlabelled paragraph names: a label alone ("V.Putin:") or a
    clip's caption ("SYNC – X, title:") over plain text, a caption ending in a colon over
    dash-led lines, or a bracketed caption ("[Caption: X, title]")."""
    if not p.marker:
        if name := label_alone(text, above.start, above.end):
            return name
        if clip := CLIP_CAPTION.fullmatch(text, above.start, above.end):
            return _caption(text, clip.start(1), clip.end(1))
    elif p.marker == "dash" and (name := _colon_caption(text, above)):
        return name
    note = CAPTION_NOTE.fullmatch(text, above.start, above.end)
    return _caption(text, note.start(1), note.end(1)) if note else None


def _label_lines(text: str, paras: list[_Paragraph], mentions: list) -> list[_Paragraph]:
    """The paragraphs, a person's label alone on a line ("V.Putin:") joined to the paragraph
    below it as that paragraph's label, as is a caption line above a sound bite ("SYNC:")."""
    out: list[_Paragraph] = []
    for p in paras:
        above = out[-1] if out and not out[-1].label else None
        name = None
        if above and p.label.upper() in CLIP_LABELS and not p.marker:
            name = _caption(text, above.start, above.end)
        elif above and not p.label:
            name = _caption_above(text, above, p)
        name = _spaced_initial(name) if name else None
        if name and _person_named(name, mentions):
            out[-1] = _Paragraph(above.start, p.end, p.body, name, p.marker, p.asks, p.indented)
        else:
            out.append(p)
    return out


def interview_turns(
    text: str, mentions: list[ActorMention] | None = None, title: str = ""
) -> list[Turn]:
    """Questions and answers of a question-and-answer article ([] if it is not one).

    Formats: labelled questions and answers ("Q:"/"A:", the outlet's and the interviewee's
    names), unlabelled answers after question paragraphs, dash-led questions and answers,
    transcripts with speaker labels, a name line heading bullet-point answers, an expert
    panel's captioned paragraphs, and dash-led answers of the person the title or headline
    names.
    """
    mentions = mentions if mentions is not None else find_actors(text, load_registry())
    paras = [
        p
        if not p.label or len(p.label.split()) <= 3 or _person_named(p.label, mentions)
        else _Paragraph(p.start, p.end, p.body, "", p.marker, p.asks, p.indented)
        for p in _label_lines(text, _paragraphs(text), mentions)
    ]
    return (
        _qa_turns(text, paras, mentions, title or "")
        or _transcript_turns(text, paras, mentions)
        or _block_turns(text, paras, mentions)
        or _panel_turns(text, paras, mentions)
        or _dash_turns(text, paras, mentions, title or "")
    )


def _interview(turns: list[Turn], mentions: list) -> list[Quote]:
    """Interview answers as quotations of the interviewee."""
    people = {m.actor: m.role for m in mentions if m.actor_type == "person"}
    return [
        Quote(t.start, t.end, t.speaker, "interview", "answer", people.get(t.speaker, ""))
        for t in turns
        if t.kind == "answer" and t.speaker
    ]


# --- all together ------------------------------------------------------------------------


def _whole_turn(quote: Quote, turns: SpanIndex) -> bool:
    """Whether a quote is (nearly) all of an interview turn of the same speaker."""
    return any(
        t.speaker == quote.speaker and quote.end - quote.start >= 0.9 * (t.end - t.start)
        for t in turns.overlapping(quote.start, quote.end)
    )


def _merge(direct: list[Quote], indirect: list[Quote], interview: list[Quote]) -> list[Quote]:
    """All quotes in order; indirect clauses mostly covered by a direct quote (or by an
    answer of the same speaker) are dropped: an answer may report what someone else said; so
    is a direct quote that is the whole of its speaker's turn ("Putin: “…”" in a list)."""
    turns = SpanIndex(interview, _span)
    kept = [q for q in direct if not _whole_turn(q, turns)] + list(interview)
    spans = {(q.start, q.end) for q in kept}
    index = SpanIndex(kept, lambda q: (q.start, q.end))
    for quote in indirect:
        length = max(1, quote.end - quote.start)
        covered = sum(
            min(quote.end, d.end) - max(quote.start, d.start)
            for d in index.overlapping(quote.start, quote.end)
            if d.kind != "interview" or d.speaker == quote.speaker
        )
        if covered / length < 0.5 and (quote.start, quote.end) not in spans:
            kept.append(quote)
            spans.add((quote.start, quote.end))
    return sorted(kept, key=lambda q: (q.start, q.end, q.kind, q.speaker))


def find_quotes(
    text: str,
    registry: Registry | None = None,
    mentions: list[ActorMention] | None = None,
    sentences: list[tuple[int, int]] | None = None,
    title: str = "",
    turns: list[Turn] | None = None,
) -> list[Quote]:
    """Every attributed quotation in ``text`` (``turns``: the interview turns, if already found).

    >>> [(q.speaker, q.kind) for q in find_quotes('"We agreed," Putin said.')]
    [('Vladimir Putin', 'direct')]
    """
    registry = registry or load_registry()
    mentions = mentions if mentions is not None else find_actors(text, registry)
    people = SpanIndex([m for m in mentions if m.actor_type == "person"], _span)
    sentences = SpanIndex(sentences or split_sentences(text), lambda s: s)
    quoted = SpanIndex(find_quoted(text), _marks)
    dialogue = [d for d in find_dialogue(text) if quoted.containing(d.open) is None]
    if dialogue:
        quoted = SpanIndex(sorted([*quoted.items, *dialogue], key=_marks), _marks)
    if turns is None:
        turns = interview_turns(text, mentions, title)
    interview = _interview(turns, mentions)
    answers = SpanIndex(interview, _span)
    reported = _indirect(text, people, sentences, quoted)
    direct = _direct(text, quoted.items, people, sentences, reported)
    direct += _block_quotes(text, find_block_quotes(text), people, sentences)
    direct += _signed_lines(text, people)
    blocks = {(q.start, q.end) for q in direct}
    direct += [
        q for q in _unindented_blocks(text, people, sentences) if (q.start, q.end) not in blocks
    ]
    indirect = [
        q
        for q in reported
        if answers.containing(q.start) is None or q.speaker != answers.containing(q.start).speaker
    ]
    return _merge(_pull_quotes(text, direct), indirect, interview)


HEADING_QUOTE = re.compile(r"(?m)^[^\S\n]*[“\"«„‘]([^\n]{3,120})[”\"»’][.!?]?[^\S\n]*$")


WORD_CHARS = re.compile(r"\w+")


def _plain_words(words: str) -> str:
    """Lowercase words without punctuation, one space apart and around: what two renderings
    of one quotation share."""
    return " " + " ".join(WORD_CHARS.findall(words.lower())) + " "


def _pull_quotes(text: str, direct: list[Quote]) -> list[Quote]:
    """A quotation set as a heading (a pull quote, a subhead) goes to the speaker of the
    later quotation that holds its words, not to the speaker of the paragraph before."""
    out = []
    for q in direct:
        heading = HEADING_QUOTE.match(text, text.rfind("\n", 0, q.start) + 1)
        words = _plain_words(text[q.start : q.end]) if heading else ""
        later = next(
            (
                r
                for r in direct
                if r.start > q.end
                and words.strip()
                and words in _plain_words(text[r.start : r.end])
            ),
            None,
        )
        out.append(
            replace(q, speaker=later.speaker, cue=later.cue, role=later.role) if later else q
        )
    return out


def _marks(q: Quoted) -> tuple[int, int]:
    """The (open, close) marks of a quoted span."""
    return q.open, q.close


def _span(item: Quote | ActorMention) -> tuple[int, int]:
    """The (start, end) of a quote or mention."""
    return item.start, item.end
