"""Entry-level context features for the tagger, stored in each token's LEMMA (unused
otherwise in this pipeline) so spaCy's hash embedding can read them.

The CNN encoder sees only a few tokens either side. Whether a capitalised word run is a title,
a venue or a list of names is decided by global facts, as GROBID's and AnyStyle's CRF features
encode them: how far along the entry the token is, which block it sits in (how many sentence
breaks or quotes precede it), and what its block looks like (mostly capitalised words and
commas = names; lower-case words = a title; digits = a venue tail).
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.tokens import Doc

import extract.entry_parser.architectures  # noqa: F401  registers the encoder named in config.cfg
from extract.entry_parser.doctokens import token_texts

_BREAKS = {".", "?", "!", "\"", "“", "”", "„", "«", "»", ":"}
POSITION_BUCKETS = 6
MAX_BLOCK = 4


def _block_class(texts: list[str]) -> str:
    """A short code for one block of tokens: capitalisation, comma density, digits, a year,
    length."""
    alpha = [t for t in texts if t[:1].isalpha()]
    n = len(alpha)
    year = "y" if any(len(t) >= 4 and t[:2] in ("19", "20") and t[:4].isdigit() for t in texts) else ""
    if not n:
        return ("D" if any(t[:1].isdigit() for t in texts) else "P") + year
    upper = sum(t[0].isupper() for t in alpha)
    commas = texts.count(",") + texts.count("&") + texts.count("and")
    ratio = upper / n
    case = "C" if ratio >= 0.75 else ("M" if ratio >= 0.4 else "L")
    dense = "k" if commas * 3 >= n else ""
    digits = "d" if any(t[:1].isdigit() for t in texts) else ""
    size = "1" if n <= 3 else ("2" if n <= 8 else "3")
    return f"{case}{dense}{digits}{year}{size}"


def _opens_container(texts: list[str]) -> str:
    """'i' when a block starts like a container ("In ...", "in: ..."): venue territory."""
    first = next((t for t in texts if t[:1].isalnum()), "")
    return "i" if first.lower() in ("in", "proc", "proceedings") else ""


_HASHES: dict[str, int] = {}


def _feature_hash(vocab, feature: str) -> int:
    value = _HASHES.get(feature)
    if value is None:
        value = _HASHES[feature] = vocab.strings.add(feature)
    return value


def context_features(doc: Doc) -> Doc:
    n = len(doc)
    if not n:
        return doc
    texts, _ = token_texts(doc)
    # blocks: runs of tokens between breaks (a period after a single capital is an initial,
    # "J."; after "al" it ends "et al.")
    block_of, blocks, current, prev = [], [], [], ""
    for text in texts:
        block_of.append(len(blocks))
        current.append(text)
        if text in _BREAKS and not (text == "." and ((len(prev) == 1 and prev.isupper()) or prev == "al")):
            blocks.append(current)
            current = []
        prev = text
    if current:
        blocks.append(current)
    codes = [_block_class(b) for b in blocks]
    # each block also sees its predecessor's shape and whether it opens a container
    context = [f"{codes[k]}|{codes[k - 1][0] if k else '^'}{_opens_container(blocks[k])}" for k in range(len(blocks))]
    vocab = doc.vocab
    # one feature per (position bucket, block): few distinct pairs per entry, so each string is
    # built and hashed once, not once per token
    by_pair: dict[tuple[int, int], int] = {}
    values_list = []
    for i, b in enumerate(block_of):
        pair = (i * POSITION_BUCKETS // n, b)
        value = by_pair.get(pair)
        if value is None:
            value = by_pair[pair] = _feature_hash(vocab, f"p{pair[0]}b{min(b, MAX_BLOCK)}{context[b]}")
        values_list.append(value)
    values = numpy.asarray(values_list, dtype="uint64")
    doc.from_array([LEMMA], values.reshape(-1, 1))  # all at once: no Token objects
    return doc


@Language.component("ref_context_features")
def ref_context_features(doc: Doc) -> Doc:
    return context_features(doc)
