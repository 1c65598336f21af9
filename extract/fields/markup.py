"""Lightweight markup sources turned into Markdown, so one reader (markdown_homepage, with the
generic text reader behind it) handles them all: Emacs Org-mode, reStructuredText (Sphinx
sites), LaTeX CVs, AsciiDoc and MediaWiki wikitext.

Each converter keeps what the readers need — headings, list items and their continuation
lines, bold/italic spans, links — and drops what they must not read as text: Org keyword and
property lines, export blocks, RST directives, LaTeX preambles, comments and layout commands.
All are line-based and linear; none evaluates anything.

    org_to_markdown(text) -> str
    rst_to_markdown(text) -> str
    latex_to_markdown(text) -> str
    asciidoc_to_markdown(text) -> str
    wikitext_to_markdown(text) -> str
"""
from __future__ import annotations

import re

from extract.fields.latex import latex_to_text

# ---- Org-mode ----------------------------------------------------------------------------------

_ORG_KEYWORD_RE = re.compile(r"^\s*#\+(\w+):\s*(.*)$")
_ORG_BLOCK_BEGIN_RE = re.compile(r"^\s*#\+begin_(\w+)", re.I)
_ORG_HEADING_RE = re.compile(r"^(\*{1,6})\s+(?:(?:TODO|DONE)\s+)?(.*?)(?:\s+:[\w:@]+:)?\s*$")
_ORG_LINK_RE = re.compile(r"\[\[([^\[\]]{1,2000})\]\[([^\[\]]{0,500})\]\]")
_ORG_BARE_LINK_RE = re.compile(r"\[\[([^\[\]]{1,2000})\]\]")
_ORG_BOLD_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
_ORG_ITALIC_RE = re.compile(r"(?<![\w/:])/(?=\S)([^/\n]{1,300}?)(?<=\S)/(?![\w/])")
_ORG_CODE_RE = re.compile(r"(?<!\w)[=~](?=\S)([^=~\n]{1,200}?)(?<=\S)[=~](?!\w)")


def _joined_org_items(text: str) -> list[str]:
    """A list item's indented continuation lines joined to it: Org's emphasis may wrap a line
    ("/A Bench-Stable Nickel(0) Precatalyst for" + "Cross-Electrophile Coupling./"), which the
    line-by-line conversion below would leave unread."""
    lines: list[str] = []
    for line in text.splitlines():
        if (lines and _ORG_ITEM_RE.match(lines[-1]) and re.match(r"^\s+[^\s#:|]", line)
                and not _ORG_ITEM_RE.match(line) and len(lines[-1]) < 5_000):
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
        else:
            lines.append(line)
    return lines


_ORG_ITEM_RE = re.compile(r"^\s*(?:[-+]|\d{1,3}[.)])\s+\S")


def org_to_markdown(text: str) -> str:
    out: list[str] = []
    front: dict[str, str] = {}
    in_block = None
    in_drawer = False
    for line in _joined_org_items(text):
        if in_block:
            if re.match(rf"^\s*#\+end_{in_block}\b", line, re.I):
                in_block = None
            elif in_block in ("quote", "verse", "center"):
                out.append(line.strip())
            continue
        begin = _ORG_BLOCK_BEGIN_RE.match(line)
        if begin:
            in_block = begin.group(1).lower()
            continue
        keyword = _ORG_KEYWORD_RE.match(line)
        if keyword:
            key = keyword.group(1).lower()
            if key in ("title", "author", "subtitle") and keyword.group(2).strip():
                front[key] = keyword.group(2).strip()
            continue
        stripped = line.strip()
        if stripped == ":PROPERTIES:" or (in_drawer and stripped != ":END:"):
            in_drawer = True
            continue
        if in_drawer and stripped == ":END:":
            in_drawer = False
            continue
        if re.match(r"^\s*#(?:\s|$)", line):
            continue  # a comment line
        heading = _ORG_HEADING_RE.match(line)
        if heading:
            out.append(f"{'#' * len(heading.group(1))} {heading.group(2)}")
            continue
        line = re.sub(r"^(\s*)\+\s", r"\1- ", line)
        line = _ORG_LINK_RE.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", line)
        line = _ORG_BARE_LINK_RE.sub(lambda m: f"<{m.group(1)}>", line)
        line = _ORG_BOLD_RE.sub(r"**\1**", line)
        line = _ORG_ITALIC_RE.sub(r"*\1*", line)
        line = _ORG_CODE_RE.sub(r"`\1`", line)
        out.append(line)
    return _with_front_matter(front, out)


