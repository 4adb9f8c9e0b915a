"""Planning ``summit run``: which notebooks, with which parameters, checked before anything runs.

Parameters come, lowest precedence first, from each notebook's ``parameters`` cell, from YAML
files (``-f``), from the command line (``-p name value``, ``--corpus``) and, in a grid, from
the run's own entry. Values are read as YAML scalars, except that dates stay strings
(``2021-02-22`` reaches the notebook as ``"2021-02-22"``). A name that no selected notebook
declares, a value of the wrong type or out of range, an inverted date window, a summit the
corpus does not know and a bad corpus are all refused here with a
:class:`~summitlib.errors.ParameterError` (or ``CorpusError``) naming what is wrong.

The parameter names are read from the tagged cell with :mod:`ast`, not with papermill's
``inspect_notebook``: papermill skips every line with more than one ``=``, which includes
``corpus_dir = None  # ...; None = the bundled corpus``.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from summitlib.errors import ParameterError

if TYPE_CHECKING:
    from summitlib.corpus.reader import Corpus

RESERVED = frozenset({"results_dir"})  # set by the runner: results go next to the report
PATH_PARAMETERS = frozenset({"corpus_dir", "gold_dir", "stance_model", "sheet"})
RUN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
NO_DEFAULT = object()


class _ScalarLoader(yaml.SafeLoader):
    """YAML's safe loader for parameters: dates stay strings for the notebooks to check,
    mapping keys are the text as written (``2021:`` and ``yes:`` are names, not a number and a
    boolean), a repeated key is refused, and so are anchors and aliases, whose expansion could
    grow without bound ("billion laughs")."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        """A node, unless it is an alias or carries an anchor."""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (&name, *name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        """A mapping whose keys are their text as written; a repeated key is an error."""
        mapping: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark
                )
            if key_node.value in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key_node.value!r} is repeated", key_node.start_mark
                )
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping


_ScalarLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Job:
    """One notebook to execute in one set of reports ('' is the main set)."""

    notebook: Path
    run_set: str
    parameters: dict
    declared: frozenset[str] = frozenset()

    @property
    def stem(self) -> str:
        """The notebook's name without ``.ipynb``."""
        return self.notebook.stem

    @property
    def key(self) -> str:
        """``stem`` or ``set/stem``: unique within a run."""
        return f"{self.run_set}/{self.stem}" if self.run_set else self.stem


@dataclass
class Plan:
    """The checked jobs of a run and the corpora they read."""

    jobs: list[Job]
    sets: list[str]
    corpora: list[Path | None] = field(default_factory=list)
    models: dict[Path | None, list] = field(default_factory=dict)  # stance models per corpus
    loaded: dict = field(default_factory=dict)  # corpus folder -> Corpus, validated once per run

    def corpus(self, corpus_dir: Path | str | None) -> Corpus:
        """The corpus at ``corpus_dir`` (None: the bundled one), loaded once for the run."""
        from summitlib.corpus.reader import load_corpus

        if corpus_dir not in self.loaded:
            self.loaded[corpus_dir] = load_corpus(corpus_dir)
        return self.loaded[corpus_dir]


# --- notebooks --------------------------------------------------------------------------


