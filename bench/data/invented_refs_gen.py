"""Writes invented_refs.jsonl next to this file: 200 invented, labelled references (see README.md)."""
import json, random, re
from collections import Counter
R = random.Random(20240611)

NAMES = [
 ("Marguerite A.","Ostrander"),("Tobias","Wennerholm"),("Priya","Ramanathan"),("Kwame","Asante-Boateng"),
 ("Jean-Luc","Marchetti"),("Ana María","de la Fuente"),("Hendrik","van der Berghe"),("Friederike","von Ahlsfeld"),
 ("Søren","Kjærsgaard"),("José","Peñalver"),("Zoë","Lefèvre-Dumont"),("Xiaoming","Zhou"),("Ji-woo","Park"),
 ("Hiroshi","Tanabe"),("Thi Lan","Nguyen"),("Mei-Ling","Chiang"),("Rafael","dos Santos Moura"),("Łukasz","Wróblewski"),
 ("Ingrid","Fjellstad"),("Oluwaseun","Adebayo-Okafor"),("Emeka","Nwachukwu"),("Anouk","de Vries-Hartog"),
 ("Carlos","Méndez Ocaña"),("Beatriz","Almeida Cortês"),("Étienne","Garnier"),("Claire","Aubry"),("Dmitri","Volkhonsky"),
 ("Yuki","Sakuragawa"),("Haruto","Kobayashi"),("Seo-yeon","Han"),("Wen-Jie","Liao"),("Arjun K.","Mehrotra"),
 ("Fatima","El-Amrani"),("Omar","Haddadin"),("Linnea","Sjöberg"),("Matthias","Oberkirch"),("Giulia","Pellegrino"),
 ("Bram","van Oostveen"),("Elena","Ruiz-Castellanos"),("Nicolás","Echeverría"),("Siobhan","McCarragher"),
 ("Declan P.","O'Fearghail"),("Amara","Okonkwo"),("Rohan","Deshpande"),("Kaveh","Tabrizian"),("Noor","Al-Khatib"),
 ("Yufei","Chen"),("Minh Tuan","Tran"),("Agnieszka","Kowalczyk-Nowak"),("Hélène","Desrosiers"),("Pieter-Jan","de Groot"),
 ("Sven","Lindqvist"),("Katarzyna","Zielińska"),("Tomás","Ó Briain"),("Marcus J.","Whitfield"),("Evelyn R.","Harcourt"),
 ("Daniel","Brennecke"),("Lucía","Barragán"),("Mateus","Vasconcelos"),("Ayşe","Karaoğlu"),("Mehmet Ali","Yıldırım"),
 ("Leilani","Kahananui"),("Ravi Shankar","Iyengar"),("Yasmin","Farouk"),("Gunnar","Thorvaldsen"),("Camille","Beaulieu"),
 ("Henrique","Saldanha"),("Sung-min","Cho"),("Wei","Tang"),("Jing","Luo"),("Aleksander","Brzęczek"),("Clara","von Rietberg"),
 ("Johannes","van den Heuvel"),("Nadia","Benkirane"),("Theo","Castellanos"),("Harriet","Pemberton-Lowe"),
]

def initials(given, dot=True, space=True):
    out = []
    for p in given.split():
        subs = p.rstrip('.').split('-')
        if dot:
            out.append('.-'.join(x[0].upper() for x in subs) + '.')
        else:
            out.append(''.join(x[0].upper() for x in subs))
    return (' ' if (space and dot) else '').join(out)

def inv_init(n, space=True): return f"{n[1]}, {initials(n[0], space=space)}"
def init_first(n, space=True): return f"{initials(n[0], space=space)} {n[1]}"
def full(n): return f"{n[0]} {n[1]}"
def inv_full(n): return f"{n[1]}, {n[0]}"
def vanc(n): return f"{n[1]} {initials(n[0], dot=False)}"

def endp(s): return s if s.endswith(('.', '?', '!')) else s + '.'

SMALL = set("a an the and but or for nor on at to by of in via with from as vs into over under per without after among between through against across about toward upon".split())
def tcase(t):
    words = t.split(' ')
    out = []
    cap_next = True
    for i, w in enumerate(words):
        last = (i == len(words) - 1)
        if cap_next or last or w.lower() not in SMALL:
            w = '-'.join((p[:1].upper() + p[1:]) if p[:1].islower() else p for p in w.split('-'))
        out.append(w)
        cap_next = w.endswith(':') or w.endswith('?')
    return ' '.join(out)

used_titles = set()
def uniq(gen):
    for _ in range(500):
        t = gen()
        if t not in used_titles:
            used_titles.add(t); return t
    raise RuntimeError

C = R.choice
def cs_title():
    A = ["Sparse","Adaptive","Contrastive","Hierarchical","Federated","Causal","Equivariant","Self-supervised","Low-rank",
         "Streaming","Differentiable","Robust","Energy-efficient","Probabilistic","Multilingual","Incremental"]
    B = ["attention routing","graph pretraining","token pruning","kernel recursion","program synthesis","scene reconstruction",
         "query planning","cache eviction","reward shaping","speech segmentation","mesh denoising","log anomaly detection",
         "schema matching","entity linking","trajectory forecasting","code summarization","point cloud registration"]
    Cc = ["for long-horizon planning","on edge accelerators","under distribution shift","with noisy labels",
          "in heterogeneous clusters","for low-resource languages","at scale","without retraining","via implicit feedback",
          "in partially observed environments"]
    S = ["Quillstep","FernNet","LUMEN","Tessel","Driftwood","Mosaic-R","Kestrel","OrbitKV","PaperLantern","Haystack-2"]
    a, b, c = C(A), C(B), C(Cc)
    p = R.randrange(7)
    if p == 0: return f"{a} {b} {c}"
    if p == 1: return f"{C(S)}: {a.lower()} {b} {c}"
    if p == 2: return f"Towards {a.lower()} {b} {c}"
    if p == 3: return f"An empirical study of {b} {c}"
    if p == 4: return f"Rethinking {b} {c}"
    if p == 5: return f"On the convergence of {a.lower()} {b}"
    return f"Is {b} all you need? {a} baselines {c}"

