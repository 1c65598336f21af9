"""Person-name keys for matching author lists (shared with people-identity features).

A name is reduced to a `NameKey`: folded, transliterated family name plus the given names'
initials and first given name. Two spellings are *compatible* when they can denote the same
person: 'A. Eisenberg' ~ 'Andrew Eisenberg' ~ 'eisenberg a' ~ 'Eisenberg, Andrew'; 'Toby Smith' ~
'Tobias Smith' (nickname table below); 'Jan Van den Bussche' ~ 'J. van den Bussche'.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import NamedTuple, Sequence

from schemas.normalize import fold

PARTICLES = frozenset(
    "van von der den de del della dello degli di da das do dos du la le les lo ten ter te op het zu zur af av "
    "bin ibn al el st saint".split())
SUFFIXES = frozenset("jr sr ii iii iv phd md esq".split())

# Nicknames and short forms -> formal given names (data, not code: extend freely). A name maps to
# all formal names it may stand for; two given names are compatible when their sets intersect.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "al": ("albert", "alan", "alfred", "alexander"), "alex": ("alexander", "alexandra", "alexis", "alexei"),
    "sasha": ("alexander", "alexandra"), "sacha": ("alexander", "alexandra"), "andy": ("andrew", "andreas"),
    "drew": ("andrew",), "tony": ("anthony", "antonio", "anton"), "ben": ("benjamin", "benedict"),
    "bob": ("robert",), "bobby": ("robert",), "rob": ("robert", "roberto"), "robbie": ("robert",),
    "bert": ("albert", "herbert", "robert", "hubert"), "bill": ("william",), "billy": ("william",),
    "will": ("william", "willem"), "willy": ("william", "wilhelm"), "liam": ("william",),
    "chris": ("christopher", "christian", "christina", "christine", "christoph"), "kit": ("christopher",),
    "chuck": ("charles",), "charlie": ("charles", "charlotte"), "dan": ("daniel",), "danny": ("daniel",),
    "dave": ("david",), "davy": ("david",), "ed": ("edward", "edwin", "edmund", "eduardo"),
    "eddie": ("edward",), "ted": ("edward", "theodore"), "teddy": ("edward", "theodore"),
    "fred": ("frederick", "alfred", "friedrich"), "freddy": ("frederick",), "frank": ("francis", "franklin"),
    "gene": ("eugene",), "geoff": ("geoffrey",), "jeff": ("jeffrey", "geoffrey"), "greg": ("gregory",),
    "harry": ("harold", "henry", "harrison"), "harri": ("harrison", "harold", "henry"), "hank": ("henry",),
    "jim": ("james",), "jimmy": ("james",), "jamie": ("james",), "jack": ("john", "jackson"),
    "johnny": ("john",), "jon": ("jonathan", "john"), "joe": ("joseph",), "joey": ("joseph",),
    "josh": ("joshua",), "ken": ("kenneth",), "kenny": ("kenneth",), "larry": ("lawrence", "laurence"),
    "len": ("leonard",), "leo": ("leonard", "leonardo", "leopold"), "matt": ("matthew", "matthias"),
    "mike": ("michael",), "mick": ("michael",), "mickey": ("michael",), "misha": ("mikhail", "michael"),
    "nate": ("nathan", "nathaniel"), "nat": ("nathan", "nathaniel", "natalie"), "nick": ("nicholas", "nikolai"),
    "nico": ("nicolas", "nicola"), "pat": ("patrick", "patricia"), "pete": ("peter",), "phil": ("philip", "phillip"),
    "ray": ("raymond",), "rich": ("richard",), "rick": ("richard", "frederick"), "ricky": ("richard",),
    "dick": ("richard",), "ron": ("ronald",), "ronnie": ("ronald",), "sam": ("samuel", "samantha"),
    "sammy": ("samuel",), "steve": ("steven", "stephen"), "stevie": ("steven", "stephen"), "stu": ("stuart",),
    "tim": ("timothy",), "timmy": ("timothy",), "tom": ("thomas",), "tommy": ("thomas",),
    "toby": ("tobias",), "vince": ("vincent",), "walt": ("walter",), "wally": ("walter",),
    "zach": ("zachary",), "zack": ("zachary",), "abby": ("abigail",), "beth": ("elizabeth",),
    "betty": ("elizabeth",), "liz": ("elizabeth",), "lizzie": ("elizabeth",), "cathy": ("catherine", "cathleen"),
    "kate": ("katherine", "catherine"), "katie": ("katherine", "catherine"), "kathy": ("katherine", "kathleen"),
    "jenny": ("jennifer",), "jen": ("jennifer",), "jess": ("jessica",), "meg": ("margaret", "megan"),
    "maggie": ("margaret",), "peggy": ("margaret",), "sue": ("susan", "suzanne"), "susie": ("susan",),
    "becky": ("rebecca",), "vicky": ("victoria",), "val": ("valerie", "valentin", "valentina"),
    "wojtek": ("wojciech",), "kuba": ("jakub",), "jurek": ("jerzy",), "staszek": ("stanislaw",),
    "tomek": ("tomasz",), "bartek": ("bartlomiej", "bartosz"), "grzesiek": ("grzegorz",), "kasia": ("katarzyna",),
    "gosia": ("malgorzata",), "pawel": ("pawel",), "volodya": ("vladimir",), "vova": ("vladimir",),
    "dima": ("dmitry", "dmitri"), "kolya": ("nikolai",), "seryozha": ("sergey",), "sergei": ("sergey",),
    "yura": ("yuri",), "zhenya": ("evgeny", "yevgeny", "eugene"), "pasha": ("pavel",), "lyosha": ("alexei",),
    "alyosha": ("alexei",), "vanya": ("ivan",), "petya": ("pyotr", "peter"), "kostya": ("konstantin",),
    "hans": ("johannes",), "jo": ("johannes", "joseph", "joanna"), "sepp": ("josef",), "fritz": ("friedrich",),
    "jochen": ("joachim",), "uli": ("ulrich",), "klaus": ("nikolaus",), "pepe": ("jose",), "paco": ("francisco",),
    "manu": ("manuel", "emmanuel"), "beppe": ("giuseppe",), "gigi": ("luigi",), "max": ("maximilian", "maxim", "maximo"),
    "ernie": ("ernest",), "herb": ("herbert",), "gus": ("august", "augustus", "gustav"), "ollie": ("oliver",),
    "hal": ("harold", "henry"), "lou": ("louis", "lewis"), "mo": ("mohammed", "maurice"), "jerry": ("gerald", "jerome"),
    "gerry": ("gerald", "gerard"), "doug": ("douglas",), "don": ("donald",), "russ": ("russell",),
    "les": ("leslie", "lester"), "marty": ("martin",), "norm": ("norman",), "ozzie": ("oswald",),
    "randy": ("randall", "randolph"), "reg": ("reginald",), "stan": ("stanley", "stanislaw"),
    "terry": ("terence", "theresa"), "trev": ("trevor",), "vic": ("victor",), "wes": ("wesley",),
    # spellings of one given name across languages and transliterations (same person, other script)
    "nicholas": ("nicolas", "nikolaos", "nicola", "nikolas"), "nikolay": ("nikolai",), "nicolai": ("nikolai",),
    "aleksandr": ("alexander",), "aleksander": ("alexander",), "oleksandr": ("alexander",),
    "alexandre": ("alexander",), "alexey": ("alexei",), "aleksei": ("alexei",), "aleksey": ("alexei",),
    "yury": ("yuri",), "yuriy": ("yuri",), "iurii": ("yuri",), "jurij": ("yuri",), "serguei": ("sergey",),
    "sergiy": ("sergey",), "serhiy": ("sergey",), "dmitrii": ("dmitry", "dmitri"), "dmytro": ("dmitry", "dmitri"),
    "evgenii": ("evgeny",), "evgeniy": ("evgeny",), "andrey": ("andrei",), "mikhail": ("michael",),
    "michal": ("michael",), "michel": ("michael",), "petr": ("pyotr", "peter"), "piotr": ("peter", "pyotr"),
    "stephan": ("stephen", "stefan"), "stefan": ("stephen",),
}


class NameKey(NamedTuple):
    family: str  # folded family name, particles removed ('van den bussche' -> 'bussche')
    initials: str  # initials of the given names in order ('john ronald' -> 'jr')
    first: str  # first given name when spelled out ('' for initials only)


_EMPTY = NameKey("", "", "")
WILDCARD = "9"


def _ascii_fold(text: str) -> str:
    folded = fold(text)
    if folded and not folded.isascii():
        from anyascii import anyascii  # transliteration: 'Юрий' -> 'yurii', '王' -> 'wang'

        folded = fold(anyascii(folded))
    return folded


@lru_cache(maxsize=200_000)
def parse_name(name: str | None) -> NameKey:
    """NameKey of a display name in any common order: 'Andrew Eisenberg', 'A. Eisenberg',
    'eisenberg a', 'Eisenberg, Andrew', 'a eisenberg'."""
    if not name or not isinstance(name, str):
        return _EMPTY
    # a character lost to a decoding error ('Sch\ufffdning') becomes a wildcard digit that
    # family_compatible matches against any one letter
    name = name.replace("\ufffd", WILDCARD)
    if "," in name:  # 'Family, Given' (a second comma may hold a suffix: 'King, Jr., Martin')
        parts = [p for p in name.split(",") if fold(p) and fold(p) not in SUFFIXES]
        if len(parts) >= 2:
            family_words = _ascii_fold(parts[0]).split()
            given_words = _ascii_fold(" ".join(parts[1:])).split()
            return _key(family_words, given_words)
    # 'J.R.R. Tolkien' / 'J.Dauwels': split glued initials before folding
    spaced = re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z])", ". ", name)
    words = [w for w in _ascii_fold(spaced).split() if w not in SUFFIXES]
    if not words:
        return _EMPTY
    if len(words) == 1:
        return NameKey(words[0], "", "")
    raw_words = spaced.replace(".", " ").split()
    # 'eisenberg a' / 'Eisenberg AB': a trailing initials block after a long word is family-first
    last_raw = raw_words[-1] if raw_words else ""
    if len(words[-1]) <= 2 and len(words[0]) > 2 and (len(words[-1]) == 1 or last_raw.isupper()):
        if len(words[-1]) == 2 and last_raw.isupper():
            given = list(words[-1])
        else:
            given = [w for w in words[1:]]
        if all(len(g) <= 2 for g in given):
            return _key([words[0]], given)
    # natural order: particles before the last word belong to the family name
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return _key(words[cut:], words[:cut])


_INTERNED: dict[NameKey, NameKey] = {}


def clear_interned() -> None:
    """Drop the intern table (keys stay alive while features reference them)."""
    _INTERNED.clear()


def _key(family_words: list[str], given_words: list[str]) -> NameKey:
    key = _make_key(family_words, given_words)
    # many spellings share one key ('A. Eisenberg', 'a eisenberg'): keep one object per key so a
    # million records hold each distinct author key once
    return _INTERNED.setdefault(key, key)


def _make_key(family_words: list[str], given_words: list[str]) -> NameKey:
    family_words = [w for w in family_words if w not in PARTICLES] or family_words
    family = family_words[-1] if family_words else ""
    # 'JR Smith' -> initials j, r ; 'John R. Smith' -> j, r
    initials = []
    for w in given_words:
        if w in PARTICLES and len(given_words) > 1:
            continue
        initials.extend(list(w) if len(w) <= 2 and w.isalpha() and w not in NICKNAMES else [w[0]])
    first = next((w for w in given_words if len(w) > 2 or (len(w) == 2 and w in NICKNAMES)), "")
    return NameKey(sys.intern(family), sys.intern("".join(initials)), sys.intern(first))


@lru_cache(maxsize=100_000)
def formal_names(given: str) -> frozenset:
    """A given name with the formal names it may abbreviate: 'toby' -> {'toby', 'tobias'}."""
    return frozenset((given,) + NICKNAMES.get(given, ()))


def given_compatible(a: NameKey, b: NameKey) -> bool:
    """Given names that can belong to one person: equal, nickname of each other, or one side only
    initials that agree with the other side's initials (a missing given name agrees with anything)."""
    if not a.initials or not b.initials:
        return True
    if a.first and b.first:
        if a.first == b.first or formal_names(a.first) & formal_names(b.first):
            return True
        # 'Chris' vs 'Christopher': a prefix of >= 3 letters counts as a short form
        short, long = sorted((a.first, b.first), key=len)
        return len(short) >= 3 and long.startswith(short)
    # at least one side is initials only: compare initials as far as both go
    n = min(len(a.initials), len(b.initials))
    if a.initials[:n] == b.initials[:n]:
        return True
    # 'Toby' written as 'T.' against 'Tobias' is covered above; also allow a dropped first initial
    # ('H. Vincent Poor' vs 'Vincent Poor' -> 'v' inside 'hv')
    return a.initials[0] in b.initials or b.initials[0] in a.initials if n == 1 else False


