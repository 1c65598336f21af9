"""Hand-written HTML homepages: one publication per `<li>` / `<p>` / `<dd>` / `<tr>`, in many styles.

The markup says more than the flattened text, so an entry node is read in this order:
1. a leading venue tag in brackets ('[PPoPP'19]', '[Doctoral Dissertation]'): venue acronym and
   two-digit year ('19 -> 2019), or a note;
2. lines split at `<br>`: 'Title / Authors / Venue, year' layouts (jemdoc-like) are read line-wise;
3. otherwise the title is found in the markup: quoted text ("<i>Title</i>" or “Title”), then a
   long <i>/<em>, <a>, <b>/<strong> span that is neither a name list nor a venue; authors are
   the text before it, the venue the text after it (parenthesised remarks become notes);
4. anything else goes to the free-text parser `parse_entry_text`.

The owner is the name in <b>/<strong> across most entries (how people mark themselves), else the
page's name heading; affiliations come from the header block (class/id 'institution',
'affiliation', …) before the bio prose.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from extract.fields.citation import VENUE_WORD_RE, STATUS_RE, authors_score, split_sentences, title_quote
from extract.fields.dates import YEAR_RE, find_year
from extract.fields.html import node_text
from extract.fields.names import CJK_RE as _CJK_RE, clean_name, looks_like_name, owner_in_line, split_author_list
from extract.fields.text import clean_text, fold
from extract.fields.venues import CHICAGO_VOLUME_TAIL_RE
from extract.ingestors.base import Entry, is_mark_not_venue

_TAG_RE = re.compile(r"^\s*[\[(]\s*([^\[\]()]{2,40}?)\s*[\])]\s*")
_TAG_YEAR_RE = re.compile(r"(?:['’‘`]|\b)(\d{2})\s*$|((?:19|20)\d{2})\s*$")
_NUMBERING_RE = re.compile(r"^\s*(?:\[\s*[A-Z]?\d{1,4}\s*\]|\(?[A-Z]?\d{1,4}[.)])\s+")
_QUOTED_RE = re.compile(r"[\"“”„«]\s*([^\"“”„«»]{8,400}?)\s*[,.]?\s*[\"“”»]")
_VENUE_START_RE = re.compile(
    r"^(?:in\s|proc\.|proceedings|journal|transactions|conference|symposium|workshop|arxiv|preprint|"
    r"ieee|acm|springer|elsevier|advances in|international|annual|letters|review|magazine)", re.I)
_LINK_WORDS_RE = re.compile(r"\[\s*(?:pdf|paper|code|codes|slides|video|poster|bib|bibtex|arxiv|project|website|html|abstract|"
                            r"doi|link|talk|blog|preprint|supp|supplementary|data|dataset|github|demo)[^\]]{0,20}\]", re.I)
# a line made only of an entry's buttons ("Cite", "PDF Code Slides", "[arXiv] | [BibTeX]")
_BUTTON_WORD = (r"(?i:pdf|code|cite|bibtex|bib|abstract|abs|arxiv|slides|video|poster|project(?: page)?|website|doi|html|"
                r"talk|data|dataset|demo|blog|github|openreview|paper|supp|supplementary|preprint|url|link|press|media)")
# (one bare word that may be a venue, "arXiv", "Preprint", "Poster", is a button only in brackets or beside others)
_PLAIN_BUTTON_WORD = (r"(?i:pdf|code|cite|bibtex|bib|abstract|abs|slides|video|project(?: page)?|website|doi|html|"
                      r"demo|blog|github|openreview|supp|supplementary|url|link)")
# ("arXiv preprint" is a venue; "PDF Code Slides" a row of buttons)
BUTTON_ROW_RE = re.compile(
    rf"(?:[\[(]{_BUTTON_WORD}[\])][\s|·/,]*)+"
    rf"|(?:{_BUTTON_WORD}[\s|·/,]+){{0,12}}{_PLAIN_BUTTON_WORD}(?:[\s|·/,]+{_BUTTON_WORD}){{0,12}}[\s|·/,]*")
_TRAILING_BUTTONS_RE = re.compile(r"(?:[.,;|]\s+|^)" + BUTTON_ROW_RE.pattern + r"$")  # not "… Management of Data"
_NOTE_PAREN_RE = re.compile(r"\(([^()]*\s[^()]*)\)")
_ROLE_WORDS_RE = re.compile(r"^(?:ph\.?\s?d\.?|m\.?\s?sc?\.?|b\.?\s?sc?\.?|postdoc|student|professor|prof\.|dr\.?|"
                            r"research(?:er| scientist)|scientist|engineer|lecturer|candidate|intern|fellow)\b", re.I)
_HEADER_CLASS_RE = re.compile(r"institution|affiliation|organi[sz]ation|employer|position|company|dept|department", re.I)


def two_digit_year(text: str) -> Optional[int]:
    m = _TAG_YEAR_RE.search(text)
    if not m:
        return None
    if m.group(2):
        return int(m.group(2))
    yy = int(m.group(1))
    return 1900 + yy if yy >= 70 else 2000 + yy


def venue_tag(text: str) -> tuple[Optional[str], Optional[int], str]:
    """A leading '[PPoPP'19]' / '(ICML 2020)' tag: (label, year, rest of text)."""
    m = _TAG_RE.match(text)
    if not m or len(re.findall(r"[A-Za-z]", m.group(1))) < 2:
        return None, None, text
    label = m.group(1).strip()
    if re.match(r"(?i)(?:joint(?:ly)?\s+)?with\s", label):
        return None, None, text  # "(with J. Lefèvre and M. de Vries) Title, …": the co-authors
    if _LINK_WORDS_RE.fullmatch(f"[{label}]"):
        return None, None, text
    year = two_digit_year(label)
    if year:
        label = _TAG_YEAR_RE.sub("", label).strip(" '’,")
    return label, year, text[m.end():]


def br_lines(node) -> list[str]:
    """The node's visible text split at <br> and at nested block elements."""
    from extract.fields.html import name_mark_sup

    lines, current = [], []
    for item in node.descendants:
        name = getattr(item, "name", None)
        if name == "br" or name in ("div", "p") and item is not node:
            lines.append("".join(current))
            current = []
        elif name is None and type(item).__name__ == "NavigableString":
            if item.parent is not None and item.parent.name in ("script", "style"):
                continue
            if item.parent is not None and item.parent.name == "sup" and name_mark_sup(item.parent):
                continue  # "Holm<sup>s</sup>": a mark after a name
            current.append(str(item))
    lines.append("".join(current))
    return [re.sub(r"\s+", " ", l).strip() for l in lines if l.strip()]


_PRONOUNS_RE = re.compile(r"\b(?:he|she|i|we|they|his|her|my|our|their|is|was|works?|received)\b", re.I)


def is_person_name(text: str) -> bool:
    """Stricter than looks_like_name: every word capitalised (or an initial / particle)."""
    from extract.fields.names import PARTICLES

    if not looks_like_name(text) or len(text.split()) > 5:
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in text.replace(".", ". ").split())


def _is_org(text: str) -> bool:
    from extract.lexicon import ORG_CUE_WORDS, ORGANISATIONS

    words = set(re.findall(r"[\w]+", text))
    return text in ORGANISATIONS or bool(words & set(ORG_CUE_WORDS))


def _is_prose(text: str) -> bool:
    """Bio sentences ('She received her Ph.D. …'), not a citation."""
    return len(_PRONOUNS_RE.findall(text)) >= 3


def _is_venue_like(text: str) -> bool:
    return bool(_VENUE_START_RE.match(text.strip()))


