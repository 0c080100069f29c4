/* Filters of the examples index (exemples/index.md) and of the tool map (outils/index.md).

   What to filter comes from data the build emits (odd17/content/facets.py declares each facet once):
   the page's form names its data (data-index="exemples" or "outils"), a script calls
   window.odd17Data({facets, codes, ...}) with one code per record and facet, and, for the
   examples, window.odd17Chunk({n, rows}) with the titles of CHUNK records at a time (loaded only
   for the results shown, or all of them for a search by words). Scripts, not fetch(): fetch()
   of a local file fails in the offline copy opened from file://.

   The state lives in the address (?modele=…&territoire=…&mots=…&page=2): a trainer can share a
   filtered list, and Back/Forward step through the choices. Without JavaScript, the pages list
   the first results and link to the complete static listings.

   For other scripts (the « Imprimer la sélection » booklet): window.odd17Selection
     .count()   number of records matching the current filters;
     .items()   a Promise of every matching record, in order:
                {slug, title, line, href} for examples ({slug, title, href} for tools);
   and the form dispatches « odd17:selection » (bubbling, detail: {index, count}) after each
   filtering. */
(function () {
  "use strict";
  var store = {};
  var chunkWaiters = {};
  // The data scripts call these (they may load before or after this script).
  window.odd17Data = function (data) { store[data.index] = data; start(); };
  window.odd17Chunk = function (chunk) {
    var data = store[chunk.index];
    if (!data) return;
    data.rows = data.rows || [];
    data.rows[chunk.n] = chunk.rows;
    (chunkWaiters[chunk.index + chunk.n] || []).forEach(function (done) { done(); });
    delete chunkWaiters[chunk.index + chunk.n];
  };

  var TEXT = "mots";
  var PAGE = "page";
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
  var started = false;

  function fold(text) {  // as fold() in odd17/site/text.py
    return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function number(n) {  // « 1 009 » with a narrow no-break space, as the page's text
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  }

  function decode(codes, width, total) {
    var out = new Int32Array(total);
    for (var i = 0; i < total; i++) {
      var n = 0;
      for (var j = 0; j < width; j++) n = n * 64 + DIGITS.indexOf(codes.charAt(i * width + j));
      out[i] = n;
    }
    return out;
  }

  function start() {
    var form = document.querySelector("form.odd17-filters[data-index]");
    if (started || !form || !store[form.dataset.index]) return;
    started = true;
    setUp(form, store[form.dataset.index]);
  }

  function setUp(form, data) {
    var key = data.index;
    var noun = key === "outils" ? "outil" : "exemple";
    var total = data.total;
    var facets = data.facets.map(function (f) {
      var positions = {};
      f.values.forEach(function (v, i) { positions[v[0]] = i; });
      return { id: f.id, multiple: f.multiple, values: f.values, positions: positions,
               codes: decode(data.codes[f.id], data.widths[f.id], total),
               field: form.elements[f.id] };
    });
    var section = document.getElementById("resultats");
    var status = section.querySelector(".odd17-results__count");
    var list = section.querySelector(".odd17-examples, .odd17-tools");
    var none = section.querySelector(".odd17-filters__none");
    var more = section.querySelector(".odd17-results__more");
    var pager = section.querySelector(".odd17-pages");
    var heading = document.getElementById("resultats-titre");
    var paged = !!data.chunks;  // examples: pages of results; tools: every entry is in the page
    var pageSize = data.pageSize || total;
    var entries = paged ? [] : Array.prototype.slice.call(document.querySelectorAll("[data-i]"));
    // Examples' addresses: the pattern of a link the build wrote (online « x/ », offline « x.html »).
    var pattern = null;
    var sample = list && list.querySelector("li[data-slug] a");
    if (sample) pattern = sample.getAttribute("href").replace(sample.parentNode.dataset.slug, "\u0000");
    // The orders of « Trier par »: a rank per record (the data's own order is « modele »).
    var ranks = {};
    Object.keys(data.sorts || {}).forEach(function (sort) {
      ranks[sort] = decode(data.sorts[sort][1], data.sorts[sort][0], total);
    });
    var defaultSort = data.sort || "";
    var sortField = form.elements.tri || null;
    var active = section.querySelector(".odd17-active");
    var texts = null;  // folded words of each record (titles, partners, facet names)
    var matches = [];
    var state = {};

    // --- data: titles in chunks ----------------------------------------------------------------
    var base = (document.querySelector('script[src$="filtres/index.js"]') || {}).src || "";
    function loadChunk(n) {
      return new Promise(function (resolve, reject) {
        if (data.rows && data.rows[n]) return resolve();
        var waiting = chunkWaiters[key + n];
        chunkWaiters[key + n] = (waiting || []).concat([resolve]);
        if (waiting) return;
        var script = document.createElement("script");
        script.src = base.replace(/index\.js(\?.*)?$/, "fiches-" + n + ".js");
        script.onerror = function () { reject(new Error("fiches-" + n + ".js")); };
        document.head.appendChild(script);
      });
    }
    function loadRows(indices) {
      var needed = {};
      indices.forEach(function (i) { needed[Math.floor(i / data.chunk)] = true; });
      return Promise.all(Object.keys(needed).map(function (n) { return loadChunk(+n); }));
    }
    function row(i) { return data.rows[Math.floor(i / data.chunk)][i % data.chunk]; }
    function allTexts() {
      if (texts) return Promise.resolve();
      var everyone = [];
      for (var c = 0; c < data.chunks; c++) everyone.push(c * data.chunk);
      return loadRows(everyone).then(function () {
        texts = new Array(total);
        for (var i = 0; i < total; i++) {
          var r = row(i);
          var words = [r[1], r[2]];
          facets.forEach(function (f) {
            if (!f.multiple && f.codes[i]) words.push(f.values[f.codes[i] - 1][1]);
          });
          texts[i] = fold(words.join(" "));
        }
      });
    }
    if (!paged) {
      texts = entries.map(function (el) { return fold(el.textContent); });
    }

    // --- the filters -------------------------------------------------------------------------
    function read() {
      var s = {};
      facets.forEach(function (f) { s[f.id] = f.field ? f.field.value : ""; });
      s.mots = form.elements[TEXT].value;
      s.tri = sortField ? sortField.value : "";
      s.page = state.page || 1;
      return s;
    }
    function filtering() {
      return facets.some(function (f) { return state[f.id]; }) || !!fold(state.mots || "");
    }
    function match() {
      var tests = [];
      facets.forEach(function (f) {
        var value = state[f.id];
        if (!value) return;
        var position = f.positions[value];
        if (position === undefined) { tests.push(function () { return false; }); return; }
        var codes = f.codes;
        if (f.multiple) {
          var bit = 1 << position;
          tests.push(function (i) { return (codes[i] & bit) !== 0; });
        } else {
          tests.push(function (i) { return codes[i] === position + 1; });
        }
      });
      var words = fold(state.mots || "");
      words = words ? words.split(" ") : [];
      if (words.length) {
        tests.push(function (i) {
          for (var w = 0; w < words.length; w++) if (texts[i].indexOf(words[w]) === -1) return false;
          return true;
        });
      }
      var out = [];
      for (var i = 0; i < total; i++) {
        var ok = true;
        for (var t = 0; t < tests.length && ok; t++) ok = tests[t](i);
        if (ok) out.push(i);
      }
      return sorted(out);
    }
    function sorted(indices) {
      var rank = ranks[state.tri || defaultSort];
      if (rank) indices.sort(function (a, b) { return rank[a] - rank[b]; });
      return indices;
    }

    // --- showing the results --------------------------------------------------------------------
    function link(params) {
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "");
    }
    function params(page) {
      var p = new URLSearchParams();
      facets.forEach(function (f) { if (state[f.id]) p.set(f.id, state[f.id]); });
      if (state.mots && state.mots.trim()) p.set(TEXT, state.mots.trim());
      if (state.tri && state.tri !== defaultSort) p.set("tri", state.tri);
      if (page > 1) p.set(PAGE, String(page));
      return p;
    }
    function say(shown, pages, page) {
      var n = matches.length;
      var text;
      if (n === 0) text = "Aucun des " + number(total) + " " + noun + "s ne correspond.";
      else if (!filtering()) text = number(total) + " " + noun + (total > 1 ? "s" : "") + ".";
      else text = number(n) + (n > 1 ? " " + noun + "s sur " + number(total) + " correspondent." :
                                        " " + noun + " sur " + number(total) + " correspond.");
      if (pages > 1) text += " Page " + number(page) + " sur " + number(pages) + ".";
      status.textContent = text;
      if (none) none.hidden = n !== 0;
      if (more) more.hidden = true;
    }
    function renderPager(page, pages) {
      if (!pager) return;
      pager.textContent = "";
      pager.hidden = pages <= 1;
      if (pages <= 1) return;
      function add(label, target, rel) {
        var a = document.createElement("a");
        a.href = link(params(target));
        a.textContent = label;
        a.className = "md-button";
        if (rel) a.rel = rel;
        a.addEventListener("click", function (event) {
          event.preventDefault();
          state.page = target;
          show(true).then(function () { heading.focus(); });
          save(false);
        });
        pager.appendChild(a);
      }
      if (page > 1) add("← Page précédente", page - 1, "prev");
      // Numbered pages: the first, the last and two either side of this one.
      var last = 0;
      for (var n = 1; n <= pages; n++) {
        if (n !== 1 && n !== pages && Math.abs(n - page) > 2) continue;
        if (last && n - last > 1) {
          var gap = document.createElement("span");
          gap.textContent = "…";
          gap.setAttribute("aria-hidden", "true");
          pager.appendChild(gap);
        }
        last = n;
        if (n === page) {
          var here = document.createElement("span");
          here.className = "odd17-pages__current";
          here.setAttribute("aria-current", "page");
          here.textContent = number(n);
          pager.appendChild(here);
        } else {
          add(number(n), n);
          pager.lastChild.setAttribute("aria-label", "Page " + number(n));
        }
      }
      if (page < pages) add("Page suivante →", page + 1, "next");
    }
    function entryFor(i) {
      var r = row(i);
      var li = document.createElement("li");
      li.className = "odd17-example";
      li.dataset.slug = r[0];
      var a = document.createElement("a");
      a.href = pattern ? pattern.replace("\u0000", r[0]) : r[0] + "/";
      a.textContent = r[1];
      var small = document.createElement("small");
      small.textContent = r[2];
      li.appendChild(a);
      li.appendChild(document.createElement("br"));
      li.appendChild(small);
      if (r[3]) {
        var summary = document.createElement("span");
        summary.className = "odd17-example__summary";
        summary.textContent = r[3];
        li.appendChild(document.createElement("br"));
        li.appendChild(summary);
      }
      return li;
    }
    var generation = 0;
    function show(filtered) {
      var mine = ++generation;
      var ready = fold(state.mots || "") && !texts ? allTexts() : Promise.resolve();
      if (!texts && fold(state.mots || "")) status.textContent = "Recherche dans les titres…";
      return ready.then(function () {
        if (mine !== generation) return;
        if (filtered !== false) matches = match();
        var pages = Math.max(1, Math.ceil(matches.length / pageSize));
        var page = Math.min(Math.max(1, state.page || 1), pages);
        state.page = page;
        if (!paged) {
          var keep = {};
          matches.forEach(function (i) { keep[i] = true; });
          entries.forEach(function (el) { el.hidden = !keep[el.dataset.i]; });
          document.querySelectorAll(".odd17-map [data-tool]").forEach(function (el) {
            el.hidden = !keep[el.dataset.tool];
          });
          // A box of the map left without tools goes too (its lever or step has none here).
          document.querySelectorAll(".odd17-map__box").forEach(function (box) {
            box.hidden = !box.querySelector("[data-tool]:not([hidden])");
          });
          say(matches.length, 1, 1);
          announce();
          return;
        }
        var shown = matches.slice((page - 1) * pageSize, page * pageSize);
        return loadRows(shown).then(function () {
          if (mine !== generation) return;
          var fragment = document.createDocumentFragment();
          shown.forEach(function (i) { fragment.appendChild(entryFor(i)); });
          list.textContent = "";
          list.appendChild(fragment);
          list.hidden = shown.length === 0;
          say(shown.length, pages, page);
          renderPager(page, pages);
          announce();
        });
      }).catch(function () {
        status.textContent = "Les données des filtres n’ont pas pu être chargées : " +
          "parcourez la base par les listes ci-dessous.";
      });
    }
    // The active filters above the results, each a button that removes it.
    function showActive() {
      if (!active) return;
      active.textContent = "";
      var chosen = [];
      facets.forEach(function (f) {
        var value = state[f.id];
        if (!value || !f.field || f.positions[value] === undefined) return;
        chosen.push([f.field.labels[0].textContent, f.values[f.positions[value]][1], f.field]);
      });
      var words = (state.mots || "").trim();
      if (words) chosen.push([form.elements[TEXT].labels[0].textContent.replace(/\s*\(.*$/, ""),
                              "« " + words + " »", form.elements[TEXT]]);
      chosen.forEach(function (c) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "odd17-active__filter";
        button.textContent = c[0] + " : " + c[1];
        button.setAttribute("aria-label", "Retirer le filtre " + c[0] + " : " + c[1]);
        button.addEventListener("click", function () {
          c[2].value = "";
          state = read();
          state.page = 1;
          save(false);
          show(true).then(function () {
            var next = active.querySelector("button") || form.elements[TEXT];
            next.focus();
          });
        });
        active.appendChild(button);
      });
      active.hidden = !chosen.length;
      if (foldButton) foldButton.textContent = "Filtres" + (chosen.length ? " (" + chosen.length + ")" : "");
    }
    function announce() {
      showActive();
      form.dispatchEvent(new CustomEvent("odd17:selection", {
        bubbles: true, detail: { index: key, count: matches.length } }));
    }

    // --- the address -----------------------------------------------------------------------------
    // Each choice is a step of the browser's history (Back undoes it); words being typed replace
    // the current step instead of adding one per letter.
    function save(replace) {
      var url = link(params(state.page || 1)) + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        history[replace ? "replaceState" : "pushState"](null, "", url);
      }
    }
    function fromUrl() {
      var p = new URLSearchParams(window.location.search);
      facets.forEach(function (f) {
        if (!f.field) return;
        var value = p.get(f.id) || "";
        var known = f.positions[value] !== undefined;
        var offered = Array.prototype.some.call(f.field.options, function (o) { return o.value === value; });
        if (value && known && !offered) {
          // A value without records (a shared address, a region not yet covered): say so.
          var term = f.values[f.positions[value]];
          f.field.add(new Option(term[1] + " (" + "aucun " + noun + ")", value));
          f.field.parentNode.hidden = false;  // a facet no record carries yet: shown for this
        } else if (value && !known) {
          value = "";  // an unknown value in a shared address: ignore it rather than show nothing
        }
        f.field.value = value;
      });
      form.elements[TEXT].value = p.get(TEXT) || "";
      if (sortField) sortField.value = ranks[p.get("tri")] || p.get("tri") === "modele" ? p.get("tri") : defaultSort;
      state = read();
      state.page = parseInt(p.get(PAGE), 10) || 1;
      return show(true);
    }

    if (!total || !list) return;  // an empty base: nothing to filter, the page says so
    form.hidden = false;
    // On a phone, the form folds behind one « Filtres » button: the results come first.
    var foldButton = null;
    if (paged && window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches) {
      // Written by the build (hidden, placed by CSS from the first paint); made here otherwise.
      var bar = form.previousElementSibling;
      foldButton = bar && bar.querySelector(".odd17-filters__fold");
      if (!foldButton) {
        foldButton = document.createElement("button");
        foldButton.type = "button";
        foldButton.className = "md-button odd17-filters__fold";
        foldButton.textContent = "Filtres";
        foldButton.setAttribute("aria-expanded", "false");
        foldButton.setAttribute("aria-controls", form.id);
        form.parentNode.insertBefore(foldButton, form);
      }
      foldButton.hidden = false;
      form.classList.add("odd17-filters--folded");
      foldButton.addEventListener("click", function () {
        var open = form.classList.toggle("odd17-filters--folded") === false;
        foldButton.setAttribute("aria-expanded", String(open));
        if (open) form.elements[TEXT].focus();
      });
    }
    var typing = false;  // the words field changed since its last step in the history
    function changed(event, isInput) {
      state = read();
      state.page = 1;
      var done = show(true);
      if (event.target.name === TEXT) {
        if (isInput) { save(typing); typing = true; } else { typing = false; save(false); }
      } else {
        save(false);
      }
      return done;
    }
    form.addEventListener("input", function (event) { changed(event, true); });
    form.addEventListener("change", function (event) {
      if (event.target.name !== TEXT) return;  // selects: their input event did it
      typing = false;
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () {
        typing = false;
        state = read();
        state.page = 1;
        show(true);
        save(false);
        form.elements[TEXT].focus();
      }, 0);
    });
    window.addEventListener("popstate", function () { typing = false; fromUrl(); });

    window.odd17Selection = {
      count: function () { return matches.length; },
      items: function () {
        if (!paged) {
          return Promise.resolve(matches.map(function (i) {
            var a = entries[i].querySelector("a");
            return { slug: entries[i].dataset.slug, title: a.textContent, href: a.href };
          }));
        }
        return loadRows(matches).then(function () {
          return matches.map(function (i) {
            var r = row(i);
            var a = document.createElement("a");
            a.href = pattern ? pattern.replace("\u0000", r[0]) : r[0] + "/";
            return { slug: r[0], title: r[1], line: r[2], href: a.href };
          });
        });
      }
    };
    // Used by the bench and the tests: filter with the form's current values, resolved when the
    // results are on the page.
    window.odd17ApplyFilters = function () { state = read(); state.page = 1; return show(true); };
    if (window.location.search) {
      fromUrl();
    } else {
      matches = [];
      for (var i = 0; i < total; i++) matches.push(i);
      state = read();
      sorted(matches);
      var pages = Math.ceil(total / pageSize);
      if (paged && pages > 1) { state.page = 1; say(total, pages, 1); renderPager(1, pages); }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
