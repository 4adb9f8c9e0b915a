"""The annotation tables of the contract, and how they are written to CSV.

Writing is atomic (a temporary file in the same folder, then a rename), byte-identical for
the same input, and safe for spreadsheets: a text cell that starts with ``=``, ``+``, ``-``,
``@`` (or a tab or carriage return) gets a leading apostrophe so it cannot run as a formula.
The in-memory tables keep the exact text, so ``raw[start:end] == text`` holds there, and so
do the Parquet files (typed data, not opened by spreadsheets).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from summitlib.errors import ParameterError

COLUMNS: dict[str, list[str]] = {
    "sentences": ["doc_id", "sent_id", "start", "end", "text", "tone"],
    "actors": ["doc_id", "sent_id", "start", "end", "text", "actor", "actor_type", "role", "via"],
    "dates": ["doc_id", "sent_id", "start", "end", "text", "value", "anchor", "granularity"],
    "quotes": ["doc_id", "sent_id", "start", "end", "text", "speaker", "kind", "cue", "role"],
    "stance": [
        *["doc_id", "sent_id", "start", "end", "text"],
        *["stance", "score", "evidence", "tone", "relevance"],
    ],
    "positions": ["doc_id", "speaker", "role", "n_quotes", "stance", "score", "summary", "kinds"],
    "amounts": ["doc_id", "sent_id", "start", "end", "text", "value", "unit", "kind", "topic"],
    "turns": ["doc_id", "sent_id", "start", "end", "text", "speaker", "kind", "label"],
}
CONTRACT_TABLES = tuple(COLUMNS)
DOCUMENT_COLUMNS = [
    "doc_id",
    "file",
    "sha256",
    "published",
    "n_sentences",
    "n_words",
    "integration_stance",
    "tone",
    "n_quotes",
    "n_dates",
    "story_id",
    "copy_of",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Tables:
    """All annotation tables of a corpus, as pandas DataFrames."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    actors: pd.DataFrame
    dates: pd.DataFrame
    quotes: pd.DataFrame
    stance: pd.DataFrame
    positions: pd.DataFrame
    amounts: pd.DataFrame
    turns: pd.DataFrame
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)

    def names(self) -> list[str]:
        """Table names, in the order they are written (tables of users' components last).

        Tables whose name starts with ``_`` (the cleaned texts, what cleaning removed and each
        quote's own position, kept for the notebooks) are not written; ``tables["_texts"]``
        still reads them."""
        return ["documents", *CONTRACT_TABLES, *(n for n in self.extra if not n.startswith("_"))]

    def __getitem__(self, name: str) -> pd.DataFrame:
        """A table by name: ``tables["quotes"]``, or a user component's ``tables["topics"]``."""
        if name in self.extra:
            return self.extra[name]
        if name in self.names():
            return getattr(self, name)
        raise KeyError(f"no table {name!r}; tables: {', '.join(self.names())}")

    def write(
        self, out_dir: Path, corpus_root: Path | None = None, suffix: str = "csv"
    ) -> list[Path]:
        """Write every table as ``<name>.csv`` (or ``.parquet``) into ``out_dir``; the paths.

        The tables are first written into a temporary folder inside ``out_dir`` and then moved
        into place (renames, which need no space), so a full disk or any other failure leaves
        the previous tables as they were and raises one ParameterError naming the folder.
        """
        out_dir = Path(out_dir)
        try:
            if corpus_root is not None and _inside(out_dir, corpus_root):
                raise ParameterError(
                    f"--out {out_dir} is inside the corpus folder {corpus_root}; "
                    "choose an output folder outside it (the corpus is never written to)"
                )
            out_dir.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".tables-", suffix=".tmp", dir=out_dir))
            write = write_csv if suffix == "csv" else write_parquet_table
            try:
                for name in self.names():
                    write(self[name], staging / f"{name}.{suffix}")
                for name in self.names():
                    os.replace(staging / f"{name}.{suffix}", out_dir / f"{name}.{suffix}")
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        except (OSError, RuntimeError) as err:  # RuntimeError: a symlink loop (Python < 3.13)
            reason = getattr(err, "strerror", None) or str(err)
            raise ParameterError(
                f"--out {out_dir}: cannot write the tables ({reason}); choose a writable folder "
                "with free space (any previous tables there are unchanged)"
            ) from None
        return [out_dir / f"{name}.{suffix}" for name in self.names()]


