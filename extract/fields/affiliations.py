"""Affiliations from bio prose: "I worked at DeepMind …, and now work at OpenAI in San Francisco",
"a PhD student at the Operations Research Center at MIT", "at Lyric Labs (Analog Devices)"."""
from __future__ import annotations

import re

from extract.lexicon import ORG_CUE_WORDS, ORGANISATIONS

_KNOWN = set(ORGANISATIONS)
_CUES = set(ORG_CUE_WORDS)
_CAP = r"(?:[A-Z][\w&'’.\-]*|[A-Z]{2,})"
_SPAN_RE = re.compile(
    rf"\b(?:at|with|joined|join|from)[ \t]+(?:the[ \t]+)?({_CAP}(?:[ \t]+(?:{_CAP}|of|for|and|de|du|des|der|at|&|\([A-Z][^()\n]{{0,40}}\)))*)"
)
_TRAILING_RE = re.compile(r"(?:\s+(?:of|for|and|de|du|des|der|at|&))+$")


def affiliations_in(text: str, limit: int = 8) -> list[str]:
    """Organisation names the prose says the person works/worked/studied at, in order."""
    found: list[str] = []
    for m in _SPAN_RE.finditer(text[:20000]):
        span = re.split(r"\.\s", m.group(1))[0]  # a sentence ends the name
        span = _TRAILING_RE.sub("", span).strip(" .,;")
        if not span:
            continue
        words = set(re.findall(r"[\w]+", span))
        if span in _KNOWN or words & _CUES or any(k in span for k in _KNOWN if len(k) > 2):
            head, sep, tail = span.partition(" at ")
            # "the Large Hadron Collider at CERN": the head is a place, the organisation is the tail
            if sep and not (set(re.findall(r"\w+", head)) & _CUES) and (tail in _KNOWN or set(re.findall(r"\w+", tail)) & _CUES):
                span = tail
            if span not in found and len(span) <= 80:
                found.append(span)
        if len(found) >= limit:
            break
    return found
