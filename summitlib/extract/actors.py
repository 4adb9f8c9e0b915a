"""Actors: the people, organisations and states an article mentions, under canonical names.

Three sources, in order of trust:

1. the registry (``data/actors.csv``, or a user's own file of the same shape): canonical
   names with aliases, including the transliteration variants of Belarus studies
   (Lukashenko/Lukashenka, Semashko/Siamashka, …), and descriptions ("the Belarusian
   leader", "the Kremlin spokesman") that stand for the person;
2. people the registry does not know: a capitalised name introduced by a role ("political
   analyst Syarhei Nikalyuk", "Deputy Director of the Institute of CIS Countries Vladimir
   Evseev"), a known first name followed by a surname, or a name with an appositive role
   ("Andrei Kazakevich, a prominent Belarusian analyst"), or two or three capitalised words
   next to a reporting cue ("Balazs Jarabik told", "according to Katia Glod") unless one of
   them is an organisation's, outlet's or place's word (``data/lexicons/organisation_words.txt``);
   later mentions by surname alone resolve to them;
3. references: generic descriptions ("the expert", "the analyst") and the pronouns he/she/his/
   her resolve to the most recent fitting person outside quotation marks.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from summitlib.extract.offices import holder_on
from summitlib.extract.reporting import load_reporting_verbs
from summitlib.joint import split_values
from summitlib.text.lexicons import read_lexicon, read_named_lexicon
from summitlib.text.phrases import initials, phrase_alternation
from summitlib.text.quotemarks import find_quoted
from summitlib.text.spans import SpanIndex

ROLE_WORDS = frozenset(read_lexicon("role_words.txt"))
DEMONYMS = frozenset(read_lexicon("demonyms.txt"))
ROLE_MODIFIERS = frozenset(read_lexicon("role_modifiers.txt")) | DEMONYMS
ROLE_START = ROLE_WORDS | ROLE_MODIFIERS  # the words a role phrase may start with
POSSESSIVE = ("'s", "’s")  # the endings of a possessor ("Pompeo’s")
CONNECTORS = {"of", "the", "at", "under", "for", "to", "in", "on", "and", "de", *POSSESSIVE}
EXPERT_NOUNS = {
    "expert", "analyst", "political scientist", "scientist", "economist", "researcher",
    "scholar", "historian", "sociologist", "commentator", "observer", "specialist",
}  # fmt: skip
GENERIC_NOUNS = EXPERT_NOUNS | {
    "diplomat", "minister", "spokesman", "spokeswoman", "official", "politician",
    "ambassador", "professor", "director", "head", "journalist", "president", "leader",
    "head of state", "envoy", "premier", "prime minister", "spokesperson",
    "dictator", "autocrat", "strongman", "speaker", "parliamentarian", "lawmaker",
    "legislator", "secretary", "state secretary", "press secretary", "chairman", "chairwoman",
    "governor", "mayor", "senator", "chancellor", "commander",
}  # fmt: skip
PARLIAMENT = ("parliament", "deputy", "duma", "house of representatives", "council of the republic",
              "senator", "lawmaker", "legislator", "mp")  # fmt: skip
ROLE_SYNONYMS = {
    "diplomat": ("ambassador", "envoy", "foreign minister", "diplomat"),
    "speaker": ("speaker", "chairman", "chairwoman", "chair of"),  # BelTA: "The speaker noted"
    "parliamentarian": PARLIAMENT,
    "lawmaker": PARLIAMENT,
    "legislator": PARLIAMENT,
    "envoy": ("ambassador", "envoy"),
    "spokesman": ("spokes", "press secretary"),
    "spokeswoman": ("spokes", "press secretary"),
    "spokesperson": ("spokes", "press secretary"),
    "state": ("president",),  # "the head of state"
    "premier": (
        "prime minister",
        "premier",
        "head of government",
        "head of the government",
        "head of the russian government",
        "head of the belarusian government",
    ),
    "minister": ("minister",),
    "leader": ("president", "leader", "head of"),
    # what critics call a head of state: "the dictator said", "the veteran autocrat"
    "dictator": ("president",),
    "autocrat": ("president",),
    "strongman": ("president",),
}
NOT_NAME = frozenset(read_lexicon("not_name_words.txt"))
FEMALE_ENDINGS = ("a", "ya", "ia")
MALE_A_NAMES = {
    "Nikita",
    "Mikita",
    "Ilya",
    "Foma",
    "Kuzma",
    "Luka",
    "Mykola",
    "Mikola",
    "Sasha",
    "Misha",
}
FEMALE_NAMES = frozenset(read_lexicon("female_first_names.txt"))
RECENT = 40  # how many earlier mentions a reference may reach back to
STEM = 5  # letters of a description's modifier looked for in a role ("belar", "oppos", "forei")
REFERENCES = ("pronoun", "generic", "former", "pair")  # the ways a mention refers back
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# A regex that \b or a lookbehind would open opens with its first character instead, as a
# case-sensitive class, and looks behind it: "[Tt](?<!\w.)he" is "\bthe". The regex engine
# then skips to the characters that may start a match rather than trying every position.
GLUED = re.compile(r"(?<=[a-z]{5})(?=[A-Z][a-z]{3})")
GLUED_LEAD = 5  # lower-case letters before the capital of a glued word
GLUED_MIN = 9  # five lower-case letters, then four of the next word
WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?|[,;:.!?()\[\]—–]")
NAME_RUN = re.compile(  # a run holding a capital or a hyphen (see _name_words), from the first
    # of them, which the regex engine skips to: a capital, another letter than a-z, or a hyphen;
    # group 1, when that letter opens the run, is the rest of its word (to its last word character)
    r"[A-Z\x80-\U0010ffff-](?<=[^\W\d_a-z]|-)(?:(?<=[^\W\d_])(?<![\w’'-].)((?:[\w’'-]*\w)?)|)"
    r"[\w’'-]*"
)
RUN_WORD = re.compile(r"[\d_’'-]*([^\W\d_](?:[\w’'-]*\w)?)?")  # a run's word: group 1
RUN_MARKS = "_’'-"  # the characters of a run besides those str.isalnum() accepts (\w is both)
FIRST_LETTER = re.compile(r"[^\W\d_]")
BLOCK_WORDS = 4096  # words of a long text looked at together when discovering people
_SPEECH = load_reporting_verbs()
_SPEAKING = phrase_alternation(set(_SPEECH.finite) - _SPEECH.forms("source"))
AFFILIATION = (  # "of BEROC", "at the Centre for Eastern Studies" ("and" joins two people),
    # "(Center for Strategic and Foreign Policy Studies, Minsk)" as a conference report gives it
    r"(?:\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+(?:(?:of|for|on|&)\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,5}"
    r"|\s*\([A-Z][^()\n]{1,100}\))"
)
SPEECH_AFTER = re.compile(  # "Anais Marin said", "Mathieu Boulegue of Chatham House said"
    rf"(?:{AFFILIATION})?\s+(?:{_SPEAKING})\b"
)
SPEAKS_NEXT = rf",?\s+(?:\w+ly\s+)?(?:{_SPEAKING})\b"  # ", said", " quickly added"
SPOKEN_BY = re.compile(  # a capitalised word right before a verb of speech: "Heinemann said"
    rf"\b([A-Z][\w’'-]+)(?:{AFFILIATION})?{SPEAKS_NEXT}"
)
SUBJECT_SPEAKS = re.compile(  # "X told", "X of BEROC said", "the president, X, said on …",
    # "X, a spokesperson for the office of Y, told"
    rf"(?:{AFFILIATION})?(?:,\s+(?:a|an|the)\s+[^,.;:“”\"«»\n]{{1,120}}?(?=,))?{SPEAKS_NEXT}"
)
_INVERTED = phrase_alternation(  # not "told Soyuznoe Veche": whom one tells only listens
    set(_SPEECH.finite) - _SPEECH.forms("source") - _SPEECH.forms("addressee")
)
SPEECH_BEFORE = re.compile(rf"\b(?:{_INVERTED}|[Aa]ccording to),?\s+$")  # "says Anais Marin"
NAME_WORD = re.compile(r"[^\W\d_][^\W\d_’'-]*(?:-[^\W\d_]+)?")

ORGANISATION_WORDS = frozenset(read_lexicon("organisation_words.txt"))
DESCRIPTION_MODIFIERS = frozenset(read_lexicon("description_modifiers.txt"))
DESCRIPTION_COMPOUNDS = frozenset(read_lexicon("description_compounds.txt"))
MODIFIER_FORMS = sorted(  # as a text writes them: in prose, a headline, capitals
    {f(w) for w in DESCRIPTION_MODIFIERS for f in (str, str.capitalize, str.title, str.upper)}
)


@dataclass(frozen=True)
class Entry:
    """One registry row: canonical name, type, gender, role, aliases, descriptions."""

    actor: str
    actor_type: str
    gender: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()


@dataclass
class Registry:
    """The actor registry with its lookup patterns and the first names it knows."""

    entries: list[Entry]
    first_names: frozenset[str] = frozenset()
    by_alias: dict[str, Entry] = field(default_factory=dict)
    by_description: dict[str, Entry] = field(default_factory=dict)
    alias_pattern: re.Pattern | None = None
    description_pattern: re.Pattern | None = None

    def __post_init__(self) -> None:
        """Index aliases and descriptions, longest first."""
        for entry in self.entries:
            for alias in (entry.actor, *entry.aliases):
                self.by_alias.setdefault(alias, entry)
            for description in entry.descriptions:
                self.by_description.setdefault(description.lower(), entry)
        self.alias_pattern = _alternation(self.by_alias, flags=0)
        self.description_pattern = _alternation(self.by_description, flags=re.IGNORECASE)

    @cached_property
    def modified_pattern(self) -> re.Pattern | None:
        """Descriptions with words of ``description_modifiers.txt`` before their last word
        ("the Belarusian authoritarian president"): groups ``head`` and ``last``."""
        phrases = [d.split() for d in self.by_description if len(d.split()) > 1]
        if not phrases:
            return None
        heads = phrase_alternation({" ".join(p[:-1]) for p in phrases}, space=r"\s+")
        lasts = phrase_alternation({p[-1] for p in phrases})
        mods = phrase_alternation(DESCRIPTION_MODIFIERS)
        return re.compile(
            rf"(?<![\w/])(?P<head>{heads})\s+(?:(?:{mods})\s+){{1,2}}(?P<last>{lasts})(?!\w)",
            re.IGNORECASE,
        )

    def description_entry(self, match: re.Match) -> Entry | None:
        """The entry a match of either description pattern names (the modified one without
        its modifiers; None if no description)."""
        if "head" not in match.re.groupindex:
            return self.by_description.get(match.group().lower())
        head = " ".join(match.group("head").split())
        return self.by_description.get(f"{head} {match.group('last')}".lower())

    @cached_property
    def stop_words(self) -> frozenset[str]:
        """Words that end a role phrase read backwards: first names and person aliases."""
        words = {a.split()[-1] for a, e in self.by_alias.items() if e.actor_type == "person"}
        return self.first_names | words

    @cached_property
    def by_spelling(self) -> dict[str, Entry]:
        """Registry persons by the spelling key of each alias's surname (keys that two
        persons share are left out)."""
        found: dict[str, set[str]] = {}
        for alias, e in self.by_alias.items():
            if e.actor_type == "person" and len(alias.split()[-1]) >= MIN_KEYED:
                found.setdefault(spelling_key(alias.split()[-1]), set()).add(e.actor)
        return {k: self.by_alias[next(iter(v))] for k, v in found.items() if len(v) == 1}

    @cached_property
    def by_surname(self) -> dict[str, set[str]]:
        """The registry persons (canonical names) whose aliases end with each surname."""
        found: dict[str, set[str]] = {}
        for alias, e in self.by_alias.items():
            if e.actor_type == "person":
                found.setdefault(alias.split()[-1], set()).add(e.actor)
        return found

    def surname_entry(self, surname: str) -> Entry | None:
        """The registry person whose alias ends with this surname, if exactly one."""
        found = self.by_surname.get(surname, set())
        return self.by_alias.get(next(iter(found))) if len(found) == 1 else None


SPELLING_RULES = tuple(
    tuple(part.strip() for part in line.split("->")) for line in read_lexicon("name_spellings.txt")
)
# a capitalised word of five letters or more holding something the rules change; the letters
# before the first such thing are passed at once: a-z where none of them starts (a non-ASCII
# letter is one itself), instead of trying after each letter whether one follows
SPELLED_WORD = re.compile(
    r"[A-Z\x80-\U0010ffff](?<=[^\W\d_a-z])(?<![\w’'-].)"  # a capital or other non-ASCII letter
    r"(?=[^\W\d_A-Z]{4,}(?![\w-]))(?:[abd-ik-rt-vx-z]|c(?!z)(?!(?<=Sc)h)|s(?!ch|z))*+"
    r"(?:[^\x00-\x7f]|(?<=S)ch|sch|sz|cz|w|j|ie|ska\b)[^\W\d_A-Z]*(?![\w-])"
)
MIN_KEYED = 5  # shorter surnames are too alike across languages to fold


def spelling_key(surname: str) -> str:
    """A surname folded by the rules of ``name_spellings.txt`` (the same key for the spellings
    different languages give one name); other accents dropped."""
    key = surname.lower()
    for old, new in SPELLING_RULES:
        key = key.replace(old, new)
    return unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention in the text: span, canonical actor, type, role and how it was found."""

    start: int
    end: int
    text: str
    actor: str
    actor_type: str
    role: str = ""
    via: str = "alias"
    gender: str = ""

    def __post_init__(self) -> None:
        """Keep each distinct mention text once ("Putin", "he" recur through long articles)."""
        object.__setattr__(self, "text", sys.intern(self.text))


