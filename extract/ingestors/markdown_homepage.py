"""Personal homepages written in Markdown (or copied as plain text with Markdown-like shape).

Entry styles recognised, per paragraph block:
- bold/linked title first: `[**Title**](url) (Nature, 2019) \\` + author line(s)
- "Title, with A, B, and C *venue*" + `[abstract] [paper]` link markers; the page owner is an
  implicit co-author (flag `owner-implicit`)
- `**Abstract:**` blocks: attach to the entry right above, or become an untitled record when
  that entry already has one (the scrape lost the title: never invent one)
- anything else in a publications section that reads like a citation: rule-based parse.
The bio before the first entry gives affiliations.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.affiliations import affiliations_in
from extract.fields.citation import ENTRY_LABEL_RE, ITALIC_BOOK_RE, OWN_QUOTED_ENTRY_RE, VANCOUVER_HEAD_RE, STATUS_RE, authors_score, parse_citation, parse_entry_text, split_fields, split_sentences
from extract.fields.dates import YEAR_RE
from extract.fields.ids import find_urls
from extract.fields.names import fuller_name, looks_like_name, owner_in_line, owner_name, split_author_list
from extract.fields.sections import FOREIGN_PUBLICATION_KIND_RE, NON_PUBLICATION_SECTION_RE, POSITION_TITLE_RE
from extract.fields.text import clean_text, strip_markdown
from extract.fields.venues import venue_from_tail
from extract.ingestors.base import Entry, PageParse
from extract.page import Page

NAME = "markdown_homepage"

_FRONT_RE = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
# a list mark, then perhaps the entry's year as a label ("`2024` **Title**", "2021 — **Title**")
# (and an emoji or a symbol a README puts before the title: "- 🆕 **Title**", "- 🔥 **Title**")
_LIST_MARK = (r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]{1,4}\s+(?=\*\*|\[))?"
              r"(?:`?(?:19|20)\d\d`?\s*[—–:|-]?\s+(?=\*\*|\[))?")
_BOLD_TITLE_RE = re.compile(
    _LIST_MARK
    + r"(?:\[\s*\*\*(?P<t1>.+?)\*\*\s*\]\((?P<u1>[^)\s]+)\)"
    + r"|\*\*\s*\[(?P<t2>.+?)\]\((?P<u2>[^)\s]+)\)\s*\*\*"
    + r"|\*\*(?P<t3>[^*]+?)\*\*"
    + r"|\[(?P<t4>[^\]]{10,})\]\((?P<u4>[^)\s]+)\))",
    re.S,
)
_WITH_RE = re.compile(r"^(?P<title>[^\n]{4,400}?),\s+with\s+(?P<rest>.+)$", re.S)
_ABSTRACT_HEAD_RE = re.compile(r"^\s*(?:\*\*|__)?\s*abstract\s*:?\s*(?:\*\*|__)?\s*:?\s*$", re.I)
_HEADING_RE = re.compile(r"^\s*(#{1,6})\s+(.*)$|^(.+)\n(?:=+|-+)\s*$")
_MARKER_RE = re.compile(r"\[(?:abstract|paper|pdf|code|slides|video|poster|bib|bibtex|arxiv|project|website|html|online complement|link|talk|blog|supplementary|data)\]", re.I)
_PUB_HEADING_RE = re.compile(r"publication|paper|preprint|article|working|research|selected|conference|journal|thesis|talk"
                             r"|bibliograph|books?\b|chapters?\b|monographs?"
                             r"|submitted|under review|in press|forthcoming|accepted|in preparation|manuscripts"
                             r"|peer[- ]reviewed|refereed|proceedings|dissertations?|reports?\b|works\b|output", re.I)


def split_front_matter(text: str) -> tuple[str, str]:
    m = _FRONT_RE.match(text)
    if m:
        return m.group(1), text[m.end():]
    return "", text


_ITEM_START_RE = re.compile(r"^\s{0,3}(?:[-*+•]|\d{1,3}[.)])\s+\S")


def _blocks(body: str) -> list[str]:
    """Paragraph blocks; a block holding several list items is split into one block per item
    (continuation lines stay with their item)."""
    out = []
    for block in re.split(r"\n\s*\n", body):
        if not block.strip():
            continue
        lines = block.strip("\n").split("\n")
        starts = [i for i, line in enumerate(lines) if _ITEM_START_RE.match(line)]
        if len(starts) <= 1 or starts[0] != 0:
            if starts and starts[0] != 0 and len(starts) > 1:
                out.append("\n".join(lines[: starts[0]]))
                lines = lines[starts[0]:]
                starts = [i - starts[0] for i in starts]
            else:
                out.append(block.strip("\n"))
                continue
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(lines)
            out.append("\n".join(lines[start:end]))
    return out


_INITIAL_RE = re.compile(r"(?:^|\s)[A-Z]\.(?:\s|-|$)|,\s*[A-Z]\.?$")
# (a family name may open on its particles: "**van der Meulen, S.**", "**de Graaf, T.**")
_INVERTED_NAME_RE = re.compile(r"(?:(?:van|von|de|der|den|da|di|du|del|della|la|le|ten|ter|dos|das|do|zu|af|al|el)\s){0,3}"
                               r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?,\s*(?:[A-Z]\.\s*-?\s*){1,3}")




_ROLE_WORD_RE = re.compile(r"\b(?:professor|lecturer|student|researcher|scientist|director|fellow|postdoc|"
                           r"principal investigator|PI|head|chair|maître|maîtresse|chercheu[rs]e?|profesora?|"
                           r"investigador[a]?|docente|group leader|lab manager|engineer)\b", re.I)


def _bold_title(block: str) -> Optional[re.Match]:
    m = _BOLD_TITLE_RE.match(block)
    if not m:
        return None
    title = next(t for t in (m.group("t1"), m.group("t2"), m.group("t3"), m.group("t4")) if t is not None)
    # marks on the name ("<sup>*</sup>", "†") do not part it from the names after it
    after = re.sub(r"^(?:\s*(?:<sup>[^<]{0,12}</sup>|\^[^^\s]{1,3}\^|\\?[*†‡§]))+", "", block[m.end():])
    # a bold *name* followed by more names is an author list with the owner in bold, not a title
    if looks_like_name(title.strip()) and re.match(r"\s*(?:,|and\s|&|et\.?\s?al\b)\s*\w?", after):
        return None
    # "**I'm on the job market (2024–25)!** Feel free to reach out …": the owner speaking, with no
    # author list after it
    if re.match(r"^(?:I'm|I’m|I am|We're|We’re|We are|My|Our|Join us|Hiring)\b", title.strip()) and \
            authors_score(strip_markdown(after).strip().split("\n")[0][:300]) < 0.5:
        return None
    # "**Dr. Maëlle Trégouët** — Associate Professor (…)": a person and a role, not a paper
    if owner_name(title.strip()) and re.match(r"\s*[—–|,-]\s*\S", after) and not _INITIAL_RE.search(title):
        role = re.sub(r"^\s*[—–|,-]\s*", "", strip_markdown(after)).split("\n")[0].strip()
        if POSITION_TITLE_RE.match(role) or (_ROLE_WORD_RE.search(role) and authors_score(role) < 0.5):
            return None
    # "**Ingrid Halvorsen-Maas** is an associate professor …": a bio, not a paper
    if looks_like_name(title.strip()) and re.match(r"\s+(?:is|was|has|works|received|joined|leads|holds|studies|heads)\b", after):
        return None
    # "**S. Achterberg**. “Debt, Shame …”": the owner as the only author, the title after
    if looks_like_name(title.strip()) and _INITIAL_RE.search(title) and re.match(r"\s*[.:]\s+\S", after):
        return None
    # "**Arjun Raghavan**. *Low-Latency Streaming …* M.S. Thesis, …": a full name as the only
    # author, the title set in italics or quotes after it
    if looks_like_name(title.strip()) and len(title.split()) <= 4 and re.match(r"\s*[.:]\s+(?:\*(?!\*)|_(?!_)|[“\"])", after):
        return None
    # "**Nakamura, Y.** (2021). Title ...": the owner's inverted name in bold, not a title
    # ("**Amber Routes Revisited** (2014)" is a title: only the "Family, I." shape decides)
    if _INVERTED_NAME_RE.fullmatch(title.strip()):
        return None
    if len(title.split()) < 2:
        return None
    if not re.search(r"\w", _MARKER_RE.sub("", strip_markdown(after))):
        return None  # "- [Google Scholar](url)": a link on its own is navigation, not a paper
    # "**PhD Student** (since 2021) · Lab …": a position in the page header, not a paper
    if POSITION_TITLE_RE.fullmatch(strip_markdown(title).strip(" :")):
        return None
    return m


_ITALIC_HEAD_RE = re.compile(r"\s*(?:\*(?!\*)|_(?!_))\S")


def _parse_bold_block(block: str, m: re.Match) -> Entry:
    title = next(t for t in (m.group("t1"), m.group("t2"), m.group("t3"), m.group("t4")) if t is not None)
    url = m.group("u1") or m.group("u2") or m.group("u4")
    rest = block[m.end():]
    entry = Entry(title=title, urls=[url] if url else [])
    entry.urls.extend(u for u in find_urls(rest) if u not in entry.urls)
    # a README's badges ("[![arXiv](…shields.io…)](link)") are links, not text: dropped whole
    rest = re.sub(r"\[\s*\]\([^()\s]*\)", "", re.sub(r"!\[[^\[\]]*\]\([^()\s]*\)", "", rest))
    lines = [l.strip() for l in rest.split("\n")]
    first = lines[0].rstrip("\\ ").strip() if lines else ""
    others = [l.rstrip("\\ ").strip() for l in lines[1:] if l.strip().rstrip("\\").strip()]
    first = first.lstrip(" .,:;-–—").strip()
    if first.count("(") > first.count(")") and others and ")" in others[0] and "(" not in others[0].split(")")[0]:
        # "(with Jonas Weidenfeller" / "and Sunita Mehrotra)": a co-author note wrapped over two lines
        first = f"{first} {others.pop(0)}"
    # "(Nature, 2019)" / "(2022)" tail on the title line
    paren = re.match(r"^\(([^()]*)\)\s*(.*)$", first)
    with_names = re.match(r"(?:joint(?:ly)?\s+)?with\s+(.+)$", paren.group(1).strip()) if paren else None
    if with_names and split_author_list(with_names.group(1)).names:
        # "**Title** (with Rafael Costa and Jun Ishikawa)": the co-authors, the owner implicit
        entry.authors_text = with_names.group(1).strip(" .,")
        entry.flags.append("owner-implicit")
        first = paren.group(2).strip()
        paren = None
    if paren:
        inside = paren.group(1)
        years = YEAR_RE.findall(inside)
        if years:
            entry.year = years[-1]
            venue = YEAR_RE.sub("", inside).strip(" ,;")
            entry.venue = venue or None
        first = paren.group(2).strip()
    noted = re.match(r"(?i:joint(?:ly)?\s+)?(?i:with)\s+([^*\[\]()]{3,300}?)\s*$", first) if not entry.authors_text else None
    if noted and split_author_list(strip_markdown(noted.group(1))).names and authors_score(strip_markdown(noted.group(1))) >= 0.6:
        # "**Title** — with A and B": the co-authors on the title's line, the owner implicit
        entry.authors_text = strip_markdown(noted.group(1)).strip(" .,")
        entry.flags.append("owner-implicit")
        first = ""
    elif not entry.authors_text and re.match(r"(?i:joint(?:ly)?\s+)?with\s+[A-ZÀ-ÞĀ-ŽȘȚ]", first):
        # "**Title** — with Yu Chen and Kofi Abara. *SIAM J. Optim.*, 2023": the co-authors' sentence,
        # then the venue (the longest run of names before a full stop; initials keep theirs)
        body = re.sub(r"(?i)^(?:joint(?:ly)?\s+)?with\s+", "", first)
        for stop in reversed([m.start() for m in re.finditer(r"(?<![\s.][A-Z])\.\s+", body)]):
            names = strip_markdown(body[:stop]).strip(" .,")
            if split_author_list(names).names and authors_score(names) >= 0.6:
                entry.authors_text = names
                entry.flags.append("owner-implicit")
                first = body[stop + 1 :].strip()
                break
    if not entry.authors_text and not first and others:
        # "**Title**  " / "With Lucía Barrientos." / "*UAI 2022*": the co-authors' line under the title
        line_with = re.fullmatch(r"(?i:joint(?:ly)?\s+)?(?i:with)\s+([^*\[\]()]{3,300}?)\.?", strip_markdown(others[0]).strip())
        if line_with and split_author_list(line_with.group(1)).names and authors_score(line_with.group(1)) >= 0.6:
            entry.authors_text = line_with.group(1).strip(" .,")
            entry.flags.append("owner-implicit")
            others = others[1:]
    et_al = re.match(r"^([A-ZÀ-Þ][^*\[\]()]{0,80}?\bet\s?al\.?)\s*(.*)$", first)
    if et_al and not others:
        # "— Tang et al. *WWW 2015*.": a cut author list, then the venue
        entry.authors_text = et_al.group(1)
        first = et_al.group(2).strip()
    if first:
        if others:
            others.insert(0, first)
        else:
            # everything on one line: "Authors. *Venue 2020*. [pdf](url)", "— Authors — *Venue*, 2024"
            others = [p for p in split_fields(strip_markdown(_strip_link_markers(first))) if p.strip(" .")]
    # a line opening in italics opens with the venue ("*Economics Letters*, 2019, 178: 12–16"), never
    # with the names, however name-like its words
    italic_head = bool(others) and _ITALIC_HEAD_RE.match(others[0]) is not None
    if len(others) == 1 and not first and not entry.authors_text and not italic_head:
        # the names and the venue on the line under the title: "**E. Mensah**, S. Agyeman.
        # *arXiv:2404.07781*, 2024. [[pdf]](url)": one field per sentence, as on the title's line
        split = [p for p in split_fields(strip_markdown(_strip_link_markers(others[0]))) if re.sub(r"[\[\]\s|.]", "", p)]
        if len(split) >= 2 and authors_score(split[0].strip(" .")) >= 0.6:
            others = split
    if others and not entry.authors_text and not (italic_head and len(others) == 1):
        # (a long list wraps over lines, each but the last closing on a comma)
        lines_of_names = 1
        while lines_of_names < len(others) and others[lines_of_names - 1].endswith(",") \
                and not _ITALIC_HEAD_RE.match(others[lines_of_names]):
            lines_of_names += 1
        author_line = _strip_link_markers(strip_markdown(" ".join(others[:lines_of_names]))).strip(" .")
        if authors_score(author_line) >= 0.6:
            entry.authors_text = author_line
            others = others[lines_of_names:]
    others = [o for o in (_strip_link_markers(x).strip(" .,") for x in others) if o]
    if others:
        tail = " ".join(others)
        if entry.year is None:
            years = YEAR_RE.findall(tail)
            entry.year = years[-1] if years else None
        if not entry.venue:
            parsed = parse_citation(tail)
            entry.venue = parsed.venue or venue_from_tail(strip_markdown(tail))
    return entry


def _strip_link_markers(text: str) -> str:
    """Drop '[pdf](url)' / '[code]' style link markers and bare URLs from an entry tail."""
    # "[pdf](url)" and the doubled "[[Online Appendix]](url)" some themes write
    # (and "[[PDF](url)]", the bracket closing after the link)
    text = re.sub(r"(\[)?\[([^\[\]]{0,40})\]\]?\((?:[^)\s]+)\)(?(1)\]?)",
                  lambda m: "" if _MARKER_RE.fullmatch(f"[{m.group(2)}]") or len(m.group(2)) < 24 else m.group(0), text)
    text = _MARKER_RE.sub(" ", text)
    from extract.fields.ids import URL_RE

    text = URL_RE.sub(" ", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _with_match(block: str) -> Optional[re.Match]:
    first = block.split("\n", 1)[0]
    m = _WITH_RE.match(first)
    if not m:
        return None
    if len(m.group("title").split()) > 40 or len(re.findall(r"[.!?]\s+[A-Z]", m.group("title"))) > 1 or re.search(r"\.\s+[a-z]", m.group("title")):
        return None
    names_part = re.split(r"\*|\[", m.group("rest"), maxsplit=1)[0]
    names = split_author_list(names_part).names
    if not names or sum(looks_like_name(n) for n in names) < 0.6 * len(names):
        return None
    return m


def _parse_with_block(block: str, m: re.Match) -> Entry:
    # names run up to the first emphasis/bracket or the line's end; what follows is the venue tail
    # ("- *Title*, with Oksana Hrytsenko." + "Workshop on … at RSS, 2022. [[PDF](…)]")
    names_line = m.group("rest")  # (the match reads the block's first line; the rest is the source)
    more = block.split("\n", 1)[1] if "\n" in block else ""
    split = re.split(r"(?=\*|\[)", names_line, maxsplit=1)
    names_part = split[0]
    tail = (split[1] if len(split) > 1 else "") + ("\n" + more if more.strip() else "")
    tail = _MARKER_RE.sub(" ", tail)
    urls = find_urls(block)
    # (the list mark and the emphasis go: "- *Reactive Motion Generation …*")
    title = strip_markdown(re.sub(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)", "", m.group("title"))).strip()
    entry = Entry(title=title, authors_text=names_part.strip(" ,."), urls=urls, flags=["owner-implicit"])
    venue = venue_from_tail(" ".join(_strip_link_markers(tail).split()))
    if venue:
        entry.venue = venue
    # (a year in brackets dates another version: "(preliminary version at … 2008 …)")
    years = YEAR_RE.findall(venue or "") or YEAR_RE.findall(re.sub(r"\([^()]*\)", " ", _strip_link_markers(tail)))
    if years:
        entry.year = years[-1]
    return entry


def _is_entry_block(block: str) -> bool:
    return bool(_bold_title(block) or _with_match(block))


_WITH_THEN_QUOTE_RE = re.compile(r"^\s*(?:[-*+•]\s+)?\(\s*(?:joint(?:ly)?\s+)?with\s[^()]{2,120}\)\s*[\"“]")


def _looks_like_citation(block: str, dated: bool = False) -> bool:
    """dated: a year heading above ("## 2023") dates the block, so it need not hold a year."""
    # (a list mark before a CV label: "- **[J4]** N. Farahani and …")
    text = ENTRY_LABEL_RE.sub("", re.sub(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+", "", strip_markdown(clean_text(block)), count=1))
    if len(text) < 30 or len(text) > 1500:
        return False
    has_year = dated or bool(YEAR_RE.search(text)) or bool(STATUS_RE.search(text))  # "in press" stands for the year
    has_markers = bool(_MARKER_RE.search(block)) or "arxiv" in text.lower() or "doi" in text.lower()
    sentences = split_sentences(text)
    if (has_year or has_markers) and OWN_QUOTED_ENTRY_RE.match(text):
        return True
    ieee = re.match(r"^(.{3,400}?),\s*[\"“]", text)
    if (has_year or has_markers) and ieee and authors_score(ieee.group(1)) >= 0.7:
        return True  # IEEE: 'N. Farahani and K. Ebrahimi, "Title," *Journal*, 2024
    if has_year and VANCOUVER_HEAD_RE.match(text):
        return True  # "Raghunathan P†, Oduya K, Halloran J. Heat exposure and …"
    if has_year and (ITALIC_BOOK_RE.match(re.sub(r"^\s*(?:[-+•]|\*(?=\s))\s*", "", clean_text(block))) or _WITH_THEN_QUOTE_RE.match(text)):
        return True  # "*Book Title* (Place: Publisher, 2019)", "(with R. Grant) “Title,” Journal …"
    year_slot = re.search(r"\((?:19|20)\d{2}[a-z]?\)", text)  # Harvard/APA: names, then "(2019)"
    if year_slot and year_slot.start() > 0 and authors_score(re.sub(_ITEM_START_RE.pattern[:-3], "", text[: year_slot.start()], count=1)) >= 0.7:
        return True
    head = re.match(r"^\s*(?:[-*+•]|\d{1,3}[.)])?\s*(.{3,120}?)(?:\s+et\.?\s?al\b\.?|(?<![A-Z])\.)\s", text)
    lead = head.group(1) if head else ""
    if (has_year or has_markers) and sentences and len(sentences) <= 6 and authors_score(lead) >= 0.99 \
            and len(lead.split()) <= 5 and re.search(r"[\"“]|\*[^*]", block.split(".", 1)[-1]):
        return True  # one author, then a quoted or italic title: "**S. Achterberg**. “Debt, Shame …”"
    din = re.match(r"^\s*(?:\d{1,3}[.)]\s+)?([^:]{3,300}?):\s+[A-ZÀ-Þ„\"“0-9]", text)
    if (has_year or has_markers) and din and authors_score(din.group(1)) >= 0.8 and _INITIAL_RE.search(din.group(1)):
        return True  # German style, names then a colon: "F. Albrecht-Nowak: Werkstoffgerechte Auslegung …"
    if sentences:
        # "Fontaine, L., **Wielgosz, T.** Active learning of …": no stop after the last initial
        from extract.fields.citation import split_inverted_initials_from_title

        sentences[:1] = split_inverted_initials_from_title(sentences[0])
    return (has_year or has_markers) and len(sentences) <= 6 and any(
        authors_score(re.sub(r"\(\s*(?:19|20)\d{2}[a-z]?\s*\)", "", s)) >= 0.7 and ("," in s or " and " in s) for s in sentences)


def _entries_and_bio(body: str, pubs_page: bool = False) -> tuple[list[Entry], str, int]:
    """`pubs_page`: the whole page is a publication list (its front matter says so), so year
    and status headings before any entry already hold publications."""
    entries: list[Entry] = []
    bio: list[str] = []
    blocks = _blocks(body)
    in_pubs = pubs_page
    pending_abstract: Optional[list[str]] = None
    abstract_owner: Optional[Entry] = None
    heading_pubs = 0

    def close_abstract():
        nonlocal pending_abstract, abstract_owner
        if pending_abstract is not None:
            text = "\n\n".join(pending_abstract).strip()
            if text:
                if abstract_owner is not None and not abstract_owner.abstract:
                    abstract_owner.abstract = text
                else:
                    entries.append(Entry(abstract=text, flags=["untitled"] + (["owner-implicit"] if any("owner-implicit" in e.flags for e in entries) else [])))
        pending_abstract = None
        abstract_owner = None

    last_entry: Optional[Entry] = None
    skipping = False
    heading_year: Optional[int] = None
    pubs_level: Optional[int] = None
    for block in blocks:
        heading = _HEADING_RE.match(block)
        if heading and "\n" not in block.strip():
            close_abstract()
            title = heading.group(2) or heading.group(3) or ""
            year_heading = re.fullmatch(r"\W*((?:19|20)\d{2})\W*", strip_markdown(title).strip())
            heading_year = int(year_heading.group(1)) if year_heading else None
            if heading_year:
                in_pubs = in_pubs or bool(entries)  # "## 2023" under "# Publications"
                continue
            level = len(heading.group(1)) if heading.group(1) else 1
            non_pubs = bool(NON_PUBLICATION_SECTION_RE.search(strip_markdown(title).strip()))
            if in_pubs and pubs_level is not None and level > pubs_level and not non_pubs:
                pass  # "## Forthcoming" under "# Publications": still the publications
            else:
                in_pubs = bool(_PUB_HEADING_RE.search(title))
                pubs_level = level if in_pubs else None
            heading_pubs += in_pubs
            skipping = bool(NON_PUBLICATION_SECTION_RE.search(strip_markdown(title).strip()))
            last_entry = None
            continue
        if skipping:
            if not entries:
                bio.append(block)
            continue  # news, talks, teaching: dated items that are not publications
        if _NAV_LINE_RE.match(block.strip()):
            continue  # "[← Back to People](/people/) | [Lab Home](/) | ...": navigation
        if _ABSTRACT_HEAD_RE.match(block):
            close_abstract()
            pending_abstract = []
            abstract_owner = last_entry
            last_entry = None
            continue
        m = _bold_title(block)
        w = None if m else _with_match(block)
        if m or w:
            close_abstract()
            entry = _parse_bold_block(block, m) if m else _parse_with_block(block, w)
            if entry.year is None and heading_year and not STATUS_RE.search(block):
                entry.year = heading_year
            entries.append(entry)
            last_entry = entry
            continue
        if _MARKER_RE.fullmatch(block.strip()) or all(_MARKER_RE.fullmatch(l.strip().rstrip(".")) for l in block.splitlines() if l.strip()):
            continue  # a line of "[abstract] [paper]" markers after an entry
        if pending_abstract is not None:
            pending_abstract.append(block)
            continue
        if (in_pubs or entries) and _looks_like_citation(block, dated=heading_year is not None):
            entry = parse_entry_text(re.sub(_ITEM_START_RE.pattern[:-3], "", block, count=1))
            if entry.title:
                if entry.year is None and heading_year and not STATUS_RE.search(block):
                    entry.year = heading_year
                entries.append(entry)
                last_entry = entry
                continue
        if not entries:
            bio.append(block)
    close_abstract()
    return entries, "\n\n".join(bio), heading_pubs


def _front_title_person(front: str) -> Optional[str]:
    m = re.search(r"^(?:author|name)\s*:\s*['\"]?([^'\"\n]+)", front, re.M)
    return m.group(1).strip() if m and looks_like_name(m.group(1).strip()) else None


def _heading_person(body: str) -> Optional[str]:
    """A top-level heading that is a person's name ('# Jane Q. Researcher')."""
    m = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.M)
    if m:
        text = re.sub(r"\s*[(（].*$", "", strip_markdown(m.group(1))).strip()
        if looks_like_name(text) and 2 <= len(text.split()) <= 5 and not _PUB_HEADING_RE.search(text):
            return owner_name(text)  # "Dr Siobhán Fitzgerald-Hughes" -> without the title; "X Group" -> None
        return owner_in_line(text)  # "📄 Publications — Yusuf Karadağ"
    return None


