"""Trained parser for one free-text publication entry ("A. Author, B. Author. Title. In Venue, 2020.").

The job GROBID's and AnyStyle's citation models do, as a small spaCy pipeline shipped in
`extract/models/entry_parser/` (no download): a reference tokenizer, an entry-context feature,
a CNN tok2vec and a tagger whose BIO tags (B-AUTHOR, I-TITLE, B-VENUE, B-YEAR, ...) mark the
fields. `postprocess` turns tagged spans into people, a year/date and a clean venue.

    parse_entry(text) -> Entry | None
    parse_entries(texts) -> list[Entry | None]      # batched, for speed
    parse_records(texts) -> list[dict]              # the `pubsift parse` JSON shape
"""
from __future__ import annotations

import gc
import html
import math
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from extract.entry_parser.postprocess import FieldSpan, Parsed, parsed_from_tags
from extract.entry_parser.doctokens import doc_text, make_docs
from extract.fields.cv_kinds import LEADING_CO_AUTHOR_NOTE_RE, rewrite_cv_kind, rewrite_notes
from extract.fields.homepage_line import NAME as _HP_NAME
from extract.fields.separated_line import looks_like_name_field
from extract.fields.text import clean_text, strip_author_marks, strip_inline_tags, strip_markdown
from extract.ingestors.base import AWARD_WORDS, Entry

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "entry_parser"
BATCH_SIZE = 256
MAX_CHARS = 2000  # longer "entries" are page fragments; the head holds the fields
TRANSITION_WEIGHT = 0.0  # forbidden BIO moves only: bigram weights (plain or conditioned on the
# punctuation between two tokens) bought no title accuracy on dev and cost venue accuracy


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load_model():
    """The trained pipeline, loaded once per process from the package."""
    if not (MODEL_DIR / "config.cfg").exists():
        raise ModelMissing(f"entry parser model not found in {MODEL_DIR} (train it: python -m extract.entry_parser.train)")
    import spacy

    from spacy.attrs import LOWER, NORM, PREFIX, SHAPE, SUFFIX

    import extract.entry_parser.features  # noqa: F401  registers the context-feature component

    nlp = spacy.load(MODEL_DIR)
    _use_numpy_matmul(nlp.get_pipe("tok2vec").model)
    _use_numpy_matmul(nlp.get_pipe("tagger").model)
    # Only these lexeme attributes feed the model; computing the other ~20 flags for every
    # new word is a large share of the run time on unseen text.
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: v for k, v in getters.items() if k in (LOWER, NORM, PREFIX, SUFFIX, SHAPE)}
    return nlp


def _use_numpy_matmul(model) -> None:
    """Run a loaded model's matrix products through numpy's BLAS instead of thinc's bundled
    blis: single-threaded, numpy's is ~1.5x faster per core for these shapes (measured), and the
    products are most of the tagging time. Inference only; training keeps thinc's ops."""
    ops = _matmul_ops()
    for node in model.walk():
        node.ops = ops


@lru_cache(maxsize=1)
def _matmul_ops():
    from thinc.api import NumpyOps
    from thinc.backends.ops import Ops

    class NumpyMatmulOps(NumpyOps):
        name = "numpy-matmul"

        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)

    return NumpyMatmulOps()


MEMBERS_DIR = "members"  # further ensemble members, each a tok2vec + tagger trained with its own seed


@lru_cache(maxsize=1)
def member_taggers() -> list:
    """The tagger models whose scores are averaged: the pipeline's own and those of the members
    under `members/` (same labels, other seeds). Each is made self-contained (its tok2vec
    copied in place of the listener), so one set of Docs feeds them all: the hash features
    they read do not depend on the vocab that made the Doc."""
    import spacy

    nlp = load_model()
    labels = nlp.get_pipe("tagger").labels
    models = [nlp.get_pipe("tagger").model]
    for path in sorted((MODEL_DIR / MEMBERS_DIR).glob("*/config.cfg")) if (MODEL_DIR / MEMBERS_DIR).is_dir() else []:
        member = spacy.load(path.parent)
        if member.get_pipe("tagger").labels != labels:
            raise ModelMissing(f"ensemble member {path.parent} has other labels than the pipeline")
        member.replace_listeners("tok2vec", "tagger", ["model.tok2vec"])
        _use_numpy_matmul(member.get_pipe("tagger").model)
        models.append(member.get_pipe("tagger").model)
    return models


# an entry the first model tags with every token at least this sure is not sent to the others:
# they rarely overturn such a tagging, and skipping them keeps the ensemble near one model's speed
SURE_ENOUGH = 0.8
_LOG_SURE = math.log(SURE_ENOUGH)


def _log_softmax(scores):
    import numpy

    scores = numpy.asarray(scores, dtype="float32")
    scores = scores - scores.max(axis=1, keepdims=True)
    return scores - numpy.log(numpy.exp(scores).sum(axis=1, keepdims=True))


def ensemble_scores(docs: list) -> list:
    """Per-doc (tokens, labels) scores: the log of the members' mean probabilities (members
    trained with different seeds make different boundary errors, and averaging removes much of
    that variance). Entries the first model is sure of keep its scores alone."""
    models = member_taggers()
    first = models[0].predict(docs)
    if len(models) == 1:
        return first
    out = [_log_softmax(s) for s in first]
    # the least sure token of each entry: its top log-probability
    unsure = [i for i, logp in enumerate(out) if len(logp) and float(logp.max(axis=1).min()) < _LOG_SURE]
    if unsure:
        import numpy

        subset = [docs[i] for i in unsure]
        # soft voting: the mean of the members' probabilities (a geometric mean would let one
        # member's doubt about a token sink the entry's confidence)
        summed = {i: numpy.exp(out[i]) for i in unsure}
        for model in models[1:]:
            for i, scores in zip(unsure, model.predict(subset)):
                summed[i] += numpy.exp(_log_softmax(scores))
        for i in unsure:
            out[i] = numpy.log(summed[i] / len(models) + 1e-12)
    return out


def available() -> bool:
    return (MODEL_DIR / "config.cfg").exists()


def _bibtex_as_reference(text: str) -> Optional[str]:
    """A BibTeX entry pasted as one entry ("@article{key, title={…}, author={…}, …}") written
    out as the reference it describes, "Authors (Year). Title. Venue.", which the tagger reads."""
    from extract.fields.bibtex import parse_bibtex, split_names

    try:
        entries = parse_bibtex(text).entries
    except Exception:  # noqa: BLE001 - a malformed entry is read as plain text
        return None
    if len(entries) != 1 or not entries[0].fields.get("title"):
        return None
    from extract.fields.latex import latex_to_text

    fields = {k: latex_to_text(v).strip() for k, v in entries[0].fields.items()}
    names = "; ".join(split_names(fields["author"])) if fields.get("author") else ""
    year = re.search(r"\b(?:1[5-9]|20)\d{2}\b", fields.get("year") or fields.get("date") or "")
    venue = next((fields[k] for k in ("journal", "journaltitle", "booktitle", "publisher", "school", "institution",
                                      "organization", "howpublished") if fields.get(k)), "")
    parts = [f"{names} ({year.group(0)})." if names and year else (f"{names}." if names else (f"({year.group(0)})." if year else ""))]
    parts.append(fields["title"].rstrip(".") + ".")
    if venue:
        parts.append(venue.rstrip(".") + ".")
    for key in ("doi", "url", "eprint"):
        if fields.get(key):
            parts.append(("arXiv:" if key == "eprint" else "") + fields[key])
    return " ".join(p for p in parts if p)


# (what follows shows the italics are a title: a stop, lower case, a volume number; not ", Names")
_LEADING_ITALIC_TITLE_RE = re.compile(r"^((?:19|20)\d\d[a-z]?\s+)?(?:\*(?!\*)([^*\n,;]{3,300}?)\*(?!\*)|_(?!_)([^_\n,;]{3,300}?)_(?!_))"
                                      r"(?=[.:]|$|\s+[a-z]|,\s*(?:\d|[a-z]))")
