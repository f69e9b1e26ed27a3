"""Template fragments that many pages of one build share, rendered once.

Material renders its tabs, navigation sidebar and settings on every page. On a page that is
not in the navigation (a practice, a city…) they do not depend on the page itself, only on
where it is: their links are relative, and from `practices/a/` or `practices/b/` a link to
any page outside those two folders reads the same. So they are rendered once per build and
folder of pages; at 1,000 practices they were a fifth of the templates' time.
"""

from __future__ import annotations

from jinja2 import pass_context


class SharedFragments:
    """`{% call atlas_shared(name) %}…{% endcall %}` renders its body once per folder of pages,
    for fragments whose links never lead into a page's own folder (they would differ from a
    page to its sibling); `{% call atlas_shared(name, key) %}` once per `key`, which must hold
    everything the body depends on. A new SharedFragments is made for each build (one build
    is one language).
    """

    def __init__(self):
        self._fragments: dict[tuple, str] = {}

    @pass_context
    def __call__(self, context, name: str, key=None, *, caller) -> str:
        if key is None:
            key = context["page"].url.rstrip("/").rpartition("/")[0]
        if (name, key) not in self._fragments:
            self._fragments[name, key] = caller()
        return self._fragments[name, key]
