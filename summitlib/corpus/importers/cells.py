"""Table cells as text: HTML inside a cell reduced to its text, paragraphs kept."""

from __future__ import annotations

import math
import re

TAG = re.compile(r"<(?:[a-zA-Z][\w:-]*|/[a-zA-Z][\w:-]*|!--)[^>]*>")
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "article"}
DROPPED = ("script", "style", "noscript", "template")


def cell_text(value: object) -> str:
    """A cell as a string: empty for missing values, numbers and dates as written."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def looks_like_html(text: str) -> bool:
    """Whether a cell holds HTML markup (a tag or a comment)."""
    return bool(TAG.search(text))


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment: one paragraph per block element, scripts and styles dropped."""
    import lxml.html

    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter(*DROPPED):
        element.drop_tree()
    for element in root.iter(*BLOCKS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