def _entry_mention(
    start: int, end: int, surface: str, entry: Entry, via: str, role: str = ""
) -> ActorMention:
    """A mention of a registry entry (``role`` from the text, else the entry's)."""
    return ActorMention(
        start, end, surface, entry.actor, entry.actor_type, role or entry.role, via, entry.gender
    )


def _alternation(names: dict[str, Entry], flags: int) -> re.Pattern | None:
    """One regex matching any of the names as whole words, longest first (built as a trie:
    two hundred names tried one by one at every character were a sixth of finding actors).
    It opens with the names' first characters, which the regex engine skips to; ignoring case,
    as a case-sensitive class of them (:func:`initials`) that each name's branch looks behind
    at (a class or letters that ignore case would be tried at every position)."""
    if not names:
        return None
    if flags & re.IGNORECASE:
        body = phrase_alternation(names, space=re.escape(" "), first_behind=True, ignore_case=True)
        return re.compile(rf"(?-i:{initials(names, flags)})(?<![\w/].)(?:{body})(?![\w])", flags)
    body = phrase_alternation(names, space=re.escape(" "), after_first=r"(?<![\w/].)")
    return re.compile(rf"(?:{body})(?![\w])", flags)


def registry_path() -> Path:
    """The registry file that ships with summitlib."""
    return Path(str(resources.files("summitlib") / "data" / "actors.csv"))