def med_title():
    E = ["night-shift work","dietary sodium intake","residential greenness","early antibiotic exposure","maternal vitamin D status",
         "sedentary screen time","household solid-fuel use","shift in primary care staffing"]
    O = ["incident atrial fibrillation","postoperative delirium","childhood asthma","hip fracture","gestational diabetes",
         "30-day readmission","chronic low back pain","hospital-acquired pneumonia"]
    P = ["older adults","adults with chronic kidney disease","preterm infants","primary care patients","adolescents in urban schools",
         "patients undergoing knee arthroplasty","pregnant women in rural districts","long-term care residents"]
    I = ["nurse-led telemonitoring","a low-dose statin protocol","structured exercise counselling","intranasal dexmedetomidine",
         "pharmacist-led deprescribing","text-message reminders"]
    D = ["prospective cohort study","multicentre randomised trial","retrospective registry analysis","systematic review and meta-analysis",
         "cross-sectional survey"]
    p = R.randrange(4)
    if p == 0: return f"Association between {C(E)} and {C(O)} among {C(P)}: a {C(D)}"
    if p == 1: return f"Effect of {C(I)} on {C(O)} in {C(P)}: a randomised controlled trial"
    if p == 2: o = C(O); return f"{o[0].upper()}{o[1:]} in {C(P)}: incidence, risk factors and outcomes"
    x = C(I); return f"{x[0].upper()}{x[1:]} for the prevention of {C(O)} in {C(P)}"

def chem_title():
    Cm = ["spirocyclic oxindoles","chiral β-amino boronates","bimetallic Pd–Sn clusters","porous zirconium frameworks",
          "fluorinated azaborines","axially chiral biaryls","cobalt pincer complexes","layered vanadium oxides"]
    M = ["photoredox decarboxylation","nickel-catalyzed cross-coupling","flow electrosynthesis","mechanochemical milling",
         "copper-mediated annulation"]
    Rx = ["selective CO2 hydrogenation","alkene hydroamination","water oxidation","C–H borylation","nitrate reduction"]
    p = R.randrange(4)
    if p == 0: return f"Modular synthesis of {C(Cm)} via {C(M)}"
    if p == 1: c = C(Cm); return f"{c[0].upper()}{c[1:]} as catalysts for {C(Rx)}"
    if p == 2: return f"Mechanistic insight into {C(Rx)} on {C(Cm)}"
    return f"Enantioselective {C(Rx).replace('selective ','')} enabled by {C(M)}"

def math_title():
    O = ["twisted Kloosterman sums","quasiconformal foliations","Hecke eigenforms of squarefree level","discrete Schrödinger operators on trees",
         "non-commutative Hardy spaces","random walks on wreath products","tropical Grassmannians","subcritical percolation clusters",
         "Lipschitz retractions of Banach spaces","moduli of parabolic bundles"]
    S = ["positive characteristic","higher rank lattices","low dimensions","the critical regime","the supercritical case"]
    p = R.randrange(6)
    if p == 0: return f"On the spectral gap of {C(O)}"
    if p == 1: a, b = R.sample(O, 2); return f"{a[0].upper()}{a[1:]} and {b}"
    if p == 2: return f"A note on {C(O)}"
    if p == 3: return f"Rigidity of {C(O)} in {C(S)}"
    if p == 4: return f"Sharp bounds for {C(O)}"
    return f"Equidistribution of {C(O)} in {C(S)}"

def hum_title():
    T = ["salt, ledger, and tide: merchant memory in the Baltic ports, 1780–1840",
         "the quiet archive: memory and loss in coastal towns",
         "between parish and province: rural literacy in Galicia, 1870–1914",
         "reading the margins: annotation practices of Victorian schoolgirls",
         "ghosts of the tramline: urban nostalgia in postwar Lisbon",
         "the weight of small rooms: domestic space in interwar fiction",
         "who counts as a neighbour? Housing cooperatives and belonging in Rotterdam",
         "ledgers of care: hospital charity and the poor in Lyon",
         "unsettled harvests: seasonal migration and the grain trade in Anatolia",
         "paper borders: passports, clerks, and mobility in the Habsburg lands",
         "the sound of the mill: industrial noise and working-class memory",
         "translating the untranslatable: idiom and exile in Yiddish theatre",
         "feeding the city: municipal markets and public health in Manila",
         "silent partners: women investors in colonial shipping companies",
         "after the flood: disaster, relief, and the making of a river town",
         "neighbourhood trust and informal childcare networks",
         "precarity and patience: young workers in the platform economy",
         "the politics of the footnote: scholarly authority in early modern Leiden",
         "voting with their feet: internal migration and local budgets",
         "maps without borders: cartography and pilgrimage in medieval Castile",
         "hearing the nation: radio drama and identity in 1930s Ireland",
         "the grammar of grief: elegy in contemporary Caribbean poetry",
         "commuting, sleep, and subjective well-being among shift workers",
         "school choice and residential sorting in mid-sized cities",
         "the ethics of the unfinished: ruins in romantic painting",
         "fishing rights and customary law on the Atlantic coast",
         "teaching the tide: environmental education in Dutch primary schools",
         "lost in the stacks: library design and the modern reader",
         "measuring loneliness in later life: a validation study",
         "civic bells: timekeeping and authority in Flemish towns",
         "the clerk's hand: bureaucratic writing in colonial Mexico",
         "orphans of the empire: child emigration schemes, 1869–1930",
         "printing the plague: broadsides and rumour in seventeenth-century Naples",
         "ordinary saints: devotion and neighbourhood in Montreal parishes",
         "kitchen tables and ballot boxes: women's organising in the Prairie provinces",
         "thresholds of hospitality: inns and strangers in eighteenth-century Wales",
         "the archive as witness: testimony and trauma after the dictatorship",
         "bread and arithmetic: price literacy in revolutionary Paris",
         "rivers of ink: newspapers and the making of a regional public",
         "measuring the immeasurable: happiness indicators in urban planning",
         "counting the uncounted: informal labour in coastal fisheries",
         "shadow curricula: tutoring markets and educational inequality",
         "the long afterlife of a minor poet",
         "on the edges of the map: border towns and smuggling economies",
         "remittances, reciprocity, and village festivals",
         "public trust in local courts: evidence from a panel survey",
         "dwelling in ruins: squatting and urban memory in Naples",
         "the borrowed voice: ventriloquism in modernist narrative",
        ]
    left = [x for x in T if x[0].upper() + x[1:] not in used_titles]
    if left and R.random() < 0.75:
        t = C(left)
    else:
        A = ["Bells", "Ledgers", "Bridges", "Kitchens", "Ferries", "Orchards", "Almanacs", "Pawnshops", "Lighthouses", "Choirs"]
        B = ["memory", "labour", "citizenship", "piety", "credit", "literacy", "kinship", "leisure"]
        P = ["the Adriatic coast", "interwar Vienna", "colonial Lagos", "the Scottish Borders", "Ottoman Salonica",
             "postwar Osaka", "the Río de la Plata", "Hanseatic Bergen"]
        p = R.randrange(3)
        if p == 0: t = f"{C(A).lower()} and {C(B)} in {C(P)}, {R.randint(17,19)}{R.randint(0,9)}0–{R.randint(19,20)}{R.randint(0,9)}0"
        elif p == 1: t = f"the {C(B)} of {C(A).lower()}: everyday life in {C(P)}"
        else: t = f"{C(A)}, {C(A).lower()}, and {C(B)}: a history of {C(P)}"
    return t[0].upper() + t[1:]

