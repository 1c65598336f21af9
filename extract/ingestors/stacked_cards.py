"""Works listed as stacked lines, one field per line: what research-information portals and
indexes (Dimensions, Lens, INSPIRE, Zenodo, Pure, Redalyc-like journal portals) look like when
copied out of the browser, and what some of their saved pages show as visible text.

    Article  |  Open Access                                   <- an item type (optional; skips data sets)
    Mapping funder acknowledgements to grant records          <- title
    Layla Haddad, Karim Saleh, Mei-Ling Zhou (+ 2 more)       <- author line: natural or inverted names,
                                                                 "," ";" "•" separated, affiliations in
                                                                 brackets, a date in brackets at the end
    Journal of Scholarly Infrastructure, Volume 6, … (2024)   <- source line(s): the venue and the year
    Citations 3   Altmetric 12 / Show abstract   Cite         <- noise

A work is anchored on a title line followed by an author line; the source is read from the
lines after it, up to the next work: "Published in: J.Part.Phen. 41 (2023) 4, 044017",
"Venue | Volume: 9 | Published: Jun 2023", "Venue" + ", vol. 18, núm. 2, …, 2023", "PhD Thesis
(2018)". Pure's "Ostrowska, M. & Adeyemi, T. O., Sept 2022, In: Journal. 37, 3, p. 455-478"
carries authors, date and source on one line. A translated title under the original is left
out. The owner is the header's name that is on most works.

For text pages this is a reader of its own (registered late, below the site readers); for HTML
the generic reader asks it for a second reading and keeps the fuller one.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.names import drop_parenthesised, is_particle, looks_like_name, owner_in_line, owner_name, split_author_list
from extract.fields.sections import NON_PUBLICATION_SECTION_RE
from extract.fields.structured import listing_or_search_results
from extract.fields.venues import clean_venue
from extract.ingestors.base import Entry, PageParse
from extract.page import Page
from schemas.models import Author

NAME = "stacked_cards"

MAX_LINES = 20_000
_YEAR_RE = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")
# the last line of a card or the chrome between cards: buttons, counters, access badges
_NOISE_RE = re.compile(
    r"^(?:show abstract|abstract|cite|save|share|export|pdf|html|epub|visor|download|downloads?:?\s*[\d.,]*|"
    r"descargas:?\s*[\d.,]*|related (?:documents|records)|full text.*|free full text.*|citations?\s*[\d,]*|"
    r"[\d,.]+\s+citations?|cited by\s*[\d,]*|times cited:.*|scholarly citations:.*|altmetric.*|lens id:.*|doi:.*|"
    r"uploaded on .*|\d+ more versions? exists? for this record|open|restricted|open access|closed access|"
    r"research output:.*|peer-review|file|cómo citar|como citar|how to cite|add to (?:collection|list)|view.*|"
    r"reference search.*|claim|pdf\s+doi\s+cite.*|scheda completa.*|cita|visualizza/apri.*|(?:scopus|wos)\s+\d+.*|"
    r"[\d\s,.]+)$", re.I)
# a status where a card prints its date: "In corso di stampa", "In press", "Im Druck"
_STATUS_LINE_RE = re.compile(r"(?i)^(?:in corso di stampa|in stampa|in press|forthcoming|accepted|im druck|en prensa|no prelo|"
                             r"sous presse|à paraître|w druku|under review|submitted)$")
# a row of buttons: "Show Abstract Cite Add to Collection Export", "pdf DOI cite claim", al-folio's "ABS BIB PDF HTML"
_BUTTONS_RE = re.compile(r"^(?:(?:show|hide|abstract|cite|save|share|export|add|to|collection|list|pdf|html|epub|related|documents|"
                         r"records|download|view|more|details|bibtex|ris|claim|reference|search|doi|full|text|links?|metrics|"
                         r"alert|mendeley|datasets|abs|bib|supp|code|slides|video|poster|website|blog|[▾▸|•])\s*){2,}$", re.I)
# an item type printed above the title: "Article | Open Access", "Preprint", "Artículo de investigación"
_TYPE_WORDS_RE = re.compile(
    # (IRIS numbers its types: "1.1 Articolo in rivista", "2.1 Contributo in volume (Capitolo o Saggio)")
    r"^(?:\d{1,2}(?:\.\d{1,2}){0,2}\s+)?"
    r"(?:(?:research |journal |review |conference |original |short )?(?:article|paper|preprint|chapter|book chapter|book|"
    r"monograph|proceedings?(?: paper| article)?|conference (?:paper|contribution|proceedings article)|review|letter|editorial|"
    r"thesis|dissertation|doctoral thesis|report|working paper|dataset|data set|software|presentation|poster|patent|"
    r"video|image|lesson|other|artículo(?: de (?:investigación|revisión))?|artigo(?: original| de revisão)?|"
    r"article de recherche|zeitschriftenartikel|buchbeitrag|konferenzbeitrag|articolo in rivista|"
    r"contributo in (?:volume|atti di convegno|rivista)(?: \([^()]{2,40}\))?|monografia(?: o trattato scientifico)?|"
    r"tesi di dottorato|curatela|recensione(?: in rivista)?|chapitre d['’]ouvrage|ouvrage|communication dans un congrès|"
    r"beitrag in (?:sammelband|zeitschrift)|monographie|capítulo de libro|libro|tesis doctoral|capítulo de livro|livro|"
    r"artigo em periódico|tese de doutorado)s?)(?:\s*[|•·]\s*(?:open access|open|closed|free)|"
    r"\s+open access)?$", re.I)
_NOT_PUBLICATION_TYPE_RE = re.compile(r"^(?:dataset|data set|software|presentation|poster|video|image|lesson|patent|"
                                      r"research data|talk|grant)s?\b", re.I)
_DATE_ONLY_RE = re.compile(r"^(?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d{2}(?:\s*\(v?[\w.-]{1,12}\))?$")
# the types a portal prints above each item (singular, no count), which are no section headings
_TYPE_LABEL_RE = re.compile(r"(?i)dataset|data set|software|presentation|poster|video|image|lesson|patent|talk|"
                            r"journal article|conference paper|book chapter|preprint|thesis|report|book")
# around an item type: its date before it, its access badge after it ("Jun 12, 2023 Dataset Open")
_TYPE_DATE_HEAD_RE = re.compile(r"^(?:(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d{2}(?:\s*\(v?[\w.-]{1,12}\))?\s+")
_TYPE_BADGE_TAIL_RE = re.compile(r"(?i)(?:\s*[|•·]?\s*(?:open|restricted|closed|embargoed|free)(?: access)?)+$")


def _item_type(line: str) -> Optional[str]:
    """The item type a line prints, alone or between its date and its access badge."""
    if len(line) > 80:
        return None
    core = _TYPE_BADGE_TAIL_RE.sub("", _TYPE_DATE_HEAD_RE.sub("", line)).strip()
    if core and (_TYPE_WORDS_RE.match(core) or _NOT_PUBLICATION_TYPE_RE.fullmatch(core)
                 or _TYPE_WORDS_RE.match(line) or _NOT_PUBLICATION_TYPE_RE.fullmatch(line)):
        return core
    return None


_TRUNCATION_RE = re.compile(r"\(\s*\+\s*\d+\s+more\s*\)|,?\s+and\s+\d+\s+more(?:\s+authors?)?|\bet\s+al\.?|…|\.\.\.|\[\.\.\.\]|\(\.\.\.\)")
_TRAILING_DATE_RE = re.compile(r"\s*\(((?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2})\)\s*$")
_AUTHOR_PREFIX_RE = re.compile(r"^(?:by:?|authors?:|autores?:|auteurs?:|autori:|autoren:)\s+", re.I)
_FOR_COLLABORATION_RE = re.compile(r"\s+(?:for|on behalf of) the .{2,60}$", re.I)
_COLLABORATION_RE = re.compile(r"\b(?:collaboration|consortium|group|team|investigators)$", re.I)
# Pure: "Ostrowska, M., Kowalczyk, P. & Hrubá, L., 12 Feb 2024, In: Journal …"
_PURE_LINE_RE = re.compile(r"^(?P<names>.+?),\s+(?P<date>(?:\d{1,2}\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}|Accepted/In press|"
                           r"In press|E-pub ahead of print|Submitted|In preparation|Unpublished)(?P<rest>[,.].*)?$")
_SOURCE_LABEL_RE = re.compile(r"^(?:(?:published in|in|source|journal|revista|ingår i|publication name|contribution to)\s*:\s*|"
                              r"(?:in|published in)\s+(?=[A-Z]))", re.I)
_SEGMENT_LABEL_RE = re.compile(r"^(?P<label>[A-Za-z][\w ]{1,24}?)\s*:\s*(?P<value>.*)$")
_VENUE_DETAIL_RE = re.compile(
    r"(?:,\s*|\s+)(?:volume|vol\.|v\.|issue|núm\.|n\.|no\.|nr\.|pp\.|p\.|pages?|article|art\.)\s*\S.*$"
    r"|\s+\d{1,4}\s*\((?:19|20)\d{2}\).*$|\s*\((?:19|20)\d{2}\)\s*$|,\s*(?:19|20)\d{2}\s*$|\.\s+\d.*$", re.I)


def _noise(line: str) -> bool:
    return bool(_NOISE_RE.match(line) or _BUTTONS_RE.match(line))


# counters: "Open Access File 3 Citations (Scopus)", "1,045 views"
_COUNTER_RE = re.compile(r"(?i)\d[\d,.]*\s*(?:citations?|cited|downloads?|views|reads|mentions)\b|"
                         r"\b(?:citations?|cited by|downloads?|views|reads)\s*(?:\([^)]*\))?\s*:?\s*\d")


def _is_title(line: str) -> bool:
    words = line.split()
    return (3 <= len(words) <= 60 and len(line) <= 400 and not _noise(line) and not _item_type(line)
            and not _COUNTER_RE.search(line)
            and not _SOURCE_LABEL_RE.match(line) and re.search(r"[^\W\d_]{3}", line) is not None
            and owner_name(line) is None)


def _author_line(line: str) -> Optional[tuple[list, bool, Optional[int], Optional[str]]]:
    """(names, truncated, year, authors_text) of an author line, or None for another line.
    authors_text is set for inverted lists, to be split by finalise_entry (it keeps the printed
    family names)."""
    # the owner in bold ("**Sigrid Lindqvist**"), equal-contribution and student marks
    text = _AUTHOR_PREFIX_RE.sub("", re.sub(r"[*†‡§¶^]+", "", line).strip())
    year = None
    dated = _TRAILING_DATE_RE.search(text)
    if dated:
        year, text = int(_YEAR_RE.search(dated.group(1)).group(1)), text[: dated.start()]
    truncated = bool(_TRUNCATION_RE.search(text))
    text = _TRUNCATION_RE.sub("", text)
    text = _FOR_COLLABORATION_RE.sub("", drop_parenthesised(text)).strip(" ,;•·")
    if not text or len(text) > 600 or re.search(r"\d|[?!:]", text):
        return None
    parts = [p.strip() for p in re.split(r"\s*[•·]\s*", text) if p.strip()]
    parts = [p for p in parts if not _COLLABORATION_RE.search(p)]  # "KESTREL Collaboration • Amira …"
    text = "; ".join(parts)
    if not text:
        return None
    single = re.fullmatch(r"([^,;]{2,40}),\s*([^\W\d][\w'’-]+(?:\s[A-ZÀ-Þ]\.?)?)", text)
    if single and (looks_like_name(single.group(1)) or is_particle(single.group(1).split()[0])):
        # one inverted name, "van der Leeuw, Femke" (two family names alone would be "A, B" too,
        # but portals print given names)
        family, given = single.group(1).strip(), single.group(2).strip()
        return [Author(name=f"{given} {family}", given=given, family=family)], truncated, year, None
    split = split_author_list(text)
    names = split.names
    if not names or not all(looks_like_name(n) and 1 <= len(n.split()) <= 5 for n in names):
        return None
    inverted = "," in text and (";" in text or re.search(r",\s*[A-ZÀ-Þ]\.", text) is not None or len(names) == 1)
    if not inverted and any(len(n.split()) < 2 or re.fullmatch(r"[A-ZÀ-Þ]\.?", n.split()[-1]) for n in names):
        return None  # natural-order names have a given name and a family name: not "Help & FAQ", "Padua U."
    if len(names) == 1 and "," not in text and owner_name(names[0]) is None:
        return None  # one natural-order name must read as a person's name
    return names, truncated or split.truncated, year, (text if inverted else None)


_VENUE_WORDS_RE = re.compile(r"\b(?:Journal|Review|Proceedings|Letters|Conference|Workshop|Symposium|Transactions|Press|"
                             r"University|Institute|Society|Bulletin|Annals|Quarterly|Magazine|Series|Handbook)\b")


# a meta line's date given as a status or a kind ("· forthcoming", "· Working paper")
_META_STATUS_RE = re.compile(r"(?i)(?:forthcoming|under review|working paper|in press|submitted)\b")
_ROLE_HEAD_RE = re.compile(r"(?i)(?:associate |guest |senior |deputy |section |managing |co-?)?(?:editor|reviewer|member|chair|"
                           r"referee|advisor|board)s?\b")


def _meta_line(line: str) -> Optional[tuple[tuple, list[str], bool]]:
    """A theme's meta line under a card's title: names, then the venue and the date, parted by
    middle dots or bars ("Orla Finnerty-Voss and Pieter Lammens · Journal of … · forthcoming",
    "with Daniel Aho · Maritime Economic History Review · 2023"). ((names, truncated, year,
    authors_text), the other parts, owner implicit) or None."""
    parts = [p.strip() for p in re.split(r"\s+[·•|]\s+", line.strip()) if p.strip()]
    if len(parts) < 2 or len(parts) > 6:
        return None
    head, implicit = parts[0], False
    if re.match(r"(?i)with\s+\S", head):
        head, implicit = re.sub(r"(?i)^with\s+", "", head), True
    if _VENUE_WORDS_RE.search(head) or _ROLE_HEAD_RE.match(head):
        return None  # "Nordic Journal of Scholarly Publishing · Vol 18 · …", "Guest Editor · …": no names
    names = _author_line(head)
    if names is None or not any(_YEAR_RE.search(p) or _STATUS_LINE_RE.match(p) or _META_STATUS_RE.match(p) for p in parts[1:]):
        return None
    return names, parts[1:], implicit


def _pure_line(line: str) -> Optional[tuple[str, Optional[int], str]]:
    """(authors text, year, rest) of Pure's one-line "authors, date, source" citation."""
    m = _PURE_LINE_RE.match(line.strip())
    if not m or not re.search(r",\s*[A-ZÀ-Þ]\.", m.group("names")):
        return None
    names = split_author_list(m.group("names")).names
    if not names or not all(looks_like_name(n) for n in names):
        return None
    dated = _YEAR_RE.search(m.group("date"))  # (none for "Accepted/In press")
    return m.group("names"), int(dated.group(1)) if dated else None, (m.group("rest") or "").strip(" ,.")


