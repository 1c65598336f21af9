"""Invented publication entries in the styles homepages and CVs use, with exact labels.

The labelled corpora are reference lists from papers; researcher pages write entries
differently ("Title (2022) \\ Authors", "Title, with A, B, and C", jemdoc "Title [pdf]
Authors Venue (STOC), 2014", Scholar rows, dblp "A, B: Title. Venue 12(3): 45-67 (2020)").
Every person, title and number here is generated from word lists; nothing is copied.
"""
from __future__ import annotations

import random
from typing import Callable

from extract.entry_parser.align import AUTHOR, TITLE, VENUE, YEAR, Span

GIVEN = (
    "Alice Bruno Chiara Daniel Elif Farid Greta Hiroshi Ines Jonas Kavya Lukas Mei Nadia Oskar Priya "
    "Quentin Rosa Sven Tomasz Ulla Viktor Wen Xavier Yara Zoltan Ahmed Beatriz Chen Dmitri Emeka Fatima "
    "Gustavo Hana Igor Jin Kofi Lena Mateo Noor Olga Pavel Rania Sipho Tae-hoon Umar Valentina Wojciech "
    "Xinyi Yusuf Zeynep Ana-Maria Jean-Luc José Zoë Søren Łukasz Míriam Anaïs Jürgen Renée Ólafur"
).split()
FAMILY = (
    "Abernathy Brandt Castellano Dufresne Eriksen Fujimoto Gallagher Horvath Ibáñez Jankowski Kowalczyk "
    "Lindqvist Moreau Nakamura Okafor Petrov Quintero Rasmussen Sandoval Takahashi Urquhart Vasquez "
    "Whitfield Xu Yamada Zimmermann Achterberg Bianchi Chowdhury Delacroix Esposito Fernández Grünewald "
    "Haddad Iyer Jovanović Kaur Lefèvre Mbeki Nørgaard Ozturk Park Rahimi Schäfer Tanaka Udeh Villanueva "
    "Wang Li Zhang Liu Chen Kim Nguyen Singh Müller Öztürk Šimek Ó'Brien O'Neill McAllister Smith-Jones "
    "Garcia-Lopez Kuznetsova Novak Papadopoulos Rossi Silva Tran"
).split()
PARTICLES = ["van", "de", "van der", "von", "da", "de la", "di", "Le", "dos"]
TITLE_HEADS = (
    "Learning Scaling Towards Rethinking Understanding Efficient Robust Adaptive Sparse Neural Causal "
    "Bayesian Contrastive Federated Hierarchical Provable Fast Optimal Stochastic Differentiable Scalable "
    "Generalized Interpretable Distributed Self-Supervised Multi-Agent Offline Zero-Shot Structured"
).split()
TITLE_WORDS = (
    "representations graphs transformers inference planning estimation agents policies kernels proofs "
    "compilers programs types proteins molecules galaxies networks language vision speech control games "
    "markets sensors circuits algorithms bounds equilibria streams queries databases memory attention "
    "diffusion sampling optimization regularization embeddings robots manipulation navigation climate "
    "genomes cells tumours images video retrieval translation summarization reasoning verification "
    "synthesis concurrency sessions channels lattices codes quantum states entanglement"
).split()
LINKS = ("with", "for", "via", "of", "in", "under", "from", "beyond", "without", "and", "on")
SUBTITLES = ("A Survey", "Theory and Practice", "A Case Study", "An Empirical Study", "Lessons Learned",
             "A New Benchmark", "Algorithms and Lower Bounds", "Extended Abstract", "Methods, Analysis & Insights")
