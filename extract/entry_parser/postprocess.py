"""From tagged tokens to fields: spans -> people (given/family), year/date, venue, ids, pages.

Rules only where they are reliable: the year must look like a year, ids and URLs come from
`extract.fields.ids`, an author span holding several people ("A and B") is split by
`split_author_list`, a venue loses its "In"/"Proc. of" lead and trailing volume/pages.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, Optional

from extract.entry_parser.doctokens import doc_text, token_texts
from extract.fields.dates import DATE_PHRASE_RE, YEAR_RE, find_year, parse_date
from extract.fields.text import QUOTE_PAIRS, strip_wrapping_quotes
from extract.fields.ids import DOI_RE, URL_RE, find_arxiv, find_doi, find_openreview, find_urls
from extract.fields.names import (
    LEADING_CONJUNCTION_RE, NATURAL_NAME, PARTICLES, PINYIN_FAMILIES, family_first_split, invert_name, is_organisation_name,
    is_particle, looks_like_name, split_author_list, strip_markers,
)
from extract.fields.sections import PUBLICATION_STATUS
from extract.fields.venues import clean_venue
from extract.ingestors.base import Entry
from schemas.models import Author

# tokens a field may span across when the tagger broke it ("Title: Subtitle", "Phys. Rev.")
_GLUE = {":", ".", "-", "–", "—", "?", "!", ",", "&", "/", "'", "’", '"', "“", "”"}
_PAGES_RE = re.compile(r"\b(?:pp?\.|pages?|S\.)\s*(\d{1,6})\s*(?:[-–—]+|to)\s*(\d{1,6})\b", re.I)
_BARE_PAGES_RE = re.compile(r"(?<![\d./])(\d{1,6})\s?[-–—]{1,2}\s?(\d{1,6})(?![\d/])")
_VENUE_TAIL_RE = re.compile(r"(?:[,;:]?\s*\b(?:vol(?:ume)?\.?|no\.?|pp?\.|pages?)\s*[\dIVX]+\b.*$)", re.I)  # not "Novum"
_TRUNCATION_RE = re.compile(r"^(?:et\.?\s*al\.?|others|\.{3}|…)$", re.I)
_ENDS_WITH_INITIAL_RE = re.compile(r"(?:^|[\s.\-])[A-Z]$")
_BROKEN_HYPHEN_RE = re.compile(r"([a-z])- (?!and\b|or\b|to\b|und\b|et\b)([a-z])")
# a compound's own hyphen at a line end stays ("post-\nwildfire", "process-\nbased"): its first part a
# prefix, or its second a word compounds end in; any other word broken at a line end is joined
_COMPOUND_FIRST = frozenset(
    "post anti multi self co semi cross inter intra over under well low long short large small "
    "real open data model state cell time end event task human machine user cost risk energy zero few one two three "
    "first second third top mid mixed fine coarse ultra micro nano bio geo socio neuro deep rule graph text image "
    "sea land air water age gender size sex follow".split())
_COMPOUND_SECOND = frozenset(
    "based aware driven free like level scale wide specific dependent related induced term order step off up out "
    "art world class fold rich poor efficient sensitive resistant friendly oriented guided grained shot agnostic "
    "invariant preserving constrained supervised dimensional structured derived mediated associated dominated "
    "limited controlled enabled assisted related centered centred making tuning".split())


def _join_broken_hyphen(m: re.Match) -> str:
    text = m.string
    start = m.start(1)
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = m.end(2)
    while end < len(text) and (text[end].isalpha()):
        end += 1
    first, second = text[start : m.end(1)].lower(), text[m.start(2) : end].lower()
    if first in _COMPOUND_FIRST or second in _COMPOUND_SECOND:
        return f"{m.group(1)}-{m.group(2)}"
    if (text[start].isupper() and len(first) >= 6 and len(second) >= 5
            and not re.match(r"(?:ments?|tions?|sions?|ings?|ness|ities|ity|ances?|ences?|able|ible|ally|ical|ives?|ous|olog|ated|ations?|"
                             r"izations?|ized|ised|isms?|ists?|ures?|ology|ologies|ial|ian|ic|ers?|ors?|ies|s?ational|tional|ional)$", second)):
        return f"{m.group(1)}-{m.group(2)}"  # "Mediterranean-\nclimate": a name and a word
    return f"{m.group(1)}{m.group(2)}"
_DIGIT_RANGE_RE = re.compile(r"\d\s?[-–—]")
_ARXIV_ID_RE = re.compile(r"\barxiv\s*:\s*\S+", re.I)


_TITLE_VERSION_TAIL_RE = re.compile(r"\s*\((?:version|vers\.|v\.?|release)\s?\d[\w.-]{0,12}\)$", re.I)
_TITLE_DESCRIPTOR_RE = re.compile(
    r"\s*\[(?:doctoral|master'?s|ph\.?\s?d|data\s?set|computer|software|video|audio|podcast|unpublished|preprint|"
    r"conference|poster|abstract|paper presentation|tesis|tese|thèse|tesi|disertación|dissertação|dissertation|thesis|"
    r"trabajo de fin|mémoire|case reports?|letter|editorial|commentary|erratum|corrigendum|review|perspective|"
    r"in (?:chinese|japanese|korean|russian|german|french|spanish|portuguese|italian|polish|turkish))\b[^\]]{0,80}\]?\s*$", re.I)
# the same descriptors, and notes, in parentheses closing a title: "(Tesis doctoral)",
# "(Doctoral dissertation, Univ. X)", "(arXiv:2301.01234v2 [cs.CL])", "(Best Paper Award)", "(Oral)"
_TITLE_NOTE_TAIL_RE = re.compile(
    r"\s*[(\[](?:(?:doctoral|master'?s|ph\.?\s?d\.?|bachelor'?s|msc|m\.sc\.|diploma)\s+(?:dissertation|thesis)\b[^()]{0,80}"
    r"|tesis(?: doctoral| de (?:maestría|licenciatura|grado))?|tese(?: de doutorado| de mestrado)?|thèse(?: de doctorat)?|"
    r"dissertation|doktorarbeit|tesi di (?:dottorato|laurea)"
    r"|arxiv:\s?\d{4}\.\d{4,5}(?:v\d+)?(?:\s*\[[\w.-]+\])?"
    r"|(?:best|outstanding|distinguished)\s+(?:student\s+)?(?:paper|poster|demo|artifact)(?:\s+(?:award|honou?rable mention|runner[- ]up))?"
    r"|(?:oral|spotlight|contributed talk|invited talk|poster)(?: presentation)?(?:,\s*top\s[\d.]+\s?%)?"
    r"|report|technical report|white paper|policy brief"
    # an invited piece's kind: "(invited survey)", "[invited commentary]"
    r"|invited (?:survey|commentary|review|paper|article|chapter|contribution|perspective)|commentary|editorial"
    # which version of the work the entry lists: "(journal version)", "(full version)"
    # (a CV's note, no part of the title: "(extended version)" is often the title's own, as DBLP keeps it)
    r"|(?:journal|conference) version"
    # a statistics journal's discussion paper: "(with discussion)", "(with rejoinder)"
    r"|with (?:a )?(?:discussion|discussions|comments|rejoinder))[)\]]\s*$", re.I)
# (a word of four letters or more inside: "[O III]" or "[C II]" closing an astronomy title stays)
_TITLE_BEFORE_WITH_NOTE_RE = re.compile(
    r"((?:[^.;—–()\[\]]|(?<=\d)[–-](?=\d)){1,80}?)\s[—–]\s*(?:(?:joint(?:ly)?\s+)?with\s+[A-ZÀ-ÞĀ-ŽȘȚ]|(?:sole|single|solo)[- ]author)")
_DANGLING_AUTHOR_NOTE_RE = re.compile(
    r"\s*[—–]\s*(?:(?:joint(?:ly)?\s+)?with|(?:sole|single|solo)[- ]author(?:ed)?)\.?$", re.I)
_WITH_NOTE_RE = re.compile(r"(?:,|\s\(|\s\[|\s[—–]|\.)\s*(?:joint(?:ly)?\s+|joint work\s+|co-?(?:edited|authored|written)\s+)?with\s+(?=[A-ZÀ-ÞĀ-ŽȘȚ])")
_TRAILING_BRACKET_RE = re.compile(r"\s*\[(?=[^\[\]]*[^\W\d_]{4})[A-ZÀ-Þ][^\[\]]{2,300}\]?\s*$")
_EDITION_AFTER_RE = re.compile(r"[.,]?\s*(?:\.\s*)?(?:,?\s*(?:überarb|erw|aktualisierte|rev|verb|neu\w*|korr|durchges\w*|vermehrte|"
                               r"erweiterte|verbesserte|bearb\w*)\.?,?\s*(?:(?:und|u\.)\s+\w+\.?\s*)?)?"
                               r"(?:Aufl|ed\b|edn\b|edition|éd|Auflage|druk|wyd|uppl|vyd|baskı)", re.I)
# an edition the title span took along: "Women and the Poor Law. 3rd edn", "…, 2e éd", "… 2nd ed"
_EDITION_TAIL_RE = re.compile(r"[.,]\s+\d{1,2}(?:st|nd|rd|th|e|ème|ª|a|\.)?,?\s*(?:(?:rev|revised|überarb|erw)\.?,?\s*)?"
                              r"(?:edn|ed|éd|edition|édition|Aufl(?:age)?|edición)\.?$", re.I)
# an edition, a translator or an editor named after the title (the title span took them along):
# "(2e druk)", "Übers. von Frank Hermes", ", trad. it. di M. Conti", "(trad. de Pilar Ortega)", ". Tradução
# de Lúcia Mendes", ", translated by R. F. Mason", ". Neu hrsg. von …", ", çev. …", ". Přel. …"
_TITLE_EDITION_BRACKET_RE = re.compile(r"\s*\(\d{1,2}(?:e|de|ste|st|nd|rd|th|\.|ª)?,?\s+(?:[\w.]+\s+)?"
                                       r"(?i:druk|ed\.?|edn\.?|edition|éd\.?|édition|edición|edizione|Aufl\.?|Auflage|uppl\.?|wyd\.?|vyd\.?|baskı)\)$")
_TITLE_TRANSLATOR_TAIL_RE = re.compile(
    r"(?:[.,;]\s+|\s*\(\s*)(?:(?i:trad\.?(?:\s+(?:it|fr|es|ingl|ted)\.)?\s+(?:di|de|da|by|par)|trad\.\s+(?:it|fr|es|ingl|ted|angl|all)\.(?=\s)|traducción de|traduzione di|tradução de|"
    r"traduit(?:\s+de\s+l['’]\w+)?\s+par|trans(?:lated)?\.?(?:\s+from\s+the\s+\w+)?\s+by|übers(?:etzt)?\.?(?:\s+von|\s+v\.)?|"
    r"aus dem \w+ (?:übersetzt|übers\.)\s+von|(?:neu\s+)?hrsg\.?\s+von|herausgegeben von|tłum\.|przeł\.|přel\.|přeložil[a]?|"
    r"çev\.|çeviren|vertaald door|vert\.\s+door|övers\.|översatt av))(?:\s+[^()]{1,120}?)?\)?$")
_TITLE_THESIS_TAIL_RE = re.compile(
    r",\s+(?i:tesi di (?:dottorato|laurea)|praca (?:doktorska|magisterska|habilitacyjna)|doktora tezi|yüksek lisans tezi|"
    r"thèse de doctorat|tesis doctoral|tese de doutorado|dissertação de mestrado|diss(?:ertation)?\.?|disertační práce|"
    r"dizertační práce|diplomová práce|proefschrift|doctoral thesis|ph\.?\s?d\.? thesis|doctoral dissertation)\b.*$")
_EDITION_NUMBER_END_RE = re.compile(r"[.,]\s*(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|revised|neu\w*)\.?$", re.I)
_LAW_REVIEW_END_RE = re.compile(r",\s\d{1,4}\s[A-Z][\w.]{0,12}$")
# GB/T 7714 document-type marks: [J] journal, [M] book, [C] proceedings, [D] thesis, [R] report …
_GBT_MARK_RE = re.compile(r"\[(?:J|M|C|D|R|N|P|S|Z|A|G|K|EB/OL|J/OL|M/OL|DB/OL|CP/OL)\]")
_GBT_MARK_TAIL_RE = re.compile(r"\s*\[(?:J|M|C|D|R|N|P|S|Z|A|G|K|EB/OL|J/OL|M/OL|DB/OL|CP/OL)\]?(?://.*)?$")
_PINYIN_PAIR_RE = re.compile(r"[A-Z][A-Za-z]{0,5} [A-Z][a-z]{1,8}(?:-?[a-z]{2,8})?")
_CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")
# GOST 7.1/7.0.5: " // " starts the source, " / " the responsibility, " : " a lower-case
# designation ("монография", "дис. … канд.", "сб. науч. тр.")
_GOST_TITLE_END_RE = re.compile(r"\s//\s?|\s/\s|\s:\s(?=[a-zа-яё])")
_GOST_SOURCE_RE = re.compile(r"//\s*([^/]{2,200}?)\s*(?=\s:\s[a-zа-яё]|\s/\s|\.\s+(?:(?:19|20)\d\d|[–—-]|[ТT]\.|№|Vol|[СS]\.)|$)")
_THESIS_HEAD_RE = re.compile(r"^(?:(?:ph\.?\s?d\.?|m\.?\s?sc\.?|m\.?\s?a\.?|master'?s|doctoral|b\.?\s?sc\.?|diploma)\s+)?"
                             r"(?:thesis|dissertation)\s*:\s*[\"“]?", re.I)
_GROUP_AUTHOR_HEAD_RE = re.compile(r"^(?:(?:[A-Z][\w'’-]*|and|of|for|the|on|in|&)\s){0,11}(?:Investigators|Consortium|Collaborat\w+|Study Group|"
                                   r"Working Group|Group|Team|Network|Committee|Society|Initiative|Organi[sz]ation|Association|"
                                   r"Agency|Bureau|Board|Ministry|Council|Commission|Federation|Foundation)\.\s+(?=[A-Z0-9])")
_CLOSING_PUBLISHER_BRACKET_RE = re.compile(r"\s+\((?:[A-Z][\w'’.-]*\s){1,3}(?:Academic|Press|Publishers?|Publishing|Books|University Press|"
                                           r"Verlag|Editions|Scientific|Science|Medical|Media|Group|Ltd\.?|Inc\.?)\)$")
_YEAR_COLON_HEAD_RE = re.compile(r"^(?:1[5-9]|20)\d{2}[a-z]?:\s+(?=\S)")
_VOLUME_TAIL_RE = re.compile(r",\s+vols?\.?\s+(?:[IVXLC]{1,6}|\d{1,2})$")
_PLACE_ONLY_BRACKET_TAIL_RE = re.compile(
    r"\s+\((?:Oxford|Cambridge(?:,\s?MA|,\s?Mass\.)?|London|Paris|Berlin|Leipzig|Rome|Roma|Princeton|New Haven|Chicago|Baltimore|"
    r"Ithaca|Leiden|Stuttgart|Munich|München|Göttingen|Heidelberg|Tübingen|Cambridge|Edinburgh|Toronto|Berkeley|New York|"
    r"Amsterdam|Madrid|Milan|Milano|Florence|Firenze|Vienna|Wien|Bonn|Basel|Zürich|Zurich|Lyon|Brussels|Bruxelles)\)$")
_DEGREE_THESIS_TAIL_RE = re.compile(r"\.\s+(?:Habilitation|Ph\.?\s?D\.?|Doctoral|Master'?s|M\.?\s?Sc\.?|B\.?\s?Sc\.?|Bachelor'?s|Diploma|Licentiate)\s+"
                                    r"(?:thesis|dissertation)\b.*$", re.I)
_DEGREE_TAIL_RE = re.compile(r"\.\s+(?:M\.?\s?Sc|M\.?\s?A|M\.?\s?Phil|Ph\.?\s?D|B\.?\s?Sc|B\.?\s?A|M\.?\s?Eng|MRes|Master'?s?|Doctoral|Bachelor'?s?|Honours)\.?$")
_STANDARD_NUMBER_TAIL_RE = re.compile(r"\b(?:ISO|IEC|EN|BS|DIN|ASTM|ANSI|NF|UNE|JIS|CSA|AS|NZS|SAE|IEEE Std|ISO/IEC|ISO/TS|ISO/TR|IEC/TS|IEC/TR)"
                                      r"(?:[ /](?:EN|ISO|IEC|TS|TR))*\s?\d[\d.-]*(?:-\d+)*:\s?$")
_ORGANISATION_HEAD_RE = re.compile(r"^((?:(?:[A-Z][\w'’&-]*|for|of|and|the|on|in|&)\s){1,9}[A-Z][\w'’-]*)\.\s+(?=[A-Z0-9])")
_COUNTRIES = (
    "USA|U\\.S\\.A\\.|UK|U\\.K\\.|Brazil|Mexico|Canada|Argentina|Chile|Peru|Colombia|Bolivia|Ecuador|Venezuela|Uruguay|"
    "Paraguay|Cuba|China|India|Japan|Korea|Taiwan|Vietnam|Thailand|Indonesia|Malaysia|Philippines|Pakistan|Bangladesh|"
    "Nepal|Iran|Iraq|Turkey|Israel|Egypt|Morocco|Algeria|Tunisia|Nigeria|Ghana|Kenya|Ethiopia|Tanzania|Uganda|"
    "South Africa|Australia|New Zealand|Russia|Ukraine|Poland|Germany|France|Spain|Portugal|Italy|Greece|Austria|"
    "Switzerland|Sweden|Norway|Finland|Denmark|Iceland|Ireland|Scotland|England|Wales|Belgium|the Netherlands|Netherlands|"
    "Hungary|Romania|Bulgaria|Croatia|Serbia|Czech Republic|Slovakia|Slovenia|Estonia|Latvia|Lithuania|Mongolia|"
    "Kazakhstan|Saudi Arabia|Oman|Yemen|Antarctica|Greenland|Alaska|Siberia|Patagonia|Sahara")
_COUNTRY_AFTER_RE = re.compile(
    rf"\s*,\s*((?:(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Central|Northern|Southern|Eastern|"
    rf"Western)\s)?(?:{_COUNTRIES}))(?=\s*[,.;:(]|\s*$)")
_ACCESS_OR_REPRINT_RE = re.compile(r"\b(?:[Rr]etrieved|[Aa]ccessed|\[[Cc]ited|[Rr]eprint(?:ed)?,?\s|[Rr]epr\.)")
_ROLE_WORD_RE = re.compile(r"(?i:inventors?|assignees?|editors?|eds?|translators?|compilers?|directors?|producers?|"
                           r"illustrators?|contributors?|authors?|et al|and others)")
_ORGANISATION_NAME_RE = re.compile(
    r"\b(?:Bureau|Board|Organi[sz]ation|Agency|Office|Department|Ministry|Institute|Council|Commission|Association|"
    r"Foundation|Cent(?:er|re)s?|Committee|Corporation|Corp\.|Inc\.?|Ltd\.?|GmbH|Consortium|Collaboration|Survey|"
    r"Administration|Authority|Programme|Secretariat|Agency|Service|Services|Laboratory|University|"
    r"Observatory|Directorate|Federation|Bank|Fund)\b")
# the reference's head up to its date: "World Health Organization. (2016).", "HydroSim Consortium. (2018)."
_CORPORATE_HEAD_RE = re.compile(r"^\s*(?:\[\d{1,4}\]\s*|\d{1,4}\.\s+)?((?:[A-Z][\w&.'’-]*|of|for|and|the|on|de|du|des|für)(?:\s(?:[A-Z][\w&.'’-]*|of|for|and|the|on|de|du|des|für)){0,9})"
                                r"\.?\s*(?:\(\s*(?:(?:19|20)\d{2}[a-z]?|n\.\s?d\.)[^()]{0,20}\)|(?:19|20)\d{2}[a-z]?\.)")
_CORPORATE_WORD_RE = re.compile(r"\b(?:International|Organi[sz]ation|Statistics|Education|Health|Society|Group|Network|Institute)\b")
_PAREN_PUBLISHER_TAIL_RE = re.compile(r"\s*\(((?:[A-Z][\w&.'’-]*\s?){1,4}(?:Press|Publishers?|Publishing|Verlag|Books|Academic|Scientific|Editions))\)$")
_REPORT_NUMBER_TAIL_RE = re.compile(
    r"\s*\((?:(?:[A-Z][\w.&-]*\s){0,4}(?:Report|Rep\.|Document|Doc\.|Paper|Brief|Memo(?:randum)?|Bulletin|Publication|"
    r"Pub\.|Series)\b[^()]{0,30}\d[^()]{0,20}|[A-Z]{2,8}[ -]?(?:19|20)\d{2}\s?[-–]\s?\d{1,4}[A-Za-z]?)\)$")
_VERSION_TAIL_RE = re.compile(r"(?:\.\s+|\s*\()(?:(?:R|Python|Julia|Stata|MATLAB)\s+package\s+)?(?:version|v)\s?\d[\w.-]{0,20}\)?$", re.I)
# what goes before a title but is no part of it: a publication status in the year's place
# ("Forthcoming. Serial verbs …"), an abstract or poster number ("Abstract 1423: …", "P-217 …")
_TITLE_HEAD_MARK_RE = re.compile(
    r"^(?:(?:forthcoming|in press|to appear|under review|submitted|accepted)\.\s+"
    r"|abstract\s+(?:no\.?\s*|nr\.?\s*)?[A-Z]{0,3}-?\d{1,5}[A-Z]?(?:-\d{1,5})?\s*[:.]\s+"
    # a poster code is one capital, a hyphen and a number, case-sensitive: "IL-10 signalling" stays
    r"|(?:[Pp]oster\s+)?(?-i:[A-Z]-\d{2,4}[a-z]?\s*[:.]?\s+(?=[A-Z]))"
    # the end of a truncated author list read into the title: "и др.", "et al.", "u. a."
    r"|(?:и\s?др|et\s?al|u\.\s?a|i\s?in|m\.\s?fl)\.\s*,?\s*"
    # a chapter's number in a book ("Chapter 29. Intergenerational mobility …"), a group the
    # authors wrote for ("for the Canadian Lung Oncology Group. Outcome assessment …")
    r"|(?:chapter|chap\.|kapitel|chapitre|cap[íi]tulo)\s+\d{1,3}\s*[.:—–-]\s+(?=\w)"
    r"|(?:for|on behalf of) the (?:[\w'’-]+\s){0,6}(?:group|investigators|consortium|collaborat\w+|committee|network|team)\.\s+"
    # a talk's kind before its title: "Keynote address: Place-based science …", "Invited talk: …"
    r"|(?:keynote(?: address| lecture| talk)?|invited (?:talk|lecture|review|paper|address)|plenary(?: talk| lecture)?"
    r"|contributed talk|oral presentation|poster presentation)\s*:\s+(?=\S)"
    # the group named after "et al." of a collaboration paper: "(IceTrack Collaboration), Search for …"
    r"|[\w'’ -]{2,60}\s(?:collaboration|consortium|group|team)\)\s*,\s+(?=\S))", re.I)
# what closes a title but is no part of it: the kind of document, an edition, the editors
# ("… Expedition Report. Manuscript", "… Petri Lombardi. Edited by …", "… collections. Sous la
# direction de …", "… partitives. Mémoire en linguistique", "… prototype facility PhDThesis")
_TITLE_KIND_TAIL_RE = re.compile(
    # (after a full stop: "… in a Medieval Manuscript" and "Writing a PhD Thesis" are titles' own ends;
    # only the glued "PhDThesis" a PDF leaves needs no stop)
    r"\.\s+(?:(?:unpublished\s+)?manuscript|m[ée]moire(?:\s+(?:de|en)\s+[\w ]{2,30})?|ph\.?\s?d\.?\s?thesis|"
    r"dissertatio(?:\s+[IVX]+)?|diplomarbeit|magisterarbeit|dis\.\s+kand\.?(?:\s+\w+\.?){0,3}|дис\.(?:\s+\S+){0,4}|"
    # a manuscript's or a report's status in other languages: "Manuscrito em preparação", "Manuscrito
    # inédito", "Unveröffentlichtes Manuskript", "Manuscrit inédit", "Relatório técnico, s.d."
    r"manuscrito(?:\s+(?:em preparação|en preparación|inédito|no publicado|não publicado))?|"
    r"(?:unveröffentlichtes\s+)?manuskript|manuscrit(?:\s+(?:inédit|en préparation|non publié))?|"
    r"(?:relatório|informe|reporte|rapport)\s+técnico(?:,\s*s(?:\.\s?d\.?)?)?|rapport technique|technischer bericht|"
    r"draft available on request|(?:working paper|technical report),\s*(?:n\.\s?d|s\.\s?d)\.?)$"
    # the kind after a comma: "Title, Master's thesis" (+ ", École …")
    r"|,\s+(?:master'?s|ph\.?\s?d\.?|doctoral|bachelor'?s|diploma|licentiate)\s+(?:thesis|dissertation)$"
    r"|\s+PhDThesis$"
    # (after a full stop only: "… Early Warning Score" is a title's own end)
    r"|\.\s+(?:exh\.\s?cat|exhibition catalog(?:ue)?|score|vocal score|full score)$"
    # a report's kind and number after its title: ". Technical report", ". NCHL Technical Report 2023-04"
    r"|\.\s+(?:[A-Z]{2,8}\s+)?(?:technical report|tech\.\s?rep\.?|research report)(?:\s+(?:no\.?\s*)?[\w./-]{1,20})?$"
    r"|\.\s+(?:edited by|sous la direction de|herausgegeben von|hrsg\. von|a cura di|coordinated by)\s.{2,120}$", re.I)
_STRONG_PUBLISHER_RE = re.compile(r"\b(?:Press|Publishers?|Publishing|Verlag|Books|[ÉE]ditions?|Editora|Edizioni|Claypool|Wiley|"
                                  r"Springer|Elsevier|Routledge|Macmillan|Penguin|Blackwell|Sage|Pearson)\b")
_TITLE_PUBLISHER_TAIL_RE = re.compile(r"\.\s+((?:[A-Z][\w'’&-]*\s?){1,5}|(?:[A-Z][\w'’-]*\s)?&\s(?:[A-Z][\w'’-]*\s?){1,4})$")


# decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Thai, …) as ASCII digits,
# for reading years; the text itself keeps them
_NATIVE_DIGITS = {ord(c): str(unicodedata.digit(c)) for c in map(chr, range(0x0660, 0x1100))
                  if unicodedata.category(c) == "Nd"}


class Person(NamedTuple):
    name: str
    given: Optional[str]
    family: Optional[str]


class FieldSpan(NamedTuple):
    label: str
    start: int  # character offsets in the text
    end: int
    confidence: float  # lowest token probability in the span


class Parsed(NamedTuple):
    text: str
    spans: list[FieldSpan]
    confidence: float  # mean token probability over the entry

    @classmethod
    def empty(cls, text: str) -> "Parsed":
        return cls(text, [], 0.0)

    def confident(self, title_min: float = 0.5, author_min: float = 0.5, mean_min: float = 0.8) -> bool:
        """Sure enough to override the rules: every title and author token likely, and the
        entry as a whole tagged with high average probability."""
        title = self.first("TITLE")
        authors = [s for s in self.spans if s.label == "AUTHOR"]
        return (
            title is not None and title.confidence >= title_min and bool(authors)
            and min(s.confidence for s in authors) >= author_min and self.confidence >= mean_min
        )

    def first(self, label: str) -> Optional[FieldSpan]:
        return next((s for s in self.spans if s.label == label), None)

    def field_text(self, label: str) -> Optional[str]:
        span = self.first(label)
        return self.text[span.start : span.end] if span else None

    # ---- fields
    def title(self) -> Optional[str]:
        span = self.first("TITLE")
        if span is None:
            return None
        elided = _ELIDED_ARTICLE_RE.search(self.text, max(0, span.start - 8), span.start)
        if elided and elided.end() == span.start:
            # "PERRIN Jacques, L’" + "Atelier du philosophe": the elided article opens the title
            span = FieldSpan(span.label, elided.start(), span.end, span.confidence)
        end = span.end
        note_after = _TITLE_BEFORE_WITH_NOTE_RE.match(self.text, end)
        if note_after and not any(end <= s.start < note_after.end(1) for s in self.spans):
            # "Title — with M. Gallagher": a CV's own entry ends its title at the co-author
            # note; what the tagger left untagged before the dash ("bays: 2018–2020 synthesis") is title
            end = note_after.end(1)
        subtitle = _QUOTED_HEAD_SUBTITLE_RE.match(self.text, end)
        if subtitle and self.text[span.start - 1 : span.start] in _OPENING_QUOTES \
                and not any(end < s.start < subtitle.end(1) for s in self.spans):
            # '"Rain, rats and reporting": leptospirosis surveillance in …': a quoted head and
            # its subtitle, the tagger stopping at the quote
            end = subtitle.end(1)
            opening_quote = self.text[span.start - 1]
        else:
            opening_quote = ""
        raw = self.text[span.start : end]
        if raw.count("(") > raw.count(")"):
            # "The Four Texts (1798, 1850" + ")": the closing bracket was left outside the span
            close = re.match(r"\.?[?!]?\s?\)", self.text[end:])  # ("… (Oryza sativa L" + ".)")
            if close:
                raw = self.text[span.start : end + close.end()]
            else:  # "Title (2nd ed" lost its closing part: drop the fragment
                raw = raw[: raw.rfind("(")]
        if raw.count("[") > raw.count("]") and self.text[end : end + 1] == "]":
            raw = self.text[span.start : end + 1]  # "… traced by [O III" + "]"
        if re.search(r"\b[A-Z][a-zà-ÿ]+$", raw):
            # "… wind speed records in Pernambuco" + ", Brazil", "… impact, western Texas" + ", USA":
            # the country closing a place name belongs to the title
            country = _COUNTRY_AFTER_RE.match(self.text, end)
            if country:
                raw = self.text[span.start : country.end(1)]
                end = country.end(1)
        place = _PLACE_CLOSING_TITLE_RE.match(self.text, end)
        if place and not re.search(r"\d$", raw) and "." not in place.group(1):
            # GSA and USGS: "… of the southern Wind River Range" + ", Wyoming" + ": Geology, v. 41",
            # "… in the San Antonio area" + ", Texas" + " (Water-Resources Investigations Report …)"
            raw = self.text[span.start : place.end(1)]
            end = place.end(1)
        if re.search(r"(?<![\d,.])\d{1,3}$", raw):
            # "… resting heart rate in 250" + ",000 individuals": a number's thousands left out
            thousands = re.match(r"(?:,\d{3}(?!\d))+(?:\s+[a-z][\w-]*)*", self.text[end:])
            if thousands:
                raw = self.text[span.start : end + thousands.end()]
                end += thousands.end()
        period = re.match(r"\s*,\s*(?:1\d{3}|20\d{2})\s?[-–]\s?(?:1\d{3}|20\d{2}|\d{2})\b(?=\s*[\[(.]|:\s+[a-z])", self.text[end:])
        if period and not re.search(r"\d$", raw):
            # "Borehole temperature logs from the Oslo Rift" + ", 1975–2016 [Data set]"
            raw = self.text[span.start : end + period.end()]
            end += period.end()
        subtitle_after = _LOWER_SUBTITLE_AFTER_RE.match(self.text, end)
        if subtitle_after and not any(end <= s.start < subtitle_after.end() for s in self.spans if s is not span):
            # "… territories, 1990–2019" + ": a systematic analysis" + ".": a lower-case subtitle
            # the tagger left out is part of the title
            raw = self.text[span.start : subtitle_after.end()]
            end = subtitle_after.end()
        report_year = re.match(r",?\s(?:19|20)\d{2}(?=\s*\[(?i:internet|online)\]|:\s+[a-z])", self.text[end:])
        if report_year and not re.search(r"\d$", raw):
            # "Antibiotic use in outpatient settings, 2021 [Internet]", "Chronic pain in Australia
            # 2021: summary report": a report's year inside its title
            raw = self.text[span.start : end + report_year.end()]
            end += report_year.end()
        range_end = re.match(r"[-–](?:(?:1[89]|20)\d{2}|\d{2})(?=\.\s+[A-Z])", self.text[end:])
        if range_end and re.search(r"\b(?:1[89]|20)\d{2}$", raw):
            # "… outlook 2021" + "–2050. Report to …": the range's end left outside
            raw = self.text[span.start : end + range_end.end()]
            end += range_end.end()
        tail_year = re.match(r"\s((?:1[89]|20)\d{2}(?:\s?[-–]\s?(?:(?:1[89]|20)\d{2}|\d{2}))?)(?=\.\s+[A-Z])", self.text[end:])
        if tail_year and (re.search(r"\b(?:in|of|for|since|from|to|during|until|by|outlook|through|spring|summer|autumn|fall|winter)$", raw, re.I)
                          or "–" in tail_year.group(1) or "-" in tail_year.group(1)):
            # "… off the west coast of North America in" + " 2020. NOAA …", "… outlook" + " 2021–2050.":
            # a year or period that ends the title, not the work's date
            raw = self.text[span.start : end + tail_year.end(1)]
            end += tail_year.end(1)
        species = re.match(r"\s\(([A-Z][a-z]+\s[a-z]+(?:\s[A-Z][a-z]*\.?)?)\)(?=\.?\s|$)", self.text[end:])
        if species and not raw.endswith(")"):
            # "… grain quality of rice" + " (Oryza sativa L.)": the species closes the title
            raw = self.text[span.start : end + species.end()]
            end += species.end()
        if re.search(r"\b\d{1,2}$", raw):
            # German ordinals: "… Mecklenburgs im 18" + ". Jahrhundert", "… nach dem 2" + ". Weltkrieg"
            ordinal = _GERMAN_ORDINAL_NOUN_RE.match(self.text, end)
            if ordinal:
                raw = self.text[span.start : ordinal.end()]
                end = ordinal.end()
        if re.search(r"\b1\d{3}$", raw):
            # "… in the Levant, 1700" + "–1800": a period's closing year left outside the span
            closing = re.match(r"\s?[-–—]\s?(?:1\d{3}|\d{2})\b(?![-–—/.]\d)", self.text[end:])
            if closing:
                raw = self.text[span.start : end + closing.end()]
        opening = self.text[span.start - 1 : span.start] if span.start else ""
        if opening in QUOTE_PAIRS:
            # "'Die Gesetze des Luftwiderstandes,' Flug- und Motortechnik": the quotation closed
            # after its comma, and what the span ran on into is the journal
            closing = re.search(rf"[,.]{re.escape(QUOTE_PAIRS[opening])}(?=\s)", raw)
            if closing and len(raw[: closing.start()].split()) >= 2:
                raw = raw[: closing.start()]
        org_head = re.match(r"^((?:[A-Z][\w'’&.-]*|for|of|and|the|on|in)(?:\s(?:[A-Z][\w'’&.-]*|for|of|and|the|on|in)){1,9}),\s+(?=[A-Z])", raw)
        if org_head and _ORGANISATION_NAME_RE.search(org_head.group(1)) and len(raw[org_head.end():].split()) >= 3:
            # "World Health Organization, Global report on …, World Health Organization": the
            # issuing body around the title
            raw = raw[org_head.end():]
            tail = raw.rfind(", " + org_head.group(1))
            if tail > 0:
                raw = raw[:tail]
        org_quote = re.match(r"^([^\"“”]{3,120}),\s*[\"“](?=\S)", raw)
        if org_quote and _ORGANISATION_NAME_RE.search(org_quote.group(1)):
            # 'North American Electric Reliability Corporation, "Reliability guideline: …': the
            # issuing body heads the quoted title
            raw = raw[org_quote.end() - 1 :]
        title = raw
        for _ in range(3):  # quotes around the whole title go; a quoted phrase heading it stays
            title = strip_wrapping_quotes(title.strip(" \t*_`,;.—–-")).strip(" \t*_`,;.—–-")
        stop = span.start + len(raw)  # raw is always a slice of the text from span.start
        if title and raw.endswith(title) and self.text[stop : stop + 1] in ("?", "!"):
            title += self.text[stop]  # the model leaves end punctuation outside; a question keeps its mark
        elif title[-1:].isdigit() and raw.endswith(title):
            version = re.match(r"(?:\.\d+)+(?=[.,;]?(?:\s|$))", self.text[stop:])
            if version:  # "…: user manual, version 2" + ".1": a version number's stop is no sentence end
                title += version.group(0)
        elif re.search(r"\s(?:v|vs)$", title) and raw.endswith(title):
            # a case name's "v." is no sentence end: "Tribal Water Rights After Arizona v" + ". Navajo Nation, 99 …"
            party = re.match(r"\.\s+([A-Z][^,.;()]{1,80}?)(?=,\s|\.\s|\s\(|$)", self.text[stop:])
            if party:
                title += "." + self.text[stop + 1 : stop + party.end()]
        # "… long-term therapy. Under review, JAMA Internal Medicine", "… hospitals. Podium presentation,
        # Sigma Theta Tau …": a status or a talk's kind starts the sentence after the title
        status = _STATUS_SENTENCE_RE.search(title)
        if status and len(title[: status.start()].split()) >= 3:
            title = title[: status.start()]
        # "Data from: … latitude. Dryad Digital Repository": the archive holding a data set
        repository = _TRAILING_REPOSITORY_RE.search(title)
        if repository and len(title[: repository.start()].split()) >= 3:
            title = title[: repository.start()]
        # IEEE's report: "Technical Guidelines for …, Electric Power" + " Research Institute, Palo
        # Alto, …, Tech. Rep. …": the issuing body after a comma, its name run on past the title
        issuer = title.rfind(", ")
        if issuer > 0 and len(title[:issuer].split()) >= 4:
            body = title[issuer + 2 :] + re.match(r"[^,.;()]*", self.text[stop:]).group(0)
            if _ORGANISATION_NAME_RE.search(body) and len(body.split()) <= 8 and body[:1].isupper() \
                    and re.match(r"[^,.;()]*,\s*(?:[A-Z][\w. ]{1,30},\s*)*(?:[A-Z]{2}\b|USA|UK|Tech|Rep|Report|\d)", self.text[stop:]):
                title = title[:issuer]
        access = _ACCESS_SENTENCE_RE.search(title)
        if access and len(title[: access.start()].split()) >= 3:
            title = title[: access.start()]
        # a note's book details run into its title: ", 2nd ed.", ", 2 vols", ", trans. by Margaret Holt"
        detail = _TITLE_BOOK_DETAIL_RE.search(title) if ("," in title or "." in title) else None
        if detail and len(title[: detail.start()].split()) >= 2:
            title = title[: detail.start()]
        elif re.search(r",\s*\d{1,2}$", title) and re.match(r"\s*vols?\b", self.text[stop:]):
            title = re.sub(r",\s*\d{1,2}$", "", title)  # "Cotton and Credit, 2" + " vols (Ibadan: …)"
        # a line-break hyphen the scrape kept: "Invest- ments" -> "Investments"
        title = _BROKEN_HYPHEN_RE.sub(_join_broken_hyphen, title)
        # a Vancouver group author after the people ("…, Greer AL; Brightwater Cohort
        # Investigators. Sleep duration …") is no part of the title
        # (or heading the entry: "SPRINT-CKD Investigators. Intensive blood pressure …")
        if self.text[: span.start].rstrip().endswith(";") or not re.search(r"[^\W\d_]", self.text[: span.start]):
            title = _GROUP_AUTHOR_HEAD_RE.sub("", title)
            body = _ORGANISATION_HEAD_RE.match(title)
            if body and _ORGANISATION_NAME_RE.search(body.group(1)) and len(title[body.end():].split()) >= 3:
                title = title[body.end():]  # "National Institute for Health and Care Excellence. Hypertension …"
        if title.startswith("d. ") and self.text[: span.start].rstrip().endswith("n."):
            title = title[3:]  # "Jensen, L.B., n.d. Title": APA's "no date" split at its stop
        if "hesis" in title or "issertation" in title:
            title = _DEGREE_THESIS_TAIL_RE.sub("", title)  # "… Enhancement. Habilitation thesis (HDR)"
        degree = _DEGREE_TAIL_RE.search(title) if "." in title else None
        if degree and re.match(r"\s+(?i:thesis|dissertation|diss\.)", self.text[stop:]):
            title = title[: degree.start()]  # "… in the Mekong Delta. MSc" + " thesis, Lowlands …"
        if title[:2] in ("19", "20") and _STANDARD_NUMBER_TAIL_RE.search(self.text, max(0, span.start - 40), span.start):
            # "EN 17845:" + "2021 Railway applications – …": the standard's edition year, not the title's
            title = re.sub(r"^(?:19|20)\d{2}[,.]?\s+", "", title)
        if title[:1].isdigit() and title[:4] == (self.field_text("YEAR") or "")[:4]:
            title = _YEAR_COLON_HEAD_RE.sub("", title)  # "Berger, M./Lang, S. 2006: Keramik aus …": the year's colon
        if "vol" in title:
            title = _VOLUME_TAIL_RE.sub("", title)  # OSCOLA's "Commentaries on the Law of Trusts, vol II"
        if title.endswith(")"):
            title = _PLACE_ONLY_BRACKET_TAIL_RE.sub("", title)  # "Tyranny and Its Critics in Archaic Greece (Oxford)"
        if title.endswith(")") and not self.text[stop:].strip(" ."):
            # Cell's book: "… the Shape of Evolution (Fennwick Academic)." — the publisher closing the entry
            title = _CLOSING_PUBLISHER_BRACKET_RE.sub("", title)
        title = _THESIS_HEAD_RE.sub("", title)
        title = _TITLE_HEAD_MARK_RE.sub("", title)
        # APA's bracketed description is no part of the title: "… processes [Doctoral dissertation"
        title = _TITLE_DESCRIPTOR_RE.sub("", title)
        if title[-1:] in "[(" or title.endswith(")"):
            # "… imagery (Version 1) [" + "Data set]": an opening bracket whose inside the tagger left
            # out, and APA's version of a data set or program, are no part of the title
            title = _TITLE_VERSION_TAIL_RE.sub("", re.sub(r"\s*[\[(]$", "", title))
        title = _TITLE_NOTE_TAIL_RE.sub("", title)
        # Vancouver's article-type mark: "… in the ICU\" [letter]", "[editorial]", "[erratum]"
        title = re.sub(r"\s*\[(?i:letter|editorial|comment|commentary|erratum|correction|reply|news|abstract|map|video|podcast|poster|slides)\]$", "", title)
        # the last author's suffix the tagger left to the title: "Crane III. Lightweight attestation …"
        suffixed = re.match(r"(?:[A-Z][\w'’-]+\s)?(?:Jr|Sr|II|III|IV)\.\s+(?=[A-Z])", title)
        if suffixed and len(title[suffixed.end():].split()) >= 3 and re.search(r"(?:,|\band|\b[A-Z]\.)$", self.text[: span.start].rstrip()):
            title = title[suffixed.end():]
        # a meeting abstract: "… with GRACE-FO. Abstract H23A-05 presented" + " at AGU Fall Meeting"
        title = re.sub(r"\.\s+(?:Abstract|Poster|Paper)\s+[A-Z]{0,4}\d[\w-]*\s+presented$", "", title)
        # "…, EGU General Assembly 2021": the meeting the abstract was given at
        meeting = _MEETING_TAIL_RE.search(title)
        if meeting and len(title[: meeting.start()].split()) >= 3:
            title = title[: meeting.start()]
        # a report's number closing its title: "(ERIC Document No. ED376112)", "(OPRE Report 2016-45)"
        title = _REPORT_NUMBER_TAIL_RE.sub("", title)
        # a book's place the span took along: "…Billy Graham and John Stott, Downers Grove" +
        # ": IVP Academic, 2013", "…aus den Jahren 1088-1100, Hildesheim u" + ".a. 1973"
        if re.match(r"\s*:\s*[A-ZÀ-Ý]|\.a\.\s", self.text[stop:]) and not _GSA_JOURNAL_RE.match(self.text, stop):
            place = re.search(r"[,.]\s+(?:[A-ZÀ-Ý][\w'’-]+(?:/[A-ZÀ-Ý][\w'’-]+)*\s?){1,3}(?:u)?$", title)  # "Berlin/Boston"
            if place and len(title[: place.start()].split()) >= 3:
                title = title[: place.start()]
        # "Taʾrīkh al-ṭibāʿa fī Miṣr. Cairo: Dār al-Shurūq": the book's imprint read into its title
        imprint = _IMPRINT_IN_TITLE_RE.search(title)
        if imprint and len(title[: imprint.start()].split()) >= 2 and re.match(r"\s*(?:[.,;]|$)", self.text[stop:]):
            title = title[: imprint.start()]
        # Bluebook: "Note, Regulating Drones …", "… the Courts, in THE OXFORD HANDBOOK OF …"
        title = re.sub(r"^(?:Note|Comment|Recent Case|Case Comment|Book Review|Essay),\s+(?=[A-Z])", "", title)
        title = re.sub(r",\s+in\s+(?:THE\s)?[A-Z]{2,}(?:\s[A-Z]{2,}|\s(?:OF|AND|IN|ON|THE|FOR))*\b.*$", "", title)
        title = _PAREN_PUBLISHER_TAIL_RE.sub("", title)  # Cell: "… Development (Academic Press)"
        cut = _TITLE_KIND_TAIL_RE.search(title)
        if cut and len(title[: cut.start()].split()) >= 2:
            title = title[: cut.start()]
        for tail in (_TITLE_TRANSLATOR_TAIL_RE, _TITLE_THESIS_TAIL_RE, _TITLE_EDITION_BRACKET_RE):
            cut = tail.search(title)
            if cut and len(title[: cut.start()].split()) >= 2:
                title = title[: cut.start()]
        # "…in Toscana, in" + "«Rivista …»": the container's "in" is no part of the title
        title = re.sub(r",\s+(?:in|In|en|em|dans|in:|In:)$", "", title)
        # German "Title, in: Antike und Abendland (im Druck)": "in:" always opens the container
        container = re.search(r",\s+[Ii]n:\s+\S", title)
        if container and len(title[: container.start()].split()) >= 2:
            title = title[: container.start()]
        # an economist's "Title, with A and B, revise and resubmit, Journal" / "Title (with A)":
        # the co-author note ends the title
        # ... or the note left only its dash: "Title — with" (+ " R. One."), "Title — sole author"
        title = _DANGLING_AUTHOR_NOTE_RE.sub("", title)
        note = _WITH_NOTE_RE.search(title)
        after_with = title[note.end():].split()[:2] if note else []
        if (note and note.start() > 10 and len(after_with) == 2
                and looks_like_name(" ".join(after_with).strip(",.;)]"))):  # "(with Guarantees)" stays
            title = title[: note.start()].rstrip(" ,.;:—–-")
        # "(1911) 2014. A History of …": the reprint's year read into the title
        title = re.sub(r"^(?:19|20)\d{2}[a-z]?\.\s+(?=[A-ZÀ-Þ])", "", title)
        # a translated title in brackets after the original ("Nihon no … [Analysis of …]",
        # APA's convention) or a medium mark ("[Internet]") is no part of the title
        bracket = _TRAILING_BRACKET_RE.search(title)
        if bracket and bracket.start() > 0 and (len(title[: bracket.start()].split()) >= 2
                                                or _NON_LATIN_RE.search(title[: bracket.start()])):
            title = title[: bracket.start()].rstrip(" .,:;")
        # a title in Chinese, Japanese, Korean or Cyrillic with its English translation in
        # round brackets: "深度学习在医学影像中的应用综述 (A survey of deep learning …)"
        translated = re.search(r"\s*\((?=[A-Z])[A-Za-z][^()]{10,300}\)\s*$", title)
        if translated and _NON_LATIN_RE.search(title[: translated.start()]) and not _NON_LATIN_RE.search(translated.group(0)):
            title = title[: translated.start()].rstrip(" .,:;")
        # the Chinese standard's type mark ("…检测[J", "…方法[C]//会议论文集") and GOST's areas
        # ("Title // Journal", "Title : монография / А. Автор") end the title
        title = _GBT_MARK_TAIL_RE.sub("", title)
        if "//" in title or _CYRILLIC_RE.search(title):
            title = _GOST_TITLE_END_RE.split(title, maxsplit=1)[0]
        # an edition number the span took along: "Grundlagen der Strömungsmesstechnik. 2" + " Aufl."
        if _EDITION_AFTER_RE.match(self.text[stop:]):
            title = _EDITION_NUMBER_END_RE.sub("", title)
        edition = _EDITION_TAIL_RE.search(title)
        if edition and len(title[: edition.start()].split()) >= 2:
            title = title[: edition.start()]
        # a law review's volume and abbreviation: "…Disparate Impact, 71 Stan" (+ ". L. Rev. 1021")
        title = _LAW_REVIEW_END_RE.sub("", title)
        # ADS's "…models. arXiv e-prints, art." + " arXiv:2403.05571": the server's name
        title = re.sub(r"(?<=\w)[.,]\s+(?i:arxiv)\s+e-prints?(?:,\s*(?:art|article)\.?)?$", "", title)
        # "… a multi-country analysis. Under review at Global Environ Health J": the status and
        # the journal it went to are no part of the title
        status_at = _STATUS_AT_IN_TITLE_RE.search(title)
        if status_at and len(title[: status_at.start()].split()) >= 3:
            title = title[: status_at.start()]
        # a software version or the publisher the span ran on into: "mixedsurv: … Models. R
        # package version 2", "… Discourse Coherence. Morgan & Claypool Publishers"
        title = _VERSION_TAIL_RE.sub("", title)
        # ACS books: "Principles of Surface Photochemistry; Meridian Scientific" + ": Oxford, 2016"
        if "; " in title and self.text[stop : stop + 3].lstrip().startswith(":"):
            title = title.rsplit("; ", 1)[0]
        publisher = _TITLE_PUBLISHER_TAIL_RE.search(title)
        if publisher and _STRONG_PUBLISHER_RE.search(publisher.group(1)) and len(title[: publisher.start()].split()) >= 3:
            title = title[: publisher.start()]
        title = title.strip(" ,;:")
        if opening_quote and title and title[0] not in _OPENING_QUOTES:
            title = opening_quote + title  # the quoted head keeps both its quotes
        return title or None

    def people(self) -> list[Person]:
        with_names = _co_authors_noted(self.text)
        if with_names is not None:
            # a CV's own entry, the owner implicit: '"Title" (with J. Okonjo and R. Patel), …'
            title = self.first("TITLE")
            note = _CO_AUTHORS_RE.search(self.text)
            # (names the tagger found inside the note itself are the note's, not a list before it)
            before_title = [s for s in self.spans if s.label == "AUTHOR" and title is not None and s.end <= title.start
                            and not (note is not None and note.start() <= s.start and s.end <= note.end())]
            if not before_title:
                return with_names
        authors = [s for s in self.spans if s.label == "AUTHOR"]
        if len(authors) == 1:
            whole = self.text[authors[0].start : authors[0].end].strip(" .,;")
            if (_WHOLE_ORGANISATION_RE.fullmatch(whole) and " and " in whole
                    and _ORGANISATION_NAME_RE.search(whole.rsplit(" and ", 1)[0]) and len(whole.split()) >= 4):
                # "Centers for Disease Control and Prevention": one organisation, not two people
                return [Person(whole, None, None)]
        found = self._people()
        # roles and organisations are nobody's name: "Okuda T, Ferraro L, inventors; Lumina
        # Optics Corp., assignee", "U.S. Census Bureau. 2020. …"
        people = [p for p in found if not _ROLE_WORD_RE.fullmatch(p.name.strip(" .,;")) and not _MONTH_NAME_RE.fullmatch(p.name.strip(" .,;"))
                  and not (len(p.name.split()) >= 2 and (_ORGANISATION_NAME_RE.search(p.name) or _CORPORATE_WORD_RE.search(p.name)))]
        if not people:
            # a corporate author heading the reference ("World Health Organization. (2016).",
            # "ASTM International. (2020).", "Office for National Statistics (2021)"): kept whole,
            # with no given/family split (CSL's literal name)
            corporate = self._corporate_author()
            if corporate:
                return [corporate]
        if not people and found:
            # the organisations the tagger (or _corporate_head_of_title) marked as the authors
            # ("Public Health England. Health profile …"): kept whole, as literal names
            # (only a heading author closed by its stop: "Swedish Research Council (VR) Starting
            # Grant, 2021–2025" is a grant line, no reference)
            heads = [s for s in self.spans if s.label == "AUTHOR" and re.match(r"\s*(?:[.;]|,\s*\(?(?:19|20)\d{2}|,\s*[“\"])", self.text[s.end : s.end + 8])]
            literal = [Person(p.name.strip(" .,;"), None, None) for p in found
                       if len(p.name.split()) >= 2 and (_ORGANISATION_NAME_RE.search(p.name) or _CORPORATE_WORD_RE.search(p.name))] if heads else []
            if len(literal) == 1 and len(heads) == 1:
                # the organisation as written, its acronym kept: "European Food Safety Authority (EFSA)"
                written = self.text[heads[0].start : heads[0].end].strip(" .,;")
                if written.startswith(literal[0].name) and re.fullmatch(r"\s*\([A-Z][A-Za-z&-]{1,12}\)", written[len(literal[0].name):]):
                    literal = [Person(written, None, None)]
            if literal:
                return literal
        found = people if people or not found else []
        if _GBT_MARK_RE.search(self.text):
            # GB/T 7714 writes Chinese names family first in pinyin too ("Liu Yang", "LI Hua"),
            # but a Western-order "Yaoyao Sun" stays: the family is the part that is a surname
            found = [_gbt_family_first(p) for p in found]
        return found

    def _corporate_author(self) -> Optional[Person]:
        head = _CORPORATE_HEAD_RE.match(self.text)
        if head is None:
            return None
        name = head.group(1).strip(" .,")
        if not (_ORGANISATION_NAME_RE.search(name) or _CORPORATE_WORD_RE.search(name)) or len(name.split()) > 10:
            return None
        title = self.first("TITLE")
        if title is not None and title.start < head.end(1):
            return None  # the tagger's title starts inside it: no heading author
        return Person(name, None, None)

    def _people(self) -> list[Person]:
        found = self._people_of_spans()
        # a run of initials on its own ("J." split off "García-Pardo, M. J.") is nobody; "LAO" is
        # a family name in capitals, not initials
        real = [p for p in found if not (p.family and re.fullmatch(r"(?:[A-ZА-ЯЁ]\.\s?-?){1,3}|[A-ZА-ЯЁ]", p.family))]
        return real if real else found

    def _people_of_spans(self) -> list[Person]:
        found: list[Person] = []
        authors = [s for s in self.spans if s.label == "AUTHOR"]
        if authors and _NAME_SLASH_RE.search(self.text, authors[0].start, authors[-1].end):
            # "Brenninkmeyer, Ludger/Hallstein, Eva/Stoltz, Jonas": slashes part inverted names,
            # and the tagger's spans cut across them; read the whole list
            whole = self.text[authors[0].start : authors[-1].end]
            if all(self.text[a.end : b.start].strip(" ,;/") == "" for a, b in zip(authors, authors[1:])):
                return people_in(_NAME_SLASH_RE.sub("; ", whole))
        if len(authors) >= 2 and all(re.fullmatch(r"[\s,;&.]*", self.text[a.end : b.start]) for a, b in zip(authors, authors[1:])):
            # the tagger cut a "Family, I., Family, I. y Family, I." list across its names
            # ("Quispe Mamani ," | "R. y Duarte, L"): the whole list reads cleanly by its shape
            end = authors[-1].end + (1 if self.text[authors[-1].end : authors[-1].end + 1] == "." else 0)
            whole = inverted_initials_people(strip_markers(self.text[authors[0].start : end]))
            if whole:
                return whole
        if len(authors) >= 2 and all(_LIST_GAP_RE.fullmatch(self.text[a.end : b.start]) for a, b in zip(authors, authors[1:])):
            # ABNT, DIN 1505, BibTeX: "SILVA, João Carlos; OLIVEIRA, Maria" or "García Márquez,
            # Luisa y Pérez de la Torre, Andrés", cut by the tagger at every comma: when each
            # separated chunk is one "Family, Given" the list's own separators decide
            whole = strip_markers(self.text[authors[0].start : authors[-1].end]).strip(" ,;")
            chunks = _LIST_SEPARATOR_RE.split(whole)
            if len(chunks) >= 2 and all(c.count(",") == 1 and c.split(",")[0].strip() and c.split(",")[1].strip() for c in chunks):
                return [p for p in (_inverted(c.strip()) for c in chunks) if p]
            if len(authors) == 2 and len(chunks) == 1 and whole.count(",") == 1:
                # one inverted name cut in two: "SANTOS" | "Ana Paula dos" (a family name in
                # capitals), "O'Higgins Lara" | "Diego" (a lone given name)
                family, given = (part.strip() for part in whole.split(","))
                if re.search(r"[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ɏ]{2,}", given) and all(len(w) >= 2 and not _is_initials(w) for w in family.split()) \
                        and (family.isupper() or re.fullmatch(r"[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ɏ]{2,}", given)
                             or (family.split()[0] in PARTICLES and family[:1].islower())):
                    person = _inverted(whole)
                    return [person] if person else []
        for span in self.spans:
            if span.label == "AUTHOR":
                text = self.text[span.start : span.end]
                # the model leaves punctuation outside spans; an initial keeps its period ("Nneka A.")
                if self.text[span.end : span.end + 1] == "." and _ENDS_WITH_INITIAL_RE.search(text):
                    text += "."
                found.extend(people_in(text))
        return found

    def year_and_date(self) -> tuple[Optional[int], Optional[str]]:
        span = self.first("YEAR")
        if span is not None and ("etrieved" in self.text or "ccessed" in self.text or "eprint" in self.text
                                 or "repr." in self.text or "cited" in self.text):
            span = self._year_span_before_access_or_reprint(span)
        if span is not None:
            written = self.text[span.start : span.end]
            if not written.isascii():
                written = written.translate(_NATIVE_DIGITS)  # "٢٠١٩", "۲۰۱۹", "२०१९": the same year
            m = YEAR_RE.search(written) or _EARLY_YEAR_RE.search(written)
            if m:
                year = int(m.group(1))
                return year, _date_near(self.text, span, year)
            short = re.fullmatch(r"['’](\d{2})", self.text[span.start : span.end].strip())
            if short:  # "EMNLP'23", "ICML'98": a conference's year in two digits
                yy = int(short.group(1))
                return (2000 + yy if yy <= 40 else 1900 + yy), None
        # no year tagged: the last year outside the title (a year inside the venue counts)
        title = self.first("TITLE")
        rest = self.text if title is None else self.text[: title.start] + " " + self.text[title.end :]
        if not rest.isascii():
            rest = rest.translate(_NATIVE_DIGITS)
        year = find_year(_strip_ids(rest))
        if year is None:
            short = _VENUE_SHORT_YEAR_RE.search(rest)
            if short:  # "Proc. ICML '19", "VLDB'21", "Middleware '20": a conference's year in two digits
                yy = int(short.group(1))
                year = 2000 + yy if yy <= 40 else 1900 + yy
        return year, None

    def _year_span_before_access_or_reprint(self, span: FieldSpan) -> FieldSpan:
        """A date the page was read on ("Retrieved 3 January 2018", "[cited 2020 May 1]",
        "(Accessed: 12 May 2021)") or a reprint's year ("London, 1887. Reprint, Cambridge …,
        2012"; "1923; repr. Genève …, 1978") is not the work's: the year printed before the
        marker is."""
        marker = _ACCESS_OR_REPRINT_RE.search(self.text)
        if marker is None or span.start < marker.start():
            return span
        before = [m for m in YEAR_RE.finditer(self.text, 0, marker.start())
                  if not any(t.label == "TITLE" and t.start <= m.start() < t.end for t in self.spans)]
        if not before:
            return span
        m = before[-1]
        return FieldSpan("YEAR", m.start(1), m.end(1), span.confidence)

    def venue(self) -> Optional[str]:
        """The venue found; for a body's own report, its name ("Bureau of Justice Statistics. (2021).
        Title. Washington, DC: Author." names the body as publisher)."""
        venue = self._venue_found()
        if venue is None or _PUBLISHER_IS_AUTHOR_RE.fullmatch(venue.strip()):
            people = self.people()
            body = people[0].name if len(people) == 1 and not people[0].family and is_organisation_name(people[0].name) else None
            if body:
                return body
            if venue is not None:
                return None
        return venue

    def record_venue(self) -> Optional[str]:
        """The venue `pubsift parse` prints: a bare status ("Preprint, arXiv:2402.11873, 2024") is
        no venue, the server named with it is. (A page's entry keeps the status, which the page
        reader turns into a note.)"""
        venue = self.venue()
        if venue is not None and _BARE_STATUS_VENUE_RE.fullmatch(venue) and _ARXIV_HOST_RE.search(self.text):
            return "arXiv"
        return venue

    def _venue_found(self) -> Optional[str]:
        title = self.first("TITLE")
        raw = self.field_text("VENUE")
        venue_span = self.first("VENUE")
        if raw and _BARE_SERIES_WORD_RE.fullmatch(raw.strip(" .,")):
            # "Working" + " Paper No. 2021-14, Center for Comparative Democracy": a series with no name of
            # its own, the issuer after its number is the venue
            issuer = _ISSUER_AFTER_NUMBER_RE.match(self.text, venue_span.end)
            if issuer:
                return issuer.group(1).strip()
        if raw and raw.count("(") > raw.count(")"):
            # "Occup Med (" + "Lond). 2018;": the bracketed place closing an abbreviation
            closing = re.match(r"[^()\s]{0,15}\)", self.text[venue_span.end :])
            if closing:
                raw = self.text[venue_span.start : venue_span.end + closing.end()]
        if title is not None and "//" in self.text[title.start :] and not _GBT_MARK_RE.search(self.text):
            # GOST: the source follows " // " ("… // Журнал прикладной теплофизики. 2019. Т. 26")
            source = _GOST_SOURCE_RE.search(self.text, title.start)
            if source and (not raw or source.start() < self.text.find(raw, title.start)):
                return clean_venue(source.group(1).strip(" .,;:")) or raw
        if title is not None and (not raw or _SERIES_RE.fullmatch(raw.strip(" .,")) or looks_like_name(raw.strip(" .,"))
                                  or _PUBLISHER_WORD_RE.search(raw)):
            # a chapter's venue is its book, named after the editors ("In: A. Dupont (ed.)
            # Public-Key Cryptography. LNCS …", "In The Spanish Baroque, edited by …"), where
            # the tagger took the series, an editor or the publisher
            after = self.text[title.end :]
            # a journal with a name's shape ("Speculum Novum") stays unless a chapter marker is there
            chapter = bool(re.search(r"\b(?:In|in|En|Em|W):?\s|edited by|\([Ee]ds?\.?\)|\b[Ee]ds?\.|\bHrsg\b|\bHg\.", after))
            book = _chapter_book(after) if (chapter or not raw or not looks_like_name(raw.strip(" .,"))
                                            or _SERIES_RE.fullmatch(raw.strip(" .,")) or _PUBLISHER_WORD_RE.search(raw)) else None
            if book:
                return clean_venue(book) or None
        if title is not None:
            series = _NUMBERED_PAPER_SERIES_RE.search(self.text, title.end)
            venue_span = self.first("VENUE")
            in_brackets = series is not None and self.text.rfind("(", title.end, series.start(1)) > self.text.rfind(")", title.end, series.start(1))
            # (right after the title: "Title. NBER Working Paper 9821", not a series closing a
            # publisher's imprint, "Washington, DC: World Bank; HNP Discussion Paper No. 118")
            adjacent = series is not None and re.fullmatch(r"[\s.,;:\"”’']*", self.text[title.end : series.start(1)]) is not None
            if series and adjacent and not in_brackets and (venue_span is None or venue_span.start >= series.end(1)):
                # "NBER Working Paper 9821. Cambridge, MA: National Bureau of Economic Research",
                # "CEPR Discussion Paper No. 3341, Centre for …": the numbered series is where it
                # appeared, the institution (tagged, or left untagged) its publisher
                return series.group(1)
        imprint = _VANCOUVER_IMPRINT_RE.search(self.text, title.end if title is not None else 0)
        if imprint and (not raw or _JUNK_VENUE_RE.fullmatch(raw.strip(" .,;:")) or _THESIS_KIND_ONLY_RE.fullmatch(raw.strip(" .,;[]"))
                        or (venue_span is not None and venue_span.start > imprint.start())):
            # Vancouver's "[master's thesis]. Auckland (NZ): University of Auckland; 2020", "Canberra:
            # AIHW; 2021": the publisher (or school) between the place and the year
            return imprint.group(1).strip(" ,.;")
        if raw and _SERIES_RE.fullmatch(raw.strip(" .,;")) and title is not None:
            # "In 48th International Colloquium … (ICALP 2021), volume 198 of Leibniz International
            # Proceedings in Informatics (LIPIcs)", "In: Theory of Cryptography – TCC 2021. LNCS,
            # vol. 13042": the proceedings are the venue, the series holds them
            held = _PROCEEDINGS_BEFORE_SERIES_RE.search(self.text, title.end)
            if held:
                return re.sub(r"\s+(?:19|20)\d{2}$", "", held.group(1).strip(" ,.;")) or None
        if raw and re.match(r"(?i)(?:Contribution of|A report of|Summary for)\b", raw.strip()):
            # IPCC: "In: Climate Change 2021: The Physical Science Basis. Contribution of Working
            # Group I …": the book is the sentence after "In:", the contribution note is not
            book = re.search(r"\bIn:?\s+([A-Z][^.]{3,150}?)\.\s+" + re.escape(raw.strip()[:20]), self.text)
            if book:
                return book.group(1).strip(" ,;")
        if not raw and title is not None:
            meeting = _MEETING_AFTER_TITLE_RE.search(self.text, title.start)
            if meeting:  # "Title, EGU General Assembly 2021, online, …", "… presented at AGU Fall Meeting"
                return meeting.group(1).strip(" ,.;")
        rfc = _RFC_RE.search(self.text, title.end if title is not None else 0)
        if rfc and (not raw or _JUNK_VENUE_RE.fullmatch(raw.strip(" .,;")) or re.match(r"(?i)work in progress", raw.strip())):
            # "RFC 9000, May 2021", "Internet-Draft draft-…-04, IETF, October 2023"
            return rfc.group(1) or rfc.group(2) or "RFC"
        bracketed = _BRACKETED_THESIS_RE.search(self.text)
        if bracketed:  # "[Doctoral dissertation, University of Texas at Austin]. ProQuest …": the school
            return bracketed.group(1).strip(" ,.;") or None
        if raw and (_THESIS_KIND_ONLY_RE.fullmatch(raw.strip(" .,;")) or _JUNK_VENUE_RE.fullmatch(raw.strip(" .,;"))
                    or (_NO_VENUE_HEAD_RE.match(raw) and re.match(r"\.?\s+[A-Z]", self.text[self.first("VENUE").end :]))):
            # "Master's" tagged as the venue: the school after it is the host; "Trans. Anne
            # Keller": a translator, the publisher comes after the place
            raw = None
        elif raw and raw.strip(" .,;").lower() == "preprint" and title is not None:
            # "Preprint, arXiv:2402.01987": the server named after the word is the venue
            raw = untagged_venue(self.text[title.end :]) or raw
        if title is not None and (not raw or _PLACE_ONLY_RE.fullmatch(raw.strip(" .,;"))):
            # the Romance languages' imprint: "…, vol. III, Firenze, Sansoni, 1971", "…, Paris, Fayard, 1990"
            imprint = _CITY_PUBLISHER_YEAR_RE.search(self.text, title.end)
            if imprint:
                return imprint.group(1).strip()
        if not raw:
            published = _PAREN_PUBLISHER_TAIL_RE.search(self.text.rstrip(" ."))
            if published:  # "Title (Academic Press)."
                return published.group(1).strip()
            presented = _PRESENTED_AT_BRACKET_RE.search(self.text)
            if presented and not re.match(r"(?:https?|doi|Retrieved)\b", presented.group(1), re.I):
                return presented.group(1).strip(" ,.;") or None
            title = self.first("TITLE")
            if title is not None:
                school = _THESIS_SCHOOL_RE.search(self.text, title.start) if _may_name_thesis(self.text) else None
                if school:  # "Title (Doctoral dissertation). University of Sheffield, …"
                    return school.group(1).strip(" ,.;") or None
                closing = _LONE_JOURNAL_TAIL_RE.fullmatch(self.text, title.end)
                if closing and _STATUS_SLOT_RE.search(self.text, 0, title.start) and not _SENTENCE_WORDS_RE.search(closing.group(1)):
                    # "… (in press). Title. Developmental Science.": the journal of an accepted paper, no
                    # volume or pages after it
                    return closing.group(1).strip(" .")
                status_at = _STATUS_AT_IN_TITLE_RE.search(self.text, title.start, title.end)
                if status_at:  # "Title. Under review at Global Environ Health J." read as one title
                    found = _STATUS_AT_VENUE_RE.match(self.text, status_at.end())
                    if found:
                        return found.group(1).strip(" ,.;")
                host = _SOFTWARE_HOST_RE.search(self.text, title.start, title.end + 40) if "." in self.text[title.start : title.end + 40] else None
                if host:  # "Title. GitHub repository, https://…", "Title. Python package, PyPI, 2023": where it is hosted
                    return host.group(1)
                return untagged_venue(self.text[title.end :])
            authors = [s for s in self.spans if s.label == "AUTHOR"]
            # no title ("R. Hollis and Q. Zhang, arXiv:2203.04567 (2022)"): read after the names
            return untagged_venue(self.text[authors[-1].end :]) if authors else None
        span = self.first("VENUE")
        if span is not None and _PLACE_ONLY_RE.fullmatch(raw.strip(" .,;")):
            # "Geneva" + ": International Electrotechnical Commission; 2021": the tagger took the
            # place; the publisher follows its colon
            publisher = _PLACE_THEN_PUBLISHER_RE.match(self.text, span.end)
            if publisher:
                return publisher.group(1).strip(" ,.;")
        if span is not None and _STATUS_ONLY_RE.match(raw.strip(" .,;")):
            # "Revise and resubmit at American Economic Journal: Applied Economics"
            status_at = _STATUS_AT_VENUE_RE.search(self.text, span.start)
            if status_at:
                return status_at.group(1).strip(" ,.;")
        if span is not None and _STATUS_ONLY_RE.fullmatch(raw.strip(" .,;")):
            # "Under review. arXiv preprint, 2025": a status where the venue stands; the venue after it
            # (a printed one: link labels "[arXiv]" and URLs name no venue)
            later = untagged_venue(URL_RE.sub(" ", re.sub(r"\[[^\[\]]{0,40}\]", " ", self.text[span.end :])))
            if later:
                return later
        if span is not None:
            publisher = _STATE_THEN_PUBLISHER_RE.match(self.text, span.end)
            if publisher:  # "Champaign" + ", IL: Human Kinetics": the place was tagged, not the publisher
                return publisher.group(1).strip(" ,.;")
            university = university_after_department(self.text, span.start, span.end)
            if university:
                return clean_venue(university) or university
        venue = _VENUE_TAIL_RE.sub("", raw)
        venue = clean_venue(venue.strip(" \t*_\"'“”‘’`«»„"))
        return venue if venue and any(c.isalpha() for c in venue) else None

    def pages(self) -> Optional[str]:
        if not _DIGIT_RANGE_RE.search(self.text):
            return None
        m = _PAGES_RE.search(self.text)
        if not m:
            title = self.first("TITLE")
            tail = self.text[title.end :] if title else self.text
            for cand in _BARE_PAGES_RE.finditer(_strip_ids(tail)):
                first, last = int(cand.group(1)), int(cand.group(2))
                if first < last and not (YEAR_RE.fullmatch(cand.group(1)) and YEAR_RE.fullmatch(cand.group(2))):
                    m = cand
                    break
        return f"{m.group(1)}-{m.group(2)}" if m else None

    def ids(self) -> dict[str, Optional[str]]:
        text, lower = self.text, self.text.lower()
        return {
            "arxiv": find_arxiv(text) if "arxiv" in lower else None,
            "doi": find_doi(text),
            "openreview": find_openreview(text) if "openreview" in lower else None,
        }

    def urls(self) -> list[str]:
        return find_urls(self.text) if ("/" in self.text or "www." in self.text) else []

    # ---- outputs
    def to_entry(self) -> Optional[Entry]:
        if not self.spans:
            return None
        year, date = self.year_and_date()
        ids = self.ids()
        return Entry(
            title=self.title(), authors=[Author(name=p.name, given=p.given, family=p.family) for p in self.people()],
            year=year, date=date, venue=self.venue(),
            arxiv=ids["arxiv"], doi=ids["doi"], openreview=ids["openreview"], urls=self.urls(),
        )

    def to_record(self) -> dict:
        """The `pubsift parse` record: title, authors [{name, given, family}], year, venue, plus
        date / pages / arxiv / doi / openreview / urls when found."""
        if not self.text.strip():
            return {"title": None, "authors": [], "year": None, "venue": None}
        year, date = self.year_and_date()
        record = {
            "title": self.title(),
            "authors": [p._asdict() for p in self.people()],
            "year": year,
            "venue": self.record_venue(),
        }
        extras = {"date": date, "pages": self.pages() if self.spans else None, **self.ids(), "urls": self.urls()}
        record.update({k: v for k, v in extras.items() if v})
        return record


