"""The ``summit`` command line: validate, annotate, run the notebooks.

User errors (a bad corpus, a bad parameter, a failed notebook) are printed as one message
on stderr with a non-zero exit status, never as a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from summitlib.errors import ParameterError, SummitError
from summitlib.paths import default_corpus_dir

CORPUS_OPTION = click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Corpus folder (metadata.csv + articles/). Default: the bundled corpus.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summitlib")
def cli() -> None:
    """Annotate and report on the coverage of the Putin–Lukashenko summits."""


@cli.command()
@CORPUS_OPTION
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(path_type=Path, file_okay=False),
    is_flag=False,
    flag_value=Path(),
    default=None,
    help="Also annotate and score against a gold folder (default: <corpus>/gold).",
)
def validate(corpus_dir: Path | None, gold_dir: Path | None) -> None:
    """Check a corpus folder and print a summary of its articles."""
    from summitlib.corpus.reader import corpus_summary, load_corpus
    from summitlib.paths import gold_dir as bundled_gold

    corpus = load_corpus(corpus_dir or default_corpus_dir())
    for warning in corpus.warnings:
        click.echo(f"summit: warning: {warning}", err=True)
    click.echo(f"{corpus.root}: {len(corpus)} articles, valid.")
    click.echo(corpus_summary(corpus).to_string(index=False))
    if gold_dir is not None:
        from summitlib.evaluation.metrics import format_scores, score_tables
        from summitlib.pipeline.annotate import annotate

        gold_dir = gold_dir if gold_dir != Path() else bundled_gold(corpus.root)
        if not (gold_dir / "quotes.csv").is_file():
            raise ParameterError(f"--gold {gold_dir} holds no gold CSVs (quotes.csv, ...)")
        click.echo(f"\nScores against the gold in {gold_dir}:")
        click.echo(format_scores(score_tables(annotate(corpus), gold_dir, corpus)))


@cli.command(name="annotate")
@CORPUS_OPTION
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the CSV tables (created if needed; never inside the corpus).",
)
@click.option("--no-cache", is_flag=True, help="Recompute instead of using the annotation cache.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine (both cores for large corpora); dask: a dask.distributed cluster.",
)
@click.option(
    "--scheduler",
    default=None,
    help="With --engine dask: the scheduler address (default: a local two-worker cluster).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def annotate_command(
    corpus_dir: Path | None,
    out_dir: Path,
    no_cache: bool,
    engine: str,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Write sentences, actors, dates, quotes, stance and positions tables as CSV."""
    from summitlib.corpus.reader import load_corpus
    from summitlib.pipeline.annotate import annotate

    corpus = load_corpus(corpus_dir or default_corpus_dir())
    if scheduler and engine != "dask":
        raise ParameterError("--scheduler only applies with --engine dask")
    tables = annotate(
        corpus,
        cache=not no_cache,
        engine=engine,
        scheduler=scheduler,
        progress=None if quiet else _progress(len(corpus)),
    )
    written = tables.write(out_dir, corpus_root=corpus.root)
    for path in written:
        click.echo(path)


@cli.command()
@click.argument("names", nargs=-1)
@CORPUS_OPTION
@click.option(
    "-p",
    "--param",
    "param_pairs",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="Set a notebook parameter; the value is read as YAML (5, 0.2, [a, b], null).",
)
@click.option(
    "-f",
    "--params-file",
    "param_files",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    help="A YAML file of parameters (-p and --corpus override it).",
)
@click.option(
    "--grid",
    "grid_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A YAML file 'runs: {NAME: {param: value}}': one report set per run, in reports/NAME/.",
)
@click.option(
    "--notebooks",
    "notebooks_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of notebooks (default: the project's notebooks/).",
)
@click.option(
    "--reports",
    "reports_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for this run's reports (default: reports/<corpus name>/; reports/index.html "
    "then lists every corpus's set).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Notebooks executed at once (default and maximum: the number of CPUs).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Re-execute reports whose inputs have not changed; publish into a folder that holds "
    "other files.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def run(
    names: tuple[str, ...],
    corpus_dir: Path | None,
    param_pairs: tuple[tuple[str, str], ...],
    param_files: tuple[Path, ...],
    grid_file: Path | None,
    notebooks_dir: Path | None,
    reports_dir: Path | None,
    jobs: int | None,
    force: bool,
    quiet: bool,
) -> None:
    """Execute the notebooks (all, or NAMES such as 03_stance) and publish the HTML reports.

    A report whose notebook, parameters, corpus and summitlib version are all unchanged since
    it was published is kept as it is (``--force`` executes it again)."""
    from summitlib.reports.plan import anchor_paths, parse_value, read_grid, read_params_file
    from summitlib.reports.run import run_reports

    params: dict = {}
    for path in param_files:
        params.update(read_params_file(path))
    shared, runs = read_grid(grid_file) if grid_file else ({}, None)
    params.update(shared)
    given = {name: parse_value(name, value) for name, value in param_pairs}
    if corpus_dir is not None:
        given["corpus_dir"] = str(corpus_dir)
    params.update(anchor_paths(given, Path.cwd()))
    progress = _NotebookProgress()
    try:
        entries = run_reports(
            notebooks=notebooks_dir,
            names=names,
            params=params,
            grid=runs,
            reports=reports_dir,
            jobs=jobs,
            progress=None if quiet else progress.start,
            force=force,
        )
    finally:
        progress.close()
    click.echo(f"{len(entries)} reports written; open {entries.folder / 'index.html'}")


class _NotebookProgress:
    """A tqdm bar on stderr, one step per finished notebook, closed before any message."""

    def __init__(self) -> None:
        self.bar = None

    def start(self, total: int):
        """Open the bar for ``total`` notebooks and return the per-notebook tick."""
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="notebook", desc="summit run", file=sys.stderr)
        return self.tick

    def tick(self, key: str) -> None:
        """One notebook finished."""
        self.bar.set_postfix_str(key, refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        """Close the bar if it was opened."""
        if self.bar is not None:
            self.bar.close()


def _progress(total: int):
    """A tqdm progress bar on stderr for ``total`` articles (silent when not a terminal)."""
    from tqdm import tqdm

    def wrap(items):
        return tqdm(items, total=total, unit="article", disable=None, file=sys.stderr)

    return wrap


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the command, turning user errors into one message and an exit status."""
    try:
        cli.main(args=argv, prog_name="summit", standalone_mode=False)
    except SummitError as err:
        click.echo(f"summit: error: {err}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("summit: interrupted", err=True)
        return 130
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except KeyboardInterrupt:
        click.echo("summit: interrupted", err=True)
        return 130
    except OSError as err:  # a last resort: the commands name the option where they can
        click.echo(f"summit: error: {err}", err=True)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
