"""Fallback for pages no specific ingestor claims: unknown homepage styles.

Candidate entries are list items / paragraphs (HTML) or blank-line blocks and list lines
(text); each that reads like a citation is parsed by `extract.fields.citation.parse_entry_text`
(rules first, the trained entry parser where the rules are unsure). A page with no entries
and no owner is `not-a-profile`.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from extract.fields.affiliations import affiliations_in
from extract.fields.citation import (
    BRACKET_VENUE_CUE_RE, OWN_QUOTED_ENTRY_RE, VANCOUVER_HEAD_RE, SINGLE_AUTHOR_RE, STATUS_RE, YEAR_LABEL_RE, authors_score, split_inverted_initials_from_title,
)
from extract.fields.dates import YEAR_RE, find_year
from extract.fields.sections import FOREIGN_PUBLICATION_KIND_RE, NON_PUBLICATION_SECTION_RE, POSITION_TITLE_RE, PUBLICATION_STATUS, SERVICE_LINE_RE
from extract.fields.html import node_text
from extract.fields.cv_kinds import LEADING_CO_AUTHOR_NOTE_RE
from extract.fields.names import CJK_RE as _CJK_RE, split_author_list
from extract.fields.text import clean_text, fold, strip_markdown
from extract.ingestors.base import Entry, PageParse
from extract.ingestors.homepage_html import looks_like_contact
from extract.page import Page

NAME = "generic_homepage"
MAX_CANDIDATES = 5000


_SKIP_PARENTS = ("nav", "header", "footer", "script", "style", "noscript", "template")




_MAX_ENTRY_DEPTH = 6
_BUTTON_ROW_MAX_CHARS = 80


def _is_filler_paragraph(node) -> bool:
    """An empty <p> (a spacer in old hand-written HTML) or one made only of link/button labels
    ("PDF Cite DOI", "[code] [slides]": the action row Wowchemy/Hugo themes put inside an
    entry's <div>): not an entry of its own, so it must not make its parent look like a
    container of entries."""
    text = node_text(node)
    if not text:
        return True
    if len(text) > _BUTTON_ROW_MAX_CHARS:
        return False
    labels = " ".join(node_text(a) for a in node.find_all(["a", "button"]))
    rest = re.sub(r"[\W_]+", "", text)
    return bool(labels) and len(re.sub(r"[\W_]+", "", labels)) == len(rest)


def _field_class_entries(soup) -> list:
    """Innermost elements holding both a title-classed and an author-classed descendant."""
    from extract.ingestors.homepage_html import FIELD_CLASS_RES

    title_class, author_class = FIELD_CLASS_RES["title"], FIELD_CLASS_RES["authors"]
    titles = soup.find_all(class_=title_class, limit=MAX_CANDIDATES)
    # a bilingual record's English title ("title-en") beside its original is one title, not two
    from extract.ingestors.homepage_html import _ENGLISH_TITLE_CLASS_RE

    def english_beside_original(element) -> bool:
        if not any(_ENGLISH_TITLE_CLASS_RE.search(c) for c in element.get("class") or []):
            return False
        parent = element.parent
        return parent is not None and any(
            t is not element and not any(_ENGLISH_TITLE_CLASS_RE.search(c) for c in t.get("class") or [])
            for t in parent.find_all(class_=title_class, recursive=False))

    titles = [t for t in titles if not english_beside_original(t)]
    if soup.find("summary") is not None:
        # Hugo's "<details><summary>Title</summary><p class=authors>…</p>…</details>": each summary over
        # classed parts is a record's title (not an "Abstract" or "BibTeX" toggle's label)
        titles += [s for s in soup.find_all("summary", limit=MAX_CANDIDATES)
                  if s.parent is not None and s.parent.name == "details" and s.parent.find(class_=author_class) is not None
                  and not _ENTRY_EXTRA_SUMMARY_RE.fullmatch(s.get_text(" ", strip=True).strip(" ▸▾▶▼›»:"))]
    # a title's own link classed as one too ("tp_pub_title" > "tp_title_link") is the same title
    title_ids = {id(t) for t in titles}
    titles = [t for t in titles if not any(id(p) in title_ids for _, p in zip(range(4), t.parents))]
    if not titles:
        return []
    if not soup.find(class_=author_class):
        return _title_class_records(titles)
    # an entry has one title and one author list: an ancestor holding several is a list, not an
    # entry (a talk's "article-title" must not climb to the page wrapper around the publications)
    parts_under: dict[tuple[str, int], int] = {}
    authors = soup.find_all(class_=author_class, limit=MAX_CANDIDATES)
    # an author list inside another ("authors-and-collab" > "__AuthorList__") is one list, not two
    author_ids = {id(a) for a in authors}

    def same_list_inside(element) -> bool:
        # (each "cl-paper-authors__author-link" inside "cl-paper-authors" is one of its names)
        return any(id(p) in author_ids for _, p in zip(range(4), element.parents))

    authors = [a for a in authors if not same_list_inside(a)]
    for kind, elements in (("title", titles), ("authors", authors)):
        for element in elements:
            for depth, parent in enumerate(element.parents):
                if depth >= _MAX_ENTRY_DEPTH + 1:
                    break
                key = (kind, id(parent))
                parts_under[key] = parts_under.get(key, 0) + 1
    out, seen = [], set()
    for title in titles:
        for depth, parent in enumerate(title.parents):
            # an entry's parts sit close together; a bounded climb keeps hostile pages linear
            if parent.name in ("body", "html", "[document]", None) or depth >= _MAX_ENTRY_DEPTH:
                break
            if parts_under.get(("title", id(parent)), 0) > 1 or parts_under.get(("authors", id(parent)), 0) > 1:
                break
            if parent.find(class_=author_class) is not None:
                if id(parent) not in seen:
                    seen.add(id(parent))
                    out.append(parent)
                break
    # a page wrapper whose own header has a title class ("post-title") holds the real entries;
    # and an element whose parts cannot be read as an entry and that holds blocks of its own (a
    # Drupal node classed "author-webeditor" around a whole profile) must not hide them; a
    # post's header with its byline stays out of the reading
    from extract.ingestors.homepage_html import _entry_from_field_classes

    return [e for e in out if not any(id(d) in seen for d in e.descendants)
            and (_entry_from_field_classes(e, []) is not None or len(e.find_all(["p", "li", "dd", "tr"], limit=2)) < 2)]


def _class_named_entries(page: Page) -> list:
    """_field_class_entries of the page's tree, found once per page (before the readers change it)."""
    from extract.fields.pagecache import cached

    return cached(page, "class-named-entries", lambda: _field_class_entries(page.soup()))


def _title_class_records(titles: list) -> list:
    """Records that name only their title by class (Quarto's "listing-title", Pure's
    h3.title; the authors sit in an unnamed element or inline links): each title climbs to
    the largest ancestor holding no other title, and that ancestor is a record when it repeats
    (at least two such records on the page). Whether it has an author list is decided when it
    is read (homepage_html._entry_from_field_classes)."""
    from extract.ingestors.homepage_html import _entry_from_field_classes

    # the records' titles repeat one element shape; a lone "site-title" or "entry-title" is chrome
    shapes: dict[tuple, int] = {}
    for title in titles:
        shape = (title.name, tuple(title.get("class") or ()))
        shapes[shape] = shapes.get(shape, 0) + 1
    titles = [t for t in titles if shapes[(t.name, tuple(t.get("class") or ()))] >= 2]
    if len(titles) < 2:
        return []
    title_ids = {id(t) for t in titles}
    titles_under: dict[int, int] = {}
    for title in titles:
        for depth, parent in enumerate(title.parents):
            if depth >= _MAX_ENTRY_DEPTH + 1:
                break
            titles_under[id(parent)] = titles_under.get(id(parent), 0) + 1
    records = []
    short = 0
    for title in titles:
        if any(id(p) in title_ids for p in title.parents):
            continue  # a title class inside a title element ("title" span in an h3.title)
        record = None
        for depth, parent in enumerate(title.parents):
            if parent.name in ("body", "html", "[document]", None) or depth >= _MAX_ENTRY_DEPTH:
                break
            if titles_under.get(id(parent), 0) > 1:
                break
            record = parent
        # a record is one entry: a little text around its title, no list of its own (a
        # section "Selected Publications" with a div.title heading is not one)
        if (record is not None and len(node_text(title)) + 10 < len(node_text(record)) <= 2500
                and record.find(["ul", "ol", "table"]) is None):
            records.append(record)
            short += len(node_text(title).split()) < 3  # "Short Bio", "Services": headings
    if short * 2 > len(records):
        return []
    # a record alone in its section ("Preprints" holding one div.pub) climbed past its own card to
    # the section: the card of the shape the other records share is the record
    record_shapes: dict[tuple, int] = {}
    for record in records:
        key = (record.name, tuple(record.get("class") or ()))
        record_shapes[key] = record_shapes.get(key, 0) + 1
    common = max(record_shapes.items(), key=lambda kv: kv[1]) if record_shapes else None
    if common and common[1] >= 2 and len(record_shapes) > 1:
        for k, record in enumerate(records):
            if (record.name, tuple(record.get("class") or ())) == common[0]:
                continue
            inner = next((d for d in record.find_all(common[0][0], class_=list(common[0][1]) or None, limit=3)
                          if (d.name, tuple(d.get("class") or ())) == common[0]), None)
            if inner is not None and any(id(d) in title_ids for d in inner.descendants):
                records[k] = inner
    # records whose parts cannot be read would hide their text from the generic reading
    readable = sum(1 for r in records if _entry_from_field_classes(r, []) is not None)
    return records if len(records) >= 2 and readable * 2 > len(records) else []


# a labelled line of a course or event page, not a title: "Instructor: Dr. …", "Office hours: …"
_LABEL_LINE_RE = re.compile(r"(?:instructors?|lecturers?|teachers?|tutors?|TAs?|teaching assistants?|office hours?|"
                            r"contact|e-?mail|phone|tel|fax|address|location|room|time|when|where|speakers?|hosts?)\s*:",
                            re.I)


# ARIA landmarks that hold navigation or page chrome, whatever the element ("<div role=tablist>")
_CHROME_ROLES = frozenset(("navigation", "tablist", "tab", "menu", "menubar", "banner", "contentinfo", "search"))


def _in_navigation_role(node) -> bool:
    for depth, element in enumerate([node, *node.parents]):
        if depth > 12 or element is None:
            break
        role = element.get("role") if hasattr(element, "get") else None
        if isinstance(role, str) and role.lower() in _CHROME_ROLES:
            return True
        ident = element.get("id") if hasattr(element, "get") else None
        classes = element.get("class") if hasattr(element, "get") else None
        if (isinstance(ident, str) and ident in ("respond", "comments")) or (
                isinstance(classes, list) and any(c in ("comment-respond", "comments-area", "comments-wrapper") for c in classes)):
            return True  # a blog's comment form and thread ("Leave a Reply"), not the page's content
    return False


_HEADING_TAGS = ("h2", "h3", "h4", "h5")


def _authors_follow_heading(record, heading) -> bool:
    """The line right under the heading is an author list ("A. One, B. Two · OOPSLA 2023")."""
    from extract.ingestors.homepage_html import _unnamed_stretches_after

    stretches = _unnamed_stretches_after(record, heading, set(), limit=3)
    if not stretches:
        return False
    # its first line: "Oskar Lindqvist" over "arXiv preprint, 2024" is one author, not a long list
    first = re.split(r"\s+[·|•—–]\s+|\s*\n\s*", stretches[0][0])[0]
    if authors_score(first) >= 0.6:
        return True
    # ...or a dated footer line under a summary: "2024 · ICLR · Sofía Benítez, Arjun Mehta"
    return any(YEAR_RE.search(text) and any(authors_score(part) >= 0.6 and ("," in part or " and " in part)
                                            for part in re.split(r"\s+[·|•—–]\s+", text)[1:])
               for text, _ in stretches[1:])


def heading_records(soup) -> list[tuple[object, object]]:
    """(record, heading) for cards whose heading is the title and whose other lines are the
    authors and the venue (Hugo PaperMod's <article class="post-entry"><h2>Title</h2>
    <p>A. One, B. Two · OOPSLA 2023</p>): each heading climbs to the largest ancestor holding
    no other heading; records that repeat one element shape, at least two of them readable
    as entries, are kept."""
    from extract.ingestors.homepage_html import _entry_from_field_classes

    headings = soup.find_all(_HEADING_TAGS, limit=MAX_CANDIDATES)
    if len(headings) < 2:
        return []
    under: dict[int, int] = {}
    for heading in headings:
        for depth, parent in enumerate(heading.parents):
            if depth > _MAX_ENTRY_DEPTH:
                break
            under[id(parent)] = under.get(id(parent), 0) + 1
    groups: dict[tuple, list] = {}
    for heading in headings:
        record = None
        for depth, parent in enumerate(heading.parents):
            if parent.name in ("body", "html", "[document]", None) or depth >= 4 or under.get(id(parent), 0) > 1:
                break
            record = parent
        # a card is short: title, authors, venue, date; a blog post or an excerpt is prose
        if (record is None or record.find(["ul", "ol", "table"]) is not None
                or len(node_text(record)) - len(node_text(heading)) > 400):
            continue
        # by the element and its first class: "pub thesis" is a kind of "pub" card
        shape = (record.name, tuple(record.get("class") or ())[:1])
        groups.setdefault(shape, []).append((record, heading))
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        readable = [(r, h) for r, h in members if _authors_follow_heading(r, h)
                    and _entry_from_field_classes(r, [], title_element=h) is not None]
        if len(readable) >= 2 and len(readable) * 2 > len(members):
            out.extend(readable)
    return out


_ENTRY_EXTRA_SUMMARY_RE = re.compile(r"(?i)abstract|bibtex|cite|citation|more|details|summary|show|expand|tl;?dr|notes?")


_ABSTRACT_CLASS_RE = re.compile(r"(?:^|\s|[-_])(?:abs|abstract|tldr)(?:$|\s)")


def _abstract_toggle_inside_item(node) -> bool:
    """A paragraph in a `<details>` toggle inside a list item ("<li>Title … <details><summary>
    Abstract</summary><p>…</p></details>"): part of that entry, not a block that would make the
    item a container of entries."""
    if node.name not in ("p", "div", "pre"):
        return False
    # a hidden abstract or BibTeX block a link toggles ("<div class=abs style=display:none>" inside
    # the entry's own div): the entry's, not an entry of its own
    if _ABSTRACT_CLASS_RE.search(" ".join(node.get("class") or []).lower()) \
            and node.parent is not None and node.parent.name in ("div", "li", "article", "section"):
        # (only beside the entry's own text: a list of "<p class=abstract>" blocks is no entry's extras)
        if any(c is not node and (c.get("class") or []) != (node.get("class") or []) for c in node.parent.find_all(recursive=False)):
            return True
    details = node.find_parent("details")
    if details is None or details.find_parent("li") is None:
        return False
    # (a toggle of entries — "<summary>2021</summary>" — holds entries, not one entry's extras)
    summary = details.find("summary")
    return summary is not None and bool(_ENTRY_EXTRA_SUMMARY_RE.search(summary.get_text(" ", strip=True)))


_BLOCK_TAGS = frozenset(("p", "div", "ul", "ol", "li", "table", "dl", "dd", "dt", "section", "article",
                         "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "details", "form"))


def _paragraph_of_inline_entry(node) -> bool:
    """A <p> inside a <div> that holds its own reference as inline text ("Names (2023). <a>Title</a>.
    <em>Venue</em>." then <p>buttons</p><p class=note>An earlier version …</p>): a note of that
    entry, which must not make the div a container of entries."""
    parent = node.parent
    if parent is None or parent.name != "div":
        return False
    inline = []
    for child in parent.children:
        name = getattr(child, "name", None)
        if name in _BLOCK_TAGS:
            continue
        inline.append(child.get_text(" ") if name else str(child))
    own = " ".join(" ".join(inline).split())
    return len(own) >= 40 and bool(YEAR_RE.search(own))


_LINK_ROW_CLASS_RE = re.compile(r"(?:^|[-_])(?:links?|buttons?|btns?|actions?|resources?|badges?)(?:$|[-_])", re.I)


def _link_row_div(node) -> bool:
    """A div named a row of links or buttons ("links", "pub-buttons") holding only short text."""
    if not any(_LINK_ROW_CLASS_RE.search(c) for c in node.get("class") or []):
        return False
    if node.find(["p", "li", "div", "ul", "ol", "table", "dd", "tr"]) is not None:
        return False
    return len(node_text(node).strip()) <= 80


def _candidates_html(page: Page) -> tuple[list[tuple[object, str, list[str]]], dict[int, object]]:
    """Innermost list items / paragraphs / rows / leaf divs, in document order, and the
    cards among them whose heading is their title ({id(card): heading}, see heading_records).

    One find_all plus a walk up the parents (no per-node subtree search): a node is a container
    when another block element sits inside it."""
    soup = page.soup()
    # templates that name an entry's parts by class (al-folio's div.title / div.author /
    # div.periodical, with the abstract in a nested <p>): the innermost element holding a
    # title part and an author part is one entry, whatever blocks sit inside it
    field_entries = _class_named_entries(page)
    card_headings = [] if field_entries else heading_records(soup)
    headed = {id(record): heading for record, heading in card_headings}
    cards = [record for record, _ in card_headings]
    field_entries = field_entries or cards
    inside_field_entry = {id(d) for e in field_entries for d in e.descendants}
    blocks = ("li", "p", "dd", "tr", "div", "table", "ul", "ol")
    # (two or more: one <article> holding a title and a byline is a post, not a list of works)
    # (any element outside the block list: <article>, <section>, <figure>/<figcaption> cards, <details> toggles)
    entry_ids = {id(e) for e in field_entries if e.name in ("article", "section", "figure", "figcaption", "details")}
    if len(entry_ids) >= 2:
        # entries that are <article> or <section> cards ("paper-card__title" …): found in
        # document order with the blocks
        found = soup.find_all(lambda t: t.name in blocks or id(t) in entry_ids, limit=MAX_CANDIDATES * 3)
    else:
        found = soup.find_all(list(blocks), limit=MAX_CANDIDATES * 3)
    nodes = [n for n in found if id(n) not in inside_field_entry and not _abstract_toggle_inside_item(n)]
    # cards may be <article>/<section> elements, which the block list above leaves out
    listed = {id(n) for n in nodes}
    nodes += [c for c in cards if id(c) not in listed]
    holds_entry_block: set[int] = set()  # has an li/p/tr/dd inside
    holds_any_block: set[int] = set()  # has any of the listed blocks inside (for divs)
    for node in nodes:
        entry_block = node.name in ("li", "p", "tr", "dd")
        if entry_block and node.name == "p" and (_is_filler_paragraph(node) or _paragraph_of_inline_entry(node)):
            continue
        if node.name == "div" and _link_row_div(node):
            continue  # an entry's own row of links ("[PDF] [DOI] Cited by 14") leaves it a leaf
        parent = node.parent
        while parent is not None:
            key = id(parent)
            if key in holds_any_block and (not entry_block or key in holds_entry_block):
                break
            holds_any_block.add(key)
            if entry_block:
                holds_entry_block.add(key)
            parent = parent.parent
    field_ids = {id(e) for e in field_entries}
    chosen = [n for n in nodes if id(n) in field_ids or (
        n.name not in ("table", "ul", "ol") and id(n) not in holds_entry_block
        and not (n.name == "div" and id(n) in holds_any_block))]
    chosen_ids = {id(n) for n in chosen}
    out = []
    for node in chosen:
        # a leaf div inside a chosen <dd>/<li> is part of that entry, not another one
        if node.name == "div" and any(id(p) in chosen_ids for p in node.parents):
            continue
        if node.find_parent(_SKIP_PARENTS) is not None or _in_navigation_role(node):
            continue
        text = node_text(node)
        if node.name == "div" and len(text) < 40:
            continue
        links = [a.get("href") for a in node.find_all("a", href=True)]
        out.append((node, text, [l for l in links if isinstance(l, str) and l.startswith(("http", "/"))]))
        if len(out) >= MAX_CANDIDATES:
            break
    return out, headed


# a list item: "- ", "* ", "• ", "1. ", "1) ", "[1] ", "(1) "
_TEXT_ITEM_RE = re.compile(r"^\s*(?:[-*+•▪◦]|[A-Z]{0,2}\d{1,3}[.)]|\[[A-Z]{0,2}\d{1,3}\]|\(\d{1,3}\))\s+\S")


# a year-shaped page number: "46:2001–2015", "12: 2010-2031"
_YEAR_IN_PAGES_RE = re.compile(r"(?:(?<=\d:)|(?<=\d: )|(?<=\d[–-]))(?:19|20)\d{2}\b|\b(?<=:)(?:19|20)\d{2}(?=[–-]\d)")
_PUBLICATION_HEADING_RE = re.compile(
    r"(?:selected\s+|recent\s+|peer[- ]reviewed\s+)?(?:publications?|papers|articles|preprints|journal articles|"
    r"conference papers|book chapters|books|theses|thesis|dissertations?|working papers|(?:book )?reviews|"
    r"monographs?|edited (?:volumes?|books?)|chapters|refereed|"
    # the same headings in CVs written in German, French, Spanish, Portuguese, Italian and Dutch
    r"publikationen|ver[öo]ffentlichungen|schriften(?:verzeichnis)?|monogra(?:ph|f)ien|aufs[äa]tze|beitr[äa]ge|b[üu]cher|"
    r"herausgeberschaften|sammelb[äa]nde|zeitschriftenartikel|rezensionen|ouvrages|chapitres|articles? (?:dans|de)|"
    r"publicaciones|art[íi]culos|libros|cap[íi]tulos|publica[çc][õo]es|artigos|livros|pubblicazioni|articoli|"
    r"monografie|saggi|contributi|publicaties|artikelen|boeken|hoofdstukken)", re.I)


# a CV section of unpublished work: its entries carry a status instead of a year
_STATUS_HEADING_RE = re.compile(
    rf"(?:(?:manuscripts?|papers?|articles?|works?|submissions?)\s+)?(?:{PUBLICATION_STATUS}|in progress)"
    r"(?:\s+(?:manuscripts?|papers?|articles?))?", re.I)


_PUBLICATION_KIND_RE = re.compile(
    r"\b(?:publications?|papers|articles|proceedings|chapters|books|theses|preprints|manuscripts|reports|"
    r"monographs|contributions|abstracts|under review|book reviews|reviews)\b", re.I)
_SENTENCE_CASE_HEADING_WORD_RE = re.compile(
    r"(?:publications?|papers|articles|proceedings|chapters|books|theses|preprints|manuscripts|reports|monographs|"
    r"contributions|abstracts|review|journal|conference|workshop|book|edited|technical|refereed|non-refereed|"
    r"peer-reviewed|reviewed|selected|other|invited|published|submitted|national|international|working|"
    r"scientific|academic|popular|short|full|extended|poster|symposium|volumes)")
_HEADING_SMALL_WORDS = frozenset(("and", "&", "of", "in", "under", "for", "the", "to", "on", "at", "with", "or"))


def _is_section_heading(line: str) -> bool:
    """A CV section title on a line of its own: "PEER-REVIEWED ARTICLES", "## Teaching",
    "Invited talks:"."""
    line = line.strip()
    if line.startswith("#"):
        return True
    if len(line.split()) <= 4 and not _PUBLICATION_KIND_RE.search(line) and not FOREIGN_PUBLICATION_KIND_RE.match(line) \
            and re.fullmatch(r"[^\W\d][\w\s&'-]*", line.rstrip(":")) and NON_PUBLICATION_SECTION_RE.match(line):
        return True  # "Apresentações de Trabalho", "Talks at workshops"
    if (len(line.split()) <= 6 and line.isupper() and re.fullmatch(r"[^\W\d][\w\s&',-]*", line.rstrip(":"))
            and NON_PUBLICATION_SECTION_RE.match(line)):
        return True  # "GRANTS, FELLOWSHIPS AND AWARDS", "TEACHING, MENTORING AND SERVICE"
    if _PUBLICATION_HEADING_RE.fullmatch(re.sub(r"\s*\([^()]{1,60}\)\s*:?$", "", line).rstrip(":")):
        return True  # "Selected publications (* equal contribution)"
    if len(line.split()) <= 4 and (NON_PUBLICATION_SECTION_RE.fullmatch(line.rstrip(":")) or _PUBLICATION_HEADING_RE.fullmatch(line.rstrip(":"))
                                   or _STATUS_HEADING_RE.fullmatch(line.rstrip(":"))):
        return True  # "Talks", "Selected publications", "Manuscripts in preparation"
    words = re.sub(r"[^\w\s-]", " ", line).split()
    if (2 <= len(words) <= 7 and not re.search(r"\d|[,.;]$", line) and _PUBLICATION_KIND_RE.search(line)
            and all(w[:1].isupper() or w.lower() in _HEADING_SMALL_WORDS for w in words)):
        return True  # "Conference and Workshop Papers", "Preprints and Manuscripts under Review"
    if (2 <= len(words) <= 5 and line[:1].isupper() and not re.search(r"\d|[,.;]$", line) and _PUBLICATION_KIND_RE.search(line)
            and all(w.lower() in _HEADING_SMALL_WORDS or _SENTENCE_CASE_HEADING_WORD_RE.fullmatch(w) for w in words[1:])):
        return True  # sentence case: "Conference papers and abstracts", "Other refereed articles"
    if (1 <= len(words) <= 8 and not re.search(r"\d|[,.;]$", line) and FOREIGN_PUBLICATION_KIND_RE.match(line)
            and line[:1].isupper()):
        return True  # "Artigos completos publicados em periódicos", "Capítulos de livros publicados"
    if not 1 <= len(words) <= 5 or YEAR_RE.search(line) or "," in line:
        return False
    letters = [c for c in line.split("(")[0] if c.isalpha()]  # "PUBLICATIONS (peer reviewed)"
    return bool(letters) and (all(c.isupper() for c in letters) or line.endswith(":"))


_RULE_LINE_RE = re.compile(r"(?m)^[ \t]*[-=_*~]{5,}[ \t]*$")
_YEAR_COLUMN_LINE_RE = re.compile(r"^\s{0,3}(?:(?:19|20)\d{2}(?:\s?[-–]\s?(?:(?:19|20)\d{2})?)?\s{2,}|\t|"
                                  r"(?:forthc(?:oming)?|in press|in prep(?:aration)?|submitted)\.?\s+"
                                  # Chicago author-date without the author: "2023. “Title.” Journal 90(2)"
                                  r"|(?:19|20)\d{2}[a-z]?\.\s+(?=[“\"A-ZÀ-Þ]))(?=\S)", re.I)


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


# a news item: "[May 2024] Our paper … got accepted!"
_NEWS_LINE_RE = re.compile(r"^\s*[\[(]?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d{2}[\])]?\s*[-–:]?\s")


def _split_block(lines: list[str], need_year: bool = True) -> Optional[list[tuple[str, bool]]]:
    """A block holding several entries: one part per list item or per line that starts an
    entry on its own (an author list and a year: CVs put one reference per line); wrapped
    continuation lines join the entry above; lines before the first entry stay one part.
    None when the block is one piece."""
    starts = [i for i, l in enumerate(lines) if _TEXT_ITEM_RE.match(l)]
    if len(starts) < 2:
        # (a line indented deeper than the one above it continues that one: a hanging indent)
        starts = [i for i, l in enumerate(lines) if rules_read_citation(l, need_year) and _starts_with_names(l)
                  and not (i and _indent(l) > _indent(lines[i - 1]))]
    if len(starts) < 2:
        starts = _wrapped_reference_starts(lines, need_year)
    if len(starts) < 2:
        # a text CV's year column: "2023  Title. Venue. (with …)", "forthc. Title. …"; indented
        # lines under one continue it
        starts = [i for i, l in enumerate(lines) if _YEAR_COLUMN_LINE_RE.match(l)
                  and not (i and _indent(l) > _indent(lines[i - 1]))]
        if not starts or starts[0] != 0:
            starts = []
    years_alone: set[int] = set()
    if len(starts) < 3 and len(lines) >= 4 and sum(1 for l in lines if _YEAR_ONLY_RE.match(l)) >= 2:
        # a homepage copied as text, one entry per line under year lines ("2024" / "Title, with A
        # and B. SIGMOD 2024. [pdf]"): each line that reads as a citation by itself is an entry,
        # and a year line heads the next ones, no part of the entry above it
        per_line = [i for i, l in enumerate(lines) if not _YEAR_ONLY_RE.match(l) and not _NEWS_LINE_RE.match(l)
                    and is_citation_like(l, need_year)
                    and not (i and _indent(l) > _indent(lines[i - 1]))]
        if len(per_line) >= 3 and len(per_line) > len(starts) and set(starts) <= set(per_line):
            # one entry per line: every line from the first entry on is a part of its own, and only
            # the lines that read as citations are entries ("Joint work with T. Nunes. CIDR 2022."
            # lost its title; "Teaching" heads what follows)
            years_alone = {i for i in range(per_line[0], len(lines)) if i not in per_line}
            starts = list(range(per_line[0], len(lines)))
    if len(starts) < 2:
        return None
    parts: list[tuple[str, bool]] = []
    if starts[0] > 0:
        parts.append(("\n".join(lines[: starts[0]]), False))
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        parts.append((" ".join(l.strip() for l in lines[start:end]), start not in years_alone))
    return parts


def _wrapped_reference_starts(lines: list[str], need_year: bool) -> list[int]:
    """References wrapped over several lines with nothing between them (a PDF CV as text):
    an entry starts on a line that opens with an author list ("S. Hjelmeland, H. Sakamoto,
    and W.-L. Chen. Cross-lingual rep-") right after a line that closed a sentence. Kept only
    when every piece reads as a citation."""
    starts = [i for i, line in enumerate(lines)
              if (i == 0 or lines[i - 1].rstrip().endswith((".", ".”", '."'))) and _starts_with_names(line)
              and re.match(r"\s*[A-ZÀ-Ý]", line)]
    if len(starts) < 2 or starts[0] != 0:
        return []
    bounds = starts + [len(lines)]
    pieces = [" ".join(l.strip() for l in lines[a:b]) for a, b in zip(bounds, bounds[1:])]
    from extract.fields.citation import model_reads_entry

    return starts if all(rules_read_citation(p, need_year) or model_reads_entry(p) for p in pieces) else []


def _line_laid_entry(text: str) -> Optional[Entry]:
    from extract.ingestors.homepage_html import BUTTON_ROW_RE

    """An entry laid out one field per line (title / authors / venue, year), as pages copied
    out of a browser give them: read by its lines, the way jemdoc pages are."""
    # Markdown and list marks off each line ("- 🔥 ![badge](url) **Title**")
    lines = [re.sub(r"^[^\w\"“'(\[]+", "", strip_markdown(re.sub(_TEXT_ITEM_RE.pattern[:-3], "", l, count=1))).strip()
             for l in text.splitlines() if l.strip()]
    # (a row of the entry's buttons, "Cite", "[PDF] [Code]", is no field of it)
    lines = [l for l in lines if l and not BUTTON_ROW_RE.fullmatch(l)]
    if 3 <= len(lines) <= 4 and _has_date_cue(text) and authors_score(lines[0]) >= 0.8 \
            and authors_score(lines[1]) < 0.5 and len(lines[1].split()) >= 3 and not _has_date_cue(lines[1]) \
            and re.search(r"(?:19|20)\d{2}", lines[2]) and not re.search(r"[.?!]\s+[A-Z]", lines[1]):
        # authors / title / venue, year on lines of their own: "Lindqvist, S." / "Rivers in
        # Motion: …" / "Routledge, 2017   (textbook)"
        from extract.fields.citation import parse_entry_text

        entry = parse_entry_text(f"{lines[0].rstrip('.')}. {lines[1].rstrip('.')}. {' '.join(lines[2:])}")
        if entry.title and fold(entry.title) == fold(lines[1].rstrip(".")):
            return entry
    if not 2 <= len(lines) <= 4 or not _has_date_cue(text) or authors_score(lines[0]) >= 0.6:
        return None
    if not any(authors_score(l) >= 0.75 and ("," in l or " and " in l or len(l.split()) <= 3) for l in lines[1:3]):
        return None
    from extract.ingestors.jemdoc import entry_from_lines

    from extract.fields.ids import find_arxiv, find_doi, find_openreview, find_urls

    entry = entry_from_lines(lines, [], [])
    if entry is None or not entry.title or not (entry.authors or entry.authors_text):
        return None
    entry.arxiv = entry.arxiv or find_arxiv(text)
    entry.doi = entry.doi or find_doi(text)
    entry.openreview = entry.openreview or find_openreview(text)
    entry.urls = entry.urls or find_urls(text)
    return entry


def _starts_with_names(line: str) -> bool:
    first = re.split(r"\.\s|\(|\d{4}|[\"“]", line.strip(), maxsplit=1)[0]
    return authors_score(first) >= 0.7


# a PDF page break in a CV turned to text: a running footer or header line ("Aurélie Dumont –
# Curriculum Vitae    2/4", "Page 3 of 5", "- 2 -") between blank lines and form feeds
_PAGE_FOOTER_RE = re.compile(
    r"(?:.{0,80}?(?:curriculum vitae|\bcv\b|résumé|resume).{0,120}?\s(?:page\s+)?\d{1,2}\s*(?:/|of)\s*\d{1,2}"
    r"|(?:page\s+)?\d{1,2}\s*(?:/|of)\s*\d{1,2}|page\s+\d{1,2}|[-–]\s*\d{1,2}\s*[-–])", re.I)


def _drop_page_breaks(text: str) -> str:
    """Remove footer lines with the blank lines around them, so an entry broken across two
    pages is one block again."""
    lines = text.replace("\f", "\n").split("\n")
    # a running header: the first line repeated on every page ("Curriculum Vitae — Name"),
    # with the bare page number that precedes it
    first = next((l.strip() for l in lines if l.strip()), "")
    running = first if len(first) >= 8 and sum(1 for l in lines if l.strip() == first) >= 2 else None
    # a running header further down: a line repeated on the pages, right after a footer
    # ("Page 3 of 5" / "K. Wróblewska – CV (updated September 2024)")
    counts = Counter(l.strip() for l in lines if len(l.strip()) >= 8)
    seen_first = False
    out: list[str] = []
    skip_blanks = False
    after_footer = False  # the last non-blank line was a dropped page footer
    for k, line in enumerate(lines):
        stripped = line.strip()
        if after_footer and stripped and counts.get(stripped, 0) >= 2 and out:
            after_footer = False
            continue
        is_header = running is not None and stripped == running and seen_first
        seen_first = seen_first or (running is not None and stripped == running)
        if not is_header and running is not None and re.fullmatch(r"\d{1,3}", stripped):
            following = next((l.strip() for l in lines[k + 1 : k + 4] if l.strip()), None)
            is_header = following == running  # the page number above the next page's header
        if is_header or _PAGE_FOOTER_RE.fullmatch(stripped):
            while out and not out[-1].strip():
                out.pop()
            skip_blanks = True
            after_footer = not is_header
            continue
        if skip_blanks and not line.strip():
            continue
        if skip_blanks and out and _is_section_heading(line):
            out.append("")  # a heading opening the new page still starts a block
        skip_blanks = after_footer = False
        out.append(line)
    return "\n".join(out)


_SELF_INTRO_RE = re.compile(r"\b(?:I['’]m|I am|My name is|This is)\s+([A-ZÀ-Þ][\w'’-]+(?:\s(?:(?:van|von|de|da|del|di|du|le|la)\s)?[A-ZÀ-Þ][\w'’.-]+){1,3})")
_PRE_ENTRY_START_RE = re.compile(r"(?m)^\s*(?:\[\d{1,3}\]|\d{1,3}[.)])\s+\S")
_TIME_SLOT_RE = re.compile(r"(?m)^\s*\d{1,2}[:.]\d{2}\s*(?:[–-]\s*\d{1,2}[:.]\d{2})?\s{2,}\S")
_LONE_NUMBER_RE = re.compile(r"^\s*(?:\d{1,3}[.)]|\[\d{1,3}\])\s*$")


def _join_lone_numbers(lines: list[str]) -> list[str]:
    """A list number on a line of its own joins the line after it: ordered lists whose numbers
    sit in a column of their own come out of the browser as "1.<TAB>" / "Author, A. Title…"."""
    out: list[str] = []
    for line in lines:
        if out and _LONE_NUMBER_RE.match(out[-1]) and not _LONE_NUMBER_RE.match(line):
            out[-1] = f"{out[-1].strip()} {line.strip()}"
        else:
            out.append(line)
    return out


# a text CV's right-aligned year column: "▪ Pham NA, Okwuosa C. Heat waves in        2024"
_YEAR_COLUMN_RE = re.compile(r"^(\S.{24,}?\S|\s+\S.{24,}?\S)\s{4,}((?:19|20)\d{2}[a-z]?)\s*$")


def _year_column_to_entry_end(text: str) -> str:
    """Move a right-aligned year column to the end of its entry: left where it stands, the
    year splits a wrapped reference mid-title ("… admissions in 2024 the Mekong Delta …").
    Only on pages that lay out two or more entries so; an entry runs on over its indented
    lines."""
    lines = text.split("\n")
    marked = [i for i, line in enumerate(lines) if _YEAR_COLUMN_RE.match(line)]
    if len(marked) < 2:
        return text
    for i in marked:
        found = _YEAR_COLUMN_RE.match(lines[i])
        end = i
        while end + 1 < len(lines) and lines[end + 1][:1].isspace() and lines[end + 1].strip() \
                and not _TEXT_ITEM_RE.match(lines[end + 1]) and not _YEAR_COLUMN_RE.match(lines[end + 1]):
            end += 1
        if end == i:
            continue  # a one-line entry: the year at its end reads as it is
        lines[i] = found.group(1)
        lines[end] = lines[end].rstrip() + f" ({found.group(2)})"
    return "\n".join(lines)


# a CV's own book review: "Review of Sugar and Silver, by Luís Padilha. American Historical Review 128 …"
_REVIEW_ENTRY_RE = re.compile(r"\s*(?:[-*•]\s+)?(?:Review of|Rezension (?:von|zu)|Compte rendu de|Reseña de|Recensione di)\s+\S", re.I)


def _drop_indented_notes(lines: list[str]) -> list[str]:
    """A hanging-indent entry with bullets indented under it ("    University Press, 2019." /
    "      - Winner, 2020 … Prize" / "      - Reviewed in …"): the bullets are notes on the
    entry (prizes, reviews), not entries or part of it."""
    if len(lines) < 3 or lines[0][:1].isspace() or _TEXT_ITEM_RE.match(lines[0]):
        return lines
    hang = _indent(lines[1])
    for k in range(2, len(lines)):
        if _indent(lines[k]) > hang >= 2 and re.match(r"\s*[-–•*]\s", lines[k]):
            return lines[:k]
    return lines


# a row of a site's buttons copied with the text ("Download PDF   Share   Cite", "[PDF] [Code] [BibTeX]")
_UI_BUTTON_ROW_RE = re.compile(
    r"^\s*(?:\[?\s*(?:download(?:\s+(?:pdf|citation))?|pdf|bibtex|bib|ris|cite|citation|share|code|slides|video|poster|"
    r"abstract|html|data(?:set)?|supplement(?:ary)?(?: (?:material|information))?|r package|github|project(?: page)?|"
    r"export|save|preview|full text|read more|copy link|tweet|email)\s*\]?[\s|·•/]*){1,8}$", re.I)


def _candidates_text(page: Page) -> list[tuple[str, list[str], bool, Optional[str]]]:
    """(text, links, is_list_item, section heading) per candidate: blank-line blocks, and
    inside a block with several entries one candidate per entry. The section is the last
    heading line seen ("INVITED TALKS")."""
    text = _drop_page_breaks(page.visible_text())
    # a text CV's rules ("-----", "=====") set its headings apart as blank lines would
    text = _RULE_LINE_RE.sub("\n", text)
    text = _year_column_to_entry_end(text)
    out: list[tuple[str, list[str], bool, Optional[str]]] = []
    section: Optional[str] = None
    for block in re.split(r"\n\s*\n", text):
        lines = _drop_indented_notes(_join_lone_numbers([l for l in block.splitlines() if l.strip()]))
        while len(lines) > 1 and _UI_BUTTON_ROW_RE.match(lines[-1]):
            lines = lines[:-1]  # "Download PDF   Share   Cite" under an entry: the site's buttons
        if not lines:
            continue
        while lines and _is_section_heading(lines[0]):  # "Publications" / "Journal Articles"
            section = lines[0].strip(" #:")
            lines = lines[1:]
        if not lines:
            continue
        # a heading closing the block (its rule line, now a blank, set it apart from what it
        # heads): the next blocks' section
        next_section = None
        if len(lines) > 1 and _is_section_heading(lines[-1]) and lines[-1].strip().isupper():
            next_section = lines[-1].strip(" #:")
            lines = lines[:-1]
        parts = _split_block(lines, need_year=not (section and _STATUS_HEADING_RE.search(section)))
        first = _TEXT_ITEM_RE.match(lines[0]) and re.sub(_TEXT_ITEM_RE.pattern[:-3], "", lines[0], count=1)
        if parts is None and first and len(lines) > 1 and all(l[:1].isspace() for l in lines[1:]) \
                and (_starts_with_names(first) or re.match(r"\s*\[\d{1,3}\]", lines[0])
                     or (section and _PUBLICATION_HEADING_RE.search(section) and re.match(r"\s*\d{1,3}[.)]\s", lines[0]))):
            # one numbered reference wrapped over indented lines ("J3. Wiśniewski, T., … (2023).
            # Code-switching" / "    in bilingual chat corpora: …"): one entry, not fields per line
            out.append((" ".join(l.strip() for l in lines), [], True, section))
            section = next_section or section
            continue
        if parts is None:
            # a list item on its own: after another item, or a bullet whose indented lines are its
            # links (Notion's toggles put a blank line between items)
            single_item = len(lines) == 1 and _TEXT_ITEM_RE.match(lines[0]) and (
                (out and out[-1][2]) or re.match(r"\s*[-*+•]\s", lines[0]))
            out.append(("\n".join(lines), [], bool(single_item), section))
        else:
            out.extend((part, [], item, section) for part, item in parts)
        if next_section:
            section = next_section
    return out[:MAX_CANDIDATES]


_DEGREE_RE = re.compile(r"\b(?:Ph\.?\s?D|M\.?\s?Sc|B\.?\s?Sc|M\.?A\.|B\.?A\.|M\.?S\.|B\.?S\.|MBA|Diplom\w*|Habilitation|Master|Bachelor)\b")


def _text_affiliations(lines: list[str]) -> list[str]:
    """Organisations named in the header lines of a text page, line by line (a line break ends
    an affiliation), leaving out degree lines (where someone studied, not where they work)."""
    found: list[str] = []
    for line in lines:
        if _DEGREE_RE.search(line):
            continue
        for org in affiliations_in(line):
            org = _trim_affiliation(org)
            if org and not any(org in a or a in org for a in found):
                found.append(org)
    return found


def _text_owner(text: str, entries: Optional[list[Entry]] = None) -> Optional[str]:
    """The owner of a CV or homepage copied as text: a front-matter title, a "# Name" heading,
    or a name on the first line ("RAFAEL QUINTERO", "Samira Haddad, PhD"). Of several name-like
    lines in the header, the one whose family name the entries' author lists carry wins over a
    site's name above it ("Plataforma Lattes" / "Ana Beatriz Nogueira Cavalcanti")."""
    from extract.fields.names import owner_in_line, owner_name

    front = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.S)
    if front:
        for m in re.finditer(r"^(?:title|name|author)\s*:\s*['\"]?([^'\"\n]+)", front.group(1), re.M):
            if owner_name(m.group(1)):  # "title: Curriculum Vitae" names nobody; "author:" may
                return owner_name(m.group(1))
        text = text[front.end():]
    # an e-mail sending the list: "From: Siobhán Ní Bhriain <s.nibhriain@…>"
    sender = re.match(r"\A\s*From:\s*\"?([^<>\"\n@]{3,80}?)\"?\s*<[^<>\s@]+@[^<>\s]+>", text)
    if sender and owner_name(sender.group(1)):
        return owner_name(sender.group(1))
    m = re.search(r"^#\s+(.+?)\s*#*\s*$", text[:3000], re.M)
    if m and owner_in_line(strip_markdown(m.group(1))):
        return owner_in_line(strip_markdown(m.group(1)))
    # the first lines: a name line ("RAFAEL QUINTERO", "Associate Professor Marta Głowacka"), a
    # breadcrumb trail or a "Publications – Alina Voronova" header
    names = [n for n in (owner_in_line(l) for l in [l for l in text.splitlines() if l.strip()][:12]) if n]
    if len(names) > 1 and entries:
        authored = [" ".join(fold(a if isinstance(a, str) else a.name) for a in e.authors)
                    + " " + fold(e.authors_text) for e in entries]
        for name in names:
            family = fold(name.split()[-1])
            if len(family) > 2 and sum(1 for a in authored if family in a.split()) * 3 >= len(entries):
                return name
    if names:
        return names[0]
    if entries:
        # a portal's page whose header is taken up by menus and a cookie banner: a name line further
        # down that the entries' author lists carry ("… / Personal / Johanna Bergström" / "Johanna Bergström")
        authored = [" ".join(fold(a if isinstance(a, str) else a.name) for a in e.authors)
                    + " " + fold(e.authors_text) for e in entries]
        for line in [l for l in text.splitlines() if l.strip()][12:60]:
            name = owner_in_line(line)
            family = fold(name.split()[-1]) if name else ""
            if len(family) > 2 and sum(1 for a in authored if family in a.split()) * 3 >= len(entries):
                return name
    # "Hi! I'm Mateo Iturbe, a fourth-year PhD student …": the owner introduces themselves
    intro = _SELF_INTRO_RE.search(text[:3000])
    if intro and owner_name(intro.group(1)):
        return owner_name(intro.group(1))
    # a personal site's name: its link home heading the page ("[Ottilie Marchetti](/) · [Research](…)")
    # or its copyright line ("© 2024 Ottilie Marchetti · Department of History")
    for site in (_SITE_HOME_LINK_RE.search(text[:1500]), _COPYRIGHT_OWNER_RE.search(text[-3000:])):
        if site and owner_name(strip_markdown(site.group(1))):
            return owner_name(strip_markdown(site.group(1)))
    return None


_SITE_HOME_LINK_RE = re.compile(r"^\s*\[([^\]\n]{3,60})\]\((?:/|\./|/?index\.html?|https?://[^/)\s]+/?)\)", re.M)
_COPYRIGHT_OWNER_RE = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[–-]\s*\d{4})?,?\s+)?([A-ZÀ-Þ][^\n·|,.()]{3,60}?)\s*(?:[·|,.]|$)", re.M)




