// careerguide default theme: the compare page. Two to four careers from
// the URL (?c=slug&c=slug), read from api/careers/<slug>.json, side by
// side; careers added by search and removed in place. Needs app.js.
(function () {
  "use strict";
  var cg = window.careerguide;
  if (!cg) return;
  var doc = document, base = cg.base, el = cg.el, getJSON = cg.getJSON, meta = cg.meta, search = cg.search, best = cg.best, meter = cg.meter;

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
      // Pay on the salaries list's axis, the site's, per year.
      var cur = found[0].salary.currency, top = m.axis[cur];
      var same = found.filter(function (c) { return c.salary.currency === cur; });
      if (top && same.length > 1) {
        var fig = el("figure", "chart"), capt = el("figcaption"), ol = el("ol", "bars");
        fig.style.setProperty("--top", top);
        capt.appendChild(el("span", "chart-title", "Pay per year"));
        capt.appendChild(el("span", "note", "From the bottom to the top of each range, in " + cur + ", on the salaries list's axis, up to the highest pay of all careers; an arrow marks a range with no set top."));
        fig.appendChild(capt);
        same.forEach(function (c) {
          // A pay floor (no max) is a bar at its min, labelled "$150K+".
          var f = perYear[c.salary.period] || 1, lo = c.salary.min * f, hi = c.salary.max == null ? lo : c.salary.max * f;
          var li = el("li"), a = el("a", "", c.title), track = el("span", "track"), range = el("span", "range" + (c.salary.open_ended ? " open" : ""));
          a.href = c.url;
          range.style.setProperty("--from", lo);
          range.style.setProperty("--to", Math.max(hi, lo));
          track.appendChild(range);
          li.appendChild(a);
          li.appendChild(track);
          li.appendChild(el("span", "value", (c.salary.max == null ? money(lo, cur) : money(lo, cur) + " – " + money(hi, cur)) + (c.salary.open_ended ? "+" : "")));
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
          return best(hits, 8);
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

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", comparePage);
  else comparePage();
})();
