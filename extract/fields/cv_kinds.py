"""A CV's own entries of the kinds that are not plain works, in the CV's language, written as the
reference shapes the entry parser reads:

    Art. „Notwehrexzess“, in: Handwörterbuch des Strafrechts, Heidelberg 2020, Sp. 845–851.
        -> “Notwehrexzess,” in: Handwörterbuch des Strafrechts, Heidelberg 2020, Sp. 845–851.
    Compte rendu de : Hélène Barbier, L'école des campagnes (1880-1914), Lyon, 2019, dans Histoire …
        -> “L'école des campagnes (1880-1914),” Histoire …
    Traduction de l'allemand : Friedrich Hallwachs, La Ville et ses marges, Genève, 2014.
        -> Friedrich Hallwachs: La Ville et ses marges, Genève, 2014.

A dictionary or encyclopedia entry is titled by its headword; a review by the book it reviews (the
book's author is no author of the review); a translation by the translated work, whose author is its author (the
translator is not). The owner, who wrote them, is the CV's implicit author.

    rewrite_cv_kind(text) -> str    (the text unchanged when it is none of these)
"""
from __future__ import annotations

import re

_OPEN, _CLOSE = "„«\"“”»‚‘'「", "“»\"”«’'」"
# the headword's label, before it ("Art.", "Voz", "Hasło:") or after it ("“Vakıf” maddesi")
_ENTRY_LABEL = (r"(?:Art\.|Artikel|Article|Voz|Voce|Entrada|Verbete|Lemma|Stichwort|Hasło|Heslo|Uppslagsord|Opslag|"
                r"Oppslagsord|Entry|Encyclopedia entry|Dictionary entry|K[ōo]moku)")
_ENTRY_RE = re.compile(
    rf"^{_ENTRY_LABEL}\s*:?\s*[{_OPEN}](?P<word>[^{_OPEN}{_CLOSE}]{{1,120}})[{_CLOSE}]\s*[,.]?\s*"
    r"(?:(?:in|In|IN|dans|en|em|i|w|\[w:\])\s*:?\s+)?(?P<rest>\S.+)$")
_ENTRY_BARE_RE = re.compile(r"^(?:Hasło|Heslo|Stichwort|Lemma)\s*:\s*(?P<word>[^,.:;]{1,80}?)\s*[,.]\s*"
                            r"(?:(?:in|In|w|\[w:\])\s*:?\s+)(?P<rest>\S.+)$")
_ENTRY_AFTER_RE = re.compile(rf"^[{_OPEN}](?P<word>[^{_OPEN}{_CLOSE}]{{1,120}})[{_CLOSE}]\s+(?:maddesi|s\.v\.|entry)\s*,\s*(?P<rest>\S.+)$")

_REVIEW_LABEL = (r"(?:Rez\.(?:\s+(?:zu|von))?|Rezension(?:\s+(?:zu|von))?|Besprechung(?:\s+(?:zu|von))?|Compte[- ]rendu(?:\s+de)?|"
                 r"Recension(?:\s+(?:de|av))?|Rese[ñn]a(?:\s+de)?|Recensi[óo]n(?:\s+de)?|Recens[ãa]o(?:\s+(?:a|de))?|"
                 r"Recensione(?:\s+(?:a|di))?|Recenzja|Recenze|Anmeldelse(?:\s+af)?|Bokmelding|Bokanmeldelse|"
                 r"Kitap incelemesi|Shohy[ōo])")  # (English "Review of X" keeps its own reading: the review's title)
_REVIEW_RE = re.compile(
    rf"^{_REVIEW_LABEL}\s*:?\s+(?P<name>(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w'’.-]*\s?){{1,4}}?)(?:\s+cho)?\s*,\s+"
    r"[\"“«„]?(?P<title>[^\"“”«»„]{3,250}?)[\"”»“]?"
    r"(?:\s*\((?:[^()]{0,40}?,\s*)?(?:1[5-9]|20)\d{2}\)|,\s+[A-ZÀ-ÞĀ-ŽȘȚ][\w'’ /-]{1,30}?,?\s+(?:1[5-9]|20)\d{2}|\.\s+[A-ZÀ-ÞĀ-ŽȘȚ][\w'’ /-]{1,30}?,?\s+(?:1[5-9]|20)\d{2})"
    r"\s*[.,]?\s*(?:(?:in|i|dans|en|em|w|In)\s*:?\s+)?(?P<rest>\S.+)$")

_TRANSLATION_LABEL = (r"(?:Traduction|Traducci[óo]n|Tradu[çc][ãa]o|Traduzione|Übersetzung|Przekład|Překlad|Översättning|"
                      r"Oversættelse|Oversettelse|Çeviri|Hon'yaku|Hon’yaku|Translation|Vertaling)(?:\s+[^:]{1,40})?")