def _has_date_cue(text: str) -> bool:
    return bool(YEAR_RE.search(text) or STATUS_RE.search(text))




_TITLE_VENUE_BRACKET_LINE_RE = re.compile(
    r"^\W{0,3}[A-Z][^()]{10,300}?\s\((?:(?P<venue>[^()]{2,80}?)[\s,']+(?:19|20)\d{2}|(?P<status>under review|submitted|in press|"
    r"forthcoming|to appear|in preparation))\)\s*(?:[,.;]\s*(?:joint(?:ly)?\s+)?with\s+[A-Z].{2,200})?\.?\s*$", re.I)
_FAMILY_INITIALS_HEAD_RE = re.compile(r"^(?:[A-ZÀ-ÞА-ЯЁ][\w'’-]+(?:\s[A-ZÀ-ÞА-ЯЁ][\w'’-]+)?\s(?:[A-ZА-ЯЁ]\.\s?-?){1,3},\s+){1,30}(?=[A-ZÀ-ÞА-ЯЁ\"“«])")
# "G. Bernardi, ", "L. Ferri, G. Bernardi, ": initials-first names, each closed by a comma
_INITIALS_NAMES_COMMA_HEAD_RE = re.compile(r"^(?:(?:[A-ZÀ-Þ]\.\s?-?){1,3}\s?[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)?,\s){1,8}(?=[«“\"A-ZÀ-Þ])")
_NAMES_THEN_COLON_RE = re.compile(r"^([^:.]{3,300}?[,;][^:]{1,200}?):\s+[A-ZÀ-Þ0-9„\"“]")