def first_names_path() -> Path:
    """The list of first names (one per line) that ships with summitlib."""
    return Path(str(resources.files("summitlib") / "data" / "first_names.txt"))


def _split(cell: str | None) -> tuple[str, ...]:
    """A ``|``-separated cell as a tuple of non-empty strings."""
    return tuple(split_values(cell))


def read_registry(path: Path, names_path: Path | None = None) -> Registry:
    """A registry from a CSV file (columns: actor, actor_type, gender, role, aliases, ...)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        entries = [
            Entry(
                actor=row["actor"].strip(),
                actor_type=(row.get("actor_type") or "person").strip(),
                gender=(row.get("gender") or "").strip(),
                role=(row.get("role") or "").strip(),
                aliases=_split(row.get("aliases")),
                descriptions=_split(row.get("descriptions")),
            )
            for row in csv.DictReader(handle)
            if (row.get("actor") or "").strip()
        ]
    names_file = names_path or first_names_path()
    names = names_file.read_text(encoding="utf-8").split() if names_file.exists() else []
    known = {e.actor.split()[0] for e in entries if e.actor_type == "person"}
    return Registry(entries, frozenset(names) | known)


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> Registry:
    """The bundled registry (or the one at ``path``), read once per process."""
    return read_registry(Path(path) if path else registry_path())


# --- finding -----------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Words and punctuation with their spans (see :func:`_iter_tokens`)."""
    return list(_iter_tokens(text))


def _iter_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Words and punctuation with their spans, in order; words a scraper glued together are
    split ("ShraibmanBelarusian" -> "Shraibman", "Belarusian")."""
    for m in WORD.finditer(text):
        if m.end() - m.start() < GLUED_MIN:  # too short to hold two glued words
            yield m.start(), m.end(), m.group()
        else:
            yield from _unglued(text, m.start(), m.end())


def _may_be_glued(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` may hold two that a scraper glued together: long
    enough, and no lower-case letters alone after the first five (the glue is a capital)."""
    return end - start >= GLUED_MIN and not text[start + GLUED_LEAD : end].islower()


def _unglued(text: str, begin: int, end: int) -> Iterator[tuple[int, int, str]]:
    """The word at ``begin:end`` with its spans, split where a scraper glued two together."""
    start = begin
    for cut in GLUED.finditer(text[begin:end]):
        yield start, begin + cut.start(), text[start : begin + cut.start()]
        start = begin + cut.start()
    yield start, end, text[start:end]


def _name_words(text: str) -> Iterator[tuple[int, int, str]]:
    """The words of :func:`_iter_tokens` that may start or continue a name: those of each run
    of word characters holding a capital or a hyphen. A run holds at most one word (from its
    first letter to its last word character), split as in the whole text; the words of the
    other runs (lower-case, unhyphenated) start no name and stop any, as the gap they leave
    does."""
    for run in NAME_RUN.finditer(text):
        start, end = run.start(), run.end(1)
        if end < 0:  # the run opens with no capital: its word is read from its start
            start, end = RUN_WORD.match(text, _run_start(text, start)).span(1)
        if _may_be_glued(text, start, end):
            yield from (t for t in _unglued(text, start, end) if t[2][:1].isalpha())
        elif start >= 0 and text[start].isalpha():
            yield start, end, text[start:end]


def _run_start(text: str, pos: int) -> int:
    """Where the run of word characters, hyphens and apostrophes holding ``pos`` starts."""
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in RUN_MARKS):
        pos -= 1
    return pos


def _word_blocks(text: str) -> Iterator[list[tuple[int, int, str]]]:
    """The words of :func:`_name_words` in blocks of about :data:`BLOCK_WORDS`, cut only
    where more than one character separates two words, which no name spans: a long article
    is never held as one list of tokens."""
    block: list[tuple[int, int, str]] = []
    for token in _name_words(text):
        if len(block) >= BLOCK_WORDS and token[0] - block[-1][1] > 1:
            yield block
            block = []
        block.append(token)
    if block:
        yield block


def _is_cap(token: str) -> bool:
    """A capitalised word that may be part of a name."""
    return token[:1].isupper() and token not in NOT_NAME and not token.isupper()


def _gender(first: str) -> str:
    """A guess at gender from a first name ('' when unsure)."""
    if first in MALE_A_NAMES:
        return "m"
    return "f" if first.endswith(FEMALE_ENDINGS) or first in FEMALE_NAMES else "m"


ROLE_REACH = 160  # characters before a name that its role phrase may take
ROLE_GLANCE = 40  # characters before a name read first: most role phrases end (backwards) there


def role_before(text: str, start: int, stop: frozenset[str] = frozenset()) -> str:
    """The role phrase that ends right before a name ("head of the … Center at …"). The words
    after the first space of a short glance back are those of the whole reach; the reach is
    read only when the role phrase may start before them."""
    reach = max(0, start - ROLE_REACH)
    space = text.find(" ", max(reach, start - ROLE_GLANCE), start)
    window = text[space + 1 : start] if space >= 0 else ""
    words = _tokens(window)
    before = _before_role(words, stop)
    if before < 0:
        window = text[reach:start]
        words = _tokens(window)
        before = _before_role(words, stop)
    phrase = words[before + 1 :]
    while phrase and phrase[0][2].lower() not in ROLE_START:
        phrase = phrase[1:]
    if not any(w[2].lower() in ROLE_WORDS for w in phrase):
        return ""
    return " ".join(window[phrase[0][0] :].split()) if phrase else ""


def _before_role(words: list[tuple[int, int, str]], stop: frozenset[str]) -> int:
    """The index of the word before the role phrase that may end ``words`` (-1 if every word
    may belong to it): the last stop word or word that is no role, modifier, connector or
    capitalised word."""
    for i in range(len(words) - 1, -1, -1):
        word = words[i][2]
        low = word.lower()
        if word in stop:
            return i
        if not (low in ROLE_WORDS or low in ROLE_MODIFIERS or low in CONNECTORS or _cap_word(word)):
            return i
    return -1


def _cap_word(word: str) -> bool:
    """A capitalised word or acronym (part of an institution's name)."""
    return word[:1].isupper() and word[:1].isalpha()


APPOSITIVE = r",\s+{article}([^,.;()]{{3,120}}?)(?=[,.;(]|\s+(?:who|which|said|says|told)\b)"
ARTICLE_ROLE = re.compile(APPOSITIVE.format(article=r"(?:a|an|the)\s+"))  # ", a … analyst,"
BARE_ROLE = re.compile(APPOSITIVE.format(article=""))  # ", director of …,"
OWNER = re.compile(r"[A-Z][\w-]*(?:['’]s|s['’])")  # ", Ukraine's foreign minister,"
COPULA_ROLE = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\s+([^.;]{3,160}?)(?=[.;])")


def role_after(text: str, end: int) -> str:
    """An appositive role after a name: ", a prominent Belarusian analyst,", ", director of
    …," (without an article the role word comes first, or after a possessive: ", Ukraine's
    foreign minister,") or " is the …"."""
    window = text[end : end + 200]
    bare = BARE_ROLE.match(window)
    lead = bare.group(1).split()[:2] if bare else []
    if len(lead) == 2 and OWNER.fullmatch(lead[0]):
        lead = lead[1:]
    match = (
        ARTICLE_ROLE.match(window)
        or (bare if lead and lead[0].lower() in ROLE_START else None)
        or COPULA_ROLE.match(text[end : end + 220])
    )
    if match and any(w.lower() in ROLE_WORDS for w in re.findall(r"[\w-]+", match.group(1))):
        return " ".join(match.group(1).split())
    return ""


