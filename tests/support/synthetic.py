"""Synthetic practices, for the benchmark and the browser tests of a large atlas: a copy of the
real atlas grown to N practices (~600-word narratives in each of the atlas's languages, composed
from the real narratives' sentences, spread over the real cities and vocabularies, a few cities
and levers far likelier than the others, some naming synthetic actors' profiles), the same for
the same seed."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from atlas.base import catalog
from atlas.model.settings import configured_languages

ROOT = Path(__file__).resolve().parents[2]
_CONFIGURED = configured_languages(ROOT)
LANGUAGES = _CONFIGURED.codes  # the atlas's, default first
# Synthetic texts in each language, from the interface's own words ("Pratique 12 — lyon")
SYNTHETIC = {
    lang: {
        "practice": words["kind_practice"] + " {index} — {city}",
        "actor": words["kind_actor"],
        "role": words["kind_actor"].lower(),
        "home": words["kind_practice"],
    }
    for lang in LANGUAGES
    for words in [catalog.ui(_CONFIGURED, lang)]
}
COPIED = ("docs", "overrides")  # published as they are: the build refuses links out of the repository
LINKED = ("hooks", "schemas")


def narrative_sentences(lang: str) -> list[str]:
    """Sentences of the real narratives, to compose realistic synthetic ones."""
    sentences = []
    for path in sorted((ROOT / "practices").glob(f"*/{lang}.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "-", "*")):
                sentences += [s.strip() + "." for s in line.split(". ") if len(s.split()) > 4]
    return sentences


def synthetic_narrative(rng: random.Random, sentences: list[str], headings: list[str], words: int = 600) -> str:
    per_section = words // len(headings)
    parts = []
    for heading in headings:
        body, count = [], 0
        while count < per_section:
            sentence = rng.choice(sentences)
            body.append(sentence)
            count += len(sentence.split())
        parts.append(f"## {heading}\n\n" + " ".join(body) + "\n")
    return "\n".join(parts)


def skewed(rng: random.Random, values: list, count: int) -> list:
    """`count` different values, the first ones far likelier, as in a real network where a few
    cities and levers gather many practices (Zipf: the n-th value is 1/n as likely as the first):
    so a large atlas has city and lever pages of several pages."""
    left, picked = list(values), []
    for _ in range(count):
        picked.append(rng.choices(left, weights=[1 / (rank + 1) for rank in range(len(left))])[0])
        left.remove(picked[-1])
    return picked


def grow(root: Path, total: int, seed: int = 1, practices_per_actor: int = 20) -> list[str]:
    """Add synthetic practices to the copy at `root` until it has `total` (and one synthetic
    actor's profile for every `practices_per_actor`, which some practices name); returns every
    narrative."""
    headings = {lang: list(catalog.headings("practices", lang).values()) for lang in LANGUAGES}
    rng = random.Random(seed)
    vocabulary = yaml.safe_load((root / "practices/vocabulary.yml").read_text(encoding="utf-8"))
    cities = list(yaml.safe_load((root / "practices/cities.yml").read_text(encoding="utf-8")))
    sentences = {lang: narrative_sentences(lang) for lang in LANGUAGES}
    existing = [p for p in (root / "practices").iterdir() if (p / "practice.yml").exists()]
    actors = [f"synthetic-actor-{index:04d}" for index in range(total // practices_per_actor)]
    for key in actors:
        profile = {
            "name": {lang: f"{SYNTHETIC[lang]['actor']} {key[-4:]}" for lang in LANGUAGES},
            "type": rng.choice(sorted(vocabulary["actor_types"])),
            "cities": [rng.choice(cities)],
            "profile": {"description": {lang: rng.choice(sentences[lang]) for lang in LANGUAGES}},
            "sources": [{"title": "Document de référence", "publisher": "Réseau de villes", "year": 2022}],
            "last_reviewed": "2026-11-21",
        }
        (root / "practices/actors" / f"{key}.yml").write_text(
            yaml.safe_dump(profile, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    for index in range(total - len(existing)):
        city = skewed(rng, cities, 1)[0]
        slug = f"{city}-synthetic-{index:05d}"
        folder = root / "practices" / slug
        folder.mkdir()
        data = {
            "cities": [city] + ([rng.choice(cities)] if rng.random() < 0.1 else []),
            "title": {lang: SYNTHETIC[lang]["practice"].format(index=index, city=city) for lang in LANGUAGES},
            "summary": {lang: rng.choice(sentences[lang])[:280] for lang in LANGUAGES},
            "themes": rng.sample(sorted(vocabulary["themes"]), 2),
            "levers": skewed(rng, sorted(vocabulary["levers"]), 2),
            "actors": [
                {
                    "name": f"Acteur {n}",
                    "type": rng.choice(sorted(vocabulary["actor_types"])),
                    "role": {lang: SYNTHETIC[lang]["role"] for lang in LANGUAGES},
                }
                for n in range(3)
            ]
            + (
                [{"actor": rng.choice(actors), "role": {lang: SYNTHETIC[lang]["role"] for lang in LANGUAGES}}]
                if actors and rng.random() < 0.3
                else []
            ),
            "status": rng.choice(sorted(vocabulary["statuses"])),
            "city_role": rng.choice(sorted(vocabulary["city_roles"])),
            "start_year": rng.randint(2005, 2024),
            "sdgs": rng.sample(range(1, 18), 2),
            "sources": [{"title": "Document de référence", "publisher": "Réseau de villes", "year": 2022}],
            "published": "2026-11-21",
            "last_reviewed": "2026-11-21",
        }
        data["cities"] = list(dict.fromkeys(data["cities"]))
        (folder / "practice.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for lang in LANGUAGES:
            (folder / f"{lang}.md").write_text(synthetic_narrative(rng, sentences[lang], headings[lang]), encoding="utf-8")
    return [p.read_text(encoding="utf-8") for p in (root / "practices").glob("*/*.md")]


def copy_atlas(target: Path) -> None:
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "practices", target / "practices")
    for name in COPIED:
        shutil.copytree(ROOT / name, target / name)
    for name in LINKED:
        (target / name).symlink_to(ROOT / name)
