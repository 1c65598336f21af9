"""Export works to the formats reference managers read: CSL-JSON, BibTeX and canonical JSONL.

All three writers take `Work` models (rows of works.jsonl) and are deterministic: the same
works give the same bytes. Citation keys are `familyYEARfirstword` (ASCII, lower case), with
`a`, `b`, ... appended to every key of a colliding group, in work_id order.

>>> from schemas.models import Author, Ids, Work
>>> work = Work(work_id="w1", title="Deep Nets & GPUs: 50% Faster", year=2021,
...             authors=[Author(name="Ada Lovelace", given="Ada", family="Lovelace")],
...             venue="Journal of Things", ids=Ids(doi="10.1000/xyz"))
>>> citation_keys([work])
{'w1': 'lovelace2021deep'}
>>> print(to_bibtex([work]), end="")
@article{lovelace2021deep,
  author = {Lovelace, Ada},
  title = {Deep Nets \\& {GPUs}: 50\\% Faster},
  journal = {Journal of Things},
  year = {2021},
  doi = {10.1000/xyz},
}
>>> item = to_csl([work])[0]
>>> item["type"], item["issued"], item["container-title"], item["DOI"]
('article-journal', {'date-parts': [[2021]]}, 'Journal of Things', '10.1000/xyz')
"""
from __future__ import annotations

import io
import json
import os
import re
import secrets
import sys
from pathlib import Path
from typing import IO, Iterable, Optional

from pydantic import ValidationError

from schemas.canonical import canonical_json
from schemas.models import Author, Record, Work, WorkVersion

FORMATS = ("csl-json", "bibtex", "jsonl")


class ExportError(Exception):
    """A problem with the input the user can fix (missing file, bad JSON, wrong rows)."""


# ---------------------------------------------------------------- reading
def record_as_work(record: Record) -> Work:
    """A one-record Work, so records.jsonl can be exported like works.jsonl."""
    return Work(
        work_id=record.work_id or record.record_id or f"{record.page}#{record.position}",
        title=record.title, authors=record.authors, year=record.year, date=record.date,
        venue=record.venue, abstract=record.abstract, ids=record.ids, urls=record.urls,
        titles=[record.title] if record.title else [],
        versions=[WorkVersion(record_id=record.record_id, page=record.page, year=record.year,
                              date=record.date, venue=record.venue, title=record.title)],
        record_ids=[record.record_id], pages=[record.page], flags=record.flags,
    )


def read_works(source: str | os.PathLike | IO[str]) -> list[Work]:
    """Works from a works.jsonl (or records.jsonl) path, `-` for stdin, or an open text stream.

    Raises ExportError with `file:line: problem` for anything that is not a valid row.
    """
    if isinstance(source, (str, os.PathLike)) and str(source) == "-":
        return _read_rows(sys.stdin, "<stdin>")
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise ExportError(f"{path}: no such file")
        if path.is_dir():
            hint = " (did you mean its works.jsonl?)" if (path / "works.jsonl").exists() else ""
            raise ExportError(f"{path}: is a folder, not a .jsonl file{hint}")
        try:
            with open(path, encoding="utf-8") as handle:
                return _read_rows(handle, str(path))
        except UnicodeDecodeError:
            raise ExportError(f"{path}: not UTF-8 text") from None
        except OSError as error:
            raise ExportError(f"{path}: cannot read ({error.strerror or type(error).__name__})") from None
    return _read_rows(source, getattr(source, "name", "<stream>"))


def _read_rows(handle: Iterable[str], name: str) -> list[Work]:
    from schemas.jsonl import JsonlError, iter_objects

    works: list[Work] = []
    rows = iter_objects(handle, name)
    while True:
        try:
            number, row = next(rows)
        except StopIteration:
            break
        except JsonlError as error:
            raise ExportError(str(error)) from None
        try:
            # a records.jsonl row has "page"; a works.jsonl row has "pages"
            works.append(record_as_work(Record.model_validate(row)) if "page" in row and "pages" not in row
                         else Work.model_validate(row))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "row"
            raise ExportError(f"{name}:{number}: not a work or record ({where}: {first['msg']})") from None
    return works


