// Portal training pages: small enhancements on top of pages that work without them.
(function () {
  "use strict";

  // A refused workout comes back as a swapped-in form (htmx): bring its error summary
  // into view, as a full page load would, and move focus there for screen readers.
  document.addEventListener("htmx:afterSettle", function () {
    var summary = document.getElementById("log-errors");
    if (!summary) { return; }
    summary.scrollIntoView({ block: "start", behavior: "smooth" });
    summary.focus({ preventScroll: true });
  });

  // The error summary's links jump to a set; put the cursor in its first field as well.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".error-links a") : null;
    if (!link) { return; }
    var message = document.querySelector(link.getAttribute("href"));
    var row = message && message.previousElementSibling;
    var input = row && row.querySelector("input.set-input");
    if (input) { window.setTimeout(function () { input.focus(); }, 0); }
  });
})();
