"""The errors a user can cause, each reported as one readable message without a traceback."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path


class SummitError(Exception):
    """A problem with the user's input or parameters; the command line prints only its message."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a corpus: where it is, what is wrong, and how to fix it."""

    where: str
    what: str
    fix: str

    def __str__(self) -> str:
        """One line for the report."""
        return f"{self.where}: {self.what}. Fix: {self.fix}."


class CorpusError(SummitError):
    """A corpus folder that breaks the contract; lists every problem found, not just the first."""

    def __init__(self, root: Path, problems: list[Problem]):
        self.root = root
        self.problems = list(problems)
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        lines = [f"corpus {root} is not valid ({count}):"]
        lines += [f"  - {p}" for p in problems]
        super().__init__("\n".join(lines))


class ParameterError(SummitError):
    """A parameter with a bad name, type or value; the message names the parameter."""


class InconsistentResults(SummitError):
    """A notebook's closing check found results that contradict each other (a bug to report,
    or a corpus the analysis cannot handle); the message says which figures disagree."""


class RunError(SummitError):
    """A notebook run that failed; the message names the notebook and the failing cell."""


def show_user_errors_briefly() -> bool:
    """In a running IPython/Jupyter kernel, show a SummitError as one line, not a traceback.

    The error is still reported as the cell's error output, so papermill and ``summit run``
    see the failure; only the stack is left out. Returns whether a kernel was found.
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False

    def brief(shell: object, etype: type, value: BaseException, tb: object, tb_offset=None):
        shell._showtraceback(etype, value, [f"{etype.__name__}: {value}"])

    shell.set_custom_exc((SummitError,), brief)
    return True


class SourceError(SummitError):
    """A file given to ``summit import`` that cannot be read; names the file, column and fix."""


class SheetError(SummitError):
    """A coding sheet that cannot be used; lists every problem with its line, row and fix."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = list(problems)
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        lines = [f"coding sheet {path} cannot be used ({count}):"]
        lines += [f"  - {p}" for p in problems[:20]]
        if len(problems) > 20:
            lines.append(f"  - … and {len(problems) - 20} more")
        super().__init__("\n".join(lines))
