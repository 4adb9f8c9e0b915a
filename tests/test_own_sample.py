"""Validate on your own articles: coding sheets, agreement, retraining and notebook 05.

The loop is played on the development set (24 articles with gold labels): a sheet is drawn,
filled from the gold as a coder would fill it, scored with ``summit agreement`` (figures
checked against an independent computation from the annotation), used to retrain the stance
model, which then annotates and runs the notebooks.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shlex
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import report_file, write_corpus

from summitlib import Pipeline, annotate, load_corpus
from summitlib.cli import cli, main
from summitlib.evaluation.agreement import corrected_shares
from summitlib.evaluation.sampling import equal_shares, largest_remainder, stratified_sample
from summitlib.evaluation.sheets import COLUMNS, quote_population, read_sheet
from summitlib.extract.stance import load_models, speaker_score

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "fixtures" / "devset"
LABELS = (-1, 0, 1)


def summit(*args: str) -> int:
    """Run the summit command line in this process; its exit status."""
    return main([str(a) for a in args])


def read_rows(sheet: Path) -> list[dict]:
    """A sheet's rows as a spreadsheet program would read them."""
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(sheet: Path, rows: list[dict]) -> None:
    """Save rows back as a coder's spreadsheet would (plain UTF-8 CSV)."""
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def best_gold(row: dict, gold: list[dict]) -> dict | None:
    """The gold row of the same file that overlaps the sheet row most (None if none)."""
    start, end = int(row["start"]), int(row["end"])
    best, most = None, 0
    for g in gold:
        if g["file"] == row["file"]:
            shared = min(end, int(g["end"])) - max(start, int(g["start"]))
            if shared > most:
                best, most = g, shared
    return best


def fill_stance_from_gold(
    sheet: Path, gold_dir: Path, skip_every: int = 0, differ_every: int = 0
) -> list[dict]:
    """Code a stance sheet with the gold labels (x where no gold sentence overlaps); every
    ``differ_every``-th row the coder reads the sentence differently (the next label), since
    the shipped model was trained on the gold and would otherwise agree perfectly."""
    gold = read_rows(gold_dir / "stance_sentences.csv")
    rows = read_rows(sheet)
    for i, row in enumerate(rows):
        match = best_gold(row, gold)
        row["label"] = match["stance"] if match else "x"
        if differ_every and i % differ_every == 1 and match:
            row["label"] = {"-1": "0", "0": "1", "1": "-1"}[match["stance"]]
        if skip_every and i % skip_every == 0:
            row["label"] = ""
    write_rows(sheet, rows)
    return rows


def independent_figures(rows: list[dict], stance: pd.DataFrame) -> dict:
    """Weighted confusion, macro-F1, kappa and corrected shares, computed by hand."""
    coded = [r for r in rows if r["label"]]
    cell_size = stance.groupby(["stance", "doc_id"]).size().to_dict()
    in_cell: dict = {}
    for r in coded:
        key = (int(r["machine_label"]), r["doc_id"])
        in_cell[key] = in_cell.get(key, 0) + 1
    cells = [(int(r["machine_label"]), r["doc_id"]) for r in coded]
    weight = [cell_size[c] / in_cell[c] for c in cells]
    matrix = np.zeros((3, 3))
    for w, r in zip(weight, coded, strict=True):
        if r["label"] != "x":
            matrix[int(r["label"]) + 1, int(r["machine_label"]) + 1] += w
    f1s = []
    for k in range(3):
        p = matrix[k, k] / matrix[:, k].sum() if matrix[:, k].sum() else 0.0
        r = matrix[k, k] / matrix[k, :].sum() if matrix[k, :].sum() else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    total = matrix.sum()
    observed = np.trace(matrix) / total
    expected = sum(matrix[k, :].sum() * matrix[:, k].sum() for k in range(3)) / total**2
    machine = stance["stance"].value_counts(normalize=True).to_dict()
    shares = {}
    for i in LABELS:
        shares[i] = 0.0
        for j in LABELS:
            given = [
                (w, r) for w, r in zip(weight, coded, strict=True) if int(r["machine_label"]) == j
            ]
            share_i = sum(w for w, r in given if r["label"] == str(i)) / sum(w for w, _ in given)
            shares[i] += machine.get(j, 0.0) * share_i
    about = sum(shares.values())
    return {
        "macro_f1": float(np.mean(f1s)),
        "kappa": float((observed - expected) / (1 - expected)),
        "shares_corrected": {str(k): v / about for k, v in shares.items()},
        "n_coded": len(coded),
        "n_not_integration": sum(r["label"] == "x" for r in coded),
    }


