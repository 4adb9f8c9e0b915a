"""The reporting-verb lexicon: the cues that tie speech to a speaker, in all their forms.

Read from ``data/lexicons/reporting_verbs.txt`` (its header explains the format and tags);
quotations (:mod:`summitlib.extract.quotes`) and the discovery of people not in the registry
(:mod:`summitlib.extract.actors`) both use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from summitlib.paths import lexicons_dir

REPORTING_VERBS = lexicons_dir() / "reporting_verbs.txt"


@dataclass(frozen=True)
class Lexicon:
    """The reporting verbs by use: finite forms, participles, the forms that are a cue only
    after a quotation (``@after``) and their tags' forms."""

    finite: tuple[str, ...]
    participles: tuple[str, ...]
    tagged: dict[str, frozenset[str]]
    after_quote: tuple[str, ...] = ()

    def forms(self, tag: str) -> frozenset[str]:
        """Every form (finite or participle) of the verbs with this tag."""
        return self.tagged.get(tag, frozenset())


def _inflect(base: str) -> list[str]:
    """Third person, past and -ing forms of a regular verb (first word of a phrase)."""
    head, _, rest = base.partition(" ")
    rest = f" {rest}" if rest else ""
    if re.search(r"(?:s|sh|ch|x|z|o)$", head):
        third = head + "es"
    elif re.search(r"[^aeiou]y$", head):
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past, ing = head + "d", (head[:-1] if not head.endswith(("ee", "ie")) else head) + "ing"
    elif re.search(r"[^aeiou]y$", head):
        past, ing = head[:-1] + "ied", head + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    return [f + rest for f in (third, past, ing)]


@lru_cache(maxsize=4)
def load_reporting_verbs(path: str | None = None) -> Lexicon:
    """The reporting-verb lexicon (``data/lexicons/reporting_verbs.txt`` or ``path``)."""
    finite: list[str] = []
    participles: list[str] = []
    after_quote: list[str] = []
    tagged: dict[str, set[str]] = {}
    text = Path(path or REPORTING_VERBS).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        tags = set(re.findall(r"@(\w+)", line))
        line = re.sub(r"@\w+", "", line).strip()
        base, _, explicit = (part.strip() for part in line.partition("="))
        forms = [f.strip() for f in explicit.split(",") if f.strip()] or _inflect(base)
        if "nobase" not in tags:
            forms.insert(0, base)
        for form in forms:
            head = form.split(" ", 1)[0]
            kind = participles if head.endswith("ing") and head != "bring" else finite
            kind = after_quote if "after" in tags else kind
            if form not in kind:
                kind.append(form)
            for tag in tags:
                tagged.setdefault(tag, set()).add(form)
    return Lexicon(
        tuple(finite),
        tuple(participles),
        {k: frozenset(v) for k, v in tagged.items()},
        tuple(after_quote),
    )
