"""The earlier rule-based stance (cue lexicon, negation, hedges), kept as a baseline (notebook 05).

Plain sentiment does not measure this ("the talks reached deadlock" has no sentiment word,
and a friendly tone can report that nothing happened), so the stance is built on an
integration cue lexicon:

1. **Target.** A sentence counts when it speaks of integration (the Union State,
   unification, incorporation, supranational bodies, road maps, sovereignty, …) or of the
   bilateral relationship and its summits (talks, agreements, Moscow and Minsk, …), or when it
   carries a cue and follows a sentence about integration in the same paragraph.
2. **Clauses.** Sentences are cut into clauses at ``;``, ``but``, ``while``, ``whereas``,
   ``as`` (because) and after a fronted "While …," so that "A, but B" can hold two stances.
3. **Cues.** Each cue (deadlock, frozen, out of the question, nothing decisive, unlikely,
   complicates, … against; signed, approved, agreed, breakthrough, closer, no other option,
   constructive, … for) has a weight. A negation within a few words before a cue flips it
   ("does not make concessions"); a negated integration term counts against ("no political
   integration"); hedges (may, might, perhaps, should) weaken a cue; a counterfactual
   ("if … had …, it would have …") flips it.
4. **Label.** The clause's score is the sum of its cues; ``stance`` is its sign when
   ``|score| >= THRESHOLD``, else 0. ``evidence`` lists the cue words that decided it.
   ``tone`` is VADER's compound score of the clause's sentence, kept for comparison.

A document's stance is the net clause evidence (clipped scores summed, divided by the
square root of their number) squashed onto the gold's -2…+2 scale; a speaker's stance is
the mean clipped score of the clauses of their quotations, on the same scale.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from summitlib.pipeline.components import component
from summitlib.pipeline.doc import ArticleDoc
from summitlib.text.resources import tone
from summitlib.text.sentences import same_paragraph
from summitlib.text.spans import trim_span

THRESHOLD = 0.5
HEDGE_FACTOR = 0.7
DEONTIC_FACTOR = 0.3
NEGATION_WINDOW = 4

TARGET = re.compile(
    r"\b(?:integrat\w*|union\s+state|unif\w+|unit(?:e|ed|ing)\b|merg\w+|incorporat\w+|"
    r"reincorporat\w+|annex\w*|absorb\w*|absorption|takeover|supranational|single\s+currency|"
    r"common\s+currency|road\s?maps?|union\s+program\w*|sovereign\w*|independen\w+|"
    r"political\s+union|common\s+state|single\s+state|union\b|(?:common|single|joint|union)\s+"
    r"(?:market|parliament\w*|currency|tax\w*|customs|state|emission|bodies|institutions)|"
    r"part\s+of\s+russia|harmoni[sz]\w+|dissolv\w+|treaty|programm?es?)",
    re.IGNORECASE,
)
RELATION = re.compile(
    r"\b(?:relations?|russian[-–]belarusian|belarusian[-–]russian|moscow\s+and\s+minsk|"
    r"minsk\s+and\s+moscow|russia\s+and\s+belarus|belarus\s+and\s+russia|bilateral|summits?|"
    r"talks|negotiat\w+|meetings?|agreements?|agreed|cooperat\w+|concessions?|kremlin|"
    r"dependen\w+|support|options?|alternatives?|leverage|influence|discussions?|"
    r"disparities|agree\w*|deals?|documents?|backlog|the\s+(?:two\s+)?sides|"
    r"the\s+two\s+(?:countries|presidents|leaders|nations|states))\b",
    re.IGNORECASE,
)
CUES: list[tuple[str, float]] = [
    # against / stalled
    (r"deadlock\w*|stalemate|impasse|stall(?:ed|s|ing)?|gridlock", -1.5),
    (r"frozen|freez(?:e|ing)(?!\s+on\s+(?:gas\s+)?prices)", -1.0),
    (r"(?:nothing|no)\s+(?:decisive|concrete|substantial|tangible|new|serious\s+progress)", -1.5),
    (r"no\s+(?:content|progress|breakthrough|consensus|agreement|point|ideal)", -1.0),
    (r"out\s+of\s+the\s+question|off\s+the\s+table|dead\s+end|on\s+hold|shelved", -1.5),
    (r"not\s+(?:very\s+)?popular|unpopular", -1.0),
    (r"not\s+(?:yet\s+)?(?:ready|prepared)", -0.8),
    (r"unlikely|not\s+likely|not\s+obvious|doubtful|questionable", -1.0),
    (
        r"(?:don[’']?t|do\s+not|doesn[’']?t|does\s+not|shouldn[’']?t|should\s+not)\s+"
        r"(?:think|expect|believe|want|see)",
        -1.0,
    ),  # fmt: skip
    (r"too\s+general|vague\w*|unclear|mystery|non-transparent|opaque", -1.0),
    (r"complicat\w+|painful|difficult\w*|problems?|obstacles?|hurdles?", -1.0),
    (
        r"unwilling\w*|reluctan\w+|avoid\w*|resist\w*|refus\w+|reject\w*|oppos(?:e|es|ed|ing)",
        -1.0,
    ),  # fmt: skip
    (r"harm(?:ed|s|ful)?|damag\w+|undermin\w+", -1.0),
    (r"disparit\w+|differences|disagree\w*|disputes?|tensions?|rift|conflict\w*", -1.0),
    (r"separately|safe\s+distance|abandon\w*|renunciation|renounc\w+", -1.0),
    (
        r"at\s+least\s+(?:another\s+)?[\w.–-]+\s+(?:more\s+)?(?:years?|months?)|"
        r"(?:not|never)\s+(?:been\s+|be\s+)?(?:published|disclosed|made\s+public|discussed)|"
        r"off\s+the\s+agenda|remain\s+(?:a\s+)?(?:sovereign|independent)",
        -1.0,
    ),  # fmt: skip
    (r"symbolic", -1.5),
    (r"fail\w*|without\s+results|no\s+results|unresolved|unsettled|not\s+on\s+the\s+table", -1.0),
    (
        r"(?:in\s+no|not\s+in\s+a)\s+hurry|no\s+earlier\s+than|slow(?:er)?\s+pace|sideways|"
        r"nowhere|paper\s+\w+|creeping|protest\w*|illegitimate|reviewed|annul\w*|"
        r"void|never\s+worked|cheaper\s+than",
        -1.0,
    ),  # fmt: skip
    (
        r"risky|risks?|fears?|feared|threat\w*|toxic|loss\s+of\s+power|lose\s+(?:his|their)\s+power",
        -1.0,
    ),  # fmt: skip
    (
        r"sanctity|sacred|holy\s+icon|(?:defend|protect|preserv)\w*\s+(?:its\s+|the\s+)?"
        r"(?:sovereignty|independence)",
        -1.0,
    ),  # fmt: skip
    (r"(?:not|never)\s+(?:be\s+)?(?:adopted|signed|approved|implemented)", -1.0),
    # for / advancing
    (r"breakthrough|milestone|historic", 1.5),
    (
        r"signed(?!\s+(?:by|in\s+\d))|sign(?:ing)?\s+(?:an?\s+|the\s+)?(?:agreement|deal|treaty|"
        r"road\s?map)",
        1.0,
    ),  # fmt: skip
    (
        r"(?:are|is|been|be|get|gets)\s+(?:unified|harmoni[sz]ed|integrated|merged)|"
        r"(?:back\s+)?on\s+the\s+agenda|in\s+a\s+hurry|rush\w*",
        0.8,
    ),  # fmt: skip
    (r"(?:need|needs|needed)\s+(?:moscow|russia)|depend\w*\s+on\s+(?:russia\w*|moscow)", 0.8),
    (r"approv(?:ed|al|es|e)|ratif\w+|adopted", 1.0),
    (r"agreed|agreements?|consensus|accord|(?:managed|able)\s+to\s+agree", 0.5),
    (
        r"impetus|momentum|priority|groundwork|new\s+stage|cleared\s+the\s+backlog|"
        r"implement\w*|draft\s+laws?|ready|prepared|on\s+track",
        0.8,
    ),  # fmt: skip
    (
        r"(?:will|would|shall)\s+(?:be\s+)?(?:continue\w*|build\w*|deepen\w*|harmoni[sz]\w*|"
        r"unif\w+|integrat\w+|merg\w+|sign\w*|approv\w+|adopt\w*|set\s+up|creat\w+)",
        1.0,
    ),
    (r"concessions?|compromises?", 0.8),
    (r"closer(?!\s+look)|progress\w*|advanc\w+|deepen\w*|strengthen\w*|accelerat\w+|boost\w*", 1.0),
    (r"ready\s+(?:for|to)\s+(?:unif\w+|unite|integrat\w+)|will\s+to\s+unite|fulfil\w*", 1.0),
    (r"supporter|supported|support(?!\s+of\s+the\s+opposition)", 0.8),
    (r"constructive|fruitful|productive|successful\w*|working\s+well|work\w*\s+well", 1.0),
    (
        r"no\s+(?:other\s+)?(?:choice|options?|alternatives?)|no\s+more\s+alternatives|"
        r"(?:not|n[’']t)\s+have\s+(?:any\s+)?(?:others?\s+|other\s+)?(?:choice|options?|alternatives?)",
        1.0,
    ),  # fmt: skip
    (r"dependence", 0.8),
    (r"sacrific\w+|common\s+policies|establish\s+supranational", 1.0),
    (r"gradual|step-by-step|step\s+by\s+step", 1.0),
    (r"integrate\s+the|aligned|will\s+not\s+stay\s+off\s+course|on\s+course", 1.0),
    (r"continu\w+|develop\w*|cooperat\w+", 0.4),
]
CUE_PATTERNS = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), w) for p, w in CUES]
CUE_ANY = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p, _ in CUES) + r")\b", re.IGNORECASE)
NEGATORS = re.compile(
    r"\b(?:not|no|never|without|hardly|nothing|neither|nor|cannot|lack\w*|far\s+from|"
    r"fewer\s+than|less\s+than)\b|n[’']t\b",
    re.IGNORECASE,
)
NEGATED_TARGET = re.compile(
    r"\b(?:no|not|never|nobody|without|neither|nor)\b|n[’']t\b", re.IGNORECASE
)
NEGATED_TARGET_WORDS = 8
HEDGES = re.compile(
    r"\b(?:may|might|could|perhaps|probably|possibly|would|seems?|seemed|apparently)\b",
    re.IGNORECASE,
)
DEONTIC = re.compile(
    r"\b(?:should|must|ought\s+to|has\s+to|have\s+to|had\s+(?:hoped|expected|planned|wanted))"
    r"\b(?!\s*n[’']t|\s+not)"
    r"(?!\s+be\s+(?:underlined|noted|stressed|emphasi[sz]ed|said|mentioned|added|recalled))",
    re.IGNORECASE,
)
SCOPE = re.compile(
    r"\b(?:unlikely|not\s+likely|not\s+obvious|doubtful|(?:don[’']?t|do\s+not|doesn[’']?t|"
    r"does\s+not|shouldn[’']?t|should\s+not)\s+(?:think|expect|believe))\b",
    re.IGNORECASE,
)
SCOPE_END = re.compile(r"\s[–—-]\s|\bbecause\b|;|\.\s", re.IGNORECASE)
COUNTERFACTUAL = re.compile(r"\bif\b[^.]{0,120}\bhad\b[^.]{0,120}\bwould\s+have\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(
    r";\s+|,?\s+but\s+|,\s+(?:while|whilst|whereas|as|although|though)\s+|"
    r"(?:^|(?<=[.!?]\s))(?:However|At the same time|Nevertheless|Nonetheless),\s+"
)
FRONTED = re.compile(r"(?:While|Whilst|Although|Though|Whereas)\b[^,]{3,160}?,[”\"’]?\s+")


@dataclass(frozen=True)
class StanceSpan:
    """A clause about integration with its stance (-1/0/1), score, evidence and tone."""

    start: int
    end: int
    stance: int
    score: float
    evidence: str
    tone: float


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``text[start:end]`` (break words left out)."""
    cuts = [(start, start)]
    fronted = FRONTED.match(text, start, end)
    if fronted:
        cuts.append((fronted.end() - 1, fronted.end()))
    for match in CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > start or match.end() > start:
            cuts.append((match.start(), match.end()))
    cuts.append((end, end))
    cuts.sort()
    spans = []
    for (_, a), (b, _) in zip(cuts, cuts[1:], strict=False):
        a, b = trim_span(text, a, b, lead=",;:—–-")
        if b - a >= 3:
            spans.append((a, b))
    return spans or [(start, end)]


