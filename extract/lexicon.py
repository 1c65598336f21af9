"""Word lists as data, in one place (like trafilatura's xpaths.py): venues, organisations,
boilerplate lines and page-kind cues. Extractors import from here; nothing else holds lists."""
from __future__ import annotations

import re

# Conference and journal acronyms as they appear in publication lists.
VENUE_ACRONYMS = (
    "NeurIPS", "NIPS", "ICML", "ICLR", "AAAI", "IJCAI", "CVPR", "ICCV", "ECCV", "ACL", "EMNLP", "NAACL",
    "EACL", "COLING", "CoNLL", "TACL", "KDD", "WWW", "SIGIR", "WSDM", "CIKM", "SIGMOD", "VLDB", "PVLDB",
    "ICDE", "PODS", "STOC", "FOCS", "SODA", "ICALP", "APPROX", "RANDOM", "CCC", "QIP", "ITCS", "COLT",
    "UAI", "AISTATS", "CoRL", "RSS", "ICRA", "IROS", "CDC", "ACC", "HRI", "CHI", "UIST", "CSCW", "POPL",
    "PLDI", "ICFP", "OOPSLA", "ECOOP", "ESOP", "CAV", "LICS", "CONCUR", "TACAS", "FSE", "ICSE", "ASE",
    "ISSTA", "PPoPP", "SC", "HPDC", "ICS", "IPDPS", "PACT", "ASPLOS", "ISCA", "MICRO", "HPCA", "OSDI",
    "SOSP", "NSDI", "EuroSys", "ATC", "SIGCOMM", "INFOCOM", "MobiCom", "CCS", "USENIX", "NDSS",
    "Interspeech", "ICASSP", "MICCAI", "ISBI", "BMVC", "WACV", "3DV", "SIGGRAPH", "TOG", "TPAMI", "JMLR",
    "TMLR", "PRL", "PRX", "PRD", "PRB", "PRE", "PNAS", "JACM", "SICOMP", "PACMPL", "TOPLAS", "CACM",
    "PROLE", "ICLP", "PPDP", "FLOPS", "LOPSTR", "ESWC", "ISWC", "ECIR", "ECML", "PKDD", "ICDM", "SDM",
    "GECCO", "ALT", "ACML", "IJCNN", "ICANN", "LREC", "Findings", "arXiv", "bioRxiv", "medRxiv",
)

# Multi-word venue names (matched case-insensitively).
VENUE_PHRASES = (
    "Nature", "Science", "Nature Communications", "Nature Machine Intelligence", "Nature Physics",
    "Neural Computation", "Machine Learning", "Artificial Intelligence", "Mathematics of Operations Research",
    "Operations Research", "Management Science", "Journal of Machine Learning Research",
    "Physical Review Letters", "Physical Review A", "Physical Review B", "Physical Review D",
    "Physical Review E", "Physical Review X", "Astrophysical Journal", "Monthly Notices of the Royal Astronomical Society",
    "Astronomy and Astrophysics", "Astronomy & Astrophysics", "Communications of the ACM", "Journal of the ACM",
    "Advances in Neural Information Processing Systems", "International Conference on Machine Learning",
    "International Conference on Learning Representations", "Conference on Learning Theory",
    "Symposium on Theory of Computing", "Symposium on the Theory of Computing",
    "Conference on Decision and Control", "Conference on Computer Vision and Pattern Recognition",
    "Proceedings of the National Academy of Sciences", "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    "IEEE Transactions on Information Theory", "SIAM Journal on Computing", "Bioinformatics",
    "PLoS ONE", "PLOS Computational Biology", "eLife", "Cell", "Neuron", "Blog post", "Technical Report",
    "Transportation Research Part C", "Transportation Research Part B",
)

# Organisations that bios name without "University"/"Institute" cues.
ORGANISATIONS = (
    "DeepMind", "Google DeepMind", "Google", "Google Research", "Google Brain", "OpenAI", "Anthropic",
    "Microsoft", "Microsoft Research", "Meta", "Meta AI", "Facebook", "Facebook AI Research", "FAIR", "IBM",
    "IBM Research", "NVIDIA", "Apple", "Amazon", "Intel", "Adobe", "Baidu", "Tencent", "Alibaba", "Huawei",
    "CERN", "MIT", "CMU", "ETH Zurich", "EPFL", "Caltech", "UCL", "Stanford", "Harvard", "Berkeley",
    "UC Berkeley", "Oxford", "Cambridge", "Princeton", "Yale", "Mila", "Vector Institute", "INRIA", "Inria",
    "CNRS", "Max Planck Institute", "Allen Institute for AI", "AI2", "xAI", "Analog Devices", "Lyric Labs",
)
ORG_CUE_WORDS = (
    "University", "Universität", "Université", "Universidad", "Università", "Institute", "Institut",
    "Laboratory", "Laboratories", "Lab", "Labs", "Center", "Centre", "College", "School", "Academy",
    "Research", "Inc", "Corporation", "Foundation", "Hospital", "Observatory", "Department", "Faculty",
)

# Whole lines that are page chrome, not content ("Alert button", "Figure 3 for …"); first the paper
# aggregators' own, which no homepage prints
AGGREGATOR_CHROME_LINE_RES = tuple(
    re.compile(p, re.I)
    for p in (
        r"^alert button$",
        r"^picture for .+$",
        r"^figure \d+ for .+$",
        r"^via\s?\w+ icon$",
        r"^add to (?:library|collection)s?$",
    )
)
BOILERPLATE_LINE_RES = AGGREGATOR_CHROME_LINE_RES + tuple(
    re.compile(p, re.I)
    for p in (
        r"^(?:view|open) (?:paper|pdf|code|on \w+)$",
        r"^(?:share|cite|save|bookmark|follow|unfollow|goto|go to|more|less|show more|show less|read more)$",
        r"^(?:access|request) (?:paper|pdf)$",
        r"^code for similar papers:?$",
        r"^\d+ (?:citations?|references?|related papers?)$",
        r"^(?:loading|sign in|log in|sign up|cookies?|accept cookies)\.*$",
        r"^(?:abstract|pdf|code|video|slides|poster|bibtex|bib|project page|website|blog|html|doi|arxiv)$",
    )
)

# spaCy Matcher patterns for page-kind cues.
KIND_CUE_PATTERNS = {
    "PODCAST": [
        [{"LOWER": {"IN": ["podcast", "episode", "transcript", "sponsor", "listeners", "subscribe"]}}],
        [{"LOWER": "this"}, {"LOWER": "week"}, {"LOWER": ","}, {"LOWER": "i"}, {"LOWER": "talk"}],
    ],
    "WALL": [
        # line breaks between the words are whitespace tokens ("Sign in\nto continue" on Google's wall)
        [{"LOWER": "sign"}, {"LOWER": "in"}, {"IS_SPACE": True, "OP": "*"}, {"LOWER": "to"}, {"LOWER": "continue"}],
        [{"LOWER": "unusual"}, {"LOWER": "traffic"}],
        [{"LOWER": {"IN": ["captcha", "recaptcha"]}}],
        [{"LOWER": "not"}, {"LOWER": "a"}, {"LOWER": "robot"}],
        [{"LOWER": "please"}, {"LOWER": "enable"}, {"LOWER": "javascript"}],
    ],
}
