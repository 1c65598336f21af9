"""RSS 2.0 / Atom (and RSS 1.0) feeds of someone's publications, as CMSs publish them
(WordPress publication plugins, Drupal and university sites, Jekyll/Hugo feeds).
arXiv's API feed is not one of them: `arxiv_atom` reads it, and this reader steps aside for
any feed it claims, and for arXiv's own listing feeds.

Each <item>/<entry> is a candidate. Its <title> is the work's title; its <description> /
<content:encoded> / <summary> / <content> usually holds a formatted citation as (escaped) HTML
("<strong>Family, A.</strong>, Other, B. (2023). Title. <em>Journal</em>, 12(3)."), which is
unescaped, stripped of tags and read with `parse_entry_text` for authors, venue and year (the
<title> stays the title). An item whose description holds no author list is news, not a
record: no names, or names inside prose ("Please welcome Dr. Ana Costa", "Ana Costa and Ben Li
won …") rather than leading the citation or standing apart from the title.
The item's <pubDate>/<updated> is when it was posted: only a fallback year, used when the
citation has none and no status word ("in press", "under review", "forthcoming").

The owner: the channel title ("Publications — Name", "Name: publications", "Name's
publications") when that name is on the records, else the author on every record, else the
author every citation sets in bold.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from itertools import islice
from typing import NamedTuple, Optional

from lxml import etree

from extract.fields.citation import STATUS_RE, parse_entry_text
from extract.fields.ids import find_doi
from extract.fields.names import clean_name, looks_like_name, name_key, owner_name, split_author_list, split_name
from extract.fields.safe_xml import child, child_text, children, local, page_xml, text_of
from extract.fields.sections import PUBLICATION_STATUS
from extract.fields.structured import listing_or_search_results
from extract.fields.text import clean_text, fold
from extract.fields.wrapped import payload
from extract.ingestors import arxiv_atom
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "rss_feed"

_ROOT_RE = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.I)
_BLOCK_TAG_RE = re.compile(r"<\s*/?\s*(?:p|div|br|li|ul|ol|tr|td|th|h[1-6]|blockquote|section|article|dd|dt|dl|hr|table)\b"
                           r"[^<>]*>", re.I)
_TAG_RE = re.compile(r"<[^<>]*>")
_BOLD_RE = re.compile(r"<(strong|b)\b[^<>]*>([^<>]{1,200})</\1\s*>", re.I)
_TAG_START_RE = re.compile(r"</?[A-Za-z]")
_ESCAPED_TAG_RE = re.compile(r"&lt;/?[A-Za-z]")
_HREF_RE = re.compile(r"""\bhref\s*=\s*["']([^"'<>\s]{1,2000})["']""", re.I)
_ABSTRACT_RE = re.compile(r"^abstract\b\s*[:.—–-]?\s*", re.I)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# "Publications of Name", "Name's publications" (the split titles are read by owner_name)
_OWNER_OF_RE = re.compile(r"^(?:(?:selected|recent|all|latest)\s+)?(?:publications|papers)\s+(?:of|by|from)\s+(.+)$", re.I)
_OWNER_POSSESSIVE_RE = re.compile(r"^(.+?)['’]s?\s+(?:(?:selected|recent|latest)\s+)?(?:publications|papers)\b", re.I)
_TITLE_LABEL_RE = re.compile(rf"^(?:new\s+(?:paper|article|publication|preprint|book|chapter)|published|preprint|"
                             rf"{PUBLICATION_STATUS})\s*[:!–—]\s+", re.I)
# the author field of a citation ends at "(2021)", a colon, a quote, or a full stop after a word
_FIRST_FIELD_RE = re.compile(r"[(:\"“]|(?<=[^\W\d_]{2})\.\s")
# a lower-case word right after a name, other than a conjunction or particle: a verb ("Li won")
_PROSE_RE = re.compile(r"[^\W\d_][\w'’.-]*\s+(?!(?:and|et|und|y|e|van|von|de|der|den|del|della|di|da|du|la|le|dos|das|"
                       r"ten|ter|bin|al|el)\b)[a-z]{3,}\b")
_TITLE_SPLIT_RE = re.compile(r"\s*[|·•»:]\s*|\s+[-–—]+\s+")
_MAX_ITEMS = 20_000
_MAX_AUTHORS = 2000
_MAX_MARKUP = 50_000  # of one item's description: a citation is short
_MAX_CITATION = 2_000
_MAX_BLOCKS = 3  # blocks of a description tried as the citation
_MAX_LINKS = 20


def _root(page: Page):
    inner = payload(page)
    if inner.syntax not in ("xml", "html", "text"):
        return None
    head = inner.text[:5000]
    found = _ROOT_RE.search(head)
    if found is None or "<html" in head[: found.start()].lower():
        return None
    root = page_xml(inner).root
    if root is None:
        return None
    name = local(root)
    if name == "rss" and child(root, "channel") is not None:
        return root
    if name == "feed" and (child(root, "entry") is not None or child(root, "title") is not None):
        return root
    if name == "RDF" and child(root, "channel") is not None:  # RSS 1.0
        return root
    return None


def _channel(root):
    return child(root, "channel") if local(root) in ("rss", "RDF") else root


def _items(root):
    if local(root) == "feed":
        return islice(children(root, "entry"), _MAX_ITEMS)
    holder = child(root, "channel") if local(root) == "rss" else root  # RSS 1.0 items sit beside the channel
    return islice(children(holder, "item"), _MAX_ITEMS)


def _is_arxiv(page: Page, root) -> bool:
    if arxiv_atom.detect(page) > 0:
        return True
    channel = _channel(root)
    title = child_text(channel, "title").lower()
    links = " ".join([child_text(channel, "link")] + [link.get("href") or "" for link in children(channel, "link")])
    return "arxiv.org" in title or "arxiv.org" in links.lower() or title.startswith("arxiv query")


def detect(page: Page) -> float:
    if page.syntax not in ("xml", "html", "json", "yaml", "text", "markdown"):
        return 0.0
    root = _root(page)
    if root is None or _is_arxiv(page, root):
        return 0.0
    return 0.9


def _markup(element) -> str:
    """The HTML an element carries: escaped or CDATA text, or (Atom xhtml content) child elements."""
    if element is None:
        return ""
    if len(element):
        parts = [element.text or ""]
        size = len(parts[0])
        for node in element:
            if size > _MAX_MARKUP:
                break
            piece = etree.tostring(node, encoding="unicode", with_tail=True)
            parts.append(piece)
            size += len(piece)
        return "".join(parts)[:_MAX_MARKUP]
    return (element.text or "")[:_MAX_MARKUP]


class _Snippet(NamedTuple):
    blocks: list[str]  # plain-text paragraphs and lines
    links: list[str]
    bold: list[str]  # text set in <strong>/<b>: where CMSs mark the page owner among the authors


def _snippet(markup: str) -> _Snippet:
    """The text, links and bold runs of an HTML snippet."""
    text = markup
    for _ in range(2):  # markup escaped twice ("&amp;lt;strong&amp;gt;") is left escaped once by the parse
        if _ESCAPED_TAG_RE.search(text) and not _TAG_START_RE.search(text):
            text = html.unescape(text)
    links = []
    for m in islice(_HREF_RE.finditer(text), _MAX_LINKS * 2):
        url = html.unescape(m.group(1)).strip()
        if url.startswith(("http://", "https://")) and url not in links:
            links.append(url)
    bold = [clean_text(m.group(2)) for m in islice(_BOLD_RE.finditer(text), _MAX_LINKS)]
    text = _TAG_RE.sub("", _BLOCK_TAG_RE.sub("\n", text))
    blocks = [clean_text(b) for b in text.split("\n")]
    return _Snippet([b for b in blocks if b], links[:_MAX_LINKS], [b for b in bold if b])


def _names(entry: Entry) -> list[str]:
    names = [a.name if isinstance(a, Author) else str(a) for a in entry.authors]
    if entry.authors_text:
        names += split_author_list(entry.authors_text).names
    return [n for n in names if n and n.strip() not in ("…", "...", "et al.", "et al")]


def _reads_as_authors(entry: Entry) -> bool:
    """The citation named people: (nearly) every author part looks like a person's name."""
    names = _names(entry)
    if not names:
        return False
    good = sum(looks_like_name(n) and len(n.split()) <= 5 for n in names)
    return good >= 0.75 * len(names)


