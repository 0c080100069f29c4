/* Filters of the examples index (exemples/index.md). Without JavaScript the page lists every
   example; this script shows the form, hides what does not match, keeps the filters in the
   address (?modele=…&territoire=…&mots=…) so that a trainer can share a filtered list, and announces
   the count to screen readers. Entries carry their facets in data-* attributes. */
(function () {
  var form = document.getElementById("filtres");
  if (!form) return;
  var entries = Array.prototype.slice.call(document.querySelectorAll(".odd17-example"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".odd17-group"));
  var none = document.querySelector(".odd17-filters__none");
  var count = form.querySelector(".odd17-filters__count");
  var names = ["categorie", "modele", "type", "territoire", "objectif", "impact"];
  // Not « q »: Material opens its search dialog for an address with ?q=… (search sharing).
  var TEXT = "mots";
  // Material's tables of contents (right column, and the menu on small screens) follow the
  // hidden groups.
  groups.forEach(function (group) {
    var heading = group.querySelector("h2[id], h3[id]");
    var links = heading ? document.querySelectorAll(
      '.md-nav--secondary a[href="#' + heading.id + '"]') : [];
    group.tocItems = Array.prototype.map.call(links, function (link) { return link.parentNode; });
  });
  // Facet values are read once; matching is then plain string work on arrays.
  var data = entries.map(function (el) {
    var item = { el: el, text: el.dataset.texte || "" };
    names.forEach(function (n) { item[n] = (el.dataset[n] || "").split(" "); });
    return item;
  });

  function number(n) {  // « 1 009 » with a narrow no-break space, as the page's text
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  }

  function fold(text) {  // as odd17/examples_index.py folds the entries' words
    return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").trim();
  }

  function current() {
    var state = {};
    names.forEach(function (n) { state[n] = form.elements[n].value; });
    state.mots = fold(form.elements.mots.value);
    return state;
  }

  function apply() {
    var state = current();
    var words = state.mots ? state.mots.split(/\s+/) : [];
    var shown = 0;
    data.forEach(function (item) {
      var ok = names.every(function (n) { return !state[n] || item[n].indexOf(state[n]) !== -1; }) &&
        words.every(function (w) { return item.text.indexOf(w) !== -1; });
      item.el.hidden = !ok;
      if (ok) shown += 1;
    });
    // Hide the headings of groups left empty (innermost first: models, then categories).
    groups.slice().reverse().forEach(function (group) {
      var visible = group.querySelector(".odd17-example:not([hidden])");
      var filtering = names.some(function (n) { return state[n]; }) || words.length;
      group.hidden = filtering && !visible;
      group.tocItems.forEach(function (item) { item.hidden = group.hidden; });
    });
    var total = number(data.length);
    count.textContent = shown === 0 ? "Aucun des " + total + " exemples ne correspond." :
      number(shown) + (shown > 1 ? " exemples sur " + total + " correspondent." :
                                   " exemple sur " + total + " correspond.");
    if (none) none.hidden = shown !== 0;
    return shown;
  }

  // Each choice is a step of the browser's history (Back undoes it); words being typed replace
  // the current step instead of adding one per letter.
  function toUrl(replace) {
    var params = new URLSearchParams();
    names.concat([TEXT]).forEach(function (n) {
      var value = form.elements[n].value.trim();
      if (value) params.set(n, value);
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      history[replace ? "replaceState" : "pushState"](null, "", url);
    }
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    names.concat([TEXT]).forEach(function (n) {
      var field = form.elements[n];
      var value = params.get(n) || "";
      if (field.tagName === "SELECT" && value &&
          !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        value = "";  // an unknown value in a shared address: ignore it rather than show nothing
      }
      field.value = value;
    });
    apply();
  }

  form.hidden = false;
  var typing = false;  // the words field changed since its last step in the history
  form.addEventListener("input", function (event) {
    apply();
    if (event.target.name === TEXT) { toUrl(typing); typing = true; } else { toUrl(false); }
  });
  form.addEventListener("change", function (event) {
    if (event.target.name === TEXT) typing = false;  // left the field: the next words, a new step
    apply(); toUrl(false);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { typing = false; apply(); toUrl(false); form.elements.mots.focus(); }, 0);
  });
  window.addEventListener("popstate", function () { typing = false; fromUrl(); });
  window.odd17ApplyFilters = apply;  // used by the tests to time one filtering
  fromUrl();
})();
