"""Rule-based reading of one free-text publication entry ("Authors. Title. Venue, 2020.").

This is the fast, transparent first pass; the trained entry parser (extract.entry_parser)
takes over where these rules are unsure (see `parse_entry_text`).
"""
from __future__ import annotations

import re
from typing import Optional

from extract.fields.dates import find_year
from extract.fields.ids import find_arxiv, find_doi, find_openreview, find_urls
from extract.fields.names import looks_like_name, split_author_list
from extract.fields.sections import PUBLICATION_STATUS
from extract.fields.text import clean_text, fold, strip_author_marks, strip_markdown
from extract.fields.venues import clean_venue
from extract.ingestors.base import Entry

_QUOTED_RE = re.compile(r"[\"“”„«]([^\"“”„«»]{8,400}?)[,.]?[\"“”»]")
# sentence boundary: a period not ending an initial ("J.") or a common abbreviation, before a
# capital or one of the venues spelled with a small first letter ("… D. Reyes. arXiv:2405.01234")
_BOUNDARY_RE = re.compile(r"(?<!\b[A-Z])(?<!\bal)(?<!\bvs)(?<!\bVol)(?<!\bNo)(?<!\bpp)(?<!\bInt)(?<!\bConf)(?<!\bProc)(?<!\bJ)\.\s+(?=[A-Z0-9\"“(\[¿¡«„‘À-ÖØ-Þ]|(?:arXiv|bioRxiv|medRxiv|eLife|iScience|eNeuro|mBio|eprint)\b)|\?\s+|!\s+")
_MD_LINK_MARKER_RE = re.compile(r"\[(?:pdf|paper|code|slides|video|poster|bib|bibtex|arxiv|project(?: page)?|website|html|abstract|doi|link|talk|blog|data|supplementary|preprint)\]\([^)\s]*\)", re.I)
_LINK_WORDS_RE = re.compile(r"\[(?:pdf|paper|code|slides|video|poster|bib|bibtex|arxiv|project|website|html|abstract|doi|link|talk|blog)\]", re.I)


def authors_score(segment: str) -> float:
    """Share of a segment's comma/and parts that look like person names."""
    names = split_author_list(segment).names
    if not names:
        return 0.0
    good = sum(looks_like_name(n) and len(n.split()) <= 5 for n in names)
    return good / len(names)


def split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _BOUNDARY_RE.split(text) if p and p.strip()]
    return parts


# fields set apart by a spaced dash, bar or dot: "Title — A, B — Venue, 2024", "A, B | NeurIPS"
_FIELD_SEPARATOR_RE = re.compile(r"\s+(?:[—–|·•]|-{1,2})\s+")


def split_fields(text: str) -> list[str]:
    """Sentences, each further split at spaced separators (homepages set fields apart with
    " — ", " | " or " · " as often as with full stops)."""
    return [p.strip() for sentence in split_sentences(text) for p in _FIELD_SEPARATOR_RE.split(sentence) if p.strip()]


_LIST_NUMBER_RE = re.compile(r"^\s*(?:\[\d+\]|\(?\d{1,3}[.)]|[-*•])\s*")
# a CV's own entry, owner implicit: '"Title" (with A and B), Venue, 2022' or '"Title," Venue'
OWN_QUOTED_ENTRY_RE = re.compile(r"^\s*(?:\[\d+\]|\(?\d{1,3}[.)]|[-*•])?\s*(?:\(\s*(?:joint\s+)?with\s[^()]{2,120}\)\s*)?"
                                 # 'With Tomás Aranda. "Title."' / 'Forthcoming. "Title."'
                                 r"(?:[Ww]ith\s[^()\"“”.]{2,120}\.\s+|(?i:forthcoming|in press|submitted|under review|accepted|to appear)[.:]\s+)?[\"“][^\"“”]{10,300}[\"”]\s*(?:\(\s*(?:joint\s+)?with\s|[,.]?\s*\S)")
_WITH_NAMES_RE = re.compile(r"^\(\s*(?:joint\s+)?with\s+([^()]{3,200})\)", re.I)
# (an initial's full stop is inside the names: "with J. du Plessis, S. Benítez and G. Oyelowo. Venue")
_WITH_SENTENCE_RE = re.compile(r"^(?i:joint(?:ly)?\s+)?(?i:with)\s+((?:[^.()]|(?<=\b[A-Z])\.(?=\s?\w)){3,200}?)(?<!\b[A-Z])\.\s+(?=\S)")
_TITLE_THEN_WITH_RE = re.compile(r"^\s*(?:\[\d+\]|\(?\d{1,3}[.)]|[-*•])?\s*[\"“]?([^\"“”]{8,300}?)[,.]?[\"”]?,?(?=\s+(?i:joint(?:ly)?\s+)?(?i:with)\s+[A-ZÀ-Þ])")
# Chicago's chapter: "In Book Title, edited by A and B, 1–24. London: Routledge, 2022"
_IN_EDITED_BOOK_RE = re.compile(r"^In:?\s+(.{3,300}?),\s+(?:edited|ed\.|eds\.|trans(?:lated)?\.?)\s+by\s", re.I)
_ET_AL_RE = re.compile(r"\bet\.?\s*al\b\.?", re.I)
_TRAILING_YEAR_RE = re.compile(r"[.,]?\s*\(?(?:19|20)\d{2}[a-z]?\)?\.?\s*$")


# the end of an inverted name's initials (", I." / ", C. M."), then a capitalised word that
# is not the next name: "Okafor, C., & Vásquez, I. Ocean Current Downscaling via …"
# ("M. J. y van der Berg": the next word is no initial, or the split falls between two initials)
_INVERTED_INITIALS_END_RE = re.compile(r",\s*(?:[A-Z]\.[\s-]?){1,3}(?=\s+[A-Z][^\s.]|\s+(?:A|An)\s+[a-z])")


def split_inverted_initials_from_title(segment: str) -> list[str]:
    """A sentence split cannot break after an initial ("I. Ocean" reads like "J. Smith"), so a
    title that follows an inverted author list stays glued to it. Split where the names end:
    the head reads as names and what follows starts like a title (its first comma-part runs
    past four words, so it is no name)."""
    for m in _INVERTED_INITIALS_END_RE.finditer(segment):
        head, tail = segment[: m.end()].strip(), segment[m.end():].strip()
        first_part = re.split(r",|\s(?:and|&)\s", tail, maxsplit=1)[0]
        # ...or, when the title holds an "and" early ("Inflation Expectations and the …"),
        # its first clause as a whole reads as no list of names
        clause = re.split(r"[.:;?!]\s", tail, maxsplit=1)[0]
        if (len(first_part.split()) > 4 or (len(clause.split()) >= 3 and authors_score(clause) <= 0.5)) \
                and authors_score(head) >= 0.99:
            return [head, tail]
    return [segment]


