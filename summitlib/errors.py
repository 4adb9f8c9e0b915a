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


class ProblemsError(SummitError):
    """A file or folder with several problems: a heading, then one line per problem."""

    def __init__(self, heading: str, problems: list[Problem], limit: int | None = None):
        self.problems = list(problems)
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        lines = [f"{heading} ({count}):"]
        lines += [f"  - {p}" for p in problems[:limit]]
        if limit is not None and len(problems) > limit:
            lines.append(f"  - … and {len(problems) - limit} more")
        super().__init__("\n".join(lines))


class CorpusError(ProblemsError):
    """A corpus folder that breaks the contract; lists every problem found, not just the first."""

    def __init__(self, root: Path, problems: list[Problem]):
        self.root = root
        super().__init__(f"corpus {root} is not valid", problems)


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


class SheetError(ProblemsError):
    """A coding sheet that cannot be used; lists every problem with its line, row and fix."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        super().__init__(f"coding sheet {path} cannot be used", problems, limit=20)