_UNDERSCORE_EMPHASIS_RE = re.compile(r"(?<![\w_])_(?=[^\s_])[^_\n]{1,80}(?<=[^\s_])_(?![\w_])")
_ELIDED_NAMES_RE = re.compile(r",\s*(?:…|\.\.\.)\s*,\s*")
# a year column: "2020  Title", "2020\tTitle", "[2021] Title"
# (not "2021 — Title — Venue — Names": the separated-fields reader takes those whole)
_YEAR_COLUMN_RE = re.compile(r"^\s*(?:\*\*|__)?[\[(]?((?:19|20)\d{2})[\])]?(?:\*\*|__)?(?:[ ]{2,}|\t|(?<=\])\s+)(?=\S)")
_STATUS_SLOT_NO_STOP_RE = re.compile(r"\((in press|forthcoming|submitted|under review|accepted|to appear)\)\s+(?=[A-ZÀ-Þ])", re.I)
# (before a name in natural order: a numbered Vancouver list, "8. Chowdhury F, …", reads well as it is)
_LIST_NUMBER_RE = re.compile(r"^\d{1,3}\.\s+(?=[A-ZÀ-ÞĀ-ŽȘȚ][a-zà-ÿ'’-]+(?:\s[A-Z]\.)?\s(?:(?:de|van|von|da|di|del|la|le)\s)*[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?,\s)")
# (hyphens only: the dashes and underscores the training corpora print, "———.", "–––––.", "______.", are
# left as the tagger learnt them)
_REPEATED_AUTHOR_HEAD_RE = re.compile(r"(?:-{2,}|Ders\.|Dies\.|Id\.|ID\.|Idem|Eadem)\s*[.,:]?\s+(?=[\"“«A-ZÀ-Þ(])")
_MORE_AUTHORS_RE = re.compile(r",?\s*(?:\+\s?\d{1,4}\s(?:more|others|(?:co-?)?authors)\b|\[\+\s?\d{1,4}\s(?:more|others|(?:co-?)?authors)\])(?=[\s.,])")
_PDF_HEADER_HEAD_RE = re.compile(r"\d{1,4}\s+[A-ZÀ-Þ][A-ZÀ-Þ'’-]{2,}(?:\s+(?:AND|&|ET AL\.|[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+)){0,6}\s+(?=\[\w|\d{1,3}\.\s)"
                                 # … or the running head before the page number: "BIBLIOGRAPHIE 287 VERNET-ROCHE, Louise, …"
                                 r"|(?:[A-ZÀ-Þ]{4,}(?:\s[A-ZÀ-Þ]{2,}){0,3})\s\d{1,3}\s+(?=[A-ZÀ-Þ][A-ZÀ-Þ'’-]+,\s)")
# (after the entry's numbers only: a journal in capitals closing an entry, "Title. ENGINEERING STRUCTURES", stays)
_PDF_FOOTER_TAIL_RE = re.compile(r"(?:(?<=[)\d])|(?<=[)\d]\.))\s+(?:\d{1,4}\s+)?(?:Page\s\d{1,4}\s(?:of|/)\s\d{1,4}"
                                 r"|[A-Z][A-Z&-]{2,}(?:\s(?:[A-Z][A-Z&:-]*|OF|ON|AND|IN)){1,7}(?:\s\d{1,4})?"
                                 # a back matter's running head: "… Chatto and Windus, 1932. Works Cited 301"
                                 r"|(?:Works Cited|Bibliography|References|Bibliographie|Literaturverzeichnis|Bibliografia)\s\d{1,4})$")
_RUNNING_HEADER_RE = re.compile(r"(?:Curriculum [Vv]itae|CV|Résumé|Lebenslauf)\s*[—–:|-]\s*[^\d\n]{3,60}?\s(?:Page\s)?\d{1,3}\s+(?=[A-ZÀ-Þ])")
_STATUS_HEAD_RE = re.compile(r"(?i:accepted|to appear|forthcoming|in press|submitted|under review)\s*:\s+(?=[A-Z\"“‘'])")
_FIELD_GAP_RE = re.compile(r"\S[ ]{2,}(?=\S)")
_NATURAL_FULL_NAME = r"[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s(?:[A-Z]\.\s)?[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+){1,2}"
_WITH_SENTENCE_RE = re.compile(r"(?<=\w)\.\s+(?:[Jj]oint(?:ly)?\s+)?[Ww]ith\s+(" + _NATURAL_FULL_NAME
                               + r"(?:(?:,\s|,?\s(?:and|&)\s)" + _NATURAL_FULL_NAME + r"){0,5})(?:\.\s+(?=[A-Z])|\.?\s*$)")
_WITH_HEAD_RE = re.compile(r"^with\s+((?:[A-ZÀ-ÞĀ-ŽȘȚ][\w.'’-]*\s?){1,4}(?:(?:,\s*|,?\s+(?:and|&)\s+)(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w.'’-]*\s?){1,4}){0,6}?)\s*:\s+(?=\S)")
_GLUED_ARXIV_RE = re.compile(r"(?<=[a-z]{2})arXiv(?=\s?:\s?\d)")


# an own entry headed by its co-authors, or by the owner's editing with co-editors: "(con A y B) «Título», …",
# "(a cura di, con Giulia Ferraresi) Musica …", "(red., współred. Tomasz Gąsior) Prawo …"
_LEADING_NOTE_RE = re.compile(
    r"\(\s*(?P<editor>(?:ed|eds|dir|Hg|Hrsg|a cura di|coord|org|orgs|red)\.?,\s*)?(?:joint(?:ly)?\s+)?"
    r"(?:with|mit|avec|con|com|met|med|współred\.|zus\.\s+mit|zusammen mit)\s+(?P<names>[^()]{2,200})\)\s*(?=[A-ZÀ-Þ0-9\"“‘«„'])")
_NAMES_CONJUNCTION_RE = re.compile(r"\s+(?:y|e|et|und|en|i|och|og|oraz)\s+")
_QUOTE_CLOSERS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'"}


def _leading_note_after_title(text: str) -> str:
    """The co-authors' note that heads an own entry written where the parser reads it: after a quoted
    title followed by a comma ('«Título» (with A and B), Revista …'), and an editor's mark with co-editors
    closing the entry ('Musica e liturgia …, Venezia: Marsilio, 2020 (with Giulia Ferraresi).')."""
    note = _LEADING_NOTE_RE.match(text)
    if note is None:
        return text
    names = _NAMES_CONJUNCTION_RE.sub(" and ", note.group("names").strip(" ,."))
    rest = text[note.end():]
    closer = _QUOTE_CLOSERS.get(rest[:1])
    at = rest.find(closer, 2) + 1 if closer else 0
    if at > 0 and rest[at : at + 1] == ",":
        return f"{rest[:at]} (with {names}){rest[at:]}"  # '«Título» (with A and B), Revista …'
    if note.group("editor"):
        # "(a cura di, con …)", "(red., współred. …)": the editor's mark with co-editors, which the
        # tagger reads as no note at all; with no quotes to end the title, the note closes the entry
        return f"{rest.rstrip(' .')} (with {names})."
    return text  # (a plain co-author note at the head is read as it is: see _own_entries_reread)


