"""Section headings whose items are not the page owner's publications."""
from __future__ import annotations

import re

# talks, teaching, news, service, reading lists: dated lines that are not publications
NON_PUBLICATION_SECTION_RE = re.compile(
    r"^\W*(?:(?:invited|selected|recent|upcoming|conference|keynote|required|recommended|further|suggested|research|"
    r"current|past|ongoing|active|funded|public|history|professional|academic|in the|latest|lab|&|and|older|earlier|previous|more)\s+){0,3}"
    r"(?:talks?|presentations?|lectures?|seminars?|teaching|courses?|news|updates|announcements|awards?|"
    # posters are presented, not published ("Abstracts and Posters", "Poster presentations")
    r"posters?|(?:abstracts?|presentations?|talks?) (?:and|&) posters?|posters? (?:and|&) (?:abstracts?|presentations?|talks?)|"
    r"poster presentations?|"
    # a CV's papers given at conferences, with its lectures: talks ("Conference Papers and Invited Lectures")
    r"conference papers? (?:and|&) (?:invited |keynote |public )?(?:lectures?|talks?|presentations?)|"
    r"honou?rs|grants?|funding|service|professional service|students|supervision|mentoring|advising|media|"
    r"press|contact|education|appointments|employment|experience|positions|events|projects|software|"
    r"miscellany|misc|readings?|reading list|reading group|references|syllabus|schedule|week\s+\d+|engagement|outreach|"
    # a group page's people sections
    r"alumni|staff|(?:lab |group |team )?members|people|team|researchers|principal investigators?|join us|"
    # a profile's sidebar of the people the owner wrote with ("Co-Authors", "Frequent collaborators")
    r"(?:frequent |top )?co-?authors|(?:frequent |top )?collaborators|"
    # a workshop's pages: its speakers, organisers and committee
    r"speakers|keynote speakers|keynotes|organi[sz]ers|organi[sz]ing committee|program(?:me)? committee|sponsors|"
    # what the owner organised ("Workshops organised", "Sessions co-organized")
    r"(?:workshops?|events?|sessions?|symposia|conferences?|panels?) (?:co-?)?organi[sz]ed|"
    r"activities|prizes|distinctions|memberships|editorial (?:work|boards?)|"
    r"discography|performances?|recordings|concerts|exhibitions|compositions|op-eds|testimony|public humanities|public scholarship|public writing|popular writing|"
    r"open positions|vacancies|patents?(?: (?:and|&) (?:patent )?applications)?|patentes|brevets?|"
    # the same sections in CVs written in Portuguese, Spanish, French, German and Italian
    # (Lattes "Apresentações de Trabalho", "Orientações"; "Vorträge", "Lehre", "Enseignement")
    r"apresenta[çc][õo]es|palestras|orienta[çc][õo]es|ensino|disciplinas|bancas|eventos|pr[êe]mios|"
    r"ponencias|charlas|docencia|dirección de tesis|premios|becas|proyectos|"
    r"exposés|enseignement|encadrement|distinctions|vortr[äa]ge|lehre|lehrveranstaltungen|betreuung|preise|"
    r"aktuelles|neuigkeiten|nachrichten|termine|veranstaltungen|actualités|noticias|notícias|novità|"
    r"divulgaci[óo]n|divulga[çc][ãa]o|divulgazione|entrevistas|interviews?|interviste|"
    # HAL's "Communications orales sans actes (COM)": talks with no proceedings
    r"communications?(?: orales?)?(?: invit[ée]es?)? sans actes|conf[ée]rences? invit[ée]es?|s[ée]minaires?|vulgarisation|"
    r"comunica[çc][õo]es orais(?: \(sem atas\))?|comunicaciones orales|ponencias sin actas|"
    r"drittmittel|relazioni|didattica|premi|convegni(?: e seminari)?|seminari|attivit[àa] di scavo|scavi|"
    # theses the owner supervised are the students' works ("Tesis dirigidas", "Supervised theses",
    # "Thèses encadrées", "Betreute Abschlussarbeiten", "Tesi seguite")
    r"tesis (?:dirigidas|codirigidas|asesoradas)|(?:supervised|advised|directed) (?:theses|dissertations|students)|"
    r"(?:theses|dissertations) (?:supervised|advised|directed)|th[èe]ses (?:encadr[ée]es|dirig[ée]es)|student theses|"
    r"betreute (?:\w+arbeiten|dissertationen)|tesi (?:seguite|supervisionate)|"
    # Japanese and Chinese CV sections: invited talks, talks, awards, funding, teaching, societies
    r"招待講演|講演|口頭発表|受賞|表彰|外部資金|競争的資金|研究費|担当授業|教育活動|学会活動|社会活動|所属学会|"
    r"邀请报告|学术报告|学术讲座|获奖|荣誉|科研项目|科研基金|教学|讲授课程|学术兼职|专利|特許|"
    # Korean, Turkish, Russian, Polish and Dutch ones: patents, projects, talks, courses, awards
    r"특허|수상|연구과제|강의|초청강연|학회발표|"
    r"davetli konuşmalar|konuşmalar|projeler|verdiği dersler|dersler|yönetilen tezler|ödüller|patentler|"
    r"патенты|доклады|гранты|проекты|преподавание|награды|"
    r"patenty|projekty|dydaktyka|wystąpienia|nagrody|"
    r"nevenfuncties|lezingen|onderwijs|prijzen|nevenactiviteiten)\b",
    re.I)

