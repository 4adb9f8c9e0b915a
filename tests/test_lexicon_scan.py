"""One pass over a text matches each word-bounded lexicon regex as its own finditer does."""

from __future__ import annotations

from conftest import article_texts

from summitlib.learning.features import CUE_SCAN, MODAL_SCAN, RELATION_SCAN, TARGET_SCAN, fold
from summitlib.text.lexicon_scan import alternatives, lexicon_scan, scan_matches


def finditer_spans(scan, text: str) -> dict[int, list[tuple[int, int]]]:
    """Each regex's match spans from its own finditer, for the regexes that match."""
    spans = {i: [m.span() for m in p.finditer(text)] for i, p in enumerate(scan.patterns)}
    return {i: found for i, found in spans.items() if found}


def scan_spans(scan, text: str) -> dict[int, list[tuple[int, int]]]:
    """Each regex's match spans from the scan."""
    return {i: [m.span() for m in found] for i, found in scan_matches(scan, text).items()}


def test_alternatives_split_only_outside_groups_and_classes():
    assert alternatives(r"a(?:b|c)|[|]d|e\|f|g") == ["a(?:b|c)", "[|]d", r"e\|f", "g"]


def test_an_opening_group_is_distributed_and_other_openings_are_tried_everywhere():
    scan = lexicon_scan([r"(?:back\s+)?on\s+the\s+agenda", r"(?:no|nothing)\s+new", r"\w+ism"])
    assert scan.anywhere == (2,)
    assert scan.by_letter == {"b": (0, 2), "o": (0, 2), "n": (1, 2)}
    text = "nothing new is back on the agenda, and on the agenda, says realism"
    assert scan_spans(scan, text) == finditer_spans(scan, text) != {}


def test_the_stance_lexicons_scan_as_their_regexes_match_on_every_fixture_article():
    texts = [fold(text) for text in article_texts()]
    texts.append("in no hurry, don't think so; n't have any other choice. union state-union")
    for scan in (CUE_SCAN, TARGET_SCAN, RELATION_SCAN, MODAL_SCAN):
        for text in texts:
            assert scan_spans(scan, text) == finditer_spans(scan, text)
