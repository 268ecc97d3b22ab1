package render

// apiCareerFile is a career's own record, api/careers/<slug>.json: its
// object in api/careers.json, with the URL of each skill's page, so that
// a page can show a few careers without the whole list.
func (w *worker) apiCareerFile(slug string) ([]byte, error) {
	c := (&Site{w}).CareerBySlug(slug)
	if c == nil {
		return nil, errNoItem("career", slug)
	}
	rec := struct {
		APICareer
		SkillURLs []string `json:"skill_urls"`
	}{APICareer: w.apiCareer(c), SkillURLs: []string{}}
	for _, sk := range c.Skills() {
		rec.SkillURLs = append(rec.SkillURLs, w.abs(sk.URL()))
	}
	indent := "  "
	if w.r.opts.Minify {
		indent = ""
	}
	data, err := marshal(rec, "", indent)
	return append(data, '\n'), err
}