VENUES_LONG = (
    "Proceedings of the {n} International Conference on Machine Learning",
    "Advances in Neural Information Processing Systems",
    "Proceedings of the {n} Annual ACM Symposium on Theory of Computing",
    "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    "Journal of Machine Learning Research",
    "Proceedings of the ACM on Programming Languages",
    "Nature Communications", "Physical Review Letters", "Neural Computation",
    "Mathematics of Operations Research", "Proceedings of the National Academy of Sciences",
    "International Conference on Learning Representations",
    "Conference on Computer Vision and Pattern Recognition",
    "Annual Meeting of the Association for Computational Linguistics",
    "IEEE Conference on Decision and Control", "Journal of Functional Programming",
    "ACM Transactions on Graphics", "The Astrophysical Journal", "Bioinformatics",
    "Workshop on Programming Language Approaches to Concurrency and Communication-cEntric Software",
    "Symposium on Principles of Programming Languages", "Information and Computation",
    "European Conference on Computer Vision", "AAAI Conference on Artificial Intelligence",
)
VENUES_SHORT = ("NeurIPS", "ICML", "ICLR", "CVPR", "ECCV", "ACL", "EMNLP", "STOC", "FOCS", "SODA", "POPL",
                "ICFP", "PLDI", "CDC", "AAAI", "IJCAI", "KDD", "SIGMOD", "VLDB", "UAI", "AISTATS", "COLT",
                "QIP", "PPoPP", "ICRA", "IROS", "NIPS", "CHI", "WWW", "ESOP")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
          "January", "March", "June", "July", "September", "December")
ORDINALS = ("1st", "2nd", "3rd", "12th", "25th", "31st", "38th", "40th", "53rd")
LINK_WORDS = ("[pdf]", "[PDF]", "[code]", "[slides]", "[arXiv]", "[bib]", "[video]", "[paper]", "[abstract]", "[project page]")


class Builder:
    """Accumulates text pieces with optional labels into (raw, spans)."""

    def __init__(self):
        self.text = ""
        self.spans: list[Span] = []

    def add(self, piece: str, label: str | None = None) -> "Builder":
        if label:
            self.spans.append(Span(len(self.text), len(self.text) + len(piece), label))
        self.text += piece
        return self


def _name(rng: random.Random, form: str) -> str:
    given = rng.choice(GIVEN)
    family = rng.choice(FAMILY)
    if rng.random() < 0.2:  # particles are what the reference corpora teach least ("Elias van der Berg")
        family = f"{rng.choice(PARTICLES)} {family}"
    if rng.random() < 0.15:
        given = f"{given} {rng.choice(GIVEN)[0]}."
    initials = " ".join(f"{p[0]}." for p in given.replace("-", " ").split() if p[0].isalpha())
    if form == "full":
        return f"{given} {family}"
    if form == "initials":
        return f"{initials} {family}"
    if form == "inverted":
        return f"{family}, {given}"
    if form == "inverted_initials":
        return f"{family}, {initials}"
    if form == "compact":  # "Smith JA" (Vancouver)
        return f"{family} {initials.replace('.', '').replace(' ', '')}"
    return f"{given} {family}"


def _authors(b: Builder, rng: random.Random, form: str | None = None, marker: bool = True) -> None:
    form = form or rng.choice(["full", "full", "full", "initials", "inverted", "inverted_initials", "compact"])
    n = rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 12])
    names = [_name(rng, form) for _ in range(n)]
    sep = "; " if form.startswith("inverted") and rng.random() < 0.3 else ", "
    if form == "inverted":  # "Smith, Jane, Doe, John" is ambiguous; real lists use ';' or 'and'
        sep = rng.choice(["; ", " and "])
    last_sep = rng.choice([", and ", " and ", " & ", sep]) if n > 1 else ""
    if form == "compact":
        last_sep = sep
    truncate = n >= 4 and rng.random() < 0.15
    if truncate:
        names = names[:3]
    for i, name in enumerate(names):
        if i:
            b.add(last_sep if i == len(names) - 1 and not truncate else sep)
        b.add(name, AUTHOR)
        if marker and rng.random() < 0.06:
            b.add(rng.choice(["*", "†", "∗", "#"]))
    if truncate:
        b.add(rng.choice([", et al.", " et al.", ", ..."]))


def _title(rng: random.Random) -> str:
    words = [rng.choice(TITLE_HEADS)]
    for _ in range(rng.randint(1, 6)):
        words.append(rng.choice(TITLE_WORDS))
        if rng.random() < 0.35:
            words.append(rng.choice(LINKS))
    words.append(rng.choice(TITLE_WORDS))
    title = " ".join(words)
    if rng.random() < 0.5:
        title = " ".join(w if w in LINKS else w[:1].upper() + w[1:] for w in title.split())
    if rng.random() < 0.2:
        title += ": " + rng.choice(SUBTITLES)
    elif rng.random() < 0.05:
        title += "?"
    return title