# Where a reference names no journal or proceedings, the work's host is its publisher (a book),
# its school (a thesis) or arXiv (a preprint). The tagger leaves these untagged (the corpora it
# learnt from label no venue for books), so they are read from the text after the title.
def _may_name_thesis(text: str) -> bool:
    """Whether the text holds one of the kind words _THESIS_SCHOOL_RE needs (that pattern, tried at
    every position, is costly; most references name no thesis)."""
    low = text.lower()
    return any(word in low for word in _THESIS_CUES)


_THESIS_CUES = ("thes", "thès", "diss", "tesi", "tese", "doktor", "mimeo", "manuscript", "working paper", "praca", "tez",
                "proefschrift", "dizer", "diplomov")
_THESIS_SCHOOL_RE = re.compile(
    r"(?i:ph\.?\s?d\.?|doctoral|master'?s?|m\.?\s?sc\.?|m\.?a\.|b\.?\s?sc\.?|diploma|habilitation)?\s*"
    r"(?i:thesis|dissertation|diss\.|th[eè]se(?: de doctorat)?|doktorarbeit|tesis(?: doctoral| de (?:maestr[íi]a|doctorado|licenciatura|grado))?"
    r"|disserta[çc][ãa]o(?: de mestrado)?|tese(?: de doutorado)?|tesi di (?:dottorato|laurea)|praca (?:doktorska|magisterska|habilitacyjna)"
    r"|(?:doktora|yüksek lisans) tezi|proefschrift|di[sz]erta[čc]n[íi] pr[áa]ce|diplomov[áa] pr[áa]ce"
    # an economist's unpublished work names its institution the same way: "Mimeo, London School of Economics"
    r"|mimeo(?:graph)?|(?:unpublished )?manuscript|working paper)[\])]?"
    # its field or degree: "Thèse de doctorat en informatique, …", "Dissertação (Mestrado em …) - …"
    r"(?:\s+(?:en|in|em|im)\s+[^,()]{2,60}?(?=,))?(?:\s*\([^()]{2,80}\))?\s*(?:[,.:(]|\s[-–]\s)?\s*"
    # a department before the school is skipped: "PhD thesis, Department of Geology, University of Bergen"
    r"(?:(?:Department|Dept\.?|School|Faculty|Division|Institute|Laborator(?:y|ies)|Centre|Center)\s(?:of\s|for\s)?[^,()]{2,60},\s*)?"
    # the school: capitalised words up to and around a school word, each word matched once
    r"((?:[A-Z][\w'’&.-]*\s){0,4}(?:[A-Z][\w'’&.]*-)*(?:University|Univ\.|Universit[äaéyeà]\w*|Universidade|Universidad|"
    r"Institute|Institut|College|School|Polytechnic|Hochschule|Polytechnique|[ÉE]cole|Politecnico|Polit[ée]cnica|Politècnica)"
    r"(?:\s(?:of|de|du|des|für|of the|di|do|da|degli|dei|della|delle|del|de la|de los|dos|das|w|we|zu|van|voor)?\s?[A-Z][\w'’.-]*){0,5}"
    r"|ETH(?: Z[üu]rich)?|EPFL|KTH(?: Royal Institute of Technology)?|MIT|UCL|TU [A-Z][\w]+)")
_GERMAN_ORDINAL_NOUN_RE = re.compile(r"\.\s(?:Jahrhunderts?|Jahrtausends?|Jh\.|Weltkrieg(?:s|es)?|Jahrhundertwende|"
                                     r"Jahrhunderthälfte|Hälfte des \d{1,2}\. Jahrhunderts)\b")
_PUBLISHER_OR_SERVER_RE = re.compile(
    r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s?&\s?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?"  # "Harper & Row", "Taylor & Francis"
    r"|(?:[A-Z][\w'’.-]*\s){0,4}(?:Press|Publishers?|Publishing|Verlag|Books|Editions|Éditions|Editora|Editorial)"
    r"|(?:Wiley|Springer|Elsevier|Routledge|Sage|SAGE|Brill|Penguin|Norton|Macmillan|Palgrave Macmillan|Blackwell)"
    r"|bioRxiv|medRxiv|arXiv|PsyArXiv|SocArXiv|EarthArXiv|ChemRxiv|EcoEvoRxiv|SSRN|Research Square|Preprints\.org|OSF Preprints"
    r"|(?:GitHub|GitLab|Bitbucket) (?:repository|repo)|(?:[A-Z][\w'’-]*\s){1,3}[Bb]log")
