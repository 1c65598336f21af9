"""Front matter of static-site pages (Jekyll/academicpages, Hugo/Wowchemy): `---` YAML or `+++` TOML.

Real files are often not valid YAML (unquoted colons in titles, stray quotes), so a failed
`yaml.safe_load` falls back to reading top-level `key: value` lines one by one.
"""
from __future__ import annotations

import re
from typing import Any

_YAML_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_TOML_RE = re.compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
_LINE_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_LIST_ITEM_RE = re.compile(r"^[ \t]*-[ \t]+(.*)$")


def split(text: str) -> tuple[str, str, str]:
    """(syntax 'yaml'|'toml'|'', front matter text, body)."""
    m = _YAML_RE.match(text)
    if m:
        return "yaml", m.group(1), text[m.end():]
    m = _TOML_RE.match(text)
    if m:
        return "toml", m.group(1), text[m.end():]
    return "", "", text


def parse(syntax: str, front: str) -> tuple[dict[str, Any], bool]:
    """Parsed front matter and whether the strict parser accepted it."""
    front = front.replace("\r\n", "\n").replace("\r", "\n")
    if syntax == "toml":
        import tomllib

        try:
            data = tomllib.loads(front)
            return (data if isinstance(data, dict) else {}), True
        except (tomllib.TOMLDecodeError, ValueError):
            return _linewise(front, sep="="), False
    if syntax == "yaml":
        import yaml

        try:
            data = yaml.safe_load(front)
            if isinstance(data, dict):
                return data, True
        except yaml.YAMLError:
            pass
        return _linewise(front, sep=":"), False
    return {}, False


def _unquote(value: str) -> str:
    value = value.strip()
    # a trailing comment after a quoted value: 'x' # note
    m = re.match(r"""^(["'])(.*)\1\s*(?:#.*)?$""", value)
    if m:
        return m.group(2).replace("''", "'") if m.group(1) == "'" else m.group(2)
    return value


def _linewise(front: str, sep: str) -> dict[str, Any]:
    """Best-effort reading of broken front matter: top-level `key: value` lines and
    `- item` lists under a key with an empty value."""
    data: dict[str, Any] = {}
    key_re = _LINE_RE if sep == ":" else re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*)$")
    current_list: str | None = None
    for line in front.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM_RE.match(line)
        if item and current_list:
            data[current_list].append(_unquote(item.group(1)))
            continue
        m = key_re.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if not value:
            data[key] = []
            current_list = key
            continue
        current_list = None
        if sep == "=" and value.startswith("[") and value.endswith("]"):
            data[key] = [_unquote(v) for v in re.findall(r"""("[^"]*"|'[^']*'|[^,\[\]]+)""", value[1:-1]) if v.strip()]
            continue
        data[key] = _unquote(value)
    return data


def as_text(value: Any) -> str | None:
    """A scalar front-matter value as text (dates and numbers included); None when empty."""
    if value is None or isinstance(value, (list, dict)):
        return None
    text = str(value).strip()
    return text or None


def as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    text = str(value).strip()
    return [text] if text else []
