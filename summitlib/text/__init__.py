"""Text primitives: spans, sentences and paragraphs, quotation marks, NLTK resources."""
