"""jemdoc homepages: the generated XHTML and the wiki-markup source (`*.jemdoc`).

Generated HTML (meta generator "jemdoc", jemdoc.css): each paper is a top-level
`<li><p>` whose lines (split at `<br />`) are title (bold, with [pdf] links), authors, venue
('ACM Symposium on the Theory of Computing <b>(STOC)</b>, 2014 (to appear)'); nested
sub-bullets ('Also presented at …') are notes of that paper, never entries. A paper listed twice
is two entries (dedupe merges them later).

Source markup: `= Page title`, `== Section`, `- ` bullets, `-- ` sub-bullets, `*bold*`,
`/italic/`, `[url text]` links with `\\[pdf\\]` escapes, and literal `\\n` line-break tokens.

Entries without authors in a talks/presentations section are talks, not publications: skipped
(a poster paper there, with its authors, is an entry). Person: the page title
'Publications --- NAME' when it names someone.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.affiliations import affiliations_in
from extract.fields.citation import VENUE_WORD_RE, authors_score
from extract.fields.dates import find_year
from extract.fields.html import node_text
from extract.fields.names import looks_like_name
from extract.fields.text import clean_text
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "jemdoc"

_GENERATOR_RE = re.compile(r"""<meta[^>]+content=["']jemdoc|jemdoc\.css|jemdoc\.jaboc\.net""", re.I)
_SOURCE_HEAD_RE = re.compile(r"\A\s*#\s*jemdoc:|^=\s+\S", re.M)
_SOURCE_BULLET_RE = re.compile(r"^-\s+\S", re.M)
_TALKS_RE = re.compile(r"\b(?:talks?|presentations?|seminars?|lectures?|keynotes?)\b", re.I)
_LINK_WORD_RE = re.compile(r"\[\s*(?:pdf|paper|arxiv|slides|code|video|link|bib|bibtex|poster|html|ps|doi|url|abstract|talk)[^\]]{0,20}\]", re.I)
_STATUS_RE = re.compile(r"\(\s*(to appear|in press|submitted|accepted|forthcoming|invited)\s*\)", re.I)
_SUFFIX_NOTE_RE = re.compile(r"\s+[-–—]\s+(poster|talk|oral|spotlight|invited talk|short paper|demo|abstract)\s*\.?$", re.I)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# '58(2):112–130', 'vol. 3, no. 2, pp. 1-9', '12:1–9' at the end of a venue line
_VOLUME_PAGES_RE = re.compile(
    r"(?:,?\s*(?:vol(?:ume)?\.?\s*\d+|no\.?\s*\d+|pp?\.?\s*\d+\s*[-–]+\s*\d+|"
    r"\d+\s*\(\s*\d+[\w\s-]*\)\s*(?::\s*\d+\s*[-–]+\s*\d+)?|\d+\s*:\s*\d+\s*[-–]+\s*\d+|(?<=,)\s*\d+\s*[-–]+\s*\d+))+\s*$", re.I)
_TITLE_SPLIT_RE = re.compile(r"\s*(?:---|—|–|--|\|)\s*|\s+-\s+")


def detect(page: Page) -> float:
    head = page.text[:50_000]
    if page.syntax == "html":
        return 0.9 if _GENERATOR_RE.search(head) else 0.0
    if page.syntax in ("markdown", "text") and (page.ext == "jemdoc" or re.match(r"\s*#\s*jemdoc:", head)):
        return 0.9 if _SOURCE_BULLET_RE.search(head) else 0.5
    if page.syntax in ("markdown", "text") and _SOURCE_HEAD_RE.search(head) and re.search(r"^=\s+\S", head, re.M):
        # '= Title' headings, '- ' bullets and '\n' break tokens together are jemdoc's signature
        if _SOURCE_BULLET_RE.search(head) and head.count("\\n") >= 3 and re.search(r"^==\s+\S", head, re.M):
            return 0.8
    return 0.0


