/* Reading companion: reading progress kept in this browser, and the All-papers filters.
   No server, no cookies, no third-party code: progress lives in localStorage only. */
(function () {
  "use strict";
  var STORE = "reading-companion:read";

  function loadRead() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}") || {}; } catch (e) { return {}; }
  }
  function saveRead(read) {
    try { localStorage.setItem(STORE, JSON.stringify(read)); } catch (e) { /* private mode: keep in memory */ }
  }
  function setRead(key, isRead) {
    var read = loadRead();
    if (isRead) { read[key] = new Date().toISOString().slice(0, 10); } else { delete read[key]; }
    saveRead(read);
    refresh();
  }

  function refresh() {
    var read = loadRead();
    document.querySelectorAll("input.rc-read").forEach(function (box) {
      box.checked = Object.prototype.hasOwnProperty.call(read, box.dataset.key);
      var holder = box.closest(".rc-card, tr");
      if (holder) { holder.classList.toggle("rc-is-read", box.checked); }
    });
    document.querySelectorAll("[data-keys]").forEach(function (el) {
      var keys = el.dataset.keys.split(/\s+/).filter(Boolean);
      if (!keys.length) { return; }
      var done = keys.filter(function (k) { return Object.prototype.hasOwnProperty.call(read, k); }).length;
      var pct = Math.round(100 * done / keys.length);
      el.innerHTML = "";
      var bar = document.createElement("span");
      bar.className = "rc-progress__bar";
      bar.setAttribute("role", "progressbar");
      bar.setAttribute("aria-valuenow", String(pct));
      bar.setAttribute("aria-valuemin", "0");
      bar.setAttribute("aria-valuemax", "100");
      bar.setAttribute("aria-label", "Papers read");
      bar.style.display = "block";
      var fill = document.createElement("span");
      fill.className = "rc-progress__fill";
      fill.style.display = "block";
      fill.style.width = pct + "%";
      bar.appendChild(fill);
      var label = document.createElement("span");
      label.className = "rc-progress__label";
      label.textContent = done + " of " + keys.length + " read";
      el.appendChild(bar);
      el.appendChild(label);
    });
  }

  function bindMarks() {
    document.querySelectorAll("input.rc-read").forEach(function (box) {
      if (box.dataset.bound) { return; }
      box.dataset.bound = "1";
      box.addEventListener("change", function () { setRead(box.dataset.key, box.checked); });
    });
  }

  function progressTools() {
    var host = document.getElementById("rc-progress-tools");
    if (!host || host.dataset.bound) { return; }
    host.dataset.bound = "1";
    var exportButton = document.createElement("button");
    exportButton.className = "md-button";
    exportButton.id = "rc-export";
    exportButton.textContent = "Export my progress (JSON)";
    exportButton.addEventListener("click", function () {
      var blob = new Blob([JSON.stringify({ format: "reading-companion-progress", version: 1, read: loadRead() }, null, 2)],
        { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "reading-progress.json";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    var importLabel = document.createElement("label");
    importLabel.className = "md-button";
    importLabel.textContent = "Import progress";
    var input = document.createElement("input");
    input.type = "file";
    input.accept = "application/json,.json";
    input.id = "rc-import";
    input.style.display = "none";
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) { return; }
      file.text().then(function (text) {
        var data = JSON.parse(text);
        var read = loadRead();
        Object.keys((data && data.read) || {}).forEach(function (k) { read[k] = String(data.read[k]); });
        saveRead(read);
        refresh();
        status.textContent = "Imported " + Object.keys(data.read || {}).length + " marks.";
      }).catch(function () { status.textContent = "That file is not a progress export."; });
    });
    importLabel.appendChild(input);
    var status = document.createElement("p");
    status.className = "rc-count";
    status.setAttribute("role", "status");
    host.appendChild(exportButton);
    host.appendChild(document.createTextNode(" "));
    host.appendChild(importLabel);
    host.appendChild(status);
  }

  /* ---- All papers: filters with their state in the URL, and sorting ---- */
  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }
  function select(name, label, values) {
    var wrap = document.createElement("label");
    wrap.textContent = label + " ";
    var s = document.createElement("select");
    s.name = name;
    s.appendChild(option("", "any"));
    values.forEach(function (v) { s.appendChild(option(v[0], v[1])); });
    wrap.appendChild(s);
    return wrap;
  }
  function uniq(rows, attr) {
    var seen = {};
    rows.forEach(function (r) { seen[r.dataset[attr]] = true; });
    return Object.keys(seen).filter(Boolean).sort();
  }

  function bindTable() {
    var table = document.getElementById("rc-all-papers");
    if (!table || table.dataset.bound) { return; }
    table.dataset.bound = "1";
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.forEach(function (r) { r.dataset.text = r.textContent.toLowerCase(); });
    // Topics in the site's order, with their titles (a title may itself hold a comma).
    var topics = [];
    try { topics = JSON.parse(table.dataset.topicTitles || "[]"); } catch (e) { topics = []; }
    var used = {};
    rows.forEach(function (r) { r.dataset.topics.split(" ").forEach(function (slug) { used[slug] = true; }); });
    topics = topics.filter(function (t) { return used[t[0]]; });
    var form = document.createElement("form");
    form.className = "rc-filters";
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var text = document.createElement("input");
    text.type = "search";
    text.name = "q";
    text.placeholder = "Filter by title, author, venue";
    text.setAttribute("aria-label", "Filter papers by text");
    form.appendChild(text);
    var set = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Topics:";
    set.appendChild(legend);
    topics.forEach(function (topic) {
      var l = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = "topic";
      box.value = topic[0];
      l.appendChild(box);
      l.appendChild(document.createTextNode(" " + topic[1]));
      set.appendChild(l);
    });
    form.appendChild(set);
    form.appendChild(select("year", "Year", uniq(rows, "year").map(function (v) { return [v, v]; })));
    form.appendChild(select("venue", "Venue", uniq(rows, "venue").map(function (v) { return [v, v]; })));
    form.appendChild(select("code", "Code", [["yes", "has code"], ["no", "no code"]]));
    form.appendChild(select("origin", "Source", [["talk", "cited in the talk"], ["follow-up", "follow-up"], ["other", "other"]]));
    form.appendChild(select("read", "Progress", [["read", "read"], ["unread", "not read yet"]]));
    var count = document.createElement("span");
    count.className = "rc-count";
    count.setAttribute("role", "status");
    form.appendChild(count);
    table.parentNode.insertBefore(form, table);

    // Read marks in the table (a column added here, so the static table stays small).
    var head = table.tHead.rows[0];
    var th = document.createElement("th");
    th.textContent = "Read";
    head.appendChild(th);
    rows.forEach(function (r) {
      var td = document.createElement("td");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.className = "rc-read";
      box.dataset.key = r.dataset.key;
      box.setAttribute("aria-label", "Mark as read");
      td.appendChild(box);
      r.appendChild(td);
    });
    bindMarks();
    refresh();

    function state() {
      var topicsOn = Array.prototype.filter.call(form.elements.topic || [], function (b) { return b.checked; })
        .map(function (b) { return b.value; });
      return { q: text.value.trim().toLowerCase(), topic: topicsOn, year: form.elements.year.value,
        venue: form.elements.venue.value, code: form.elements.code.value,
        origin: form.elements.origin.value, read: form.elements.read.value };
    }
    function apply() {
      var s = state();
      var read = loadRead();
      var shown = 0;
      rows.forEach(function (r) {
        var d = r.dataset;
        var ok = (!s.q || d.text.indexOf(s.q) >= 0) &&
          (!s.topic.length || s.topic.some(function (t) { return (" " + d.topics + " ").indexOf(" " + t + " ") >= 0; })) &&
          (!s.year || d.year === s.year) && (!s.venue || d.venue === s.venue) &&
          (!s.code || d.code === s.code) && (!s.origin || d.origin === s.origin) &&
          (!s.read || (s.read === "read") === Object.prototype.hasOwnProperty.call(read, d.key));
        r.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " papers";
      var params = new URLSearchParams();
      Object.keys(s).forEach(function (k) {
        var v = Array.isArray(s[k]) ? s[k].join(",") : s[k];
        if (v) { params.set(k, v); }
      });
      var sorted = table.querySelector("th[aria-sort]");
      if (sorted) { params.set("sort", sorted.cellIndex + ":" + sorted.getAttribute("aria-sort")); }
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
    function sortBy(index, direction) {
      Array.prototype.forEach.call(head.cells, function (c) { c.removeAttribute("aria-sort"); });
      head.cells[index].setAttribute("aria-sort", direction);
      var factor = direction === "ascending" ? 1 : -1;
      var sortedRows = rows.slice().sort(function (a, b) {
        var x = a.cells[index].textContent, y = b.cells[index].textContent;
        if (index === 6) { x = String(a.cells[6].querySelector("input").checked); y = String(b.cells[6].querySelector("input").checked); }
        return factor * x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
      });
      var fragment = document.createDocumentFragment();
      sortedRows.forEach(function (r) { fragment.appendChild(r); });
      tbody.appendChild(fragment);
    }
    Array.prototype.forEach.call(head.cells, function (cell, index) {
      cell.tabIndex = 0;
      function toggle() {
        sortBy(index, cell.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
        apply();
      }
      cell.addEventListener("click", toggle);
      cell.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } });
    });

    // Restore the state a shared URL carries.
    var params = new URLSearchParams(location.search);
    text.value = params.get("q") || "";
    (params.get("topic") || "").split(",").forEach(function (slug) {
      Array.prototype.forEach.call(form.elements.topic || [], function (b) { if (b.value === slug) { b.checked = true; } });
    });
    ["year", "venue", "code", "origin", "read"].forEach(function (k) { form.elements[k].value = params.get(k) || ""; });
    var sort = (params.get("sort") || "").split(":");
    if (sort.length === 2 && head.cells[+sort[0]]) { sortBy(+sort[0], sort[1] === "descending" ? "descending" : "ascending"); }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    tbody.addEventListener("change", function () { if (form.elements.read.value) { apply(); } });
    apply();
  }

  function nameDialogs() {
    // Material's search overlay is a dialog without a name; screen readers announce it as "Search".
    document.querySelectorAll("[role=dialog]:not([aria-label]):not([aria-labelledby])").forEach(function (el) {
      el.setAttribute("aria-label", "Search");
    });
  }

  function init() {
    nameDialogs();
    bindMarks();
    progressTools();
    bindTable();
    refresh();
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  window.addEventListener("storage", function (e) { if (e.key === STORE) { refresh(); } });
})();
