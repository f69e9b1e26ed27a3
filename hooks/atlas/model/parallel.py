"""A cold load of a large atlas checks the second half of the practice folders in a second process.

While this process checks the first half, the second (check_worker.py) checks the other and
sends back what its checks' memos hold (base/memo.py); the load then finds every answer of the
second half in the memos. It starts only once the first folders have shown that their checks
are neither in memory nor in the cache: after an edit, a build finds nearly all of them there,
and a second process would cost more than it saves. A shortcut only: if the second process
fails, this one checks everything, and the problems are the same either way
(tests/test_validation.py).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

PARALLEL_FROM = 200  # folders; below, a second process costs more than it saves
PROBE = 16  # folders checked before deciding: if the cache held all their checks, it holds the others'
PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])
WORKER = "atlas.model.check_worker"


def check_second_half(settings, folders: list[Path], lists: tuple, memos: tuple, computed: int) -> Callable[[], None]:
    """Start checking the second half of `folders` (against `lists`: vocabulary, cities, actors)
    in a second process, unless the checks of the first PROBE folders were all found in memory
    or in the cache (`computed` of them were not: a build after an edit finds nearly all);
    returns what to call before reading that half: it waits for the process and fills `memos`
    with its results."""
    if len(folders) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or not computed:
        return lambda: None
    request = pickle.dumps((settings, folders[len(folders) // 2 :], lists))
    python_path = os.pathsep.join(filter(None, (PACKAGE_PARENT, os.environ.get("PYTHONPATH"))))
    worker = subprocess.Popen(
        [sys.executable, "-m", WORKER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": python_path},
    )
    reply: list[bytes] = []
    exchange = threading.Thread(target=lambda: reply.append(worker.communicate(request)[0]))
    exchange.start()

    def join() -> None:
        exchange.join()
        if worker.returncode == 0:
            for memo, results in zip(memos, pickle.loads(reply[0]), strict=True):
                memo.results.update(results)

    return join
