/* The search page: the language's Pagefind bundle (a large atlas: several, merged), searched in
   the browser (nothing a reader types leaves it). Each result says what it is — a practice, a
   lever, a step of the method, a term of the glossary, a recommendation, a city, an actor — and
   the reader can keep one kind.
   Pagefind also finds words that only begin like the one typed ("mal" for "Mali"): a result is
   kept only if its text has a word that the typed word begins (or, for a plural or a feminine,
   nearly is). Only the results shown are fetched, 20 at a time, so a common word costs what a
   rare one does: when Pagefind finds more than EXACT_UP_TO pages, the count is Pagefind's, said
   as an estimate ("About 700 results"), and a kind chosen is Pagefind's filter; otherwise every
   result is checked and the counts are exact. The words and the kind are kept in the address,
   so a search is a link to share. */
(function () {
  "use strict";
  var root = document.querySelector("[data-atlas-search]");
  if (!root || !window.URLSearchParams) return;
  var form = root.querySelector("form"), input = form.elements.q, status = root.querySelector("[role=status]");
  var kindsBox = root.querySelector(".atlas-search__kinds"), list = root.querySelector(".atlas-search__results");
  var more = root.querySelector(".atlas-search__more");
  var labels = JSON.parse(root.dataset.kinds), forms = JSON.parse(root.dataset.countForms);
  var aboutForms = JSON.parse(root.dataset.aboutForms);
  var bundles = JSON.parse(root.dataset.bundles), PAGE = 20, EXACT_UP_TO = 40;
  var pagefind = null, kind = "", running = 0, typed = [];
  var results = [], examined = 0, found = [], shown = 0;  // Pagefind's results, how many were checked, the entries kept
  var exact = true, estimate = null;  // whether every result is checked; else Pagefind's search without a kind

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

  // A number as the page's language writes it ("10 000", "10,000"), as the server does (catalog.plural).
  function written(count) {
    return window.Intl ? new Intl.NumberFormat(document.documentElement.lang, { useGrouping: "always" }).format(count) : String(count);
  }

  function counted(count, plurals) {
    var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang).select(count) : "other";
    plurals = plurals || forms;
    return (plurals[form] || plurals.other).replace("{count}", written(count));
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

  // The kinds of the results, each with its count (Pagefind's, marked "≈", when not every result is checked).
  function kinds() {
    var counts = {}, all = found.length;
    if (exact) {
      found.forEach(function (entry) { counts[entry.kind] = (counts[entry.kind] || 0) + 1; });
    } else {
      counts = estimate.totalFilters.kind || {};
      all = estimate.unfilteredResultCount;
    }
    kindsBox.replaceChildren();
    [""].concat(Object.keys(labels)).forEach(function (key) {
      if (key && !counts[key]) return;
      var label = element("label", "atlas-search__kind-choice"), radio = element("input");
      radio.type = "radio"; radio.name = "kind"; radio.value = key; radio.checked = key === kind;
      label.appendChild(radio);
      var count = (exact ? "" : "\u2248") + written(key ? counts[key] : all);
      label.appendChild(document.createTextNode(" " + (key ? labels[key] : root.dataset.all) + " (" + count + ")"));
      kindsBox.appendChild(label);
    });
    kindsBox.hidden = !all;
  }

  function kept() {
    return exact ? found.filter(function (entry) { return !kind || entry.kind === kind; }) : found;
  }

  function render() {
    var entries = kept(), left = examined < results.length;
    list.replaceChildren.apply(list, entries.slice(0, shown).map(item));
    if (!input.value.trim()) status.textContent = "";
    else if (exact || !left) status.textContent = entries.length ? counted(entries.length) : root.dataset.none;
    else status.textContent = counted(kind ? (estimate.totalFilters.kind || {})[kind] || 0 : estimate.unfilteredResultCount, aboutForms);
    more.hidden = entries.length <= shown && !left;
  }

  // Check Pagefind's next results, PAGE at a time, until `wanted` entries are kept or none is left.
  function examine(ticket, wanted) {
    if (kept().length >= wanted || examined >= results.length) return Promise.resolve(ticket === running);
    var batch = results.slice(examined, examined + PAGE);
    examined += batch.length;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (datas) {
      if (ticket !== running) return false;  // a newer search has started
      datas.forEach(function (data) { found.push.apply(found, entries(data, typed)); });
      return examine(ticket, wanted);
    });
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
    results = []; examined = 0; found = []; shown = PAGE; exact = true;
    if (!term) { kinds(); render(); return Promise.resolve(); }
    typed = words(term);
    // Any kind: Pagefind counts the results of each kind only for a search that names a filter.
    return pagefind.search(term, { filters: { kind: { any: Object.keys(labels) } } }).then(function (response) {
      exact = response.results.length <= EXACT_UP_TO;
      estimate = response;
      return exact || !kind ? response : pagefind.search(term, { filters: { kind: kind } });
    }).then(function (response) {
      if (ticket !== running) return;
      results = response.results;
      return examine(ticket, exact ? Infinity : shown);
    }).then(function (current) {
      if (!current) return;
      settle();
      root.classList.add("atlas-search--ready");
    });
  }

  // Every result checked (of any kind): the counts are exact from now on.
  function settle() {
    if (!exact && !kind && examined >= results.length) exact = true;
    kinds();
    render();
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
  kindsBox.addEventListener("change", function (event) {
    kind = event.target.value;
    writeUrl(true);
    if (exact) { shown = PAGE; render(); } else { search(); }  // an estimate's kind: Pagefind's filter
  });
  more.addEventListener("click", function () {
    shown += PAGE;
    var ticket = running;
    examine(ticket, shown).then(function (current) { if (current) settle(); });
  });
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