def _source(lines: list[str]) -> tuple[Optional[str], Optional[int]]:
    """Venue and year from a card's lines under its author line."""
    venue, year, publisher, deposit_year = None, None, None, None
    joined: list[str] = []
    for line in lines:  # Redalyc's ", vol. 18, núm. 2, …, 2023" continues the journal line above it
        if joined and line.startswith(","):
            joined[-1] += line
        else:
            joined.append(line)
    # INSPIRE: "Contribution to: ACPD 2021" names the meeting; "Published in:" the proceedings
    published = [l for l in joined if re.match(r"(?i)published in\s*:", l)]
    for line in published + [l for l in joined if l not in published and not re.match(r"(?i)contribution to\s*:", l)]:
        uploaded = re.match(r"(?i)(?:uploaded|deposited|posted|published) on\b.*?((?:19|20)\d{2})", line)
        if uploaded:  # a repository's deposit date: the year when nothing else dates the work
            deposit_year = deposit_year or int(uploaded.group(1))
        if _noise(line) or _item_type(line):
            continue
        for segment in re.split(r"\s+[|•]\s+", _SOURCE_LABEL_RE.sub("", line)):
            segment = segment.strip()
            labelled = _SEGMENT_LABEL_RE.match(segment)
            if labelled:
                label = labelled.group("label").lower()
                found = _YEAR_RE.search(labelled.group("value"))
                if label in ("published", "publication date", "date", "published online", "year") and found:
                    year = year or int(found.group(1))
                elif label == "publisher":
                    publisher = publisher or labelled.group("value").strip()
                elif label == "thesis" and venue is None:  # INSPIRE's "Thesis: PhD, Padua U. (2018)"
                    venue = _VENUE_DETAIL_RE.sub("", re.sub(r"^(?:phd|msc|ma|ba|doctoral|master)\s*,\s*", "",
                                                            labelled.group("value"), flags=re.I)).strip(" ,.")
                continue
            found = _YEAR_RE.search(segment)
            if found and year is None:
                year = int(found.group(1))
            if venue is None and not _noise(segment) and not _DATE_ONLY_RE.match(segment) \
                    and not re.match(r"(?i)uploaded on\b", segment):
                name = _VENUE_DETAIL_RE.sub("", segment).strip(" ,.;")
                if re.search(r"[^\W\d_]{2}", name) and not re.fullmatch(r"(?:phd|master'?s?|doctoral)\s+thesis", name, re.I) \
                        and len(name.split()) <= 16 and not name.endswith(("…", "...")) \
                        and not re.search(r"(?:\b[a-z]{2,}\s+){4}", name) \
                        and not re.match(r"(?:e-print|arxiv|doi)\b", name, re.I):
                    venue = name
    return clean_venue(venue or publisher) if (venue or publisher) else None, year or deposit_year


