"""What an import produces: one record per article found, and the report of what happened."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Imported:
    """One article read from a page or a table row, before it is written to the corpus."""

    source: str
    text: str
    published: str = ""
    title: str = ""
    author: str = ""
    outlet: str = ""
    url: str = ""
    date_original: str = ""
    date_source: str = ""
    source_id: str = ""


@dataclass(frozen=True)
class Skip:
    """An input that was not imported: where it is, why, and how to fix it."""

    where: str
    reason: str
    fix: str = ""
    kind: str = "other"

    def __str__(self) -> str:
        """One line of the report."""
        return f"{self.where}: {self.reason}." + (f" Fix: {self.fix}." if self.fix else "")


@dataclass
class ImportReport:
    """Counts and reasons of one import run."""

    out: str
    imported: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The figures of the run: imported, skipped and the kinds of skips."""
        kinds = Counter(s.kind for s in self.skipped)
        return {
            "imported": len(self.imported),
            "replaced": len(self.replaced),
            "already_in_corpus": len(self.unchanged),
            "skipped": len(self.skipped),
            "empty_texts": kinds["empty"],
            "duplicate_urls": kinds["duplicate_url"],
            "duplicate_texts": kinds["duplicate_text"],
            "without_date": kinds["no_date"],
        }

    def lines(self) -> list[str]:
        """The report as printed by ``summit import``."""
        lines = list(self.notes)
        lines += [f"skipped {s}" for s in self.skipped]
        c = self.counts()
        lines.append(
            f"{self.out}: imported {c['imported']}, replaced {c['replaced']}, "
            f"already in the corpus {c['already_in_corpus']}, skipped {c['skipped']} "
            f"(empty texts {c['empty_texts']}, duplicates by URL {c['duplicate_urls']}, "
            f"duplicate texts {c['duplicate_texts']}, without a date {c['without_date']})"
        )
        return lines