def _is_citation(citation: str, title: Optional[str], entry: Entry) -> bool:
    """The people read from the block form a citation's author list, not names in prose: with
    the item's title in the block, the first author is named outside it; without it, the
    block opens with that author ("Vandermeer, I., Holtz, M. (2021) …", "Ilse Vandermeer and
    …"). News names people inside sentences ("Please welcome Dr. Ana Costa …")."""
    names = _names(entry)
    if not names:
        return False
    first = fold(names[0])
    family = fold(split_name(names[0]).family or names[0])
    if not first or not family:
        return False
    text = fold(citation)
    folded_title = fold(title)
    if folded_title and folded_title in text:
        rest = text.replace(folded_title, " ", 1)
        return f" {family} " in f" {rest} "
    words = text.split()[:5]
    while words and words[0].isdigit():  # a list number: "1.", "[3]"
        words.pop(0)
    if not words or words[0] not in (first.split()[0], family.split()[0]):
        return False
    # ...and the names are not a sentence's subject ("Ana Costa and Ben Li won the award …")
    return not _PROSE_RE.search(_FIRST_FIELD_RE.split(citation[:500], 1)[0])


def _item_texts(item) -> list[str]:
    """Markup of the item's description-like elements, fullest citation holders first."""
    out = []
    for name in ("description", "encoded", "summary", "content"):
        for element in islice(children(item, name), 2):
            markup = _markup(element)
            if markup.strip():
                out.append(markup)
    return out


