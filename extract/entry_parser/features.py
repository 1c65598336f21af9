"""Entry-level context features for the tagger, stored in each token's LEMMA (unused
otherwise in this pipeline) so spaCy's hash embedding can read them.

The CNN encoder sees a few tokens either side; which block of the entry a token sits in
(before/after the first sentence break or quote) and how far along the entry it is are
global facts that decide "title" vs "venue" for capitalised word runs.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_BREAKS = {".", "?", "!", "\"", "“", "”", "„", "«", "»", ":"}
POSITION_BUCKETS = 6
MAX_BLOCK = 4
_FEATURES = [[f"p{p}b{b}" for b in range(MAX_BLOCK + 1)] for p in range(POSITION_BUCKETS)]


def context_features(doc: Doc) -> Doc:
    n = len(doc)
    if not n:
        return doc
    block, prev = 0, ""
    for i, token in enumerate(doc):
        token.lemma_ = _FEATURES[i * POSITION_BUCKETS // n][block]
        text = token.text
        # a period after a single capital is an initial ("J."), after "al" ends "et al."
        if text in _BREAKS and not (text == "." and ((len(prev) == 1 and prev.isupper()) or prev == "al")):
            if block < MAX_BLOCK:
                block += 1
        prev = text
    return doc


@Language.component("ref_context_features")
def ref_context_features(doc: Doc) -> Doc:
    return context_features(doc)
