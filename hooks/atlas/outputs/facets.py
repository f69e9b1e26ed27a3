"""Facet pages: one page per city, country, region, theme, lever, city role, actor type, status
and SDG, listing its practices (a lever opens with the guide's explanation of it, a city with
its profile and ecosystem), and one overview page per facet with counts (the levers by the
guide's groups). A value of more than PAGE_SIZE practices lists them on several pages, as the
index does (views.page_links): the first at the value's address with everything else the page
shows, the next ones (`<value>/page/2/`…) with the list only."""

from __future__ import annotations

from urllib.parse import urlencode

from babel.numbers import format_decimal

from ..base import routes
from ..base.facets import FACETS, Facet
from ..model.model import Atlas
from ..records import facets
from ..records.actors import ecosystem, helix_order
from ..records.facets import sort_key
from ..records.guide import explanation
from ..records.practice import place, records
from ..records.values import localized, named
from ..views import Page, list_page_title, page_count, page_links, page_of, ui

ECOSYSTEM_SHOWN = 12  # actors of a helix group a city's page names: the page stays light however many there are


def pages(atlas: Atlas, lang: str, only: str | None = None) -> list[Page]:
    strings = ui(atlas, lang)
    result = []
    for facet in FACETS:
        result.append(
            Page(
                facet.folder,
                "facet-overview.html",
                strings[f"facet_{facet.id}_plural"],
                lambda facet=facet: overview_view(atlas, facet, lang),
                "overview",
                in_nav=True,
            )
        )
        keys = facets.practice_keys(atlas, facet.id, atlas.practices[only]) if only else facets.all_keys(atlas, facet.id)
        for key in keys:
            explained = guide_text(atlas, facet, key)
            title = strings["facet_page_title"].format(
                kind=strings[f"facet_{facet.id}"], label=facets.label(atlas, facet.id, key, lang).text
            )
            for number in range(1, page_count(len(listed(atlas, facet, key))) + 1):
                result.append(
                    Page(
                        routes.list_page(facet.path(key), number),
                        "facet.html",
                        list_page_title(atlas, lang, title, number),
                        lambda facet=facet, key=key, number=number: value_view(atlas, facet, key, lang, number),
                        "facet_page",
                        content=explanation(atlas, explained, lang).rendered if explained and number == 1 else None,
                    )
                )
    return result


def guide_text(atlas: Atlas, facet: Facet, key: str):
    """What the guide says of a lever or a city, if anything."""
    return {"lever": atlas.guide.levers, "city": atlas.guide.cities}.get(facet.id, {}).get(key)


def covering(atlas: Atlas, city: str) -> list:
    """The practices of networks and regions that cover a city's country or region (shown for a
    city that has no practice of its own, so that no city of the atlas is an empty page)."""
    country, region = atlas.cities[city]["country"], atlas.cities[city]["region"]
    return [
        p
        for p in atlas.practices.values()
        if p.scope and (country in p.scope.get("countries", []) or region in p.scope.get("regions", []))
    ]


def overview_view(atlas: Atlas, facet: Facet, lang: str) -> dict:
    counts = facets.counts(atlas, facet.id)
    entries = [
        (term, counts.get(term.key, 0), len(covering(atlas, term.key)) if facet.id == "city" and not counts.get(term.key) else 0)
        for term in facets.options(atlas, facet.id, lang)
    ]
    groups = None
    if facet.id == "lever":
        groups = [
            {
                "key": key,
                "label": localized(atlas.languages, group["label"], lang),
                "explanation": explanation(atlas, atlas.guide.groups[key], lang),
                "entries": [entry for entry in entries if entry[0].group == key],
            }
            for key, group in atlas.vocabulary["lever_groups"].items()
        ]
    return {"facet": facet.id, "title": ui(atlas, lang)[f"facet_{facet.id}_plural"], "entries": entries, "groups": groups}


def listed(atlas: Atlas, facet: Facet, key: str) -> list:
    """The practices a value's pages list: its own, or for a city without any, those that cover it."""
    practices = facets.practices_by_key(atlas, facet.id).get(key, [])
    return covering(atlas, key) if facet.id == "city" and not practices else practices