def _title_candidates(node, text: str) -> list[str]:
    """Spans the markup sets apart that could be the title, in priority order."""
    out = []
    quoted = title_quote(text, _QUOTED_RE)
    # a quoted phrase that only heads the title ("“I just needed …”: Patient narratives …",
    # "“Blue carbon” accounting in …") is not the title on its own
    runs_on = (bool(quoted) and not quoted.group(1).rstrip().endswith((",", ".", ";"))
               and re.match(r"\s*:\s+\S|\s+(?!in\b|pp\b|vol\b|and\b)[a-z]", text[quoted.end():]) is not None)
    if quoted and not runs_on and len(quoted.group(1).split()) >= 2 and not is_person_name(quoted.group(1)):
        out.append(quoted.group(1))
    groups: dict[str, list] = {"i": [], "a": [], "b": [], "span": []}
    group_of = {"i": "i", "em": "i", "cite": "i", "a": "a", "b": "b", "strong": "b", "span": "span"}
    for child in node.descendants:  # one walk; bs4's find_all per tag name is slow on big pages
        group = group_of.get(getattr(child, "name", None) or "")
        if group:
            groups[group].append(child)
    for group in ("i", "a", "b", "span"):
        for child in groups[group]:
            candidate = clean_text(node_text(child)).strip(" .,:;\"“”")
            if len(candidate.split()) < 3 or len(candidate) > 400 or candidate in out:
                continue
            is_list = ("," in candidate or " and " in candidate) and authors_score(candidate) >= 0.6
            if is_list and re.match(r"\s*[,(]?\s*(?:joint(?:ly)?\s+)?with\s+[A-ZÀ-Þ]", text[text.find(candidate) + len(candidate):]):
                # "<b>Local Lenders, Soft Information, and Loan Pricing</b> (with Giulia De Luca)":
                # a co-author note follows a title, not a list of names
                is_list = False
            if is_person_name(candidate) or is_list or _is_venue_like(candidate) or _is_org(candidate):
                continue
            if _LINK_WORDS_RE.fullmatch(f"[{candidate}]") or candidate.lower().startswith(("http", "www.")):
                continue
            if group == "span" and (len(candidate) > 0.6 * len(text) or re.match(r"(?:&|and\s|et al)", candidate)
                                    # Google Docs/Sites wrap every run of text in a span: one holding
                                    # the date in brackets ("Okoro B, Park J (2023) Title") is a run,
                                    # not a title set apart
                                    or re.search(r"\((?:19|20)\d{2}[a-z]?\)", candidate) or not candidate[:1].isalnum()):
                continue  # a formatting wrapper (Word's <span lang=…>) around most of the entry
            at = text.find(candidate)
            if group == "i" and at > 0 and _CONTAINER_MARK_RE.search(text[:at]):
                continue  # "…, in <em>Archeologia Classica</em> 68": the container, not the title
            out.append(candidate)
    return out


def _title_from_model(text: str, venue: str, entry: Entry) -> None:
    try:
        from extract.entry_parser import available, parse_entry
    except ImportError:
        return
    if not available():
        return
    model = parse_entry(clean_text(text))
    if model is None or not model.title or not model.authors:
        return
    title = model.title.rstrip(" .,:;")
    if title.endswith(venue) and len(title[: -len(venue)].rstrip(" .,:;").split()) >= 2:
        entry.title = title[: -len(venue)].rstrip(" .,:;")
        entry.authors, entry.authors_text = list(model.authors), None
        entry.venue = venue


def _split_marked_venue_off_title(node, entry: Entry) -> None:
    """The markup says where a title ends: a title read from free text that runs into the
    italic venue ("Ocean Current Downscaling via Diffusion Models. *Workshop on Climate
    Imagination*") is cut there, and the italic text becomes the venue."""
    if not entry.title or not hasattr(node, "find_all"):
        return
    for marked in node.find_all(["i", "em", "cite"], limit=5):
        venue = clean_text(node_text(marked)).strip(" .,:;")
        if len(venue) >= 4 and entry.title.rstrip(" .") == venue and entry.authors_text:
            # the rules took the marked venue for the title: the trained parser reads the
            # whole entry, and the markup cuts its title where the venue starts
            _title_from_model(node_text(node), venue, entry)
            return
        if len(venue) < 4 or len(venue) >= len(entry.title):
            continue
        title = entry.title.rstrip(" .,:;")
        if entry.venue and venue not in entry.venue and entry.venue not in venue and len(venue.split()) <= 2:
            # "… in Red Sea <em>Pocillopora</em>. <em>The ISME Journal</em>": a taxon set in
            # italics ends the title, the venue being read elsewhere
            continue
        if title.endswith(venue):
            head = title[: -len(venue)].rstrip(" .,:;")
            if len(head.split()) >= 2:
                entry.title = head
                entry.venue = entry.venue or venue
                return


_THESIS_KIND_HEAD_RE = re.compile(
    r"^(?:Ph\.?\s?D\.?|Doctoral|Master'?s?|M\.?\s?Sc\.?|M\.?\s?S\.?|B\.?\s?Sc\.?|Bachelor'?s?|Diploma|Habilitation)\s+"
    r"(?:thesis|dissertation)\s*[,:]\s*(?=[A-ZÀ-Þ])", re.I)
_PRESENTATION_MARK_RE = re.compile(r"\s*\(((?i:spotlight|oral|poster|contributed talk|best (?:student )?paper(?: award)?"
                                   r"|outstanding paper(?: award)?|highlight|long paper|short paper)(?:\s+\w+)?)\)$")
_LOWER_SUBTITLE_RE = re.compile(r"\s?:\s+([a-zà-ÿ][^.:;]{2,200}?)(?=\.(?:\s|$))")
_STATUS_AT_RE = re.compile(
    r"^((?i:revise (?:and|&) resubmit|r\s?&\s?r|reject (?:and|&) resubmit|under review|submitted|conditionally accepted|"
    r"accepted|forthcoming|to appear))\s+(?:at|to|in|with)\s+(?:the\s+)?([A-Z].{2,150})$")
_FIRST_PERSON_RE = re.compile(r"(?i)^(?:I am|I'm|I’m|We are|We're|We’re|I will|I was|I have|We have)\b")
# APA's descriptor of a data set or software ("[Dataset] Dissolved oxygen …", "Title [Data set]. Repository"),
# not a link row's "[Data] [Code]"
_NOT_PUBLICATION_MARK_RE = re.compile(r"\[(?i:data ?set|computer software|software|computer program)\](?=\s+[A-Z][a-z]|\.)")
_LATER_VERSION_RE = re.compile(r"(?i)\s*[;,]\s*(?:(?:the\s+)?(?:journal|extended|full|long|final|preliminary|conference)\s+version"
                               r"|also\s+(?:in|appeared in)|invited to)\b.*$")
_STATUS_WORD_RE = re.compile(r"(?i)\b(?:under review|submitted|in press|forthcoming|to appear|in preparation|accepted|"
                             r"under submission|working paper|preprint|manuscript)\b")
_REVIEW_OF_RE = re.compile(r"(?:A\s)?(?:Review|Rezension|Compte rendu|Reseña|Recensione) (?:of|von|de|di)", re.I)
# "Ibarrondo, Lucía. Review of <i>Book</i>": the reviewer's name, then the review's head
_NAMED_REVIEW_OF_RE = re.compile(r"(?P<names>.{2,200}?)[.:]\s+(?P<head>" + _REVIEW_OF_RE.pattern + r")", re.I)


def _review_head(before: str) -> Optional[tuple[str, str]]:
    """(reviewer names or "", "Review of") when the text before an italic title opens a review."""
    if _REVIEW_OF_RE.fullmatch(before):
        return "", before
    named = _NAMED_REVIEW_OF_RE.fullmatch(before)
    if named and authors_score(named.group("names")) >= 0.6:
        return named.group("names"), named.group("head")
    return None


