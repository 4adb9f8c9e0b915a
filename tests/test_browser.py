"""The HTML in a real browser: headless Chromium renders the index and the reports without a
console message, and no script that came from a corpus (article text, metadata, folder name,
parameter values) ever runs."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import report_file

from summitlib.cli import main

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary on PATH (CI installs Debian's chromium package)"
)
MARK = "document.title='PWNED';document.body.append(document.createElement('pwned-el'))"
SCRIPT = f"<script>{MARK}</script>"
IMAGE = f'<img src=x onerror="{MARK}">'
LINK = "[click](javascript:alert(1))"
PAYLOAD = f"{SCRIPT} {IMAGE} {LINK}"
FOLDER = "corpus <img src=x onerror=document.title=1>"  # a folder name is text from outside too


def render(page: Path) -> tuple[str, list[str]]:
    """The DOM of a page after Chromium loaded it (and ran any script), and its console lines."""
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


class Elements(HTMLParser):
    """Every element of a document with its attributes."""

    def __init__(self, dom: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(dom)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        """Record one element."""
        self.found.append((tag, dict(attrs)))


def injected(dom: str) -> list[str]:
    """Elements and attributes that could run script: <script>, on* handlers, javascript: links."""
    bad = []
    for tag, attrs in Elements(dom).found:
        if tag in ("script", "pwned-el", "iframe", "object", "embed"):
            bad.append(tag)
        bad += [f"{tag} {name}" for name in attrs if name.startswith("on")]
        bad += [f"{tag} {k}" for k, v in attrs.items() if "javascript:" in (v or "").lower()]
    return bad


def title_of(dom: str) -> str:
    """The text of the rendered page's <title>."""
    found = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    return found.group(1).strip() if found else ""