JOURNALS = {
 'cs': [("Journal of Adaptive Computing Systems","J. Adapt. Comput. Syst."),("Transactions on Streaming Intelligence","Trans. Streaming Intell."),
        ("International Journal of Sparse Learning","Int. J. Sparse Learn."),("IEEE Transactions on Quiet Networks","IEEE Trans. Quiet Netw."),
        ("Computational Linguistics Quarterly","Comput. Linguist. Q."),("Journal of Distributed Ledger Engineering","J. Distrib. Ledger Eng.")],
 'med': [("Journal of Invented Medicine","J Invent Med"),("Scandinavian Journal of Rural Health","Scand J Rural Health"),
         ("Annals of Perioperative Science","Ann Perioper Sci"),("International Journal of Cardiometabolic Research","Int J Cardiometab Res"),
         ("Clinical Epidemiology Letters","Clin Epidemiol Lett"),("Archives of Paediatric Respiratory Care","Arch Paediatr Respir Care")],
 'nat': [("Frontier Biology Letters","Front. Biol. Lett."),("Journal of Planetary Microbiomes","J. Planet. Microbiomes"),
         ("Communications in Earth Systems","Commun. Earth Syst."),("Cell Dynamics Reports","Cell Dyn. Rep."),
         ("Nature-Inspired Materials","Nat.-Insp. Mater.")],
 'chem': [("Journal of the Invented Chemical Society","J. Invent. Chem. Soc."),("Organometallic Letters","Organomet. Lett."),
          ("Catalysis Frontiers","Catal. Front."),("Inorganic Materials Chemistry","Inorg. Mater. Chem."),
          ("Zeitschrift für Synthesechemie","Z. Synthesechem.")],
 'math': [("Journal of Combinatorial Geometry and Analysis","J. Comb. Geom. Anal."),("Transactions of the Northmere Mathematical Society","Trans. Northmere Math. Soc."),
          ("Acta Arithmetica Nova","Acta Arith. Nova"),("Journal of Spectral Operators","J. Spectr. Oper."),("Quarterly Journal of Pure Topology","Q. J. Pure Topol.")],
 'hum': [("Journal of Maritime Cultural History",""),("Modern Philology Review",""),("Comparative Literature Forum",""),
         ("Journal of Urban Social Policy",""),("Review of Migration Studies",""),("Quarterly Review of Archival Practice",""),
         ("Social Indicators Quarterly",""),("Journal of Comparative Household Studies","")],
}
CONFS = [("International Conference on Sparse Inference","ICSI","Int. Conf. Sparse Inference"),
         ("Conference on Learning Representations for Agents","CoLRA","Conf. Learn. Represent. Agents"),
         ("Symposium on Streaming Data Systems","SSDS","Symp. Streaming Data Syst."),
         ("International Conference on Robot Perception","ICRP","Int. Conf. Robot Percept."),
         ("Annual Meeting of the Society for Computational Semantics","SCSem","Annu. Meet. Soc. Comput. Semant."),
         ("Conference on Vision and Reconstruction","ICVR","Conf. Vis. Reconstr."),
         ("Workshop on Efficient Neural Compilers","WENC","Workshop Effic. Neural Compil."),
         ("Symposium on Principles of Elastic Systems","SPES","Symp. Princ. Elastic Syst.")]
PUBS = [("Northmere University Press","Boston, MA","Boston"),("Halloway & Brandt","London","London"),("Castellan Academic","New York, NY","New York"),
        ("Kestrel House","Chicago, IL","Chicago"),("Orrin & Vale","Edinburgh","Edinburgh"),("Brightwater Scientific","Amsterdam","Amsterdam")]
UNIS = ["University of Eastmoor","Kessingford Institute of Technology","Northmere University","University of Lower Ashcombe",
        "Halvorsen Polytechnic University","Dunmore College of Science"]
MONTHS = ["Jan.","Feb.","Mar.","Apr.","May","Jun.","Jul.","Aug.","Sep.","Oct.","Nov.","Dec."]
MONTHS_FULL = ["January","February","March","April","May","June","July","August","September","October","November","December"]

def authors(k): return R.sample(NAMES, k)
def nauth(lo=1, hi=4): return R.randint(lo, hi)
def year(lo=1985, hi=2024): return R.randint(lo, hi)
def pages(short=False):
    a = R.randint(1, 980); b = a + R.randint(4, 28); return a, b
def vabbr(a, b):
    sa, sb = str(a), str(b)
    if len(sa) == len(sb):
        i = 0
        while i < len(sa) - 1 and sa[i] == sb[i]: i += 1
        return sa + '-' + sb[i:]
    return sa + '-' + sb
def doi(tag): return f"10.5555/{tag}.{R.randint(2000,2024)}.{R.randint(100,9999):04d}"
def ordinal(n): return f"{n}{'th' if 10<=n%100<=20 else {1:'st',2:'nd',3:'rd'}.get(n%10,'th')}"
def slug(s): return ''.join(w[0] for w in re.findall(r'[A-Za-z]+', s) if w[0].isupper()).lower()

def join_and(xs, sep=', ', last=', and ', two=' and '):
    if len(xs) == 1: return xs[0]
    if len(xs) == 2: return xs[0] + two + xs[1]
    return sep.join(xs[:-1]) + last + xs[-1]

OUT = []
def add(raw, title, auths, yr, venue, style):
    OUT.append(dict(raw=raw, title=title, authors=auths, year=yr, venue=venue, style=style))

# ---------------- APA 7 ----------------
def apa_auth(ns):
    w = [inv_init(n) for n in ns]
    if len(w) == 1: s = w[0]
    elif len(w) == 2: s = f"{w[0]}, & {w[1]}"
    else: s = ', '.join(w[:-1]) + ', & ' + w[-1]
    return s, w

def gen_apa(i):
    kind = i % 4
    ns = authors(nauth(1, 5)); s, w = apa_auth(ns); y = year()
    if kind in (0, 1):
        fld = C(['hum', 'med', 'cs']); t = uniq({'hum': hum_title, 'med': med_title, 'cs': cs_title}[fld])
        j = C(JOURNALS[fld])[0]; v = R.randint(1, 60); a, b = pages()
        iss = f"({R.randint(1,12)})" if R.random() < .8 else ""
        tail = f" https://doi.org/{doi(slug(j))}" if R.random() < .7 else ""
        raw = f"{s} ({y}). {endp(t)} {j}, {v}{iss}, {a}–{b}.{tail}"
        add(raw, t, w, y, j, "apa7")
    elif kind == 2:
        t = uniq(hum_title); p = C(PUBS)[0]
        ed = C(["", " (2nd ed.)", " (3rd ed.)", ""])
        raw = f"{s} ({y}). {t}{ed}. {p}."
        add(raw, t, w, y, p, "apa7")
    else:
        t = uniq(cs_title); cf = C(CONFS); yy = year(2005)
        ns = authors(nauth(2, 4)); s, w = apa_auth(ns)
        venue = f"Proceedings of the {ordinal(yy-1990)} {cf[0]}"
        a, b = pages()
        raw = f"{s} ({yy}). {t}. In {venue} (pp. {a}–{b}). Society for Computational Practice. https://doi.org/{doi(cf[1].lower())}"
        add(raw, t, w, yy, venue, "apa7")

