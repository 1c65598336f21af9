"""pubsift.extract: raw page bytes -> validated publication records.

Public surface:

>>> from extract import extract_page
>>> result = extract_page("me.md", b"[**A Paper Title Here**](https://arxiv.org/abs/2101.00001) (2021)\\nAda Lovelace, Alan Turing\\n")
>>> result.manifest.status, result.records[0].ids.arxiv
('ok', '2101.00001')
"""
from extract.core import EXTRACTOR_VERSION, Limits, extract_page  # noqa: F401
