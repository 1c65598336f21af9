"""A reference in the Chinese national standard GB/T 7714, read by rule:

    [1] 张伟, 刘洋, 陈静. 基于图神经网络的交通流量预测方法[J]. 智能交通计算学报, 2021, 44(5): 987-1001.
    [5] 欧阳明, 黄晓丽. 多源数据融合的城市热岛效应评估[C]//第十二届全国地理信息科学学术会议论文集. 北京: 测绘出版社, 2018: 45-52.
    [6] 陈国强. 现代控制理论基础[M]. 3版. 北京: 华北科技出版社, 2017.
    WANG Xiaoming, LI Hua. Deep feature fusion for change detection[J]. Journal of Remote Sensing, 2020, 41(3): 12-20.

Authors, a full stop, the title closed by a document-type mark ([J] journal, [M] book, [C]
proceedings, [D] thesis, [R] report …), then the source: "//" and the proceedings or book,
or the journal and "year, volume(issue): pages", or "place: publisher, year". The layout is
fixed by the standard, and a tagger trained on Western references reads Chinese text poorly,
so these are read by rule.

    find_gbt_spans(text) -> list[(label, start, end)] | None   # None: not this layout
"""
from __future__ import annotations

import re
from typing import Optional

_TYPE_MARK_RE = re.compile(r"\[(?:J|M|C|D|R|N|P|S|Z|A|G|K|EB/OL|J/OL|M/OL|DB/OL|CP/OL|C/OL)\]")
_LABEL_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)、])\s*")
# the full stop between fields: Latin ". " or the Chinese/full-width marks
_STOP_RE = re.compile(r"\.\s|[。．]\s?")
_YEAR_RE = re.compile(r"(?<!\d)((?:1[89]|20)\d\d)(?!\d)")
_TRUNCATION = ("等", "et al", "et al.", "等.")
_MAX_NAME_CHARS = 40


def _names(segment: str) -> Optional[list[tuple[int, int]]]:
    """(start, end) of each name in "张伟, 刘洋, 陈静" / "WANG Xiaoming, LI Hua, 等", or None
    when a part does not look like a name."""
    spans = []
    for m in re.finditer(r"[^,，、;；]+", segment):
        part = m.group(0).strip()
        if not part:
            continue
        if part.rstrip(".") in _TRUNCATION:
            continue
        if len(part) > _MAX_NAME_CHARS or len(part.split()) > 4 or re.search(r"\d", part):
            return None
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        spans.append((start, start + len(part)))
    return spans or None


def find_gbt_spans(text: str) -> Optional[list[tuple[str, int, int]]]:
    mark = _TYPE_MARK_RE.search(text)
    if mark is None:
        return None
    label = _LABEL_RE.match(text)
    start = label.end() if label else 0
    stop = _STOP_RE.search(text, start, mark.start())
    if stop is None:
        return None
    names = _names(text[start : stop.start()])
    if names is None:
        return None
    title_start = stop.end()
    while title_start < mark.start() and text[title_start].isspace():
        title_start += 1
    if mark.start() - title_start < 2:
        return None
    spans: list[tuple[str, int, int]] = [("AUTHOR", start + a, start + b) for a, b in names]
    spans.append(("TITLE", title_start, mark.start()))
    rest_at = mark.end()
    venue: Optional[tuple[int, int]] = None
    if text.startswith("//", rest_at):
        # "[C]//Proceedings. Place: Publisher, Year": the proceedings or book
        end = _STOP_RE.search(text, rest_at + 2)
        venue_end = end.start() if end else len(text)
        venue = (rest_at + 2, venue_end)
        rest_at = venue_end
    year = _YEAR_RE.search(text, rest_at)
    if venue is None:
        source = re.match(r"[.。．]?\s*", text[rest_at:])
        at = rest_at + (source.end() if source else 0)
        kind = mark.group(0)
        segments = [(m.start(), m.end()) for m in re.finditer(r"[^.。．]+", text[at:])]
        for a, b in segments:
            seg = text[at + a : at + b]
            if kind in ("[J]", "[J/OL]", "[N]"):
                # "Journal, 2021, 44(5): 987-1001": the journal before the year
                m = re.match(r"\s*([^,，:：]+?)\s*[,，]\s*(?:1[89]|20)\d\d", seg)
                if m:
                    venue = (at + a + m.start(1), at + a + m.end(1))
                    break
            else:
                # "北京: 华北科技出版社, 2017" / "Place: Publisher, Year": the publisher or school
                m = re.match(r"\s*[^:：,，]{1,40}[:：]\s*([^,，]+?)\s*(?:[,，]|$)", seg)
                if m:
                    venue = (at + a + m.start(1), at + a + m.end(1))
                    break
    if venue is not None and venue[1] > venue[0]:
        spans.append(("VENUE", venue[0], venue[1]))
    if year is not None:
        spans.append(("YEAR", year.start(1), year.end(1)))
    return spans