# (a name's words capitalised, or an Arabic article before one: "Ǧamāl al-Dīn Qaṭṭān")
_TRANSLATION_RE = re.compile(rf"^{_TRANSLATION_LABEL}\s*:\s*(?P<name>(?:(?:al-|el-|ad-|ibn\s|bin\s)?[^\W\d_a-z][\w'’.-]*\s?){{1,5}}?)(?:\s+cho)?\s*,\s+(?P<rest>\S.+)$")
_TRANSLATED_NOTE_RE = re.compile(r",\s+(?:aus dem \w+(?: übersetzt)?|traduit de l['’]\w+|translated from(?: the)? \w+|traducido del \w+|"
                                 r"uit het \w+(?: vertaald)?|tradotto dall?['’]?\s?\w+|z języka \w+)(?=[,.])")

_TRANSLATED_NOTE_CUE_RE = re.compile(r"bersetzt|ranslated from|aus dem |uit het |traduit de|traducido del|tradotto dal|z języka")

# the co-authors noted before an own entry, in the CV's language: "(mit Jonas Reichelt) Title, …"
LEADING_CO_AUTHOR_NOTE_RE = re.compile(r"^\s*\(\s*(?:joint(?:ly)?\s+)?(?:with|mit|avec|con|com|met|med|z|insieme a|zus\.\s+mit|"
                                       r"zusammen mit)\s+([^()]{2,200})\)\s*(?=[A-ZÀ-Þ0-9\"“‘«„])")
# an own edited volume's mark heading the entry: "(dir.), Les frontières …", "(a cura di) Città …", "(ed.) Göç …"
_EDITOR_MARK_HEAD_RE = re.compile(r"^\((?:dir|éd|ed|eds|Hg|Hgg|Hrsg|a cura di|coord|coords|org|orgs|red|eds?\.?)\.?\)\s*[,:]?\s+(?=\S)")
# "Hg. (zus. mit Thomas Wiegand): Title", "(spoluautor: Tomáš Beneš) Title": co-editors and co-authors noted
_NOTED_WITH_RE = re.compile(r"^(?:(?:Hg|Hrsg|Ed|Eds|Dir|Red)\.\s+)?\(\s*(?:zus\.\s+mit|zusammen mit|spoluautor(?:ka|ky|é)?\s*:|"
                            r"współautor(?:ka|zy)?\s*:|co-?author(?:s)?\s*:|coautor(?:es|a)?\s*:)\s*([^()]{2,200})\)\s*:?\s*(?=\S)")
# a status closing the entry in the CV's language
_STATUS_TAIL_RE = re.compile(r"[.,]\s*(?:V tisku|v tisku|Under utgivning|under utgivning|under udgivelse|under publisering|"
                             r"aceito para publicação|im Erscheinen|in Vorbereitung|in corso di pubblicazione|baskıda|"
                             r"Baskıda|w przygotowaniu|v přípravě)\.?\s*$")


def rewrite_notes(text: str) -> str:
    """Marks and notes of an own entry the parser reads in their English form: the editor's mark
    at its head goes, a co-author note becomes "(with …)", a status in the CV's language "In press"."""
    text = _EDITOR_MARK_HEAD_RE.sub("", text, count=1)
    noted = _NOTED_WITH_RE.match(text)
    if noted:
        text = f"(with {noted.group(1).strip()}) {text[noted.end():]}"
    return _STATUS_TAIL_RE.sub(". In press.", text)


_CUE_RE = re.compile(rf"^(?:{_ENTRY_LABEL}|{_REVIEW_LABEL}|{_TRANSLATION_LABEL}\s*:|[{_OPEN}][^{_CLOSE}]{{1,120}}[{_CLOSE}]\s+(?:maddesi|s\.v\.))")


def rewrite_cv_kind(text: str) -> str:
    if not _CUE_RE.match(text):
        return _TRANSLATED_NOTE_RE.sub("", text) if _TRANSLATED_NOTE_CUE_RE.search(text) else text
    entry = _ENTRY_RE.match(text) or _ENTRY_BARE_RE.match(text) or _ENTRY_AFTER_RE.match(text)
    if entry:
        return f"“{entry.group('word').strip()},” in: {entry.group('rest')}"
    review = _REVIEW_RE.match(text)
    if review:
        return f"“{review.group('title').strip(' ,.')},” {review.group('rest')}"
    translation = _TRANSLATION_RE.match(text)
    if translation:  # (the translated work's author is the work's)
        return f"{translation.group('name').strip()}: {_TRANSLATED_NOTE_RE.sub('', translation.group('rest'))}"
    return text
