/* « Copier le lien » on example pages: the address is always shown as text; this script only
   reveals the button and copies the address, with a confirmation announced to screen readers. */
(function () {
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // file:// and plain http: the Clipboard API is unavailable, use a hidden selection instead.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      ok ? resolve() : reject(new Error("copy failed"));
    });
  }
  function setup() {
    document.querySelectorAll(".odd17-share__copy").forEach(function (button) {
      var status = button.parentNode.querySelector(".odd17-share__status");
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button.dataset.url).then(function () {
          status.textContent = "Lien copié dans le presse-papiers.";
        }, function () {
          status.textContent = "Copie impossible : sélectionnez l'adresse ci-contre.";
        });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