# ---------------------------------------------------------------- shared decisions
_CONFERENCE_RE = re.compile(
    r"\b(?:conference|proceedings|proc|workshops?|symposium|congress|colloquium|meeting|"
    r"NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|EACL|COLING|AAAI|IJCAI|KDD|SIGIR|SIGMOD|"
    r"VLDB|WWW|CHI|UAI|AISTATS|COLT|CoRL|ICRA|IROS|POPL|PLDI|ICFP|OOPSLA|SODA|STOC|FOCS|ICALP|CDC|ACC|"
    r"INTERSPEECH|ICASSP|MICCAI|ISIT|INFOCOM|SIGCOMM|OSDI|SOSP|USENIX)\b",
    re.I,
)
_PREPRINT_RE = re.compile(r"\b(?:arxiv|biorxiv|medrxiv|ssrn|preprint|corr)\b", re.I)
_THESIS_RE = re.compile(r"\b(?:thesis|dissertation)\b", re.I)
_REPORT_RE = re.compile(r"\b(?:technical\s+report|tech\.?\s+rep(?:ort)?\.?|working\s+paper)\b", re.I)


def csl_type(work: Work) -> str:
    """The CSL item type, from the venue's wording (the only evidence a scraped entry has)."""
    venue = work.venue or ""
    if _THESIS_RE.search(venue):
        return "thesis"
    if _REPORT_RE.search(venue):
        return "report"
    if not venue or _PREPRINT_RE.search(venue):
        return "article"  # CSL's type for preprints and other stand-alone articles
    if _CONFERENCE_RE.search(venue):
        return "paper-conference"
    return "article-journal"


def landing_url(work: Work) -> Optional[str]:
    """The URL a reader should follow: a landing page over a PDF, a stable one over any other."""
    if not work.urls:
        return None

    def rank(url: str) -> tuple:
        lower = url.lower()
        stable = ("doi.org/" in lower, "arxiv.org/abs/" in lower, "openreview.net/forum" in lower)
        return (not any(stable), stable.index(True) if any(stable) else 0, lower.endswith(".pdf") or "/pdf" in lower, url)

    return min(work.urls, key=rank)


_STOPWORDS = frozenset(
    "a an the on of in for to and with from by at as is are via towards toward into over under using".split()
)


def _ascii_word(text: str) -> str:
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]", "", anyascii(text).lower())


