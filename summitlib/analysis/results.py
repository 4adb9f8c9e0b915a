"""Results files of the notebooks and their closing consistency checks."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from pathlib import Path

from summitlib.errors import InconsistentResults
from summitlib.pipeline.tables import atomic_write_text


def jsonable(value: object) -> object:
    """Plain JSON values: numpy scalars unwrapped, NaN to None, paths and dates as strings."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        items = sorted(value, key=str) if isinstance(value, set) else value
        return [jsonable(v) for v in items]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 6)
    if isinstance(value, Path | dt.date):
        return str(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def write_results(
    stem: str, results: Mapping, results_dir: str | Path = ".", parameters: Mapping | None = None
) -> Path:
    """Write ``<results_dir>/<stem>.results.json`` and return its path."""
    folder = Path(results_dir)
    folder.mkdir(parents=True, exist_ok=True)
    payload = {
        "notebook": stem,
        "parameters": jsonable(dict(parameters or {})),
        "results": jsonable(dict(results)),
    }
    path = folder / f"{stem}.results.json"
    atomic_write_text(
        path, json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )
    return path


def require(condition: bool, message: str) -> None:
    """Raise :class:`InconsistentResults` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise InconsistentResults(message)
