// Draw ```mermaid blocks; loaded only on pages that have one. Follows the system colour scheme.
(function () {
  "use strict";
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  window.mermaid.initialize({ startOnLoad: false, theme: dark ? "dark" : "neutral", securityLevel: "strict" });
  window.mermaid.run({ querySelector: "pre.mermaid" });
})();
