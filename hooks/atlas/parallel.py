"""A cold load of a large atlas checks half of the practice folders in a second process.

While this process checks one half, the second checks the other and sends back what its
checks' memos hold (hooks/atlas/memo.py); the load then finds every answer in the memos. A
shortcut only: if the second process fails, this one checks everything, and the problems
are the same either way (tests/test_validation.py).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path

PARALLEL_FROM = 200  # folders; below, a second process costs more than it saves
PACKAGE_PARENT = str(Path(__file__).resolve().parents[1])


def check_in_two_processes(reader, folders: list[Path], vocabulary: dict, cities: dict, actors: dict) -> None:
    """Fill the memos for `folders`, half of them in a second process."""
    from .load import MEMOS, checked_document

    checked_before = sum(1 for args in checked_document.results if args[2] == "practice")
    if len(folders) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or checked_before > len(folders) // 2:
        return
    half = len(folders) // 2
    request = pickle.dumps((reader.settings, folders[half:], vocabulary, cities, actors))
    python_path = os.pathsep.join(filter(None, (PACKAGE_PARENT, os.environ.get("PYTHONPATH"))))
    worker = subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": python_path},
    )
    reply: list[bytes] = []
    exchange = threading.Thread(target=lambda: reply.append(worker.communicate(request)[0]))
    exchange.start()
    check_folders(reader.settings, folders[:half], vocabulary, cities, actors)
    exchange.join()
    if worker.returncode == 0:
        for memo, results in zip(MEMOS, pickle.loads(reply[0]), strict=True):
            memo.results.update(results)


def check_folders(settings, folders: list[Path], vocabulary: dict, cities: dict, actors: dict) -> list[dict]:
    """Check `folders` for the memos' sake; returns the memos' results (what the second process sends)."""
    from .load import MEMOS, Reader, load_practice

    reader = Reader(settings)
    for folder in folders:
        load_practice(reader, folder, vocabulary, cities, actors)
    return [memo.results for memo in MEMOS]


if __name__ == "__main__":  # the second process
    from atlas.parallel import check_folders as _check_folders  # so that its results pickle as atlas's, not __main__'s

    pickle.dump(_check_folders(*pickle.load(sys.stdin.buffer)), sys.stdout.buffer)