_LEADING_WITH_NOTE_RE = re.compile(r"^\(\s*(?:joint(?:ly)?\s+)?with\s+([^()]{3,200})\)\s+[A-ZÀ-Þ0-9\"“]")


def rules_read_citation(text: str, need_year: bool = True) -> bool:
    """An author list the comma rules recognise in one of the first sentences, and a year (or
    a status such as "under review"; not needed where a year heading dates the entry)."""
    # a text CV's year column ("2023  Title. Venue. (with A and B)"), read before cleaning
    # collapses its spaces
    column_body = _YEAR_COLUMN_LINE_RE.sub("", text, count=1) if _YEAR_COLUMN_LINE_RE.match(text) else None
    text = strip_markdown(clean_text(text))
    if not 25 <= len(text) <= 1500 or (need_year and not _has_date_cue(text)):
        return False
    if OWN_QUOTED_ENTRY_RE.match(text):
        return True  # '"Title" (with A and B), Venue, 2022': a CV's own entry
    co_authors = _LEADING_WITH_NOTE_RE.match(text)
    if co_authors and authors_score(co_authors.group(1)) >= 0.6:
        return True  # a mathematician's "(with J. Lefèvre and M. de Vries) Title, J. Algebra 26 (2023)"
    if column_body is not None:
        from extract.fields.citation import VENUE_WORD_RE, split_sentences

        sentences = split_sentences(strip_markdown(clean_text(column_body)))
        rest = " ".join(sentences[1:])
        if len(sentences) >= 2 and (re.search(r"\(\s*(?:joint(?:ly)?\s+)?with\s+[A-Z]", text) or VENUE_WORD_RE.search(rest)
                                    or re.search(r"\b(?:thesis|dissertation|chapter)\b", rest)):
            return True
    text = YEAR_LABEL_RE.sub("", text)
    # German author-date names: "Brenner, Katharina/Hoffmann, Tobias (2019): Title"
    head = re.match(r"^([^()]{3,300}?)\s*\((?:1[6-9]|20)\d{2}[a-z]?\)\s*:\s+\S", text)
    if head and "/" in head.group(1) and authors_score(head.group(1).replace("/", "; ")) >= 0.7:
        return True
    bracket_line = _TITLE_VENUE_BRACKET_LINE_RE.match(text)
    if bracket_line and (bracket_line.group("status") or BRACKET_VENUE_CUE_RE.search(bracket_line.group("venue") or "")):
        return True  # a student's "Title (EMNLP 2023), with A and B" / "Title (under review)"
    if _FAMILY_INITIALS_HEAD_RE.match(text) or VANCOUVER_HEAD_RE.match(text):
        return True  # "Bartolucci L., Okafor J., Ricci S., Portable XRF analysis …, in Journal …"
    named = _NAMES_THEN_COLON_RE.match(text)
    if named and authors_score(named.group(1).replace(";", ",")) >= 0.8:
        return True  # DIN 1505 / dblp: "One, Anna; Two, Bo: Title. In: …"
    if _INITIALS_NAMES_COMMA_HEAD_RE.match(text) and re.search(r",\s*(?:1[5-9]|20)\d{2}\b|«|“|\bin\s", text):
        return True  # Italian and French humanities: "G. Bernardi, La memoria contesa …, Roma, Carocci, 2021"
    parts = re.split(r"(?<=[a-z)])\.\s+|[\"“”]", text)
    parts[:1] = split_inverted_initials_from_title(parts[0])
    # APA's date after the names, a day or a month with it: "… R. (2023, September 6–8)"
    parts = [re.sub(r"\s*\((?:1[6-9]|20)\d{2}[a-z]?,[^()]{1,30}\)$", "", p) for p in parts]
    return any(authors_score(p) >= 0.7 and ("," in p or " and " in p) or SINGLE_AUTHOR_RE.fullmatch(p.strip(" .,"))
               for p in parts[:4])


