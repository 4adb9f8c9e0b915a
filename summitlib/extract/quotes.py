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
  (see :func:`interview_turns`).

Speakers are canonical names from :mod:`summitlib.extract.actors` (pronouns and descriptions already
resolved); joint speakers are joined with ``|``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from summitlib.extract.actors import ActorMention, Registry, find_actors, load_registry
from summitlib.text.quotemarks import Quoted, find_quoted
from summitlib.text.sentences import paragraph_spans, speaker_label, split_sentences
from summitlib.text.spans import SpanIndex, trim_span

VERBS = (
    "said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|explained|explains|"
    "stated|states|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|remarked|claimed|claims|"
    "argued|argues|admitted|admits|warned|warns|announced|announces|declared|declares|hailed|"
    "insisted|insists|asserted|suggested|suggests|wrote|writes|recalled|recalls|answered|"
    "replied|asked|asks|reiterated|reiterates|confirmed|confirms|denied|denies|acknowledged|"
    "believes|believed|thinks|thought|pointed out|points out|drew attention|draws attention|"
    "concluded|observed|commented|comments|predicted|predicts|promised|assured|urged|"
    "complained|conceded|revealed|specified|clarified|cautioned|opined|distinguished|"
    "mentioned|indicated|maintained|maintains|proposed|spoke of|spoke about|speaks of|"
    "called|calls|described|describes|reported|expects|expected|doubts|doubted|"
    "is convinced|was convinced|is sure|was sure|assumes|assumed|went on|continued|"
    "repeated|repeats|estimated|estimates|argue|say|believe|think|insist|warn"
)
PARTICIPLES = (
    "adding|noting|stressing|saying|pointing out|explaining|commenting|warning|"
    "emphasi[sz]ing|recalling|arguing|insisting|describing|calling|referring|stating"
)
VERB = re.compile(rf"\b(?:{VERBS})\b")
PARTICIPLE = re.compile(rf"\b(?:{PARTICIPLES})\b")
ADVERBS = (
    r"(?:also|then|later|later on|once again|again|recently|directly|repeatedly|previously|"
    r"earlier|further|publicly|openly|firmly|clearly|has|had|have|has also|had also|"
    r"would|will|[a-z]+ly)"
)
SUBJECT_GAP = re.compile(rf"^(?:\s*,[^,.;:“”\"]{{0,120}},?)?(?:\s+{ADVERBS})*\s*$")
JOINT = re.compile(r"^\s*(?:,\s*|\s+and\s+|\s+as well as\s+|,\s*and\s+)[^,.;]{0,80}?$")
FORWARD_SKIP = re.compile(
    r"(?:\s+(?:to\s+(?:the\s+fact|reporters|journalists|the\s+press|[A-Z][\w/]+(?:\s+[A-Z]\w+)*)"
    r"|[A-Z][\w/]+(?:\s+[A-Z]\w+)*|reporters|journalists|the\s+press|me|us|him|her))?"
    r"(?:\s+(?:on|in|at)\s+[\w\s]{0,30}?(?=\s+that\b))?"
    r"(?:\s+that\b|\s+(?:about|of|on)\b(?!\s+\w+day\b))?[\s,]*"
)
TAIL = re.compile(
    r"(?:[A-Z][\w/]*|reporters|journalists|the press|(?:in|on|at|to|during|last|this|"
    r"yesterday|today|earlier|later|recently|in an interview)\b)"
)
ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
OPINION = re.compile(
    r"\b[Ii]n\s+(?:(his|her|their)\s+(?:opinion|view|words)|(?:the\s+)?(?:opinion|view|words)"
    r"\s+of\s+[^,]{3,80}|[A-Z][\w-]+[’']s\s+(?:opinion|view|words))\s*,"
)
CLAUSE_VERBS = re.compile(
    r"said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|explained|explains|"
    r"stated|states|emphasi[sz]ed|emphasi[sz]es|argued|argues|claimed|claims|warned|warns|"
    r"insisted|insists|believes|believed|thinks|thought|reiterated|reiterates|recalled|"
    r"recalls|suggested|suggests|predicted|predicts|assured|admitted|admits|acknowledged|"
    r"expects|expected|doubts|doubted|is convinced|was convinced|is sure|was sure|assumes|"
    r"assumed|wrote|writes|underlined|concluded|observed|pointed out|points out|"
    r"drew attention|draws attention"
)
CLAUSE_BREAK = re.compile(r",\s+(?:while|whilst|whereas|although|though)\b|;")
COGNITION = re.compile(
    r"believes|believed|thinks|thought|expects|expected|doubts|doubted|assumes|assumed|"
    r"is convinced|was convinced|is sure|was sure|believe|think"
)
NOT_SPEAKER_CUE = {"answered", "replied", "asked", "asks"}
QUESTION_END = re.compile(r"\?\s*$")
MIN_CLAUSE_WORDS = 3
FRAGMENT_WORDS = 4


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
    """The speaker mention plus those joined to it ("Putin and Lukashenko said")."""
    group = [last]
    for m in reversed(people.before(last.start, 6)):
        gap = text[m.end : group[0].start]
        if not JOINT.match(gap) or re.search(r"\b(?:that|said|told|which|who)\b", gap):
            break
        group.insert(0, m)
    return group


