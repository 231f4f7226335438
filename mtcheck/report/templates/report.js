/* mtcheck report: sorting and filtering of the sentence table. The page is complete without it. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var table = document.getElementById("sentences");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="severity"]'));
  var kindSelect = document.getElementById("filter-kind");
  var status = document.getElementById("filter-status");
  var noRows = document.getElementById("no-rows");
  var headers = Array.prototype.slice.call(table.tHead.querySelectorAll("th.sortable"));
  // Worst first is what an editor wants on the first click.
  var firstDirection = { index: "ascending", chrf: "ascending", bleu: "ascending", ter: "descending", rank: "descending" };

  function applyFilter() {
    var allowed = {};
    boxes.forEach(function (box) { allowed[box.value] = box.checked; });
    var kind = kindSelect ? kindSelect.value : "";
    var shown = 0;
    rows.forEach(function (row) {
      var visible = allowed[row.dataset.sev] !== false &&
        (kind === "" || (" " + row.dataset.kinds + " ").indexOf(" " + kind + " ") !== -1);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    status.textContent = shown === rows.length ? rows.length + " sentences"
      : shown + " of " + rows.length + " sentences shown";
    noRows.hidden = shown !== 0;
  }

  function resetFilter() {
    boxes.forEach(function (box) { box.checked = true; });
    if (kindSelect) { kindSelect.value = ""; }
    applyFilter();
  }

  function sortBy(th, direction) {
    var key = th.dataset.key;
    var sign = direction === "ascending" ? 1 : -1;
    var keyed = rows.map(function (row) {
      var v = parseFloat(row.dataset[key]);
      return { row: row, value: isNaN(v) ? null : v, index: parseInt(row.dataset.index, 10) };
    });
    keyed.sort(function (a, b) {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) { return a.value === null ? 1 : -1; }  // missing scores last
      } else if (a.value !== b.value) {
        return (a.value - b.value) * sign;
      }
      return a.index - b.index;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.row); });
    tbody.appendChild(fragment);
    rows = keyed.map(function (item) { return item.row; });
    headers.forEach(function (h) { h.setAttribute("aria-sort", h === th ? direction : "none"); });
  }

  headers.forEach(function (th) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var current = th.getAttribute("aria-sort");
      var direction = current === "none" ? firstDirection[th.dataset.key] || "ascending"
        : (current === "ascending" ? "descending" : "ascending");
      sortBy(th, direction);
    });
  });
  boxes.forEach(function (box) { box.addEventListener("change", applyFilter); });
  if (kindSelect) { kindSelect.addEventListener("change", applyFilter); }
  var reset = document.getElementById("filter-reset");
  if (reset) { reset.addEventListener("click", resetFilter); }

  // Following a highlight to a sentence the filters hide shows everything again.
  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.tagName === "TR" && target.hidden) {
      resetFilter();
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", revealTarget);

  // Printing shows the pivot texts that are folded away on screen.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  applyFilter();
}());