def title_quote(text: str, pattern: re.Pattern = _QUOTED_RE) -> Optional[re.Match]:
    """The first quoted span that stands where a title stands: at the start or after a
    separator ('Doe, J. (2020). "Title," Venue'), not a phrase quoted inside a sentence
    ('Inflation Expectations and the “Anchoring” Puzzle')."""
    for quoted in pattern.finditer(text):
        before = text[: quoted.start()].rstrip()
        if not before or before[-1] in ".,:;()[]–—-" or re.search(r"\b(?:in|In)$", before):
            return quoted
    return None


def parse_citation(raw: str) -> Entry:
    """Best-effort fields of one entry from rules alone."""
    text = clean_text(raw)
    urls = find_urls(text)
    blob = " ".join(urls) + " " + text
    entry = Entry(urls=urls, arxiv=find_arxiv(blob), doi=find_doi(blob), openreview=find_openreview(blob))
    text = _MD_LINK_MARKER_RE.sub(" ", text)
    text = strip_markdown(text)
    text = _LINK_WORDS_RE.sub(" ", text)
    from extract.fields.ids import URL_RE

    text = URL_RE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" -–—•*")
    year = find_year(text)
    entry.year = year

    book = ITALIC_BOOK_RE.match(clean_text(raw))
    if book:
        # a CV's own book: "*Kirk, Kin and Commerce: …, 1690–1760* (Edinburgh: Edinburgh
        # University Press, 2019)" or "With J. Peltier (eds.), *Borders of Belief* (London: Routledge, 2021)"
        entry.title = book.group("title").strip()
        entry.venue = book.group("publisher").strip()
        entry.year = int(book.group("year")) if book.group("year") else year
        with_names = book.group("with")
        if with_names:
            entry.authors_text = re.sub(r"\s*\(?(?:eds?|Hrsg|dir)\.?\)?\s*$", "", with_names).strip(" ,")
        entry.flags.append("owner-implicit")
        return entry
    quoted = title_quote(text)
    if quoted:
        entry.title = quoted.group(1)
        before, after = text[: quoted.start()].strip(" ,.:"), text[quoted.end():].strip(" ,.:")
        # a quoted question heading the title: '"Is depth enough?" Revisiting RGB-D baselines.'
        # or '“Nynorsk or Bokmål?”: Dialect-aware normalisation …': the title runs on
        rest = text[quoted.end():]
        # ...and any quoted phrase heading a title: '“Blue carbon” accounting in Irish estuaries.',
        # '«Hablar bien»: ideologías normativas …', '“I just needed …”: Patient narratives …'
        run_on = (re.match(r"\s*:?\s+(?!In\b|Proc)([A-Z][^.]{3,300}?)\.(?:\s|$)", rest)
                  if entry.title.rstrip().endswith(("?", "!")) else None) \
            or (None if entry.title.rstrip().endswith((",", ".", ";"))
                # '“Title,” with A and B': the comma inside the quotes closed the title
                or re.search(r"[,.;]\s*[\"”’]$", text[quoted.start():quoted.end()]) else
                re.match(r"\s*:\s+(?!In\b|Proc)([^.]{3,300}?)\.(?:\s|$)|\s+((?!in\b|pp\b|vol\b|and\b|with\b|joint)[a-z][^.]{3,300}?)\.(?:\s|$)", rest))
        if run_on:
            end = max(run_on.end(k) for k in range(1, (run_on.re.groups or 1) + 1) if run_on.group(k) is not None)
            entry.title = f"{text[quoted.start():quoted.end()]}{rest[:end]}".strip()
            after = rest[run_on.end():].strip(" ,.:")
        noted = re.fullmatch(r"\(\s*(?:joint(?:ly)?\s+)?with\s+([^()]{2,200})\)|(?:joint(?:ly)?\s+)?[Ww]ith\s+([^()\"“”]{2,200}?)\.?",
                             _LIST_NUMBER_RE.sub("", before).strip())
        if noted and split_author_list(noted.group(1) or noted.group(2)).names and authors_score(noted.group(1) or noted.group(2)) >= 0.6:
            noted_names = noted.group(1) or noted.group(2)
            # "(with Ruaridh Grant) “Title,” Journal" or 'With Tomás Aranda. "Title." Journal': the
            # co-authors, the owner implicit
            entry.authors_text = noted_names.strip(" .,")
            entry.flags.append("owner-implicit")
        elif before and authors_score(_STATUS_AFTER_NAMES_RE.sub("", before)) >= 0.6:
            # Chicago author-date's "Whitcombe, Eleanor. Forthcoming. “Title.”": the status in the year's slot
            status_slot = _STATUS_AFTER_NAMES_RE.search(before)
            entry.authors_text = _STATUS_AFTER_NAMES_RE.sub("", before)
            if status_slot:
                entry.note = status_slot.group(1)
        elif not _LIST_NUMBER_RE.sub("", before).strip():
            # a CV's own entry: '"Title" (with A and B), Venue, 2022' or '"Title," Venue, 2018':
            # the owner is the unnamed author, the "with" names the co-authors
            entry.flags.append("owner-implicit")
            with_names = _WITH_NAMES_RE.match(after) or _WITH_SENTENCE_RE.match(after)
            if with_names and authors_score(with_names.group(1)) >= 0.6:
                # '"Introduction." With Tomás Aranda. In Ledgers of Empire, …'
                entry.authors_text = with_names.group(1).strip()
                after = after[with_names.end():].strip(" ,.:")
        # a chapter's book: "In The Oxford Handbook of …, edited by Rafael Montoya. Oxford: …"
        edited = _IN_EDITED_BOOK_RE.match(after)
        entry.venue = edited.group(1).strip(" ,.") if edited else _venue_of(after, year)
        return entry

    # German author-date: "Brenner, Katharina/Hoffmann, Tobias (2019): Wer arbeitet wann? …"
    head = _NAMES_YEAR_COLON_RE.match(text)
    if head and authors_score(head.group(1).replace("/", "; ")) >= 0.6:
        entry.authors_text = head.group(1).replace("/", "; ").strip(" ,.")
        rest = split_sentences(text[head.end():])
        if rest:
            if _question_then_subtitle(text, rest):
                rest = [f"{rest[0]}? {rest[1]}"] + rest[2:]
            if len(rest) >= 3 and _PLACE_PUBLISHER_SENTENCE_RE.match(rest[2]) and not re.search(r"\d|^In:?\s", rest[1]) \
                    and not re.match(r"In:?\s", rest[2]):
                # a book: "Bildung im Übergang. Biographische Perspektiven auf … . Wiesbaden:
                # Springer VS.": title, subtitle, then place and publisher
                joint = " " if rest[0].endswith(("?", "!")) else ". "
                asked = re.search(re.escape(rest[0]) + r"\s*([?!])", text)
                if asked:  # "Schule als Ort der Ungleichheit? Empirische …": the question stays one
                    rest[0], joint = rest[0] + asked.group(1), " "
                rest = [f"{rest[0].rstrip('.')}{joint}{rest[1]}"] + rest[2:]
            entry.title = rest[0]
            imprint = _PLACE_PUBLISHER_SENTENCE_RE.match(rest[1]) if len(rest) >= 2 else None
            if imprint and not re.match(r"In:?\s", rest[1]):
                # "Opladen: Verlag Barbara Budrich (zugl. Dissertation, Universität Göttingen 2013)":
                # the publisher; the note names the thesis it also was
                entry.venue = re.sub(r"\s*\(.*$", "", imprint.group(1)).strip(" .,;") or None
            else:
                entry.venue = _venue_of(" ".join(rest[1:]), year)
        return entry

    segments = split_sentences(text)
    if segments:
        segments[:1] = split_inverted_initials_from_title(segments[0])
    author_idx: Optional[int] = None
    for i, seg in enumerate(segments[:3]):
        if i and VENUE_WORD_RE.search(seg) and not re.search(r"\b[A-Z]\.", seg):
            continue  # "Estuarine, Coastal and Shelf Science": a journal's name, not a list of people
        if authors_score(re.sub(r"\(\s*(?:19|20)\d{2}[a-z]?\s*\)", "", seg)) >= 0.75 and ("," in seg or " and " in seg) or (
            authors_score(seg) == 1.0 and len(seg.split()) <= 4 and i == 0
        ):
            author_idx = i
            break
    if author_idx is not None:
        names_part = segments[author_idx]
        # "A, B, et al. Venue 2021": what follows "et al." is the next field
        truncated = _ET_AL_RE.search(names_part)
        if truncated and names_part[truncated.end():].strip(" .,"):
            segments.insert(author_idx + 1, names_part[truncated.end():].strip(" ."))
            names_part = names_part[: truncated.end()]
        names_part = _TRAILING_YEAR_RE.sub("", names_part)  # "Ngata. 2021" (Chicago author-date)
        segments[author_idx] = names_part
        entry.authors_text = re.sub(r"\(\s*(?:19|20)\d{2}[a-z]?\s*\)", "", names_part).strip(" ,.")
        rest = segments[author_idx + 1 :] if author_idx == 0 else segments[:author_idx] + segments[author_idx + 1 :]
        if author_idx == 0:
            if rest:
                if _question_then_subtitle(text, rest):
                    # "Is the karst aquifer “leaking”? Tracer evidence from …. Journal, 9": the
                    # question's subtitle belongs to the title
                    rest = [f"{rest[0]}? {rest[1]}"] + rest[2:]
                entry.title = rest[0]
                entry.venue = _venue_of(" ".join(rest[1:]), year)
        else:
            entry.title = segments[0]
            entry.venue = _venue_of(" ".join(segments[author_idx + 1 :]), year)
    elif segments:
        entry.title = segments[0]
        if len(segments) > 1 and authors_score(segments[1]) >= 0.75 and not VENUE_WORD_RE.search(segments[1]):
            entry.authors_text = segments[1]
            entry.venue = _venue_of(" ".join(segments[2:]), year)
        else:
            entry.venue = _venue_of(" ".join(segments[1:]), year)
    return entry


