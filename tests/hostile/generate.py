"""Deterministic generator of a hostile input corpus for `pubsift run`.

    python -m tests.hostile.generate DIR [--big-mb 100]

writes DIR/inputs/ (the pages to run on) and DIR/outside/ (files that must never be read:
symlinks and XML external entities point there). Every page is invented here; nothing is
downloaded. The big page is written in chunks, so generating 100 MB needs little memory.

`EXPECTED` (filled by `generate`) maps each input page path -> what the run must do with it
("failed", "any", ...), so tests can check that every input is accounted for.
"""
from __future__ import annotations

import argparse
import codecs
import gzip
import os
import stat
import struct
import zlib
from pathlib import Path

SECRET = "PUBSIFT-OUTSIDE-SECRET-4f1c9a"  # must never appear in any output
XSS_TITLE = '<script>alert("x")</script> Robust <img src=x onerror=alert(1)> Parsing'

_ENTRY = (
    "<li>{a1}, {a2} and {a3}. {title}. In <i>Proceedings of the Workshop on Invented Methods</i>, {year}.</li>\n"
)
_PEOPLE = ["Ada Quill", "Borin Vask", "Cela Marr", "Dov Ketter", "Enno Saar", "Fia Lund", "Gus Orrin", "Hale Post"]


def _listing_html(n: int, owner: str = "Ada Quill") -> str:
    items = "".join(
        _ENTRY.format(a1=owner, a2=_PEOPLE[(i + 1) % 8], a3=_PEOPLE[(i + 3) % 8],
                      title=f"Invented Study Number {i} of Sparse Widgets", year=1990 + i % 35)
        for i in range(n)
    )
    return f"<html><head><title>{owner}</title></head><body><h1>{owner}</h1><h2>Publications</h2><ul>\n{items}</ul></body></html>\n"


# about 100 bytes: 100 MB hold about a million entries
_BIG_ENTRY = "<li>{a1}, {a2} and {a3}. Widget {n}. In <i>Proc. Invented Workshop</i>, {year}.</li>\n"


def write_big_listing(path: Path, size_bytes: int) -> int:
    """An HTML publication list of about `size_bytes` (about 100 bytes per entry); returns entries."""
    head = b"<html><head><title>Ada Quill</title></head><body><h1>Ada Quill</h1><h2>Publications</h2><ul>\n"
    tail = b"</ul></body></html>\n"
    n = 0
    written = len(head) + len(tail)
    with open(path, "wb") as handle:
        handle.write(head)
        chunk: list[str] = []
        while written < size_bytes:
            line = _BIG_ENTRY.format(a1="Ada Quill", a2=_PEOPLE[(n + 1) % 8], a3=_PEOPLE[(n + 3) % 8],
                                     n=n, year=1990 + n % 35)
            chunk.append(line)
            written += len(line)
            n += 1
            if len(chunk) >= 10_000:
                handle.write("".join(chunk).encode())
                chunk = []
        handle.write("".join(chunk).encode())
        handle.write(tail)
    return n


def _png() -> bytes:
    def block(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + bytes(range(i, i + 12)) for i in range(4))
    return (b"\x89PNG\r\n\x1a\n" + block(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0))
            + block(b"IDAT", zlib.compress(raw)) + block(b"IEND", b""))


def _pdf() -> bytes:
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nstream\n" + bytes(range(256)) * 4
            + b"\nendstream\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _atom(entries_xml: str, doctype: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
            + '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
            "<title>arXiv Query: search_query=au:Quill_A</title><id>http://arxiv.org/api/x</id>\n"
            + entries_xml + "</feed>\n")


def _atom_entry(title: str, summary: str = "An invented abstract.") -> str:
    return ("<entry><id>http://arxiv.org/abs/2101.00001v1</id><published>2021-01-01T00:00:00Z</published>"
            f"<title>{title}</title><summary>{summary}</summary>"
            "<author><name>Ada Quill</name></author><author><name>Borin Vask</name></author>"
            '<link href="http://arxiv.org/abs/2101.00001v1" rel="alternate" type="text/html"/></entry>\n')