def _item_date(item) -> str:
    for name in ("pubDate", "date", "published", "issued", "updated", "modified"):
        value = child_text(item, name)
        if value:
            return value
    return ""


def _item_links(item) -> list[str]:
    links = []
    for link in islice(children(item, "link"), _MAX_LINKS):
        href = (link.get("href") or text_of(link)).strip()
        rel = (link.get("rel") or "alternate").lower()
        if href.startswith(("http://", "https://")) and rel in ("alternate", "related", "enclosure"):
            links.append(href)
    guid = child(item, "guid")
    if guid is not None and (guid.get("isPermaLink") or "true").lower() == "true":
        href = text_of(guid)
        if href.startswith(("http://", "https://")):
            links.append(href)
    return links


def _entry(item) -> tuple[Optional[Entry], list[str]]:
    """The item's record and the names set in bold in its citation; no record when the
    description holds no citation (news, announcements)."""
    title = " ".join(_snippet(_markup(child(item, "title"))).blocks) or None
    links = _item_links(item)
    for markup in _item_texts(item):
        blocks, hrefs, bold = _snippet(markup)
        abstract = next((_ABSTRACT_RE.sub("", b) for b in blocks if _ABSTRACT_RE.match(b)), None)
        candidates = [b for b in blocks if not _ABSTRACT_RE.match(b)][:_MAX_BLOCKS]
        for block in candidates:
            citation = block[:_MAX_CITATION]
            if len(citation.split()) < 3:
                continue
            entry = parse_entry_text(citation)
            if not _reads_as_authors(entry):
                continue
            if title:
                # "Forthcoming: Title", "New paper: Title": the label is not part of the title
                bare = _TITLE_LABEL_RE.sub("", title)
                if bare != title and fold(bare) in fold(citation):
                    title = bare
            if not _is_citation(citation, title, entry):
                continue  # people named in prose: news, not a citation
            entry.title = title or entry.title
            if entry.authors_text:
                # split here, as finalise_entry would, so the owner test sees every record's people
                split = split_author_list(entry.authors_text)
                entry.authors, entry.authors_text = list(entry.authors) + split.names, None
                if split.truncated:
                    entry.flags.append("authors-truncated")
            entry.authors = entry.authors[:_MAX_AUTHORS]
            entry.abstract = entry.abstract or abstract
            if entry.venue and title and fold(entry.venue) == fold(title):
                entry.venue = None
            if entry.year is not None and not re.search(rf"(?<![\w/.\-]){re.escape(str(entry.year))}(?!\w)", citation):
                entry.year, entry.date = None, None  # digits of an article number ("e2041"), not a year
            status = STATUS_RE.search(citation)
            if entry.year is None and not entry.date and not entry.note:
                if status:
                    entry.note = status.group(0)  # "Forthcoming in Annals of …"
                else:
                    posted = _YEAR_RE.search(_item_date(item))
                    if posted:
                        entry.year = int(posted.group(1))
                        entry.flags.append("date-ambiguous")  # the year the item was posted
            urls = []
            for url in links + entry.urls + hrefs:
                if url not in urls:
                    urls.append(url)
            entry.urls = urls[:_MAX_LINKS]
            entry.doi = entry.doi or find_doi(" ".join(hrefs))
            return entry, [clean_name(b) for b in bold if b in citation]
    return None, []


