"""Readable features for stance toward (and relevance to) Russia–Belarus integration.

Every feature name says what fired: ``cue:against:deadlock`` (a lexicon cue), ``neg_cue:for:signed``
(a cue with a negation a few words before it), ``polar:pos`` / ``polar:neg`` (VADER lexicon
valence, negation-scoped), ``hedge``, ``deontic``, ``conditional``, ``counterfactual``,
``target:union_state`` (an integration term), ``neg_target`` (a negated integration term),
``w:...`` (stemmed word uni/bigrams) and ``prev:...`` (cue and target hits of the sentence
before). Lexicons are plain files in ``lexicons/`` (one ``name = regex`` or regex a line),
written in lowercase and matched against the folded (lowercased) sentence. Each family is
computed once per distinct sentence (cached), so the target and stance models share the work.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from summitlib.text.lexicon_scan import lexicon_scan, scan_matches
from summitlib.text.lexicons import read_lexicon, read_named_lexicon
from summitlib.text.resources import vader_lexicon_dir

NEGATION_WINDOW = 4
NEGATED_TARGET_WORDS = 6
ALL_FAMILIES = frozenset(
    {
        "cue",
        "polar",
        "modal",
        "target",
        "words",
        "bigrams",
        "prev",
        "prev_target",
        "shape",
        "relation",
    }
)
STANCE_FAMILIES = frozenset(ALL_FAMILIES - {"relation"})
TARGET_FAMILIES = frozenset(ALL_FAMILIES - {"bigrams", "prev"})

WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
CONTRAST = re.compile(
    r"\b(?:but|however|yet|although|though|while|whereas|nevertheless|nonetheless)\b|;"
)
BREAK = re.compile(r"[,;:()\u2013\u2014]")
QUOTED = re.compile(r"[\"“”«»]")


def _read_lines(name: str) -> tuple[str, ...]:
    """The items of a stance lexicon file (``data/lexicons/stance/<name>``)."""
    return read_lexicon(f"stance/{name}")


def _read_named(name: str) -> list[tuple[str, str]]:
    """A named stance lexicon file as (name, regex) pairs."""
    return read_named_lexicon(f"stance/{name}")


CUES: list[tuple[str, str, str]] = [
    (side, n, p) for side in ("against", "for") for n, p in _read_named(f"cues_{side}.txt")
]
TARGETS = _read_named("targets.txt")
RELATIONS = _read_named("relations.txt")
CUE_SCAN = lexicon_scan([p for _side, _n, p in CUES])
TARGET_SCAN = lexicon_scan([p for _n, p in TARGETS])
RELATION_SCAN = lexicon_scan([p for _n, p in RELATIONS])


def _negator_lines() -> tuple[list[str], list[str]]:
    """The negators: words (matched between word bounds) and contractions ("n't", as they are)."""
    lines = _read_lines("negators.txt")
    return [p for p in lines if not p.startswith("n[")], [p for p in lines if p.startswith("n[")]


NEGATOR_WORDS, NEGATOR_CONTRACTIONS = _negator_lines()
# the words between one pair of word bounds: an order of magnitude faster than a bound around each
NEGATORS = re.compile("|".join([rf"\b(?:{'|'.join(NEGATOR_WORDS)})\b", *NEGATOR_CONTRACTIONS]))
NEGATOR_WORD = re.compile(rf"(?:{NEGATORS.pattern})|.*n['’]t")  # a negator or a word in "n't"
CONTRACTED_NEGATOR = re.compile("|".join(NEGATOR_CONTRACTIONS))
MODAL_FLAGS = ("hedge", "deontic", "conditional")


def _modal_regexes() -> list[tuple[str, str]]:
    """The hedge, deontic and conditional regexes and the negator words, each with its flag."""
    files = dict(zip(MODAL_FLAGS, ("hedges.txt", "deontic.txt", "conditionals.txt"), strict=True))
    found = [(flag, p) for flag, file in files.items() for p in _read_lines(file)]
    return found + [("negation", p) for p in NEGATOR_WORDS]


MODAL_REGEXES = _modal_regexes()  # one scan tells which flags any of them raise
MODAL_SCAN = lexicon_scan([p for _flag, p in MODAL_REGEXES])
COUNTERFACTUALS = re.compile("|".join(f"(?:{p})" for p in _read_lines("counterfactuals.txt")))


def _vader_path() -> Path:
    """The vader_lexicon.txt shipped inside the installed vaderSentiment package."""
    return vader_lexicon_dir() / "vader_lexicon.txt"


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word valences (-4..4), single lowercase words only, negators left out."""
    table: dict[str, float] = {}
    for line in _vader_path().read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and WORD.fullmatch(parts[0]) and not NEGATORS.fullmatch(parts[0]):
            table[parts[0]] = float(parts[1])
    return table


