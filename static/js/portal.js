// Portal training pages: small enhancements on top of pages that work without them.
(function () {
  "use strict";

  // ---------- the log form never loses what was typed ----------
  // Every change is kept on the phone (localStorage) under the form's draft key, with
  // the version of the log the server last saved. After a reload, a lost connection or
  // a crash, a draft made on the version the page shows is put back into the form; a
  // draft made on an older version (the server has saved since) is dropped.
  var PREFIX = "fitnesspr:log-draft:";

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function values(form) {
    var found = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.type === "hidden" || field.type === "submit") { return; }
      found[field.name] = field.type === "checkbox" ? field.checked : field.value;
    });
    return found;
  }

  function saveDraft(form) {
    var store = storage();
    if (!store) { return; }
    var draft = { version: form.dataset.draftVersion, values: values(form), at: Date.now() };
    try { store.setItem(PREFIX + form.dataset.draftKey, JSON.stringify(draft)); } catch (e) { /* full */ }
  }

  function restoreDraft(form) {
    var store = storage();
    if (!store || !form.dataset.draftKey) { return; }
    var key = PREFIX + form.dataset.draftKey;
    var draft = null;
    try { draft = JSON.parse(store.getItem(key) || "null"); } catch (e) { draft = null; }
    if (!draft || draft.version !== form.dataset.draftVersion) {
      store.removeItem(key);  // nothing kept, or the server has saved since
      return;
    }
    var changed = false;
    Object.keys(draft.values || {}).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (!field || field.type === "hidden" || !field.name) { return; }
      var value = draft.values[name];
      if (field.type === "checkbox") {
        if (field.checked !== value) { field.checked = value; changed = true; }
      } else if (field.value !== value) {
        field.value = value;
        changed = true;
      }
    });
    var notice = document.getElementById("draft-restored");
    if (changed && notice) { notice.hidden = false; }
  }

  function setUpLogForm(root) {
    var form = root.id === "log-form" ? root : root.querySelector && root.querySelector("#log-form");
    if (!form || form.dataset.draftReady) { return; }
    form.dataset.draftReady = "1";
    restoreDraft(form);
    form.addEventListener("input", function () { saveDraft(form); });
    form.addEventListener("change", function () { saveDraft(form); });
  }

  document.addEventListener("DOMContentLoaded", function () { setUpLogForm(document); });
  document.addEventListener("htmx:load", function (event) { setUpLogForm(event.target); });
  // Back/forward cache: the form as it was left, but check the draft all the same.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  // A request that never reached the server: say so by the buttons; the draft stays.
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("#log-form") : null;
    var notice = document.getElementById("log-offline");
    if (!form || !notice) { return; }
    saveDraft(form);
    notice.hidden = false;
    notice.scrollIntoView({ block: "center", behavior: "smooth" });
  });
  document.addEventListener("htmx:responseError", function (event) {
    var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("#log-form") : null;
    var notice = document.getElementById("log-offline");
    if (!form || !notice) { return; }
    notice.textContent = "That didn't go through (the server said no). Your sets are kept on this phone: reload the page and try again.";
    notice.hidden = false;
  });

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