def _prepare(text: str) -> str:
    if "&lt;" in text or "&gt;" in text:
        text = html.unescape(text)  # tags scraped as entities, "Title&lt;br&gt;Journal": read as the tags they were
    if "more" in text or "authors" in text or "others" in text:
        # a site's cut author list: "A, B, C, +12 more." / "[+14 authors]": the tagger knows "et al."
        text = _MORE_AUTHORS_RE.sub(" et al.", text)
    if (text[:1].isdigit() or text[:3].isupper()) and _PDF_HEADER_HEAD_RE.match(text):
        # a PDF page's running header glued before the entry: "24 KESSLER AND MBEKI [Mor03] Étienne Morel, …"
        text = text[_PDF_HEADER_HEAD_RE.match(text).end():]
    if text[-1:].isdigit() or text[-1:].isupper():
        # … and after it: "… (2015) 123 Page 24 of 28", "… (2020). PHYSICAL REVIEW B 101", "… 1932. Works Cited 301"
        # (searched in the last 160 characters only: a pattern ending in "$" is otherwise tried at every position)
        footer = _PDF_FOOTER_TAIL_RE.search(text, max(0, len(text) - 160))
        if footer:
            text = text[: footer.start()]
    if text[:1] in "-DdIi" and _REPEATED_AUTHOR_HEAD_RE.match(text):
        # "---. Title. …", "Ders. 2015: Title": the author of the entry above, not printed again
        text = text[_REPEATED_AUTHOR_HEAD_RE.match(text).end():]
    if text[:2] in ("Cu", "CV", "Ré", "Le") and _RUNNING_HEADER_RE.match(text):
        # a PDF CV's running header glued before the entry: "Curriculum Vitae — Abebe G. Tadesse 4 Tadesse, A. G., …"
        text = text[_RUNNING_HEADER_RE.match(text).end():]
    if text and text.lstrip().startswith("@") and _BIBTEX_HEAD_RE.match(text):
        text = _bibtex_as_reference(text) or text
    if text and "<" in text and _BLOCK_TAG_RE.search(text):
        # an entry copied with its list markup: "<li><strong>Title</strong><br>Names<br><i>Venue</i></li>":
        # a line break parts two fields
        text = _BLOCK_TAG_RE.sub(lambda m: ". " if m.group(0).lower().startswith("<br") else " ", text)
        text = re.sub(r"([.?!])\s*\.\s", r"\1 ", text)

    if text and text[:1] in "[(0123456789 *_" and _YEAR_COLUMN_RE.match(text):
        # a list's year column before the entry ("2020  Title. Authors. Venue.", "[2021] …"): the
        # entry's date, moved to the end where a title-first entry would print it (left out when
        # the entry prints it too)
        column = _YEAR_COLUMN_RE.match(text)
        rest = text[column.end():].rstrip()
        text = rest if column.group(1) in rest else f"{rest}{'' if rest.endswith('.') else '.'} {column.group(1)}."
    if "(" in text and _STATUS_SLOT_NO_STOP_RE.search(text):
        # "Eze C, Vance RT (in press) Prospective replay …": the status in the year's slot, its stop left out
        text = _STATUS_SLOT_NO_STOP_RE.sub(r"(\1). ", text, count=1)
    if text and ":" in text[:20] and _STATUS_HEAD_RE.match(text):
        text = text[_STATUS_HEAD_RE.match(text).end():]  # "Accepted: Title. …": a status, no field
    if text and "  " in text and len(_FIELD_GAP_RE.findall(text)) >= 2:
        # fields set apart by runs of spaces, as a page's columns copy: "Title  Names  Journal  2019"
        parts = re.split(r"[ ]{2,}", text.strip())
        # (not a scrape's doubled spaces: those fall inside the fields, "Tanaka H,  Brennan  K.  Graph-based …")
        if 3 <= len(parts) <= 7 and len(parts[0].split()) >= 3 and not any(p.endswith((",", ";")) for p in parts[:-1]) \
                and all(len(p.split()) >= 2 or re.fullmatch(r"(?:19|20)\d{2}|[A-Z][A-Za-z]*[A-Z]\w*|(?i:preprint|submitted|forthcoming|accepted)", p)
                        for p in parts[1:]) \
                and any(looks_like_name_field(p) for p in parts[1:3]):
            text = " | ".join(parts)
    if text and "\t" in text and len(re.findall(r"\S[ ]*\t", text)) >= 2:
        # fields of an export set apart by tabs: keep them apart (a tab indenting a wrapped
        # line is only a space)
        text = re.sub(r"(?<=\S)[ ]*\t+[ ]*(?=\S)", " | ", text)
    if text and "  " in text:
        # a stop lost between the title and the journal, a double space left in its place: "… Atlantic
        # forest  Biotropica, 47, 560–569." (only before a volume or a year, where a journal's name ends)
        text = _LOST_STOP_RE.sub(r"\1. ", text[:MAX_CHARS])
    text = clean_text(text or "")[:MAX_CHARS].replace("\n", " ")
    if "⟨" in text:  # HAL's "⟨halshs-…⟩" archive ids and "⟨10.…⟩" DOIs
        from extract.fields.citation import angle_ids_as_text

        text = angle_ids_as_text(text)
    if "&" in text and ";" in text:  # scraped with its entities: "&lt;i&gt;Title&lt;/i&gt;", "&amp;"
        text = html.unescape(text)
    if "<" in text:
        text = strip_inline_tags(text)
    if "[" in text:
        text = _WEB_MARKS_RE.sub("", text)
    text = strip_author_marks(text)
    # "andS.Oduya", "andAndrea Fiore": the last name glued to its conjunction in a PDF scrape
    text = _GLUED_AND_RE.sub("and ", text)
    if "arXiv" in text:  # "…with tensor networksarXiv :1606.05510": an id glued to the title's last word
        text = _GLUED_ARXIV_RE.sub(" arXiv", text)
    # a legal citation's signal before the names: "See Thomas A. Brennan, Note, …", "Cf. …"
    if text.startswith(("See", "Cf.", "But see", "Compare", "Accord")) and _BLUEBOOK_CITE_RE.search(text):
        text = _SIGNAL_HEAD_RE.sub("", text)  # (a title that starts "See You Later" stays whole)
    # a footnote's lead-in before the author: "Vgl. dazu Annette Kranich, …", "Véase María Guzmán, …",
    # "For the wider context, see Eamon Kinsella, ed., …" (only before a person's name)
    lead_in = NOTE_LEAD_IN_RE.match(text)
    if lead_in:
        text = text[lead_in.end():]
    # "O’Donoghue", "D’Amato": the curly apostrophe the tagger splits a name at
    if "’" in text:
        text = _CURLY_NAME_APOSTROPHE_RE.sub("'", text)
    # "Urban Studies. Epub ahead of print 12 March 2017." / "Preprint at bioRxiv": a status
    # between the fields, not a field
    if ",http" in text:  # "GitHub repository,https://…": a PDF scrape's lost space before a URL
        text = re.sub(r",(?=https?://)", ", ", text)
    if "Epub" in text or "Preprint at" in text or "osted online" in text:
        text = _EPUB_AHEAD_RE.sub(".", text)
        text = re.sub(r"\bPreprint at\s+(?=[A-Za-z])", "", text)
        # AMA: "medRxiv. Preprint posted online January 12, 2024." — a status and its date
        text = _POSTED_ONLINE_RE.sub(r". \1.", text)
    if text[:1] in "*_" or (text[:4].isdigit() and text[4:6].strip() == "" and "*" in text[:12]):
        # an own work listed by its title in italics: "*Tidewater Elegy* for string quartet. …",
        # "2018  *Tidal Archives*, solo exhibition, …": the italics bound the title; quotes say so
        text = _LEADING_ITALIC_TITLE_RE.sub(lambda m: f"{m.group(1) or ''}“{m.group(2) or m.group(3)}”", text, count=1)
    if "](" in text or "**" in text or "__" in text or ("_" in text and _UNDERSCORE_EMPHASIS_RE.search(text)):
        # (its escaped marks kept as marks, "**Ribeiro, T.**\*": they go with the others)
        text = strip_author_marks(strip_markdown(text))
    # "Hao Sun, Nicole Becker, …, Pranav Krishnaswamy": names left out in the middle of the list
    if "…," in text or "..., " in text:
        text = _ELIDED_NAMES_RE.sub(", ", text)
    # "(w/ Samuel Boateng)": the co-author note's shorthand
    if "w/" in text:
        text = _W_SLASH_RE.sub("with ", text)
    # "“Title,” with A and B. Revise and resubmit, …", "Title, with N. Umeh — work in progress": the
    # comma note written as the bracketed one the parser reads
    if "with " in text:
        noted = _COMMA_WITH_NAMES_RE.search(text)
        # (one name in full could be two title words: "…, with Kernel Methods.")
        # (after a quoted title, or closing the line: "Title, with A and B. Venue" reads as it is)
        if noted and (noted.group("quote") or noted.group("quote2") or not re.match(r"\s*[.;]\s", text[noted.end():])) \
                and (noted.group("quote") or noted.group("quote2")  # (after a closing quote one full name is a name)
                     or re.search(r"\b[A-Z]\.", noted.group("names")) or re.search(r",|\band\b|&", noted.group("names"))):
            text = f"{text[:noted.start()]}{noted.group('quote') or noted.group('quote2') or ''} (with {noted.group('names')}){text[noted.end():]}"
    # the co-authors' sentence after the title: "Title. Joint with Rohan Verma. Econometrica …",
    # "Title. With Imran Qureshi and Ana Ruiz. Past & Present …": the bracketed note the parser reads
    if "ith " in text and _WITH_SENTENCE_RE.search(text):
        text = _WITH_SENTENCE_RE.sub(lambda m: f" (with {m.group(1)}). ", text, count=1)
    # an own entry's co-author note heading it: "with Emma Lindahl: Position: …"
    if text.startswith("with "):
        text = _WITH_HEAD_RE.sub(lambda m: f"(with {m.group(1)}) ", text)
    # a CV's own labels before the entry: "C4. [2017] …", "J12. 2016. …", "[B2] 2019. …"
    text = _CV_LABEL_RE.sub("", text)
    # a note's or a list's number: "2. Tadeusz Krawiec, “Parish Schools …,” Polish Review 58 …"
    if text[:1].isdigit():
        text = _LIST_NUMBER_RE.sub("", text, count=1)
    # a dictionary entry, a review or a translation listed in the CV's language ("Art. „X“, in: …",
    # "Compte rendu de : A, Titre, …", "Traduction de l'allemand : A, Titre, …"): its title read as such
    text = rewrite_cv_kind(text)
    text = rewrite_notes(text)
    if text[:1] == "(":
        text = _leading_note_after_title(text)
    # an award heading the entry ("Best Paper Award — Title. …") or noted in brackets ("(ISCA Best
    # Student Paper finalist)"): no field of the reference
    if "Best" in text or "Outstanding" in text or "Distinguished" in text or "ward" in text:
        text = _AWARD_HEAD_RE.sub("", _AWARD_PAREN_RE.sub("", text))
    # "[Interspeech 2022] Babajide Akinola, Hiroki Yamada: Title.": the venue label before an
    # author-first entry goes where such entries name it, at the end
    if text.startswith("["):
        labelled = _VENUE_LABEL_BEFORE_NAMES_RE.match(text)
        if labelled and looks_like_name_field(labelled.group("names")):
            text = f"{text[labelled.start('names'):].rstrip(' .')}. {labelled.group('label')}."
    # Harvard without its brackets: "…, Haas, B. & Mendoza, L. 2022 Isotopic evidence …": the year after
    # the last initial opens the title
    if text[:300].count(".") >= 2:
        text = _BARE_YEAR_AFTER_INITIAL_RE.sub(r". (\1). ", text, count=1)
    # "Olu Fashola, Inés Castellanos — Legibility vs. Efficiency. Venue": the one dash of the line
    # ends the names (a dash that also parts title and venue is the separated layout's)
    if (" — " in text or " – " in text) and text.count(" — ") + text.count(" – ") == 1:
        headed = _NAMES_DASH_HEAD_RE.match(text)
        if headed and looks_like_name_field(headed.group("names")):
            text = f"{headed.group('names')}. {text[headed.end():]}"
    # a CV's kind label heading the entry: "Zeitschriftenaufsatz: …", "Chapitre d'ouvrage : …"; with its
    # venue in brackets: "Workshop paper (NeurIPS 2023 Workshop on X): Title, A, B." -> "Title, A, B. Venue."
    if ":" in text[:130]:
        labelled = _KIND_LABEL_VENUE_RE.match(text)
        if labelled:
            text = f"{labelled.group('rest').rstrip(' .')}. {labelled.group('venue')}."
        text = _KIND_WORDS_HEAD_RE.sub("", _KIND_LABEL_HEAD_RE.sub("", text))
    # ResearchGate's line: "Article · Full-text available · Jun 2019 · BMC Public Health — Title — A, B"
    if " · " in text[:80] and " — " in text:
        researchgate = _RESEARCHGATE_LINE_RE.match(text)
        if researchgate:
            venue = f" {researchgate.group('venue').strip()}," if researchgate.group("venue") else ""
            year = researchgate.group("year") or researchgate.group("year2") or ""
            text = f"{researchgate.group('names')}. {researchgate.group('title')}.{venue} {year}.".replace(" .", ".")
    # "Rajan Mehta | Ofelia Santangelo | Benedikt Hoxha — Title — Venue": names parted by bars
    if " | " in text[:200] and (" — " in text or " – " in text):
        barred = _BARRED_NAMES_HEAD_RE.match(text)
        if barred:
            text = barred.group(0).replace(" | ", ", ") + text[barred.end():]
    # a co-author note in the CV's language heading the entry ("met A en B: …", "con A y B, …",
    # "A ile: …", "spoluautoři: A, B, …"): written as the "(with A and B)" note the parser reads
    # (the pattern backtracks over name runs: only entries that show one of its words try it)
    head = text[:300]
    noted = _FOREIGN_WITH_HEAD_RE.match(text) if (_FOREIGN_WITH_CUE_HEAD_RE.match(head) or (("ile" in head or "hezuo" in head)
                                                                   and _FOREIGN_WITH_CUE_TAIL_RE.search(head))) else None
    if noted:
        names = noted.group("names") or noted.group("names2") or noted.group("names3") or noted.group("names4")
        names = _FOREIGN_AND_RE.sub(" and ", names.strip(" ,;:"))
        text = f"(with {names}) {text[noted.end():]}"
    # BibTeX alpha labels ("[BCD+13]", "[dlCG15]", "[Ahm]") and a note number glued to the first
    # name ("3Varga, Z." where the superscript lost its formatting)
    if text[:1] in "[0123456789":
        text = _ALPHA_LABEL_RE.sub("", _GLUED_NOTE_NUMBER_RE.sub("", text))
    # what a results page prints after the reference: "[PDF] Cited by 12 Related articles",
    # "View Article Google Scholar", "— PubMed"
    tail = text.rstrip()
    if tail.endswith(_TRAILING_LINK_WORD_ENDS) or ("Cited by" in tail and tail[-1:].isdigit()) \
            or (tail.endswith(")") and ("Scopus (" in tail or "(PDF)" in tail)):
        text = _TRAILING_LINK_WORDS_RE.sub("", text)
    # a status in the year's slot, in the language of the reference: "(en prensa)", "(im Druck)"
    # read as the English one the model knows
    if "(" in text:
        text = _FOREIGN_STATUS_SLOT_RE.sub("(in press)", text)
        text = _FOREIGN_SUBMITTED_SLOT_RE.sub("(submitted)", text)
        # German style's colon after the slot: "Vogelsang, Katharina (in press): Title." (a year there reads as it is)
        text = _STATUS_SLOT_COLON_RE.sub(r"(\1). ", text)
    # Chicago author-date's "Whitcombe, Eleanor. Forthcoming. “Title.”": the status in the year's
    # slot, bracketed as the model knows it
    if "orthcoming" in text[:160] or "n press" in text[:160]:
        text = _BARE_STATUS_SLOT_RE.sub(lambda m: f" ({m.group(1).lower()}). ", text, count=1)
    # a CV's legend of its name marks closing the entry: "[*graduate student advisee; †postdoc]"
    if text.endswith(("]", ")")):
        text = _MARK_LEGEND_TAIL_RE.sub("", text)
    # a German book's "[zugl. Diss. Heidelberg 2010]": the thesis it also was, with that year
    if "zugl" in text:
        text = _ALSO_THESIS_NOTE_RE.sub("", text)
    # APA 7's ellipsis before the last of 21+ authors (", . . . Wikström, S."): one mark, so the
    # points read as no sentence ends
    if ". . ." in text or "., ..." in text:
        text = _APA_ELLIPSIS_RE.sub(", … ", text)
    # "AISTATS 2022. Short version at the ICML 2021 Workshop …", "EUROCRYPT 2023. Invited to Journal of
    # Cryptology.": a second publication of the work closing the line; the entry is the first one
    if "ersion" in text or "nvited to" in text or "Also " in text:
        text = _OTHER_VERSION_TAIL_RE.sub(".", text)
    # a sentence glued to the next: "…HOUSEHOLD SURVEYS.Working paper", "…blastema.Dev Regen Biol"
    if "." in text:
        text = _GLUED_SENTENCE_RE.sub(". ", text)
    return " ".join(text.split())