# ---------------- MLA 9 ----------------
def mla_auth(ns):
    if len(ns) == 1: w = [inv_full(ns[0])]; s = w[0]
    elif len(ns) == 2: w = [inv_full(ns[0]), full(ns[1])]; s = f"{w[0]}, and {w[1]}"
    else: w = [inv_full(ns[0])]; s = f"{w[0]}, et al"
    return endp(s), w

def gen_mla(i):
    ns = authors(nauth(1, 4)); s, w = mla_auth(ns); y = year()
    if i % 3 != 2:
        t = tcase(uniq(hum_title)); j = C(JOURNALS['hum'])[0]; a, b = pages()
        vi = f"vol. {R.randint(1,70)}, no. {R.randint(1,6)}" if R.random() < .8 else f"vol. {R.randint(1,70)}"
        tail = f", https://doi.org/{doi(slug(j))}." if R.random() < .4 else "."
        tq = t if t.endswith('?') else t + '.'
        raw = f"{s} \u201c{tq}\u201d {j}, {vi}, {y}, pp. {a}-{b}{tail}"
        add(raw, t, w, y, j, "mla9")
    else:
        t = tcase(uniq(hum_title)); p = C(PUBS)[0].replace("University Press", "UP")
        raw = f"{s} {endp(t)} {p}, {y}."
        add(raw, t, w, y, p, "mla9")

# ---------------- Chicago author-date ----------------
def chi_auth(ns):
    w = [inv_full(ns[0])] + [full(n) for n in ns[1:]]
    return endp(join_and(w, two=', and ')), w

def gen_chicago_ad(i):
    ns = authors(nauth(1, 3)); s, w = chi_auth(ns); y = year()
    if i % 3 != 2:
        t = tcase(uniq(hum_title)); j = C(JOURNALS['hum'])[0]; a, b = pages()
        tail = f" https://doi.org/{doi(slug(j))}." if R.random() < .5 else ""
        tq = t if t.endswith('?') else t + '.'
        raw = f"{s} {y}. \u201c{tq}\u201d {j} {R.randint(1,80)} ({R.randint(1,4)}): {a}–{b}.{tail}"
        add(raw, t, w, y, j, "chicago_author_date")
    else:
        t = tcase(uniq(hum_title)); p = C(PUBS)
        raw = f"{s} {y}. {endp(t)} {p[2]}: {p[0]}."
        add(raw, t, w, y, p[0], "chicago_author_date")

# ---------------- Chicago notes-bibliography ----------------
def gen_chicago_nb(i):
    y = year()
    if i % 4 == 0:  # footnote form, article
        ns = authors(nauth(1, 2)); w = [full(n) for n in ns]; s = join_and(w)
        t = tcase(uniq(hum_title)); j = C(JOURNALS['hum'])[0]; a, b = pages()
        tq = t if t.endswith('?') else t + ','
        raw = f"{R.randint(1,60)}. {s}, \u201c{tq}\u201d {j} {R.randint(1,80)}, no. {R.randint(1,4)} ({y}): {a+2}."
        add(raw, t, w, y, j, "chicago_notes")
    elif i % 4 == 1:  # footnote form, book
        ns = authors(1); w = [full(ns[0])]
        t = tcase(uniq(hum_title)); p = C(PUBS)
        raw = f"{R.randint(1,60)}. {w[0]}, {t} ({p[2]}: {p[0]}, {y}), {R.randint(10,300)}."
        add(raw, t, w, y, p[0], "chicago_notes")
    elif i % 4 == 2:
        ns = authors(nauth(1, 3)); s, w = chi_auth(ns)
        t = tcase(uniq(hum_title)); j = C(JOURNALS['hum'])[0]; a, b = pages()
        tq = t if t.endswith('?') else t + '.'
        raw = f"{s} \u201c{tq}\u201d {j} {R.randint(1,80)}, no. {R.randint(1,4)} ({y}): {a}–{b}."
        add(raw, t, w, y, j, "chicago_bibliography")
    else:
        ns = authors(nauth(1, 2)); s, w = chi_auth(ns)
        t = tcase(uniq(hum_title)); p = C(PUBS)
        raw = f"{s} {endp(t)} {p[2]}: {p[0]}, {y}."
        add(raw, t, w, y, p[0], "chicago_bibliography")

# ---------------- Harvard ----------------
def gen_harvard(i):
    ns = authors(nauth(1, 3)); y = year()
    w = [inv_init(n, space=False) for n in ns]
    if i % 2 == 0:
        s = join_and(w, sep=', ', last=' and ', two=' and ')
        fld = C(['hum', 'med']); t = uniq({'hum': hum_title, 'med': med_title}[fld]); j = C(JOURNALS[fld])[0]; a, b = pages()
        tail = f" doi:{doi(slug(j))}." if R.random() < .5 else ""
        raw = f"{s} ({y}) \u2018{t}\u2019, {j}, {R.randint(1,50)}({R.randint(1,12)}), pp. {a}–{b}.{tail}"
        add(raw, t, w, y, j, "harvard")
    elif i % 4 == 1:
        s = join_and(w, sep=', ', last=' & ', two=' & ')
        fld = C(['hum', 'cs']); t = uniq({'hum': hum_title, 'cs': cs_title}[fld]); j = C(JOURNALS[fld])[0]; a, b = pages()
        raw = f"{s}, {y}. {endp(t)} {j}, {R.randint(1,50)}({R.randint(1,12)}), pp.{a}-{b}."
        add(raw, t, w, y, j, "harvard")
    else:
        s = join_and(w, sep=', ', last=' and ', two=' and ')
        t = uniq(hum_title); p = C(PUBS)
        ed = C(["", " 2nd edn.", ""])
        raw = f"{s} ({y}) {endp(t)}{ed} {p[2]}: {p[0]}."
        add(raw, t, w, y, p[0], "harvard")

# ---------------- IEEE ----------------
def ieee_auth(ns, cap=6):
    if len(ns) > cap:
        w = [init_first(ns[0])]; return f"{w[0]} et al.", w
    w = [init_first(n) for n in ns]
    if len(w) == 2: return f"{w[0]} and {w[1]}", w
    return join_and(w), w

