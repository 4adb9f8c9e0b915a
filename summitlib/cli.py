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

STANCE_MODEL_OPTION = click.option(
    "--stance-model",
    "stance_model",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="A model folder written by 'summit train' (default: the shipped models).",
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
    """Check a corpus folder, print a summary of its articles and the reprint groups."""
    from summitlib.corpus.reader import corpus_summary, load_corpus
    from summitlib.corpus.reprints import corpus_articles, describe_groups, find_reprints
    from summitlib.paths import gold_dir as bundled_gold

    corpus = load_corpus(corpus_dir or default_corpus_dir())
    for warning in corpus.warnings:
        click.echo(f"summit: warning: {warning}", err=True)
    click.echo(f"{corpus.root}: {len(corpus)} articles, valid.")
    click.echo(corpus_summary(corpus).to_string(index=False))
    click.echo("\nReprints (the same story in several articles; earliest first):")
    click.echo(describe_groups(find_reprints(corpus_articles(corpus))))
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
@click.option(
    "--format",
    "formats",
    type=click.Choice(["csv", "parquet"]),
    multiple=True,
    help="csv (the contract's files, default) or parquet; repeat for both.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@STANCE_MODEL_OPTION
def annotate_command(
    corpus_dir: Path | None,
    out_dir: Path,
    no_cache: bool,
    engine: str,
    scheduler: str | None,
    formats: tuple[str, ...],
    quiet: bool,
    stance_model: Path | None,
) -> None:
    """Write sentences, actors, dates, quotes, stance and positions tables (CSV or Parquet)."""
    from summitlib.corpus.reader import load_corpus
    from summitlib.pipeline.annotate import Pipeline, annotate

    pipeline = Pipeline(stance_model=stance_model)

    corpus = load_corpus(corpus_dir or default_corpus_dir())
    if scheduler and engine != "dask":
        raise ParameterError("--scheduler only applies with --engine dask")
    tables = annotate(
        corpus,
        cache=not no_cache,
        engine=engine,
        scheduler=scheduler,
        progress=None if quiet else _progress(),
        pipeline=pipeline,
    )
    written = []
    for suffix in dict.fromkeys(formats or ["csv"]):
        written += tables.write(out_dir, corpus_root=corpus.root, suffix=suffix)
    for path in written:
        click.echo(path)


OUT_OPTION = click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="Corpus folder to create or add to (existing articles are left as they are).",
)
FORCE_OPTION = click.option(
    "--force",
    is_flag=True,
    help="Replace articles whose text changed, and write into a non-empty non-corpus folder.",
)
DATE_DEFAULT_OPTION = click.option(
    "--date-default",
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date for articles without one (date_source says so; correct it later).",
)


@cli.group(name="import")
def import_group() -> None:
    """Bring your own articles: saved web pages or a table export into a corpus folder."""


@import_group.command(name="html")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@OUT_OPTION
@DATE_DEFAULT_OPTION
@FORCE_OPTION
def import_html(
    inputs: tuple[Path, ...], out_dir: Path, date_default: str | None, force: bool
) -> None:
    """Extract the article, title, author, date, outlet and URL of saved .html/.htm pages."""
    from dataclasses import replace

    from summitlib.corpus.importers.pages import read_pages
    from summitlib.corpus.importers.records import Imported, Skip
    from summitlib.corpus.importers.writer import import_articles

    default = _check_date_default(date_default)
    fix = "pass --date-default YYYY-MM-DD (then correct the date in metadata.csv)"

    def dated(items):
        for item in items:
            if isinstance(item, Imported) and not item.published:
                if default is None:
                    item = Skip(
                        item.source, "no publication date found in the page", fix, "no_date"
                    )
                else:
                    item = replace(item, published=default, date_source="--date-default")
            yield item

    report = import_articles(dated(read_pages(inputs)), out_dir, force)
    for line in report.lines():
        click.echo(line)


@import_group.command(name="table")
@click.argument("file", type=click.Path(path_type=Path))
@OUT_OPTION
@click.option("--text", "text_col", metavar="COL", help="Column with the article text.")
@click.option("--date", "date_col", metavar="COL", help="Column with the publication date.")
@click.option("--title", "title_col", metavar="COL", help="Column with the headline.")
@click.option("--author", "author_col", metavar="COL", help="Column with the author.")
@click.option("--outlet", "outlet_col", metavar="COL", help="Column with the outlet or site.")
@click.option("--url", "url_col", metavar="COL", help="Column with the article's URL.")
@click.option("--id", "id_col", metavar="COL", help="Column with an id (becomes the doc_id).")
@click.option(
    "--month-first/--day-first",
    default=None,
    help="Order of numeric dates such as 03/04/2021 (default: from the column, else day first).",
)
@DATE_DEFAULT_OPTION
@FORCE_OPTION
def import_table(
    file: Path,
    out_dir: Path,
    text_col: str | None,
    date_col: str | None,
    title_col: str | None,
    author_col: str | None,
    outlet_col: str | None,
    url_col: str | None,
    id_col: str | None,
    month_first: bool | None,
    date_default: str | None,
    force: bool,
) -> None:
    """Read a CSV, TSV, Excel (.xlsx) or JSON lines export, one article per row."""
    from summitlib.corpus.importers.tables import read_table
    from summitlib.corpus.importers.writer import import_articles

    given = {"text": text_col, "published": date_col, "title": title_col}
    given |= {"author": author_col, "outlet": outlet_col, "url": url_col, "id": id_col}
    notes: list[str] = []
    rows = read_table(
        file,
        given,
        month_first=month_first,
        date_default=_check_date_default(date_default),
        notes=notes,
    )
    report = import_articles(rows, out_dir, force)
    report.notes[:0] = notes
    for line in report.lines():
        click.echo(line)


def _check_date_default(value: str | None) -> str | None:
    """The --date-default value, checked to be an ISO date."""
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ParameterError(
            f"--date-default {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2021-09-09"
        ) from None


def _annotated(corpus_dir: Path | None, stance_model: Path | None):
    """The corpus and its annotation (cached), made with ``stance_model`` if given."""
    from summitlib.corpus.reader import load_corpus
    from summitlib.pipeline.annotate import Pipeline, annotate

    pipeline = Pipeline(stance_model=stance_model)
    corpus = load_corpus(corpus_dir or default_corpus_dir())
    return corpus, annotate(corpus, pipeline=pipeline)


@cli.command()
@CORPUS_OPTION
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The coding sheet to write (SHEET.csv; SHEET.codebook.md is written beside it).",
)
@click.option("--n", "n", type=int, default=100, show_default=True, help="Rows in the sample.")
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@click.option(
    "--kind",
    type=click.Choice(["stance", "quotes"]),
    default="stance",
    show_default=True,
    help="stance: integration sentences by machine label; quotes: candidate quotations.",
)
@click.option("--force", is_flag=True, help="Replace an existing sheet and codebook.")
@STANCE_MODEL_OPTION
def sample(
    corpus_dir: Path | None,
    out: Path,
    n: int,
    seed: int,
    kind: str,
    force: bool,
    stance_model: Path | None,
) -> None:
    """Write a random coding sheet of the corpus, stratified by article and machine label."""
    from summitlib.evaluation.sheets import make_sheet, population, write_sheet

    corpus, tables = _annotated(corpus_dir, stance_model)
    rows = population(kind, corpus, tables)
    sheet = make_sheet(kind, rows, n, seed)
    for path in write_sheet(sheet, kind, out, corpus, force):
        click.echo(path)
    click.echo(f"{len(sheet)} of {len(rows)} {kind} rows sampled (seed {seed}).")