def _bold_owner(body: str, n_entries: int) -> Optional[str]:
    """The name set in bold inside author lists of most entries (owners highlight themselves)."""
    from collections import Counter

    counts = Counter()
    # (marks may follow the bold name, "**A. Owner**\*, B. Two", and a sole author ends its line)
    for m in re.finditer(r"\*\*([^*\n]{3,60})\*\*(?=(?:\\?[*†‡§]|<sup>[^<\n]{0,12}</sup>)*(?:\s*[,;]|\s+and\s|[ \t]*\\?\n))"
                         r"|(?<=,\s)\*\*([^*\n]{3,60})\*\*", body):
        name = (m.group(1) or m.group(2) or "").strip(" ,")
        if looks_like_name(name) and 2 <= len(name.split()) <= 5:
            counts[name] += 1
    if counts:
        name, n = counts.most_common(1)[0]
        if n >= max(2, 0.5 * n_entries):
            return name
    return None


def _with_inline_html_read(body: str) -> str:
    """Hand-written HTML lists inside the Markdown (<li><b>Title</b><br>…) as Markdown."""
    if re.search(r"<li\b", body, re.I) and re.search(r"<(?:b|strong|i|em)\b", body, re.I):
        from extract.fields.markup import inline_html_to_markdown

        return inline_html_to_markdown(body)
    return body