def _section_heading(line: str) -> Optional[bool]:
    """True for a heading of other things ("Grants (2)", "Projects", "Seminars"), False for a
    publications heading, None for any other line."""
    text = re.sub(r"\s*\(\d+\)\s*$|\s+\d+$", "", line).strip(" :")
    if not text or len(text.split()) > 4 or text.islower():
        return None  # (a site menu's lower-case "projects", "teaching" heads no section)
    if NON_PUBLICATION_SECTION_RE.fullmatch(text) or re.fullmatch(r"(?i)data ?sets|datasets|patents|clinical trials|projekte|projets|progetti", text):
        return True
    if re.fullmatch(r"(?i)(?:selected |all |recent )?(?:publications?|research output|scholarly works|works|papers|articles|documents|"
                    r"research works|literature|production|producción científica|produção científica|publikationen|publikationer)", text):
        return False
    return None


def _cards(lines: list[str]) -> list[tuple[int, int, Optional[str]]]:
    """(title line, end, kind) per dated work: a title line followed by an author line (or Pure's
    one-line citation), outside sections of grants, projects or talks. kind is the item type
    above the title, when one is printed."""
    anchors = []
    elsewhere = False  # under a heading of grants, projects, talks …
    # an item's type label above its title ("Dataset", "Software", no count, not plural) is no heading
    headings = [None if _TYPE_LABEL_RE.fullmatch(_item_type(l) or "") else _section_heading(l) if len(l) < 40 else None
                for l in lines]
    for i in range(len(lines) - 1):
        if headings[i] is not None:
            # a tab bar ("Research output (6)" / "Projects (3)" / "Activities (11)") heads nothing
            if not any(headings[k] is not None for k in range(max(0, i - 2), min(len(lines), i + 3)) if k != i):
                elsewhere = headings[i]
            continue
        if not elsewhere and _is_title(lines[i]) and (_author_line(lines[i + 1]) or _pure_line(lines[i + 1])
                                                      or _meta_line(lines[i + 1])):
            if anchors and i <= anchors[-1] + 1:
                continue  # the author line of the card above
            anchors.append(i)
    out = []
    for n, i in enumerate(anchors):
        end = anchors[n + 1] if n + 1 < len(anchors) else min(len(lines), i + 8)
        dated_above = i >= 1 and (_DATE_ONLY_RE.match(lines[i - 1]) or _STATUS_LINE_RE.match(lines[i - 1]))
        # (Pure dates a submitted work by its status: "Names, Submitted, In: Journal.")
        dated_above = dated_above or (_pure_line(lines[i + 1]) is not None) or (_meta_line(lines[i + 1]) is not None)
        if not dated_above and not any(_YEAR_RE.search(l) for l in lines[i + 1 : min(end, i + 6)]):
            continue  # a work card has a date; a header's "name / affiliation" pair has none
        kind = None
        for k in range(i - 1, max(i - 4, (anchors[n - 1] + 2) if n else -1), -1):
            if _item_type(lines[k]):
                kind = _item_type(lines[k])
                break
        out.append((i, end, kind))
    return out


