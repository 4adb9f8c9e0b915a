"""The rows of one table, held column by column and read back as dicts.

Components add rows as dicts (:meth:`~summitlib.pipeline.doc.ArticleDoc.add_rows`). A huge
article gives hundreds of thousands of them, and a dict per row costs several times the text
it points into; :class:`Rows` keeps one list per column instead (a packed array of 8-byte
integers while a column holds only integers, such as offsets; a row that lacks a column has a
gap there) and gives each row back as a dict of the columns it has.
:func:`frame_columns` joins the rows of several articles into the columns that pandas would
have built from the dicts (a gap becomes NaN, columns in the order first seen), so the tables
are typed as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter

NAN = float("nan")
INT64 = (-(2**63), 2**63)


class _Gap:
    """The value of a column in a row that does not have that column."""

    def __repr__(self) -> str:
        """How a gap prints."""
        return "GAP"

    def __reduce__(self) -> str:
        """Pickled as the module's one gap (rows travel to worker processes and back)."""
        return "GAP"


GAP = _Gap()


class Rows(Sequence[dict]):
    """A table's rows, one list per column; indexing and iterating give dicts."""

    def __init__(self, rows: Iterable[dict] = ()):
        self.columns: dict[str, list | array] = {}
        self.length = 0
        self.extend(rows)

    def append(self, row: dict) -> None:
        """Add one row (a dict of column names to values)."""
        n, columns = self.length, self.columns
        for name, value in row.items():
            column = columns.get(name)
            if column is None:
                column = columns[name] = array("q") if not n and _packable(value) else [GAP] * n
            elif type(column) is array and not _packable(value):
                column = columns[name] = list(column)
            column.append(value)
        self.length = n + 1
        if len(row) < len(columns):
            for name, column in columns.items():
                if len(column) == n:
                    columns[name] = column = list(column) if type(column) is array else column
                    column.append(GAP)

    def extend(self, rows: Iterable[dict]) -> None:
        """Add rows in order (column by column when they all have the same columns)."""
        batch = rows if isinstance(rows, list) else list(rows)
        by_column = _alike_columns(batch)
        if by_column is None:
            for row in batch:
                self.append(row)
        else:
            self._extend_columns(by_column, len(batch))

    def _extend_columns(self, by_column: dict[str, list], count: int) -> None:
        """Add ``count`` rows given as their values column by column, every column of every
        row (what :meth:`append` row by row gives: new columns in the rows' order)."""
        n, columns = self.length, self.columns
        for name, values in by_column.items():
            column = columns.get(name)
            if column is None:
                packed = not n and _all_packable(values)
                columns[name] = array("q", values) if packed else [GAP] * n + values
            elif type(column) is array and not _all_packable(values):
                columns[name] = list(column) + values
            else:
                column.extend(values)
        for name, column in columns.items():
            if name not in by_column:
                gapped = list(column) if type(column) is array else column
                gapped.extend([GAP] * count)
                columns[name] = gapped
        self.length = n + count

    def column(self, name: str) -> list:
        """One column's values in row order, without a dict per row (a KeyError, as
        ``row[name]`` gives, when a row lacks the column)."""
        if not self.length:
            return []
        values = self.columns[name]
        if type(values) is list and any(v is GAP for v in values):
            raise KeyError(name)
        return list(values)

    def __len__(self) -> int:
        """How many rows there are."""
        return self.length

    def __getitem__(self, i: int | slice) -> dict | list[dict]:  # type: ignore[override]
        """Row ``i`` as a dict (a slice gives a list of dicts)."""
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.length))]
        if i < 0:
            i += self.length
        if not 0 <= i < self.length:
            raise IndexError("row index out of range")
        return {name: c[i] for name, c in self.columns.items() if c[i] is not GAP}

    def __iter__(self) -> Iterator[dict]:
        """The rows as dicts, in order."""
        if not self.columns:
            yield from ({} for _ in range(self.length))
            return
        names = list(self.columns)
        for values in zip(*self.columns.values(), strict=True):
            yield {name: v for name, v in zip(names, values, strict=True) if v is not GAP}

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same dicts in the same order."""
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """The rows as a list of dicts."""
        return f"Rows({list(self)!r})"


def frame_columns(tables: Sequence[Sequence[dict]]) -> dict[str, list]:
    """The rows of several tables one after another, as the columns pandas builds from dicts:
    every column in the order first seen, NaN where a row lacks it (one table's own column
    lists are used as they are when they have no gaps)."""
    if len(tables) == 1 and isinstance(tables[0], Rows):
        return {name: _filled(values) for name, values in tables[0].columns.items()}
    columns: dict[str, list] = {}
    done = 0
    for table in tables:
        rows = table if isinstance(table, Rows) else Rows(table)
        for name in rows.columns:
            columns.setdefault(name, [NAN] * done)
        for name, column in columns.items():
            values = rows.columns.get(name)
            if values is None:
                column.extend([NAN] * rows.length)
            else:
                column.extend(_filled(values))
        done += rows.length
    return columns


def _packable(value: object) -> bool:
    """Whether a value fits a packed column of 8-byte integers (an int, not a bool)."""
    return type(value) is int and INT64[0] <= value < INT64[1]


def _alike_columns(rows: list[dict]) -> dict[str, list] | None:
    """The rows' values column by column in the first row's order, when every row has the
    same columns as the first (the same number, and each of the first row's); else None."""
    if not rows or set(map(len, rows)) != {len(rows[0])}:
        return None
    try:  # one list per column, no tuple per row: a huge article has many rows
        return {name: list(map(itemgetter(name), rows)) for name in rows[0]}
    except KeyError:
        return None


def _all_packable(values: list) -> bool:
    """Whether every value fits a packed column of 8-byte integers (:func:`_packable`; the
    first value alone tells most other columns)."""
    if not _packable(values[0]) or set(map(type, values)) != {int}:
        return False
    return INT64[0] <= min(values) and max(values) < INT64[1]


def _filled(values: list | array) -> list | array:
    """A column's values with NaN for its gaps (the column itself when it has none)."""
    if type(values) is list and any(v is GAP for v in values):
        return [NAN if v is GAP else v for v in values]
    return values