_NAMES_DASH_HEAD_RE = re.compile(rf"^(?:[•▪◦*·‣-]\s+)?(?P<names>{_HP_NAME}(?:,\s{_HP_NAME}){{0,30}}(?:,?\s(?:and|&)\s{_HP_NAME})"
                                 rf"|{_HP_NAME}(?:,\s{_HP_NAME}){{1,30}})\s[—–]\s(?=[\"“‘A-Z0-9])")
_OTHER_VERSION_TAIL_RE = re.compile(
    r"(?<=\S{3})[.;]\s+(?:\(\s*)?(?:(?:An?\s+|The\s+)?(?i:short|shorter|long|longer|extended|full|journal|conference|preliminary|earlier|"
    r"workshop|abridged)\s+version\s+(?:(?:appeared|presented|published|accepted)\s+)?(?:at|in)|Invited to(?:\s+the)?(?=\s+[A-Z])"
    r"|Also\s+(?:(?:appeared|presented|published)\s+)?(?:at|in)(?=\s+(?:the\s+)?[A-Z]))\b(?:[^()]|\([^()]{0,40}\)){2,200}?\)?\.?\s*$")
_COMMA_WITH_NAMES_RE = re.compile(
    rf"(?<=\w)(?:,(?P<quote>[”\"])?|(?P<quote2>[”\"]),)\s+(?:joint(?:ly)?\s+|joint work\s+)?with\s+"
    rf"(?P<names>{_HP_NAME}(?:(?:,\s*|,?\s+(?:and|&)\s+){_HP_NAME}){{0,8}})(?=\s*(?:[.;]\s|[.;]?$|\s[—–]\s))")