def gen_ieee(i):
    k = R.choice([1, 2, 3, 4, 5, 7, 9]); ns = authors(k); s, w = ieee_auth(ns); y = year(1995)
    n = R.randint(1, 60)
    t = uniq(cs_title)
    if i % 2 == 0:
        j = C(JOURNALS['cs'])[1]; a, b = pages()
        tail = f", doi: {doi(slug(j))}." if R.random() < .5 else "."
        raw = f"[{n}] {s}, \u201c{t},\u201d {j}, vol. {R.randint(1,40)}, no. {R.randint(1,12)}, pp. {a}–{b}, {C(MONTHS)} {y}{tail}"
        add(raw, t, w, y, j, "ieee")
    else:
        cf = C(CONFS); venue = f"Proc. {cf[2]} ({cf[1]})"; a, b = pages()
        city = C(["Lisbon, Portugal", "Kyoto, Japan", "Vancouver, BC, Canada", "Tallinn, Estonia", "Accra, Ghana", "Santiago, Chile"])
        raw = f"[{n}] {s}, \u201c{t},\u201d in {venue}, {city}, {y}, pp. {a}–{b}."
        add(raw, t, w, y, venue, "ieee")

# ---------------- Vancouver ----------------
def gen_vancouver(i):
    k = R.choice([1, 2, 3, 4, 6, 8, 9]); ns = authors(k)
    if k > 6: w = [vanc(n) for n in ns[:6]]; s = ', '.join(w) + ', et al'
    else: w = [vanc(n) for n in ns]; s = ', '.join(w)
    y = year(1990)
    t = uniq(med_title)
    if i % 5 != 4:
        j = C(JOURNALS['med'])[1]; a, b = pages()
        mo = f" {C(MONTHS).rstrip('.')}" if R.random() < .4 else ""
        tail = f" doi:{doi(slug(j))}" if R.random() < .4 else ""
        raw = f"{s}. {t}. {j}. {y}{mo};{R.randint(1,90)}({R.randint(1,12)}):{vabbr(a,b)}.{tail}"
        add(raw, t, w, y, j, "vancouver")
    else:
        p = C(PUBS)
        raw = f"{s}. {t}. {C(['', '2nd ed. ', '3rd ed. '])}{p[2]}: {p[0]}; {y}."
        add(raw, t, w, y, p[0], "vancouver")

# ---------------- ACS ----------------
def gen_acs(i):
    ns = authors(nauth(1, 5)); w = [inv_init(n) for n in ns]; s = '; '.join(w); y = year()
    j = C(JOURNALS['chem'])[1]; a, b = pages()
    if i % 2 == 0:
        raw = f"{s} {j} {y}, {R.randint(1,150)}, {a}–{b}."
        add(raw, None, w, y, j, "acs")
    else:
        t = uniq(chem_title)
        tail = f" DOI: {doi(slug(j))}." if R.random() < .4 else ""
        raw = f"{s} {t}. {j} {y}, {R.randint(1,150)} ({R.randint(1,24)}), {a}–{b}.{tail}"
        add(raw, t, w, y, j, "acs")

# ---------------- Nature ----------------
def gen_nature(i):
    k = R.choice([1, 2, 3, 4, 5, 7, 11]); ns = authors(k); y = year(1995)
    if k > 5: w = [inv_init(ns[0])]; s = f"{w[0]} et al."
    else:
        w = [inv_init(n) for n in ns]
        s = w[0] if k == 1 else ', '.join(w[:-1]) + ' & ' + w[-1]
    fld = C(['nat', 'nat', 'med']); t = uniq(C([med_title, chem_title, cs_title]))
    j = C(JOURNALS['nat'])[1]; a, b = pages()
    s2 = s if s.endswith('.') else s + '.'
    tail = f" https://doi.org/{doi(slug(j))}" if R.random() < .3 else ""
    raw = f"{s2} {t}. {j} {R.randint(1,600)}, {a}–{b} ({y}).{tail}"
    add(raw, t, w, y, j, "nature")

# ---------------- AMS ----------------
def gen_ams(i):
    ns = authors(nauth(1, 3)); w = [init_first(n) for n in ns]
    s = w[0] if len(w) == 1 else (f"{w[0]} and {w[1]}" if len(w) == 2 else ', '.join(w[:-1]) + ', and ' + w[-1])
    y = year(); t = uniq(math_title)
    if i % 4 != 3:
        j = C(JOURNALS['math'])[1]; a, b = pages()
        no = f", no. {R.randint(1,6)}" if R.random() < .5 else ""
        raw = f"{s}, {t}, {j} {R.randint(1,300)} ({y}){no}, {a}–{b}."
        add(raw, t, w, y, j, "ams")
    else:
        ser = C(["Graduate Texts in Imaginary Mathematics", "Northmere Lecture Notes in Analysis", "Studies in Pure Combinatorics"])
        p = C(PUBS)
        raw = f"{s}, {t}, {ser}, vol. {R.randint(1,250)}, {p[0]}, {p[2]}, {y}."
        add(raw, t, w, y, ser, "ams")

# ---------------- DBLP ----------------
def gen_dblp(i):
    ns = authors(nauth(1, 5)); w = [full(n) for n in ns]; s = ', '.join(w); y = year(2000)
    t = uniq(cs_title)
    if i % 3 == 0:
        j = C(JOURNALS['cs'])[1]; a, b = pages()
        raw = f"{s}: {t}. {j} {R.randint(1,40)}({R.randint(1,12)}): {a}-{b} ({y})"
        add(raw, t, w, y, j, "dblp")
    elif i % 3 == 1:
        cf = C(CONFS); a, b = pages()
        raw = f"{s}: {t}. {cf[1]} {y}: {a}-{b}"
        add(raw, t, w, y, cf[1], "dblp")
    else:
        y = year(2015); aid = f"{str(y)[2:]}{R.randint(1,12):02d}.{R.randint(1,19999):05d}"
        raw = f"{s}: {t}. CoRR abs/{aid} ({y})"
        add(raw, t, w, y, "CoRR", "dblp")

# ---------------- ACM ----------------
def gen_acm(i):
    ns = authors(nauth(1, 4)); w = [full(n) for n in ns]; s = join_and(w); y = year(2000)
    t = tcase(uniq(cs_title))
    if i % 2 == 0:
        cf = C(CONFS); venue = f"Proceedings of the {ordinal(y-1990)} {cf[0]} ({cf[1]} '{str(y)[2:]})"; a, b = pages()
        raw = f"{s}. {y}. {t}. In {venue}. Society for Computational Practice, New York, NY, USA, {a}–{b}. https://doi.org/{doi(cf[1].lower())}"
        add(raw, t, w, y, venue, "acm")
    else:
        j = C(JOURNALS['cs'])[1]; a, b = pages(); m = R.randrange(12)
        raw = f"{s}. {y}. {t}. {j} {R.randint(1,40)}, {R.randint(1,6)}, Article {R.randint(1,90)} ({MONTHS_FULL[m]} {y}), {b-a} pages. https://doi.org/{doi(slug(j))}"
        add(raw, t, w, y, j, "acm")