def _own_entry_read(text: str) -> bool:
    """A list item under a publications heading that names no authors (the owner's own,
    "Title — sole author. Journal, 2021"): the trained parser finds a title, a venue and a year."""
    from extract.fields.citation import model_parse

    parsed = model_parse(strip_markdown(clean_text(text)))
    # (the venue as read after tagging: a thesis's school or a journal the rules find untagged)
    return parsed is not None and parsed.confidence >= 0.8 and parsed.first("TITLE") is not None \
        and parsed.first("TITLE").confidence >= 0.5 and bool(parsed.venue()) \
        and (parsed.first("YEAR") is not None or bool(STATUS_RE.search(text)))


# news told in a sentence: "Prof. H. Oyelaran and … published “Title” in …", "Dr. Lee received an
# award for “Title”": a story about a work, not an entry
_NEWS_SENTENCE_RE = re.compile(
    r"^[\W\d]*[^\"“”]{3,160}?\b(?:published|received|won|was awarded|were awarded|presented|gave|delivered|wrote|"
    r"co-authored|authored|launched|announced|has a new paper|have a new paper)\b[^\"“”]{0,40}[\"“]")


def is_citation_like(text: str, need_year: bool = True) -> bool:
    cleaned = strip_markdown(clean_text(text))
    if _NEWS_SENTENCE_RE.match(cleaned):
        return False
    if rules_read_citation(text, need_year):
        return True
    if not 25 <= len(cleaned) <= 1500 or (need_year and not _has_date_cue(cleaned)):
        return False
    from extract.fields.citation import model_reads_entry  # an unknown style: ask the trained parser

    return model_reads_entry(cleaned)


def detect(page: Page) -> float:
    return 0.1


_YEAR_ONLY_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*:?\s*$")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


_MAX_OUTLINE_ELEMENTS = 300_000  # beyond this, entries further down get no section/year context


_FIELD_LABEL_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:field-label|label|field__label)(?:$|[\s_-])")


# a lab page's list grouped by who wrote it ("Publications" > "Students & postdocs"): a people
# heading, which names a non-publication section on its own, read through to the heading above
_PEOPLE_ROLE_HEADING_RE = re.compile(
    r"\W*(?:(?:current|former|past|phd|graduate|undergraduate|lab|group|team)\s+)?"
    r"(?:principal investigators?|pis?|students?|postdocs?|post-docs?|postdoctoral (?:fellows|researchers)|alumni|"
    r"(?:lab |group |team )?members|people|team|researchers|staff)"
    r"(?:\s*(?:&|and|,)\s*(?:students?|postdocs?|post-docs?|alumni|visitors|staff|members))*\W*$", re.I)


_INLINE_WRAPPERS = frozenset(("font", "span", "u", "i", "em", "big", "center", "a"))
_LINE_BREAKERS = frozenset(("br", "hr", "table", "ul", "ol", "dl", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "center", "blockquote"))


def _bold_line_heading(element) -> bool:
    """Bold words alone on their line (a <br>, a block or nothing on either side), a few words long,
    not inside a list item, paragraph or definition: an old layout's section heading."""
    text = element.get_text(" ", strip=True)
    if not text or len(text) > 60 or len(text.split()) > 8 or element.find_parent(["li", "p", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "a"]):
        return False
    node = element
    # (climb out of wrappers that hold nothing else: "<font><b>Vorträge</b></font><br>")
    while node.parent is not None and node.parent.name in _INLINE_WRAPPERS and \
            sum(1 for c in node.parent.children if not (isinstance(c, str) and not c.strip())) == 1:
        node = node.parent

    def breaks_line(sibling, forward: bool) -> bool:
        while sibling is not None and isinstance(sibling, str) and not sibling.strip():
            sibling = sibling.next_sibling if forward else sibling.previous_sibling
        return sibling is None or getattr(sibling, "name", None) in _LINE_BREAKERS

    return breaks_line(node.previous_sibling, False) and breaks_line(node.next_sibling, True)


