"""The corpus layer: reading a corpus folder, validating it, cleaning article text."""

from summitlib.corpus.reader import Corpus, Document, corpus_summary, load_corpus

__all__ = ["Corpus", "Document", "corpus_summary", "load_corpus"]
