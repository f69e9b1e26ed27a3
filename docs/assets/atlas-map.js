/* Draws the atlas's practices on a Folium/Leaflet map (see hooks/atlas/outputs/maps.py).
   Markers come from data — the practice records inline, the world map's data file, or, in
   the one frame of every practice page (maps/practice.html#<slug>), that practice's page —
   never one Folium marker per practice. Popups are built with textContent; their links open
   in the top window, not in the map's frame. */
var atlasMap = (function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var summaries = {};

  function pageSummary(href, target) {
    // The world map's data leaves summaries on the practice pages: read the page's description.
    if (!summaries[href]) {
      summaries[href] = fetch(href).then(function (response) { return response.text(); }).then(function (html) {
        var meta = new DOMParser().parseFromString(html, "text/html").querySelector('meta[name="description"]');
        return meta ? meta.getAttribute("content") : "";
      });
    }
    summaries[href].then(function (text) { target.textContent = text; });
  }

  function popup(practice, placeIndex, href) {
    var box = element("div", "atlas-popup");
    var title = element("p", "atlas-popup__title");
    var link = element("a", null, practice.title);
    link.href = href;
    link.target = "_top";
    title.appendChild(link);
    box.appendChild(title);
    box.appendChild(element("p", "atlas-popup__place", practice.places[placeIndex]));
    var summary = element("p", "atlas-popup__summary", practice.summary);
    box.appendChild(summary);
    if (practice.summary === undefined) box.atlasLoadSummary = function () { pageSummary(href, summary); };
    return box;
  }

  function filterControl(labels, strings, facets, practices, onChange) {
    var Control = L.Control.extend({
      onAdd: function (map) {
        // Folded behind one control on a small map (a phone), so that the map stays visible; it
        // says how many practices the filters keep.
        var panel = element("details", "atlas-map-panel leaflet-bar");
        var summary = element("summary", null, strings.filters + " (");
        var count = element("span", null, String(practices.length));
        count.dataset.count = "";
        summary.appendChild(count);
        summary.appendChild(document.createTextNode(")"));
        panel.appendChild(summary);
        panel.open = map.getSize().x >= 600;
        var form = element("form", "atlas-map-filters");
        panel.appendChild(form);
        L.DomEvent.disableClickPropagation(panel);
        L.DomEvent.disableScrollPropagation(panel);
        facets.forEach(function (facet) {
          var used = {};
          practices.forEach(function (p) { (p.keys[facet] || []).forEach(function (k) { used[k] = true; }); });
          var label = element("label");
          var select = element("select");
          select.name = facet;
          var all = element("option", null, strings.all);
          all.value = "";
          select.appendChild(all);
          Object.keys(labels[facet]).forEach(function (key) {
            if (!used[key]) return;
            var option = element("option", null, labels[facet][key]);
            option.value = key;
            select.appendChild(option);
          });
          label.appendChild(element("span", null, strings.titles[facet]));
          label.appendChild(select);
          form.appendChild(label);
        });
        form.addEventListener("change", function () {
          var wanted = {};
          facets.forEach(function (facet) { wanted[facet] = form.elements[facet].value; });
          count.textContent = String(onChange(wanted));
        });
        return panel;
      }
    });
    return new Control({ position: "topright" });
  }

  // The practices' frame: the practice named in its address (#<slug>), its markers read from
  // the practice's page (the page that shows this frame: the browser has it), then drawn as
  // any practice's map. The world's tiles are left aside until the view is the practice's.
  function showFromAddress(map, options) {
    var slug = window.location.hash.slice(1), tiles = [];
    map.eachLayer(function (layer) { tiles.push(layer); });
    tiles.forEach(function (layer) { map.removeLayer(layer); });
    if (!/^[a-z0-9-]+$/.test(slug)) return;  // a practice's folder name, nothing else
    fetch(options.root + options.base + slug + "/").then(function (response) {
      if (!response.ok) throw new Error(slug + ": " + response.status);
      return response.text();
    }).then(function (html) {
      var data = new DOMParser().parseFromString(html, "text/html").querySelector("script[data-atlas-map]");
      var practice = JSON.parse(data.textContent), first = practice.points[0];
      document.title = options.title.replace("{label}", practice.title);
      show(map, Object.assign({}, options, {
        fromAddress: false, practices: [practice], center: [first[0], first[1]], fit: practice.points.length > 1
      }));
      tiles.forEach(function (layer) { layer.addTo(map); });
    });
  }

  function show(map, options) {
    if (options.fromAddress) return showFromAddress(map, options);
    var root = options.root;
    map.setView(options.center, options.zoom);
    if (L.Browser.mobile) map.dragging.disable();  // one finger scrolls the page, two fingers zoom the map
    // Markers are added in slices, so that a phone's main thread stays free. A draw asked for
    // while slices are still being added (a filter changed early) waits for them to finish:
    // clearing the layer would not stop them.
    var adding = null, waiting = null;  // the draw under way (its callback), the one to do next
    var layer = options.cluster
      ? L.markerClusterGroup({
          showCoverageOnHover: false,
          chunkedLoading: true,
          chunkProgress: function (processed, total) {
            if (processed !== total || !adding) return;
            var done = adding.done;
            adding = null;
            if (done) done();
            if (waiting) { var next = waiting; waiting = null; setTimeout(function () { draw(next.practices, next.done); }, 0); }
          }
        })
      : L.featureGroup();
    layer.addTo(map);

    var base = options.base;

    function marker(practice, point) {
      var href = root + base + practice.slug + "/";
      var content = null;  // the popup is built when it first opens, not for every marker up front
      var item = L.marker([point[0], point[1]], { title: practice.title, alt: practice.title, keyboard: true });
      item.bindPopup(function () {
        if (!content) {
          content = popup(practice, point[2], href);
          if (content.atlasLoadSummary) content.atlasLoadSummary();
        }
        return content;
      });
      item.atlasSlug = practice.slug;
      return item;
    }

    function draw(practices, done) {
      if (adding) { waiting = { practices: practices, done: done }; return; }
      layer.clearLayers();
      var markers = [];
      practices.forEach(function (practice) {
        practice.points.forEach(function (point) {
          if (options.only && (practice.keys.city || [])[point[2]] !== options.only) return;
          markers.push(marker(practice, point));
        });
      });
      if (options.fit && markers.length) {
        var bounds = L.latLngBounds(markers.map(function (item) { return item.getLatLng(); }));
        map.fitBounds(bounds, { padding: [20, 20], maxZoom: options.maxZoom || 6 });
      }
      if (options.cluster) {
        adding = { done: done };
        layer.addLayers(markers);  // one pass over the clusters instead of one per marker
      } else {
        markers.forEach(function (item) { layer.addLayer(item); });
        if (done) done();
      }
    }

    function ready() { document.documentElement.classList.add("atlas-map-ready"); }

    if (options.dataUrl) {
      fetch(options.dataUrl).then(function (response) { return response.json(); }).then(function (data) {
        base = data.base;
        draw(data.practices, ready);
        if (options.filters) {
          filterControl(data.labels, data.ui, options.filters, data.practices, function (wanted) {
            var kept = data.practices.filter(function (p) {
              return Object.keys(wanted).every(function (facet) {
                return !wanted[facet] || (p.keys[facet] || []).indexOf(wanted[facet]) !== -1;
              });
            });
            draw(kept);
            return kept.length;
          }).addTo(map);
        }
      });
    } else {
      draw(options.practices, ready);
    }
    window.atlasLayer = layer;  // lets the tests (and curious readers) count the markers
  }

  return { show: show };
})();