_VENUE_CUE_RE = re.compile(r"^(?:In\b|Proc|Journal|Trans|Annals|Bulletin|Review|Letters|arXiv|Preprint|Workshop|Conference|"
                           r"Symposium|Advances|Int\b|J\.? )", re.I)


def _question_then_subtitle(text: str, rest: list[str]) -> bool:
    """A title that is a question split from its subtitle by the sentence rules: the question
    mark ended the first part, and a part with the venue's digits or cue words still follows."""
    if len(rest) < 3 or f"{rest[0]}?" not in text:
        return False
    subtitle, tail = rest[1], " ".join(rest[2:])
    return (not re.search(r"\d", subtitle) and not _VENUE_CUE_RE.match(subtitle) and len(subtitle.split()) >= 2
            and (bool(re.search(r"\d", tail)) or bool(_VENUE_CUE_RE.match(tail))))


def _venue_of(text: str, year: Optional[int]) -> Optional[str]:
    text = text.strip(" ,.;:")
    if not text:
        return None
    # Chicago: "Journal of Social History 55, no. 1 (2021): 88–114. Open access" — the journal is
    # what comes before its volume; a status in brackets is a note ("Past & Present (forthcoming)")
    chicago = _CHICAGO_VOLUME_RE.search(text)
    if chicago and chicago.start() > 2:
        text = text[: chicago.start()]
    text = _PAREN_STATUS_RE.sub("", text).strip(" ,.;:")
    text = re.sub(r"[.\s]*(?:Preprint\s+)?[Pp]osted online\b.*$", "", text).strip(" ,.;:")
    if not text:
        return None
    text = re.sub(r"\b(?:pp?\.?\s*\d+\s*[-–]+\s*\d+|pages?\s+\d+\s*[-–]+\s*\d+)\b", "", text)
    # volume(issue):pages such as "19(4):1-30" or "56:1-50"
    text = re.sub(r",?\s*\d+\s*(?:\(\s*\d+\s*\))?\s*:\s*[\w.]+\s*(?:[-–]+\s*[\w.]+)?\s*$", "", text)
    text = re.sub(r",?\s*\d+\s*\(\s*\d+\s*\)\s*$", "", text)
    if year:
        # "NeurIPS 2021" keeps its year; a trailing ", 2021" alone is dropped
        text = re.sub(rf"[,(]\s*{year}\s*\)?\s*$", "", text).strip(" ,.;:")
    text = re.sub(r"\b(?:vol(?:ume)?\.?\s*\d+|no\.?\s*\d+)\b", "", text, flags=re.I).strip(" ,.;:()")
    return clean_venue(text) if text and not re.fullmatch(r"[\d\s,.:;()\-–]+", text) else None


