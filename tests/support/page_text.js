// The text a page shows in its own language: text nodes and the labels read aloud or shown on
// hover, leaving out what is marked as another language (a text shown along a fallback chain,
// a cited document's title) and code.
() => {
  const lang = document.documentElement.lang;
  const skip = "script, style, noscript, pre, code, svg, template";
  const inLanguage = el => (el.closest("[lang]") || document.documentElement).getAttribute("lang") === lang;
  const parts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest(skip) || !inLanguage(el)) continue;
    parts.push(node.textContent);
  }
  for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], img[alt], input[type=submit][value]")) {
    if (el.closest(skip) || !inLanguage(el)) continue;
    for (const name of ["aria-label", "title", "placeholder", "alt", "value"]) {
      if (el.hasAttribute(name) && (name !== "value" || el.type === "submit")) parts.push(el.getAttribute(name));
    }
  }
  return parts.join("\n");
}
