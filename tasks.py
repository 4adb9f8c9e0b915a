#!/usr/bin/env python3
"""Set up the project's own virtual environment and run the main job or the tests.

    python3 tasks.py reports   # create/reuse .venv, install, then `summit run` (all reports)
    python3 tasks.py test      # create/reuse .venv, install, then the whole test suite

Only the Python standard library is used here, so it runs on a fresh machine with Python 3.11+.
The environment is reinstalled when pyproject.toml changes (a hash is stamped inside .venv).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".summit-installed"


def venv_bin(name: str) -> Path:
    """Path of an executable inside the project's virtual environment."""
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


def ensure_venv() -> None:
    """Create .venv if needed and install the package with its dev extra when out of date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - runs before the venv exists
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not venv_bin("python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    python = str(venv_bin("python"))
    print("installing summitlib and its dependencies into .venv", flush=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    """Dispatch ``reports`` or ``test``; extra arguments go to the command."""
    if not argv or argv[0] not in {"reports", "test"}:
        print(__doc__)
        return 2
    ensure_venv()
    if argv[0] == "reports":
        command = [str(venv_bin("summit")), "run", *argv[1:]]
    else:
        command = [str(venv_bin("python")), "-m", "pytest", *argv[1:]]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