ITALIC_BOOK_RE = re.compile(
    r"^\s*(?:[-*•]\s+)?(?:[Ww]ith\s+(?P<with>[^*()]{3,120}?(?:\((?:eds?|Hrsg|dir)\.\))?),?\s+)?"
    r"[*_](?P<title>[^*_]{8,300})[*_]\s*\(\s*(?:[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z]{2})?:\s*)?(?P<publisher>[^,():]{2,80}),\s*"
    r"(?P<year>(?:1[6-9]|20)\d{2})?(?:forthcoming)?\s*\)\.?\s*")
_CHICAGO_VOLUME_RE = re.compile(r"\s+\d{1,4}(?:,\s*no\.\s*\d+[a-z]?|\s*\((?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter)[a-z]*\.?\s+)?(?:1[6-9]|20)\d{2}\)\s*:)")
_PAREN_STATUS_RE = re.compile(r"\s*\((?i:forthcoming|in press|to appear|under review|submitted|accepted)\)")


# a publication status the parsers read into the title: "Title. Under review."
# what stands where a year would in an entry not yet published
STATUS_RE = re.compile(rf"\b{PUBLICATION_STATUS}(?!\w)", re.I)
_TITLE_STATUS_RE = re.compile(rf"(?:[.,;]\s*|\s+\(){PUBLICATION_STATUS}\)?\.?\s*$", re.I)


# APA puts a status where the year goes: "Doe, J., & Roe, K. (under review). Title. …"
_STATUS_IN_YEAR_SLOT_RE = re.compile(
    rf"\(\s*({PUBLICATION_STATUS}(?:\s+(?:for publication|para publica[çc][ãa]o|pour publication|per la pubblicazione|"
    rf"zur Ver[öo]ffentlichung))?)\s*\)\s*[.,:]?", re.I)
# "Manuscript submitted for publication." closing an APA entry: a status, not a venue
_STATUS_SENTENCE_RE = re.compile(r"(?:^|[.;]?\s+)(?:unpublished\s+)?manuscript(?:\s+(?:submitted|in preparation|under review)"
                                 r"(?:\s+for publication)?)?\.?\s*$", re.I)


# a label before the reference itself: "Recommended citation: Doe, J. (2020) …", "Cite as: …"
_NAMES_YEAR_COLON_RE = re.compile(
    r"^([^()]{3,300}?)\s*(?:\((?:Hrsg|Hg|Hgg|eds?|Eds?)\.?\)\s*)?"
    r"\((?:(?:1[6-9]|20)\d{2}[a-z]?|(?i:im Erscheinen|in Vorbereitung|in Druck|in press|forthcoming|i\.\s?E\.))\)\s*:\s+(?=\S)")
# words of journal and proceedings names, never of people's: "Estuarine, Coastal and Shelf Science"
VENUE_WORD_RE = re.compile(r"\b(?:Science|Sciences|Journal|Review|Letters|Series|Research|Proceedings|Transactions|Bulletin|"
                            r"Annals|Quarterly|Studies|Society|Systems|Conference|Symposium|Workshop|Ecology|Biology|"
                            r"Physics|Chemistry|Economics|Engineering|Medicine|Press|Magazine)\b")
_AUTHOR_DATE_HEAD_RE = re.compile(r"\((?:1[6-9]|20)\d{2}[a-z]?\)\s*[:.]\s")
# a link's label closing an entry: "[Verlagsseite]", "[Volltext]", "[Texte intégral]", "[PDF]"
_TRAILING_LINK_LABEL_RE = re.compile(r"(?:\s*\[[^\[\]\d]{1,25}\])+\s*$")
_CITATION_LABEL_RE = re.compile(r"^\s*(?:recommended\s+citation|suggested\s+citation|cite\s+(?:as|this(?:\s+\w+)?)|"
                                r"citation|how\s+to\s+cite)\s*:\s*", re.I)


# a year set before the entry as its label: "2020 — Title. Authors. Venue" (the year is kept)
YEAR_LABEL_RE = re.compile(r"^\s*(?:\*\*|__)?\(?((?:19|20)\d{2})\)?(?:\*\*|__)?\s*(?:(?:[—–|:]|-{1,3})\s+|\s{2,}|\t)(?=\S)")
# a text CV's status in the year column: "forthc.  Title. Venue. (with …)"
STATUS_LABEL_RE = re.compile(r"^\s*(?:(?:forthc(?:oming)?\.?|in press|submitted|under review|in prep(?:aration)?\.?)(?:\s{2,}|\t)(?=\S)"
                             r"|(?:forthc|in prep)\.\s+(?=[A-Z])"
                             # a CV's status before its quoted title: 'Forthcoming. "Sea Loans and Sin." Journal …'
                             r"|(?:forthcoming|in press|submitted|under review|accepted|to appear)[.:]\s+(?=[\"“‘']))", re.I)
# a CV's own entry closed by its co-authors: "… Marine Ecology Progress Series. (with J. Haraldsen and P. Oduya)"
_TITLE_THEN_BRACKET_RE = re.compile(r"\W{0,3}(?P<title>[A-Z][^()]{10,300}?)\s*\((?P<venue>[^()]{2,80}?)[\s,']*(?P<year>(?:19|20)\d{2})\)\.?")
_VENUE_YEAR_BRACKET_RE = re.compile(r"\s*\(([^()]{2,80}?)[\s,']*((?:19|20)\d{2})\)$")
# a Vancouver author list heading the entry: "Raghunathan P†, Oduya K, Sørensen MB, Halloran J. Title"
VANCOUVER_HEAD_RE = re.compile(
    r"^\W{0,3}(?:\[?\d{1,3}[.)\]]\s+)?(?:(?:[A-ZÀ-Þ][\w'’-]+\s){1,2}[A-Z]{1,3}[*†‡§]*,\s*)*(?:[A-ZÀ-Þ][\w'’-]+\s){1,2}[A-Z]{1,3}[*†‡§]*\.\s+[A-ZÀ-Þ\"“*_]")