def _table_heading_cell(cell) -> bool:
    """The one cell of a table row spanning the columns, holding a few bold words and no more."""
    row = cell.parent
    if row is None or row.name != "tr" or len(row.find_all(["td", "th"], recursive=False, limit=2)) != 1:
        return False
    text = cell.get_text(" ", strip=True)
    if not text or len(text) > 60 or len(text.split()) > 6:
        return False
    bold = cell.find(["b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"])
    return cell.name == "th" or (bold is not None and bold.get_text(" ", strip=True) == text)


class _Outline:
    """The page's headings and <dt> terms in document order, built in one pass, so each
    candidate finds its section and year heading by bisection (a walk back through the page
    per candidate would be quadratic on long lists)."""

    def __init__(self, soup):
        import bisect

        self._bisect = bisect.bisect_left
        self.order: dict[int, int] = {}
        self.marks: list[tuple[int, str, str]] = []  # (position, tag name, text)
        for position, element in enumerate(soup.find_all(True, limit=_MAX_OUTLINE_ELEMENTS)):
            self.order[id(element)] = position
            if element.name in _HEADINGS or element.name == "dt":
                self.marks.append((position, element.name, clean_text(element.get_text(" ", strip=True))))
            elif element.name == "p" and len(element.contents) <= 2:
                # a word processor's heading: a paragraph of a few capitalised words ("CONFERENCE
                # PRESENTATIONS" in a Google Docs or Word export), read as a section heading
                text = clean_text(element.get_text(" ", strip=True))
                letters = [c for c in text if c.isalpha()]
                if 1 <= len(text.split()) <= 6 and len(letters) >= 4 and all(c.isupper() for c in letters):
                    self.marks.append((position, "h2", text))
            elif element.name in ("b", "strong") and _bold_line_heading(element):
                # an old page's section heading: bold words alone on their line, outside any list item or
                # paragraph ("<font><b>Aufsätze / Articles</b></font><br>" over a table of entries)
                self.marks.append((position, "h4", clean_text(element.get_text(" ", strip=True))))
            elif element.name in ("td", "th") and element.get("colspan") and _table_heading_cell(element):
                # an old table layout's section row: one cell across the table, "<b>Invited Talks</b>"
                self.marks.append((position, "h3", clean_text(element.get_text(" ", strip=True))))
            elif element.name in ("div", "span", "label", "strong") and _FIELD_LABEL_CLASS_RE.search(" ".join(element.get("class") or [])):
                # a CMS field's label ("Awards:", "Selected Publications:" in Drupal profiles) heads its field
                text = clean_text(element.get_text(" ", strip=True))
                if text.endswith(":") and len(text.split()) <= 6:
                    self.marks.append((position, "h3", text.rstrip(": ")))
        self.positions = [m[0] for m in self.marks]

    def _before(self, node) -> list[tuple[int, str, str]]:
        position = self.order.get(id(node))
        if position is None:
            return []
        k = self._bisect(self.positions, position)
        return self.marks[max(0, k - 40):k][::-1]  # nearest first

    def in_non_publication_section(self, node) -> bool:
        """Whether the node sits in a talks/teaching/news... section. The headings above it are
        read as an outline, nearest first and each one level up: an entry's own <h3> title
        ("Why Do Experts Specialize?") names no section, the <h2> "Talks" above it does. A
        publication heading on the way up ("Selected Papers" under "Research & Projects")
        settles it the other way. A people heading ("Students & postdocs", "Principal Investigator")
        under a publication heading groups the list by its authors' roles: publications still."""
        below_level = 7
        people_group = None
        for _, name, text in self._before(node):
            if name == "dt":
                continue
            level = int(name[1])
            if level >= below_level:
                continue
            below_level = level
            if _YEAR_ONLY_RE.match(text):
                continue
            text = _CJK_RE.sub(" ", text).strip()  # "获奖 Awards": bilingual headings
            if people_group is None and _PEOPLE_ROLE_HEADING_RE.match(text):
                people_group = True  # settled by the headings above it
                continue
            if NON_PUBLICATION_SECTION_RE.search(text):
                return True
            if _PUBLICATION_HEADING_RE.match(text.strip(" #*:")):
                return False
        return bool(people_group)

    def in_publication_section(self, node) -> bool:
        """Whether the nearest section heading above the node (the same outline walk) names
        publications: "Papers", "Preprints", "Selected publications"."""
        below_level = 7
        people_group = None
        for _, name, text in self._before(node):
            if name == "dt":
                continue
            level = int(name[1])
            if level >= below_level:
                continue
            below_level = level
            if _YEAR_ONLY_RE.match(text):
                continue
            text = _CJK_RE.sub(" ", text).strip()
            if people_group is None and _PEOPLE_ROLE_HEADING_RE.match(text):
                people_group = True
                continue
            if NON_PUBLICATION_SECTION_RE.search(text):
                return False
            if _PUBLICATION_HEADING_RE.match(text.strip(" #*:")):
                return True
        return False

    def status_heading(self, node) -> bool:
        """Whether the nearest heading above is a publication status ("In press", "Submitted")."""
        before = self._before(node)
        return bool(before) and bool(_STATUS_HEADING_RE.fullmatch(before[0][2].strip(" :")))

    def year_heading(self, node) -> Optional[int]:
        """The year of a list grouped by year: the nearest heading or <dt> above, when it is
        just a year ("2022")."""
        before = self._before(node)
        if before:
            m = _YEAR_ONLY_RE.match(before[0][2])
            if m:
                return int(m.group(1))
        return None


_BULLET_HEAD_RE = re.compile(r"\s*[•·▪◦‣●■]\s*")


def _bulleted_br_lines(node) -> list[list]:
    """The element's <br> lines as groups of children, when every line opens with a bullet
    character (the bullet dropped); else nothing."""
    from bs4.element import NavigableString

    groups: list[list] = [[]]
    for child in list(node.children):
        if getattr(child, "name", None) == "br":
            groups.append([])
        else:
            groups[-1].append(child)
    groups = [g for g in groups if "".join(c.get_text() if hasattr(c, "get_text") else str(c) for c in g).strip()]
    if len(groups) < 2:
        return []
    out = []
    for group in groups:
        first = next(c for c in group if (c.get_text() if hasattr(c, "get_text") else str(c)).strip())
        text = first.get_text() if hasattr(first, "get_text") else str(first)
        bullet = _BULLET_HEAD_RE.match(text)
        if not bullet:
            return []
        rest = text[bullet.end():]
        out.append([NavigableString(rest) if rest.strip() else NavigableString("")] + group[group.index(first) + 1 :])
    return out


def _double_br_entries(node, links: list[str], dated: bool) -> list[Entry]:
    """Several entries in one element set apart by a blank line ("<br><br>"), each laid out over
    single line breaks (names<br><b>Title</b><br>venue): each group read as an element of its own.
    Empty unless at least two groups read as entries."""
    from bs4 import BeautifulSoup

    from extract.ingestors.homepage_html import parse_html_entry

    if not hasattr(node, "find_all") or node.find("br") is None:
        return []
    groups: list[list] = [[]] if len(node.find_all("br", limit=4)) >= 3 else []
    previous_br = False
    for child in list(node.children) if groups else []:
        if getattr(child, "name", None) == "br":
            if previous_br:
                groups.append([])
                previous_br = False
                continue
            previous_br = True
        elif isinstance(child, str) and not child.strip():
            pass  # whitespace between the two <br>
        else:
            previous_br = False
        groups[-1].append(child)
    if len(groups) < 2:
        # "• <i>Title</i> (with A), arXiv:… (2024).<br>• <i>Title</i> (with B), submitted.": one bulleted
        # entry per line, each read as an element of its own (its italics still mark the title)
        groups = _bulleted_br_lines(node)
        if len(groups) < 2:
            return []
    entries = []
    for group in groups:
        fragment = BeautifulSoup("<div>" + "".join(str(c) for c in group) + "</div>", "lxml").div
        if fragment is None:
            continue
        text = clean_text(node_text(fragment))
        urls = [a.get("href") for a in fragment.find_all("a", href=True) if isinstance(a.get("href"), str)]
        entry = parse_html_entry(fragment, text, [u for u in urls if u in links] or urls, dated=dated)
        if entry is not None and entry.title:
            entries.append(entry)
    return entries if len(entries) >= 2 else []


def _br_separated_entries(node) -> list[Entry]:
    """Several complete references in one element, one per <br> line (Google Sites pages put a
    whole list in one <div>): one entry per line. Empty when the element is one entry."""
    from extract.fields.citation import parse_entry_text
    from extract.ingestors.homepage_html import br_lines

    if node.find("br") is None:
        return []
    lines = br_lines(node)
    # "<p><strong>2023</strong><br>Entry<br>Entry</p>": a year heading the element's own lines
    heading = _YEAR_ONLY_RE.match(lines[0]) if lines else None
    if heading:
        lines = lines[1:]
    starts = [l for l in lines if rules_read_citation(l, need_year=not heading) and _starts_with_names(l)]
    if len(starts) < (1 if heading else 2) or len(starts) < 0.6 * len(lines):
        return []
    entries = []
    for line in starts:
        entry = parse_entry_text(line)
        if entry.title:
            if heading and entry.year is None:
                entry.year = int(heading.group(1))
            entries.append(entry)
    return entries


def _trim_affiliation(text: str) -> str:
    # bio spans run past a sentence end ("… of Virginia Tech. He worked …")
    return re.split(r"\.\s+(?=[A-Z])", text, maxsplit=1)[0].strip(" .,;")


_ARTICLE_TYPES = {"article", "blogposting", "newsarticle", "reportagenewsarticle", "pressrelease"}
_POST_MARK_RE = re.compile(r"^(?:byline|entry-meta|post-meta|posted-on|article-meta|post-date|entry-date|author-meta|"
                           r"type-post|hentry|comments?-area|share-buttons?|news-article|news-item|news-story|press-release|"
                           r"article-body|story-body|kicker|standfirst)$", re.I)
_MAX_NEWS_ENTRIES = 5


# the sections a person's profile has besides publications: a clinician's "find a doctor" page,
# a staff page with no list yet
_PROFILE_SECTION_RE = re.compile(
    r"^\W*(?:about(?: me)?|biography|bio|profile|education(?: (?:&|and) training)?|training|"
    r"(?:research|clinical|teaching) (?:interests|focus|areas)|areas of (?:expertise|interest)|expertise|"
    r"board certifications?|certifications?|specialt(?:y|ies)|languages?|contact(?: information| me)?|"
    r"office hours|appointments?|positions?|employment|experience|awards?(?: (?:&|and) honou?rs)?|"
    r"honou?rs|memberships?|professional (?:memberships|affiliations)|degrees|qualifications|"
    r"curriculum vitae|cv|locations?)\W*$", re.I)


def _profile_without_publications(soup) -> Optional[str]:
    """The owner of a page about one person that lists no publications: its headings name the
    person and at least three profile sections (About, Education, Clinical interests, …).
    A podcast page or a news story has a headline, not a name, and no such sections."""
    from extract.ingestors.homepage_html import heading_name

    name = heading_name(soup)
    if not name:
        return None
    sections = {clean_text(node_text(h)).strip(" :").lower()
                for h in soup.find_all(["h2", "h3", "h4", "dt"], limit=200)}
    found = {s for s in sections if len(s) <= 40 and _PROFILE_SECTION_RE.match(s)}
    return name if len(found) >= 3 else None


def _news_article_evidence(soup, entries: list[Entry]) -> Optional[str]:
    """A news item or blog post about papers (a lab announcing an acceptance), not anyone's
    profile: the page says it is an article (og:type, JSON-LD, a post's byline/date markup),
    its <h1> is a headline (not a name, not a section title, not one of the papers' titles),
    no heading names a person, and only a few references appear. Its citations are quoted,
    not a person's list."""
    from extract.fields.text import fold
    from extract.ingestors.homepage_html import heading_name

    if not entries or len(entries) > _MAX_NEWS_ENTRIES:
        return None
    og = soup.find("meta", attrs={"property": "og:type"})
    declared = isinstance(og.get("content") if og else None, str) and og.get("content", "").strip().lower() in _ARTICLE_TYPES
    if not declared:
        for script in soup.find_all("script", attrs={"type": "application/ld+json"}, limit=5):
            found = re.search(r'"@type"\s*:\s*"(\w+)"', script.string or "")
            if found and found.group(1).lower() in _ARTICLE_TYPES:
                declared = True
                break
    marked = soup.find(class_=_POST_MARK_RE) is not None
    if not (declared or marked) or soup.find("article") is None:
        return None
    h1 = soup.find("h1")
    headline = clean_text(node_text(h1)) if h1 is not None else ""
    if len(headline.split()) < 5 or _PUBLICATION_HEADING_RE.match(headline) or NON_PUBLICATION_SECTION_RE.match(headline):
        return None
    folded = fold(headline)
    if any(e.title and (fold(e.title) in folded or folded in fold(e.title)) for e in entries):
        return None  # a paper's own page: its title is the headline
    if heading_name(soup) is not None:
        return None
    return f"news article or blog post ('{headline[:80]}') quoting {len(entries)} references"


_VENUE_LINE_CUE_RE = re.compile(r"\b(?:In:?\s|Proc|Journal|Trans|Conference|Workshop|Symposium|Review|Letters|thesis|"
                                r"dissertation|arXiv|Press|Verlag)\b", re.I)