def _spelled_mentions(text: str, registry: Registry) -> list[ActorMention]:
    """Registry persons named in another language's spelling ("Łukašenka", "Peskow"):
    capitalised words the registry does not list whose spelling key is a registry surname's."""
    found = []
    for m in SPELLED_WORD.finditer(text):
        word = m.group()
        if word in registry.by_alias:
            continue
        entry = registry.by_spelling.get(spelling_key(word))
        if entry is not None:
            found.append(_entry_mention(m.start(), m.end(), word, entry, "alias"))
    return found


def _spelled_name(m: ActorMention, registry: Registry) -> ActorMention:
    """A full name found in the text whose surname is a registry person's in another spelling
    ("Swiatłana Cichanouska"): that person, unless the first name makes it a namesake."""
    words = m.actor.split()
    if m.via != "name" or len(words) < 2 or len(words[-1]) < MIN_KEYED:
        return m
    entry = registry.by_spelling.get(spelling_key(words[-1]))
    if entry is None or _namesake(words[0], entry, registry):
        return m
    return replace(m, actor=entry.actor, role=m.role or entry.role, gender=entry.gender)


def _registry_mentions(text: str, registry: Registry) -> list[ActorMention]:
    """Mentions by registry alias (role from the text before the name, else the registry)."""
    found = []
    for m in registry.alias_pattern.finditer(text) if registry.alias_pattern else []:
        entry = registry.by_alias[m.group()]
        before = FIRST_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before is None or not _namesake(before.group(1), entry, registry):
            found.append(_entry_mention(m.start(), m.end(), m.group(), entry, "alias"))
    return found + _spelled_mentions(text, registry)


FIRST_BEFORE = re.compile(r"([A-Z][a-z]+) $")  # the word right before a surname


def _namesake(first: str, entry: Entry, registry: Registry) -> bool:
    """Whether a registry person's surname after the first name ``first`` names someone else
    ("Alexander Medvedev" of Gazprom is not Dmitry Medvedev). Initials are compared, so that
    spellings of one first name ("Sergei", "Sergey", "Siarhei") stay the same person."""
    own = {name[0] for name in (entry.actor, *entry.aliases) if len(name.split()) > 1}
    return entry.actor_type == "person" and first in registry.first_names and first[0] not in own