@pytest.fixture(scope="module")
def loop(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The loop on the devset: a 60-row sheet filled from gold, its agreement, a model."""
    folder = tmp_path_factory.mktemp("loop")
    sheet = folder / "devset-sample.csv"
    assert summit("sample", "--corpus", DEVSET, "--out", sheet, "--n", 60, "--seed", 3) == 0
    drawn = sheet.read_bytes()
    rows = fill_stance_from_gold(sheet, DEVSET / "gold", skip_every=12, differ_every=4)
    report = folder / "agreement.json"
    assert summit("agreement", "--corpus", DEVSET, "--sheet", sheet, "--json", report) == 0
    model = folder / "model"
    assert summit("train", "--corpus", DEVSET, "--sheet", sheet, "--out", model) == 0
    return {
        "folder": folder,
        "sheet": sheet,
        "drawn": drawn,
        "rows": rows,
        "report": json.loads(report.read_text(encoding="utf-8")),
        "model": model,
    }


def test_the_sheet_has_the_issue_columns_a_bom_and_a_codebook(loop):
    assert loop["drawn"].startswith(b"\xef\xbb\xbf")
    header = next(csv.reader([loop["drawn"].decode("utf-8-sig").splitlines()[0]]))
    assert header == COLUMNS["stance"]
    assert len(loop["rows"]) == 60
    book = (loop["folder"] / "devset-sample.codebook.md").read_text(encoding="utf-8")
    for label in ("`1`", "`-1`", "`0`", "`x`"):
        section = book.split(f"\n{label} (")[1].split("\n\n`")[0]
        assert [f"{k}. " in section for k in (1, 2, 3)] == [True] * 3


def test_the_sample_is_reproducible_and_stratified(loop, tmp_path, capsys):
    again, other = tmp_path / "again.csv", tmp_path / "other.csv"
    assert summit("sample", "--corpus", DEVSET, "--out", again, "--n", 60, "--seed", 3) == 0
    assert summit("sample", "--corpus", DEVSET, "--out", other, "--n", 60, "--seed", 4) == 0
    assert again.read_bytes() == loop["drawn"]
    assert other.read_bytes() != loop["drawn"]
    stance = annotate(load_corpus(DEVSET)).stance
    available = stance["stance"].value_counts().to_dict()
    drawn = pd.DataFrame(read_rows(again)).astype({"machine_label": int})
    per_label = drawn["machine_label"].value_counts().to_dict()
    assert per_label == equal_shares(dict(sorted(available.items())), 60)
    for label, rows in drawn.groupby("machine_label"):
        cell = stance[stance["stance"] == label].groupby("doc_id").size()
        expected = cell / cell.sum() * len(rows)
        taken = rows.groupby("doc_id").size().reindex(cell.index, fill_value=0)
        assert ((taken - expected).abs() < 1).all()


def test_agreement_matches_an_independent_computation(loop):
    stance = annotate(load_corpus(DEVSET)).stance
    expected = independent_figures(loop["rows"], stance)
    report = loop["report"]
    assert 0.3 < report["macro_f1"] < 0.95 and 0.2 < report["kappa"] < 0.95  # not trivial
    assert report["n_coded"] == expected["n_coded"]
    assert report["n_not_integration"] == expected["n_not_integration"]
    assert report["n_uncoded"] == 5
    assert report["macro_f1"] == pytest.approx(expected["macro_f1"], abs=1e-6)
    assert report["kappa"] == pytest.approx(expected["kappa"], abs=1e-6)
    for label, share in expected["shares_corrected"].items():
        assert report["shares_corrected"][label] == pytest.approx(share, abs=1e-6)
    counted = {g: sum(row.values()) for g, row in report["confusion"].items()}
    coded = [r["label"] for r in loop["rows"] if r["label"] not in ("", "x")]
    assert counted == {str(k): coded.count(str(k)) for k in LABELS}
    machine = stance["stance"].value_counts(normalize=True)
    shares = {str(k): pytest.approx(machine.get(k, 0), abs=1e-6) for k in LABELS}
    assert report["shares_machine"] == shares  # the report rounds to 6 decimals
    for name in ("macro_f1", "kappa"):
        low, high = report[f"{name}_interval"]
        assert low <= report[name] <= high
    for label, (low, high) in report["shares_corrected_interval"].items():
        assert low <= report["shares_corrected"][label] <= high


def test_agreement_is_the_same_every_run(loop, tmp_path, capsys):
    again = tmp_path / "again.json"
    assert summit("agreement", "--corpus", DEVSET, "--sheet", loop["sheet"], "--json", again) == 0
    assert json.loads(again.read_text(encoding="utf-8")) == loop["report"]
    printed = capsys.readouterr().out
    assert "Cohen" not in printed and "kappa" in printed and "corrected" in printed


def test_corrected_shares_undo_a_known_misclassification():
    # The machine calls half the sentences -1; the coder finds half of those are really 0.
    rows = pd.DataFrame(
        {
            "machine_label": [-1, -1, -1, -1, 0, 0, 1, 1],
            "value": ["-1", "-1", "0", "0", "0", "0", "1", "x"],
            "weight": [1.0] * 8,
        }
    )
    shares = corrected_shares(rows, {"-1": 0.5, "0": 0.25, "1": 0.25})
    # -1: 0.25; 0: 0.25 + 0.25; 1: 0.125; x: 0.125 -> renormalised over 0.875
    assert shares == pytest.approx({"-1": 0.25 / 0.875, "0": 0.5 / 0.875, "1": 0.125 / 0.875})


def test_the_retrained_model_has_a_card_and_annotates(loop, tmp_path, capsys):
    model = loop["model"]
    card = json.loads((model / "card.json").read_text(encoding="utf-8"))
    coded = [r["label"] for r in loop["rows"] if r["label"] not in ("", "x")]
    sheet_counts = card["training_counts"]["sheet:devset-sample.csv"]
    assert sheet_counts == {str(k): coded.count(str(k)) for k in LABELS if str(k) in coded}
    assert "shipped:bank" in card["training_counts"]
    assert card["sheets"][0]["sha256"] == hashlib.sha256(loop["sheet"].read_bytes()).hexdigest()
    assert card["evaluation"]["grouped_cv"]["n"] == len(coded)
    assert 0 <= card["evaluation"]["grouped_cv"]["macro_f1"] <= 1
    assert card["summitlib_version"] and card["created"]
    assert "cross-validated by article" in (model / "card.md").read_text(encoding="utf-8")

    new, old = tmp_path / "new", tmp_path / "old"
    assert summit("annotate", "--corpus", DEVSET, "--stance-model", model, "--out", new) == 0
    assert summit("annotate", "--corpus", DEVSET, "--out", old) == 0
    assert (new / "stance.csv").read_bytes() != (old / "stance.csv").read_bytes()
    assert (new / "quotes.csv").read_bytes() == (old / "quotes.csv").read_bytes()
    assert_positions_scored_by(load_models(model), new)
    direct = annotate(load_corpus(DEVSET), cache=False, pipeline=Pipeline(stance_model=model))
    direct.write(tmp_path / "direct")
    assert (tmp_path / "direct" / "stance.csv").read_bytes() == (new / "stance.csv").read_bytes()


def assert_positions_scored_by(models: tuple[dict, dict], out: Path) -> None:
    """The quoted speakers' scores in ``out`` are those of ``models``, not the shipped ones."""
    quotes, positions = pd.read_csv(out / "quotes.csv"), pd.read_csv(out / "positions.csv")
    ours, shipped = [], []
    for row in positions[positions["n_quotes"] > 0].itertuples():
        said = quotes[
            (quotes["doc_id"] == row.doc_id)
            & quotes["speaker"].str.contains(row.speaker, regex=False)
        ]
        texts = list(said["text"])
        ours.append(round(speaker_score(texts, models), 4) == row.score)
        shipped.append(round(speaker_score(texts), 4) == row.score)
    assert all(ours) and not all(shipped)


def test_the_cache_keys_on_the_model(loop, tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(loop["model"], copy)
    before = Pipeline(stance_model=copy).cache_parts()
    assert before != Pipeline().cache_parts()
    model = json.loads((copy / "stance_model.json").read_text(encoding="utf-8"))
    model["intercepts"][0] += 1.0
    (copy / "stance_model.json").write_text(json.dumps(model), encoding="utf-8")
    assert Pipeline(stance_model=copy).cache_parts() != before


def test_training_is_deterministic_from_the_same_sheet(loop, tmp_path, capsys):
    again = tmp_path / "again"
    assert summit("train", "--corpus", DEVSET, "--sheet", loop["sheet"], "--out", again) == 0
    for name in ("stance_model.json", "target_model.json"):
        assert (again / name).read_bytes() == (loop["model"] / name).read_bytes()


def test_notebook_05_shows_the_sample_and_others_take_the_model(loop, tmp_path, capsys):
    reports = tmp_path / "reports"
    args = ["run", "05", "--corpus", DEVSET, "--reports", reports, "--quiet"]
    assert summit(*args, "-p", "sheet", loop["sheet"]) == 0
    results = json.loads(report_file(reports, "05_validation.results.json").read_text("utf-8"))
    own = results["results"]["own_sample"]
    for name in ("macro_f1", "kappa", "n_coded", "n_not_integration"):
        assert own[name] == pytest.approx(loop["report"][name], abs=1e-6)
    assert own["confusion"] == loop["report"]["confusion"]
    assert own["shares_corrected"] == pytest.approx(loop["report"]["shares_corrected"], abs=1e-6)
    page = report_file(reports, "05_validation.html").read_text(encoding="utf-8")
    assert "Agreement on your own sample" in page and "devset-sample.csv" in page
    assert "corrected" in page and "gold standard" in page

    stance = tmp_path / "stance"
    args = ["run", "03", "--corpus", DEVSET, "--reports", stance, "--quiet"]
    assert summit(*args, "-p", "stance_model", loop["model"]) == 0
    results = json.loads(report_file(stance, "03_stance.results.json").read_text("utf-8"))
    assert results["parameters"]["stance_model"] == str(loop["model"].resolve())


def test_uncoded_rows_are_skipped_and_counted(loop):
    assert loop["report"]["n_uncoded"] == sum(r["label"] == "" for r in loop["rows"])


# --- bad input ------------------------------------------------------------------------


@pytest.fixture
def bundled_sheet(tmp_path: Path, corpus_copy: Path) -> tuple[Path, Path]:
    """A filled 30-row stance sheet of a writable copy of the bundled corpus."""
    sheet = tmp_path / "sheet.csv"
    assert summit("sample", "--corpus", corpus_copy, "--out", sheet, "--n", 30) == 0
    fill_stance_from_gold(sheet, ROOT / "corpus" / "gold")
    return corpus_copy, sheet


def refused(capsys, *args: object) -> str:
    """Run a command that must be refused; its one message."""
    capsys.readouterr()
    assert summit(*args) == 2
    err = capsys.readouterr().err
    assert err.startswith("summit: error: ") and "Traceback" not in err
    return err


def edit(sheet: Path, change) -> None:
    """Apply ``change`` to the rows of a sheet and save it."""
    rows = read_rows(sheet)
    change(rows)
    write_rows(sheet, rows)


def test_a_sheet_without_a_label_column_is_refused(bundled_sheet, capsys):
    corpus, sheet = bundled_sheet
    edit(sheet, lambda rows: [row.pop("label") for row in rows])
    err = refused(capsys, "agreement", "--corpus", corpus, "--sheet", sheet)
    assert "no column 'label'" in err and "Fix:" in err


def test_labels_outside_the_allowed_values_are_refused_by_row(bundled_sheet, capsys):
    corpus, sheet = bundled_sheet
    edit(sheet, lambda rows: rows[3].update(label="2") or rows[7].update(label="yes"))
    err = refused(capsys, "agreement", "--corpus", corpus, "--sheet", sheet)
    assert "line 5 (row 4): label '2' is not allowed" in err
    assert "line 9 (row 8): label 'yes'" in err and "-1, 0, 1, x" in err


def test_duplicate_rows_are_refused(bundled_sheet, capsys):
    corpus, sheet = bundled_sheet
    edit(sheet, lambda rows: rows.append(dict(rows[2])))
    err = refused(capsys, "agreement", "--corpus", corpus, "--sheet", sheet)
    assert "line 32 (row 3): repeats the row number of line 4" in err


def test_a_changed_article_is_refused(bundled_sheet, capsys):
    corpus, sheet = bundled_sheet
    row = read_rows(sheet)[0]
    path = corpus / "articles" / row["file"]
    raw = path.read_bytes().decode("utf-8")
    start = int(row["start"])
    path.write_text(raw[:start] + "XX" + raw[start + 2 :], encoding="utf-8", newline="")
    err = refused(capsys, "agreement", "--corpus", corpus, "--sheet", sheet)
    assert "line 2 (row 1): the text no longer matches" in err and "summit sample" in err


def test_a_sheet_of_another_corpus_is_refused(bundled_sheet, capsys):
    _, sheet = bundled_sheet
    err = refused(capsys, "agreement", "--corpus", DEVSET, "--sheet", sheet)
    assert "not in the corpus" in err and "--corpus" in err


def test_fewer_than_ten_coded_rows_are_refused_saying_how_many(bundled_sheet, capsys, tmp_path):
    corpus, sheet = bundled_sheet

    def keep_seven(rows):
        coded = [r for r in rows if r["label"] not in ("", "x")]
        for r in rows:
            r["label"] = r["label"] if r in coded[:7] else ""

    edit(sheet, keep_seven)
    err = refused(capsys, "agreement", "--corpus", corpus, "--sheet", sheet)
    assert "has 7 rows coded -1, 0 or 1; at least 10 are needed" in err and "code 3 more" in err
    err = refused(capsys, "train", "--corpus", corpus, "--sheet", sheet, "--out", tmp_path / "m")
    assert "at least 10 are needed" in err
    assert not (tmp_path / "m").exists()


def test_a_machine_label_the_annotation_does_not_give_is_refused(bundled_sheet, capsys):
    corpus, sheet = bundled_sheet
    swap = {"-1": "1", "0": "1", "1": "-1"}
    edit(sheet, lambda rows: rows[0].update(machine_label=swap[rows[0]["machine_label"]]))
    err = refused(capsys, "agreement", "--corpus", corpus, "--sheet", sheet)
    assert "row 1: the sheet says machine_label" in err and "--stance-model" in err


def test_out_never_overwrites_a_sheet_or_a_model(bundled_sheet, capsys, tmp_path):
    corpus, sheet = bundled_sheet
    coded = sheet.read_bytes()
    err = refused(capsys, "sample", "--corpus", corpus, "--out", sheet)
    assert "already exists" in err and "--force" in err
    assert sheet.read_bytes() == coded
    model = tmp_path / "model"
    assert summit("train", "--corpus", corpus, "--sheet", sheet, "--out", model) == 0
    card = (model / "card.json").read_bytes()
    err = refused(capsys, "train", "--corpus", corpus, "--sheet", sheet, "--out", model)
    assert "--force" in err and (model / "card.json").read_bytes() == card
    assert summit("train", "--corpus", corpus, "--sheet", sheet, "--out", model, "--force") == 0
    assert summit("sample", "--corpus", corpus, "--out", sheet, "--force") == 0
    assert sheet.read_bytes() != coded


def test_nothing_is_written_inside_the_corpus(corpus_copy, capsys):
    err = refused(capsys, "sample", "--corpus", corpus_copy, "--out", corpus_copy / "s.csv")
    assert "inside the corpus" in err and not (corpus_copy / "s.csv").exists()


def test_a_folder_without_models_is_refused(tmp_path, capsys):
    err = refused(capsys, "annotate", "--stance-model", tmp_path, "--out", tmp_path / "o")
    assert "holds no readable target_model.json" in err and "summit train" in err


def test_a_non_utf8_sheet_is_refused(bundled_sheet, capsys):
    corpus, sheet = bundled_sheet
    sheet.write_bytes(sheet.read_text(encoding="utf-8").encode("utf-8") + b"\xff\xfe")
    err = refused(capsys, "agreement", "--corpus", corpus, "--sheet", sheet)
    assert "not UTF-8" in err and "CSV UTF-8" in err


# --- spreadsheets -----------------------------------------------------------------------

FORMULA_ARTICLE = (
    '=HYPERLINK("http://example.org") Belarus and Russia signed the Union State integration '
    "programmes.\n\n"
    "+7 Minsk said integration with Russia would deepen. "
    "@Lukashenko said the Union State integration talks reached deadlock.\n\n"
    "-1 percent: the integration of Belarus and Russia stalled again.\n"
)


def test_text_cells_are_neutralised_and_read_back(tmp_path, capsys):
    metadata = "file,published,title\nf.txt,2021-02-22,Formulas\ng.txt,2021-02-23,Plain\n"
    plain = "The Union State integration programmes were signed in Moscow.\n"
    corpus = write_corpus(tmp_path / "c", {"f.txt": FORMULA_ARTICLE, "g.txt": plain}, metadata)
    sheet = tmp_path / "s.csv"
    assert summit("sample", "--corpus", corpus, "--out", sheet, "--n", 20) == 0
    rows = read_rows(sheet)
    cells = [r[c] for r in rows for c in ("before", "text")]
    risky = [cell for cell in cells if cell.lstrip("'").startswith(("=", "+", "-", "@"))]
    assert risky and all(cell.startswith("'") for cell in risky)
    numbers = {"start", "end", "machine_label", "machine_score"}  # read as numbers, not formulas
    assert all(not r[c].startswith(("=", "+", "-", "@")) for r in rows for c in set(r) - numbers)
    for i, row in enumerate(rows):
        row["label"] = ("1", "0", "-1")[i % 3]
    write_rows(sheet, rows)
    coded = read_sheet(sheet, load_corpus(corpus), minimum=1)
    assert len(coded.rows) == len(rows)
    assert set(coded.rows["text"].str[:1]) >= {"'"}


def test_doc_ids_a_spreadsheet_read_as_numbers_are_put_back_from_the_file(tmp_path, capsys):
    metadata = "file,published\n0042.txt,2021-02-22\n1e5.txt,2021-02-23\n"
    corpus = write_corpus(
        tmp_path / "c", {"0042.txt": FORMULA_ARTICLE, "1e5.txt": FORMULA_ARTICLE}, metadata
    )
    sheet = tmp_path / "s.csv"
    assert summit("sample", "--corpus", corpus, "--out", sheet, "--n", 20) == 0
    rows = read_rows(sheet)
    assert {r["doc_id"] for r in rows} == {"0042", "1e5"}
    shown = {"0042": "42", "1e5": "1.00E+05"}  # as LibreOffice saves them back
    for i, row in enumerate(rows):
        row.update(doc_id=shown[row["doc_id"]], label=("1", "0", "-1")[i % 3])
    write_rows(sheet, rows)
    coded = read_sheet(sheet, load_corpus(corpus), minimum=1)
    assert set(coded.rows["doc_id"]) == {"0042", "1e5"}
    rows[0]["doc_id"] = "43"  # another number: not a rendering of the row's article
    write_rows(sheet, rows)
    err = refused(capsys, "agreement", "--corpus", corpus, "--sheet", sheet)
    assert "line 2 (row 1): doc_id '43' is not in the corpus" in err


def test_a_quotes_sheet_gives_precision_recall_and_speaker_accuracy(tmp_path, capsys):
    sheet = tmp_path / "quotes.csv"
    assert summit("sample", "--kind", "quotes", "--out", sheet, "--n", 40, "--seed", 2) == 0
    rows = read_rows(sheet)
    assert list(rows[0]) == COLUMNS["quotes"]
    assert {r["machine_kind"] == "" for r in rows} == {True, False}  # found and left out
    gold = read_rows(ROOT / "corpus" / "gold" / "quotes.csv")
    for row in rows:
        match = best_gold(row, gold)
        row["kind"] = match["kind"] if match else "x"
        row["speaker"] = match["speaker"] if match else ""
    write_rows(sheet, rows)
    out = tmp_path / "q.json"
    assert summit("agreement", "--sheet", sheet, "--json", out) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    corpus = load_corpus(ROOT / "corpus")
    everyone = quote_population(corpus, annotate(corpus))
    size = everyone.groupby(["stratum", "doc_id"]).size().to_dict()
    cell = [("found" if r["machine_kind"] else "not found", r["doc_id"]) for r in rows]
    weight = [size[c] / cell.count(c) for c in cell]

    def share(hit, of) -> float:
        pairs = [(w, r) for w, r in zip(weight, rows, strict=True) if of(r)]
        return sum(w for w, r in pairs if hit(r)) / sum(w for w, _ in pairs)

    assert report["n_coded"] == len(rows)
    assert report["n_not_quotes"] == sum(r["kind"] == "x" for r in rows)
    assert report["precision"] == pytest.approx(
        share(lambda r: r["kind"] != "x", lambda r: r["machine_kind"])
    )
    assert report["recall"] == pytest.approx(
        share(lambda r: r["machine_kind"], lambda r: r["kind"] != "x")
    )
    assert report["speaker_accuracy"] == pytest.approx(1.0)  # the bundled quotes are all right


# --- sampling arithmetic -----------------------------------------------------------------


def test_allocations_add_up_and_respect_sizes():
    assert equal_shares({"-1": 50, "0": 3, "1": 40}, 30) == {"-1": 14, "0": 3, "1": 13}
    assert equal_shares({"a": 2, "b": 2}, 10) == {"a": 2, "b": 2}
    assert largest_remainder({"a": 10, "b": 5, "c": 1}, 8) == {"a": 5, "b": 3, "c": 0}
    assert largest_remainder({"a": 2, "b": 1}, 5) == {"a": 2, "b": 1}


def test_a_stratified_sample_draws_within_strata():
    population = pd.DataFrame(
        {"stratum": ["a"] * 30 + ["b"] * 6, "doc_id": (["d1", "d2", "d3"] * 12), "v": range(36)}
    )
    sample = stratified_sample(population, 12, seed=5)
    assert sample["stratum"].value_counts().to_dict() == {"a": 6, "b": 6}
    assert sample["v"].is_unique
    assert stratified_sample(population, 12, seed=5).equals(sample)


# --- the README -------------------------------------------------------------------------


def test_the_readme_walkthrough_uses_real_commands_and_options():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Validate on your own articles") :]
    section = section[: section.index("\n## ", 5)]
    commands = [
        line.strip().removeprefix(".venv/bin/")
        for line in section.splitlines()
        if line.strip().startswith((".venv/bin/summit ", "summit "))
    ]
    assert {c.split()[1] for c in commands} >= {"sample", "agreement", "train", "annotate", "run"}
    for command in commands:
        words = shlex.split(command.split("#")[0])
        options = {o for p in cli.commands[words[1]].params for o in p.opts}
        assert {w for w in words if w.startswith("--")} <= options, command
    for needed in ("sample size", "kappa", "corrected shares", "interval"):
        assert needed in section


def test_train_refuses_a_quotes_sheet(tmp_path, capsys):
    sheet = tmp_path / "quotes.csv"
    assert summit("sample", "--kind", "quotes", "--out", sheet, "--n", 12) == 0
    err = refused(capsys, "train", "--sheet", sheet, "--out", tmp_path / "m")
    assert "is that of a quotes sheet" in err and "--kind stance" in err


def test_a_corpus_without_integration_sentences_has_nothing_to_sample(tmp_path, capsys):
    metadata = "file,published,title\nw.txt,2021-02-22,Weather\n"
    text = "The football club won the cup on Saturday. Fans celebrated in the park until late.\n"
    corpus = write_corpus(tmp_path / "c", {"w.txt": text}, metadata)
    err = refused(capsys, "sample", "--corpus", corpus, "--out", tmp_path / "s.csv")
    assert "no sentences about integration" in err and not (tmp_path / "s.csv").exists()
