package render

import (
	"encoding/json"
	"html/template"
)

// careerJSONLD is the schema.org Occupation and BreadcrumbList of a career
// page. It states only figures the page shows. encoding/json escapes <, >
// and &, so no value can close the script element it sits in.
func (w *worker) careerJSONLD(c *Career, crumbs []Crumb) template.JS {
	var skills []string
	for _, sk := range c.Skills() {
		skills = append(skills, sk.Name())
	}
	sal := c.Salary()
	unit := map[string]string{"year": "YEAR", "month": "MONTH", "hour": "HOUR"}[sal.Period]
	occupation := map[string]any{
		"@type":                "Occupation",
		"name":                 c.Title(),
		"description":          c.Summary(),
		"skills":               skills,
		"occupationalCategory": c.Category(),
	}
	occupation["estimatedSalary"] = map[string]any{
		"@type":    "MonetaryAmount",
		"currency": sal.Currency,
		"value": map[string]any{
			"@type":    "QuantitativeValue",
			"minValue": sal.Min,
			"maxValue": sal.Max,
			"unitText": unit,
		},
	}
	if w.r.absBase != "" {
		occupation["url"] = w.abs(c.URL())
	}
	if u := c.Updated(); !u.IsZero() {
		occupation["dateModified"] = u.Format("2006-01-02")
	}
	var items []any
	for i, cr := range crumbs {
		item := map[string]any{"@type": "ListItem", "position": i + 1, "name": cr.Title}
		target := cr.URL
		if i == len(crumbs)-1 {
			target = c.URL()
		}
		if w.r.absBase != "" {
			item["item"] = w.abs(target)
		}
		items = append(items, item)
	}
	doc := map[string]any{
		"@context": "https://schema.org",
		"@graph": []any{occupation, map[string]any{
			"@type":           "BreadcrumbList",
			"itemListElement": items,
		}},
	}
	data, _ := json.Marshal(doc)
	return template.JS(data)
}
