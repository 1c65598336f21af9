"""Synthetic bibliographic records with realistic duplicate perturbations, for scale runs.

    python bench/synth.py N OUT.jsonl [--seed S]

Invented titles (from a word list), invented people, a few hundred venues with abbreviations.
Each work gets 1..k records (heavy-tailed); each copy may be lower-cased, get typos, lose words at
the end of its title, abbreviate or truncate its authors ('a eisenberg'), abbreviate its venue,
shift its year by 1-2 (preprint vs proceedings), or be renamed (new title, same arXiv id). Hard
negatives are planted too: Part I/II series, errata of a work, generic titles ("Editorial") by
different people. Every record carries `true_work` so a run can be scored without labels files.
"""
from __future__ import annotations

import itertools
import json
import random
import sys

WORDS = (
    "learning graph neural network sparse robust adaptive bayesian inference causal query index stream "
    "distributed consensus protocol secure privacy federated kernel spectral clustering ranking retrieval "
    "language model vision transformer attention memory cache scheduling compiler verification proof "
    "program synthesis optimization convex stochastic gradient reinforcement policy agent planning search "
    "tree hash join transaction storage replication fault tolerance energy wireless sensor mobile quantum "
    "circuit algorithm approximation bound lower upper complexity random walk embedding metric manifold "
    "segmentation detection tracking reconstruction rendering simulation fluid molecular protein genome "
    "evolution market auction mechanism game equilibrium social influence diffusion recommendation fairness "
    "explanation interpretable uncertainty calibration ensemble boosting regression estimation sampling"
).split()
SYLLABLES = "ka ro mi ta ne lo su vi da re zo an el is ur ba ko li mo ti ga he ju".split()
GIVEN = ("andrew tobias harrison wojciech maria elena james robert michael william david richard joseph "
         "thomas charles christopher daniel matthew anthony mark donald steven paul kenneth joshua kevin "
         "brian george timothy ronald jason edward jeffrey ryan jacob gary nicholas eric jonathan stephen "
         "larry justin scott brandon benjamin samuel gregory alexander patrick frank raymond jack dennis "
         "wei li yan jun hui ming xin yu ana sofia lucia marta ingrid astrid yuki haruto").split()
NICK = {"tobias": "toby", "harrison": "harri", "wojciech": "wojtek", "robert": "bob", "william": "bill",
        "michael": "mike", "richard": "rick", "thomas": "tom", "daniel": "dan", "christopher": "chris",
        "alexander": "alex", "benjamin": "ben", "nicholas": "nick", "samuel": "sam", "andrew": "andy"}
STOP = "of for in on with via the a and towards using".split()
GENERIC = ["Editorial", "Preface", "Introduction", "Book Reviews", "Guest Editorial"]


