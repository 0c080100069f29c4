/* « Carnet d'alliance » (methode/carnet.md, odd17/site/workbook.py): keeps the answers in this
   browser (localStorage) as they are typed, exports and imports them as a file, prints the
   sheet with the answers or blank. Nothing leaves the browser.

   An imported file is data from anyone: only the page's own field names are read, each value
   must have its field's type (text: a string within the field's maxlength; a box: true or
   false; a choice: one of the page's values), and values only ever reach a field's .value,
   .checked or a box's textContent. */
(function () {
  var tools = document.querySelector(".odd17-carnet__tools");
  if (!tools) return;
  var STORE = "odd17-carnet";
  var FORMAT = "odd17-carnet";
  var VERSION = 1;
  var MAX_FILE = 1024 * 1024;  // bytes: far above 60 full answers; a bigger file is not ours
  var status = tools.querySelector(".odd17-carnet__status");
  var dialog = tools.querySelector(".odd17-carnet__confirm");
  var fileInput = tools.querySelector("[data-carnet-file]");
  var fields = Array.prototype.slice.call(document.querySelectorAll("[data-carnet]"));
  var byName = new Map();  // a Map: no « __proto__ » or « constructor » key can reach an object
  fields.forEach(function (field) {
    if (!byName.has(field.name)) byName.set(field.name, []);
    byName.get(field.name).push(field);
  });

  function say(message) { status.textContent = message; }

  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(STORE + "-test", "1");
    storage.removeItem(STORE + "-test");
  } catch (e) {
    storage = null;
  }
  var NO_STORAGE = "Ce navigateur n'autorise pas l'enregistrement de vos réponses (navigation " +
    "privée ou stockage désactivé) : elles seront perdues en quittant la page. Pensez à les " +
    "exporter.";

  function paper(field) {
    var box = field.parentNode.querySelector(".odd17-carnet__paper");
    if (box) box.textContent = field.value;  // the printed answer: text only
  }

  function collect() {
    var answers = {};
    byName.forEach(function (group, name) {
      var first = group[0];
      if (first.type === "radio") {
        var on = group.filter(function (f) { return f.checked; })[0];
        if (on) answers[name] = on.value;
      } else if (first.type === "checkbox") {
        if (first.checked) answers[name] = true;
      } else if (first.value !== "") {
        answers[name] = first.value;
      }
    });
    return answers;
  }

  function count(answers) { return Object.keys(answers).length; }

  function apply(answers) {
    byName.forEach(function (group, name) {
      var value = answers.has(name) ? answers.get(name) : undefined;
      group.forEach(function (field) {
        if (field.type === "radio") field.checked = value === field.value;
        else if (field.type === "checkbox") field.checked = value === true;
        else { field.value = typeof value === "string" ? value : ""; paper(field); }
      });
    });
    update();
  }

  /* The answers of a parsed file or of the store, checked field by field: a Map of the valid
     ones, and how many were left out. Throws a French message when it is not a carnet. */
  function validate(data) {
    if (data === null || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT) {
      throw new Error("Ce fichier n'est pas un export du Carnet d'alliance : rien n'a été importé.");
    }
    if (typeof data.version !== "number" || data.version > VERSION) {
      throw new Error("Ce fichier vient d'une version plus récente du carnet : rien n'a été importé.");
    }
    var given = data.answers;
    if (given === null || typeof given !== "object" || Array.isArray(given)) {
      throw new Error("Ce fichier ne contient pas de réponses lisibles : rien n'a été importé.");
    }
    var answers = new Map();
    var skipped = 0;
    Object.keys(given).forEach(function (name) {
      var group = byName.get(name);
      var value = given[name];
      var first = group && group[0];
      var ok = false;
      if (!first) ok = false;
      else if (first.type === "radio") {
        ok = typeof value === "string" && group.some(function (f) { return f.value === value; });
      } else if (first.type === "checkbox") ok = value === true || value === false;
      else ok = typeof value === "string" && value.length <= first.maxLength;
      if (ok) answers.set(name, value);
      else skipped += 1;
    });
    return { answers: answers, skipped: skipped };
  }

  function save() {
    if (!storage) return;
    try {
      storage.setItem(STORE, JSON.stringify({ format: FORMAT, version: VERSION, answers: collect() }));
    } catch (e) {
      say("Vos réponses n'ont pas pu être enregistrées dans ce navigateur (stockage plein ou " +
          "refusé). Exportez-les pour les garder.");
    }
  }

  // « Qualifier le modèle »: the models that answer our objectives, by the selector's rule.
  var models = Array.prototype.slice.call(document.querySelectorAll(".odd17-carnet__model"));
  var modelsStatus = document.querySelector(".odd17-carnet__models-status");
  var readings = Array.prototype.slice.call(document.querySelectorAll(".odd17-carnet__reading"));
  function update() {
    var ours = [];
    byName.forEach(function (group, name) {
      if (name.indexOf("objectifs.nous.") === 0 && group[0].type === "checkbox" && group[0].checked) {
        ours.push(name.slice("objectifs.nous.".length));
      }
    });
    var names = [];
    models.forEach(function (model) {
      var hit = window.odd17ModelServes ? window.odd17ModelServes(model, ours) : false;
      model.classList.toggle("odd17-carnet__model--match", hit);
      model.querySelector(".odd17-carnet__match").hidden = !hit;
      if (hit) names.push(model.querySelector("label").textContent.trim());
    });
    if (modelsStatus) {
      modelsStatus.textContent = ours.length === 0
        ? "Cochez vos objectifs (étape 1) : le carnet indique ici les modèles qui y répondent."
        : names.length + (names.length > 1 ? " modèles répondent" : " modèle répond") +
          " à nos objectifs : " + names.join(", ") + ".";
    }
    // The readings of our kind of organisation and of our partner's (all of them if neither).
    var kinds = ["objectifs.nous-sommes", "objectifs.partenaire-est"].map(function (name) {
      var on = (byName.get(name) || []).filter(function (f) { return f.checked; })[0];
      return on ? on.value : null;
    }).filter(Boolean);
    readings.forEach(function (p) {
      p.hidden = kinds.length > 0 && kinds.indexOf(p.dataset.for) === -1;
    });
  }

  // Load what this browser kept.
  if (storage) {
    var kept = null;
    try { kept = storage.getItem(STORE); } catch (e) { kept = null; }
    if (kept) {
      try {
        apply(validate(JSON.parse(kept)).answers);
      } catch (e) {
        say("Les réponses gardées dans ce navigateur n'ont pas pu être relues.");
      }
    }
  } else {
    say(NO_STORAGE);
  }
  update();

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.hasAttribute || !field.hasAttribute("data-carnet")) return;
    if (field.tagName === "TEXTAREA") paper(field);
    update();
    save();
  });
  document.addEventListener("change", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-carnet")) { update(); save(); }
  });

  function today() { return new Date().toISOString().slice(0, 10); }

  function download(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function exportJson() {
    var answers = collect();
    download(JSON.stringify({ format: FORMAT, version: VERSION, exported: today(),
                              page: document.title, answers: answers }, null, 2) + "\n",
             "application/json", "carnet-alliance-" + today() + ".json");
    say(count(answers) + " réponse(s) exportée(s) dans le fichier carnet-alliance-" + today() + ".json.");
  }

  // A readable copy: each fieldset's legend, then its answered questions and ticked boxes.
  function exportText() {
    var lines = ["# " + document.querySelector("h1").textContent.trim(), ""];
    document.querySelectorAll("fieldset.odd17-carnet").forEach(function (set) {
      var out = [];
      set.querySelectorAll("[data-carnet]").forEach(function (field) {
        var label = (document.querySelector('label[for="' + field.id + '"]') || {}).textContent || field.name;
        label = label.trim();
        if (field.type === "checkbox" || field.type === "radio") {
          if (field.checked) out.push("- [x] " + label);
        } else if (field.value.trim() !== "") {
          out.push("**" + label + "**", "", field.value.trim(), "");
        }
      });
      if (out.length) lines.push("## " + set.querySelector("legend").textContent.trim(), "", out.join("\n"), "");
    });
    download(lines.join("\n"), "text/markdown;charset=utf-8", "carnet-alliance-" + today() + ".md");
    say("Vos réponses sont exportées en texte dans le fichier carnet-alliance-" + today() + ".md.");
  }

  function importFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE) {
      say("Ce fichier est trop gros pour être un export du Carnet d'alliance : rien n'a été importé.");
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var result;
      try {
        var data;
        try { data = JSON.parse(String(reader.result)); } catch (e) {
          throw new Error("Ce fichier n'est pas un export du Carnet d'alliance (il n'est pas au " +
                          "format JSON) : rien n'a été importé.");
        }
        result = validate(data);
      } catch (e) {
        say(e.message);
        return;
      }
      var replaced = count(collect()) > 0;
      apply(result.answers);
      save();
      say(result.answers.size + " réponse(s) importée(s)." + (replaced
        ? " Elles remplacent celles qui étaient dans ce navigateur." : "") + (result.skipped
        ? " " + result.skipped + " élément(s) du fichier ne correspondaient à aucune question " +
          "de cette page et ont été ignorés." : ""));
    };
    reader.onerror = function () { say("Ce fichier n'a pas pu être lu : rien n'a été importé."); };
    reader.readAsText(file);
  }

  var back = null;  // the button to give the focus back to when the dialog closes
  function clearAll() {
    apply(new Map());
    if (storage) {
      try { storage.removeItem(STORE); } catch (e) { /* nothing kept, nothing to remove */ }
    }
    say("Vos réponses ont été effacées de ce navigateur.");
  }
  dialog.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button") : null;
    if (!button) return;
    if (button.value === "effacer") clearAll();
    dialog.close();
  });
  dialog.addEventListener("close", function () { if (back) back.focus(); });

  function printSheet(blank) {
    if (!blank) { window.print(); return; }
    // The blank sheet: the fields are emptied for the print only, and put back (nothing saved).
    var answers = collect();
    var kept = new Map(Object.keys(answers).map(function (k) { return [k, answers[k]]; }));
    apply(new Map());
    var restored = false;
    function restore() { if (!restored) { restored = true; apply(kept); } }
    window.addEventListener("afterprint", restore, { once: true });
    window.print();
    setTimeout(restore, 0);
  }

  tools.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-carnet-action]") : null;
    if (!button) return;
    var action = button.getAttribute("data-carnet-action");
    if (action === "exporter") exportJson();
    else if (action === "exporter-texte") exportText();
    else if (action === "importer") fileInput.click();
    else if (action === "imprimer") printSheet(false);
    else if (action === "imprimer-vierge") printSheet(true);
    else if (action === "effacer") {
      back = button;
      if (typeof dialog.showModal === "function") dialog.showModal();
      else if (window.confirm("Effacer toutes vos réponses de ce navigateur ?")) clearAll();
    }
  });
  fileInput.addEventListener("change", function () {
    importFile(fileInput.files[0]);
    fileInput.value = "";
  });

  tools.hidden = false;
})();
