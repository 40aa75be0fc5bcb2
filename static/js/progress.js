// Progress pages: small enhancements on top of pages that work without them.
(function () {
  "use strict";

  function focusOnce(element) {
    element.setAttribute("data-focused", "1");
    element.focus();
  }

  // After htmx swaps something in, put the keyboard focus on what changed: a note
  // marked data-focus (saved, an error summary) or a dismissed item's note, else the
  // first field with an error, else the chosen range of the charts.
  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.target;
    var note = document.querySelector("[data-focus]:not([data-focused]), .attention-gone:not([data-focused])");
    if (note) { focusOnce(note); return; }
    if (!swapped || !swapped.querySelector) { return; }
    var invalid = swapped.querySelector("[aria-invalid='true']");
    if (invalid) { invalid.focus(); return; }
    if (swapped.id === "progress-charts") {
      var range = swapped.querySelector("nav.range-select a[aria-current]");
      if (range) { range.focus(); }
    }
  });

  // A page opened at #reply-<id> (a reply just sent): focus that message.
  document.addEventListener("DOMContentLoaded", function () {
    var hash = window.location.hash;
    if (hash.indexOf("#reply-") !== 0) { return; }
    var message = document.getElementById(hash.slice(1));
    if (message) { message.focus(); }
  });
})();
