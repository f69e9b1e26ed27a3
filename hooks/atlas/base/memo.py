"""Results of the checks, by their arguments, kept across the builds of one process.

`mkdocs serve` and the preview re-check only the files that changed. Unlike
functools.lru_cache, a Memo can take results computed in another process: a cold load
of a large atlas checks half of the files in a second process (hooks/atlas/load.py).
"""

from __future__ import annotations

import functools


class Memo:
    """Memoises a pure function of hashable arguments."""

    def __init__(self, function):
        functools.update_wrapper(self, function)
        self.function = function
        self.results: dict[tuple, object] = {}

    def __call__(self, *args):
        try:
            return self.results[args]
        except KeyError:
            result = self.results[args] = self.function(*args)
            return result
