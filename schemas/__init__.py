"""pubsift.schemas: validated models, normalisation, dedupe, merge and export.

Public surface (kept small, like splink's):

>>> from schemas import Record, Author
>>> Record(page="p.md", title="A Title", authors=[Author(name="Ada Lovelace")]).title
'A Title'
"""
from schemas.models import (  # noqa: F401
    Author,
    Ids,
    ManifestEntry,
    PageResult,
    Profile,
    Record,
    Work,
)
from schemas.canonical import canonical_json, content_hash  # noqa: F401