def _dblp(title: str, doctype: str = "") -> str:
    return ('<?xml version="1.0" encoding="US-ASCII"?>\n' + doctype
            + '<dblpperson name="Ada Quill" pid="00/0000" n="1"><person key="homepages/00/0000" mdate="2020-01-01">'
            "<author pid=\"00/0000\">Ada Quill</author></person>\n"
            '<r><inproceedings key="conf/iw/Quill20" mdate="2020-01-01"><author pid="00/0000">Ada Quill</author>'
            f"<author pid=\"00/0001\">Borin Vask</author><title>{title}</title><pages>1-10</pages><year>2020</year>"
            "<booktitle>IW</booktitle><ee>https://doi.org/10.9999/iw.2020.1</ee></inproceedings></r>\n</dblpperson>\n")


def _orcid(title: str, doctype: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
            + '<activities:works xmlns:activities="http://www.orcid.org/ns/activities" '
            'xmlns:work="http://www.orcid.org/ns/work" xmlns:common="http://www.orcid.org/ns/common">'
            '<activities:group><work:work-summary put-code="1"><work:title><common:title>'
            f"{title}</common:title></work:title><common:publication-date><common:year>2019</common:year>"
            "</common:publication-date><work:type>journal-article</work:type></work:work-summary>"
            "</activities:group></activities:works>\n")


_LAUGHS = ('<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
           + "]>\n")


def _xxe(kind: str, target: str) -> str:
    return f'<!DOCTYPE {kind} [\n<!ENTITY xxe SYSTEM "{target}">\n]>\n'


def _param_xxe(kind: str, target: str) -> str:
    return f'<!DOCTYPE {kind} [\n<!ENTITY % remote SYSTEM "{target}">\n%remote;\n]>\n'


