"""`pubsift report OUT_DIR --html report.html`: one static, self-contained page for a reviewer.

The page shows, from the files `pubsift run` wrote: a summary, charts (records per year, per
page), failures and skipped pages from the manifest, flagged entries, duplicate clusters side by
side (differing values highlighted, each value's page as provenance), and per profile the
records found. researchers.jsonl is shown when present.

Safety: everything that came from a scraped page passes through `esc()` (html.escape with
quotes); links are emitted only for http(s) URLs; the page has no JavaScript at all and a
Content-Security-Policy that forbids scripts, remote loads and forms, so even a missed escape
could not run code. Charts are inline SVG built here. Output is deterministic (no timestamps).

>>> html = render_report({"records": [{"page": "p.md", "position": 0,
...     "title": "<script>alert(1)</script>", "authors": [], "record_id": "r1", "work_id": "w1"}],
...     "works": [], "profiles": [], "manifest": [], "researchers": None})
>>> "<script>alert" in html, "&lt;script&gt;alert(1)&lt;/script&gt;" in html
(False, True)
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Optional
from urllib.parse import quote

INPUT_FILES = ("records", "works", "profiles", "manifest")
OPTIONAL_FILES = ("researchers",)
FLAG_LABELS = {
    "untitled": "untitled (title lost in the scrape)",
    "authors-truncated": "author list truncated",
    "owner-implicit": "page owner is an unnamed author",
    "owner-inferred": "page owner inferred",
    "no-authors": "no authors shown",
    "partial": "page cut short by a limit",
    "date-ambiguous": "ambiguous date",
}
MAX_AUTHORS_SHOWN = 6
FOLD_ROWS = 12
MAX_CHART_PAGES = 30


class ReportError(Exception):
    pass


# ---------------------------------------------------------------- loading
def load_outputs(out_dir: str | Path) -> dict[str, Optional[list[dict]]]:
    """The run's .jsonl files as lists of dicts (plain dicts: the report must render whatever a
    run wrote, even from a newer or older model version). Optional files are None when absent."""
    folder = Path(out_dir)
    if not folder.is_dir():
        raise ReportError(f"{folder}: not a folder (expected the --out folder of `pubsift run`)")
    missing = [f"{stem}.jsonl" for stem in INPUT_FILES if not (folder / f"{stem}.jsonl").is_file()]
    if len(missing) == len(INPUT_FILES):
        raise ReportError(f"{folder}: no pubsift output here (none of {', '.join(s + '.jsonl' for s in INPUT_FILES)})")
    data: dict[str, Optional[list[dict]]] = {}
    for stem in INPUT_FILES + OPTIONAL_FILES:
        path = folder / f"{stem}.jsonl"
        if not path.is_file():
            data[stem] = None if stem in OPTIONAL_FILES else []
            continue
        from schemas.jsonl import JsonlError, iter_objects

        with open(path, encoding="utf-8", errors="replace") as handle:
            try:
                data[stem] = [row for _, row in iter_objects(handle, str(path))]
            except JsonlError as error:
                raise ReportError(str(error)) from None
    data["_missing"] = [{"file": m} for m in missing]
    return data


# ---------------------------------------------------------------- html helpers
def esc(value: Any) -> str:
    """Text -> HTML text/attribute content. The only way scraped text enters the page."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def anchor(prefix: str, value: Any) -> str:
    """A safe id attribute value derived from (untrusted) ids."""
    return prefix + re.sub(r"[^A-Za-z0-9_-]", "_", str(value))[:80]


_URL_SAFE = "/:?#[]@!$&()*+,;=-._~%"  # RFC 3986 reserved + unreserved; quotes, <, > and spaces get encoded


def link(url: Any, text: Any = None) -> str:
    """An <a> for http(s) URLs only (never javascript:, data:, ...); anything else stays text."""
    url = str(url or "")
    label = esc(text if text is not None else url)
    if re.match(r"^https?://[^\s]", url, re.I):
        return f'<a href="{esc(quote(url, safe=_URL_SAFE))}" rel="noopener noreferrer nofollow">{label}</a>'
    return label


def _author_names(row: dict) -> list[str]:
    names = []
    for a in row.get("authors") or []:
        if isinstance(a, dict):
            names.append(a.get("name") or " ".join(p for p in (a.get("given"), a.get("family")) if p))
        else:
            names.append(str(a))
    return names