def _title_from_markup(node, text: str) -> Optional[str]:
    """The candidate preceded only by authors (or nothing): an italic venue after the title, or
    a linked venue, loses against the real title that comes first."""
    candidates = [c for c in _title_candidates(node, text) if text.find(c) >= 0]
    for candidate in sorted(candidates, key=lambda c: text.find(c)):
        before = text[: text.find(candidate)].strip(" ,.:;\"“”")
        if re.search(r"\((?:1[6-9]|20)\d{2}[a-z]?(?:,\s*[A-Z][a-z]+)?\)\.\s+\S.{8,}", before):
            return None  # APA: "Names (2023). Title. *Journal*": the title came before the italics
        if _review_head(before):
            return candidate  # "Review of <i>Book</i>": the review's title ends in the book's
        # only names before it: a long "name" ("I. Ocean Current Downscaling via ...") is the
        # real title running on, and the candidate is the venue after it
        if not before or (authors_score(before) >= 0.6
                          and all(len(n.split()) <= 5 for n in split_author_list(before).names)):
            if before and text[: text.find(candidate)].rstrip().endswith(","):
                # "<b>Raghunathan P</b>, <u>Chen L</u>, Tanaka H. Layer-specific dynamics …": the
                # unmarked last names open the plain span the title stands in
                names_head = _VANCOUVER_NAMES_HEAD_RE.match(candidate)
                if names_head and len(candidate[names_head.end():].split()) >= 3:
                    candidate = candidate[names_head.end():]
            # "… cortex. In: Lindahl E, Moreau C (eds)" + "<i>Book</i>": the chapter's container opens
            container = re.search(r"\.\s+In:?\s+[A-ZÀ-Þ]", candidate)
            if container and len(candidate[: container.start()].split()) >= 3:
                candidate = candidate[: container.start()]
            return candidate
    return None  # no span stands where a title stands: leave the entry to the free-text parser


_VANCOUVER_NAME = r"[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?\s[A-Z]{1,3}"
_VANCOUVER_NAMES_HEAD_RE = re.compile(rf"(?:{_VANCOUVER_NAME}[*†]?,\s)*{_VANCOUVER_NAME}[*†]?\.\s+(?=[A-ZÀ-Þ0-9])")


def free_text_entry(text: str) -> Entry:
    """parse_entry_text, falling back to the rules alone if the trained parser is unavailable
    (a missing or broken model must not fail the page)."""
    from extract.fields.citation import parse_citation, parse_entry_text

    try:
        return parse_entry_text(text)
    except Exception:  # noqa: BLE001 - the model is optional at run time
        return parse_citation(text)


