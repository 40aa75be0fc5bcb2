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

  // A refused or failed htmx request swaps nothing: say so in plain words, where the
  // keyboard focus goes, instead of leaving a button that seems to do nothing.
  function sayError(text) {
    var box = document.getElementById("request-error");
    var main = document.getElementById("main");
    if (!box && main) {
      box = document.createElement("div");
      box.id = "request-error";
      box.className = "message message-error";
      box.setAttribute("role", "alert");
      box.tabIndex = -1;
      main.insertBefore(box, main.firstChild);
    }
    if (!box) { return; }
    box.textContent = text;
    box.focus();
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail && event.detail.xhr ? event.detail.xhr.status : 0;
    if (status === 404) {
      sayError("That is no longer there (it may have been removed). Reload the page to see it as it is now.");
    } else if (status === 403) {
      sayError("You can't change this.");
    } else {
      sayError("Something went wrong on our side and nothing was saved. Please try again.");
    }
  });
  document.addEventListener("htmx:sendError", function () {
    sayError("No connection: nothing was saved. Check your connection and try again.");
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
