"""Per-page memo for parse trees that several detectors and one parser need (lxml trees,
unwrapped payloads). Keyed by the Page object itself, so a page is parsed once however many
ingestors look at it; bounded, so a long batch never accumulates trees."""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable

_SLOTS = 4
# id(page) -> (page, {key: value}); the page is held so its id cannot be reused while cached
_CACHE: "OrderedDict[int, tuple[Any, dict[str, Any]]]" = OrderedDict()


def cached(page: Any, key: str, build: Callable[[], Any]) -> Any:
    slot = _CACHE.get(id(page))
    if slot is None or slot[0] is not page:
        slot = (page, {})
        _CACHE[id(page)] = slot
        while len(_CACHE) > _SLOTS:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(id(page))
    values = slot[1]
    if key not in values:
        values[key] = build()
    return values[key]
