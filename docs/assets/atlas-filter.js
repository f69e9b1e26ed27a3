/* The practices index's combinable filter. The page lists every practice without
   JavaScript; this script reads the per-language data file generated at build time,
   filters (OR within a facet, AND across facets), shows counts per option, and keeps
   the filter state in the URL so that links can be shared and the back button works.
   Text from the data is only ever written with textContent. */
(function () {
  "use strict";

  // "3 practices", in the page's language and its plural form (the forms: data-count-forms).
  function counted(count) {
    var forms = JSON.parse(document.querySelector("[data-count-forms]").dataset.countForms);
    var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang).select(count) : "other";
    return (forms[form] || forms.other).replace("{count}", count);
  }

  var root = document.querySelector("[data-atlas-index]");
  if (!root || !window.fetch || !window.URLSearchParams) return;
  var form = root.querySelector("form");
  var results = root.querySelector(".atlas-results");
  var countLine = root.querySelector("#atlas-results-count");
  var list = results.querySelector(".atlas-cards");  // the page's compact list, replaced by cards
  var facetIds = Array.from(new Set(Array.from(form.querySelectorAll("input[type=checkbox]")).map(function (box) { return box.name; })));
  var data = null;
  var siteRoot = root.dataset.root;  // the data's addresses are from the site's root

  function normalize(text) {
    return (text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\x00-\x7f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get("q") || "", from: params.get("from") || "", to: params.get("to") || "", facets: {} };
    facetIds.forEach(function (id) { state.facets[id] = params.getAll(id); });
    return state;
  }

  function readForm() {
    var state = { q: form.elements.q.value.trim(), from: form.elements.from ? form.elements.from.value : "",
                  to: form.elements.to ? form.elements.to.value : "", facets: {} };
    facetIds.forEach(function (id) {
      state.facets[id] = Array.from(form.querySelectorAll("input[name='" + id + "']:checked")).map(function (box) { return box.value; });
    });
    return state;
  }

  function writeForm(state) {
    form.elements.q.value = state.q;
    if (form.elements.from) form.elements.from.value = state.from;
    if (form.elements.to) form.elements.to.value = state.to;
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = (state.facets[box.name] || []).indexOf(box.value) !== -1;
    });
    form.querySelectorAll("details").forEach(function (details) {
      if (details.querySelector("input:checked")) details.open = true;  // a shared link shows what it filters by
    });
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    facetIds.forEach(function (id) { state.facets[id].forEach(function (value) { params.append(id, value); }); });
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    var query = params.toString();
    return query ? "?" + query : window.location.pathname;
  }

  function searchText(practice) {
    // Words of the title, summary and places (their countries' names in the reader's language),
    // lower-case, without accents or punctuation ("l’eau" -> "l eau").
    if (practice.text === undefined) {
      practice.text = " " + normalize([practice.title, practice.summary].concat(practice.places).join(" "));
    }
    return practice.text;
  }

  function matches(practice, state, skipFacet) {
    var words = normalize(state.q).split(" ").filter(Boolean);
    for (var w = 0; w < words.length; w++) {
      if (searchText(practice).indexOf(" " + words[w]) === -1) return false;
    }
    var from = parseInt(state.from, 10), to = parseInt(state.to, 10);
    if ((!isNaN(from) || !isNaN(to)) && !practice.year) return false;
    if (!isNaN(from) && practice.year < from) return false;
    if (!isNaN(to) && practice.year > to) return false;
    for (var f = 0; f < facetIds.length; f++) {
      var id = facetIds[f], wanted = state.facets[id];
      if (id === skipFacet || !wanted.length) continue;
      var keys = practice.keys[id] || [];
      if (!wanted.some(function (value) { return keys.indexOf(value) !== -1; })) return false;
    }
    return true;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function card(practice) {
    var item = element("li", "atlas-card");
    item.dataset.slug = practice.slug;
    var title = element("h2", "atlas-card__title");  // under the page's h1
    var link = element("a", null, practice.title);
    link.href = siteRoot + data.base + practice.slug + "/";
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(element("p", "atlas-card__place", practice.places.join(", ")));
    if (practice.summary) item.appendChild(element("p", "atlas-card__summary", practice.summary));
    var chips = element("ul", "atlas-chips");
    practice.keys.lever.forEach(function (key) {
      var chip = element("li"), chipLink = element("a", null, data.labels.lever[key]);
      chipLink.href = siteRoot + data.folders.lever + key + "/";
      chip.appendChild(chipLink);
      chips.appendChild(chip);
    });
    item.appendChild(chips);
    return item;
  }

  // Where to look instead when nothing matches: a country without practices leads to its region;
  // otherwise each active filter, and the words, can be taken away.
  function suggestions(state) {
    var items = [], words = normalize(state.q);
    var country = Object.keys(data.countries).find(function (code) { return normalize(data.countries[code]) === words; });
    if (country) {
      items.push({ text: data.ui.suggest_country.replace("{country}", data.countries[country]) });
      var region = data.region_of[country];
      if (region) {
        items.push({ text: data.ui.suggest_region.replace("{region}", data.labels.region[region]),
                     state: { q: "", from: "", to: "", facets: Object.assign(emptyFacets(), { region: [region] }) } });
      }
      return items;
    }
    facetIds.forEach(function (id) {
      state.facets[id].forEach(function (value) {
        var facets = Object.assign({}, state.facets);
        facets[id] = facets[id].filter(function (other) { return other !== value; });
        items.push({ text: data.ui.suggest_remove.replace("{label}", data.labels[id][value] || value),
                     state: Object.assign({}, state, { facets: facets }) });
      });
    });
    if (state.q) items.push({ text: data.ui.suggest_words.replace("{words}", state.q), state: Object.assign({}, state, { q: "" }) });
    return items;
  }

  function emptyFacets() {
    var facets = {};
    facetIds.forEach(function (id) { facets[id] = []; });
    return facets;
  }

  function suggest(state) {
    var box = root.querySelector(".atlas-suggest") || element("ul", "atlas-suggest");
    countLine.after(box);
    box.replaceChildren.apply(box, suggestions(state).map(function (item) {
      var entry = element("li");
      if (!item.state) { entry.textContent = item.text; return entry; }
      var link = element("a", null, item.text);
      link.href = toQuery(item.state);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        writeForm(item.state);
        update(true);
      });
      entry.appendChild(link);
      return entry;
    }));
    box.hidden = !box.children.length;
  }

  function render(state) {
    var shown = data.practices.filter(function (practice) { return matches(practice, state, null); });
    list.replaceChildren.apply(list, shown.map(card));
    list.classList.remove("atlas-cards--compact");
    countLine.textContent = shown.length ? counted(shown.length) : root.dataset.none;
    root.querySelectorAll("[data-live-count]").forEach(function (count) { count.textContent = shown.length; });
    if (shown.length) {
      var old = root.querySelector(".atlas-suggest");
      if (old) old.hidden = true;
    } else {
      suggest(state);
    }
    facetIds.forEach(function (id) {
      var counts = {};
      data.practices.forEach(function (practice) {
        if (!matches(practice, state, id)) return;
        (practice.keys[id] || []).forEach(function (key) { counts[key] = (counts[key] || 0) + 1; });
      });
      form.querySelectorAll("input[name='" + id + "']").forEach(function (box) {
        box.closest("label").querySelector("[data-count]").textContent = counts[box.value] || 0;
      });
    });
  }

  var typing = null;
  function update(push) {
    if (!data) return;  // the data is on its way: render() reads the form when it arrives
    var state = readForm(), query = toQuery(state);
    if (query !== window.location.search && !(query === window.location.pathname && !window.location.search)) {
      window.history[push ? "pushState" : "replaceState"](null, "", query);
    }
    render(state);
  }

  form.addEventListener("change", function (event) {
    if (event.target.name !== "q") update(true);
  });
  form.addEventListener("input", function (event) {
    if (event.target.name !== "q") return;
    clearTimeout(typing);
    typing = setTimeout(function () { update(false); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update(true);
    results.focus();  // the results, for keyboard and screen reader users who asked for them
  });
  form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
  window.addEventListener("popstate", function () {
    var state = readUrl();
    writeForm(state);
    render(state);
  });

  fetch(root.dataset.dataUrl).then(function (response) { return response.json(); }).then(function (json) {
    data = json;
    var state = window.location.search ? readUrl() : readForm();  // what the reader chose while it loaded
    writeForm(state);
    render(state);
    root.classList.add("atlas-index--ready");
  });
})();
