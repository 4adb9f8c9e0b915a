"""Adding imported articles to a corpus folder: new ones written, existing ones untouched.

Each article is written exactly as extracted, as ``articles/<doc_id>.txt`` (UTF-8), and gets a
row in ``metadata.csv``. The ``doc_id`` is the publication date, the outlet and a short hash
of the URL (or, without one, of the text), or the export's own id column. An article whose
``doc_id`` is already in the corpus is left as it is (``--force`` replaces it when its text
changed); new rows are appended to ``metadata.csv`` so existing rows keep their bytes.
Nothing is written when no article can be imported, and the folder is checked as a corpus
at the end.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable
from pathlib import Path

from summitlib.corpus.checks import check_corpus
from summitlib.corpus.importers.records import Imported, ImportReport, Skip
from summitlib.errors import SourceError
from summitlib.pipeline.tables import atomic_write_text

COLUMNS = ["file", "doc_id", "published", "title", "author", "outlet", "url"]
COLUMNS += ["date_source", "date_original", "imported_from"]


def doc_id_for(article: Imported) -> str:
    """A stable, readable id: the export's own id, else date, outlet and a short hash."""
    if article.source_id:
        return _slug(article.source_id)[:80] or "article"
    key = article.url or article.text
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    outlet = _slug(article.outlet)[:30] or "article"
    return f"{article.published}-{outlet}-{digest}"


def import_articles(items: Iterable[Imported | Skip], out: Path, force: bool) -> ImportReport:
    """Write the imported articles into the corpus folder ``out``; report what happened."""
    out = Path(out)
    existing, header, metadata_text = _existing(out, force)
    report = ImportReport(str(out))
    seen_urls: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    new_rows: list[dict[str, str]] = []
    replaced: dict[str, str] = {}
    files: dict[str, str] = {}
    for item in items:
        if isinstance(item, Skip):
            report.skipped.append(item)
            continue
        skip = _duplicate(item, seen_urls, seen_ids)
        if skip is not None:
            report.skipped.append(skip)
            continue
        doc_id = doc_id_for(item)
        seen_ids[doc_id] = item.source
        if item.url:
            seen_urls[item.url] = item.source
        name = f"{doc_id}.txt"
        if doc_id in existing:
            path = out / "articles" / existing[doc_id]
            if path.is_file() and path.read_bytes() == item.text.encode("utf-8"):
                report.unchanged.append(doc_id)
            elif force:
                replaced[doc_id] = existing[doc_id]
                files[existing[doc_id]] = item.text
                report.replaced.append(doc_id)
            else:
                what = f"{doc_id} is already in the corpus with another text"
                fix = "pass --force to replace it with this version"
                report.skipped.append(Skip(item.source, what, fix, "changed"))
            continue
        files[name] = item.text
        new_rows.append(_row(item, doc_id, name))
        report.imported.append(doc_id)
    if not existing and not new_rows:
        reasons = "; ".join(str(s) for s in report.skipped[:5]) or "the inputs hold no rows"
        raise SourceError(f"no article could be imported into {out}: {reasons}")
    if files:
        _write(out, files, new_rows, header, metadata_text)
        check_corpus(out)
    return report


def _existing(out: Path, force: bool) -> tuple[dict[str, str], list[str], str]:
    """The doc_id → file of a corpus already in ``out``, its header and metadata text."""
    if out.exists() and not out.is_dir():
        raise SourceError(f"--out {out} is a file; name a folder for the corpus")
    metadata = out / "metadata.csv"
    if not metadata.is_file():
        if out.is_dir() and any(out.iterdir()) and not force:
            raise SourceError(
                f"--out {out} is a folder that is not empty and holds no metadata.csv; "
                "name a new folder, or pass --force to add a corpus to it"
            )
        return {}, list(COLUMNS), ""
    corpus = check_corpus(out)
    text = metadata.read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    return {row["doc_id"]: row["file"] for row in corpus.rows}, header, text


def _duplicate(item: Imported, urls: dict[str, str], ids: dict[str, str]) -> Skip | None:
    """Why an article repeats one imported earlier in this run, if it does."""
    if item.url and item.url in urls:
        what = f"the same URL as {urls[item.url]} ({item.url})"
        return Skip(item.source, what, "", "duplicate_url")
    doc_id = doc_id_for(item)
    if doc_id in ids:
        return Skip(item.source, f"the same article as {ids[doc_id]}", "", "duplicate_text")
    return None


def _row(item: Imported, doc_id: str, name: str) -> dict[str, str]:
    """The metadata row of a new article."""
    return {
        "file": name,
        "doc_id": doc_id,
        "published": item.published,
        "title": item.title,
        "author": item.author,
        "outlet": item.outlet,
        "url": item.url,
        "date_source": item.date_source,
        "date_original": item.date_original,
        "imported_from": item.source,
    }


def _write(
    out: Path, files: dict[str, str], rows: list[dict], header: list[str], metadata_text: str
) -> None:
    """Article files first, then metadata.csv (appended when its header has every column)."""
    (out / "articles").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        with (out / "articles" / name).open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    columns = header + [c for c in COLUMNS if c not in header]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", restval="")
    if columns != header or not metadata_text:
        old = list(csv.DictReader(io.StringIO(metadata_text))) if metadata_text else []
        writer.writeheader()
        writer.writerows(old)
        metadata_text = ""
    elif not metadata_text.endswith("\n"):
        metadata_text += "\n"
    writer.writerows(rows)
    atomic_write_text(out / "metadata.csv", metadata_text + buffer.getvalue())


def _slug(text: str) -> str:
    """Lower-case letters, digits and dashes (other characters dropped)."""
    return re.sub(r"[^\w]+", "-", text.casefold(), flags=re.ASCII).strip("-")
