// Package gen owns the synthetic career corpus used for benchmarks and
// large-site tests: deterministic (by seed) career pages in careerguide's
// schema, about 5.6 KB each, with 4–12 skills from a pool of 400 (or of
// another size) and a Markdown body of headings, lists, bold text, code
// spans and links to other careers.
package gen

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

var (
	areas  = []string{"Cloud", "Data", "Security", "Platform", "Mobile", "Embedded", "Quantum", "Robotics", "Payments", "Health", "Game", "Search", "Media", "Network", "Edge", "Identity", "Compliance", "Growth", "Learning", "Energy"}
	kinds  = []string{"Engineering", "Architecture", "Analysis", "Research", "Operations", "Design", "Management", "Development", "Administration", "Testing"}
	levels = []string{"Low", "Moderate", "High", "Very High"}
	cats   = []string{"Software Engineering", "Infrastructure", "Data and AI", "Security", "Product and Design", "Leadership"}
	words  = strings.Fields("system service data model pipeline team customer latency budget release review design test deploy monitor incident schema query cache queue contract metric forecast roadmap migration platform network storage identity policy audit report feature experiment prototype interface workflow dependency capacity")
	stems  = strings.Fields("Kube Terra Spark Flink Kafka Rust Go Java Python Swift Kotlin Scala Elixir Haskell React Vue Svelte Angular Node Deno Postgres MySQL Redis Mongo Cassandra Elastic Snow Big Data Lake Stream Graph Vector Edge Mesh Zero Trust Secure Crypto Threat Risk")
	suffix = strings.Fields("Design Ops Modeling Tuning Testing Analysis Security Scaling Planning Automation")
)

// Skills returns the pool of n skill names, the same for every seed.
func Skills(n int) []string {
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		name := stems[i%len(stems)] + " " + suffix[(i/len(stems))%len(suffix)]
		if i >= len(stems)*len(suffix) {
			name += fmt.Sprintf(" %d", i/(len(stems)*len(suffix))+1)
		}
		out = append(out, name)
	}
	return out
}

// Pool is how many skills the careers of a corpus choose from.
const Pool = 400

// Career returns the i-th career page of the corpus for seed, with its slug.
func Career(seed int64, i, n int) (string, []byte) { return CareerOf(seed, i, n, Pool) }

// CareerOf is Career with skills chosen from a pool of the given size
// (at least 12): a small site with a small pool has few skill pages, each
// listing several careers.
func CareerOf(seed int64, i, n, pool int) (string, []byte) {
	r := rand.New(rand.NewSource(seed*1_000_003 + int64(i)))
	skillPool := Skills(max(pool, 12))
	title := fmt.Sprintf("%s %s %d", areas[i%len(areas)], kinds[(i/len(areas))%len(kinds)], i)
	slug := strings.ToLower(strings.ReplaceAll(title, " ", "-"))
	min := 40000 + r.Intn(100)*1000
	max := min + 20000 + r.Intn(150)*1000
	k := 4 + r.Intn(9)
	picked := r.Perm(len(skillPool))[:k]
	var skills []string
	for _, p := range picked {
		skills = append(skills, skillPool[p])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\ncategory: %s\nsalary:\n  min: %d\n  max: %d\n  currency: USD\n  period: year\n  open_ended: %v\n",
		title, sentence(r, 14), cats[i%len(cats)], min, max, r.Intn(3) == 0)
	fmt.Fprintf(&b, "demand: %s\nai_impact: %s\nskills: [%s]\nupdated: 2026-%02d-%02d\n---\n\n",
		levels[r.Intn(4)], levels[r.Intn(4)], strings.Join(skills, ", "), 1+r.Intn(11), 1+r.Intn(28))
	for _, h := range []string{"What They Do", "Skills That Matter", "AI's Impact", "Career Trajectory"} {
		fmt.Fprintf(&b, "## %s\n\n", h)
		for p := 0; p < 1; p++ {
			b.WriteString(paragraph(r, i, n))
			b.WriteString("\n\n")
		}
		for l := 0; l < 3; l++ {
			fmt.Fprintf(&b, "- **%s**: %s with `%s` and %s.\n", skills[l%len(skills)], sentence(r, 10), words[r.Intn(len(words))], sentence(r, 6))
		}
		b.WriteString("\n### Details\n\n")
		b.WriteString(paragraph(r, i, n))
		b.WriteString("\n\n")
	}
	return slug, []byte(b.String())
}

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.Intn(len(words))]
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func paragraph(r *rand.Rand, i, n int) string {
	var parts []string
	for s := 0; s < 4; s++ {
		parts = append(parts, sentence(r, 8+r.Intn(8)))
	}
	if n > 1 {
		j := r.Intn(n)
		if j == i {
			j = (j + 1) % n
		}
		other, _ := slugTitle(j)
		parts = append(parts, fmt.Sprintf("See also [%s](%s.md) and the **%s** team.", other, slugOf(other), words[r.Intn(len(words))]))
	}
	return strings.Join(parts, " ")
}

func slugTitle(i int) (string, string) {
	t := fmt.Sprintf("%s %s %d", areas[i%len(areas)], kinds[(i/len(areas))%len(kinds)], i)
	return t, slugOf(t)
}

func slugOf(title string) string { return strings.ToLower(strings.ReplaceAll(title, " ", "-")) }

// Write writes n careers into dir/content/careers, and a site.yaml.
func Write(dir string, n int, seed int64) error { return WriteOf(dir, n, seed, Pool) }

// WriteOf is Write with skills chosen from a pool of the given size.
func WriteOf(dir string, n int, seed int64, pool int) error {
	cd := filepath.Join(dir, "content", "careers")
	if err := os.MkdirAll(cd, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: Synthetic Career Guide\ndescription: A generated corpus for benchmarks.\n"), 0o644); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		slug, data := CareerOf(seed, i, n, pool)
		if err := os.WriteFile(filepath.Join(cd, slug+".md"), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
