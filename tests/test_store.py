"""The per-corpus Parquet store: incremental, keyed by fingerprint, self-repairing, read-only for
notebooks; and ``summit annotate --format parquet``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS

from summitlib import Pipeline, annotate, load_corpus
from summitlib.cli import main
from summitlib.corpus.synthetic import make_synthetic_corpus
from summitlib.pipeline import store as store_module
from summitlib.pipeline.annotate import corpus_store, stored_tables, update_store

NAMES = ["documents", "sentences", "actors", "dates", "quotes", "stance", "positions", "amounts"]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The doc_ids the pipeline annotates in this process, in order."""
    seen: list[str] = []
    original = Pipeline.__call__

    def counting(self, article):
        seen.append(article.doc_id)
        return original(self, article)

    monkeypatch.setattr(Pipeline, "__call__", counting)
    return seen


def same_tables(a, b) -> None:
    """Two Tables with identical CSV text, table by table."""
    assert a.names() == b.names() and sorted(a.extra) == sorted(b.extra)
    for name in [*a.names(), *a.extra]:
        assert a[name].to_csv() == b[name].to_csv(), name
        assert list(a[name].dtypes) == list(b[name].dtypes), name


def parts(cache: Path) -> list[Path]:
    """The part folders of every store under a cache folder."""
    return sorted(cache.glob("store/*/part-*"))


def test_the_store_annotates_each_article_once_and_only_changed_ones_again(
    corpus_copy, tmp_path, calls
):
    cache = tmp_path / "cache"
    first = annotate(load_corpus(corpus_copy), cache_dir=cache)
    assert len(calls) == 5 and len(parts(cache)) == 1
    manifest = next(cache.glob("store/*/manifest.json"))
    stamp = manifest.stat().st_mtime_ns
    again = annotate(load_corpus(corpus_copy), cache_dir=cache)
    assert len(calls) == 5, "a complete store is only read"
    assert manifest.stat().st_mtime_ns == stamp
    same_tables(first, again)
    same_tables(first, annotate(load_corpus(corpus_copy), cache=False))
    article = corpus_copy / "articles" / "000_3bffb3832cec72fd.txt"
    article.write_bytes(article.read_bytes().replace(b"Mezhevich", b"Ivanov"))
    calls.clear()
    changed = annotate(load_corpus(corpus_copy), cache_dir=cache)
    assert calls == ["2021-02-25-tass"]
    assert not changed.quotes.equals(first.quotes)
    same_tables(changed, annotate(load_corpus(corpus_copy), cache=False))


def test_adding_ten_articles_annotates_ten(tmp_path, calls):
    small = make_synthetic_corpus(CORPUS, tmp_path / "small", 30)
    large = make_synthetic_corpus(CORPUS, tmp_path / "large", 40)
    cache = tmp_path / "cache"
    assert update_store(load_corpus(small), cache_dir=cache, workers=1) == 30
    assert len(calls) == 30
    old = set(load_corpus(small).doc_ids)
    for path in sorted((large / "articles").iterdir())[30:]:
        shutil.copy(path, small / "articles" / path.name)
    shutil.copy(large / "metadata.csv", small / "metadata.csv")
    grown = annotate(load_corpus(small), cache_dir=cache, workers=1)
    assert len(calls) == 40
    assert set(calls[30:]) == set(load_corpus(large).doc_ids) - old
    assert len(parts(cache)) == 2
    same_tables(grown, annotate(load_corpus(large), cache=False, workers=1))


@pytest.mark.parametrize("damage", ["truncate", "garbage", "tamper", "delete"])
@pytest.mark.parametrize("table", ["document", "quotes"])
def test_a_damaged_part_is_dropped_and_annotated_again(corpus_copy, tmp_path, damage, table):
    cache = tmp_path / "cache"
    reference = annotate(load_corpus(corpus_copy), cache_dir=cache)
    path = parts(cache)[0] / f"{table}.parquet"
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff not parquet")
    elif damage == "tamper":
        frame = pd.read_parquet(path)
        frame.iloc[0, 0] = "tampered" if frame.dtypes.iloc[0] != "int64" else 99
        frame.to_parquet(path, index=False)
    else:
        path.unlink()
    rebuilt = annotate(load_corpus(corpus_copy), cache_dir=cache)
    same_tables(rebuilt, reference)
    assert len(parts(cache)) == 1, "the damaged part is removed"


