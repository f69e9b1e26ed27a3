/* Filters a list that the page shows whole without JavaScript (the actors' index): each item
   carries its values in data attributes (data-type, data-city, data-theme: space-separated
   keys); each select of the form keeps the items whose attribute holds its value. The state
   lives in the page's address, so a filtered view is a link to share and Back works. */
(function () {
  "use strict";

  // "3 practices", in the page's language and its plural form (the forms: data-count-forms).
  function counted(count) {
    var forms = JSON.parse(document.querySelector("[data-count-forms]").dataset.countForms);
    var form = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang).select(count) : "other";
    return (forms[form] || forms.other).replace("{count}", count);
  }

  var root = document.querySelector("[data-atlas-list]");
  if (!root || !window.URLSearchParams) return;
  var form = root.querySelector("form");
  var countLine = root.querySelector("[role=status]");
  var items = Array.from(root.querySelectorAll("li[data-slug]"));
  var selects = Array.from(form.querySelectorAll("select"));

  function render() {
    var shown = 0;
    items.forEach(function (item) {
      var keep = selects.every(function (select) {
        return !select.value || (item.dataset[select.name] || "").split(" ").indexOf(select.value) !== -1;
      });
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    root.querySelectorAll(".atlas-list__group").forEach(function (group) {
      group.hidden = !group.querySelector("li[data-slug]:not([hidden])");
    });
    countLine.textContent = shown ? counted(shown) : root.dataset.none;
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

  form.addEventListener("change", function () { writeUrl(); render(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); writeUrl(); render(); });
  form.addEventListener("reset", function () { setTimeout(function () { writeUrl(); render(); }, 0); });
  window.addEventListener("popstate", function () { readUrl(); render(); });

  readUrl();
  render();
  root.classList.add("atlas-list--ready");
})();
