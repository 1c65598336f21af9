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
    # a job advertisement (its salary, closing date, "how to apply") or a press office's story about
    # one paper: publications may be cited, nobody's list is given
    # (a lab's page with a hiring note above its full list stays a profile: few publication lines here)
    few_publications = sum(1 for l in lines if _PUBLICATION_LINE_RE.search(l)) <= 5
    if few_publications and len(set(m.lower() for m in _JOB_AD_CUE_RE.findall(head[:8000]))) >= 3:
        score = max(score, 0.9)
        evidence.append("a job advertisement")
    if few_publications and len(set(m.lower() for m in _PRESS_CUE_RE.findall(head[:6000]))) >= 2:
        score = max(score, 0.9)
        evidence.append("a press release about a study")
    # a mailing list's digest: its volume line, its topics and its numbered messages, each a sender's
    if _DIGEST_HEAD_RE.search(head[:3000]) and len(_DIGEST_MESSAGE_RE.findall(head)) >= 1:
        score = max(score, 0.9)
        evidence.append("a mailing list's digest: messages by several senders")
    # a seminar's or colloquium's schedule: dated rows, each a speaker (with a title or rank) and
    # a talk; the page's own heading says what it is
    if _SCHEDULE_HEADING_RE.search(head[:400]) and _is_schedule(lines):
        score = max(score, 0.9)
        evidence.append("a seminar schedule: dated talks by different speakers")
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


_JOB_AD_CUE_RE = re.compile(r"(?i)\b(?:job advertisement|job posting|vacancy|closing date|application deadline|salary|how to apply|"
                            r"we are (?:seeking|looking for|hiring)|fixed[- ]term|per annum|informal enquiries|to apply)\b")
_PRESS_CUE_RE = re.compile(r"(?i)\b(?:press release|news release|press office|media contact|for immediate release|"
                           r"lead author|published today|embargoed)\b")
_DIGEST_HEAD_RE = re.compile(r"\bDigest,? Vol(?:ume)? \d+,? Issue \d+|^Today's Topics:\s*$", re.I | re.M)
_DIGEST_MESSAGE_RE = re.compile(r"^Message: \d+\s*$", re.M)
_SCHEDULE_HEADING_RE = re.compile(r"\b(?:seminars?|colloquium|colloquia|lecture series|talk series|speaker series|reading group|"
                                  r"kolloquium|séminaires?|seminario|seminarios)\b", re.I)
_SPEAKER_RE = re.compile(r"^(?:Dr\.?|Prof\.?|Professor|Assoc\. Prof\.|Mr\.?|Ms\.?|Mrs\.?)\s+[A-ZÀ-Þ]")
_PUBLICATION_LINE_RE = re.compile(r"\bdoi\b|\b10\.\d{4,9}/|\bvol\.\s?\d|\bpp\.\s?\d|\bIn Proceedings\b|\bJournal of\b", re.I)


def _is_schedule(lines: list[str]) -> bool:
    """Three or more date lines, most with a speaker named by title or rank right after, and few
    lines that look like publications."""
    from extract.fields.dates import is_date_line

    dated = [i for i, l in enumerate(lines) if not re.fullmatch(r"\s*\d{4}\s*", l) and is_date_line(l)]
    if len(dated) < 3:
        return False
    speakers = sum(1 for i in dated if any(_SPEAKER_RE.match(l.strip()) for l in lines[i + 1 : i + 3]))
    publications = sum(1 for l in lines if _PUBLICATION_LINE_RE.search(l))
    return speakers >= 3 and speakers * 3 >= len(dated) * 2 and publications < 3


def detect(page: Page) -> float:
    return _signals(page)[0]


def parse(page: Page) -> PageParse:
    _, evidence = _signals(page)
    return PageParse(kind="not-a-profile", evidence=evidence or ["no publication entries"])
