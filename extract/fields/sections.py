"""Section headings whose items are not the page owner's publications."""
from __future__ import annotations

import re

# talks, teaching, news, service, reading lists: dated lines that are not publications
NON_PUBLICATION_SECTION_RE = re.compile(
    r"^\W*(?:(?:invited|selected|recent|upcoming|conference|keynote|required|recommended|further|suggested|research|"
    r"current|past|ongoing|active|funded|public|professional|&|and)\s+){0,3}"
    r"(?:talks?|presentations?|lectures?|seminars?|teaching|courses?|news|updates|announcements|awards?|"
    r"honou?rs|grants?|funding|service|professional service|students|supervision|mentoring|advising|media|"
    r"press|contact|education|appointments|employment|experience|positions|events|projects|software|"
    r"miscellany|misc|readings?|reading list|reading group|references|syllabus|schedule|week\s+\d+|engagement|outreach|"
    # the same sections in CVs written in Portuguese, Spanish, French, German and Italian
    # (Lattes "Apresentações de Trabalho", "Orientações"; "Vorträge", "Lehre", "Enseignement")
    r"apresenta[çc][õo]es|palestras|orienta[çc][õo]es|ensino|disciplinas|bancas|eventos|pr[êe]mios|"
    r"ponencias|charlas|docencia|dirección de tesis|premios|becas|proyectos|"
    r"exposés|enseignement|encadrement|distinctions|vortr[äa]ge|lehre|lehrveranstaltungen|betreuung|preise|"
    r"drittmittel|relazioni|didattica|premi)\b",
    re.I)

# publication-kind words a CV heading starts with, beyond English ("Artigos completos publicados
# em periódicos", "Capítulos de libros", "Articles dans des revues", "Beiträge in Sammelbänden")
FOREIGN_PUBLICATION_KIND_RE = re.compile(
    r"^(?:artigos?|cap[íi]tulos?|livros?|trabalhos|resumos|textos|publica[çc][õo]es|produ[çc][ãa]o|"
    r"art[íi]culos?|libros?|publicaciones|actas|comunicaciones|"
    r"articles?|chapitres?|ouvrages?|communications?|publications?|"
    r"ver[öo]ffentlichungen|publikationen|aufs[äa]tze|beitr[äa]ge|zeitschriftenartikel|monographien|sammelb[äa]nde|"
    r"articoli|pubblicazioni|capitoli|libri)\b", re.I)


# The words a CV puts where a year or a venue would be for unpublished work: one vocabulary
# for titles ("…, under review"), APA year slots ("(in press)"), venues ("Preprint") and
# section headings ("Manuscripts in preparation").
PUBLICATION_STATUS = (r"(?:under review|under submission|in submission|submitted|in preparation|in prep\.|forthcoming|"
                      r"to appear|in press|accepted|working paper|manuscript)")


# a position, not a paper: "Senior Lecturer in Archival Studies", "Associate Professor of
# Medicine (Geriatrics)", "PhD Student" (page headers set these where an entry's title would be)
POSITION_TITLE_RE = re.compile(
    r"(?:(?:senior|junior|principal|associate|assistant|adjunct|visiting|full|emeritus|distinguished|"
    r"ph\.?\s?d\.?|doctoral|master'?s?|m\.?sc\.?|undergraduate|graduate|postdoctoral|research|staff|lead|"
    r"tenure-track|teaching)\s+){0,3}"
    r"(?:student|candidate|researcher|fellow|postdoc|professor|lecturer|scientist|engineer|director|"
    r"chair|intern|assistant|associate|reader|investigator|scholar|group leader|team lead|head of \w+)s?"
    r"(?:\s+(?:in|of|for|at)\s+[\w&,' -]{2,60})?(?:\s*\([\w&,' -]{2,40}\))?",
    re.I)
