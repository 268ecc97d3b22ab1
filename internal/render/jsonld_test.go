package render

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

func TestEstimatedSalary(t *testing.T) {
	tests := []struct {
		name string
		sal  model.Salary
		want string
	}{
		{"open-ended range: no maximum", model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true},
			`{"@type":"MonetaryAmount","currency":"USD","value":{"@type":"QuantitativeValue","minValue":95000,"unitText":"YEAR"}}`},
		{"closed range", model.Salary{Min: 25, Max: 45, Currency: "EUR", Period: "hour"},
			`{"@type":"MonetaryAmount","currency":"EUR","value":{"@type":"QuantitativeValue","maxValue":45,"minValue":25,"unitText":"HOUR"}}`},
		{"median alone", model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true, Median: 132270},
			`{"@type":"MonetaryAmountDistribution","currency":"USD","duration":"P1Y","median":132270,"name":"base"}`},
		{"percentiles given", model.Salary{Min: 3000, Max: 5000, Currency: "GBP", Period: "month", P10: 3000, P90: 5000},
			`{"@type":"MonetaryAmountDistribution","currency":"GBP","duration":"P1M","name":"base","percentile10":3000,"percentile90":5000}`},
	}
	for _, tt := range tests {
		got, _ := json.Marshal(estimatedSalary(tt.sal))
		if string(got) != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestCareerJSONLD checks where each fact goes: the date on the page, the
// SOC code, education and country on the occupation, and absolute URLs
// in the breadcrumbs.
func TestCareerJSONLD(t *testing.T) {
	cs := testCareers()
	cs[0].SOC, cs[0].Education = "15-1252", "Bachelor's degree"
	theme := testTheme(t)
	site, _ := index.Build(model.Config{Title: "T", Currency: "USD", Country: "US"}, cs, nil, theme.StaticPaths())
	r := New(site, theme, trace.NewCache(), Options{BaseURL: "https://example.org/guide/"}, nil)
	w := &worker{r: r, rec: &trace.Recorder{}}
	v, _, err := w.view(Job{"careers/a/index.html", KindCareer, "a"})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(v.JSONLD()), &doc); err != nil || len(doc.Graph) != 3 {
		t.Fatalf("%v: %s", err, v.JSONLD())
	}
	page, occ, crumbs := doc.Graph[0], doc.Graph[1], doc.Graph[2]
	if page["@type"] != "WebPage" || page["dateModified"] != "2026-01-02" || page["url"] != "https://example.org/guide/careers/a/" {
		t.Errorf("page %v", page)
	}
	if _, ok := occ["dateModified"]; ok || occ["occupationalCategory"] != "15-1252" || occ["educationRequirements"] != "Bachelor's degree" ||
		!reflect.DeepEqual(occ["occupationLocation"], map[string]any{"@type": "Country", "name": "US"}) {
		t.Errorf("occupation %v", occ)
	}
	items := crumbs["itemListElement"].([]any)
	if last := items[len(items)-1].(map[string]any); last["item"] != "https://example.org/guide/careers/a/" || last["name"] != "Alpha" {
		t.Errorf("breadcrumbs %v", items)
	}
	home, _, _ := w.view(Job{"index.html", KindHome, ""})
	if got := string(home.JSONLD()); got != `{"@context":"https://schema.org","@type":"WebSite","name":"T","url":"https://example.org/guide/"}` {
		t.Errorf("home: %s", got)
	}
	notFound, _, _ := w.view(Job{"404.html", Kind404, ""})
	if got := notFound.JSONLD(); got != "" {
		t.Errorf("404: %s", got)
	}
}
