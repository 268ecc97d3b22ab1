package serve

// reloadScript is served at <base>/__livereload.js and added to pages by
// `serve` only. It reloads the page when a rebuild finishes, swaps
// stylesheets when only CSS changed, and shows build errors in an overlay
// that clears by itself once the files are fixed.
const reloadScript = `(function () {
  "use strict";
  var src = document.currentScript.src;
  var es = new EventSource(src.replace(/\.js$/, ""));
  var overlay = null;
  function clear() { if (overlay) { overlay.remove(); overlay = null; } }
  function reload() {
    fetch(location.href, { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.redirected) { location.replace(r.url); return; }
      location.reload();
    }, function () { location.reload(); });
  }
  es.addEventListener("reload", function () { clear(); reload(); });
  es.addEventListener("css", function () {
    clear();
    fetch(location.href, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (t) {
      var d = new DOMParser().parseFromString(t, "text/html");
      var fresh = d.querySelectorAll("link[rel=stylesheet]");
      document.querySelectorAll("link[rel=stylesheet]").forEach(function (l, i) {
        if (fresh[i] && fresh[i].getAttribute("href") !== l.getAttribute("href")) l.setAttribute("href", fresh[i].getAttribute("href"));
      });
    });
  });
  es.addEventListener("errors", function (e) {
    var list = JSON.parse(e.data);
    clear();
    overlay = document.createElement("div");
    overlay.id = "careerguide-errors";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto";
    var h = document.createElement("h2");
    h.textContent = "careerguide: the last change did not build (" + list.length + (list.length === 1 ? " error" : " errors") + ")";
    h.style.cssText = "font:bold 18px system-ui,sans-serif;margin:0 0 1rem";
    overlay.appendChild(h);
    list.forEach(function (p) {
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0 0 .5rem;color:#ffd0d0";
      var at = p.path ? p.path + (p.line ? ":" + p.line + (p.col ? ":" + p.col : "") : "") + ": " : "";
      pre.textContent = at + p.message;
      overlay.appendChild(pre);
    });
    var note = document.createElement("p");
    note.textContent = "The page shows the last good build. Fix the file and save: this message clears by itself.";
    overlay.appendChild(note);
    document.body.appendChild(overlay);
  });
})();
`
