// Billing pages: small enhancements on top of pages that work without them.
(function () {
  "use strict";

  // After a form comes back with a problem, or a line was added in place, put the
  // keyboard focus on what changed (the error summary, the new line).
  function focusChange(root) {
    var target = root.querySelector("[data-focus]") ||
      root.querySelector(".form-errors[tabindex]") ||
      root.querySelector("[aria-invalid='true']");
    if (target) { target.focus(); }
  }

  // The Print button ships hidden: without this script, the browser's own Print works.
  function setUpPrint(root) {
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpPrint(document);
    focusChange(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) { focusChange(event.target); });
})();
