/* The actors' index's filter. The page lists 50 actors by helix and links to the other pages
   without JavaScript; this script filters every actor by type, city and theme (each select keeps
   the actors that have its value). It fetches the actors' data (hooks/atlas/outputs/actors.py,
   filter_data) once a filter is chosen, and shows the matching actors 50 at a time. The state
   lives in the page's address, so a filtered view is a link to share and Back works.
   Text from the data is only ever written with textContent. */
(function () {
  "use strict";

  var root = document.querySelector("[data-atlas-list]");
  if (!root || !window.fetch || !window.URLSearchParams) return;
  var form = root.querySelector("form");
  var countLine = root.querySelector("[role=status]");
  var pageList = root.querySelector("[data-atlas-page]");  // this page's actors and the page links
  var selects = Array.from(form.querySelectorAll("select"));
  var everyone = countLine.textContent;  // the count of every actor, as the page states it
  var data = null, loading = null;  // data/actors.json, and the promise of it
  var results = null, more = null;  // the filter's results, and its button for the next ones
  var matched = [], shown = 0, generation = 0;

  // A number as the page's language writes it ("10 000", "10,000"), as the server does (catalog.plural).
  function written(count) {
    return window.Intl ? new Intl.NumberFormat(document.documentElement.lang, { useGrouping: "always" }).format(count) : String(count);
  }

  // "3 actors", in the page's language and its plural form (forms: a data-*-forms attribute).
  function counted(forms, count) {
    var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang).select(count) : "other";
    return (forms[form] || forms.other).replace("{count}", written(count));
  }
  var actorForms = JSON.parse(root.dataset.countForms), practiceForms = JSON.parse(root.dataset.practicesForms);

  function load() {
    if (!loading) {
      loading = fetch(root.dataset.dataUrl).then(function (response) {
        if (!response.ok) throw new Error(root.dataset.dataUrl + ": " + response.status);
        return response.json();
      }).then(function (json) { data = json; });
    }
    return loading;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A label of the data: its text, or [its text, its language] when it is shown in another language.
  function labelled(node, label) {
    if (Array.isArray(label)) {
      node.textContent = label[0];
      node.lang = label[1];
    } else {
      node.textContent = label;
    }
    return node;
  }

  function link(folder, key, label) {
    var anchor = labelled(element("a"), label);
    anchor.href = root.dataset.root + folder + key + "/";
    return anchor;
  }

  // An actor's card, as the page writes it: [key, name, type, cities, themes, count of practices].
  function card(actor) {
    var item = element("li", "atlas-card");
    item.dataset.slug = actor[0];
    item.appendChild(element("h3", "atlas-card__title")).appendChild(link(data.folders.actor, actor[0], actor[1]));
    if (actor[3].length) {
      var place = item.appendChild(element("p", "atlas-card__place"));
      actor[3].forEach(function (key, index) {
        var city = data.cities[key];
        if (index) place.append(", ");
        place.append(link(data.folders.city, key, city[0]), " (", link(data.folders.country, city[1], data.countries[city[1]]), ")");
      });
    }
    item.appendChild(element("p", "atlas-card__summary", counted(practiceForms, actor[5])));
    return item;
  }

  function chosen() {
    var state = {};
    selects.forEach(function (select) { state[select.name] = select.value; });
    return state;
  }

  function keeps(state, actor) {
    return (!state.type || actor[2] === state.type)
      && (!state.city || actor[3].indexOf(state.city) !== -1)
      && (!state.theme || actor[4].indexOf(state.theme) !== -1);
  }

  // The next matching actors, under their helix's heading (a batch may go on with the last one).
  function showMore() {
    var last = results.lastElementChild, list = last && last.querySelector("ul");
    matched.slice(shown, shown + data.page_size).forEach(function (actor) {
      if (!last || last.dataset.type !== actor[2]) {
        last = results.appendChild(element("section", "atlas-list__group"));
        last.dataset.type = actor[2];
        last.appendChild(labelled(element("h2"), data.types[actor[2]]));
        list = last.appendChild(element("ul", "atlas-cards"));
      }
      list.appendChild(card(actor));
    });
    shown = Math.min(shown + data.page_size, matched.length);
    more.hidden = shown >= matched.length;
  }

  // This page's actors when no filter is chosen; else every matching actor, 50 at a time. The
  // list says it is busy until then (screen readers wait; so do the tests).
  function show() {
    var mine = ++generation, state = chosen();
    if (!selects.some(function (select) { return select.value; })) {
      pageList.hidden = false;
      if (results) results.hidden = more.hidden = true;
      countLine.textContent = everyone;
      return Promise.resolve();
    }
    root.setAttribute("aria-busy", "true");
    return load().then(function () {
      if (mine !== generation) return;
      matched = data.actors.filter(function (actor) { return keeps(state, actor); });
      if (!results) {
        results = element("div", "atlas-list__results");
        more = element("button", "md-button atlas-more", root.dataset.more);
        more.type = "button";
        more.addEventListener("click", showMore);
        pageList.after(results, more);
      }
      pageList.hidden = true;
      results.hidden = false;
      results.replaceChildren();
      shown = 0;
      countLine.textContent = matched.length ? counted(actorForms, matched.length) : root.dataset.none;
      showMore();
    }).finally(function () {
      if (mine === generation) root.removeAttribute("aria-busy");
    });
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      select.value = Array.from(select.options).some(function (option) { return option.value === wanted; }) ? wanted : "";
    });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    var query = params.toString();
    window.history.pushState(null, "", query ? "?" + query : window.location.pathname);
  }

  form.addEventListener("change", function () { writeUrl(); show(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); writeUrl(); show(); });
  form.addEventListener("reset", function () { setTimeout(function () { writeUrl(); show(); }, 0); });
  window.addEventListener("popstate", function () { readUrl(); show(); });

  readUrl();
  show().then(function () { root.classList.add("atlas-list--ready"); });
})();