# ---------------- Google Scholar cite ----------------
def gen_gs_mla(i):
    ns = authors(nauth(1, 4))
    if len(ns) == 1: w = [inv_full(ns[0])]; s = w[0]
    elif len(ns) == 2: w = [inv_full(ns[0]), full(ns[1])]; s = f"{w[0]}, and {w[1]}"
    else: w = [inv_full(ns[0])]; s = f"{w[0]}, et al"
    s = endp(s); y = year()
    if i % 2 == 0:
        fld = C(['cs', 'med', 'hum']); t = uniq({'hum': hum_title, 'med': med_title, 'cs': cs_title}[fld]); j = C(JOURNALS[fld])[0]; a, b = pages()
        tq = t if t.endswith('?') else t + '.'
        raw = f"{s} \"{tq}\" {j} {R.randint(1,60)}.{R.randint(1,12)} ({y}): {a}-{b}."
        add(raw, t, w, y, j, "gscholar_mla")
    else:
        t = uniq(cs_title); cf = C(CONFS); venue = f"Proceedings of the {cf[0]}"
        tq = t if t.endswith('?') else t + '.'
        raw = f"{s} \"{tq}\" {venue}. {y}."
        add(raw, t, w, y, venue, "gscholar_mla")

def gen_gs_apa(i):
    ns = authors(nauth(1, 5)); s, w = apa_auth(ns); y = year()
    fld = C(['cs', 'med', 'chem']); t = uniq({'chem': chem_title, 'med': med_title, 'cs': cs_title}[fld])
    j = C(JOURNALS['cs' if fld == 'cs' else ('med' if fld == 'med' else 'chem')])[0]; a, b = pages()
    iss = f"({R.randint(1,12)})" if i % 2 == 0 else ""
    raw = f"{s} ({y}). {endp(t)} {j}, {R.randint(1,90)}{iss}, {a}-{b}."
    add(raw, t, w, y, j, "gscholar_apa")

# ---------------- homepage ----------------
def gen_homepage(i):
    k = nauth(2, 5); ns = authors(k); y = year(2016); t = uniq(cs_title); cf = C(CONFS)
    p = i % 4
    if p == 0:
        w = [init_first(n) for n in ns]
        raw = f"{t}. {', '.join(w)}. {cf[1]} {y}. [pdf] [code]"
    elif p == 1:
        w = [init_first(n) for n in ns]
        star = [x + '*' if j < 2 else x for j, x in enumerate(w)]
        raw = f"{', '.join(star)}. {t}. In {cf[1]}, {y} ({C(['Oral', 'Spotlight', 'Best Paper Honorable Mention'])})."
    elif p == 2:
        w = [full(n) for n in ns]
        raw = f"{join_and(w)}. \u201c{t}.\u201d {cf[1]} {y}. [paper] [slides] [video]"
    else:
        w = [init_first(n, space=False) for n in ns]
        raw = f"{t} \u2014 {', '.join(w)}. In {cf[1]} {y} Workshop Track. [arXiv] [project page]"
    add(raw, t, w, y, cf[1], "homepage")

# ---------------- thesis ----------------
def gen_thesis(i):
    n = authors(1)[0]; y = year(); u = C(UNIS)
    p = i % 5
    t = uniq(cs_title if p == 3 else C([cs_title, hum_title, math_title, chem_title]))
    if p == 0:
        w = [inv_init(n)]; raw = f"{w[0]} ({y}). {t} [Doctoral dissertation, {u}]. Eastmoor Research Repository."
    elif p == 1:
        w = [inv_full(n)]; tt = tcase(t); raw = f"{endp(w[0])} \u201c{tt}.\u201d PhD diss., {u}, {y}."; t = tt
    elif p == 2:
        w = [init_first(n)]; raw = f"{w[0]}. {t}. PhD thesis, {u}, {y}."
    elif p == 3:
        t = uniq(cs_title); used_titles.discard(None)
        w = [init_first(n)]; raw = f"{w[0]}, \u201c{t},\u201d M.S. thesis, Dept. Comput. Sci., {u}, {C(['Leeds, U.K.', 'Denver, CO, USA', 'Perth, Australia'])}, {y}."
    else:
        w = [inv_init(n, space=False)]; raw = f"{w[0]} ({y}) {endp(t)} Master's thesis. {u}."
    add(raw, t, w, y, u, "thesis")

# ---------------- arXiv ----------------
def gen_arxiv(i):
    ns = authors(nauth(1, 6)); y = year(2016); t = uniq(cs_title)
    aid = f"{str(y)[2:]}{R.randint(1,12):02d}.{R.randint(1,19999):05d}"
    p = i % 5
    if p == 0:
        s, w = ieee_auth(ns); raw = f"{s}, \u201c{t},\u201d arXiv preprint arXiv:{aid}, {y}."; v = "arXiv"
    elif p == 1:
        s, w = apa_auth(ns); raw = f"{s} ({y}). {endp(t)} arXiv. https://doi.org/10.48550/arXiv.{aid}"; v = "arXiv"
    elif p == 2:
        w = [inv_init(n) for n in ns]
        s = w[0] if len(w) == 1 else ', '.join(w[:-1]) + ' & ' + w[-1]
        raw = f"{endp(s)} {t}. Preprint at https://arxiv.org/abs/{aid} ({y})."; v = None
    elif p == 3:
        w = [full(n) for n in ns]; raw = f"{join_and(w)}. {t}. arXiv:{aid} [cs.LG], {y}."; v = "arXiv"
    else:
        w = [inv_full(n) for n in ns[:1]] + [full(n) for n in ns[1:]]
        s = endp(join_and(w, two=', and ')); raw = f"{s} \"{t}.\" arXiv preprint arXiv:{aid} ({y})."; v = "arXiv"
    add(raw, t, w, y, v, "arxiv")

# ---------------- chapters ----------------
BOOKS = ["Handbook of coastal heritage","Rethinking the archive: new essays","The Northmere companion to urban history",
         "Advances in sparse inference","Perspectives on migration and memory","Methods in applied lattice dynamics",
         "Oxbridge essays in comparative poetics","Care, labour, and the household economy","Frontiers of robot perception",
         "Sound and the city: essays in acoustic history","Infrastructures of everyday life"]