_VOLUME_COLON_PAGE_RE = re.compile(r"\s+\d{1,4}(?:\(\d{1,4}\))?:\s?[A-Za-z]?\d"
                                   # Springer: "Formal Methods in System Design 12(2), 133–161 (1998)"
                                   r"|\s+\d{1,4}\(\d{1,4}\),\s?\d{1,6}\s?[-–]\s?\d"
                                   # BibTeX plain: "Formal Methods in System Design, 19(1):7-34, July 2001"
                                   r"|,\s?\d{1,4}(?:\(\d{1,4}\))?:\s?\d{1,6}\s?[-–]\s?\d")
# words that name a journal or a meeting (one list for the rules that find a venue among the
# title's sentences or after it)
_VENUE_CUE_RE = re.compile(
    r"\b(?:Journal|Review|Letters|Proceedings|Transactions|Bulletin|Annals|Quarterly|Studies|Magazine|Revista|Revue|"
    r"Rivista|Zeitschrift|Cuadernos|Cadernos|Anais|Anales|Annales|Estudos|Estudios|Boletín|Boletim|Bollettino|"
    r"Tijdschrift|Tidsskrift|Tidskrift|Acta|Archives|Archivos|Conference|Workshop|Symposium|Track|Findings|Meeting|"
    r"Congress|Colloquium)\b|^(?:Proc\.|J\.)")
# a status where the year goes: "(in press)", "(2025, in press)", "(forthcoming)"
_STATUS_SLOT_RE = re.compile(r"\((?:(?:19|20)\d{2}[a-z]?,\s*)?(?i:in press|forthcoming|accepted|to appear|submitted|under review|"
                             r"in preparation|early view|online first|advance online publication)\)")
# a subtitle's words, not a journal's ("A Case Study", "The Road Ahead")
_SENTENCE_WORDS_RE = re.compile(r"^(?:A|An|The|Towards?|How|What|Why|When|Where|Beyond|From|Lessons)\b|\b(?:Case|Study|Approach|Perspective)$")
_CAPITALISED_WORDS_RE = re.compile(
    r"(?:[A-Z][\w'’&.-]*|of|for|and|the|on|in|de|du|des|für)(?:\s(?:[A-Z][\w'’&.-]*|of|for|and|the|on|in|de|du|des|für)){1,10}")
_AWARD_RE = re.compile(r"(?i)\b(?:award|prize|honou?rable mention|best (?:student )?paper|nominee|finalist)\b")
_ACCESS_NOTE_HEAD_RE = re.compile(r"(?i)(?:retrieved|available|accessed|downloaded|viewed)\b")
# an access note the tagger ran the title into: "… for parallel Prolog systems. Available via anonymous ftp from …"
_TITLE_BOOK_DETAIL_RE = re.compile(r"[,.]\s*(?:\d+(?:st|nd|rd|th|d)\s+(?:rev\.\s+)?edn?\.?|\d+\s+vols?\.?|vol\.\s*\d+|t\.\s*\d+|"
                                   r"(?:trans(?:lated)?\.?|ed(?:ited)?\.?|hrsg\.?)\s+(?:by|von)\s+[^,]{2,80}?|trans(?:lated)?\.?)\s*$"
                                   # APA's translator after the title: "The grammar of public life (A. Stevens, Trans.)"
                                   r"|\s*\([^()]{2,80},\s*(?:Trans|Ed|Eds)\.\)\s*$", re.I)
_ACCESS_SENTENCE_RE = re.compile(r"\.\s+(?:Available|Retrieved|Obtainable|Downloadable)\s+(?:via|from|at|online|on|by)\b")
_STATUS_ONLY_RE = re.compile(PUBLICATION_STATUS, re.I)
# APA's publisher "Author": the body that wrote the report published it
_PUBLISHER_IS_AUTHOR_RE = re.compile(r"(?i)(?:the\s+)?(?:author|autor|auteur|autore)s?\.?")
_TRAILING_REPOSITORY_RE = re.compile(r"\.\s+(?:(?:[A-Z][\w-]*\s){0,3}(?:Digital|Data)\s+Repository|Dryad|Zenodo|figshare|PANGAEA|"
                                     r"Mendeley Data|Harvard Dataverse|OSF|"
                                     # software and models where they are hosted: ". GitHub repository", ". Python package"
                                     r"(?:GitHub|GitLab|Bitbucket)(?:\s(?:repository|repo))?|Hugging Face(?:\s(?:dataset|model|[Hh]ub))?|"
                                     r"(?:Python|R|Julia)\spackage|PyPI|CRAN|[Bb]log post)$")
_STATUS_SENTENCE_RE = re.compile(r"(?:\.|\s[—–|·])\s+(?i:preprint|under review|under submission|submitted|in press|forthcoming|to appear|accepted|"
                                 r"book manuscript|manuscript in preparation|"
                                 r"revise (?:and|&) resubmit|in preparation|(?:podium|poster|oral|invited|contributed|keynote|plenary)"
                                 r" (?:presentation|talk|paper|address|lecture)|paper presented|presented at)\b")
# cities of the humanities' comma style ("Titolo, Roma, Editore, 1972"): continental ones only, since
# "Cambridge, Mass." or "Oxford, UK" after an English publisher would read as a city and publisher
_PUBLISHING_CITIES = (
    "Roma|Rome|Milano|Milan|Firenze|Florence|Torino|Turin|Bologna|Napoli|Naples|Venezia|Venice|Padova|Bari|Pisa|Genova|"
    "Palermo|Verona|Trieste|Catania|Macerata|Lecce|Messina|Siena|Pavia|Parma|Perugia|Urbino|Cagliari|Brescia|"
    "Paris|Lyon|Genève|Bruxelles|Madrid|Barcelona|Sevilla|Valencia|Salamanca|Lisboa|Coimbra|Porto|Buenos Aires|"
    "México|Santiago|Bogotá|Lima|Wien|Berlin|München|Leipzig|Stuttgart|Frankfurt am Main|Bern|Zürich|Basel|"
    "Amsterdam|Leiden|Leuven|Louvain|Turnhout|Città del Vaticano|Roma-Bari|Bari-Roma|Milano-Napoli|"
    # French, Belgian, Swiss and Québec university towns ("Rennes, Presses universitaires de Rennes")
    "Rennes|Toulouse|Bordeaux|Lille|Villeneuve-d'Ascq|Villeneuve d’Ascq|Grenoble|Strasbourg|Nancy|Montpellier|"
    "Marseille|Aix-en-Provence|Caen|Rouen|Poitiers|Dijon|Besançon|Nantes|Tours|Clermont-Ferrand|Limoges|"
    "Saint-Étienne|Louvain-la-Neuve|Namur|Liège|Lausanne|Neuchâtel|Fribourg|Québec|Montréal|"
    # Spanish, Portuguese, Polish, Czech and German ones
    "Granada|Zaragoza|Oviedo|Santiago de Compostela|Murcia|Bilbao|Braga|Kraków|Krakow|Warszawa|Wrocław|Poznań|"
    "Łódź|Lublin|Gdańsk|Toruń|Katowice|Praha|Brno|Göttingen|Tübingen|Freiburg|Köln|Hamburg|Bonn|Münster")
# ...and the places a tagger takes for the venue before ": Publisher" (those, and the English-speaking ones)
_PLACE_ONLY_RE = re.compile(
    rf"(?:{_PUBLISHING_CITIES}|Geneva|London|New York|Oxford|Cambridge|Boston|Chicago|Washington|Tokyo|Singapore|"
    r"Beijing|Shanghai|Hoboken|Heidelberg|Dordrecht|Cham|Munich|Vienna|Zurich|Brussels|Stockholm|Copenhagen|Oslo|"
    r"Helsinki|Delhi|New Delhi|Mumbai|Sydney|Melbourne|Toronto|Ottawa|Montreal|Montréal|Philadelphia|Baltimore|"
    r"Princeton|Berkeley|Los Angeles|San Francisco|San Diego|Bethesda|Atlanta|Rockville|Gaithersburg|Lisbon|"
    r"São Paulo|Rio de Janeiro|Mexico City|Nairobi|Cape Town|Pretoria|Johannesburg|Manila|Jakarta|Seoul|Kyoto|"
    r"Osaka|Hong Kong|Taipei)(?:,\s*[A-Z][\w. ]{1,20})?")
# (a country after the city is no publisher: "…, ETH Zürich, Zürich, Switzerland, 2014")
_CITY_PUBLISHER_YEAR_RE = re.compile(rf"[,.]\s+(?:{_PUBLISHING_CITIES}),\s+(?!(?:{_COUNTRIES}),)([A-ZÀ-Þ][^,;:()\[\]]{{1,60}}?),\s+(?:1[5-9]|20)\d{{2}}\b")
_PLACE_THEN_PUBLISHER_RE = re.compile(r"(?:,\s*[A-Z][\w. ]{1,20})?\s*:\s*([A-Z][^.;:()\[\]]{1,80}?)\s*(?=[,.;]|$)")
_STATE_THEN_PUBLISHER_RE = re.compile(r",\s*[A-Z]{2}(?:,\s*(?:USA|UK))?\s*:\s*([A-Z][^,.;:()]{1,60}?)\s*(?=[,.;]|$)")
# AMS "Duke Math. J. 165 (2016), no. 12" and Bluebook "66 Duke L.J. 1401 (2017)": a journal by its volume
_AMS_JOURNAL_RE = re.compile(r"^[,.\s]*([A-Z][\w.&'’ -]{1,60}?)\s+\d{1,4}\s+\((?:1[6-9]|20)\d{2}\)")
# RSC: "A. Fischer and D. Oyelaran, Green Chem., 2018, 20, 4410." (no title): journal, year, volume, page
_RSC_JOURNAL_RE = re.compile(r"^[,.\s]*([A-Z][\w.&'’ -]{1,50}?\.?),\s*(?:19|20)\d{2},\s*\d{1,4},\s*[A-Z]?\d")
_BLUEBOOK_JOURNAL_RE = re.compile(r"^[,.\s]*\d{1,4}\s+([A-Z][\w.&'’ ]{1,40}?)\s+\d{1,5}(?:,\s*\d[\d–-]*)?\s+\((?:1[6-9]|20)\d{2}\)")
# ABNT: "Título. Revista Árvore, Viçosa, v. 41, n. 3, p. 1-12, 2017." (the city after the journal)
_ABNT_JOURNAL = r"([A-ZÀ-Ý][^,.;]{2,80}?),\s+(?:[A-ZÀ-Ý][\w\s'’-]{1,30},\s+)?v\.\s*\d"
_ABNT_JOURNAL_RE = re.compile(r"^[.\s]*" + _ABNT_JOURNAL)  # heading what follows the title
_ABNT_JOURNAL_IN_TITLE_RE = re.compile(r"\.\s+" + _ABNT_JOURNAL)  # a sentence the title ran into
_ABNT_JOURNAL_AT_RE = re.compile(_ABNT_JOURNAL)  # a span the tagger called a second title
# Chicago notes: "“Title,” Environmental History 27, no. 1 (January 2022): 33–58"
_CHICAGO_JOURNAL_RE = re.compile(r"^[\s,.”\"’']*([A-Z][^,()\"”]{2,80}?)(?:\s+\d{1,4})?,\s+no\.\s*\d+")
# MLA: "2018. Yale U, PhD dissertation."; the school before the kind of work
_SCHOOL_BEFORE_KIND_RE = re.compile(r"([A-Z][\w.&'’ -]{1,60}?),\s+(?:PhD|Ph\.\s?D\.|Doctoral|MA|M\.A\.|Master's|MSc|M\.Sc\.)\s+(?:dissertation|thesis)")
# "Working Paper no. 26931, NBER, Cambridge, MA": the series' issuer after its number
_WORKING_PAPER_ISSUER_RE = re.compile(r"(?i:working|discussion)\s+paper\s+(?:no\.?\s*)?\d[\w.-]*,\s+([A-Z][A-Za-z&]{1,12})\b")
# ACS: "In Interfacial Phenomena in Nanoscale Systems; Garner, T., Ed.; ACS Symposium Series 1372"
_ACS_CHAPTER_BOOK_RE = re.compile(r"\bIn\s+([A-Z][^;]{2,200}?);\s+[^;]{2,120}?,\s+Eds?\.;")
# APA 7: "[Master's thesis, ETH Zurich]", "[Doctoral dissertation, Universidad de Chile]"
_BRACKETED_THESIS_RE = re.compile(r"\[[^\[\]]{0,40}?(?i:thesis|dissertation)\s*,\s*([^\[\],]{2,80}?)\s*\]")
_PUBLISHER_WORD_RE = re.compile(
    r"\b(?:Press|Verlag|Publishing|Publishers?|Books|[ÉE]ditions?|Editorial|Editora|Edizioni|Wiley|Springer|"
    r"Elsevier|Routledge|Macmillan|Penguin|Blackwell|Sage|Pearson|Academic|Scientific|Publications|House|Verlags\w*|"
    # publishers known by name alone
    r"Kaufmann|Addison[- ]Wesley|Prentice[- ]Hall|McGraw[- ]Hill|Kluwer|Birkh[äa]user|North[- ]Holland|Chapman (?:&|and) Hall|"
    r"Wiley-VCH|Thieme|De Gruyter|Brill|Ashgate|Palgrave|Gallimard|Suhrkamp|Einaudi|Laterza|Zanichelli|UP)(?![\w-])")
# "Boston: Northmere University Press", "(New York: Castellan Academic, 1987)", "Stuttgart: Verlag X"
_PLACE_PUBLISHER_RE = re.compile(r"(?:^|[.;,(]\s*)(?!(?:In|Dans|En|Em|Im|Edited|Eds?|Hrsg|Hg)\b)[A-ZА-ЯЁІЇЄ][\w'’. -]{1,30}?(?:,\s*[A-Z]{2,})?\s?:\s*((?=[A-ZÀ-ÝА-ЯЁІЇЄ])[^,.;:()\[\]]{1,60}?)(?=\s*(?:[,;.)]|$|\d{4}))")
_ARXIV_HOST_RE = re.compile(r"\barxiv\b", re.I)
# preprint servers and data/software archives: where a preprint or a dataset appeared
_REPOSITORY_RE = re.compile(
    r"\b(bioRxiv|medRxiv|ChemRxiv|PsyArXiv|SocArXiv|EarthArXiv|engrXiv|SSRN|Research Square|Preprints\.org|"
    r"OSF Preprints|Zenodo|Dryad|PANGAEA|figshare|Harvard Dataverse|Mendeley Data|Software Heritage|HAL)\b")
# a numbered series of working papers: "NBER Working Paper 25873", "CEPR Discussion Paper No. 1"
_PAPER_SERIES_RE = re.compile(r"\b((?:AIAA|SAE|ASME|SPE|OTC|ISA)(?:\sTechnical)?\sPaper(?=\s\d)|"
                              r"(?:[A-Z][\w&.-]*\s){0,4}(?:Working|Discussion|Policy Research|Occasional|Technical|White|Briefing)\s"
                              r"Papers?(?:\sSeries)?|(?:[A-Z][\w&.-]*\s){1,6}Staff\sReports?|[A-Z]{2,6}\sDP(?=\sNo))\b")
# a report's issuer after its number: "Tech. Rep. TR-2019-04, Institute for X, Lund" /
# "(Report No. SEI-2016-08). Structural Engineering Institute"
_REPORT_ISSUER_RE = re.compile(
    r"(?i:tech(?:nical)?\.?\s*rep(?:ort)?\.?|report|research report|memorandum|rapport(?: de recherche| technique)?|bericht)\s*(?i:no\.?\s*)?(?:(?:[A-Z]{1,8}\s)?[\w./-]{0,30}\d[\w./-]{0,30})?\)?"
    r"\s*[,.]\s*((?:[A-Z][\w'’&.-]*)(?:\s(?:of|for|and|&|the|de|für|[A-Z][\w'’&.-]*)){0,7})")
# a venue the tagger found that only names the kind of work ("Master's", "PhD thesis")
# a venue that is only an abbreviation's first word: "Prof" (of a supervisor), "Tech" (of "Tech. Rep."), "D"
_JUNK_VENUE_RE = re.compile(r"[A-Z]|Prof|Dr|Rep|Eds?|Vol|No|In|Op|Cat|NCT|(?i:tech(?:nical)?\.?(?:\s*rep(?:ort)?\.?)?)"
                             r"|[A-Z]?\d(?![A-Z]{2,3}\b)[\w/-]*/?|(?i:proefschrift|doctoraatsthesis|dissertation|tesis|tese|thèse|these)"
                             r"|(?i:version|ver)\.?(?:\s*\d[\d.]*)?|(?i:v)\.?\s*\d[\d.]*"
                             r"|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"  # a month: "Dec. 2017"
                             r"|(?i:retrieved|available|accessed|viewed|updated|last updated|posted)\b.*")  # an access note: "Retrieved July 22, 2016"
_THESIS_KIND_ONLY_RE = re.compile(r"(?i:(?:ph\.?\s?d\.?|doctoral|master'?s?|m\.?\s?sc\.?|diploma)(?:\s+(?:thesis|dissertation))?"
                                  r"|thesis|dissertation|manuscript|working paper|report)")


_EDITED_BOOK_RE = re.compile(
    r"(?:\b[Ii]n:?|\[w:\]|\bW:)\s+[^()]{2,200}?\s*\((?:[Ee]ds?|Hrsg|Hgg?|Hg|coords?|dirs?|[Oo]rgs?|[Rr]ed|a cura di)\.?\)\s*[:.,]?\s*"
    r"([A-ZÀ-Ý0-9][^.]{2,200}?)\s*(?=\.\s|\.$|,\s*(?:vol|pp|S\.|p\.|Bd|pages|Band)\b|\s\(|$)")
# "In Book, edited by …" (Chicago), "“Chapter.” Book, edited by …" (MLA), "[w:] Book, red. …" (Polish)
_BOOK_EDITED_BY_RE = re.compile(r"(?:\bIn|\[w:\]|\bW:|[”\"]|\.)\s+([A-ZÀ-Ý][^,”\"]{2,200}?),\s+(?:(?:edited|ed\.|eds\.|herausgegeben|hrsg\.)\s+(?:by|von)\b|red\.\s|a cura di\s)")


_SERIES_RE = re.compile(r"(?:LNCS|LNAI|LNBI|CCIS|LIPIcs|AISC|LNEE|LNNS|LNBIP|IFIP AICT|CEUR(?:-WS)?|"
                        r"Leibniz International Proceedings in Informatics(?: \(LIPIcs\))?|"
                        r"Lecture Notes in [\w ]{3,40}|Communications in Computer and Information Science|"
                        r"Advances in Intelligent Systems and Computing|Studies in Computational Intelligence)")


def _chapter_book(tail: str) -> Optional[str]:
    m = _EDITED_BOOK_RE.search(tail) or _BOOK_EDITED_BY_RE.search(tail)
    if not m:
        return None
    book = m.group(1)
    # the publisher, place or volume after a comma is not the book's
    cut = re.search(r",\s*(?:vol\b|\d|[^,]*\b(?:Press|Verlag|Publish\w*|Springer|Elsevier|Wiley|Routledge)\b)", book, re.I)
    book = book[: cut.start()] if cut else book
    return book.strip(" ,.;:") or None


# (a journal "Trans. Streaming Intell., vol. 33" is followed by its volume, a translator by a full stop)
_NO_VENUE_HEAD_RE = re.compile(r"(?:Translated by|Edited by|Ed\. by|Trans\. of|Translation of)\s|(?:Trans|Transl|Übers|Trad)\.\s+[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][\w'’-]+\.?$")
# APA: "[Poster presentation]. IDWeek 2019, Washington, DC": the meeting follows the description
_PRESENTED_AT_BRACKET_RE = re.compile(r"\[(?:[^\[\]]{0,30}\b)?(?i:poster|paper|conference|symposium|oral|keynote|presentation|session|abstract)"
                                      r"[^\[\]]{0,40}\]\.?\s*([A-Z0-9][^,.;()\[\]]{2,120})")
_DEPARTMENT_RE = re.compile(r"(?:Department|Dept\.?|School|Faculty|Division|Laborator(?:y|ies)|Lab\.?)\b|.*\b(?:Dept|Department|Division|Laboratory|Lab)\.?$")
_UNIVERSITY_AFTER_RE = re.compile(
    r"[.\s]*,\s*((?:[A-Z][\w'’&.-]*\s){0,4}(?:University|Univ\.|Universit[äaéyeà]\w*|Universidade|Universidad|"
    r"Institute of Technology|College)(?:\s(?:of\s|de\s|at\s|of the\s)?[A-Z][\w'’.-]*){0,4})")


def university_after_department(text: str, start: int, end: int) -> Optional[str]:
    """The university named right after a department that was read as the venue ("Technical
    Report 91-12, Computer and Information Science Dept., University of Massachusetts"): a
    report's or thesis's host is the university, not one of its departments. None otherwise."""
    comma = text.rfind(",", 0, start)
    segment = text[comma + 1 : end].strip(" .;”\"’") if comma >= 0 and start - comma < 40 else text[start:end].strip(" .;")
    if not _DEPARTMENT_RE.match(segment) and not _DEPARTMENT_RE.match(text[start:end].strip(" .;")):
        return None
    # the rest of the department's segment, then the university after its comma
    rest = text.find(",", end)
    university = _UNIVERSITY_AFTER_RE.match(text, rest) if rest >= 0 and not text[end:rest].count(".") > 3 else None
    return university.group(1).strip(" ,.;") if university else None


_EDITION_THEN_PUBLISHER_RE = re.compile(
    r"\((?:\d{1,2}(?:st|nd|rd|th)|[A-Z][a-z]+|rev\.|revised|expanded)\s(?:ed|edn|edition)\.?(?:,\s*[Vv]ol\.\s*\d{1,3})?\)\.\s+"
    r"([A-Z][^.;()\[\]]{1,60}?)\.?(?:\s+(?:https?://|doi:)\S+)?\s*$")


_BARE_STATUS_VENUE_RE = re.compile(r"(?i:preprint|e-?print|submitted|under review|in review|forthcoming|in press|accepted|"
                                   r"to appear|working paper|manuscript|in preparation|draft)\.?")


_BARE_SERIES_WORD_RE = re.compile(r"(?i:working|working paper|discussion|discussion paper|technical report|research paper|policy brief)")
_ISSUER_AFTER_NUMBER_RE = re.compile(r"(?i:\s*paper)?\s*(?:No\.?|Nr\.?|#)\s*[\w./-]{1,20},\s*([A-Z][^.,;()]{3,80}?)\s*(?:[.;]|$)")


_LONE_JOURNAL_TAIL_RE = re.compile(r"[.,]?\s+((?:[A-Z][\w'’&@.-]*|of|for|and|the|on|in|de|du|des|für|di|e|y)"
                                   r"(?:\s(?:[A-Z][\w'’&@.:-]*|of|for|and|the|on|in|de|du|des|für|di|e|y)){0,9})[.\s]*")


def untagged_venue(tail: str) -> Optional[str]:
    """Publisher, school or arXiv named after a title (see above); None when the tail names
    none of them."""
    tail = tail.strip()
    if not tail:
        return None
    if ("etrieved" in tail or "vailable" in tail or "ccessed" in tail or "pdated" in tail or "ublished" in tail or "osted" in tail) \
            and not _RETRIEVED_WEBSITE_RE.search(tail):
        # "Retrieved July 22, 2016, from https://…", "Available at: …": a web address and the date it was
        # read, no venue (what names one comes before the note)
        access = _ACCESS_TAIL_RE.search(tail)
        if access:
            tail = tail[: access.start()].strip()
            if not tail:
                return None
            tail += "."  # (the sentence before the note ends there)
            site = _LONE_JOURNAL_TAIL_RE.fullmatch(tail)
            if site and not _SENTENCE_WORDS_RE.search(site.group(1)) and len(site.group(1).split()) <= 8:
                return site.group(1).strip(" .")  # "Title. Interaction Notes. Retrieved March 3, 2023, from …": the site
    status_at = None if _ARXIV_HOST_RE.search(tail) else _STATUS_AT_VENUE_RE.search(tail)
    if status_at:  # "Revise and resubmit at American Economic Journal: Applied Economics" (a preprint's server wins)
        return status_at.group(1).strip(" ,.;")
    hosted_at = _BLOG_OR_REPOSITORY_RE.match(tail)
    if hosted_at:  # ". OpenAI blog, 2022", ". GitHub repository. https://…"
        return hosted_at.group(1) or hosted_at.group(2)
    short = _IN_VENUE_YEAR_RE.match(tail) or _VENUE_THEN_STATUS_RE.match(tail)
    short_name = short and (short.group(1) or (short.group(2) if short.re is _IN_VENUE_YEAR_RE else None))
    if short and short_name and not _SENTENCE_END_INSIDE_RE.search(short_name):
        # ". In MLSys, 2022." / ". In NSDI 2020, Santa Clara" / ". In Proc. of NAACL, 2022" /
        # ". Biometrika, forthcoming." (not "In: Deutscher Materialfluss-Kongress. Düsseldorf: VDI
        # Verlag, 2021", where a sentence ends)
        return short_name.strip(" ,.;")
    edition = _EDITION_THEN_PUBLISHER_RE.match(tail) if tail[:1] == "(" else None
    if edition:  # APA's book: "Title (3rd ed.). SAGE.", "(Vol. 2). Routledge. https://doi.org/…"
        return edition.group(1).strip(" ,.;")
    acronym = _ACRONYM_YEAR_HEAD_RE.match(tail)
    if acronym:  # a homepage's ". ICALP 2021 (Track A).", ". ACM CCS '22, Los Angeles.", ". EuroS&P 2021."
        return acronym.group(1)
    hosted = _DESCRIPTOR_THEN_HOST_RE.search(tail)
    if hosted:  # "[Computer software]. GitHub." / "[Data set]. OpenNeuro."
        return hosted.group(1).strip(" ,.;")
    website = _RETRIEVED_WEBSITE_RE.search(tail)
    if website:  # APA: "Retrieved from National Center for Rural Education Research website: http…"
        return website.group(1).strip(" ,.;")
    container = _IN_CONTAINER_IMPRINT_RE.match(tail)
    if container and not ("," in container.group(1) and all(looks_like_name(p) for p in container.group(1).split(","))):
        # "In: Deutscher Materialfluss-Kongress. Düsseldorf: VDI Verlag, 2021": the proceedings,
        # not their publisher
        return container.group(1)
    school = _THESIS_SCHOOL_RE.search(tail) if _may_name_thesis(tail) else None
    if school:
        # "Working paper, Graduate School of Business, University of Chicago": the university, not its school
        university = None if re.search(r"Univ", school.group(1)) else _UNIVERSITY_AFTER_RE.match(tail, school.end(1))
        return (university.group(1) if university else school.group(1)).strip(" ,.;") or None
    for pattern in (_ABNT_JOURNAL_RE, _CHICAGO_JOURNAL_RE, _SCHOOL_BEFORE_KIND_RE, _WORKING_PAPER_ISSUER_RE, _ACS_CHAPTER_BOOK_RE,
                    _AMS_JOURNAL_RE, _BLUEBOOK_JOURNAL_RE, _RSC_JOURNAL_RE):
        found = pattern.search(tail)
        if found:
            return found.group(1).strip(" ,.;") or None
    bracketed = _BRACKETED_THESIS_RE.search(tail)
    if bracketed:
        return bracketed.group(1).strip(" ,.;") or None
    placed = _PLACE_PUBLISHER_RE.search(tail)
    if placed and not re.match(r"(?:https?|doi|arxiv|url|isbn|issn)\b", placed.group(1), re.I):
        # ACS writes "Publisher: Place" ("Wiley-VCH: Weinheim, 2010"): the publisher is before the colon
        before = re.search(r"([^,.;()\[\]]{2,60}?)\s?:\s*$", tail[: placed.start(1)])
        if before and _PUBLISHER_WORD_RE.search(before.group(1)) and not _PUBLISHER_WORD_RE.search(placed.group(1)):
            return before.group(1).strip(" ,.;")
        return placed.group(1).strip(" ,.;")
    for segment in re.split(r"[,.;()\[\]]\s*", tail):
        segment = re.sub(r"^[A-Z][\w'’ -]{1,30}:\s*", "", segment.strip())  # "Paris: Éditions du Seuil"
        if _PUBLISHER_WORD_RE.search(segment) and 1 <= len(segment.split()) <= 6 and segment[:1].isupper() \
                and not re.search(r"\d", segment):
            return segment
    imprint = _PAREN_IMPRINT_TAIL_RE.search(tail)
    if imprint:  # AAS/OSCOLA books: "(San Francisco: W. H. Freeman)", "(2nd edn, Round Hall 2011)"
        return imprint.group(1).strip(" ,.;")
    if _ARXIV_HOST_RE.search(tail):
        return "arXiv"
    repository = _REPOSITORY_RE.search(tail)
    if repository:
        return repository.group(1)
    series = _PAPER_SERIES_RE.search(tail)
    if series:
        return series.group(1)
    issuer = _REPORT_ISSUER_RE.search(tail)
    if issuer:
        return university_after_department(tail, issuer.start(1), issuer.end(1)) or issuer.group(1).strip(" ,.;") or None
    body = _ISSUER_PLACE_YEAR_RE.search(tail)
    if body and body.group(1)[:1].isupper() and not re.search(r"[a-z]{3,}\.\s", body.group(1)) and (_ORGANISATION_NAME_RE.search(body.group(1)) or _CORPORATE_WORD_RE.search(body.group(1))
                 or _ISSUER_WORD_RE.search(body.group(1)) or re.fullmatch(r"[A-Z]{2,8}", body.group(1))):
        # standards, reports and data sheets: "…, ASTM International, West Conshohocken, PA, 2019",
        # "…, Deutsches Institut für Normung, Berlin, 2020": the issuer before its place and year
        return body.group(1).strip(" ,.;")
    journal = _JOURNAL_VOLUME_RE.match(tail)
    if journal:
        return journal.group("journal").strip(" ,.;") or None
    alone = _JOURNAL_SENTENCE_RE.fullmatch(tail)
    if alone and _VENUE_CUE_RE.search(alone.group(1)):
        # the last sentence, a journal's name and nothing else: "… Valparaíso. Revista de
        # Geografía Norte Grande." (an article in press names no volume)
        return alone.group(1)
    return None


# "(2026, February)": a month the tagger read as one more author
_MONTH_NAME_RE = re.compile(r"(?i:january|february|march|april|may|june|july|august|september|october|november|december)")
# an institution's acronym or name, then "Working Paper"/"Discussion Paper" (" Series") and a number
_NUMBERED_PAPER_SERIES_RE = re.compile(
    # (not in APA's brackets, "(Policy Research Working Paper No. 7712). Washington, DC: World
    # Bank", where the publisher is the venue)
    r"(?:^|[.,]\s+|\s)((?:[A-Z][\w&'’-]*\s){0,5}(?:Staff\s|Policy Research\s)?(?:Working|Discussion|Occasional|Policy)\s+Papers?"
    r"(?:\s+Series)?)(?:,?\s+(?:No\.?|Nr\.?|no\.|#)\s?)?\s*[A-Z]{0,4}[-/]?[A-Z]{0,2}\d[\w/-]*")
# a year before 1900, taken only where the tagger marked the span a year ("London, 1703.")
_EARLY_YEAR_RE = re.compile(r"(?<![\d/.\-])(1[5-8]\d{2})(?![\d/\-])")
_IMPRINT_AFTER_RE = re.compile(r"[.,]?\s+[A-Z][\w .'’-]{1,30}(?:,\s*[A-Z]{2})?:\s+[A-Z]")
# (or a year or a season opening it: ": 2023–24 indicators", ": 2020 update")
_LOWER_SUBTITLE_AFTER_RE = re.compile(r":\s+(?:[a-z]|(?:19|20)\d{2}(?:[–-]\d{2,4})?\s+[a-z])[^.;:?!\[\]()]{2,150}?(?=[.?!](?:\s|$))")
# "Public Health England. ", "Institute of Medicine (US) Committee on Rural Maternal Health. "
_CORPORATE_TITLE_HEAD_RE = re.compile(
    r"((?:[A-Z][\w&'’-]*|of|for|and|the|on|in|de|du|des|für|\([A-Z]{2,6}\))(?:\s(?:[A-Z][\w&'’-]*|of|for|and|the|on|in|de|du|des|für|"
    r"\([A-Z]{2,10}\))){0,11})\.\s+(?=[A-Z0-9])")
_VANCOUVER_IMPRINT_RE = re.compile(
    r"[.\]]\s+[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2}(?:\s\([A-Z]{2,3}\))?:\s+([A-Z][^;:()\[\].]{1,80}?(?:\s\([A-Z]{2,3}\))?)\s*;\s*"
    r"(?:(?:19|20)\d{2}|c(?:19|20)\d{2}|\[)")
_ELIDED_ARTICLE_RE = re.compile(r"(?<![\w])(?:[LlDd]|[Dd]ell|[Nn]ell|[Dd]all|[Ss]ull|[Aa]ll|[Qq]u|[Jj]usqu)['’]")
_BLOG_OR_REPOSITORY_RE = re.compile(
    r"[.,]?\s*(?:([A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,3}\s[Bb]log)|(GitHub|GitLab|Bitbucket|Hugging Face)\s+(?:repository|repo))\b")
# an issuer, then its place (a town, a state or country) and the year, comma-separated
_ISSUER_PLACE_YEAR_RE = re.compile(
    r"(?:^|[,.]\s+)((?:[A-Z][\w'’&.-]*|of|for|and|the|für|de|des|du)(?:\s(?:[A-Z][\w'’&.-]*|of|for|and|the|für|de|des|du|\([A-Z]{2,8}\))){0,8}),"
    r"\s+[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}(?:,\s+[A-Z]{2})?(?:,\s+(?:USA|UK|Germany|France|Switzerland|Japan|China|Canada|Australia|Italy|Spain|Netherlands|Sweden))?"
    r",\s+(?:19|20)\d{2}\b")
_ISSUER_WORD_RE = re.compile(r"\b(?:International|Inc\.?|AG|GmbH|Ltd\.?|LLC|Corporation|Company|Co\.|Foundation|Normung|Standardi[sz]ation|"
                             r"Engineers|Laborator(?:y|ies)|Center|Centre|Agency|Administration|Commission)\b")
_NON_LATIN_RE = re.compile(r"[\u0400-\u04FF\u0370-\u03FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\u0600-\u06FF]")
# a full stop that ends a sentence inside a short venue (an abbreviation's stop does not)
_SENTENCE_END_INSIDE_RE = re.compile(r"\b(?!(?:Proc|Conf|Symp|Int|Intl|Natl|Trans|Ann|Adv|Workshop|Assoc|Soc|Comput|Eng|Sci)\.)[A-Za-zÀ-ÿ-]{3,}\.\s+[A-ZÀ-Þ]")
_MEETING_TAIL_RE = re.compile(r",\s+(?:[A-Z]{2,6}\s)?(?:General Assembly|Fall Meeting|Annual Meeting|Ocean Sciences Meeting|Spring Meeting)(?:\s(?:19|20)\d{2})?$")
_PROCEEDINGS_BEFORE_SERIES_RE = re.compile(
    r"[.,]\s+In:?\s+((?:Proc(?:eedings|\.)?\s+(?:of\s+)?(?:the\s+)?)?[A-Z0-9][^.;()\[\]]{3,150}?)\s*(?:\([A-Z][^()]{1,30}\))?\s*[.,]\s+"
    r"(?:volume\s+\d+\s+of\s+|vol(?:ume)?\.?\s*\d+\s+of\s+)?(?:LNCS|LNAI|LIPIcs|CCIS|Lecture Notes|Leibniz|Communications in)")
# RFCs and Internet-Drafts: the issuing body where printed, else "RFC"
_RFC_RE = re.compile(r"\bRFC\s?\d{3,5}\b|(Internet Engineering Task Force(?: \(IETF\))?)|Internet-Draft\s+[\w.-]+,\s+(IETF|IRTF)\b")
_MEETING_AFTER_TITLE_RE = re.compile(
    r"(?:,\s+|presented\s+at\s+)((?:(?:19|20)\d{2}\s)?(?:[A-Z]{2,6}\s)?(?:General Assembly|Fall Meeting|Annual Meeting|Ocean Sciences Meeting|"
    r"Spring Meeting)(?:\s(?:19|20)\d{2})?(?:,\s[A-Z]{2,6}(?=,))?)")
_OPENING_QUOTES = ('"', "“", "‘", "'", "«", "„")
_QUOTED_HEAD_SUBTITLE_RE = re.compile(r"[\"”’'»]\s?:\s+([a-zà-ÿA-Z][^.?!]{5,200}[^.?!\s])(?=[.?!](?:\s|$))")
_STATUS_AT_IN_TITLE_RE = re.compile(
    r"[.;,]\s+(?=(?i:revise and resubmit|r\s?&\s?r|under review|submitted|accepted|conditionally accepted|forthcoming|"
    r"to appear|in press)\s+(?:at|to|in|for|with)\s+(?:the\s+)?[A-Z])")
_STATUS_AT_VENUE_RE = re.compile(
    r"(?i:revise and resubmit|r\s?&\s?r|under review|submitted|accepted|conditionally accepted|forthcoming|to appear|"
    r"in press)\s+(?:at|to|in|for|with)\s+(?:the\s+)?([A-Z][^,.;()\[\]]{1,100}?)\s*(?=[,.;()\[]|$)")
_IN_VENUE_YEAR_RE = re.compile(r"[.,]?\s*In:?\s+([A-Z][\w&'’-]{1,20})\s+(?:19|20)\d{2}[,.]\s|"
                               r"[.,]?\s*In:?\s+([A-Z][\w&'’ .:-]{1,80}?)\s*,\s*(?:(?:pages|pp\.?)\s*\d+\s*[-–]+\s*\d+,\s*)?(?:19|20)\d{2}\b")
_VENUE_THEN_STATUS_RE = re.compile(r"[.,]?\s*([A-Z][\w&'’ :-]{1,80}?)\s*,\s*(?i:forthcoming|in press|to appear)\b")
# an acronym (two capitals at least, in one of up to four words) and its year opening the tail
_ACRONYM_YEAR_HEAD_RE = re.compile(r"[.,]?\s*((?:[A-Z][\w&/+-]*\s){0,3}(?=[\w&/+-]*[A-Z][\w&/+-]*[A-Z])[A-Z][\w&/+-]*)"
                                   r"\s(?:(?:19|20)\d{2}|['’]\d{2})(?![\w-])")
_PAREN_IMPRINT_TAIL_RE = re.compile(
    r"\((?:[A-Z][\w .'’-]{1,30}(?:,\s*[A-Z]{2})?:\s*|\d+(?:st|nd|rd|th)\s+edn?,\s*)([A-Z][^():,]{1,60}?)(?:,?\s+(?:19|20)\d{2})?\)\.?\s*$")