@cli.command()
@CORPUS_OPTION
@click.option(
    "--sheet",
    "sheet_path",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="A coding sheet written by 'summit sample' and filled in.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write the figures as JSON to this file.",
)
@STANCE_MODEL_OPTION
def agreement(
    corpus_dir: Path | None, sheet_path: Path, json_out: Path | None, stance_model: Path | None
) -> None:
    """Agreement of a filled coding sheet with the machine, with corrected stance shares."""
    import json

    from summitlib.evaluation.agreement import agreement as measure
    from summitlib.evaluation.agreement import format_agreement
    from summitlib.evaluation.sheets import population, read_sheet
    from summitlib.pipeline.tables import atomic_write_text

    corpus, tables = _annotated(corpus_dir, stance_model)
    sheet = read_sheet(sheet_path, corpus)
    report = measure(sheet, population(sheet.kind, corpus, tables))
    click.echo(format_agreement(report))
    if json_out is not None:
        from summitlib.analysis.results import jsonable

        text = json.dumps(jsonable(report), indent=2, sort_keys=True, ensure_ascii=False)
        json_out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(json_out, text + "\n")
        click.echo(f"figures written to {json_out}")


@cli.command()
@CORPUS_OPTION
@click.option(
    "--sheet",
    "sheet_paths",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    required=True,
    help="A filled stance coding sheet (repeat for several).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the model, its card.json and card.md.",
)
@click.option("--no-shipped", is_flag=True, help="Train on the coded rows only.")
@click.option("--force", is_flag=True, help="Replace a model already in --out.")
def train(
    corpus_dir: Path | None,
    sheet_paths: tuple[Path, ...],
    out: Path,
    no_shipped: bool,
    force: bool,
) -> None:
    """Train the stance model on coded sheets (plus the shipped data) and write a model card."""
    from summitlib.corpus.reader import load_corpus
    from summitlib.evaluation.sheets import read_sheet
    from summitlib.learning.adapt import check_out, retrain, write_model_folder

    corpus = load_corpus(corpus_dir or default_corpus_dir())
    check_out(out, corpus, force)
    sheets = [read_sheet(path, corpus, kind="stance") for path in sheet_paths]
    model, card = retrain(sheets, corpus, shipped=not no_shipped)
    for path in write_model_folder(out, model, card):
        click.echo(path)
    cv = card["evaluation"]["grouped_cv"]
    if "macro_f1" in cv:
        click.echo(f"cross-validated macro-F1 on the coded rows: {cv['macro_f1']:.3f}")
    click.echo(f"use it: summit annotate --stance-model {out}; summit run -p stance_model {out}")


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
    help="Folder of notebooks (default: the shipped ones; see summit notebooks).",
)
@click.option(
    "--reports",
    "reports_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for this run's reports (default: reports/<corpus name>/ under reports/ of the "
    "checkout, else of this folder; reports/index.html lists every corpus's set).",
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
    written = f"{len(entries)} report" + ("" if len(entries) == 1 else "s")
    click.echo(f"{written} written; open {entries.folder / 'index.html'}")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite notebooks that are already in FOLDER.")
def notebooks(folder: Path, force: bool) -> None:
    """Copy the research notebooks into FOLDER, to edit them in JupyterLab.

    Run your edited copies with ``summit run --notebooks FOLDER``."""
    from summitlib.reports.copies import copy_notebooks

    for path in copy_notebooks(folder, force=force):
        click.echo(path)
    click.echo(
        f"open them with: jupyter lab {folder}; run them with: summit run --notebooks {folder}"
    )


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


def _progress():
    """A tqdm progress bar on stderr over the articles annotated (silent when not a terminal)."""
    from tqdm import tqdm

    def wrap(items):
        return tqdm(items, unit="article", disable=None, file=sys.stderr)

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
