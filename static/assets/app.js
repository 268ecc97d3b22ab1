// careerguide default theme. Everything here enhances pages that already
// work without JavaScript.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;

  // Theme toggle: follows the system until the reader picks, then remembers.
  function themeToggle() {
    var btn = doc.querySelector(".theme-toggle");
    if (!btn) return;
    var dark = function () {
      var t = root.getAttribute("data-theme");
      return t ? t === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    };
    var sync = function () { btn.setAttribute("aria-pressed", dark() ? "true" : "false"); };
    btn.hidden = false;
    sync();
    btn.addEventListener("click", function () {
      var next = dark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("cg-theme", next); } catch (e) { /* private mode */ }
      sync();
    });
  }

  // Search over the site's own JSON.
  var data = null, loading = null;
  function load() {
    if (data) return Promise.resolve(data);
    if (!loading) {
      loading = fetch(doc.body.getAttribute("data-api")).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (j) {
        data = j.careers.map(function (c) {
          c.hay = [c.title, c.summary, c.category].concat(c.skills).join(" ").toLowerCase();
          c.skillSet = c.skills.map(function (s) { return s.toLowerCase(); });
          return c;
        });
        return data;
      });
    }
    return loading;
  }
  function score(c, words) {
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (c.hay.indexOf(w) < 0) return 0;
      if (c.title.toLowerCase().indexOf(w) === 0) s += 8;
      else if (c.title.toLowerCase().indexOf(w) > 0) s += 5;
      if (c.skillSet.indexOf(w) >= 0) s += 4;
      s += 1;
    }
    return s;
  }
  function search(q) {
    var words = q.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    return data.map(function (c) { return { c: c, s: score(c, words) }; })
      .filter(function (x) { return x.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.c.title.localeCompare(b.c.title); })
      .map(function (x) { return x.c; });
  }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function searchBox(form) {
    var input = form.querySelector("input[type=search]");
    var box = form.querySelector(".search-results");
    if (!input || !box) return;
    var list = box.querySelector("ul"), status = box.querySelector("[role=status]");
    var listId = input.id + "-list", active = -1;
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-autocomplete", "list");
    function links() { return list.querySelectorAll("a"); }
    function select(i) {
      var ls = links();
      if (!ls.length) return;
      active = (i + ls.length) % ls.length;
      for (var k = 0; k < ls.length; k++) ls[k].setAttribute("aria-selected", k === active ? "true" : "false");
      input.setAttribute("aria-activedescendant", ls[active].id);
      ls[active].scrollIntoView({ block: "nearest" });
    }
    function render() {
      var q = input.value.trim();
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.textContent = "";
      if (!q) { box.hidden = true; input.setAttribute("aria-expanded", "false"); status.textContent = ""; return; }
      var hits = search(q).slice(0, 12);
      hits.forEach(function (c, i) {
        var li = el("li"), a = el("a");
        li.setAttribute("role", "presentation");
        a.href = c.url;
        a.id = listId + "-" + i;
        a.setAttribute("role", "option");
        a.setAttribute("aria-selected", "false");
        a.appendChild(el("span", "", c.title));
        a.appendChild(el("span", "meta", c.salary.text + " · " + c.category));
        li.appendChild(a);
        list.appendChild(li);
      });
      box.hidden = false;
      list.hidden = !hits.length;
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
      status.textContent = hits.length ? hits.length + (hits.length === 1 ? " career found" : " careers found") : "No career matches " + q;
    }
    input.addEventListener("input", function () { load().then(render, function () { box.hidden = true; }); });
    input.addEventListener("focus", function () { load(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); select(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(active - 1); }
      else if (e.key === "Escape") { input.value = ""; render(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); links()[active].click(); }
    });
    form.addEventListener("submit", function (e) {
      var first = list.querySelector("a");
      if (first && !doc.querySelector("[data-filterable]")) { e.preventDefault(); first.click(); }
    });
  }

  // Careers A–Z: filter the list by the ?q= the search form sends.
  function filterList() {
    var list = doc.querySelector("[data-filterable]");
    if (!list) return;
    var input = doc.querySelector(".search input[type=search]");
    var none = doc.querySelector(".no-match");
    var apply = function (q) {
      var words = q.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      list.querySelectorAll("li").forEach(function (li) {
        var hay = li.getAttribute("data-search");
        var ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
        li.hidden = !ok;
        if (ok) shown++;
      });
      if (none) none.hidden = shown > 0;
    };
    var q = new URLSearchParams(location.search).get("q") || "";
    if (input) {
      input.value = q;
      input.addEventListener("input", function () { apply(input.value); });
    }
    apply(q);
  }

  // Salary table: sortable columns, filters, and a chart that follows.
  function salaryTable() {
    var table = doc.querySelector("table[data-sortable]");
    if (!table) return;
    var tbody = table.tBodies[0], heads = table.tHead.rows[0].cells;
    var caption = table.caption;
    var rows = Array.prototype.slice.call(tbody.rows);
    var form = doc.querySelector("form.filters");
    var list = doc.querySelector(".chart .bars");
    var bars = {};
    if (list) list.querySelectorAll("li[data-slug]").forEach(function (li) { bars[li.getAttribute("data-slug")] = li; });

    function value(row, i) {
      var cell = row.cells[i], v = cell.getAttribute("data-value");
      return heads[i].getAttribute("data-type") === "number" ? Number(v) : (v || cell.textContent).toLowerCase();
    }
    // The chart shows the table's rows, in the table's order.
    function follow() {
      if (!list) return;
      var shown = 0;
      Array.prototype.forEach.call(tbody.rows, function (row) {
        var li = bars[row.getAttribute("data-slug")];
        if (!li) return;
        li.hidden = row.hidden;
        list.appendChild(li);
        if (!row.hidden) shown++;
      });
      list.parentNode.hidden = shown === 0;
    }
    Array.prototype.forEach.call(heads, function (th, i) {
      var b = el("button", "", th.textContent);
      b.type = "button";
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var sorted = rows.slice().sort(function (a, b) {
          var x = value(a, i), y = value(b, i), c = x < y ? -1 : x > y ? 1 : 0;
          return dir === "ascending" ? c : -c;
        });
        sorted.forEach(function (r) { tbody.appendChild(r); });
        caption.textContent = "All careers, sorted by " + b.textContent.toLowerCase() + ", " + (dir === "ascending" ? "lowest" : "highest") + " first";
        follow();
      });
    });
    if (form) {
      // The categories of the careers shown, A–Z.
      var cats = {};
      rows.forEach(function (r) { cats[r.getAttribute("data-category")] = true; });
      Object.keys(cats).sort().forEach(function (c) { form.category.appendChild(el("option", "", c)); });
      form.hidden = false;
      var count = form.querySelector(".filter-count");
      form.addEventListener("change", function () {
        var want = { demand: form.demand.value, ai: form.ai.value, category: form.category.value }, n = 0;
        rows.forEach(function (r) {
          var ok = Object.keys(want).every(function (k) { return !want[k] || r.getAttribute("data-" + k) === want[k]; });
          r.hidden = !ok;
          if (ok) n++;
        });
        count.textContent = n + " of " + rows.length + " careers shown";
        caption.textContent = caption.textContent.replace(/ \(filtered\)$/, "") + (n < rows.length ? " (filtered)" : "");
        follow();
      });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
    }
  }

  function init() {
    themeToggle();
    doc.querySelectorAll("form.search").forEach(searchBox);
    filterList();
    salaryTable();
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