def _venue_and_notes(text: str) -> tuple[Optional[str], list[str]]:
    text = _LINK_WORDS_RE.sub(" ", text)
    # Chicago's "Speculum 97, no. 3 (2022): 701–33": the journal before its volume (venues.py);
    # a chapter's book before "edited by"; a book's publisher after its place ("Oxford: Oxford
    # University Press, 2021")
    text = CHICAGO_VOLUME_TAIL_RE.sub("", text)
    text = re.sub(r",\s+(?:edited by|(?:ed|eds|trans)\.(?:\s+by)?|translated by)\s.*$", "", text)
    # a book's imprint in brackets: "(New Haven: Yale University Press, 2021)"
    text = re.sub(r"^\(([^():]{2,40}:\s[^()]{2,100})\)[.,]?$", r"\1", text.strip())
    placed = re.fullmatch(r"[A-Z][\w .'’-]{1,30}:\s*([A-Z][^:()]{1,60}?)(,\s*(?:1[5-9]|20)\d{2})?[.\s]*", text.strip())
    # (a place, then a publisher: "Robotics: Science and Systems" is a conference's own name)
    if placed and (placed.group(2) or re.search(r"\b(?:Press|Verlag|Publish\w*|Books|[ÉE]ditions?|Editora|Editores|Edizioni)\b",
                                                placed.group(1))):
        text = placed.group(1)
    notes = [m.group(1).strip(" *") for m in _NOTE_PAREN_RE.finditer(text) if not YEAR_RE.fullmatch(m.group(1).strip())]
    text = _NOTE_PAREN_RE.sub(lambda m: "" if not YEAR_RE.fullmatch(m.group(1).strip()) else m.group(0), text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:-–")
    marked = re.search(r"\s[—–|]\s([^—–|]{2,60})$", text)
    if marked and is_mark_not_venue(marked.group(1).strip(" *")):
        # "IROS 2020 — Best Student Paper finalist", "CoRL 2022 — oral presentation"
        notes.append(marked.group(1).strip(" *"))
        text = text[: marked.start()].strip(" ,.;:-–")
    # a trailing date ('May, 2018', '2019') is not part of the venue
    text = re.sub(r"[,.\s]*(?:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                  r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*)?\(?(?:19|20)\d{2}\)?\s*$",
                  "", text, flags=re.I).strip(" ,.;:")
    return (text or None), notes


_ENGLISH_TITLE_CLASS_RE = re.compile(r"(?:^|[-_])(?:title[-_]?en|en[-_]?title|english[-_]?title|title[-_]?english)(?:$|[-_])", re.I)
_PUBLISHED_IN_RE = re.compile(r"^(?:published in|journal(?:-ref)?|publié dans|veröffentlicht in)\s*:\s*", re.I)
_EPRINT_LINE_RE = re.compile(r"^(?:e-?print|arxiv|doi)\s*:\s*\S+(?:\s*\[[\w.-]+\])?$", re.I)


FIELD_CLASS_RES = {  # class names templates give an entry's parts ("pub-title", "authors", "journal")
    # (and the same parts named in Italian, Spanish, Portuguese, French and German templates)
    # ("tit", "ttl": the short names Korean and Japanese CMS templates give it)
    "title": re.compile(r"(?:^|[-_])(?:title|paper-?title|pubtitle|titolo|t[íi]tulo|titre|titel|tit|ttl)(?:$|[-_])", re.I),
    "authors": re.compile(r"(?:^|(?<!more)(?<!hidden)[-_])(?:authors?|author-?list|creators?|autori|autores|auteurs|autoren)(?:$|[-_])", re.I),
    "venue": re.compile(r"(?:^|[-_])(?:venue|journal|booktitle|conference|container|publisher|publication|periodical|source|src|"
                        r"citation|pub-?info|bib-?info|publication-?info|journal-?ref|rivista|revista|revue|zeitschrift|"
                        r"editore|editora|editeur|[ée]diteur|verlag|periodico|peri[óo]dico|school|institution|university|ref|bibref)(?:$|[-_])", re.I),
    "year": re.compile(r"(?:^|[-_])(?:year|date|pubdate|anno|a[ñn]o|ann[ée]e|jahr|data)(?:$|[-_])", re.I),
    "abstract": re.compile(r"(?:^|[-_])(?:abstract|summary)(?:$|[-_])", re.I),
}


def _VENUE_OR_DATE_CLASS(value) -> bool:
    """A class naming a venue or a date part (for telling a wrapper from an author list)."""
    return bool(value) and any(FIELD_CLASS_RES[f].search(c) for c in (value.split() if isinstance(value, str) else value)
                               for f in ("venue", "year"))


# contact lines are no titles: "dkr [at] cs.example.ac.uk", "jane@x.org", "Tel. +44 …"
CONTACT_RE = re.compile(r"[^\s@\[({]{1,64}\s?(?:@|\[at\]|\(at\)|\{at\})\s?[^\s@]{1,255}\.\w{2,}|^(?:e-?mail|tel|phone|fax|office|room)\b",
                        re.I)


def looks_like_contact(text: str) -> bool:
    """An e-mail address or a contact label; the substring gate keeps long titles cheap."""
    lowered = text[:200].lower()
    if "@" not in text and "at]" not in text and "(at)" not in text and "{at}" not in text \
            and not lowered.startswith(("e-mail", "email", "tel", "phone", "fax", "office", "room")):
        return False
    return CONTACT_RE.search(text) is not None


def _venue_from_tail_element(node, tail: str) -> Optional[str]:
    """The venue inside a reference's tail text: its italic part when there is one, else the
    text before pages/volume/date ("In Proceedings of X, pages 1–9, April 2023")."""
    year_pattern = FIELD_CLASS_RES["year"]
    for element in node.find_all(class_=True, limit=60):
        if any(year_pattern.search(c) for c in element.get("class") or []):
            italic = element.find(["i", "em", "cite"])
            if italic is not None:
                text = clean_text(node_text(italic)).strip(" ,.;:")
                if len(text) >= 3:
                    return text
            break
    text = re.sub(r"^\s*in\s*:?\s+", "", tail, flags=re.I)
    text = re.split(r",\s*(?:pages|pp\.|vol\.|volume|no\.)\s|[,.]\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d{2}",
                    text, maxsplit=1, flags=re.I)[0]
    return text.strip(" ,.;:") or None


_BLOCK_TAGS = frozenset(("div", "p", "li", "ul", "ol", "dl", "dt", "dd", "br", "h1", "h2", "h3", "h4", "h5", "h6",
                         "table", "tr", "td", "section", "article", "header", "footer", "figure", "blockquote"))
_NO_TEXT_TAGS = frozenset(("script", "style", "noscript", "template", "button", "svg"))


def _unnamed_stretches_after(node, title, named: set[int], limit: int = 12) -> list[tuple[str, object]]:
    """The text after `title` inside `node`, cut at block boundaries and at class-named parts
    (whose text is skipped): [(text, the block holding it)], link rows ("[PDF] [Code]") left out."""
    from bs4 import NavigableString, Tag

    stretches: list[tuple[str, object]] = []
    current: list[str] = []
    block = node

    def close():
        text = clean_text(" ".join(current)).strip(" ,;|·•")
        current.clear()
        if text and re.sub(r"\[[^\]]{1,20}\]|[\W_]+", "", text):
            stretches.append((text, block))

    seen_title = False
    skip_until = None
    for item in node.descendants:
        if len(stretches) >= limit:
            break
        if skip_until is not None:
            if item is skip_until:
                skip_until = None
            continue
        if isinstance(item, Tag):
            if item is title:
                seen_title = True
                skip_until = _last_descendant(item)
                continue
            if not seen_title:
                continue
            if id(item) in named or item.name in _NO_TEXT_TAGS:
                close()
                skip_until = _last_descendant(item)
                continue
            if item.name in _BLOCK_TAGS:
                close()
                block = item
        elif seen_title and isinstance(item, NavigableString) and type(item) is NavigableString:
            current.append(str(item))
    close()
    return stretches


def _last_descendant(tag):
    last = tag
    while getattr(last, "contents", None):
        last = last.contents[-1]
    return last


_CONTAINER_MARK_RE = re.compile(r"(?:^|[\s,.;])(?:in|In|en|En|em|dans|In:|in:|W:)\s*$")
_LINK_ROW_TEXT_RE = re.compile(r"(?:\[?(?:PDF|DOI|Code|Slides|Video|Poster|BibTeX|Bib|arXiv|HTML|Project|Link|J-GLOBAL|"
                               r"Abstract|Abs|Cite|Website|Data)\]?[\s|·,]*)+", re.I)
# a type or status label set inside the title's element: teachPress's "<span class=tp_pub_type>Journal
# Article</span> <span class=tp_pub_label_status>Forthcoming</span>"
_LABEL_CLASS_RE = re.compile(r"(?:^|[-_])(?:type|status|label|badge|pill|chip|tag)(?:$|[-_])", re.I)


def _title_without_labels(element, value: str) -> str:
    labels = [d for d in element.find_all(class_=_LABEL_CLASS_RE, limit=6)]
    for label in reversed(labels):
        text = clean_text(node_text(label)).strip()
        if text and value.endswith(text) and len(value) > len(text) + 10:
            value = value[: -len(text)].rstrip(" ,.;")
    return value


_SUBTITLE_CLASS_RE = re.compile(r"(?:^|[-_])subtitle(?:$|[-_])", re.I)
_BADGE_CLASS_RE = re.compile(r"(?:^|[-_])(?:badge|pill|chip|venue-?tag)(?:$|[-_])", re.I)
_VOLUME_ISSUE_ON_RE = re.compile(r"\s+\d{1,4}\s?\(\d{1,4}\)|\s+\d{1,5}\s?[-–]\s?\d{1,5}(?!\d)|\s+(?:19|20)\d\d年")


def _only_link_text(block) -> bool:
    """A block whose words are all inside links: a row of links ("Paper · Project · Code")."""
    from bs4 import NavigableString

    if not hasattr(block, "descendants"):
        return False
    return not any(isinstance(t, NavigableString) and re.search(r"\w", str(t)) and t.find_parent("a") is None
                   for t in block.descendants)


# names, then the date in brackets, then the rest: "Tran, P.*, & Morland, K. (2024). Venue, 27(3)"
_NAMES_THEN_DATE_RE = re.compile(
    r"^(.{3,600}?)\s*\(((?:19|20)\d{2}[a-z]?|in press|under review|submitted|forthcoming|n\.\s?d\.)\)[.,:]?\s*(.*)$", re.I | re.S)


def _entry_from_field_classes(node, links: list[str], title_element=None) -> Optional[Entry]:
    """An entry whose parts sit in elements named by class (<span class="authors">): read each
    part from its element. Needs a title and an author list among them. title_element: the
    record's heading when no class names its title (a card whose <h2> is the title)."""
    if not hasattr(node, "find_all"):
        return None
    parts: dict[str, str] = {}
    elements: dict[str, object] = {}
    if title_element is None and getattr(node, "name", None) == "details":
        # Hugo's "<details><summary>Title</summary><p class=authors>…": the summary is the title
        summary = node.find("summary", recursive=False)
        if summary is not None and node.find(class_=FIELD_CLASS_RES["title"]) is None:
            title_element = summary
    if title_element is not None:
        heading = clean_text(node_text(title_element)).strip(" ,.;")
        if heading:
            parts["title"], elements["title"] = heading, title_element
    for child in node.find_all(class_=True, limit=60):
        classes = child.get("class") or []
        for field, pattern in FIELD_CLASS_RES.items():
            if (field == "venue" and field in parts and any(pattern.search(c) for c in classes)
                    and _PUBLISHED_IN_RE.match(clean_text(node_text(child))) and not _PUBLISHED_IN_RE.match(parts["venue"])):
                # several "pub-info" lines (e-Print, DOI, Published in): the journal's wins
                parts["venue"], elements["venue"] = clean_text(node_text(child)).strip(" ,.;"), child
                break
            if field not in parts and any(pattern.search(c) for c in classes):
                if any(parent is elements.get("title") for parent in child.parents):
                    break  # a part inside the title element is the title's
                if field == "authors" and child.find(class_=_VENUE_OR_DATE_CLASS) is not None:
                    break  # "cl-paper-row__authors-and-venue": a wrapper; the authors' own element is inside
                # an author list keeps its last initial's period ("… and Park, S.")
                value = clean_text(node_text(child)).strip(" ,;" if field == "authors" else " ,.;")
                if field == "title":
                    value = _title_without_labels(child, value)
                if (field == "authors" and child.parent is not None and child.parent is not node
                        and any(re.search(r"highlight|(?:^|[-_])(?:me|self|owner)(?:$|[-_])", c, re.I) for c in classes)
                        and len(split_author_list(value).names) == 1):
                    # Wowchemy's card: only the owner's name is classed ("<span class=author-highlighted>"),
                    # the list is its parent ("<div><span …>Ines Marchetti</span>, <span>Andrea Gallo</span></div>")
                    whole = clean_text(node_text(child.parent)).strip(" ,;")
                    if whole != value and value in whole and len(whole) <= 600 and authors_score(whole) >= 0.8 \
                            and len(split_author_list(whole).names) > len(split_author_list(value).names):
                        value = whole
                if field == "authors":
                    # affiliations after each name: "Sofía Kerimova (IFTA, Almansa), Giacomo …"
                    value = re.sub(r"\s*\([^()]{1,80}\)", "", value).strip(" ,;")
                if value and (field != "abstract" or len(value.split()) >= 8):  # an "Abs" button is no abstract
                    parts[field] = value
                    elements[field] = child
                break
    # a bilingual record (researchmap): the English title has its own element, and names and
    # journal come as "森下 結衣 / Yui Morishita"; the Latin-script side is the one kept
    english = next((c for c in node.find_all(class_=_ENGLISH_TITLE_CLASS_RE, limit=5)), None)
    if english is not None and parts.get("title") and _CJK_RE.search(parts["title"]):
        text = clean_text(node_text(english)).strip(" ,.;")
        if text:
            parts["title"], elements["title"] = text, english
    for field in ("authors", "venue"):
        if parts.get(field) and " / " in parts[field] and _CJK_RE.search(parts[field]):
            sides = parts[field].split(" / ")
            latin = max(sides, key=lambda side: len(re.findall(r"[A-Za-zÀ-ɏ]", side)) - 3 * len("".join(_CJK_RE.findall(side))))
            if re.search(r"[A-Za-z]{2}", latin):
                parts[field] = latin.strip()
    if parts.get("title") and not parts.get("authors"):
        # only the title is named (Quarto, Pure): the authors are the first unnamed stretch of
        # text after it, the venue the next one when no element names it
        stretches = _unnamed_stretches_after(node, elements["title"], set(map(id, elements.values())))
        from extract.ingestors.stacked_cards import _pure_line

        pure = _pure_line(stretches[0][0]) if stretches else None
        if pure and "authors" not in parts:
            # Pure's one line under the title: "Halvorsen, M., Okafor, B. C. & Lindqvist, J., 12 Mar 2024,
            # In: Journal of Fish Physiology and Ecology. 33, 4, p. 512-527"
            names_text, pure_year, rest = pure
            parts["authors"] = names_text
            if pure_year:
                parts.setdefault("year", str(pure_year))
            source = re.match(r"(?:In:\s*)?([^.]{2,150}?)(?:\.\s|\.?$)", rest)
            if source and "venue" not in parts:
                parts["venue"] = source.group(1).strip(" ,")
            stretches = []
        # one line may hold several fields set apart: "A. One, B. Two · OOPSLA 2023"
        pieces = [(part, block, line) for line, (text, block) in enumerate(stretches)
                  for part in re.split(r"\s+[·|•—–]\s+", text) if part.strip()]
        stretches = [(part, block) for part, block, _ in pieces]
        # on a line with a real list of names, a lone acronym ("ICLR") is not the authors
        listed_lines = {line for part, _, line in pieces if "," in part and authors_score(part) >= 0.6}
        for k, (text, block) in enumerate(stretches):
            if pieces[k][2] in listed_lines and "," not in text:
                continue
            if (k >= 1 and pieces[k - 1][2] == pieces[k][2] and authors_score(text) >= 0.6 and "venue" not in parts
                    and not YEAR_RE.fullmatch(stretches[k - 1][0].strip()) and len(stretches[k - 1][0]) <= 120):
                # PaperMod's footer "2024 · ICLR · A. One, B. Two": the venue stands before the names
                parts["authors"], parts["venue"] = text, stretches[k - 1][0].strip(" ,.;")
                break
            dated = _NAMES_THEN_DATE_RE.match(text)
            if dated and authors_score(dated.group(1)) >= 0.6:
                # APA's reference without its title, the title being the card's heading: "Tran, P.*,
                # Morland, K., & Ellison, G. R. (2024). <em>Developmental Science, 27</em>(3), e13452."
                parts["authors"] = dated.group(1)
                if YEAR_RE.fullmatch(dated.group(2)[:4]):
                    parts.setdefault("year", dated.group(2)[:4])
                if "venue" not in parts and dated.group(3).strip():
                    italic = block.find(["i", "em", "cite"]) if hasattr(block, "find") else None
                    parts["venue"] = clean_text(node_text(italic)) if italic is not None else dated.group(3)
                break
            # the fields as sentences of one stretch, authors last: "(2024). <em>Behav. Ecol.</em>.
            # Castellanos M., Ferreira L." (a full stop after a lone initial ends no sentence)
            sentences = split_sentences(text)
            if len(sentences) >= 2 and authors_score(sentences[0]) < 0.6 and authors_score(sentences[-1]) >= 0.6:
                parts["authors"] = sentences[-1]
                break
            # (a journal and year, "Information Processing Letters, 2019", is no list of names; a
            # badge run into the names, "… Lindqvist Under Review", is cut off)
            text = re.sub(r"\s+(?i:under review|submitted|in press|accepted|forthcoming)$", "", text)
            if authors_score(text) >= 0.6 and not (VENUE_WORD_RE.search(text) and text.count(",") < 2):
                parts["authors"] = text
                if "venue" not in parts and k + 1 < len(stretches):
                    venue_text, venue_block = stretches[k + 1]
                    italic = venue_block.find(["i", "em", "cite"]) if hasattr(venue_block, "find") else None
                    parts["venue"] = clean_text(node_text(italic)) if italic is not None else venue_text
                break
    if (not parts.get("title") and parts.get("authors") and parts.get("venue") and authors_score(parts["authors"]) >= 0.6
            and any(FIELD_CLASS_RES["title"].search(c) and not clean_text(node_text(t)).strip()
                    for t in node.find_all(class_=True, limit=60) for c in (t.get("class") or []))):
        # the title's element is there but empty (lost in the scrape), the authors and venue
        # are not: an entry without its title, kept as such
        parts["title"] = ""
        return Entry(title="", authors_text=parts["authors"], venue=parts["venue"],
                     year=find_year(parts.get("year") or "") or find_year(parts["venue"]),
                     urls=list(links))
    if not parts.get("title") or not parts.get("authors") or authors_score(parts["authors"]) < 0.6:
        return None
    # title and authors named by class, the venue only set in italics: "<em>ICRA</em>, 2024"
    italic_venue = None
    named = [elements[f] for f in ("title", "authors", "venue") if f in elements]
    for italic in node.find_all(["em", "i", "cite"], limit=10):
        if any(italic is e or any(p is e for p in italic.parents) for e in named):
            continue
        text = clean_text(node_text(italic)).strip(" ,.;")
        if len(text) >= 2 and not STATUS_RE.match(text) and not YEAR_RE.fullmatch(text):
            italic_venue = text
        break
    from extract.ingestors.jemdoc import _VOLUME_PAGES_RE

    if not parts.get("venue") and "authors" in elements and italic_venue is None:
        # title and authors named by class, the journal line not ("rm-cv-list-value" on
        # researchmap): the first unnamed line after the authors (badges are read below)
        skipped = set(map(id, elements.values())) | {id(b) for b in node.find_all(class_=_BADGE_CLASS_RE, limit=12)}
        after = _unnamed_stretches_after(node, elements["authors"], skipped, limit=2)
        if (after and 3 <= len(after[0][0]) <= 200 and not _LINK_ROW_TEXT_RE.fullmatch(after[0][0])
                and not STATUS_RE.match(after[0][0]) and not _only_link_text(after[0][1])):
            parts["venue"] = after[0][0]
    if not parts.get("venue") and "title" in elements:
        # Quarto's listing: the venue as the item's "listing-subtitle"
        subtitle = node.find(class_=_SUBTITLE_CLASS_RE)
        text = clean_text(node_text(subtitle)).strip(" ,.;") if subtitle is not None else ""
        if 2 <= len(text) <= 100 and not re.search(r"[.!?]\s+[A-Z]", text) \
                and (VENUE_WORD_RE.search(text) or re.search(r"\b[A-Z][A-Za-z]*[A-Z]", text) or "arXiv" in text):
            parts["venue"] = text
    venue = parts.get("venue")
    if venue:
        # "SODA 2022; journal version in JACM 2024": the first version is the entry's
        venue = _LATER_VERSION_RE.sub("", venue) or venue
    published = _PUBLISHED_IN_RE.match(venue or "")
    if venue and (published or _EPRINT_LINE_RE.match(venue)):
        # "Published in: Phys.Lett.B 851 (2024) 138562": its year is the publication's (the date
        # element may hold the preprint's); "e-Print: 2402.11873 [hep-ph]" names no venue
        year_in = re.search(r"\(((?:19|20)\d{2})\)", venue) if published else None
        venue = venue[published.end():] if published else None
        if year_in:
            parts["year"] = year_in.group(1)
    year = find_year(parts.get("year") or "") or (find_year(venue) if venue else None)
    if year is None and not STATUS_RE.search(node_text(node)):
        # the year as plain text between the named parts: "<span class=authors>…</span> (2024)."
        year = find_year(node_text(node).replace(parts["title"], " "))
    venue_element = elements.get("venue")
    if venue and venue_element is not None and len(venue.split()) > 4:
        # a whole citation line ("<i>Revue X</i>, 2023, 36 (2), pp.145-168"): its italic part
        italic = venue_element.find(["i", "em", "cite"])
        if italic is not None and len(clean_text(node_text(italic))) >= 3 \
                and not is_mark_not_venue(clean_text(node_text(italic)).strip(" ,.;")):  # "CoRL 2022 — <em>oral presentation</em>"
            venue = clean_text(node_text(italic))
    if not venue and len((parts.get("year") or "").split()) >= 4:
        # BibBase's "bibbase_paper_year" holds the whole tail: "In *Proceedings …*, pages 1–9, 2023."
        venue = _venue_from_tail_element(node, parts["year"])
    if venue:
        venue, _ = _venue_and_notes(venue)
        venue = _VOLUME_PAGES_RE.sub("", venue).strip(" ,.;:") if venue else None
        if venue:  # a venue element also holds volume, issue, pages or article number: "Phys. Rev. A 104, 023301"
            # ... and whatever follows them: "Journal 7(2) 113-130 2023年6月 査読有り"
            venue = _VOLUME_ISSUE_ON_RE.split(venue, maxsplit=1)[0]
            venue = re.sub(r"(?:[\s,:;]+[\d()\-–.:]+)+$", "", venue).strip(" ,.;:") or None
    if italic_venue and (not venue or is_mark_not_venue(venue)):  # none named, or only a mark ("Oral")
        venue, _ = _venue_and_notes(italic_venue)
    if not venue:
        # a venue badge on a card: "<span class="badge">CVPR 2024</span> <span class="badge">Oral</span>"
        for badge in node.find_all(class_=_BADGE_CLASS_RE, limit=8):
            if any(badge is e or any(p is e for p in badge.parents) for e in named):
                continue
            text = clean_text(node_text(badge)).strip(" ,.;")
            if 2 <= len(text) <= 80 and not is_mark_not_venue(text) and not STATUS_RE.match(text) \
                    and not YEAR_RE.fullmatch(text) and re.search(r"[A-Za-z]{2}", text) and len(text.split()) <= 8:
                venue, _ = _venue_and_notes(text)
                if venue:
                    break
    abstract = parts.get("abstract")
    return Entry(title=parts["title"].strip("\"“”"), authors_text=parts["authors"], venue=venue or None,
                 year=year, urls=list(links), abstract=abstract)


_DATE_ONLY_RE = re.compile(r"(?i:(?:posted|published|updated)\s+(?:on\s+)?)?(?:\d{1,2}\s+)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d{2})?")
_TITLELESS_REFERENCE_RE = re.compile(r"\b\d{1,4}\s*,\s*[A-Z]?\d{2,7}\s*\((?:1[89]|20)\d{2}\)")


_WITH_LINE_RE = re.compile(r"(?:joint(?:ly)?\s+)?[Ww]ith\s+([A-ZÀ-ÞĀ-ŽȘȚ][^.;]{1,200}?(?:\b[A-Z]\.[^.;]{0,60}?)*)[.;](?:\s+(.*))?$")


def _title_then_with_line(lines: list[str], links: list[str]) -> Optional[Entry]:
    """"Title.<br>With Jonas Holm and Peter Adeniran. Under review. arXiv:2403.01122, 2024.": the
    title alone on its line, the co-authors' sentence opening the next; the owner implicit."""
    from extract.fields.citation import parse_own_entry_text

    noted = _WITH_LINE_RE.match(lines[1])
    if noted is None or not split_author_list(noted.group(1)).names or authors_score(noted.group(1)) < 0.6:
        return None
    title = lines[0].strip().rstrip(".")
    if len(title.split()) < 3:
        return None
    rest = " ".join([noted.group(2) or ""] + lines[2:]).strip()
    entry = parse_own_entry_text(f"{title}. {rest}") if rest else None
    if entry is None or fold(entry.title or "") != fold(title):
        entry = Entry(title=title, year=find_year(rest) if rest else None, flags=["owner-implicit"])
    entry.authors_text = noted.group(1).strip(" .,")
    entry.urls = list(dict.fromkeys(list(links) + entry.urls))
    return entry


def _bold_title_over_apa_names(node, lines: list[str]) -> bool:
    """"<strong>Rhythm, Entrainment, and Social Bonding</strong><br>Barrientos-Hale, L. (2022). In …":
    a bold first line over APA's names and bracketed year is the title, however name-like its words."""
    from extract.ingestors.jemdoc import NAMES_THEN_YEAR_RE

    bold = node.find(["strong", "b"]) if hasattr(node, "find") else None
    names = NAMES_THEN_YEAR_RE.match(lines[1])
    # (a label in bold over the whole reference, "<strong>Citation</strong><br>Names (2024). Title. …", is no title)
    return (bold is not None and names is not None and len(lines[0].split()) >= 3 and not lines[0].rstrip().endswith(":")
            and clean_text(bold.get_text(" ", strip=True)).strip(" .") == lines[0].strip(" .")
            and authors_score(names.group(1)) >= 0.6)


# a press release's dateline: the place in capitals and the day ("NAKURU-MOLO, 19 February 2024",
# "BERLIN, March 3, 2023")
_DATELINE_RE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ .'’/-]{2,40},\s+(?:\d{1,2}\.?\s+[A-Z][a-zé]+\.?,?|[A-Z][a-z]+\.?\s+\d{1,2},?)\s+(?:19|20)\d{2}")


def _names_element_heading(node, after: str) -> Optional[str]:
    from extract.fields.citation import VENUE_WORD_RE

    """The text of an inline element (<i>, <em>, <span>, …) that opens `after` and holds only
    names ("J. Moreau, R. Okonkwo-Baird"), or None."""
    for element in node.find_all(["i", "em", "span", "small", "b", "strong", "font", "u"]):
        names = clean_text(element.get_text(" ")).strip(" ,;:")
        if names.endswith(".") and not re.search(r"\b[A-ZÀ-Þ]\.$", names):
            names = names[:-1]  # (an initial keeps its period: "… & Björklund, M.")
        if len(names) < 4 or after.find(names) not in (0, 1, 2):
            continue
        listed = "," in names or " and " in names or " & " in names
        one = re.fullmatch(r"(?:[A-ZÀ-Þ]\.\s?-?){1,3}\s?[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+)?", names) is not None
        if (listed or one) and authors_score(names) >= 0.6 and not re.search(r"\d", names) and not VENUE_WORD_RE.search(names):
            return names
    return None


def parse_html_entry(node, text: str, links: list[str], dated: bool = False) -> Optional[Entry]:
    """One entry from an HTML list item / paragraph, or None when it does not read like one.
    dated: a year heading above dates the entry, so its text need not hold a year."""
    from extract.ingestors.jemdoc import entry_from_lines

    text = clean_text(text)
    classed = _entry_from_field_classes(node, links)
    if classed is not None:  # parts named by class: the abstract or BibTeX inside may be long prose
        return classed
    if not 20 <= len(text) <= 2000:
        return None
    if _is_prose(text):
        return None
    text = _NUMBERING_RE.sub("", text)
    label, tag_year, rest = venue_tag(text)
    entry: Optional[Entry] = None
    lines = br_lines(node)
    if lines and label and lines[0].startswith(("[", "(")):
        lines[0] = venue_tag(lines[0])[2]
    lines = [l for l in (_LINK_WORDS_RE.sub(" ", l).strip() for l in lines) if l.strip(" []|") and not BUTTON_ROW_RE.fullmatch(l)]
    entry = None
    bold_over_names = len(lines) >= 2 and _bold_title_over_apa_names(node, lines)
    if bold_over_names or (len(lines) >= 2 and authors_score(lines[0]) < 0.6 and any(authors_score(l) >= 0.6 for l in lines[1:3])):
        entry = entry_from_lines(lines, list(links), [])
    if entry is None and len(lines) >= 2 and authors_score(lines[0]) < 0.6:
        entry = _title_then_with_line(lines, links)
    if entry is None:
        title = _title_from_markup(node, rest)
        at = rest.find(title) if title else -1
        if title and at >= 0:
            subtitle = _LOWER_SUBTITLE_RE.match(rest, at + len(title))
            if subtitle:
                # ABNT: "<strong>Fogo no Cerrado</strong>: ciência, manejo e políticas públicas.":
                # the subtitle, in lower case after the bold title, is part of it
                title = rest[at : subtitle.end(1)]
            before = rest[:at].strip(" ,.:;\"“”«»„‘’")
            after = rest[at + len(title):].strip(" ,.:;\"“”«»„‘’")
            # a note on a line of its own under the reference ("<br><small>Winner of the 2022
            # … Prize</small>") is no part of its venue or date
            # "<strong>Title</strong> (joint with Laura Feldmann)<br><em>Venue</em>, 2022": the
            # co-authors, the owner implicit
            # "<a>Title</a> (TACO 2024) with J. Whitaker and M. Okafor [slides]": venue and year in
            # brackets, then the co-authors up to the link row
            bracketed = re.match(r"\(([^()]{2,100})\)[\s,]*(?:joint(?:ly)?\s+)?with\s+([A-ZÀ-Þ][^\[\]()]{1,200}?)\s*(?:\[|\||$)",
                                 after, re.I)
            bracketed_names = bracketed.group(2).strip(" .,") if bracketed else ""
            joint = re.match(r"\(\s*(?:joint(?:ly)?\s+)?(?:with|con|com|avec|mit|met|med|insieme a)\s+([^()]{2,200})\)[\s.,]*", after)
            # (names joined in the CV's language: "con A y B", "avec A et B")
            co_authors = (re.sub(r"\s+(?:y|e|et|und|en|och|og)\s+", " and ", joint.group(1)).strip(" .,")
                          if joint and split_author_list(joint.group(1)).names else None)
            late = None if joint else re.search(r"\s*\(\s*(?:joint(?:ly)?\s+)?(?:with|con|com|avec|mit|met|med)\s+([^()]{2,200})\)", after)
            if late and split_author_list(late.group(1)).names and authors_score(late.group(1)) >= 0.6:
                # "<em>Title</em>. ICASSP 2024. (with Adaeze Okonjo) [pdf]": the co-author note after
                # the venue, the owner implicit
                co_authors = late.group(1).strip(" .,")
                after = (after[: late.start()] + after[late.end() :]).strip()
            if bracketed and re.search(r"\b(?:19|20)\d{2}\b", bracketed.group(1)) and split_author_list(bracketed_names).names \
                    and authors_score(bracketed_names) >= 0.6:
                co_authors, after = bracketed_names, bracketed.group(1)
            elif co_authors and joint:
                after = after[joint.end():]
            elif re.match(r"(?i)(?:joint(?:ly)?\s+)?with\s+[A-ZÀ-Þ]", after):
                # "<a>Title</a>, with Y. Harutyunyan and D. Mukherjee. Under review.": the
                # co-authors' sentence, the owner implicit
                from extract.fields.citation import split_sentences

                sentences = split_sentences(after)
                names = re.sub(r"(?i)^(?:joint(?:ly)?\s+)?with\s+", "", sentences[0]).strip(" .,") if sentences else ""
                if names and split_author_list(names).names and authors_score(names) >= 0.6:
                    co_authors = names
                    after = " ".join(sentences[1:])
            title_line = next((l for l in lines if title in l), None)
            if title_line is not None and title_line is not lines[-1]:
                line_rest = title_line[title_line.find(title) + len(title):].strip(" ,.:;\"“”")
                if co_authors:
                    line_rest = re.sub(r"^\(\s*(?:joint(?:ly)?\s+)?with\s+[^()]{2,200}\)[\s.,]*", "", line_rest)
                if line_rest and after.startswith(line_rest):
                    after = line_rest
            review = _review_head(before)
            if review:
                # "Review of <i>Book</i>, by A. Author. <i>Journal</i> 72 (2021)": the review is
                # the work, its author implicit (or named before it); the reviewed book's author
                # or editors are not its authors
                title = f"{review[1]} {title}"
                before = review[0]
                after = re.sub(r"^,?\s*(?:(?:edited|ed\.|eds\.|translated|trans\.)\s+)?by\s+[^.]{2,80}\.\s*", "", after)
            entry = Entry(title=title, urls=list(links))
            if co_authors:
                entry.authors_text = co_authors
                entry.flags.append("owner-implicit")
            # an edited volume's editors: "Ravensworth, Judith, and Tomasz Wieczorek, eds."
            before = re.sub(r",?\s*\(?(?:eds?|Hrsg|Hg|dir|coord)\.?\)?$", "", before).strip(" ,")
            # a table's year cell before the names ("2024 Castellanos-Whitby, N., Iqbal, S. – “Title”"), and
            # the dash that parts the names from the title
            before = re.sub(r"^\(?(?:19|20)\d{2}[a-z]?\)?\s+(?=[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+,\s)", "", before)
            before = re.sub(r"\s+[–—-]$", "", before).strip(" ,")
            # "Quiñónez, Soledad, and Bríd Halloran. Forthcoming. “Title.”": the status in the date's slot
            status_slot = re.search(r"[.,]\s*\(?((?i:forthcoming|in press|under review|submitted|to appear|accepted))\)?\.?$", before)
            if status_slot and len(before[: status_slot.start()].split()) >= 2:
                before = before[: status_slot.start()].strip(" ,.")
                entry.note = status_slot.group(1).lower()
            if before and authors_score(before) >= 0.6:
                entry.authors_text = before
            elif before and not after:
                after = before
            elif not before and after and not co_authors:
                # title first: 'Title. A. Author, B. Author. Venue, 2019'
                from extract.fields.citation import split_sentences

                from extract.ingestors.jemdoc import NAMES_THEN_YEAR_RE

                apa = NAMES_THEN_YEAR_RE.match(after)
                if apa and authors_score(apa.group(1)) >= 0.6:
                    # "<strong>Title</strong><br>Okonjo, T., & Lindgren, M. (2021). <em>Venue</em>, 31(1)":
                    # the names and the year in brackets, as APA writes them, then the venue
                    entry.authors_text = apa.group(1).strip(" ,")
                    after = f"{apa.group(3)} {apa.group(2)}".strip()
                else:
                    parts = split_sentences(after)
                    marked = _names_element_heading(node, after)
                    if parts and ("," in parts[0] or " and " in parts[0]) and authors_score(parts[0]) >= 0.6 \
                            and (marked is None or len(marked) >= len(parts[0].strip(" ,.;:"))):
                        entry.authors_text = parts[0]
                        after = " ".join(parts[1:])
                    elif marked:
                        # "<a>Title</a> <i>J. Moreau, R. Okonkwo-Baird</i> Renewable Energy 2023": no stop
                        # between the fields, the names' own element parts them from the venue
                        entry.authors_text = marked
                        after = after[after.find(marked) + len(marked):].strip(" ,.;:·|–—")
            after = _LATER_VERSION_RE.sub("", after) or after  # "FOCS 2020; journal version in SICOMP 2022"
            venue, notes = _venue_and_notes(after)
            if venue:
                from extract.ingestors.jemdoc import _VOLUME_PAGES_RE

                venue = _VOLUME_PAGES_RE.sub("", venue).strip(" ,.;:") or None
            status_at = _STATUS_AT_RE.match(venue or "")
            if status_at:
                # "Revise & Resubmit at the Review of Economic Studies": the journal, the status a note
                notes = list(notes) + [status_at.group(1)]
                venue = status_at.group(2).strip(" .,;") or None
            if venue:
                # "PhD thesis, University of Toronto": the school; "NeurIPS 2023 (spotlight)":
                # the presentation is a note, not part of the venue
                venue = _THESIS_KIND_HEAD_RE.sub("", venue) or venue
                mark = _PRESENTATION_MARK_RE.search(venue)
                if mark and mark.start() > 0:
                    notes = list(notes) + [mark.group(1)]
                    venue = venue[: mark.start()].strip(" ,.;:") or None
            entry.year = find_year(after) or find_year(before)
            entry.venue = venue
            if notes:
                entry.note = "; ".join(notes)
        else:
            from extract.ingestors.generic_homepage import is_citation_like

            if not is_citation_like(rest, need_year=not dated):
                return None
            entry = free_text_entry(rest)
            entry.urls = list(dict.fromkeys(links + entry.urls))
            _split_marked_venue_off_title(node, entry)
            if entry.venue:
                from extract.ingestors.jemdoc import _VOLUME_PAGES_RE

                entry.venue = _VOLUME_PAGES_RE.sub("", entry.venue).strip(" ,.;:") or None
    if entry is None or (entry.title and looks_like_contact(entry.title)):
        return None
    if _NOT_PUBLICATION_MARK_RE.search(text):
        return None  # "[Dataset] Dissolved oxygen … Environmental Data Initiative": data, not a publication
    if entry.title and _FIRST_PERSON_RE.match(entry.title):
        return None  # "<b>I am on the 2024–2025 academic job market</b> and …": the owner speaking
    if entry.title and _DATELINE_RE.fullmatch(entry.title.strip(" .–—-")):
        return None  # "<strong>NAKURU-MOLO, 19 February 2024</strong> – Pastoralist households …": a news dateline
    if not entry.title and not (entry.venue and (entry.authors or entry.authors_text) and _TITLELESS_REFERENCE_RE.search(text)):
        # only a physics-style reference keeps its place without a title ("L. Chen and G. Moretti,
        # Phys. Rev. A 101, 033612 (2020)."): names, a journal, volume, page and year
        return None
    if label:
        if entry.year is None and tag_year:
            entry.year = tag_year
        if not entry.venue and tag_year:
            entry.venue = label
        elif not tag_year:
            entry.note = "; ".join(n for n in (label, entry.note) if n)
    has_authors = bool(entry.authors_text or entry.authors)
    has_year = entry.year is not None or bool(find_year(text))
    if entry.venue:
        # "arXiv preprint. PDF Cite": the entry's buttons read into its venue
        venue = _TRAILING_BUTTONS_RE.sub("", entry.venue).strip(" .,;")
        venue = re.sub(r"(?:[.,;]?\s*\[[a-z][a-z ]{1,20}\])+$", "", venue).strip(" .,;")  # "… Track. [benchmark]"
        entry.venue = None if BUTTON_ROW_RE.fullmatch(venue or "Cite") else venue
    if entry.venue and _DATE_ONLY_RE.fullmatch(entry.venue.strip(" .,")):
        entry.venue = None  # "New NMR facility opens — Feb 20, 2024": a news item's date, no venue
    if not has_authors and not (has_year and entry.venue):
        return None
    if not dated and not has_year and not entry.venue and not _STATUS_WORD_RE.search(text) and not STATUS_RE.search(text) \
            and "owner-implicit" not in entry.flags:
        # "Laboratório | <a>Laboratório de Ecologia …</a>": a labelled link, no year, venue or status
        return None
    if entry.year is None:
        entry.year = find_year(text)
    return entry


def bold_owner(nodes: list) -> Optional[str]:
    """The name set in <b>/<strong> in most entries: how people mark themselves in their lists."""
    counts: Counter[str] = Counter()
    for node in nodes:
        names = {clean_name(node_text(b)) for b in node.find_all(["b", "strong"])}
        for name in names:
            if looks_like_name(name) and 2 <= len(name.split()) <= 4:
                counts[name] += 1
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= max(2, 0.5 * len(nodes)) else None


def heading_name(soup) -> Optional[str]:
    """The page owner's name from a name heading, a name-classed element, the <title> or the
    site header's brand link; section headings ("Invited Talks") are not names."""
    candidates = [node_text(n) for n in soup.find_all("h1", limit=3)]
    candidates += [node_text(n) for n in soup.find_all(class_=re.compile(r"^(?:name|person|fullname|site-title|navbar-brand)$", re.I), limit=3)]
    title = soup.find("title")
    if title is not None:  # "publications | Ilse Vandermeer", "Ilse Vandermeer - Home"
        candidates.append(title.get_text())
    first_h2 = soup.find("h2")
    if first_h2 is not None:
        candidates.append(node_text(first_h2))
    names = [n for n in (owner_in_line(raw) for raw in candidates) if n]
    if not names:
        return None
    # "Prof. V. Moraru" in the heading, "Valentina Moraru – Mathematics" in the <title>: the same
    # person, the fuller form kept
    from extract.fields.names import fuller_name

    first = names[0]
    return next((other for other in names[1:] if fuller_name(first, other) == other), first)


def header_affiliations(soup) -> list[str]:
    """Organisations named in header elements such as <div class="institution">."""
    from extract.lexicon import ORGANISATIONS

    from extract.lexicon import ORG_CUE_WORDS

    found: list[str] = []
    # unlabelled header lines ("Assistant Professor, Department of X, University of Y"): org-like parts only
    for header in soup.find_all("header", limit=2):
        for line in header.find_all(["p", "div", "span", "h2", "h3"], limit=10):
            for part in re.split(r"\s*(?:,|;|@|\s-\s|\|)\s*", clean_text(node_text(line))):
                part = part.strip(" .")
                words = set(re.findall(r"\w+", part))
                if part and len(part) <= 80 and (part in ORGANISATIONS or words & set(ORG_CUE_WORDS)) and part not in found:
                    found.append(part)
    for node in soup.find_all(class_=_HEADER_CLASS_RE, limit=5):
        for part in re.split(r"\s*(?:,|;|@|\s-\s|\bat\b|\|)\s*", clean_text(node_text(node))):
            part = part.strip(" .")
            if not part or _ROLE_WORDS_RE.match(part) or not part[:1].isupper() or len(part) > 80:
                continue
            if part in ORGANISATIONS or len(part.split()) <= 8:
                if part not in found:
                    found.append(part)
    return found