def find_notebooks(folder: Path, names: Iterable[str] = ()) -> list[Path]:
    """The numbered notebooks of ``folder``, or those named (stem, file name or number)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ParameterError(f"notebooks folder {folder} does not exist")
    available = sorted(p for p in folder.glob("*.ipynb") if p.stem[:1].isdigit())
    if not available:
        raise ParameterError(f"no notebooks in {folder}; expected files like 01_name.ipynb")
    chosen: list[Path] = []
    for name in names:
        match = [p for p in available if _names(p, name)]
        if not match:
            known = ", ".join(p.stem for p in available)
            raise ParameterError(f"no notebook named {name!r}; choose from {known}")
        chosen += [p for p in match if p not in chosen]
    return chosen or available


def _names(notebook: Path, name: str) -> bool:
    """Whether ``name`` (stem, file name, number such as ``03`` or ``3``) names ``notebook``."""
    stem, number = Path(name).stem, notebook.stem.split("_", 1)[0]
    if stem.isdigit() and number.isdigit():
        return int(stem) == int(number)
    return stem == notebook.stem


def notebook_parameters(notebook: Path) -> dict[str, object]:
    """Names and defaults of the ``parameters`` cell (NO_DEFAULT where not a literal)."""
    try:  # read as JSON: importing nbformat (and jsonschema) costs seconds at every run
        cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            if cell["cell_type"] == "code" and "parameters" in cell["metadata"].get("tags", []):
                return _assignments(source, notebook.name)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise ParameterError(f"{notebook.name} cannot be read as a notebook ({err})") from None
    raise ParameterError(f"{notebook.name} has no cell tagged 'parameters'")


def _assignments(source: str, where: str) -> dict[str, object]:
    """``name = literal`` statements of a cell, in order."""
    try:
        body = ast.parse(source).body
    except SyntaxError as err:
        raise ParameterError(f"{where}: the parameters cell does not parse ({err})") from None
    found: dict[str, object] = {}
    for node in body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and node.value is not None:
                try:
                    found[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    found[target.id] = NO_DEFAULT
    return found


# --- values and files -------------------------------------------------------------------


def parse_value(name: str, text: str) -> object:
    """A ``-p`` value read as a YAML scalar or list (``5``, ``0.2``, ``[a, b]``, ``null``)."""
    try:
        value = yaml.load(text, Loader=_ScalarLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as err:
        problem = str(err).splitlines()[0]
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise ParameterError(
            f"parameter {name}: {shown!r} is not a valid YAML value ({problem}); "
            "quote text that holds quotes, e.g. -p terms \"['a, b', c]\""
        ) from None
    return check_plain(name, value)


def check_plain(name: str, value: object) -> object:
    """``value`` if it is plain data (None, bool, number, text, lists and mappings of them)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [check_plain(name, v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: check_plain(name, v) for k, v in value.items()}
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    raise ParameterError(f"parameter {name}: {shown} is not a plain value (text, number, list)")


def read_yaml(path: Path, what: str) -> dict:
    """A YAML file holding a mapping with text keys, or a ParameterError naming the file."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ScalarLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        problem = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ParameterError(f"{what} {path}: cannot be read as YAML ({problem})") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ParameterError(f"{what} {path}: expected a mapping of parameter names to values")
    return data


def read_params_file(path: Path) -> dict:
    """Parameters from a YAML file; relative corpus/gold folders are read from the file's folder."""
    data = read_yaml(path, "parameter file")
    return anchor_paths({k: check_plain(k, v) for k, v in data.items()}, Path(path).parent)


def read_grid(path: Path) -> tuple[dict, dict[str, dict]]:
    """A grid file: shared ``parameters`` and named ``runs``, each a mapping of parameters."""
    data = read_yaml(path, "grid file")
    extra = sorted(set(data) - {"parameters", "runs"})
    if extra:
        raise ParameterError(f"grid file {path}: unknown key {extra[0]!r}; use parameters, runs")
    shared, runs = data.get("parameters") or {}, data.get("runs")
    if not isinstance(shared, dict):
        raise ParameterError(f"grid file {path}: 'parameters' must be a mapping")
    if not isinstance(runs, dict) or not runs:
        raise ParameterError(f"grid file {path}: expected 'runs:' with named parameter sets")
    checked = {}
    for name, params in runs.items():
        if not isinstance(name, str) or not RUN_NAME.match(name) or name == "failed":
            raise ParameterError(
                f"grid file {path}: run name {name!r} must be letters, digits, - or _ "
                "(and not 'failed')"
            )
        if not isinstance(params, dict | None):
            raise ParameterError(f"grid file {path}: run {name!r} needs a mapping of parameters")
        values = {k: check_plain(k, v) for k, v in (params or {}).items()}
        checked[name] = anchor_paths(values, Path(path).parent)
    shared = {k: check_plain(k, v) for k, v in shared.items()}
    return anchor_paths(shared, Path(path).parent), checked


def anchor_paths(params: Mapping, base: Path) -> dict:
    """Folder parameters as absolute paths (relative ones taken from ``base``)."""
    result = dict(params)
    for name in PATH_PARAMETERS & set(result):
        value = result[name]
        if isinstance(value, str) and value.strip():
            result[name] = str((Path(base) / Path(value).expanduser()).resolve())
    return result


# --- checking ---------------------------------------------------------------------------


def check_job(notebook: Path, defaults: Mapping, given: Mapping) -> None:
    """Refuse values of the wrong type or range for one notebook (the notebook's own checks)."""
    from summitlib.analysis.params import CHECKS, check_parameters

    effective = {k: v for k, v in defaults.items() if k not in RESERVED and v is not NO_DEFAULT}
    effective.update(given)
    check_parameters(**{k: v for k, v in effective.items() if k in CHECKS})
    for name, value in given.items():
        if name not in CHECKS:
            _check_like_default(notebook, name, value, defaults[name])


def _check_like_default(notebook: Path, name: str, value: object, default: object) -> None:
    """A value of a parameter that summitlib does not know must match its default's type."""
    if default is None or default is NO_DEFAULT or value is None:
        return
    if isinstance(default, bool) or isinstance(value, bool):
        same = isinstance(default, bool) and isinstance(value, bool)
    elif isinstance(default, float):
        same = isinstance(value, int | float)
    else:
        same = isinstance(value, type(default))
    if not same:
        kind = type(default).__name__
        raise ParameterError(
            f"parameter {name} of {notebook.stem} must be of type {kind}, not {value!r}"
        )


def check_summit(corpus: Corpus, summit: object) -> None:
    """A ``summit`` value must be a summit_id the corpus knows."""
    from summitlib.analysis.params import check_summit as check

    if summit is None:
        return
    known = {str(row.get("summit_id", "")) for row in corpus.summits} - {""}
    docs = corpus.documents
    if "summit_id" in docs:
        known |= {str(s) for s in docs["summit_id"] if str(s).strip()}
    check(summit, known)


def plan_run(
    notebooks: list[Path], params: Mapping, grid: Mapping[str, dict] | None = None
) -> Plan:
    """Check every parameter against the chosen notebooks and return the jobs to run."""
    defaults = {nb: notebook_parameters(nb) for nb in notebooks}
    sets = {name: {**params, **own} for name, own in grid.items()} if grid else {"": dict(params)}
    jobs, corpora, models = [], [], {}
    plan = Plan(jobs, list(sets), corpora, models)
    for run_set, values in sets.items():
        where = f"grid run {run_set!r}: " if run_set else ""
        try:
            _check_names(values, defaults)
            for nb, names in defaults.items():
                given = {k: v for k, v in values.items() if k in names}
                check_job(nb, names, given)
                jobs.append(Job(nb, run_set, given, frozenset(names)))
            corpus_dir = values.get("corpus_dir")
            if any("corpus_dir" in names for names in defaults.values()):
                check_summit(plan.corpus(corpus_dir), values.get("summit"))
                corpora += [] if corpus_dir in corpora else [corpus_dir]
                used = models.setdefault(corpus_dir, [])
                used += [] if values.get("stance_model") in used else [values.get("stance_model")]
        except ParameterError as err:
            raise ParameterError(f"{where}{err}") from None
    return plan


def _check_names(values: Mapping, defaults: Mapping[Path, dict]) -> None:
    """Refuse parameter names that no chosen notebook declares, and those the runner sets."""
    reserved = sorted(RESERVED & set(values))
    if reserved:
        raise ParameterError(
            f"parameter {reserved[0]} is set by summit run (results go next to the reports)"
        )
    known = set().union(*defaults.values()) - RESERVED
    unknown = sorted(set(values) - known)
    if unknown:
        chosen = ", ".join(nb.stem for nb in defaults)
        raise ParameterError(
            f"unknown parameter {unknown[0]!r}: none of {chosen} has it; "
            f"known: {', '.join(sorted(known))}"
        )