def family_compatible(a: str, b: str) -> bool:
    """Equal family names, or equal up to one typo (long names) or a decoding-error wildcard."""
    if a == b:
        return bool(a)
    if not a or not b:
        return False
    if WILDCARD in a or WILDCARD in b:
        if len(a) == len(b):
            return all(x == y or WILDCARD in (x, y) for x, y in zip(a, b))
        short, long = sorted((a, b), key=len)  # one lost character may have stood for two bytes
        return len(long) - len(short) == 1 and any(
            all(x == y or WILDCARD in (x, y) for x, y in zip(short, long[:k] + long[k + 1:])) for k in range(len(long)))
    if a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b) <= 1  # one typo (or swapped pair of letters) in a long family name


def keys_compatible(a: NameKey, b: NameKey, loose: bool = False) -> bool:
    """Same person possible? `loose` (author-list matching, where the family name already agrees
    in a list of co-authors) only asks the first initials to agree, tolerating given-name typos."""
    if family_compatible(a.family, b.family):
        if loose:
            return not a.initials or not b.initials or a.initials[0] == b.initials[0] or given_compatible(a, b)
        return given_compatible(a, b)
    # swapped order ('Tang Zhao-Hui' vs 'Zhao-Hui Tang'): family of one is the given of the other
    return bool(a.first and b.first and a.family == b.first and b.family == a.first)


