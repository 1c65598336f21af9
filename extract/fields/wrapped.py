"""Payloads saved inside a wrapper: an API response body kept as a string inside a JSON object
({"url": ..., "status_code": 200, "body": "<?xml ..."}) or inside a YAML HTTP recording (a VCR
cassette: `response: body: string: '{"total": ...}'`).

Detected generically: the page parses as JSON/YAML and one string value in it is itself a
document (XML/HTML markup or JSON) that makes up most of the file. Ingestors call `payload(page)`
and read that inner page as if it had been saved on its own.
"""
from __future__ import annotations

import json
import re
from typing import Any, Optional

from extract.fields.pagecache import cached

# the inner document must be most of the file: a wrapper adds headers, not content
_MIN_SHARE = 0.4
_MIN_CHARS = 40
_MAX_YAML_CHARS = 8_000_000
_MAX_NODES = 200_000
# keys under which HTTP recordings (VCR, HAR, requests dumps) keep a response body
_BODY_KEYS = frozenset({"body", "string", "content", "text", "response", "payload", "data", "raw"})
_YAML_HEAD_RE = re.compile(r"^(?:[A-Za-z_][\w-]*:[ \t]*(?:\n|$)|-[ \t]+[A-Za-z_][\w-]*:)")


def _looks_like_yaml(page) -> bool:
    if page.syntax == "yaml":
        return True
    if page.syntax not in ("text", "markdown"):
        return False
    head = page.text.lstrip("\ufeff \t\r\n")[:200]
    # a mapping key alone on the first line ("interactions:"); front matter ('---') is not a wrapper
    return bool(_YAML_HEAD_RE.match(head))


def _load_yaml(text: str) -> Any:
    if len(text) > _MAX_YAML_CHARS:
        return None
    try:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except Exception:  # not YAML after all: no wrapper
        return None


def _is_document(value: str) -> Optional[str]:
    """'xml' or 'json' when a string value is itself a document."""
    head = value.lstrip()[:1]
    if head == "<":
        return "xml" if re.search(r"</[\w:.-]+\s*>|/>", value[-2000:]) else None
    if head in "{[":
        try:
            json.loads(value)
        except (ValueError, RecursionError):
            return None
        return "json"
    return None


def _payloads(data: Any, total: int) -> list[tuple[str, str]]:
    """Document-like strings, in document order, as (kind, text): those under a body-like key
    (an HTTP recording's response bodies), or any that makes up most of the file."""
    found: list[tuple[str, str]] = []
    seen = 0
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack and seen < _MAX_NODES:
        node, key = stack.pop()
        seen += 1
        if isinstance(node, dict):
            stack.extend((value, str(k).lower()) for k, value in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((value, key) for value in reversed(node))
        elif isinstance(node, str) and len(node) >= _MIN_CHARS:
            if key not in _BODY_KEYS and len(node) < _MIN_SHARE * total:
                continue
            kind = _is_document(node)
            if kind and node not in (text for _, text in found):
                found.append((kind, node))
    return found


def _unwrap(page):
    from extract.page import Page

    data = None
    if page.syntax == "json":
        data = page.json()
    elif _looks_like_yaml(page):
        data = _load_yaml(page.text)
    if not isinstance(data, (dict, list)):
        return None
    found = _payloads(data, len(page.text))
    if not found:
        return None
    if len(found) > 1 and all(kind == "json" for kind, _ in found):
        # several recorded JSON responses (pages of one search, or related calls): one JSON list
        inner = "[" + ",".join(text for _, text in found) + "]"
    else:
        inner = max((text for _, text in found), key=len)
    return Page.from_text(inner, path=page.path)


def inner_page(page):
    """The document wrapped inside `page`, or None when the page is not a wrapper."""
    return cached(page, "wrapped-inner", lambda: _unwrap(page))


def payload(page):
    """The page to read: the wrapped document when there is one, else the page itself."""
    return inner_page(page) or page