_SOFTWARE_HOST_RE = re.compile(r"\.\s+(?:(?:Python|R|Julia) package,?\s+|(?:Software|Source code|Code),?\s+)?"
                               r"(GitHub|GitLab|Bitbucket|Hugging Face|PyPI|CRAN)(?=[\s,.;]|$)")
# (only before an address or a date: "Available at SSRN: …", "Available: PyPI" name where it is)
_ACCESS_TAIL_RE = re.compile(r"(?:^|[.,;]\s*)(?:Retrieved|Available|Accessed|Last accessed|Viewed|Updated|Last updated|Published|Posted)\b"
                             r"(?=\s*(?:at|from|on|online)?\s*:?\s*(?:https?://|www\.|doi\b|\[|\(?\d|"
                             r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))")
_DESCRIPTOR_THEN_HOST_RE = re.compile(r"\[(?i:computer software|software|computer program|data ?set|data)\]\.?\s+([A-Z][^.\[\]()]{1,100}?)\.(?:\s|$)")
_RETRIEVED_WEBSITE_RE = re.compile(r"Retrieved from (?:the )?([A-Z][^:.]{2,100}?) (?:web ?site|homepage)\b")
_IN_CONTAINER_IMPRINT_RE = re.compile(r"[.,]?\s*In:?\s+([A-ZÀ-Þ][^.;:]{2,150}?)\.\s+[A-ZÀ-Þ][\w/ -]{1,30}:\s+[A-ZÀ-Þ]")
_JOURNAL_SENTENCE_RE = re.compile(r"[.,:]?\s*([A-ZÀ-ÞĀ-ŽȘȚ][^.;:()\[\]\d]{2,100}?)\.?\s*")


# ", Biogeosciences, 17, 345–367" / ", Dalton Trans., 2018, 47, 3302–3311": a journal named right
# after the title, then (year,) volume and pages
_JOURNAL_VOLUME_RE = re.compile(
    r"^[,.:;]?\s*(?:[–—-]\s+)?(?P<journal>[A-Z][\w.&'’ -]{1,80}?)\.?(?:,\s*|\s+)(?:(?:19|20)\d{2},\s*)?\d{1,4}\s*(?:\(\d{1,4}\))?\s*[,:]\s*[A-Za-z]?\d")


def _strip_ids(text: str) -> str:
    """Text without URLs and identifiers, whose digits look like years and pages."""
    if "/" in text or "www." in text:
        text = URL_RE.sub(" ", text)
    if "10." in text:
        text = DOI_RE.sub(" ", text)
    if ":" in text:
        text = _ARXIV_ID_RE.sub(" ", text)
    return text


_MONTH_NUMBERS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in names}
_EN_DATE_RE = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?,?)?\s+((?:19|20)\d{2})$")


_VENUE_SHORT_YEAR_RE = re.compile(r"(?<![\w'’])(?:[A-Z][A-Za-z-]{1,14}|[A-Z]{2,10})\s?['’](\d{2})\b(?![\w'’])")


def _date_near(text: str, span: FieldSpan, year: int) -> Optional[str]:
    """A month/day phrase around the tagged year ("May 2006", "Aug 07, 2023"). English month
    names are read directly (fast path); any other phrase goes to dateparser."""
    window = text[max(0, span.start - 20) : span.end + 2]
    if not any(c.isalpha() for c in window):
        return None
    for m in DATE_PHRASE_RE.finditer(window):
        phrase = m.group(0)
        if str(year) not in phrase:
            continue
        quick = _EN_DATE_RE.match(phrase)
        if quick and quick.group(2).lower() in _MONTH_NUMBERS:
            month = _MONTH_NUMBERS[quick.group(2).lower()]
            day = quick.group(1) or quick.group(3)
            if day and 1 <= int(day) <= 28 + 3 * (month != 2):
                return f"{year:04d}-{month:02d}-{int(day):02d}"
            return f"{year:04d}-{month:02d}"
        parsed = parse_date(phrase)
        if parsed.year == year:
            return parsed.date
    return None


# "Ochoa Villalba, M. F., Quispe Mamani, R. y Duarte, L.": every name "Family, Initials", joined
# by commas, semicolons or a conjunction (any language's)
# what may part the tagger's author spans of one list, and the separators between its people
_LIST_GAP_RE = re.compile(r"[\s,;&.]*|\s*,?\s*(?:and|y|e|und|et|&)\s*")
_LIST_SEPARATOR_RE = re.compile(r"\s*;\s*(?:(?:and|y|e|und|et|&)\s+)?|\s+(?:and|y|e|und|et|&)\s+")
_INVERTED_INITIALS_NAME_RE = re.compile(
    r"\s*(?:(?:and|&|y|e|et|und|en|og|och|ve|dan|i|és|a)\s+)?"
    r"(?P<family>[^\W\d_][^,;&]{0,60}?),\s*(?P<given>(?:[A-ZÀ-ÞĀ-ŽȘȚА-ЯЁ][a-z]?\.\s?-?\s?){1,4})"
    r"\s*(?:[,;&]|(?=\s(?:and|y|e|et|und|en|og|och|ve|dan|i|és|a)\s)|$)")


def inverted_initials_people(text: str) -> Optional[list[Person]]:
    """People of a list written wholly "Family, I. I., Family, I. …", the family names kept as
    written (two-word Spanish and Portuguese surnames stay whole); None for any other shape."""
    text = re.sub(r",?\s*(?:et al\.?|…|\.\.\.)\s*$", "", text.strip()).strip(" ,;")
    people, pos = [], 0
    while pos < len(text):
        m = _INVERTED_INITIALS_NAME_RE.match(text, pos)
        if m is None or m.end() == pos:
            return None
        family = _clean_person(m.group("family"))
        if not family or len(family.split()) > 4 or not family[:1].isupper() and family.split()[0] not in PARTICLES:
            return None
        given = " ".join(m.group("given").split())
        people.append(Person(f"{given} {family}", given, family))
        pos = m.end()
    return people if len(people) >= 2 else None


def people_in(span_text: str) -> list[Person]:
    """The person(s) in one AUTHOR span. 'Romero, C.' is one inverted name; a span holding
    'and', '&', ';' or several commas names several people."""
    text = strip_markers(span_text).strip(" ,;")
    if text.endswith(".") and not _ENDS_WITH_INITIAL_RE.search(text[:-1]):
        text = text[:-1]
    if not text or _TRUNCATION_RE.match(text):
        return []
    if text.rstrip(".") in ("Ders", "Dies", "Id", "ID", "Idem", "Eadem", "Ibid", "Ibidem"):
        return []  # the author of the entry above, not named again ("Ders. 2015: Title")
    if text.count(",") >= 2:
        inverted = inverted_initials_people(text)
        if inverted:
            return inverted
    if _SEVERAL_RE.search(text) or text.count(",") >= 2 or _DASHED_NAMES_RE.search(text):
        return [p for p in (_person(n) for n in split_author_list(text).names) if p]
    if text.count(",") == 1 and all(_INITIALS_THEN_NAME_RE.match(side.strip()) for side in text.split(",")):
        # "L. Benítez Arrieta, Ş. Yıldırım": two names in natural order, not one inverted
        return [p for p in (_person(n.strip()) for n in text.split(",")) if p]
    person = _inverted(text) if "," in text else _person(text)
    return [person] if person else []


_INITIALS_THEN_NAME_RE = re.compile(r"(?:[A-ZÀ-ÞĀ-ŽȘȚ]\.\s?-?){1,3}\s?[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+){0,2}$")


# family-name particles: kept with the family name ("Aäron van den Oord" -> "van den Oord")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# one run of initials: "J.", "JA", "K-W", "J.-P." (a given name written short)
# Latin (with the accented capitals of Turkish, Polish, Czech … initials: "İ.", "Ł.", "Š."), or
# Cyrillic ("А. В.")
# (an accented capital alone is an initial, "Moreau É"; not the Irish particle "Ó", "Ó Briain D.")
_INITIALS_RE = re.compile(r"^(?:(?:[A-ZА-ЯЁ]\.?|[À-ÖØ-ÞĀ-ŽȘȚ]\.)-?){1,3}$|^[A-ZÀ-ÖØ-ÞĀ-ŽȘȚА-ЯЁ][a-zа-яё]?\.$|^(?!Ó$)[A-Z]{0,2}[À-ÖØ-ÞĀ-ŽȘȚ][A-Z]{0,2}$")
_DASHED_NAMES_RE = re.compile(r"[a-zà-ÿ]\s+[-–]\s+[A-ZÀ-Þ]")  # Italian "A. Ferri - L. Mancini"
_SEVERAL_RE = re.compile(r"\s(?:and|&|und|et|en|og|och|ve|dan)\s|\s[ye]\s(?=[^\s,]+\s+[^\s,])|;")
_NAME_JUNK_RE = re.compile(r"\([^)]*\)|[*^†‡§¶#✉⁎∗✝]")
_LEADING_NUMBER_RE = re.compile(r"^[\d,.\s]+[-–.)\]]\s*(?=\D)")
_GLUED_INITIAL_RE = re.compile(r"\b([A-Z]\.)(?=[A-Z][a-z])")


_HONORIFIC_RE = re.compile(r"^\s*(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s+(?=[A-Z])")


def _is_initials(token: str) -> bool:
    return bool(_INITIALS_RE.match(token))


def _clean_person(text: str) -> str:
    """Display form of one name (text is already NFC and single-spaced): no markers or
    parentheses, no honorific ("Dr. Lena Vogt"), 'J.Dauwels' -> 'J. Dauwels', no sentence
    period after a full word."""
    text = _HONORIFIC_RE.sub("", text)
    if "(" in text or not text.isascii():
        text = _NAME_JUNK_RE.sub("", text)
    text = " ".join(text.split()).strip(" ,;:*•·-–—\\/|…")
    if "- " in text:  # a line-break hyphen inside the name: "Holm- gren"
        text = _BROKEN_HYPHEN_RE.sub(r"\1\2", text)
    if text[:1].isdigit():  # a list number glued on: "32-Sharma D", "5,6-Ando S"
        text = _LEADING_NUMBER_RE.sub("", text)
    text = LEADING_CONJUNCTION_RE.sub("", text)  # "and Bos", "y García-Pardo, M. J." after a serial comma
    if "." in text:
        text = _GLUED_INITIAL_RE.sub(r"\1 ", text)
        if text.endswith(".") and len(text.rsplit(" ", 1)[-1]) > 3 and text.lower()[-3:] not in ("jr.", "sr."):
            text = text[:-1]
    return text


def _inverted(text: str) -> Optional[Person]:
    """'Romero, C.' / 'van Hessem, D. H.' -> family before the comma, given after."""
    family, _, given = text.partition(",")
    family, given = _clean_person(family), given.strip(" ,")
    if given.endswith(".") and len(given.split()[-1]) > 3:  # "Ivy, Marilyn." ends a sentence
        given = given[:-1]
    if not family or not any(c.isalpha() for c in family) or not given or given.lower().rstrip(".") in _SUFFIXES:
        return _person(text)
    return Person(f"{given} {family}", given, family)


# "(with A. One and B. Two)", "(joint with …)", ", with M. Lindberg," and the same in French,
# German, Spanish, Portuguese, Dutch
_JOINT = r"(?:joint(?:ly)?\s+|joint work\s+|co-?(?:edited|authored|written)\s+)?"
# ", with M. Lindberg and A. Rossi,": the names up to the next comma (or "and" the last one)
_COMMA_WITH_NOTE = rf",\s+{_JOINT}with\s+([^,.;()]{{2,120}}?(?:,?\s+and\s+[^,.;()]{{2,60}}?)?)\s*[,.;]"
_COMMA_WITH_NOTE_RE = re.compile(_COMMA_WITH_NOTE)
_CO_AUTHORS_RE = re.compile(
    rf"(?:\(\s*{_JOINT}(?:with|avec|mit|con|com|met)\s+([^()]{{2,200}}?)\s*\)"
    # ", with Ahmed Saleh, Julia Brandt, and Pierre Lambert." (the longest run of names is kept)
    rf"|,\s+{_JOINT}with\s+((?:[^,.;()]{{2,60}}?,\s+){{0,8}}[^,.;()]{{2,60}}?(?:,?\s+and\s+[^,.;()]{{2,60}}?)?)\s*(?:[.;]|$)"
    rf"|{_COMMA_WITH_NOTE}"
    # "Title — with R. Castellanos and T. Lindahl. Journal, 2023" (initials keep their periods)
    rf"|\s[—–]\s+{_JOINT}with\s+([^;()—–]{{2,160}}?[^\W\d_]{{2}})\s*(?:[.;](?=\s|$)|$))")


def _co_authors_noted(text: str) -> Optional[list[Person]]:
    m = _CO_AUTHORS_RE.search(text)
    if m is None:
        return None
    names = split_author_list(m.group(1) or m.group(2) or m.group(3) or m.group(4)).names
    if m.group(2) and names and not all(looks_like_name(n) and len(n.split()) <= 4 for n in names):
        # the comma list ran past the names (", with A and B, Journal of X."): the shorter reading
        shorter = _COMMA_WITH_NOTE_RE.match(text, m.start())
        names = split_author_list(shorter.group(1)).names if shorter else []
    if not names or not all(looks_like_name(n) and len(n.split()) <= 4 for n in names):
        return None
    people = [p for p in (_person(n) for n in names) if p]
    return people or None


def _gbt_family_first(person: Person) -> Person:
    tokens = person.name.split()
    if len(tokens) != 2 or not _PINYIN_PAIR_RE.fullmatch(person.name):
        return person
    # "Liu Yang" (both are surnames: the standard's order decides), "LI Hua"; not "Yaoyao Sun"
    if tokens[0].lower() in PINYIN_FAMILIES:
        return Person(person.name, tokens[1], tokens[0])
    return person


_GLUED_INITIALS_HEAD_RE = re.compile(r"^((?:[A-Z]\.){1,3})(?=[A-Z][A-Za-zÀ-ÿ'’-]{2,}$)")


def _person(text: str) -> Optional[Person]:
    """A natural-order name -> given/family. A trailing run of initials is the given name
    ("Tyrberg B", "Van den Broeck T"); otherwise the last word and the particles before it
    are the family name ("J. E. Hopcroft" -> "Hopcroft", "Aäron van den Oord" -> "van den Oord")."""
    name = _clean_person(text)
    if not name or not any(c.isalpha() for c in name) or _TRUNCATION_RE.match(name):
        return None
    # "P.E.HALVORSEN", "T.J.BRENNAN": a PDF lost the space after the initials
    if name[1:2] == ".":
        name = _GLUED_INITIALS_HEAD_RE.sub(r"\1 ", name)
    first = family_first_split(name)
    if first is not None:  # "张伟", "山田 太郎", "WANG Xiaoming"
        return Person(name, first[0] or None, first[1])
    tokens = name.split()
    suffix = []
    # "Jr." is a suffix; "JR" after a family name is two initials ("Korenberg JR")
    while len(tokens) > 1 and tokens[-1].lower().rstrip(".") in _SUFFIXES and not tokens[-1].isupper():
        suffix.insert(0, tokens.pop())
    if len(tokens) == 1 or (tokens[0] in PARTICLES and all(t in PARTICLES or t[:1].isupper() for t in tokens[1:])
                            and not any(_is_initials(t) for t in tokens)):
        # a family name alone, particles included ("de Souza", "van der Berg")
        return Person(name, None, " ".join(tokens + suffix))
    if _is_initials(tokens[-1]) and not _is_initials(tokens[0]):
        cut = len(tokens) - 1
        while cut > 1 and _is_initials(tokens[cut - 1]):
            cut -= 1
        given, family = tokens[cut:], tokens[:cut]
    else:
        start = len(tokens) - 1
        while start > 1 and is_particle(tokens[start - 1]):
            start -= 1
        # a lower-case particle earlier on starts the family name ("Cyprien de Masson d’Autume"),
        # as extract.fields.names.split_name has it
        for i in range(1, start):
            if tokens[i][:1].islower() and tokens[i] in PARTICLES:
                start = i
                break
        given, family = tokens[:start], tokens[start:]
    return Person(name, " ".join(given) or None, " ".join(family + suffix))


# dblp/DIN 1505 "Anna One, Bo Two: Title." / "One, Anna ; Two, Bo: Title": the author list ends
# at the first colon
_NAMES_COLON_RE = re.compile(r"^\s*(?:\[\w{1,6}\]\s*|\d{1,3}[.)]\s+)?([^:\d\[\]()]{3,400}?)\s?:\s+(?=\S)")
_NAME_SEPARATOR_RE = re.compile(r"\s*(?:;|,(?:\s*and)?|\s+and\s+|\s*&)\s*")