class StoredTables(Tables):
    """Tables that are read (by ``read(name)``) when first used, each once.

    A notebook that looks at two tables reads two. :meth:`lazy` makes one; everything else
    behaves as :class:`Tables` (``dataclasses.replace`` gives a copy with every table read).
    """

    @classmethod
    def lazy(cls, read: Callable[[str], pd.DataFrame], extra: list[str]) -> StoredTables:
        """Tables read by ``read``: documents, the contract's and the ``extra`` ones."""
        tables = cls.__new__(cls)
        tables._read = read
        tables.extra = LazyFrames(extra, read)
        return tables

    def __getattr__(self, name: str) -> pd.DataFrame:
        """Read a table on first use (called only for attributes not set yet)."""
        if name not in TABLE_FIELDS or "_read" not in vars(self):
            raise AttributeError(name)
        table = self._read(name)
        setattr(self, name, table)
        return table


class LazyFrames(Mapping):
    """Named tables read when first looked up, each once. A table that turns out to have no
    rows is absent, as :func:`~summitlib.pipeline.annotate.assemble` leaves it out."""

    def __init__(self, names: list[str], read: Callable[[str], pd.DataFrame]):
        self._names, self._read, self._found = list(names), read, {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        """The table ``name``, read the first time; KeyError if there is none or it is empty."""
        if name not in self._names:
            raise KeyError(name)
        if name not in self._found:
            self._found[name] = self._read(name)
        if not len(self._found[name]):
            raise KeyError(name)
        return self._found[name]

    def __contains__(self, name: object) -> bool:
        """Whether the table exists and has rows (read to find out)."""
        try:
            self[name]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        """The names, in order, less those read and found empty."""
        return (n for n in self._names if n not in self._found or len(self._found[n]))

    def __len__(self) -> int:
        """How many names :meth:`__iter__` gives."""
        return sum(1 for _ in self)


TABLE_FIELDS = frozenset(f.name for f in fields(Tables) if f.name != "extra")


def frame(rows: list[dict] | dict[str, list] | pd.DataFrame, name: str) -> pd.DataFrame:
    """A table from row dicts (or columns, or a pandas table), with the contract's columns
    first even when empty."""
    table = pd.DataFrame(rows)
    columns = COLUMNS.get(name, list(table.columns))
    for column in columns:
        if column not in table.columns:
            table[column] = pd.Series(dtype="object")
    order = columns + [c for c in table.columns if c not in columns]
    if list(table.columns) != order:
        table = table[order]
    index = table.index
    if not (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1):
        table = table.reset_index(drop=True)
    return table


def neutralise(value: object) -> object:
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv_text(table: pd.DataFrame) -> str:
    """The CSV text of a table, formulas neutralised, floats rounded for stable bytes."""
    safe = table.copy()
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
        elif pd.api.types.is_float_dtype(safe[column]):
            safe[column] = safe[column].round(4)
    return safe.to_csv(index=False, lineterminator="\n")


def write_csv(table: pd.DataFrame, path: Path) -> None:
    """Write one table atomically (temporary file, then rename)."""
    atomic_write_text(path, to_csv_text(table))


def write_parquet_table(table: pd.DataFrame, path: Path) -> None:
    """Write one table as Parquet atomically, its text exact (Parquet is read as data)."""
    from summitlib.pipeline.columnar import frame_table, write_parquet

    write_parquet(frame_table(table), path)


def atomic_write_text(path: Path, text: str) -> None:
    """Write text to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would have made it, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file-creation mask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies below it (after resolving links)."""
    return Path(path).resolve().is_relative_to(Path(folder).resolve())
