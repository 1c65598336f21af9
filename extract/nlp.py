"""The spaCy side of extraction: one blank English pipeline with rule components.

Built lazily (spaCy costs ~1.5 s to import) and once per process. Components:
- `venue_ruler` (EntityRuler): VENUE entities for conference/journal names and acronyms, so a
  comment such as "* NeurIPS 2021" or "accepted to Mathematics of Operations Research" yields
  a venue, and ORG entities for well-known research organisations (affiliations).
- `kind_cues` (Matcher): phrases that say what a page is: transcript speaker turns, podcast/
  episode talk, sign-in and captcha walls.

Run only on short entry text or a page's first few kilobytes, never on whole raw pages.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.lexicon import KIND_CUE_PATTERNS, ORGANISATIONS, VENUE_ACRONYMS, VENUE_PHRASES


def _venue_patterns() -> list[dict]:
    patterns = []
    for acronym in VENUE_ACRONYMS:
        patterns.append({"label": "VENUE", "pattern": [{"TEXT": acronym}]})
        # "NeurIPS 2021", "ICML'19"
        patterns.append({"label": "VENUE", "pattern": [{"TEXT": acronym}, {"TEXT": {"REGEX": r"^'?\d{2,4}$"}}]})
    for phrase in VENUE_PHRASES:
        patterns.append({"label": "VENUE", "pattern": [{"LOWER": w.lower()} for w in phrase.split()]})
    for org in ORGANISATIONS:
        patterns.append({"label": "ORG", "pattern": [{"TEXT": w} for w in org.split()]})
    return patterns


_LONG_TOKEN_RE = re.compile(r"\S{100,}")


def tame(text: str) -> str:
    """Blank out whitespace-free runs of 100+ characters: spaCy's suffix splitting is quadratic
    in a token's length (a 20,000-comma run takes half a minute), and no venue, organisation
    or cue phrase is such a run."""
    return _LONG_TOKEN_RE.sub(" ", text)


@lru_cache(maxsize=1)
def pipeline():
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="venue_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_venue_patterns())
    matcher = Matcher(nlp.vocab)
    for label, patterns in KIND_CUE_PATTERNS.items():
        matcher.add(label, patterns)
    nlp.vocab.strings.add("kind_cues")
    return nlp, matcher


def venues_in(text: str) -> list[str]:
    """VENUE entity texts found in a short piece of text, in order."""
    if not text:
        return []
    nlp, _ = pipeline()
    return [ent.text for ent in nlp(tame(text[:2000])).ents if ent.label_ == "VENUE"]


def organisations_in(text: str) -> list[str]:
    if not text:
        return []
    nlp, _ = pipeline()
    return [ent.text for ent in nlp(tame(text[:20000])).ents if ent.label_ == "ORG"]


def kind_cues(text: str) -> dict[str, int]:
    """Counts of page-kind cue matches (TRANSCRIPT, PODCAST, WALL) in the text's head."""
    nlp, matcher = pipeline()
    doc = nlp.make_doc(tame(text[:20000]))
    counts: dict[str, int] = {}
    for match_id, _start, _end in matcher(doc):
        label = nlp.vocab.strings[match_id]
        counts[label] = counts.get(label, 0) + 1
    return counts
