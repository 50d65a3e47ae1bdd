// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // "/" focuses the search box, as on GitHub and MDN.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.closest && target.closest("input, textarea, select, [contenteditable]");
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var box = document.querySelector("#search-q, #home-q, #nav-q");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    }
  });

  // A copy button on every code block.
  function addCopyButtons(root) {
    root.querySelectorAll("figure.code").forEach(function (figure) {
      if (figure.querySelector(".copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy code to clipboard");
      button.addEventListener("click", function () {
        var code = figure.querySelector("code.language-" + figure.dataset.lang) || figure.querySelector("pre code");
        navigator.clipboard.writeText(code.innerText).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 1500);
        }, function () { button.textContent = "Press Ctrl+C"; });
      });
      figure.appendChild(button);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { addCopyButtons(document); });
  document.addEventListener("htmx:afterSwap", function (event) { addCopyButtons(event.target); });
})();
