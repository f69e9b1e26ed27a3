"""Read the atlas's settings from mkdocs.yml without importing MkDocs (for scripts and tests)."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from .model import Languages


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name or !ENV; they are not needed here."""


_IgnoreTagsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_config(root: Path) -> dict:
    return yaml.load((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)


def languages_from_i18n(languages_config) -> Languages:
    """Languages from the i18n plugin's `languages` list: the default first, then the others as listed."""

    def get(item, key):
        return item.get(key) if isinstance(item, dict) else getattr(item, key, None)

    built = [item for item in languages_config if get(item, "build") is not False]
    default = [get(item, "locale") for item in built if get(item, "default")]
    others = [get(item, "locale") for item in built if not get(item, "default")]
    return Languages(tuple(default + others))


def configured_languages(root: Path) -> Languages:
    for plugin in read_mkdocs_config(root).get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return languages_from_i18n(plugin["i18n"]["languages"])
    raise ValueError("mkdocs.yml has no i18n plugin with languages")


def site_names(languages_config, site_name: str, site_description: str | None) -> dict[str, tuple[str, str]]:
    """Each language's site name and description: mkdocs.yml's, or the i18n plugin's override."""

    def get(item, key):
        return item.get(key) if isinstance(item, dict) else getattr(item, key, None)

    return {
        get(item, "locale"): (get(item, "site_name") or site_name, get(item, "site_description") or site_description or "")
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
