"""HTML for readers: executed notebooks exported without code, and the index of reports.

Reports use JupyterLab's look (nbconvert's ``lab`` template) through a small template of
ours that loads no script from the web (no require.js, MathJax or Mermaid from a CDN), so a
report reads offline. Figures are embedded as data URIs, untrusted HTML in outputs is
sanitised, and every string of the index is escaped: text from a corpus (titles, quotes,
parameters) shows as text and never runs.
"""

from __future__ import annotations

import html
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from summitlib.reports.plan import PATH_PARAMETERS

if TYPE_CHECKING:
    import nbformat

TEMPLATE = "summit_report"
CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)  # also in data/templates/summit_report/index.html.j2
SAFE_TAGS = [
    "abbr", "b", "blockquote", "br", "caption", "code", "dd", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "mark", "ol", "p", "pre", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]  # fmt: skip
BLOCKS = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
SAFE_MIMES = {"text/plain", "image/png", "image/jpeg"}
SAFE_ATTRIBUTES = {  # no <a>: text from metadata or articles never becomes a live link
    "*": ["class", "title"],
    "table": ["class", "border"],
    "td": ["class", "colspan", "rowspan"],
    "th": ["class", "colspan", "rowspan"],
}


def templates_dir() -> Path:
    """The folder of nbconvert templates that ships with summitlib."""
    return Path(str(resources.files("summitlib") / "data" / "templates"))


def _clean(html_text: str) -> str:
    """HTML reduced to harmless tags and attributes; links are reduced to their text."""
    import bleach

    html_text = BLOCKS.sub("", html_text)  # pandas' <style scoped>; any <script> element
    return bleach.clean(html_text, tags=SAFE_TAGS, attributes=SAFE_ATTRIBUTES, strip=True)


def _safe_output(output: dict) -> dict:
    """A code-cell output with its HTML and markdown made harmless and scripts dropped."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    if output.get("output_type") not in ("display_data", "execute_result"):
        return output
    data = output.get("data", {})
    kept = {k: v for k, v in data.items() if k in SAFE_MIMES}
    if "text/markdown" in data:
        literal = data["text/markdown"].replace("<", "&lt;").replace(">", "&gt;")
        kept["text/html"] = _clean(markdown2html_mistune(literal))  # tags in text stay text
    elif "text/html" in data:
        kept["text/html"] = _clean(data["text/html"])
    output["data"] = kept
    return output


def sanitised(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy whose code-cell outputs keep only harmless HTML (our markdown cells stay)."""
    import copy

    safe = copy.deepcopy(notebook)
    for cell in safe.cells:
        if cell.cell_type == "code":
            cell.outputs = [_safe_output(o) for o in cell.outputs]
    return safe


def export_html(notebook: nbformat.NotebookNode, title: str = "", index: str = "index.html") -> str:
    """The reader's HTML of an executed notebook: no code, figures embedded, outputs sanitised.

    Output HTML and markdown (tables, text built from the corpus) pass through bleach with a
    short list of tags; script, event handlers and ``javascript:`` links are removed. The page
    also carries a Content-Security-Policy that allows no script and no network request.
    """
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name=TEMPLATE,
        extra_template_basedirs=[str(templates_dir())],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    safe = sanitised(notebook)
    safe.metadata["title"] = title or describe(notebook)["title"] or "report"
    safe.metadata["summit_index"] = index  # the back link: the index of the report's set
    body, _ = exporter.from_notebook_node(safe)
    return body


