"""Org-mode, reStructuredText and LaTeX sources turned into Markdown (extract/fields/markup.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.fields.markup import (
    asciidoc_to_markdown, latex_to_markdown, org_to_markdown, rst_to_markdown, wikitext_to_markdown,
)


def test_org_headings_links_and_emphasis():
    md = org_to_markdown("#+TITLE: Pubs\n#+AUTHOR: Ana Ruiz\n* Papers\n:PROPERTIES:\n:ID: x\n:END:\n"
                         "- *A. Ruiz*. \"T.\" /Journal/ 3. [[https://x.org/p.pdf][PDF]]\n# a comment\n")
    assert 'author: "Ana Ruiz"' in md and "# Papers" in md and ":ID:" not in md and "a comment" not in md
    assert '- **A. Ruiz**. "T." *Journal* 3. [PDF](https://x.org/p.pdf)' in md


def test_rst_headings_lists_links_and_directives():
    md = rst_to_markdown("Title\n=====\n\n.. image:: a.png\n   :alt: x\n\nPapers\n------\n\n"
                         "#. Doe, J. (2020).\n   A title.\n   `PDF <https://x.org/a.pdf>`_\n")
    assert "# Title" in md and "## Papers" in md and "image" not in md and ":alt:" not in md
    assert "1. Doe, J. (2020)." in md and "[PDF](https://x.org/a.pdf)" in md


def test_latex_sections_items_accents_and_comments():
    md = latex_to_markdown("\\documentclass{article}\n\\begin{document}\n\\section*{Publications}\n"
                           "\\begin{enumerate}\n\\item \\textbf{J.~M{\\\"u}ller}. ``Title.'' \\emph{Venue}, 2020. % note\n"
                           "\\end{enumerate}\n\\end{document}\n")
    assert "# Publications" in md and "- **J. Müller**. “Title.” *Venue*, 2020." in md and "note" not in md


def test_asciidoc_headings_lists_links_and_blocks():
    md = asciidoc_to_markdown("= Ana Ruiz\n:toc: left\n// comment\n== Papers\n----\ncode\n----\n"
                              ". *A. Ruiz*. \"T.\" _Journal_ 3. link:https://x.org/p.pdf[PDF]\n")
    assert "# Ana Ruiz" in md and "## Papers" in md and ":toc:" not in md and "code" not in md
    assert '1. **A. Ruiz**. "T." *Journal* 3. [PDF](https://x.org/p.pdf)' in md


def test_wikitext_headings_links_cite_templates_and_tables():
    md = wikitext_to_markdown("{{Infobox|name=X}}\n== Papers ==\n{| class=wikitable\n| a || b\n|}\n"
                              "* '''Ruiz, A.''' (2020). T. ''Journal'' 3. [https://x.org/p.pdf PDF]\n"
                              "* {{cite journal |last1=Doe |first1=Jo |title=Tt |journal=Jj |year=2021}}\n")
    assert "## Papers" in md and "Infobox" not in md and "wikitable" not in md
    assert "- **Ruiz, A.** (2020). T. *Journal* 3. [PDF](https://x.org/p.pdf)" in md
    assert "- Jo Doe (2021). Tt. *Jj*." in md


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["", "* ", "#+TITLE: ", ".. note::\n", "====\n", "\\item ", "\\textbf{",
                                                "\\section{", "[[", "`x <", "{\\LARGE ", "{{cite journal |", "'''x", "----\n", ". *"]))
def test_converters_never_raise(text, prefix):
    for convert in (org_to_markdown, rst_to_markdown, latex_to_markdown, asciidoc_to_markdown, wikitext_to_markdown):
        assert isinstance(convert(prefix + text), str)
