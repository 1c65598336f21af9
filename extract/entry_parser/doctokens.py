"""Token texts of a spaCy Doc without building Token objects (no spaCy import needed here)."""
from __future__ import annotations


def token_texts(doc) -> tuple[list[str], list[int]]:
    """(texts, character starts) of a Doc's tokens, read from two attribute arrays and cached on
    the Doc: iterating a Doc builds a Token object per token, a large share of the parse time."""
    cached = doc.user_data.get("pubsift_token_texts")
    if cached is None:
        from spacy.attrs import IDX, LENGTH

        arr = doc.to_array([IDX, LENGTH])
        text = doc_text(doc)
        starts = arr[:, 0].tolist()
        texts = [text[s : s + n] for s, n in zip(starts, arr[:, 1].tolist())]
        cached = doc.user_data["pubsift_token_texts"] = (texts, starts)
    return cached


def doc_text(doc) -> str:
    """The Doc's text; the tagging loop records it at creation (Doc.text rebuilds it token by
    token)."""
    text = doc.user_data.get("pubsift_text")
    if text is None:
        text = doc.user_data["pubsift_text"] = doc.text
    return text


def make_docs(nlp, texts: list[str]) -> list:
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        doc.user_data["pubsift_text"] = text
        docs.append(doc)
    return docs
