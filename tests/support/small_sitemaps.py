"""`python -m support.small_sitemaps build …`: MkDocs, with sitemaps of a few addresses each
(SMALL instead of the protocol's 50,000), so that a small test atlas is split as a large one is."""

from __future__ import annotations

from mkdocs.__main__ import cli

from atlas.outputs import sitemap

SMALL = 40

if __name__ == "__main__":
    sitemap.MAX_URLS = SMALL
    cli()
