"""The trie-built phrase alternation finds exactly what a plain longest-first alternation finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from summitlib.extract.quotes import LEXICON
from summitlib.text.phrases import initials, phrase_alternation

ROOT = Path(__file__).resolve().parent.parent
WORDS = st.text(alphabet="ab'.-", min_size=1, max_size=4)
PHRASES = st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8)
TEXT = st.text(alphabet="ab'.- \n", max_size=60)


def plain(phrases: list[str]) -> str:
    """The alternation the trie replaces: every phrase, longest first, ``\\s+`` between words."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    """Where a pattern matches in a text, as (start, end) pairs."""
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=300, deadline=None)
@given(PHRASES, TEXT)
def test_the_trie_matches_like_the_plain_alternation(phrases, text):
    for wrap in ("(?:{})", r"\b(?:{})\b", r",\s*({})\s+", r"(?:{})\s*[,:]?\s*$"):
        trie, flat = wrap.format(phrase_alternation(phrases)), wrap.format(plain(phrases))
        assert spans(trie, text) == spans(flat, text), (phrases, text, wrap)


def test_the_reporting_verbs_match_alike_in_real_articles():
    files = sorted(ROOT.glob("tests/fixtures/*/articles/*"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    forms = [*LEXICON.finite, *LEXICON.participles]
    trie = re.compile(rf"\b(?:{phrase_alternation(forms)})\b")
    flat = re.compile(rf"\b(?:{plain(forms)})\b")
    found = [[m.span() for m in trie.finditer(t)] for t in texts]
    assert sum(map(len, found)) > 100
    assert found == [[m.span() for m in flat.finditer(t)] for t in texts]


@settings(max_examples=200, deadline=None)
@given(PHRASES, TEXT)
def test_a_literal_space_between_words_matches_like_the_escaped_names(phrases, text):
    """``space=re.escape(" ")``, as the actor registry uses it: one plain space, no other."""
    ordered = sorted(set(" ".join(p.split()) for p in phrases), key=lambda p: (-len(p), p))
    flat = "|".join(re.escape(p) for p in ordered)
    trie = phrase_alternation(phrases, space=re.escape(" "))
    for wrap in ("(?:{})", r"(?<![\w/])(?:{})(?![\w])"):
        assert spans(wrap.format(trie), text) == spans(wrap.format(flat), text), (phrases, text)


CASED_WORDS = st.text(alphabet="abkKsSiI'.-", min_size=1, max_size=4)
CASED_PHRASES = st.lists(
    st.lists(CASED_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8
)
CASED_TEXT = st.text(alphabet="aAbBkKsSiI'.-/_ \nſKİıé", max_size=60)


@settings(max_examples=300, deadline=None)
@given(CASED_PHRASES, CASED_TEXT)
@example(["sa", "kb", "ib", "Ia"], "ſa Kb İb ıb ıa")
@example(["K", "k."], "K.")
def test_the_first_character_looked_behind_matches_like_the_plain_alternation(phrases, text):
    """``first_behind`` after the class of :func:`initials`, ignoring case as the registry's
    descriptions do (the long s, Kelvin sign and dotted or dotless i match letters there)."""
    ordered = sorted(set(" ".join(p.split()) for p in phrases), key=lambda p: (-len(p), p))
    flat = "|".join(re.escape(p) for p in ordered)
    for flags in (0, re.IGNORECASE):
        ignoring = bool(flags & re.IGNORECASE)
        body = phrase_alternation(
            phrases, space=re.escape(" "), first_behind=True, ignore_case=ignoring
        )
        opened = rf"(?-i:{initials(phrases, flags)})(?<![\w/].)(?:{body})(?![\w])"
        plain_names = rf"(?<![\w/])(?:{flat})(?![\w])"
        found = [m.span() for m in re.finditer(opened, text, flags)]
        assert found == [m.span() for m in re.finditer(plain_names, text, flags)], (phrases, text)


def test_the_actor_registry_matches_like_a_plain_alternation_of_its_names():
    from summitlib.extract.actors import load_registry

    registry = load_registry()
    files = sorted(ROOT.glob("tests/fixtures/*/articles/*")) + sorted(
        ROOT.glob("corpus/articles/*")
    )
    texts = [p.read_text(encoding="utf-8") for p in files]
    names = [*registry.by_alias, *registry.by_description]
    texts.append(" ".join(f"{n} {n}s x{n} {n.upper()} {n.lower()}, ({n}) {n}/x" for n in names))
    for table, pattern, flags in (
        (registry.by_alias, registry.alias_pattern, 0),
        (registry.by_description, registry.description_pattern, re.IGNORECASE),
    ):
        flat = "|".join(re.escape(n) for n in sorted(table, key=lambda n: (-len(n), n)))
        plain_names = re.compile(rf"(?<![\w/])(?:{flat})(?![\w])", flags)
        for text in texts:
            assert spans(pattern, text) == spans(plain_names, text)