def _owner_from_title(title: str) -> Optional[str]:
    title = clean_text(title)[:300]
    if not title:
        return None
    candidates = []
    for pattern in (_OWNER_OF_RE, _OWNER_POSSESSIVE_RE):
        m = pattern.match(title)
        if m:
            candidates.append(m.group(1))
    for part in [title] + _TITLE_SPLIT_RE.split(title)[:10]:  # "Publications — Name", "Name: publications"
        m = _OWNER_OF_RE.match(part)
        candidates += [part, m.group(1)] if m else [part]
    for part in candidates:
        name = owner_name(part)
        if name:
            return name
    return None


def _on_records(person: str, entries: list[Entry]) -> bool:
    family = split_name(person).family or person
    key = name_key(family)
    for entry in entries:
        for name in _names(entry):
            if name_key(split_name(name).family or name) == key:
                return True
    return False


def _bold_owner(entries: list[Entry], bolds: list[list[str]]) -> Optional[str]:
    """The author set in bold in every record's citation, when there is one."""
    if len(entries) < 2:
        return None
    common: Optional[set[str]] = None
    shown: Counter[str] = Counter()
    for entry, bold in zip(entries, bolds):
        authors = {name_key(n) for n in _names(entry)}
        keys = {name_key(b) for b in bold} & authors
        common = keys if common is None else common & keys
        if not common:
            return None
        shown.update(b for b in bold if name_key(b) in keys)
    if not common or len(common) != 1:
        return None
    key = next(iter(common))
    return max((n for n in shown if name_key(n) == key), key=lambda n: (shown[n], len(n)))


def parse(page: Page) -> PageParse:
    root = _root(page)
    if root is None:
        return PageParse(kind="not-a-profile", evidence=["no RSS or Atom feed could be read"])
    channel = _channel(root)
    feed_title = child_text(channel, "title")
    entries, bolds, skipped = [], [], 0
    for item in _items(root):
        entry, bold = _entry(item)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
            bolds.append(bold)
    kind_name = "Atom" if local(root) == "feed" else "RSS"
    evidence = [f"{kind_name} feed '{feed_title[:80]}': {len(entries)} publication items"]
    if skipped:
        evidence.append(f"{skipped} items without a citation (news, announcements) left out")
    owner = _owner_from_title(feed_title)
    if owner and (not entries or _on_records(owner, entries)):
        return PageParse(kind="listing", person=owner, entries=entries,
                         evidence=evidence + [f"the feed title names '{owner}'"])
    if not entries:
        return PageParse(kind="not-a-profile", evidence=evidence + ["no item is a publication"])
    parsed = listing_or_search_results(entries, evidence, "item")
    if parsed.person is None:
        bold = _bold_owner(entries, bolds)
        if bold:
            return PageParse(kind="listing", person=bold, entries=entries,
                             evidence=evidence + [f"every item sets '{bold}' in bold"])
    return parsed