def test_index_and_reports_render_without_errors(published: Path) -> None:
    dom, console = render(published / "index.html")
    assert console == []
    assert title_of(dom) == "summitlib reports"
    assert len(re.findall(r"<tr>\s*<td", dom)) == 5
    assert "Stance toward Russia–Belarus integration" in dom
    for page in sorted(report_file(published, ".").glob("0*.html")):
        dom, console = render(page)
        assert console == [], page.name
        assert re.search(r"<h1[^>]*>", dom) and title_of(dom), page.name
        assert re.search(r'<img[^>]+src="data:image/png;base64,', dom), page.name
        assert '<a href="../index.html">' in dom, "back to the set's index"


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reports on a corpus whose article text and metadata carry HTML and script."""
    root = tmp_path_factory.mktemp("hostile") / FOLDER
    (root / "articles").mkdir(parents=True)
    article = (
        f"Putin and Lukashenko discussed integration and the Union State in Sochi. {PAYLOAD}\n\n"
        f"“Integration has reached a deadlock {SCRIPT} {IMAGE},” political analyst "
        "Artyom Shraibman said.\n\n"
        f"Lukashenko said that sovereignty is not negotiable {LINK} and integration stalled.\n"
    )
    (root / "articles" / "a.txt").write_text(article, encoding="utf-8")
    cell = PAYLOAD.replace('"', '""')
    (root / "metadata.csv").write_text(
        "file,published,title,outlet,author,genre\n"
        f'a.txt,2021-09-10,"{cell}","{cell}","{cell}",analysis\n',
        encoding="utf-8",
    )
    reports = root.parent / "reports"
    args = ["run", "01", "03", "04", "--corpus", str(root), "--reports", str(reports), "--quiet"]
    assert main([*args, "-p", "terms", json.dumps(["integration", SCRIPT])]) == 0
    return reports


def test_no_script_from_the_corpus_runs(hostile_reports: Path) -> None:
    pages = [
        hostile_reports / "index.html",
        *sorted(report_file(hostile_reports, ".").glob("0*.html")),
    ]
    assert len(pages) == 4
    for page in pages:
        dom, console = render(page)
        assert "PWNED" not in title_of(dom) and title_of(dom) not in ("", "1"), page.name
        assert injected(dom) == [], page.name
        assert console == [], f"{page.name}: {console}"  # CSP would log any blocked attempt


def test_payload_shows_as_text(hostile_reports: Path) -> None:
    overview, _ = render(report_file(hostile_reports, "01_corpus_overview.html"))
    assert "&lt;script&gt;document.title='PWNED'" in overview  # author and title columns
    positions, _ = render(report_file(hostile_reports, "04_expert_positions.html"))
    assert "&lt;img src=x onerror=" in positions  # inside a quotation
    index, _ = render(hostile_reports / "index.html")
    assert "&lt;script&gt;" in index and "corpus &lt;img" in index  # parameter values


PROBE = """<script>
addEventListener('load', () => {
  const box = e => e.getBoundingClientRect();
  const scrolls = e => getComputedStyle(e).overflowX === 'auto';
  const inBox = e => { for (let p = e; p; p = p.parentElement) if (scrolls(p)) return true;
                       return false; };
  const tables = [...document.querySelectorAll('table')];
  const images = [...document.querySelectorAll('img')];
  parent.postMessage(JSON.stringify({
    viewport: innerWidth,
    page: document.documentElement.scrollWidth,
    tables: tables.map(t => ({right: box(t).right, wide: t.scrollWidth > t.clientWidth + 1,
                              scrolls: scrolls(t)})),
    images: images.map(i => ({width: box(i).width, natural: i.naturalWidth, inBox: inBox(i)})),
    cells: [...document.querySelectorAll('tbody td')].slice(0, 5).map(c => box(c).width),
  }), '*');
});
</script>"""
FRAME = """<!DOCTYPE html><html><head><title>waiting</title></head><body style="margin:0">
<iframe src="{src}" style="width:{width}px;height:900px;border:0"></iframe>
<script>addEventListener('message', e => {{ document.title = e.data; }});</script>
</body></html>"""


def measured(page: Path, folder: Path, width: int) -> dict:
    """Layout facts of a page in a ``width`` px wide frame, read by a probe script.

    The page is loaded in an iframe of that width (a headless window is at least 500 px
    wide; a frame is exactly as wide as asked, like a phone's screen). The test copy drops
    the page's Content-Security-Policy so that the probe may run; what is measured is the
    page's own CSS (the CSP itself is tested above)."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"<meta[^>]*Content-Security-Policy[^>]*>", "", text)
    copy = folder / f"{width}-{page.name}"
    copy.write_text(text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    frame = folder / f"frame-{width}-{page.name}"
    frame.write_text(FRAME.format(src=copy.name, width=width), encoding="utf-8")
    done = subprocess.run(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--hide-scrollbars", "--window-size=1400,1000", "--virtual-time-budget=5000",
         "--allow-file-access-from-files", "--dump-dom", frame.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return json.loads(html.unescape(title_of(done.stdout)))


def test_phone_width_index_stacks_and_reports_scroll_in_their_own_boxes(
    published: Path, tmp_path: Path
) -> None:
    index = measured(published / "index.html", tmp_path, 390)
    assert index["viewport"] == 390 and index["page"] <= 390, "the index fits the phone"
    assert all(width > 300 for width in index["cells"]), "index rows are stacked blocks"
    pages = sorted(report_file(published, ".").glob("0*.html"))
    assert len(pages) == 5
    for page in pages:
        facts = measured(page, tmp_path, 390)
        assert facts["page"] <= 390, f"{page.name}: the page itself scrolls sideways"
        for table in facts["tables"]:
            assert table["right"] <= 391, f"{page.name}: a table runs off the screen"
            assert not table["wide"] or table["scrolls"], f"{page.name}: a wide table is cut"
        for image in facts["images"]:
            assert image["inBox"], page.name
            assert image["width"] >= min(600, image["natural"]), f"{page.name}: figure shrunk"
    desktop = measured(report_file(published, "03_stance.html"), tmp_path, 1280)
    assert all(i["width"] <= 1000 for i in desktop["images"]), "figures fit a desktop page"
