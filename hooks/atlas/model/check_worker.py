"""The second process of a cold load (parallel.py): checks the folders it is sent and sends back its memos."""

from __future__ import annotations

import pickle
import sys

from atlas.model.load import check_folders  # by the package's name, so that its results pickle as atlas's

if __name__ == "__main__":
    pickle.dump(check_folders(*pickle.load(sys.stdin.buffer)), sys.stdout.buffer)
