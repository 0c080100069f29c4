/* « Imprimer la sélection » on the examples index (exemples/index.md): after filtering, a reader
   prints a booklet of the selected examples with the browser (online, offline, from file://):
   a cover naming the selection (the active filters, in French) and the date, then the examples
   as cards like the PDF catalogue (odd17/print/catalogue.py), each with its address and QR code.

   Nothing is loaded until the reader asks to print: then the cards' data
   (assets/print-selection-data.js, made by the build from the validated records) and, when the
   kit has a public address, the QR code library (npm qrcode-generator, served by the site) come
   in as <script> elements, which also work from file:// where fetch() does not. Record text is
   put into the page as text (textContent), never as HTML. */
(function () {
  var form = document.getElementById("filtres");
  if (!form || (form.dataset.index && form.dataset.index !== "exemples")) return;  // not the tool map
  var here = document.currentScript && document.currentScript.src;
  var base = here ? here.replace(/assets\/print-selection\.js(\?.*)?$/, "") : "";
  var FILTERS = ["categorie", "modele", "type", "territoire", "objectif", "impact"];

  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = base + src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* A Promise of the selected examples' slugs, in the order of the index: every page of results,
     from the index's own selection (docs/assets/examples-filter.js: window.odd17Selection);
     without it, the entries shown in the page. */
  function selectedSlugs() {
    var api = window.odd17Selection;
    if (api && typeof api.items === "function") {
      return api.items().then(function (items) { return items.map(function (i) { return i.slug; }); });
    }
    var slugs = [];
    document.querySelectorAll(".odd17-example").forEach(function (entry) {
      if (entry.hidden || entry.closest("[hidden]")) return;
      if (entry.dataset.slug) { slugs.push(entry.dataset.slug); return; }
      var link = entry.querySelector("a[href]");
      if (!link) return;
      var match = link.getAttribute("href").match(/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|\.html|\/index\.html)?$/);
      if (match) slugs.push(match[1]);
    });
    return Promise.resolve(slugs);
  }

  /* The selection: each active filter as [label, value], as the form shows them. */
  function selectionName() {
    var parts = [];
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      if (!field || !field.value) return;
      var label = form.querySelector('label[for="' + field.id + '"]');
      var option = field.options ? field.options[field.selectedIndex] : null;
      // The index may show each choice's count (« Bretagne (16) »): the name keeps the value.
      var value = option ? option.textContent.trim().replace(/\s*\([\d\s\u202f\u00a0]+\)$/, "") : field.value;
      parts.push([label ? label.textContent.trim() : name, value]);
    });
    var words = form.elements.mots && form.elements.mots.value.trim();
    if (words) parts.push(["Mots", "«\u00a0" + words + "\u00a0»"]);
    return parts;
  }

  function frenchDate(day) {
    var text = day.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" });
    return day.getDate() === 1 ? text.replace(/^1 /, "1er ") : text;
  }

  function qr(url) {
    if (!url || typeof window.qrcode !== "function") return null;
    var code = window.qrcode(0, "M");
    code.addData(url);
    code.make();
    var box = el("div", "odd17-booklet__qr");
    box.setAttribute("aria-hidden", "true");
    // The SVG is drawn by the library from the address (ours: the site's and a slug), no text.
    box.innerHTML = code.createSvgTag({ cellSize: 2, margin: 0, scalable: true });
    return box;
  }

  /* An address that wraps after a slash, never inside the host name (as in the PDFs). */
  function address(url) {
    var node = el("span", "odd17-booklet__url");
    var match = url.match(/^([a-z]+:\/\/[^\/]+)(.*)$/);
    node.appendChild(el("span", "odd17-booklet__host", match ? match[1] : url));
    (match ? match[2] : "").split(/(?<=\/)/).forEach(function (piece) {
      if (!piece) return;
      node.appendChild(document.createTextNode(piece));
      node.appendChild(document.createElement("wbr"));
    });
    return node;
  }

  function count(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f") + "\u00a0exemple" + (n > 1 ? "s" : "");
  }

  function booklet(data, slugs) {
    var root = el("div", "odd17-booklet");
    root.setAttribute("aria-hidden", "true");  // made for paper; the page stays as it is on screen
    var cover = el("section", "odd17-booklet__cover");
    cover.appendChild(el("p", "odd17-booklet__kicker", "Kit «\u00a0L’ODD 17 en pratique\u00a0»"));
    cover.appendChild(el("h1", "odd17-booklet__title", "Exemples inspirants"));
    var filters = selectionName();
    // Named by its filters' values (« Bretagne · Engagement actif »), then each filter in full.
    cover.appendChild(el("p", "odd17-booklet__selection", filters.length ?
      filters.map(function (f) { return f[1]; }).join(" · ") : "Tous les exemples de la base"));
    if (filters.length) {
      var list = el("ul", "odd17-booklet__filters");
      filters.forEach(function (f) { list.appendChild(el("li", "", f[0] + "\u00a0: " + f[1])); });
      cover.appendChild(list);
    }
    cover.appendChild(el("p", "odd17-booklet__count", count(slugs.length)));
    cover.appendChild(el("p", "odd17-booklet__date", "Imprimé le " + frenchDate(new Date())));
    if (data.site) {
      // The same list online: the index with these filters (its address carries them).
      var online = data.site + "exemples/" + window.location.search;
      var where = el("div", "odd17-booklet__online");
      var code = qr(online);
      if (code) where.appendChild(code);
      var caption = el("p", "", "Cette sélection en ligne\u00a0: ");
      caption.appendChild(address(online));
      where.appendChild(caption);
      cover.appendChild(where);
    }
    root.appendChild(cover);
    var cards = el("div", "odd17-booklet__cards");
    slugs.forEach(function (slug) {
      var card = data.cards[slug];
      if (!card) return;
      var item = el("article", "odd17-booklet__card");
      var text = el("div", "odd17-booklet__text");
      text.appendChild(el("h2", "odd17-booklet__card-title", card.titre));
      text.appendChild(el("p", "odd17-booklet__partners", card.partenaires));
      text.appendChild(el("p", "odd17-booklet__facts",
                          card.modele + (card.territoire ? " · " + card.territoire : "")));
      text.appendChild(el("p", "odd17-booklet__summary", card.resume));
      if (card.adresse) {
        var line = el("p", "odd17-booklet__address");
        line.appendChild(address(card.adresse));
        text.appendChild(line);
      }
      item.appendChild(text);
      var code = qr(card.adresse);
      if (code) item.appendChild(code);
      cards.appendChild(item);
    });
    root.appendChild(cards);
    return root;
  }

  function cleanUp() {
    document.documentElement.classList.remove("odd17-printing-selection");
    document.querySelectorAll(".odd17-booklet").forEach(function (node) { node.remove(); });
  }

  /* Builds the booklet and resolves once it is in the page (tests print it with page.pdf()). */
  function prepare() {
    return load("assets/print-selection-data.js").then(function () {
      var data = window.ODD17_SELECTION || { site: "", cards: {} };
      var ready = data.site && typeof window.qrcode !== "function" ?
        load("assets/javascripts/qrcode-generator.js").catch(function () {}) : Promise.resolve();
      return ready.then(selectedSlugs).then(function (slugs) {
        cleanUp();
        document.body.appendChild(booklet(data, slugs));
        document.documentElement.classList.add("odd17-printing-selection");
      });
    });
  }

  var button = el("button", "md-button odd17-print-selection", "Imprimer la sélection");
  button.type = "button";
  var status = el("span", "odd17-print-selection__status");
  status.setAttribute("role", "status");
  button.addEventListener("click", function () {
    status.textContent = "";
    prepare().then(function () { window.print(); }, function () {
      status.textContent = "Impression impossible : rechargez la page et réessayez.";
    });
  });
  window.addEventListener("afterprint", cleanUp);
  window.odd17PrintSelection = prepare;
  var actions = form.querySelector(".odd17-filters__actions") || form;
  actions.appendChild(button);
  actions.appendChild(status);
})();
