"""``summit notebooks``: copies of the shipped research notebooks, to edit in JupyterLab."""

from __future__ import annotations

import shutil
from pathlib import Path

from summitlib.errors import ParameterError
from summitlib.paths import notebooks_dir
from summitlib.reports.plan import find_notebooks


def copy_notebooks(folder: Path, force: bool = False) -> list[Path]:
    """Copy every research notebook into ``folder``; refuse to overwrite unless ``force``."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ParameterError(f"{folder} is a file; give a folder to copy the notebooks into")
    sources = find_notebooks(notebooks_dir())
    present = [folder / p.name for p in sources if (folder / p.name).exists()]
    if present and not force:
        names = ", ".join(p.name for p in present)
        raise ParameterError(
            f"{folder} already holds {names}; use --force to overwrite, or choose another folder"
        )
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copyfile(source, folder / source.name)) for source in sources]
