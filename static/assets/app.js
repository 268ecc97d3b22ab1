// careerguide default theme. Everything here enhances pages that already
// work without JavaScript. The site's data is read in small pieces from
// api/search/ (see internal/render/search.go for their layout) and
// api/careers/<slug>.json, never as one large download. This file is on
// every page: the theme toggle, the data and search. lists.js (careers
// A–Z and salaries) and compare.js (the compare page) build on it.
(function () {
  "use strict";
  var doc = document, root = doc.documentElement, body = doc.body;
  var base = body.getAttribute("data-base") || "/";
  var dataDir = body.getAttribute("data-search") || base + "api/search/";

  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function slice(list) { return Array.prototype.slice.call(list); }

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

  // ---- The data, fetched once per file.
  var cache = {};
  function getJSON(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }
  function meta() { return getJSON(dataDir + "meta.json"); }
  // A record names its category by slug, one of meta.json's categories.
  function categoryOf(m, slug) {
    if (!m.bySlug) {
      m.bySlug = Object.create(null);
      m.categories.forEach(function (c) { m.bySlug[c.slug] = c; });
    }
    return m.bySlug[slug] || { name: "", slug: slug };
  }
  // words splits text as the build does: accents removed, lower case,
  // runs of letters, digits, + and #.
  function words(s) {
    if (s.normalize) s = s.normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");
    return s.toLowerCase().split(/[^\p{L}\p{N}+#]+/u).filter(Boolean);
  }
  function fnv(s) {
    var bytes = new TextEncoder().encode(s), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function bucketOf(w, n) { return fnv(Array.from(w).slice(0, 2).join("")) % n; }
  function levelKey(name) { return name.toLowerCase().replace(/ /g, "-"); }

  // search finds the careers that have, for every word typed, a word
  // starting with it (a one-letter word must match whole, as C or R):
  // search ids with scores, best first (those of one score by id).
  function search(q) {
    var qs = words(q);
    if (!qs.length) return Promise.resolve([]);
    return meta().then(function (m) {
      var files = {};
      qs.forEach(function (w) { files[bucketOf(w, m.buckets)] = true; });
      return Promise.all(Object.keys(files).map(function (b) {
        return getJSON(dataDir + "t" + b + ".json").then(function (t) { return [b, t.words]; });
      })).then(function (got) {
        var byBucket = {}, total = null;
        got.forEach(function (x) { byBucket[x[0]] = x[1]; });
        qs.forEach(function (q) {
          var ws = byBucket[bucketOf(q, m.buckets)], scores = {}, single = Array.from(q).length < 2;
          Object.keys(ws).forEach(function (w) {
            if (single ? w !== q : w.lastIndexOf(q, 0) !== 0) return;
            var list = ws[w], id = 0;
            for (var i = 0; i < list.length; i++) {
              id += Math.floor(list[i] / 16);
              var f = list[i] % 16, s = 1;
              if (f & 2) s += 8; else if (f & 1) s += 5;
              if (f & 4) s += w === q ? 4 : 2;
              if (!(id in scores) || scores[id] < s) scores[id] = s;
            }
          });
          if (total === null) { total = scores; return; }
          var next = {};
          Object.keys(total).forEach(function (id) { if (id in scores) next[id] = total[id] + scores[id]; });
          total = next;
        });
        return Object.keys(total).map(function (id) { return { id: +id, s: total[id] }; })
          .sort(function (a, b) { return b.s - a.s || a.id - b.id; });
      });
    });
  }

  // records returns the careers with the search ids, in that order. A
  // record file holds the ids span·k on (the last one, every id after).
  function fileOf(id, m) { return Math.min(Math.floor(id / m.span), m.chunks - 1); }
  function records(ids) {
    return meta().then(function (m) {
      var need = {};
      ids.forEach(function (id) { need[fileOf(id, m)] = true; });
      return Promise.all(Object.keys(need).map(function (k) { return recordFile(k, m); })).then(function () {
        return ids.map(function (id) { return byID[id]; });
      });
    });
  }
  // recordFile loads the record file k once, into byID.
  var byID = {}, loaded = {};
  function recordFile(k, m) {
    if (!loaded[k]) {
      loaded[k] = getJSON(dataDir + "c" + k + ".json").then(function (c) {
        c.ids.forEach(function (id, i) { byID[id] = record(c.careers[i], id, m); });
      });
      loaded[k].catch(function () { delete loaded[k]; });
    }
    return loaded[k];
  }
  // allRecords returns every career, A–Z by title.
  function allRecords() {
    return meta().then(function (m) {
      var ks = [];
      for (var k = 0; k < m.chunks; k++) ks.push(recordFile(k, m));
      return Promise.all(ks).then(function () {
        return Object.keys(byID).map(function (id) { return byID[id]; }).sort(byTitle);
      });
    });
  }
  // best returns the records of the first k hits, best first, those of
  // one score A–Z.
  function best(hits, k) {
    var top = hits.slice(0, k);
    return records(top.map(function (h) { return h.id; })).then(function (rs) {
      var at = rs.map(function (r, i) { return i; });
      at.sort(function (i, j) { return top[j].s - top[i].s || byTitle(rs[i], rs[j]); });
      return at.map(function (i) { return rs[i]; });
    });
  }
  function byTitle(a, b) { return a.title.localeCompare(b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0); }
  function record(r, id, m) {
    return {
      id: id, slug: r[0], title: r[1], category: categoryOf(m, r[2]), demand: r[3], ai: r[4], currency: r[5],
      lo: r[6], hi: r[7], mid: r[13], open: r[8] === 1, minText: r[9], maxText: r[10], text: r[11], yearText: r[12], typText: r[14],
      url: base + "careers/" + r[0] + "/"
    };
  }

  // A demand or AI impact meter, as the build draws it.
  function meter(kind, level, names) {
    var outer = el("span", kind), name = names[level - 1] || "";
    var lv = el("span", "level level-" + levelKey(name)), dots = el("span", "dots");
    dots.setAttribute("aria-hidden", "true");
    for (var i = 1; i <= 4; i++) dots.appendChild(el("i", i <= level ? "on" : ""));
    lv.appendChild(dots);
    lv.appendChild(doc.createTextNode(name));
    outer.appendChild(lv);
    return outer;
  }

  // ---- Search boxes.
  function searchBox(form) {
    var input = form.querySelector("input[type=search]");
    var box = form.querySelector(".search-results");
    if (!input || !box) return;
    var list = box.querySelector("ul"), status = box.querySelector("[role=status]");
    var listId = input.id + "-list", active = -1, asked = 0;
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
    function show(q, hits, total) {
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.textContent = "";
      hits.forEach(function (c, i) {
        var li = el("li"), a = el("a");
        li.setAttribute("role", "presentation");
        a.href = c.url;
        a.id = listId + "-" + i;
        a.setAttribute("role", "option");
        a.setAttribute("aria-selected", "false");
        a.appendChild(el("span", "", c.title));
        a.appendChild(el("span", "meta", c.text + " · " + c.category.name));
        li.appendChild(a);
        list.appendChild(li);
      });
      box.hidden = false;
      list.hidden = !hits.length;
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
      status.textContent = total ? total + (total === 1 ? " career found" : " careers found") + (total > hits.length ? ", the first " + hits.length + " shown" : "") : "No career matches " + q;
    }
    function run() {
      var q = input.value.trim(), mine = ++asked;
      if (!q) { box.hidden = true; input.setAttribute("aria-expanded", "false"); status.textContent = ""; list.textContent = ""; return; }
      search(q).then(function (hits) {
        return best(hits, 12).then(function (rs) {
          if (mine === asked) show(q, rs, hits.length);
        });
      }).catch(function () { if (mine === asked) box.hidden = true; });
    }
    input.addEventListener("input", run);
    input.addEventListener("focus", function () { meta().catch(function () {}); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); select(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); select(active - 1); }
      else if (e.key === "Escape") { input.value = ""; run(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); links()[active].click(); }
    });
    form.addEventListener("submit", function (e) {
      var first = list.querySelector("a");
      if (first && !doc.querySelector("[data-filterable]")) { e.preventDefault(); first.click(); }
    });
  }

  // What the page scripts (lists.js, compare.js) use.
  window.careerguide = {
    base: base, el: el, slice: slice, getJSON: getJSON, meta: meta, search: search,
    records: records, best: best, byTitle: byTitle, allRecords: allRecords, levelKey: levelKey, meter: meter
  };

  function init() {
    themeToggle();
    doc.querySelectorAll("form.search").forEach(searchBox);
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
