"""What the editors' command-line tools in scripts/ share: their --help, and loading the atlas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..base.paths import REPOSITORY
from ..base.problems import AtlasDataError
from ..model.load import load_atlas
from ..model.model import Atlas
from ..model.settings import configured_languages


def tool_parser(doc: str) -> argparse.ArgumentParser:
    """A parser whose --help is the tool's docstring; --root points the tool at another copy (tests)."""
    summary, _, details = doc.strip().partition("\n\n")
    parser = argparse.ArgumentParser(
        description=summary, epilog=details or None, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=REPOSITORY, help=argparse.SUPPRESS)
    return parser


def load_or_explain(root: Path) -> Atlas | None:
    """The atlas, or None after saying that the data must be valid first."""
    try:
        return load_atlas(root, configured_languages(root))
    except AtlasDataError as error:
        print(f"{error}; run `make validate` first", file=sys.stderr)
        return None
