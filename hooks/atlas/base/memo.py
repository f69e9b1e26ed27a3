"""Results of the checks, by their arguments, kept across the builds of one process and, with a
store (base/cache.py), on disk between builds.

`mkdocs serve` and the preview re-check only the files that changed; a build after one edit
finds every other result in the store. Unlike functools.lru_cache, a Memo can take results
computed in another process: a cold load of a large atlas checks half of the files in a second
process (hooks/atlas/model/parallel.py).
"""

from __future__ import annotations

import functools

from .cache import MISSING, Store


class Memo:
    """Memoises a pure function of hashable arguments (in memory, then in `store` if it has one)."""

    def __init__(self, function):
        functools.update_wrapper(self, function)
        self.function = function
        self.name = f"{function.__module__}.{function.__qualname__}"
        self.results: dict[tuple, object] = {}
        self.store: Store | None = None
        self.computed = 0  # calls found neither in memory nor in the store

    def __call__(self, *args):
        try:
            return self.results[args]
        except KeyError:
            pass
        if self.store is None:
            result = self._compute(args)
        else:
            address = self.store.address(self.name, args)
            result = self.store.get(address)
            if result is MISSING:
                result = self._compute(args)
                self.store.put(address, result)
        self.results[args] = result
        return result

    def _compute(self, args: tuple):
        self.computed += 1
        return self.function(*args)