def person_from_title(title: str) -> Optional[str]:
    """'Publications --- Matthew Coudron' -> 'Matthew Coudron' (None when no part is a name)."""
    parts = [p.strip() for p in _TITLE_SPLIT_RE.split(clean_text(title)) if p.strip()]
    if len(parts) == 1:
        from extract.ingestors.homepage_html import is_person_name

        # a homepage titled just 'Rui Tanaka'
        return parts[0] if is_person_name(parts[0]) and 2 <= len(parts[0].split()) <= 4 else None
    if not parts:
        return None
    for part in reversed(parts):
        if looks_like_name(part) and 2 <= len(part.split()) <= 4 and not re.search(
                r"publications?|papers?|research|home|cv|talks", part, re.I):
            return part
    return None


_LATER_VERSION_RE = re.compile(r"(?i)\s*[;,]\s*(?:(?:the\s+)?(?:journal|extended|full|long|final|preliminary|conference)\s+version"
                               r"|also\s+(?:in|appeared in)|invited to)\b[^\[]*")


_DANGLING_END_RE = re.compile(r"\b(?:a|an|the|of|for|with|and|or|via|from|in|on|to|by|under|over|into|towards?|beyond|using|"
                              r"versus|vs\.?|between|through|without|at|as)$", re.I)


# APA's chapter: "In A. Editor & B. Editor (Eds.), Book title (pp. 145–168). Publisher."
_CHAPTER_IN_BOOK_RE = re.compile(r"In:?\s+[^()]{2,200}?\((?:Eds?|eds?|Hrsg|dir)\.?\),\s*(.+?)(?:\s*\((?:pp?\.|Vol\.)[^()]*\))?(?:\.\s|\.?$)")
# APA's names then bracketed year: "Okonjo, T., & Lindgren, M. (2021). Venue, 31(1)" -> names, year, the rest
NAMES_THEN_YEAR_RE = re.compile(r"([^()]{3,600}?)\s*\(((?:19|20)\d{2})[a-z]?\)\.?\s*(.*)$", re.S)


def entry_from_lines(lines: list[str], urls: list[str], notes: list[str]) -> Optional[Entry]:
    """One entry from its display lines: title, authors, venue (as jemdoc pages lay them out)."""
    lines = [clean_text(_LINK_WORD_RE.sub(" ", l)).strip(" ,.") for l in lines]
    lines = [re.sub(r"\s{2,}", " ", l) for l in lines if l]
    if not lines:
        return None
    if len(lines) == 1:
        from extract.ingestors.generic_homepage import is_citation_like
        from extract.ingestors.homepage_html import free_text_entry

        if not is_citation_like(lines[0]):
            return None  # a bio or contact bullet, not a paper
        entry = free_text_entry(lines[0])
        entry.urls = list(dict.fromkeys(urls + entry.urls))
    else:
        if (len(lines) >= 3 and authors_score(lines[2]) >= 0.8 and ("," in lines[2] or " and " in lines[2])
                and not re.search(r"\d", lines[2]) and not VENUE_WORD_RE.search(lines[2])
                and not re.search(r"\b[A-Z]\.", lines[1])  # "N. Kovačević": the one author
                and "," not in lines[1] and (lines[1][:1].islower() or len(lines[1].split()) <= 4
                                             or _DANGLING_END_RE.search(lines[0]))
                and not _DANGLING_END_RE.search(lines[1]) and not VENUE_WORD_RE.search(lines[1])
                and not re.search(r"\d", lines[1])):
            # a title wrapped over two lines ("… with Learned" / "Visibility Priors" / "A, B, C" / venue):
            # the name list is the third line
            lines = [f"{lines[0]} {lines[1]}"] + lines[2:]
        entry = Entry(title=lines[0], urls=list(urls))
        rest = lines[1:]
        apa = NAMES_THEN_YEAR_RE.match(rest[0]) if rest and "(" in rest[0] else None
        if apa and authors_score(apa.group(1)) >= 0.6:
            # "Okonjo, T., & Lindgren, M. (2021). Rhythm & Cognition, 31(1), 12–27.": APA's names and
            # bracketed year on the line under the title, the venue after them
            rest = [apa.group(1).strip(" ,"), f"{apa.group(3)} {apa.group(2)}".strip()] + rest[1:]
        co_authors = re.fullmatch(r"\(\s*(?:joint(?:ly)?\s+)?with\s+([^()]{2,300})\)", rest[0]) if rest else None
        if co_authors and authors_score(co_authors.group(1)) >= 0.6:
            # "(with Chloé Fontaine, Ravi Subramanian, and Li Wen)": the co-authors, the owner implicit
            entry.authors_text = co_authors.group(1)
            entry.flags.append("owner-implicit")
            rest.pop(0)
        elif rest and authors_score(rest[0]) >= 0.6 and not VENUE_WORD_RE.search(rest[0]):
            entry.authors_text = rest.pop(0)  # ("Information Processing Letters, 2019" is a journal)
        tail = " ".join(rest)
        tail = _LATER_VERSION_RE.sub("", tail) or tail  # "SODA 2022; journal version in JACM 2024"
        extra = []
        status = _STATUS_RE.search(tail)
        if status:
            extra.append(status.group(1).lower())
            tail = (tail[: status.start()] + tail[status.end():]).strip()
        suffix = _SUFFIX_NOTE_RE.search(tail)
        if suffix:
            extra.append(suffix.group(1))
            tail = tail[: suffix.start()].strip()
        year = find_year(tail)
        if year:
            entry.year = year
            tail = re.sub(rf"[,\s]*(?:(?:{_MONTHS})[a-z]*\.?,?\s*)?\(?\b{year}\b\)?\s*$", "", tail, flags=re.I).strip(" ,.")
        chapter = _CHAPTER_IN_BOOK_RE.match(tail)
        if chapter:  # "In M. Lindgren & P. Sato (Eds.), Handbook of … (pp. 145–168). Halden Academic": the book
            tail = chapter.group(1)
        tail = _VOLUME_PAGES_RE.sub("", tail).strip(" ,.;:")
        entry.venue = tail or None
        if not entry.authors_text and not year and not urls:
            return None  # a heading-like bullet (news, contact), not a paper
        notes = extra + notes
    if notes:
        entry.note = "; ".join(n for n in notes if n)
    if not entry.authors_text and not entry.authors:
        entry.flags.append("no-authors")
    return entry


