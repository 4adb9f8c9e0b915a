"""A corpus: a root folder with ``articles/*.txt``, ``metadata.csv`` and optionally ``summits.csv``.

Modelled on NLTK's plaintext corpus reader: a root plus file ids, with views over each
document (raw text, cleaned text, sentences, words). Loading validates the folder against the
annotation contract (see :mod:`summitlib.corpus.checks`) and never writes into it.

>>> from summitlib import load_corpus
>>> corpus = load_corpus("corpus")
>>> corpus.doc_ids[:1]
['2019-03-01-moscow-times']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from summitlib.corpus.checks import CheckedCorpus, check_corpus
from summitlib.corpus.cleaning import CleanText, clean_text
from summitlib.corpus.record import CheckRecord
from summitlib.paths import default_corpus_dir


@dataclass(frozen=True)
class Document:
    """One article: its metadata and a view of its file (read on demand)."""

    doc_id: str
    file: str
    path: Path
    published: dt.date
    sha256: str
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def raw(self) -> str:
        """The article exactly as stored (the text that all offsets point into)."""
        return self.path.read_bytes().decode("utf-8")

    def cleaned(self) -> CleanText:
        """The article without scraping debris, with a map back to raw offsets."""
        return clean_text(self.raw)


class Corpus:
    """A validated corpus folder, with per-document views and a documents table."""

    def __init__(self, checked: CheckedCorpus):
        self.root = checked.root
        self.summits = checked.summits
        self._docs = {
            row["doc_id"]: Document(
                doc_id=row["doc_id"],
                file=row["file"],
                path=path,
                published=dt.date.fromisoformat(row["published"]),
                sha256=sha,
                meta=dict(row),
            )
            for row, sha, path in zip(checked.rows, checked.sha256, checked.paths, strict=True)
        }
        self.warnings = checked.warnings
        self.columns = checked.columns

    def __len__(self) -> int:
        """Number of articles."""
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        """The documents, in publication order (ties by doc_id)."""
        return iter(sorted(self._docs.values(), key=lambda d: (d.published, d.doc_id)))

    def __getitem__(self, doc_id: str) -> Document:
        """The document with this ``doc_id``."""
        return self._docs[doc_id]

    def __repr__(self) -> str:
        """Root and size, for the notebook."""
        return f"<Corpus {self.root} with {len(self)} articles>"

    @property
    def doc_ids(self) -> list[str]:
        """Document ids in publication order."""
        return [d.doc_id for d in self]

    def fileids(self) -> list[str]:
        """Article file names (relative to ``articles/``) in publication order."""
        return [d.file for d in self]

    def raw(self, doc_id: str) -> str:
        """The raw text of one article."""
        return self[doc_id].raw

    def clean(self, doc_id: str) -> str:
        """The cleaned text of one article."""
        return self[doc_id].cleaned().text

    def sents(self, doc_id: str) -> list[str]:
        """The sentences of one article (from its cleaned text)."""
        from summitlib.text.sentences import split_sentences  # NLTK: loaded only when needed

        text = self.clean(doc_id)
        return [text[s:e] for s, e in split_sentences(text)]

    def words(self, doc_id: str) -> list[str]:
        """The word tokens of one article (from its cleaned text)."""
        from summitlib.text.resources import word_spans

        text = self.clean(doc_id)
        return [text[s:e] for s, e in word_spans(text)]

    @cached_property
    def documents(self) -> pd.DataFrame:
        """One row per article: every metadata column, ``sha256``, the raw and the cleaned text."""
        rows = []
        for doc in self:
            cleaned = doc.cleaned()
            rows.append(
                {
                    **{c: doc.meta.get(c, "") for c in self.columns},
                    "doc_id": doc.doc_id,
                    "published": doc.published.isoformat(),
                    "sha256": doc.sha256,
                    "n_chars": len(cleaned.raw),
                    "n_removed": cleaned.removed_chars(),
                    "raw": cleaned.raw,
                    "text": cleaned.text,
                }
            )
        return pd.DataFrame(rows)


def corpus_summary(corpus: Corpus) -> pd.DataFrame:
    """A short table of the articles: date, outlet, genre, summit, size, what cleaning removed."""
    from summitlib.text.resources import word_count

    docs = corpus.documents
    table = pd.DataFrame(
        {
            "doc_id": docs["doc_id"],
            "published": docs["published"],
            "outlet": docs.get("outlet", ""),
            "genre": docs.get("genre", ""),
            "summit_id": docs.get("summit_id", ""),
            "words": [word_count(t) for t in docs["text"]],
            "chars_removed": docs["n_removed"],
        }
    )
    return table


def load_corpus(path: str | Path | None = None, *, remember: bool = True) -> Corpus:
    """Validate and open a corpus folder (default: the bundled corpus); raises ``CorpusError``.

    With ``remember`` (the default) articles unchanged on disk since they last passed are not
    read again (see :mod:`summitlib.corpus.record`); ``remember=False`` reads every file.
    """
    root = Path(path) if path is not None else default_corpus_dir()
    return Corpus(check_corpus(root, CheckRecord.open(root) if remember else None))