CSBOOKS = {"Advances in sparse inference", "Methods in applied lattice dynamics", "Frontiers of robot perception"}
def gen_chapter(i):
    ns = authors(nauth(1, 3)); eds = authors(nauth(1, 2)); y = year(); p = C(PUBS)
    bk = C([b for b in BOOKS if b not in used_titles]); used_titles.add(bk)
    t = uniq(cs_title if bk in CSBOOKS else hum_title); a, b = pages()
    q = i % 4
    if q == 0:  # LNCS / Springer-like
        w = [inv_init(n) for n in ns]
        e = ', '.join(inv_init(x) for x in eds) + (' (eds.)' if len(eds) > 1 else ' (ed.)')
        bkt = tcase(bk)
        raw = f"{', '.join(w)}: {t}. In: {e} {bkt}, pp. {a}–{b}. {p[0]}, {p[2]} ({y})"
        add(raw, t, w, y, bkt, "chapter_springer")
    elif q == 1:  # Chicago
        s, w = chi_auth(ns); bkt = tcase(bk); tt = tcase(t)
        raw = f"{s} \u201c{tt}.\u201d In {bkt}, edited by {join_and([full(x) for x in eds])}, {a}–{b}. {p[2]}: {p[0]}, {y}."
        add(raw, tt, w, y, bkt, "chapter_chicago")
    elif q == 2:  # Harvard
        w = [inv_init(n, space=False) for n in ns]; s = join_and(w, last=' and ')
        e = ' and '.join(inv_init(x, space=False) for x in eds) + (' (eds)' if len(eds) > 1 else ' (ed.)')
        raw = f"{s} ({y}) \u2018{t}\u2019, in {e} {bk}. {p[2]}: {p[0]}, pp. {a}–{b}."
        add(raw, t, w, y, bk, "chapter_harvard")
    else:  # APA
        s, w = apa_auth(ns)
        e = join_and([init_first(x) for x in eds], two=' & ', last=', & ') + (' (Eds.)' if len(eds) > 1 else ' (Ed.)')
        raw = f"{s} ({y}). {endp(t)} In {e}, {bk} (pp. {a}–{b}). {p[0]}."
        add(raw, t, w, y, bk, "chapter_apa")

# ---------------- non-English ----------------
def gen_de(i):
    y = year()
    if i == 0:
        raw = f"Ahlsfeld, Friederike von: Salz und Gedächtnis. Hafenstädte an der Ostsee 1780–1840. In: Zeitschrift für Küstenarchäologie 12 ({y}), Nr. 3, S. 45–67."
        add(raw, "Salz und Gedächtnis. Hafenstädte an der Ostsee 1780–1840", ["Ahlsfeld, Friederike von"], y, "Zeitschrift für Küstenarchäologie", "german_din")
    elif i == 1:
        raw = f"Oberkirch, M.; Brennecke, D. ({y}): Stadtklang und Erinnerung. Eine Kulturgeschichte des Lärms. Stuttgart: Verlag Lindenhof."
        add(raw, "Stadtklang und Erinnerung. Eine Kulturgeschichte des Lärms", ["Oberkirch, M.", "Brennecke, D."], y, "Verlag Lindenhof", "german_harvard")
    elif i == 2:
        raw = f"Rietberg, Clara von: Die Ordnung der Dinge im Pfarrhaus. In: Weber, Hartmut (Hrsg.): Alltag und Frömmigkeit im 19. Jahrhundert. Berlin: Edition Kranichfeld, {y}, S. 112–139."
        add(raw, "Die Ordnung der Dinge im Pfarrhaus", ["Rietberg, Clara von"], y, "Alltag und Frömmigkeit im 19. Jahrhundert", "german_din")
    elif i == 3:
        raw = f"Lindqvist, S. & Wróblewski, Ł. ({y}). Adaptive Gitterglättung für Sedimentmodelle in Flussmündungen. Zeitschrift für Angewandte Hydromechanik, 58(2), 201–219."
        add(raw, "Adaptive Gitterglättung für Sedimentmodelle in Flussmündungen", ["Lindqvist, S.", "Wróblewski, Ł."], y, "Zeitschrift für Angewandte Hydromechanik", "german_apa")
    else:
        raw = f"Brzęczek, Aleksander: Zur Theorie der verallgemeinerten Kloosterman-Summen. Dissertation, Technische Universität Lindenau, {y}."
        add(raw, "Zur Theorie der verallgemeinerten Kloosterman-Summen", ["Brzęczek, Aleksander"], y, "Technische Universität Lindenau", "german_thesis")

def gen_fr(i):
    y = year()
    if i == 0:
        raw = f"LEFÈVRE-DUMONT, Zoé. Les archives silencieuses : mémoire et deuil dans les villes côtières. Paris : Éditions du Pré-Vert, {y}. 312 p."
        add(raw, "Les archives silencieuses : mémoire et deuil dans les villes côtières", ["LEFÈVRE-DUMONT, Zoé"], y, "Éditions du Pré-Vert", "french_iso690")
    elif i == 1:
        raw = f"Garnier, Étienne et Aubry, Claire, « Le pain et l'arithmétique : la culture des prix dans le Paris révolutionnaire », Revue d'histoire des savoirs ordinaires, vol. 14, n° 3, {y}, p. 45-67."
        add(raw, "Le pain et l'arithmétique : la culture des prix dans le Paris révolutionnaire", ["Garnier, Étienne", "Aubry, Claire"], y, "Revue d'histoire des savoirs ordinaires", "french")
    elif i == 2:
        raw = f"DESROSIERS, Hélène, BEAULIEU, Camille. « Saints ordinaires : dévotion et voisinage dans les paroisses montréalaises ». Dans : PELLEGRINO, Giulia (dir.). Villes pieuses. Québec : Presses de l'Université de Champlain, {y}, p. 88-115."
        add(raw, "Saints ordinaires : dévotion et voisinage dans les paroisses montréalaises", ["DESROSIERS, Hélène", "BEAULIEU, Camille"], y, "Villes pieuses", "french_iso690")
    elif i == 3:
        raw = f"Marchetti J.-L., Benkirane N., Tabrizian K. ({y}). Élagage hiérarchique de jetons pour la traduction automatique. Traitement Automatique des Langues Inventées, 61(1), 9-34."
        add(raw, "Élagage hiérarchique de jetons pour la traduction automatique", ["Marchetti J.-L.", "Benkirane N.", "Tabrizian K."], y, "Traitement Automatique des Langues Inventées", "french")
    else:
        raw = f"Beaulieu, C. Les cloches civiques : temps et autorité dans les villes flamandes. Thèse de doctorat, Université de Montclaire, {y}."
        add(raw, "Les cloches civiques : temps et autorité dans les villes flamandes", ["Beaulieu, C."], y, "Université de Montclaire", "french_thesis")