def _title_head_read_as_author(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"Learning to Grasp" (AUTHOR) + "from" + "Sparse Tactile Feedback" (TITLE): an author
    span that cannot be a name ("to" is no particle) running straight into the title, with
    no punctuation between, is the title's head."""
    out: list[FieldSpan] = []
    for k, span in enumerate(spans):
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        if (span.label == "AUTHOR" and nxt is not None and nxt.label == "TITLE"
                and re.fullmatch(r"[\w\s'’-]*", text[span.end : nxt.start])
                and any(w[:1].islower() and w.lower() not in PARTICLES for w in text[span.start : span.end].split())):
            spans[k + 1] = FieldSpan("TITLE", span.start, nxt.end, min(span.confidence, nxt.confidence))
            continue
        out.append(span)
    return out


def _title_head_after_initials(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'Lindahl M. scVAE-TX' (AUTHOR) + ': ' + 'Disentangling batch …' (TITLE): the last Vancouver
    name ends at its initials' stop; the word after it, up to the title's colon, heads the title."""
    out = list(spans)
    for k, span in enumerate(spans[:-1]):
        nxt = spans[k + 1]
        if span.label != "AUTHOR" or nxt.label != "TITLE" or not re.fullmatch(r"\s*:\s*", text[span.end : nxt.start]):
            continue
        split = re.match(r"([A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?\s[A-Z]{1,3})\.\s+(?=\S)", text[span.start : span.end])
        head = text[span.start + split.end() : span.end] if split else ""
        # (the head is no name: "scVAE-TX", "BERT-2", "eQTL"; "Evelyn R. Harcourt" is one name)
        if split is None or not re.fullmatch(r"[^\s.,;:]+(?:\s[^\s.,;:]+){0,3}", head) \
                or not re.match(r"[a-z]|\S*\d|\S*-[A-Z]|[A-Z]{3}", head):
            continue
        out[k] = FieldSpan("AUTHOR", span.start, span.start + split.end(1), span.confidence)
        out[k + 1] = FieldSpan("TITLE", span.start + split.end(), nxt.end, nxt.confidence)
        break
    return out


_INVERTED_PARTICLE_NAME_RE = re.compile(
    r"(?:von|van|de|der|den|du|da|di|le|la|zu|vom|ten|ter)(?:\s(?:der|den|de|la|le|dem))?\s[A-ZÀ-Þ][\w'’-]+,\s+[A-ZÀ-Þ][\w'’.-]+(?:[\s-][A-ZÀ-Þ][\w'’.-]+)?")
# DIN's imprint after a book's title: "Berlin/New York: de Gruyter 1999", "Weinheim: Beltz 2013"
_PLACE_PUBLISHER_YEAR_RE = re.compile(r"[A-ZÄÖÜ][\w./ -]{1,40}:\s+((?:de\s|von\s)?[A-ZÄÖÜa-z][^:,.;]{1,60}?)\s+(?:19|20)\d{2}\b")
_BARE_FAMILY_LIST_RE = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:,\s[A-Z][a-zà-ÿ'’-]+){2,}")
_NAME_SLASH_RE = re.compile(r"(?<=[^\W\d_.])\s?/\s?(?=[A-ZÀ-Þ])")
# the list's own "et al." before the colon: "Vogt, Michael u. a.:", "Smith, J. et al.:"
_ET_AL_END_RE = re.compile(r"[,;]?\s*(?:et\.?\s?al\.?|u\.\s?a\.|and others|und andere)\s*$", re.I)


def _names_run_to_colon(text: str, last: FieldSpan, colon: int) -> bool:
    """Whether the words between the tagger's last author and the colon are more names: the
    rest of that author ("Ewa" + "Nowicka:"), the given name of an inverted one ("Kessler" +
    ", Tobias:"), or further full names (", Anke de Vries, Samuel Oduya:"), and not a title's
    head ("C. Ussery" + ", VHDL:", "L. Snyder" + ". Chaos Router:")."""
    segment = _ET_AL_END_RE.sub("", text[last.end : colon])
    if not segment.strip():
        return True
    if re.search(r"et\.?\s*al|(?<![A-Z])\.\s", segment):
        return False  # a sentence ended: what follows is the title
    author = text[last.start : last.end].strip().rsplit(";", 1)[-1].strip()  # "…, Thomas;Aksoy": the last name
    if author.endswith(","):  # "Schmidt," + " Eva": the tagger stopped inside an inverted name
        author, segment = author[:-1], "," + segment
    if ";" in segment:  # "Family, Given; Family, Given" lists
        pieces = [p.strip() for p in segment.split(";")]
        head, rest = pieces[0], [p for p in pieces[1:] if p]
        head_ok = not head or re.fullmatch(r",\s*(?:[A-Z][\w'’-]+|[A-Z]\.)(?:[\s-](?:[A-Z][\w'’-]+|[A-Z]\.)){0,2}", head)
        return bool(head_ok) and bool(rest) and all(
            looks_like_name(invert_name(p)) and len(p.split()) <= 5 and not p.isupper() for p in rest)
    if not re.match(r"\s*(?:,|;|&|and\s)", segment):
        whole = (author + segment).strip()
        return looks_like_name(whole) and len(whole.split()) <= 4
    pieces = [p.strip() for p in _NAME_SEPARATOR_RE.split(segment) if p.strip()]
    if not pieces:
        return False
    bare_family = re.fullmatch(r"(?:(?:von|van|de|der|den|du|da|di|le|la|zu|vom|ten|ter)\s)*[A-Z][\w'’-]+", author) is not None
    if _BARE_FAMILY_LIST_RE.fullmatch(text[last.start : colon].strip()):
        return True  # dblp's short form: "Hartung, Oyelowo, Zhang:" (three or more family names alone)
    if bare_family and len(pieces) == 1:  # "Kessler, Tobias" / "Kessler, T."
        return re.fullmatch(r"(?:[A-Z][\w'’-]+|[A-Z]\.)(?:[\s-](?:[A-Z][\w'’-]+|[A-Z]\.)){0,2}", pieces[0]) is not None
    return all(looks_like_name(p) and 2 <= len(p.split()) <= 4 and not p.isupper() for p in pieces)


def _names_before_colon(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """When everything before an entry's first colon is a list of names, and the tagger agrees
    that it starts with a person, those are the authors and the title starts after the
    colon, whatever the tagger did with the last names (it often reads "Samuel Oduya:" or the
    given name of an inverted "Kessler, Tobias:" as the title's first words)."""
    m = _NAMES_COLON_RE.match(text)
    title = next((s for s in spans if s.label == "TITLE"), None)
    if m is not None and title is None:
        # "Weiß, Gerhard u. a.: Handbuch der Dialektgeographie. Berlin/New York: de Gruyter 1999":
        # no title tagged, and the "venue" right after the names' colon is the title
        venue = next((s for s in spans if s.label == "VENUE"), None)
        publisher = _PLACE_PUBLISHER_YEAR_RE.match(text, venue.end + 2) if venue is not None else None
        if (venue is not None and venue.start == m.end() and publisher is not None and text[venue.end : venue.end + 2] == ". "
                and any(s.label == "AUTHOR" and s.end <= m.end(1) for s in spans)):
            spans = [FieldSpan("TITLE", s.start, s.end, s.confidence) if s is venue else s for s in spans]
            title = next(s for s in spans if s.label == "TITLE")
            spans = sorted(spans + [FieldSpan("VENUE", publisher.start(1), publisher.end(1), venue.confidence)], key=lambda s: s.start)
    if (m is not None and title is not None and not any(s.label == "AUTHOR" for s in spans) and title.start < m.end()
            and _INVERTED_PARTICLE_NAME_RE.fullmatch(m.group(1).strip())):
        # "von Hohenbühl, Dietrich: Kunst und Andacht": the tagger took the particle-led name
        # for the title's head; an inverted name before the colon is the author
        spans = sorted([s for s in spans if s is not title]
                       + [FieldSpan("AUTHOR", m.start(1), m.start(1) + len(m.group(1).rstrip()), title.confidence),
                          FieldSpan("TITLE", m.end(), title.end, title.confidence)], key=lambda s: s.start)
        return spans
    if m is None or title is None or title.end <= m.end() or title.start >= m.end():
        return spans
    if "/" in m.group(1):
        # German legal style separates inverted names with slashes: "Wendlinger, Thomas/Aksoy,
        # Derya:"; read them as "; " (same length, so every offset holds)
        text = text[: m.start(1)] + _NAME_SLASH_RE.sub(lambda x: x.group(0).replace("/", ";"), m.group(1)) + text[m.end(1):]
    head_start, head_end = m.start(1), m.end(1)
    et_al = _ET_AL_END_RE.search(text, head_start, head_end)
    if et_al:  # the list's "u. a." / "et al." is no name
        head_end = et_al.start()
    before = [s for s in spans if s.label == "AUTHOR" and s.end <= m.end(1)]
    if not before or not _names_run_to_colon(text, before[-1], head_end):
        return spans
    if any(s.label == "AUTHOR" and s.start >= m.end() for s in spans):
        return spans  # names after the title too: not this layout
    head = text[head_start:head_end]
    parts = _NAME_SEPARATOR_RE.split(head)
    names = split_author_list(head).names
    if not names or not all(looks_like_name(n) and len(n.split()) <= 5 for n in names):
        return spans
    # one span per name: inverted "Family, Given" pairs stay together (split_author_list decides)
    people: list[FieldSpan] = []
    cursor = head_start
    words = [p for p in parts if p]
    # "Vogt, Michael:" is one inverted name (DIN), not two family names
    inverted = (";" in head or len(names) < len(words) or (len(words) == 2 and all(" " not in w for w in words))) \
        and not _BARE_FAMILY_LIST_RE.fullmatch(head.strip())
    pieces = re.split(r"\s*;\s*", head) if ";" in head else ([head] if inverted else parts)
    for piece in pieces:
        piece = re.sub(r"^(?:and|&)\s+", "", piece.strip())
        if not piece:
            continue
        at = text.find(piece, cursor, head_end)
        if at < 0:
            return spans
        people.append(FieldSpan("AUTHOR", at, at + len(piece), title.confidence))
        cursor = at + len(piece)
    kept = [s for s in spans if s.start >= m.end() and s is not title]
    return sorted(people + [FieldSpan("TITLE", m.end(), title.end, title.confidence)] + kept, key=lambda s: s.start)


# "Situ, Y. LoRa-Sense": an inverted name ends with its initials; a word after them is not
# the person's (here the title's first word, set before a colon)
_INVERTED_NAME_RUN_ON_RE = re.compile(r"^(.+?,\s*(?:[A-Z]\.[\s-]?){1,3})\s*([A-Z][\w'’-]+)$")


# "Tavo, Felise. Woman" (AUTHOR) + ", Mother and Bride: …" (TITLE): a whole inverted name,
# its full stop, then the title's first word
_NAME_THEN_TITLE_WORD_RE = re.compile(r"^([A-Z][\w'’-]+(?:\s[\w'’-]+){0,2},\s*[A-Z][a-z][\w'’-]*(?:\s[A-Z][a-z][\w'’-]*)?)\.\s+([A-Z][\w'’-]*)$")


def _title_head_left_out(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A title whose head the tagger left untagged or glued to the last author: "Paul
    Reynolds, Trade in the Western Mediterranean, AD 400" + "-700 : the Ceramic Evidence"
    (a title cannot start with "-", ":" or a lower-case word), "Tavo, Felise. Woman" + ", Mother
    and Bride: …". The head runs from the end of the span before it."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) == 2:
        # "Trade in the Western" + "Mediterranean, AD 400" (untagged) + "-700 : the Ceramic
        # Evidence": a second part that cannot start a title continues the first
        a, b = titles
        between = [s for s in spans if a.end <= s.start < b.start]
        gap = text[a.end : b.start]
        lead = text[b.start : b.start + 1]
        if (not between and not (lead.isupper() or lead.isdigit() or lead in "\"“‘'«(") and len(gap.split()) <= 8
                and not YEAR_RE.search(gap) and not re.search(r"\b(?:In|in)\b|[.?!]\s", gap)):
            merged = FieldSpan("TITLE", a.start, b.end, a.confidence)
            return [merged if s is a else s for s in spans if s is not b]
        return spans
    if len(titles) != 1:
        return spans
    title = titles[0]
    k = spans.index(title)
    prev = spans[k - 1] if k > 0 else None
    if prev is not None and prev.label == "AUTHOR":
        m = _NAME_THEN_TITLE_WORD_RE.match(text[prev.start : prev.end])
        if m and re.fullmatch(r"\s*,?\s*", text[prev.end : title.start]):
            head = prev.start + m.start(2)
            return spans[: k - 1] + [FieldSpan("AUTHOR", prev.start, prev.start + m.end(1), prev.confidence),
                                     FieldSpan("TITLE", head, title.end, title.confidence)] + spans[k + 1 :]
    first = text[title.start : title.start + 1]
    if first.isupper() or first.isdigit() or first in "\"“‘'«(":
        return spans
    gap_start = prev.end if prev is not None else 0
    gap = text[gap_start : title.start]
    words = re.findall(r"[^\W\d_][\w'’-]*", gap)
    if len(words) < 2 or YEAR_RE.search(gap) or re.search(r"\b(?:In|in)\s*:", gap):
        return spans
    lead = re.match(r"[\s,.;:()\]]*", gap).end()
    if not text[gap_start + lead : gap_start + lead + 1].isupper() or re.match(r"[A-Z]\.", gap[lead:]):
        return spans  # a lower-case word or the last author's initials ("E., Macroscopic")
    return spans[:k] + [FieldSpan("TITLE", gap_start + lead, title.end, title.confidence)] + spans[k + 1 :]


_INITIALS_FAMILY_HEAD_RE = re.compile(r"((?:[A-Z]{1,3}|[A-Z]\.(?:\s?[A-Z]\.){0,2})\s+[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]*[a-zß-ÿ][\w'’-]*)(?:…|\.\.\.)?(?=\s|$)")


def _last_author_read_into_venue(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A Scholar byline copied without its line breaks: 'X Liu, T Ogunleye' (AUTHOR) + ', ' + 'M
    Richter IEEE Transactions on …' (VENUE): the last "initials family" name of the list, shaped
    like the names before it, is no part of the venue."""
    for k in range(len(spans) - 1):
        author, venue = spans[k], spans[k + 1]
        if author.label != "AUTHOR" or venue.label != "VENUE":
            continue
        gap = re.fullmatch(r"\s*,\s*((?:[A-Z]{1,3}|[A-Z]\.(?:\s?[A-Z]\.){0,2})\s+)?", text[author.end : venue.start])
        if gap is None:
            continue
        if not _INITIALS_FAMILY_HEAD_RE.fullmatch(text[author.start : author.end].strip()):
            continue
        # ("…, T Lindgren, K" + "Abe Findings of …": the initials left untagged before the venue)
        start = author.end + gap.start(1) if gap.group(1) else venue.start
        m = _INITIALS_FAMILY_HEAD_RE.match(text, start)
        if m is None:
            continue
        rest = re.match(r"(?:…|\.\.\.)?\s*", text[m.end(1) :])
        at = m.end(1) + rest.end()
        name = FieldSpan("AUTHOR", start, m.end(1), venue.confidence)
        kept = [FieldSpan("VENUE", at, venue.end, venue.confidence)] if at < venue.end - 1 else []
        return spans[:k + 1] + [name] + kept + spans[k + 2 :]
    return spans


def _person_named_in_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'A. Hurwitz, Sur un theoreme' + 'de M. Hadamard' + ', C. R. Acad. …', 'A problem of' + 'V. M.'
    + 'Zolotarev and analogues …': a name the title mentions, tagged as a person. With the
    authors listed before the title, a name set off from the title by a bare space (no comma
    or full stop), between two title pieces or after a title ending on a function word or
    opening with a particle, is the title's."""
    for k in range(1, len(spans)):
        title, name = spans[k - 1], spans[k]
        if title.label != "TITLE" or name.label != "AUTHOR" or text[title.end : name.start] != " ":
            continue
        if not any(s.label == "AUTHOR" and s.end <= title.start for s in spans[: k - 1]):
            continue
        after = spans[k + 1] if k + 1 < len(spans) else None
        between = after is not None and after.label == "TITLE" and text[name.end : after.start] == " "
        last_word = text[title.start : title.end].rsplit(None, 1)[-1].lower()
        particle = re.match(r"(?:de|van|von|der|di|du|del|da|of)\s", text[name.start : name.end]) is not None
        if not (between or particle or (last_word in _DANGLING and last_word not in ("by", "and", "with"))):
            continue
        end = after.end if between else name.end
        conf = min(title.confidence, after.confidence) if between else title.confidence
        return spans[: k - 1] + [FieldSpan("TITLE", title.start, end, conf)] + spans[k + (2 if between else 1) :]
    return spans


def _names_inside_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A homepage entry, title first, whose author list the tagger read into the title
    ("Towards interpretable world models. Kenji Watanabe, Olivia Grant, Farid Mansour" +
    ". arXiv:…"): with no author found elsewhere, the list after the title's last full stop
    is the authors."""
    if any(s.label == "AUTHOR" for s in spans):
        return spans
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) != 1:
        return spans
    title = titles[0]
    raw = text[title.start : title.end]
    cut = raw.rfind(". ")
    if cut <= 0:
        return spans
    tail = raw[cut + 2 :]
    names = split_author_list(tail).names
    if not (2 <= len(names) <= 40 and _natural_order_names(names) and len(raw[:cut].split()) >= 2):
        return spans
    k = spans.index(title)
    at = title.start + cut + 2
    return spans[:k] + [FieldSpan("TITLE", title.start, title.start + cut, title.confidence),
                        FieldSpan("AUTHOR", at, title.end, title.confidence)] + spans[k + 1 :]


_INITIALS_NAME = r"(?:[A-Z]{1,3}|[A-Z]\.(?: ?[A-Z]\.){0,2}) [A-Z][\w'’-]+"
_TITLE_TAIL_NAME_RE = re.compile(rf"\s({_INITIALS_NAME})\s*$")
_AUTHORS_HEAD_NAME_RE = re.compile(rf"\s*,\s*{_INITIALS_NAME}\s*(?:,|$)")


_LAST_NAME_HEAD_RE = re.compile(r"((?:[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+|[A-Z]\.)(?:\s(?:(?:van|von|de|der|den|da|del|la|le|di|du)\s)*[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+){1,3})[*†‡]*\.\s+(?=[A-ZÀ-Þ\"“'‘])")


_INITIALS_NAME_HEAD_RE = re.compile(r"((?:[A-ZÀ-Þ]\.\s?-?){1,3}\s?(?:(?:van|von|de|der|den|da|del|la|le|di|du)\s){0,3}"
                                    r"[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]*[a-zß-ÿ][\w'’-]*)\s+(?=[A-ZÀ-Þ0-9\"“‘])")


def _last_author_read_into_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"Tomás Herrera*, Yuki Ando*, Olivia Grant. Diffusion Policies …": the last name of a
    natural-order list, right after the others and a comma, read as the head of the title."""
    for k in range(1, len(spans)):
        span, before = spans[k], spans[k - 1]
        if span.label != "TITLE" or before.label != "AUTHOR":
            continue
        joined = re.fullmatch(r"[*†‡\s]*\s(?:and|&)\s+", text[before.end : span.start])
        if not joined and not re.fullmatch(r"[*†‡\s]*,\s*(?:and\s+|&\s*)?", text[before.end : span.start]):
            continue
        head = _LAST_NAME_HEAD_RE.match(text, span.start)
        if head is None and not joined and re.match(r"(?:[A-ZÀ-Þ]\.\s?-?)+\s?[A-ZÀ-Þ]", text[before.start : before.end]):
            # a publisher's web list, no mark before the title: "H. Quintana, M.-L. Dufrène, C. Sørby
            # Physiologically based …" (the last name shaped like the ones before it)
            head = _INITIALS_NAME_HEAD_RE.match(text, span.start)
            if head and len(head.group(1).split()) > len(text[before.start : before.end].split()) + 1:
                head = None
        if not head or head.end() >= span.end or len(text[head.end() : span.end].split()) < 3:
            continue
        name = head.group(1)
        if not looks_like_name(name) or _ORGANISATION_NAME_RE.search(name):
            continue
        if len(name.split()) != len(text[before.start:before.end].split()) and not (joined and 2 <= len(name.split()) <= 3):
            continue  # the same shape as the name before it ("Yuki Ando" / "Olivia Grant"), or after "and"
        return spans[:k] + [FieldSpan("AUTHOR", head.start(1), head.end(1), span.confidence),
                            FieldSpan("TITLE", head.end(), span.end, span.confidence)] + spans[k + 1 :]
    return spans


_NAME_WORDS = r"[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w'’.-]*|de|da|van|von|der|den|del|di|du|le|la|bin|al|el)){1,3}"
# after a name read as the title: the list's end (", and Lars Petersen"), then the year's sentence
_LIST_END_THEN_YEAR_RE = re.compile(rf"(,\s*(?:and\s+|&\s*)({_NAME_WORDS}))?\.\s+")
# the sentence after the year: the title, up to a stop before a capital (or the venue's "In")
_SENTENCE_AFTER_YEAR_RE = re.compile(r"[a-z]?\.\s+([^\s.][^.]{5,300}?[?!]?)\.\s+(?=[A-ZÀ-Þ]|In\s)")
_ACL_VENUE_RE = re.compile(r"(?:In\s+)?([A-ZÀ-Þ][^,]{1,200}?)(?=,\s*(?:pages|pp\.|abs/|\d|volume|vol\.)|\.\s|\.?$)")


def _last_names_read_as_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"A, B, …, Grace Odhiambo, and Lars Petersen. 2024. Title. ArXiv, abs/…": in a long list of
    names the tagger, its position features pushed past the list, takes one of the last names for
    the title and the real title, the sentence after the year, for the venue. A "title" shaped like a
    person's name, right after the names and a comma, with the year's sentence next, is a name; the
    title is that next sentence."""
    titles = [s for s in spans if s.label == "TITLE"]
    years = [s for s in spans if s.label == "YEAR"]
    if len(titles) != 1 or not years:
        return spans
    title = titles[0]
    k = spans.index(title)
    if k == 0 or spans[k - 1].label != "AUTHOR" or sum(s.label == "AUTHOR" for s in spans[:k]) < 2:
        return spans
    if not re.fullmatch(r"[*†‡\s]*,\s*(?:and\s+|&\s*)?", text[spans[k - 1].end : title.start]):
        return spans
    name = text[title.start : title.end]
    if not re.fullmatch(_NAME_WORDS, name) or not looks_like_name(name) or _ORGANISATION_NAME_RE.search(name):
        return spans
    tail = _LIST_END_THEN_YEAR_RE.match(text, title.end)
    year = next((y for y in years if y.start >= title.end), None)
    if not tail or year is None or year.start != tail.end() or not re.fullmatch(r"(?:19|20)\d{2}", text[year.start : year.end]):
        return spans
    sentence = _SENTENCE_AFTER_YEAR_RE.match(text, year.end)
    if not sentence or len(sentence.group(1).split()) < 3:
        return spans
    new_title = FieldSpan("TITLE", sentence.start(1), sentence.end(1), title.confidence)
    kept = [s for s in spans if s is not title and not (s.label in ("TITLE", "VENUE") and s.start < sentence.end())]
    added = [FieldSpan("AUTHOR", title.start, title.end, title.confidence), new_title]
    if tail.group(2) and not any(s.label == "AUTHOR" and s.start < tail.end(2) and s.end > tail.start(2) for s in kept):
        added.append(FieldSpan("AUTHOR", tail.start(2), tail.end(2), title.confidence))
    if not any(s.label == "VENUE" for s in kept):
        venue = _ACL_VENUE_RE.match(text, sentence.end())
        if venue:
            added.append(FieldSpan("VENUE", venue.start(1), venue.end(1), title.confidence))
    return sorted(kept + added, key=lambda s: s.start)


def _first_author_read_into_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """Title first, then the names with nothing but a space between ("… using remote sensing
    A Kowalski, M Chen, R Duarte Journal …"): the tagger reads the first name into the title. A
    title tail shaped exactly like the next author ("A Kowalski" before ", M Chen") is that
    first author."""
    for k, span in enumerate(spans[:-1]):
        after = spans[k + 1]
        if span.label != "TITLE" or after.label != "AUTHOR":
            continue
        tail = _TITLE_TAIL_NAME_RE.search(text, span.start, span.end)
        if not tail or len(text[span.start : tail.start(1)].split()) < 3:
            continue
        if not _AUTHORS_HEAD_NAME_RE.match(text[span.end : after.end] + ","):
            continue
        title = FieldSpan("TITLE", span.start, span.start + len(text[span.start : tail.start(1)].rstrip()), span.confidence)
        return spans[:k] + [title, FieldSpan("AUTHOR", tail.start(1), tail.end(1), span.confidence)] + spans[k + 1 :]
    return spans


def _title_first_word_read_as_author(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"…, H. Jin, Research, development and innovations for …" / "Smalley, R. E. Macroscopic,
    neat, single-walled carbon nanotube fibers": a title's first word before a comma read as one
    more author (or the end of the last one), the title then starting in lower case. A
    capitalised word closing the names, right before such a title, is the title's head."""
    for k in range(len(spans) - 1):
        author, title = spans[k], spans[k + 1]
        if author.label not in ("AUTHOR", "VENUE") or title.label != "TITLE" or not text[title.start : title.start + 1].islower() \
                or re.match(r"(?:and|et|und|y|e)\s", text[title.start : title.end]):  # "and 2 others"
            continue
        gap = text[author.end : title.start]
        if not re.fullmatch(r"\s*,\s*", gap):
            continue
        word = re.search(r"(?:^|(?<=[.,]\s)|(?<=\.))([A-Z][a-z]{3,}(?:-[a-z]+)?|[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)?)$",
                         text[author.start : author.end])  # "Research", or an acronym: "BAFF-R"
        if not word:
            continue
        head = author.start + word.start(1)
        kept = text[author.start : head].rstrip(" ,;")
        if author.label == "VENUE" and kept:
            continue  # a venue only when the tagger called the lone word itself one
        merged = FieldSpan("TITLE", head, title.end, title.confidence)
        if not kept:  # the whole "author" was the word
            return spans[:k] + [merged] + spans[k + 2 :]
        # what stays must be a whole name ("Smalley, R. E."), not an initial left alone ("K.")
        if not re.search(r"[A-Z]\.$|[A-Z][a-z]+$", kept) or not re.search(r"[^\W\d_]{2,}", kept):
            continue
        return spans[:k] + [FieldSpan("AUTHOR", author.start, author.start + len(kept), author.confidence), merged] + spans[k + 2 :]
    return spans


def _one_word_title_read_as_author(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"J. Feder, Fractals, Plenum Press, New York, 1988.": with no title found, a last "author"
    that is one bare word after names written with initials is the (one-word) title."""
    if any(s.label == "TITLE" for s in spans):
        return spans
    authors = [s for s in spans if s.label == "AUTHOR"]
    if len(authors) < 2:
        return spans
    last = authors[-1]
    word = text[last.start : last.end]
    if not re.fullmatch(r"[A-Z][a-z]{3,}", word) or not re.match(r"\s*[,.]\s*\S", text[last.end :]):
        return spans
    if not all(re.search(r"\b[A-Z]\.", text[a.start : a.end]) for a in authors[:-1]):
        return spans
    return [FieldSpan("TITLE", s.start, s.end, s.confidence) if s is last else s for s in spans]


# GSA/USGS: "Title: Journal, v. 47, no. 5, p. 411–415"
_GSA_JOURNAL_RE = re.compile(r":\s+([A-Z][^:;]{2,80}?),\s+v\.\s*\d")
# Vancouver/NLM: "Title. PLoS Negl Trop Dis. 2019;13(8):e0007612", "… Hum Mol Genet 1996; 5: 933"
_NLM_JOURNAL_TAIL_RE = re.compile(r"\.\s+((?:[A-Z][A-Za-z]{0,14}\.?\s){0,5}[A-Z][A-Za-z]{0,14}\.?(?:\s\([A-Z][a-z]{1,12}\.?\))?)$")
# ("Occup Med (Lond). 2018;": a place in brackets is part of the abbreviation)
_NLM_JOURNAL_SENTENCE_RE = re.compile(r"\.\s+((?:[A-Z][A-Za-z]{0,14}\.?\s){0,5}[A-Z][A-Za-z]{0,14}\.?(?:\s\([A-Z][a-z]{1,12}\.?\))?)\.?\s+(?:19|20)\d{2}(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?\s*;")
_NLM_DATE_AFTER_RE = re.compile(r"\.?\s*(?:19|20)\d{2}(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?\s*;")


def _place_name_ending_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A title ending in a place the tagger (unsure) read as a person: "… em reservatórios urbanos
    de" + "Belo Horizonte" with nothing between them, so the "name" ends the title; and in ABNT,
    a second "title" before ", São Paulo, v. 25" or ", v. 25" is the journal."""
    out = list(spans)
    for k in range(len(out) - 1):
        title, name = out[k], out[k + 1]
        if title is None:
            continue
        if (title.label == "TITLE" and name.label == "AUTHOR" and name.confidence < 0.5
                and text[title.end : name.start].isspace() and re.search(r"\s[a-zà-ÿ]{1,4}$", text[title.start : title.end])):
            out[k] = FieldSpan("TITLE", title.start, name.end, title.confidence)
            out[k + 1] = None
    out = [s for s in out if s is not None]
    titles = [s for s in out if s.label == "TITLE"]
    if len(titles) == 2 and not any(s.label == "VENUE" for s in out):
        second = titles[1]
        if _ABNT_JOURNAL_AT_RE.match(text, second.start) and _ABNT_JOURNAL_AT_RE.match(text, second.start).end(1) == second.end:
            out = [FieldSpan("VENUE", s.start, s.end, s.confidence) if s is second else s for s in out]
    return out


# the humanities' comma style (Italian, Spanish, French): "Autore, Titolo, in «Rivista», 61
# (2009)", "Titolo, in Libro, a cura di X, Firenze, Olschki, 1998", "Titolo, Roma, Editore, 1972"
_IN_GUILLEMETS_RE = re.compile(r",\s+(?:in|In|en|em|dans|In:|in:)\s+«([^«»]{2,200})»")
_BARE_GUILLEMETS_RE = re.compile(r"\s*,\s+«([^«»]{2,200})»")
_IN_EDITED_BOOK_RE = re.compile(r",\s+(?:in|In|en|em|dans|In:|in:)\s+([A-ZÀ-Þ][^«»]{2,200}?),\s+(?:a cura di|ed\.|eds\.|edited by|hrsg\.|éd\.|dir\.|coord\.|org\.)\s")
_CITY_PUBLISHER_TAIL_RE = re.compile(
    rf",\s+(?:{_PUBLISHING_CITIES})(?:\s*[-–/]\s*(?:{_PUBLISHING_CITIES}))?,\s+((?:(?:il|la|lo|le|les|el|de|di)\s+)?[A-ZÀ-Þ][^,]{{1,80}}?)"
    # then the year, a status, or the series and edition French puts between ("coll. « U »", "2e éd.")
    rf"(?=,\s+(?:(?:1[5-9]|20)\d{{2}}|in corso di stampa|in stampa|en prensa|sous presse|s\.\s?d\.|n\.\s?d\.|"
    rf"coll\.|\d{{1,2}}(?:e|ème|a|ª)\s+[ée]d)|$)"
    # Polish: "…, Universitas, Kraków 2010": the publisher before the city and year
    rf"|,\s+([A-ZÀ-Þ][^,]{{1,60}}?),\s+(?:{_PUBLISHING_CITIES})\s+(?:1[5-9]|20)\d{{2}}\b")


def _comma_style_container(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """Where a comma-style reference's title ran on into its container or its imprint: the
    title ends at ", in «Rivista»", ", in Book, a cura di", or ", City, Publisher, Year", and
    the journal, book or publisher is the venue."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) == 2 and not any(s.label == "VENUE" for s in spans) and text[titles[1].start - 1 : titles[1].start] == "«" \
            and re.fullmatch(r"\s*,?\s*(?:in\s+)?«", text[titles[0].end : titles[1].start]):
        # "Iscrizioni inedite …, «Aquileia Nostra»": the title in guillemets after the title is the journal
        spans = [FieldSpan("VENUE", s.start, s.end, s.confidence) if s is titles[1] else s for s in spans]
        titles = titles[:1]
    if len(titles) != 1:
        return spans
    title = titles[0]
    imprint = _CITY_PUBLISHER_TAIL_RE.search(text, title.end)
    if (imprint and not any(title.end <= s.start < imprint.start() for s in spans)
            and "." not in text[title.end : imprint.start()] and len(text[title.end : imprint.start()].split()) <= 12
            and (not text[title.end : title.end + 2].strip().startswith(("(", "[", ":"))
                 # "… in Emilia" + " (1945-1975)" + ", Roma, Carocci, 2021": a period in brackets ends the title
                 or re.match(r"\s*\((?:1[5-9]|20)\d{2}\s*[-–]\s*(?:(?:1[5-9]|20)\d{2}|\d{2})\)\s*$", text[title.end : imprint.start()]))):
        # the tagger stopped early: "Archeologia dei" + "paesaggi rurali in Puglia" + ", Bari, Edipuglia, 2021"
        title = FieldSpan("TITLE", title.start, imprint.start(), title.confidence)
        spans = [title if s is titles[0] else s for s in spans]
        if not any(s.label == "VENUE" for s in spans):
            g = 1 if imprint.group(1) is not None else 2
            spans = sorted(spans + [FieldSpan("VENUE", imprint.start(g), imprint.end(g), title.confidence)], key=lambda s: s.start)
    if "," not in text[title.start : title.end] and "«" not in text[title.end : title.end + 4]:
        return spans
    has_venue = any(s.label == "VENUE" for s in spans)
    for pattern in (_IN_GUILLEMETS_RE, _IN_EDITED_BOOK_RE, _CITY_PUBLISHER_TAIL_RE):
        m = pattern.search(text, title.start)
        if m and title.start < m.start() < title.end and len(text[title.start : m.start()].split()) >= 2:
            kept = [s for s in spans if s is not title and not (s.label == "VENUE" and s.start < m.end())]
            new = [FieldSpan("TITLE", title.start, m.start(), title.confidence)]
            if not any(s.label == "VENUE" for s in kept):
                g = 1 if m.group(1) is not None else 2
                new.append(FieldSpan("VENUE", m.start(g), m.end(g), title.confidence))
            return sorted(kept + new, key=lambda s: s.start)
    if not has_venue:
        bare = _BARE_GUILLEMETS_RE.match(text, title.end)
        if bare:  # "Iscrizioni inedite …, «Aquileia Nostra», LXXXIV (2013)"
            return sorted(spans + [FieldSpan("VENUE", bare.start(1), bare.end(1), title.confidence)], key=lambda s: s.start)
    return spans


# AMS and other comma styles: ", Ergodic Theory Dynam. Systems 42 (2022), 3011–3040", ", Mat. Sb. (N.S.)
# 35(77) (1954)", ", Cambridge Stud. Adv. Math., vol. 188, …", ", Séminaire Bourbaki, Exp. No. 1156": a
# journal or series name (an abbreviation in it), then its volume and year or "vol." or an exposé number
_COMMA_JOURNAL_TAIL_RE = re.compile(
    r",\s+(?P<journal>[A-Z](?:[^\W\d_]|['’-])*\.?(?:\s+(?:[A-Z](?:[^\W\d_]|['’-])*\.?|of|and|in|the|for|on|de|des|du|di|la|le|et|und|für|&|—|-|"
    r"\([A-Z.]{2,8}\)))*?)"
    r"(?:\s*\d{1,4}(?:\s*\(\d{1,4}\))?\s+\((?:1[6-9]|20)\d{2}\)|,\s+vol\.\s*\d|,\s+Exp(?:osé)?\.\s*(?:No\.\s*)?[\dIVXL]+)")


def _comma_journal_read_into_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """The journal (or series) a comma-style reference names after its title, run into the title:
    "…without conjugate points, Ergodic Theory Dynam" + ". Systems 42 (2022)". The title ends at the
    comma before the name when the name holds an abbreviation (or is a Séminaire) and the volume
    and year, "vol." or the exposé number follow it."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) != 1 or ", " not in text[titles[0].start : titles[0].end]:
        return spans
    title = titles[0]
    for m in _COMMA_JOURNAL_TAIL_RE.finditer(text, title.start):
        if m.start() >= title.end:
            break
        journal = m.group("journal")
        if not (re.search(r"\b[A-Z][a-z]{0,10}\.", journal) or journal.startswith("Séminaire")) \
                or len(text[title.start : m.start()].split()) < 3 \
                or text[title.start : m.start()].count("(") != text[title.start : m.start()].count(")"):
            continue
        start, end = m.start("journal"), m.end("journal")
        kept = [s for s in spans if s is not title and not (s.label == "VENUE" and s.start < m.end())]
        return sorted(kept + [FieldSpan("TITLE", title.start, m.start(), title.confidence),
                              FieldSpan("VENUE", start, end, title.confidence)], key=lambda s: s.start)
    return spans


# MLA's one author heading the entry: "Ferris, Alma. Title. Journal, …"
_INVERTED_HEAD_NAME_RE = re.compile(r"^\s*([A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:[ -][A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?,\s+[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s[A-ZÀ-Þ]\.)?)\.\s+(?=\S)")


def _inverted_head_name_left_out(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """An entry headed by one inverted name the tagger left untagged ("Ferris, Alma. The salt
    roads. …"): with no author found and the title starting right after it, the name is the author."""
    if any(s.label == "AUTHOR" for s in spans) or not spans:
        return spans
    head = _INVERTED_HEAD_NAME_RE.match(text)
    if not head or spans[0].start < head.end() or spans[0].label != "TITLE":
        return spans
    family, given = (p.strip() for p in head.group(1).split(",", 1))
    if not (looks_like_name(f"{given} {family}") and not _ORGANISATION_NAME_RE.search(head.group(1))):
        return spans
    return [FieldSpan("AUTHOR", head.start(1), head.end(1), spans[0].confidence)] + spans


# the editors of an edited volume heading it: "Okafor, Nkem, and Tomas Berg, eds. Rivers of Empire …"
_LAST_EDITOR_GAP_RE = re.compile(r",?\s*(?:and|&)\s+([A-ZÀ-ÞĀ-ŽȘȚ][\w'’.-]+(?:\s+[A-ZÀ-ÞĀ-ŽȘȚ][\w'’.-]+){1,3}),?\s*\(?[Ee]ds?\.?\)?[.,]?\s*")


def _last_editor_left_out(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """The last name of a volume's editors heading the entry, left untagged before "eds." (the
    tagger reads the mark as the start of a container): the name is one more of its people."""
    for k in range(len(spans) - 1):
        author, title = spans[k], spans[k + 1]
        if author.label != "AUTHOR" or title.label != "TITLE" or any(s.label == "TITLE" for s in spans[:k]):
            continue
        gap = _LAST_EDITOR_GAP_RE.fullmatch(text, author.end, title.start)
        if gap and looks_like_name(gap.group(1)):
            return spans[: k + 1] + [FieldSpan("AUTHOR", gap.start(1), gap.end(1), author.confidence)] + spans[k + 1 :]
        break
    return spans


# a note's journal after its title, where the tagger tagged none: OSCOLA's "‘Title’ (2019) 78 CLJ 45",
# and "…, in: Historische Zeitschrift 288 (2009)", "en Criticón, 98 (2006)", "in «Lettere italiane», LXII, 3 (2010)"
_NOTE_JOURNAL_RE = re.compile(
    r"[’'\"”»]?,?\s*(?:[\[(](?:1[6-9]|20)\d{2}[\])]\s+(?:\d{1,4}\s+)?(?P<oscola>[A-Z][A-Za-z&.]*(?:\s[A-Z&][A-Za-z&.]*){0,5})\s+\d{1,5}\b"
    r"|(?:in:?|en|dans)\s+[«\"“]?(?P<journal>[A-ZÀ-ÞĀ-ŽȘȚ][^,«»\"“”()]{2,80}?)[»\"”]?,?\s+(?:\d{1,4}|[IVXLC]{1,7})\b[^()]{0,20}\((?:1[6-9]|20)\d{2}\))")


def _note_journal(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """The journal of a footnote citation the tagger left untagged, read from its shape right
    after the title."""
    if any(s.label == "VENUE" for s in spans):
        return spans
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    m = _NOTE_JOURNAL_RE.match(text, title.end)
    if not m:
        return spans
    group = "oscola" if m.group("oscola") else "journal"
    return sorted(spans + [FieldSpan("VENUE", m.start(group), m.end(group), title.confidence)], key=lambda s: s.start)


def _journal_tagged_as_last_author(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """RSC and other title-less references: "… and T. Greaves, Green Chem., 2021, 23, 1120–1131."
    The abbreviated journal, tagged as one more author, is the venue: its stop, then year,
    volume and pages."""
    if any(s.label in ("TITLE", "VENUE") for s in spans):
        return spans
    authors = [k for k, s in enumerate(spans) if s.label == "AUTHOR"]
    if len(authors) < 2:
        return spans
    last = spans[authors[-1]]
    name = text[last.start : last.end]
    if (re.match(r"\.,\s*(?:19|20)\d{2},\s*\d{1,4}\s*[,(:]", text[last.end : last.end + 16])
            and not re.search(r"\b[A-Z]\.?(?:\s|$)|,", name) and len(name.split()) <= 6
            and all(re.search(r"\b[A-Z]\.?\s", text[spans[k].start : spans[k].end] + " ") for k in authors[:-1])):
        return [FieldSpan("VENUE", s.start, s.end, s.confidence) if s is last else s for s in spans]
    return spans


def _title_head_tagged_as_last_author(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"J. W. Harlan, Digital Signal Processing: Theory and Practice, 3rd ed.": every other name
    written with initials, the last "name" (no initials) before a colon and the title is the
    title's head."""
    for k in range(1, len(spans)):
        title, head = spans[k], spans[k - 1]
        if title.label != "TITLE" or head.label != "AUTHOR" or not re.fullmatch(r"\s*:\s*", text[head.end : title.start]):
            continue
        others = [s for s in spans[: k - 1] if s.label == "AUTHOR"]
        head_text = text[head.start : head.end]
        if others and len(head_text.split()) >= 2 and not re.search(r"\b[A-Z]\.|,", head_text) \
                and all(re.search(r"\b[A-Z]\.", text[s.start : s.end]) for s in others):
            return spans[: k - 1] + [FieldSpan("TITLE", head.start, title.end, title.confidence)] + spans[k + 1 :]
    return spans


_IMPRINT_IN_TITLE_RE = re.compile(r"(?<!\bvs)(?<!\bv)(?<!\bcf)\.\s+[^\s.:,]{2,30}(?:\s[^\s.:,]{2,30}){0,2}(?:,\s*[A-Z]{2})?\s?:\s+[^.:]{2,60}$")
_PLACE_CLOSING_TITLE_RE = re.compile(r",\s+([A-Z][\w.'’-]+(?:\s(?:[A-Z][\w.'’-]+|region|area|basin|county|valley|province|state)){0,3}"
                                     # USGS: "…, California, 1980–2017:", "…, Washington, water years 2012–2019:"
                                     r"(?:,\s+(?:water years\s+|calendar years\s+)?(?:1[89]|20)\d{2}\s?[-–]\s?(?:(?:1[89]|20)\d{2}|\d{2}))?)"
                                     r"(?=:\s+[A-Z]|\s\((?!\d)[A-Z])")
_EDITION_WORD_RE = re.compile(r"(?i)\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|rev(?:ised)?\.?)\s+(?:ed|edn|edition)\b|\bedn?\.?$|\bAufl")
_IMPRINT_AHEAD_RE = re.compile(r"\.\s+[A-ZÀ-Þ][\w.'’-]*(?:\s[A-ZÀ-Þ][\w.'’-]*){0,3}(?:\s\([A-Z]{2}\))?(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?){0,2}:\s+[A-ZÀ-Þ]")


_PAREN_IMPRINT_AHEAD_RE = re.compile(r"\([A-Z][\w .'’-]{1,30}(?:,\s*[A-Z]{2})?:\s*[^():]{2,80}?,?\s*(?:1[5-9]|20)\d{2}\)")


def _title_stopped_before_imprint(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A book's title the tagger stopped early ("Slavery" + " and Sugar in Pernambuco, 1630–1700"
    + ". Cambridge: Cambridge University Press, 2020"): the title runs to the stop before the
    imprint ("Place: Publisher")."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) != 1:
        return spans
    title = titles[0]
    bracket = text.find(" (", title.end)
    imprint = _PAREN_IMPRINT_AHEAD_RE.match(text, bracket + 1) if bracket > title.end else None
    # (a book's: nothing but its pages after the imprint; "… (Albany: UP, 2018). In Journal 4" is a review's)
    if imprint and re.fullmatch(r"[.,]?\s*(?:\d+\s*pp?\.?|pp?\.\s*[\d–-]+|[\d–-]+)?\.?\s*", text[imprint.end():]) \
            and not any(title.end <= s.start < bracket for s in spans):
        # "… Memory" + " in Portuguese Asia, 1550–1640" + " (New Harrow, CT: Harrow University Press, 2021)"
        gap = text[title.end : bracket]
        if len(gap.split()) <= 15 and ". " not in gap and re.match(r"\s+\S|,\s", gap):
            return [FieldSpan("TITLE", title.start, bracket, title.confidence) if s is title else s for s in spans]
    stop = text.find(". ", title.end)
    if stop < 0 or stop == title.end or any(title.end <= s.start < stop for s in spans):
        return spans
    gap = text[title.end : stop]
    if len(gap.split()) > 15 or ":" in gap or "(" in gap or not re.match(r"\s+\S|,\s", gap) or _EDITION_WORD_RE.search(gap) \
            or not _IMPRINT_AHEAD_RE.match(text, stop):
        return spans
    return [FieldSpan("TITLE", title.start, stop, title.confidence) if s is title else s for s in spans]


def _title_head_with_years(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A title that opens with years or a date range the tagger split off ("1914–1918: A Global
    History …", "COVID-19 in 2020–2021: a two-year retrospective …"): the words from the last
    stop before the title run into it, when the entry's own year is printed later."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) < 1:
        return spans
    title = max(titles, key=lambda s: s.end - s.start)
    stops = [text.rfind(". ", 0, title.start), text.rfind("). ", 0, title.start)]
    if max(stops) < 0:
        return spans  # no stop before the title: nothing to run into it
    head_start = max(stops[0] + 2 if stops[0] >= 0 else -1, stops[1] + 3 if stops[1] >= 0 else -1)
    head = text[head_start : title.start]
    if not re.fullmatch(r"[^.;()]{0,40}?(?:1[5-9]|20)\d{2}(?:\s?[–-]\s?(?:(?:1[5-9]|20)?\d{2}))?[^.;()]{0,10}?[:–-]?\s*", head) \
            or not re.search(r"\d", head):
        return spans
    later_year = any(s.label == "YEAR" and s.start >= title.end for s in spans)
    if not later_year:
        return spans
    if any(s.label in ("AUTHOR", "VENUE") and head_start <= s.start < title.start for s in spans):
        return spans
    kept = [s for s in spans if not (s.start >= head_start and s.end <= title.start) and s is not title
            and not (s.label == "TITLE" and head_start <= s.start < title.end)]
    return sorted(kept + [FieldSpan("TITLE", head_start, title.end, title.confidence)], key=lambda s: s.start)


def _venue_started_inside_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A venue span that starts mid-phrase right after the title ("…the brain, Studies in History
    and Philosophy of" + "Biological and Biomedical Sciences", "…the ‘50s, The Architects" + "’
    Journal"): the journal began at the title's last comma."""
    for k in range(len(spans) - 1):
        title, venue = spans[k], spans[k + 1]
        if title.label != "TITLE" or venue.label != "VENUE" or not re.fullmatch(r"\s*['’]?\s*", text[title.end : venue.start]):
            continue
        cut = text.rfind(", ", title.start, title.end)
        if cut < 0 or not re.match(r"(?:The\s+)?[A-Z][\w'’-]+\s+\S", text[cut + 2 : title.end]) \
                or len(text[title.start : cut].split()) < 3 \
                or text[title.start : cut].count("(") != text[title.start : cut].count(")"):
            continue  # (a comma inside brackets parts no title from its journal)
        return spans[:k] + [FieldSpan("TITLE", title.start, cut, title.confidence),
                            FieldSpan("VENUE", cut + 2, venue.end, venue.confidence)] + spans[k + 2 :]
    return spans


def _abbreviated_journal_glued_to_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A PDF's reference that lost the stop after its title: "…intervention for Korean Americans
    with type 2 diabetes Diabetes Educ., 35 (2009)". When no venue was tagged and the title ends
    in capitalised words, the last one abbreviated ("Educ."), with the volume after it, those
    words are the journal (the title's own words before them are in lower case)."""
    if any(s.label == "VENUE" for s in spans):
        return spans
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) != 1:
        return spans
    title = titles[0]
    if not re.match(r"\.,?\s*\d{1,3}\s*[,(:]", text[title.end : title.end + 10]):
        return spans  # the abbreviation's stop, then a volume: "Educ., 35 (2009)", "Lett. 12:"
    words = list(re.finditer(r"\S+", text[title.start : title.end]))
    k = len(words)
    while k > 0 and re.fullmatch(r"[A-Z][a-z]{0,12}\.?", words[k - 1].group(0)):
        k -= 1
    if k == len(words) or k == 0 or len(words) - k > 6 or len(words) - k < 2 or k < 4 or not re.fullmatch(r"[a-z0-9][\w-]*", words[k - 1].group(0)):
        return spans
    start = title.start + words[k].start()
    kept = [s for s in spans if s is not title]
    return sorted(kept + [FieldSpan("TITLE", title.start, title.start + words[k - 1].end(), title.confidence),
                          FieldSpan("VENUE", start, title.end, title.confidence)], key=lambda s: s.start)


def _journal_read_into_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """The journal the tagger ran the title into, where the style marks it unmistakably: GSA's
    "…of the Tonto Group, Arizona: Geology, v. 47" and Vancouver's "…in coastal Ghana. PLoS Negl
    Trop Dis. 2019;13(8)" (the journal is the last sentence before "year;")."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) != 1:
        return spans
    title = titles[0]
    gsa = _GSA_JOURNAL_RE.search(text, title.start)
    if gsa and title.start < gsa.start() <= title.end + 1 and len(text[title.start : gsa.start()].split()) >= 3:
        journal = FieldSpan("VENUE", gsa.start(1), gsa.end(1), title.confidence)
        kept = [s for s in spans if s.label != "VENUE" and s is not title]
        return sorted(kept + [FieldSpan("TITLE", title.start, gsa.start(), title.confidence), journal], key=lambda s: s.start)
    if not any(s.label == "VENUE" for s in spans):
        # "Perception and the social order. Harper & Row." / "… a meta-analysis. bioRxiv. https://…":
        # the title's last sentence is its publisher or preprint server
        cut = text.rfind(". ", title.start, title.end)
        rest = text[cut + 2 : title.end] if cut > 0 else ""
        if (rest and len(text[title.start : cut].split()) >= 3 and _PUBLISHER_OR_SERVER_RE.fullmatch(rest)
                and re.match(r"\.?\s*(?:$|https?://|doi\b|\(?(?:19|20)\d{2}|,\s*(?:19|20)\d{2})", text[title.end :], re.I)):
            kept = [s for s in spans if s is not title]
            return sorted(kept + [FieldSpan("TITLE", title.start, cut, title.confidence),
                                  FieldSpan("VENUE", cut + 2, title.end, title.confidence)], key=lambda s: s.start)
    if not any(s.label == "VENUE" for s in spans):
        # "OpenBench: A Reproducible Benchmark …. NeurIPS Datasets and Benchmarks Track, 2024": the
        # last sentence of the "title", a venue's name right before the year, is the venue
        cut = text.rfind(". ", title.start, title.end)
        rest = text[cut + 2 : title.end] if cut > 0 else ""
        if (rest and len(text[title.start : cut].split()) >= 3 and len(rest.split()) <= 12 and _VENUE_CUE_RE.search(rest)
                and re.match(r"\s*[,.]?\s*\(?(?:19|20)\d{2}", text[title.end :])):
            kept = [s for s in spans if s is not title]
            return sorted(kept + [FieldSpan("TITLE", title.start, cut, title.confidence),
                                  FieldSpan("VENUE", cut + 2, title.end, title.confidence)], key=lambda s: s.start)
    if not any(s.label == "VENUE" for s in spans) and re.fullmatch(r"[\s.]*", text[title.end :]) \
            and (title.confidence < 0.75 or _STATUS_SLOT_RE.search(text, 0, title.start)):
        # APA's accepted paper: "… (2025, in press). Drone-based mapping … Wadden Sea. Remote Sensing in
        # Ecology and Conservation Practice.": a journal with no volume or pages closes the entry, and the
        # tagger, which learnt journals by the numbers after them, ran the title into it
        cut = text.rfind(". ", title.start, title.end)
        rest = text[cut + 2 : title.end] if cut > 0 else ""
        if rest and len(text[title.start : cut].split()) >= 3 and len(rest.split()) <= 10 and _CAPITALISED_WORDS_RE.fullmatch(rest) \
                and not _SENTENCE_WORDS_RE.search(rest):
            kept = [s for s in spans if s is not title]
            return sorted(kept + [FieldSpan("TITLE", title.start, cut, title.confidence),
                                  FieldSpan("VENUE", cut + 2, title.end, title.confidence)], key=lambda s: s.start)
    if not any(s.label == "VENUE" for s in spans) and _VOLUME_COLON_PAGE_RE.match(text, title.end):
        # ESA / AGU: "… under nitrogen deposition. Ecological Applications" + " 29:e01892": the
        # title's last sentence, right before "volume:page", is the journal
        cut = text.rfind(". ", title.start, title.end)
        rest = text[cut + 2 : title.end] if cut > 0 else ""
        journal_like = bool(_CAPITALISED_WORDS_RE.fullmatch(rest)) or (len(rest.split()) == 1 and rest[:1].isupper())
        if rest and len(text[title.start : cut].split()) >= 3 and len(rest.split()) <= 8 and journal_like:
            kept = [s for s in spans if s is not title]
            return sorted(kept + [FieldSpan("TITLE", title.start, cut, title.confidence),
                                  FieldSpan("VENUE", cut + 2, title.end, title.confidence)], key=lambda s: s.start)
    abnt = _ABNT_JOURNAL_IN_TITLE_RE.search(text, title.start)
    if abnt and title.start < abnt.start() < title.end and len(text[title.start : abnt.start()].split()) >= 3:
        # ABNT: "… no Vale do Ribeira. Estudos Avançados, São Paulo, v. 34, n. 98": the journal
        # is the sentence before its city and "v."
        journal = FieldSpan("VENUE", abnt.start(1), abnt.end(1), title.confidence)
        kept = [s for s in spans if s.label != "VENUE" and s is not title]
        return sorted(kept + [FieldSpan("TITLE", title.start, abnt.start(), title.confidence), journal], key=lambda s: s.start)
    journal = _NLM_JOURNAL_SENTENCE_RE.search(text, title.end)
    if (journal and title.end < journal.start() and "." not in text[title.end : journal.start()].rstrip(".")
            and not any(s.label in ("AUTHOR", "YEAR") and title.end <= s.start < journal.start() for s in spans)):
        # "… transcription factor" + ", FNR" + ". Mol Microbiol 1994;": the title runs to the
        # sentence that ends before the journal, whatever the tagger called the words between
        kept = [s for s in spans if s is not title and not (s.label == "VENUE" and s.start < journal.start(1) + 1)]
        venue = FieldSpan("VENUE", journal.start(1), journal.end(1), title.confidence)
        return sorted(kept + [FieldSpan("TITLE", title.start, journal.start(), title.confidence), venue], key=lambda s: s.start)
    tail = _NLM_JOURNAL_TAIL_RE.search(text, title.start, title.end)
    if tail and _NLM_DATE_AFTER_RE.match(text, title.end) and len(text[title.start : tail.start()].split()) >= 3 \
            and not any(s.label == "VENUE" and s.start < title.end + 3 and s.start >= title.start for s in spans[spans.index(title) + 1 :][:1]) \
            and len(tail.group(1).split()) <= 6 and not any(w.islower() for w in tail.group(1).split()):
        journal = FieldSpan("VENUE", tail.start(1), tail.end(1), title.confidence)
        kept = [s for s in spans if s.label != "VENUE" and s is not title]
        return sorted(kept + [FieldSpan("TITLE", title.start, tail.start(), title.confidence), journal], key=lambda s: s.start)
    return spans


def _natural_order_names(names: list[str]) -> bool:
    """Every part a natural-order person's name of two to four words ("Kenji Watanabe")."""
    return all(looks_like_name(n) and 2 <= len(n.split()) <= 4 and not n.isupper()
               and all(w[:1].isupper() or w.lower() in PARTICLES for w in n.split()) for n in names)


# Vancouver and Harvard chapters: "In: Whitlock M, Dunmore P, editors. Textbook of …", "In: A. Dupont
# (ed.). Book": the book follows the editors
_EDITORS_BEFORE_BOOK_RE = re.compile(r"\b(?:In|En|Em|Dans|Nel|W):?\s.{2,200}?(?:\b(?:editors?|eds?|Hrsg|Hgg?|red)\.?"
                                     r"|\((?:[Ee]ds?|[Ee]ditors?|Hrsg|Hgg?|red)\.?\))[.,:]?\s*$")


def _book_read_as_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """Two title spans, the later one right after "In:" ("Termination of term rewriting. In:
    Tools and Algorithms for the Construction …"): that one is the book the paper appeared
    in, so the venue (unless the tagger found one that is no series name), never the title."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) < 2:
        return spans
    books = [s for s in titles[1:] if re.search(r"(?:\b(?:In|En|Em|Dans|Nel|W):?|,\s*in|\((?:[Ee]ds?|[Ee]dd|[Cc]oords?|[Oo]rgs?|[Dd]irs?|red|Hrsg|Hgg?|a cura di)\.?\)[,:]?)\s*$",
                                                  text[max(0, s.start - 14) : s.start])
             or _EDITORS_BEFORE_BOOK_RE.search(text[titles[0].end : s.start])]
    if not books:
        return spans
    venue = next((s for s in spans if s.label == "VENUE"), None)
    keep_venue = venue is not None and not _SERIES_RE.fullmatch(text[venue.start : venue.end].strip(" .,"))
    out = []
    for s in spans:
        if s in books:
            if not keep_venue and s is books[0]:
                out.append(FieldSpan("VENUE", s.start, s.end, s.confidence))
            continue
        if s.label == "VENUE" and not keep_venue:
            continue
        out.append(s)
    return out


def _subtitle_read_as_venue(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"The Cartographer's Dilemma:" (TITLE) + "Maps and Empire in the Baltic" (VENUE, unsure):
    what follows a title's colon is its subtitle, not where it appeared."""
    if sum(1 for s in spans if s.label == "TITLE") != 1:
        return spans  # two title candidates (a chapter and its book): not this case
    out: list[FieldSpan] = []
    for k, span in enumerate(spans):
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        if (span.label == "TITLE" and nxt is not None and nxt.label == "VENUE" and nxt.confidence < 0.5
                and re.fullmatch(r"\s*:\s*", text[span.end : nxt.start] if not text[span.start : span.end].endswith(":")
                                 else ":" + text[span.end : nxt.start])
                and not re.match(r"(?:In|Proc|Proceedings|Journal|Trans)\b", text[nxt.start : nxt.end])):
            # the tagger was sure of the title's head, unsure of the rest: the head's confidence
            spans[k + 1] = FieldSpan("TITLE", span.start, nxt.end, span.confidence)
            continue
        out.append(span)
    return out


def _split_title_head_off_inverted_name(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    out: list[FieldSpan] = []
    for k, span in enumerate(spans):
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        m = _INVERTED_NAME_RUN_ON_RE.match(text[span.start : span.end]) if span.label == "AUTHOR" else None
        # (or nothing between, in an ACS list: "…; Sakai, R.; Takahashi, K. Visible-Light-Driven" + "CO2 …")
        gap = text[span.end : nxt.start].strip() if nxt is not None else None
        if m and nxt is not None and nxt.label == "TITLE" and (
                gap in (":", "-", "–", "—") or (gap == "" and text[: span.start].rstrip().endswith(";"))):
            out.append(FieldSpan("AUTHOR", span.start, span.start + len(m.group(1).rstrip()), span.confidence))
            spans[k + 1] = FieldSpan("TITLE", span.start + m.start(2), nxt.end, min(span.confidence, nxt.confidence))
            continue
        out.append(span)
    return out


_QUOTE_PAIRS = QUOTE_PAIRS
_MAX_QUOTE_TOKENS = 80


def _complete_quoted_titles(doc, tags: list[str], runs: list[list]) -> list[list]:
    """A title that opens right after a quotation mark ends at the closing mark: the quotes say
    where it ends even where the tagger lost confidence inside ("Capitalizing on the Net: Social
    Contact, Civic Engagement, and Sense of Community") or ran past it ("...England’ in").
    Only untagged tokens are taken over, so a field the tagger placed after the title is never
    overwritten; the same holds backwards for a title that ends right before a closing mark.
    An apostrophe ("Homer’s") is not a closing mark."""
    texts, starts = token_texts(doc)
    n = len(texts)

    def closes(k: int, close: str) -> bool:
        if texts[k] != close:
            return False
        if close in "’'" and k + 1 < n and starts[k + 1] == starts[k] + len(texts[k]) and texts[k + 1][:1].isalpha():
            return False  # an apostrophe inside a word
        if close in "’'" and texts[k - 1].endswith("s") and any(texts[m] == close for m in range(k + 1, n)):
            return False  # a possessive ("Achilles’ keuze") with the real closing mark further on
        return True

    absorbed: set[int] = set()
    for run in runs:
        if run[0] != "TITLE":
            continue
        start, end = run[1], run[2]
        if start > 0 and texts[start - 1] in _QUOTE_PAIRS:
            opener = start - 1
            if opener > 0 and texts[opener - 1] in _QUOTE_PAIRS and texts[opener - 1] != texts[opener]:
                opener -= 1  # '"Blighted Beginnings": Coming of Age': the outer quotes hold the title
            close = _QUOTE_PAIRS[texts[opener]]
            inside = next((k for k in range(start + 1, end) if closes(k, close)), None)
            if (inside is not None and inside + 1 < end and inside - start <= 5 and texts[inside + 1][:1].islower()
                    and texts[inside + 1].isalpha() and texts[inside + 1].lower() not in _NOT_TITLE_TAIL):
                # '“Blue carbon” accounting in …': the quoted phrase heads a title that goes on
                # in lower case; the title keeps its quotes and runs on
                run[1] = opener
                continue
            if inside is not None:
                j = inside
            else:
                j = end
                # brackets end the run: "(in German)" after a quoted title is a note
                while j < min(n, start + _MAX_QUOTE_TOKENS) and not closes(j, close) and tags[j] == "O" \
                        and texts[j] not in "([":
                    j += 1
                if not (j < n and closes(j, close)):
                    j = _through_dates_to_close(texts, tags, start, end, close, closes)
                if j == end:
                    j = _over_title_pieces_to_close(texts, tags, start, end, close, closes)
            while j > start + 1 and not any(c.isalnum() for c in texts[j - 1]):
                j -= 1  # a closing "." or "?" stays outside, as in training
            if j > end:
                absorbed.update(id(r) for r in runs if r is not run and start <= r[1] and r[2] <= j)
            run[2] = j
        elif end < n and texts[end] in _QUOTE_PAIRS.values() and closes(end, texts[end]):
            openers = {o for o, c in _QUOTE_PAIRS.items() if c == texts[end]}
            i = start - 1
            while i >= max(0, end - _MAX_QUOTE_TOKENS) and texts[i] not in openers and tags[i] == "O":
                i -= 1
            if 0 <= i < start - 1 and texts[i] in openers:
                run[1] = i + 1
    return [r for r in runs if id(r) not in absorbed]


def _closed_quoted_title(texts: list[str], run: list, next_start: int) -> bool:
    """The title run opens right after a quotation mark and its closing mark lies between the
    run and the next one."""
    start = run[1]
    if start == 0 or texts[start - 1] not in _QUOTE_PAIRS or texts[start - 1] in "’'":
        return False
    close = _QUOTE_PAIRS[texts[start - 1]]
    gap = texts[run[2] : next_start]
    # '"Rain, rats and reporting": leptospirosis …' is one title: a colon carries it on
    return close in gap and ":" not in gap and any(t in (",", ".", ";", "?", "!") for t in gap)


def _over_title_pieces_to_close(texts: list[str], tags: list[str], start: int, end: int, close: str, closes) -> int:
    """Where a quoted title ends when the tagger broke it into pieces inside the quotes
    ('"Reading on Screens vs. Paper (Is There Really a Difference?)." Journal …', '"What Did
    Monks Read? Library Catalogues at Cluny, c. 1100," Speculum Novum'): at the closing mark,
    when only untagged words, more title and (if the entry names its venue after the quotes)
    venue-tagged words lie before it, and no person or date. `end` when not."""
    n = len(texts)
    c = next((k for k in range(end, min(n, start + _MAX_QUOTE_TOKENS)) if closes(k, close)), None)
    if c is None or c + 1 >= n:
        return end
    venue_after = any(tags[k].endswith("VENUE") for k in range(c + 1, n))
    inside = tags[end:c]
    # (between double quotation marks a name is the title's too: "… la justicia indígena en la" + PERSON
    # "Audiencia de Quito" + ", siglo XVII”, en: …"; a single mark may be an apostrophe, so not there)
    names_inside = close in "”\"»“" and any(tags[k].endswith(("VENUE", "TITLE")) for k in range(c + 1, n))
    if not all(t == "O" or t.endswith("TITLE") or (venue_after and t.endswith("VENUE")) or (names_inside and t.endswith("AUTHOR"))
               for t in inside):
        return end
    if not any(t != "O" for t in inside):
        return end  # untagged words only: the caller's scan had its reasons to stop
    return c


def _through_dates_to_close(texts: list[str], tags: list[str], start: int, end: int, close: str, closes) -> int:
    """Where a quoted title ends when the tagger read a year range inside the quotes as the
    date ('"Ethnic Boundaries … in London, 1991–2011." Ethnic and Racial Studies'): at the
    closing mark, when only dates, brackets and untagged words lie before it and the entry
    has its own year outside the quotes. `end` when not."""
    n = len(texts)
    c = next((k for k in range(end, min(n, start + _MAX_QUOTE_TOKENS)) if closes(k, close)), None)
    if c is None:
        return end
    if not all(tags[k] == "O" or tags[k].endswith("YEAR") for k in range(end, c)):
        return end
    if not any(tags[k].endswith("YEAR") for k in range(end, c)):
        return end  # untagged words only: the loop above had its reasons to stop
    return c if any(t == "B-YEAR" for k, t in enumerate(tags) if k < start or k > c) else end


# a title or venue never ends on one of these: the tagger stopped a few words short
_DANGLING = {"of", "on", "the", "in", "for", "and", "to", "from", "with", "a", "an", "by", "at", "via", "or",
             "de", "des", "du", "la", "le", "les", "der", "die", "das", "und", "zur", "zum", "für", "et", "di", "del",
             "della", "e", "y", "en", "van", "von"}


# words that start what follows a title, not the title's last words
_NOT_TITLE_TAIL = {"in", "eds", "ed", "editors", "editor", "edited", "pp", "vol", "no", "trans", "accessed",
                   "retrieved", "available", "doi", "arxiv", "url", "http", "https", "www", "preprint",
                   "submitted", "forthcoming", "press", "review", "tech", "technical", "report", "thesis"}
_MAX_TITLE_TAIL = 3
_QUOTES = {'"', "“", "”"}


def _year_range_at(texts: list[str], tags: list[str], j: int) -> bool:
    n = len(texts)
    if not (j + 4 <= n and texts[j] == "," and all(t == "O" or t.endswith("YEAR") for t in tags[j : j + 4])
            and _PERIOD_YEAR_RE.fullmatch(texts[j + 1]) is not None and texts[j + 2] in ("–", "-", "—")
            and (_PERIOD_YEAR_RE.fullmatch(texts[j + 3]) is not None or re.fullmatch(r"\d{2}", texts[j + 3]))
            and any(t == "B-YEAR" for k, t in enumerate(tags) if not j <= k < j + 4)):
        return False
    if j + 4 == n or texts[j + 4] in (".", "?", "!"):
        return True
    # "…, 2008–2018, Biogeosciences": the journal follows; "…, 2000–19: a systematic analysis"
    return (texts[j + 4] == "," and j + 5 < n and (tags[j + 5].endswith("VENUE") or texts[j + 5][:1].isupper())) or (
        texts[j + 4] == ":" and j + 5 < n and texts[j + 5][:1].islower())


# a year a title may name as a period ("Rural Somerset, 1660–1740", "(1870-1914)"), older than
# the publication years YEAR_RE accepts
_PERIOD_YEAR_RE = re.compile(r"1[0-9]\d{2}|20\d{2}")
_ROMAN_RE = re.compile(r"(?=[IVXLC])(?:X{0,3}L?X{0,3})(?:IX|IV|V?I{0,3})")
_PAREN_NOT_TITLE_RE = re.compile(
    r"^(?:eds?|editors?|hg|hgg|hrsg|coord|dir|comp|trans|transl|red|a cura di|vol|pp?|no|nr|ed|edn|edition|rev"
    r"|version|v|report|oral|spotlight|poster|talk|invited|keynote|in press|forthcoming|submitted|under review"
    r"|accepted|to appear|preprint|thesis|dissertation|phd|ms|msc|ba|ma|online|print|pdf|html|doi|isbn|issn"
    r"|doctoral|master'?s|bachelor'?s|habilitation|diploma|unpublished|tesis|tese|thèse|these|dissertação"
    r"|\d+(?:st|nd|rd|th)? ed|\d+(?:st|nd|rd|th)? edition|reprint|orig|first published|see|cited)\b",
    re.I,
)
_MAX_PAREN_TAIL = 14
_SERIES_WORDS = {"series", "library", "paper", "papers", "studies", "notes", "report", "reports", "working",
                 "discussion", "monographs", "collection", "bulletin", "memoirs", "proceedings", "lecture"}


def _parenthetical_tail_end(texts: list[str], tags: list[str], j: int) -> int:
    """End (exclusive) of a parenthesis right after a title that belongs to it: all its tokens
    untagged, closed within a few words, followed by the end or a field-closing mark, and not a
    descriptor ("(eds.)", "(2nd ed.)", "(in press)", "(Oral)") or a year/venue note the tagger
    left out ("(ICML 2021)")."""
    n = len(texts)
    if j >= n or texts[j] != "(" or tags[j] != "O":
        return 0
    k = j + 1
    while k < n and k - j <= _MAX_PAREN_TAIL and texts[k] not in (")", "("):
        if tags[k] != "O":
            return 0
        k += 1
    if k >= n or texts[k] != ")" or k == j + 1 or tags[k] != "O":
        return 0
    inner = texts[j + 1 : k]
    words = [t for t in inner if any(c.isalpha() for c in t)]
    if words and _PAREN_NOT_TITLE_RE.match(" ".join(inner)):
        return 0
    # a year next to a capitalised acronym is a venue note ("ICRC 2015"); a lone year is a date
    # "(1870-1914)": a period the title covers, when the entry's year stands elsewhere
    period = (len(inner) == 3 and _PERIOD_YEAR_RE.fullmatch(inner[0]) and inner[1] in ("-", "–", "—")
              and re.fullmatch(r"\d{2,4}", inner[2]) and any(t == "B-YEAR" for t in tags[k + 1 :] + tags[:j]))
    if period and (k + 1 == n or texts[k + 1] in (".", ",", ";", ":")):
        return k + 1
    # a numbered series ("Mouton Grammar Library 44", "IZA Discussion Paper No. 14122")
    if not words or inner[-1][:1].isdigit() or any(w.lower() in _SERIES_WORDS for w in words):
        return 0
    if any(YEAR_RE.fullmatch(t) for t in inner) and (any(t.isupper() and len(t) > 1 for t in inner) or len(words) == 0):
        return 0
    if k + 1 < n and texts[k + 1] not in (".", ",", ";", ":", "?", "!"):
        return 0
    # the tagger must have found the rest of the entry somewhere: a title alone is too unsure
    if not any(t != "O" for t in tags[k + 1 :]) and not any(t.endswith("AUTHOR") for t in tags[:j]):
        return 0
    return k + 1


def _quoted_venue_is_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'2011. “Sermons in the Vernacular: …” Journal of …': with no title tagged, a venue the
    text's quotation marks enclose is the title (journals are not quoted; article titles are)."""
    if any(s.label == "TITLE" for s in spans):
        return spans
    out = []
    quoted_end = -1
    for span in spans:
        if span.start < quoted_end:
            continue  # inside the quotation taken as the title below
        if (span.label == "VENUE" and span.start > 0 and text[span.start - 1] in _QUOTE_PAIRS
                and text[span.end : span.end + 2].lstrip(".,")[:1] == _QUOTE_PAIRS[text[span.start - 1]]):
            span = FieldSpan("TITLE", span.start, span.end, span.confidence)
        elif span.label == "VENUE" and span.start > 0 and text[span.start - 1] in ("“", "\"", "«", "„"):
            # the venue stops short of the closing mark ("“Kinship and Cash: … in Highland
            # Oaxaca.”"): the whole quotation is the title, when a venue follows it
            close = text.find(_QUOTE_PAIRS[text[span.start - 1]], span.end)
            if close > 0 and any(s.label == "VENUE" and s.start > close for s in spans):
                end = close - 1 if text[close - 1] in ".," else close
                span = FieldSpan("TITLE", span.start, end, span.confidence)
                quoted_end = close
        out.append(span)
    return out


# words a journal's name starts with, in the languages references come in
_JOURNAL_HEAD_RE = re.compile(
    # (not "Studi", "Estudios", "Cahiers" …: a book's subtitle starts with those as often)
    r"(?:Revista|Revue|Rivista|Journal|Zeitschrift|Jahrbuch|Boletín|Boletim|Bulletin|Anales|Anais|Annales|"
    r"Annals|Acta|Archivos|Arquivos|Proceedings|Transactions|Przegląd|Вестник|Журнал)\b")


def _journal_inside_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'Desempenho de leitões … fermentado. Revista Brasileira de Nutrição' tagged as one title:
    what follows the title's last full stop and starts like a journal's name ("Revista", "Journal",
    "Pesquisa", …) is the venue, up to where the tagger's venue (if any) ends."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    piece = text[title.start : title.end]
    cut = None
    for m in re.finditer(r"\.\s+(?=\S)", piece):
        if _JOURNAL_HEAD_RE.match(piece, m.end()) and m.start() > 10:
            cut = m
            break
    if cut is None:
        return spans
    head_end = title.start + cut.start()
    venue_start = title.start + cut.end()
    venue = next((s for s in spans if s.label == "VENUE"), None)
    venue_end = title.end
    if venue is not None and venue.start >= title.end and not text[title.end : venue.start].strip(" ,.;:"):
        venue_end = venue.end  # the tagger's venue continues the name
    elif venue is not None:
        return spans  # a venue elsewhere: not this case
    out = [s for s in spans if s is not title and s is not venue]
    out += [FieldSpan("TITLE", title.start, head_end, title.confidence),
            FieldSpan("VENUE", venue_start, venue_end, title.confidence)]
    return sorted(out, key=lambda s: s.start)


def _title_word_read_as_venue(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'… Extraction, Characterization, and' (TITLE) + 'Valorization. Molecules Res' (VENUE): a
    title ending on a conjunction or a comma, with nothing between it and the next field, takes
    that field's first sentence or comma part, which finishes it ('… Technological, Legal, and'
    + 'Network Perspectives, Sustainability'; 'Vision, Modeling, and' + 'Visualization' read as
    a name)."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    after = next((s for s in spans if s.start >= title.end), None)
    if after is None or after.label not in ("VENUE", "AUTHOR") or text[title.end : after.start].strip():
        return spans
    head = text[title.start : title.end]
    last = head.rstrip(" ,").rsplit(" ", 1)[-1].lower()
    if last not in _DANGLING and not (head.endswith(",") and after.label == "VENUE"):
        return spans
    if after.label == "AUTHOR" and (last in ("with", "by", "von", "van", "de", "di", "del", "della", "du", "la", "le")
                                    or re.search(r"\b[A-Z]\.", text[after.start : after.end])
                                    or len(text[after.start : after.end].split()) > 1):
        return spans  # "— with R. Castellanos": a co-author note, its names rightly read
    stop = re.search(r"[.,;]\s+(?=\S)", text[after.start : after.end])
    if stop is None and not (last in _DANGLING and after.label == "AUTHOR"):
        return spans
    out = [s for s in spans if s is not title and s is not after]
    if stop is None:
        out.append(FieldSpan("TITLE", title.start, after.end, title.confidence))
    else:
        out += [FieldSpan("TITLE", title.start, after.start + stop.start(), title.confidence),
                FieldSpan(after.label, after.start + stop.end(), after.end, after.confidence)]
    return sorted(out, key=lambda s: s.start)


# NLM's journal title with its qualifier, then the Vancouver date: ". Spine (Phila Pa 1976). 2011 Aug 15;"
_QUALIFIED_JOURNAL_TAIL_RE = re.compile(r"\.\s+([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4})$")
_JOURNAL_QUALIFIER_AHEAD_RE = re.compile(r"\s\((?:[A-Z][A-Za-z.]*\s?){1,4}(?:(?:1[89]|20)\d{2})?\)\.?\s+(?:1[89]|20)\d{2}\b")


def _qualified_journal_read_into_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'… a pragmatic randomized trial. Spine' (TITLE) + ' (Phila Pa 1976). 2011 Aug 15;36(18)': a
    journal whose NLM title carries a qualifier in brackets, read into the title before it."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None or any(s.label == "VENUE" for s in spans):
        return spans
    qualifier = _JOURNAL_QUALIFIER_AHEAD_RE.match(text, title.end)
    journal = _QUALIFIED_JOURNAL_TAIL_RE.search(text, title.start, title.end) if qualifier else None
    if journal is None or len(text[title.start : journal.start()].split()) < 3:
        return spans
    close = text.index(")", title.end) + 1
    out = [s for s in spans if s is not title and not (title.end <= s.start < close)]
    out += [FieldSpan("TITLE", title.start, journal.start(), title.confidence),
            FieldSpan("VENUE", journal.start(1), close, title.confidence)]
    return sorted(out, key=lambda s: s.start)


def _title_runs_to_colon_before_journal(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """GSA's "Title, place: Journal, v. 47": 'Detrital zircon provenance of Cretaceous forearc strata'
    (TITLE) + ', southern Alaska' + ': ' + 'Geology' (VENUE) — the title runs to the colon before the
    journal, whatever the tagger left untagged or misread between them."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    colon = re.compile(r"(?:,\s*|\s+)[^.:;()\[\]]{2,60}?(?=:\s+[A-Z])").match(text, title.end)
    if colon is None or len(text[title.end : colon.end()].split()) > 6:
        return spans
    # (GSA's journals carry "v. 47"; elsewhere a colon may open a subtitle)
    journal = re.compile(r":\s+([A-Z][^:;]{1,120}?),\s*v\.\s*\d").match(text, colon.end())
    if journal is None:
        return spans
    out = [s for s in spans if s is not title and not (title.end <= s.start < journal.end(1))]
    out.append(FieldSpan("TITLE", title.start, colon.end(), title.confidence))
    if not any(s.label == "VENUE" for s in out):
        out.append(FieldSpan("VENUE", journal.start(1), journal.end(1), title.confidence))
    return sorted(out, key=lambda s: s.start)


def _journal_abbreviation_head_in_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'… over the Carpathians, Hydrol' (TITLE) + '. ' + 'Earth Syst. Sci' (VENUE): Copernicus's
    comma before the journal; the abbreviation heading the journal went to the title."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    venue = next((s for s in spans if s.start >= title.end), None)
    if venue is None or venue.label != "VENUE" or not re.fullmatch(r"\.\s", text[title.end : venue.start]):
        return spans
    head = re.search(r",\s([A-Z][a-z]{1,8})$", text[title.start : title.end])
    if head is None or not re.match(r"(?:[A-Z][a-z]*\.?\s){0,2}[A-Z][a-z]{0,8}\.", text[venue.start : venue.end + 1]) \
            or len(text[title.start : title.start + head.start()].split()) < 3:
        return spans
    out = [s for s in spans if s is not title and s is not venue]
    out += [FieldSpan("TITLE", title.start, title.start + head.start(), title.confidence),
            FieldSpan("VENUE", title.start + head.start(1), venue.end, venue.confidence)]
    return sorted(out, key=lambda s: s.start)


_COMMA_SPACE_RE = re.compile(r",\s*")
_TITLE_TAIL_WORD_RE = re.compile(r"(?:Revisited|Reconsidered|Redux|Reloaded|Re-?examined|Re-?visited|Again|Continued|Simplified|"
                                 r"Generali[sz]ed|Improved|Made (?:Easy|Simple|Practical))(?=[.!?:]?(?:\s|$))")


def _title_tail_word_read_as_venue(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'Doubly-Efficient PIR from Ring-LWE' (TITLE) + ', ' + 'Revisited. EUROCRYPT 2023' (VENUE): a
    title's closing word after its comma ("…, Revisited", "…, Redux") read as the venue's head."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    untagged = _COMMA_SPACE_RE.match(text, title.end)
    word = _TITLE_TAIL_WORD_RE.match(text, untagged.end()) if untagged else None
    if word is not None and not any(title.end <= s.start < word.end() for s in spans):
        # left untagged: "…with Predictions, Revisited (with A. Kaur …)"
        return sorted([s for s in spans if s is not title] + [FieldSpan("TITLE", title.start, word.end(), title.confidence)],
                      key=lambda s: s.start)
    after = next((s for s in spans if s.start >= title.end), None)
    if after is None or after.label != "VENUE" or not re.fullmatch(r",\s*", text[title.end : after.start]):
        return spans
    word = _TITLE_TAIL_WORD_RE.match(text, after.start)
    if word is None or word.end() > after.end:
        return spans
    out = [s for s in spans if s is not title and s is not after]
    out.append(FieldSpan("TITLE", title.start, word.end(), title.confidence))
    rest = re.match(r"[.!?:]?\s*", text[word.end() : after.end])
    if word.end() + rest.end() < after.end:
        out.append(FieldSpan("VENUE", word.end() + rest.end(), after.end, after.confidence))
    return sorted(out, key=lambda s: s.start)


# what may follow a book's or a web page's title the tagger read as a venue: its publisher, its
# place and publisher, its editors or its address; never a journal's volume, issue or pages
_BOOK_TAIL_RE = re.compile(
    r"[.,]?\s*(?:(?:https?://|www\.)|(?:(?:edited|translated|introduced)\s+by|eds?\.|trans\.)\s"
    r"|[A-Z][\w .'’-]{1,30}(?:,\s*[A-Z]{2})?\s?:\s+[A-Z]"
    r"|(?:[A-Z][\w'’&-]*\s){0,4}(?:University\s+)?(?:Press|Publishers?|Publishing|Verlag|Books)\b)")
_JOURNAL_NUMBERS_RE = re.compile(r"\b(?:vol(?:ume)?\.?\s*\d|no\.\s*\d|pp?\.\s*\d)|\d\s*\(\s*\d{1,4}\s*\)|\d\s*:\s*\d|"
                                 r"(?<![\d–-])\d{1,4}\s*[-–]\s*\d{1,4}(?![\d–-])|^[.,]?\s*\d{1,4}\s*[,.]", re.I)
# the sentence after the authors (and a repeated-author dash, a role, the year) of an entry the
# tagger left untagged: "———. Stephen Hero. Edited by …"
_UNTAGGED_TITLE_RE = re.compile(
    r"[\s.,]*(?:(?:[A-Z]\.\s*)+)?(?:[—_–-]{2,}\s*\.?\s*)?"
    r"(?:,?\s*(?:director|dir\.|producer|composer|performer|conductor|creator|host)\.?\s*)?"
    r"(?:\(?\d{4}[a-z]?\)?\s*[.,]\s*)?"
    r"(?P<title>(?!(?:In|Edited|Ed|Eds|Trans|Available|Retrieved|Accessed|URL|http)\b)(?=[A-ZÀ-ÞĀ-ŽȘȚ])[^\W\d_][^.]{0,200}?(?:\.(?!\s|$)[^.]{0,200}?)*)(?=\.\s|\.?$)")


_NAMES_BEFORE_AND_RE = re.compile(rf"(?:^|[,;:—–][\"”’*_]?|[\"”’*_],?|\bby)\s+((?:{NATURAL_NAME},\s+)*{NATURAL_NAME}),?\s+(?:and|&)\s+$")


_NAMES_BEFORE_FIRST_AUTHOR_RE = re.compile(rf"^((?:{NATURAL_NAME},\s+)+)$")
_UPPER_FAMILY = r"[A-ZÀ-ÞĀ-ŽȘȚ][A-ZÀ-ÞĀ-ŽȘȚ'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][A-ZÀ-ÞĀ-ŽȘȚ'’-]+)*"
_ABNT_NAME = (rf"{_UPPER_FAMILY},\s(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w'’.-]*)(?:\s(?:[A-ZÀ-ÞĀ-ŽȘȚ][\w'’.-]*|da|de|do|dos|das|del|della|di|e|y|van|von|der|la|le))*")
# ABNT and other styles' "FAMILY, Given Names; FAMILY, Given Names. Title": family names in capitals
_ABNT_LIST_RE = re.compile(rf"^({_ABNT_NAME})((?:;\s+{_ABNT_NAME}){{0,20}})(?:;?\s+et al\.?)?\.\s+(?=[A-ZÀ-ÞĀ-ŽȘȚ0-9\"“«])")


def _title_tail_read_as_venue(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """TITLE "Long-term monitoring reveals" + VENUE "asynchronous decline of alpine butterflies.
    Conservation Ecology Letters": a venue that starts on a lower-case word right after the title
    and holds a sentence's end is the title's rest, then the journal."""
    if sum(s.label == "TITLE" for s in spans) != 1:
        return spans
    for k in range(len(spans) - 1):
        title, venue = spans[k], spans[k + 1]
        if title.label != "TITLE" or venue.label != "VENUE" or text[title.end : venue.start] != " ":
            continue
        if not text[venue.start : venue.start + 1].islower():
            continue
        stop = _SENTENCE_THEN_CAPITAL_RE.search(text, venue.start, venue.end)
        if stop is None or venue.end - stop.end() < 3 or "." in text[venue.start : stop.start()]:
            continue
        return spans[:k] + [FieldSpan("TITLE", title.start, stop.start(), title.confidence),
                            FieldSpan("VENUE", stop.end(), venue.end, venue.confidence)] + spans[k + 2 :]
    return spans


_SENTENCE_THEN_CAPITAL_RE = re.compile(r"(?<=[a-z\d)])\.\s+(?=[A-ZÀ-Þ])")
_THESIS_AFTER_RE = re.compile(r"[.,]\s+(?:(?:Ph\.?\s?D\.?|M\.?\s?A\.?|M\.?\s?Sc\.?|M\.?\s?Phil\.?|Master'?s|Doctoral|Bachelor'?s|B\.?\s?A\.?)\s+)?"
                              r"(?i:thesis|dissertation)\b")


def _thesis_title_read_as_venue(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"2012. Polygyny and Intra-household Allocation. Ph.D. dissertation, University of …": no
    title, and the one "venue" is followed by the thesis' kind: that venue is the title."""
    if any(s.label == "TITLE" for s in spans):
        return spans
    venues = [s for s in spans if s.label == "VENUE"]
    if len(venues) != 1 or not _THESIS_AFTER_RE.match(text, venues[0].end):
        return spans
    return [FieldSpan("TITLE", s.start, s.end, s.confidence) if s is venues[0] else s for s in spans]


def _family_left_after_given_name(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"Title. Beatriz" (AUTHOR) + " Almeida" (untagged) + ". Acta Numerica …": a one-word author
    after a title, its family name left out before the sentence's end."""
    for k, span in enumerate(spans):
        if span.label != "AUTHOR" or " " in text[span.start : span.end].strip() or k == 0 or spans[k - 1].label != "TITLE":
            continue
        rest = _FAMILY_WORD_AFTER_RE.match(text, span.end)
        if rest is None or any(s.start < rest.end(1) and s.end > rest.start(1) for s in spans):
            continue
        name = text[span.start : rest.end(1)]
        if not looks_like_name(name) or not text[span.start : span.end][:1].isupper():
            continue
        return spans[:k] + [FieldSpan("AUTHOR", span.start, rest.end(1), span.confidence)] + spans[k + 1 :]
    return spans


_FAMILY_WORD_AFTER_RE = re.compile(r"\s((?:(?:van|von|de|da|del|der|den|di|du|le|la)\s)?[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ɏ'’-]+(?:-[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ɏ'’-]+)?)[.,]\s")


def _chicago_first_name_split(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"Brekke" | "Lars Henning" | "Chidinma Okafor" | "Sofía Maldonado": Chicago inverts only the
    first of the names; a lone family word opening the entry, a comma, then given names (no
    initials) with natural-order names after them is one inverted name."""
    authors = [s for s in spans if s.label == "AUTHOR"]
    if len(authors) < 3 or authors[0].start > 0:
        return spans
    first, second = authors[0], authors[1]
    family, given = text[first.start : first.end], text[second.start : second.end]
    if " " in family.strip() or not re.fullmatch(r"[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ɏ'’-]+", family) or text[first.end : second.start] != ", ":
        return spans
    if not re.fullmatch(r"[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ɏ'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ɏ'’-]+){1,2}", given):
        return spans
    if not all(" " in text[a.start : a.end] and "," not in text[a.start : a.end] for a in authors[2:]):
        return spans
    return [FieldSpan("AUTHOR", first.start, second.end, min(first.confidence, second.confidence)) if s is first else s
            for s in spans if s is not second]


_MEETING_PART_HEAD_RE = re.compile(r"(?:Workshop|Symposium|Track|Tutorial|Satellite|Doctoral Consortium|Datasets and Benchmarks)\b")


def _meeting_part_read_as_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """VENUE "MICCAI 2021" + TITLE "Workshop on Domain Adaptation …": a workshop of a conference is
    one venue; the title is then the untagged sentence before it."""
    for k in range(len(spans) - 1):
        venue, title = spans[k], spans[k + 1]
        if venue.label != "VENUE" or title.label != "TITLE" or text[venue.end : title.start] != " ":
            continue
        if not _MEETING_PART_HEAD_RE.match(text, title.start):
            continue
        merged = FieldSpan("VENUE", venue.start, title.end, venue.confidence)
        before = spans[k - 1] if k else None
        # the sentence between the names and the venue: "… Mateus Oliveira. " + TITLE + ". MICCAI 2021 …"
        gap_start = before.end if before is not None else 0
        sentence = re.match(r"[.,;:\s]*([^\s.][^.]{5,300}?[?!]?)\.\s+$", text[gap_start : venue.start])
        out = spans[:k] + [merged] + spans[k + 2 :]
        if sentence and before is not None and before.label == "AUTHOR" and not any(s.label == "TITLE" for s in out):
            out.append(FieldSpan("TITLE", gap_start + sentence.start(1), gap_start + sentence.end(1), title.confidence))
        return sorted(out, key=lambda s: s.start)
    return spans


_ACRONYM_YEAR_TAIL_RE = re.compile(r"\.\s+((?:[A-Z][A-Za-z&-]*[A-Z][A-Za-z&-]*|[A-Z]{2,})(?:[/-][A-Z][A-Za-z]*)?\s(?:'\d{2}|(?:19|20)\d{2}))"
                                   r"(?:\s*\([^()]{2,60}\)?)?$")


def _acronym_venue_in_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """TITLE "Speculative Prefetching … Patterns. ASPLOS 2023 (acceptance rate 21%)": a meeting's
    acronym and year after the title's stop is the venue, not more title."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) != 1 or any(s.label == "VENUE" for s in spans):
        return spans
    title = titles[0]
    tail = _ACRONYM_YEAR_TAIL_RE.search(text, title.start, title.end)
    if tail is None or tail.end() != title.end or len(text[title.start : tail.start()].split()) < 3:
        return spans
    venue_text = re.sub(r"\s(?:'\d{2}|(?:19|20)\d{2})$", "", tail.group(1))
    return sorted([s for s in spans if s is not title] + [
        FieldSpan("TITLE", title.start, tail.start(), title.confidence),
        FieldSpan("VENUE", tail.start(1), tail.start(1) + len(venue_text), title.confidence)], key=lambda s: s.start)


_TITLE_HEAD_WORD_COLON_RE = re.compile(r"(?:^|(?<=[.]\s))([A-Z][\w-]*[A-Z][\w-]*|[A-Z][a-z]+[A-Z][\w-]*|[A-Z]{2,}[\w-]*):\s+$")


def _colon_head_of_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"… Björn Halvard et al. CrystalFlow: Flow Matching for …": a system's name heading the title
    before its colon ("CrystalFlow:", "JaCoRe:"), untagged or taken for a venue, is the title's."""
    for k, title in enumerate(spans):
        if title.label != "TITLE":
            continue
        head = _TITLE_HEAD_WORD_COLON_RE.search(text, max(0, title.start - 40), title.start)
        if head is None or head.end() != title.start:
            continue
        inside = [s for s in spans if s is not title and s.start < title.start and s.end > head.start(1)]
        if any(s.label != "VENUE" or s.start < head.start(1) for s in inside):
            continue
        kept = [s for s in spans if s is not title and not any(s is i for i in inside)]
        return sorted(kept + [FieldSpan("TITLE", head.start(1), title.end, title.confidence)], key=lambda s: s.start)
    return spans


def _person_shaped(name: str) -> bool:
    """A person's name as written in natural order: each word an initial, a particle or capitalised
    (each part of a hyphenated one too: "Jean-Pierre", not "Deutsch-polnische"), none in capitals
    ("HCN Data Portal") and no body's word ("Heart Rhythm Foundation")."""
    if not looks_like_name(name) or _ORGANISATION_NAME_RE.search(name) or is_organisation_name(name):
        return False
    for word in name.split():
        if re.fullmatch(r"[A-ZÀ-ÞĀ-ŽȘȚ]\.", word) or word in PARTICLES:
            continue
        if not all(part[:1].isupper() and (len(part) == 1 or not part[1:].isupper()) and not any(c.isdigit() for c in part)
                   for part in word.split("-")):
            return False
    return True


_TITLE_THEN_NAMES_RE = re.compile(rf"(.{{10,300}}?[^\s.])\.\s+({NATURAL_NAME}(?:(?:,\s+|,?\s+and\s+){NATURAL_NAME}){{0,8}})\s*$")


_TITLE_NAMES_VENUE_RE = re.compile(rf"(.{{10,300}}?[^\s.])\.\s+({NATURAL_NAME}(?:(?:,\s+|,?\s+and\s+){NATURAL_NAME}){{0,8}})\.\s+"
                                   r"([A-ZÀ-Þ][^.]{2,150})$")


def _names_after_title_read_into_it(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """TITLE "Glanceable Summaries for Long Chat Threads. Sofía " + "Caballero" + ". Extended Abstracts of
    CHI": a title-first entry's names, read into its title, up to their stop."""
    if any(s.label == "AUTHOR" for s in spans):
        return spans
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) != 1 or titles[0].start > 3:
        return spans
    title = titles[0]
    stop = text.find(". ", title.end - 1)
    end = stop if stop >= title.end - 1 else title.end
    if any(s is not title and s.start < end for s in spans):
        return spans
    rest = None
    m = _TITLE_THEN_NAMES_RE.fullmatch(text, title.start, end)
    if m is None:
        # the span ran on past the names into the venue: "Title. Sofía Caballero. Extended Abstracts of CHI"
        m = _TITLE_NAMES_VENUE_RE.fullmatch(text, title.start, title.end)
        rest = m and FieldSpan("VENUE", m.start(3), m.end(3), title.confidence)
    if m is not None and rest is None and not any(s.label == "VENUE" for s in spans) and _ORGANISATION_NAME_RE.search(m.group(2)) \
            and re.fullmatch(r"(?:[A-Z][\w'’-]*|of|for|and|the|on)(?:\s(?:[A-Z][\w'’-]*|of|for|and|the|on)){1,8}", m.group(2)):
        # "Title. Heart Rhythm Foundation. Updated May 2, 2023.": a body publishing the page, its venue
        return sorted([s for s in spans if s is not title] + [FieldSpan("TITLE", title.start, m.end(1), title.confidence),
                                                              FieldSpan("VENUE", m.start(2), m.end(2), title.confidence)],
                      key=lambda s: s.start)
    if m is None or not all(_person_shaped(n) for n in re.findall(NATURAL_NAME, m.group(2))):
        return spans
    names = [FieldSpan("AUTHOR", n.start() + m.start(2), n.end() + m.start(2), title.confidence)
             for n in re.finditer(NATURAL_NAME, m.group(2))]
    kept = [s for s in spans if s is not title] + ([rest] if rest is not None and not any(s.label == "VENUE" for s in spans) else [])
    return sorted(kept + [FieldSpan("TITLE", title.start, m.end(1), title.confidence)] + names, key=lambda s: s.start)


def _names_left_before_first_author(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"Nguyễn Văn Hùng, " (untagged) + "Trần Thị Mai" (AUTHOR) + " (2019), …": natural-order names
    before the first tagged one, nothing else there, are authors too."""
    first = next((s for s in spans if s.label == "AUTHOR"), None)
    if first is None or first.start < 4:
        return spans
    before = [s for s in spans if s.start < first.start]
    # (a name the tagger called a title, with the real title after the names, goes with them)
    if any(s.label != "TITLE" for s in before) or (before and not any(s.label == "TITLE" and s.start > first.end for s in spans)):
        return spans
    head = _NAMES_BEFORE_FIRST_AUTHOR_RE.match(text[: first.start])
    if head is None or not all(_person_shaped(n) for n in re.findall(NATURAL_NAME, head.group(1))):
        return spans
    added = [FieldSpan("AUTHOR", m.start(), m.end(), first.confidence) for m in re.finditer(NATURAL_NAME, head.group(1))]
    return added + [s for s in spans if s.start >= first.start]


def _abnt_name_list(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"SILVA, Maria Aparecida da; COSTA, João Pedro. Mobilidade urbana …": a list of inverted names
    with the family names in capitals, ";" between them, a full stop after the last: the tagger,
    seeing given names spelled out and a particle last, cuts the names wrong or reads the last
    given names into the title. The list's shape decides."""
    if not text[:2].isupper() or ";" not in text[:200]:
        return spans
    m = _ABNT_LIST_RE.match(text)
    if m is None:
        return spans
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None or title.start == m.end() or not (title.start < m.end() < title.end):
        return spans
    names = [(a.start(), a.end()) for a in re.finditer(_ABNT_NAME, text[: m.end()])]
    added = [FieldSpan("AUTHOR", a, b, title.confidence) for a, b in names]
    kept = [s for s in spans if s.start >= m.end() and s is not title]
    return added + [FieldSpan("TITLE", m.end(), title.end, title.confidence)] + kept


def _names_before_last_author(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'"Title," Leila Farahani and' (untagged) + 'Jonas Weber' (AUTHOR): a title-first line's
    names before the last one, which the tagger left out or took for more title."""
    authors = [s for s in spans if s.label == "AUTHOR"]
    title = next((s for s in spans if s.label == "TITLE"), None)
    if len(authors) != 1 or title is None or authors[0].start < title.end:
        return spans
    last = authors[0]
    if re.match(r"\s*(?:\W\s*)?(?i:review(?:ed)?\s+of|rezension|compte[- ]rendu|reseña)\b", text):
        return spans  # "Review of Oceanic Modernisms, by A and B": the book's authors, not the review's
    m = _NAMES_BEFORE_AND_RE.search(text, title.end, last.start)
    if m is None or m.end() != last.start:
        return spans
    start = m.start(1)
    if any(s.label != "TITLE" and s.start < last.start and s.end > start for s in spans if s is not last):
        return spans
    if title.start < start < title.end:
        return spans  # the names would cut the title
    added = [FieldSpan("AUTHOR", a.start() + start, a.end() + start, last.confidence)
             for a in re.finditer(NATURAL_NAME, text[start : m.end(1)])]
    # a name the tagger called a second title ("Thi Hoa Pham") is dropped with it
    kept = [s for s in spans if not (s.label == "TITLE" and s is not title and s.start >= start and s.end <= last.start)]
    return sorted(kept + added, key=lambda s: s.start)


def _venue_run_on_read_as_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'“Title,” en' + 'Proc.' (VENUE) + 'IEEE Energy Conversion Congress …' (TITLE): after a
    quoted title, a second title right after the venue's first word is the venue's rest."""
    ordered = sorted(spans, key=lambda s: s.start)
    for i in range(1, len(ordered) - 1):
        venue, run_on = ordered[i], ordered[i + 1]
        if venue.label != "VENUE" or run_on.label != "TITLE" or text[venue.end : run_on.start].strip():
            continue
        if not re.match(r"(?:Proc|Proceedings|Actas|Anais|Atti|Akten|Conf|Trans|J|Journal|Int|Intl|IEEE|ACM)\b",
                        text[venue.start : venue.end]):
            continue  # ('"Is depth enough?" Revisiting …': a subtitle the tagger split, no venue)
        quoted = [s for s in ordered[:i] if s.label == "TITLE" and _quoted(text, s)]
        if not quoted:
            continue
        merged = FieldSpan("VENUE", venue.start, run_on.end, min(venue.confidence, run_on.confidence))
        return ordered[:i] + [merged] + ordered[i + 2 :]
    return spans


def _family_after_initials_read_into_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'J.-P.' (AUTHOR) + 'Lemaire, Introduction to ergodic theory' (TITLE): a name's initials
    alone are no name; the capitalised word after them, closed by a comma, is its family name."""
    for k in range(len(spans) - 1):
        author, title = spans[k], spans[k + 1]
        if author.label != "AUTHOR" or title.label != "TITLE" or text[author.end : title.start].strip() not in ("", "."):
            continue
        # (or the last name's initials at the end of a list span: "L. von Hagen, F" + "Albrecht-Nowak: A …")
        written = text[author.start : author.end].strip()
        # (natural order only: the name before the last comma starts with its initials, "L. von Hagen";
        # in "Stone, M" + "Cross-validation: A review" the initials close an inverted name)
        if not (re.fullmatch(r"(?:[A-ZÀ-Þ]\.?\s?-?){1,4}", written)
                or re.search(r"(?:^|,\s*)(?:[A-ZÀ-Þ]\.\s?-?){1,3}\s?[^,]+,\s*(?:[A-ZÀ-Þ]\.?\s?-?){1,3}$", written)):
            continue
        head = re.match(r"([A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)[,:]\s+(?=\S+\s+\S)", text[title.start : title.end])
        if head is None and re.search(r"(?:^|[,\s])(?:[A-ZÀ-Þ]\.\s?-?)*[A-ZÀ-Þ]\.?$", written) \
                and (k == 0 or spans[k - 1].label != "AUTHOR" or re.match(r"(?:[A-ZÀ-Þ]\.\s?-?){1,3}\s?[A-ZÀ-Þ]", text[spans[k - 1].start : spans[k - 1].end])
                     or re.search(r",\s*(?:[A-ZÀ-Þ]\.\s?-?){1,3}$", written)):
            # ScienceDirect's web list: "M. Varga, L.T. Okonkwo, S. Haraldsen Allosteric modulation …" —
            # no mark between the last name and the title; a name in natural order ends on its family name
            head = re.match(r"((?:(?:van|von|de|der|den|da|di|du|del|la|le)\s){0,3}[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]*[a-zß-ÿ][\w'’-]*)\s+(?=[A-ZÀ-Þ0-9\"“‘]\S*\s+\S)",
                            text[title.start : title.end])
        if head is None:
            continue
        rest = title.start + head.end()
        last_initials = re.search(r",\s*((?:[A-ZÀ-Þ]\.\s?-?)*[A-ZÀ-Þ]\.?)$", written)
        if last_initials:
            # "L.T. Okonkwo, S." + "Haraldsen": the list's last person is a name of its own
            cut = author.start + (len(text[author.start : author.end]) - len(text[author.start : author.end].lstrip())) \
                + last_initials.start(1)
            before = text[author.start : cut].rstrip(" ,")
            return spans[:k] + [FieldSpan("AUTHOR", author.start, author.start + len(before), author.confidence),
                                FieldSpan("AUTHOR", cut, title.start + head.end(1), author.confidence),
                                FieldSpan("TITLE", rest, title.end, title.confidence)] + spans[k + 2 :]
        return spans[:k] + [FieldSpan("AUTHOR", author.start, title.start + head.end(1), author.confidence),
                            FieldSpan("TITLE", rest, title.end, title.confidence)] + spans[k + 2 :]
    return spans


def _title_stopped_at_year_range(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'… évolution des pratiques entre' (TITLE) + '2010 et 2018' (read as years): a period the
    title names ends it, when the entry's own year is tagged elsewhere."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    last = text[title.start : title.end].rsplit(" ", 1)[-1]
    if last.lower() not in _DANGLING and last.lower() not in _PERIOD_WORDS and not (
            last.islower() and len(last) <= 3 and _NON_LATIN_LETTER_RE.match(last[:1])):
        return spans  # ("… στην Ελλάδα μετά το" + "1974": a Greek article before the year)
    m = _TITLE_YEAR_RANGE_RE.match(text, title.end)
    if m is None:
        return spans
    years = [s for s in spans if s.label == "YEAR"]
    if not any(s.start >= m.end() for s in years):
        return spans
    kept = [s for s in spans if s is not title and not (s.label == "YEAR" and title.end <= s.start < m.end())]
    return sorted(kept + [FieldSpan("TITLE", title.start, m.end(), title.confidence)], key=lambda s: s.start)


_PERIOD_WORDS = {"entre", "between", "since", "until", "zwischen", "seit", "bis", "tra", "fra", "dal", "desde", "até", "hasta",
                 "jusqu'en", "około", "между"}
_TITLE_YEAR_RANGE_RE = re.compile(r"\s+(?:(?:19|20)\d{2}\s*(?:et|and|und|y|e|to|bis|a|à|-|–|—)\s*(?:19|20)?\d{2}|(?:19|20)\d{2})"
                                  r"(?=\s*[.:;]\s)")


# after a quoted title: the journal, perhaps its publisher, then its volume ("Natural Hazards, vol.
# 104", "The World Economy, Wiley Blackwell, vol. 44(7)", "Speculum 97, no. 3")
_JOURNAL_AFTER_QUOTES_RE = re.compile(
    r"[.,]?[”\"’][.,]?\s*(?P<journal>[A-ZÀ-Þ][^,“”\"()\[\]]{1,150}?)(?:,\s+[A-Z][^,“”\"()]{1,60}?)?"
    r"(?:,\s+|\s+)(?i:vol\.|vol\s|volume\s|no\.\s?\d|(?!(?:19|20)\d{2}\b)\d{1,4}\s*[(,:]|\d{1,4},\s*no\.)")


def _journal_after_quoted_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """MLA's and RePEc's journal after a quoted title, which the tagger left untagged or read
    wrongly (the publisher after it, "Springer Science and Business Media LLC"): the name right
    after the closing quote, when its volume follows."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None or not _quoted(text, title):
        return spans
    m = _JOURNAL_AFTER_QUOTES_RE.match(text, title.end)
    if m is None:
        return spans
    journal = FieldSpan("VENUE", m.start("journal"), m.end("journal"), title.confidence)
    name = m.group("journal")
    if (re.search(r"(?i)\bpatent\b|^(?:Proc|Proceedings|In)\b", name) or _MONTH_NAME_RE.match(name.split()[0])
            or any(s.label in ("AUTHOR", "YEAR") and s.start < journal.end and s.end > journal.start for s in spans)):
        return spans  # a patent's number, a conference, a date, or names after the title
    venue = next((s for s in spans if s.label == "VENUE"), None)
    if venue is not None and venue.start == journal.start:
        return spans
    kept = [s for s in spans if s.label != "VENUE" and not (s.start < journal.end and s.end > journal.start)]
    return sorted(kept + [journal], key=lambda s: s.start)


_CONTAINER_AFTER_RE = re.compile(r"\.?\s+(?:In|in|Dans|En|Em|In:)\s*:?\s+([A-ZÀ-Þ][^.;()]{2,150}?)(?=\s*(?:[.,;(]|\d|$))")


def _subtitle_before_container(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'Zeitregime der Plattformarbeit.' (TITLE) + 'Warten als Ressource und Zumutung' (VENUE) +
    '. In: Soziale Welt': a sentence between the title and the "In:" that names the container is
    the title's subtitle, and the container is the venue."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    venue = next((s for s in spans if s.label == "VENUE"), None)
    if title is None or venue is None or venue.start < title.end:
        return spans
    if not re.fullmatch(r"\.\s+", text[title.end : venue.start]) or re.search(r"\d", text[venue.start : venue.end]):
        return spans
    container = _CONTAINER_AFTER_RE.match(text, venue.end)
    if container is None or any(venue.end <= s.start < container.end(1) for s in spans):
        return spans
    kept = [s for s in spans if s is not title and s is not venue]
    return sorted(kept + [FieldSpan("TITLE", title.start, venue.end, title.confidence),
                          FieldSpan("VENUE", container.start(1), container.end(1), venue.confidence)], key=lambda s: s.start)


_NON_LATIN_LETTER_RE = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0e00-\u0e7f"
                                  r"\u0900-\u097f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# a thesis's or a report's kind after its title, in the languages of the reference
_KIND_SENTENCE_RE = re.compile(
    r"(?i:tesis(?: doctoral)?|tese|disserta[çc][ãa]o|praca (?:doktorska|magisterska)|proefschrift|doktora tezi|"
    r"yüksek lisans tezi|dissertation|th[èe]se(?: de doctorat)?|tesi di (?:dottorato|laurea)|doktorsavhandling|"
    r"диссертация|дисертація|автореферат)|박사학위논문|석사학위논문|博士論文|修士論文|博士学位论文|硕士学位论文|"
    r"رسالة (?:دكتوراه|ماجستير)|پایان[‌ ]?نامه|رساله دکتری|Διδακτορική διατριβή|Μεταπτυχιακή διπλωματική εργασία")


_KIND_AFTER_TITLE_RE = re.compile(r"(?:\.\s+|\s*\()(?:\w+\s+)?(?:" + _KIND_SENTENCE_RE.pattern + r")")
_LETTER_RE = re.compile(r"[^\W\d_]")


def _non_latin_title_run_on(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A title in a script the tagger saw little of (Arabic, Persian, Greek, Cyrillic, Hangul,
    Japanese) run on over its full stop into the journal, the thesis note or the place: such
    titles hold no full stop of their own, so the first one ends the title. The same for a
    thesis's kind after a Latin-script title ("…. Tesis doctoral", "(Proefschrift)")."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    body = text[title.start : title.end]
    if ". " not in body and "(" not in body and "。" not in body:
        return spans  # (nothing to stop at: the common case, decided at once)
    kind = _KIND_AFTER_TITLE_RE.search(body) if ("(" in body or ". " in body) else None
    stop = None
    if kind and kind.start() > 8:
        stop = kind.start()
    if stop is None and not body.isascii() and len(_NON_LATIN_LETTER_RE.findall(body)) > 0.6 * len(_LETTER_RE.findall(body)):
        sentence = re.search(r"[.。]\s+(?=\S)", body)
        if sentence and len(body[: sentence.start()].split()) >= 3:
            stop = sentence.start()
    if stop is None:
        return spans
    rest_start = title.start + stop
    rest = re.match(r"[.。(]?\s*", text[rest_start:title.end])
    out = [s for s in spans if s is not title] + [FieldSpan("TITLE", title.start, rest_start, title.confidence)]
    venue_start = rest_start + (rest.end() if rest else 0)
    tail = text[venue_start : title.end].strip(" ,.)")
    if tail and not any(s.label == "VENUE" for s in spans) and not _KIND_SENTENCE_RE.search(tail):
        out.append(FieldSpan("VENUE", venue_start, venue_start + len(text[venue_start:title.end].rstrip(" ,.)")), title.confidence))
    return sorted(out, key=lambda s: s.start)


_DESCRIBED_TAIL_RE = re.compile(
    r"(?P<tail>[,:]?\s(?:[^.\[\]()]|\.(?=\S)){1,40}?)?\s*(?:\((?:v(?:ersion)?\s?)?\d[\w.-]{0,15}\)\s*)?"
    r"\[(?i:data\s?set|dataset|software|computer software|computer program|map|video|podcast|audio|film|motion picture|"
    r"infographic|data file|database|source code|code|blog post|tweet|preprint|conference presentation|poster|"
    r"conjunto de datos|datensatz|logiciel)\]")


def _title_before_description(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'Survey responses on remote work and wellbeing' + ', UK 2020' + ' [dataset]': what stands
    between a title and APA's bracketed description ("[Data set]", "[Computer software]") is the
    title's, a year in it included (the entry's own year being tagged elsewhere)."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None:
        return spans
    m = _DESCRIBED_TAIL_RE.match(text, title.end)
    if m is None or not m.group("tail") or re.match(r",\s*(?i:version|ver\.|v\.?)\s*\d", m.group("tail")):
        return spans  # (", version 2016.1 [dataset]": the version is a detail, not the title's)
    end = m.end("tail")
    inside = [s for s in spans if s is not title and title.end <= s.start < end]
    if any(s.label != "YEAR" for s in inside) or not any(s.label == "YEAR" and s.start < title.start for s in spans) and inside:
        return spans
    kept = [s for s in spans if s is not title and s not in inside]
    return sorted(kept + [FieldSpan("TITLE", title.start, end, title.confidence)], key=lambda s: s.start)


def _title_missing(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """An entry without a title the tagger found. A book's or a web page's title read as a venue
    ("NIST Handbook of Mathematical Functions, Cambridge University Press, 2010"; "Tabula.
    http://…") is the title when what follows it is a publisher, an address or editors, never a
    journal's numbers. With nothing tagged after the authors, the first sentence after them is
    the title ("———. Stephen Hero. Edited by …")."""
    if any(s.label == "TITLE" for s in spans):
        return spans
    head_end = max((s.end for s in spans if s.label == "AUTHOR"), default=0)
    venues = [s for s in spans if s.label == "VENUE"]
    if len(venues) == 1:
        venue = venues[0]
        tail = text[venue.end :]
        if (venue.start >= head_end and (head_end or venue.start == 0)
                and not re.search(r"[^\W\d_]", text[head_end : venue.start])
                and _BOOK_TAIL_RE.match(tail) and not _JOURNAL_NUMBERS_RE.search(tail)
                # "Inorg. Chim. Acta": an abbreviated journal stays one
                and not re.search(r"\b[A-Z][a-z]{0,6}\.\s", text[venue.start : venue.end] + " ")):
            return [FieldSpan("TITLE", s.start, s.end, s.confidence) if s is venue else s for s in spans]
        return spans
    if venues or not (head_end or re.match(r"\s*[—_–-]{2,}", text)):
        return spans
    m = _UNTAGGED_TITLE_RE.match(text, head_end)
    if m is None or any(m.start("title") < s.end and s.start < m.end("title") for s in spans):
        return spans
    title = m.group("title").rstrip(" ,;:")
    if ("." not in text[head_end : m.start("title")] or len(re.findall(r"[^\W\d_]{2,}", title)) < 2
            or title.count("(") < title.count(")") or re.search(r"(?i)\b(?:arxiv|doi|isbn|issn)\b|\d:\d", title)
            or re.match(r"(?i)(?:et\.? al|personal communication|unpublished|in press|submitted|forthcoming|"
                        r"(?:ph\.?\s?d\.?|doctoral|master'?s?)\s+(?:thesis|dissertation)|e-?prints?)\b", title)
            or _PLACE_PUBLISHER_RE.fullmatch(title)
            # "2017 Ph.D., Robotics Institute, Carnegie Mellon University": a degree's school, no title
            or (_ORGANISATION_NAME_RE.search(title) and not re.search(r"\b[a-zà-ÿ]{4,}\b", title))
            or re.search(r",\s*(?:director|producer|composer|performer|conductor|creator|host|ed|eds|editors?)\.?$", title)):
        return spans
    start = m.start("title")
    return sorted(spans + [FieldSpan("TITLE", start, start + len(title), 0.5)], key=lambda s: s.start)


# an organisation's name: capitalised words and their connectors ("U.S. Geological Survey",
# "Organisation for Economic Co-operation and Development", "… Authority (EFSA)")
_ORGANISATION_WORDS = r"(?:(?:[A-Z]\.){2,4}\s)?[A-Z][\w&'’-]*(?:\s(?:[A-Z][\w&'’-]*|of|for|and|the|on|in|\([A-Z]{2,10}\))){1,11}"
_ORGANISATION_LEAD_RE = re.compile(r"\s*(?:\[\d{1,4}\]\s*|\(\d{1,4}\)\s*|\d{1,4}\.\s+)?(?P<name>" + _ORGANISATION_WORDS + ")")
_WHOLE_ORGANISATION_RE = re.compile(_ORGANISATION_WORDS)


# what follows an organisation heading a reference: its date in brackets (APA's "(2019)." or "(n.d.)."), or
# a full stop alone before the title ("Organisation for … Development. Skills Mismatch …")
_SENTENCE_AFTER_RE = re.compile(r"[^\W\d_]?(?:[^.]|\.(?!\s|$))+")
_ORGANISATION_DATE_RE = re.compile(r"\.\s*(?:\(\s*(?:(?:19|20)\d{2}[a-z]?|n\.\s?d\.?)\s*\)\.\s*)?(?=\S)")


def _organisation_as_author(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """An organisation heading a reference with no person tagged is its author. Left untagged
    before the title ("National Cancer Institute. SEER cancer stat facts …", "[18] National
    Renewable Energy Laboratory, “Best research-cell …”"), or tagged as the title when the year
    follows it, APA's way ("Organisation for Economic Co-operation and Development. (2019).
    PISA 2018 results …": the sentence after the year is then the title)."""
    if not spans:
        return spans
    head = _ORGANISATION_LEAD_RE.match(text)
    if head is None or not (_ORGANISATION_NAME_RE.search(head.group("name")) or _CORPORATE_WORD_RE.search(head.group("name"))):
        return spans
    name_end = head.end("name")
    inside = [s for s in spans if s.label == "AUTHOR" and s.start >= head.start("name") and s.end <= name_end]
    if any(s.label == "AUTHOR" for s in spans) and not (inside and len(inside) == sum(1 for s in spans if s.label == "AUTHOR")):
        return spans
    if inside:
        # "National" + "Park Service" (AUTHOR) + ". (n.d.). Fire ecology …" (read as the venue): the
        # organisation is the one author, and the sentence after its date the title
        replaced = inside
    else:
        first = min(spans, key=lambda s: s.start)
        if first.label == "TITLE" and first.start >= name_end and re.fullmatch(r"\s*[.,]\s*[“\"‘]?", text[name_end : first.start]):
            return sorted(spans + [FieldSpan("AUTHOR", head.start("name"), name_end, first.confidence)], key=lambda s: s.start)
        if not (first.label == "TITLE" and first.start == head.start("name") and first.end == name_end):
            return spans
        replaced = [first]  # the organisation read as the title, the real title after its date
    dated = _ORGANISATION_DATE_RE.match(text, name_end)
    sentence = _SENTENCE_AFTER_RE.match(text, dated.end()) if dated else None
    if sentence is None or len(sentence.group().split()) < 2:
        return spans
    end = dated.end() + len(sentence.group().rstrip(" ,;:"))
    kept = [s for s in spans if s not in replaced and not (s.label in ("TITLE", "VENUE") and dated.end() <= s.start < end)]
    confidence = replaced[0].confidence
    return sorted(kept + [FieldSpan("AUTHOR", head.start("name"), name_end, confidence),
                          FieldSpan("TITLE", dated.end(), end, confidence)], key=lambda s: s.start)


# a chemical name's locants run on after the number the title span stopped at: "of 1" + ",3-Dienes"
_LOCANT_TAIL_RE = re.compile(r",\d{1,2}(?:,\d{1,2})*['′]?-[^\W_][\w'′()\[\]-]*(?:\s+[a-z][\w-]*)*")


def _title_cut_at_locants(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'Hydroalkylation of 1' (TITLE) + ',3-Dienes' (read as a name): locants such as "1,3-",
    "2,4,6-" never end a title at their comma (no space follows it)."""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None or not text[title.end - 1 : title.end].isdigit():
        return spans
    m = _LOCANT_TAIL_RE.match(text, title.end)
    if m is None:
        return spans
    end = m.end()
    following = min((s.start for s in spans if s.start >= end), default=len(text))
    # the title's words after the locant the tagger left untagged ("… of 1" + ",1-Disubstituted
    # Alkenes" + ". J. Am. Chem. Soc."), up to the next field
    untagged = re.match(r"(?:\s+[^\s.,;:]+)*", text[end:following])
    if untagged and re.match(r"\.(?:\s|$)", text[end + untagged.end() : following]):
        end += untagged.end()
    kept = [s for s in spans if s is not title and not (s.start < end and s.end > title.end)]
    return sorted(kept + [FieldSpan("TITLE", title.start, end, title.confidence)], key=lambda s: s.start)


def _corporate_head_of_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """Vancouver's corporate author read into the title when no person was tagged: "Public
    Health England. Health profile for England 2020 …", "Johns Hopkins Center for Health
    Security. Vaccine cold chain …", "Institute of Medicine (US) Committee on Rural Maternal
    Health. Improving maternity care …". A reference starts with its authors, so a first
    sentence of capitalised words naming an organisation, before a title of three words or
    more, is the author (only where the entry starts with the title span)."""
    titles = [s for s in spans if s.label == "TITLE"]
    if not titles:
        return spans
    title = titles[0]
    authors = [s for s in spans if s.label == "AUTHOR"]
    if authors:
        # "Johns" (AUTHOR) + "Hopkins Center for Health Security. Vaccine …" (TITLE), "Institute
        # of Medicine (US)" + "Committee on Rural Maternal Health. Improving …": the organisation
        # runs on into the title, with no stop between
        last = authors[-1]
        head = _CORPORATE_TITLE_HEAD_RE.match(text, title.start)
        if (last.end <= title.start and re.fullmatch(r"\s+", text[last.end : title.start]) and head is not None
                and head.end() < title.end and len(text[head.end() : title.end].split()) >= 3
                and not re.search(r"[.;,]$", text[last.start : last.end].strip())
                and (_ORGANISATION_NAME_RE.search(text[last.start : head.end(1)]) or _CORPORATE_WORD_RE.search(text[last.start : head.end(1)]))):
            kept = [s for s in spans if s is not title and s is not last]
            return sorted(kept + [FieldSpan("AUTHOR", last.start, head.end(1), min(last.confidence, title.confidence)),
                                  FieldSpan("TITLE", head.end(), title.end, title.confidence)], key=lambda s: s.start)
        return spans
    prefix = text[: title.start]
    start = title.start
    if re.search(r"[^\W\d_]", prefix):
        # "Institute of Medicine (US)" left untagged before "Committee on … Health. Title"
        untagged = re.fullmatch(r"\s*((?:[A-Z][\w&'’-]*|of|for|and|the|on|in|\([A-Z]{2,10}\))(?:\s+(?:[A-Z][\w&'’-]*|of|for|and|the|on|in|"
                                r"\([A-Z]{2,10}\))){0,8})\s+", prefix)
        if untagged is None or any(s.start < title.start for s in spans):
            return spans
        start = untagged.start(1)
    head = _CORPORATE_TITLE_HEAD_RE.match(text, title.start)
    if head is None or head.end() >= title.end:
        return spans
    name = text[start : head.end(1)]
    if not (_ORGANISATION_NAME_RE.search(name) or _CORPORATE_WORD_RE.search(name) or re.fullmatch(r"[A-Z]{3,10}", name)):
        return spans
    if len(text[head.end() : title.end].split()) < 3:
        return spans
    kept = [s for s in spans if s is not title]
    return sorted(kept + [FieldSpan("AUTHOR", start, head.end(1), title.confidence),
                          FieldSpan("TITLE", head.end(), title.end, title.confidence)], key=lambda s: s.start)


def _issuer_read_into_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A standard's, report's or book's issuer the tagger ran the title into, with no venue
    tagged: "Standard Practice for … Decking, ASTM International" + ", West Conshohocken, PA,
    2021", "Introduction to Microwave Circuit Design, Artech" + " House, Norwood, MA, 2014".
    The title ends at the comma before an organisation or publisher that its place and year
    follow."""
    if any(s.label == "VENUE" for s in spans):
        return spans
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) != 1:
        return spans
    title = titles[0]
    for cut in [m.start() for m in re.finditer(r", ", text[title.start : title.end])][::-1]:
        at = title.start + cut
        body = _ISSUER_PLACE_YEAR_RE.match(text, at)
        if body is None or len(text[title.start : at].split()) < 3:
            continue
        name = body.group(1)
        if not name[:1].isupper() or re.search(r"[a-z]{3,}\.\s", name):
            continue  # ("…, and Automata. MIT Press": a sentence ended inside it)
        if not (_ORGANISATION_NAME_RE.search(name) or _CORPORATE_WORD_RE.search(name) or _ISSUER_WORD_RE.search(name)
                or _PUBLISHER_WORD_RE.search(name) or re.fullmatch(r"[A-Z]{2,8}", name)):
            continue
        kept = [s for s in spans if s is not title and not (s.start >= at and s.end <= body.end(1) + 1)]
        return sorted(kept + [FieldSpan("TITLE", title.start, at, title.confidence),
                              FieldSpan("VENUE", body.start(1), body.end(1), title.confidence)], key=lambda s: s.start)
    return spans


def _translation_read_as_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"Die Rolle der Kommunen …" + " [The role of municipalities …]", "高齢者における転倒予防プログラム
    の効果 [Effects of a fall prevention program …]": the tagger took the bracketed English
    translation for the title and left the original before it untagged. The title is the
    original (the translation is a note, as APA and NLM print it)."""
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) == 2 and text[titles[1].start - 1 : titles[1].start] == "[" \
            and re.fullmatch(r"[\s\"”»’'.]*\[", text[titles[0].end : titles[1].start]):
        # both tagged: the original is the title, the bracketed translation goes
        return [s for s in spans if s is not titles[1]]
    if len(titles) != 1:
        return spans
    title = titles[0]
    if text[title.start - 1 : title.start] != "[" or text[title.end : title.end + 1] != "]":
        return spans
    before = [s for s in spans if s.end <= title.start - 1]
    start = max((s.end for s in before), default=0)
    original = text[start : title.start - 1]
    stripped = original.strip(" .,;:()")
    lead = len(original) - len(original.lstrip(" .,;:()"))
    if len(stripped) < 2 or not re.search(r"[^\W\d_]{2}", stripped) or len(stripped) > 400:
        return spans
    quoted = strip_wrapping_quotes(stripped)
    if quoted != stripped:
        offset = stripped.find(quoted)
        lead, stripped = lead + offset, quoted
    new_start = start + lead
    kept = [s for s in spans if s is not title]
    return sorted(kept + [FieldSpan("TITLE", new_start, new_start + len(stripped), title.confidence)], key=lambda s: s.start)


def _title_inside_quotes(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A title the tagger broke up inside the entry's one pair of curly quotes ("“Who Speaks
    for the Village?" TITLE + "Chiefs, Courts" AUTHOR + "and Customary Law in Colonial Ghana.”"
    TITLE, or one unsure title ending at the closing mark): the writer's quotes bound the
    title, so it is all they enclose (when only title pieces and unsure names lie inside)."""
    for opener, closer in (("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'), ("‘", "’"), ("'", "'")):
        if text.count(opener) != (2 if opener == closer else 1) or closer not in text:
            continue
        start = text.find(opener) + 1
        end = text.find(closer, start)
        if end < 0:
            continue
        if opener in "‘'" and (text.count(closer) != (2 if opener == closer else 1) or text[end - 1] not in ",."
                               or (start > 1 and text[start - 2].isalnum())):
            continue  # single marks are apostrophes too: only a pair closing after "," or "." ('Title,') is a quote
        inside = [s for s in spans if s.start < end and s.end > start]
        titles = [s for s in inside if s.label == "TITLE"]
        if not titles or any(s.start < start or s.end > end for s in inside):
            continue
        # (a venue inside the quotes beside a title piece is a piece of the title: no style quotes
        # a journal; a name inside them must be one the tagger was unsure of)
        if any(s.label != "TITLE" and not (s.label == "VENUE" or (s.label == "AUTHOR" and s.confidence < 0.5)) for s in inside):
            continue
        if len(inside) == 1 and (titles[0].confidence >= 0.5 or not re.fullmatch(r"[\s.,;:?!]*", text[titles[0].end : end])):
            continue  # one sure title, or one that stops short of the closing mark by words
        body = text[start:end].rstrip(" .,;:")
        if len(body.split()) < 3 or (len(inside) == 1 and titles[0].start == start and titles[0].end == start + len(body)):
            continue
        return sorted([s for s in spans if not any(s is i for i in inside)]
                      + [FieldSpan("TITLE", start, start + len(body), _QUOTED_TITLE_CONFIDENCE)], key=lambda s: s.start)
    return spans


def _venue_glued_to_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A venue the tagger was unsure of, starting right after the title with only a space
    between ("Welsh Chapels and the" + "Politics of Song." + " Cardiff: University of Wales
    Press"): no style sets a venue off by a bare space, so it is the title's end (the
    publisher after "Place:" is then read as the venue)."""
    for k in range(len(spans) - 1):
        title, venue = spans[k], spans[k + 1]
        if title.label != "TITLE" or venue.label != "VENUE":
            continue
        if text[title.end : venue.start] != " " or not (text[title.end - 1 : title.end].isalpha() or text[title.end - 1 : title.end] in "”’\""):
            continue
        # (or nothing after it at all: "… Creation of the Buckeye" + "Corpus of Conversational Speech" + ".")
        ends_entry = re.fullmatch(r"[\s.]*", text[venue.end :]) is not None and not any(s.label == "YEAR" and s.start > venue.end for s in spans)
        if _VENUE_CUE_RE.search(text[venue.start : venue.end]) or not (
                (_IMPRINT_AFTER_RE.match(text, venue.end) and (venue.confidence < 0.5 or text[title.end - 1] in "”’\""))
                or (ends_entry and venue.confidence < 0.9)):
            continue  # a journal's own words, or no book imprint ("Cardiff: University of Wales Press") after it
        end = venue.end
        while end > venue.start and text[end - 1] in ".,;: ":
            end -= 1
        return spans[:k] + [FieldSpan("TITLE", title.start, end, min(title.confidence, venue.confidence))] + spans[k + 2 :]
    return spans


def _quoted(text: str, span: FieldSpan) -> bool:
    """Whether the writer's quotation marks enclose the span ('"Title."', '"Title,"', '“Title”')."""
    opener = text[span.start - 1 : span.start]
    return (opener in _QUOTE_PAIRS and span.start > 0
            and re.match(r"[.,;:?!]?" + re.escape(_QUOTE_PAIRS[opener]), text[span.end : span.end + 2]) is not None)


def _quoted_title_wins(text: str, spans: list[FieldSpan], titles: list[FieldSpan]) -> list[FieldSpan]:
    """Of several title spans, the one the writer quoted is the title: 'A, B. "When Does Data
    Augmentation Help?" Workshop on Foundation Models at NeurIPS, 2023' (the longest would be the
    workshop). A later unquoted one with a venue's words is the venue, with the venue span right
    after it ("…Making at" + "NeurIPS")."""
    # (not a journal in guillemets after "in": the Italian "…, in «Giornale storico …»")
    quoted = [s for s in titles if _quoted(text, s) and not re.search(r"\bin\s*$", text[max(0, s.start - 6) : s.start - 1], re.I)]
    if len(quoted) != 1:
        return spans
    title = quoted[0]
    def runs_on(other: FieldSpan) -> bool:
        # '"Is depth enough?" Revisiting RGB-D baselines …': a quoted phrase heading the title; the
        # words after the closing quote continue its sentence (no stop, no "In" container)
        gap = re.sub(r"^[.,;:?!]?[\"”’'»]", "", text[title.end : other.start])
        return (other.start > title.end and not re.search(r"[.!?]\s", gap) and not re.match(r"\s*,?\s*in\b", gap, re.I)
                and not _VENUE_CUE_RE.search(text[other.start : other.end]))

    if any(runs_on(s) for s in titles if s is not title):
        return spans
    out: list[FieldSpan] = []
    skip = set()
    for k, span in enumerate(spans):
        if k in skip:
            continue
        if span.label != "TITLE" or span is title:
            out.append(span)
            continue
        adjacent = k + 1 < len(spans) and spans[k + 1].label == "VENUE" and not text[span.end : spans[k + 1].start].strip()
        if span.start > title.end and _VENUE_CUE_RE.search(text[span.start : span.end]) \
                and (adjacent or not any(s.label == "VENUE" for s in spans)):
            end = span.end
            if adjacent:
                end = spans[k + 1].end
                skip.add(k + 1)
            out.append(FieldSpan("VENUE", span.start, end, span.confidence))
    return out


def _quotes_confirm_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """A title span that the text's own quotation marks enclose exactly ("'Whose heritage?
    Community archives …'," ) has its boundaries confirmed by the writer: the tagger's doubt
    about a word inside it no longer makes the entry unsure."""
    out = []
    for span in spans:
        if span.label == "TITLE" and span.confidence < _QUOTED_TITLE_CONFIDENCE and span.start > 0:
            opener = text[span.start - 1]
            closer = text[span.end : span.end + 1]
            if opener in _QUOTE_PAIRS and closer == _QUOTE_PAIRS[opener] and text.count(opener) == (1 if opener != closer else 2):
                span = FieldSpan(span.label, span.start, span.end, _QUOTED_TITLE_CONFIDENCE)
        out.append(span)
    return out


_QUOTED_TITLE_CONFIDENCE = 0.9


def _quoted_head_runs_on(tags: list[str], texts: list[str], runs: list[list]) -> list[list]:
    """'“Blue carbon” accounting in Irish estuaries: …': a title that is only a quoted phrase,
    with untagged words going on in lower case after the closing mark, is the head of a longer
    title; the title runs to the end of that sentence, quotes included."""
    n = len(texts)
    for run in runs:
        if run[0] != "TITLE" or run[1] == 0 or texts[run[1] - 1] not in _QUOTE_PAIRS:
            continue
        close = _QUOTE_PAIRS[texts[run[1] - 1]]
        j = run[2]
        if not (j + 1 < n and texts[j] == close and tags[j] == "O" and tags[j + 1] == "O" and j - run[1] <= 5
                and texts[j + 1][:1].islower() and texts[j + 1].isalpha() and texts[j + 1].lower() not in _NOT_TITLE_TAIL):
            continue
        k = j + 1
        while k < n and k - j <= 40 and tags[k] == "O" and texts[k] not in (".", "?", "!") and texts[k] not in _QUOTE_PAIRS:
            k += 1
        if k < n and texts[k] in (".", "?", "!") and tags[k] == "O":
            run[1], run[2] = run[1] - 1, k + (1 if texts[k] in "?!" else 0)
    return runs


_FORMULA_RE = re.compile(r"(?:[A-Z][a-z]?\d{0,2}){1,5}\d(?:[A-Z][a-z]?\d{0,2}){0,4}|(?:[A-Z][a-z]?){2,4}\d{1,2}")


def _place_tail_end(texts: list[str], tags: list[str], j: int) -> int:
    """The end of ", Territory of Guam, USA" after a title: untagged capitalised words (and "of",
    "the", "and") in comma parts, then a full stop and the journal the tagger found; 0 if not so."""
    n = len(texts)
    if j >= n or texts[j] != "," or tags[j] != "O":
        return 0
    k, words = j, 0
    while k < n and tags[k] == "O" and k - j < 10:
        token = texts[k]
        if token == ".":
            break
        if token == ",":
            k += 1
            continue
        if not (token[:1].isupper() and token.isalpha()) and token not in ("of", "the", "and", "de", "du", "del"):
            return 0
        words += 1
        k += 1
    if words < 2 or k + 1 >= n or texts[k] != "." or not tags[k + 1].endswith("VENUE") or texts[k - 1] == ",":
        return 0
    return k


def _code_token_read_as_venue(tags: list[str], texts: list[str], runs: list[list]) -> list[list]:
    """Vancouver without its stop: "… subregions in" + "Yq11" (VENUE) + "Hum Mol Genet", "… by
    mutant" + "p53" + "Oncogene", "… stroke in" + "AF" + "Bandolier": a gene, locus or acronym
    closing the title is no journal's first word (the journal follows it)."""
    by_start = {r[1]: r for r in runs}
    for run in runs:
        if run[0] != "TITLE":
            continue
        j = run[2]
        if j + 1 >= len(texts) or not re.fullmatch(r"[A-Za-z]{0,4}\d[\w-]{0,6}|[A-Z]{2,4}", texts[j]):
            continue
        nxt = by_start.get(j)
        if nxt is not None and nxt[0] == "VENUE" and texts[run[2] - 1].lower() in _DANGLING:
            # the code opens the venue's run, or is a run of its own
            if nxt[2] - nxt[1] == 1:
                nxt[0] = "DROP"
            else:
                nxt[1] += 1
            run[2] = j + 1
        elif nxt is None and tags[j] == "O" and any(c.isdigit() for c in texts[j]) and texts[j][:1].islower() \
                and (tags[j + 1].endswith("VENUE")):
            run[2] = j + 1
    return [r for r in runs if r[0] != "DROP"]


def _title_head_read_as_venue(text: str, spans: list) -> list:
    """A title's head before its colon read as a venue opening the entry ("Rivers of Empire:" +
    TITLE "Irrigation and Authority in Colonial Punjab", then the journal "Past & Present"): an
    entry does not open with its journal when another follows the title."""
    if len(spans) < 3 or spans[0].label != "VENUE" or spans[0].start > 1 or spans[1].label != "TITLE":
        return spans
    head, title = spans[0], spans[1]
    if not text[head.start : head.end].rstrip().endswith(":") or title.start - head.end > 2 \
            or not any(s.label == "VENUE" for s in spans[2:]):
        return spans
    return [FieldSpan("TITLE", head.start, title.end, min(head.confidence, title.confidence))] + spans[2:]


def _name_head_read_as_title(texts: list[str], runs: list[list], confidence: list[float]) -> list[list]:
    """A double surname's first word the tagger read as a one-word title between two authors
    ("Ortúzar, F.;" + TITLE "Morales" + AUTHOR "Cienfuegos, M. J.;"), while the entry's real title
    comes later: the word is the name's."""
    if len(runs) < 4:
        return runs
    for k in range(1, len(runs) - 1):
        prev, run, nxt = runs[k - 1], runs[k], runs[k + 1]
        if (run[0] == "TITLE" and run[2] - run[1] <= 2 and nxt[0] == "AUTHOR" and nxt[1] == run[2] and prev[0] == "AUTHOR"
                and all(texts[j] in (".", ",", ";", "&", "and") for j in range(prev[2], run[1]))
                and all(texts[j][:1].isupper() for j in range(run[1], run[2]))
                and any(r[0] == "TITLE" and r[2] - r[1] >= 3 for r in runs[k + 2:])):
            # (the two tokens at the moved boundary were the tagger's doubt; the rest of the name says how sure it is)
            rest = confidence[nxt[1] + 1 : nxt[2]]
            nxt[1], nxt[3] = run[1], min(rest) if rest else nxt[3]
            return runs[:k] + runs[k + 1:]
    return runs


def _years_in_title(tags: list[str], texts: list[str], runs: list[list]) -> list[list]:
    """Years beside the title that the tagger read as a second date, when the entry's own date
    stands before the title: they are the title's.

        "Census Bureau. 2000." + "2000" + "Census of Population and Housing"   (opening it)
        "(2019) Kartlegging av tareskog i Hordaland" + "2018" + ". Rapport …"   (closing it)
        "… from August to October" + ", 2000" + ", The Sea J. …"              (a month's year)"""
    n = len(texts)
    absorbed: set[int] = set()  # start tokens of the year runs taken into a title
    for run in runs:
        if run[0] != "TITLE" or not any(r[0] == "YEAR" and r[2] < run[1] for r in runs):
            continue
        i, j = run[1], run[2]
        if (i >= 2 and tags[i - 1] in ("O", "B-YEAR") and _PERIOD_YEAR_RE.fullmatch(texts[i - 1])
                and texts[i - 2] == "." and texts[i][:1].isupper()):
            absorbed.add(i - 1)
            run[1] = i - 1
        if (j + 1 < n and tags[j] == "B-YEAR" and _PERIOD_YEAR_RE.fullmatch(texts[j]) and texts[j + 1] == "."
                and texts[j - 1][:1].isalpha()):
            absorbed.add(j)
            run[2] = j + 1
        elif (j + 2 < n and _MONTH_NAME_RE.fullmatch(texts[j - 1]) and texts[j] == ","
              and _PERIOD_YEAR_RE.fullmatch(texts[j + 1]) and texts[j + 2] in (",", ".")):
            absorbed.add(j + 1)
            run[2] = j + 2
    return [r for r in runs if not (r[0] == "YEAR" and r[1] in absorbed)]


def _extend_dangling(tags: list[str], texts: list[str], runs: list[list]) -> list[list]:
    """A title or venue that ends on a function word ("Proceedings of", "... the Age of Billy
    Graham and") takes the untagged words after it, up to the next punctuation mark. A title
    the tagger let go one to three words before its closing period ("... for Location" +
    "Privacy" + ".") takes those words too, when nothing but the period follows them."""
    n = len(texts)
    for run in runs:
        if run[0] == "AUTHOR":
            j = run[2]
            if texts[j - 1] == "," and j < n and tags[j] == "O" and re.fullmatch(r"[A-ZÀ-Þ]", texts[j]):
                # "Okafor-Lindqvist ," + "C" (O) + ".": an inverted name keeps its initials
                k = j
                while k < n and tags[k] == "O" and (re.fullmatch(r"[A-ZÀ-Þ]", texts[k]) or (texts[k] in ".-" and k > j)):
                    k += 1
                while k > j and texts[k - 1] in ".-":
                    k -= 1
                run[2] = k
                continue
            # "S." + "Halldórsdóttir" (O): a run of initials alone is a name missing its family name
            if j + 1 < n and texts[j] == "." and tags[j] == "O":
                j += 1  # "T" + "." + "Brennecke": the initial's full stop was left out too
            if (j < n and tags[j] == "O" and texts[j][:1].isupper() and len(texts[j]) > 1 and texts[j].isalpha()
                    and all(len(t) == 1 and (t.isupper() or t in ".-") for t in texts[run[1]:run[2]])):
                run[2] = j + 1
            # "Emeka" + "Obi" (O) + ",": a given name alone, its family name left untagged
            elif (run[2] - run[1] == 1 and texts[run[1]].istitle() and texts[run[1]].isalpha() and len(texts[run[1]]) > 1
                  and j + 1 < n and tags[j] == "O" and texts[j].istitle() and texts[j].isalpha() and len(texts[j]) > 1
                  and texts[j + 1] in (",", ";", "and", "&")):
                run[2] = j + 1
            continue
        if run[0] not in ("TITLE", "VENUE"):
            continue
        j = run[2]
        if (run[0] == "TITLE" and j < n and YEAR_RE.fullmatch(texts[j])
                and (texts[j - 1] == "Act" or (texts[j - 1] == "of" and j >= 2 and texts[j - 2] == "Act"))):
            # "Clean Harbors Restoration Act of" + "2011": a statute's year is part of its name
            run[2] = j + 1
            continue
        opened = max((k for k in range(run[1], j) if texts[k] == "("), default=-1)
        if (run[0] == "TITLE" and texts[run[1] : j].count("(") == texts[run[1] : j].count(")") + 1
                and opened > run[1] and j - opened >= 3 and texts[j - 1][:1].isalnum()):
            # "… roots (Rhododendron cv" + ". Demontague, Jean-Marie)" + ".": a title never leaves a
            # parenthesis open; it runs to the closing mark when only untagged words lie before it
            k = j
            while k < n and k - j <= _MAX_PAREN_TAIL and tags[k] == "O" and texts[k] not in ("(", ")"):
                k += 1
            later = next((t for t in tags[k + 1 :] if t != "O"), "O")
            inner = texts[opened + 1 : k]
            if (k < n and texts[k] == ")" and tags[k] == "O" and (k + 1 == n or texts[k + 1] in (".", ",", ";", ":", "?", "!"))
                    and not later.endswith("TITLE") and not _PAREN_NOT_TITLE_RE.match(" ".join(inner))
                    and not any(c.isdigit() for t in inner for c in t)):
                run[2] = k + 1
            continue
        if texts[run[2] - 1].lower() in _DANGLING:
            while j < n and tags[j] == "O" and any(c.isalnum() for c in texts[j]):
                j += 1
        elif (run[0] == "TITLE" and j < n and tags[j] == "O" and _ROMAN_RE.fullmatch(texts[j])
              and (j + 1 == n or not texts[j + 1][:1].isalnum())):
            # "… retos para el siglo" + "XXI" + "(pp. 55-78)": a closing roman numeral is the title's
            j += 1
        elif run[0] == "TITLE" and _parenthetical_tail_end(texts, tags, j):
            # "… rhododendron roots" + "(Rhododendron cv. Demontague)" + ".": a parenthesis
            # nothing else claimed, closing the title, is the title's
            j = _parenthetical_tail_end(texts, tags, j)
        elif (run[0] == "TITLE" and _PERIOD_YEAR_RE.fullmatch(texts[j - 1]) and j + 1 < n and texts[j] in ("–", "-", "—")
              and tags[j] == "O" and (_PERIOD_YEAR_RE.fullmatch(texts[j + 1]) or re.fullmatch(r"\d{2}", texts[j + 1]))
              and (j + 2 == n or not texts[j + 2][:1].isalnum())):
            # "… in Rural Somerset, 1660" + "–1740": the range's end is the title's too
            j += 2
        elif run[0] == "TITLE" and _year_range_at(texts, tags, j):
            # "… kelp restoration trials" + ", 1970–2020" + ".": a period the title covers, when
            # the entry's own year is tagged elsewhere
            j += 4
        elif run[0] == "TITLE" and j < n and tags[j] == "O" and _FORMULA_RE.fullmatch(texts[j]):
            # "… exciton diffusion in monolayer" + "WSe2" + ",": a chemical formula closing the
            # title, which the tagger takes for a code
            while j < n and tags[j] == "O" and (_FORMULA_RE.fullmatch(texts[j]) or texts[j][:1].islower()):
                j += 1
            if j >= n or texts[j] not in (",", ".", ":", ";"):
                continue
        elif run[0] == "TITLE" and _place_tail_end(texts, tags, j):
            # "… Northern Guam Lens Aquifer" + ", Territory of Guam, USA" + "." + journal: a place
            # the title names, left untagged between the title and the journal's sentence
            j = _place_tail_end(texts, tags, j)
        elif run[0] == "TITLE":
            # ("… pouvoir" + "à Versailles" + "."; a one-letter word is a preposition there)
            while (j < n and j - run[2] < _MAX_TITLE_TAIL and tags[j] == "O" and texts[j][:1].isalpha()
                   and (len(texts[j]) > 1 or (texts[j].islower() and j + 1 < n and texts[j + 1][:1].isalpha()))
                   and texts[j].lower() not in _NOT_TITLE_TAIL):
                j += 1
            if j == run[2] or j >= n or texts[j] not in (".", "?", "!"):
                continue
        run[2] = j
    return runs


_INITIALS_ONLY_RE = re.compile(r"^(?:[A-Z]\.?\s?-?\s?){1,4}$")


# what may stand between the last tagged author and the year slot: more "Family, I." names
_MORE_INVERTED_NAMES_RE = re.compile(
    r"\.?\s*,?\s*(?:(?:&|and|y|e|et|und)\s+)?(?P<names>[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?,\s(?:[A-Z]\.\s?-?){1,3}"
    r"(?:\s*,\s*(?:(?:&|and|y|e|et|und)\s+)?[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+(?:\s[A-ZÀ-ÞĀ-ŽȘȚ][\w'’-]+)?,\s(?:[A-Z]\.\s?-?){1,3}){0,20})"
    r"\s*(?=\()")


def _names_left_among_authors(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """Names of the author list the tagger left out: "Patel, R., & Nwosu, C. (in press)" untagged
    after the first name, or a short "title" between two names ("van der Linden, Joost, Anke de
    Vries & Pieter Hoekstra. 2021.") that is one more author."""
    authors = [k for k, s in enumerate(spans) if s.label == "AUTHOR"]
    if not authors:
        return spans
    out = list(spans)
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) >= 2:
        for k in range(1, len(out) - 1):
            span = out[k]
            if (span.label == "TITLE" and out[k - 1].label == "AUTHOR" and out[k + 1].label == "AUTHOR"
                    and span.end - span.start < max(t.end - t.start for t in titles)
                    and looks_like_name(text[span.start : span.end]) and 2 <= len(text[span.start : span.end].split()) <= 4
                    and re.fullmatch(r"\s*(?:,|&|and|;)\s*", text[out[k - 1].end : span.start])
                    and re.fullmatch(r"\s*,?\s*(?:,|&|and|;)\s*", text[span.end : out[k + 1].start])):
                out[k] = FieldSpan("AUTHOR", span.start, span.end, span.confidence)
    last = max(k for k, s in enumerate(out) if s.label == "AUTHOR")
    following = out[last + 1].start if last + 1 < len(out) else len(text)
    more = _MORE_INVERTED_NAMES_RE.match(text, out[last].end)
    if more and more.end() <= following and re.search(r"\((?:in press|forthcoming|n\.\s?d\.|(?:19|20)\d{2})", text[more.end():more.end() + 14], re.I):
        out.insert(last + 1, FieldSpan("AUTHOR", more.start("names"), more.end("names"), out[last].confidence))
    return out


def _join_split_inverted_names(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'Chang, M.-W.' tagged as two people ("Chang" | "M.-W"): a lone family name followed,
    after a comma, by a span of initials only is one inverted name."""
    out: list[FieldSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        family = text[prev.start : prev.end].strip().rstrip(",").strip() if prev is not None else ""
        gap = text[prev.end : span.start].strip() if prev is not None else ""
        if (
            span.label == "AUTHOR" and prev is not None and prev.label == "AUTHOR"
            and _INITIALS_ONLY_RE.match(text[span.start : span.end])
            and family and family.count(" ") <= 2 and "," not in family and not _INITIALS_ONLY_RE.match(family)
            and (gap == "," or (gap == "" and text[prev.start : prev.end].rstrip().endswith(",")))
        ):
            out[-1] = FieldSpan("AUTHOR", prev.start, span.end, min(prev.confidence, span.confidence))
            continue
        out.append(span)
    authors = [s for s in out if s.label == "AUTHOR"]
    if len(authors) == 2 and out[0] is authors[0] and out[1] is authors[1]:
        # Chicago's one author, "Merriweather, Catherine A. The Salt Merchants …", tagged as two
        # people ("Merriweather," | "Catherine A"): the family name alone, then a given name
        # (and initials) with nothing after them before the title
        family = text[authors[0].start : authors[1].start].strip()  # the name and the comma after it
        given = text[authors[1].start : authors[1].end].strip()
        if (family.endswith(",") and _GIVEN_WITH_INITIALS_RE.fullmatch(given) and " and " not in text[: authors[1].end]
                and re.fullmatch(r"[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ÿ'’-]+(?:[ -][A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ÿ'’-]+)?,", family)
                and re.match(r"\.?\s+\S", text[authors[1].end :])):
            out = [FieldSpan("AUTHOR", authors[0].start, authors[1].end, min(a.confidence for a in authors))] + out[2:]
    return out


# a given name with optional middle initials: "Catherine A", "Eleanor M.", "Jean-Luc"
_GIVEN_WITH_INITIALS_RE = re.compile(r"[A-ZÀ-ÞĀ-ŽȘȚ][a-zß-ÿ'’-]{2,}(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?(?:\s[A-ZÀ-Þ]\.?){0,2}")


def _drop_editors(spans: list[FieldSpan]) -> list[FieldSpan]:
    """The authors of an entry are one group. Names after the title when authors already came
    before it belong to the container ("In R. Port and T. van Gelder, editors", "trans. by"),
    not to the work. (A homepage entry "Title. A. One, B. Two. Venue" has no names before the
    title, so its authors stay.)"""
    title = next((s for s in spans if s.label == "TITLE"), None)
    if title is None or not any(s.label == "AUTHOR" and s.end <= title.start for s in spans):
        return spans
    return [s for s in spans if not (s.label == "AUTHOR" and s.start >= title.end)]


# "Feigenbaum, E. and J. Feldman, (eds.). Computers and Thought." - the names head an edited volume
_VOLUME_EDITORS_RE = re.compile(
    r"(?:[,\s]*\((?:[Ee]ds?|[Ee]dd|[Ee]ditors?|Hrsg|Hgg?|Hg|[Cc]oords?|[Dd]irs?|[Oo]rgs?)\.?\)"
    r"|,\s*(?:eds?\.|editors|editor|Hrsg\.|Hg\.|coords?\.|dirs?\.|orgs?\.))"
    r"(?:\s*\(\d{4}[a-z]?\)|\s+(?:1[5-9]|20)\d{2}[a-z]?(?=\.\s))?\s*[.,:]?\s+")
_VOLUME_NAMES_GAP_RE = re.compile(r"(?:\s*(?:[.,&]|and\b|y\b|e\b|und\b|et\b|al\b|[A-ZÀ-Þ][\w'’-]*\.?)){1,10}?(?=,\s*(?:eds?\.|editors?\b)|\s*\((?:[Ee]ds?|[Ee]dd)\.?\))")
_LONE_EDITOR_HEAD_RE = re.compile(r"^([A-ZÀ-Þ][\w'’-]+,\s+[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2})(?=\s*\((?:[Ee]ds?|[Ee]dd|Hrsg|Hg)\.?\))")
_VOLUME_TITLE_END_RE = re.compile(r"\.\s|\s\(|\.$|$")


def _edited_volume_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """An entry that starts with its editors ("A and B (eds.).", "C (Hg.) (2012):") and has
    no title is an edited volume: the words after the mark, to the next full stop or
    parenthesis, are its title (the tagger, seeing "(eds.)", calls them the venue)."""
    if any(s.label == "TITLE" for s in spans):
        return spans
    names = [s for s in spans if s.label == "AUTHOR"]
    if not names:
        # the editor the tagger did not see as a name: "Whenham, John (ed.), Claudio Monteverdi: Orfeo (…)"
        editor = _LONE_EDITOR_HEAD_RE.match(text)
        if editor is None:
            return spans
        names = [FieldSpan("AUTHOR", editor.start(1), editor.end(1), 0.5)]
    # the mark follows the last tagged name, or more names the tagger left out ("…, and Lucia
    # Marchetti, eds.")
    gap = _VOLUME_NAMES_GAP_RE.match(text, names[-1].end)
    mark = _VOLUME_EDITORS_RE.match(text, names[-1].end) or (_VOLUME_EDITORS_RE.match(text, gap.end()) if gap else None)
    if mark is None or re.search(r"\b[Ii]n:?\s", text[: names[0].start]):
        return spans
    start = mark.end()
    if start >= len(text) or not (text[start].isupper() or text[start].isdigit() or text[start] in "\"“«'‘"):
        return spans
    end = _VOLUME_TITLE_END_RE.search(text, start).start()
    at_start = next((s for s in spans if s.label == "VENUE" and s.start == start), None)
    if at_start is not None and at_start.end < end and text[at_start.end : at_start.end + 1] == ",":
        end = at_start.end  # "Oral Literature and the Formula, Ann Arbor 1976": the comma closes it
    title_text = text[start:end].strip(" \"“”«»'‘’")
    if not title_text or len(title_text.split()) > 25:
        return spans
    lead = len(text[start:end]) - len(text[start:end].lstrip(" \"“«'‘"))
    title = FieldSpan("TITLE", start + lead, start + lead + len(title_text),
                      at_start.confidence if at_start is not None else 0.5)
    # the editors stay as the volume's people: on a CV they are the owner and co-editors
    kept = [s for s in spans if not (s.label == "VENUE" and s.start < title.end and s.end > title.start)]
    return _editors_left_out(text, sorted(kept + [title], key=lambda s: s.start))


_EDITOR_WORD_RE = re.compile(r"\b(?:[Ee]ds?|[Ee]dd|[Ee]ditors?|Hrsg|Hgg?)\b")


def _editors_left_out(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """'Whitcombe, Eleanor' (AUTHOR) + ', and Samuel Adebayo-Price, eds. 2019.': the editors heading
    an edited volume are its people; the tagger, which learnt that editors are no authors, left
    out all but the first."""
    names = [s for s in spans if s.label == "AUTHOR"]
    # (the mark follows the names closely: only that stretch is searched)
    if not names or not _EDITOR_WORD_RE.search(text, names[-1].end, names[-1].end + 200) \
            or re.search(r"[^\W\d_]", text[: names[0].start]):
        return spans
    gap = _VOLUME_NAMES_GAP_RE.match(text, names[-1].end)
    mark = _VOLUME_EDITORS_RE.match(text, gap.end()) if gap else None
    if mark is None:
        return spans
    added = []
    for name in re.finditer(r"(?:(?<=,\s)|(?<=\band\s)|(?<=&\s))(" + NATURAL_NAME + r"|(?:[A-Z]\.\s?){1,3}[A-ZÀ-Þ][\w'’-]+)(?=,|\s+and\b|$)",
                            text[names[-1].end : mark.start()]):
        if looks_like_name(name.group(1)):
            at = names[-1].end + name.start(1)
            added.append(FieldSpan("AUTHOR", at, at + len(name.group(1)), 0.5))
    return sorted(spans + added, key=lambda s: s.start) if added else spans


_CONTAINER_MARK_RE = re.compile(r"[.,]\s*(?:\[[Ww]:\]|[Ww]:|In:|in:|En:|Em:|Dans:|In\s(?=[A-ZÀ-Þ]{2,},))\s*")


# the book's editors between the mark and the book, and nothing else: "LIMA, Cláudia (Org.). "
def _journal_head_left_in_title(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """ScienceDirect's and IOP's web lists print no mark between the title and the journal: "…
    macrolide antibiotics Pharmacometr. Syst. Model., 9 (2020)", "… on unbounded domains Nonlinear
    Dyn. Syst. 30 1123–56". The tagger ends the title on the journal's first abbreviation; a
    capitalised last word of the title, closed by the abbreviation's point and joined to the venue,
    is the venue's."""
    titles = [s for s in spans if s.label == "TITLE"]
    venues = [s for s in spans if s.label == "VENUE"]
    if len(titles) != 1 or len(venues) != 1:
        return spans
    title, venue = titles[0], venues[0]
    if text[title.end - 1 : title.end] == "." and text[title.end - 2 : title.end - 1].isalpha():
        title = FieldSpan("TITLE", title.start, title.end - 1, title.confidence)  # (the span took the point)
    if not (0 < venue.start - title.end <= 2) or text[title.end : title.end + 1] != "." \
            or text[title.end + 1 : venue.start].strip():
        return spans
    if not re.search(r"[^\W_]$", text[: title.start].rstrip()):
        return spans  # (a list that parts its fields with stops, "… in Ghana. Community Dent Oral Epidemiol", ends its title there)
    if not re.search(r"[a-z]\.\s+\S", text[venue.start : venue.end + 2]) and len(text[title.end - 1 : title.end].strip()) and \
            not re.fullmatch(r"[A-Z]", text[title.start : title.end].split()[-1]):
        return spans  # (the journal's own abbreviations show it: "Pharmacol. Rep."; "… of Mexico. Latin American Antiquity" ends a title)
    head = re.search(r"(?<=\s)([A-Z][a-z]{0,12})$", text[title.start : title.end])
    if head is None:
        return spans
    before = text[title.start : title.start + head.start(1)].rstrip()
    last_word = before.split()[-1] if before.split() else ""
    if len(before.split()) < 3 or not re.fullmatch(r"[a-zß-ÿ][\w'’-]*|\w*\d\w*|[A-Z]{2,}\w*", last_word):
        return spans  # ("… and the Rise of New" + "York …" is no journal's head)
    cut = title.start + head.start(1)
    return [FieldSpan("TITLE", title.start, title.start + len(before), title.confidence) if s.label == "TITLE"
            else FieldSpan("VENUE", cut, venue.end, venue.confidence) if s is venue else s for s in spans]


_BOOK_EDITORS_MARK_RE = re.compile(r"(?:[^.()]|(?<=\b[A-ZÀ-Þ])\.){2,200}?\((?:[Oo]rgs?|[Cc]oords?|[Ee]ds?|[Hh]rsg|[Hh]gg?|[Dd]ir|red)\.?\)\s*[:.,]?\s*")


def _chapter_title_left_before_container(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """"M. Zieliński, Melancholia i nowoczesność, [w:] Modernizm polski. Szkice, red. K. Wójcik, …",
    "FREITAS, Roberto. Escola e comunidade no sertão baiano. In: LIMA, Cláudia (Org.). Educação do
    campo. Salvador: EDUFBA": the chapter's title left untagged between the names and the container's
    mark, the book tagged as the title. The chapter is the title, the book the venue."""
    titles = [s for s in spans if s.label == "TITLE"]
    authors = [s for s in spans if s.label == "AUTHOR"]
    if len(titles) == 2 and not any(s.label == "VENUE" for s in spans):
        # both tagged as titles: the one after the mark is the book
        first, second = titles
        mark = _CONTAINER_MARK_RE.search(text, first.end, second.start)
        between = text[mark.end() : second.start] if mark else ""
        if mark and text[first.end : mark.start()].strip(" .,;:\"”’»") == "" and (
                not between.strip() or _BOOK_EDITORS_MARK_RE.fullmatch(between)):
            book = re.sub(r",\s*(?:red|ed|eds|hrsg|org|coord|dir)\.?$", "", text[second.start : second.end], flags=re.I)
            return [FieldSpan("VENUE", second.start, second.start + len(book), second.confidence) if s is second else s
                    for s in spans]
        return spans
    if len(titles) != 1 or not authors or any(s.label == "VENUE" for s in spans):
        return spans
    title, last = titles[0], authors[-1]
    if last.end >= title.start:
        return spans
    mark = _CONTAINER_MARK_RE.search(text, last.end, title.start)
    if mark is None or any(last.end < s.start < title.start for s in spans if s.label != "AUTHOR"):
        return spans
    between = text[mark.end() : title.start]
    if between.strip() and not _BOOK_EDITORS_MARK_RE.fullmatch(between):
        return spans  # (only the book's editors may stand between the mark and the book)
    head = text[last.end : mark.start()].strip(" .,;:")
    start = text.find(head, last.end) if head else -1
    if start < 0 or len(head.split()) < 2 or not re.search(r"[^\W\d_]{3}", head):
        return spans
    end = title.end
    # (the book's editors' mark closes the tagged book: "Szkice, red")
    book = re.sub(r",\s*(?:red|ed|eds|hrsg|org|coord|dir)\.?$", "", text[title.start : end], flags=re.I)
    kept = [s for s in spans if s is not title]
    return sorted(kept + [FieldSpan("TITLE", start, start + len(head), title.confidence),
                          FieldSpan("VENUE", title.start, title.start + len(book), title.confidence)], key=lambda s: s.start)


_LOW_QUOTED_AFTER_RE = re.compile(r"\s*(?:,\s*)?(?:(?:in|w|w:|\[w:\])\s+)?[„«]\s?([^„“”«»\"]{2,120}?)\s?[“”»]")


def _journal_in_low_quotes(text: str, spans: list[FieldSpan]) -> list[FieldSpan]:
    """Polish, Italian and Central European humanities quote the journal, not the title: "A. Nowak,
    Symbolizm w liryce, „Pamiętnik Literacki” 2009, z. 3", "L. Ferrari, La bottega, «Arte Lombarda»,
    XXIV". A title the tagger left the quoted journal after is given it as its venue; a short title
    it read as a second author ("K. Sikora, Czytając Mirskiego, „Gazeta Krakowska” 1907") is the
    title, and what it called the title inside the quotes the journal."""
    if "„" not in text and "«" not in text:
        return spans
    given = spans
    titles = [s for s in spans if s.label == "TITLE"]
    # (a volume in Roman numerals the tagger took for the journal: "«Arte Lombarda», XXIV, 1980"; it goes
    # only when the quoted journal takes its place)
    spans = [s for s in spans if not (s.label == "VENUE" and re.fullmatch(r"[IVXLC]{1,7}\.?|\d{1,4}", text[s.start : s.end].strip()))]
    if not titles or len(titles) > 2 or any(s.label == "VENUE" for s in spans):
        return given
    title = titles[0]
    if len(titles) == 2:
        # the journal read as a second title: "…, „Pamiętnik Literacki” 2009"
        after = _LOW_QUOTED_AFTER_RE.match(text, title.end)
        second = titles[1]
        if after and after.start(1) <= second.start and second.end <= after.end(1) + 1:
            return [FieldSpan("VENUE", s.start, s.end, s.confidence) if s is second else s for s in spans]
        return given
    opening = text.rfind("„", 0, title.start + 1), text.rfind("«", 0, title.start + 1)
    inside = max(opening) >= 0 and re.fullmatch(r"[„«]\s?", text[max(opening) : title.start]) is not None
    if inside:
        authors = [s for s in spans if s.label == "AUTHOR" and s.end <= title.start]
        if len(authors) >= 2:
            last = authors[-1]
            gap = _LOW_QUOTED_AFTER_RE.match(text, last.end)
            name = text[last.start : last.end]
            # (initials name the people before it, none in it: "K. Sikora, Czytając Mirskiego")
            initials = re.compile(r"\b[A-ZÀ-Þ]\.")
            if gap and gap.start(1) <= title.start and (_reads_as_title_words(name) or (
                    initials.search(text, authors[0].start, authors[0].end) and not initials.search(name))):
                kept = [s for s in spans if s is not last and s is not title]
                return sorted(kept + [FieldSpan("TITLE", last.start, last.end, last.confidence),
                                      FieldSpan("VENUE", gap.start(1), gap.end(1), title.confidence)], key=lambda s: s.start)
        return given
    after = _LOW_QUOTED_AFTER_RE.match(text, title.end)
    if after:
        return sorted(spans + [FieldSpan("VENUE", after.start(1), after.end(1), title.confidence)], key=lambda s: s.start)
    return given


def _reads_as_title_words(name: str) -> bool:
    """A "name" with a lower-case word, a single word, or two words no name would be."""
    words = name.split()
    if any(w[:1].islower() for w in words) or len(words) == 1:
        return True
    return len(words) == 2 and not re.search(r"\b[A-Z]\.", name) and not looks_like_name(name)


def parsed_from_tags(doc, tags: list[str], confidence: list[float]) -> Parsed:
    """Group BIO tags into field spans. A title or venue the tagger broke in two around glue
    punctuation ("Title" ":" "Subtitle") is one span; a field found twice keeps its longest run."""
    text_of_doc = doc_text(doc)  # one string for all the repairs below (each used to rebuild it)
    runs: list[list] = []  # [label, start_tok, end_tok, min_conf]
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix, label = tag.split("-", 1)
        last = runs[-1] if runs else None
        if prefix == "I" and last and last[0] == label and last[2] == i:
            last[2], last[3] = i + 1, min(last[3], confidence[i])
        else:
            runs.append([label, i, i + 1, confidence[i]])
    runs = _complete_quoted_titles(doc, tags, runs)
    texts, starts = token_texts(doc)
    runs = _code_token_read_as_venue(tags, texts, runs)
    runs = _years_in_title(tags, texts, runs)
    runs = _extend_dangling(tags, texts, runs)
    runs = _quoted_head_runs_on(tags, texts, runs)
    runs = _name_head_read_as_title(texts, runs, confidence)
    merged: list[list] = []
    has_venue = any(r[0] == "VENUE" for r in runs)
    for run in runs:
        prev = merged[-1] if merged else None
        if prev and prev[0] == run[0] == "TITLE" and _closed_quoted_title(texts, prev, run[1]):
            # '"Đánh giá … Hà Nội", Tạp chí …': the quotes closed the title; what the tagger
            # also called a title after them is the journal
            merged.append(["VENUE", run[1], run[2], run[3]] if not has_venue else run)
            continue
        if (
            prev and prev[0] == run[0] and run[0] in ("TITLE", "VENUE")
            and ((all(texts[j] in _GLUE for j in range(prev[2], run[1]))
                  and not (texts[prev[2] - 1] == ")" and "." in texts[prev[2] : run[1]]))
                 # "Steinheim Basin" + ", W." + "Germany": an abbreviated word between two pieces
                 or (run[0] == "TITLE" and 2 <= run[1] - prev[2] <= 3 and texts[prev[2]] == ","
                     and re.fullmatch(r"[NSEW]", texts[prev[2] + 1]) is not None
                     and all(texts[j] == "." for j in range(prev[2] + 2, run[1])))
                 # "… large de Tulear" + "(S.W." + "de l'Ocean Indien, Madagascar" + ")": one parenthesis
                 # inside the title, its abbreviations left untagged
                 or (run[0] == "TITLE" and texts[prev[2]] == "(" and 2 <= run[1] - prev[2] <= 6 and run[2] < len(texts)
                     and texts[run[2]] == ")" and all(tags[j] == "O" and texts[j] not in ("(", ")") for j in range(prev[2] + 1, run[1]))
                     and all(re.fullmatch(r"[A-Z]|\.", texts[j]) for j in range(prev[2] + 1, run[1]))))
            # a quote after a period closes a title ('… 106 to 109 ." Annual Review'); a quote
            # with no period is inside it ('Who benefits from “nudges”? Heterogeneity …')
            and not (any(texts[j] in _QUOTES for j in range(prev[2], run[1]))
                     and any(texts[j] == "." for j in range(prev[2], run[1])))
        ):
            prev[2], prev[3] = run[2], min(prev[3], run[3])
            if texts[prev[1]:run[1]].count("(") > texts[prev[1]:run[2]].count(")") and run[2] < len(texts) and texts[run[2]] == ")":
                prev[2] += 1  # the parenthesis opened inside closes the title's piece
        else:
            merged.append(run)
    spans = [
        FieldSpan(label, starts[s], starts[e - 1] + len(texts[e - 1]), round(conf, 4))
        for label, s, e, conf in merged
    ]
    spans = _last_names_read_as_title(text_of_doc, spans)
    spans = _names_left_before_first_author(text_of_doc, spans)
    spans = _meeting_part_read_as_title(text_of_doc, spans)
    spans = _acronym_venue_in_title(text_of_doc, spans)
    spans = _colon_head_of_title(text_of_doc, spans)
    spans = _names_after_title_read_into_it(text_of_doc, spans)
    spans = _abnt_name_list(text_of_doc, spans)
    spans = _title_tail_read_as_venue(text_of_doc, spans)
    spans = _thesis_title_read_as_venue(text_of_doc, spans)
    spans = _family_left_after_given_name(text_of_doc, spans)
    spans = _chicago_first_name_split(text_of_doc, spans)
    spans = _title_head_read_as_venue(text_of_doc, spans)
    spans = _person_named_in_title(text_of_doc, spans)
    spans = _last_author_read_into_venue(text_of_doc, spans)
    spans = _quoted_venue_is_title(text_of_doc, spans)
    spans = _journal_inside_title(text_of_doc, spans)
    spans = _title_word_read_as_venue(text_of_doc, spans)
    spans = _title_tail_word_read_as_venue(text_of_doc, spans)
    spans = _qualified_journal_read_into_title(text_of_doc, spans)
    spans = _journal_abbreviation_head_in_title(text_of_doc, spans)
    spans = _title_runs_to_colon_before_journal(text_of_doc, spans)
    spans = _translation_read_as_title(text_of_doc, spans)
    spans = _title_inside_quotes(text_of_doc, spans)
    spans = _corporate_head_of_title(text_of_doc, spans)
    spans = _organisation_as_author(text_of_doc, spans)
    spans = _title_cut_at_locants(text_of_doc, spans)
    spans = _quotes_confirm_title(text_of_doc, spans)
    spans = _title_head_read_as_author(text_of_doc, spans)
    spans = _title_head_after_initials(text_of_doc, spans)
    spans = _names_before_colon(text_of_doc, spans)
    spans = _split_title_head_off_inverted_name(text_of_doc, spans)
    spans = _join_split_inverted_names(text_of_doc, spans)
    spans = _names_left_among_authors(text_of_doc, spans)
    spans = _title_head_tagged_as_last_author(text_of_doc, spans)
    spans = _journal_tagged_as_last_author(text_of_doc, spans)
    spans = _place_name_ending_title(text_of_doc, spans)
    spans = _title_stopped_before_imprint(text_of_doc, spans)
    spans = _drop_editors(spans)
    spans = _edited_volume_title(text_of_doc, spans)
    spans = _editors_left_out(text_of_doc, spans)
    spans = _subtitle_read_as_venue(text_of_doc, spans)
    spans = _book_read_as_title(text_of_doc, spans)
    spans = _title_head_left_out(text_of_doc, spans)
    spans = _names_inside_title(text_of_doc, spans)
    spans = _first_author_read_into_title(text_of_doc, spans)
    spans = _last_author_read_into_title(text_of_doc, spans)
    spans = _title_first_word_read_as_author(text_of_doc, spans)
    spans = _one_word_title_read_as_author(text_of_doc, spans)
    spans = _place_name_ending_title(text_of_doc, spans)
    spans = _venue_started_inside_title(text_of_doc, spans)
    spans = _venue_glued_to_title(text_of_doc, spans)
    spans = _issuer_read_into_title(text_of_doc, spans)
    spans = _title_head_with_years(text_of_doc, spans)
    spans = _abbreviated_journal_glued_to_title(text_of_doc, spans)
    spans = _journal_read_into_title(text_of_doc, spans)
    spans = _comma_style_container(text_of_doc, spans)
    spans = _comma_journal_read_into_title(text_of_doc, spans)
    spans = _inverted_head_name_left_out(text_of_doc, spans)
    spans = _last_editor_left_out(text_of_doc, spans)
    spans = _note_journal(text_of_doc, spans)
    spans = _names_before_last_author(text_of_doc, spans)
    spans = _family_after_initials_read_into_title(text_of_doc, spans)
    spans = _title_stopped_at_year_range(text_of_doc, spans)
    spans = _venue_run_on_read_as_title(text_of_doc, spans)
    spans = _journal_after_quoted_title(text_of_doc, spans)
    spans = _subtitle_before_container(text_of_doc, spans)
    spans = _non_latin_title_run_on(text_of_doc, spans)
    spans = _title_before_description(text_of_doc, spans)
    spans = _title_missing(text_of_doc, spans)
    spans = _journal_in_low_quotes(text_of_doc, spans)
    spans = _chapter_title_left_before_container(text_of_doc, spans)
    spans = _journal_head_left_in_title(text_of_doc, spans)
    venues = [s for s in spans if s.label == "VENUE"]
    if len(venues) > 1:
        # "IEEE SaTML 2024. Distinguished Paper Award": an award is no venue when a venue is there
        awards = [s for s in venues if _AWARD_RE.search(text_of_doc[s.start : s.end])]
        if awards and len(awards) < len(venues):
            spans = [s for s in spans if not any(s is a for a in awards)]
    titles = [s for s in spans if s.label == "TITLE"]
    if len(titles) > 1:
        # "Retrieved from X website", "Available at": an access note, never the title
        text = text_of_doc
        notes = [s for s in titles if _ACCESS_NOTE_HEAD_RE.match(text, s.start)]
        if notes and len(notes) < len(titles):
            spans = [s for s in spans if not any(s is n for n in notes)]
        titles = [s for s in spans if s.label == "TITLE"]
        spans = _quoted_title_wins(text, spans, titles)
        titles = [s for s in spans if s.label == "TITLE"]
        # "… Finances, 1998 (ICPSR 2671) [Data set]. Inter-university Consortium for …": the
        # issuing organisation after the title is its publisher, not a longer title
        bodies = [s for s in titles[1:] if _CAPITALISED_WORDS_RE.fullmatch(text[s.start : s.end])
                  and _ORGANISATION_NAME_RE.search(text[s.start : s.end])]
        if bodies and len(bodies) < len(titles):
            spans = [FieldSpan("VENUE", s.start, s.end, s.confidence) if any(s is b for b in bodies) else s for s in spans]
    for label in ("TITLE", "VENUE", "YEAR"):
        found = [s for s in spans if s.label == label]
        if len(found) > 1:
            # of several years, the Vancouver date ("2021;9(11)") before a sure one that
            # is part of a name ("GBD 2019 Collaborators")
            key = (lambda s: (bool(re.match(r"\s*;\s*\d", text_of_doc[s.end : s.end + 4])), s.confidence)) if label == "YEAR" \
                else (lambda s: s.end - s.start)
            best = max(found, key=key)
            spans = [s for s in spans if s.label != label or s is best]
    mean = sum(confidence) / len(confidence) if confidence else 0.0
    return Parsed(text_of_doc, spans, round(mean, 4))