def author_anchored_entries(lines: list[str]) -> list[Entry]:
    """Entries laid out one field per line with nothing between them ("Title" / "A. One,
    B. Two" / "Journal, 2022" / "READ PAPER"): every author-list line, with the title line
    above it and a dated or venue-like line below, is one entry. Sections such as "Talks"
    are skipped."""
    from extract.ingestors.jemdoc import entry_from_lines

    out: list[Entry] = []
    skipping = False
    closed_at = -1  # the line that closed the last entry (its venue or date line)
    for i, line in enumerate(lines[:MAX_CANDIDATES]):
        if len(line) <= 60 and NON_PUBLICATION_SECTION_RE.search(line) and authors_score(line) < 0.5:
            skipping = True
            continue
        if len(line) <= 60 and _PUBLICATION_HEADING_RE.search(line) and authors_score(line) < 0.5:
            skipping = False
        if skipping or i == 0 or len(line) > 400 or len(line.split()) > 40:
            continue
        if authors_score(line) < 0.75 or not re.search(r",|\sand\s|&|\bet al", line) and not re.search(r"\b[A-Z]\.", line):
            continue
        title = lines[i - 1]
        after = lines[i + 1] if i + 1 < len(lines) else ""
        dated = bool(YEAR_RE.search(after) or STATUS_RE.search(after))
        if not (dated or _VENUE_LINE_CUE_RE.search(after)):
            continue
        if i - 1 == closed_at and out and (YEAR_RE.search(title) or STATUS_RE.search(title) or _VENUE_LINE_CUE_RE.search(title)):
            # right under the last entry's venue line: this entry lost its title in the scrape
            entry = entry_from_lines(["untitled", line, after], [], [])
            if entry is not None and (entry.authors_text or entry.authors):
                entry.title = ""
                out.append(entry)
                closed_at = i + 1
            continue
        # (a title may hold commas, "Crash-Consistent Persistent Memory Allocators, Revisited": a
        # piece of four words or more is no name)
        long_piece = max((len(p.split()) for p in title.split(",")), default=0) >= 4
        if len(title.split()) < 3 or (authors_score(title) >= 0.6 and not long_piece) or looks_like_contact(title):
            continue
        if len(title.split()) > 40 or len(re.findall(r"[a-z]{2}\.\s+[A-Z]", title)) >= 2:
            continue  # a paragraph of the bio above the list, not a title
        entry = entry_from_lines([title, line, after], [], [])
        if entry is not None and entry.title:
            out.append(entry)
            closed_at = i + 1
    return out


# the labels repository pages put before each field of an item (EPrints, DSpace, Pure tables)
_FIELD_LABELS = {
    "title": re.compile(r"^(?:title|titel|titre|título)$", re.I),
    "authors": re.compile(r"^(?:authors?(?:\(s\))?|creators?|contributors?|autor(?:es|en)?|auteurs?)$", re.I),
    "venue": re.compile(r"^(?:published in|publication|journal|venue|source|book title|conference|series|in|revista|zeitschrift)$", re.I),
    "year": re.compile(r"^(?:date|year|published|issued|date issued|publication date|fecha|datum|année)$", re.I),
}


def labelled_field_tables(soup) -> tuple[list[Entry], set[int]]:
    """Items laid out as labelled rows, one table (or <dl>) per item: "Author(s): …",
    "Title: …", "Published in: …", "Date: …" (institutional repositories). Returns the entries
    and the ids of the rows read, which the generic reading then skips."""
    entries: list[Entry] = []
    used: set[int] = set()
    for table in soup.find_all(["table", "dl"], limit=2000):
        fields: dict[str, object] = {}
        rows = []
        if table.name == "table":
            for row in table.find_all("tr", limit=30):
                cells = row.find_all(["th", "td"], limit=3)
                if len(cells) == 2:
                    rows.append((row, cells[0], cells[1]))
        else:
            for dt in table.find_all("dt", limit=30):
                dd = dt.find_next_sibling("dd")
                if dd is not None:
                    rows.append((dt, dt, dd))
        for row, label_cell, value_cell in rows:
            label = clean_text(node_text(label_cell)).strip(" :")
            for field, pattern in _FIELD_LABELS.items():
                if field not in fields and pattern.match(label):
                    fields[field] = value_cell
        if "title" not in fields or "authors" not in fields:
            continue
        authors_text = clean_text(node_text(fields["authors"]))
        if authors_score(authors_text) < 0.6:
            continue
        from extract.fields.names import invert_name

        # repositories write "Family, Given; Family, Given": one comma alone is one person
        if ";" in authors_text or authors_text.count(",") == 1:
            people = [invert_name(p.strip()) for p in authors_text.split(";") if p.strip()]
        else:
            people = []
        venue = None
        if "venue" in fields:
            italic = fields["venue"].find(["i", "em", "cite"])
            venue = clean_text(node_text(italic if italic is not None else fields["venue"])).strip(" ,.;")
        date_text = clean_text(node_text(fields["year"])) if "year" in fields else ""
        year = None if STATUS_RE.search(date_text) else find_year(date_text)
        links = [a.get("href") for a in fields["title"].find_all("a", href=True) if isinstance(a.get("href"), str)]
        entries.append(Entry(title=clean_text(node_text(fields["title"])).strip(" .\"“”"),
                             authors=people, authors_text=None if people else authors_text,
                             venue=venue or None, year=year, urls=[l for l in links if l.startswith(("http", "/"))],
                             note=date_text if STATUS_RE.search(date_text) else None))
        used |= {id(r) for r, _, _ in rows} | {id(table)}
    return entries, used


# "with Marta Nowak and James Holt, Cognition, 2020" / "joint with A. B., Journal of X, 2021"
_CITATION_LINE_RE = re.compile(r"^\s*(?:(?:joint(?:ly)?\s+)?with\s+(?P<names>.+?),\s+)?(?P<venue>[A-Z][^,]{2,120}?),\s+(?P<year>(?:19|20)\d{2})\b")


_STATUS_CITATION_LINE_RE = re.compile(
    r"^\s*(?:(?:joint(?:ly)?\s+)?with\s+(?P<names>.+?),\s+)(?P<status>under review|in preparation|submitted|forthcoming|in press)\b", re.I)


def described_paper_entries(candidates: list) -> list[Entry]:
    """Entries from paragraphs that describe a paper, its title in bold or in quotation marks,
    each followed by a short citation line: "with A and B, Venue, Year". The co-authors are the
    names after "with" (the owner implicit)."""
    from extract.fields.names import split_author_list

    out: list[Entry] = []
    for (prev, prev_text, _), (node, text, links) in zip(candidates, candidates[1:]):
        line = _CITATION_LINE_RE.match(text) or _STATUS_CITATION_LINE_RE.match(text)
        if line is None or len(text) > 300:
            continue
        title = None
        bold = prev.find(["strong", "b"])
        if bold is not None and len(node_text(bold).split()) >= 3:
            title = node_text(bold)
        else:
            quoted = re.search(r"[“\"]([^”\"]{10,300})[”\"]", prev_text)
            title = quoted.group(1) if quoted else None
        if not title:
            continue
        names = split_author_list(line.group("names")).names if line.group("names") else []
        fields = line.groupdict()
        out.append(Entry(title=title.strip(" .,"), authors_text=", ".join(names) or None,
                         venue=(fields.get("venue") or "").strip() or None,
                         year=int(fields["year"]) if fields.get("year") else None,
                         note=fields.get("status"), urls=list(links), flags=["owner-implicit"]))
    return out


_GROUP_HEADING_RE = re.compile(r"(?i)\b(?:group|lab|laboratory|centre|center|team|institute|department|consortium|"
                               r"cluster|unit|arbeitsgruppe|lehrstuhl|équipe|laboratoire|grupo|gruppo)\b")


def _group_list(soup, entries: list[Entry]) -> bool:
    """A research group's publication page ("Coastal Dynamics Group – Publications"): the page
    is titled by the group, and no author is on as many as three in five entries (a person's
    own list has its owner on nearly all)."""
    if len(entries) < 5 or any("owner-implicit" in e.flags for e in entries):
        return False
    heads = [soup.title.get_text(" ", strip=True) if soup.title else ""]
    heads += [h.get_text(" ", strip=True) for h in soup.find_all(["h1", "h2"], limit=3)]
    if not any(_GROUP_HEADING_RE.search(h) for h in heads if h and len(h) <= 120):
        return False
    counts, named = _family_counts(entries)
    return named >= 5 and max(counts.values()) < 0.6 * named


def _family_counts(entries: list[Entry]):
    """(family name -> number of entries naming it, number of entries naming anyone)."""
    from collections import Counter

    from extract.fields.names import split_author_list, split_name

    counts: Counter[str] = Counter()
    named = 0
    for entry in entries:
        names = [a if isinstance(a, str) else a.name for a in entry.authors] or split_author_list(entry.authors_text).names
        if names:
            named += 1
            counts.update({(split_name(n).family or n).lower() for n in names})
    return counts, named


# a lab page names its leader in prose or on a card: "The group is led by dr hab. Magdalena
# Wróblewska", "Principal Investigator: Prof. Kenji Mori", "<h3>Dr Ana Ruiz</h3><p>Group leader</p>"
_LEADER_NAME = r"([A-ZÀ-Þ][\w'’-]+(?:\s+(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][\w'’-]+|van|von|de|der|da|di|del|la|le)){1,3})"
_HONORIFICS = r"(?:(?i:prof(?:essor)?\.?|dr\.?|hab\.?|assoc\.?|asst\.?|associate|assistant|univ\.?|doc\.?|ing\.?|mgr\.?)\s+)*"
_LEADER_CUE_RE = re.compile(
    r"\b(?:led by|headed by|directed by|run by|(?:principal investigator|group leader|team leader|lab(?:oratory)? director|"
    r"head of (?:the )?(?:group|lab(?:oratory)?|team)|PI)\s*[:–—-])\s*" + _HONORIFICS + _LEADER_NAME)
_LEADER_CARD_RE = re.compile(
    r"(?:^|[.;|]\s|\n)\s*" + _HONORIFICS + _LEADER_NAME + r"(?:,[^\n,]{1,30}){0,2}\s*[\n(–—-]?\s*"
    r"(?:principal investigator|group leader|team leader|lab(?:oratory)? director|head of (?:the )?(?:group|lab))\b", re.I)


def _group_leader(text: str, entries: list[Entry]) -> Optional[str]:
    """The leader a lab page names ("led by …", a card's "Principal Investigator"), taken as the
    page's owner when that name's family is on at least half of the entries (the rest are the
    students' papers the page lists too)."""
    if len(entries) < 3 or any("owner-implicit" in e.flags for e in entries):
        return None
    head = text[:50_000]
    if not re.search(r"(?i)led by|headed by|directed by|run by|principal investigator|group leader|team leader|"
                     r"director|head of|\bPI\b", head):
        return None
    counts, named = _family_counts(entries)
    if named < 3:
        return None
    for m in list(_LEADER_CUE_RE.finditer(head)) + list(_LEADER_CARD_RE.finditer(head)):
        name = m.group(1).strip()
        family = name.split()[-1].lower()
        if counts.get(family, 0) * 2 >= named:
            return name
    return None


def nobody_in_common(entries: list[Entry]) -> bool:
    """Three or more references, each with its authors, and no family name on more than two
    in five of them (nor on two of three): someone's list of other people's papers (a
    newsletter's "recent publications by our faculty", a reading list), not anyone's own list,
    where the owner is on most entries."""
    if len(entries) < 3 or any("owner-implicit" in e.flags for e in entries):
        return False
    counts, named = _family_counts(entries)
    # a stray line without names (a banner read as an entry) does not hide the pattern
    if named < 3 or named * 4 < len(entries) * 3:
        return False
    return max(counts.values()) <= max(1, int(0.4 * named))


_CATEGORY_CLASS_RE = re.compile(r"tag|label|badge|category|type|kind|pill|chip", re.I)
_PUBLICATION_TAG_RE = re.compile(r"(?:journal\s+)?article|paper|book|chapter|preprint|report|thesis|conference(?: paper)?|"
                                 r"proceedings|publication|review|essay|in progress|under review|forthcoming", re.I)
_NOT_A_PUBLICATION_TAG_RE = re.compile(r"news|talks?|keynote|event|award|prize|grant|teaching|course|media|press|"
                                       r"interview|podcast|exhibition|workshop|announcement|update|blog(?: post)?", re.I)


def _dt_titled_entry(node, links: list[str]) -> Optional[Entry]:
    """A definition list of publications: the <dt> holds the title, its <dd> the authors on the
    first line and the citation after a <br>. None for any other <dd>."""
    from extract.fields.citation import authors_score
    from extract.ingestors.homepage_html import _venue_and_notes

    if getattr(node, "name", None) != "dd":
        return None
    dt = node.find_previous_sibling(["dt", "dd"])
    if dt is None or dt.name != "dt":
        return None
    title = clean_text(node_text(dt)).strip(" .")
    if len(title.split()) < 3 or YEAR_RE.fullmatch(title):
        return None
    parts, current = [], []
    for child in node.children:
        if getattr(child, "name", None) == "br":
            parts.append(current)
            current = []
        else:
            current.append(child)
    parts.append(current)
    lines = [" ".join(node_text(c) if hasattr(c, "name") and c.name else str(c) for c in part).strip() for part in parts]
    lines = [" ".join(l.split()) for l in lines if l.strip()]
    if len(lines) < 2 or authors_score(lines[0]) < 0.75:
        return None
    italic = node.find(["em", "i", "cite"])
    venue_text = clean_text(node_text(italic)) if italic is not None else lines[1]
    venue, _ = _venue_and_notes(venue_text)
    year = find_year(" ".join(lines[1:]))
    links = [a.get("href") for a in dt.find_all("a", href=True) if isinstance(a.get("href"), str)] + list(links)
    return Entry(title=title, authors_text=lines[0], venue=venue or None, year=year,
                 urls=[l for l in links if l.startswith(("http", "/"))])


def _better_reading(named: Entry, free: Optional[Entry]) -> bool:
    from extract.fields.names import split_author_list

    if free is None or not free.title:
        return True
    named_people = split_author_list(named.authors_text).names if named.authors_text else named.authors
    free_people = (split_author_list(free.authors_text).names if free.authors_text else []) + list(free.authors)
    return bool(named.venue and not free.venue) or len(free_people) > len(named_people) or not free_people