def _pages(outside: Path, secret_file: Path, http_url: str) -> dict[str, bytes | str]:
    secret_url = secret_file.resolve().as_uri()
    listing = _listing_html(12)
    deep = 10_000
    pages: dict[str, bytes | str] = {
        # empty and nearly empty
        "empty.html": b"",
        "blank.txt": b" \n\t\r\n  \n",
        # binary files with page-like names
        "photo.html": _png(),
        "cv.pdf.html": _pdf(),
        "profile.txt": gzip.compress(listing.encode(), mtime=0),
        "random.md": bytes((i * 7919 + 13) % 256 for i in range(8192)),
        # encodings
        "invalid_utf8.html": listing.replace("Sparse", "Sp\udcffarse").encode("utf-8", "surrogateescape")
        .replace(b"Invented Study Number 3", b"Invented \xc3\x28 Study \xa0\xa1 Number 3"),
        "utf16_bom.html": codecs.BOM_UTF16_LE + listing.replace("Ada", "Ådá").encode("utf-16-le"),
        "utf16le_nobom.html": listing.replace("Ada", "Ådá").encode("utf-16-le"),
        "utf16be_nobom.txt": "Ådá Quill\n\nPublications\n\nÅdá Quill, Borin Vask. A Study of Things. 2020.\n".encode("utf-16-be"),
        "cp1252.html": listing.replace("Invented Study", "\u201cInvent\u00e9d\u201d Study \u2013").encode("cp1252"),
        "latin1.txt": "Ada Quill — Publicações\n\nQuill, A. and Vask, B. Über Widgets. Revista Inventada, 2018.\n"
        .replace("—", "-").encode("latin-1"),
        "mojibake.html": listing.replace("Borin Vask", "RamÃ\xadrez Ã‰milie").encode("utf-8"),
        "nul_bytes.html": listing.replace("<li>", "<li>\x00").replace("Study", "St\x00udy").encode(),
        # structure bombs
        "deep_nesting.html": "<html><body>" + "<div>" * deep + listing + "</div>" * deep + "</body></html>",
        "deep_unclosed.html": "<html><body>" + "<div><span><b>" * (deep // 3) + listing,
        "unclosed_tags.html": listing.replace("</li>", "").replace("</i>", "").replace("</ul>", "<ul><li><a href='").rstrip(">"),
        "deep_lists.md": "# Ada Quill\n\n## Publications\n\n" + "".join("  " * i + "- x\n" for i in range(1000))
        + "> " * 10_000 + "Quill, A. Deep quotes. 2020.\n",
        "deep.json": "[" * 100_000 + "]" * 100_000,
        "deep_objects.json": '{"a":' * 100_000 + "1" + "}" * 100_000,
        "deep_orcid.json": '{"group":[{"work-summary":[{"title":{"title":{"value":' + "[" * 100_000 + "]" * 100_000 + "}}}]}]}",
        "deep_braces.bib": "@article{quill2020,\n  title = {" + "{" * 50_000 + "x" + "}" * 50_000 + "},\n  author = {Quill, Ada},\n  year = {2020}\n}\n",
        "yaml_bomb.md": "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + "".join(f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
        + "title: *i\n---\n# Ada Quill\n\n## Publications\n\n- Quill, A. A title. 2020.\n",
        # XML entity attacks in Atom / DBLP / ORCID shapes
        "atom_billion_laughs.xml": _atom(_atom_entry("&lol9;"), _LAUGHS.replace("lolz", "feed")),
        "dblp_billion_laughs.xml": _dblp("&lol9;", _LAUGHS.replace("lolz", "dblpperson")),
        "orcid_billion_laughs.xml": _orcid("&lol9;", _LAUGHS.replace("lolz", "activities:works")),
        "atom_xxe_file.xml": _atom(_atom_entry("Leak &xxe; here", "&xxe;"), _xxe("feed", secret_url)),
        "dblp_xxe_file.xml": _dblp("Leak &xxe; here", _xxe("dblpperson", secret_url)),
        "orcid_xxe_file.xml": _orcid("Leak &xxe; here", _xxe("activities:works", secret_url)),
        "atom_xxe_http.xml": _atom(_atom_entry("Remote &xxe; here"), _xxe("feed", http_url)),
        "dblp_xxe_http.xml": _dblp("Remote &xxe; here", _xxe("dblpperson", http_url)),
        "orcid_param_xxe.xml": _orcid("Param entity", _param_xxe("activities:works", http_url)),
        "dblp_external_dtd.xml": _dblp("External DTD", f'<!DOCTYPE dblpperson SYSTEM "{http_url}">\n'),
        "atom_xinclude.xml": _atom(_atom_entry('X <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                                               f'href="{secret_url}" parse="text"/> Y')),
        "atom_late_doctype.xml": _atom(_atom_entry("Late &xxe; &lol9;"), "<!--" + " padding " * 1000 + "-->\n"
                                       + _xxe("feed", secret_url).replace("]>", _LAUGHS.split("[", 1)[1].rsplit("]", 1)[0] + "]>")),
        "dblp_quadratic.xml": _dblp("&big;" * 2000, '<!DOCTYPE dblpperson [<!ENTITY big "' + "x" * 50_000 + '">]>\n'),
        "xxe_in_html.html": "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"" + secret_url + "\">]>" + listing.replace("Study", "&xxe; Study"),
        # regex-catastrophic text
        "commas.txt": "Ada Quill\n\nPublications\n\n" + "," * 200_000 + "\n" + "Quill, A., " * 20_000 + "\n",
        "dots.txt": "Ada Quill\n\n" + "." * 200_000 + "\n" + "A. B. C. D. E. " * 20_000 + "\n" + "a" * 100_000 + "!\n",
        "initials.html": _listing_html(3).replace("Invented Study Number 1", "A. " * 30_000 + "B")
        .replace("Borin Vask", "J.-P. " * 20_000 + "Vask"),
        "spaces_quotes.txt": "Ada Quill\n\n" + " " * 200_000 + "x\n" + '"' + "word " * 40_000 + "\n" + "(" * 50_000 + "\n"
        + "10.1234/" + "(" * 50_000 + "\n" + "http://" + "a." * 50_000 + "\n" + "arXiv:" + "1" * 100_000 + "\n",
        "long_entry.txt": "Ada Quill\n\nPublications\n\n" + "Quill, A., Vask, B. " + "Very long title word " * 50_000 + ". 2020.\n",
        # markup in titles (stored as plain text; escaping is the HTML report's job)
        "xss.html": listing.replace("Invented Study Number 0 of Sparse Widgets",
                                    XSS_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")),
        "xss_raw.html": "<html><body><h1>Ada Quill</h1><ul>" + "".join(
            f"<li>Ada Quill, Borin Vask. Title {i} <script>document.write('pwn{i}')</script> <img src=x onerror=alert({i})>. 2020.</li>"
            for i in range(4)) + "</ul></body></html>",
        "xss.md": f"# Ada Quill\n\n## Publications\n\n- **{XSS_TITLE}**, with Borin Vask. *Invented Workshop 2020*.\n",
        "xss.bib": "@article{q1,\n  title = {" + XSS_TITLE + "},\n  author = {Quill, Ada and Vask, Borin},\n  year = {2020}\n}\n",
        "xss.json": '{"author": "Ada Quill", "publications": [{"title": ' + '"' + XSS_TITLE.replace('"', '\\"') + '", "year": 2020}]}',
        # file names
        "with space.html": listing,
        "unicodé ñame 名前.html": listing,
        "new\nline.html": listing,
        "tab\tand;semi'quote\".md": "# Ada Quill\n\n- Quill, A. A title. 2020.\n",
        ".hidden.html": listing,
        "sub dir/nested/page.html": listing,
    }
    return pages


# loopback discard port: a connection attempt fails fast. Tests pass the address of a socket
# they listen on, to see whether anything (Python or libxml2's own HTTP client) connects.
DEFAULT_HTTP_URL = "http://127.0.0.1:9/pubsift-evil.dtd"


def generate(root: str | os.PathLike, big_mb: float = 2.0, http_url: str = DEFAULT_HTTP_URL) -> dict[str, str]:
    """Write the corpus; returns {page path as pubsift shows it: what to expect}."""
    root = Path(root)
    inputs, outside = root / "inputs", root / "outside"
    inputs.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    secret_file = outside / "secret.txt"
    secret_file.write_text(f"{SECRET}\nAda Quill, Borin Vask. {SECRET} Leaked Title. 2020.\n")
    (outside / "secret_dir").mkdir(exist_ok=True)
    (outside / "secret_dir" / "page.html").write_text(_listing_html(2).replace("Invented", SECRET))

    expected: dict[str, str] = {}
    for name, body in _pages(outside, secret_file, http_url).items():
        path = inputs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8", "surrogateescape"))
        expected[name] = "any"
    for name in ("empty.html", "blank.txt", "photo.html", "cv.pdf.html", "profile.txt", "random.md"):
        expected[name] = "failed"

    # a file name that is not valid UTF-8 (as a scraper writing raw bytes would leave it)
    bad_name = os.fsencode(inputs) + b"/bad\xffname.html"
    with open(bad_name, "wb") as handle:
        handle.write(_listing_html(2).encode())
    expected["bad\\xffname.html"] = "any"  # shown with the undecodable byte escaped

    # the big page: generated here on demand, never committed
    n = write_big_listing(inputs / "big_listing.html", int(big_mb * 1024 * 1024))
    expected["big_listing.html"] = f"big:{n}"

    # symlinks: out of the folder (file, directory, chain), inside (allowed), broken
    links = {
        "link_to_secret.html": os.path.relpath(secret_file, inputs),
        "link_abs_secret.html": str(secret_file.resolve()),
        "link_to_outside_dir": os.path.relpath(outside / "secret_dir", inputs),
        "chain_1.html": "chain_2.html",
        "chain_2.html": "chain_3.html",
        "chain_3.html": os.path.relpath(secret_file, inputs),
        "link_inside.html": "with space.html",
        "broken_link.html": "does-not-exist.html",
        "link_loop_a.html": "link_loop_b.html",
        "link_loop_b.html": "link_loop_a.html",
        "link_to_etc_passwd.txt": "/etc/passwd",
    }
    for name, target in links.items():
        link = inputs / name
        if link.is_symlink() or link.exists():
            link.unlink()
        os.symlink(target, link)
        expected[name] = "any" if name == "link_inside.html" else "failed"
    (inputs / "sub dir" / "up_link.html").unlink(missing_ok=True)
    os.symlink("../../outside/secret.txt", inputs / "sub dir" / "up_link.html")
    expected["sub dir/up_link.html"] = "failed"

    # unreadable file (root can still read it) and a FIFO (reading it would block forever)
    unreadable = inputs / "unreadable.html"
    unreadable.write_text(_listing_html(2))
    unreadable.chmod(0)
    expected["unreadable.html"] = "any" if os.geteuid() == 0 else "failed"
    fifo = inputs / "pipe.html"
    if not fifo.exists():
        os.mkfifo(fifo)
    expected["pipe.html"] = "failed"
    return expected


def cleanup(root: str | os.PathLike) -> None:
    """Make everything removable again (the unreadable file)."""
    for path in Path(root).rglob("*"):
        if not path.is_symlink() and path.is_file():
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", help="folder to write (inputs/ and outside/ are created in it)")
    parser.add_argument("--big-mb", type=float, default=2.0, help="size of the big listing page (default 2)")
    args = parser.parse_args(argv)
    expected = generate(args.dir, args.big_mb)
    print(f"wrote {len(expected)} inputs to {Path(args.dir) / 'inputs'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
