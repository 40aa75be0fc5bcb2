// Your data: when an export that was being prepared becomes ready (or fails) in place,
// put the keyboard focus on the news, so a keyboard or screen-reader user finds the
// download. A panel that merely loads (already ready) leaves the focus where it is.
(function () {
  "use strict";
  var wasPreparing = false;

  // A page that answers a form (the import's result) starts on its news.
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.querySelector("h1[data-focus]");
    if (target) { target.focus(); }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    wasPreparing = Boolean(target && target.hasAttribute("data-preparing"));
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!wasPreparing) { return; }
    var news = document.querySelector("#export-panel [data-focus]");
    if (news) { news.focus(); }
  });
})();
