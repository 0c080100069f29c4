/* « Quel modèle de partenariat pour nous ? » (methode/quel-modele.md): shows the models that
   serve the chosen objectives. Without JavaScript, the table below the form gives the same. */
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
      var serves = model.dataset.objectifs.split(" ");
      var ok = chosen.length > 0 && chosen.some(function (o) { return serves.indexOf(o) !== -1; });
      model.hidden = !ok;
      if (ok) shown += 1;
    });
    notes.forEach(function (note) { note.hidden = note.dataset.for !== actor; });
    result.textContent = chosen.length === 0
      ? "Cochez un ou plusieurs objectifs pour voir les modèles qui y répondent."
      : shown + (shown > 1 ? " modèles répondent" : " modèle répond") + " à ces objectifs.";
  }
  form.hidden = false;
  form.addEventListener("change", update);
  update();
})();