def _names(group: list[ActorMention]) -> str:
    """Canonical names of a speaker group, joined with ``|``, without repeats."""
    seen: list[str] = []
    for m in group:
        if m.actor not in seen:
            seen.append(m.actor)
    return "|".join(seen)


def _role(group: list[ActorMention]) -> str:
    """The roles of the speakers, joined with ``|`` like their names."""
    roles: dict[str, str] = {}
    for m in group:
        roles.setdefault(m.actor, m.role.replace("|", "/"))
    return "|".join(roles.values()) if len(roles) > 1 else next(iter(roles.values()), "")


def _subject(text: str, people: SpanIndex, sent_start: int, verb_start: int) -> list:
    """The speaker mention(s) right before a verb in its sentence ([] if none)."""
    nearest = [m for m in people.before(verb_start, 3) if m.start >= sent_start]
    for m in reversed(nearest):
        if SUBJECT_GAP.match(text[m.end : verb_start]):
            return _joint(text, people, m)
        break
    return []


# --- direct quotes -----------------------------------------------------------------------


def _after_cue(text: str, q: Quoted, people: SpanIndex) -> tuple[list, str] | None:
    """A speaker and verb right after the closing mark ("…," Mezhevich added)."""
    window_end = min(len(text), q.close + 1 + 160)
    after = text[q.close + 1 : window_end]
    stop = re.search(r"[.!?](?:\s|$)|[“”\"«»]|\n", after)
    after = after[: stop.start() if stop else len(after)]
    base = q.close + 1
    verb = VERB.search(after)
    if not verb or not re.match(r"\s*[,—–-]?\s*\S", after) or verb.group() in NOT_SPEAKER_CUE:
        return None
    near = _person_at(people, base, base + len(after))
    pre = [m for m in near if m.end <= base + verb.start()]
    if pre and SUBJECT_GAP.match(text[pre[-1].end : base + verb.start()]):
        lead = text[base : pre[0].start]
        conjunction = re.search(r"\b(?:and|but|while|whereas|although|though)\b", lead)
        if not conjunction and re.fullmatch(r"\s*[,—–-]?\s*(?:the\s+|a\s+)?[^,.;]{0,80}?", lead):
            return _joint(text, people, pre[-1]), verb.group()
    post = [m for m in near if m.start >= base + verb.end()]
    inverted = re.fullmatch(r"\s*[,—–-]?\s*", after[: verb.start()])
    if inverted and post and post[0].start - (base + verb.end()) <= 90:
        return _joint(text, people, post[0]), verb.group()
    return None


def _before_cue(text: str, q: Quoted, people: SpanIndex, sent_start: int) -> tuple | None:
    """A speaker and cue before the opening mark in the same sentence."""
    start = min(sent_start, q.open)
    before = text[start : q.open]
    lead = re.search(rf"(?:{VERBS})(?:\s+[a-z]+ly)?\s*[,:]?\s*$", before)
    if lead:
        group = _subject(text, people, start, start + lead.start())
        if group:
            return group, lead.group().strip(" ,:")
    fragment_verb = None
    for verb in VERB.finditer(before):
        if not COGNITION.fullmatch(verb.group()):
            fragment_verb = verb
    if fragment_verb is not None:
        gap = text[start + fragment_verb.end() : q.open]
        group = _subject(text, people, start, start + fragment_verb.start())
        fits = len(gap.split()) <= 3 or _words(text, q) > FRAGMENT_WORDS
        if group and fits and not re.search(r"[.;!?]", gap):
            return group, fragment_verb.group()
        parenthetical = re.search(rf",\s*([^,]{{1,60}}?)\s+({VERBS})\s*,", before)
        if parenthetical:
            at = start + parenthetical.start(2)
            group = _subject(text, people, start + parenthetical.start(1), at)
            if group:
                return group, parenthetical.group(2)
    according = None
    for match in ACCORDING.finditer(before):
        according = match
    if according is not None:
        near = _person_at(people, start + according.end(), start + according.end() + 80)
        if near and near[0].start - (start + according.end()) <= 40:
            return _joint(text, people, near[0]), "according to"
    return None