def _with_front_matter(front: dict[str, str], lines: list[str]) -> str:
    head = []
    if front:
        head = ["---"] + [f"{k}: {_yaml_string(v)}" for k, v in sorted(front.items())] + ["---", ""]
    return "\n".join(head + _blank_around_headings(lines)) + "\n"


def _blank_around_headings(lines: list[str]) -> list[str]:
    """A heading is a block of its own for the Markdown reader ("## 2023" over its items)."""
    out: list[str] = []
    for line in lines:
        if re.match(r"#{1,6} ", line):
            if out and out[-1].strip():
                out.append("")
            out.extend([line, ""])
        else:
            out.append(line)
    return out


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---- reStructuredText ----------------------------------------------------------------------------

_RST_UNDERLINE_RE = re.compile(r"^([=\-~^\"'`#*+<>:._])\1{2,}\s*$")
_RST_DIRECTIVE_RE = re.compile(r"^(\s*)\.\.\s+(?:([\w:-]+)::(.*)|_[^:]*:.*|\|.*|\[.*|)$")
_RST_LINK_RE = re.compile(r"`([^`<>]{1,500}?)\s*<([^`<>\s]{1,2000})>`__?")
_RST_REF_RE = re.compile(r"`([^`]{1,500})`_{1,2}")
_RST_ROLE_RE = re.compile(r":[\w-]+:`([^`]{1,500})`")
_RST_LITERAL_RE = re.compile(r"``([^`]{1,500})``")
_PROSE_DIRECTIVES = {"note", "tip", "important", "hint", "warning", "attention", "admonition", "epigraph",
                     "highlights", "pull-quote", "rubric", "topic", "sidebar"}


def rst_to_markdown(text: str) -> str:
    lines = text.splitlines()
    out: list[str] = []
    levels: list[str] = []
    skip_indent: int | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if skip_indent is not None:
            if not line.strip() or len(line) - len(line.lstrip()) > skip_indent:
                i += 1
                continue
            skip_indent = None
        directive = _RST_DIRECTIVE_RE.match(line)
        if directive and line.strip().startswith(".."):
            name = (directive.group(2) or "").lower()
            if name in _PROSE_DIRECTIVES:
                rest = (directive.group(3) or "").strip()
                if rest:
                    out.append(rest)
            else:
                skip_indent = len(directive.group(1))  # the directive's indented body goes too
            i += 1
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # "Title" over "=====" (an overline above is dropped as its own underline-only line)
        if line.strip() and not _RST_UNDERLINE_RE.match(line) and _RST_UNDERLINE_RE.match(nxt) \
                and len(nxt.strip()) >= len(line.strip()) - 1:
            char = nxt.strip()[0]
            if char not in levels:
                levels.append(char)
            out.append(f"{'#' * min(levels.index(char) + 1, 6)} {line.strip()}")
            i += 2
            continue
        if _RST_UNDERLINE_RE.match(line):
            i += 1
            continue
        line = re.sub(r"^(\s*)#\.\s", r"\g<1>1. ", line)
        line = _RST_LINK_RE.sub(lambda m: f"[{m.group(1)}]({m.group(2)})", line)
        line = _RST_ROLE_RE.sub(r"\1", line)
        line = _RST_LITERAL_RE.sub(r"\1", line)
        line = _RST_REF_RE.sub(r"\1", line)
        out.append(line)
        i += 1
    # list items' continuation lines are indented under the item: keep them, unindented
    return "\n".join(_blank_around_headings(_dedent_list_bodies(out))) + "\n"


