/* Accessibility fixes on top of the Material theme, without copying its templates. */
(function () {
  /* Its search panel is a role="dialog" with no accessible name (axe: aria-dialog-name). */
  document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (el) {
    el.setAttribute("aria-label", "Rechercher dans le kit");
  });
  /* The search panel (Material's offline, the kit's online) opens when its box takes focus and
     closed only on Escape: a keyboard reader tabbing on left the page dimmed under it, or a blank
     full-screen panel on a phone. It closes when focus moves to a control outside it. */
  var toggle = document.getElementById("__search");
  document.querySelectorAll(".md-search").forEach(function (box) {
    box.addEventListener("focusout", function (ev) {
      var next = ev.relatedTarget;
      if (!toggle || !toggle.checked || !next || box.contains(next)) return;
      toggle.checked = false;
      toggle.dispatchEvent(new CustomEvent("change"));
    });
  });
})();
