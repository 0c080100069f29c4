/* The QR code of a record page, for paper: a printed example page carries the code of its
   online address (odd17/site/render.py writes the address into data-url, only when the kit has a
   public address). The browser draws it, not the build: drawing 10,000 codes in Python cost a
   sixth of the build for a block that only shows in print (scripts/bench.py, maintainers/
   performances.md). And the browser draws it only when the page is printed ("beforeprint",
   which Chromium also fires for a PDF made with printToPDF): computing the code at load was a
   long task that cost the page its Lighthouse performance score (total blocking time).
   The library is the npm package qrcode-generator, served by the site itself
   (assets/javascripts/qrcode-generator.js, shared with « Imprimer la sélection »), loaded with a
   <script> element so it works from file:// too; without it the address alone is printed. */
(function () {
  var boxes = document.querySelectorAll(".odd17-qr[data-url]");
  if (!boxes.length) return;
  var here = document.currentScript && document.currentScript.src;
  var base = here ? here.replace(/assets\/record-qr\.js(\?.*)?$/, "") : "";
  var SVG = "http://www.w3.org/2000/svg";

  function draw() {
    if (typeof window.qrcode !== "function") return;
    boxes.forEach(function (box) {
      if (box.querySelector("svg")) return;
      var code = window.qrcode(0, "M");
      code.addData(box.getAttribute("data-url"));
      code.make();
      var n = code.getModuleCount(), d = "";
      for (var r = 0; r < n; r++) {
        for (var c = 0; c < n; c++) {
          if (code.isDark(r, c)) d += "M" + (c + 4) + " " + (r + 4) + "h1v1h-1z";
        }
      }
      var svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("class", "odd17-qr__code");
      svg.setAttribute("viewBox", "0 0 " + (n + 8) + " " + (n + 8));
      svg.setAttribute("shape-rendering", "crispEdges");
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", d);
      svg.appendChild(path);
      box.insertBefore(svg, box.firstChild);
    });
  }

  if (typeof window.qrcode !== "function") {
    var script = document.createElement("script");
    script.src = base + "assets/javascripts/qrcode-generator.js";
    script.async = true;
    document.head.appendChild(script);
  }
  window.addEventListener("beforeprint", draw);
  var print = window.matchMedia && window.matchMedia("print");
  if (print && print.addListener) print.addListener(function (m) { if (m.matches) draw(); });
})();
