// Drag-and-drop reordering of a day's exercises in the program builder. A progressive
// enhancement: without this file the ↑/↓ buttons (plain form posts) do the same job.
(function () {
  "use strict";

  var dragged = null;
  var startOrder = "";

  function order(list) {
    return Array.prototype.map.call(list.querySelectorAll(":scope > li.rx"), function (li) {
      return li.dataset.id;
    }).join(",");
  }

  function setUpRow(li) {
    var handle = li.querySelector(".rx-handle");
    if (!handle || li.dataset.dragReady) { return; }
    li.dataset.dragReady = "1";
    // The handle is what drags, so text in the row's inputs stays selectable.
    handle.hidden = false;
    handle.setAttribute("draggable", "true");
    handle.addEventListener("dragstart", function (event) {
      dragged = li;
      startOrder = order(li.parentNode);
      li.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", li.dataset.id);
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
    window.htmx.ajax("POST", url, {
      source: list,
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

  document.addEventListener("DOMContentLoaded", function () {
    document.body.classList.add("js-builder");
    init(document);
  });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