_PARTICLES = frozenset("van von der den de del della da di du dos das le la ten ter bin al".split())
_PERSON_TOKEN_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|[.'’-])*$")  # letters, no digits


def name_parts(author: Author) -> Optional[tuple[str, str]]:
    """(given, family) for a person; None for a name that should stay one literal (a team,
    an organisation, a single word). Uses the extractor's split when it made one; otherwise
    splits a plain 2-4 word name at its last word (with particles such as 'van der')."""
    if author.family:
        if not author.given and author.family == author.name and " " in author.family:
            return None  # "DESI Collaboration", "World Health Organization": a body, kept whole
        return (author.given or "", author.family)
    tokens = author.name.split()
    if not 2 <= len(tokens) <= 4 or not all(_PERSON_TOKEN_RE.match(t) for t in tokens) \
            or any(t.lower() in ("and", "team", "group", "consortium", "lab", "project") for t in tokens):
        return None
    cut = len(tokens) - 1
    while cut > 1 and tokens[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return (" ".join(tokens[:cut]), " ".join(tokens[cut:]))


def _family(author: Author) -> str:
    parts = name_parts(author)
    return parts[1] if parts else author.name


def base_key(work: Work) -> str:
    """`familyYEARfirstword` before collision suffixes: ascii, lower case, never empty."""
    family = _ascii_word(_family(work.authors[0])) if work.authors else ""
    words = [_ascii_word(w) for w in re.split(r"[\s\-/:–—]+", work.title or "")]
    words = [w for w in words if w]
    first = next((w for w in words if w not in _STOPWORDS), words[0] if words else "untitled")
    return f"{family or 'anon'}{work.year or 'nd'}{first[:20]}"


def _suffix(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def citation_keys(works: list[Work]) -> dict[str, str]:
    """work_id -> citation key; every member of a colliding group gets a suffix (a, b, ... z, aa)."""
    groups: dict[str, list[str]] = {}
    for work in sorted(works, key=lambda w: w.work_id):
        groups.setdefault(base_key(work), []).append(work.work_id)
    keys: dict[str, str] = {}
    taken = {base for base, members in groups.items() if len(members) == 1}
    for base, members in sorted(groups.items()):
        if len(members) == 1:
            keys[members[0]] = base
            continue
        index = 0
        for work_id in members:
            while f"{base}{_suffix(index)}" in taken:  # "x2020b" may already be a base key
                index += 1
            keys[work_id] = f"{base}{_suffix(index)}"
            taken.add(keys[work_id])
            index += 1
    return keys


# ---------------------------------------------------------------- CSL-JSON
def _csl_name(author: Author) -> dict:
    parts = name_parts(author)
    if parts is None:
        return {"literal": author.name}
    given, family = parts
    return {"family": family, "given": given} if given else {"family": family}


def exact_date(work: Work) -> Optional[str]:
    """The work's date when it is well formed and agrees with its year (the year wins otherwise:
    merged works can carry a later version's date)."""
    if work.date and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", work.date):
        if work.year is None or work.date[:4] == str(work.year):
            return work.date
    return None


def _date_parts(work: Work) -> Optional[list[int]]:
    date = exact_date(work)
    if date:
        return [int(p) for p in date.split("-")]
    return [work.year] if work.year else None


def csl_item(work: Work, key: str) -> dict:
    """One CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    kind = csl_type(work)
    item: dict = {"id": key, "citation-key": key, "type": kind}
    if work.title:
        item["title"] = work.title
    if work.authors:
        item["author"] = [_csl_name(a) for a in work.authors]
    parts = _date_parts(work)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if work.venue:
        item["container-title"] = work.venue
    if work.ids.doi:
        item["DOI"] = work.ids.doi
    url = landing_url(work)
    if url:
        item["URL"] = url
    if work.abstract:
        item["abstract"] = work.abstract
    if work.ids.arxiv:
        if kind == "article":
            # how Zotero exports an arXiv preprint: repository + archive id
            item["publisher"] = "arXiv"
            item["number"] = f"arXiv:{work.ids.arxiv}"
        item["note"] = f"arXiv: {work.ids.arxiv}"  # Zotero reads "key: value" lines of note as Extra
    custom = {"work_id": work.work_id}
    for name in ("arxiv", "openreview"):
        if getattr(work.ids, name):
            custom[name] = getattr(work.ids, name)
    if work.flags:
        custom["flags"] = list(work.flags)
    item["custom"] = custom
    return item


def to_csl(works: list[Work]) -> list[dict]:
    keys = citation_keys(works)
    return [csl_item(w, keys[w.work_id]) for w in sorted(works, key=lambda w: keys[w.work_id])]


def write_csl(works: list[Work], out: IO[str]) -> None:
    json.dump(to_csl(works), out, ensure_ascii=False, indent=2, sort_keys=True)
    out.write("\n")


# ---------------------------------------------------------------- BibTeX
# Non-ASCII stays UTF-8 (biber/biblatex, Zotero, Pandoc and bibtexparser read it); only the
# characters that mean something to (La)TeX are escaped. Braces become \{ \} when balanced and
# {\textbraceleft} otherwise, because BibTeX counts escaped braces too.
# Text commands are written braced, {\textbackslash}: BibTeX's "special character" form, which its
# name splitting and case changing treat as one letter.
_LATEX_SPECIALS = {
    "\\": r"{\textbackslash}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"{\textasciitilde}", "^": r"{\textasciicircum}",
}
# TeX ligatures that would change the text: -- (en dash), `` and '' (curly quotes)
# TeX ligatures a reader would turn into other characters: "--", "``", "''", and the Spanish
# "?`" / "!`" (read as "¿" / "¡"); an empty group between the two characters keeps them apart
_LIGATURE_RE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)")


def _braces_balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def latex_escape(text: str, balanced: Optional[bool] = None) -> str:
    r"""Escape TeX specials so the text prints (and re-reads) as written.

    >>> latex_escape("50% of A&B_c {x} ~y^2 \\ $5 #1 -- ok")
    '50\\% of A\\&B\\_c \\{x\\} {\\textasciitilde}y{\\textasciicircum}2 {\\textbackslash} \\$5 \\#1 -{}- ok'
    """
    if balanced is None:  # callers escaping a value piecewise pass the whole value's balance
        balanced = _braces_balanced(text)
    braces = {"{": r"\{", "}": r"\}"} if balanced else {"{": r"{\textbraceleft}", "}": r"{\textbraceright}"}
    escaped = "".join(_LATEX_SPECIALS.get(c) or braces.get(c) or c for c in text)
    return _LIGATURE_RE.sub("{}", escaped)


def _protect_case(word: str) -> bool:
    """Acronyms and inner capitals (GPU, AlphaStar, GPT-4, 3D) keep their case under sentence-casing
    styles; plain capitalised words (Large-Scale) may be lower-cased by the style, as intended."""
    core = word.strip(".,:;!?()[]\"'")
    if len(core) == 1 and core.isupper() and core != "A":  # "Part I", "Tensor Programs V"
        return True
    return any(any(c.isupper() for c in part[1:]) for part in core.split("-"))


def bibtex_title(title: str) -> str:
    title = " ".join(title.split())  # a blank line would be a TeX paragraph
    balanced = _braces_balanced(title)
    out = []
    for word in re.split(r"( )", title):
        if word.strip() and _protect_case(word):
            core = word.strip(".,:;!?()[]\"'")
            start = word.index(core)
            out.append(latex_escape(word[:start], balanced) + "{" + latex_escape(core, balanced) + "}"
                       + latex_escape(word[start + len(core):], balanced))
        else:
            out.append(latex_escape(word, balanced))
    return "".join(out)


def bibtex_name(author: Author) -> str:
    """`Family, Given`; a name that is no person's, or that BibTeX would split wrongly (a comma or
    the word 'and' inside), is braced whole."""
    parts = name_parts(author)
    if parts and not re.search(r"\band\b|,", " ".join(parts), re.I):
        given, family = parts
        return latex_escape(f"{family}, {given}" if given else family)
    return "{" + latex_escape(author.name) + "}"


def bibtex_entry(work: Work, key: str) -> str:
    kind = csl_type(work)
    entry_type, venue_field = {
        "article-journal": ("article", "journal"),
        "paper-conference": ("inproceedings", "booktitle"),
    }.get(kind, ("misc", "howpublished"))
    fields: list[tuple[str, str]] = []
    if work.authors:
        names = [bibtex_name(a) for a in work.authors]
        if "authors-truncated" in work.flags:
            names.append("others")
        fields.append(("author", " and ".join(names)))
    if work.title:
        fields.append(("title", bibtex_title(work.title)))
    if work.venue:
        fields.append((venue_field, latex_escape(" ".join(work.venue.split()))))
    if work.year:
        fields.append(("year", str(work.year)))
    date = exact_date(work)
    if date and len(date) > 4:
        fields.append(("date", date))  # biblatex; BibTeX ignores it
    if work.ids.doi:
        fields.append(("doi", latex_escape(work.ids.doi)))
    if work.ids.arxiv:
        fields += [("eprint", work.ids.arxiv), ("archiveprefix", "arXiv")]
    url = landing_url(work)
    if url:
        fields.append(("url", latex_escape(url)))
    if work.abstract:
        fields.append(("abstract", latex_escape(" ".join(work.abstract.split()))))
    if work.flags:
        fields.append(("keywords", latex_escape(", ".join(work.flags))))  # Zotero imports them as tags
    lines = [f"@{entry_type}{{{key},"] + [f"  {name} = {{{value}}}," for name, value in fields] + ["}"]
    return "\n".join(lines) + "\n"


def to_bibtex(works: list[Work]) -> str:
    keys = citation_keys(works)
    ordered = sorted(works, key=lambda w: keys[w.work_id])
    return "\n".join(bibtex_entry(w, keys[w.work_id]) for w in ordered)


def write_bibtex(works: list[Work], out: IO[str]) -> None:
    out.write(to_bibtex(works))


# ---------------------------------------------------------------- JSONL
def write_jsonl(works: list[Work], out: IO[str]) -> None:
    for work in sorted(works, key=lambda w: w.work_id):
        out.write(canonical_json(work))
        out.write("\n")


WRITERS = {"csl-json": write_csl, "bibtex": write_bibtex, "jsonl": write_jsonl}


def render(works: list[Work], fmt: str) -> str:
    """The whole export as text (fmt in FORMATS)."""
    if fmt not in WRITERS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    buffer = io.StringIO()
    WRITERS[fmt](works, buffer)
    return buffer.getvalue()


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write via a temporary file in the same folder + rename: readers never see half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # open(..., "x") rather than mkstemp: the file gets the usual umask permissions, not 0600
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = [
    "FORMATS", "ExportError", "read_works", "record_as_work", "citation_keys", "csl_type", "csl_item",
    "to_csl", "to_bibtex", "latex_escape", "name_parts", "render", "write_text_atomic",
]
