/* Accessibility fixes on top of the Material theme, without copying its templates:
   its search panel is a role="dialog" with no accessible name (axe: aria-dialog-name). */
(function () {
  document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (el) {
    el.setAttribute("aria-label", "Rechercher dans le kit");
  });
})();
