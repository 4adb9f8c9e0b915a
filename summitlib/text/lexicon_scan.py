"""Many word-bounded lexicon regexes matched in one pass over a text.

Each regex is matched as ``\\b(?:regex)\\b``. A scan first stops wherever any of them matches
(one regex whose alternatives are grouped by the letter they open with, so that at each word
only those of its first letter are tried) and there tries only the regexes that can begin with
the letter found. Each regex's matches are those its own ``finditer`` gives: left to right and
not overlapping one another.
"""

from __future__ import annotations

import re
from typing import NamedTuple

REGEX_TOKEN = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|\(\?:|[()|]")
QUANTIFIERS = ("*", "+", "?", "{")


class LexiconScan(NamedTuple):
    """Word-bounded regexes, where any of them starts, and which to try at each first letter."""

    patterns: tuple[re.Pattern[str], ...]
    starts: re.Pattern[str]
    by_letter: dict[str, tuple[int, ...]]
    anywhere: tuple[int, ...]


def alternatives(regex: str) -> list[str]:
    """The top-level alternatives of a regex (split at ``|`` outside groups and classes)."""
    parts, depth, last = [], 0, 0
    for token in REGEX_TOKEN.finditer(regex):
        if token.group() in ("(", "(?:"):
            depth += 1
        elif token.group() == ")":
            depth -= 1
        elif token.group() == "|" and depth == 0:
            parts.append(regex[last : token.start()])
            last = token.end()
    return [*parts, regex[last:]]


def _group_end(regex: str) -> int:
    """Where the group that opens a regex closes (the index after its ``)``; -1 if never)."""
    depth = 0
    for token in REGEX_TOKEN.finditer(regex):
        if token.group() in ("(", "(?:"):
            depth += 1
        elif token.group() == ")":
            depth -= 1
            if depth == 0:
                return token.end()
    return -1


def _spelled_out(alternative: str) -> list[str]:
    """An alternative with its opening non-capturing group (plain or optional) distributed:
    ``(?:a|b)?c`` is ``ac``, ``bc`` and ``c``; the same matches, each opening with a letter."""
    if not alternative.startswith("(?:"):
        return [alternative]
    end = _group_end(alternative)
    after = alternative[end : end + 1]
    if end < 0 or (after in QUANTIFIERS and after != "?"):
        return [alternative]
    inner, rest = alternative[3 : end - 1], alternative[end + (after == "?") :]
    spelled = [each for inside in alternatives(inner) for each in _spelled_out(inside + rest)]
    return spelled + _spelled_out(rest) if after == "?" else spelled


def _first_letter(alternative: str) -> str:
    """The letter every match of an alternative begins with ('' when it may begin otherwise)."""
    plain = alternative[:1].isalpha() and alternative[1:2] not in QUANTIFIERS
    return alternative[0] if plain else ""


def lexicon_scan(regexes: list[str]) -> LexiconScan:
    """The scan of word-bounded ``regexes`` (lexicon lines, matched on folded text)."""
    by_letter: dict[str, set[int]] = {}
    rests: dict[str, list[str]] = {}
    others: list[str] = []
    anywhere: set[int] = set()
    for index, regex in enumerate(regexes):
        for alternative in (s for a in alternatives(regex) for s in _spelled_out(a)):
            if letter := _first_letter(alternative):
                by_letter.setdefault(letter, set()).add(index)
                rests.setdefault(letter, []).append(alternative[1:])
            else:
                anywhere.add(index)
                others.append(rf"(?:{alternative})\b")
    grouped = [rf"{letter}(?:{'|'.join(parts)})\b" for letter, parts in rests.items()]
    return LexiconScan(
        tuple(re.compile(rf"\b(?:{regex})\b") for regex in regexes),
        re.compile(rf"\b(?={'|'.join(grouped + others)})"),
        {letter: tuple(sorted(found | anywhere)) for letter, found in by_letter.items()},
        tuple(sorted(anywhere)),
    )


def scan_matches(scan: LexiconScan, text: str) -> dict[int, list[re.Match[str]]]:
    """Each regex's matches in ``text`` by its index (regexes that match, in no set order)."""
    found: dict[int, list[re.Match[str]]] = {}
    for start in scan.starts.finditer(text):
        at = start.start()
        for index in scan.by_letter.get(text[at : at + 1], scan.anywhere):
            earlier = found.get(index)
            if earlier and at < earlier[-1].end():
                continue
            if match := scan.patterns[index].match(text, at):
                found.setdefault(index, []).append(match)
    return found
