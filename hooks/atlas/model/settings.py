"""The atlas's settings, from mkdocs.yml without importing MkDocs: its languages (the i18n
plugin's, with `extra › atlas › fallback`), and how it is published (`site_url`, and `extra ›
atlas`, checked against schemas/settings.schema.json: a misspelt key is an error, never a
silent default)."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..base.languages import Languages
from ..base.paths import SITE_CONFIG
from ..base.problems import AtlasDataError, Problem, did_you_mean, show
from ..check.schema import load_schema, schema_problems

SETTINGS_FIELD = "extra.atlas"
# The environment variable that makes a build write one language's part of the site (one job of
# the publishing workflow; scripts/assemble.py puts the parts together).
BUILD_LANGUAGE = "ATLAS_BUILD_LANGUAGE"


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name or !ENV; they are not needed here."""


_IgnoreTagsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


SEARCH_BUNDLE_DOCUMENTS = load_schema("settings")["properties"]["search_bundle_documents"]["default"]  # unless set


@dataclass(frozen=True)
class Publication:
    """How the atlas is published: its address (absolute links in the sitemap, shared links,
    structured data and open data), its map tiles, its publisher, its names."""

    site_url: str = ""
    map_tiles: dict = field(default_factory=dict)  # url, attribution, max_zoom
    publisher: dict = field(default_factory=dict)  # {name: {language: text}, url}
    contact: str = ""  # the secretariat's e-mail address, or nothing
    site_names: dict = field(default_factory=dict)  # language -> (the site's name, its description)
    generated_at: str = ""  # when the build ran, UTC (generation_time): the open data's envelope
    repository: str = ""  # mkdocs.yml's repo_url: its issue forms are linked from the pages (none without it)
    search_bundle_documents: int = SEARCH_BUNDLE_DOCUMENTS  # the most documents of one search bundle (outputs/search.py)

    def site_name(self, lang: str) -> tuple[str, str]:
        """The site's name and description in `lang` (mkdocs.yml, or the i18n plugin's for that language)."""
        return self.site_names.get(lang) or next(iter(self.site_names.values()), ("", ""))

    def of_pages(self) -> Publication:
        """What the pages show of the publication: all but when the build ran, which only the open
        data's envelope, feed and data package say; a page rendered by the previous commit's
        build is then found again (rendered.py)."""
        return dataclasses.replace(self, generated_at="")

    def absolute(self, url: str) -> str:
        """A URL from the site's root, made absolute (as is, without a site_url)."""
        return self.site_url + url


def publication(
    site_url: str | None, extra_atlas, site_names: dict | None = None, generated_at: str = "", repository: str | None = None
) -> Publication:
    """The checked settings; AtlasDataError lists every problem of `extra › atlas`."""
    settings = extra_atlas if isinstance(extra_atlas, dict) else {}
    problems = [
        Problem(SITE_CONFIG, f"{SETTINGS_FIELD}.{problem.field}".rstrip("."), problem.message)
        for problem in schema_problems("settings", settings, SITE_CONFIG, lambda path: None)
    ]
    if problems:
        raise AtlasDataError(problems)
    site_url = site_url or ""
    return Publication(
        site_url if not site_url or site_url.endswith("/") else site_url + "/",
        settings["map_tiles"],
        settings["publisher"],
        (settings.get("contact") or {}).get("email") or "",
        site_names or {},
        generated_at,
        (repository or "").rstrip("/"),
        settings.get("search_bundle_documents", SEARCH_BUNDLE_DOCUMENTS),
    )


def read_mkdocs_config(root: Path) -> dict:
    return yaml.load((Path(root) / SITE_CONFIG).read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)


def _get(item, key):
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def languages_from_i18n(languages_config, extra_atlas=None) -> Languages:
    """Languages from the i18n plugin's `languages` list (the default first, then the others as
    listed) with their fallback chains (extra › atlas › fallback); AtlasDataError names a chain
    that names a language the atlas does not have."""
    built = [item for item in languages_config if _get(item, "build") is not False]
    default = [_get(item, "locale") for item in built if _get(item, "default")]
    codes = default + [_get(item, "locale") for item in built if not _get(item, "default")]
    fallbacks = (extra_atlas or {}).get("fallback") if isinstance(extra_atlas, dict) else None
    fallbacks = fallbacks if isinstance(fallbacks, dict) else {}
    problems = [
        Problem(
            SITE_CONFIG,
            f"{SETTINGS_FIELD}.fallback.{lang}" + (f"[{index}]" if index is not None else ""),
            f"{show(code)} is not a language of the atlas; {did_you_mean(code, codes)}configured: {', '.join(codes)} "
            "(plugins › i18n › languages). Fix the code or remove it",
            code="settings-fallback",
        )
        for lang, chain in fallbacks.items()
        for index, code in ([(None, lang)] + list(enumerate(chain if isinstance(chain, list) else [])))
        if code not in codes
    ]
    if problems:
        raise AtlasDataError(problems)
    return Languages.configured(codes, {lang: chain for lang, chain in fallbacks.items() if isinstance(chain, list)})


def _i18n(config: dict) -> dict:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise ValueError(f"{SITE_CONFIG} has no i18n plugin with languages")


def configured_languages(root: Path) -> Languages:
    config = read_mkdocs_config(root)
    return languages_from_i18n(_i18n(config)["languages"], (config.get("extra") or {}).get("atlas"))


def build_language(value: str | None, codes: Sequence[str]) -> str | None:
    """The one language a build writes (BUILD_LANGUAGE's value), or None for every language;
    ValueError, in one line, when it is not one of the configured `codes`."""
    if not value:
        return None
    if value not in codes:
        raise ValueError(
            f"{BUILD_LANGUAGE}={value!r} is not a language of the atlas; {did_you_mean(value, codes)}expected one of "
            f"{', '.join(codes)} (plugins › i18n › languages in {SITE_CONFIG}), or leave it unset to build every language"
        )
    return value


def site_names(languages_config, site_name: str, site_description: str | None) -> dict[str, tuple[str, str]]:
    """Each language's site name and description: mkdocs.yml's, or the i18n plugin's override."""
    return {
        _get(item, "locale"): (_get(item, "site_name") or site_name, _get(item, "site_description") or site_description or "")
        for item in languages_config
    }


def generation_time(source_date_epoch: str | None, now: datetime.datetime | None = None) -> str:
    """When the build ran, UTC, to the second, for the open data's envelope: SOURCE_DATE_EPOCH
    when set (reproducible builds: the publishing workflow gives the commit's time, so two
    builds of one commit write the same files), else now."""
    if source_date_epoch:
        try:
            moment = datetime.datetime.fromtimestamp(int(source_date_epoch), datetime.UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(
                f"SOURCE_DATE_EPOCH={source_date_epoch!r} is not a time; expected seconds since 1970-01-01 UTC, "
                "e.g. $(git log -1 --format=%ct), or leave it unset"
            ) from None
    else:
        moment = now or datetime.datetime.now(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
