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


def _best_payload(data: Any, total: int) -> Optional[str]:
    best, seen = None, 0
    stack = [data]
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and len(node) >= _MIN_CHARS and len(node) >= _MIN_SHARE * total:
            if (best is None or len(node) > len(best)) and _is_document(node):
                best = node
    return best


def _unwrap(page):
    from extract.page import Page

    data = None
    if page.syntax == "json":
        data = page.json()
    elif _looks_like_yaml(page):
        data = _load_yaml(page.text)
    if not isinstance(data, (dict, list)):
        return None
    inner = _best_payload(data, len(page.text))
    if inner is None:
        return None
    return Page.from_text(inner, path=page.path)


def inner_page(page):
    """The document wrapped inside `page`, or None when the page is not a wrapper."""
    return cached(page, "wrapped-inner", lambda: _unwrap(page))


def payload(page):
    """The page to read: the wrapped document when there is one, else the page itself."""
    return inner_page(page) or page