def _title_before_named_authors(node):
    """The link or bold text heading an item whose authors (only) are named by class."""
    from extract.ingestors.homepage_html import FIELD_CLASS_RES

    if not hasattr(node, "find"):
        return None
    authors = node.find(class_=FIELD_CLASS_RES["authors"])
    if authors is None or node.find(class_=FIELD_CLASS_RES["title"]) is not None:
        return None
    order = {id(e): i for i, e in enumerate(node.descendants)}
    for element in node.find_all(["a", "b", "strong"], limit=4):
        if order.get(id(element), 0) > order.get(id(authors), 0):
            break  # only what comes before the authors ("<span class=comment-author>X</span> on <a>…")
        if any(p is authors for p in element.parents):
            continue
        if len(node_text(element).split()) >= 3:
            return element
    return None


def _is_link_row(node) -> bool:
    """An element whose text is only its links' labels, set apart by bars or dots: a row of
    profile links ("Google Scholar | CV (PDF) | ORCID"), not an entry."""
    from bs4 import NavigableString

    links = node.find_all("a", limit=12) if hasattr(node, "find_all") else []
    if len(links) < 2 or any(len(a.get_text(" ").split()) > 5 for a in links):
        return False  # a long link text is a title ("<a>Title of the paper</a> <a>[PDF]</a>")
    for item in node.descendants:
        if isinstance(item, NavigableString) and item.strip() and item.find_parent("a") is None \
                and not re.fullmatch(r"[\s|·•/,;–—-]*", str(item)):
            return False
    return True


def _category_tag(node) -> Optional[tuple[str, object]]:
    """The short label a site builder puts first in an item ("<span class=news-tag>Article</span>
    <br>"): (its text, its element), when it is followed by a line break."""
    children = [c for c in node.children if not (isinstance(c, str) and not c.strip())]
    if len(children) < 3 or isinstance(children[0], str) or getattr(children[1], "name", None) != "br":
        return None
    first = children[0]
    if first.name not in ("span", "small", "em", "i", "b", "strong", "mark", "code"):
        return None
    label = " ".join(first.get_text(" ").split())
    classes = " ".join(first.get("class") or [])
    if not label or len(label.split()) > 3:
        return None
    if _CATEGORY_CLASS_RE.search(classes) or _PUBLICATION_TAG_RE.fullmatch(label) or _NOT_A_PUBLICATION_TAG_RE.fullmatch(label):
        return label, first
    return None


# what a list under a publications heading may also hold that is no work: an award, an interview, a talk
_ACTIVITY_LEAD_RE = re.compile(r"^\W*(?i:winner|recipient|awarded|finalist|shortlisted|interview(?:ed)?|entrevista|intervista|"
                               r"podcast|radio|keynote|talk|panel(?:ist)?|guest|prize|award)\b")


def _one_author_from_title_words(entry: Entry) -> bool:
    """One author whose 'name' has title words in it ("Die Stimme des Chores", "der Erinyen")."""
    names = [a.name for a in entry.authors] if entry.authors else split_author_list(entry.authors_text or "").names
    if len(names) != 1:
        return False
    if re.search(r"\b[A-Z]\.", names[0]):
        return False  # "R. Quintanilla Ortega": initials make it a name
    from extract.entry_parser import name_of_title_words

    # (under a publications heading a lone word is no name either: "Kallimachos", "Diss")
    return len(names[0].split()) == 1 or name_of_title_words(names[0])


_POST_CLASS_RE = re.compile(r"(?:^|[-_])(?:post|entry-title|post-title|blog-post|single-post|hentry)(?:$|[-_])", re.I)


# a CV's year column before the entry ("2021        The Scribe's Ledger …", "forthcoming “Memory …”")
_YEAR_COLUMN_HEAD_RE = re.compile(r"^\s*(?:((?:19|20)\d{2})[a-z]?|(?i:forthcoming|in press|to appear|submitted|under review))(?:\s{2,}|\t|\s*[.:|–—-]\s+|\s+(?=[“\"(]))")


_BOOKS_SECTION_RE = re.compile(r"(?i)\b(?:books?|livres|ouvrages|monographs?|monographien|b[üu]cher|libros|livros|libri|boeken|monografie)\b")
_OPENING_QUOTE_HEAD_RE = re.compile(r"\s*[«“„\"‘]\s?\S")


def _own_text_entry(body: str, books: bool = False) -> Optional[Entry]:
    """A text CV's own entry under a publications heading: its year column dropped, read with a
    stand-in author; a title and a year, a venue or a status are needed. Without a year column, an
    entry that opens on a quoted title, or one under a books heading, reads so too."""
    head = _YEAR_COLUMN_HEAD_RE.match(body)
    if head is None and not (_OPENING_QUOTE_HEAD_RE.match(body) or books):
        return None  # (only a CV's year column, its status, a quoted title or a books section says that a line without names is an entry)
    text = " ".join(body[head.end() if head else 0:].split())
    # a note on a line under the entry: "Reviewed in Metascience, …", "Translated into Spanish …"
    text = re.sub(r"(?<=\.)\s+(?:Reviewed in|Reviews? in|Translated into|Reprinted in|Winner of)\b.*$", "", text)
    text = re.sub(r"(?<=\.)\s+[•·▪–]\s+[A-Z].*$", "", text)  # "… Press. • Shortlisted, Whitlock Prize …": a note line
    if _NEWS_SENTENCE_RE.match(text) or _ACTIVITY_LEAD_RE.match(text) or not 30 <= len(text) <= 600 \
            or text.split(". ")[0].count(";") >= 2:
        return None  # (a list of places: "2023: Universidad de los Andes; Banco de la República; …")
    own = _own_reading(text, [])
    if own is None or not own.title or len(own.title.split()) < 2:
        return None
    if head and head.group(1):
        own.year = int(head.group(1))  # the column's year, not one the title or the book holds ("…, 1960–1975")
    return own if own.venue and len(own.title.split()) >= 3 else None


def _own_reading(text: str, links: list[str]) -> Optional[Entry]:
    from extract.fields.citation import parse_own_entry_text

    body = strip_markdown(clean_text(text))
    if not 20 <= len(body) <= 600:
        return None
    entry = parse_own_entry_text(body)
    if entry is not None:
        entry.urls = list(dict.fromkeys(links + entry.urls))
    return entry


def _own_list_item_entry(node, text: str, links: list[str]) -> Optional[Entry]:
    """A publication list's item that names no authors, read when the trained parser finds a
    title, a venue and a year (or a status) in it with confidence; the owner is its author."""
    from extract.fields.citation import parse_entry_text

    body = strip_markdown(clean_text(text))
    body = re.sub(r"\s*(?:\[(?:pdf|arXiv|doi|slides|code|journal|preprint|link|video|bib(?:tex)?)\]\s*)+$", "", body, flags=re.I)
    if not 20 <= len(body) <= 600:
        return None
    readings: list[Optional[Entry]] = []  # the stand-in reading, made once when a branch asks for it

    def own_reading() -> Optional[Entry]:
        if not readings:
            readings.append(_own_reading(body, links))
        return readings[0]

    if LEADING_CO_AUTHOR_NOTE_RE.match(body):
        # "(mit Jonas Reichelt) Chor und Polis. Neue Perspektiven …": the co-authors' note heads an own entry
        own = own_reading()
        if own is not None and own.title and (own.year or own.venue):
            return own
    if not _own_entry_read(body):
        # (under its publications heading) read with a stand-in author: a title, and a year, a venue or a status
        own = own_reading()
        if own is None or _NEWS_SENTENCE_RE.match(body) or "!" in body or _ACTIVITY_LEAD_RE.match(body):
            return None
        # a venue read, or a container named ("…, in: Antike und Abendland (im Druck)")
        return own if (own.venue or re.search(r",\s+[Ii]n:?\s+[A-ZÀ-Þ]", body)) and (own.year or STATUS_RE.search(body)) else None
    entry = parse_entry_text(body)
    if entry.title and (entry.authors or entry.authors_text) and _one_author_from_title_words(entry):
        own = own_reading()  # "Die Stimme des Chores. Studien …": the title's head read as a name
        name = entry.authors_text or entry.authors[0].name
        # (or a lone word read as a name: "[zugl. Diss. Heidelberg 2010]")
        if own is not None and (fold(name) in fold(own.title) or len(name.split()) == 1):
            return own
    if not entry.title or ((entry.authors or entry.authors_text) and "owner-implicit" not in entry.flags):
        return None  # names the rules missed: not the owner's own entry (a "(mit A)" note names co-authors)
    entry.urls = list(dict.fromkeys(links + entry.urls))
    if "owner-implicit" not in entry.flags:
        entry.flags.append("owner-implicit")
    return entry


_YEAR_CELL_RE = re.compile(r"\s*(?:((?:19|20)\d{2})[a-z]?|(i\.\s?E\.|im Druck|im Erscheinen|forthcoming|in press|to appear|submitted|"
                           r"sous presse|à paraître|en prensa|in stampa))\s*", re.I)


def _own_year_row_entry(row, links: list[str]) -> Optional[Entry]:
    """A two-cell row whose first cell is a year or a status and whose second is an own entry."""
    cells = row.find_all(["td", "th"], recursive=False)
    if len(cells) != 2:
        return None
    year = _YEAR_CELL_RE.fullmatch(node_text(cells[0]))
    if year is None:
        return None
    body = node_text(cells[1]).strip()
    # (the date is in the year cell: the entry is read with it written at its end, as a CV line has it)
    date = year.group(1) or "forthcoming"
    dated = (lambda text: text if date in text else f"{text.rstrip(' .')}. {date}.")
    entry = _own_list_item_entry(cells[1], dated(body), links)
    # an italic title opening the entry (after a co-author note) bounds it: where the first reading
    # missed it, the entry is read again with it in quotes
    head = cells[1].find(["i", "em"])
    shown = clean_text(head.get_text(" ", strip=True)).strip(" .,") if head is not None else ""
    at = body.find(shown) if len(shown.split()) >= 2 else -1
    note = LEADING_CO_AUTHOR_NOTE_RE.match(body) if at > 0 else None
    if at >= 0 and (entry is None or fold(entry.title or "") != fold(shown)) and (at == 0 or (note is not None and note.end() == at)):
        rest = body[at + len(shown):].lstrip(" .,")
        quoted = _own_list_item_entry(cells[1], dated(f"{body[:at]}“{shown}.” {rest}"), links)
        if quoted is None and at == 0:
            # a book: "<i>Title.</i> Place: Publisher." — the italics are the title, the imprint's publisher the venue
            from extract.entry_parser.postprocess import untagged_venue

            quoted = Entry(title=shown, venue=untagged_venue(rest) or None, urls=list(links), flags=["owner-implicit"])
        entry = quoted if quoted is not None else entry
    if entry is not None:
        if year.group(1):
            entry.year = int(year.group(1))
        else:
            entry.year = None
            entry.note = "; ".join(n for n in (entry.note, year.group(2)) if n)
    return entry


def _common_entry_author(entries: list[Entry]) -> bool:
    """Whether one author is on three in four of the entries (the rule core.infer_owner uses)."""
    from extract.fields.structured import common_author

    lists = []
    for entry in entries:
        names = [a if isinstance(a, str) else (a.name or "") for a in entry.authors]
        if not names and entry.authors_text:
            names = split_author_list(entry.authors_text).names
        if names:
            lists.append(names)
    return common_author(lists, min_share=0.75, min_entries=3) is not None


def _named_in_entries(person: str, entries: list[Entry]) -> bool:
    """Whether the person's family name is among any entry's authors (or its author text)."""
    from extract.fields.names import PARTICLES, name_key, split_name

    family = split_name(person).family
    if not family:
        return True
    # any word of a compound family name: "de Souza Ferreira" is listed as "FERREIRA, M. C. S."
    keys = [name_key(w) for w in family.split() if w.lower() not in PARTICLES and len(w) > 2]
    for entry in entries:
        names = [a if isinstance(a, str) else (a.name or "") for a in entry.authors] + [entry.authors_text or ""]
        if any(key in name_key(n) for n in names if n for key in keys):
            return True
        if "owner-implicit" in entry.flags:
            return True  # the owner's own entries name nobody: the heading may well be right
    return False