def test_many_small_parts_are_merged_and_old_ones_dropped(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "MAX_PARTS", 2)
    cache = tmp_path / "cache"
    annotate(load_corpus(corpus_copy), cache_dir=cache)
    for i, path in enumerate(sorted((corpus_copy / "articles").iterdir())[:3]):
        path.write_bytes(path.read_bytes() + f"\nAppended paragraph {i}.\n".encode())
        tables = annotate(load_corpus(corpus_copy), cache_dir=cache)
        assert len(parts(cache)) <= 2
    same_tables(tables, annotate(load_corpus(corpus_copy), cache=False))
    store = corpus_store(load_corpus(corpus_copy), cache)
    assert {p.name for p in parts(cache)} == set(store.parts())


def test_each_corpus_has_its_own_store(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    annotate(load_corpus(CORPUS), cache_dir=cache)
    annotate(load_corpus(corpus_copy), cache_dir=cache)
    stores = sorted(p.name for p in (cache / "store").iterdir())
    assert len(stores) == 2 and stores[0].startswith("corpus-") and stores[1].startswith("corpus-")


def test_annotate_writes_parquet_tables_equal_to_the_csv_ones(tmp_path):
    out, again = tmp_path / "out", tmp_path / "again"
    assert main(["annotate", "--out", str(out), "--format", "parquet", "--quiet"]) == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".parquet"] * 9
    assert main(["annotate", "--out", str(again), "--format", "parquet", "--quiet"]) == 0
    tables = annotate(load_corpus(CORPUS), cache=False)
    raws = {d.doc_id: d.raw for d in load_corpus(CORPUS)}
    for name in tables.names():
        path = out / f"{name}.parquet"
        assert path.read_bytes() == (again / path.name).read_bytes(), name
        read = pd.read_parquet(path)
        assert read.to_csv() == tables[name].to_csv(), name
        if "start" in read.columns:
            assert all(raws[r.doc_id][r.start : r.end] == r.text for r in read.itertuples())


def test_annotate_can_write_both_formats(tmp_path):
    args = ["annotate", "--out", str(tmp_path), "--format", "csv", "--format", "parquet"]
    assert main([*args, "--quiet"]) == 0
    stems = {p.stem for p in tmp_path.iterdir()}
    assert stems == {*NAMES, "turns"}
    assert len(list(tmp_path.iterdir())) == 18


