// Nutrition pages: small enhancements on top of pages that work without them.
(function () {
  "use strict";

  // After htmx swaps in an answer, put the keyboard focus on what just changed: the
  // element the server names in data-focus (a ticked meal, an added food), an error
  // message, or a field marked data-autofocus (a freshly added ingredient's amount).
  function focusChanged(root) {
    var error = root.querySelector("#action-error, #ingredients-errors");
    var named = root.getAttribute && root.getAttribute("data-focus");
    var target = error || (named && document.getElementById(named)) || root.querySelector("[data-autofocus]");
    if (!target) { return; }
    if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.detail && event.detail.elt;
    if (root && root.querySelector) { focusChanged(root); }
  });

  // The shopping list's Print button ships hidden: without this file it could not work.
  function setUpPrint(root) {
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpPrint(document);
    var day = document.getElementById("nutrition-day");
    if (day && day.getAttribute("data-focus")) { focusChanged(day); }
  });
})();
