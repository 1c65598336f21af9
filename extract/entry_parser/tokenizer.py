"""Tokenisation for reference strings.

spaCy's English rules are made for prose; references glue punctuation to words in every
way ("Moss ,D .,Shukurov", "B695,", "(2002 ).", "Phys.Rev"). Here every comma, semicolon,
colon, bracket, quote and inner period is its own token, so field boundaries fall on token
boundaries. The rules are plain regexes set on spaCy's own Tokenizer, so they are saved
with the model and loading needs no code.
"""
from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.util import registry

_PUNCT = r"""\[\]\(\)\{\}"“”„«»‘’'`,;:*•·|?!"""
_DASHES = "–—‐‑"
PREFIX_RE = re.compile(rf"^[{_PUNCT}{_DASHES}.&/\-]")
SUFFIX_RE = re.compile(rf"[{_PUNCT}{_DASHES}.&/\-]$")
# inner breaks: punctuation anywhere, a period between non-spaces, dashes, and slashes
INFIX_RE = re.compile(rf"[{_PUNCT}{_DASHES}&]|\.(?=\S)|(?<=\d)[\-/](?=\d)")


def customise(nlp: Language) -> Language:
    tokenizer = nlp.tokenizer
    tokenizer.rules = {}  # English special cases ("e.g.", emoticons) only get in the way here
    tokenizer.prefix_search = PREFIX_RE.search
    tokenizer.suffix_search = SUFFIX_RE.search
    tokenizer.infix_finditer = INFIX_RE.finditer
    tokenizer.token_match = None
    return nlp


@registry.callbacks("pubsift.ref_tokenizer.v1")
def make_ref_tokenizer_callback():
    """[initialize.before_init] hook for `spacy train`: use the reference tokenizer."""
    return customise


def blank() -> Language:
    return customise(spacy.blank("en"))