def _adjacent(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Whether two words stand one space apart on the same line (as the words of a name do)."""
    return right[0] - left[1] == 1 and text[left[1]] != "\n"


def _name_at(text: str, tokens: list[tuple[int, int, str]], i: int) -> int:
    """How many tokens from ``i``, a known first name, form a person's name (0 if none): one
    when a vox pop gives it without a surname ("Ales, a 27-year-old programmer, …", "Nasta,
    29, left …", a paragraph opening "Siarhei drives a lorry …")."""
    first = tokens[i][2]
    if first in NOT_NAME:
        return 0
    if not (first[:1].isupper() and first.isalpha() or "-" in first):
        return 0
    initial = _middle_initial(text, tokens, i)
    n = 1 + initial
    while i + n < len(tokens) and n < 4 and _is_cap(tokens[i + n][2]):
        if not (n == 2 and initial or _adjacent(text, tokens[i + n - 1], tokens[i + n])):
            break
        n += 1
    if n >= 2 + initial:  # not "Karl Marx Street" or "Francisk Skaryna University"
        return 0 if any(t[2] in ORGANISATION_WORDS for t in tokens[i + 1 : i + n]) else n
    if VOX_POP.match(text, tokens[i][1]):
        return 1
    opens_paragraph = tokens[i][0] == 0 or text[tokens[i][0] - 1] == "\n"
    return int(opens_paragraph and VOX_POP_VERB.match(text, tokens[i][1]) is not None)


def _middle_initial(text: str, tokens: list[tuple[int, int, str]], i: int) -> int:
    """1 when a middle initial follows word ``i`` ("Boris N. Yeltsin", as The New York Times
    writes names), else 0: its word is read as adjacent to the surname after it."""
    if i + 2 >= len(tokens):
        return 0
    (_, end, word), (s1, e1, initial), (s2, _, _) = tokens[i], tokens[i + 1], tokens[i + 2]
    one_letter = len(initial) == 1 and initial.isupper()
    spaced = s1 - end == 1 and text[end] == " " and text[e1:s2] == ". "
    return int(one_letter and spaced and word.isalpha())


def _discovered(text: str, registry: Registry, taken: list[tuple[int, int]]) -> list:
    """People not in the registry: known first name + surname, or role + two names."""
    occupied = SpanIndex(taken, lambda s: s)
    found: list[ActorMention] = []
    first = FIRST_LETTER.search(text)
    said = frozenset(
        w
        for w in SPOKEN_BY.findall(text)
        if w not in registry.by_alias and w.lower() not in ROLE_START  # not "the Speaker said"
    )
    for tokens in _word_blocks(text):
        found += _block_people(
            text, tokens, registry, occupied, first.start() if first else 0, said
        )
    if CAPS_NAME.search(text):
        found += _capitals_people(text, registry, occupied)
    return found


CAPS_WORD = r"[A-Z][A-Z’'-]"
CAPS_NAME = re.compile(  # a first name, a second one if any ("ANNA MARIA DYNER"), a surname
    rf"([A-Z](?<![\w’'.-].)[A-Z’'-]+)(?:[ \t]+({CAPS_WORD}+))?[ \t]+({CAPS_WORD}{{2,}})"
    r"(?![\w’'-]|\.\w)"
)


def _registry_person(first: str, surname: str, registry: Registry) -> Entry | None:
    """The registry person a name found in the text is, by surname (not a namesake)."""
    entry = registry.surname_entry(surname)
    return entry if entry is not None and not _namesake(first, entry, registry) else None


def _capitals_people(text: str, registry: Registry, occupied: SpanIndex) -> list[ActorMention]:
    """People whose names a lead or caption sets in capitals, a known first name first
    ("Belarusian Ambassador to Russia VLADIMIR GRIGORYEV told Kommersant's YELENA KARPOVICH")."""
    found = []
    for m in CAPS_NAME.finditer(text):
        words = [g.title() for g in m.groups() if g]
        end = m.end()
        if len(words) == 3 and words[1] not in registry.first_names:
            words, end = words[:2], m.end(2)  # "ALEXANDER LUKASHENKO PRESIDENT": two words
        start, surface = m.start(), text[m.start() : end]
        if words[0] not in registry.first_names or occupied.overlaps(start, end):
            continue
        entry = _registry_person(words[0], words[-1], registry)
        if entry is not None:
            found.append(_entry_mention(start, end, surface, entry, "alias", ""))
            continue
        role = role_before(text, start, registry.stop_words)
        name, gender = " ".join(words), _gender(words[0])
        found.append(ActorMention(start, end, surface, name, "person", role, "name", gender))
    return found


def _block_people(
    text: str,
    tokens: list[tuple[int, int, str]],
    registry: Registry,
    occupied: SpanIndex,
    first_start: int,
    said: frozenset[str] = frozenset(),
) -> list[ActorMention]:
    """The people of :func:`_discovered` in one block of words (``first_start``: where the
    text's first word starts; that word has no role before it; ``said``: the capitalised words
    the text puts right before a verb of speech, such as a surname alone: "Heinemann said")."""
    found: list[ActorMention] = []
    first_names = registry.first_names
    i = 0
    while i < len(tokens):
        word = tokens[i][2]
        if not word[:1].isupper() and "-" not in word:  # starts no name and no capitalised pair
            i += 1
            continue
        if word.lower() in ROLE_WORDS and i + 1 < len(tokens) and _is_cap(tokens[i + 1][2]):
            i += 1  # "Analyst Katia Glod" opening a sentence: the role is no part of the name
            continue
        n = _name_at(text, tokens, i) if word in first_names else 0  # a first name starts one
        pair = (
            i + 1 < len(tokens)
            and _adjacent(text, tokens[i], tokens[i + 1])
            and _is_cap(word)
            and _is_cap(tokens[i + 1][2])
        )
        if not n and not pair:  # neither a name nor a capitalised pair starts here
            i += 1
            continue
        start = tokens[i][0]
        has_before = start > first_start
        role = role_before(text, start, registry.stop_words) if has_before else ""
        if not role and pair and has_before:
            role = _appositive_role(text, tokens, i, registry.stop_words)
        if role and role.split()[-1].lower() in AFFILIATION_WORDS:
            role = ""  # "a senior analyst at Ural Bridge Advisory": the pair is the employer
        next_is_first = i + 1 < len(tokens) and tokens[i + 1][2] in first_names
        if not n and pair and not next_is_first and not _named_body(text, tokens, i):
            n = 2 if role else _speaker_name(text, tokens, i, said)
        if n and not occupied.overlaps(start, tokens[i + n - 1][1]):
            end = tokens[i + n - 1][1]
            end -= 2 if text.endswith(POSSESSIVE, start, end) else 0  # "Mike Pompeo’s stop"
            name = " ".join(text[start:end].split())
            entry = _registry_person(name.split()[0], name.split()[-1], registry)
            if entry is not None:
                found.append(_entry_mention(start, end, text[start:end], entry, "alias", role))
            else:
                role = role or role_after(text, end)
                gender = _gender(name.split()[0])
                found.append(
                    ActorMention(start, end, text[start:end], name, "person", role, "name", gender)
                )
            i += n
            continue
        i += 1
    return found


VOX_POP = re.compile(  # what follows a first name given without a surname: an age, "a student"
    r",[ \t]+(?:\d{1,3},[ \t]+[a-z]|an?[ \t]+(?:\d{1,3}-year-old|[a-z]))"
)
VOX_POP_VERB = re.compile(r"[ \t]+[a-z]+(?:s|ed)\b")  # a paragraph opening "Siarhei drives a lorry"
AFFILIATION_WORDS = frozenset({"at", "of", "from", "with", "for"})
APPOSITION_OPEN = re.compile(r",[ \t]+$")  # "Lithuania's defence minister, Arvydas …"


def _appositive_role(
    text: str, tokens: list[tuple[int, int, str]], i: int, stop: frozenset[str]
) -> str:
    """The role of a name set off by commas after it ("the defence minister, Arvydas
    Anušauskas, told …"): the role phrase before the comma, when a comma closes the name."""
    opened = APPOSITION_OPEN.search(text, max(0, tokens[i][0] - 4), tokens[i][0])
    closed = text[tokens[i + 1][1] : tokens[i + 1][1] + 1] == ","
    return role_before(text, opened.start(), stop) if opened and closed else ""


def _named_body(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the capitalised pair from ``i`` (with a third word next to it) names a body,
    outlet or place, or continues a body's name: no person."""
    third = i + 2 < len(tokens) and _adjacent(text, tokens[i + 1], tokens[i + 2])
    return _organisation(tokens, i, 3 if third else 2) or _body_part(text, tokens[i][0])


def _organisation(tokens: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """Whether the ``n`` capitalised words from ``i`` name a body, outlet or place rather than
    a person ("Chatham House", "Radio Svaboda", "South Korea")."""
    words = [t[2] for t in tokens[i : i + n]]
    return any(w in ORGANISATION_WORDS or not NAME_WORD.fullmatch(w) for w in words)


BODY_BEFORE = re.compile(r"\b([A-Z]\w+)\s+(?:for|of|on)\s+(?:the\s+)?$")  # "Centre for "


def _body_part(text: str, start: int) -> bool:
    """Whether the words at ``start`` continue a body's name ("the Centre for Political
    Analysis", "the Institute of Economic Research"): no person."""
    before = BODY_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1) in ORGANISATION_WORDS


WHO_AFTER = re.compile(r",\s+who\s")  # "Kaja Kallas, who moved to Brussels, …": a person


def _speaker_name(
    text: str, tokens: list[tuple[int, int, str]], i: int, said: frozenset[str] = frozenset()
) -> int:
    """How many tokens from ``i`` (2 or 3) form the name of someone the text reports
    speaking ("Anais Marin said", "says Katia Glod", "Balazs Jarabik, an analyst at …") or
    calls "who" ("Kaja Kallas, who …"), for names neither the registry nor the first-name
    list knows (0 if none)."""
    n = 2
    while (
        n < 3
        and i + n < len(tokens)
        and _is_cap(tokens[i + n][2])
        and _adjacent(text, tokens[i + n - 1], tokens[i + n])
    ):
        n += 1
    if _organisation(tokens, i, n):
        return 0
    start, end = tokens[i][0], tokens[i + n - 1][1]
    if (
        tokens[i + n - 1][2] in said
        or SPEECH_AFTER.match(text, end)
        or SPEECH_BEFORE.search(text, max(0, start - 40), start)
        or WHO_AFTER.match(text, end)
        or role_after(text, end)
    ):
        return n
    return 0


WORD_OR_HYPHEN = re.compile(r"[\w-]")  # what may not touch a surname standing alone


def _standing_alone(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text`` with no word character or hyphen either side, left to
    right and not overlapping (found by substring search: a regex that opens with a
    lookbehind tries every position)."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if (pos == 0 or not WORD_OR_HYPHEN.match(text, pos - 1)) and not WORD_OR_HYPHEN.match(
            text, end
        ):
            yield pos
            pos = text.find(word, end)
        else:
            pos = text.find(word, pos + 1)


def _surname_mentions(text: str, people: dict[str, ActorMention], taken: list) -> list:
    """Later (or earlier) mentions of discovered people by surname alone."""
    found = []
    occupied = SpanIndex(taken, lambda s: s)
    for name, first in people.items():
        surname = name.split()[-1]
        for start in _standing_alone(text, surname):
            if not occupied.overlaps(start, start + 1):
                end = start + len(surname)
                found.append(
                    ActorMention(start, end, surname, name, "person", first.role, "surname",
                                 first.gender)
                )  # fmt: skip
    return found


NAMED_APPOSITIVE = re.compile(r",\s+(?:[a-z-]+\s+){1,4}[A-Z][a-z]+\s+[A-Z][\w’'-]+")


def _description_mentions(
    text: str, registry: Registry, taken: list, published: dt.date | None = None
) -> list:
    """Registry descriptions ("the Belarusian leader") standing for a person: the one who held
    the office on the ``published`` date, if the office's holders are listed."""
    found = []
    occupied = SpanIndex(taken, lambda s: s)
    patterns = [registry.description_pattern]
    if any(form in text for form in MODIFIER_FORMS):  # spare the scan when no modifier is there
        patterns.append(registry.modified_pattern)
    for pattern in patterns:
        for m in pattern.finditer(text) if pattern else []:
            if occupied.overlaps(m.start(), m.end()):
                continue
            after = text[m.end() : m.end() + 40]
            if re.match(r"\s+[A-Z][a-z]", after):  # "Russian President (Vladimir) Putin"
                continue
            entry = registry.description_entry(m)
            named = NAMED_APPOSITIVE.match(after)  # "His Belarusian counterpart, prime minister
            if entry is not None and named and entry.actor.split()[-1] not in named.group():
                continue  # Roman Golovchenko, …": the name after the comma is someone else's
            if entry is not None:
                found.append(_holder_mention(m, entry, published))
    return found


def _holder_mention(m: re.Match, entry: Entry, published: dt.date | None) -> ActorMention:
    """A description's mention of the entry, or of whoever held its office on ``published``."""
    holder = holder_on(entry.role, published)
    if holder is None or holder.actor == entry.actor:
        return _entry_mention(m.start(), m.end(), m.group(), entry, "description")
    return ActorMention(
        m.start(), m.end(), m.group(), holder.actor, "person", entry.role, "description",
        holder.gender,
    )  # fmt: skip


def _titled(d: ActorMention, mentions: list[ActorMention]) -> ActorMention:
    """A registry description given to someone the text named earlier with it as their title
    ("Foreign Minister Maxim Ryzhenkov … the Belarusian foreign minister"): that person."""
    said = " ".join(d.text.lower().split())
    titled = [
        m
        for m in mentions
        if m.actor_type == "person" and m.start < d.start and said in m.role.lower()
    ]
    if not titled:
        return d
    m = titled[-1]
    return ActorMention(d.start, d.end, d.text, m.actor, "person", m.role, d.via, m.gender)


def _mention_span(m: ActorMention) -> tuple[int, int]:
    """A mention's (start, end)."""
    return m.start, m.end


def _described(
    text: str, registry: Registry, mentions: list, published: dt.date | None = None
) -> list[ActorMention]:
    """``mentions`` with the descriptions added; one that holds a place or body ("President
    of Belarus") replaces it when the person it describes is named in the text."""
    named = {m.actor for m in mentions if m.actor_type == "person"}
    others = SpanIndex([m for m in mentions if m.actor_type != "person"], _mention_span)
    people_at = [(m.start, m.end) for m in mentions if m.actor_type == "person"]
    described = [
        _titled(d, mentions) if d.actor not in named else d
        for d in _description_mentions(text, registry, people_at, published)
        if d.actor in named or not others.overlaps(d.start, d.end)
    ]
    inside = SpanIndex(described, _mention_span)
    return [m for m in mentions if not inside.overlaps(m.start, m.end)] + described


GENERIC_NOUN = phrase_alternation(GENERIC_NOUNS, space=" ")  # longest first, one space between
AGE = r"\d{1,3}-year-old"  # "the 67-year-old said": whoever was named last
DESCRIBING = phrase_alternation(ROLE_MODIFIERS | DESCRIPTION_MODIFIERS)
GENERIC = re.compile(  # "the analyst", "the veteran analyst", "the Belarusian foreign minister"
    # (not a title before a name: "the opposition leader Sviatlana Tsikhanouskaya")
    rf"(?-i:[Tt])(?<!\w.)(?:he|his|hat|he\s+country[’']s)\s+((?:(?:{DESCRIBING})\s+){{0,2}}?"
    rf"(?:political\s+)?(?:{GENERIC_NOUN}|{AGE}))\b(?!\s+(?:of|to|for)\b|(?-i:\s+[A-Z][a-z])"
    rf"|\s+(?:{phrase_alternation(DESCRIPTION_COMPOUNDS)})\b)",  # not "the expert groups"
    re.IGNORECASE,
)
GENERIC_HEAD = re.compile(rf"(?:political\s+)?(?:{GENERIC_NOUN}|{AGE})$")
PRONOUN = re.compile(  # he, him, his, she, her (ſ: the long s that IGNORECASE takes for s)
    r"((?-i:[HhSsſ])(?<!\w.)(?:(?<=[Hh])(?:e|im|is|er)|(?<=[Ssſ])he))\b", re.IGNORECASE
)
HEAD_OF_STATE = r"(?:[\w-]+\s+)?(?:president|head\s+of\s+state|leader)\b"
PAIR_TITLES = {  # what the role of each of "the two presidents" (…) starts with
    "presidents": re.compile(r"(?:[\w-]+\s+)?president\b", re.IGNORECASE),
    "heads of state": re.compile(HEAD_OF_STATE, re.IGNORECASE),
    "leaders": re.compile(HEAD_OF_STATE, re.IGNORECASE),
}
PAIR = re.compile(  # two people named together just before: "the two leaders", "the pair"
    r"[TtBb](?<!\w.)(?:(?:(?<=[Tt])he\s+two|(?<=[Bb])oth)\s+"
    r"(leaders|presidents|heads\s+of\s+state|men)\b|(?<=[Tt])he\s+(pair)\b)"
)
FORMER = re.compile(
    r"[Tt](?<!\w.)he\s+(former|latter)\b(?=\s*[,;.)]|\s+(?:\w+ly\s+)?(?:has|had|have|is|was|"
    r"were|will|would|can|could|did|does|also|then|\w+ed|says|insists|argues|claims|believes|"
    r"thinks|notes|adds|warns|stresses|wants|sees|holds|remains)\b)"
)


APPOSITION_TO = re.compile(r",\s+(?:(?!who\b|which\b|that\b)[^,.;:!?\n]){0,100}$")


def _named_after(text: str, m: re.Match, named: SpanIndex) -> bool:
    """Whether a description is followed by the name of the one it describes ("the political
    scientist, the director of the Centre of Eurasian Studies Sergey Voronin")."""
    after = named.within(m.end(), m.end() + 160)[:1]
    return bool(after) and APPOSITION_TO.fullmatch(text, m.end(), after[0].start) is not None


@lru_cache(maxsize=1)
def _home_heads() -> tuple[tuple[str, re.Pattern], ...]:
    """(head of state, outlet regex) of the state media in ``home_heads.txt``."""
    return tuple((name, re.compile(regex)) for name, regex in read_named_lexicon("home_heads.txt"))


def home_head(
    outlet: str, published: dt.date | None = None, registry: Registry | None = None
) -> str:
    """The head of state a state outlet calls "the head of state" ("" for any other): on the
    ``published`` date, whoever then held the office of the head the lexicon names."""
    folded = outlet.lower()
    name = next((name for name, regex in _home_heads() if folded and regex.search(folded)), "")
    entry = (registry or load_registry()).by_alias.get(name) if name else None
    holder = holder_on(entry.role, published) if entry is not None else None
    return holder.actor if holder is not None else name


def _references(text: str, mentions: list[ActorMention], taken: list, home: str = "") -> list:
    """Generic descriptions and pronouns resolved to the latest fitting person."""
    quoted = SpanIndex(find_quoted(text), lambda q: (q.open, q.close))
    people = sorted(
        (m for m in mentions if m.actor_type == "person" and quoted.containing(m.start) is None),
        key=lambda m: m.start,
    )
    occupied = SpanIndex(taken, lambda s: s)
    named = SpanIndex([m for m in people if m.via in ("name", "alias")], lambda m: (m.start, m.end))
    candidates = [
        (m, "generic") for m in GENERIC.finditer(text) if not _named_after(text, m, named)
    ]
    candidates += [(m, "pronoun") for m in PRONOUN.finditer(text)]
    if "former" in text or "latter" in text:  # every match holds one: spare the scan
        candidates += [(m, "former") for m in FORMER.finditer(text)]
    candidates += [(m, "pair") for m in PAIR.finditer(text)]
    refs: list[ActorMention] = []
    recent: list[ActorMention] = []  # the latest persons and references, oldest first
    described: dict[str, str] = {}  # whom each description last named as a subject
    topic = None
    i = 0
    for m, via in sorted(candidates, key=lambda c: c[0].start()):
        while i < len(people) and people[i].end <= m.start():
            recent = (recent + [people[i]])[-RECENT:]
            i += 1
        if occupied.overlaps(m.start(), m.end()):
            continue
        if via == "pair":
            refs += [_refer(m, person, via) for person in _last_two(recent, m.group(1))]
            continue
        pool = recent
        if via == "pronoun" and (own := _turn_speaker(text, recent, m.start())) is not None:
            pool = [p for p in recent if p.actor != own]  # "Latushka: … he …" is someone else
        key = " ".join(m.group(1).lower().split())
        target = _described_before(pool, described.get(key), key) if via == "generic" else None
        if target is None:
            target = _antecedent(pool, m.group(1).lower(), via)
            if target is not None and via in ("pronoun", "generic"):
                target = _prefer_subject(text, pool, target, m, via, _cue_start(text, quoted, m))
            if target is not None and via == "generic" and key in TOPIC_TITLES:
                topic = topic if topic is not None else _topic(text, people, home)
                target = _topical(pool, target, topic, key)
        if target is not None:
            if via == "generic" and _opens_sentence(text, m.start()):
                described[key] = target.actor  # a subject, not "assured the president"
            ref = _refer(m, target, via)
            refs.append(ref)
            recent = (recent + [ref])[-RECENT:]
    return refs


STAFF_NOUNS = ("press secretary", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser",
               "advisor")  # fmt: skip
STAFF_NOUN = phrase_alternation(STAFF_NOUNS, space=" ")
STAFF_WORDS = ("secretary", "spokes", "aide", "advis")  # what every staff noun holds
STAFF_HEAD = rf"({STAFF_NOUN})\s+(?:of|to|for)\s+(?:the\s+)?"  # "press secretary of the "
STAFF_OF = re.compile(rf"(?<=\b[Tt]he ){STAFF_HEAD}")  # "the press secretary of the Russian leader"
STAFF_PHRASE = re.compile(rf"[Tt]he {STAFF_HEAD}.+", re.DOTALL)  # with its possessor


def _serves(person: ActorMention, possessor: ActorMention) -> bool:
    """Whether ``person`` may be on ``possessor``'s staff: someone else, whose role names no
    other country than the possessor's ("Press Secretary of the President of Russia" is not
    the Belarusian leader's press secretary)."""
    others = _demonyms_in(person.role.lower()) - _demonyms_in(possessor.role.lower())
    return person.actor != possessor.actor and not others


def _staff_references(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """A staff phrase ("the press secretary of the Russian leader") as the latest person named
    earlier who holds that post under that leader (none if nobody fits: the leader stays)."""
    if not any(word in text for word in STAFF_WORDS):  # spare the scan: its lookbehind is slow
        return []
    people = [m for m in mentions if m.actor_type == "person"]
    at = {m.start: m for m in people}
    named = SpanIndex([m for m in people if m.via in ("name", "alias")], _mention_span)
    refs = []
    for m in STAFF_OF.finditer(text):
        possessor = at.get(m.end())
        if possessor is None:
            continue
        phrase = STAFF_PHRASE.fullmatch(text, m.start() - len("the "), possessor.end)
        if phrase is None or _named_after(text, phrase, named):
            continue  # "the spokesman for Putin, Dmitry Peskov": the name is given
        prior = [p for p in people if p.end <= phrase.start() and _serves(p, possessor)][-RECENT:]
        target = _antecedent(prior, " ".join(m.group(1).lower().split()), "generic")
        if target is not None:
            refs.append(_refer(phrase, target, "generic"))
    return refs


TOPIC_TITLES = frozenset({"president", "head of state"})


def _topic(text: str, people: list[ActorMention], home: str = "") -> str:
    """The person the article is about: the outlet's own head of state if named (state media's
    "the Head of State"), else the first one named as a sentence's subject."""
    if home and any(p.actor == home for p in people):
        return home
    return next((p.actor for p in people if p.via not in REFERENCES and _subject_of(text, p)), "")


def _topical(
    prior: list[ActorMention], target: ActorMention, topic: str, word: str
) -> ActorMention:
    """For a bare title ("the head of state") that two recent people fit, the article's topic."""
    if not topic or target.actor == topic:
        return target
    latest = next((p for p in reversed(prior) if p.actor == topic), None)
    return latest if latest is not None and _antecedent([latest], word, "generic") else target


SENTENCE_END = re.compile(  # not "Aug. 9", "U.S. officials"
    r"[.!?…\n](?:(?<=[.!?…])[\"”»’]?\s+(?![a-z\d])|(?<=\n)\s*)"
)
SUBJECT_LEAD = re.compile(  # what may stand before a sentence's subject: "In particular, the"
    r"(?:\d{1,3}/\d{1,3}\s+|[•▪*]\s*)?"  # a thread's tweet counter ("4/14") or a bullet
    r"(?:[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3},\s*)?(?:[Aa]ccording\s+to\s+)?(?:[Tt]he\s+)?"
    r"(?:[A-Z][\w’'-]*\s+){0,3}"
)


PASSIVE_AGENT = re.compile(  # "This was stated by Belarus President ": the agent is the subject
    r"\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?[a-z]+\s+by\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,4}$"
)


QUOTE_TO_CUE = re.compile(r"\s*[,—–-]?\s*")  # between a closing mark and its cue


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (looking back at most 400 characters)."""
    start = max(0, pos - 400)
    for end in SENTENCE_END.finditer(text, start, pos):
        start = end.end()
    return start


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a mention at ``start`` stands where its sentence's subject does: only an
    introductory phrase, "the" or title words before it, or the agent of a passive verb."""
    here = _sentence_start(text, start)
    return bool(
        SUBJECT_LEAD.fullmatch(text, here, start) or PASSIVE_AGENT.search(text, here, start)
    )


def is_possessor(text: str, m: ActorMention) -> bool:
    """Whether ``m`` is a possessor: "Putin's" as one mention, or "Putin" before an apostrophe."""
    return m.text.endswith(POSSESSIVE) or text[m.end : m.end + 1] in ("'", "’")


def _described_before(
    prior: list[ActorMention], actor: str | None, word: str
) -> ActorMention | None:
    """The person a description referred to last time, if still among the recent people: a
    text keeps calling one person "the head of state" even after naming another president."""
    if actor is None:
        return None
    latest = next((p for p in reversed(prior) if p.actor == actor), None)
    return latest if latest is not None and _antecedent([latest], word, "generic") else None


def _subject_of(text: str, m: ActorMention) -> bool:
    """Whether ``m`` is its sentence's subject: it opens the sentence, or a reporting verb
    follows it ("…, Belarusian President Aleksandr Lukashenko told reporters")."""
    if is_possessor(text, m):
        return False  # "Zelensky's adviser X wrote": the possessor is no subject
    if m.via == "pronoun" and m.text.lower() not in ("he", "she"):
        return False  # "In his opening remarks Putin said": "his" is no subject, Putin is
    return _opens_sentence(text, m.start) or SUBJECT_SPEAKS.match(text, m.end) is not None


def _cue_start(text: str, quoted: SpanIndex, m: re.Match) -> int:
    """Where the cue holding ``m`` starts: the opening mark of a quote that ends right before
    it ("“…,” he told the Russian leader"), else ``m`` itself."""
    before = quoted.before(m.start(), 1)
    if before and QUOTE_TO_CUE.fullmatch(text, before[-1].close + 1, m.start()):
        return before[-1].open
    return m.start()


def _prefer_subject(
    text: str, prior: list[ActorMention], target: ActorMention, m: re.Match, via: str, at: int
) -> ActorMention:
    """For a reference opening its sentence (or the cue of a quote that opens it: ``at``),
    the subject of the sentence before when it fits too and the latest person is not that
    subject ("X held talks with Y. He noted …": X)."""
    here = _sentence_start(text, at)
    if SUBJECT_LEAD.fullmatch(text, here, at) is None or target.start >= here:
        return target
    for _ in range(2):  # the sentence before, or the one before it if it names nobody
        back = here
        while (via == "generic" or at < m.start()) and back > 0 and text[back - 1].isspace():
            back -= 1  # a description may look over the paragraph break ("The head of state …"),
            # as may a pronoun in the cue of a quote that opens it ("“…,” she added, “…”")
        previous = _sentence_start(text, max(0, back - 1))
        if not text[previous:here].strip() or any(previous <= p.start < here for p in prior):
            break  # (a pronoun does not look over a paragraph break)
        here = previous
    if target.start < previous:
        return target  # the latest person is further back: no sentence subject to prefer
    opener = next((p for p in prior if previous <= p.start < here and _subject_of(text, p)), None)
    if opener is None or opener.actor == target.actor:
        return target
    return opener if _antecedent([opener], m.group(1).lower(), via) is not None else target


TURN_LABEL = re.compile(r"(?:\*\*|__)?[ \t]*:")  # what follows the name of a turn's label


def _turn_speaker(text: str, prior: list[ActorMention], pos: int) -> str | None:
    """The person whose label opens the paragraph holding ``pos`` ("Latushka: I believe he
    …"), if any: a speaker does not call themselves "he" or "she"."""
    line = text.rfind("\n", 0, pos) + 1
    for p in reversed(prior):
        if p.start < line:
            return None
        if TURN_LABEL.match(text, p.end) and not text[line : p.start].strip(" \t*_"):
            return p.actor
    return None


def _refer(m: re.Match, person: ActorMention, via: str) -> ActorMention:
    """A reference at ``m`` to ``person``."""
    return ActorMention(
        m.start(), m.end(), m.group(), person.actor, "person", person.role, via, person.gender
    )


def _last_two(prior: list[ActorMention], noun: str | None = None) -> list[ActorMention]:
    """The last two different people named (not referred to), in order ([] if fewer); for
    "the two presidents" or "leaders", the last two whose role is that."""
    title = PAIR_TITLES.get(" ".join((noun or "").lower().split()))
    pair: list[ActorMention] = []
    for person in reversed([p for p in prior if p.via not in REFERENCES]):
        if title and not title.match(person.role):
            continue
        if person.actor not in [p.actor for p in pair]:
            pair.insert(0, person)
        if len(pair) == 2:
            return pair
    return []


def _antecedent(prior: list[ActorMention], word: str, via: str) -> ActorMention | None:
    """The latest person a pronoun or generic description can refer to."""
    if via == "former":  # "the former" / "the latter" of the last two people named
        pair = _last_two(prior)
        return (pair[0] if word == "former" else pair[1]) if pair else None
    if via == "pronoun":
        gender = PRONOUNS[word]
        fitting = [p for p in prior if p.gender in ("", gender)]
        return fitting[-1] if fitting else None
    head = GENERIC_HEAD.search(word)
    modifiers = word[: head.start()].split() if head else []
    noun = word.split()[-1]
    fitting = (
        [p for p in prior if _modifiers_fit(modifiers, p.role.lower())] if modifiers else prior
    )
    if re.fullmatch(AGE, noun):
        return fitting[-1] if fitting else None
    for person in reversed(fitting):
        role = person.role.lower()
        if any(key in role for key in ROLE_SYNONYMS.get(noun, (noun,))):
            return person
    if noun in {n.split()[-1] for n in EXPERT_NOUNS}:  # not a president or a minister
        experts = [
            p
            for p in fitting
            if p.via in ("name", "surname", "generic") and not OFFICIAL_ROLE.search(p.role)
        ]
        return experts[-1] if experts else None
    return None


OFFICIAL_ROLE = re.compile(
    r"(?i)\b(?:president|minister|premier|chancellor|secretary|spokes\w*|ambassador|governor)\b"
)


def _demonyms_in(role: str) -> set[str]:
    """The demonyms whose stem a (lower-case) role holds: the countries it names ("russi" in
    "president of russia")."""
    return {d for d in DEMONYMS if d[:STEM] in role}


def _modifiers_fit(modifiers: list[str], role: str) -> bool:
    """Whether the words before a description's noun fit a person's (lower-case) role: each
    is in the role ("the opposition leader"), says nothing of it ("the veteran analyst"), or
    is a demonym where the role names no other ("the Belarusian analyst")."""
    named = _demonyms_in(role)
    return all(
        w in DESCRIPTION_MODIFIERS or w[:STEM] in role or (w in DEMONYMS and not named)
        for w in modifiers
    )


def _same_pair(a: ActorMention, b: ActorMention) -> bool:
    """Whether two mentions are the two people of one "the two leaders"."""
    return a.via == b.via == "pair" and (a.start, a.end) == (b.start, b.end)


def _drop_overlaps(mentions: list[ActorMention]) -> list[ActorMention]:
    """Keep the earliest, longest mention where two overlap."""
    kept: list[ActorMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end and not _same_pair(m, kept[-1]):
            continue
        kept.append(m)
    return kept


def _shared_roles(mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions, a discovered person's name given without a role ("Natallia Radzina:" in a
    headline) given the role the text gives that person elsewhere."""
    roles: dict[str, str] = {}
    for m in mentions:
        if m.via == "name" and m.role:
            roles.setdefault(m.actor, m.role)
    return [
        replace(m, role=roles[m.actor])
        if m.via == "name" and not m.role and m.actor in roles
        else m
        for m in mentions
    ]


def find_actors(
    text: str,
    registry: Registry | None = None,
    outlet: str = "",
    published: dt.date | None = None,
) -> list[ActorMention]:
    """Every actor mention in ``text``, in order, with canonical names (``outlet``: the
    article's outlet, whose own head of state a bare "the head of state" may be;
    ``published``: its date, on which "the Russian president" held that office).

    >>> [m.actor for m in find_actors("Alyaksandr Lukashenka met Putin.")]
    ['Alexander Lukashenko', 'Vladimir Putin']
    """
    registry = registry or load_registry()
    known = _drop_overlaps(_registry_mentions(text, registry))
    taken = [(m.start, m.end) for m in known]
    discovered = [_spelled_name(m, registry) for m in _discovered(text, registry, taken)]
    mentions = _drop_overlaps(known + discovered)
    taken = [(m.start, m.end) for m in mentions]
    mentions = _shared_roles(mentions)
    people = {}
    for m in mentions:
        full = m.via == "name" or (m.via == "alias" and len(m.text.split()) > 1)
        if full and m.actor_type == "person" and m.actor not in people:
            people[m.actor] = m  # named in full: the surname alone names them after
    mentions = _drop_overlaps(mentions + _surname_mentions(text, people, taken))
    mentions = _drop_overlaps(_described(text, registry, mentions, published))
    mentions = _drop_overlaps(mentions + _staff_references(text, mentions))
    taken = [(m.start, m.end) for m in mentions]
    home = home_head(outlet, published, registry)
    return _drop_overlaps(mentions + _references(text, mentions, taken, home))
