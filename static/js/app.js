// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain-http development servers have no clipboard API: fall back to a selection.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  // <button data-copy-target="id" hidden> ships hidden so no-JS visitors never see a
  // button that cannot work; reveal it here.
  function setUpCopyButtons(root) {
    root.querySelectorAll("[data-copy-target]").forEach(function (button) {
      if (button.dataset.copyReady) { return; }
      button.dataset.copyReady = "1";
      button.hidden = false;
      var label = button.textContent;
      button.addEventListener("click", function () {
        var target = document.getElementById(button.dataset.copyTarget);
        if (!target) { return; }
        var status = document.getElementById(button.dataset.copyStatus || "");
        function say(text) {
          button.textContent = text;
          if (status) { status.textContent = text; }  // a live region: screen readers hear it
        }
        copyText(target.textContent.trim()).then(function () {
          say(button.dataset.copiedText || "Copied");
        }, function () {
          say("Copy failed: select the text and copy it");
        });
        window.setTimeout(function () { button.textContent = label; }, 2500);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setUpCopyButtons(document); });
  document.addEventListener("htmx:load", function (event) { setUpCopyButtons(event.target); });
})();