# ------------------------------------------------------------------ generated HTML

def _lines_of(p) -> tuple[list[str], list[str]]:
    """Split a <p> at <br/> into visible lines, and collect its links."""
    lines, current = [], []
    for node in p.descendants:
        if getattr(node, "name", None) == "br":
            lines.append("".join(current))
            current = []
        elif isinstance(node, str) and not getattr(node, "name", None):
            # NavigableString (skip comments and strings inside scripts)
            if type(node).__name__ in ("NavigableString",):
                current.append(str(node))
    lines.append("".join(current))
    urls = [a["href"] for a in p.find_all("a", href=True) if isinstance(a["href"], str) and a["href"].startswith(("http", "/"))]
    return [re.sub(r"\s+", " ", l).strip() for l in lines if l.strip()], urls


def _parse_html(page: Page) -> PageParse:
    soup = page.soup()
    content = soup.find(id="layout-content") or soup.body or soup
    entries: list[Entry] = []
    skipped = 0
    first_list = None
    for li in content.find_all("li"):
        if li.find_parent("li") is not None:
            continue  # sub-bullets are notes of their parent entry
        if first_list is None:
            first_list = li
        p = li.find("p", recursive=False) or li
        lines, urls = _lines_of(p) if p is not li else ([node_text(li)], [])
        notes = []
        for sub in li.find_all("li"):
            text = node_text(sub)
            if text:
                notes.append(text)
        heading = li.find_previous(["h2", "h3"])
        in_talks = heading is not None and bool(_TALKS_RE.search(node_text(heading)))
        if len(lines) >= 2:
            entry = entry_from_lines(lines, urls, notes)
        else:
            # a one-line citation ('A, B. <a>Title</a>. <i>Venue</i>, 2014'): read it with its markup
            from extract.ingestors.homepage_html import parse_html_entry

            entry = parse_html_entry(p, " ".join(lines), urls)
            if entry is not None and notes:
                entry.note = "; ".join([entry.note] + notes if entry.note else notes)
        if entry is None or not entry.title:
            continue
        if in_talks and "no-authors" in entry.flags:
            skipped += 1
            continue
        entries.append(entry)
    title = soup.find("title")
    heading = soup.find(id="toptitle")
    person = person_from_title(node_text(heading)) if heading is not None else None
    if person is None and title is not None:
        person = person_from_title(title.get_text())
    bio = ""
    if first_list is not None:
        bio = " ".join(node_text(p) for p in first_list.find_all_previous("p"))[:5000]
    evidence = ["jemdoc-generated page"] + ([f"{skipped} authorless talks skipped"] if skipped else [])
    return PageParse(kind="homepage", person=person, affiliations=affiliations_in(bio) if bio else [],
                     entries=entries, evidence=evidence)