def _negated(clause: str, at: int) -> bool:
    """Whether a negation stands within a few words before position ``at``."""
    words = re.findall(r"\S+", clause[max(0, at - 80) : at])[-NEGATION_WINDOW:]
    return bool(NEGATORS.search(" ".join(words)))


def _negated_target(clause: str) -> tuple[int, int] | None:
    """The span from a negation to the integration term it denies ("no political integration",
    "will never become part of Russia", "had not discussed a common currency")."""
    for target in TARGET.finditer(clause):
        offset = max(0, target.start() - 120)
        window = clause[offset : target.start()]
        words = list(re.finditer(r"\S+", window))[-NEGATED_TARGET_WORDS:]
        if not words:
            continue
        tail = window[words[0].start() :]
        negations = list(NEGATED_TARGET.finditer(tail))
        negation = negations[-1] if negations else None
        if negation is not None and not re.search(r"[,;:]", tail[negation.end() :]):
            return offset + words[0].start() + negation.start(), target.end()
    return None


def _cues(clause: str) -> list[tuple[re.Match, float]]:
    """The cue matches of a clause in text order, each with its lexicon weight."""
    found = []
    pos = 0
    while (hit := CUE_ANY.search(clause, pos)) is not None:
        for pattern, weight in CUE_PATTERNS:
            match = pattern.match(clause, hit.start())
            if match is not None:
                found.append((match, weight))
                break
        pos = max(hit.end(), hit.start() + 1)
    return found


