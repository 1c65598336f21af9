"""A reference exported as fields set apart by one separator (tabs, " | ", " • ", " · ", " – "),
read by rule: reference managers, spreadsheets and profile exports write the same fields in any
order.

    Adaptive Mesh Refinement for Shallow-Water Flows | Oyelaran K, Dufresne M | J. Comp. Hydraulics | 2021
    2019 | Conference Paper | Kovač, I.; Menon, A. | Self-Supervised Depth Estimation … | Proc. of …
    Federated learning for rare-disease imaging<TAB>S Okonjo, T Blackwood…<TAB>Medical Imaging Informatics, 2023<TAB>Cited by 14

Each field is classified on its own: a year, a record-type label ("Book Chapter", "[Journal
Article]"), a name list, an id or count ("DOI: …", "Cited by 14", "14(2):88-97"), "in: Book"; the
first remaining field of three or more words is the title, the next remaining one the venue.
Only lines whose fields read this way cleanly (one title, some names) are taken.

    find_separated_spans(text) -> list[(label, start, end)] | None
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.names import looks_like_name, split_author_list

_SEPARATORS = ("\t", " || ", " | ", " • ", " · ", " – ", " — ", " - ")
_YEAR_FIELD_RE = re.compile(r"^\(?((?:19|20)\d{2})(?:-\d{2}){0,2}\)?$")
_TYPE_FIELD_RE = re.compile(
    r"^\[?(?:journal[- ]article|article|conference[- ]paper|proceedings[- ]article|book[- ]chapter|chapter|book|"
    r"thesis(?:\s*\((?:phd|msc|ma|ba)\))?|dissertation|report|preprint|dataset|software|poster|presentation|"
    r"working paper|other)\]?$", re.I)
_NOISE_FIELD_RE = re.compile(r"^(?:cited by\s*\d+|doi\s*:?\s*\S+|https?://\S+|pp?\.\s*[\d–-]+|\d+\s*\(\d+\)(?::\s*[\d–-]+)?|"
                             r"[\d–-]{2,}|vol\.?\s*\d+.*|no\.?\s*\d+)$", re.I)
_IN_FIELD_RE = re.compile(r"^in\s*:\s*(.+)$", re.I)
_LABELLED_FIELD_RE = re.compile(r"^(title|authors?|journal|venue|source|year)\s*:\s*(.+)$", re.I)
_LEAD_MARK_RE = re.compile(r"^\s*(?:[•▪*\-–]\s+|\[[A-Za-z ]{3,30}\]\s*)")
_VENUE_YEAR_NOTE_RE = re.compile(r"\s*\(((?:Findings of )?[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3})\s['’]?((?:19|20)\d\d)\)$")
_VENUE_YEAR_FIELD_RE = re.compile(r"((?:Findings of )?(?:\d(?=[A-Z]))?[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3})\s((?:19|20)\d\d)(?:\s*\([^()]{2,40}\))?")
_NAMES_NOTE_RE = re.compile(r"^(.+?)\s*\((?:[A-Za-z][a-z]*)(?:\s[A-Za-z][a-z]*){0,3}\)$")
_TRAILING_YEAR_RE = re.compile(r",?\s*\(?((?:19|20)\d{2})\)?\s*$")


def looks_like_name_field(field: str) -> bool:
    """A field holding only a list of people's names (no digits, a name's punctuation)."""
    names = split_author_list(field).names
    if not names or len(field.split()) > 60 or re.search(r"\d", field):
        return False  # "Medical Imaging Informatics, 2023" is a journal and its year
    from extract.fields.citation import authors_score

    return authors_score(field) >= 0.8 and bool(re.search(r"[,;&]|\band\b|\b[A-Z]\.|\b[A-Z]{1,3}\b|…", field))


# "Tobias Wren, Marcus Delacroix-Hale": full names in natural order, two to four words each
_AWARD_TAIL_RE = re.compile(r"\s*[⭐🏆🥇✨★☆🏅].*$")
_NATURAL_NAME_RE = re.compile(r"[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ÿ'’-]+(?:\s(?:(?:van|von|de|der|den|da|del|la|le|di|du)\s)*[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+){1,3}")
_VANCOUVER_PART_RE = re.compile(r"[A-ZÀ-ÞĀ-ŽȘȚ][\w'’ -]*\s[A-Z]{1,3}\.?|[A-Z]\.?(?:\s?[A-Z]\.?)?\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?")


def _name_pieces(field: str) -> list[tuple[int, int]]:
    """Where each person of a name field sits: "Kovač, I.; Menon, A." by its semicolons,
    "Oyelaran K, Dufresne M" / "S Okonjo, T Blackwood" by its commas; an inverted comma list
    ("Haraldsen, Per, Kimura, Aya") stays one piece for the name splitter."""
    if ";" in field:
        separator = ";"
    else:
        parts = [p.strip(" …") for p in field.split(",") if p.strip(" …")]
        natural = len(parts) >= 2 and all(_NATURAL_NAME_RE.fullmatch(p) for p in parts)
        if not (len(parts) >= 2 and all(_VANCOUVER_PART_RE.fullmatch(p) for p in parts)) and not natural:
            return [(0, len(field))]
        separator = ","
    out, pos = [], 0
    for piece in field.split(separator):
        start = field.find(piece, pos)
        stripped = piece.strip(" …")
        if stripped and not re.fullmatch(r"(?:and|&)?\s*et al\.?", stripped):
            at = start + piece.find(stripped)
            out.append((at, at + len(stripped)))
        pos = start + len(piece)
    return out or [(0, len(field))]


def find_separated_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    if len(text) > 1200:
        return None
    separator = max(_SEPARATORS, key=text.count)
    count = text.count(separator)
    dashes = separator in (" – ", " — ")
    if count < (3 if dashes else 2):
        if not (dashes and count == 2):
            return None
        # two dashes may be a title's own ("Title — A Subtitle — Venue"): taken only when the
        # line's three fields are a name list, a title and a venue with its year, checked below
    three_dashed = dashes and count == 2
    lead = _LEAD_MARK_RE.match(text)
    start = lead.end() if lead else 0
    fields: list[tuple[str, int, int]] = []
    pos = start
    for raw in text[start:].split(separator):
        begin = text.find(raw, pos)
        # an award mark closing the line ("… Elsa Lund ⭐ Honorable Mention") and empty cells ("—")
        stripped = _AWARD_TAIL_RE.sub("", raw).strip()
        if three_dashed:
            # "Ana Rocha, Chen-Hao Lin (Journal track)": a note closing the names
            noted_names = _NAMES_NOTE_RE.match(stripped)
            if noted_names and looks_like_name_field(noted_names.group(1)):
                stripped = noted_names.group(1)
        if re.fullmatch(r"[—–-]+", stripped):
            stripped = ""
        if stripped:
            offset = begin + raw.find(stripped)
            fields.append((stripped, offset, offset + len(stripped)))
        pos = begin + len(raw)
    if len(fields) < 3:
        return None
    if three_dashed and not (len(fields) == 3 and any(_VENUE_YEAR_FIELD_RE.fullmatch(f) for f, _, _ in (fields[0], fields[2]))
                             and any(looks_like_name_field(f) and re.search(r",|\band\b|&", f) for f, _, _ in (fields[0], fields[2]))):
        return None
    spans: list[tuple[str, int, int]] = []
    rest: list[tuple[str, int, int]] = []
    name_fields: list[tuple[str, int, int]] = []
    title = None
    for field, a, b in fields:
        labelled = _LABELLED_FIELD_RE.match(field)
        if labelled:
            key, value = labelled.group(1).lower(), labelled.group(2)
            a = a + labelled.start(2)
            b = a + len(value)
            if key == "title":
                title = (a, b)
                continue
            field = value
            if key in ("journal", "venue", "source"):
                spans.append(("VENUE", a, b))
                continue
        dated = re.match(r"^(.*?)\s*\(((?:19|20)\d{2})[a-z]?\)$", field)
        if dated and dated.group(1) and looks_like_name_field(dated.group(1)):
            # "Mendes-Oduya, C. (2015)": the names and the year in one field
            spans.append(("AUTHOR", a, a + len(dated.group(1))))
            spans.append(("YEAR", a + dated.start(2), a + dated.end(2)))
            continue
        if _YEAR_FIELD_RE.match(field):
            m = re.search(r"(?:19|20)\d{2}", field)
            spans.append(("YEAR", a + m.start(), a + m.end()))
        elif _TYPE_FIELD_RE.match(field) or _NOISE_FIELD_RE.match(field):
            continue
        elif _IN_FIELD_RE.match(field):
            m = _IN_FIELD_RE.match(field)
            spans.append(("VENUE", a + m.start(1), b))
        elif looks_like_name_field(field):
            name_fields.append((field, a, b))
            spans.extend(("AUTHOR", a + x, a + y) for x, y in _name_pieces(field))
        else:
            rest.append((field, a, b))
    if len(name_fields) >= 2:
        # two fields read as names: "Landscape and Urban Planning" (an "and", no initials, no
        # commas) beside "S. Ibarra, T. Lund" is the journal
        strong = [f for f in name_fields if re.search(r",|\b[A-Z]\.", f[0])]
        weak = [f for f in name_fields if f not in strong and not re.search(r",|\b[A-Z]\.", f[0])]
        if strong and weak:
            for field, a, b in weak:
                spans = [sp for sp in spans if not (sp[0] == "AUTHOR" and a <= sp[1] < b)]
                rest.append((field, a, b))
            rest.sort(key=lambda f: f[1])
    if title is None:
        # "ACL 2023 (Outstanding Paper)": a venue and its year, never the title
        venue_fields = [(f, a, b) for f, a, b in rest if _VENUE_YEAR_FIELD_RE.fullmatch(f)]
        for field, a, b in venue_fields:
            if not any(label == "VENUE" for label, _, _ in spans):
                vm = _VENUE_YEAR_FIELD_RE.fullmatch(field)
                spans.append(("VENUE", a + vm.start(1), a + vm.end(1)))
                if not any(label == "YEAR" for label, _, _ in spans):
                    spans.append(("YEAR", a + vm.start(2), a + vm.end(2)))
            rest.remove((field, a, b))
        candidates = [(f, a, b) for f, a, b in rest if len(f.split()) >= 3]
        if not candidates:
            return None
        field, a, b = candidates[0]
        rest.remove(candidates[0])
        quoted = re.fullmatch(r"[\"“'‘«](.+?)[\"”'’»]", field)
        if quoted:
            a, b = a + 1, b - 1
        # "Title (ICLR 2024)": the venue and year in a parenthesis closing the title's field
        noted = _VENUE_YEAR_NOTE_RE.search(field)
        if noted and noted.start() > 0 and len(field[: noted.start()].split()) >= 3:
            spans.append(("VENUE", a + noted.start(1), a + noted.end(1)))
            if not any(label == "YEAR" for label, _, _ in spans):
                spans.append(("YEAR", a + noted.start(2), a + noted.end(2)))
            b = a + noted.start()
        title = (a, b)
    if not any(label == "AUTHOR" for label, _, _ in spans) and rest and fields[-1][1] == rest[-1][1] \
            and any(label == "YEAR" for label, _, _ in spans):
        # one author, written in full, in the last field: "Title · Interactions · 2024 · Tobias Wren"
        field, a, b = rest[-1]
        if _NATURAL_NAME_RE.fullmatch(field) and len(field.split()) <= 3 and looks_like_name(field):
            rest.remove(rest[-1])
            spans.append(("AUTHOR", a, b))
    if not any(label == "AUTHOR" for label, _, _ in spans):
        return None
    spans.append(("TITLE", title[0], title[1]))
    if not any(label == "VENUE" for label, _, _ in spans) and rest:
        field, a, b = rest[0]
        year = _TRAILING_YEAR_RE.search(field)
        if year and year.start() > 0:
            if not any(label == "YEAR" for label, _, _ in spans):
                spans.append(("YEAR", a + year.start(1), a + year.end(1)))
            b = a + year.start()
        spans.append(("VENUE", a, b))
    return sorted(spans, key=lambda s: s[1])
