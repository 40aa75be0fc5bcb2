// Your data: when an export becomes ready (or fails) in place, put the keyboard focus
// on the news, so a keyboard or screen-reader user finds the download.
(function () {
  "use strict";
  // A page that answers a form (the import's result) starts on its news too.
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.querySelector("h1[data-focus]");
    if (target) { target.focus(); }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.target.querySelector("[data-focus]");
    if (target) { target.focus(); }
  });
})();
