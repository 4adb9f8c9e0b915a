"""Saved web pages (``.html``/``.htm``): main text and metadata extracted with trafilatura.

trafilatura finds the article body (``<article>``, content blocks, not navigation or
comments) and the metadata from JSON-LD, Open Graph and ``<meta>`` tags, bylines and
``<time>`` elements; its date comes from htmldate (the original publication date, not the
last update). Nothing is fetched: the page's bytes are all it reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from summitlib.corpus.importers.records import Imported, Skip
from summitlib.errors import SourceError

PAGE_SUFFIXES = (".html", ".htm")
MIN_WORDS = 20


def page_files(inputs: Iterable[Path]) -> list[Path]:
    """The saved pages among the given files and folders (searched recursively), sorted."""
    found: list[Path] = []
    for path in inputs:
        path = Path(path)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            raise SourceError(f"{path}: no such file or folder; pass folders of saved .html pages")
    if not found:
        names = ", ".join(str(p) for p in inputs)
        raise SourceError(f"{names}: no .html or .htm files found; save the pages as HTML first")
    return found


def read_page(path: Path) -> Imported | Skip:
    """The article of one saved page, or why it has none."""
    from trafilatura import bare_extraction

    data = path.read_bytes()
    result = bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = (result.text or "") if result is not None else ""
    words = len(text.split())
    if words < MIN_WORDS:
        what = f"no article text could be extracted ({words} words)"
        fix = "check that the file is the saved article page, not an index or a login page"
        return Skip(str(path), what, fix, "empty")
    return Imported(
        source=str(path),
        text=text,
        published=result.date or "",
        title=result.title or "",
        author=result.author or "",
        outlet=result.sitename or _host(result.url or ""),
        url=result.url or "",
        date_original=result.date or "",
        date_source="page metadata" if result.date else "",
    )


def read_pages(inputs: Iterable[Path]) -> Iterator[Imported | Skip]:
    """The article (or the reason for skipping) of every saved page under ``inputs``."""
    for path in page_files(inputs):
        yield read_page(path)


def _host(url: str) -> str:
    """The host name of a URL without ``www.``, as a stand-in for the site's name."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
