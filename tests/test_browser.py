"""The HTML in a real browser: headless Chromium renders the reports, and no script that
came from a corpus (article text or metadata) ever runs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from summitlib.cli import main

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary (CI installs Debian's chromium package)"
)
PAYLOAD = (
    "<script>document.body.setAttribute('data-pwned','script')</script> "
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> "
    "[click](javascript:document.body.setAttribute('data-pwned','link')) "
    "<b onmouseover=alert(1)>bold</b>"
)


def dump_dom(page: Path) -> str:
    """The DOM of a page after Chromium has loaded it and run its scripts."""
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory) -> Path:
    """Reports of a corpus whose articles and metadata carry HTML and script."""
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    (root / "articles").mkdir(parents=True)
    text = (
        f"Putin and Lukashenko discussed integration in Sochi on Monday. {PAYLOAD}\n\n"
        f"“The talks reached deadlock {PAYLOAD},” analyst Artyom Shraibman said.\n"
    )
    (root / "articles" / "a.txt").write_text(text, encoding="utf-8")
    title = PAYLOAD.replace('"', '""')
    (root / "metadata.csv").write_text(
        "file,published,title,outlet,author,genre\n"
        f'a.txt,2021-09-10,"{title}","{title}","{title}",analysis\n',
        encoding="utf-8",
    )
    reports = root.parent / "reports"
    code = main(["run", "--corpus", str(root), "--reports", str(reports), "--quiet"])
    assert code == 0
    return reports


def test_index_and_a_report_render(published):
    index = dump_dom(published / "index.html")
    assert "<table" in index and "Stance toward" in index
    report = dump_dom(published / "03_stance.html")
    assert re.search(r"<h1[^>]*>\s*Stance toward", report)
    assert 'src="data:image/png;base64,' in report


def test_no_script_from_the_corpus_runs(hostile_reports):
    pages = [hostile_reports / "index.html", *sorted(hostile_reports.glob("*.html"))]
    assert len(pages) > 5
    for page in pages:
        dom = dump_dom(page)
        assert not re.search(r"<body[^>]*data-pwned", dom), page.name
        assert "<script>document.body" not in dom, page.name
        assert not re.search(r"<img[^>]*onerror=\"document", dom), page.name
        assert 'href="javascript:' not in dom, page.name


def test_payload_shows_as_text(hostile_reports):
    dom = dump_dom(hostile_reports / "01_corpus_overview.html")
    assert "&lt;script&gt;" in dom or "&lt;img" in dom