@lru_cache(maxsize=1)
def stemmer():
    """NLTK's English Snowball stemmer (imported on first use: NLTK takes a second to load)."""
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lowercase word (cached)."""
    return stemmer().stem(word)


def fold(text: str) -> str:
    """Lowercase a text without changing its length (the lexicon regexes match folded text)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c.lower()[:1] for c in text)


def _negated_before(text: str, at: int) -> bool:
    """Whether a negation stands within a few words before ``at`` in the same clause."""
    window = text[max(0, at - 60) : at]
    window = BREAK.split(window)[-1]
    words = window.split()[-NEGATION_WINDOW:]
    return bool(words) and bool(NEGATORS.search(" ".join(words)))


Items = tuple[tuple[str, float], ...]


@lru_cache(maxsize=8192)
def cue_hits(text: str) -> tuple[tuple[str, str, bool, int], ...]:
    """The cue hits of a folded text: (side, cue name, negated?, offset), in lexicon order."""
    hits = []
    for index, matches in sorted(scan_matches(CUE_SCAN, text).items()):
        side, name, _ = CUES[index]
        for m in matches:
            own_negation = NEGATORS.match(m.group()) is not None
            hits.append(
                (side, name, (not own_negation) and _negated_before(text, m.start()), m.start())
            )
    return tuple(hits)


@lru_cache(maxsize=8192)
def target_hits(text: str) -> tuple[tuple[str, bool], ...]:
    """The integration-term hits of a folded text: (term name, negated?)."""
    hits = []
    for index, matches in sorted(scan_matches(TARGET_SCAN, text).items()):
        for m in matches:
            window = BREAK.split(text[max(0, m.start() - 80) : m.start()])[-1]
            words = window.split()[-NEGATED_TARGET_WORDS:]
            hits.append((TARGETS[index][0], bool(words) and bool(NEGATORS.search(" ".join(words)))))
    return tuple(hits)


@lru_cache(maxsize=8192)
def relation_hits(text: str) -> tuple[str, ...]:
    """The relation terms (talks, agreement, economy, …) in a folded text, in lexicon order."""
    return tuple(RELATIONS[index][0] for index in sorted(scan_matches(RELATION_SCAN, text)))


def _add(feats: dict[str, float], name: str, value: float = 1.0) -> None:
    """Increment a feature."""
    feats[name] = feats.get(name, 0.0) + value


@lru_cache(maxsize=8192)
def _cue_features(text: str) -> Items:
    """Cue, negated-cue, contrast and hedge-interaction features."""
    feats: dict[str, float] = {}
    if not (hits := cue_hits(text)):
        return ()
    contrast = [m.end() for m in CONTRAST.finditer(text)]
    last_contrast = contrast[-1] if contrast else -1
    hedged = any(name in ("hedge", "deontic") for name, _ in _modal_features(text))
    for side, name, negated, at in hits:
        prefix = "neg_cue" if negated else "cue"
        _add(feats, f"{prefix}:{side}:{name}")
        _add(feats, f"{prefix}s:{side}")
        if at >= last_contrast >= 0:
            _add(feats, f"post_contrast:{prefix}:{side}")
        if hedged:
            _add(feats, f"hedged_{prefix}:{side}")
    net = feats.get("cues:for", 0.0) - feats.get("cues:against", 0.0)
    net += feats.get("neg_cues:against", 0.0) - feats.get("neg_cues:for", 0.0)
    if net:
        feats["cue_net"] = max(-3.0, min(3.0, net))
    return tuple(feats.items())


@lru_cache(maxsize=8192)
def _polar_features(lower: str) -> Items:
    """VADER-lexicon polarity sums, flipped into ``neg_polar:*`` under negation."""
    lexicon = vader_lexicon()
    feats: dict[str, float] = {}
    negated_until = -1
    for i, word in enumerate(WORD.findall(lower)):
        if NEGATOR_WORD.fullmatch(word):
            negated_until = i + NEGATION_WINDOW
            continue
        valence = lexicon.get(word)
        if valence is None:
            continue
        side = "pos" if valence > 0 else "neg"
        prefix = "neg_polar" if i <= negated_until else "polar"
        feats[f"{prefix}:{side}"] = feats.get(f"{prefix}:{side}", 0.0) + abs(valence) / 4
    return tuple(feats.items())


