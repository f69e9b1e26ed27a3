/* Draws the atlas's practices on a Folium/Leaflet map (see hooks/atlas/outputs/maps.py).
   Markers come from data — the practice records inline, the world map's chunks, or, in
   the one frame of every practice page (maps/practice.html#<slug>), that practice's page —
   never one Folium marker per practice. Popups are built with textContent; their links open
   in the top window, not in the map's frame.
   The world map first downloads a small file: each region's count of markers, drawn as a
   cluster; a region's markers are fetched when the view needs them (the reader zooms in on
   it or clicks its count, or a filter keeps some of its practices). Its filter reads the
   index's facet chunks (hooks/atlas/outputs/index.py), where a practice is its rank. A busy
   city's map works the same way, with the city as its one region (its options say so). */
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

  function filterControl(labels, strings, facets, total, onChange) {
    var Control = L.Control.extend({
      onAdd: function (map) {
        // Folded behind one control on a small map (a phone), so that the map stays visible; it
        // says how many practices the filters keep.
        var panel = element("details", "atlas-map-panel leaflet-bar");
        var summary = element("summary", null, strings.filters + " (");
        var count = element("span", null, String(total));
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
          var label = element("label");
          var select = element("select");
          select.name = facet;
          var all = element("option", null, strings.all);
          all.value = "";
          select.appendChild(all);
          Object.keys(labels[facet]).forEach(function (key) {  // the values that have practices
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
          onChange(wanted, function (kept) { count.textContent = String(kept); });
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

  var scripts = {};  // a script's address -> the promise of it, loaded once
  function script(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = src;
        tag.onload = resolve;
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return scripts[src];
  }

  function ready() { document.documentElement.classList.add("atlas-map-ready"); }

  // The world map: a cluster of each region's count until its markers are needed (the view zoomed
  // in on the region, its count clicked, a filter keeping some of its practices), then its markers.
  var LOAD_ZOOM = 4;  // from this zoom on, the regions in view are loaded (a city's map: from its options' loadZoom)

  function regionBounds(region) {
    return L.latLngBounds(region.bounds[0], region.bounds[1]);
  }

  function showWorld(map, options, data, draw) {
    var loaded = {}, loading = {};  // region -> its practices' markers; region -> the promise of them
    var kept = null;  // the filter's practices, one mark per rank (null: every practice)
    var generation = 0;  // the filter's latest change: an older one's chunks are not drawn
    var counts = L.layerGroup().addTo(map);
    var world = L.latLngBounds([]);
    data.regions.forEach(function (region) { world.extend(regionBounds(region)); });
    var facetChunks = {};
    var busy = 0, container = map.getContainer();

    // The map says it is busy while markers are fetched and drawn (screen readers wait; so do the tests).
    function begin() {
      if (!busy++) container.setAttribute("aria-busy", "true");
    }
    function end() {
      if (!--busy) container.removeAttribute("aria-busy");
    }

    function countIcon(count) {
      // Leaflet.markercluster's own look (MarkerCluster.Default.css): it is a cluster, not yet split.
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      return L.divIcon({ html: "<div><span>" + Number(count) + "</span></div>", className: "marker-cluster marker-cluster-" + size,
                         iconSize: L.point(40, 40) });
    }

    function shownPractices(regions) {
      var shown = [];
      (regions || data.regions.map(function (region) { return region.key; })).forEach(function (key) {
        (loaded[key] || []).forEach(function (practice) { if (!kept || kept[practice.rank]) shown.push(practice); });
      });
      return shown;
    }

    // The regions' counts and the markers: those of the filter (`added`: of these regions, beside the others).
    function redraw(done, fit, added) {
      counts.clearLayers();
      data.regions.forEach(function (region) {
        if (loaded[region.key] || kept) return;  // a filter's regions are all loaded
        var bounds = regionBounds(region);
        var name = region.label + " (" + region.count + ")";
        var count = L.marker(bounds.getCenter(), { icon: countIcon(region.count), title: name, keyboard: true });
        count.on("add", function () { count.getElement().setAttribute("aria-label", name); });  // not just a number
        count.atlasRegion = region.key;
        count.atlasCount = region.count;
        count.on("click keypress", function (event) {  // Enter, for the keyboard (Leaflet: only popups)
          if (event.type === "keypress" && event.originalEvent.key !== "Enter") return;
          load([region.key]).then(function () {
            map.fitBounds(bounds, { padding: [20, 20], maxZoom: options.maxZoom || 6, animate: false });
          });
        });
        counts.addLayer(count);
      });
      draw(shownPractices(added), done, fit, !!added);
    }

    function load(keys) {
      var missing = keys.filter(function (key) { return !loaded[key]; });
      if (!missing.length) return Promise.resolve();
      var started = missing.filter(function (key) { return !loading[key]; });  // this call draws these
      begin();
      started.forEach(function (key) {
        loading[key] = fetch(options.root + data.chunks.markers.replace("{region}", key)).then(function (response) {
          if (!response.ok) throw new Error(key + ": " + response.status);
          return response.json();
        }).then(function (markers) { loaded[key] = markers; });
      });
      return Promise.all(missing.map(function (key) { return loading[key]; })).then(function () {
        if (started.length) redraw(end, false, started);
        else end();
      });
    }

    function facetChunk(facet) {
      var url = data.chunks.facets[facet];
      if (!facetChunks[url]) {
        facetChunks[url] = fetch(options.root + url).then(function (response) { return response.json(); });
      }
      return facetChunks[url];
    }

    // The ranks of a value's practices, from the index's chunk ([key, label, gaps of ranks, …]).
    function marks(entries, keys) {
      var marked = new Uint8Array(data.total);
      entries.forEach(function (entry) {
        if (keys.indexOf(entry[0]) === -1) return;
        var rank = 0;
        entry[2].forEach(function (gap) { rank += gap; marked[rank] = 1; });
      });
      return marked;
    }

    function filter(wanted, said) {
      var mine = ++generation;
      var chosen = Object.keys(wanted).filter(function (facet) { return wanted[facet]; });
      begin();
      if (!chosen.length) {
        kept = null;
        if (world.isValid()) map.fitBounds(world, { padding: [20, 20], maxZoom: 6, animate: false });
        redraw(end);
        said(data.total);
        return;
      }
      Promise.all(chosen.concat(["region"]).map(facetChunk)).then(function (chunks) {
        if (mine !== generation) return;
        var keep = new Uint8Array(data.total).fill(1);
        chosen.forEach(function (facet, index) {
          var marked = marks(chunks[index], [wanted[facet]]);
          for (var i = 0; i < keep.length; i++) keep[i] &= marked[i];
        });
        var regions = chunks[chosen.length].filter(function (entry) {
          return marks([entry], [entry[0]]).some(function (mark, rank) { return mark && keep[rank]; });
        }).map(function (entry) { return entry[0]; });
        return load(regions.filter(function (key) {
          return data.regions.some(function (region) { return region.key === key; });  // a region with points
        })).then(function () {
          if (mine !== generation) return;
          kept = keep;
          redraw(end, true);
          said(keep.reduce(function (sum, mark) { return sum + mark; }, 0));
        });
      }).finally(function () {
        if (mine !== generation) end();  // a later change draws instead
      });
    }

    map.on("moveend", function () {
      if (map.getZoom() < (options.loadZoom || LOAD_ZOOM)) return;
      var view = map.getBounds();
      load(data.regions.filter(function (region) { return view.intersects(regionBounds(region)); }).map(function (r) {
        return r.key;
      }));
    });
    if (options.fit && world.isValid()) map.fitBounds(world, { padding: [20, 20], maxZoom: 6, animate: false });
    redraw(ready);
    if (options.filters) filterControl(data.labels, data.ui, options.filters, data.total, filter).addTo(map);
    window.atlasCounts = counts;  // lets the tests (and curious readers) read the regions' counts
  }

  function show(map, options) {
    if (options.fromAddress) return showFromAddress(map, options);
    var root = options.root;
    map.setView(options.center, options.zoom);
    if (L.Browser.mobile) map.dragging.disable();  // one finger scrolls the page, two fingers zoom the map
    // Markers are added in slices, so that a phone's main thread stays free. A draw asked for
    // while slices are still being added (a filter changed early, a region arrived) waits for
    // them to finish, in turn: clearing the layer would not stop them.
    var adding = null, waiting = [];  // the draw under way (its callback), the ones to do next
    var layer = null, made = null;  // the markers' layer, made when there are markers to draw

    function clusters() {
      return L.markerClusterGroup({
        showCoverageOnHover: false,
        chunkedLoading: true,
        chunkProgress: function (processed, total) {
          if (processed !== total || !adding) return;
          var done = adding.done;
          adding = null;
          if (done) done();
          if (waiting.length) {
            var next = waiting.shift();
            setTimeout(function () { draw(next.practices, next.done, next.fit, next.add); }, 0);
          }
        }
      });
    }

    // Leaflet.markercluster is fetched with the first markers (options.clusterScript), not with
    // the frame: a world map shows its regions' counts first, and its start-up is a long task on a phone.
    function withLayer() {
      if (!made) {
        made = (options.cluster ? script(options.clusterScript) : Promise.resolve()).then(function () {
          layer = (options.cluster ? clusters() : L.featureGroup()).addTo(map);
          window.atlasLayer = layer;  // lets the tests (and curious readers) count the markers
        });
      }
      return made;
    }

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

    // Draws `practices` in place of what was drawn (`add`: beside it), then calls `done`; `fit`:
    // the view fits them. Each practice's markers are made once: a popup open stays open.
    function draw(practices, done, fit, add) {
      if (!layer) {
        if (!practices.length) {  // nothing drawn yet, nothing to draw
          if (done) done();
          return;
        }
        withLayer().then(function () { draw(practices, done, fit, add); });
        return;
      }
      if (adding) {
        waiting.push({ practices: practices, done: done, fit: fit, add: add });
        return;
      }
      if (!add) layer.clearLayers();
      var markers = [];
      practices.forEach(function (practice) {
        if (!practice.atlasMarkers) {
          practice.atlasMarkers = practice.points.filter(function (point) {
            return !options.only || (practice.keys.city || [])[point[2]] === options.only;
          }).map(function (point) { return marker(practice, point); });
        }
        markers.push.apply(markers, practice.atlasMarkers);
      });
      if (fit && markers.length) {
        var bounds = L.latLngBounds(markers.map(function (item) { return item.getLatLng(); }));
        map.fitBounds(bounds, { padding: [20, 20], maxZoom: options.maxZoom || 6, animate: false });  // settled at once: the regions it shows load now
      }
      if (options.cluster) {
        adding = { done: done };
        layer.addLayers(markers);  // one pass over the clusters instead of one per marker
      } else {
        markers.forEach(function (item) { layer.addLayer(item); });
        if (done) done();
      }
    }


    if (options.dataUrl) {
      fetch(options.dataUrl).then(function (response) { return response.json(); }).then(function (data) {
        base = data.base;
        showWorld(map, options, data, draw);
      });
    } else if (options.regions) {  // a busy city: its count first, its markers when asked for
      showWorld(map, options, { regions: options.regions, chunks: { markers: options.markers }, total: 0 }, draw);
    } else {
      draw(options.practices, ready, options.fit);
    }
  }

  return { show: show };
})();
