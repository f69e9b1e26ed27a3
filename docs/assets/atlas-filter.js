/* The practices index's combinable filter. The page lists 50 practices and links to the other
   pages without JavaScript; this script filters them all (OR within a facet, AND across facets),
   shows counts per option, and keeps the filter state in the URL so that links can be shared and
   the back button works.
   Its data comes in chunks (hooks/atlas/outputs/index.py): data/practices.json first, small;
   then only what the filter in use needs: a facet's values when its group opens or a filter
   uses it, the words that begin like a typed word, the start years, the cards of the results
   shown. A practice is a number there, its rank in the index's order.
   Text from the data is only ever written with textContent. */
(function () {
  "use strict";

  // A number as the page's language writes it ("10 000", "10,000"), as the server does (catalog.plural).
  function written(count) {
    return window.Intl ? new Intl.NumberFormat(document.documentElement.lang, { useGrouping: "always" }).format(count) : String(count);
  }

  // "3 practices", in the page's language and its plural form (the forms: data-count-forms).
  function counted(count) {
    var forms = JSON.parse(document.querySelector("[data-count-forms]").dataset.countForms);
    var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang).select(count) : "other";
    return (forms[form] || forms.other).replace("{count}", written(count));
  }

  var root = document.querySelector("[data-atlas-index]");
  if (!root || !window.fetch || !window.URLSearchParams || !window.Uint8Array) return;
  var form = root.querySelector("form");
  var results = root.querySelector(".atlas-results");
  var countLine = root.querySelector("#atlas-results-count");
  var pageList = results.querySelector("[data-atlas-page]");  // this page's practices and the page links
  var groups = {};  // facet -> its <details>
  root.querySelectorAll("details[data-facet]").forEach(function (details) { groups[details.dataset.facet] = details; });
  var facetIds = Object.keys(groups);
  var siteRoot = root.dataset.root;  // the data's addresses are from the site's root
  var data = null;  // data/practices.json
  var facets = {};  // facet -> {values: [{key, label, lang, ranks}], byKey: {key: value}}, once loaded
  var fetched = {}, values = {};  // address -> the promise of its JSON, and the JSON once there
  var list = null, more = null;  // the filter's results, and its button for the next ones
  var matched = [], shown = 0, total = 0, generation = 0;

  // A chunk's JSON (its address from the site's root), fetched once; `values` keeps what arrived.
  function fetchJson(url) {
    if (!fetched[url]) {
      fetched[url] = fetch(siteRoot + url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      }).then(function (json) {
        values[url] = json;
        return json;
      });
    }
    return fetched[url];
  }

  // [3, 1, 5] -> [3, 4, 9]: the ranks of a list of practices, written as gaps between them.
  function ranks(gaps) {
    var out = new Int32Array(gaps.length), rank = 0;
    for (var i = 0; i < gaps.length; i++) { rank += gaps[i]; out[i] = rank; }
    return out;
  }

  function loadFacet(id) {
    return fetchJson(data.chunks.facets[id]).then(function (values) {
      if (!facets[id]) {
        var byKey = {};
        facets[id] = { values: values.map(function (entry) {
          var value = { key: entry[0], label: entry[1], ranks: ranks(entry[2]), lang: entry[3] };
          byKey[value.key] = value;
          return value;
        }), byKey: byKey };
      }
      return facets[id];
    });
  }

  function wordsUrl(initial) {
    return data.chunks.initials.indexOf(initial) === -1 ? null : data.chunks.words.replace("{initial}", initial);
  }

  function loadWords(initial) {
    var url = wordsUrl(initial);
    return url ? fetchJson(url) : Promise.resolve({});
  }

  function loadCards(number) {
    return fetchJson(data.chunks.cards.replace("{number}", number));
  }

  function normalize(text) {
    return (text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\x00-\x7f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  function typedWords(state) {
    return normalize(state.q).split(" ").filter(Boolean);
  }

  function isEmpty(state) {
    return !typedWords(state).length && !state.from && !state.to && facetIds.every(function (id) { return !state.facets[id].length; });
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
      state.facets[id] = Array.from(groups[id].querySelectorAll("input:checked")).map(function (box) { return box.value; });
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
    facetIds.forEach(function (id) {
      if (state.facets[id].length) groups[id].open = true;  // a shared link shows what it filters by
    });
  }

  // The state's address: the page's, with the filter in its query (the page's links are relative
  // to it: another folder's address would lead them astray).
  function address(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    facetIds.forEach(function (id) { state.facets[id].forEach(function (value) { params.append(id, value); }); });
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // A facet's options, written when its group first opens (or a filter uses it).
  function build(id) {
    return loadFacet(id).then(function (facet) {
      var box = groups[id].querySelector("fieldset");
      if (box.querySelector("input")) return;
      facet.values.forEach(function (value) {
        var label = element("label", "atlas-option"), input = element("input"), name = element("span", null, value.label);
        input.type = "checkbox";
        input.name = id;
        input.value = value.key;
        if (value.lang) name.lang = value.lang;
        label.appendChild(input);
        label.appendChild(name);
        label.appendChild(document.createTextNode(" "));
        value.count = label.appendChild(element("span", "atlas-option__count", String(value.ranks.length)));
        value.count.dataset.count = "";
        box.appendChild(label);
      });
    });
  }

  // Everything `state` needs loaded: its facets (and their options), the words it types, the years.
  function need(state) {
    var waits = facetIds.filter(function (id) { return state.facets[id].length || groups[id].open; }).map(build);
    typedWords(state).forEach(function (word) { waits.push(loadWords(word[0])); });
    if (state.from || state.to) waits.push(fetchJson(data.chunks.years));
    return Promise.all(waits);
  }

  // The practices `state` keeps, as one mark per rank (null: every practice); `skip`: a facet left aside (its counts).
  function selection(state, skip) {
    var chosen = null;
    function keep(marks) {
      if (!chosen) { chosen = marks; return; }
      for (var i = 0; i < chosen.length; i++) chosen[i] &= marks[i];
    }
    function marked(rankLists) {
      var marks = new Uint8Array(data.total);
      rankLists.forEach(function (list) { for (var i = 0; i < list.length; i++) marks[list[i]] = 1; });
      return marks;
    }
    typedWords(state).forEach(function (typed) {
      var chunk = values[wordsUrl(typed[0])] || {};
      keep(marked(Object.keys(chunk).filter(function (word) { return word.indexOf(typed) === 0; }).map(function (word) {
        return ranks(chunk[word]);
      })));
    });
    var from = parseInt(state.from, 10), to = parseInt(state.to, 10);
    if (!isNaN(from) || !isNaN(to)) {
      var years = values[data.chunks.years], marks = new Uint8Array(data.total);
      for (var i = 0; i < years.length; i++) {
        marks[i] = years[i] && (isNaN(from) || years[i] >= from) && (isNaN(to) || years[i] <= to) ? 1 : 0;
      }
      keep(marks);
    }
    facetIds.forEach(function (id) {
      if (id === skip || !state.facets[id].length) return;
      keep(marked(state.facets[id].map(function (key) {
        var value = facets[id].byKey[key];
        return value ? value.ranks : [];
      })));
    });
    return chosen;
  }

  function card(practice) {
    var item = element("li", "atlas-card");
    item.dataset.slug = practice[0];
    var title = element("h2", "atlas-card__title");  // under the page's h1
    var link = element("a", null, practice[1]);
    link.href = siteRoot + data.base + practice[0] + "/";
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(element("p", "atlas-card__place", practice[2]));
    if (practice[3]) item.appendChild(element("p", "atlas-card__summary", practice[3]));
    var chips = element("ul", "atlas-chips");
    practice[4].forEach(function (key) {
      var chip = element("li"), chipLink = element("a", null, data.levers[key]);
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
        items.push({ text: data.ui.suggest_region.replace("{region}", data.regions[region]),
                     state: { q: "", from: "", to: "", facets: Object.assign(emptyFacets(), { region: [region] }) } });
      }
      return items;
    }
    facetIds.forEach(function (id) {
      state.facets[id].forEach(function (value) {
        var chosen = Object.assign({}, state.facets), known = facets[id].byKey[value];
        chosen[id] = chosen[id].filter(function (other) { return other !== value; });
        items.push({ text: data.ui.suggest_remove.replace("{label}", known ? known.label : value),
                     state: Object.assign({}, state, { facets: chosen }) });
      });
    });
    if (state.q) items.push({ text: data.ui.suggest_words.replace("{words}", state.q), state: Object.assign({}, state, { q: "" }) });
    return items;
  }

  function emptyFacets() {
    var chosen = {};
    facetIds.forEach(function (id) { chosen[id] = []; });
    return chosen;
  }

  function suggest(state) {
    var box = root.querySelector(".atlas-suggest") || element("ul", "atlas-suggest");
    countLine.after(box);
    box.replaceChildren.apply(box, suggestions(state).map(function (item) {
      var entry = element("li");
      if (!item.state) { entry.textContent = item.text; return entry; }
      var link = element("a", null, item.text);
      link.href = address(item.state);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        need(item.state).then(function () {
          writeForm(item.state);
          update(true);
        });
      });
      entry.appendChild(link);
      return entry;
    }));
    box.hidden = !box.children.length;
  }

  // The next batch of results as cards, once their slices of cards are loaded.
  function showMore(mine) {
    var batch = matched.slice(shown, shown + data.page_size);
    var slices = Array.from(new Set(batch.map(function (rank) { return Math.floor(rank / data.cards_per_chunk); })));
    return Promise.all(slices.map(loadCards)).then(function (loaded) {
      if (mine !== generation) return;
      var cards = {};
      slices.forEach(function (slice, index) { cards[slice] = loaded[index]; });
      batch.forEach(function (rank) {
        list.appendChild(card(cards[Math.floor(rank / data.cards_per_chunk)][rank % data.cards_per_chunk]));
      });
      shown += batch.length;
      more.hidden = shown >= matched.length;
    });
  }

  function showCounts(state) {
    countLine.textContent = total ? counted(total) : root.dataset.none;
    root.querySelectorAll("[data-live-count]").forEach(function (count) { count.textContent = total; });
    facetIds.forEach(function (id) {
      if (!facets[id] || !groups[id].querySelector("input")) return;
      var others = selection(state, id);
      facets[id].values.forEach(function (value) {
        var count = value.ranks.length;
        if (others) {
          count = 0;
          for (var i = 0; i < value.ranks.length; i++) count += others[value.ranks[i]];
        }
        value.count.textContent = count;
      });
    });
  }

  // The practices `state` keeps: this page's list when there is no filter, else their cards, 50 at a time.
  // The results say they are busy until then (screen readers wait; so do the tests).
  function show(state) {
    var mine = ++generation;
    results.setAttribute("aria-busy", "true");
    return need(state).then(function () {
      if (mine !== generation) return;
      var old = root.querySelector(".atlas-suggest");
      if (old) old.hidden = true;
      if (isEmpty(state)) {
        pageList.hidden = false;
        if (list) list.hidden = more.hidden = true;
        total = data.total;
        showCounts(state);
        return;
      }
      var chosen = selection(state, null);
      matched = [];
      for (var i = 0; i < chosen.length; i++) if (chosen[i]) matched.push(i);
      if (!list) {
        list = element("ul", "atlas-cards");
        more = element("button", "md-button atlas-more", root.dataset.more);
        more.type = "button";
        more.addEventListener("click", function () { showMore(generation); });
        pageList.after(list, more);
      }
      pageList.hidden = true;
      list.hidden = false;
      list.replaceChildren();
      shown = 0;
      total = matched.length;
      showCounts(state);
      if (!matched.length) {
        more.hidden = true;
        suggest(state);
        return;
      }
      return showMore(mine);
    }).finally(function () {
      if (mine === generation) results.removeAttribute("aria-busy");
    });
  }

  // A state from an address or a suggestion: its facets' options written, the form set, the results shown.
  function apply(state) {
    return need(state).then(function () {
      writeForm(state);
      return show(state);
    });
  }

  var typing = null;
  function update(push) {
    if (!data) return;  // the data is on its way: the form is read when it arrives
    var state = readForm(), target = address(state);
    if (target !== window.location.pathname + window.location.search) {
      window.history[push ? "pushState" : "replaceState"](null, "", target);
    }
    return show(state);
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
  facetIds.forEach(function (id) {
    groups[id].addEventListener("toggle", function () {
      if (!groups[id].open || !data) return;
      var state = readForm();
      need(state).then(function () { showCounts(state); });  // its options, with their counts under the other filters
    });
  });
  window.addEventListener("popstate", function () {
    if (data) apply(readUrl());
  });

  fetch(root.dataset.dataUrl).then(function (response) { return response.json(); }).then(function (json) {
    data = json;
    return apply(window.location.search ? readUrl() : readForm());  // what the reader chose while it loaded
  }).then(function () {
    root.classList.add("atlas-index--ready");
  });
})();