def _venue(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return rng.choice(VENUES_LONG).replace("{n}", rng.choice(ORDINALS))
    return rng.choice(VENUES_SHORT)


def _year(rng: random.Random) -> str:
    return str(rng.randint(1985, 2026))


def _pages(rng: random.Random) -> str:
    start = rng.randint(1, 2000)
    return f"{start}{rng.choice(['-', '–', '--'])}{start + rng.randint(3, 30)}"


def _tail_links(b: Builder, rng: random.Random) -> None:
    if rng.random() < 0.3:
        b.add(" " + " ".join(rng.sample(LINK_WORDS, rng.randint(1, 3))))


# ---- styles: each writes one entry
def style_acm(b: Builder, rng: random.Random) -> None:  # A, B, and C. Title. In Venue, 2020.
    _authors(b, rng)
    b.add(". ").add(_title(rng), TITLE).add(". ")
    b.add(rng.choice(["In ", "In Proc. ", "", "In: "])).add(_venue(rng), VENUE)
    if rng.random() < 0.4:
        b.add(f", pages {_pages(rng)}" if rng.random() < 0.5 else f", pp. {_pages(rng)}")
    b.add(", ").add(_year(rng), YEAR).add(".")
    _tail_links(b, rng)


def style_apa(b: Builder, rng: random.Random) -> None:  # Smith, J., & Doe, A. (2020). Title. Venue, 12(3), 45-67.
    _authors(b, rng, form=rng.choice(["inverted_initials", "inverted", "full"]))
    b.add(" (").add(_year(rng), YEAR).add(rng.choice(["). ", "a). ", "). "])).add(_title(rng), TITLE).add(". ")
    b.add(_venue(rng), VENUE)
    if rng.random() < 0.6:
        b.add(f", {rng.randint(1, 80)}({rng.randint(1, 12)}), {_pages(rng)}")
    b.add(".")


def style_title_year_authors(b: Builder, rng: random.Random) -> None:  # Title (2022) \ Authors
    b.add(_title(rng), TITLE).add(" (").add(_year(rng), YEAR).add(")").add(rng.choice([" ", " \\ ", "\n"]))
    _authors(b, rng, form="full")
    if rng.random() < 0.3:
        b.add(rng.choice([" - ", ". ", ", "])).add(_venue(rng), VENUE)


def style_title_with(b: Builder, rng: random.Random) -> None:  # Title, with A, B, and C [paper].
    b.add(_title(rng), TITLE).add(", with ")
    _authors(b, rng, form="full")
    if rng.random() < 0.4:
        b.add(". ").add(rng.choice(["Accepted to ", "Published in ", "To appear in ", "In "])).add(_venue(rng), VENUE)
        if rng.random() < 0.5:
            b.add(" ").add(_year(rng), YEAR)
    _tail_links(b, rng)
    b.add(rng.choice(["", "."]))


def style_jemdoc(b: Builder, rng: random.Random) -> None:  # Title [pdf] Authors Venue (STOC), 2014
    b.add(_title(rng), TITLE).add(rng.choice([" [pdf] ", "\n", " ", ". "]))
    _authors(b, rng, form=rng.choice(["full", "initials"]))
    b.add(rng.choice(["\n", ". ", " "]))
    venue = rng.choice(VENUES_LONG).replace("{n}", rng.choice(ORDINALS))
    b.add(venue, VENUE)
    if rng.random() < 0.6:
        b.add(f" ({rng.choice(VENUES_SHORT)})")
    b.add(", ").add(_year(rng), YEAR)
    if rng.random() < 0.2:
        b.add(rng.choice([" (to appear)", " - Poster", ". Invited talk"]))


def style_scholar(b: Builder, rng: random.Random) -> None:  # Title / A Smith, B Doe / Venue 12 (3), 45-67, 2020
    b.add(_title(rng), TITLE).add(rng.choice(["\n", " ", ". "]))
    _authors(b, rng, form=rng.choice(["initials", "full"]))
    b.add(rng.choice(["\n", " ", ". "]))
    b.add(_venue(rng), VENUE)
    if rng.random() < 0.6:
        b.add(f" {rng.randint(1, 80)} ({rng.randint(1, 12)}), {_pages(rng)}")
    b.add(", ").add(_year(rng), YEAR)


def style_dblp(b: Builder, rng: random.Random) -> None:  # A, B: Title. Venue 12(3): 45-67 (2020)
    _authors(b, rng, form="full", marker=False)
    b.add(": ").add(_title(rng), TITLE).add(". ").add(_venue(rng), VENUE)
    if rng.random() < 0.5:
        b.add(f" {rng.randint(1, 80)}({rng.randint(1, 12)}): {_pages(rng)}")
    b.add(" (").add(_year(rng), YEAR).add(")")


def style_quoted(b: Builder, rng: random.Random) -> None:  # A and B, "Title," Venue, Month 2019.
    _authors(b, rng)
    q = rng.choice(['“{}”', '"{}"', '“{},”', '"{},"'])
    b.add(", ")
    lead, _, trail = q.partition("{}")
    b.add(lead).add(_title(rng), TITLE).add(trail).add(" ")
    if rng.random() < 0.5:
        b.add(f"[{rng.choice(VENUES_SHORT)}'{rng.randint(0, 99):02d}] ")
    b.add(rng.choice(["in ", "In ", ""])).add(_venue(rng), VENUE).add(", ")
    if rng.random() < 0.4:
        b.add(rng.choice(MONTHS) + " ")
    b.add(_year(rng), YEAR).add(".")
    _tail_links(b, rng)


def style_title_authors_venue_year(b: Builder, rng: random.Random) -> None:  # Title. A, B. Venue 2021.
    b.add(_title(rng), TITLE).add(". ")
    _authors(b, rng, form="full")
    b.add(". ")
    short = rng.random() < 0.5
    if short:
        b.add(f"{rng.choice(VENUES_SHORT)} {_year(rng)}", VENUE)  # "NeurIPS 2021": the year is part of the venue
    else:
        b.add(_venue(rng), VENUE).add(", ").add(_year(rng), YEAR)
    b.add(rng.choice([".", ""]))
    _tail_links(b, rng)


def style_arxiv(b: Builder, rng: random.Random) -> None:  # A, B. Title. arXiv preprint arXiv:2101.01234, 2021.
    _authors(b, rng)
    b.add(". ").add(_title(rng), TITLE).add(". ")
    year = rng.randint(2008, 2026)
    b.add(rng.choice(["arXiv preprint", "arXiv", "CoRR", "Preprint"]), VENUE)
    b.add(f" arXiv:{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(0, 99999):05d}, ").add(str(year), YEAR).add(".")


def style_date_first(b: Builder, rng: random.Random) -> None:  # Title  Aug 07, 2023  Authors
    b.add(_title(rng), TITLE).add(rng.choice(["\n", " "]))
    b.add(f"{rng.choice(MONTHS)} {rng.randint(1, 28):02d}, ")
    b.add(_year(rng), YEAR).add(rng.choice(["\n", " "]))
    _authors(b, rng, form="full")


STYLES: tuple[Callable[[Builder, random.Random], None], ...] = (
    style_acm, style_apa, style_title_year_authors, style_title_with, style_jemdoc, style_scholar,
    style_dblp, style_quoted, style_title_authors_venue_year, style_arxiv, style_date_first,
)


def generate(n: int, seed: int) -> list[tuple[str, list[Span]]]:
    """n invented entries, styles in rotation, fully determined by the seed."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        b = Builder()
        if rng.random() < 0.15:
            b.add(rng.choice(["[{}] ", "{}. ", "- ", "• ", "({}) "]).format(rng.randint(1, 60)))
        STYLES[i % len(STYLES)](b, rng)
        # the CLI reads one entry per line: line breaks inside an entry become spaces
        text = b.text.replace("\n", " ")
        out.append((text, b.spans))
    return out