# publication-kind words a CV heading starts with, beyond English ("Artigos completos publicados
# em periódicos", "Capítulos de libros", "Articles dans des revues", "Beiträge in Sammelbänden")
FOREIGN_PUBLICATION_KIND_RE = re.compile(
    r"^(?:artigos?|cap[íi]tulos?|livros?|trabalhos|resumos|textos|publica[çc][õo]es|produ[çc][ãa]o|"
    r"art[íi]culos?|libros?|publicaciones|actas|comunicaciones|"
    r"articles?|chapitres?|ouvrages?|communications?|publications?|"
    r"ver[öo]ffentlichungen|publikationen|aufs[äa]tze|beitr[äa]ge|zeitschriftenartikel|monographien|sammelb[äa]nde|"
    r"articoli|pubblicazioni|capitoli|libri|monografie|curatele|contributi|atti|saggi|recensioni|"
    r"herausgeberschaften|buchbeitr[äa]ge|tagungsb[äa]nde|rezensionen|monograf[íi]as|rese[ñn]as|"
    r"artykuły|publikacje|monografie|rozdziały|makaleler|yayınlar|bildiriler|kitaplar|publicaties|artikelen|"
    r"статьи|публикации|монографии|тезисы)\b", re.I)


# The words a CV puts where a year or a venue would be for unpublished work: one vocabulary
# for titles ("…, under review"), APA year slots ("(in press)"), venues ("Preprint") and
# section headings ("Manuscripts in preparation").
PUBLICATION_STATUS = (r"(?:under review|under submission|in submission|submitted|in preparation|in prep\.|forthcoming|"
                      r"to appear|in press|accepted|working paper|manuscript|revise (?:and|&) resubmit|r&r|"
                      r"conditionally accepted|reject (?:and|&) resubmit|"
                      # Spanish, Portuguese, French, German, Italian
                      r"en evaluación|en revisión|en prensa|en preparación|aceptado|aceptada|enviado|sometido|"
                      r"em avaliação|em revisão|no prelo|em preparação|aceito|aceite|submetido|"
                      r"soumis|en révision|à paraître|sous presse|en préparation|accepté|"
                      r"eingereicht|im Druck|im Erscheinen|in Vorbereitung|angenommen|in corso di stampa|in revisione|sottoposto|accettato)")


# a position, not a paper: "Senior Lecturer in Archival Studies", "Associate Professor of
# Medicine (Geriatrics)", "PhD Student" (page headers set these where an entry's title would be)
POSITION_TITLE_RE = re.compile(
    r"(?:(?:senior|junior|principal|associate|assistant|adjunct|visiting|full|emeritus|distinguished|"
    r"ph\.?\s?d\.?|doctoral|master'?s?|m\.?sc\.?|undergraduate|graduate|postdoctoral|research|staff|lead|"
    r"tenure-track|teaching)\s+){0,3}"
    r"(?:student|candidate|researcher|fellow|postdoc|professor|lecturer|scientist|engineer|director|"
    r"chair|intern|assistant|associate|reader|investigator|scholar|group leader|team lead|head of \w+)s?"
    r"(?:\s+(?:in|of|for|at)\s+[\w&,' -]{2,60})?(?:\s*\([\w&,' -]{2,40}\))?"
    r"(?:\s*[—–|]\s*[\w&,' -]{2,80})?"
    # the same in the languages faculty pages come in: "Profesora Asociada — Departamento de …",
    # "Maître de conférences", "Wissenschaftlicher Mitarbeiter", "Professore associato"
    r"|(?:profesora?|professora?|professeure?|professore(?:ssa)?|catedr[áa]tic[oa]|investigador[a]?|docente|"
    r"maître de conférences|chargée? de recherche|directeur de recherche|directrice de recherche|"
    r"wissenschaftliche[rs]? mitarbeiter(?:in)?|ricercat(?:ore|rice)|doutorand[oa]|doctorand[oa]|doktorand(?:in)?|"
    r"postdoctorante?|posdoctoral|pós-doutorand[oa])"
    r"(?:\s+(?:asociad[oa]|titular|auxiliar|adjunt[oa]|associad[oa]|associée?|associat[oa]|ordinari[oa]|"
    r"principal|em[ée]rit[oa]|invitad[oa]|visitante|contratad[oa]|permanente|junior|senior))*"
    r"(?:\s+(?:de|del|da|do|en|em|in|at|für|di|of)\s+[\w&,' -]{2,80})?(?:\s*\([\w&,' -]{2,40}\))?(?:\s*[—–|]\s*[\w&,' -]{2,80})?",
    re.I)


# a service line on a CV, not a paper: "Peer Review (Conferences & Workshops): ICCD (2016), …",
# "Program Committee: NeurIPS 2023", "Reviewer for Nature, Science"
SERVICE_LINE_RE = re.compile(
    r"^\W*(?:peer[- ]review(?:er|ing|s)?|reviewer(?:s)?\b|reviewing\b|review(?:er)? for|program(?:me)? committee|"
    r"(?:technical )?program(?:me)? committee member|t?pc member|editorial board|session chair|organi[sz]ing committee|"
    r"external examiner|guest editor|associate editor|area chair|senior program committee)\s*(?:\([^()]{0,60}\))?\s*(?::|for\b)"
    # a pointer to the full list elsewhere: "Full list on Google Scholar and PubMed", "See all on DBLP"
    r"|^\W*(?:(?:the\s+|a\s+|my\s+)?(?:full|complete|see (?:the |my )?(?:full|complete)|see all|all)\s+(?:publication\s+)?"
    r"(?:list|publications|papers)?\s*(?:is\s+)?(?:on|at|in|via)\s+(?:my\s+)?(?:google scholar|pubmed|orcid|dblp|researchgate|semantic scholar|scopus|inspire))",
    re.I)