def test_a_notebook_only_reads_the_store(corpus_copy, tmp_path, monkeypatch):
    import papermill

    cache = tmp_path / "cache"
    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(cache))
    assert main(["annotate", "--corpus", str(corpus_copy), "--out", str(tmp_path / "o")]) == 0
    manifest = next(cache.glob("store/*/manifest.json"))
    before = (manifest.read_bytes(), manifest.stat().st_mtime_ns, parts(cache))
    papermill.execute_notebook(
        str(Path(__file__).resolve().parent.parent / "notebooks" / "03_stance.ipynb"),
        str(tmp_path / "03_stance.ipynb"),
        parameters={"corpus_dir": str(corpus_copy), "results_dir": str(tmp_path)},
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    assert (manifest.read_bytes(), manifest.stat().st_mtime_ns, parts(cache)) == before


def test_stored_tables_are_read_when_first_used_and_equal_the_annotation(corpus_copy, monkeypatch):
    read: list[str] = []
    original = store_module.Store.read_part

    def counted(self, part, table, digests):
        read.append(table)
        return original(self, part, table, digests)

    corpus = load_corpus(corpus_copy)
    annotated = annotate(corpus)
    monkeypatch.setattr(store_module.Store, "read_part", counted)
    stored = stored_tables(corpus)
    assert set(read) <= {"document"}  # only the index of the store
    read.clear()
    assert len(stored.quotes) == len(annotated.quotes)
    assert set(read) - {"document"} == {"quotes"}  # and the store's index
    same_tables(stored, annotated)
    tables = [t for t in read if t != "document"]
    assert "sentences" in vars(stored) and len(tables) == len(set(tables))  # each read once


def test_rows_are_put_in_corpus_order_by_runs_as_by_a_stable_sort_of_every_row():
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from summitlib.pipeline.columnar import KEY, in_order

    rng = np.random.default_rng(7)
    for _ in range(200):
        keys = [f"k{i}" for i in range(rng.integers(0, 7))]
        rows = [k for k in keys for _ in range(rng.integers(0, 4))]
        cuts = sorted(rng.integers(0, len(rows) + 1, size=rng.integers(0, 4)))
        pieces = [rows[a:b] for a, b in zip([0, *cuts], [*cuts, len(rows)], strict=True)]
        rng.shuffle(pieces)
        table = pa.concat_tables(
            pa.table(
                {
                    KEY: pa.array(p, type=pa.string()),
                    "row": pa.array(range(len(p)), type=pa.int64()),
                }
            )
            for p in pieces
        )
        order = pa.array(list(rng.permutation(keys)), type=pa.string())
        position = pc.index_in(table[KEY], value_set=order).to_numpy(zero_copy_only=False)
        assert in_order(table, order).equals(table.take(np.argsort(position, kind="stable")))


def test_a_cache_folder_that_cannot_be_written_annotates_without_the_store(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    tables = annotate(load_corpus(CORPUS), cache_dir=blocked)
    same_tables(tables, annotate(load_corpus(CORPUS), cache=False))


def test_reprint_groups_are_kept_for_the_corpus_and_found_again_when_it_changes(
    tmp_path, monkeypatch
):
    from summitlib.pipeline import annotate as annotate_module

    found = []
    original = annotate_module.find_reprints

    def counting(articles, *args):
        articles = list(articles)
        found.append(len(articles))
        return original(articles, *args)

    monkeypatch.setattr(annotate_module, "find_reprints", counting)
    root = make_synthetic_corpus(CORPUS, tmp_path / "c", 12)
    cache = tmp_path / "cache"
    first = annotate(load_corpus(root), cache_dir=cache, workers=1)
    again = annotate(load_corpus(root), cache_dir=cache, workers=1)
    assert found == [12], "the second reading takes the groups from the store"
    same_tables(first, again)
    kept = next(cache.glob("store/*/stories-*.parquet"))
    kept.write_bytes(b"not parquet")
    same_tables(first, annotate(load_corpus(root), cache_dir=cache, workers=1))
    assert found == [12, 12], "a damaged file is computed again"
    metadata = root / "metadata.csv"
    lines = metadata.read_text(encoding="utf-8").splitlines(True)
    metadata.write_text("".join(lines[:-1]), encoding="utf-8")
    (root / "articles" / lines[-1].split(",")[0]).unlink()
    fewer = annotate(load_corpus(root), cache_dir=cache, workers=1)
    assert found == [12, 12, 11] and len(fewer.documents) == 11
    assert len(list(cache.glob("store/*/stories-*.parquet"))) == 1


def test_the_store_keys_on_all_the_code_that_annotates_and_only_on_it(tmp_path):
    """Every module annotating loads is in the annotation fingerprint; the readers are not."""
    import json
    import subprocess
    import sys

    from summitlib.pipeline.cache import library_files

    script = (
        "import json, sys, summitlib\n"
        "from summitlib import annotate, load_corpus\n"
        f"annotate(load_corpus({str(CORPUS)!r}), cache_dir={str(tmp_path)!r}, workers=1)\n"
        "root = summitlib.__path__[0]\n"
        "files = [getattr(m, '__file__', None) or '' for m in list(sys.modules.values())]\n"
        "print(json.dumps(sorted(f[len(root) + 1:] for f in files if f.startswith(root))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert "pipeline/annotate.py" in loaded and "extract/stance.py" in loaded
    assert loaded <= set(library_files(readers=False))
    readers = set(library_files()) - set(library_files(readers=False))
    assert {"reports/run.py", "analysis/setup.py", "cli.py"} <= readers


def test_summit_run_fills_the_store_before_the_kernels_read_it(corpus_copy, tmp_path, monkeypatch):
    """The runner adds the articles and the reprint groups; a kernel has nothing to compute."""
    from summitlib.pipeline import annotate as annotate_module
    from summitlib.reports.plan import find_notebooks, plan_run
    from summitlib.reports.run import _annotate

    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(tmp_path / "cache"))
    books = Path(__file__).resolve().parent.parent / "notebooks"
    _annotate(plan_run(find_notebooks(books, ["01"]), {"corpus_dir": str(corpus_copy)}))
    assert list((tmp_path / "cache").glob("store/*/stories-*.parquet"))

    def computed(*args):
        raise AssertionError("a reader computed what the store should hold")

    monkeypatch.setattr(annotate_module, "find_reprints", computed)
    monkeypatch.setattr(Pipeline, "__call__", computed)
    tables = annotate(load_corpus(corpus_copy))
    assert len(tables.documents) == len(load_corpus(corpus_copy))