def detect(page: Page) -> float:
    if page.syntax not in ("markdown", "text"):
        return 0.0
    from extract.fields.mdtable import table_entries

    _, body = split_front_matter(page.text)
    body = _with_inline_html_read(body)
    tabled = len(table_entries(body)[0])  # before <br> splitting: a table row stays one line
    blocks = _blocks(_headed_entries_as_bold(_BR_RE.sub("\n", body)))
    n = sum(1 for b in blocks if _is_entry_block(b)) + tabled
    if n >= 2:
        return 0.7
    if n == 1:
        # one entry in plain text is no sign of Markdown: a text CV is the fallback's to read
        return 0.4 if page.syntax == "markdown" else 0.2
    return 0.15 if page.syntax == "markdown" else 0.0


# a line of several links set apart by bars or dots: site navigation
_NAV_LINE_RE = re.compile(r"^(?:\[[^\]]*\]\([^)]*\)\s*[|·•/]\s*){2,}\[[^\]]*\]\([^)]*\)\s*$")
_BR_RE = re.compile(r"\s*<br\s*/?>\s*", re.I)


# a heading that names a section, not a paper: "### Refereed journal papers", "### Book chapters"
_SECTION_WORDS_HEADING_RE = re.compile(r"(?i)\b(?:papers|publications|articles|preprints|chapters|books|proceedings|talks|"
                                       r"theses|reports|presentations|reviews|manuscripts|works)\s*$")