def score_clause(clause: str) -> tuple[float, list[str]]:
    """The stance score of a clause and the cue words behind it."""
    score, evidence, taken = 0.0, [], []
    scope = SCOPE.search(clause)
    reach = SCOPE_END.search(clause, scope.end()) if scope else None
    limit = reach.start() if reach else len(clause)
    if scope and CUE_ANY.search(clause, scope.end(), limit):
        taken.append((scope.start(), scope.end()))  # an operator here, not a cue itself
        evidence.append(scope.group())
    else:
        scope = None
    negated = _negated_target(clause)
    if negated is not None:
        score -= 1.0
        evidence.append(clause[negated[0] : negated[1]])
        taken.append(negated)
    for match, weight in _cues(clause):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        taken.append((match.start(), match.end()))
        cue_is_negation = NEGATORS.match(match.group()) is not None
        if weight > 0 and negated is not None and negated[0] <= match.start():
            evidence.append(f"({match.group()})")
            continue  # "no political integration is going to be prepared"
        if scope and scope.end() <= match.start() < limit:
            score += -weight if weight > 0 else -weight * 0.5
            evidence.append(f"not {match.group()}")
            continue  # "not obvious that Russia is ready to integrate", "unlikely to be harmed"
        if not cue_is_negation and _negated(clause, match.start()):
            score += -weight if weight > 0 else -weight * 0.5
            evidence.append("not " + match.group())
        else:
            score += weight
            evidence.append(match.group())
    if score and DEONTIC.search(clause):
        score *= DEONTIC_FACTOR
    elif score and HEDGES.search(clause):
        score *= HEDGE_FACTOR
    if score and COUNTERFACTUAL.search(clause):
        score = -score
        evidence.append("counterfactual")
    return score, evidence


