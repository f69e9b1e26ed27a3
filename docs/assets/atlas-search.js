/* The search page: the language's Pagefind bundle (a large atlas: several, merged), searched in
   the browser (nothing a reader types leaves it). Each result says what it is — a practice, a
   lever, a step of the method, a term of the glossary, a recommendation, a city, an actor — and
   the reader can keep one kind.
   Pagefind also finds words that only begin like the one typed ("mal" for "Mali"): a result is
   kept only if its text has a word that the typed word begins (or, for a plural or a feminine,
   nearly is). The words and the kind are kept in the address, so a search is a link to share. */
(function () {
  "use strict";
  var root = document.querySelector("[data-atlas-search]");
  if (!root || !window.URLSearchParams) return;
  var form = root.querySelector("form"), input = form.elements.q, status = root.querySelector("[role=status]");
  var kindsBox = root.querySelector(".atlas-search__kinds"), list = root.querySelector(".atlas-search__results");
  var more = root.querySelector(".atlas-search__more");
  var labels = JSON.parse(root.dataset.kinds), forms = JSON.parse(root.dataset.countForms);
  var bundles = JSON.parse(root.dataset.bundles), PAGE = 20, FETCHED = 80;
  var pagefind = null, found = [], shown = 0, kind = "", running = 0;

  function fold(text) {
    return (text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(Boolean);  // "d'innovation" -> "d", "innovation"
  }

  // A word of the text matches a typed word when it begins with it, or is it less a final s, x or e.
  function has(textWords, typed) {
    return textWords.some(function (word) {
      return word.indexOf(typed) === 0 || (word.length >= 4 && typed.indexOf(word) === 0 && typed.length - word.length <= 2);
    });
  }

  function contains(text, typed) {
    var inText = words(text);
    return typed.every(function (word) { return word.length < 3 || has(inText, word); });
  }

  function counted(count) {
    var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang).select(count) : "other";
    return (forms[form] || forms.other).replace("{count}", count);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind's excerpt marks the words found: its text and its <mark>s only are kept.
  function excerpt(html) {
    var box = element("p", "atlas-search__excerpt");
    new DOMParser().parseFromString(html, "text/html").body.childNodes.forEach(function (node) {
      box.appendChild(node.nodeName === "MARK" ? element("mark", null, node.textContent) : document.createTextNode(node.textContent));
    });
    return box;
  }

  // One entry per page; the glossary's terms, the recommendations and the groups of levers are
  // each a section of one page, and each its own entry.
  function entries(data, typed) {
    var resultKind = (data.filters.kind || [""])[0];
    var sections = data.meta.sections === "yes" && data.sub_results;
    if (!sections) return contains(data.content, typed) ? [{ kind: resultKind, url: data.url, title: data.meta.title, excerpt: data.excerpt }] : [];
    return data.sub_results.filter(function (sub) {
      return sub.url.indexOf("#") !== -1 && contains(sub.title + " " + sub.excerpt.replace(/<[^>]*>/g, ""), typed);
    }).map(function (sub) { return { kind: resultKind, url: sub.url, title: sub.title, excerpt: sub.excerpt }; });
  }

  function item(entry) {
    var li = element("li", "atlas-search__result");
    li.dataset.kind = entry.kind;
    li.appendChild(element("span", "atlas-search__kind", labels[entry.kind] || entry.kind));
    var title = element("h2", "atlas-search__title"), link = element("a", null, entry.title);
    link.href = entry.url;
    title.appendChild(link);
    li.appendChild(title);
    li.appendChild(excerpt(entry.excerpt));
    return li;
  }

  function kinds() {
    var counts = {};
    found.forEach(function (entry) { counts[entry.kind] = (counts[entry.kind] || 0) + 1; });
    kindsBox.replaceChildren();
    [""].concat(Object.keys(labels)).forEach(function (key) {
      if (key && !counts[key]) return;
      var label = element("label", "atlas-search__kind-choice"), radio = element("input");
      radio.type = "radio"; radio.name = "kind"; radio.value = key; radio.checked = key === kind;
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + (key ? labels[key] : root.dataset.all) + " (" + (key ? counts[key] : found.length) + ")"));
      kindsBox.appendChild(label);
    });
    kindsBox.hidden = !found.length;
  }

  function render() {
    var kept = found.filter(function (entry) { return !kind || entry.kind === kind; });
    list.replaceChildren.apply(list, kept.slice(0, shown).map(item));
    status.textContent = input.value.trim() ? (kept.length ? counted(kept.length) : root.dataset.none) : "";
    more.hidden = kept.length <= shown;
  }

  function writeUrl(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    if (kind) params.set("kind", kind);
    var query = params.toString() ? "?" + params.toString() : window.location.pathname;
    window.history[push ? "pushState" : "replaceState"](null, "", query);
  }

  function search() {
    var term = input.value.trim(), ticket = ++running;
    if (!term) { found = []; shown = PAGE; kinds(); render(); return Promise.resolve(); }
    return pagefind.search(term).then(function (response) {
      return Promise.all(response.results.slice(0, FETCHED).map(function (result) { return result.data(); }));
    }).then(function (datas) {
      if (ticket !== running) return;  // a newer search has started
      var typed = words(term);
      found = [].concat.apply([], datas.map(function (data) { return entries(data, typed); }));
      shown = PAGE;
      kinds();
      render();
      root.classList.add("atlas-search--ready");
    });
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    kind = params.get("kind") || "";
  }

  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { writeUrl(false); search(); }, 250);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); writeUrl(true); search(); });
  kindsBox.addEventListener("change", function (event) { kind = event.target.value; shown = PAGE; writeUrl(true); render(); });
  more.addEventListener("click", function () { shown += PAGE; render(); });
  window.addEventListener("popstate", function () { readUrl(); search(); });

  var bundleUrls = bundles.map(function (bundle) {
    return new URL(bundle, window.location.href);  // from the page: import() would resolve from this script
  });
  var baseUrl = new URL("../", bundleUrls[0]).pathname;  // every bundle's results: pages of the language's root
  import(new URL("pagefind.js", bundleUrls[0]).href).then(function (module) {
    pagefind = module;
    return pagefind.options({ baseUrl: baseUrl });
  }).then(function () {
    return Promise.all(bundleUrls.slice(1).map(function (url) {
      return pagefind.mergeIndex(url.pathname, { baseUrl: baseUrl });
    }));
  }).then(function () {
    readUrl();
    return search();
  }).then(function () { root.classList.add("atlas-search--ready"); });
})();
