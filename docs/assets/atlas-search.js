/* Start Pagefind's search interface; a ?q= in the address (the header's search field) runs that search. */
(function () {
  "use strict";
  var element = document.querySelector("[data-atlas-search]");
  if (!element || !window.PagefindUI) return;
  // Result links are written from the site's root: find it from where the bundle is served,
  // so that the atlas works under a sub-path (a GitHub Pages project site) too.
  var bundle = document.querySelector("script[src$='pagefind/pagefind-ui.js']").src;
  var baseUrl = new URL("../", bundle).pathname;
  var search = new PagefindUI({ element: element, baseUrl: baseUrl, showSubResults: true, showImages: false, resetStyles: false });
  var input = element.querySelector("input");
  if (input) input.setAttribute("aria-label", element.dataset.label);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) search.triggerSearch(query);
})();