def gen_es(i):
    y = year()
    if i == 0:
        raw = f"de la Fuente, A. M. y Peñalver, J. ({y}). Entre la parroquia y la provincia: alfabetización rural en Galicia, 1870-1914. Revista Iberoamericana de Historia Social, 14(2), 33-51. https://doi.org/{doi('rihs')}"
        add(raw, "Entre la parroquia y la provincia: alfabetización rural en Galicia, 1870-1914", ["de la Fuente, A. M.", "Peñalver, J."], y, "Revista Iberoamericana de Historia Social", "spanish_apa")
    elif i == 1:
        raw = f"Méndez Ocaña, Carlos. Mapas sin fronteras: cartografía y peregrinación en la Castilla medieval. Madrid: Editorial Alborada, {y}."
        add(raw, "Mapas sin fronteras: cartografía y peregrinación en la Castilla medieval", ["Méndez Ocaña, Carlos"], y, "Editorial Alborada", "spanish_chicago")
    elif i == 2:
        raw = f"Ruiz-Castellanos, Elena, Nicolás Echeverría y Lucía Barragán. «La gramática del duelo en la poesía caribeña contemporánea». Cuadernos de Literatura Comparada 27, n.º 1 ({y}): 101-124."
        add(raw, "La gramática del duelo en la poesía caribeña contemporánea", ["Ruiz-Castellanos, Elena", "Nicolás Echeverría", "Lucía Barragán"], y, "Cuadernos de Literatura Comparada", "spanish_chicago")
    else:
        raw = f"Barragán L, Echeverría N, Castellanos T. Delirio postoperatorio en adultos mayores: incidencia y factores de riesgo. Rev Clin Periop Iberoam. {y};19(4):212-9."
        add(raw, "Delirio postoperatorio en adultos mayores: incidencia y factores de riesgo", ["Barragán L", "Echeverría N", "Castellanos T"], y, "Rev Clin Periop Iberoam", "spanish_vancouver")

def gen_pt(i):
    y = year()
    if i == 0:
        raw = f"MOURA, Rafael dos Santos; ALMEIDA CORTÊS, Beatriz. Contando os não contados: trabalho informal na pesca costeira. Revista Brasileira de Estudos do Litoral, São Paulo, v. 12, n. 3, p. 45-67, {y}."
        add(raw, "Contando os não contados: trabalho informal na pesca costeira", ["MOURA, Rafael dos Santos", "ALMEIDA CORTÊS, Beatriz"], y, "Revista Brasileira de Estudos do Litoral", "portuguese_abnt")
    elif i == 1:
        raw = f"SALDANHA, Henrique. Rios de tinta: jornais e a formação de um público regional. Lisboa: Editora Maré Alta, {y}."
        add(raw, "Rios de tinta: jornais e a formação de um público regional", ["SALDANHA, Henrique"], y, "Editora Maré Alta", "portuguese_abnt")
    elif i == 2:
        raw = f"VASCONCELOS, Mateus. Roteamento esparso de atenção para línguas de poucos recursos. {y}. Tese (Doutorado em Ciência da Computação) – Universidade Federal do Vale Inventado, Recife, {y}."
        add(raw, "Roteamento esparso de atenção para línguas de poucos recursos", ["VASCONCELOS, Mateus"], y, "Universidade Federal do Vale Inventado", "portuguese_thesis")
    else:
        raw = f"Vasconcelos, M., Saldanha, H., & dos Santos Moura, R. ({y}). Confiança pública nos tribunais locais: evidências de um painel. Revista de Sociologia Jurídica Aplicada, 8(1), 77–98."
        add(raw, "Confiança pública nos tribunais locais: evidências de um painel", ["Vasconcelos, M.", "Saldanha, H.", "dos Santos Moura, R."], y, "Revista de Sociologia Jurídica Aplicada", "portuguese_apa")

# ---------------- corporate ----------------
def gen_corp(i):
    y = year(2005)
    if i == 0:
        raw = f"World Health Organization. ({y}). Guidelines on household solid-fuel use and childhood respiratory health (WHO Technical Report Series, No. {R.randint(900,1100)}). https://www.who-invented-example.org/reports/solid-fuel"
        add(raw, "Guidelines on household solid-fuel use and childhood respiratory health", ["World Health Organization"], y, "WHO Technical Report Series", "corporate_apa7")
    elif i == 1:
        raw = f"World Health Organization. Global report on text-message reminders in primary care. Geneva: World Health Organization; {y}."
        add(raw, "Global report on text-message reminders in primary care", ["World Health Organization"], y, "World Health Organization", "corporate_vancouver")
    elif i == 2:
        raw = f"Nordic Council on Coastal Resilience. ({y}). Tidal estuary sediment monitoring: Annual report {y}. https://www.nccr-invented.org/annual/{y}"
        add(raw, f"Tidal estuary sediment monitoring: Annual report {y}", ["Nordic Council on Coastal Resilience"], y, None, "corporate_apa7")
    elif i == 3:
        raw = f"National Institute for Soil Stewardship (NISS) ({y}) Soil carbon accounting in smallholder farms. Technical Note 14. Ashcombe: NISS. Available at: https://niss-invented.gov/tn14 (Accessed: 3 March {y+1})."
        add(raw, "Soil carbon accounting in smallholder farms", ["National Institute for Soil Stewardship (NISS)"], y, None, "corporate_harvard")
    elif i == 4:
        raw = "Eastmoor Data Trust. (n.d.). Open data principles for municipal archives. Retrieved May 4, 2023, from https://eastmoordatatrust.invented/principles"
        add(raw, "Open data principles for municipal archives", ["Eastmoor Data Trust"], None, None, "corporate_apa7")
    else:
        raw = f"[{R.randint(1,40)}] International Consortium for Robot Safety, \u201cSafety requirements for collaborative mobile manipulators,\u201d ICRS Standard 4012-2, {y}."
        add(raw, "Safety requirements for collaborative mobile manipulators", ["International Consortium for Robot Safety"], y, None, "corporate_ieee")

PLAN = [(gen_apa, 12), (gen_mla, 10), (gen_chicago_ad, 10), (gen_chicago_nb, 10), (gen_harvard, 10), (gen_ieee, 12),
        (gen_vancouver, 12), (gen_acs, 10), (gen_nature, 10), (gen_ams, 10), (gen_dblp, 10), (gen_acm, 10),
        (gen_gs_mla, 5), (gen_gs_apa, 5), (gen_homepage, 10), (gen_thesis, 10), (gen_arxiv, 10), (gen_chapter, 10),
        (gen_de, 5), (gen_fr, 5), (gen_es, 4), (gen_pt, 4), (gen_corp, 6)]
for f, n in PLAN:
    for i in range(n): f(i)

# validation
for r in OUT:
    raw = r['raw']
    if r['title'] is not None:
        assert r['title'] in raw, r
        assert not r['title'].endswith('.'), r
    for a in r['authors']: assert a in raw, (a, r)
    if r['venue'] is not None: assert r['venue'] in raw, r
    if r['year'] is not None: assert str(r['year']) in raw, r
    assert '\n' not in raw and '..' not in raw.replace('. . .', ''), r
assert len(OUT) == 200, len(OUT)
import pathlib
with open(pathlib.Path(__file__).with_name('invented_refs.jsonl'), 'w', encoding='utf-8') as fh:
    for r in OUT: fh.write(json.dumps(r, ensure_ascii=False) + '\n')
cnt = Counter(r['style'] for r in OUT)
print(len(OUT)); print(cnt)