@lru_cache(maxsize=8192)
def _modal_features(text: str) -> Items:
    """Hedge, deontic, conditional, counterfactual and negation flags."""
    found = {MODAL_REGEXES[index][0] for index in scan_matches(MODAL_SCAN, text)}
    feats = [(flag, 1.0) for flag in MODAL_FLAGS if flag in found]
    if COUNTERFACTUALS.search(text):
        feats.append(("counterfactual", 1.0))
    if "negation" in found or CONTRACTED_NEGATOR.search(text):
        feats.append(("negation", 1.0))
    return tuple(feats)


@lru_cache(maxsize=8192)
def _stems(lower: str) -> tuple[str, ...]:
    """The Snowball stems of a folded text's words, in order."""
    return tuple(stem(w) for w in WORD.findall(lower))


@lru_cache(maxsize=8192)
def _unigram_features(lower: str) -> Items:
    """Stemmed unigram presence features."""
    return tuple(dict.fromkeys((f"w:{s}" for s in _stems(lower)), 1.0).items())


@lru_cache(maxsize=8192)
def _word_features(lower: str, bigrams: bool) -> Items:
    """Stemmed unigram (and bigram) presence features."""
    unigrams = _unigram_features(lower)
    if not bigrams:
        return unigrams
    stems = _stems(lower)
    pairs = dict.fromkeys((f"w:{a}_{b}" for a, b in zip(stems, stems[1:], strict=False)), 1.0)
    return unigrams + tuple(pairs.items())  # no stem holds "_": no key repeats


@lru_cache(maxsize=8192)
def _target_features(text: str, prefix: str = "") -> Items:
    """Integration-term and negated-term features."""
    feats: dict[str, float] = {}
    for name, negated in target_hits(text):
        feats[f"{prefix}target:{name}"] = 1.0
        feats[f"{prefix}target_any"] = 1.0
        if negated:
            feats[f"{prefix}neg_target"] = 1.0
    return tuple(feats.items())


def featurize(
    text: str, before: str = "", families: frozenset[str] = STANCE_FAMILIES
) -> dict[str, float]:
    """Stance features of a sentence (with the sentence before it as context)."""
    feats: dict[str, float] = {}
    lower = fold(text)
    if "cue" in families:
        feats.update(_cue_features(lower))
    if "polar" in families:
        feats.update(_polar_features(lower))
    if "modal" in families:
        feats.update(_modal_features(lower))
    if "target" in families:
        feats.update(_target_features(lower))
    if "words" in families:
        feats.update(_word_features(lower, "bigrams" in families))
    if "shape" in families:
        if "?" in text:
            feats["question"] = 1.0
        if QUOTED.search(text):
            feats["quoted"] = 1.0
    before = fold(before)
    if "prev" in families and before:
        for side, _name, negated, _ in cue_hits(before):
            feats[f"prev:{'neg_cue' if negated else 'cue'}:{side}"] = 1.0
    if "prev_target" in families and before:
        feats.update(_target_features(before, "prev:"))
    if "relation" in families and (names := relation_hits(lower)):
        earlier = relation_hits(before) if before else ()
        for name in names:
            feats[f"rel:{name}"] = 1.0
            if name in earlier:
                feats[f"prev:rel:{name}"] = 1.0
    return feats


def featurize_for(model_meta: dict, text: str, before: str = "") -> dict[str, float]:
    """Stance features restricted to the feature families a model was trained with."""
    return featurize(text, before, frozenset(model_meta.get("families", STANCE_FAMILIES)))


def featurize_target(
    text: str, before: str = "", position: int | None = None, first_in_paragraph: bool = False
) -> dict[str, float]:
    """Relevance ("about integration") features: stance features plus relation terms and layout."""
    feats = featurize(text, before, families=TARGET_FAMILIES)
    if position is not None:
        feats[f"pos:{min(position, 5)}"] = 1.0
        if first_in_paragraph:
            feats["pos:para_first"] = 1.0
    n = len(_stems(text.lower()))  # the words, as the word features see them
    feats["len:" + ("short" if n < 6 else "mid" if n < 20 else "long")] = 1.0
    return feats