_AWARD_PAREN_RE = re.compile(rf"\s*[(\[](?:🏆\s*)?(?i:{AWARD_WORDS})[)\]]")
_AWARD_HEAD_RE = re.compile(rf"^(?:🏆\s*)?(?i:{AWARD_WORDS})\s*[—–:|]\s+(?=\S)")
_VENUE_LABEL_BEFORE_NAMES_RE = re.compile(
    rf"^\[(?P<label>[^\[\]]{{2,60}}?(?:19|20)\d\d[^\[\]]{{0,40}})\]\s+(?P<names>{_HP_NAME}(?:,\s{_HP_NAME}){{0,30}}"
    rf"(?:,?\s(?:and|&)\s{_HP_NAME})?)\s*[:.]\s+(?=\S)")
_BARE_STATUS_SLOT_RE = re.compile(r"(?<=[a-z]\.)\s+(Forthcoming|In press|In Press)\.\s+(?=[\"“‘A-Z])")
_ALSO_THESIS_NOTE_RE = re.compile(r"\s*[\[(]\s*[Zz]ugl(?:eich|\.)\s[^\[\]()]{2,120}[\])]")
_KIND_WORDS = (r"(?:data|workshop|short|full|long|position|demo|software|survey|tutorial|invited|research|review|conference|"
               r"journal|extended|student|poster|industry|resource|findings)\s+(?:paper|article|abstract)|lecture notes|"
               r"data paper|survey|tutorial|perspective|commentary|editorial|habilitationsschrift|habilitation thesis")
_KIND_LABEL_VENUE_RE = re.compile(rf"^(?i:{_KIND_WORDS})\s*\((?P<venue>[^()]{{3,120}})\)\s*:\s+(?P<rest>\S.{{10,}})$")
_KIND_WORDS_HEAD_RE = re.compile(rf"^(?i:{_KIND_WORDS})\s*:\s+(?=\S)")
_RESEARCHGATE_LINE_RE = re.compile(
    r"^(?:Article|Conference Paper|Chapter|Preprint|Book|Thesis|Data|Poster|Presentation|Technical Report|Working Paper|Research)"
    r"(?:\s·\s(?:Full-text available|Preprint|Literature Review|[A-Z][a-z]{2}\s(?P<year>(?:19|20)\d{2})|(?P<year2>(?:19|20)\d{2})))+"
    r"(?:\s·\s(?P<venue>[^—·]{2,150}?))?\s—\s(?P<title>[^—]{6,300}?)\s—\s(?P<names>[^—]{3,400}?)\s*$")
_BARRED_NAMES_HEAD_RE = re.compile(rf"^{_HP_NAME}(?:\s\|\s{_HP_NAME}){{1,30}}(?=\s[—–]\s)")
# (the stop opens the pattern, so the engine skips to stops instead of trying a look-behind everywhere)
_BARE_YEAR_AFTER_INITIAL_RE = re.compile(r"\.(?<=[A-Z]\.)\s+((?:19|20)\d{2}[a-z]?)\s+(?=[A-ZÀ-Þ][a-z])")
# (after a lower-case word, a title's last: "… Atlantic forest  Biotropica, 47"; not after a name, "C. Obi  IEEE RA-L 2021")
_LOST_STOP_RE = re.compile(r"(?<![\w-])([a-z][\w-]*)[ \t]{2,}(?=[A-Z][\w&.'’ -]{2,80}?(?:,|;)?\s*(?:\d{1,4}\b|(?:19|20)\d{2}))")
_W_SLASH_RE = re.compile(r"(?<=[(\[\s,])w/\s*(?=[A-ZÀ-ÞĀ-ŽȘȚ])")
_BIBTEX_HEAD_RE = re.compile(r"\s*@[A-Za-z]+\s*\{")
_BLOCK_TAG_RE = re.compile(r"<br\s*/?>|</?(?:li|ul|ol|p|div|td|tr|dd|dt|h[1-6])\b[^<>]{0,200}>", re.I)
_FOREIGN_STATUS_SLOT_RE = re.compile(
    r"\((?i:en prensa|no prelo|im druck|sous presse|in corso di stampa|in stampa|à paraître|a paraître|ter perse|"
    r"w druku|v tisku|в печати)\)")