def _parse_html(page: Page) -> PageParse:
    from extract.fields.names import fuller_name
    from extract.ingestors.homepage_html import bold_owner, header_affiliations, heading_name, parse_html_entry

    soup = page.soup()
    candidates, headed = _candidates_html(page)
    entries: list[Entry] = []
    entry_nodes = []
    first_entry_at = None
    from extract.fields.mdtable import html_table_entries

    from extract.ingestors.homepage_html import _entry_from_field_classes

    tabled, table_rows = html_table_entries(soup)
    entries.extend(tabled)
    labelled, labelled_rows = labelled_field_tables(soup)
    entries.extend(labelled)
    table_rows = set(table_rows) | labelled_rows
    outline = _Outline(soup)
    for i, (node, text, links) in enumerate(candidates):
        if id(node) in table_rows:
            continue
        if outline.in_non_publication_section(node):
            continue  # talks, teaching, news: dated lines that are not publications
        if _is_link_row(node):
            continue  # "Google Scholar | Curriculum Vitae (PDF) | ORCID": the site's links
        year_above = outline.year_heading(node)
        # an "In press" / "Submitted" heading dates its entries as a year heading would
        status_above = year_above is None and outline.status_heading(node)
        category = _category_tag(node)
        if category is not None:
            # "<span class=news-tag>Talk</span><br><strong>…": the item says what it is
            label, element = category
            if _NOT_A_PUBLICATION_TAG_RE.fullmatch(label):
                continue
            element.decompose()
            text = node_text(node)
        if hasattr(node, "find_all") and text:
            # a hidden abstract inside the entry's element is no part of its reference (its years
            # are the study's, not the paper's)
            # (only a block named an abstract: a <details> toggle may hold the entry's BibTeX)
            for hidden in node.find_all(["div", "p", "pre"], limit=12):
                if (hidden is not node and hidden.find_parent(["div", "li"]) is node
                        and _ABSTRACT_CLASS_RE.search(" ".join(hidden.get("class") or []).lower())
                        and _abstract_toggle_inside_item(hidden)):
                    part = node_text(hidden).strip()
                    if part and "@" not in part[:200] and len(part) < len(text):
                        text = text.replace(part, " ")
        several = _br_separated_entries(node)
        # (where blank lines part the entries, the reading by blank lines wins when it finds more: a
        # line-per-entry reading keeps only the lines that read as citations by the rules)
        paired = _double_br_entries(node, links, dated=year_above is not None)
        if len(paired) > len(several):
            several = paired
        if getattr(node, "name", None) == "dd":
            head = node.find_previous_sibling("dt")
            if head is not None and NON_PUBLICATION_SECTION_RE.search(clean_text(node_text(head)).strip()):
                continue  # a portlet headed "News" / "Events" by its <dt>
        titled = _dt_titled_entry(node, links)
        if titled is not None:
            # "<dt><a>Title</a></dt><dd>Authors<br><em>Venue</em> 7, 014203 (2023)</dd>"
            if titled.year is None:
                titled.year = year_above
            entries.append(titled)
            entry_nodes.append(node)
            continue
        lead = None if (id(node) in headed or several) else _title_before_named_authors(node)
        if id(node) in headed:  # a card whose heading is the title (heading_records)
            found = [_entry_from_field_classes(node, links, title_element=headed[id(node)])]
        else:
            found = several if several else [parse_html_entry(node, text, links, dated=year_above is not None or status_above)]
            if found == [None] and getattr(node, "name", None) == "li" and outline.in_publication_section(node):
                # the owner's own entry in a list under "Papers", no names printed: "Koszul
                # duality for graded quiver Hecke algebras, <i>Adv. Math.</i> 392 (2021)",
                # "Title, Ph.D. thesis, University of Oslo, 2015", "Title, arXiv:2402.07719"
                found = [_own_list_item_entry(node, text, links)]
            elif found == [None] and getattr(node, "name", None) == "tr" and outline.in_publication_section(node):
                # an old page's "year | entry" table under its publications heading, the owner's own
                # entries: "1991 | <i>Reasons Without Agents?</i> Harrowgate: … Press."
                found = [_own_year_row_entry(node, links)]
            elif (len(found) == 1 and found[0] is not None and getattr(node, "name", None) == "li"
                  and _one_author_from_title_words(found[0]) and outline.in_publication_section(node)):
                # "Das Schweigen der Erinyen. Zur Dramaturgie …, in: Hermes 150 (2022)": the title's
                # head read as its one author; read as the owner's own entry when that reading's
                # title holds the "name"
                own = _own_reading(text, links)
                if own is not None and fold(found[0].authors_text or found[0].authors[0].name) in fold(own.title):
                    own.year = own.year or found[0].year
                    found = [own]
            if lead is not None:
                # "<a>Title</a><br><span class=authors>…</span> · <em>Venue</em>, 2024": only the
                # authors are named by class; the link before them is the title. Taken where the
                # free reading ran the venue into the names or lost it
                named = _entry_from_field_classes(node, links, title_element=lead)
                if named is not None and _better_reading(named, found[0]):
                    found = [named]
        for entry in found:
            if entry is None or SERVICE_LINE_RE.match(text) or (entry.title and (
                    POSITION_TITLE_RE.fullmatch(entry.title.strip(" .:")) or _LABEL_LINE_RE.match(entry.title)
                    # "<strong>Article processing charge:</strong> waived …": a label, not a title
                    or (len(entry.title.split()) <= 6 and text.lstrip().startswith(entry.title.rstrip(" :") + ":")))):
                continue  # "Associate Professor of Medicine" over "Director, … Program", "Instructor: Dr. …",
                # "Peer Review (Conferences): ICCD (2016), …"
            if entry.year is None:
                entry.year = year_above
            elif year_above and entry.year != year_above and str(year_above) not in text \
                    and any(str(entry.year) in m for m in _YEAR_IN_PAGES_RE.findall(text)):
                # "Estuaries and Coasts 46:2001–2015" under "2023": a page number, not the year
                entry.year = year_above
            entries.append(entry)
            entry_nodes.append(node)
            if first_entry_at is None:
                first_entry_at = i
    for pre in soup.find_all("pre", limit=20):
        # a 1990s page's list set in <pre>: "[1] Title, Journal 121 (1994), …" over wrapped lines,
        # read as the plain text it is
        text = pre.get_text()
        if len(_PRE_ENTRY_START_RE.findall(text)) >= 2 and not outline.in_non_publication_section(pre):
            found = parse(Page(path=page.path, text="Publications\n\n" + text, syntax="text")).entries
            known = {fold(e.title or "") for e in entries}
            entries.extend(e for e in found if fold(e.title or "") not in known)
    if len(entries) < 2:
        # a site builder's div soup (Wix, Squarespace blocks): no list items, one field per
        # block; read the page's lines, each author list anchoring its entry
        anchored = author_anchored_entries(page.visible_lines())
        if len(anchored) >= 2:
            entries = anchored
    if len(entries) < 2:
        # a research page that describes each paper in a paragraph and cites it on a line
        # below ("with Marta Nowak and James Holt, Cognition, 2020")
        described = described_paper_entries(candidates)
        if len(described) >= 2:
            entries = described
    # a portal's cards, one field per line (Zenodo, journal portals): the stacked-card reading of
    # the page's lines, when it finds more works or the list items glued a card's fields together
    from extract.ingestors.stacked_cards import read_lines

    from extract.fields.html import visible_text

    # the lines a browser shows: a title wrapped in the HTML source is one line
    shown = [clean_text(l).strip() for l in visible_text(soup, source_breaks=False).splitlines() if l.strip()]
    stacked, stacked_owner, left_out = read_lines(shown, need_chrome=True)
    # (entries whose titles the markup's classes name are trusted over a reading of the lines)
    if len(stacked) >= 3 and _stacked_reads_better(stacked, left_out, entries, classed=bool(_class_named_entries(page))):
        entries, entry_nodes = stacked, []
        # a repository search for one creator names nobody in a heading: the author on the works
        from extract.fields.names import split_author_list
        from extract.fields.structured import common_author

        stacked_owner = stacked_owner or common_author(
            [e.authors or split_author_list(e.authors_text).names for e in entries], min_share=0.75)
    else:
        stacked_owner = None
    bio = " ".join(t for _, t, _ in candidates[: first_entry_at if first_entry_at is not None else 20])
    affiliations = header_affiliations(soup)
    for found in affiliations_in(bio):
        found = _trim_affiliation(found)
        if found and not any(found in a or a in found for a in affiliations):
            affiliations.append(found)
    news = _news_article_evidence(soup, entries)
    if news:
        return PageParse(kind="not-a-profile", evidence=[news])
    person = stacked_owner or fuller_name(bold_owner(entry_nodes), heading_name(soup) if entries else None)
    if person and len(entries) >= 3 and not _named_in_entries(person, entries) and _common_entry_author(entries):
        # a group's heading ("Ashworth Group – Sustainable Catalysis") read as a name that no
        # entry lists, while someone else is on most entries: the owner is that author
        person = None
    if (person and len(entries) >= 3 and not _named_in_entries(person, entries) and nobody_in_common(entries)
            and soup.find(class_=_POST_CLASS_RE) is not None):
        # a blog's name in the <title> ("Three papers I keep re-reading – Load Path") over a review of
        # other people's papers: the "owner" is on none of them and no one is on most
        person = None
    if person is None and entries:
        person = _group_leader(visible_text(soup), entries)
    if person is None and _group_list(soup, entries):
        return PageParse(kind="not-a-profile", evidence=[
            f"{len(entries)} references of a group's members, no one on most of them: a group's list, not a person's"])
    if person is None and nobody_in_common(entries):
        return PageParse(kind="not-a-profile", evidence=[
            f"{len(entries)} references by different people and no owner named: a newsletter or reading list"])
    if not entries:
        owner = _profile_without_publications(soup)
        if owner:
            return PageParse(kind="homepage", person=owner, affiliations=affiliations, evidence=[
                "a person's page (a name heading and profile sections) with no publication list"])
    kind = "homepage" if entries else "not-a-profile"
    evidence = [f"hand-written HTML list: {len(entries)} entries"] if entries else ["no publication entries found"]
    return PageParse(kind=kind, person=person, affiliations=affiliations if entries else [], entries=entries, evidence=evidence)


def _stacked_reads_better(stacked: list[Entry], left_out: int, entries: list[Entry], classed: bool = False) -> bool:
    """More works, or as many cards (data sets and talks left out counted) with titles a third as
    long (the list items ran a card's title, authors and abstract together)."""
    if classed and entries and len(entries) >= 3:
        # the same page read two ways: a card reading whose "titles" are the abstracts the
        # markup's own classes name is out of step with the cards (an abstract read as the next title)
        abstracts = [fold(e.abstract)[:80] for e in entries if e.abstract]
        from_abstracts = sum(1 for e in stacked if e.title and any(a and a.startswith(fold(e.title)[:60]) for a in abstracts))
        if abstracts and from_abstracts >= 0.5 * len(stacked):
            return False
    if len(stacked) > len(entries):
        return True
    if len(stacked) + left_out < 0.8 * len(entries) or not entries:
        return False
    if left_out and len(stacked) + left_out >= len(entries):
        # the same cards, read with their item types: the data sets and software among them go
        titles = {fold(e.title or "") for e in entries}
        if all(fold(e.title or "") in titles for e in stacked):
            return True
    mean = lambda es: sum(len(e.title or "") for e in es) / len(es)  # noqa: E731
    return mean(entries) > 1.5 * mean(stacked)


def name_behind_nickname(text: str, person: str) -> str:
    """'Bill Anagnostopoulos' in the menu, 'Vasileios “Bill” Anagnostopoulos' in the header: the
    full given name the page puts the nickname beside."""
    parts = person.split()
    if len(parts) != 2:
        return person
    m = re.search(r"\b([A-ZÀ-Þ][\w'-]+)\s+[“\"‘'(]" + re.escape(parts[0]) + r"[”\"’')]\s+" + re.escape(parts[1]) + r"\b", text)
    return f"{m.group(1)} {parts[1]}" if m else person


def parse(page: Page) -> PageParse:
    from extract.fields.citation import parse_entry_text

    if page.syntax == "html":
        return _parse_html(page)
    candidates = _candidates_text(page)
    # where the entries are list items, a loose paragraph must read as a citation by the rules
    # alone: the header of a CV ("Curriculum Vitae — updated March 2024") is no entry
    # (a CV's dated appointments or talks are list items too, but no entries: their sections say so)
    listed = sum(1 for text, _, item, section in candidates if item and YEAR_RE.search(text)
                 and not (section and NON_PUBLICATION_SECTION_RE.search(section))) >= 2
    entries: list[Entry] = []
    first_entry_at = None
    last_number: Optional[int] = None  # the publication list's last "[n]" label
    last_label: Optional[int] = None  # the last entry's "[n]" or "n." label
    for i, (text, links, item, section) in enumerate(candidates):
        number = re.match(r"^\s*\[(\d{1,3})\]", text)
        label = re.match(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]\s)", text)
        label_number = int(label.group(1) or label.group(2)) if label else None
        if section and NON_PUBLICATION_SECTION_RE.search(section):
            # a two-column CV run through pdftotext puts a sidebar ("AWARDS") in the middle of
            # the publications: "[3]" after "[4]" still continues them
            if not (number and last_number is not None and abs(int(number.group(1)) - last_number) == 1):
                continue
        entry = _line_laid_entry(text)
        if entry is None:
            need_year = not (section and _STATUS_HEADING_RE.search(section))
            # a list number is no part of the entry (and makes the trained parser unsure)
            body = re.sub(_TEXT_ITEM_RE.pattern[:-3], "", text, count=1) if (item or _TEXT_ITEM_RE.match(text)) else text
            if not (is_citation_like(body, need_year) if (item or not listed) else rules_read_citation(body, need_year)) \
                    and not (item and section and _PUBLICATION_HEADING_RE.search(section) and label_number is not None
                             and label_number == (last_label or 0) + 1 and (entries or label_number == 1)
                             and _own_entry_read(body)) \
                    and not (section and _PUBLICATION_HEADING_RE.search(section) and _REVIEW_ENTRY_RE.match(body)
                             and YEAR_RE.search(body)):
                # under a publications heading, the owner's own entry that names nobody ("2022   “Pepper
                # Accounts …” Colonial Archives Review 41 (2022): 33–61."), read with a stand-in author
                own = _own_text_entry(body, books=bool(_BOOKS_SECTION_RE.search(section))) \
                    if section and _PUBLICATION_HEADING_RE.search(section) else None
                if own is None:
                    continue
                entry = own
            else:
                entry = parse_entry_text(body)
        if not entry.title or looks_like_contact(entry.title):
            continue
        for link in links:
            if link not in entry.urls:
                entry.urls.append(link)
        entries.append(entry)
        if number:
            last_number = int(number.group(1))
        last_label = label_number
        if first_entry_at is None:
            first_entry_at = i
    header = [t for t, _, _, _ in candidates[: first_entry_at if first_entry_at is not None else 20]]
    affiliations = _text_affiliations([line for block in header for line in block.splitlines()])
    # a site's cards copied as text (al-folio's title / authors / venue / "ABS BIB PDF" rows)
    from extract.ingestors.stacked_cards import read_lines

    stacked, stacked_owner, left_out = read_lines([strip_markdown(l) if "*" in l or "_" in l else l
                                                   for l in page.visible_lines()], need_chrome=True)
    if len(stacked) >= 3 and _stacked_reads_better(stacked, left_out, entries):
        entries = stacked
    else:
        stacked_owner = None
    person = stacked_owner or (_text_owner(page.visible_text(), entries) if entries else None)
    if person is None and entries:
        person = _group_leader(page.visible_text(), entries)
    if person:
        person = name_behind_nickname(page.visible_text()[:20000], person)
    if person is None and len(_TIME_SLOT_RE.findall(page.visible_text()[:200_000])) >= 5:
        # a programme: "09:00 – 09:45  Keynote …" slots, nobody's page
        return PageParse(kind="not-a-profile", evidence=["a programme of time slots with no owner named"])
    kind = "homepage" if entries else "not-a-profile"
    evidence = [] if entries else ["no publication entries found"]
    return PageParse(kind=kind, person=person, affiliations=affiliations if entries else [], entries=entries, evidence=evidence)
