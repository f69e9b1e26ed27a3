"""Do the practices' links and sources still answer? (weekly, never in pull-request CI)."""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..model.model import Atlas

USER_AGENT = "atlas-link-check/1.0 (+weekly check of cited pages)"


@dataclass(frozen=True)
class LinkResult:
    url: str
    places: tuple[str, ...]  # "practices/<slug>/practice.yml: links[0].url"
    status: str  # "200", "404", "timeout", …

    @property
    def ok(self) -> bool:
        return self.status.isdigit() and int(self.status) < 400


def cited_urls(atlas: Atlas) -> dict[str, list[str]]:
    """Every URL a practice cites, with where it is cited."""
    urls: dict[str, list[str]] = {}
    for _slug, practice in atlas.practices.items():
        data, where = practice.data, practice.display
        for list_name in ("links", "sources", "actors"):
            for index, item in enumerate(data.get(list_name, [])):
                if item.get("url"):
                    urls.setdefault(item["url"], []).append(f"{where}: {list_name}[{index}].url")
    return urls


def check_url(url: str, timeout: float = 15) -> str:
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return str(response.status)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return str(error.code)
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return "timeout" if "timed out" in str(reason) else f"unreachable ({reason})"
    return "unreachable"


def check_links(urls: dict[str, list[str]], timeout: float = 15, workers: int = 8) -> list[LinkResult]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        statuses = list(pool.map(lambda url: check_url(url, timeout), urls))
    return [LinkResult(url, tuple(places), status) for (url, places), status in zip(urls.items(), statuses, strict=True)]


def links_report(results: list[LinkResult]) -> str:
    broken = [r for r in results if not r.ok]
    lines = ["## Link check", "", f"{len(results) - len(broken)} of {len(results)} cited addresses answer.", ""]
    if broken:
        lines += ["| address | answer | cited in |", "|---|---|---|"]
        lines += [f"| {r.url} | {r.status} | {'<br>'.join(r.places)} |" for r in broken]
    return "\n".join(lines) + "\n"