# "### Title", or a toggle's bold title over its property lines ("▸ **Title**" + "Authors: …", Notion)
_HEADED_TITLE_RE = re.compile(r"^(?:#{3,5}\s+(?P<h>.+?)\s*#*|[▸▶►▾▼]\s+\*\*(?P<t>.+?)\*\*)\s*$")


_FIELD_LINE_RE = re.compile(r"^\s*([A-Za-z][A-Za-z_ -]{1,24}):\s+(\S.*?)\s*$")


def _field_lines(lines: list[str], start: int) -> Optional[tuple[dict[str, str], int]]:
    """The "key: value" lines from `start` on ({key: value}, the index after them) when they
    name the authors; None otherwise."""
    values: dict[str, str] = {}
    j = start
    while j < len(lines) and len(values) < 20:
        m = _FIELD_LINE_RE.match(lines[j])
        if not m:
            break
        values.setdefault(m.group(1).strip().lower().replace(" ", "_"), m.group(2))
        j += 1
    if "author" in values and "authors" not in values:
        values["authors"] = values["author"]
    return (values, j) if values.get("authors") and len(values) >= 2 else None


def _headed_entries_as_bold(body: str) -> str:
    """"### Title" (or "### [Title](url)") over an author line, a venue line and an abstract:
    each paper under its own small heading. Rewritten as the bold-title entry the reader knows
    ("**Title**" + the author and venue lines), when the next line is an author list."""
    lines = body.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        m = _HEADED_TITLE_RE.match(lines[k])
        heading = (m.group("h") or m.group("t")) if m else ""
        nxt = next((j for j in range(k + 1, min(k + 4, len(lines))) if lines[j].strip()), None)
        fields = _field_lines(lines, nxt) if m and nxt is not None else None
        if fields is not None:
            # Hugo Blox / Wowchemy pages scraped to text: the front matter's fields printed under
            # the title ("authors: **A**, B" / "date: May 2024" / "publication: *ICRA*")
            values, j = fields
            venue = strip_markdown(values.get("publication") or values.get("venue") or values.get("journal") or "").strip()
            year = re.search(r"(?:19|20)\d{2}", values.get("date") or values.get("year") or "")
            date = year.group(0) if year else ""
            out.append(f"**{heading}**")
            out.append(values["authors"])
            if venue or date:
                out.append(", ".join(p for p in (f"*{venue}*" if venue else "", date.strip()) if p))
            k = j
            continue
        if m and nxt is not None and len(heading.split()) >= 3 and "{#" not in heading \
                and not _SECTION_WORDS_HEADING_RE.search(strip_markdown(heading)) \
                and not FOREIGN_PUBLICATION_KIND_RE.match(strip_markdown(heading).strip()) \
                and not re.match(r"\W*(?:19|20)\d{2}", lines[nxt]) \
                and not (re.match(r"\s*(?:\d{1,3}[.)]|[-*+])\s", lines[nxt]) and len(lines[nxt]) > 100
                         and re.search(r"\((?:19|20)\d{2}\)|,\s(?:19|20)\d{2}[.,]", lines[nxt])) \
                and authors_score(strip_markdown(lines[nxt]).replace("\\*", "").strip(" *†")) >= 0.6:
            out.append(f"**{heading}**")
            # the author and venue lines join the title's block (blank lines between them go)
            j = nxt
            while j < len(lines) and lines[j].strip() and len(out) < len(lines) + 10:
                out.append(lines[j])
                j += 1
                if j < len(lines) and not lines[j].strip():
                    after = next((i for i in range(j, min(j + 3, len(lines))) if lines[i].strip()), None)
                    if after is not None and not lines[after].startswith("#") and len(lines[after]) < 160 \
                            and re.search(r"(?:19|20)\d{2}|\*[^*]+\*", lines[after]):
                        j = after  # the venue line after a blank line
            k = j
            continue
        out.append(lines[k])
        k += 1
    return "\n".join(out)


