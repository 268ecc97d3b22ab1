// careerguide default theme. Everything here enhances pages that already
// work without JavaScript. The site's data is read in small pieces from
// api/search/ (see internal/render/search.go for their layout) and
// api/careers/<slug>.json, never as one large download.
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
  // ids in A–Z order with scores, best first.
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

  // records returns the careers with the ids, in that order.
  function records(ids) {
    return meta().then(function (m) {
      var need = {};
      ids.forEach(function (id) { need[Math.floor(id / m.chunk)] = true; });
      return Promise.all(Object.keys(need).map(function (k) {
        return getJSON(dataDir + "c" + k + ".json").then(function (c) { return [k, c.careers]; });
      })).then(function (got) {
        var by = {};
        got.forEach(function (x) { by[x[0]] = x[1]; });
        return ids.map(function (id) { return record(by[Math.floor(id / m.chunk)][id % m.chunk], id, m); });
      });
    });
  }
  function allRecords() {
    return meta().then(function (m) {
      var ids = [];
      for (var i = 0; i < m.careers; i++) ids.push(i);
      return records(ids);
    });
  }
  function record(r, id, m) {
    return {
      id: id, slug: r[0], title: r[1], category: m.categories[r[2]], demand: r[3], ai: r[4], currency: r[5],
      lo: r[6], hi: r[7], mid: (r[6] + r[7]) / 2, open: r[8] === 1, minText: r[9], maxText: r[10], text: r[11], yearText: r[12],
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
        return records(hits.slice(0, 12).map(function (h) { return h.id; })).then(function (rs) {
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

  // ---- Careers A–Z and salaries: filters and sorts over the whole list,
  // in the URL; with none, the page as the build wrote it.
  var sorters = {
    title: function (a, b) { return a.title.localeCompare(b.title); },
    pay: function (a, b) { return a.mid - b.mid; },
    min: function (a, b) { return a.lo - b.lo; },
    max: function (a, b) { return a.hi - b.hi; },
    demand: function (a, b) { return a.demand - b.demand; },
    ai: function (a, b) { return a.ai - b.ai; },
    category: function (a, b) { return a.category.name.localeCompare(b.category.name); }
  };
  var sortNames = { title: "title", pay: "pay", min: "minimum pay", max: "maximum pay", demand: "demand", ai: "AI impact", category: "category" };

  function listPage() {
    var form = doc.querySelector("form.filters");
    if (!form) return;
    var salaries = form.getAttribute("data-list") === "salaries";
    var defSort = salaries ? "-pay" : "title";
    var table = doc.querySelector("table[data-sortable]");
    var holder = table ? table.tBodies[0] : doc.querySelector("ul.az");
    var original = slice(holder.children);
    var bars = doc.querySelector(".chart .bars"), barsOriginal = bars ? slice(bars.children) : [];
    var chart = bars && bars.closest(".chart");
    var chartDesc = chart && chart.querySelector(".chart-desc"), chartDescText = chartDesc && chartDesc.textContent;
    var pagers = slice(doc.querySelectorAll(".pager"));
    var none = doc.querySelector(".no-match");
    var status = form.querySelector(".filter-count");
    var caption = table && table.caption, captionText = caption && caption.textContent;
    var qInput = salaries ? null : doc.querySelector(".search input[type=search]");
    var fields = ["category", "demand", "ai", "pay", "sort"];
    var m = null, shown = 0, matched = [], more = null;

    function state() {
      var st = {};
      fields.forEach(function (f) { st[f] = form[f].value; });
      st.q = qInput ? qInput.value.trim() : "";
      return st;
    }
    function isDefault(st) { return !st.q && !st.category && !st.demand && !st.ai && !st.pay && st.sort === defSort; }
    function writeURL(st) {
      var p = new URLSearchParams();
      if (st.q) p.set("q", st.q);
      fields.forEach(function (f) { if (st[f] && !(f === "sort" && st.sort === defSort)) p.set(f, st[f]); });
      var s = p.toString();
      history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
    }
    function readURL() {
      var p = new URLSearchParams(location.search);
      fields.forEach(function (f) {
        var v = p.get(f) || (f === "sort" ? defSort : "");
        if (f === "sort" && !form.sort.querySelector('option[value="' + CSS.escape(v) + '"]')) addSort(v);
        form[f].value = v;
        if (form[f].value !== v) form[f].value = f === "sort" ? defSort : "";
      });
      if (qInput) qInput.value = p.get("q") || "";
    }
    // A sort chosen from a column of the table that the list offers not.
    function addSort(v) {
      var k = v.replace(/^-/, "");
      if (!sorters[k]) return;
      var o = el("option", "", (sortNames[k].charAt(0).toUpperCase() + sortNames[k].slice(1)) + (v.charAt(0) === "-" ? ", highest first" : ", lowest first"));
      if (k === "title" || k === "category") o.textContent = (k === "title" ? "Title" : "Category") + (v.charAt(0) === "-" ? ", Z–A" : ", A–Z");
      o.value = v;
      form.sort.appendChild(o);
    }
    function markHeads(sort) {
      if (!table) return;
      slice(table.tHead.rows[0].cells).forEach(function (th) {
        var k = th.getAttribute("data-sort");
        if (sort === k) th.setAttribute("aria-sort", "ascending");
        else if (sort === "-" + k) th.setAttribute("aria-sort", "descending");
        else th.removeAttribute("aria-sort");
      });
    }
    function restore() {
      holder.textContent = "";
      original.forEach(function (r) { holder.appendChild(r); });
      if (bars) { bars.textContent = ""; barsOriginal.forEach(function (b) { bars.appendChild(b); }); chart.hidden = false; }
      pagers.forEach(function (p) { p.hidden = false; });
      if (caption) caption.textContent = captionText;
      if (chartDesc) chartDesc.textContent = chartDescText;
      if (none) none.hidden = true;
      if (more) more.hidden = true;
      status.textContent = "";
    }
    function row(c) {
      if (!table) {
        var li = el("li"), a = el("a", "", c.title);
        a.href = c.url;
        li.appendChild(a);
        li.appendChild(doc.createTextNode(" "));
        li.appendChild(el("span", "meta", c.category.name + " · " + c.text + " · Demand: " + m.levels[c.demand - 1] + " · AI impact: " + m.levels[c.ai - 1]));
        return li;
      }
      var tr = el("tr"), th = el("th"), box = el("input"), link = el("a", "", c.title);
      tr.setAttribute("data-slug", c.slug);
      th.setAttribute("scope", "row");
      box.type = "checkbox";
      box.name = "c";
      box.value = c.slug;
      box.setAttribute("aria-label", "Compare " + c.title);
      link.href = c.url;
      th.appendChild(box);
      th.appendChild(doc.createTextNode(" "));
      th.appendChild(link);
      tr.appendChild(th);
      [c.minText, c.maxText, m.levels[c.demand - 1], m.levels[c.ai - 1], c.category.name].forEach(function (t) { tr.appendChild(el("td", "", t)); });
      return tr;
    }
    function bar(c, cur) {
      var top = m.axis[cur], pct = function (v) { return Math.round(v / top * 1000) / 10; };
      var li = el("li"), a = el("a", "", c.title), track = el("span", "track"), range = el("span", "range" + (c.open ? " open" : ""));
      li.setAttribute("data-slug", c.slug);
      a.href = c.url;
      range.style.marginLeft = pct(c.lo) + "%";
      range.style.width = Math.max(pct(c.hi) - pct(c.lo), 0.5) + "%";
      track.appendChild(range);
      li.appendChild(a);
      li.appendChild(track);
      li.appendChild(el("span", "value", c.yearText));
      return li;
    }
    function showMore() {
      var next = matched.slice(shown, shown + m.per), cur = chart && chart.getAttribute("data-currency");
      next.forEach(function (c) {
        holder.appendChild(row(c));
        if (bars && c.currency === cur) bars.appendChild(bar(c, cur));
      });
      shown += next.length;
      if (more) more.hidden = shown >= matched.length;
      status.textContent = matched.length + " of " + m.careers + " careers match" + (shown < matched.length ? "; the first " + shown + " are shown" : "");
    }
    function describe(st) {
      var parts = [];
      if (st.q) parts.push("“" + st.q + "”");
      if (st.category) parts.push(form.category.selectedOptions[0].textContent);
      if (st.demand) parts.push(form.demand.selectedOptions[0].textContent + " demand");
      if (st.ai) parts.push(form.ai.selectedOptions[0].textContent + " AI impact");
      if (st.pay) parts.push("midpoint pay " + form.pay.selectedOptions[0].textContent + " or more");
      var k = st.sort.replace(/^-/, "");
      return (parts.length ? "Careers matching " + parts.join(", ") : "All careers") + ", sorted by " + sortNames[k] +
        (k === "title" || k === "category" ? (st.sort.charAt(0) === "-" ? ", Z–A" : ", A–Z") : st.sort.charAt(0) === "-" ? ", highest first" : ", lowest first");
    }
    var applied = 0;
    function apply() {
      var st = state(), mine = ++applied;
      markHeads(st.sort);
      if (isDefault(st)) { restore(); return; }
      Promise.all([allRecords(), st.q ? search(st.q) : null]).then(function (got) {
        if (mine !== applied) return;
        var all = got[0], ids = null;
        if (got[1]) { ids = {}; got[1].forEach(function (h) { ids[h.id] = true; }); }
        matched = all.filter(function (c) {
          return (!ids || ids[c.id]) && (!st.category || c.category.slug === st.category) &&
            (!st.demand || levelKey(m.levels[c.demand - 1]) === st.demand) && (!st.ai || levelKey(m.levels[c.ai - 1]) === st.ai) &&
            (!st.pay || c.mid >= +st.pay);
        });
        var k = st.sort.replace(/^-/, ""), dir = st.sort.charAt(0) === "-" ? -1 : 1, by = sorters[k] || sorters.title;
        matched.sort(function (a, b) { return dir * by(a, b) || a.id - b.id; });
        holder.textContent = "";
        if (bars) bars.textContent = "";
        pagers.forEach(function (p) { p.hidden = true; });
        shown = 0;
        if (caption) caption.textContent = describe(st);
        if (chartDesc) chartDesc.textContent = "One bar per career " + (table ? "in the table below, in its order." : "listed below, in its order.");
        showMore();
        if (chart) chart.hidden = !bars.children.length;
        if (none) none.hidden = matched.length > 0;
      }).catch(function () {
        if (mine === applied) status.textContent = "The list could not be filtered: its data did not load.";
      });
    }
    function changed() { writeURL(state()); apply(); }

    meta().then(function (meta) {
      m = meta;
      m.categories.forEach(function (c) { var o = el("option", "", c.name); o.value = c.slug; form.category.appendChild(o); });
      m.pay.forEach(function (p) { var o = el("option", "", p[1] + " or more"); o.value = String(p[0]); form.pay.appendChild(o); });
      more = el("button", "show-more", "Show more careers");
      more.type = "button";
      more.hidden = true;
      more.addEventListener("click", showMore);
      (table ? table.closest(".table-scroll") : holder).insertAdjacentElement("afterend", more);
      readURL();
      form.hidden = false;
      form.addEventListener("change", changed);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.addEventListener("reset", function () { setTimeout(function () { form.sort.value = defSort; if (qInput) qInput.value = ""; changed(); }, 0); });
      if (qInput) {
        var timer = 0;
        qInput.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(changed, 150); });
      }
      if (table) {
        slice(table.tHead.rows[0].cells).forEach(function (th) {
          var k = th.getAttribute("data-sort"), b = el("button", "", th.textContent);
          b.type = "button";
          th.textContent = "";
          th.appendChild(b);
          b.addEventListener("click", function () {
            var v = form.sort.value === k ? "-" + k : k;
            if (!form.sort.querySelector('option[value="' + v + '"]')) addSort(v);
            form.sort.value = v;
            changed();
          });
        });
      }
      apply();
    }).catch(function () { /* the page as built still works */ });
  }

  // ---- Ticking careers to compare: two to four.
  function compareSelect() {
    var form = doc.querySelector("form.compare-select");
    if (!form) return;
    var button = form.querySelector("button[type=submit]"), hint = form.querySelector(".compare-bar .hint");
    function sync() {
      var ticked = form.querySelectorAll("input[name=c]:checked").length;
      form.querySelectorAll("input[name=c]").forEach(function (b) { b.disabled = !b.checked && ticked >= 4; });
      button.disabled = ticked < 2;
      hint.textContent = ticked < 2 ? "Tick two to four careers in the table." : ticked + " careers ticked" + (ticked >= 4 ? ", the most that compare at once." : ".");
    }
    form.addEventListener("change", sync);
    new MutationObserver(sync).observe(form.querySelector("tbody"), { childList: true });
    sync();
  }

  // ---- The compare page.
  var perYear = { year: 1, month: 12, hour: 2080 };
  function money(v, cur) {
    try {
      return new Intl.NumberFormat("en", { style: "currency", currency: cur, notation: "compact", maximumFractionDigits: 2 }).format(v);
    } catch (e) { return cur + " " + Math.round(v); }
  }
  function comparePage() {
    var app = doc.querySelector("[data-compare]");
    if (!app) return;
    var nojs = doc.querySelector("[data-compare-nojs]"), out = app.querySelector(".compare-out");
    var status = app.querySelector(".compare-status"), input = app.querySelector("#cg-compare-q"), results = app.querySelector(".compare-results");
    var slugs = [], asked = 0;
    new URLSearchParams(location.search).getAll("c").forEach(function (s) {
      if (s && slugs.indexOf(s) < 0 && slugs.length < 4) slugs.push(s);
    });
    nojs.hidden = true;
    app.hidden = false;

    function writeURL() {
      var p = new URLSearchParams();
      slugs.forEach(function (s) { p.append("c", s); });
      var s = p.toString();
      history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
    }
    function careerData(slug) {
      return getJSON(base + "api/careers/" + encodeURIComponent(slug) + ".json").then(null, function () { return { missing: slug }; });
    }
    function cell(tag, content) {
      var c = el(tag);
      if (typeof content === "string") c.textContent = content;
      else if (content) c.appendChild(content);
      return c;
    }
    function skillList(names, urls) {
      if (!names.length) return doc.createTextNode("None");
      var ul = el("ul", "chips");
      names.forEach(function (n) {
        var li = el("li"), a = el("a", "", n);
        a.href = urls[n];
        li.appendChild(a);
        ul.appendChild(li);
      });
      return ul;
    }
    function percentiles(s) {
      var got = [];
      var p = s.percentiles;
      if (p && !Array.isArray(p)) Object.keys(p).forEach(function (k) { got.push([k, p[k]]); });
      else if (Array.isArray(p)) p.forEach(function (x) { got.push([x.percentile || x.p || x.name, x.value]); });
      ["p10", "p25", "p75", "p90"].forEach(function (k) { if (s[k]) got.push([k, s[k]]); });
      got = got.filter(function (x) { return typeof x[1] === "number" && x[1] > 0; });
      got.sort(function (a, b) { return parseFloat(String(a[0]).replace(/\D+/g, "")) - parseFloat(String(b[0]).replace(/\D+/g, "")); });
      return got.map(function (x) { return String(x[0]).replace(/^p(\d+)$/i, "$1th") + ": " + money(x[1], s.currency); }).join(" · ");
    }
    function render(list, m) {
      out.textContent = "";
      var found = list.filter(function (c) { return !c.missing; });
      var missing = list.filter(function (c) { return c.missing; });
      var msgs = [];
      if (missing.length) msgs.push("No career has the address " + missing.map(function (c) { return "“" + c.missing + "”"; }).join(", ") + ".");
      if (found.length < 2) msgs.push(found.length ? "Add at least one more career to compare." : "Add two to four careers to compare them.");
      else msgs.push("Comparing " + found.length + " careers. The address of this page keeps the choice, to share or come back to.");
      status.textContent = msgs.join(" ");
      input.disabled = slugs.length >= 4;
      if (!found.length) return;
      // Skills: in every career, in some, in this one only.
      var count = {}, urls = {};
      found.forEach(function (c) {
        c.skills.forEach(function (s, i) { count[s] = (count[s] || 0) + 1; urls[s] = (c.skill_urls || [])[i] || base + "skills/"; });
      });
      var names = m.levels;
      var rows = [
        ["Summary", function (c) { return c.summary; }],
        ["Category", function (c) { return c.category; }],
        ["Salary range", function (c) { return c.salary.text; }],
        ["Median", function (c) { return c.salary.median ? money(c.salary.median, c.salary.currency) + " per " + c.salary.period : ""; }],
        ["Percentiles", function (c) { return percentiles(c.salary); }],
        ["Demand", function (c) { return meter("demand", names.indexOf(c.demand) + 1, names); }],
        ["AI impact", function (c) { return meter("ai", names.indexOf(c.ai_impact) + 1, names); }],
        ["Skills in common", function (c) { return skillList(c.skills.filter(function (s) { return found.length > 1 && count[s] === found.length; }), urls); }],
        ["Skills shared with some", function (c) { return skillList(c.skills.filter(function (s) { return count[s] > 1 && count[s] < found.length; }), urls); }],
        ["Skills of this career only", function (c) { return skillList(c.skills.filter(function (s) { return count[s] === 1; }), urls); }],
        ["Last updated", function (c) { return c.updated || "Not dated"; }]
      ].filter(function (r) {
        if (r[0] === "Skills shared with some" && found.length < 3) return false;
        if (r[0] === "Median" || r[0] === "Percentiles") return found.some(function (c) { return r[1](c); });
        return true;
      });
      var wrap = el("div", "table-scroll"), table = el("table", "data compare-table"), cap = el("caption");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("aria-labelledby", "cg-compare-caption");
      cap.id = "cg-compare-caption";
      cap.textContent = found.map(function (c) { return c.title; }).join(" compared with ");
      table.appendChild(cap);
      var thead = el("thead"), hr = el("tr"), corner = el("td");
      hr.appendChild(corner);
      found.forEach(function (c) {
        var th = el("th"), a = el("a", "", c.title), rm = el("button", "remove", "Remove");
        th.setAttribute("scope", "col");
        a.href = c.url;
        rm.type = "button";
        rm.setAttribute("aria-label", "Remove " + c.title);
        rm.addEventListener("click", function () { slugs.splice(slugs.indexOf(c.slug), 1); update(); });
        th.appendChild(a);
        th.appendChild(doc.createTextNode(" "));
        th.appendChild(rm);
        hr.appendChild(th);
      });
      thead.appendChild(hr);
      table.appendChild(thead);
      var tb = el("tbody");
      rows.forEach(function (r) {
        var tr = el("tr"), th = cell("th", r[0]);
        th.setAttribute("scope", "row");
        tr.appendChild(th);
        found.forEach(function (c) { tr.appendChild(cell("td", r[1](c) || "—")); });
        tb.appendChild(tr);
      });
      table.appendChild(tb);
      wrap.appendChild(table);
      out.appendChild(wrap);
      // Pay on the site's axis, per year.
      var cur = found[0].salary.currency, top = m.axis[cur];
      var same = found.filter(function (c) { return c.salary.currency === cur; });
      if (top && same.length > 1) {
        var fig = el("figure", "chart"), capt = el("figcaption"), ol = el("ol", "bars");
        capt.appendChild(el("span", "chart-title", "Pay per year"));
        capt.appendChild(el("span", "note", "From the bottom to the top of each range, in " + cur + ", on the axis of every chart of the site; an arrow marks a range with no set top."));
        fig.appendChild(capt);
        same.forEach(function (c) {
          var f = perYear[c.salary.period] || 1, lo = c.salary.min * f, hi = c.salary.max * f;
          var pct = function (v) { return Math.round(v / top * 1000) / 10; };
          var li = el("li"), a = el("a", "", c.title), track = el("span", "track"), range = el("span", "range" + (c.salary.open_ended ? " open" : ""));
          a.href = c.url;
          range.style.marginLeft = pct(lo) + "%";
          range.style.width = Math.max(pct(hi) - pct(lo), 0.5) + "%";
          track.appendChild(range);
          li.appendChild(a);
          li.appendChild(track);
          li.appendChild(el("span", "value", money(lo, cur) + " – " + money(hi, cur) + (c.salary.open_ended ? "+" : "")));
          ol.appendChild(li);
        });
        fig.appendChild(ol);
        out.appendChild(fig);
      }
    }
    function update() {
      writeURL();
      var mine = ++asked;
      Promise.all([meta(), Promise.all(slugs.map(careerData))]).then(function (got) {
        if (mine === asked) render(got[1], got[0]);
      }).catch(function () { status.textContent = "The careers' data did not load; try again later."; });
    }
    // Adding careers: the site's search, each match a button.
    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        results.textContent = "";
        if (!q) return;
        search(q).then(function (hits) {
          return records(hits.slice(0, 8).map(function (h) { return h.id; }));
        }).then(function (rs) {
          results.textContent = "";
          rs.forEach(function (c) {
            var li = el("li"), b = el("button", "", "Add " + c.title);
            b.type = "button";
            b.disabled = slugs.indexOf(c.slug) >= 0 || slugs.length >= 4;
            b.addEventListener("click", function () {
              if (slugs.indexOf(c.slug) < 0 && slugs.length < 4) slugs.push(c.slug);
              input.value = "";
              results.textContent = "";
              update();
              input.focus();
            });
            li.appendChild(b);
            results.appendChild(li);
          });
          if (!rs.length) results.appendChild(el("li", "hint", "No career matches " + q + "."));
        }).catch(function () {});
      }, 120);
    });
    app.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    update();
  }

  function init() {
    themeToggle();
    doc.querySelectorAll("form.search").forEach(searchBox);
    listPage();
    compareSelect();
    comparePage();
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