def ordered(atlas: Atlas, facet: Facet, key: str, lang: str) -> list:
    """A value's listed records in the order of its pages: by title; a lever's, first those where
    a city government acted, then the ecosystem's initiatives (each page shows its share of each)."""

    def compute():
        shown = records(atlas, lang, listed(atlas, facet, key))
        return sorted(shown, key=lambda r: not r.role.acted) if facet.id == "lever" else shown

    return atlas.derived(("facet_list", facet.id, key, lang), compute)


def value_view(atlas: Atlas, facet: Facet, key: str, lang: str, number: int = 1) -> dict:
    own = facets.practices_by_key(atlas, facet.id).get(key, [])
    every = ordered(atlas, facet, key, lang)
    shown = page_of(every, number)
    last = page_count(len(every))
    view = {
        "facet": facet.id,
        "kind": ui(atlas, lang)[f"facet_{facet.id}"],
        "label": facets.label(atlas, facet.id, key, lang),
        "number": number,
        "first_url": atlas.routes.page_url(facet.path(key), lang),
        "overview_url": atlas.routes.page_url(facet.folder, lang),
        "count": len(own),
        "records": shown if own else [],
        "covering": shown if not own else [],
        "page_links": page_links(atlas, lang, facet.path(key), number, len(every)),
        "description": None,
        "city": None,
        "by_role": None,
        "ecosystem": None,
        "explanation": None,
        "map_url": None,
    }
    if facet.id == "lever":  # where a city government acted, apart from the ecosystem's initiatives
        view["by_role"] = [
            {
                "acted": acted,
                "count": sum(r.role.acted == acted for r in every),
                "records": [r for r in shown if r.role.acted == acted],
                # a group without practices says so once: the first group on the first page, the other on the last
                "shown": any(r.role.acted == acted for r in shown)
                or (not any(r.role.acted == acted for r in every) and number == (1 if acted else last)),
            }
            for acted in (True, False)
        ]
    if number > 1:  # the next pages of a long list: the list only
        return view
    # The guide's explanation of a lever, or a city's innovation profile: the page's content.
    view["explanation"] = explanation(atlas, guide_text(atlas, facet, key), lang)
    if facet.id == "city" and own:
        view["map_url"] = atlas.routes.file_url(routes.map_frame("cities", key), lang)
    if facet.list_name and facet.list_name != "sdgs":
        view["description"] = localized(atlas.languages, atlas.vocabulary[facet.list_name][key].get("description"), lang)
    if facet.id == "city":
        view["ecosystem"] = ecosystem_view(atlas, key, lang)
        city = atlas.cities[key]
        population = city.get("population")
        view["city"] = {
            "place": place(atlas, key, lang),
            "population_year": city.get("population_year"),
            "population": format_decimal(population, locale=lang) if population else None,
        }
    return view


def ecosystem_view(atlas: Atlas, city: str, lang: str) -> list[dict]:
    """A city's innovation actors by helix, profiled ones linking their profile: in each group, the
    ECOSYSTEM_SHOWN that the most of its practices name (profiled ones first, as they have a page),
    by name; the others counted, with a link to the actors' index of the city and group when some
    of them have a profile."""
    groups = []
    for type_key, found in sorted(ecosystem(atlas, city).items(), key=lambda item: helix_order(item[0])):
        ranked = sorted(found, key=lambda actor: (-actor["count"], not actor["profile"]))  # stable: then as found
        actors = []
        for actor in ranked[:ECOSYSTEM_SHOWN]:
            profile = actor["profile"]
            name = atlas.actors[profile].data["name"] if profile else actor["name"]
            actors.append(
                {
                    "name": named(atlas.languages, name, lang),
                    "url": atlas.routes.page_url(routes.actor(profile), lang) if profile else None,
                }
            )
        hidden = ranked[ECOSYSTEM_SHOWN:]
        groups.append(
            {
                "type": facets.term(atlas, "actor", type_key, lang),
                "actors": sorted(actors, key=lambda item: sort_key(item["name"].text)),
                "more": len(hidden),
                "more_url": atlas.routes.page_url(routes.ACTORS, lang) + "?" + urlencode({"type": type_key, "city": city})
                if any(actor["profile"] for actor in hidden)
                else None,
            }
        )
    return groups
