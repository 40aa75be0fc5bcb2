// Your data: when an export becomes ready (or fails) in place, put the keyboard focus
// on the news, so a keyboard or screen-reader user finds the download.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.target.querySelector("[data-focus]");
    if (target) { target.focus(); }
  });
})();