_FOREIGN_SUBMITTED_SLOT_RE = re.compile(r"\((?i:eingereicht|soumis|enviado|sometido|inviato|submetido|ingediend|inskickad)\)")
_STATUS_SLOT_COLON_RE = re.compile(r"\((in press|submitted|forthcoming|under review|accepted)\)\s*:\s+(?=\S)")
_MARK_LEGEND_TAIL_RE = re.compile(r"\s*[\[(]\s*[*†‡§¶#][^\[\]()]{3,200}[\])]\s*$")
_APA_ELLIPSIS_RE = re.compile(r",\s*(?:\.\s?\.\s?\.|\.\.\.)\s*(?=[A-ZÀ-ÞĀ-ŽȘȚ])")
_CJK_BRACKETS_RE = re.compile(r"[「『《〈]")
_POSTED_ONLINE_RE = re.compile(r"\.\s*(?:Preprint\s+)?[Pp]osted online\s+(?:(?:[A-Z][a-z]+\.?\s+)?\d{1,2},?\s+)?((?:19|20)\d{2})\s*[.;]")
_EPUB_AHEAD_RE = re.compile(r"\.\s*Epub ahead of print[^.;]{0,40}[.;]")
_GLUED_AND_RE = re.compile(r"and(?<=[\s,]and)(?=[A-Z](?:\.|[a-z]+\s))")  # (the literal first: a fast scan)
_LEAD_IN_NAME = r"(?:[A-ZÀ-ÞĀ-ŽȘȚ]\.\s?)*[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-ZÀ-ÞĀ-ŽȘȚ][\w'’.-]+){0,3}"
NOTE_LEAD_IN_RE = re.compile(
    r"^(?:\d{1,3}\.\s+)?(?:"
    # German notes name the author before a colon: "Vgl. Friederike Albrecht: Die Ordnung …"
    r"(?:Vgl\.(?:\s+(?:dazu|auch|etwa|hierzu|ferner))?|So etwa|Siehe(?:\s+auch)?|Dazu)\s+(?=" + _LEAD_IN_NAME + r"\s*[,:/&])|"
    # elsewhere a comma follows the name ("See You Later: …" is a title, not a signal)
    r"(?:See(?:,? e\.g\.,| also| further| generally)?|Cf\.|Compare|But see|Véase(?:\s+también)?|Vease|Ver|Vid\.|Vd\.|Cfr\.|"
    r"Voir(?:\s+aussi)?|Si veda|Su questo(?:\s+tema)?\s+si veda|Sul tema si veda|(?:For|On)\s+[^,;:()]{2,50}?,?\s+see(?:\s+also)?)"
    r"\s+(?=" + _LEAD_IN_NAME + r"\s*[,&/]))")
_CURLY_NAME_APOSTROPHE_RE = re.compile(r"(?<=\b[OD])’(?=[A-ZÀ-Þ])")
_SIGNAL_HEAD_RE = re.compile(r"^(?:See(?:,? e\.g\.,| also| generally)?|Cf\.|But see|Compare|Accord)\s+(?=[A-Z][a-z]+\s(?:[A-Z]\.\s)?[A-Z])")
# a law review cited by volume, journal, page and year: "62 DUKE L.J. 891 (2013)"
_BLUEBOOK_CITE_RE = re.compile(r"\b\d{1,4}\s+[A-Z][A-Za-z.']*(?:\s[A-Z][A-Za-z.']*){0,5}\s+\d{1,5}\b[^()]{0,40}\((?:[^()]{0,30}\s)?(?:1[6-9]|20)\d{2}\)")
_KIND_LABEL_HEAD_RE = re.compile(
    r"^(?i:zeitschriftenaufsatz|zeitschriftenartikel|beitrag in (?:einem )?sammelband|sammelbandbeitrag|monographie|"
    r"herausgeberschaft|rezension|dissertation|habilitation(?:sschrift)?|chapitre d['’]ouvrage|chapitre|article de revue|"
    r"article|ouvrage|thèse|communication|journal article|conference paper|book chapter|book|monograph|preprint|"
    r"working paper|report|artículo|capítulo de libro|libro|tesis|artigo|capítulo|livro|tese|articolo|capitolo|"
    r"monografia|aufsatz(?: in (?:sammelband|zeitschrift))?|beitr[äa]ge? in (?:sammelb[äa]nden|tagungsb[äa]nden|zeitschriften)|"
    r"sammelbandbeitr[äa]ge?|bok|bokkapitel|monografie|artykuł|rozdział|kapitola|článek|kniha|makale|kitap(?: bölümü)?|"
    r"bildiri|hoofdstuk|boek|tijdschriftartikel|recensione|recensión|reseña|compte rendu|tansho|kyōcho|kyocho|"
    r"ronbun|rombun|zasshi ronbun|tesis doctoral|tese de doutorado|dissertação|doktora tezi|yüksek lisans tezi|"
    r"proefschrift|doktorsavhandling|avhandling|praca doktorska|rozprava|"
    # a talk's or review's kind: "Keynote address: Title", "Invited review: …"
    r"keynote(?: address| lecture| talk)?|invited (?:review|talk|lecture|paper|commentary|chapter)|plenary(?: talk| lecture)?|"
    # an economist's job-market page: "Job Market Paper: “Title”"
    r"job[- ]market paper|jmp)\s*:\s+(?=\S)")
# a co-author note heading an own entry, in the CV's language: "met A en B:", "mit A:", "avec A et B,",
# "con A y B,", "com A e B,", "med A och B,", "z A i B,", "A ile:", "(A ve B ile birlikte)",
# "yu A hezuo:", "spoluautoři: A, B,"
_FOREIGN_WITH_HEAD_RE = re.compile(
    r"^\(?\s*(?i:met|mit|zusammen mit|gemeinsam mit|avec|en collaboration avec|con|junto con|com|junto com|insieme a|"
    r"med|tillsammans med|samen met|z|ze|wspólnie z|razem z|spolu s|s)\s+(?P<names>[^:()\"“'‘]{3,200}?)\s*\)?\s*[:]\s+"
    r"|^\(?\s*(?i:met|mit|avec|con|com|med|z|spolu s)\s+(?P<names2>(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w.'’-]*\s?){1,4}(?:(?:,\s*|\s+(?:en|und|et|y|e|och|i|a)\s+)"
    r"(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w.'’-]*\s?){1,4}){0,6})\s*\)?,\s+(?=[A-ZÀ-ÞĀ-ŽȘȚ\"“'‘«„])"
    r"|^\(?\s*(?:(?i:spoluautoři|spoluautori|mitautor(?:inn)?en|co-?auteurs?|coautores|coautori|współautorzy)\s*:\s*)?"
    r"(?:yu\s+)?(?P<names3>(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w.'’-]*\s?){1,4}(?:(?:,\s*|\s+(?:ve|und|et|y|e|och|i|a)\s+)(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w.'’-]*\s?){1,4}){0,6})"
    r"\s+(?:ile(?:\s+birlikte)?|hezuo)\b\s*\)?\s*[:,]?\s+"
    r"|^(?i:spoluautoři|spoluautori|mitautor(?:inn)?en|co-?auteurs?|coautores|coautori|współautorzy|co-?authors?)\s*:\s*"
    r"(?P<names4>(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w.'’-]*\s?){1,4}(?:,\s*(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w.'’-]*\s?){1,4}){0,6})[,;:]\s+(?=[A-ZÀ-ÞĀ-ŽȘȚ\"“'‘«„])")
# the cue that such a note heads the entry: its word at the start, or Turkish "ile" / Chinese "hezuo"
# after the names (searched only where those words occur)
_FOREIGN_WITH_CUE_HEAD_RE = re.compile(
    r"^\(?\s*(?i:met|mit|zusammen mit|gemeinsam mit|avec|en collaboration avec|con|junto con|com|junto com|insieme a|med|"
    r"tillsammans med|samen met|z|ze|wspólnie z|razem z|spolu s|s|spoluautoři|spoluautori|mitautor(?:inn)?en|co-?auteurs?|"
    r"coautores|coautori|współautorzy|co-?authors?|yu)[\s:]")
