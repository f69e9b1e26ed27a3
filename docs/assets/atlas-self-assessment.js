/* The self-assessment's plan, made in the reader's browser. The rules, the levers, the steps and
   the practices that may illustrate each lever are in the page (hooks/atlas/records/
   self_assessment.py); the answers are kept in the page's address (its fragment, which never
   leaves the browser), so that a link reopens them. Nothing is sent, nothing is stored. The
   rules are applied as the page writes them out ("How the plan is made"). Text from the data is
   only ever written with textContent. */
(function () {
  "use strict";

  var root = document.querySelector("[data-atlas-assessment]");
  if (!root || !window.URLSearchParams) return;
  var data = JSON.parse(document.getElementById("atlas-sa-data").textContent);
  var ui = JSON.parse(document.getElementById("atlas-sa-ui").textContent);
  var form = document.getElementById("atlas-sa-form");
  var plan = document.getElementById("atlas-plan");
  var siteRoot = root.dataset.root;
  var levers = {};
  data.levers.forEach(function (lever) { levers[lever.key] = lever; });
  var CONTEXT = ["themes", "project", "actors"];

  function part(name) { return plan.querySelector("[data-sa-" + name + "]"); }

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? values[key] : whole; });
  }

  // An element with attributes and children (strings become text nodes).
  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      if (child !== null) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function link(label, url, lang) {
    var attributes = { href: siteRoot + "/" + url };
    if (lang && lang !== data.lang) attributes.lang = lang;
    return element("a", attributes, [label]);
  }

  function joined(nodes, separator) {
    var out = [];
    nodes.forEach(function (node, index) { if (index) out.push(separator); out.push(node); });
    return out;
  }

  // -- The answers: the form, the address ------------------------------------------------------

  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"), function (box) { return box.value; });
  }

  function readForm() {
    var state = { answers: {}, themes: checked("themes"), project: checked("project")[0] || "", actors: checked("actors") };
    data.levers.forEach(function (lever) {
      var answer = checked(lever.key)[0];
      if (answer) state.answers[lever.key] = answer;
    });
    return state;
  }

  function fragment(state) {
    var params = new URLSearchParams();
    data.levers.forEach(function (lever) { if (state.answers[lever.key]) params.set(lever.key, state.answers[lever.key]); });
    if (state.themes.length) params.set("themes", state.themes.join(","));
    if (state.project) params.set("project", state.project);
    if (state.actors.length) params.set("actors", state.actors.join(","));
    var text = params.toString();
    return text ? "#" + text : "";
  }

  // The address's answers ticked in the form; what the form does not offer is ignored.
  function applyFragment(hash) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.type !== "radio" && input.type !== "checkbox") return;
      var value = params.get(input.name) || "";
      var wanted = input.type === "checkbox" ? value.split(",") : [value];
      input.checked = wanted.indexOf(input.value) >= 0;
    });
  }

  function holdsAnswers(hash) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    return data.levers.some(function (lever) { return params.has(lever.key); }) ||
      CONTEXT.some(function (name) { return params.has(name); });
  }

  function keepInAddress(state) {
    history.replaceState(history.state, "", location.pathname + location.search + fragment(state));
  }

  // -- The rules -------------------------------------------------------------------------------

  function open(state, key) { return state.answers[key] !== "established"; }

  function inThemes(state, key) {
    return levers[key].practices.some(function (slug) {
      return data.practices[slug].themes.some(function (theme) { return state.themes.indexOf(theme) >= 0; });
    });
  }

  // Whether `rule` picks the lever `key`, as the page explains the rule's kind.
  function picks(rule, key, state) {
    var answer = state.answers[key];
    switch (rule.kind) {
      case "prerequisite":
        return rule.levers.indexOf(key) >= 0 && open(state, key) && rule.before.some(function (other) { return open(state, other); });
      case "follow-up":
        return rule.lever === key && open(state, key) &&
          rule.after.some(function (other) { return state.answers[other] === "started" || state.answers[other] === "established"; });
      case "project-step":
        return rule.lever === key && open(state, key) && rule.steps.indexOf(state.project) >= 0;
      case "first-group":
        return levers[key].group === rule.group && answer === "not-yet";
      case "themes":
        return open(state, key) && inThemes(state, key);
      case "guide-order":
        return open(state, key);
    }
    return false;
  }

  // The levers to start with: each with the first rule that picked it, in the rules' order, ties
  // in the guide's; the guide-order rule only completes the plan up to its minimum.
  function suggestions(state) {
    var picked = [], taken = {};
    function take(rule, index, limit) {
      data.levers.forEach(function (lever) {
        if (picked.length < limit && !taken[lever.key] && picks(rule, lever.key, state)) {
          taken[lever.key] = true;
          picked.push({ key: lever.key, rule: index });
        }
      });
    }
    data.rules.forEach(function (rule, index) { if (rule.kind !== "guide-order") take(rule, index, Infinity); });
    data.rules.forEach(function (rule, index) { if (rule.kind === "guide-order") take(rule, index, data.plan.min_levers); });
    return picked.slice(0, data.plan.max_levers);
  }

  // The practices shown for a lever: in the reader's themes first (the more the better), then in the page's order.
  function examples(key, state) {
    return levers[key].practices.map(function (slug, rank) {
      var shared = data.practices[slug].themes.filter(function (theme) { return state.themes.indexOf(theme) >= 0; }).length;
      return { slug: slug, rank: rank, shared: shared };
    }).sort(function (a, b) { return b.shared - a.shared || a.rank - b.rank; })
      .slice(0, data.plan.practices).map(function (item) { return item.slug; });
  }

  // -- The plan --------------------------------------------------------------------------------

  function ruleNode(index) {
    var rule = data.rules[index];
    var written = document.getElementById("atlas-rule-" + rule.key);
    var why = written.querySelector(".atlas-snippet").cloneNode(true);  // the page's own rendering of the rule
    var source = written.querySelector(".atlas-source").cloneNode(true);
    var reference = element("a", { href: "#atlas-rule-" + rule.key }, [format(ui.sa_rule, { number: index + 1 })]);
    return element("div", { "class": "atlas-sa-why" }, [element("p", {}, [element("strong", {}, [ui.sa_why]), " (", reference, ")"]), why, source]);
  }

  function suggestionNode(item, state) {
    var lever = levers[item.key];
    var slugs = examples(item.key, state);
    var children = [element("h4", {}, [link(lever.label, lever.url)]), ruleNode(item.rule)];
    if (slugs.length) {
      children.push(element("p", {}, [ui.sa_examples]));
      children.push(element("ul", {}, slugs.map(function (slug) {
        var practice = data.practices[slug];
        return element("li", {}, [link(practice.title, practice.url, practice.titleLang), " (" + practice.place + ")"]);
      })));
      var types = Object.keys(data.actorTypes).filter(function (type) {
        return slugs.some(function (slug) { return data.practices[slug].actorTypes.indexOf(type) >= 0; });
      });
      children.push(element("p", {}, [ui.sa_actors + " "].concat(joined(types.map(function (type) {
        var isNew = state.actors.indexOf(type) < 0;
        return element("span", {}, [link(data.actorTypes[type].label, data.actorTypes[type].url), isNew ? " " + ui.sa_new_partner : ""]);
      }), ", "))));
      var profiles = {}, seen = [];
      slugs.forEach(function (slug) {
        data.practices[slug].profiles.forEach(function (profile) {
          if (!profiles[profile.url]) { profiles[profile.url] = true; seen.push(profile); }
        });
      });
      if (seen.length) {
        children.push(element("p", {}, [ui.sa_profiles + " "].concat(joined(seen.map(function (profile) { return link(profile.name, profile.url); }), ", "))));
      }
    } else {
      children.push(element("p", {}, [ui.sa_no_examples]));
    }
    return element("li", { "data-lever": item.key }, children);
  }

  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Where the city hall stands in each group: a bar per group, a segment per answer; the table
  // beside it is the text equivalent (and the legend's labels).
  function drawPicture(counts) {
    var picture = part("picture"), table = part("table");
    while (picture.firstChild) picture.removeChild(picture.firstChild);
    var labels = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent; });
    var left = 210, width = 420, row = 44;
    data.answers.forEach(function (answer, index) {
      var x = left + index * 140;
      picture.appendChild(svg("rect", { x: x, y: 6, width: 16, height: 16, "class": "atlas-sa-bar atlas-sa-bar--" + answer }));
      picture.appendChild(svg("text", { x: x + 22, y: 19 }, labels[index + 1]));
    });
    data.groups.forEach(function (group, index) {
      var y = 40 + index * row, tableRow = table.querySelector("tr[data-group='" + group + "']");
      var total = data.answers.reduce(function (sum, answer) { return sum + counts[group][answer]; }, 0);
      picture.appendChild(svg("text", { x: 0, y: y + 20 }, tableRow.cells[0].textContent));
      var x = left;
      data.answers.slice().reverse().forEach(function (answer) {
        var count = counts[group][answer], size = total ? width * count / total : 0;
        tableRow.querySelector("[data-answer='" + answer + "']").textContent = count;
        if (!count) return;
        picture.appendChild(svg("rect", { x: x, y: y, width: size, height: 28, "class": "atlas-sa-bar atlas-sa-bar--" + answer }));
        picture.appendChild(svg("text", { x: x + size / 2, y: y + 19, "text-anchor": "middle", "class": "atlas-sa-bar-count atlas-sa-bar-count--" + answer }, String(count)));
        x += size;
      });
    });
  }

  function strengthsNode(state) {
    function list(answer) {
      return data.levers.filter(function (lever) { return state.answers[lever.key] === answer; });
    }
    var established = list("established"), started = list("started"), out = [];
    if (established.length) {
      out.push(element("ul", {}, established.map(function (lever) { return element("li", {}, [link(lever.label, lever.url)]); })));
    } else {
      out.push(element("p", {}, [ui.sa_strengths_none]));
    }
    if (started.length) {
      out.push(element("p", {}, [ui.sa_started + " "].concat(joined(started.map(function (lever) { return link(lever.label, lever.url); }), ", "))));
    }
    return out;
  }

  function showSteps(state) {
    var index = -1;
    data.steps.forEach(function (step, position) { if (step.key === state.project) index = position; });
    part("steps-intro").textContent = index < 0 ? ui.sa_steps_start : format(ui.sa_steps_from, { number: index + 1 });
    var from = Math.max(index, 0), list = part("steps");
    list.setAttribute("start", from + 1);
    replace(list, data.steps.slice(from, from + 3).map(function (step, offset) {
      var attributes = offset === 0 && index >= 0 ? { "aria-current": "step" } : {};
      return element("li", attributes, [link(step.label, step.url)]);
    }));
  }

  function showAnswers() {
    var items = [];
    Array.prototype.forEach.call(form.querySelectorAll("fieldset"), function (fieldset) {
      var chosen = Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (input) {
        return input.parentNode.textContent.trim();
      });
      items.push(element("dt", {}, [fieldset.querySelector("legend").textContent.trim()]));
      items.push(element("dd", {}, [chosen.length ? chosen.join(", ") : ui.sa_no_answer]));
    });
    replace(part("answers"), items);
  }

  function replace(node, children) {
    while (node.firstChild) node.removeChild(node.firstChild);
    children.forEach(function (child) { node.appendChild(child); });
  }

  function update(state) {
    var answered = data.levers.filter(function (lever) { return state.answers[lever.key]; }).length;
    var complete = answered === data.levers.length;
    part("waiting").hidden = complete;
    part("waiting").textContent = format(ui.sa_waiting, { answered: answered, total: data.levers.length });
    part("result").hidden = !complete;
    root.classList.toggle("atlas-sa--planned", complete);
    part("date").textContent = format(ui.sa_printed_on, {
      date: new Intl.DateTimeFormat(data.lang, { dateStyle: "long" }).format(new Date())
    });
    limitThemes(state);
    if (!complete) return;
    var counts = {};
    data.groups.forEach(function (group) { counts[group] = { "not-yet": 0, started: 0, established: 0 }; });
    data.levers.forEach(function (lever) { counts[lever.group][state.answers[lever.key]] += 1; });
    drawPicture(counts);
    replace(part("strengths"), strengthsNode(state));
    replace(part("suggested"), suggestions(state).map(function (item) { return suggestionNode(item, state); }));
    showSteps(state);
    showAnswers();
  }

  // No more themes than the questionnaire allows: the others wait, still reachable by keyboard.
  function limitThemes(state) {
    if (!data.maxThemes) return;
    Array.prototype.forEach.call(form.querySelectorAll("input[name='themes']"), function (box) {
      box.disabled = !box.checked && state.themes.length >= data.maxThemes;
    });
  }

  function changed() {
    var state = readForm();
    keepInAddress(state);
    update(state);
  }

  form.addEventListener("change", changed);
  form.addEventListener("reset", function () { setTimeout(changed, 0); });
  root.querySelector("[data-sa-print]").addEventListener("click", function () { window.print(); });
  root.querySelector("[data-sa-copy]").addEventListener("click", function () {
    var status = root.querySelector("[data-sa-status]");
    function said(text) { status.textContent = text; }
    if (navigator.clipboard) {
      navigator.clipboard.writeText(location.href).then(function () { said(ui.sa_copied); }, function () { said(ui.sa_copy_failed); });
    } else {
      said(ui.sa_copy_failed);
    }
  });
  // A link within the page (to the plan, to a rule) moves there; the address keeps the answers.
  addEventListener("hashchange", function () {
    if (holdsAnswers(location.hash)) {
      applyFragment(location.hash);
      update(readForm());
    } else {
      keepInAddress(readForm());
    }
  });

  applyFragment(location.hash);
  var state = readForm();
  update(state);
  if (data.levers.every(function (lever) { return state.answers[lever.key]; })) {
    plan.scrollIntoView();  // a shared link opens on its plan
  }
})();