def _entry(lines: list[str], i: int, end: int) -> Entry:
    title = lines[i]
    # a translated title under the original (a bilingual portal): the original is the title
    if i >= 1 and _is_title(lines[i - 1]) and lines[i][:1].isupper() and not lines[i - 1].endswith((":", ",")) \
            and not _author_line(lines[i - 1]) and (i < 2 or _item_type(lines[i - 2]) or _noise(lines[i - 2])):
        title = lines[i - 1]
    stop = min(end, i + 8)
    # the type line above the next title belongs to that card, and so does a date line above it
    # (Zenodo: "Jun 12, 2023" / "Journal article" / "Open" / title)
    typed = False
    while stop > i + 2:
        line = lines[stop - 1]
        if _item_type(line) or (_noise(line) and not _YEAR_RE.search(line)):
            typed = typed or not _noise(line)
            stop -= 1
        elif (_DATE_ONLY_RE.match(line) or _STATUS_LINE_RE.match(line)) and stop - 2 > i + 1 and _item_type(lines[stop - 2]):
            stop -= 1  # IRIS: the next card's type, then its date, then its title
        else:
            break
    while typed and stop > i + 2 and _DATE_ONLY_RE.match(lines[stop - 1]):
        stop -= 1
    pure = _pure_line(lines[i + 1])
    if pure and not _author_line(lines[i + 1]):
        names_text, year, rest = pure
        venue = None
        source = re.match(r"In:\s*(.+?)(?:\.\s+\d|\.\s*$|$)", rest)
        if source:
            venue = source.group(1)
        elif rest:
            # a book: "Warsaw: Vistula Scholarly Press. 286 p."; a chapter: "Handbook …. Eds (eds.). …"
            head = rest.split(". ")[0]
            venue = re.sub(r"^[^:]{2,30}:\s*", "", head) if not re.fullmatch(r"\d+\s*p\.?", head) else None
        return Entry(title=title, authors_text=names_text, year=year, venue=clean_venue(venue) if venue else None)
    meta = None if _author_line(lines[i + 1]) else _meta_line(lines[i + 1])
    if meta:
        (names, truncated, year, authors_text), parts, implicit = meta
        # (the meta line holds the whole source: the venue and the date among its parts)
        dated = next((m for m in map(_YEAR_RE.search, parts) if m), None)
        source_year = int(dated.group(1)) if dated else None
        named = [p for p in parts if not _YEAR_RE.fullmatch(p.strip()) and not _STATUS_LINE_RE.match(p)
                 and not _META_STATUS_RE.fullmatch(p)]
        venue = clean_venue(re.sub(r",\s*(?:eds?|edited by)\.?\s.*$", "", named[0])) if named else None
        entry = Entry(title=title, authors=[] if authors_text else names, authors_text=authors_text,
                      year=year or source_year, venue=venue)
        entry.flags.extend((["authors-truncated"] if truncated else []) + (["owner-implicit"] if implicit else []))
        return entry
    names, truncated, year, authors_text = _author_line(lines[i + 1])
    venue, source_year = _source(lines[i + 2 : stop])
    above = lines[i - 1] if i >= 1 and i >= 2 and _item_type(lines[i - 2]) else ""
    if year is None and _DATE_ONLY_RE.match(above):  # IRIS: the type, the year, then the title
        year = int(_YEAR_RE.search(above).group(1))
    elif _STATUS_LINE_RE.match(above):
        source_year = None  # "In corso di stampa": no year (a number below is the DOI's)
    entry = Entry(title=title, authors=[] if authors_text else names, authors_text=authors_text,
                  year=year or source_year, venue=venue)
    if truncated:
        entry.flags.append("authors-truncated")
    return entry


