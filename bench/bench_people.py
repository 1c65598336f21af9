"""Timing of the identity stage (schemas.people) on synthetic pages: P owner pages of 30 entries,
co-authors drawn from a pool with spelling variants (initials, dropped middles, nicknames).

usage: .venv/bin/python bench/bench_people.py [PAGES]   (default 400)
"""
from __future__ import annotations

import random
import sys
import time

from schemas.models import Author, Profile, Record
from schemas.people import assign_people

GIVEN = ["John", "Wei", "Maria", "Alexander", "Yujia", "Thomas", "Anna", "David", "Li", "Jun", "Elena", "Robert",
         "Sergey", "Priya", "Ahmed", "Chen", "Laura", "Tobias", "Nicholas", "Yazhe"]
FAMILY = ["Smith", "Wang", "Garcia", "Petrov", "Li", "Müller", "Kim", "Nguyen", "Rossi", "Khan", "Zhang", "Silva",
          "van der Berg", "Kowalski", "Ivanova", "Chen", "Haddad", "Okafor", "Tanaka", "Dubois"]


def variant(rnd: random.Random, given: str, middle: str, family: str) -> str:
    roll = rnd.random()
    if roll < 0.6:
        return f"{given} {middle} {family}".replace("  ", " ")
    if roll < 0.8:
        return f"{given} {family}"
    return f"{given[0]}. {family}"


def synth(pages: int, seed: int = 7) -> tuple[list[Record], list[Profile]]:
    rnd = random.Random(seed)
    people = [(rnd.choice(GIVEN), rnd.choice(["", "A.", "J.", "M."]), rnd.choice(FAMILY) + str(i % 50 or ""))
              for i in range(3000)]
    records, profiles = [], []
    for p in range(pages):
        owner = people[p % len(people)]
        page = f"site{p % 40}/page{p}.md"
        circle = rnd.sample(people, 25)
        for pos in range(30):
            names = [variant(rnd, *owner)] + [variant(rnd, *c) for c in rnd.sample(circle, rnd.randint(1, 6))]
            rnd.shuffle(names)
            records.append(Record(page=page, position=pos, record_id=f"r{p}-{pos}", title=f"Work {p}-{pos}",
                                  authors=[Author(name=n) for n in names], work_id=f"w{rnd.randint(0, pages * 20)}",
                                  year=rnd.randint(2000, 2024)))
        profiles.append(Profile(page=page, kind="homepage", person=f"{owner[0]} {owner[2]}"))
    return records, profiles


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    records, profiles = synth(pages)
    start = time.perf_counter()
    model, researchers = assign_people(records, profiles, [])
    seconds = time.perf_counter() - start
    print(f"{pages} pages, {len(records)} records, {len(model.mentions)} mentions -> "
          f"{len(set(model.person_ids.values()))} persons, {len(researchers)} researchers in {seconds:.1f} s")


if __name__ == "__main__":
    main()