def invented_family(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def make_venues(rng: random.Random, n: int = 400) -> list[tuple[str, str, str]]:
    """(full name, abbreviation, kind)"""
    venues = []
    for _ in range(n):
        topic = " ".join(w.capitalize() for w in rng.sample(WORDS, rng.randint(2, 3)))
        acronym = "".join(w[0] for w in topic.split()).upper() + rng.choice(["", "S", "C", "W"])
        if rng.random() < 0.6:
            venues.append((f"Proceedings of the International Conference on {topic}", acronym, "conference"))
        else:
            venues.append((f"Journal of {topic}", f"J. {topic.split()[0][:4]}. {topic.split()[-1][:4]}.", "journal"))
    return venues


def typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    op = rng.random()
    if op < 0.33:
        return text[:i] + text[i + 1:]
    if op < 0.66:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + text[i:]


def perturb_name(rng: random.Random, given: str, family: str) -> str:
    r = rng.random()
    if r < 0.3:
        return f"{given[0]} {family}".lower() if rng.random() < 0.5 else f"{given[0].upper()}. {family}"
    if r < 0.4:
        return f"{family}, {given[0].upper()}."
    if r < 0.45 and given in NICK:
        return f"{NICK[given].capitalize()} {family}"
    if r < 0.5:
        return f"{given.capitalize()} {typo(rng, family)}"
    return f"{given.capitalize()} {family}"


def perturb(rng: random.Random, work: dict, venues) -> dict:
    title = work["title"]
    if rng.random() < 0.1:
        words = title.split()
        if len(words) > 5:
            title = " ".join(words[: rng.randint(4, len(words) - 1)])  # truncated
    if rng.random() < 0.2:
        title = typo(rng, title)
    if rng.random() < 0.4:
        title = title.lower()
    authors = [perturb_name(rng, g, f) for g, f in work["authors"]]
    if len(authors) > 3 and rng.random() < 0.2:
        authors = authors[:rng.randint(1, 3)] + ["et al."]
    full, abbreviation, _ = venues[work["venue"]]
    venue = full if rng.random() < 0.5 else abbreviation
    if rng.random() < 0.1:
        venue = "arXiv preprint"
    elif rng.random() < 0.3:
        venue = venue.lower()
    year = work["year"] + (rng.choice([-1, 1, 1, 2]) if rng.random() < 0.15 else 0)
    record = {"title": title, "authors": [{"name": a} for a in authors], "venue": venue, "year": year}
    if work.get("arxiv") and rng.random() < 0.5:
        record["ids"] = {"arxiv": work["arxiv"] + (f"v{rng.randint(1, 3)}" if rng.random() < 0.5 else "")}
    return record


def generate(n: int, seed: int = 0):
    rng = random.Random(seed)
    venues = make_venues(rng)
    people = [(rng.choice(GIVEN), invented_family(rng)) for _ in range(max(100, n // 3))]
    # a Zipf-like vocabulary: common field words first, then invented rarer ones (real titles mix
    # frequent words with rare, discriminative ones; blocking depends on that)
    vocabulary = list(WORDS)
    rng.shuffle(vocabulary)
    seen = set(vocabulary)
    while len(vocabulary) < min(max(5000, n // 2), 150_000):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))
        if word not in seen:
            seen.add(word)
            vocabulary.append(word)
    cumulative = list(itertools.accumulate(1.0 / (rank + 20) for rank in range(len(vocabulary))))
    produced = 0
    work_no = 0
    while produced < n:
        work_no += 1
        words = list(dict.fromkeys(rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(4, 9))))
        for k in range(1, len(words) - 1, 3):
            if rng.random() < 0.4:
                words.insert(k, rng.choice(STOP))
        title = " ".join(w.capitalize() if rng.random() < 0.7 else w for w in words)
        work = {"title": title, "authors": rng.sample(people, rng.randint(1, 6)),
                "venue": rng.randrange(len(venues)), "year": rng.randint(1990, 2024),
                "arxiv": f"{rng.randint(1000, 2412)}.{rng.randint(10000, 99999)}" if rng.random() < 0.3 else None}
        variants = [(work_no, work)]
        r = rng.random()
        if r < 0.03:  # a series: Part I / Part II are different works
            variants.append((f"{work_no}b", {**work, "title": title + ": Part II"}))
            variants[0] = (work_no, {**work, "title": title + ": Part I"})
        elif r < 0.05:  # an erratum is a different work
            variants.append((f"{work_no}e", {**work, "title": "Erratum to: " + title, "arxiv": None}))
        elif r < 0.07:  # a generic title by other people
            variants = [(work_no, {**work, "title": rng.choice(GENERIC), "arxiv": None})]
        for label, w in variants:
            copies = min(1 + int(rng.paretovariate(1.6)) - 1 + (rng.random() < 0.6), 40)
            renamed = None
            if w.get("arxiv") and rng.random() < 0.1:  # a renamed version linked by its arXiv id
                renamed = " ".join(rng.sample(WORDS, 5)).capitalize()
            for c in range(max(1, copies)):
                record = perturb(rng, w, venues)
                if renamed and c == 0:
                    record["title"] = renamed
                    record["ids"] = {"arxiv": w["arxiv"]}
                record["record_id"] = f"s{rng.randrange(1000)}:{produced}"
                record["true_work"] = str(label)
                yield record
                produced += 1
                if produced >= n:
                    return


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    n, out = int(argv[0]), argv[1]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
    with open(out, "w", encoding="utf-8") as handle:
        for record in generate(n, seed):
            handle.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