BRACKET_VENUE_CUE_RE = re.compile(r"[A-Z]{2,}|\b(?:Proceedings|Conference|Workshop|Findings|Journal|Symposium|Review|Letters|Transactions)\b")
_SOLE_AUTHOR_NOTE_RE = re.compile(r"\s*(?:[—–]|\(|,)\s*(?:sole|single|solo)[- ]author(?:ed)?\)?(?=[.,;]|\s*$)", re.I)
_TRAILING_WITH_RE = re.compile(r"\s*[(\[]\s*(?:joint(?:ly)?\s+)?with\s+([^()\[\]]{2,300})[)\]]\.?\s*$"
                               # "Title (EMNLP 2023), with Hannah Brückner and my advisor Rachel Okafor"
                               r"|(?<=\))\s*,\s*(?:joint(?:ly)?\s+)?with\s+([^()\[\]]{2,300}?)\.?\s*$", re.I)
# one author written with initials: "S. Halldórsdóttir", "J.-P. Dubois", "Halldórsdóttir, S."
SINGLE_AUTHOR_RE = re.compile(r"(?:[A-Z]\.\s?-?){1,3}\s?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?|[A-Z][\w'’-]+,\s(?:[A-Z]\.\s?-?){1,3}")


# a CV's own entry labels: "[J1]", "[C12]", "(W2)", "J1.", "P3)" (journal/conference/workshop/preprint)
ENTRY_LABEL_RE = re.compile(r"^\s*[*_]{0,2}(?:\[[A-Z]{1,3}\s?-?\d{1,3}[a-z]?\]|\([A-Z]{1,3}\s?-?\d{1,3}[a-z]?\)|[A-Z]{1,3}\d{1,3}[a-z]?[.):]"
                            # a BibTeX key as the entry's label: "[KesslerPooleVanRensburg96]", "[Kessler99] (*)"
                            r"|\[[A-Z][A-Za-z+-]{2,60}\d{2,4}[a-z]?\](?:\s*\(\*\))?)[*_]{0,2}\s+")


# HAL's id marks: "⟨10.5555/x.1⟩" is a DOI, "⟨halshs-04501126⟩" an archive id (not a venue)
ANGLE_ID_RE = re.compile(r"\.?\s*⟨([^⟨⟩]{1,120})⟩")


def angle_ids_as_text(text: str) -> str:
    return ANGLE_ID_RE.sub(lambda m: f". doi:{m.group(1)}" if m.group(1).startswith("10.") else "", text)


def _only_in_brackets(text: str, needle: str) -> bool:
    """Every occurrence of `needle` in `text` sits inside square brackets."""
    found = False
    for m in re.finditer(re.escape(needle), text):
        found = True
        before = text[: m.start()]
        if before.count("[") <= before.count("]"):
            return False
    return found


_LEADING_WITH_NOTE_RE = re.compile(r"^\s*\(\s*(?:joint(?:ly)?\s+)?with\s+([^()]{2,200})\)\s*(?=[A-ZÀ-Þ0-9\"“‘«])")


# "Wiesbaden: Springer VS", "Opladen: Verlag Barbara Budrich (zugl. Dissertation …)"
_PLACE_PUBLISHER_SENTENCE_RE = re.compile(r"^[A-ZÄÖÜ][\w./ -]{1,40}:\s+([A-Za-zÄÖÜ][^:]{1,120})")


_STATUS_AFTER_NAMES_RE = re.compile(r"[.,]\s*\(?((?i:forthcoming|in press|to appear|under review|submitted))\)?\.?$")


def parse_own_entry_text(raw: str) -> Optional[Entry]:
    """An own entry that names no author ("Die Stimme des Chores. Studien …, Göttingen: V&R 2019";
    "Title, in: Hermes 150 (2022), 129–151"), read with a stand-in author before it: the parser,
    which learnt from author-first references, otherwise reads the title's first words as names.
    The stand-in goes again; the co-authors a leading "(mit …)" note names stay. None when the
    text reads as starting with names of its own."""
    from extract.entry_parser import STAND_IN, parse_entry
    from extract.fields.cv_kinds import LEADING_CO_AUTHOR_NOTE_RE

    noted = LEADING_CO_AUTHOR_NOTE_RE.match(raw)
    body = raw[noted.end():] if noted else raw
    entry = parse_entry(STAND_IN + body)
    if entry is None:
        return None
    names = [a.name for a in entry.authors] if entry.authors else split_author_list(entry.authors_text or "").names
    if len(names) != 1 or fold(names[0]) not in (fold("Doe, J."), fold("J. Doe"), fold("J Doe")):
        return None
    if not entry.title:
        return None
    entry.authors = []
    entry.authors_text = noted.group(1).strip(" .,") if noted and split_author_list(noted.group(1)).names else None
    if entry.authors_text is None:
        from extract.entry_parser.postprocess import _co_authors_noted

        later = _co_authors_noted(body)  # "Title (co-edited with Rafael Duarte). Amsterdam: …"
        if later:
            entry.authors_text = ", ".join(p.name for p in later)
    if "owner-implicit" not in entry.flags:
        entry.flags.append("owner-implicit")
    return entry


def parse_entry_text(raw: str) -> Entry:
    entry = _parse_noted_entry_text(raw)
    if "*" in raw or "_" in raw:
        entry = _italic_title_reread(raw, entry)
    return entry


# one single-emphasis span of a Markdown line: "*Title of the paper*", "_Title_" (not "**bold**",
# not the marks after names: "Doe*, Lee*")
_MD_ITALIC_SPAN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[,;:—–-]))([*_])(?![*_\s])([^*_\n]{12,400}?)(?<![\s*_])\1(?![*_\w])")


def _italic_title_reread(raw: str, entry: Entry) -> Entry:
    """A Markdown line whose one italic span is its title ('Takahashi, R. 2022, *Bolometric
    Corrections for Obscured AGN in the Mid-Infrared*, AJ, 164, 88') read again with that span
    in quotes, when the first reading cut the title inside the span or ran it past it. An italic
    span that is the venue (APA's "*Journal of …*") leaves the reading alone."""
    spans = [m for m in _MD_ITALIC_SPAN_RE.finditer(raw) if len(m.group(2).split()) >= 3]
    if len(spans) != 1 or not entry.title:
        return entry
    italic = spans[0].group(2).strip()
    title, shown = fold(entry.title), fold(italic)
    # (a title elsewhere is given up only for a span closed by its own full stop after the names:
    # "Solberg, H.; Okafor, C. *A Bench-Stable Nickel(0) Precatalyst for …* ACS Catal. 2021")
    head = raw[: spans[0].start()].strip(" .,;*_")
    own_stop = (italic.endswith((".", "?", "!")) and authors_score(head) >= 0.6
                and not re.search(r"[a-z]{2}[.?!]\s", head))  # (only names before it: no sentence of the title's)
    if not shown or title == shown or (entry.venue and fold(entry.venue) in (shown,)) \
            or not (title in shown or shown in title or own_stop):
        return entry
    quoted = raw[: spans[0].start()] + "“" + italic.rstrip(" .,") + ",” " + raw[spans[0].end():].lstrip(" ,.")
    again = _parse_noted_entry_text(quoted)
    if not again.title or fold(again.title) != fold(italic.rstrip(" .,")):
        return entry
    # the first reading's venue stands unless it took in part of the span ("AGN in the Mid-Infrared,
    # AJ"); its authors stand unless its title ran on before the span (the names read as title)
    if entry.venue and not any(w in fold(entry.venue).split() for w in shown.split()[-2:]):
        again.venue = entry.venue
    if title in shown:
        again.authors, again.authors_text = entry.authors, entry.authors_text
    again.year = again.year or entry.year
    return again