_FOREIGN_WITH_CUE_TAIL_RE = re.compile(r"\s(?:ile|hezuo)\b")
_FOREIGN_AND_RE = re.compile(r"\s+(?:en|und|et|y|e|och|i|a|ve|és)\s+")
_ALPHA_LABEL_RE = re.compile(r"^\[(?=[^\]]*[a-zà-ÿ0-9+])[^\W\d_][^\W\d_+]{0,6}\+?\d{0,4}[a-z]?\]\s+(?=[A-ZÀ-Þ])"
                             # amsalpha without years: "[KL] O. Kalu and S. Lévesque" (an initial follows)
                             r"|^\[[A-Z]{2,4}\]\s+(?=[A-ZÀ-Þ]\.\s?[A-ZÀ-Þ])"
                             # author-year labels (IJCAI, natbib's "alpha" lists): "[Dorsey, 2016]", "[Elkayam et al., 2018]"
                             r"|^\[[A-ZÀ-Þ][\w'’-]+(?:\s(?:et al\.|and|&)(?:\s[A-ZÀ-Þ][\w'’-]+)?)?,\s(?:19|20)\d{2}[a-z]?\]\s+(?=[A-ZÀ-Þ])")
_GLUED_NOTE_NUMBER_RE = re.compile(r"^\d{1,3}(?=[A-ZÀ-Þ][a-zà-ÿ]+,\s)")
_CV_LABEL_RE = re.compile(r"^\s*(?:\[[A-Z]{1,3}\s?-?\d{1,3}[a-z]?\]|[A-Z]{1,3}-?\d{1,3}[a-z]?"
                          # "C10 (to appear)." : the label with the entry's status
                          r"(?:\s\((?i:to appear|in press|forthcoming|submitted|under review|accepted)\))?[.):])\s+")
# Vancouver's web marks: "Nutrients [Internet]. 2020 [cited 2021 Aug 3];12(9)": the medium and the
# date it was read are no part of the journal or the year (after a year the mark stays: it ends a
# title that closes with its year, "Antibiotic use in outpatient settings, 2021 [Internet]")
_WEB_MARKS_RE = re.compile(r"(?<![\d–-])(?<![\d–-] )\s*\[(?:Internet|Online|online|Electronic|electronic resource)\]|\s*\[(?:cited|accessed|updated|Accessed)\b[^\[\]]{0,40}\]")
_TRAILING_LINK_WORDS_RE = re.compile(
    r"(?:\s*[|—–-]?\s*(?:\[(?:PDF|HTML|Full text|Abstract|CrossRef|Crossref|PubMed|Google Scholar|DOI|Link)[^\]]{0,20}\]"
    # bibtex2html's link row: "[ bib | DOI | pdf ]"
    r"|\[\s*(?i:bib|bibtex|doi|pdf|arxiv|slides|code|html|abstract|url|www|video|poster|ps|ps\.gz|http|paper|talk"
    r"|project(?: page)?|website|blog|data(?:set)?|demo|supp(?:lementary)?|github|proceedings)"
    r"(?:\s*\|\s*(?i:bib|bibtex|doi|pdf|arxiv|slides|code|html|abstract|url|www|video|poster|ps|ps\.gz|http|paper"
    r"|talk|project(?: page)?|website|blog|data(?:set)?|demo|supp(?:lementary)?|github|proceedings))*\s*\]"
    r"|View Article|Google Scholar|PubMed(?: Central)?|CrossRef|Crossref|Web of Science®?|Scopus|Cited by \d+|Related articles"
    r"|All \d+ versions|PDF(?: \d[\d.]* ?[KM]B)?|HTML|Full text"
    # publishers' web reference lists: "View PDF View article View in Scopus", "Full Text (PDF) Scopus (88)",
    # "Abstract/FREE Full Text", "Google Preview OpenURL Placeholder Text WorldCat COPAC"
    r"|View (?:PDF|article|in Scopus|Record in Scopus)|Scopus \(\d+\)|Full Text(?: \(PDF\))?|(?:Abstract/)?FREE Full Text"
    r"|Search in Google Scholar|Google Preview|OpenURL(?: Placeholder Text)?|WorldCat|COPAC))+\s*$")
# what the last of those link words ends in: only such an entry is searched (the pattern, anchored at
# the end, is otherwise tried at every position)
_TRAILING_LINK_WORD_ENDS = ("]", "Article", "Scholar", "PubMed", "Central", "CrossRef", "Crossref", "Science", "Scopus",
                            "articles", "versions", "PDF", "KB", "MB", "HTML", "Full text", "Full Text", "®", "article",
                            "Placeholder Text", "Preview", "OpenURL", "WorldCat", "COPAC")
_GLUED_SENTENCE_RE = re.compile(r"\.(?<=[a-z]{3}\.|[A-Z]{3}\.)(?=[A-Z][a-z]{2})(?![\w.-]*/)")  # (the stop first: a fast scan)


@lru_cache(maxsize=1)
def decoder():
    from extract.entry_parser.decode import Decoder

    return Decoder.load(MODEL_DIR, load_model().get_pipe("tagger").labels, weight=TRANSITION_WEIGHT)


def tag_texts(texts: list[str]) -> list[Parsed]:
    """Tag prepared texts in batches; one Parsed per text (empty texts give empty results)."""
    from extract.entry_parser.postprocess import FieldSpan
    from extract.fields.cjk_brackets import find_cjk_bracket_spans
    from extract.fields.gbt7714 import find_gbt_spans
    from extract.fields.homepage_line import find_title_first_spans
    from extract.fields.legal_case import find_case_spans, find_law_review_spans
    from extract.fields.separated_line import find_separated_spans
    from extract.fields.scholar_line import find_scholar_spans
    from extract.fields.ssrn_citation import find_ssrn_spans
    from extract.fields.usgs_line import find_usgs_spans

    # rigid formats the rules read for sure skip the model
    by_rule: dict[int, Parsed] = {}
    for i, text in enumerate(texts):
        spans = (find_scholar_spans(text) or (find_gbt_spans(text) if "[" in text else None) or find_ssrn_spans(text)
                 or find_usgs_spans(text)
                 or (find_cjk_bracket_spans(text) if _CJK_BRACKETS_RE.search(text) else None)
                 or find_title_first_spans(text) or find_case_spans(text) or find_law_review_spans(text)
                 or find_separated_spans(text))
        if spans:
            by_rule[i] = Parsed(text, [FieldSpan(label, a, b, 1.0) for label, a, b in spans], 1.0)
    if by_rule:
        # (the rest go to the model, not through the rules again)
        tagged = iter(_tag_by_model([t for i, t in enumerate(texts) if i not in by_rule]))
        return [by_rule[i] if i in by_rule else next(tagged) for i in range(len(texts))]
    return _tag_by_model(texts)


def _tag_by_model(texts: list[str]) -> list[Parsed]:
    if not texts:
        return []
    return _particle_head_reread(texts, _own_entries_reread(texts, _tag_model(texts)))


def _particle_head_reread(texts: list[str], first: list[Parsed]) -> list[Parsed]:
    """"de Vries, Femke. 2013. “Title.” …": an entry opening on a lower-case particle whose first
    reading found no author is read again as if capitalised (the tagger learnt names from
    capitals); the second reading is kept when it finds the name where the entry starts."""
    suspects = [i for i, p in enumerate(first) if texts[i][:1].islower() and _PARTICLE_HEAD_RE.match(texts[i])
                and not any(s.label == "AUTHOR" for s in p.spans)]
    if not suspects:
        return first
    out = list(first)
    for i, again in zip(suspects, _tag_model([texts[i] for i in suspects], capitalised=True)):
        author = again.first("AUTHOR")
        if author is not None and author.start == 0 and again.first("TITLE") is not None:
            out[i] = again
    return out


STAND_IN = "Doe, J.: "  # an author the tagger reads for sure, put before an entry that names nobody