# ------------------------------------------------------------------ wiki-markup source

def _inline(text: str) -> tuple[str, list[str]]:
    """jemdoc inline markup -> plain text and the link targets."""
    urls: list[str] = []
    text = text.replace("\\[", "\x01").replace("\\]", "\x02")

    def link(m: re.Match) -> str:
        urls.append(m.group(1))
        label = (m.group(2) or "").strip()
        return label if label else m.group(1)

    text = re.sub(r"\[((?:https?://|www\.|/)?[^\s\]]+\.[^\s\]]*|https?://[^\s\]]+)(?:\s+([^\]]*))?\]", link, text)
    text = text.replace("\x01", "[").replace("\x02", "]")
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w/:])/(?!\s)([^/\n]+?)(?<!\s)/(?![\w/])", r"\1", text)
    text = re.sub(r"\+\{\{(.*?)\}\}\+", r"\1", text)
    return text, urls


def _parse_source(page: Page) -> PageParse:
    text = page.text.replace("\r\n", "\n")
    person = None
    entries: list[Entry] = []
    skipped = 0
    section = ""
    item: Optional[list[str]] = None
    subitems: list[list[str]] = []
    bio_lines: list[str] = []

    def flush():
        nonlocal item, subitems, skipped
        if item is None:
            return
        raw = " ".join(item)
        raw_lines = [l for l in re.split(r"\s*\\n\s*", raw) if l.strip()]
        urls: list[str] = []
        lines = []
        for l in raw_lines:
            plain, found = _inline(l)
            lines.append(plain)
            urls.extend(found)
        notes = []
        for sub in subitems:
            plain, _ = _inline(" ".join(sub).replace("\\n", " "))
            if plain.strip():
                notes.append(clean_text(plain))
        entry = entry_from_lines(lines, urls, notes)
        if entry is not None and entry.title:
            if _TALKS_RE.search(section) and "no-authors" in entry.flags:
                skipped += 1
            else:
                entries.append(entry)
        item, subitems = None, []

    for line in text.split("\n"):
        stripped = line.strip()
        if line.startswith("#"):
            continue
        m = re.match(r"^(=+)\s+(.*)$", line)
        if m:
            flush()
            if len(m.group(1)) == 1 and person is None:
                person = person_from_title(m.group(2))
            else:
                section = m.group(2)
            continue
        if re.match(r"^\s*--\s+", line) and item is not None:
            subitems.append([re.sub(r"^\s*--\s+", "", line)])
            continue
        if re.match(r"^-\s+", line):
            flush()
            item = [line[1:].strip()]
            continue
        if not stripped or stripped == "\\n":
            if item is not None and not subitems and not stripped:
                flush()
            elif item is not None and subitems and not stripped:
                flush()
            continue
        if item is not None:
            (subitems[-1] if subitems else item).append(stripped)
        elif not entries:
            bio_lines.append(_inline(stripped)[0])
    flush()
    bio = " ".join(bio_lines).replace("\\n", " ")
    evidence = ["jemdoc markup source"] + ([f"{skipped} authorless talks skipped"] if skipped else [])
    return PageParse(kind="homepage", person=person, affiliations=affiliations_in(bio) if bio else [],
                     entries=entries, evidence=evidence)


def parse(page: Page) -> PageParse:
    return _parse_html(page) if page.syntax == "html" else _parse_source(page)