def _dedent_list_bodies(lines: list[str]) -> list[str]:
    out = []
    in_item = False
    for line in lines:
        if re.match(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s", line):
            in_item = True
            out.append(line.strip())
        elif in_item and line.startswith((" ", "\t")) and line.strip():
            out.append("   " + line.strip())
        else:
            in_item = bool(line.strip()) and in_item
            out.append(line)
    return out


# ---- LaTeX ---------------------------------------------------------------------------------------

_TEX_COMMENT_RE = re.compile(r"(?<!\\)%.*$")
_TEX_SECTION_RE = re.compile(r"\\(part|chapter|section|subsection|subsubsection|paragraph|cvsection|cvsubsection)\*?\s*(?:\[[^\]]*\])?\s*\{")
_TEX_ARG_COMMAND_RE = re.compile(r"\\(textbf|textit|emph|textsc|underline|textsl|texttt|uline|mbox|textrm|textsf|"
                                 r"href|url|name|author|title|cvitem|cventry)\s*\{")
_TEX_DROP_WITH_ARG_RE = re.compile(r"\\(?:vspace|hspace|label|ref|cite|setlength|addtolength|usepackage|documentclass|"
                                   r"newcommand|renewcommand|pagestyle|thispagestyle|input|include|bibliographystyle|"
                                   r"geometry|hypersetup|setcounter|color|definecolor)\*?(?:\[[^\]]*\])?(?:\{[^{}]*\}){0,3}")
_TEX_ITEM_RE = re.compile(r"\\item\s*(?:\[[^\]]*\])?\s*")
_TEX_ENV_RE = re.compile(r"\\(?:begin|end)\s*\{[^{}]*\}(?:\[[^\]]*\])?(?:\{[^{}]*\})?")
_MAX_GROUP = 2000
_TEX_BIG_NAME_RE = re.compile(r"\{\s*\\(?:Huge|huge|LARGE|Large|large)\b(?:\s*\\(?:bfseries|scshape|textbf|sffamily))*\s*"
                              r"([^{}\\]{2,80}(?:\{\\[^{}]{1,4}\}[^{}\\]{0,40}){0,4})\}")
_TEX_LINE_BREAK_RE = re.compile(r"\\\\\*?(?:\[[^\]]{0,20}\])?")


def _group(text: str, start: int) -> tuple[str, int]:
    """The balanced {...} content opening at text[start - 1] == '{', and the index after it."""
    depth, i = 1, start
    while i < len(text) and depth and i - start < _MAX_GROUP:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        depth += c == "{"
        depth -= c == "}"
        i += 1
    return text[start : i - 1 if depth == 0 else i], i


def _commands_to_markdown(text: str) -> str:
    out: list[str] = []
    pos = 0
    m = _TEX_SECTION_RE.search(text)
    n = _TEX_ARG_COMMAND_RE.search(text)
    for _ in range(200_000):
        # each pattern is searched again only once the reading has passed its last match, so
        # a page of many commands stays linear
        if m is not None and m.start() < pos:
            m = _TEX_SECTION_RE.search(text, pos)
        if n is not None and n.start() < pos:
            n = _TEX_ARG_COMMAND_RE.search(text, pos)
        first = min((x for x in (m, n) if x), key=lambda x: x.start(), default=None)
        if first is None:
            break
        out.append(text[pos : first.start()])
        body, end = _group(text, first.end())
        name = first.group(1)
        if first is m:
            level = {"part": 1, "chapter": 1, "section": 1, "cvsection": 1}.get(name, 2)
            out.append(f"\n{'#' * level} {_commands_to_markdown(body).strip()}\n")
        elif name == "href":
            label, end2 = _group(text, end + 1) if text[end : end + 1] == "{" else ("", end)
            out.append(f"[{_commands_to_markdown(label)}]({body})")
            end = end2
        elif name == "url":
            out.append(body)
        elif name == "textbf":
            out.append(f"**{_commands_to_markdown(body)}**")
        elif name in ("textit", "emph", "textsl", "uline", "underline"):
            out.append(f"*{_commands_to_markdown(body)}*")
        elif name in ("cvitem", "cventry"):
            # moderncv: \cvitem{label}{text}, \cventry{years}{title}{place}{city}{grade}{text}: one
            # list item; a year label goes after the text, as CVs print "(2023)"
            parts = [body]
            while text[end : end + 1] == "{" and len(parts) < (2 if name == "cvitem" else 6):
                part, end = _group(text, end + 1)
                parts.append(part)
            label, rest = _commands_to_markdown(parts[0]).strip(), [_commands_to_markdown(x).strip() for x in parts[1:]]
            rest_text = ", ".join(x for x in rest if x)
            if re.fullmatch(r"(?:19|20)\d{2}(?:\s*[-–]+\s*(?:(?:19|20)\d{2}|present|today))?", label):
                out.append(f"\n- {rest_text} ({label})\n" if rest_text else f"\n- {label}\n")
            else:
                out.append(f"\n- {label}: {rest_text}\n" if label and rest_text else f"\n- {label or rest_text}\n")
        elif name in ("name", "author", "title"):
            if name == "name" and text[end : end + 1] == "{":  # moderncv \name{First}{Last}
                last, end = _group(text, end + 1)
                body = f"{body} {last}"
            out.append(f"\n# {_commands_to_markdown(body).strip()}\n" if name != "title" else "")
        else:
            out.append(_commands_to_markdown(body))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def latex_to_markdown(text: str) -> str:
    from extract.fields.latex import index_math_to_text

    text = "\n".join(_TEX_COMMENT_RE.sub("", line) for line in text.splitlines())
    text = index_math_to_text(text)  # "CO$_2$" -> "CO2" before Markdown reads "_" as emphasis
    begin = text.find("\\begin{document}")
    preamble, body = (text[:begin], text[begin:]) if begin >= 0 else ("", text)
    # (accents inside the name keep their braces: "\name{Aur\'{e}lie}{Tremblay}")
    owner = re.search(r"\\(?:name|author)\s*\{((?:[^{}]|\{[^{}]{0,10}\}){2,120})\}(?:\s*\{((?:[^{}]|\{[^{}]{0,10}\}){1,80})\})?", preamble)
    body = _TEX_DROP_WITH_ARG_RE.sub("", body)
    body = _TEX_ENV_RE.sub("\n", body)
    body = _TEX_ITEM_RE.sub("\n- ", body)
    # the name set large at the top of the document ("{\\LARGE\\bfseries Jonas Kl{\\"o}ckner}")
    big = _TEX_BIG_NAME_RE.search(body[:3000])
    if big and not owner:
        body = body[: big.start()] + f"\n\\section{{{big.group(1)}}}\n" + body[big.end() :]
    body = _TEX_LINE_BREAK_RE.sub("\n", body)
    body = body.replace("``", "“").replace("''", "”").replace("~", " ")
    body = _commands_to_markdown(body)
    lines = []
    for line in body.splitlines():
        heading = re.match(r"^(#+ |- )(.*)$", line.strip())
        if heading:
            lines.append(heading.group(1) + latex_to_text(heading.group(2)))
        else:
            lines.append(latex_to_text(line))
    head = []
    if owner:
        name = " ".join(p for p in owner.groups() if p)
        head = [f"# {latex_to_text(name)}", ""]
    # an item's wrapped source lines stay with it: a blank line only between items
    return "\n".join(head + _join_items(lines)) + "\n"


def _join_items(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
        elif stripped.startswith("- ") or stripped.startswith("#"):
            out.append("")
            out.append(stripped)
        elif out and out[-1].startswith("- "):
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped)
    return out


# ---- AsciiDoc ------------------------------------------------------------------------------------

_ADOC_ATTRIBUTE_RE = re.compile(r"^:[\w!-]+:.*$")
_ADOC_HEADING_RE = re.compile(r"^(={1,6})\s+(.+?)\s*$")
_ADOC_LINK_RE = re.compile(r"(?:link:)?((?:https?|file|mailto):[^\s\[\]]{1,2000}|[\w./-]{1,300}\.\w{2,5})\[([^\]]{0,300})\]")
_ADOC_BOLD_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
_ADOC_ITALIC_RE = re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w_])")
_ADOC_BLOCK_DELIMITER_RE = re.compile(r"^(?:-{4,}|\.{4,}|={4,}|\+{4,}|_{4,}|\|===|/{4,})\s*$")