# a shields.io badge, linked or not: "[![NeurIPS](https://img.shields.io/badge/NeurIPS-2024-8A2BE2)](https://neurips.cc)"
_BADGE_RE = re.compile(r"\[?!\[([^\]\n]{0,80})\]\((https?://img\.shields\.io/[^)\s]{1,300})\)(?:\]\([^)\s]{0,300}\))?")
_BADGE_ONLY_LINE_RE = re.compile(r"^(\s{0,3}(?:[-*+•]|\d{1,3}[.)]))[ \t]*(?:[^\w\n*_\[]|\*\w+\*|_\w+_|[ \t])*$")


def _badge_text(match: re.Match) -> str:
    """A badge's own words: the label and message of its static URL ("badge/ACL-2022-red" ->
    "ACL 2022"); repository stars and other dynamic badges say nothing about a paper."""
    from urllib.parse import unquote

    static = re.match(r"https?://img\.shields\.io/badge/([^?#]+)", match.group(2))
    if not static:
        return ""
    parts = re.split(r"(?<!-)-(?!-)", static.group(1))
    words = [unquote(p).replace("--", "-").replace("__", "_").replace("_", " ") for p in parts[:2]]
    return " ".join(w.strip() for w in words if w.strip())


def _badges_read(body: str) -> str:
    """GitHub profile READMEs: in a table a badge is a cell's value (the venue and year); in a list
    item the badges lead the item and the fields follow on the next lines, so they go, and an item
    line left with nothing but a mark or an emoji joins the line after it."""
    lines = body.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.lstrip().startswith("|"):
            out.append(_BADGE_RE.sub(_badge_text, line))
        else:
            line = _BADGE_RE.sub("", line)
            bare = _BADGE_ONLY_LINE_RE.match(line)
            if bare and k + 1 < len(lines) and lines[k + 1].strip() and not _ITEM_START_RE.match(lines[k + 1]):
                line = f"{bare.group(1)} {lines[k + 1].strip()}"
                k += 1
            out.append(line)
        k += 1
    return "\n".join(out)


