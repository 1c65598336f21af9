"""A Japanese or Chinese reference whose title and source sit in their own brackets, read by rule:

    佐藤 健一, 高橋 美咲 (2015) 「地方自治体における防災情報の伝達」『社会情報学研究』19(2), 45–58.
    山田太郎・鈴木花子 2019「都市農業の持続可能性」『農業経済研究』91(3): 201-215
    舒仁輝，《東都事略與宋史比較研究》。北京：商務，2007年。

「」 holds an article's title and 『』 the journal or book it appeared in (Japanese); 《》 holds a
book or journal title (Chinese), 〈〉 an article's. The names come first, split by commas, 、, ・ or
·; the year is the first four-digit year outside the brackets. A tagger trained on Western
references reads these poorly, and the brackets say exactly where each field is.

    find_cjk_bracket_spans(text) -> list[(label, start, end)] | None   # None: not this layout
"""
from __future__ import annotations

import re
from typing import Optional

_ARTICLE_RE = re.compile(r"「([^「」]{2,300})」|〈([^〈〉]{2,300})〉")
_SOURCE_RE = re.compile(r"『([^『』]{2,200})』|《([^《》]{2,200})》")
_YEAR_RE = re.compile(r"(?<!\d)((?:1[89]|20)\d\d)(?!\d)")
_VENUE_AFTER_RE = re.compile(r"\s*[,，、]\s*([^,，、()（）\d\s][^,，、()（）]{1,60}?)\s*(?=[,，、(（]|\s+[Vv]ol|\s*\d|$)")
_LABEL_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)、．])\s*")
_MAX_NAME_CHARS = 30


def _group_span(m: re.Match) -> tuple[int, int]:
    k = 1 if m.group(1) is not None else 2
    return m.start(k), m.end(k)


def find_cjk_bracket_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    article = _ARTICLE_RE.search(text)
    source = _SOURCE_RE.search(text)
    if article is None and source is None:
        return None
    first = min(m.start() for m in (article, source) if m is not None)
    label = _LABEL_RE.match(text)
    start = label.end() if label else 0
    head = text[start:first]
    # the names end where the year or a full stop after them begins: "佐藤 健一, 高橋 美咲 (2015) "
    cut = re.search(r"\s*[(（]?\s*(?:1[89]|20)\d\d\s*[)）]?\s*[.。．,，:：]?\s*$|[.。．]\s*$|\s*[，,：:]\s*$", head)
    names_text = head[: cut.start()] if cut else head
    spans: list[tuple[str, int, int]] = []
    for m in re.finditer(r"[^,，、・·;；]+", names_text):
        part = m.group(0).strip()
        if not part:
            continue
        if len(part) > _MAX_NAME_CHARS or re.search(r"\d", part):
            return None
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        spans.append(("AUTHOR", start + m.start() + lead, start + m.start() + lead + len(part)))
    if not spans:
        return None
    if article is not None:
        a, b = _group_span(article)
        spans.append(("TITLE", a, b))
        if source is not None and source.start() > article.start():
            c, d = _group_span(source)
            spans.append(("VENUE", c, d))
        else:
            # the journal unbracketed after the title: 「…」, 情報処理学会論文誌, Vol.65, …
            after = _VENUE_AFTER_RE.match(text, article.end())
            if after:
                spans.append(("VENUE", after.start(1), after.end(1)))
    else:  # a book in 《》 / 『』 on its own is the title
        a, b = _group_span(source)
        spans.append(("TITLE", a, b))
    taken = [(s, e) for _, s, e in spans]
    for year in _YEAR_RE.finditer(text):
        if not any(s <= year.start() < e for s, e in taken):
            spans.append(("YEAR", year.start(1), year.end(1)))
            break
    return sorted(spans, key=lambda s: s[1])
