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


_CUE_ALT = "|".join(sorted((w for w in ORG_CUE_WORDS if w not in ("Research", "Department", "Faculty", "School")), key=len, reverse=True))
# "Aarhus Institute of Technology", "University of Nowhere", "Max Planck Institute for Informatics"
_ORG_SPAN_RE = re.compile(
    rf"\b((?:[A-Z][\w&'’\-]*[ \t]+){{0,4}}(?:{_CUE_ALT})\b(?:[ \t]+(?:of|for|de|du|für)(?:[ \t]+the)?[ \t]+[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){{0,3}})?)"
)


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
    if not found:
        # no "works at X" sentence: fall back to organisation-shaped names in the header text
        for m in _ORG_SPAN_RE.finditer(text[:3000]):
            span = re.sub(r"^(?:The|A|An|Our|My|This)\s+", "", m.group(1).strip())
            if span not in found and len(span.split()) >= 2:
                found.append(span)
            if len(found) >= 3:
                break
    return found