def asciidoc_to_markdown(text: str) -> str:
    out: list[str] = []
    in_block: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if in_block is not None:
            if stripped == in_block:
                in_block = None
            continue
        if _ADOC_BLOCK_DELIMITER_RE.match(stripped):
            in_block = stripped  # listing, comment, table and passthrough blocks are no prose
            continue
        if stripped.startswith("//") or _ADOC_ATTRIBUTE_RE.match(stripped) or re.match(r"^\[[^\]]*\]$", stripped):
            continue
        heading = _ADOC_HEADING_RE.match(line)
        if heading:
            out.append(f"{'#' * len(heading.group(1))} {heading.group(2)}")
            continue
        line = re.sub(r"^(\s*)\.{1,3}\s", r"\g<1>1. ", line)  # ". item": a numbered list
        line = re.sub(r"^(\s*)\*{1,3}\s", r"\1- ", line)
        line = re.sub(r"\s\+$", "", line)  # a hard line break
        line = _ADOC_LINK_RE.sub(lambda m: f"[{m.group(2) or m.group(1)}]({m.group(1)})", line)
        line = _ADOC_BOLD_RE.sub(r"**\1**", line)
        line = _ADOC_ITALIC_RE.sub(r"*\1*", line)
        line = re.sub(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s", "", line)
        out.append(line)
    return "\n".join(_blank_around_headings(out)) + "\n"


# ---- MediaWiki wikitext --------------------------------------------------------------------------

_WIKI_HEADING_RE = re.compile(r"^(={1,6})\s*(.+?)\s*\1\s*$")
_WIKI_EXTERNAL_LINK_RE = re.compile(r"\[(https?://[^\s\]]{1,2000})(?:\s([^\]]{1,300}))?\]")
_WIKI_INTERNAL_LINK_RE = re.compile(r"\[\[(?:[^\]|]{1,300}\|)?([^\]|]{1,300})\]\]")
_WIKI_CITE_RE = re.compile(r"\{\{\s*cite\s+(?:journal|book|conference|web|thesis|report|arxiv|news)\s*\|([^{}]{1,4000}?)\}\}", re.I)
_WIKI_TEMPLATE_RE = re.compile(r"\{\{[^{}]{0,4000}\}\}")
_WIKI_BOLD_ITALIC_RE = re.compile(r"'{5}([^'\n]{1,300}?)'{5}")
_WIKI_BOLD_RE = re.compile(r"'{3}([^'\n]{1,300}?)'{3}")
_WIKI_ITALIC_RE = re.compile(r"'{2}([^'\n]{1,300}?)'{2}")


def _cite_template(body: str) -> str:
    """{{cite journal |last1=… |first1=… |title=… |journal=… |year=…}} as a plain reference:
    "First Last, First Last (year). Title. *Journal*." """
    import html as _html

    fields: dict[str, str] = {}
    # (a piped link inside a field would part it: "|journal=[[Astronomy and Astrophysics|Astronomy &amp;
    # Astrophysics]]"; the link's text, entities decoded and ''italics'' dropped, is the field's value)
    body = _WIKI_INTERNAL_LINK_RE.sub(r"\1", body)
    body = _html.unescape(re.sub(r"'{2,5}", "", body))
    for part in body.split("|"):
        key, sep, value = part.partition("=")
        if sep:
            fields[key.strip().lower()] = value.strip()
    people = []
    for n in range(1, 40):
        last = fields.get(f"last{n}") or (fields.get("last") if n == 1 else None)
        if not last:
            break
        first = fields.get(f"first{n}") or (fields.get("first", "") if n == 1 else "")
        people.append(f"{first} {last}".strip())
    authors = ", ".join(people) or fields.get("author", "")
    venue = (fields.get("journal") or fields.get("conference") or fields.get("book-title") or fields.get("newspaper")
             or fields.get("work") or fields.get("website") or fields.get("publisher") or fields.get("school")
             or ("arXiv" if fields.get("eprint") or fields.get("arxiv") else ""))
    pieces = [f"{authors} ({fields.get('year', 'n.d.')})." if authors else "", f"{fields.get('title', '')}.",
              f"*{venue}*." if venue else ""]
    return " ".join(p for p in pieces if p.strip(" ."))


def _without_comments(text: str) -> str:
    """<!-- … --> removed in one pass (a regex would rescan an unclosed "<!--" from every start)."""
    out, pos = [], 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            out.append(text[pos:])
            return "".join(out)
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(out)
        pos = end + 3


def wikitext_to_markdown(text: str) -> str:
    text = _without_comments(text)
    text = _WIKI_CITE_RE.sub(lambda m: _cite_template(m.group(1)), text)
    for _ in range(3):  # nested templates, innermost first
        text = _WIKI_TEMPLATE_RE.sub("", text)
    out: list[str] = []
    in_table = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("{|"):
            in_table = True
        if in_table:
            if stripped.startswith("|}"):
                in_table = False
            continue
        if stripped in ("__TOC__", "__NOTOC__") or stripped.startswith(("[[Category:", "[[File:", "[[Image:")):
            continue
        heading = _WIKI_HEADING_RE.match(stripped)
        if heading:
            out.append(f"{'#' * len(heading.group(1))} {heading.group(2)}")
            continue
        line = re.sub(r"^[*#]+\s*", lambda m: "- " if m.group(0).strip()[:1] == "*" else "1. ", line)
        line = _WIKI_EXTERNAL_LINK_RE.sub(lambda m: f"[{m.group(2) or m.group(1)}]({m.group(1)})", line)
        line = _WIKI_INTERNAL_LINK_RE.sub(r"\1", line)
        line = _WIKI_BOLD_ITALIC_RE.sub(r"***\1***", line)
        line = _WIKI_BOLD_RE.sub(r"**\1**", line)
        line = _WIKI_ITALIC_RE.sub(r"*\1*", line)
        out.append(line)
    return "\n".join(_blank_around_headings(out)) + "\n"


_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_LINK_TAG_RE = re.compile(r"<a\s[^>]*?href=[\"']([^\"']{1,2000})[\"'][^>]*>(.*?)</a>", re.I | re.S)
_BLOCK_TAG_RE = re.compile(r"</?(?:ol|ul|div|p|section|article|table|tbody|thead|tr|td|th|dl|dd|dt|h[1-6]|details|summary)\b[^>]*>", re.I)


def inline_html_to_markdown(text: str) -> str:
    """Markdown with hand-written HTML lists in it (a Jekyll page's "<ol><li><b>Title</b><br>
    authors<br><i>Venue</i>, 2024</li>"): the HTML as the Markdown it stands for, so one reader
    reads the page. Line breaks (<br>) stay for the reader, which treats them as field breaks;
    Markdown tables are left alone."""
    import html as _html

    out = []
    for line in _HTML_COMMENT_RE.sub("", text).split("\n"):
        if line.lstrip().startswith("|"):  # a Markdown table row: its cells keep their HTML
            out.append(line)
            continue
        line = re.sub(r"<li\b[^>]*>", "\n\n- ", line, flags=re.I)
        line = re.sub(r"</li>", "\n\n", line, flags=re.I)
        line = _BLOCK_TAG_RE.sub("\n\n", line)
        line = re.sub(r"</?(?:b|strong)\b[^>]*>", "**", line, flags=re.I)
        line = re.sub(r"</?(?:i|em|cite)\b[^>]*>", "*", line, flags=re.I)
        line = _LINK_TAG_RE.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", line)
        line = re.sub(r"</?(?:u|span|small|font|mark|sup|sub)\b[^>]*>", "", line, flags=re.I)
        out.append(line)
    converted = "\n".join(out)
    converted = re.sub(r"\*\*\*\*", "", converted)  # "<b><u>Name</u></b>" closed and reopened
    converted = re.sub(r"^- [ \t]*\n[ \t]*", "- ", converted, flags=re.M)  # "<li>" on its own line
    return _html.unescape(re.sub(r"\n{3,}", "\n\n", converted))
