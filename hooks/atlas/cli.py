"""What the editors' command-line tools in scripts/ share: their --help, and loading the atlas."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from .load import load_atlas
from .model import Atlas
from .problems import AtlasDataError
from .settings import configured_languages

ROOT = Path(__file__).resolve().parents[2]


def tool_parser(doc: str) -> argparse.ArgumentParser:
    """A parser whose --help is the tool's docstring; --root points the tool at another copy (tests)."""
    summary, _, details = doc.strip().partition("\n\n")
    parser = argparse.ArgumentParser(
        description=summary, epilog=details or None, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    return parser


def load_or_explain(root: Path) -> Atlas | None:
    """The atlas, or None after saying that the data must be valid first."""
    try:
        return load_atlas(root, configured_languages(root))
    except AtlasDataError as error:
        print(f"{error}; run scripts/validate.py first", file=sys.stderr)
        return None


def find_chromium() -> str | None:
    """The browser for the browser tests and the benchmark: $ATLAS_CHROMIUM, else Debian's
    chromium, else a Chrome already on the machine (GitHub's runners have one)."""
    candidates = [
        os.environ.get("ATLAS_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
        shutil.which("google-chrome-stable"),
    ]
    return next((path for path in candidates if path and os.path.exists(path)), None)