def _words(text: str, q: Quoted) -> int:
    """How many words the quoted text holds."""
    return len(q.inner(text).split())


def _direct(
    text: str, quoted: list[Quoted], people: SpanIndex, sentences: SpanIndex
) -> list[Quote]:
    """Direct quotations with a speech cue; quoted terms without one are skipped."""
    found: list[Quote] = []
    last: Quote | None = None
    for q in quoted:
        sent_start, _ = _sentence_of(sentences, q.open)
        cue = _after_cue(text, q, people) or _before_cue(text, q, people, sent_start)
        if cue is None and last is not None and (q.continued or _continues(text, last, q)):
            found.append(Quote(q.start, q.end, last.speaker, "direct", last.cue, last.role))
            last = found[-1]
            continue
        if cue is None:
            continue
        group, verb = cue
        last = Quote(q.start, q.end, _names(group), "direct", verb, _role(group))
        found.append(last)
    return found


def _continues(text: str, last: Quote, q: Quoted) -> bool:
    """A full-sentence quote that follows the previous speaker's quote closely."""
    gap = text[last.end : q.open]
    full = len(q.inner(text).split()) >= 6 and q.inner(text)[:1].isupper()
    if "\n" in gap:  # a new paragraph opening with a quote carries on the last speaker's
        opens_paragraph = text[text.rfind("\n", 0, q.open) + 1 : q.open].strip() == ""
        return full and opens_paragraph and len(gap) <= 120 and gap.count("\n") <= 3
    return full and len(gap) <= 40 and not VERB.search(gap)


# --- indirect speech ---------------------------------------------------------------------


def _forward_clause(text: str, verb: str, verb_end: int, sent_end: int) -> tuple | None:
    """The reported clause after a verb: "… stressed that <clause>."."""
    skip = FORWARD_SKIP.match(text, verb_end, sent_end)
    start = skip.end() if skip else verb_end
    linked = re.search(r"\b(?:that|of|about|on)\s*,?\s*$", text[verb_end:start])
    if not linked and (not CLAUSE_VERBS.fullmatch(verb) or re.match(r"\s*,", text[verb_end:])):
        return None
    cut = CLAUSE_BREAK.search(text, start, sent_end)
    end = cut.start() if cut else sent_end
    later = VERB.search(text, start, end)
    if later is not None:  # "…had been agreed, state television spoke of …": a new report
        comma = text.rfind(",", start, later.start())
        end = comma if comma > start else end
    start, end = _trim_span(text, start, end)
    if start >= end or text[start] in '“"«„' or len(text[start:end].split()) < MIN_CLAUSE_WORDS:
        return None
    return start, end


def _backward_clause(text: str, sent_start: int, subject_start: int) -> tuple[int, int] | None:
    """The reported clause before an inverted cue: "<clause>, Mezhevich explained."."""
    head = text[sent_start:subject_start]
    comma = head.rfind(",")
    if comma < 0:
        return None
    start, end = _trim_span(text, sent_start, sent_start + comma)
    dateline = re.match(r"[A-Z][A-Z ]+,[^.]{0,30}\.\s*(?:/[A-Z]+/\.?)?\s*", text[start:end])
    if dateline:
        start += dateline.end()
    if start >= end or len(text[start:end].split()) < MIN_CLAUSE_WORDS:
        return None
    return start, end


def _tail_is_short(text: str, verb_end: int, sent_end: int) -> bool:
    """Whether only an addressee or a time follows the verb ("told TASS on Wednesday.")."""
    tail = text[verb_end:sent_end].strip(" .,!?")
    if not tail:
        return True
    head = tail.split(",", 1)[0]
    if head != tail and TAIL.match(head) and not re.search(r"\bthat\b", head):
        return len(head.split()) <= 6
    if re.search(r"\bthat\b", tail) or len(tail.split()) > 6:
        return False
    return bool(TAIL.match(tail))