def parse(page: Page) -> PageParse:
    from extract.fields.mdtable import table_entries

    front, body = split_front_matter(page.text)
    body = _with_inline_html_read(body)
    if "img.shields.io" in body:
        body = _badges_read(body)
    if "<summary>" in body:
        # a Notion export's toggle: "<details><summary>📖 Reading list</summary> …": its summary heads a section
        body = re.sub(r"(?m)^\s*(?:<details>\s*)?<summary>([^<\n]{1,200})</summary>\s*$", r"\n### \1\n", body)
    # tables first: a <br> inside a table cell stacks fields within the one row
    tabled, table_lines = table_entries(body)
    if table_lines:
        body = "\n".join(l for k, l in enumerate(body.splitlines()) if k not in table_lines)
    body = _BR_RE.sub("\n", body)  # "[Title](url) <br> Authors <br> *Venue* 2020": one field per line
    body = _headed_entries_as_bold(body)
    front_title = re.search(r"^title:\s*[\"']?([^\"'\n]+)", front, re.M)
    entries, bio, _ = _entries_and_bio(body, pubs_page=bool(front_title and _PUB_HEADING_RE.search(front_title.group(1))))
    entries = tabled + entries
    affiliations = affiliations_in(strip_markdown(bio)) if bio else []
    person = _front_title_person(front)
    evidence = []
    if person:
        evidence.append("owner from front matter")
    if not person:
        person = _bold_owner(body, len(entries))
        if person:
            evidence.append("owner: the name in bold in most author lists")
            # the heading may spell the same person in full ("# Yusuf Karadağ" for **Y. Karadağ**)
            person = fuller_name(person, _heading_person(body))
    if not person:
        person = _heading_person(body)
        if person:
            evidence.append("owner from the page heading")
    if not person and tabled and len(tabled) == len(entries):
        # an export with no heading (a CSV of someone's references): the author on most rows
        from extract.fields.structured import common_author

        person = common_author([e.authors or split_author_list(e.authors_text).names for e in entries], min_share=0.75)
        if person:
            evidence.append("owner: the author on most rows of the exported table")
    if not person:
        from extract.ingestors.generic_homepage import nobody_in_common

        if nobody_in_common(entries):
            # a programme or reading list: each paper by other people, no owner named
            return PageParse(kind="not-a-profile", evidence=[
                f"{len(entries)} entries by different people and no owner named: a programme or reading list"])
    if not entries and not person:
        # no publication read and nobody the page is about: a course page, a README, notes
        return PageParse(kind="not-a-profile", evidence=["no publication entries and no owner named"])
    if person:
        # "title: Toby Ravensworth" over "# Tobias “Toby” Ravensworth": the given name behind the nickname
        from extract.ingestors.generic_homepage import name_behind_nickname

        person = name_behind_nickname(body[:20000], person)
    return PageParse(kind="homepage", person=person, affiliations=affiliations, entries=entries, evidence=evidence)
