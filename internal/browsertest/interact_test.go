package browsertest

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// apiBytes is what the page has downloaded from api/ so far.
const apiBytes = `performance.getEntriesByType("resource").filter(e => e.name.includes("/api/")).reduce((n, e) => n + e.encodedBodySize, 0)`

// TestSearch types into the home page's search box: results come from the
// search files, and what the first result took is measured.
func TestSearch(t *testing.T) {
	ctx := browser(t)
	base := env(t, "CAREERGUIDE_SITE_URL")
	var results string
	var bytes int
	var files []string
	err := do(ctx,
		chromedp.Navigate(base),
		ready(),
		chromedp.SendKeys(`#cg-q-home`, "backend"),
		chromedp.WaitVisible(`.search-results li a`),
		chromedp.Evaluate(apiBytes, &bytes),
		chromedp.Evaluate(`performance.getEntriesByType("resource").filter(e => e.name.includes("/api/")).map(e => e.name.replace(/.*\/api\//, ""))`, &files),
		chromedp.Text(`.search-results ul`, &results),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.TrimSpace(results), "Backend Engineering") {
		t.Errorf("searching backend lists: %q", results)
	}
	// A record names its category by slug; the result shows its name.
	if !strings.Contains(results, "· Software Engineering") {
		t.Errorf("the result does not name its category: %q", results)
	}
	t.Logf("the first result took %d bytes of data: %v", bytes, files)
	if slices.Contains(files, "careers.json") || bytes > 100_000 {
		t.Errorf("the first result took %d bytes: %v", bytes, files)
	}
	var status string
	var count int
	err = do(ctx,
		chromedp.Evaluate(`document.querySelector("#cg-q-home").value = ""`, nil),
		chromedp.SendKeys(`#cg-q-home`, "SQL"),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`document.querySelectorAll(".search-results li").length`, &count),
		chromedp.Text(`.search-results [role=status]`, &status),
		chromedp.Text(`.search-results ul`, &results),
	)
	if err != nil {
		t.Fatal(err)
	}
	if count < 3 || !strings.Contains(results, "Data Engineering") || !strings.Contains(status, "found") {
		t.Errorf("searching SQL: %d results %q, status %q", count, results, status)
	}
	// A one-letter skill matches whole: C is C, not every word with a c.
	err = do(ctx,
		chromedp.Evaluate(`document.querySelector("#cg-q-home").value = ""`, nil),
		chromedp.SendKeys(`#cg-q-home`, "c"),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Text(`.search-results [role=status]`, &status),
		chromedp.Text(`.search-results ul`, &results),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(results, "Embedded Systems Engineering") || strings.Contains(results, "Cloud Architecture") {
		t.Errorf("searching c: %q (%s)", results, status)
	}
	// Keyboard: arrow down selects the first result, Enter opens it.
	var loc string
	err = do(ctx,
		chromedp.Evaluate(`document.querySelector("#cg-q-home").value = ""`, nil),
		chromedp.SendKeys(`#cg-q-home`, "backend"),
		chromedp.WaitVisible(`.search-results li a`),
		chromedp.KeyEvent("\u0301"), // ArrowDown
		chromedp.KeyEvent("\r"),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.Location(&loc),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(loc, "/careers/backend-engineering/") {
		t.Errorf("arrow down and enter went to %s", loc)
	}
}

// rows lists the slugs of the salary table's rows.
const rows = `[...document.querySelectorAll("table[data-sortable] tbody tr")].map(r => r.dataset.slug)`

// demandColumn lists the salary table's Demand cells, the column found by
// its heading so that a column added to the table does not move it.
const demandColumn = `(() => {
  const i = [...document.querySelectorAll("table[data-sortable] thead th")].findIndex(th => th.dataset.sort === "demand");
  return [...document.querySelectorAll("table[data-sortable] tbody tr")].map(r => r.cells[i].textContent);
})()`

// query returns the page's query parameters.
func query(t *testing.T, ctx context.Context) url.Values {
	t.Helper()
	var loc string
	if err := do(ctx, chromedp.Location(&loc)); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(loc)
	return u.Query()
}

// TestFilters filters and sorts the salaries and the careers A–Z: the
// choice is in the URL, the same URL opened again shows the same, and
// Reset brings back the page as built.
func TestFilters(t *testing.T) {
	ctx := browser(t)
	base := env(t, "CAREERGUIDE_SITE_URL")
	var built, sorted []string
	var sortState string
	err := do(ctx,
		chromedp.Navigate(base+"salaries/"),
		ready(),
		chromedp.WaitVisible(`form.filters`),
		chromedp.Evaluate(rows, &built),
		chromedp.Click(`table[data-sortable] thead th:nth-child(1) button`),
		chromedp.WaitReady(`.filter-count:not(:empty)`),
		chromedp.Evaluate(rows, &sorted),
		chromedp.AttributeValue(`table[data-sortable] thead th:nth-child(1)`, "aria-sort", &sortState, nil),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(sorted) != len(built) || sorted[0] != "ai-research" || sortState != "ascending" || query(t, ctx).Get("sort") != "title" {
		t.Errorf("sorting by career: aria-sort %q, rows %v…, URL %v", sortState, sorted[:3], query(t, ctx))
	}
	var demands, chartProblems []string
	var bars int
	err = do(ctx,
		chromedp.SetValue(`form.filters select[name=demand]`, "very-high"),
		chromedp.Evaluate(`document.querySelector("form.filters").dispatchEvent(new Event("change")), true`, nil),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(demandColumn, &demands),
		chromedp.Evaluate(`document.querySelectorAll(".chart .bars li").length`, &bars),
		chromedp.Evaluate(chartCheck, &chartProblems),
	)
	if err != nil {
		t.Fatal(err)
	}
	q := query(t, ctx)
	if len(demands) == 0 || len(demands) == len(built) || bars != len(demands) || q.Get("demand") != "very-high" || q.Get("sort") != "title" {
		t.Errorf("demand filter: rows %v, %d chart bars, URL %v", demands, bars, q)
	}
	for _, p := range chartProblems {
		t.Errorf("demand filter: %s", p)
	}
	for _, d := range demands {
		if d != "Very High" {
			t.Errorf("a %q row is shown under the Very High filter", d)
		}
	}
	// The URL alone gives the same list.
	var again []string
	var selected string
	err = do(ctx,
		chromedp.Navigate(base+"salaries/?"+q.Encode()),
		chromedp.WaitReady(`.filter-count:not(:empty)`),
		chromedp.Evaluate(demandColumn, &again),
		chromedp.Value(`form.filters select[name=demand]`, &selected),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again, demands) || selected != "very-high" {
		t.Errorf("opened again: %v, the filter shows %q", again, selected)
	}
	var reset []string
	err = do(ctx,
		chromedp.Click(`form.filters button[type=reset]`),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(rows, &reset),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(reset, built) || len(query(t, ctx)) != 0 {
		t.Errorf("reset: rows %v…, URL %v", reset[:min(3, len(reset))], query(t, ctx))
	}

	// Careers A–Z: a category and words, over the data.
	var items []string
	err = do(ctx,
		chromedp.Navigate(base+"careers/"),
		chromedp.WaitVisible(`form.filters`),
		chromedp.SetValue(`form.filters select[name=category]`, "security"),
		chromedp.SetValue(`form.filters select[name=sort]`, "-pay"),
		chromedp.Evaluate(`document.querySelector("form.filters").dispatchEvent(new Event("change")), true`, nil),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`[...document.querySelectorAll("ul.az li a")].map(a => a.textContent)`, &items),
	)
	if err != nil {
		t.Fatal(err)
	}
	q = query(t, ctx)
	if len(items) < 2 || !slices.Contains(items, "Security Engineering") || slices.Contains(items, "Backend Engineering") || q.Get("category") != "security" || q.Get("sort") != "-pay" {
		t.Errorf("careers in Security by pay: %v, URL %v", items, q)
	}
}

// TestCompare picks careers to compare from a career page and from the
// salaries table: the choice is in the URL and the table shows them.
func TestCompare(t *testing.T) {
	ctx := browser(t)
	base := env(t, "CAREERGUIDE_SITE_URL")
	var heads, chartProblems []string
	var common string
	var bars int
	err := do(ctx,
		chromedp.Navigate(base+"careers/backend-engineering/"),
		ready(),
		chromedp.Click(`.compare-link a`),
		chromedp.WaitVisible(`#cg-compare-q`),
		chromedp.SendKeys(`#cg-compare-q`, "data engineering"),
		chromedp.WaitVisible(`//button[text()="Add Data Engineering"]`, chromedp.BySearch),
		chromedp.Click(`//button[text()="Add Data Engineering"]`, chromedp.BySearch),
		chromedp.WaitVisible(`.compare-table thead th:nth-child(3)`),
		chromedp.Evaluate(`[...document.querySelectorAll(".compare-table thead th a")].map(a => a.textContent)`, &heads),
		chromedp.Text(`//tr[th[text()="Skills in common"]]`, &common, chromedp.BySearch),
	)
	if err != nil {
		t.Fatal(err)
	}
	if c := query(t, ctx)["c"]; !slices.Equal(c, []string{"backend-engineering", "data-engineering"}) {
		t.Errorf("the URL holds %v", c)
	}
	if !slices.Equal(heads, []string{"Backend Engineering", "Data Engineering"}) || !strings.Contains(common, "SQL") || !strings.Contains(common, "Python") {
		t.Errorf("the table compares %v, with skills in common %q", heads, common)
	}
	// From the salaries table: tick two rows and compare them.
	err = do(ctx,
		chromedp.Navigate(base+"salaries/"),
		ready(),
		chromedp.Click(`input[name=c][value="it-support"]`),
		chromedp.Click(`input[name=c][value="ai-research"]`),
		chromedp.Click(`.compare-bar button`),
		chromedp.WaitVisible(`.compare-table thead th:nth-child(3)`),
		chromedp.Evaluate(`[...document.querySelectorAll(".compare-table thead th a")].map(a => a.textContent)`, &heads),
		chromedp.Evaluate(`document.querySelectorAll(".chart .bars li").length`, &bars),
		chromedp.Evaluate(chartCheck, &chartProblems),
	)
	if err != nil {
		t.Fatal(err)
	}
	if c := query(t, ctx)["c"]; len(c) != 2 || !slices.Contains(heads, "IT Support") || !slices.Contains(heads, "AI Research") {
		t.Errorf("ticked rows give %v in the URL and %v in the table", c, heads)
	}
	if bars != 2 {
		t.Errorf("the comparison's chart has %d bars, want 2", bars)
	}
	for _, p := range chartProblems {
		t.Errorf("comparison: %s", p)
	}
	// Removing one leaves one, and says to add another.
	var status string
	err = do(ctx,
		chromedp.Click(`.compare-table .remove`),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Text(`.compare-status`, &status),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(query(t, ctx)["c"]) != 1 || !strings.Contains(status, "Add at least one more") {
		t.Errorf("after removing one: URL %v, status %q", query(t, ctx), status)
	}
}
