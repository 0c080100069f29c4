/* The kit's search box online: Material's place and look, Pagefind's index (odd17/search/site_search.py).
 *
 * Nothing is downloaded before the reader comes to the box: focusing it loads Pagefind (its
 * script, its WebAssembly and the list of pages of each index), a pause in typing loads the
 * index chunks of the words typed and searches, and each result shown loads its own snippet.
 * The build writes the stop words, elisions and indexes below from odd17/search/site_search.py.
 */
(() => {
  "use strict";
  const STOP_WORDS = new Set(/*STOP_WORDS*/[]);
  const ELISION = new RegExp(`^(?:${/*ELISIONS*/[].join("|")})['’]`, "i");
  const PAGE_SIZE = 10;
  const PAUSE_MS = 100;  // a pause in typing that starts a search (Pagefind's debounce: 300)
  const PRELOAD_LETTERS = 4;  // a word being typed has its index chunks loaded from this letter

  const box = document.querySelector("[data-odd17-search]");
  if (!box) return;
  const root = new URL(box.dataset.odd17Search, location.href);
  const toggle = document.getElementById("__search");
  const form = box.querySelector("form");
  const input = box.querySelector(".md-search__input");
  const status = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const idle = status.textContent;

  let pagefind = null;
  let results = [];
  let shown = 0;
  let current = "";
  let searching = null;  // the search under way (``run``)
  let again = false;  // the box changed while it ran
  let typing = 0;  // the timer of ``typed``

  /** Load Pagefind once, from the site itself (no CDN). */
  function load() {
    pagefind ??= import(new URL("pagefind/pagefind.js", root).href).then(async (pf) => {
      await pf.options({ excerptLength: 26 });
      await pf.init();
      return pf;
    });
    return pagefind;
  }

  /** The words of a text, lower case, without elided articles or punctuation around them. */
  function words(text) {
    return text.toLocaleLowerCase("fr").split(/[\s\u00a0]+/)
      .map((w) => w.replace(ELISION, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
      .filter(Boolean);
  }

  /** The words Pagefind is asked for: no stop word (unless the query holds only those). */
  function terms(query) {
    const all = words(query);
    const meaningful = all.filter((w) => !STOP_WORDS.has(w));
    return (meaningful.length ? meaningful : all).join(" ");
  }

  const fold = (w) => w.normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/g, "oe");

  /** How close two folded words are: 1 the same word (give or take a plural's s or x), 0.5 the
   * same stem (« évaluer », « évaluation »), 0 different words. */
  function closeness(a, b) {
    const bare = (w) => (w.length > 4 ? w.replace(/[sx]$/, "") : w);
    if (bare(a) === bare(b)) return 1;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i += 1;
    return i >= 5 && i >= 0.7 * Math.min(a.length, b.length) ? 0.5 : 0;
  }

  /** How much of a title the query is, when the title holds every word of the query (0
   * otherwise): « Déclaration d'accessibilité » (1/2) before « La Poste et Jaccede.com :
   * l'accessibilité des bureaux de poste » (1/5) for « accessibilité ». */
  function titleShare(title, query) {
    const asked = query.split(" ").map(fold);
    const own = words(title).filter((w) => !STOP_WORDS.has(w)).map(fold);
    const best = (w) => Math.max(...asked.map((q) => closeness(q, w)));
    if (!own.length || !asked.every((q) => own.some((w) => closeness(q, w)))) return 0;
    return own.reduce((sum, w) => sum + best(w), 0) / own.length;
  }

  function plural(n) {
    if (n === 0) return "Aucune page trouvée";
    return n === 1 ? "1 page trouvée" : `${n.toLocaleString("fr-FR")} pages trouvées`;
  }

  /** Pagefind reads copies of the pages with straight apostrophes (odd17/search/site_search.py): the
   * kit's text has typographic ones. */
  const typographic = (text) => text.replace(/'/g, "’");

  /** Pagefind's excerpt as text with <mark> around the words found, never as markup. */
  function excerpt(html) {
    const p = document.createElement("p");
    const decode = document.createElement("textarea");
    html.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      decode.innerHTML = part.replace(/</g, "&lt;");  // entities to text, tags stay text
      const text = document.createTextNode(typographic(decode.value));
      if (marked) {
        const mark = document.createElement("mark");
        mark.append(text);
        p.append(mark);
      } else {
        p.append(text);
      }
      return marked;
    }, false);
    return p;
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = new URL(data.url.replace(/^\//, ""), root).href;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h2");
    title.textContent = typographic((data.meta && data.meta.title) || data.url);
    // What the result is (odd17/search/site_search.py: kind_of): an example, a tool, a method page.
    const kind = document.createElement("span");
    kind.className = "odd17-search__kind";
    kind.textContent = (data.meta && data.meta.kind) || "page du kit";
    article.append(kind, title, excerpt(data.excerpt || ""));
    a.append(article);
    li.append(a);
    return li;
  }

  async function showMore() {
    const query = current;
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const pages = await Promise.all(batch.map((r) => r.data()));
    if (query !== current) return;
    if (!shown) {
      // Pagefind weighs a word in a heading the same in a long title as in a short one: among
      // the first results, a page whose title is the query comes first.
      // A method page whose title holds the query comes before an example whose title does.
      const bonus = (d) => (d.meta && d.meta.kind === "méthode" ? 0.25 : 0);
      const share = new Map(pages.map((d) => {
        const s = titleShare((d.meta && d.meta.title) || "", query);
        return [d, s && s + bonus(d)];
      }));
      pages.sort((a, b) => share.get(b) - share.get(a));  // stable: Pagefind's order otherwise
    }
    list.querySelector(".odd17-search__more")?.remove();
    shown += batch.length;
    list.append(...pages.map(item));
    if (shown < results.length) {
      const li = document.createElement("li");
      li.className = "md-search-result__item odd17-search__more";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = `Afficher ${Math.min(PAGE_SIZE, results.length - shown)} résultats de plus`;
      button.addEventListener("click", () => {
        const next = shown;
        showMore().then(() => list.children[next]?.querySelector("a")?.focus());
      });
      li.append(button);
      list.append(li);
    }
  }

  /** Search what the box holds, unless a search is under way: Pagefind cannot stop one, and
   * each costs the time of all its results (a few hundred milliseconds for a word found on
   * thousands of pages); the latest query is searched when it ends, those between are skipped. */
  async function run() {
    clearTimeout(typing);
    if (searching) {
      again = true;
      return;
    }
    const query = terms(input.value);
    if (query !== current) {
      searching = show(query);
      try {
        await searching;
      } finally {
        searching = null;
      }
      if (again) {
        again = false;
        run();
        return;
      }
    }
    // What the list shows now (the browser tests and the bench wait for it).
    if (current === terms(input.value)) box.dataset.shown = input.value;
  }

  async function show(query) {
    let found = [];
    if (query) {
      const pf = await load();
      found = (await pf.search(query)).results;
      if (query !== terms(input.value)) return;  // the reader typed on: the next search shows
    }
    results = found;
    current = query;
    shown = 0;
    list.replaceChildren();
    status.textContent = query ? plural(results.length) : idle;
    if (query) await showMore();
  }

  /** Search once the reader pauses. Meanwhile, the index chunks of the words are loaded: those
   * followed by a space, and the word being typed from its fourth letter (Pagefind matches the
   * last word as a prefix: the chunks of « part » hold those of « partenariat », so later letters
   * load nothing more). Shorter, a word begins too many others: its chunks would be loaded for
   * nothing. At 10,000 examples, the search then only calculates: about 50 ms less for about
   * 30 KB more (maintainers/performances.md). */
  function typed() {
    clearTimeout(typing);
    if (!terms(input.value)) {
      run();
      return;
    }
    // A word of one or two letters is most often the start of a longer one, and one of the
    // costliest searches (every word it begins): searched after a longer pause only.
    const last = words(input.value).pop() || "";
    typing = setTimeout(run, /\s$/.test(input.value) || last.length > 2 ? PAUSE_MS : 4 * PAUSE_MS);
    const ready = words(input.value.replace(/\S*$/, ""));
    if (/\S$/.test(input.value) && last.length >= PRELOAD_LETTERS) ready.push(last);
    const wanted = ready.filter((w) => !STOP_WORDS.has(w));
    if (wanted.length && pagefind) pagefind.then((pf) => pf.preload(wanted.join(" ")));
  }

  function links() {
    return [...list.querySelectorAll("a, button")];
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", typed);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { run(); input.focus(); });
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
    else input.blur();
  });
  box.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      ev.preventDefault();
      close();
      return;
    }
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    const items = links();
    if (!items.length) return;
    ev.preventDefault();
    const at = items.indexOf(document.activeElement);
    if (ev.key === "ArrowDown") items[Math.min(at + 1, items.length - 1)].focus();
    else if (at <= 0) input.focus();
    else items[at - 1].focus();
  });
  // « / » or « s » opens the search from anywhere but a form field (Material's shortcuts).
  document.addEventListener("keydown", (ev) => {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || toggle.checked) return;
    const target = ev.target;
    if (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    if (ev.key === "/" || ev.key === "s") {
      ev.preventDefault();
      input.focus();
    }
  });
  // A query in the address (« ?q=… », as Material's search accepts) opens the search with it.
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    input.focus();
    run();
  } else {
    box.dataset.shown = "";
  }
})();