def describe(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """The title (first heading) and question (the paragraph after it) of a notebook."""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        heading = re.search(r"^#{1,6}\s+(.+)$", cell.source, re.MULTILINE)
        if heading:
            after = cell.source[heading.end() :].strip()
            return {"title": _plain(heading.group(1)), "question": _first_paragraph(after)}
    return {"title": "", "question": ""}


def _first_paragraph(text: str) -> str:
    """The first paragraph of markdown text as plain text, without a bold label."""
    paragraph = re.split(r"\n\s*\n", text, maxsplit=1)[0]
    paragraph = re.sub(r"^\*\*[^*]{1,40}:\*\*\s*", "", paragraph.strip())
    return _plain(paragraph)


def _plain(markdown: str) -> str:
    """Markdown inline text without emphasis marks and with single spaces."""
    return " ".join(re.sub(r"(\*\*|__|`)", "", markdown).split())


def _cell(value: object) -> str:
    """A value as escaped text for the index."""
    return html.escape(str(value), quote=True)


def _parameters(params: object) -> str:
    """Parameters as an escaped definition list."""
    if not isinstance(params, dict) or not params:
        return "<em>defaults</em>"
    items = "".join(
        f"<dt>{_cell(name)}</dt><dd>{_cell(_shown(name, value))}</dd>"
        for name, value in params.items()
    )
    return f"<dl>{items}</dl>"


def _shown(name: str, value: object) -> str:
    """A parameter value for readers: folders by their name only (no machine paths)."""
    if name in PATH_PARAMETERS and isinstance(value, str) and value:
        return f"{Path(value).name}/"
    return repr(value)


def corpus_line(facts: dict | None) -> str:
    """``Corpus NAME: N articles, FIRST to LAST`` as escaped text (empty without facts)."""
    if not facts or not facts.get("name"):
        return ""
    count = facts.get("articles", 0)
    size = f"{count} article" + ("" if count == 1 else "s")
    span = f"{facts.get('first', '')} to {facts.get('last', '')}"
    return _cell(f"Corpus {facts['name']}: {size}, published {span}.")


def render_index(
    entries: list[dict], title: str = "summitlib reports", facts: dict | None = None
) -> str:
    """The index page listing every report with title, question, parameters, date, duration."""
    rows = []
    for entry in entries:
        link = entry.get("html", "")
        label = _cell(entry.get("title") or entry.get("notebook", ""))
        name = f'<a href="{_cell(quote(str(link)))}">{label}</a>' if link else label
        rows.append(
            "<tr>"
            f"<td>{name}<div class='nb'>{_cell(_where(entry))}</div></td>"
            f"<td>{_cell(entry.get('question', ''))}</td>"
            f"<td data-label='Parameters'>{_parameters(entry.get('parameters', {}))}</td>"
            f"<td data-label='Run'>{_cell(entry.get('run_date', ''))}</td>"
            f"<td data-label='Duration (s)'>{_cell(_blank_none(entry.get('duration')))}</td>"
            "</tr>"
        )
    return INDEX_PAGE.format(
        title=_cell(title), rows="\n".join(rows), csp=CSP, corpus=corpus_line(facts)
    )


def render_catalogue(sets: list[dict]) -> str:
    """The top index of a reports root: one row per report set (corpus, size, dates)."""
    rows = []
    for item in sets:
        link = f"{quote(str(item['folder']))}/index.html"
        count = item.get("articles", "")
        rows.append(
            "<tr>"
            f'<td><a href="{_cell(link)}">{_cell(item.get("name") or item["folder"])}</a>'
            f"<div class='nb'>{_cell(item['folder'])}/</div></td>"
            f"<td>{_cell(count)}</td>"
            f"<td>{_cell(item.get('first', ''))} to {_cell(item.get('last', ''))}</td>"
            f"<td>{_cell(item.get('reports', ''))}</td>"
            "</tr>"
        )
    return CATALOGUE_PAGE.format(rows="\n".join(rows), csp=CSP)


def _blank_none(value: object) -> object:
    """``value``, or an empty string for None."""
    return "" if value is None else value


def _where(entry: dict) -> str:
    """``set/notebook`` or ``notebook``."""
    run_set, notebook = entry.get("set") or "", entry.get("notebook", "")
    return f"{run_set}/{notebook}" if run_set else str(notebook)


SHARED_STYLE = """\
  body {{ font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto;
         padding: 0 1rem; color: #222; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid #ddd; }}
  th {{ background: #f4f4f4; }}
  .nb {{ color: #777; font-size: .8rem; }}
"""


def _page_head(title: str, extra_style: str = "") -> str:
    """The head of the index pages (a format template: ``{csp}`` and braces doubled)."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        f"<title>{title}</title>\n<style>\n{SHARED_STYLE}{extra_style}"
    )


INDEX_PAGE = (
    _page_head(
        "{title}",
        """\
  dl {{ margin: 0; font-size: .85rem; }} dt {{ font-weight: 600; }} dd {{ margin: 0 0 .3rem 0; }}
  dd {{ overflow-wrap: anywhere; }}
  @media (max-width: 40rem) {{
    /* a phone: each report is a stacked block, its facts labelled */
    body {{ margin: 1rem auto; padding: 0 .6rem; }}
    thead {{ display: none; }}
    table, tbody, tr, td {{ display: block; width: auto; }}
    tr {{ border-bottom: 2px solid #ccc; padding: .4rem 0; }}
    td {{ border: 0; padding: .2rem 0; }}
    td[data-label]::before {{ content: attr(data-label) ": "; font-weight: 600; color: #555; }}
  }}
""",
    )
    + """</style>
</head>
<body>
<h1>{title}</h1>
<p>Reports on the press coverage of the Putin–Lukashenko summits, generated by
<code>summit run</code>. Each report states its question, method, findings and caveats.</p>
<p class="corpus">{corpus}</p>
<table>
<thead><tr><th>Report</th><th>Question</th><th>Parameters</th><th>Run</th><th>Duration (s)</th>
</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""
)


CATALOGUE_PAGE = (
    _page_head("summitlib report sets")
    + """</style>
</head>
<body>
<h1>summitlib report sets</h1>
<p>One set of reports per corpus, generated by <code>summit run</code>.</p>
<table>
<thead><tr><th>Corpus</th><th>Articles</th><th>Published</th><th>Reports</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""
)
