// The program builder's enhancements. The page works without this file (every row and
// button is a plain form); with it: rows save as you type, exercises drag to reorder,
// a request that fails says so where it failed, and Back never shows a stale program.
(function () {
  "use strict";

  // ---------- Back shows the program as it is now ----------
  // The server sends Cache-Control: no-store; a browser that still restores the page
  // from its back/forward cache gets a fresh copy instead.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  // ---------- autosave ----------
  // A changed input submits its row; the row's first button (Save) is the submitter,
  // so htmx posts it to the row's own address.
  document.addEventListener("change", function (event) {
    var form = event.target.closest ? event.target.closest("form.rx-form") : null;
    if (form && window.htmx && form.requestSubmit) { form.requestSubmit(); }
  });

  // ---------- failed requests say so ----------
  function messageFor(status, elt) {
    if (status === 0) {
      return "No connection: that change was not saved. Check the connection and try again.";
    }
    if (status === 404) {
      if (elt.closest(".rx")) { return "This exercise was removed (in another tab, or before you went back). Reload to see the program as it is now."; }
      if (elt.closest(".day-card")) { return "This training day was removed. Reload to see the program as it is now."; }
      return "This was removed since the page loaded. Reload to see the program as it is now.";
    }
    if (status === 403) { return "You can't change this program. Reload to see it as it is now."; }
    if (status === 429) { return "Too many changes at once: wait a moment, then try again."; }
    return "Something went wrong and that change was not saved. Reload and try again.";
  }

  function showError(detail, status) {
    var elt = detail.elt || document.body;
    var box = elt.closest(".rx, .day-card, .week, .copy-form") || document.querySelector("#weeks-list") || document.body;
    var old = box.querySelector(":scope > .fragment-error");
    if (old) { old.remove(); }
    var alert = document.createElement("div");
    alert.className = "fragment-error";
    alert.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent = messageFor(status, elt);
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "small";
    reload.textContent = "Reload the page";
    reload.addEventListener("click", function () { window.location.reload(); });
    alert.appendChild(text);
    alert.appendChild(reload);
    box.insertBefore(alert, box.firstChild);
    reload.focus({ preventScroll: false });
  }

  document.addEventListener("htmx:responseError", function (event) {
    showError(event.detail, event.detail.xhr ? event.detail.xhr.status : 500);
  });
  document.addEventListener("htmx:sendError", function (event) { showError(event.detail, 0); });

  // ---------- "Cancel" on a form opened in place ----------
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-dismiss]") : null;
    if (!link || !window.htmx) { return; }
    var form = link.closest(link.dataset.dismiss);
    if (!form) { return; }
    event.preventDefault();
    var holder = form.parentNode;
    form.remove();
    var opener = holder && holder.id ? document.querySelector("[hx-target='#" + holder.id + "']") : null;
    if (opener) { opener.focus(); }
  });

  // ---------- drag-and-drop reordering ----------
  // A progressive enhancement: without it the ↑/↓ buttons do the same job.
  var dragged = null;
  var startOrder = "";

  function rowId(li) { return li.id.replace("rx-", ""); }

  function order(list) {
    return Array.prototype.map.call(list.querySelectorAll(":scope > li.rx"), rowId).join(",");
  }

  function setUpRow(li) {
    if (li.dataset.dragReady) { return; }
    var head = li.querySelector(".rx-head");
    if (!head) { return; }
    li.dataset.dragReady = "1";
    // The handle is what drags, so text in the row's inputs stays selectable.
    var handle = document.createElement("span");
    handle.className = "rx-handle";
    handle.textContent = "⠿";
    handle.title = "Drag to reorder";
    handle.setAttribute("aria-hidden", "true");
    handle.setAttribute("draggable", "true");
    head.insertBefore(handle, head.firstChild);
    handle.addEventListener("dragstart", function (event) {
      dragged = li;
      startOrder = order(li.parentNode);
      li.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", rowId(li));
      event.dataTransfer.setDragImage(li, 24, 24);
    });
    handle.addEventListener("dragend", function () {
      var list = li.parentNode;
      li.classList.remove("dragging");
      dragged = null;
      if (list && order(list) !== startOrder) { send(list); }
    });
  }

  function setUpList(list) {
    if (list.dataset.dragReady) { return; }
    list.dataset.dragReady = "1";
    list.addEventListener("dragover", function (event) {
      if (!dragged || dragged.parentNode !== list) { return; }
      event.preventDefault();
      var over = event.target.closest("li.rx");
      if (!over || over === dragged || over.parentNode !== list) { return; }
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener("drop", function (event) {
      if (dragged && dragged.parentNode === list) { event.preventDefault(); }
    });
  }

  function send(list) {
    var url = list.dataset.reorderUrl;
    var target = list.dataset.reorderTarget;
    if (!url || !target || !window.htmx) { return; }
    // htmx adds the CSRF header from <body hx-headers> and swaps in the day's list as
    // the server now has it (with superset letters re-derived).
    // The list's own hx-* settings are for its rows' forms; the request starts from the
    // box around it.
    window.htmx.ajax("POST", url, {
      source: list.parentNode,
      target: target,
      swap: "outerHTML",
      values: { order: order(list) }
    });
  }

  function init(root) {
    if (!root.querySelectorAll) { return; }
    if (root.matches && root.matches("ol[data-reorder-url]")) { setUpList(root); }
    if (root.matches && root.matches("ol[data-reorder-url] > li.rx")) { setUpRow(root); }
    root.querySelectorAll("ol[data-reorder-url]").forEach(setUpList);
    root.querySelectorAll("ol[data-reorder-url] > li.rx").forEach(setUpRow);
  }

  // ---------- the keyboard focus survives a swap ----------
  // The server marks what should take the focus after a change with [autofocus] (the
  // new row's Sets field). A later swap (a summary refreshed, a search answer arriving
  // late) may replace that field or take the focus elsewhere before the user does
  // anything: until they press a key or click, the focus goes back to that field.
  var wanted = "";
  function selectorFor(el) {
    if (el.id) { return "#" + CSS.escape(el.id); }
    if (el.name) { return "[name='" + CSS.escape(el.name) + "']"; }
    return "";
  }
  ["keydown", "mousedown", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function () { wanted = ""; }, true);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    // htmx fires this on each settled element: the new content. (event.detail.target is
    // the element the request named: after an outerHTML swap, the old one, detached.)
    var root = event.target;
    var marked = null;
    if (root && root.matches && root.matches("[autofocus]")) { marked = root; }
    else if (root && root.querySelector) { marked = root.querySelector("[autofocus]"); }
    if (marked && marked.isConnected) { wanted = selectorFor(marked); }
    var target = wanted ? document.querySelector(wanted) : null;
    if (target && document.activeElement !== target) { target.focus({ preventScroll: true }); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.body.classList.add("js-builder");
    init(document);
  });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