def _relevant(sentence: str, previous_on_topic: bool) -> bool:
    """Whether a sentence speaks of integration or the bilateral relationship."""
    return bool(TARGET.search(sentence) or RELATION.search(sentence)) or previous_on_topic


def find_stance(
    text: str, sentences: list[tuple[int, int]], tones: list[float] | None = None
) -> list[StanceSpan]:
    """The integration-relevant clauses of a text with their stance.

    >>> [s.stance for s in find_stance("The integration talks reached deadlock.", [(0, 39)])]
    [-1]
    """
    spans: list[StanceSpan] = []
    on_topic, last_end = False, 0
    for i, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        carried = on_topic and same_paragraph(text, last_end, start)
        targeted = bool(TARGET.search(sentence))
        if _relevant(sentence, carried):
            for a, b in clauses(text, start, end):
                score, evidence = score_clause(text[a:b])
                if not (targeted or RELATION.search(sentence)) and not score:
                    continue
                label = (score > 0) - (score < 0) if abs(score) >= THRESHOLD else 0
                mood = tones[i] if tones is not None else tone(sentence)
                spans.append(StanceSpan(a, b, label, round(score, 4), "; ".join(evidence), mood))
        on_topic, last_end = targeted or carried, end
    return spans


def _clip(x: float) -> float:
    """x clipped to [-1, 1]."""
    return max(-1.0, min(1.0, x))


def document_stance(spans: list[StanceSpan]) -> float:
    """An article's stance on the -2…+2 scale: the net clause evidence, squashed.

    The clipped clause scores are summed and divided by the square root of the number of
    integration clauses (a signed z-like statistic: consistent evidence over many clauses
    counts more than one strong clause), then mapped to (-2, 2) with ``2·tanh``.
    """
    if not spans:
        return 0.0
    net = sum(_clip(s.score) for s in spans) / math.sqrt(len(spans))
    return 2 * math.tanh(net)


def speaker_stance(texts: list[str]) -> float:
    """A speaker's stance on the -2…+2 scale from the texts of their quotations."""
    scores = [_clip(score_clause(t)[0]) for text in texts for t in _pieces(text)]
    scored = [s for s in scores if s] or scores
    return 2 * sum(scored) / len(scored) if scored else 0.0


def _pieces(text: str) -> list[str]:
    """The clauses of a quotation (sentences cut at the same breaks as above)."""
    pieces = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        pieces += [sentence[a:b] for a, b in clauses(sentence, 0, len(sentence))]
    return [p for p in pieces if p.strip()]


@component("rule_stance")
def rule_stance_component(doc: ArticleDoc) -> None:
    """Pipeline component: the rule model's stance rows, in a table of their own."""
    spans = find_stance(doc.text, doc.sentences, doc.tones)
    doc.add_rows(
        "rule_stance",
        [
            doc.row(s.start, s.end, stance=s.stance, score=s.score, evidence=s.evidence)
            for s in spans
        ],
    )