def _parse_noted_entry_text(raw: str) -> Entry:
    if "⟨" in raw:
        raw = angle_ids_as_text(raw)
    from extract.entry_parser import NOTE_LEAD_IN_RE

    lead_in = NOTE_LEAD_IN_RE.match(raw)
    if lead_in:  # a footnote's "Vgl. dazu …", "Véase …", "For the wider context, see …" before the author
        raw = raw[lead_in.end():]
    raw = ENTRY_LABEL_RE.sub("", _CITATION_LABEL_RE.sub("", strip_author_marks(raw)))
    label_year = YEAR_LABEL_RE.match(raw)
    if label_year:
        raw = raw[label_year.end():]
    label_status = STATUS_LABEL_RE.match(raw) if not label_year else None
    if label_status:
        raw = raw[label_status.end():]
    sole = _SOLE_AUTHOR_NOTE_RE.search(raw)
    if sole:  # "Title — sole author. Journal, 2021": the owner's own, nobody else's
        raw = raw[: sole.start()] + raw[sole.end():]
    # a mathematician's "(with J. Lefèvre and M. de Vries) Title, J. Algebra 26 (2023)": the
    # co-authors lead, the owner implicit
    leading_with = _LEADING_WITH_NOTE_RE.match(raw)
    if leading_with and split_author_list(leading_with.group(1)).names:
        raw = raw[leading_with.end():]
    else:
        leading_with = None
    with_names = _TRAILING_WITH_RE.search(raw)
    with_text = (with_names.group(1) or with_names.group(2)) if with_names else ""
    # "and my advisor Rachel Okafor": the role words are no part of the name
    with_text = re.sub(r"\b(?:my|our)\s+(?:advisor|adviser|supervisor|co-?advisor|mentor|student|colleague)s?\s+", "", with_text)
    if with_names and (not split_author_list(with_text).names or OWN_QUOTED_ENTRY_RE.match(raw)
                       or authors_score((split_sentences(raw[: with_names.start()]) or [""])[0]) >= 0.6):
        with_names = None  # not a note: the names head the entry, or the quoted-title reader reads it
    if with_names:
        raw = raw[: with_names.start()]
    own_line = _TITLE_THEN_BRACKET_RE.fullmatch(raw.strip()) if with_names else None
    if own_line and BRACKET_VENUE_CUE_RE.search(own_line.group("venue")):
        # a student's "Title? Subtitle (ACL 2024), with A, B": all before the bracket is the title
        entry = Entry(title=own_line.group("title").strip(), venue=own_line.group("venue").strip(" ,"),
                      year=int(own_line.group("year")), authors_text=with_text.strip(" .,"), flags=["owner-implicit"])
        entry.urls = find_urls(raw)
        return entry
    status = None
    slot = _STATUS_IN_YEAR_SLOT_RE.search(raw)
    if slot and slot.start() < 0.6 * len(raw):
        # tagged in place, the status reads as the start of the title ("under review). Title")
        status = slot.group(1)
        # APA's own "no date" keeps the slot a slot: "Nyqvist, S. (n.d.). Title" (with the slot
        # cut out, "S. Reconciling" would read as one more initial and a name)
        raw = f"{raw[: slot.start()].rstrip()} (n.d.). {raw[slot.end():].lstrip()}"
    entry = _parse_entry_text(raw)
    if label_year and entry.year is None:
        entry.year = int(label_year.group(1))
    elif label_year and entry.year != int(label_year.group(1)) and (
            _only_in_brackets(raw, str(entry.year)) or str(entry.year) in (entry.title or "")):
        # (or a year the title holds: "2020  “Timber-Frame Churches …, 1960–1975.” Journal …")
        # "2022  … Health Affairs. 41(8). [Cited in the 2023 CMS guidance]": the column's year is
        # the work's; the bracketed note's is not
        entry.year = int(label_year.group(1))
    if label_status:
        entry.year = None
        entry.note = "; ".join(n for n in (entry.note, label_status.group(0).strip(" .:")) if n)
    if leading_with and not with_names:
        with_names, with_text = leading_with, leading_with.group(1)
    if not with_names and entry.title:
        # 'Title, with A, B, and C. Venue 2021.': a homepage's own entry, its co-authors in a
        # sentence after the title and the owner implicit
        after_title = _TITLE_THEN_WITH_RE.match(raw)
        noted = _WITH_SENTENCE_RE.match(raw[after_title.end():].lstrip(" ,")) if after_title else None
        if (noted and fold(after_title.group(1)) == fold(entry.title)
                and split_author_list(noted.group(1)).names and authors_score(noted.group(1)) >= 0.6):
            with_names, with_text = noted, noted.group(1)
    if with_names:
        # the co-authors the note names; the owner is the entry's implicit author
        entry.authors, entry.authors_text = [], with_text.strip(" .,")
        if "owner-implicit" not in entry.flags:
            entry.flags.append("owner-implicit")
    if status:
        entry.note = "; ".join(n for n in (entry.note, status) if n)
    if entry.venue:
        # a closing "Manuscript submitted for publication." is a status (a venue that is only a
        # status is moved to the note for every reader by finalise_entry)
        sentence = _STATUS_SENTENCE_RE.search(entry.venue)
        if sentence:
            entry.note = "; ".join(n for n in (entry.note, sentence.group(0).strip(" .;")) if n)
            entry.venue = entry.venue[: sentence.start()].strip(" .;,") or None
        if entry.venue and entry.title and fold(entry.title).endswith(fold(entry.venue)):
            entry.venue = None  # the title's own subtitle, left over by the rules ("… craving? A registered report")
    if entry.title and not entry.venue:
        # a homepage line "Title (EMNLP 2023), with …" / "Title (Findings of NAACL 2022)": the
        # venue and year in brackets closing the title
        bracketed = _VENUE_YEAR_BRACKET_RE.search(entry.title)
        if bracketed and len(entry.title[: bracketed.start()].split()) >= 3 and BRACKET_VENUE_CUE_RE.search(bracketed.group(1)):
            entry.venue = bracketed.group(1).strip(" ,")
            entry.year = entry.year or int(bracketed.group(2))
            entry.title = entry.title[: bracketed.start()].rstrip()
    if sole and "owner-implicit" not in entry.flags:
        entry.flags.append("owner-implicit")
    if entry.title and _TITLE_STATUS_RE.search(entry.title):
        entry.title = _TITLE_STATUS_RE.sub("", entry.title).strip() or entry.title
    return entry


