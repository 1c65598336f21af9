"""A Google Scholar result copied as one line of text:

    [PDF] Title of the paper A Smith, B van der Berg, C Okafor… - Journal of X, 2020 - elsevier.com
    Title T Haugland - 2018 - researchgate.net  Cited by 12 Related articles All 3 versions

The result's three parts (title, the grey "authors - venue, year - host" byline) lose their line
breaks in a copy, so the title runs straight into the first author. The byline's shape is rigid
(initials without dots, " - " separators, a host at the end), so it is read by rule: the author
list is the longest run of "AB Family" names before the first " - ", and the title is what comes
before it. A tagger trained on references has no separator to go by there.

    find_scholar_spans(text) -> list[(label, start, end)] | None   # None: not a Scholar line
"""
from __future__ import annotations

import re
from typing import Optional

# result-type markers before the title, and the action links after the byline
_MARKERS_RE = re.compile(r"^\s*(?:\[(?:PDF|HTML|BOOK|B|CITATION|C|DOC|PS|ZIP)\]\s*)+", re.I)
_ACTIONS_RE = re.compile(
    r"(?:\s+(?:Cited by \d+|Related articles|All \d+ versions|Import into \w+|Save|Cite|Library Search|"
    r"View as HTML|\[(?:PDF|HTML)\] \S+))+\s*$")
# the host after the last " - ": a domain ("elsevier.com", "books.google.com") or a short name
_HOST_RE = re.compile(r"\s[-–]\s((?:[\w-]+\.)+[a-z]{2,}|[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2})\.?\s*$")
_PUBLISHER_HOST_RE = re.compile(r"\b(?:Press|Verlag|Publishers?|Publishing|Books|Wiley|Springer|Elsevier|Routledge|Sage|Brill|"
                                r"Macmillan|Penguin|Norton|Academic|Éditions|Editora|Editorial)\b")
_YEAR_TAIL_RE = re.compile(r"(?:^|,\s*)((?:19|20)\d\d)\s*$")
# one byline name: initials without dots, then a family name (particles and hyphens allowed)
# (one way to match each name: a lookahead asks for a lower-case letter instead of a second
# open-ended run, which would backtrack exponentially on long "AB Cdef, AB Cdef, …" heads)
_FAMILY = r"(?:(?:van|von|der|den|de|del|della|da|di|du|dos|la|le|ten|ter|al|el|bin)\s+){0,3}(?=[\w'’-]*[a-zà-öø-ÿ])[A-ZÀ-ÖØ-Þ][\w'’-]*"
_NAME = rf"[A-ZÀ-ÖØ-Þ]{{1,4}}\s+{_FAMILY}"
# the whole byline author part: names separated by commas, possibly cut short with "…"
_AUTHORS_TAIL_RE = re.compile(rf"(?<!\S)({_NAME}(?:\s*,\s*{_NAME}){{0,30}})\s*(?:…|\.\.\.)?\s*$")
_AUTHORS_ONLY_RE = re.compile(rf"^\s*{_NAME}(?:\s*,\s*{_NAME}){{0,30}}\s*(?:…|\.\.\.)?\s*$")


def find_scholar_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    """Character spans (TITLE, AUTHOR, VENUE, YEAR) of a one-line Scholar result, or None when
    the text does not have the byline's shape."""
    if " - " not in text and " – " not in text:
        return None
    end = len(text)
    actions = _ACTIONS_RE.search(text)
    if actions:
        end = actions.start()
    body = text[:end]
    start = 0
    markers = _MARKERS_RE.match(body)
    if markers:
        start = markers.end()
    parts = [(m.start(), m.end()) for m in re.finditer(r"\s[-–]\s", body)]
    if not parts or parts[0][0] <= start:
        return None
    head_end = parts[0][0]
    host = _HOST_RE.search(body)
    if len(parts) >= 2 and host and host.start() == parts[-1][0]:
        middle = (parts[0][1], parts[-1][0])
    elif len(parts) == 1 and _YEAR_TAIL_RE.search(body[parts[0][1]:]):
        middle = (parts[0][1], len(body))  # no host: "… - Journal, 2020"
    else:
        return None
    if len(parts) > 2 and host and host.start() == parts[-1][0]:
        # a " - " inside the venue ("Proceedings - Part II") belongs to the middle part
        middle = (parts[0][1], parts[-1][0])
    head = body[start:head_end]
    authors = _AUTHORS_TAIL_RE.search(head)
    if not authors:
        return None
    spans: list[tuple[str, int, int]] = []
    title_end = start + authors.start(1)
    title = body[start:title_end].rstrip()
    if title:
        spans.append(("TITLE", start, start + len(title)))
    elif not _AUTHORS_ONLY_RE.match(head):
        return None
    # one span per name: two bare "K Ampofo, J Hartmann" must not read as "Family, Given"
    names_at = start + authors.start(1)
    for name in re.finditer(_NAME, authors.group(1)):
        spans.append(("AUTHOR", names_at + name.start(), names_at + name.end()))
    mid_text = body[middle[0]:middle[1]]
    year = _YEAR_TAIL_RE.search(mid_text)
    venue_end = middle[0] + (year.start() if year else len(mid_text))
    venue = body[middle[0]:venue_end].strip(" ,")
    if venue and not re.fullmatch(r"(?:[\w-]+\.)+[a-z]{2,}", venue):
        v_start = body.index(venue, middle[0])
        spans.append(("VENUE", v_start, v_start + len(venue)))
    elif not venue and host and host.start() == parts[-1][0] and not re.fullmatch(r"(?:[\w-]+\.)+[a-z]{2,}", host.group(1)) \
            and _PUBLISHER_HOST_RE.search(host.group(1)):
        # a book's byline names its publisher where an article's names the host: "R Delacourt
        # - 1985 - Yale University Press"
        spans.append(("VENUE", host.start(1), host.end(1)))
    if year:
        spans.append(("YEAR", middle[0] + year.start(1), middle[0] + year.end(1)))
    return sorted(spans, key=lambda span: span[1])
