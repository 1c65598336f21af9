"""Dates: fast paths for plain years and ISO dates, dateparser (cached, pinned base) for the rest."""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import NamedTuple, Optional

# A fixed base: relative or partial dates must never depend on the day the run happens.
RELATIVE_BASE = _dt.datetime(2000, 1, 1)
MIN_YEAR, MAX_YEAR = 1900, 2100

YEAR_RE = re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})(?![\d/\-])(?!\.\d)")
_BRACKETED_YEAR_RE = re.compile(r"\((?:[^()]{0,20}\s)?((?:19|20)\d{2})[a-z]?\)")
_ISO_MONTH_RE = re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?![\d/\-])")
_ISO_RE = re.compile(r"^\s*((?:19|20)\d{2})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december"
# "Aug 07, 2023", "7 August 2023", "March 2021", "Mar. 2021"
DATE_PHRASE_RE = re.compile(
    rf"\b(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+(?:19|20)\d{{2}})\b",
    re.I,
)


class ParsedDate(NamedTuple):
    date: Optional[str]  # "YYYY-MM-DD", "YYYY-MM" or None
    year: Optional[int]


def _valid(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _fast_path(text: str) -> Optional[ParsedDate]:
    m = _ISO_RE.match(text)
    if not m:
        return None
    year = int(m.group(1))
    if not _valid(year):
        return ParsedDate(None, None)
    month, day = m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12:
        return ParsedDate(None, year)
    if day:
        try:
            _dt.date(year, int(month), int(day))
        except ValueError:
            return ParsedDate(f"{year:04d}-{int(month):02d}", year)
        return ParsedDate(f"{year:04d}-{int(month):02d}-{int(day):02d}", year)
    if month:
        return ParsedDate(f"{year:04d}-{int(month):02d}", year)
    return ParsedDate(None, year)


@lru_cache(maxsize=1)
def _date_parser():
    import dateparser  # imported lazily: it costs ~0.3 s

    return dateparser.DateDataParser(
        languages=["en", "de", "fr", "es", "it", "pt", "nl"],
        settings={
            "RELATIVE_BASE": RELATIVE_BASE,
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
            "STRICT_PARSING": False,
            "REQUIRE_PARTS": ["year"],
        },
    )


@lru_cache(maxsize=8192)
def parse_date(text: str | None) -> ParsedDate:
    """Read one date expression. Precision follows what the text states:
    'Aug 07, 2023' -> 2023-08-07, 'March 2021' -> 2021-03, '2019' -> year only."""
    if not text:
        return ParsedDate(None, None)
    text = text.strip()[:80]
    fast = _fast_path(text)
    if fast is not None:
        return fast
    if not re.search(r"(?:19|20)\d{2}", text):
        return ParsedDate(None, None)
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; a date is never worth a crash
        data = None
    if data is None or data.date_obj is None:
        m = YEAR_RE.search(text)
        return ParsedDate(None, int(m.group(1)) if m else None)
    d = data.date_obj
    if not _valid(d.year):
        return ParsedDate(None, None)
    period = data.period or "day"
    if period == "year":
        return ParsedDate(None, d.year)
    if period == "month":
        return ParsedDate(f"{d.year:04d}-{d.month:02d}", d.year)
    return ParsedDate(f"{d.year:04d}-{d.month:02d}-{d.day:02d}", d.year)


def is_date_line(line: str) -> bool:
    """True when a whole line is just a date ('Aug 07, 2023', '2021-03-04', 'March 2021')."""
    line = line.strip()
    if not line or len(line) > 40:
        return False
    if _ISO_RE.match(line):
        return True
    m = DATE_PHRASE_RE.fullmatch(line)
    return bool(m)


def field_year(text: str | None) -> Optional[int]:
    """The year of a date field ("2019-07-03", "02/2024", "2021/03", "Summer 2019"): what find_year
    reads, and else a four-digit year beside a slash, which in running text it leaves alone."""
    year = find_year(text)
    if year or not text:
        return year
    found = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)
    return int(found.group(1)) if found else None


def find_year(text: str | None) -> Optional[int]:
    """The last plausible four-digit year in free text (citations put the year late)."""
    if not text:
        return None
    years = [int(y) for y in YEAR_RE.findall(text) if _valid(int(y))]
    if len(years) > 1:
        # "J. Eur. Math. Soc. 24 (2022), 2011–2060": a year in brackets is a date; the bare
        # numbers after it are pages
        bracketed = [int(y) for y in _BRACKETED_YEAR_RE.findall(text) if _valid(int(y))]
        if bracketed:
            return bracketed[-1]
    if not years:
        # an ISO year-month or date ("2022-11", "2021-03-15"), which YEAR_RE leaves alone as it
        # does ranges ("1998-2001") and identifiers
        years = [int(m.group(1)) for m in _ISO_MONTH_RE.finditer(text) if _valid(int(m.group(1)))]
    return years[-1] if years else None