_INITIALS_HEAD_IN_TITLE_RE = re.compile(r"^(?:(?:[A-ZÀ-Þ]\.\s?-?){1,3}\s?[A-ZÀ-Þ][\w'’-]+,\s){1,6}\S")
_STATUS_OR_VENUE_TAIL_RE = re.compile(rf"\s*[,.;]\s+(?:{PUBLICATION_STATUS}|preprint|in\s+[A-Z]|(?:19|20)\d{{2}}\b)", re.I)


def _parse_entry_text(raw: str) -> Entry:
    """Fields of one free-text entry: the rules and the trained entry parser (extract.entry_parser),
    combined. When the model is confident about a title and its authors it is preferred (it
    reads styles the rules do not know and keeps volume/pages out of venues); otherwise the
    rules stand and the model only fills fields they left empty. Ids and URLs always come
    from the rules (regexes are exact there)."""
    raw = _TRAILING_LINK_LABEL_RE.sub("", raw) or raw
    entry = parse_citation(raw)
    german_head = _NAMES_YEAR_COLON_RE.match(raw)
    if german_head and "/" in german_head.group(1) and entry.title and entry.authors_text:
        # "Großkopf, Sabine/Lindemann, Peter (Hrsg.) (2019): Title. Place: Publisher": the
        # comma-and-slash rules read this layout whole; the tagger splits the slashed names.
        # Its venue is kept where it is the rules' without the volume or the editors
        # ("WSI-Mitteilungen" of "WSI-Mitteilungen 72 (3), S. 12-20")
        try:
            from extract.entry_parser import available, parse_with_confidence
            model_venue = parse_with_confidence(raw).venue() if available() else None
        except ImportError:
            model_venue = None
        if model_venue and entry.venue and fold(model_venue) in fold(entry.venue) and len(model_venue) < len(entry.venue):
            entry.venue = model_venue
        if entry.venue:
            entry.venue = re.sub(r",?\s+\d{1,4}\s*(?:\(\d{1,4}\))?\s*(?:,\s*)?(?:S\.|pp?\.|H\.|Nr\.)\s*\d.*$", "", entry.venue) or entry.venue
        return entry
    if entry.title and entry.venue and ITALIC_BOOK_RE.match(clean_text(raw)):
        return entry  # the markup said it all: "*Title* (Place: Publisher, Year)"
    try:
        from extract.entry_parser import available, parse_with_confidence
    except ImportError:  # installed without the model package
        return entry
    if not available():
        return entry
    parsed = parse_with_confidence(raw)
    model_entry = parsed.to_entry()
    if model_entry is None:
        return entry
    if model_entry.title and model_entry.authors and parsed.confident():
        # the model can stop a title at its subtitle's colon where the rules read on to the
        # full stop ("Entgrenzte Arbeit, begrenzte Zeit" + ": Zeitregime in der …"): keep the whole
        subtitle = (entry.title or "")[len(model_entry.title):] if (entry.title or "").startswith(model_entry.title) else ""
        if not re.match(r"\s*:\s*\S", subtitle):
            entry.title = model_entry.title
        # the model can drop a person the comma rules did see ("A, B, C." read as "A, B"):
        # a clean rule list with more names keeps its people
        rule_names = split_author_list(entry.authors_text).names if entry.authors_text else []
        # ...unless the rules' "names" run into the title the model found ("Why do floods cluster")
        title_in_names = fold(model_entry.title) in fold(entry.authors_text or "")
        # ...or a year sits among them, or the model read an inverted first name ("Bellweather,
        # Simone, Rafael Quintero": the comma rules split it in two)
        rules_unsure = (title_in_names or bool(re.search(r"\d", entry.authors_text or ""))
                        or "," in (parsed.field_text("AUTHOR") or ""))
        first_author, first_title = parsed.first("AUTHOR"), parsed.first("TITLE")
        # a CV's own quoted entry names nobody before its title: names after it are the book's
        # editors ('"Counting Salt." In Quantifying …, edited by A and B')
        editors_only = ("owner-implicit" in entry.flags and not entry.authors and not entry.authors_text
                        and first_author is not None and first_title is not None and first_author.start > first_title.end)
        # ...and the co-authors a CV's "With A and B." note names are the rules' reading
        noted_co_authors = "owner-implicit" in entry.flags and bool(entry.authors_text)
        if not editors_only and not noted_co_authors and not (
                len(rule_names) > len(model_entry.authors) and authors_score(entry.authors_text) >= 0.99 and not rules_unsure):
            entry.authors, entry.authors_text = list(model_entry.authors), None
        if not (model_entry.venue and entry.venue and fold(entry.venue).startswith(fold(model_entry.venue))
                and re.search(r"(?:&|\b(?:and|of|the|for|in|on|de|des|du|der|und|y|e)|[-–,:])$", model_entry.venue.strip())):
            # (the rules' "Past & Present" over the model's "Past &", cut at a word that cannot end a name)
            entry.venue = model_entry.venue or entry.venue
        if model_entry.year:
            entry.year, entry.date = model_entry.year, model_entry.date
        return entry
    if (entry.title and model_entry.title and not entry.authors and not model_entry.authors
            and entry.title.startswith(model_entry.title) and parsed.confidence >= 0.8
            and parsed.first("TITLE").confidence >= 0.9
            and _STATUS_OR_VENUE_TAIL_RE.match(entry.title[len(model_entry.title):])):
        # the owner's own entry, no names: "Extremal length in metric spaces, preprint, 1997",
        # "…, to appear in Indiana Univ. Math. J.": the rules read the status into the title
        # (and a piece of the journal, "Math", as a name)
        entry.title, entry.authors_text = model_entry.title, None
        entry.venue = model_entry.venue or entry.venue
        entry.year = model_entry.year or entry.year
        return entry
    if (entry.authors_text and not model_entry.authors and model_entry.venue and parsed.confidence >= 0.8
            and fold(entry.authors_text) and fold(entry.authors_text) in fold(model_entry.venue)):
        # "Title. J. Differential Geom. 118 (2021)": the rules read the journal's abbreviation as
        # a name ("J. Differential"); the model read it as the venue
        entry.authors_text, entry.venue = None, model_entry.venue
    if entry.title and " // " in entry.title and model_entry.title and "//" not in model_entry.title \
            and fold(model_entry.title) in fold(entry.title) and parsed.confidence >= 0.7:
        # GOST's "Authors Title // Journal. 2023. Т. 65": the rules read across the "//" area
        # mark; the model read the areas apart
        entry.title = model_entry.title
        if model_entry.authors:
            entry.authors, entry.authors_text = list(model_entry.authors), None
        entry.venue = model_entry.venue or entry.venue
        entry.year = model_entry.year or entry.year
        return entry
    head = _INITIALS_HEAD_IN_TITLE_RE.match(entry.title or "")
    rest = fold((entry.title or "")[head.end() - 1 :]) if head else ""
    if (head and model_entry.title and model_entry.authors and parsed.confidence >= 0.7 and rest
            and (fold(model_entry.title).startswith(rest) or rest.startswith(fold(model_entry.title)))):
        # "G. Bernardi, La memoria contesa" read by the rules as the title: the model read the
        # initials-first author apart ("G. Bernardi, La memoria contesa. Storia …, Roma, Carocci, 2021")
        entry.title = model_entry.title
        entry.authors, entry.authors_text = list(model_entry.authors), None
        entry.venue = model_entry.venue or entry.venue
        entry.year = model_entry.year or entry.year
        return entry
    if (entry.title and model_entry.title and model_entry.authors and _AUTHOR_DATE_HEAD_RE.search(entry.title)
            and not _AUTHOR_DATE_HEAD_RE.search(model_entry.title)):
        # the rules' "title" swallowed the names and the date ("Brenner, Katharina/Hoffmann,
        # Tobias (2019): Wer arbeitet wann"): the model read the author-date head apart
        entry.title, entry.venue = model_entry.title, model_entry.venue or entry.venue
        entry.authors, entry.authors_text = list(model_entry.authors), None
        entry.year, entry.date = model_entry.year or entry.year, model_entry.date or entry.date
        return entry
    if (entry.title and not model_entry.title and model_entry.authors and model_entry.venue
            and fold(entry.title) in fold(model_entry.venue) and parsed.confidence >= 0.8
            and all(span.confidence >= 0.5 for span in parsed.spans if span.label in ("AUTHOR", "VENUE"))):
        # a reference that prints no title ("L. Chen and G. Moretti, Phys. Rev. A 101, 033612
        # (2020)"): the rules' "title" is a piece of the journal's name the model read whole
        entry.title, entry.venue = None, model_entry.venue
        entry.authors, entry.authors_text = list(model_entry.authors), None
        entry.year, entry.date = model_entry.year or entry.year, model_entry.date or entry.date
        return entry
    if (entry.title and model_entry.title and len(entry.title) > len(model_entry.title) and entry.title.endswith(model_entry.title)
            and authors_score(entry.title[: -len(model_entry.title)].strip(" :.;,").replace(";", ",")) >= 0.6):
        # DIN 1505's "One, Anna; Two, Bo: Title. In: Journal": the rules' title kept the names
        entry.title = model_entry.title
        entry.venue = model_entry.venue or entry.venue
        if model_entry.authors:
            entry.authors, entry.authors_text = list(model_entry.authors), None
        return entry
    if (entry.authors_text and not entry.authors and not model_entry.authors and model_entry.title and model_entry.venue
            and (fold(model_entry.title) == fold(entry.title or "") or fold(entry.title or "").startswith(fold(model_entry.title)))
            and fold(entry.authors_text) in fold(model_entry.venue).split()):
        # "Title. Math. Ann. 382 (2022)": the rules' lone "author" is the journal's first word
        # ("Title, Proc. Amer. Math. Soc. 121 (1994)": and the rules' title ran into the journal)
        entry.authors_text, entry.venue, entry.title = None, model_entry.venue, model_entry.title
        return entry
    if entry.title and (entry.authors_text or entry.authors):
        return entry
    if not (model_entry.authors or entry.authors or entry.authors_text):
        title_span = parsed.first("TITLE")
        if (model_entry.title and model_entry.venue and model_entry.year and parsed.confidence >= 0.8
                and title_span is not None and title_span.confidence >= 0.5
                and (not entry.venue or fold(entry.title or "") != fold(model_entry.title))):
            # the owner's own entry with no names ("Capacity estimates for …, Proc. Amer. Math.
            # Soc. 121 (1994)"): the model's sure reading of title, venue and year
            entry.title, entry.venue = model_entry.title, model_entry.venue
            entry.year, entry.date = model_entry.year, model_entry.date or entry.date
        return entry  # nobody sees people here: a heading or a note, not an entry to complete
    # the rules are unsure: take the model's fields where the rules had none
    for field in ("title", "venue", "year", "date"):
        if not getattr(entry, field) and getattr(model_entry, field, None):
            setattr(entry, field, getattr(model_entry, field))
    first_author, first_title = parsed.first("AUTHOR"), parsed.first("TITLE")
    editors_only = ("owner-implicit" in entry.flags and first_author is not None and first_title is not None
                    and first_author.start > first_title.end)  # (the book's editors after an own entry's title)
    if not entry.authors and not entry.authors_text and model_entry.authors and not editors_only:
        entry.authors = list(model_entry.authors)
    return entry


def model_parse(text: str):
    """The trained entry parser's spans for `text` (entry_parser.Parsed), or None without a model."""
    try:
        from extract.entry_parser import available, parse_with_confidence
    except ImportError:
        return None
    return parse_with_confidence(text) if available() else None


def model_reads_entry(text: str) -> bool:
    """True when the trained entry parser confidently finds a title and authors in `text`: a
    second opinion for list items whose style the rule heuristics do not recognise
    ("Maren Holtz, Ilse Amundsen: Counting proofs ... (2017)")."""
    try:
        from extract.entry_parser import available, parse_with_confidence
    except ImportError:
        return False
    if not available():
        return False
    return parse_with_confidence(text).confident()

