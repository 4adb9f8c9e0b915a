"""Build hook: the wheel carries the research notebooks and the bundled corpus as package data.

Everything else about the package is declared in ``pyproject.toml``. The notebooks and the
corpus live at the top of the checkout (``notebooks/``, ``corpus/``), where readers and
JupyterLab find them; a built wheel copies them to ``summitlib/data/notebooks`` and
``summitlib/data/corpus``, so that a plain ``pip install`` runs ``summit run`` from any folder
(see ``summitlib.paths``). An editable install reads them from the checkout and copies nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = {"notebooks": "[0-9]*.ipynb", "corpus": "**/*"}


class BuildWithShippedData(build_py):
    """``build_py`` that also copies the notebooks and the bundled corpus into the package."""

    def run(self) -> None:
        """Build as usual, then add the shipped folders unless this is an editable install."""
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for folder, pattern in SHIPPED.items():
            target = Path(self.build_lib) / "summitlib" / "data" / folder
            for source in sorted((HERE / folder).glob(pattern)):
                if source.is_file() and not source.name.startswith("."):
                    destination = target / source.relative_to(HERE / folder)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, destination)


setup(cmdclass={"build_py": BuildWithShippedData})
