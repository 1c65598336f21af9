"""Pages that are not researcher profiles: transcripts and interviews, sign-in/captcha walls.

Detected from structure (speaker turns such as "Craig: ..." on most lines) and spaCy Matcher
cues (podcast talk, "unusual traffic", "sign in to continue").
"""
from __future__ import annotations

import re
from collections import Counter

from extract.ingestors.base import PageParse
from extract.page import Page

NAME = "not_a_profile"

_TURN_RE = re.compile(r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?([A-Z][\w.'’\- ]{0,30}):\s+\S", re.M)


_FIELD_LABELS = frozenset((
    "authors", "author", "year", "date", "venue", "journal", "type", "status", "tags", "doi", "pdf", "url", "link",
    "title", "created", "owner", "abstract", "keywords", "pages", "volume", "issue", "publisher", "booktitle",
    "conference", "editors", "editor", "isbn", "issn", "note", "notes", "summary", "source", "category", "code",
    "slides", "video", "published", "updated", "last edited", "last edit", "properties", "citation", "cite",
    "e-mail", "email", "phone", "office", "address", "web", "website", "homepage",
    # an arXiv or repository listing's labels
    "comments", "comment", "journal ref", "journal-ref", "subjects", "subject", "submitted", "msc class",
    "acm class", "report number", "report no", "cite as", "affiliation", "affiliations", "funding"))
_WALL_HINT_RE = re.compile(r"sign\s+in|captcha|unusual\s+traffic|robot|enable\s+javascript", re.I)


_ACCEPTED_HEADING_RE = re.compile(r"^\W*accepted\s+(?:papers|submissions|contributions|talks|posters|abstracts)\b", re.I | re.M)
_CONFERENCE_MENU_RE = re.compile(r"\b(?:call for (?:papers|contributions|participation)|important dates|program(?:me)? committee|"
                                 r"registration|camera-ready|keynote speakers|organi[sz]ing committee|submission deadline)\b", re.I)


def _signals(page: Page) -> tuple[float, list[str]]:
    text = page.visible_text() if page.syntax in ("html", "text", "markdown") else ""
    if not text.strip():
        return 0.0, []
    lines = [l for l in text.splitlines() if l.strip()]
    # a record's labelled fields ("Authors: …", "Year: 2023", "Venue: …") are not a speaker's turns
    turns = [t for t in _TURN_RE.findall(text) if t.strip().lower() not in _FIELD_LABELS]
    speakers = {t.strip() for t in turns}
    evidence = []
    score = 0.0
    # a transcript: most lines are turns of a few recurring speakers
    if lines and len(turns) >= 10 and len(turns) / len(lines) > 0.4 and 1 < len(speakers) <= 12:
        score = 0.95
        evidence.append(f"transcript: {len(turns)} speaker turns by {len(speakers)} speakers over {len(lines)} lines")
    head = text[:20000]
    # a conference's site: an accepted-papers list under its menu ("Call for Papers | Important Dates |
    # Accepted Papers | Program | Registration"): many people's papers, nobody's profile
    if _ACCEPTED_HEADING_RE.search(head) and len(_CONFERENCE_MENU_RE.findall(head[:6000])) >= 2:
        score = max(score, 0.9)
        evidence.append("a conference's accepted-papers list")
    # the spaCy matcher only runs where its cues can matter: talk-shaped pages or wall wording
    if len(turns) < 5 and not _WALL_HINT_RE.search(head):
        return score, evidence
    from extract.nlp import kind_cues

    cues = kind_cues(head)
    # (speakers who come back: "Review of The Sugar Ledger:" and "Share this:" are one-off
    # labels on a publication page that mentions a podcast once or twice)
    recurring = sum(1 for n in Counter(t.strip() for t in turns).values() if n >= 2)
    if cues.get("PODCAST", 0) >= 2 and len(turns) >= 5 and recurring >= 1:
        score = max(score, 0.9)
        evidence.append(f"podcast cues: {cues['PODCAST']}")
    if cues.get("WALL", 0) >= 1 and len(text) < 400_000:
        # a wall page has few words of content besides the wall itself (one "please enable
        # JavaScript" line on a page with a publication list is a hint, not a wall)
        words = len(text.split())
        dated = len(set(re.findall(r"\b(?:19|20)\d{2}\b", text))) >= 3  # a dated list, not a wall
        if (words < 3000 and not dated) or cues["WALL"] >= 2:
            score = max(score, 0.9)
            evidence.append(f"sign-in/captcha wall cues: {cues['WALL']}")
    return score, evidence


def detect(page: Page) -> float:
    return _signals(page)[0]


def parse(page: Page) -> PageParse:
    _, evidence = _signals(page)
    return PageParse(kind="not-a-profile", evidence=evidence or ["no publication entries"])
