/* « Quel modèle de partenariat pour nous ? » (methode/quel-modele.md): shows the models that
   serve the chosen objectives. Without JavaScript, the table below the form gives the same. */
/* Whether a model (its data-objectifs, odd17/site/model_selector.py) answers one of the chosen
   objectives: the selector's one rule, which the « Carnet d'alliance » (carnet.js) uses too. */
window.odd17ModelServes = function (model, chosen) {
  var serves = (model.dataset.objectifs || "").split(" ");
  return chosen.some(function (o) { return serves.indexOf(o) !== -1; });
};
(function () {
  var form = document.getElementById("selecteur");
  if (!form) return;
  var models = Array.prototype.slice.call(document.querySelectorAll(".odd17-model"));
  var result = document.querySelector(".odd17-selector__result");
  var notes = Array.prototype.slice.call(document.querySelectorAll(".odd17-selector__actor"));
  function update() {
    var actor = (form.querySelector("input[name=acteur]:checked") || {}).value;
    var chosen = Array.prototype.map.call(
      form.querySelectorAll("input[name=objectif]:checked"), function (box) { return box.value; });
    var shown = 0;
    models.forEach(function (model) {
      var ok = window.odd17ModelServes(model, chosen);
      model.hidden = !ok;
      if (ok) shown += 1;
    });
    notes.forEach(function (note) { note.hidden = note.dataset.for !== actor; });
    // « Vous êtes » changes the reading of the same objectives (the page's « deux lectures »).
    var poles = [];
    document.querySelectorAll('.odd17-reading[data-for="' + actor + '"] li').forEach(function (li) {
      var ids = li.dataset.objectifs.split(" ");
      var hit = chosen.some(function (o) { return ids.indexOf(o) !== -1; });
      li.classList.toggle("odd17-reading__chosen", hit);
      if (hit) poles.push(li.dataset.pole);
    });
    var reading = poles.length === 0 ? "" : " Pour " + (actor === "entreprise"
      ? "une entreprise" : "une association") + ", " + (chosen.length > 1 ? "ces objectifs relèvent" : "cet objectif relève")
      + (" de " + poles.join(" et de ")).replace(/ de le /g, " du ") + ".";
    result.textContent = chosen.length === 0
      ? "Cochez un ou plusieurs objectifs pour voir les modèles qui y répondent."
      : shown + (shown > 1 ? " modèles répondent" : " modèle répond")
        + (chosen.length > 1 ? " à ces objectifs." : " à cet objectif.") + reading;
  }
  // ?acteur=entreprise (the home page's ways in) chooses « Vous êtes ».
  var asked = new URLSearchParams(window.location.search).get("acteur");
  var radio = asked && form.querySelector('input[name=acteur][value="' + asked.replace(/[^a-z-]/g, "") + '"]');
  if (radio) radio.checked = true;
  form.hidden = false;
  form.addEventListener("change", update);
  update();
})();
