"""Nothing read that should not be, nothing lost, nothing half-written: the cases of a session
spent attacking the package (issue 15), one or more tests each, numbered as in the README's
bad-input table. Runs that need notebooks use quick generated ones where the case allows."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import nbformat
import psutil
import pytest
from conftest import report_file, write_corpus

from summitlib import ParameterError, annotate, load_corpus
from summitlib.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "small_corpus"
SUMMIT = Path(sys.executable).with_name("summit")
NEWS = (
    "MINSK, 9 September (BelTA). Alexander Lukashenko and Vladimir Putin met in Moscow on "
    "Thursday. \u201cWe have agreed on all 28 programmes,\u201d Lukashenko said. Analyst Artyom "
    "Shraibman said that the deal brings integration no closer.\n"
)
META = "file,published,title,outlet\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def quick_notebook(folder: Path, name: str, body: str = "print('fine')") -> Path:
    """A numbered notebook with a title, a parameters cell and ``body``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {name}\n\nDoes it run?"),
        nbformat.v4.new_code_cell("label = 'x'  # a label\n", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(body),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{name}.ipynb")
    return folder / f"{name}.ipynb"


def refused(args: list, capsys, *expected: str) -> str:
    """Run ``summit`` in this process; expect exit 2, one line naming ``expected``."""
    code = main([str(a) for a in args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for text in expected:
        assert text in err, err
    return err


def refused_corpus(root: Path, capsys, *expected: str) -> str:
    """``summit validate`` refuses the corpus with a message naming ``expected``."""
    assert main(["validate", "--corpus", str(root)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("summit: error:")
    for text in expected:
        assert text in err, err
    return err


# An address-space limit for probes that must not read without end: reading /dev/zero would
# reach it in seconds, while the thread arenas of pyarrow and NLTK's SciPy reserve about 1.9 GB
# of address space without using the memory.
ADDRESS_SPACE = 4 * 2**30


def limited(**limits: int):
    """A preexec function setting resource limits (and ignoring SIGXFSZ: writes fail instead)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        for name, value in limits.items():
            resource.setrlimit(getattr(resource, name), (value, value))

    return apply


# --- 1. a symlinked articles/ folder ----------------------------------------------------------


def test_01_articles_folder_linking_outside_is_refused(tmp_path, capsys):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "articles").symlink_to("/")
    (root / "metadata.csv").write_text("file,published\nproc/self/environ,2021-09-10\n")
    refused_corpus(root, capsys, "articles: is a link to /, outside the corpus folder")
    outside = tmp_path / "elsewhere"
    write_corpus(outside, {"a.txt": NEWS}, META + "a.txt,2021-09-10,t,o\n")
    inside = tmp_path / "linked"
    (inside / "articles").mkdir(parents=True)
    (inside / "articles" / "a.txt").write_text(NEWS, encoding="utf-8")
    (inside / "metadata.csv").symlink_to(outside / "metadata.csv")
    refused_corpus(inside, capsys, "metadata.csv: is a link to", "outside the corpus folder")


# --- 2. --reports over the notebooks or the corpus ------------------------------------------


def test_02_reports_into_notebooks_or_corpus_are_refused(tmp_path, corpus_copy, capsys):
    books = tmp_path / "books"
    books.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_corpus_overview.ipynb", books)
    before = snapshot(tmp_path)
    base = ["run", "--quiet", "--corpus", corpus_copy, "--notebooks", books]
    for target in (books, corpus_copy, corpus_copy / "articles", tmp_path):
        refused([*base, "--reports", target], capsys, f"--reports {target.resolve()} overlaps")
    assert snapshot(tmp_path) == before, "nothing written"


# --- 3. files of the user's own in a reports folder -----------------------------------------


def test_03_only_the_runners_own_files_are_touched(tmp_path, capsys):
    books = tmp_path / "books"
    quick_notebook(books, "01_quick")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "index.html").write_text("my own page", encoding="utf-8")
    refused(["run", "--notebooks", books, "--reports", mine, "--quiet"], capsys, "--force")
    assert [p.name for p in mine.iterdir()] == ["index.html"]
    reports = tmp_path / "reports"
    assert main(["run", "--notebooks", books, "--reports", str(reports), "--quiet"]) == 0
    own = {
        "failed/01_quick.ipynb": b"{my notes}",
        "failed/notes.txt": b"mine",
        ".staging-12345/notes.txt": b"mine",  # looks stale (no such process), is not ours
        "notes.md": b"mine",
    }
    for name, data in own.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(data)
    argv = ["run", "--notebooks", books, "--reports", str(reports), "--quiet", "--force"]
    assert main(argv) == 0
    for name, data in own.items():
        assert (reports / name).read_bytes() == data, name


# --- 4. links in metadata ---------------------------------------------------------------------


def test_04_links_in_metadata_render_as_text(tmp_path):
    outlet = "[TASS](https://evil.example/outlet)"
    root = write_corpus(tmp_path / "c", {"a.txt": NEWS}, META + f'a.txt,2021-09-10,t,"{outlet}"\n')
    reports = tmp_path / "reports"
    argv = ["run", "01", "--corpus", str(root), "--reports", str(reports), "--quiet"]
    assert main(argv) == 0
    page = report_file(reports, "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "evil.example" in page, "the outlet is shown"
    assert 'href="https://evil.example' not in page, "but not as a link"


# --- 5. publishing all or nothing -------------------------------------------------------------


def test_05_a_report_that_no_longer_matches_its_digest_is_rebuilt(tmp_path):
    books = tmp_path / "books"
    quick_notebook(books, "01_quick")
    quick_notebook(books, "02_other")
    reports = tmp_path / "reports"
    argv = ["run", "--notebooks", str(books), "--reports", str(reports), "--quiet"]
    assert main(argv) == 0
    html = report_file(reports, "01_quick.html")
    good = html.read_bytes()
    html.write_bytes(good.replace(b"Does it run?", b"A half-published mix"))  # a stale file
    other = report_file(reports, "02_other.ipynb").read_bytes()
    assert main(argv) == 0
    assert b"A half-published mix" not in report_file(reports, "01_quick.html").read_bytes()
    assert report_file(reports, "02_other.ipynb").read_bytes() == other, "the intact one kept"
    index = json.loads((reports / "index.json").read_text(encoding="utf-8"))
    for entry in index["reports"]:
        for name, sha in entry["files"].items():
            assert hashlib_of(reports / name) == sha


def hashlib_of(path: Path) -> str:
    """SHA-256 of a file."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_05_killed_or_full_disk_leaves_the_old_set_readable(tmp_path):
    books = tmp_path / "books"
    quick_notebook(books, "01_quick", "print('x' * 200_000)")
    reports = tmp_path / "reports"
    args = [SUMMIT, "run", "--notebooks", books, "--reports", reports, "--quiet"]
    subprocess.run(args, check=True, capture_output=True, timeout=300)
    before = snapshot(reports)
    full = subprocess.run(
        [*args, "--force"],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limited(RLIMIT_FSIZE=100_000),
    )
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr and len(full.stderr.strip().splitlines()) == 1
    assert snapshot(reports) == before
    for delay in (1.0, 3.0, 5.0):  # kill -9 at different moments: the index never dangles
        process = subprocess.Popen([*map(str, args), "--force"], stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait()
        index = json.loads((reports / "index.json").read_text(encoding="utf-8"))
        for entry in index["reports"]:
            assert all(hashlib_of(reports / n) == sha for n, sha in entry["files"].items())
    assert main(["run", "--notebooks", str(books), "--reports", str(reports), "--quiet"]) == 0
    leftovers = [p.name for p in reports.iterdir() if p.name.startswith((".staging", "run-"))]
    assert len(leftovers) == 1, "dead staging and old run folders are cleaned up"


# --- 6. annotate --out on a full disk ---------------------------------------------------------


def test_06_full_disk_keeps_the_previous_tables(tmp_path, corpus_copy):
    out = tmp_path / "out"
    argv = [SUMMIT, "annotate", "--corpus", corpus_copy, "--out", out, "--quiet"]
    subprocess.run(argv, check=True, capture_output=True, timeout=300)
    before = snapshot(out)
    article = next((corpus_copy / "articles").glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\n" + NEWS, encoding="utf-8")
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=300, preexec_fn=limited(RLIMIT_FSIZE=30_000)
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"summit: error: --out {out}: cannot write the tables")
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert snapshot(out) == before, "the previous tables are intact, no temporary files left"


# --- 7. concurrent runs and the lock ----------------------------------------------------------

HOLD = """
import sys, time
from pathlib import Path
from summitlib.reports.lock import folder_lock, hold
what, path = sys.argv[1], Path(sys.argv[2])
if what == "lock":
    with folder_lock(path):
        print("held", flush=True)
        time.sleep(60)
else:
    hold(path)
    print("held", flush=True)
    time.sleep(60)
"""


def holding(what: str, path: Path) -> subprocess.Popen:
    """A process that holds the folder lock (or a run marker) for a minute."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, what, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "held"
    return process


def test_07_the_lock_names_its_holder(tmp_path):
    from summitlib.errors import RunError
    from summitlib.reports.lock import folder_lock

    holder = holding("lock", tmp_path)
    try:
        with pytest.raises(RunError) as refusal, folder_lock(tmp_path, wait=0.5):
            pass
        message = str(refusal.value)
        assert f"pid {holder.pid} on host {socket.gethostname()}" in message
    finally:
        holder.kill()
        holder.wait()
    with folder_lock(tmp_path, wait=5):  # the dead holder's lock is free at once
        pass


def test_07_concurrent_grid_runs_both_reach_the_index(tmp_path):
    books = tmp_path / "books"
    quick_notebook(books, "01_quick", "import time\ntime.sleep(2)")
    reports = tmp_path / "reports"
    processes = []
    for name in ("alpha", "beta"):
        grid = tmp_path / f"{name}.yaml"
        grid.write_text(f"runs:\n  {name}: {{label: {name}}}\n", encoding="utf-8")
        args = [SUMMIT, "run", "--notebooks", books, "--reports", reports, "--grid", grid]
        processes.append(subprocess.Popen([*map(str, args), "--quiet"], stderr=subprocess.PIPE))
    assert [p.wait(timeout=300) for p in processes] == [0, 0]
    index = json.loads((reports / "index.json").read_text(encoding="utf-8"))
    assert sorted(e["set"] for e in index["reports"]) == ["alpha", "beta"]


def test_07_a_live_staging_folder_is_never_removed(tmp_path):
    books = tmp_path / "books"
    quick_notebook(books, "01_quick")
    reports = tmp_path / "reports"
    assert main(["run", "--notebooks", str(books), "--reports", str(reports), "--quiet"]) == 0
    live, dead = reports / ".staging-999999", reports / ".staging-abcdef"
    for folder in (live, dead):
        folder.mkdir()
        (folder / ".summit-run").touch()
    owner = holding("marker", live / ".summit-run")  # a run whose pid we cannot see
    try:
        argv = ["run", "--notebooks", str(books), "--reports", str(reports), "--force"]
        assert main([*argv, "--quiet"]) == 0
        assert live.is_dir(), "a live run's staging folder is left alone"
        assert not dead.exists(), "a provably dead one is removed"
    finally:
        owner.kill()
        owner.wait()


# --- 8. SIGHUP, and SIGKILL of the runner -----------------------------------------------------


def slow_run(tmp_path: Path) -> tuple[subprocess.Popen, Path, Path]:
    """``summit run`` of a notebook that sleeps; returns once the notebook has started."""
    books, started = tmp_path / "books", tmp_path / "started"
    quick_notebook(books, "01_slow", f"open({str(started)!r}, 'w').close()\nimport time\n")
    nb = nbformat.read(books / "01_slow.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("time.sleep(120)"))
    nbformat.write(nb, books / "01_slow.ipynb")
    reports = tmp_path / "reports"
    args = [SUMMIT, "run", "--notebooks", books, "--reports", reports, "--quiet"]
    process = subprocess.Popen(list(map(str, args)), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert started.exists(), "the slow notebook never started"
    return process, books, reports


def kernels_in(folder: Path) -> list[psutil.Process]:
    """Processes (kernels) whose working directory is ``folder``."""
    found = []
    for process in psutil.process_iter(["cwd"]):
        if process.info.get("cwd") == str(folder):
            found.append(process)
    return found


def gone(processes: list[psutil.Process], seconds: float = 20) -> bool:
    """Whether all the processes end within ``seconds``."""
    _, alive = psutil.wait_procs(processes, timeout=seconds)
    return not alive


def test_08_sighup_stops_the_run_like_ctrl_c(tmp_path):
    process, books, reports = slow_run(tmp_path)
    children = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signal.SIGHUP)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2, err
    assert "interrupted while running 01_slow" in err and "Traceback" not in err
    assert gone(children + kernels_in(books))
    assert not any(p.name.startswith(".staging") for p in reports.iterdir())


def test_08_workers_and_kernels_die_with_a_killed_runner(tmp_path):
    process, books, _ = slow_run(tmp_path)
    children = psutil.Process(process.pid).children(recursive=True)
    assert children and kernels_in(books)
    process.kill()
    process.wait()
    assert gone(children + kernels_in(books)), "a worker or kernel outlived the runner"


# --- 9. YAML bombs ------------------------------------------------------------------------------


def test_09_yaml_aliases_are_refused_with_a_short_message(capsys):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 7)]
    bomb = "{" + ", ".join(lines) + "}"
    err = refused(["run", "-p", "terms", bomb, "--quiet"], capsys, "parameter terms", "alias")
    assert len(err) < 400


# --- 10. a stray file in articles/ ------------------------------------------------------------


def test_10_the_reuse_fingerprint_reads_only_listed_articles(tmp_path, corpus_copy):
    with open(corpus_copy / "articles" / "stray.bin", "wb") as handle:
        handle.truncate(2 * 2**30)  # sparse: 2 GB that takes no disk
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from summitlib.reports.plan import find_notebooks, plan_run
        from summitlib.reports.run import fingerprint
        plan = plan_run(find_notebooks(Path({str(ROOT / "notebooks")!r}), ["01"]),
                        {{"corpus_dir": {str(corpus_copy)!r}}})
        print(fingerprint(plan.jobs[0], plan))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limited(RLIMIT_AS=ADDRESS_SPACE),
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert len(done.stdout.strip()) == 64


# --- 12. UTF-16 without a byte-order mark -----------------------------------------------------


def test_12_utf16_without_bom_is_refused_naming_the_encoding(tmp_path, capsys):
    root = write_corpus(
        tmp_path, {"a.txt": NEWS.encode("utf-16-le")}, META + "a.txt,2021-09-10,t,o\n"
    )
    refused_corpus(root, capsys, "articles/a.txt", "UTF-16LE", "iconv -f UTF-16LE")
    binary = bytes(range(1, 32)) * 40 + NEWS.encode()
    root = write_corpus(tmp_path / "b", {"a.txt": binary}, META + "a.txt,2021-09-10,t,o\n")
    refused_corpus(root, capsys, "articles/a.txt", "control characters")


# --- 13. cache entries that are not what they seem ---------------------------------------------


def test_13_store_files_must_be_small_regular_files_of_the_right_shape(tmp_path):
    root = write_corpus(tmp_path / "c", {"a.txt": NEWS}, META + "a.txt,2021-09-10,t,o\n")
    cache = tmp_path / "cache"
    reference = annotate(load_corpus(root), cache_dir=cache)
    manifest = next(cache.glob("store/*/manifest.json"))
    sentences = next(manifest.parent.glob("part-*/sentences.parquet"))
    probe = [
        sys.executable,
        "-c",
        "import sys\nfrom summitlib import annotate, load_corpus\n"
        "print(len(annotate(load_corpus(sys.argv[1]), cache_dir=sys.argv[2]).sentences))",
        str(root),
        str(cache),
    ]
    expected = str(len(reference.sentences))

    def rebuilt_from(damage) -> None:
        sentences.unlink()
        damage(sentences)
        done = subprocess.run(
            probe,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=limited(RLIMIT_AS=ADDRESS_SPACE),
        )
        assert done.stdout.strip() == expected, done.stderr[-300:]

    rebuilt_from(os.mkfifo)  # a FIFO is not waited on
    sentences = next(manifest.parent.glob("part-*/sentences.parquet"))
    rebuilt_from(lambda path: path.symlink_to("/dev/zero"))  # nor read without end
    import pyarrow as pa
    import pyarrow.parquet as pq

    sentences = next(manifest.parent.glob("part-*/sentences.parquet"))
    wrong = sentences.parent / "wrong.parquet"
    pq.write_table(pa.table({"not": ["rows"]}), wrong)  # a valid digest over the wrong structure
    data = json.loads(manifest.read_text(encoding="utf-8"))
    part = sentences.parent.name
    data["parts"][part]["sentences"] = hashlib.sha256(wrong.read_bytes()).hexdigest()
    sentences.unlink()
    wrong.rename(sentences)
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert annotate(load_corpus(root), cache_dir=cache).sentences.equals(reference.sentences)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    outside = tmp_path / "outside"
    outside.mkdir()
    data["parts"]["../../../outside"] = {"document": "0" * 64}  # a manifest naming other folders
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert annotate(load_corpus(root), cache_dir=cache).sentences.equals(reference.sentences)
    assert outside.is_dir() and not list(outside.iterdir())


# --- 14. one line, not a traceback --------------------------------------------------------------


def test_14_output_folders_that_cannot_be_written(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(loop)
    for out in (tmp_path / "file" / "out", Path("/proc/summit-out"), loop):
        refused(["annotate", "--out", out, "--quiet"], capsys, f"--out {out}", "choose")
    refused(["run", "01", "--reports", loop, "--quiet"], capsys, f"--reports {loop}")


def test_14_a_scheduler_that_cannot_be_reached(tmp_path, capsys):
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    for address in ("bogus:://x", "tcp://127.0.0.1:9"):
        # --no-cache: with a filled store there is nothing to annotate and nothing to connect to
        argv = ["annotate", "--out", out, "--engine", "dask", "--scheduler", address, "--quiet"]
        argv.append("--no-cache")
        refused(argv, capsys, f"--scheduler {address}: cannot connect")


def test_14_grid_parameters_that_are_not_plain(tmp_path, capsys):
    for text, message in [
        ("parameters:\n  date_from: !!timestamp 2021-01-01\nruns:\n  a: {}\n", "date_from"),
        ("parameters:\n  1: x\n  max_rows: 3\nruns:\n  a: {}\n", "unknown parameter '1'"),
    ]:
        grid = tmp_path / "grid.yaml"
        grid.write_text(text, encoding="utf-8")
        refused(["run", "--grid", grid, "--reports", tmp_path / "r", "--quiet"], capsys, message)


# --- 15. messages that say what is wrong --------------------------------------------------------


def test_15_latex_like_outlet_is_plain_text_in_charts(tmp_path):
    outlet = r"$\frac{1}{$"
    body = NEWS.replace("Thursday", "Thursday, 9 September 2021")
    root = write_corpus(tmp_path / "c", {"a.txt": body}, META + f'a.txt,2021-09-10,t,"{outlet}"\n')
    reports = tmp_path / "reports"
    argv = ["run", "02", "--corpus", str(root), "--reports", str(reports), "--quiet"]
    assert main(argv) == 0


def test_15_corpus_messages_name_the_real_problem(tmp_path, capsys):
    root = write_corpus(tmp_path / "semi", {"a.txt": NEWS}, "file;published\na.txt;2021-09-10\n")
    refused_corpus(root, capsys, "metadata.csv: looks semicolon-delimited", "comma-separated")
    root = write_corpus(tmp_path / "cp", {"a.txt": NEWS}, "")
    (root / "metadata.csv").write_bytes(b"file,published,title\na.txt,2021-09-10,Caf\xe9\n")
    refused_corpus(root, capsys, "metadata.csv line 2: byte 0xe9")
    nfd = unicodedata.normalize("NFD", "Minsk-café.txt")
    nfc = unicodedata.normalize("NFC", "Minsk-café.txt")
    root = write_corpus(tmp_path / "nfd", {nfd: NEWS}, META + f"{nfc},2021-09-10,t,o\n")
    assert [doc.raw for doc in load_corpus(root)] == [NEWS]
    root = write_corpus(
        tmp_path / "upper", {"a.txt": NEWS, "B2.TXT": NEWS}, META + "a.txt,2021-09-10,t,o\n"
    )
    assert main(["validate", "--corpus", str(root)]) == 0
    assert "warning: articles/B2.TXT is ignored" in capsys.readouterr().err


def test_15_grid_run_names_and_repeated_keys(tmp_path):
    from summitlib.reports.plan import read_grid

    grid = tmp_path / "grid.yaml"
    grid.write_text("runs:\n  2021: {max_rows: 3}\n  yes: {}\n", encoding="utf-8")
    assert sorted(read_grid(grid)[1]) == ["2021", "yes"]
    grid.write_text("runs:\n  a: {max_rows: 3, max_rows: 4}\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="'max_rows' is repeated"):
        read_grid(grid)


# --- 11. a very long article --------------------------------------------------------------------


def test_11_cleaning_a_long_article_costs_a_few_bytes_per_character():
    """The offset map keeps two integers per run of kept characters, not one per character:
    besides the two texts, cleaning holds about a byte per character (its drop mask)."""
    import tracemalloc

    from summitlib.corpus.cleaning import clean_text

    raw = (NEWS + "[a link](https://example.org/x) and\u00a0more\n") * 5_000
    tracemalloc.start()
    try:
        cleaned = clean_text(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(cleaned.offsets) == len(cleaned.text) < len(raw)
    assert len(cleaned.offsets.raw_starts) <= 2 * 5_000 + 1  # a run between two links
    assert all(raw[cleaned.offsets[i]] in (c, "\u00a0") for i, c in enumerate(cleaned.text))
    text_bytes = sys.getsizeof(raw) + sys.getsizeof(cleaned.text)
    per_char = (peak - text_bytes) / len(raw)
    assert per_char < 4, f"{per_char:.1f} bytes per character besides the texts"


def test_11_a_long_article_annotates_in_a_few_bytes_per_character(tmp_path):
    """A 0.5 MB article of news paragraphs: at the peak of its whole annotation (pipeline,
    Arrow and pandas tables, reprint shingles) Python holds under 24 bytes per character of
    it (55 before the offset map, tokens, rows and shingles were made compact; the models
    load first and the Arrow buffers are not traced: bench_huge.py measures the process)."""
    import tracemalloc

    texts = sorted((ROOT / "corpus" / "articles").glob("*.txt"))
    paragraphs = [p for t in texts for p in t.read_text(encoding="utf-8").split("\n") if p.strip()]
    body = "\n\n".join(paragraphs)
    text = "\n\n".join([body] * (500_000 // len(body) + 1)) + "\n"
    root = write_corpus(tmp_path / "c", {"long.txt": text}, META + "long.txt,2021-09-10,t,o\n")
    annotate(load_corpus(ROOT / "corpus"), cache=False, workers=1)  # the models, loaded once
    corpus = load_corpus(root)
    tracemalloc.start()
    try:
        tables = annotate(corpus, cache=False, workers=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(tables.sentences) > 4_000 and (tables.actors["text"] != "").all()
    per_char = peak / len(text)
    assert per_char < 24, f"{per_char:.1f} bytes per character at the peak"