def _indirect(text: str, people: SpanIndex, sentences: SpanIndex, quoted: SpanIndex) -> list[Quote]:
    """Reported speech: reporting verbs, 'according to X', 'in his opinion'."""
    found: list[Quote] = []
    for sent_start, sent_end in sentences.spans:
        last_group: list = []
        for verb in re.finditer(rf"\b(?:{VERBS}|{PARTICIPLES})\b", text[sent_start:sent_end]):
            v0, v1 = sent_start + verb.start(), sent_start + verb.end()
            if quoted.containing(v0) is not None:
                continue
            group = _subject(text, people, sent_start, v0)
            participle = PARTICIPLE.fullmatch(verb.group())
            if participle and not re.match(r"\s+that\b", text[v1:sent_end]):
                continue
            if group and re.search(r"[”\"»][\s,—–-]*$", text[sent_start : group[0].start]):
                last_group = group
                continue  # the cue of a direct quote: "…," Mezhevich added
            if not group and participle and last_group:
                group = last_group
            if not group:
                continue
            last_group = group
            if _tail_is_short(text, v1, sent_end) and not participle:
                span = _backward_clause(text, sent_start, group[0].start)
            else:
                span = _forward_clause(text, verb.group(), v1, sent_end)
            if span:
                found.append(Quote(*span, _names(group), "indirect", verb.group(), _role(group)))
        found += _inverted(text, people, sent_start, sent_end, quoted)
        found += _according(text, people, sent_start, sent_end)
    return found


def _inverted(text: str, people: SpanIndex, sent_start: int, sent_end: int, quoted) -> list:
    """'<clause>, said Russian President Vladimir Putin, …' (verb before its speaker)."""
    found = []
    for verb in re.finditer(rf",\s*({VERBS})\s+", text[sent_start:sent_end]):
        v1 = sent_start + verb.end()
        near = _person_at(people, v1, min(sent_end, v1 + 90))
        if not near or quoted.containing(sent_start + verb.start()) is not None:
            continue
        if not re.fullmatch(r"[\w\s.'’-]*", text[v1 : near[0].start]):
            continue
        start, end = _trim_span(text, sent_start, sent_start + verb.start())
        dateline = re.match(r"[A-Z][A-Z ]+,[^.]{0,30}\.\s*(?:/[A-Z]+/\.?)?\s*", text[start:end])
        start += dateline.end() if dateline else 0
        if text[start:end][:1] in '“"«„' or len(text[start:end].split()) < MIN_CLAUSE_WORDS:
            continue
        group = _joint(text, people, near[0])
        found.append(Quote(start, end, _names(group), "indirect", verb.group(1), _role(group)))
    return found


def _according(text: str, people: SpanIndex, sent_start: int, sent_end: int) -> list[Quote]:
    """'According to X, <clause>' and 'In his opinion, <clause>'."""
    found = []
    sentence = text[sent_start:sent_end]
    for match in ACCORDING.finditer(sentence):
        at = sent_start + match.end()
        near = _person_at(people, at, min(sent_end, at + 80))
        if not near or near[0].start - at > 40:
            continue
        comma = text.find(",", near[0].end, sent_end)
        if comma >= 0 and comma - near[0].end <= 60:
            span = _trim_span(text, comma + 1, sent_end)
        else:
            span = _trim_span(text, sent_start, sent_start + match.start())
        if len(text[span[0] : span[1]].split()) >= MIN_CLAUSE_WORDS:
            group = _joint(text, people, near[0])
            found.append(Quote(*span, _names(group), "indirect", "according to", _role(group)))
    for match in OPINION.finditer(sentence):
        if not re.search(r"(?:^|[,;:]|\b(?:and|but|so))\s*$", sentence[: match.start()]):
            continue  # "anything new in Lukashenko's words" is not a report
        at = sent_start + match.start()
        near = _person_at(people, at, at + len(match.group()) + 60)
        if not near:
            continue
        span = _trim_span(text, sent_start + match.end(), sent_end)
        cue = " ".join(match.group().rstrip(", ").split()[:3]).lower()
        if len(text[span[0] : span[1]].split()) >= MIN_CLAUSE_WORDS:
            found.append(Quote(*span, near[0].actor, "indirect", cue, near[0].role))
    return found


# --- interviews --------------------------------------------------------------------------


def _labels(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, str, int]]:
    """(start, end, label, text start) of paragraphs that open with a speaker label."""
    found = []
    for start, end in paragraphs:
        label = speaker_label(text, start, end)
        if label is not None and len(label[0].split()) <= 3:
            found.append((start, end, label[0], label[1]))
    return found


def _interviewer_labels(text: str, labelled: list[tuple[int, int, str, int]]) -> set[str]:
    """The labels whose paragraphs are mostly questions ("Q", the outlet's name)."""
    tally: dict[str, list[int]] = {}
    for start, end, label, _ in labelled:
        asks = "?" in text[start:end]
        tally.setdefault(label, [0, 0])[0 if asks else 1] += 1
    askers = {k for k, (q, a) in tally.items() if q > a}
    return askers if sum(tally[k][0] for k in askers) >= 2 else set()


