"""The foundation every layer stands on: problems, the repository's paths, the site's routes,
the languages and their texts, the facets. It imports nothing else of the atlas."""
