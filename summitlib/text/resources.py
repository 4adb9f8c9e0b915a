"""Language resources loaded offline: NLTK's Punkt sentence model and VADER.

Nothing here downloads. The Punkt parameters ship with summitlib (``data/nltk_data``) and
their folder is added to ``nltk.data.path`` so that NLTK's own loader finds them. VADER is
the authors' reference implementation, the ``vaderSentiment`` package from PyPI, with the
lexicon it installs: it handles negation such as "poses no threat" and quoted words, where
NLTK's port does not, and is about three times faster.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # NLTK and VADER are imported on first use: NLTK takes a second to load
    from nltk.tokenize import PunktTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def nltk_data_dir() -> Path:
    """The folder of NLTK data that ships inside summitlib."""
    return Path(str(resources.files("summitlib") / "data" / "nltk_data"))


def vader_lexicon_dir() -> Path:
    """The folder holding ``vader_lexicon.txt`` from the vaderSentiment package."""
    import vaderSentiment

    return Path(vaderSentiment.__file__).parent


def _register(path: Path) -> None:
    """Put a folder at the front of NLTK's search path, once."""
    import nltk

    if str(path) not in nltk.data.path:
        nltk.data.path.insert(0, str(path))


@lru_cache(maxsize=1)
def punkt() -> PunktTokenizer:
    """NLTK's Punkt sentence tokenizer with the bundled English parameters."""
    from nltk.tokenize import PunktTokenizer

    _register(nltk_data_dir())
    return PunktTokenizer("english")


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    """The VADER analyzer of the vaderSentiment package (its lexicon ships with it)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=8192)
def tone(text: str) -> float:
    """General sentiment of a text: VADER's compound score in [-1, 1] (memoised: a clause
    that is a whole sentence is scored once)."""
    return float(vader().polarity_scores(text)["compound"])


WORD_ONLY = re.compile(r"\w+(?:[-'’.]\w+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the word tokens (not punctuation) in ``text``."""
    return [m.span() for m in WORD_ONLY.finditer(text)]


def word_count(text: str) -> int:
    """How many word tokens ``text`` has (as :func:`word_spans` finds them): the number of
    deletions ``subn`` counts, which spares a match object per word and keeps no list."""
    return WORD_ONLY.subn("", text)[1]