def name_variants_compatible(a: str | None, b: str | None) -> bool:
    """Can these two spellings denote the same person? ('Toby Smith', 'Tobias Smith') -> True."""
    return keys_compatible(parse_name(a), parse_name(b))


def author_keys(names: Sequence[str | None], limit: int = 12) -> tuple[NameKey, ...]:
    """Name keys of an author list (the first `limit` names: later ones add cost, not evidence)."""
    keys = []
    for name in names[:limit]:
        key = parse_name(name)
        if key.family and key.family not in ("al", "others", "etal"):
            keys.append(key)
    return tuple(keys)


def author_overlap(a: Sequence[NameKey], b: Sequence[NameKey]) -> tuple[int, int, bool]:
    """(matched authors, length of the shorter list, first authors compatible). Greedy one-to-one
    matching on compatible names: exact family names first, then typo-tolerant family names for
    the rest; cheap enough for per-pair use."""
    if not a or not b:
        return 0, 0, False
    shorter = min(len(a), len(b))
    if a == b:
        return shorter, shorter, True
    used = [False] * len(b)
    matched = 0
    leftover = []
    for ka in a:
        family = ka.family
        for j, kb in enumerate(b):
            if not used[j] and kb.family == family and (
                    not ka.initials or not kb.initials or ka.initials[0] == kb.initials[0] or given_compatible(ka, kb)):
                used[j] = True
                matched += 1
                break
        else:
            leftover.append(ka)
    if leftover and matched < shorter:
        for ka in leftover:
            for j, kb in enumerate(b):
                if not used[j] and keys_compatible(ka, kb, loose=True):
                    used[j] = True
                    matched += 1
                    break
    return matched, shorter, keys_compatible(a[0], b[0], loose=True)
