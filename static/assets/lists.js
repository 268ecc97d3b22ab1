// careerguide default theme: careers A–Z and salaries. Filters and sorts
// over the whole list, through the site's data, kept in the URL; ticking
// careers in the salary table to compare them. Needs app.js.
(function () {
  "use strict";
  var cg = window.careerguide;
  if (!cg) return;
  var doc = document, el = cg.el, slice = cg.slice, meta = cg.meta, search = cg.search, allRecords = cg.allRecords, levelKey = cg.levelKey;

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
  var sortNames = { title: "title", pay: "typical pay", min: "minimum pay", max: "maximum pay", demand: "demand", ai: "AI impact", category: "category" };

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
      [c.minText, c.maxText, c.typText, m.levels[c.demand - 1], m.levels[c.ai - 1], c.category.name].forEach(function (t) { tr.appendChild(el("td", "", t)); });
      return tr;
    }
    // A bar is placed as the page's are: the stylesheet puts --from and
    // --to on the chart's axis, up to its --top.
    function bar(c) {
      var li = el("li"), a = el("a", "", c.title), track = el("span", "track"), range = el("span", "range" + (c.open ? " open" : ""));
      li.setAttribute("data-slug", c.slug);
      a.href = c.url;
      range.style.setProperty("--from", c.lo);
      range.style.setProperty("--to", Math.max(c.hi, c.lo));
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
        if (bars && c.currency === cur) bars.appendChild(bar(c));
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
        matched.sort(function (a, b) { return dir * by(a, b) || cg.byTitle(a, b); });
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

  function init() {
    listPage();
    compareSelect();
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();
