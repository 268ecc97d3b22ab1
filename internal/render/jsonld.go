package render

import (
	"encoding/json"
	"html/template"

	"github.com/careerguide/careerguide/internal/index"
)

// careerJSONLD is the schema.org Occupation and BreadcrumbList of a career
// page. It states only figures the page shows. encoding/json escapes <, >
// and &, so no value can close the script element it sits in.
func (r *Renderer) careerJSONLD(c *index.Career, crumbs []Crumb) template.JS {
	skills := make([]string, 0, len(c.Skills))
	for _, sk := range c.Skills {
		skills = append(skills, sk.Name)
	}
	unit := map[string]string{"year": "YEAR", "month": "MONTH", "hour": "HOUR"}[c.Salary.Period]
	occupation := map[string]any{
		"@type":                "Occupation",
		"name":                 c.Title,
		"description":          c.Summary,
		"skills":               skills,
		"occupationalCategory": c.Category,
	}
	occupation["estimatedSalary"] = map[string]any{
		"@type":    "MonetaryAmount",
		"currency": c.Salary.Currency,
		"value": map[string]any{
			"@type":    "QuantitativeValue",
			"minValue": c.Salary.Min,
			"maxValue": c.Salary.Max,
			"unitText": unit,
		},
	}
	if r.absBase != "" {
		occupation["url"] = r.abs(c.URL)
	}
	if !c.Updated.IsZero() {
		occupation["dateModified"] = c.Updated.Format("2006-01-02")
	}
	var items []any
	for i, cr := range crumbs {
		item := map[string]any{"@type": "ListItem", "position": i + 1, "name": cr.Title}
		target := cr.URL
		if i == len(crumbs)-1 {
			target = c.URL
		}
		if r.absBase != "" {
			item["item"] = r.abs(target)
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