def _names_nobody(parsed: Parsed) -> bool:
    """A first reading that looks like an own entry (no author named) misread: its one "author"
    is the title's first words ("Die Stimme des Chores", "Kallimachos"), or nothing before the
    title was read as a name and the title starts after a first sentence."""
    authors = [s for s in parsed.spans if s.label == "AUTHOR"]
    title = parsed.first("TITLE")
    text = parsed.text
    if text[:1] in "(\"“'‘«[":
        return False  # a note or a quoted title heads it: read as it is
    if len(authors) == 1 and authors[0].start <= 1 and title is not None and title.start > authors[0].end \
            and text[authors[0].end : authors[0].end + 1] == ".":
        name = text[authors[0].start : authors[0].end]
        if re.search(r"\b[A-Z]\.|\b[A-Z]{1,3}\b|,", name):
            return False  # initials or an inverted name: a person
        if _names_a_body(name):
            return False  # "Centers for Disease Control and Prevention": a body as the author
        return name_of_title_words(name)  # (a one-word name stays: "Azzam", "박언영", a mononym)
    if not authors and title is not None and title.start > 0:
        # "Vertrauen als Ressource. " + TITLE "Zur Soziologie …": a first sentence left untagged; not
        # a label ("Invited panel:"), a quoted title's lead or an editor's mark ("(a cura di)")
        head = text[: title.start]
        if not re.fullmatch(r"[^\W\d_][^:()\"“”'‘’«»]{2,200}\.\s+", head) or re.search(r"\b(?:In|in|Ed|eds?)\b", head):
            return False
        # (a body heading its report is its author: "IBGE – Instituto Brasileiro de Geografia e Estatística.")
        return not _names_a_body(head.strip(" ."))
    return False


def name_of_title_words(name: str) -> bool:
    """A "name" of two or more words that reads as a title's words: four or more words, or a
    lower-case word that is no particle ("Die Stimme des Chores", "Grenzen der Gemeinschaft"; a
    particle counts only in a particle run: "van der Berg", "de la Cruz")."""
    words = name.split()
    lower = [k for k, w in enumerate(words) if w[:1].islower()]
    odd = any(words[k] not in _NAME_PARTICLES or (words[k] in _SECOND_PARTICLES and (k == 0 or words[k - 1] not in _NAME_PARTICLES))
              for k in lower)
    return len(words) >= 4 or (len(words) >= 2 and odd)


def _names_a_body(text: str) -> bool:
    from extract.entry_parser.postprocess import _ORGANISATION_NAME_RE
    from extract.fields.names import is_organisation_name

    return is_organisation_name(text) or _ORGANISATION_NAME_RE.search(text) is not None


_SECOND_PARTICLES = frozenset(("der", "den", "das", "la", "le"))  # after another particle only ("van der", "de la")
_NAME_PARTICLES = frozenset(("van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "dos", "das",
                             "ten", "ter", "y", "e", "zu", "bin", "ibn", "al", "el"))


def _own_entries_reread(texts: list[str], first: list[Parsed]) -> list[Parsed]:
    """Entries that name nobody (a CV's own works: "Vertrauen als Ressource. Zur Soziologie …, in:
    Soziale Welt 71 (2022)") read again with a stand-in author before them: the tagger, which learnt
    from author-first references, reads their first words as names otherwise. The second reading is
    kept when its title starts where the entry does and the tagger is as sure of it, or its title
    takes in the first reading's "name" and title both."""
    suspects = [i for i, p in enumerate(first) if p.spans and _names_nobody(p)]
    if not suspects:
        return first
    out = list(first)
    # (a leading co-author note goes before the stand-in is put in its place)
    skipped = {i: (m.end() if (m := LEADING_CO_AUTHOR_NOTE_RE.match(texts[i])) else 0) for i in suspects}
    prefixed = [STAND_IN + texts[i][skipped[i]:] for i in suspects]
    for i, again in zip(suspects, _tag_model(prefixed)):
        shift = len(STAND_IN) - skipped[i]
        stand_in = [s for s in again.spans if s.label == "AUTHOR" and s.end <= len(STAND_IN)]
        title = again.first("TITLE")
        if len(stand_in) != 1 or title is None or title.start - len(STAND_IN) > 2:
            continue
        # kept when the tagger is as sure of it, or when its title takes in the first reading's "name"
        # and title both ("Grenzen der Gemeinschaft" + "Zur Theorie …", read confidently as a name and a title)
        new_title = again.text[title.start : title.end]
        old = [first[i].text[s.start : s.end] for s in first[i].spans if s.label in ("AUTHOR", "TITLE")]
        absorbed = len(old) >= 2 and all(o in new_title for o in old) and again.confidence >= 0.9
        if again.confidence < first[i].confidence and not absorbed:
            continue
        kept = [FieldSpan(s.label, s.start - shift, s.end - shift, s.confidence)
                for s in again.spans if s not in stand_in and s.start >= len(STAND_IN)]
        out[i] = Parsed(texts[i], kept, again.confidence)
    return out



_PARTICLE_HEAD_RE = re.compile(r"(?:de|van|von|da|di|du|del|della|le|la|ten|ter|al|el|dos|das|do)\s(?:(?:der|den|la|le|los|las|del|de)\s)?"
                               r"[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+,\s")


def _tag_model(texts: list[str], capitalised: bool = False) -> list[Parsed]:
    """Tagged readings of prepared texts (capitalised: each text's first letter read as a capital,
    the spans kept on the text as written)."""
    nlp = load_model()
    tagger = nlp.get_pipe("tagger")
    labels = tagger.labels
    out: list[Parsed] = []
    for start in range(0, len(texts), BATCH_SIZE):
        batch = texts[start : start + BATCH_SIZE]
        docs = make_docs(nlp, [t if not capitalised else t[:1].upper() + t[1:] for t in batch])
        for name, component in nlp.pipeline:
            if name != "tagger":
                docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        live = [d for d in docs if len(d)]
        # raw scores from the model, decoded as a whole sequence (decode.py) rather than
        # token by token; the per-token probabilities are the confidence
        paths = iter(decoder().decode(ensemble_scores(live)) if live else [])
        for doc in docs:
            if not len(doc):
                out.append(Parsed.empty(doc_text(doc)))
                continue
            tag_ids, probs = next(paths)
            parsed = parsed_from_tags(doc, [labels[i] for i in tag_ids], probs)
            original = batch[len(out) - start]
            out.append(parsed if parsed.text == original else parsed._replace(text=original))
    return out


@contextmanager
def _collector_paused():
    """Python's cycle collector off while a batch is parsed: the batch allocates many small
    objects (Docs, spans, arrays) that trigger collections without making garbage cycles worth
    them (~5 % of the run time, measured). Whatever cycles the batch leaves are collected once
    the collector runs again. Nested calls leave it to the outermost."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse_entries(texts: Iterable[str]) -> list[Optional[Entry]]:
    """Entries for many texts (None where a text holds no fields, or when the model is not
    installed: the pipeline then keeps its rule-based reading)."""
    texts = list(texts)
    if not available():
        return [None] * len(texts)
    with _collector_paused():
        prepared = [_prepare(t) for t in texts]
        return [p.to_entry() for p in tag_texts(prepared)]


def parse_entry(text: str) -> Optional[Entry]:
    """Fields of one entry, or None when nothing was found."""
    return parse_entries([text])[0]


def parse_records(texts: Iterable[str]) -> list[dict]:
    """One JSON-ready record per text: title, authors [{name, given, family}], year, venue,
    plus date/ids/urls/pages when found. Empty text gives an all-null record."""
    with _collector_paused():
        prepared = [_prepare(t) for t in texts]
        return [p.to_record() for p in tag_texts(prepared)]


@lru_cache(maxsize=1024)
def parse_with_confidence(text: str) -> Parsed:
    """One entry's spans and confidences. Cached: a page reader asks about the same entry more
    than once (is it an entry? its fields?), and the tagger is the costly step. (Parsed holds
    immutable spans; callers only read it.)"""
    return tag_texts([_prepare(text)])[0]
