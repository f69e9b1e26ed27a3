#!/usr/bin/env python3
"""Benchmark the atlas as it grows: build time against a plain Material site of the same pages
and against the Markdown floor, page, map and export sizes, what a reader downloads for each
type of page and, where Lighthouse is installed, its scores.

Grows a temporary copy of the real atlas to N practices (synthetic ones with ~600-word
narratives in each of the atlas's languages, spread over the real cities and vocabularies, some naming
synthetic actors' profiles), builds each as the README does (mkdocs build --strict), builds
the peer a user would pick instead — plain MkDocs + Material + mkdocs-static-i18n with the
same narratives, kept out of the navigation, and Material's own search, without the i18n
plugin's quadratic de-duplication of its entries (up to 2,000 practices, also with it, as
configured by default) — and prints every figure in one run, so that ratios compare builds
made on the same machine at the same time.

  python scripts/bench.py                     # N = 250, 500, 1000
  python scripts/bench.py --sizes 1000 10000  # the issue 27 figures (about 40 minutes on 2 cores)
  python scripts/bench.py --sizes 100 200     # quicker

Also: a build after one practice changed (with the cold build's cache), `make serve` showing an
edit then rebuilding the whole site, and each language's part alone (one job of the publish
workflow) at the smallest N, projected to the others by the whole build's growth.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown
import yaml

from atlas.base import paths, routes
from atlas.check.narrative import MARKDOWN_EXTENSIONS
from atlas.model.settings import BUILD_LANGUAGE, configured_languages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # what the browser tests and the benchmark share (tests/support/)
from support.browser import CHROMIUM_ARGS, find_chromium  # noqa: E402
from support.page_types import PAGE_TYPES, page_types  # noqa: E402
from support.pages_server import PagesServer  # noqa: E402
from support.serve import mkdocs_serve  # noqa: E402
from support.synthetic import LANGUAGES, SYNTHETIC, copy_atlas, grow  # noqa: E402

# Built as GitHub Pages publishes it (under a sub-path: the 404 page's links), reproducibly.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "ATLAS_SITE_URL": "https://example.github.io/atlas/", "SOURCE_DATE_EPOCH": "1796000000"}
PEER_CONFIG = """
site_name: Peer
site_url: https://peer.example.org/
theme: {{name: material, language: {default}, font: false}}
plugins:
  - search
  - i18n:
      docs_structure: suffix{search}
      languages:
{languages}
nav: [index.md]
validation: {{omitted_files: ignore, not_found: ignore, unrecognized_links: ignore, anchors: ignore}}
"""
# mkdocs-static-i18n's de-duplication of the search entries compares every entry of the default
# language with every entry of the others: at N = 10,000 it ran for more than 10 minutes alone.
# The plain site is built without it; up to DEFAULT_PEER_UP_TO practices, also as configured by
# default, the site that issue 27's build targets were first measured against.
SEARCH_DEDUPLICATION_OFF = "\n      reconfigure_search: false"
DEFAULT_PEER_UP_TO = 2000


def peer_site(atlas_root: Path, peer: Path, default_configuration: bool = False) -> None:
    """What a user would pick instead of the atlas: plain MkDocs + Material + mkdocs-static-i18n,
    the same narratives (each under its title) kept out of the navigation, Material's search
    (without mkdocs-static-i18n's de-duplication of its entries, unless `default_configuration`)."""
    docs = peer / "docs"
    for folder in sorted((atlas_root / "practices").iterdir()):
        if not (folder / "practice.yml").exists():
            continue
        title = yaml.safe_load((folder / "practice.yml").read_text(encoding="utf-8"))["title"]
        (docs / "practices" / folder.name).mkdir(parents=True)
        for lang in LANGUAGES:
            if (folder / f"{lang}.md").exists():
                text = f"# {title.get(lang, title[LANGUAGES[0]])}\n\n" + (folder / f"{lang}.md").read_text(encoding="utf-8")
                (docs / "practices" / folder.name / suffixed("index.md", lang)).write_text(text, encoding="utf-8")
    for lang in LANGUAGES:
        (docs / suffixed("index.md", lang)).write_text(f"# {SYNTHETIC[lang]['home']}\n", encoding="utf-8")
    entries = "\n".join(
        f"        - {{locale: {lang}, name: {lang}, build: true{', default: true' if lang == LANGUAGES[0] else ''}}}"
        for lang in LANGUAGES
    )
    search = "" if default_configuration else SEARCH_DEDUPLICATION_OFF
    (peer / "mkdocs.yml").write_text(PEER_CONFIG.format(default=LANGUAGES[0], languages=entries, search=search), encoding="utf-8")


def suffixed(name: str, lang: str) -> str:
    """mkdocs-static-i18n's suffix layout: index.md in the default language, index.<lang>.md in another."""
    stem, _, extension = name.rpartition(".")
    return name if lang == LANGUAGES[0] else f"{stem}.{lang}.{extension}"


BUILD = """
import resource, runpy, sys
sys.argv = ["mkdocs", "build", "-q", "-f", sys.argv[1], "-d", sys.argv[2]] + sys.argv[3:]
try:
    runpy.run_module("mkdocs", run_name="__main__")
finally:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"PEAK_KB={max(own.ru_maxrss, children.ru_maxrss)}", file=sys.stderr)
    print(f"CPU_S={own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime}", file=sys.stderr)
"""


REBUILD = """
import logging, os, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.WARNING)
config_file, site, narrative, preview = sys.argv[1:5]
os.environ["ATLAS_PREVIEW"] = preview
build(load_config(config_file, site_dir=site))
narrative = Path(narrative)
narrative.write_text(narrative.read_text(encoding="utf-8") + "\\nUne phrase ajoutée par l'éditeur.\\n", encoding="utf-8")
started = time.perf_counter()
build(load_config(config_file, site_dir=site))  # what `make preview` (mkdocs serve) does after the edit
print(f"REBUILD_S={time.perf_counter() - started}")
"""


def part_seconds(root: Path, lang: str) -> float:
    """Seconds one job of the publish workflow takes to build one language's part, with no cache."""
    shutil.rmtree(root / paths.CACHE, ignore_errors=True)
    return build(root, root / f"part-{lang}", env={BUILD_LANGUAGE: lang})[0]


def edited(root: Path, slug: str) -> None:
    """One practice's narrative changed, as an editor changes it."""
    narrative = root / paths.narrative_file(slug, LANGUAGES[0])
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\nUne phrase corrigée par l'éditeur.\n", encoding="utf-8")


def preview_rebuild_seconds(root: Path, slug: str) -> float:
    """Seconds `make preview` takes to show an edit of the previewed practice's narrative: a
    rebuild in the serving process."""
    narrative = root / paths.narrative_file(slug, LANGUAGES[0])
    result = subprocess.run(
        [sys.executable, "-c", REBUILD, str(root / "mkdocs.yml"), str(root / "preview"), str(narrative), slug],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        sys.exit(f"the rebuild failed:\n{result.stderr[-3000:]}")
    return float(result.stdout.rsplit("REBUILD_S=", 1)[1].split()[0])


def serve_seconds(root: Path, slug: str) -> tuple[float, float]:
    """Seconds `make serve` (mkdocs serve) takes, once serving, to serve a practice's page with an
    edit of its French narrative, then to have rebuilt the whole site: from the file written,
    as a reader's browser sees them."""
    import urllib.request

    log = root / "serve.log"
    added = f"Une phrase ajoutée pendant la relecture numéro {time.time_ns()}."

    def until(condition, what: str) -> float:
        deadline = time.perf_counter() + 600
        while not condition():
            if time.perf_counter() > deadline:
                sys.exit(f"make serve: no {what}:\n{log.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.02)
        return time.perf_counter()

    def rebuilt_since(start: int) -> bool:
        """The whole site rebuilt after the log's first `start` characters (a page shown first builds nothing)."""
        after = log.read_text(encoding="utf-8")[start:]
        building = after.find("Building documentation...")
        return building >= 0 and "Reloading browsers" in after[building:]

    with mkdocs_serve(root, {**os.environ, "NO_MKDOCS_2_WARNING": "1"}, log) as address:

        def shown() -> bool:
            with urllib.request.urlopen(f"{address}{routes.practice(slug)}/", timeout=60) as answer:
                return added in answer.read().decode("utf-8")

        before = len(log.read_text(encoding="utf-8"))
        narrative = root / paths.narrative_file(slug, LANGUAGES[0])
        narrative.write_text(narrative.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
        started = time.perf_counter()
        shown_at = until(shown, "page with the edit")
        whole_at = until(lambda: rebuilt_since(before), "whole rebuild")
        return shown_at - started, whole_at - started


def build(
    root: Path, site: Path, preview: str | None = None, strict: bool = True, env: dict | None = None
) -> tuple[float, int, float]:
    """(seconds, peak memory of any one process in KB, CPU seconds of every process) of the
    README's strict build, or of the preview of one practice."""
    env = {**os.environ, **BUILD_ENV, **({"ATLAS_PREVIEW": preview} if preview else {}), **(env or {})}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(root / "mkdocs.yml"), str(site)] + ([] if preview or not strict else ["--strict"]),
        capture_output=True,
        text=True,
        env=env,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stderr[-3000:]}")
    peak = int(result.stderr.rsplit("PEAK_KB=", 1)[1].split()[0])
    cpu = float(result.stderr.rsplit("CPU_S=", 1)[1].split()[0])
    return seconds, peak, cpu


def search_index_seconds(root: Path, site: Path) -> float:
    """Seconds Pagefind needs to write every language's bundle on its own (in the build, it
    runs beside the pages' rendering)."""
    from atlas.base.site_folder import SiteFolder
    from atlas.model.load import load_atlas
    from atlas.site import search_indexing

    atlas = load_atlas(root, configured_languages(root))
    with tempfile.TemporaryDirectory(prefix="atlas-notes-") as notes:
        nothing_kept = SiteFolder(Path(notes), site)  # every bundle is written
        started = time.perf_counter()
        for lang in atlas.languages.codes:
            search_indexing(atlas, lang, nothing_kept).wait()
        return time.perf_counter() - started


def markdown_floor(narratives: list[str]) -> float:
    """Seconds Python-Markdown alone needs to convert the same narratives."""
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    started = time.perf_counter()
    for text in narratives:
        md.reset().convert(text)
    return time.perf_counter() - started


def sizes(site: Path) -> dict:
    def size(path: Path) -> int:
        return path.stat().st_size

    def gzipped(*paths: Path) -> int:
        """What a reader downloads of these files from GitHub Pages, which serves them gzipped."""
        return sum(len(gzip.compress(path.read_bytes(), 6)) for path in paths)

    practice_pages = [size(p) for p in site.glob("practices/*/index.html")] + [
        size(p) for p in site.glob("en/practices/*/index.html")
    ]
    city_pages = [size(p) for p in site.glob("cities/*/index.html")]
    total = sum(size(p) for p in site.rglob("*") if p.is_file())
    return {
        "practice page, median": statistics.median(practice_pages),
        "practice page, largest": max(practice_pages),
        "index page": size(site / "practices/index.html"),
        "city page, largest": max(city_pages),
        "world map file": size(site / "maps/world.html"),
        "index page download (page + data, gzip)": gzipped(site / "practices/index.html", site / "data/practices.json"),
        "index data file": size(site / "data/practices.json"),
        "world map data file": size(site / "data/map.json"),
        "GeoJSON export": size(site / routes.GEOJSON),
        "CSV export": size(site / routes.CSV),
        "data package": size(site / routes.DATAPACKAGE),
        "Atom feed": size(site / routes.feed(LANGUAGES[0], LANGUAGES[0])),
        "API: list of practices": size(site / routes.API_PRACTICES),
        "API: a practice, median": statistics.median(size(p) for p in (site / routes.API / "practices").glob("*.json")),
        "API: a practice, largest": max(size(p) for p in (site / routes.API / "practices").glob("*.json")),
        "API: vocabularies": size(site / routes.API_VOCABULARIES),
        "API: every answer, one language": sum(size(p) for p in (site / routes.API).rglob("*.json")),
        "site total": total,
    }


def page_downloads(site: Path) -> dict:
    """(bytes a reader downloads, elements in the page) for one page of each type (PAGE_TYPES, in
    the default language), from an empty cache, as GitHub Pages serves them (under a sub-path,
    gzipped), measured in Chromium once the page's scripts are done (map tiles not counted: the
    network is cut)."""
    chromium = find_chromium()
    if not chromium:
        return {}
    from playwright.sync_api import sync_playwright

    def measure(browser, base: str, path: str, ready: str | None) -> tuple[int, int]:
        context = browser.new_context()
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(base + path, wait_until="networkidle", timeout=60_000)
        if ready:
            page.wait_for_selector(ready, state="attached", timeout=60_000)
        total = sum(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"] for request in finished)
        elements = page.evaluate("document.getElementsByTagName('*').length")
        context.close()
        return total, elements

    with PagesServer(site, "/atlas/") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        figures = {kind: measure(browser, base, path, ready) for kind, (path, ready) in page_types(site).items()}
        browser.close()
    return figures


LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_PAGES = ("practices' index", "world map", "city", "lever", "practice")  # the long lists, and one practice
LIGHTHOUSE_RUNS = 3  # runs of the same page differ by about 5 points on this machine: their median is printed


def lighthouse_scores(site: Path) -> dict:
    """Lighthouse's four scores on a phone (its default: mobile, simulated slow 4G) for the pages of
    LIGHTHOUSE_PAGES (a city: the busiest, the first in the alphabet of the bench's atlas), each the
    median of LIGHTHOUSE_RUNS runs, where Lighthouse (npm `lighthouse`) is installed: benchmark
    figures, not tests."""
    command = os.environ.get("ATLAS_LIGHTHOUSE") or shutil.which("lighthouse")
    chromium = find_chromium()
    if not command or not chromium:
        return {}
    scores = {}
    with PagesServer(site, "/atlas/") as base:
        for kind, (path, _) in page_types(site).items():
            if kind not in LIGHTHOUSE_PAGES:
                continue
            runs = []
            for _ in range(LIGHTHOUSE_RUNS):
                result = subprocess.run(
                    [command, base + path, "--output=json", "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
                    + [f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}"],
                    capture_output=True,
                    text=True,
                    env={**os.environ, "CHROME_PATH": chromium},
                )
                try:
                    categories = json.loads(result.stdout)["categories"]
                except (json.JSONDecodeError, KeyError):  # the other figures are still worth printing
                    print(f"Lighthouse failed on {path or 'the home page'}:\n{result.stderr[-2000:]}", file=sys.stderr)
                    continue
                runs.append([round(categories[name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES])
            if runs:
                scores[kind] = [
                    round(statistics.median(run[index] for run in runs)) for index in range(len(LIGHTHOUSE_CATEGORIES))
                ]
    return scores


def _or_dash(seconds: float | None, over: float | None = None) -> str:
    """A column of the table: `seconds`, or `over` / `seconds` with `over`; a dash where not measured."""
    if seconds is None:
        return f"{'—':>14}"
    return f"{over / seconds:>14.2f}" if over is not None else f"{seconds:>14.1f}"


def human(value: float) -> str:
    return f"{value / 1024:,.1f} KB" if value < 1024 * 1024 else f"{value / 1024 / 1024:,.1f} MB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[250, 500, 1000], help="numbers of practices (default 250 500 1000)"
    )
    args = parser.parse_args(argv)
    real = sum(1 for folder in (ROOT / paths.PRACTICES).glob(f"*/{paths.PRACTICE_FILE_NAME}"))
    if min(args.sizes) < real + 3:  # three synthetic practices at least: one edited, one previewed, one served
        parser.error(f"--sizes {min(args.sizes)}: the atlas has {real} practices already; expected sizes of {real + 3} or more")
    rows = []
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as temp:
        for n in sorted(args.sizes):
            root = Path(temp) / f"atlas-{n}"
            copy_atlas(root)
            narratives = grow(root, n)
            floor = markdown_floor(narratives)
            seconds, peak, cpu = build(root, root / "site")
            peer_site(root, root / "peer")
            peer_seconds, peer_peak, peer_cpu = build(root / "peer", root / "peer" / "site", strict=False)
            default_peer_seconds = None
            if n <= DEFAULT_PEER_UP_TO:
                peer_site(root, root / "peer-default", default_configuration=True)
                default_peer_seconds = build(root / "peer-default", root / "peer-default" / "site", strict=False)[0]
            # Pagefind alone writes elsewhere than into the site, whose bundles the next build keeps.
            search_seconds = search_index_seconds(root, root / "search-alone")
            synthetic = sorted(p.name for p in (root / "practices").glob("*-synthetic-*"))
            edited(root, synthetic[1])
            warm_seconds, _, warm_cpu = build(root, root / "site")  # the cache of the cold build, one practice changed
            shutil.rmtree(root / paths.CACHE)
            previewed = synthetic[0]
            preview_seconds, _, _ = build(root, root / "preview", preview=previewed)
            preview_rebuild = preview_rebuild_seconds(root, previewed)
            serving = serve_seconds(root, synthetic[2]) if n == min(args.sizes) else None
            parts = {lang: part_seconds(root, lang) for lang in LANGUAGES} if n == min(args.sizes) else {}
            figures = sizes(root / "site")
            rows.append(
                {
                    "N": n,
                    "build s": seconds,
                    "cpu s": cpu,
                    "peer s": peer_seconds,
                    "peer cpu s": peer_cpu,
                    "default peer s": default_peer_seconds,
                    "plain site peak memory, one process": peer_peak * 1024,
                    "search s": search_seconds,
                    "floor s": floor,
                    "preview s": preview_seconds,
                    "rebuild s": preview_rebuild,
                    "warm s": warm_seconds,
                    "warm cpu s": warm_cpu,
                    "serve s": serving,
                    "parts": parts,
                    "peak memory, one process": peak * 1024,
                    **figures,
                    "downloads": page_downloads(root / "site"),
                    "lighthouse": lighthouse_scores(root / "site"),
                }
            )
            print(f"built N={n} in {seconds:.1f} s", file=sys.stderr)
            shutil.rmtree(root)
    print(f"{f'N practices (× {len(LANGUAGES)} languages)':44}" + "".join(f"{row['N']:>14}" for row in rows))
    print(f"{'build (s)':44}" + "".join(f"{row['build s']:>14.1f}" for row in rows))
    print(f"{'plain Material + i18n site, same pages (s)':44}" + "".join(f"{row['peer s']:>14.1f}" for row in rows))
    print(f"{'build / plain site':44}" + "".join(f"{row['build s'] / row['peer s']:>14.2f}" for row in rows))
    print(f"{'plain site CPU, every process (s)':44}" + "".join(f"{row['peer cpu s']:>14.1f}" for row in rows))
    print(f"{'plain site as configured by default (s)':44}" + "".join(_or_dash(row["default peer s"]) for row in rows))
    print(f"{'build / that site':44}" + "".join(_or_dash(row["default peer s"], row["build s"]) for row in rows))
    print(f"{'Python-Markdown floor (s)':44}" + "".join(f"{row['floor s']:>14.1f}" for row in rows))
    print(f"{'build / floor':44}" + "".join(f"{row['build s'] / row['floor s']:>14.2f}" for row in rows))
    print(f"{'build CPU, every process (s)':44}" + "".join(f"{row['cpu s']:>14.1f}" for row in rows))
    print(f"{'search index on its own, Pagefind (s)':44}" + "".join(f"{row['search s']:>14.1f}" for row in rows))
    for key, name in (("build s", "build"), ("cpu s", "build CPU"), ("peer s", "plain site")):
        growth = [""] + [f"{per_doubling(rows[i - 1], rows[i], key):.2f}" for i in range(1, len(rows))]
        print(f"{f'{name}: growth per doubling of N':44}" + "".join(f"{g:>14}" for g in growth))
    print(f"{'after one practice changed, cache kept (s)':44}" + "".join(f"{row['warm s']:>14.1f}" for row in rows))
    print(f"{'  / plain site':44}" + "".join(f"{row['warm s'] / row['peer s']:>14.2f}" for row in rows))
    print(
        f"{'  / plain site as configured by default':44}"
        + "".join(_or_dash(row["default peer s"], row["warm s"]) for row in rows)
    )
    print(f"{'  CPU, every process (s)':44}" + "".join(f"{row['warm cpu s']:>14.1f}" for row in rows))
    first = rows[0]
    if first["serve s"] is not None:
        print(f"{'make serve: an edited page shown after (s)':44}{first['serve s'][0]:>14.1f}   (N = {first['N']})")
        print(f"{'  the whole site rebuilt after (s)':44}{first['serve s'][1]:>14.1f}")
    for lang, seconds in first["parts"].items():
        projected = "".join(
            f"{seconds * row['build s'] / first['build s']:>14.1f}" + ("" if row is first else "*") for row in rows
        )
        print(f"{f'one job: the {lang} part alone (s)':44}{projected}")
    if first["parts"]:
        print(f"{'':44}* projected from N = {first['N']} by the whole build's growth")
    print(f"{'preview of one practice, cold (s)':44}" + "".join(f"{row['preview s']:>14.1f}" for row in rows))
    print(f"{'preview, rebuild after an edit (s)':44}" + "".join(f"{row['rebuild s']:>14.1f}" for row in rows))
    for key in (
        "peak memory, one process",
        "plain site peak memory, one process",
        "practice page, median",
        "practice page, largest",
        "index page",
        "city page, largest",
        "world map file",
        "world map data file",
        "index data file",
        "index page download (page + data, gzip)",
        "GeoJSON export",
        "CSV export",
        "data package",
        "Atom feed",
        "API: list of practices",
        "API: a practice, median",
        "API: a practice, largest",
        "API: vocabularies",
        "API: every answer, one language",
    ):
        print(f"{key + ' (bytes)':44}" + "".join(f"{human(row[key]) if row[key] is not None else 'n/a':>14}" for row in rows))
    print(f"{'site bytes per practice':44}" + "".join(f"{human(row['site total'] / row['N']):>14}" for row in rows))
    if rows[0]["downloads"]:
        print("\nWhat a reader downloads, by page (gzip, empty cache, map tiles aside), and its elements once loaded")
        for kind in PAGE_TYPES:
            print(
                f"{'  ' + kind:44}"
                + "".join(f"{human(row['downloads'][kind][0]):>14}{row['downloads'][kind][1]:>7,}" for row in rows)
            )
    for row in rows:
        if row["lighthouse"]:
            print(
                f"\nLighthouse on a phone at N = {row['N']}, median of {LIGHTHOUSE_RUNS} runs: "
                + " / ".join(LIGHTHOUSE_CATEGORIES)
            )
            for kind, scores in row["lighthouse"].items():
                print(f"{'  ' + kind:44}" + "".join(f"{score:>6}" for score in scores))
    return 0


def per_doubling(smaller: dict, larger: dict, key: str) -> float:
    """How much `key` grows each time N doubles, between two sizes: (t2 / t1) ^ (1 / log2(N2 / N1))."""
    return (larger[key] / smaller[key]) ** (1 / math.log2(larger["N"] / smaller["N"]))


if __name__ == "__main__":
    sys.exit(main())