# a title's first line that cannot end it: "… Continuum Models: A" / "Benchmark" / names
_WRAPPED_TITLE_END_RE = re.compile(r"(?:[:,–—-]|\b(?:a|an|the|of|and|in|on|for|with|to|at|from|by|via|or|A|An|The))$")


def _join_wrapped_titles(lines: list[str]) -> list[str]:
    """A title the copy wrapped over two lines, the author line after both, read as one line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (i + 2 < len(lines) and len(line.split()) >= 3 and _WRAPPED_TITLE_END_RE.search(line)
                and 1 <= len(lines[i + 1].split()) <= 6 and not _author_line(lines[i + 1]) and not _noise(lines[i + 1])
                and _author_line(lines[i + 2])):
            out.append(f"{line} {lines[i + 1]}")
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def read_lines(lines: list[str], need_chrome: bool = False) -> tuple[list[Entry], Optional[str], int]:
    """(entries, owner, cards skipped as not publications) of a page's visible lines; nothing
    when need_chrome and the cards have no portal chrome around them."""
    lines = _join_wrapped_titles(lines[:MAX_LINES])
    cards = _cards(lines)
    if need_chrome and not portal_chrome(lines, cards):
        return [], None, 0
    entries, skipped = [], 0
    for i, end, kind in cards:
        if kind and _NOT_PUBLICATION_TYPE_RE.match(kind):
            skipped += 1
            continue
        entries.append(_entry(lines, i, end))
    owner = _header_owner(lines[: cards[0][0]] if cards else [], entries)
    return entries, owner, skipped


def _families(entry: Entry) -> str:
    return (entry.authors_text or " ".join(map(str, entry.authors))).lower()


def _header_owner(header: list[str], entries: list[Entry]) -> Optional[str]:
    """The first name in the header ("Layla Haddad", "Ferraresi, Giulia", "Items where Author is
    …") whose family name is on at least half of the works."""
    if not entries:
        return None
    for line in header[:200]:
        inverted = re.fullmatch(r"([^\W\d][\w'’ -]{1,40}),\s+([^\W\d][\w'’.-]+(?:\s[^\W\d][\w'’.-]*){0,2})", line)
        name = owner_name(f"{inverted.group(2)} {inverted.group(1)}") if inverted else (owner_name(line) or owner_in_line(line))
        if not name:
            continue
        family = re.compile(rf"\b{re.escape(name.split()[-1].lower())}\b")
        if 2 * sum(1 for e in entries if family.search(_families(e))) >= len(entries):
            return name
    return None


def pure_card_count(lines: list[str]) -> int:
    """How many title lines are followed by Pure's one-line "Names, Jan 2024, In: Journal." citation."""
    lines = lines[:MAX_LINES]
    return sum(1 for i in range(len(lines) - 1) if _pure_line(lines[i + 1]) and _is_title(lines[i]))


def card_count(lines: list[str]) -> int:
    """How many dated work cards the lines hold (data sets and talks among them)."""
    return len(_cards(lines[:MAX_LINES]))


def portal_chrome(lines: list[str], cards: list[tuple[int, int, Optional[str]]]) -> bool:
    """A portal prints buttons, counters and item types around its cards ("Cite  Save",
    "Citations 12", "Article | Open Access"); a CV or a homepage list does not."""
    marks = 0
    for i, end, kind in cards:
        if kind or _meta_line(lines[i + 1]) or any(_noise(l) and re.search(r"[^\W\d_]", l) for l in lines[i + 2 : min(end, i + 8)]):
            marks += 1
    return marks >= max(2, 0.6 * len(cards))


def detect(page: Page) -> float:
    if page.syntax != "text":  # Markdown lists have their own reader
        return 0.0
    lines = page.visible_lines()[:MAX_LINES]
    cards = _cards(lines)
    if len(cards) < 3 or not portal_chrome(lines, cards):
        return 0.0
    return 0.8


def parse(page: Page) -> PageParse:
    entries, owner, skipped = read_lines(page.visible_lines())
    evidence = [f"stacked work cards: {len(entries)}" + (f" ({skipped} data sets, software or talks left out)" if skipped else "")]
    result = listing_or_search_results(entries, evidence, what="work", min_share=0.6)
    if owner:
        result.kind, result.person = "listing", owner
        result.evidence.append(f"owner named in the header: '{owner}'")
    if not entries:
        result.kind = "not-a-profile"
    return result