def _interviewee(text: str, mentions: list, first_question: int, labels: set[str]) -> tuple:
    """The person interviewed: a label naming a person, else whom the intro says was asked."""
    people = [m for m in mentions if m.actor_type == "person" and m.start < first_question]
    for label in sorted(labels):
        for m in people:
            if m.actor.split()[-1] == label.split()[-1] or m.actor == label:
                return m.actor, m.role
    intro = re.search(
        r"\b(?:spoke|talked|speaks|talks)\s+(?:\w+\s+)?(?:with|to)\s+|interview\s+with\s+",
        text[:first_question],
    )
    if intro:
        after = [m for m in people if m.start >= intro.end()]
        if after:
            return after[0].actor, after[0].role
    counts: dict[str, int] = {}
    for m in people:
        if m.start < first_question and m.via in ("name", "surname"):
            counts[m.actor] = counts.get(m.actor, 0) + 1
    if counts:
        best = max(sorted(counts), key=counts.get)
        return best, next(m.role for m in people if m.actor == best)
    return "", ""


def _bio_paragraph(text: str, start: int, end: int, interviewee: str) -> bool:
    """A closing blurb about someone else ("Jeremy Druker is Transitions’ editor-in-chief.")."""
    match = re.match(r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+(?:is|was)\b", text[start:end])
    return bool(match) and match.group(1).split()[-1] not in interviewee


def interview_turns(text: str, mentions: list[ActorMention] | None = None) -> list[Turn]:
    """Questions and answers of a question-and-answer article ([] if it is not one)."""
    mentions = mentions if mentions is not None else find_actors(text, load_registry())
    paragraphs = paragraph_spans(text)
    labelled = _labels(text, paragraphs)
    interviewers = _interviewer_labels(text, labelled)
    if not interviewers:
        return []
    first_q = min(s for s, _, label, _ in labelled if label in interviewers)
    other = {label for _, _, label, _ in labelled if label not in interviewers}
    interviewee, _ = _interviewee(text, mentions, first_q, other)
    by_start = {s: (label, body) for s, _, label, body in labelled}
    turns: list[Turn] = []
    for start, end in paragraphs:
        if start < first_q:
            continue
        label, body = by_start.get(start, ("", start))
        if label in interviewers or (not label and text[start:end].rstrip().endswith("?")):
            turns.append(Turn(body, end, label or "interviewer", "question", label))
        elif not label and _bio_paragraph(text, start, end, interviewee):
            break
        else:
            turns.append(Turn(body, end, interviewee, "answer", label))
    return turns


def _interview(text: str, mentions: list) -> list[Quote]:
    """Interview answers as quotations of the interviewee."""
    people = {m.actor: m.role for m in mentions if m.actor_type == "person"}
    return [
        Quote(t.start, t.end, t.speaker, "interview", "answer", people.get(t.speaker, ""))
        for t in interview_turns(text, mentions)
        if t.kind == "answer" and t.speaker
    ]


# --- all together ------------------------------------------------------------------------


def _merge(direct: list[Quote], indirect: list[Quote], interview: list[Quote]) -> list[Quote]:
    """All quotes in order; indirect clauses mostly covered by a direct quote are dropped."""
    kept = list(direct) + list(interview)
    spans = {(q.start, q.end) for q in kept}
    index = SpanIndex(kept, lambda q: (q.start, q.end))
    for quote in indirect:
        length = max(1, quote.end - quote.start)
        covered = sum(
            min(quote.end, d.end) - max(quote.start, d.start)
            for d in index.overlapping(quote.start, quote.end)
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
) -> list[Quote]:
    """Every attributed quotation in ``text``.

    >>> [(q.speaker, q.kind) for q in find_quotes('"We agreed," Putin said.')]
    [('Vladimir Putin', 'direct')]
    """
    registry = registry or load_registry()
    mentions = mentions if mentions is not None else find_actors(text, registry)
    people = SpanIndex([m for m in mentions if m.actor_type == "person"], _span)
    sentences = SpanIndex(sentences or split_sentences(text), lambda s: s)
    quoted = SpanIndex(find_quoted(text), lambda q: (q.open, q.close))
    interview = _interview(text, mentions)
    answers = SpanIndex(interview, _span)
    direct = _direct(text, quoted.items, people, sentences)
    indirect = [
        q
        for q in _indirect(text, people, sentences, quoted)
        if answers.containing(q.start) is None or q.speaker != answers.containing(q.start).speaker
    ]
    return _merge(direct, indirect, interview)


def _span(item: Quote | ActorMention) -> tuple[int, int]:
    """The (start, end) of a quote or mention."""
    return item.start, item.end
