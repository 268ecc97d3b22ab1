package serve

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// overlayHarness runs the reload script under Node with just enough of a
// DOM, sends it one errors event (the JSON in argv[2]) and prints the text
// of each line of the overlay.
const overlayHarness = `
const fs = require("fs");
const pres = [];
function el(tag) {
  const e = { tag, style: {}, textContent: "", setAttribute() {}, appendChild() {}, remove() {} };
  if (tag === "pre") pres.push(e);
  return e;
}
global.document = { currentScript: { src: "http://x/__livereload.js" }, createElement: el, body: el("body"), querySelectorAll() { return []; } };
global.location = { href: "http://x/" };
const handlers = {};
global.EventSource = function () { return { addEventListener(n, f) { handlers[n] = f; } }; };
eval(fs.readFileSync(process.argv[2], "utf8"));
handlers.errors({ data: process.argv[3] });
for (const p of pres) console.log(p.textContent);
`

// TestOverlayText checks that the browser overlay shows each problem as
// the diagnostic reads in the terminal: its place once, then the message,
// and a problem with no file as its message alone.
func TestOverlayText(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("needs node to run the reload script")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "livereload.js")
	harness := filepath.Join(dir, "harness.js")
	if err := os.WriteFile(script, []byte(reloadScript), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(harness, []byte(overlayHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal([]Problem{
		{Path: "content/careers/x.md", Line: 6, Col: 9, Message: `demand: "Very Hgh" is not one of Low, Moderate, High, Very High; did you mean Very High?`},
		{Path: "content/careers/y.md", Line: 3, Message: "malformed yaml frontmatter: did not find expected ','"},
		{Path: "site.yaml", Message: "base_url: not a base URL"},
		{Message: "careers/x/index.html: templates/career.html: executing \"main\""},
	})
	out, err := exec.Command(node, harness, script, string(data)).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := `content/careers/x.md:6:9: demand: "Very Hgh" is not one of Low, Moderate, High, Very High; did you mean Very High?
content/careers/y.md:3: malformed yaml frontmatter: did not find expected ','
site.yaml: base_url: not a base URL
careers/x/index.html: templates/career.html: executing "main"
`
	if got := strings.ReplaceAll(string(out), "\r\n", "\n"); got != want {
		t.Errorf("overlay text:\n%s\nwant:\n%s", got, want)
	}
}
