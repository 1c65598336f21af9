"""Google Scholar pages saved as HTML.

- Profile (`/citations?user=…`): one table row per article (`tr.gsc_a_tr`): title link
  `a.gsc_a_at`, then two `div.gs_gray` lines (authors, cut with '...' on long lists; venue with
  volume/issue/pages, itself cut with '…' mid-string, plus a hidden ', YEAR'), a citations cell
  (blank when uncited) and a year cell. Markup drifted over the years (2014 'Save Page As' rows
  carry an extra checkbox cell, links are absolute), so rows are found by class, and cells inside a
  row by class first and position second. Owner: `#gsc_prf_in` or the <title> "Name - Google
  Scholar"; affiliation: the first `.gsc_prf_il` line that is not the e-mail/interests line.
- Search results (`div.gs_ri` blocks with `h3.gs_rt` titles and a `div.gs_a` "authors - venue,
  year - host" line): many people's papers, kind `search-results`.
- A Google sign-in or captcha wall served instead of a Scholar page: `not-a-profile`.

Detection reads the raw text only (no parse), so a 1.3 MB wall page costs microseconds here.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.html import node_text
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "scholar_html"
BASE_URL = "https://scholar.google.com"

_SCHOLAR_RE = re.compile(r"google scholar|scholar\.google\.|gsc_prf|gs_hdr|/citations\?", re.I)
_PROFILE_ROW_RE = re.compile(r"""class=["']?[^"'>]*\bgsc_a_tr\b""")
_PROFILE_TITLE_RE = re.compile(r"""class=["']?[^"'>]*\b(?:gsc_a_at|cit-dark-large-link)\b""")
_PROFILE_HEAD_RE = re.compile(r"""id=["']?gsc_prf_in\b""")
_RESULT_RE = re.compile(r"""class=["']?[^"'>]*\bgs_ri\b""")
_RESULT_TITLE_RE = re.compile(r"""class=["']?[^"'>]*\bgs_rt\b""")
_WALL_RE = re.compile(
    r"sign\s+in\s*(?:<[^>]*>\s*)*to\s+continue|accounts\.google\.com/(?:ServiceLogin|signin|v3/signin)|"
    r"unusual\s+traffic|gs_captcha|g-recaptcha|recaptcha/api|not\s+a\s+robot|/sorry/index",
    re.I,
)
_PAGES_TAIL_RE = re.compile(
    r"^(?P<venue>.*?)(?:,?\s+(?P<vol>\d+[A-Za-z]?)\s*(?:\((?P<issue>[^)]*)\))?)?\s*(?:,\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))?\s*$"
)
_ORG_HEAD_RE = re.compile(r"\b(?:University|Universit\w+|Institute|Institut|College|School|Laborator\w+|Lab|Labs|Inc|Corporation|Hospital|Academy|Center|Centre)\b")
_POSITION_WORDS_RE = re.compile(
    r"\b(?:professor|student|candidate|developer|engineer|researcher|scientist|lecturer|director|fellow|"
    r"postdoc|post-doc|manager|head|chair|dean|founder|ceo|cto|phd|ph\.d|msc|associate|assistant)\b",
    re.I,
)


def _signals(text: str) -> tuple[int, int, bool, bool]:
    head = text[:300_000]
    # plain substring checks first: most HTML pages are not Scholar's, and the regexes scan a lot
    rows = len(_PROFILE_ROW_RE.findall(text)) + len(_PROFILE_TITLE_RE.findall(text)) if "gsc_a_" in text or "cit-dark" in text else 0
    results = len(_RESULT_RE.findall(text)) + len(_RESULT_TITLE_RE.findall(text)) if "gs_r" in text else 0
    scholar = bool(_SCHOLAR_RE.search(head))
    wall = scholar and bool(_WALL_RE.search(head))
    return rows, results, scholar, wall


def _json_fragment(page: Page) -> Optional[Page]:
    """Scholar's 'show more' XHR answer: JSON whose "B" field holds the next rows as HTML."""
    if page.syntax != "json" or "gsc_a_tr" not in page.text[:200_000]:
        return None
    data = page.json()
    if isinstance(data, dict) and isinstance(data.get("B"), str):
        return Page.from_text(data["B"], page.path.rsplit(".", 1)[0] + ".html")
    return None


def detect(page: Page) -> float:
    if page.syntax == "json":
        return 0.9 if _json_fragment(page) is not None else 0.0
    if page.syntax != "html":
        return 0.0
    rows, results, scholar, wall = _signals(page.text)
    if rows or _PROFILE_HEAD_RE.search(page.text[:400_000]):
        return 0.95
    if results >= 2:
        return 0.9
    if scholar and wall:
        return 0.92
    if scholar and re.search(r"<title>[^<]*google scholar", page.text[:300_000], re.I):
        return 0.6  # a Scholar page with nothing we can read: say so rather than guess
    return 0.0


# ---------------------------------------------------------------- profile pages

def _classes(node) -> list[str]:
    value = node.get("class") or []
    return value if isinstance(value, list) else str(value).split()


def _has_class(node, name: str) -> bool:
    return name in _classes(node)


def split_venue(text: str) -> tuple[Optional[str], Optional[str], bool]:
    """'Attention, Perception, & Psychophysics 76 (7), 1873-1884' -> (venue, '76 (7), 1873-1884',
    truncated?). Scholar cuts long venue strings with '…' (sometimes mid-word)."""
    text = clean_text(text)
    truncated = "…" in text or "..." in text
    text = re.sub(r"\s*(?:…|\.\.\.)\s*", " ", text).strip(" ,")
    text = re.sub(r",\s*0$", "", text)  # 'year 0' of undated items
    if truncated:
        # a cut inside the volume/issue tail: 'Sciences (WJAETS) 5 (1…'
        text = re.sub(r"\s+\d+[A-Za-z]?\s*\(\d*$", "", text).strip(" ,")
    m = _PAGES_TAIL_RE.match(text)
    venue, detail = text, None
    if m and (m.group("vol") or m.group("pages")) and m.group("venue").strip():
        venue = m.group("venue").strip(" ,")
        detail = text[len(m.group("venue")):].strip(" ,") or None
    return (venue or None), detail, truncated


def _profile_row(row) -> Optional[Entry]:
    title_link = None
    for a in row.find_all("a"):
        if _has_class(a, "gsc_a_at") or _has_class(a, "cit-dark-large-link"):
            title_link = a
            break
    title_cell = None
    for td in row.find_all(["td", "div"]):
        if _has_class(td, "gsc_a_t") or td.get("id") == "col-title":
            title_cell = td
            break
    if title_link is None and title_cell is not None:
        title_link = title_cell.find("a")
    if title_link is None:
        return None
    scope = title_cell or row
    # 2014+: div.gs_gray lines; before that (c. 2012): span.cit-gray lines
    grays = [d for d in scope.find_all(["div", "span"]) if _has_class(d, "gs_gray") or _has_class(d, "cit-gray")]
    entry = Entry(title=node_text(title_link))
    href = title_link.get("href")
    if isinstance(href, str) and href.strip():
        entry.urls.append(href if href.startswith("http") else BASE_URL + href)
    year_text = None
    for node in row.find_all(["td", "span"]):
        if _has_class(node, "gsc_a_y") or _has_class(node, "gsc_a_h") or node.get("id") == "col-year":
            year_text = node_text(node)
            if year_text:
                break
    if grays:
        entry.authors_text = node_text(grays[0]) or None
    if len(grays) > 1:
        venue_node = grays[1]
        hidden_year = ""
        parts = []
        for child in venue_node.children:
            if getattr(child, "name", None) == "span" and _has_class(child, "gs_oph"):
                hidden_year = node_text(child)
                continue
            parts.append(child.get_text() if hasattr(child, "get_text") else str(child))
        venue_text = "".join(parts)
        inline_year = re.search(r",\s*((?:1[89]|20)\d{2})\s*$", venue_text)
        if inline_year:  # older markup keeps ', YEAR' inside the venue line
            hidden_year = hidden_year or inline_year.group(1)
            venue_text = venue_text[: inline_year.start()]
        venue, detail, truncated = split_venue(venue_text)
        entry.venue = venue
        if detail:
            entry.note = detail
        if truncated:
            entry.flags.append("venue-truncated")
        year_text = year_text or hidden_year.strip(" ,")
    if year_text and re.fullmatch(r"\s*(?:1[89]|20)\d{2}\s*", year_text):
        entry.year = year_text.strip()
    if not entry.authors_text:
        entry.flags.append("no-authors")
    return entry


_TITLE_NAME_RE = re.compile(r"^\s*(.+?)\s+[-–—]\s+(?:Google\s+(?:Scholar|Академия|Akademik|Académico|Scholar\s+Citations)).*$", re.I)


def _owner(soup) -> Optional[str]:
    node = soup.find(id="gsc_prf_in") or soup.find(id="cit-name-display")
    if node is not None:
        name = node_text(node)
        if name:
            return clean_text(name)
    title = soup.find("title")
    if title is not None:
        m = _TITLE_NAME_RE.match(clean_text(title.get_text()))
        if m:
            return m.group(1).strip()
    return None


def _affiliations(soup) -> list[str]:
    from extract.lexicon import ORG_CUE_WORDS, ORGANISATIONS

    for node in soup.find_all("div"):
        if not _has_class(node, "gsc_prf_il") or node.get("id") in ("gsc_prf_ivh", "gsc_prf_int"):
            continue
        link = next((a for a in node.find_all("a") if _has_class(a, "gsc_prf_ila")), None)
        if link is not None and node_text(link):
            return [node_text(link)]
        line = clean_text(node_text(node))
        if not line or re.match(r"^(?:verified email|homepage|my profile|no verified)", line, re.I):
            continue
        parts = [p.strip() for p in re.split(r",|\s+@\s+|\s+at\s+", line) if p.strip()]
        # 'Research Scientist, Google DeepMind': the role part is not an organisation even with a cue word
        orgs = [p for p in parts if (any(w in p.split() for w in ORG_CUE_WORDS) or p in ORGANISATIONS)
                and not (_POSITION_WORDS_RE.search(p) and p not in ORGANISATIONS and not _ORG_HEAD_RE.search(p))]
        if orgs:
            return orgs[:2]
        if not _POSITION_WORDS_RE.search(line):
            return [line]
        return []
    return []


def _parse_profile(page: Page) -> PageParse:
    soup = page.soup()
    rows = [tr for tr in soup.find_all("tr") if _has_class(tr, "gsc_a_tr")]
    if not rows:
        rows = [tr for tr in soup.find_all("tr") if _has_class(tr, "cit-table") and _has_class(tr, "item")]
    if not rows:
        # markup without row classes: the closest row/block around each title link
        rows = [a.find_parent(["tr", "li", "div"]) or a for a in soup.find_all("a")
                if _has_class(a, "gsc_a_at") or _has_class(a, "cit-dark-large-link")]
    entries = [e for e in (_profile_row(r) for r in rows) if e is not None and e.title]
    person = _owner(soup)
    evidence = [f"Google Scholar profile: {len(entries)} article rows"]
    if soup.find(id="gsc_bpf_more") is not None or re.search(r"cstart=\d+", page.text[:400_000]):
        evidence.append("profile is paged (cstart): only the saved page's rows are here")
    return PageParse(kind="listing", person=person, affiliations=_affiliations(soup), entries=entries, evidence=evidence)


# ---------------------------------------------------------------- search results

_MARKER_RE = re.compile(r"^\s*\[(?:PDF|HTML|CITATION|BOOK|B|C|DOC|PS|ZIP)\]\s*", re.I)


def _parse_result(block) -> Optional[Entry]:
    title_node = next((h for h in block.find_all(["h3", "div"]) if _has_class(h, "gs_rt")), None)
    if title_node is None:
        return None
    link = title_node.find("a")
    title_text = node_text(link) if link is not None else node_text(title_node)
    title_text = _MARKER_RE.sub("", re.sub(r"^\s*(?:\[[A-Z]+\]\s*)+", "", title_text))
    entry = Entry(title=title_text)
    if link is not None and isinstance(link.get("href"), str):
        href = link["href"]
        entry.urls.append(href if href.startswith("http") else BASE_URL + href)
    byline = next((d for d in block.find_all("div") if _has_class(d, "gs_a")), None)
    if byline is not None:
        text = clean_text(node_text(byline))
        parts = [p.strip() for p in re.split(r"\s+[-–]\s+", text)]
        entry.authors_text = parts[0] if parts else None
        if len(parts) > 1:
            venue_year = parts[1]
            m = re.search(r"((?:19|20)\d{2})\s*$", venue_year)
            if m:
                entry.year = m.group(1)
                venue_year = venue_year[: m.start()]
            venue, _, truncated = split_venue(venue_year.strip(" ,"))
            if venue and not re.fullmatch(r"[\w.-]+\.(?:com|org|net|edu|gov|io)", venue):
                entry.venue = venue
            if truncated:
                entry.flags.append("venue-truncated")
    return entry


def _parse_results(page: Page) -> PageParse:
    soup = page.soup()
    blocks = [d for d in soup.find_all("div") if _has_class(d, "gs_ri")]
    if not blocks:
        blocks = [h.parent for h in soup.find_all(["h3", "div"]) if _has_class(h, "gs_rt")]
    entries = [e for e in (_parse_result(b) for b in blocks) if e is not None and e.title]
    return PageParse(kind="search-results", entries=entries,
                     evidence=[f"Google Scholar search results: {len(entries)} results"])


def parse(page: Page) -> PageParse:
    fragment = _json_fragment(page)
    if fragment is not None:
        parsed = _parse_profile(fragment)
        parsed.evidence.append("rows from a Scholar list_works JSON fragment (no profile header)")
        return parsed
    rows, results, scholar, wall = _signals(page.text)
    if rows or _PROFILE_HEAD_RE.search(page.text[:400_000]):
        return _parse_profile(page)
    if results >= 2:
        return _parse_results(page)
    reason = "Google sign-in/captcha wall instead of a Scholar page" if wall else "Scholar page without publication rows"
    return PageParse(kind="not-a-profile", evidence=[reason])
