package render

import (
	"encoding/json"
	"html/template"

	"github.com/careerguide/careerguide/internal/model"
)

// JSONLD is the page's structured data for search engines: on a career
// page its WebPage, Occupation and BreadcrumbList; on the home page the
// WebSite; on every other page with breadcrumbs its BreadcrumbList. It
// states only what the page shows. encoding/json escapes <, > and &, so
// no value can close the script element it sits in.
func (v *View) JSONLD() template.JS {
	var doc map[string]any
	switch {
	case v.career != nil:
		c := &Career{v.w, v.career}
		page := map[string]any{"@type": "WebPage", "name": c.Title(), "mainEntity": map[string]any{"@id": "#occupation"},
			"breadcrumb": map[string]any{"@id": "#breadcrumb"}}
		if v.w.r.absBase != "" {
			page["url"] = v.w.abs(c.URL())
		}
		if u := c.Updated(); !u.IsZero() {
			page["dateModified"] = u.Format("2006-01-02")
		}
		doc = map[string]any{"@graph": []any{page, v.w.occupation(c), v.breadcrumbList()}}
	case v.Kind == KindHome:
		cfg := v.Site().Config()
		site := map[string]any{"@type": "WebSite", "name": cfg.Title}
		if cfg.Language != "" {
			site["inLanguage"] = cfg.Language
		}
		if cfg.Description != "" {
			site["description"] = cfg.Description
		}
		if v.w.r.absBase != "" {
			site["url"] = v.w.abs("")
		}
		doc = site
	case len(v.Breadcrumbs) > 0:
		doc = v.breadcrumbList()
	default:
		return ""
	}
	doc["@context"] = "https://schema.org"
	data, _ := json.Marshal(doc)
	return template.JS(data)
}

// occupation is a career as a schema.org Occupation.
func (w *worker) occupation(c *Career) map[string]any {
	var skills []string
	for _, sk := range c.Skills() {
		skills = append(skills, sk.Name())
	}
	occ := map[string]any{
		"@type":                "Occupation",
		"@id":                  "#occupation",
		"name":                 c.Title(),
		"description":          c.Summary(),
		"skills":               skills,
		"occupationalCategory": c.Category(),
		"estimatedSalary":      estimatedSalary(c.Salary()),
	}
	if soc := c.SOC(); soc != "" {
		occ["occupationalCategory"] = soc
	}
	if e := c.Education(); e != "" {
		occ["educationRequirements"] = e
	}
	if country := (&Site{w}).Config().Country; country != "" {
		occ["occupationLocation"] = map[string]any{"@type": "Country", "name": country}
	}
	if w.r.absBase != "" {
		occ["url"] = w.abs(c.URL())
	}
	return occ
}

// durations are the ISO 8601 durations of the pay periods.
var durations = map[string]string{"year": "P1Y", "month": "P1M", "hour": "PT1H"}

// estimatedSalary is the pay as a MonetaryAmountDistribution of the
// median and percentiles given, or, with none, as a MonetaryAmount of the
// range, whose top is left out when it is open-ended: it is no maximum.
func estimatedSalary(sal model.Salary) map[string]any {
	if sal.Median > 0 || sal.HasPercentiles() {
		d := map[string]any{"@type": "MonetaryAmountDistribution", "name": "base", "currency": sal.Currency, "duration": durations[sal.Period]}
		names := map[string]string{"p10": "percentile10", "p25": "percentile25", "median": "median", "p75": "percentile75", "p90": "percentile90"}
		for _, p := range sal.Percentiles() {
			d[names[p.Name]] = p.Value
		}
		return d
	}
	value := map[string]any{"@type": "QuantitativeValue", "minValue": sal.Min, "unitText": map[string]string{"year": "YEAR", "month": "MONTH", "hour": "HOUR"}[sal.Period]}
	if !sal.OpenEnded {
		value["maxValue"] = sal.Max
	}
	return map[string]any{"@type": "MonetaryAmount", "currency": sal.Currency, "value": value}
}

// breadcrumbList is the page's breadcrumbs as a schema.org BreadcrumbList;
// the last crumb is the page itself.
func (v *View) breadcrumbList() map[string]any {
	var items []any
	for i, cr := range v.Breadcrumbs {
		item := map[string]any{"@type": "ListItem", "position": i + 1, "name": cr.Title}
		target := cr.URL
		if i == len(v.Breadcrumbs)-1 {
			target = v.URL
		}
		if v.w.r.absBase != "" {
			item["item"] = v.w.abs(target)
		}
		items = append(items, item)
	}
	return map[string]any{"@type": "BreadcrumbList", "@id": "#breadcrumb", "itemListElement": items}
}