def authors_html(row: dict, limit: int = MAX_AUTHORS_SHOWN) -> str:
    names = _author_names(row)
    if not names:
        return '<span class="muted">none</span>'
    shown = esc(", ".join(names[:limit]))
    if len(names) <= limit:
        return shown
    return (f'<details><summary>{shown}, … <span class="muted">(+{len(names) - limit})</span></summary>'
            f"{esc(', '.join(names))}</details>")


def flags_html(flags: Iterable[str]) -> str:
    return " ".join(f'<span class="flag" title="{esc(FLAG_LABELS.get(f, f))}">{esc(f)}</span>' for f in flags or [])


def ids_html(ids: dict | None) -> str:
    ids = ids or {}
    parts = []
    if ids.get("doi"):
        parts.append("doi " + link(f"https://doi.org/{quote(ids['doi'], safe='/')}", ids["doi"]))
    if ids.get("arxiv"):
        parts.append("arXiv " + link(f"https://arxiv.org/abs/{quote(ids['arxiv'], safe='/')}", ids["arxiv"]))
    if ids.get("openreview"):
        parts.append("OpenReview " + link(f"https://openreview.net/forum?id={quote(ids['openreview'], safe='')}", ids["openreview"]))
    return "<br>".join(parts)


def table(headers: list[str], rows: list[list[str]], cls: str = "") -> str:
    """rows hold already-escaped HTML cells."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<div class="scroll"><table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


# ---------------------------------------------------------------- charts (inline SVG)
def bar_chart_vertical(counts: list[tuple[str, int]], title: str) -> str:
    if not counts:
        return f'<p class="muted">{esc(title)}: no data</p>'
    width_per, height, top, bottom = 34, 150, 18, 34
    peak = max(c for _, c in counts) or 1
    width = max(len(counts) * width_per + 20, 200)
    bars = []
    for i, (label, count) in enumerate(counts):
        h = round(count / peak * (height - top - bottom))
        x = 10 + i * width_per
        y = height - bottom - h
        bars.append(
            f'<rect x="{x + 4}" y="{y}" width="{width_per - 8}" height="{h}" fill="#3b6ea5"><title>{esc(label)}: {count}</title></rect>'
            f'<text x="{x + width_per / 2}" y="{y - 4}" text-anchor="middle" font-size="11">{count}</text>'
            f'<text x="{x + width_per / 2}" y="{height - bottom + 14}" text-anchor="middle" font-size="10" '
            f'transform="rotate(-35 {x + width_per / 2} {height - bottom + 14})">{esc(label)}</text>'
        )
    return (f'<figure><svg role="img" aria-label="{esc(title)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">'
            f'<line x1="8" y1="{height - bottom}" x2="{width - 8}" y2="{height - bottom}" stroke="#888"/>'
            f'{"".join(bars)}</svg><figcaption>{esc(title)}</figcaption></figure>')


def bar_chart_horizontal(counts: list[tuple[str, int]], title: str) -> str:
    if not counts:
        return f'<p class="muted">{esc(title)}: no data</p>'
    row_h, label_w, bar_w = 20, 230, 260
    peak = max(c for _, c in counts) or 1
    height = len(counts) * row_h + 8
    width = label_w + bar_w + 50
    rows = []
    for i, (label, count) in enumerate(counts):
        y = 4 + i * row_h
        w = max(round(count / peak * bar_w), 1 if count else 0)
        short = label if len(label) <= 34 else label[:16] + "…" + label[-16:]
        rows.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="11">{esc(short)}<title>{esc(label)}</title></text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}" fill="#5a9a6e"><title>{esc(label)}: {count}</title></rect>'
            f'<text x="{label_w + w + 5}" y="{y + 14}" font-size="11">{count}</text>'
        )
    return (f'<figure><svg role="img" aria-label="{esc(title)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">'
            f'{"".join(rows)}</svg><figcaption>{esc(title)}</figcaption></figure>')


# ---------------------------------------------------------------- sections
def _fold(value: Any) -> str:
    if isinstance(value, list):
        return "|".join(_fold(v) for v in value)
    return re.sub(r"\W+", " ", str(value if value is not None else "")).strip().casefold()


def summary_section(data: dict) -> str:
    manifest, records, works = data["manifest"], data["records"], data["works"]
    status = Counter(m.get("status") for m in manifest)
    clusters = sum(1 for w in works if len(w.get("record_ids") or []) > 1)
    flagged = sum(1 for r in records if r.get("flags"))
    items = [
        ("pages", len(manifest)), ("ok", status.get("ok", 0)), ("not a profile", status.get("not-a-profile", 0)),
        ("failed", status.get("failed", 0)), ("records", len(records)), ("works", len(works)),
        ("duplicate clusters", clusters), ("flagged records", flagged),
    ]
    cells = "".join(f'<div class="stat" id="{anchor("stat-", k.replace(" ", "-"))}"><b>{v}</b><span>{esc(k)}</span></div>'
                    for k, v in items)
    missing = ""
    if data.get("_missing"):
        missing = '<p class="warn">Missing files: ' + esc(", ".join(m["file"] for m in data["_missing"])) + "</p>"
    return f'<section id="summary"><h2>Summary</h2><div class="stats">{cells}</div>{missing}</section>'


def charts_section(data: dict) -> str:
    records = data["records"]
    years = Counter(r.get("year") for r in records)
    per_year = [(str(y), years[y]) for y in sorted(y for y in years if isinstance(y, int))]
    if years.get(None):
        per_year.append(("no year", years[None]))
    pages = Counter(r.get("page") or "" for r in records)
    per_page = sorted(pages.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(per_page) > MAX_CHART_PAGES:  # a run over many pages: the biggest, then the rest in one bar
        rest = per_page[MAX_CHART_PAGES - 1:]
        per_page = per_page[:MAX_CHART_PAGES - 1] + [(f"{len(rest)} other pages", sum(c for _, c in rest))]
    return ('<section id="charts"><h2>Charts</h2><div class="charts">'
            + bar_chart_vertical(per_year, "Records per year")
            + bar_chart_horizontal(per_page, "Records per source page")
            + "</div></section>")


def failures_section(data: dict) -> str:
    manifest = data["manifest"]
    failed = [m for m in manifest if m.get("status") == "failed"]
    skipped = [m for m in manifest if m.get("status") == "not-a-profile"]
    parts = ['<section id="failures"><h2>Failures and skipped pages</h2>']
    if failed:
        parts.append(table(["page", "reason", "bytes"],
                           [[esc(m.get("path")), esc(m.get("reason")), esc(m.get("bytes"))] for m in failed], "failed"))
    else:
        parts.append('<p class="ok">No page failed.</p>')
    if skipped:
        parts.append("<h3>Not a profile</h3>")
        parts.append(table(["page", "why", "ingestor"],
                           [[esc(m.get("path")), esc(m.get("reason")), esc(m.get("ingestor"))] for m in skipped], "skipped"))
    parts.append("</section>")
    return "".join(parts)


def flags_section(data: dict) -> str:
    rows = []
    for r in sorted(data["records"], key=lambda r: (str(r.get("page")), r.get("position") or 0)):
        if r.get("flags"):
            rows.append([esc(r.get("page")), esc(r.get("position")), esc(r.get("title")) or '<span class="muted">(no title)</span>',
                         authors_html(r, 3), flags_html(r["flags"])])
    profile_rows = [[esc(p.get("page")), esc(p.get("person")), flags_html(p.get("flags")), esc("; ".join(p.get("evidence") or []))]
                    for p in data["profiles"] if p.get("flags")]
    counts = Counter(f for r in data["records"] for f in r.get("flags") or [])
    summary = ", ".join(f"{esc(f)}: {n}" for f, n in sorted(counts.items())) or "none"
    parts = [f'<section id="flags"><h2>Flags</h2><p>Record flags — {summary}.</p>']
    if rows:
        flagged = table(["page", "#", "title", "authors", "flags"], rows, "flagged")
        # a long list would push the clusters and profiles far down: fold it
        parts.append(flagged if len(rows) <= FOLD_ROWS else
                     f"<details><summary>{len(rows)} flagged records</summary>{flagged}</details>")
    if profile_rows:
        parts.append("<h3>Profile flags</h3>")
        parts.append(table(["page", "owner", "flags", "evidence"], profile_rows, "profile-flags"))
    parts.append("</section>")
    return "".join(parts)


CLUSTER_FIELDS = ("title", "authors", "year", "date", "venue", "ids.doi", "ids.arxiv", "ids.openreview", "urls")


def _field(row: dict, name: str) -> Any:
    if name.startswith("ids."):
        return (row.get("ids") or {}).get(name[4:])
    if name == "authors":
        return _author_names(row) or None
    return row.get(name) or None


def _cell(name: str, value: Any) -> str:
    if value is None or value == []:
        return '<span class="muted">—</span>'
    if name == "authors":
        return authors_html({"authors": [{"name": n} for n in value]})
    if name == "urls":
        return "<br>".join(link(u) for u in value)
    if name == "ids.doi":
        return link(f"https://doi.org/{quote(value, safe='/')}", value)
    if name == "ids.arxiv":
        return link(f"https://arxiv.org/abs/{quote(value, safe='/')}", value)
    return esc(value)


def clusters_section(data: dict) -> str:
    by_id = {r.get("record_id"): r for r in data["records"]}
    clusters = [w for w in data["works"] if len(w.get("record_ids") or []) > 1]
    parts = [f'<section id="clusters"><h2>Duplicate clusters ({len(clusters)})</h2>',
             '<p>Each column is one record as its page showed it; <span class="diff">highlighted</span> '
             "values differ from the merged value. The merged column says which record each value came from.</p>"]
    for work in clusters:
        members = [by_id.get(rid) or {"record_id": rid} for rid in work.get("record_ids") or []]
        provenance = work.get("provenance") or {}
        head = ["field", "merged (source)"] + [
            f'{esc(m.get("page"))} <span class="muted">#{esc(m.get("position"))}</span>' for m in members]
        rows = []
        for name in CLUSTER_FIELDS:
            merged = _field(work, name)
            values = [_field(m, name) for m in members]
            if merged is None and all(v is None for v in values):
                continue
            # a value one page lacks is not a conflict: only distinct present values are
            differs = len({_fold(v) for v in values if v is not None}) > 1
            source = provenance.get(name)
            source_note = ""
            if source:
                src = by_id.get(source, {})
                source_note = f'<div class="prov">from {esc(src.get("page", source))} #{esc(src.get("position", "?"))}</div>'
            cells = [f'<span class="{"differs" if differs else ""}">{esc(name)}</span>', _cell(name, merged) + source_note]
            for v in values:
                diff = differs and v is not None and _fold(v) != _fold(merged)
                cells.append(f'<div class="{"diff" if diff else "same"}">{_cell(name, v)}</div>')
            rows.append(cells)
        title = esc(work.get("title")) or '<span class="muted">(untitled)</span>'
        parts.append(f'<article class="cluster" id="{anchor("w-", work.get("work_id"))}"><h3>{title} '
                     f'<span class="muted">— {len(members)} records, {esc(work.get("work_id"))}</span></h3>'
                     + table(head, rows, "compare") + "</article>")
    if not clusters:
        parts.append('<p class="muted">No duplicates were found.</p>')
    parts.append("</section>")
    return "".join(parts)


def profiles_section(data: dict) -> str:
    by_page: dict[str, list[dict]] = defaultdict(list)
    for r in data["records"]:
        by_page[str(r.get("page"))].append(r)
    sizes = Counter()
    for w in data["works"]:
        for rid in w.get("record_ids") or []:
            sizes[rid] = len(w.get("record_ids") or [])
    work_of = {rid: w.get("work_id") for w in data["works"] for rid in w.get("record_ids") or []}
    profiles = sorted(data["profiles"], key=lambda p: str(p.get("page")))
    known = {str(p.get("page")) for p in profiles}
    profiles += [{"page": page, "kind": "?"} for page in sorted(by_page) if page not in known]
    parts = [f'<section id="profiles"><h2>Profiles ({len(profiles)})</h2>']
    for p in profiles:
        page = str(p.get("page"))
        records = sorted(by_page.get(page, []), key=lambda r: r.get("position") or 0)
        rows = []
        for r in records:
            dup = ""
            if sizes.get(r.get("record_id"), 0) > 1:
                dup = f'<a href="#{anchor("w-", work_of[r.get("record_id")])}">×{sizes[r.get("record_id")]}</a>'
            rows.append([esc(r.get("position")), esc(r.get("title")) or '<span class="muted">(no title)</span>',
                         authors_html(r), esc(r.get("year")), esc(r.get("venue")), ids_html(r.get("ids")),
                         flags_html(r.get("flags")), dup])
        person = esc(p.get("person")) or '<span class="muted">unknown owner</span>'
        meta = [f"kind: {esc(p.get('kind'))}", f"ingestor: {esc(p.get('ingestor'))}"]
        if p.get("affiliations"):
            meta.append("affiliations: " + esc("; ".join(p["affiliations"])))
        evidence = ""
        if p.get("evidence"):
            evidence = "<details><summary>evidence</summary><ul>" + "".join(f"<li>{esc(e)}</li>" for e in p["evidence"]) + "</ul></details>"
        parts.append(
            f'<article class="profile" id="{anchor("p-", page)}"><h3>{person} <span class="muted">— {esc(page)}</span> '
            f'{flags_html(p.get("flags"))}</h3><p class="meta">{" · ".join(meta)} · {len(records)} records</p>{evidence}'
            + (table(["#", "title", "authors", "year", "venue", "ids", "flags", "dup"], rows, "records") if rows
               else '<p class="muted">No records.</p>')
            + "</article>")
    parts.append("</section>")
    return "".join(parts)


def _plain(value: Any) -> str:
    """A nested value (list of names, affiliations, counts) as compact, escaped text."""
    if value is None:
        return ""
    if isinstance(value, list):
        return esc("; ".join(v.get("name", json.dumps(v, ensure_ascii=False, sort_keys=True)) if isinstance(v, dict)
                             else str(v) for v in value))
    if isinstance(value, dict):
        return esc(", ".join(f"{k}: {v}" for k, v in sorted(value.items())))
    return esc(value)


RESEARCHER_COLUMNS = ("name", "name_variants", "pages", "affiliations", "n_works", "counts_by_year", "evidence")


def researchers_section(data: dict) -> str:
    rows = data.get("researchers")
    if rows is None:
        return ""
    keys = [k for k in RESEARCHER_COLUMNS if any(k in r for r in rows)]
    keys += sorted({k for r in rows for k in r} - set(keys) - {"researcher_id", "work_ids", "person_id"})
    cells = [[_plain(r.get(k)) for k in keys] for r in rows]
    return (f'<section id="researchers"><h2>Researchers ({len(rows)})</h2>'
            + table([esc(k.replace("_", " ")) for k in keys], cells, "researchers") + "</section>")


# ---------------------------------------------------------------- page
CSS = """
:root{color-scheme:light}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d232b;background:#f6f7f9}
header{background:#22344a;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
header nav a{color:#cfe0f5;margin-right:14px;font-size:13px}
main{padding:8px 24px 40px;max-width:1400px}
section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:4px 16px 14px;margin:14px 0}
h2{font-size:17px;border-bottom:1px solid #e5e8ec;padding-bottom:4px}h3{font-size:14px;margin:14px 0 6px}
.stats{display:flex;flex-wrap:wrap;gap:10px}.stat{border:1px solid #dde2e8;border-radius:6px;padding:6px 12px;min-width:90px}
.stat b{display:block;font-size:20px}.stat span{color:#5b6570;font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}figure{margin:0}figcaption{font-size:12px;color:#5b6570}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e5e8ec;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f0f2f5}
.muted{color:#7a848e}.prov{color:#6a7580;font-size:11px}
.records td:first-child,.flagged td:nth-child(2),.stat b{white-space:nowrap}
.flag{white-space:nowrap;display:inline-block;background:#fff3cd;border:1px solid #e6d38a;border-radius:3px;padding:0 4px;font-size:11px;margin:1px}
.diff{background:#ffe1e1;border-radius:3px;padding:0 2px}.differs{font-weight:bold;color:#a4262c}
.compare td:first-child{white-space:nowrap}.compare td:nth-child(2){background:#f3f8f3}
.warn{color:#a4262c}.ok{color:#2d7a3e}.meta{color:#5b6570;margin:2px 0}
details summary{cursor:pointer}a{color:#1f5fa8}
"""


def _csp(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # no script-src at all: default-src 'none' forbids every script, remote load, frame and font
    return f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"


def render_report(data: dict, title: str = "pubsift report") -> str:
    """The whole page for already-loaded outputs (see load_outputs)."""
    sections = [summary_section(data), charts_section(data), failures_section(data), flags_section(data),
                clusters_section(data), profiles_section(data), researchers_section(data)]
    nav = "".join(f'<a href="#{s}">{s}</a>' for s in ("summary", "charts", "failures", "flags", "clusters", "profiles")
                  + (("researchers",) if data.get("researchers") is not None else ()))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp(CSS))}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>\n<body>"
        f'<header><h1>{esc(title)}</h1><nav>{nav}</nav></header>\n<main>'
        + "\n".join(s for s in sections if s)
        + "</main></body></html>\n"
    )


def write_report(out_dir: str | Path, html_path: str | Path | None = None) -> Path:
    """Render OUT_DIR's outputs to html_path (default OUT_DIR/report.html), atomically."""
    from schemas.export import write_text_atomic

    data = load_outputs(out_dir)
    target = Path(html_path) if html_path else Path(out_dir) / "report.html"
    write_text_atomic(target, render_report(data, f"pubsift report — {Path(out_dir).name}"))
    return target
