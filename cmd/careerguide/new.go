package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/load"
	"github.com/careerguide/careerguide/internal/parse"
	"github.com/careerguide/careerguide/internal/slug"
)

// newCommand is `careerguide new`.
type newCommand struct {
	stdout, stderr io.Writer
	now            func() time.Time
}

const newUsage = `
Usage: careerguide new [flags] TITLE

Writes content/careers/<slug>.md with every frontmatter field and the
sections of a career page, ready to edit. It never overwrites a file.
`

const careerTemplate = `---
title: %s
summary: One or two sentences on what the work is.
category: Software Engineering
salary:
  min: 60000
  max: 120000
  currency: %s
  period: year
  open_ended: false
  # source: {name: "…", url: "https://…"}  # the page the figures come from, or
  # estimate: true                          # if they are your own estimate
  # as_of: YYYY-MM                          # the year or month they describe
demand: Moderate          # Low | Moderate | High | Very High
ai_impact: Moderate       # Low | Moderate | High | Very High
skills: [Communication]
# soc: 15-1252            # O*NET-SOC code of the occupation the figures are for
# education: Bachelor's degree   # typical entry-level education
updated: %s
draft: true               # remove when the page is ready
# slug: %s                # the URL is /careers/<slug>/; set it to change the default
aliases: []               # old URLs that should redirect here, such as /old-name/
related: []               # slugs of careers to show first under "Related careers"
---

## What %s Do

## Skills That Matter

- **Skill**: why it matters in this role.

## AI's Impact on %s

## Career Trajectory
`

func (c *newCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("new", newUsage, c.stderr)
	source := fs.String("source", ".", "the site `folder`")
	currency := fs.String("currency", "", "the salary's currency `code` (default: site.yaml's currency, or USD)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkSource(*source); err != nil {
		return err
	}
	for i, a := range fs.Args() {
		if i > 0 && strings.HasPrefix(a, "-") {
			return &usageError{fmt.Sprintf("%s comes after the title; flags go before TITLE, as in: careerguide new %s %q",
				a, strings.Join(fs.Args()[i:], " "), strings.Join(fs.Args()[:i], " "))}
		}
	}
	if *currency == "" {
		*currency = siteCurrency(*source)
	} else if !validCurrency(*currency) {
		return &usageError{fmt.Sprintf("--currency %s: give a three-letter ISO 4217 code, such as EUR", *currency)}
	}
	title := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if title == "" {
		return &usageError{"missing TITLE, as in: careerguide new \"Site Reliability Engineering\""}
	}
	if strings.ContainsAny(title, "\n\r") {
		return &usageError{"the title must be one line"}
	}
	s := slug.Make(title)
	if s == "" {
		return &usageError{fmt.Sprintf("%q has no letters or digits to make a file name from", title)}
	}
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	dir := filepath.Join(*source, "content", "careers")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	file := filepath.Join(dir, s+".md")
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, iofs.ErrExist) {
		return fmt.Errorf("%s already exists; edit it, or choose another title", file)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, careerTemplate, yamlString(title), strings.ToUpper(*currency), now().Format("2006-01-02"), s, roleNoun(title), title)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
		return err
	}
	fmt.Fprintf(c.stdout, "created %s\n", file)
	return nil
}

// yamlString quotes s when plain YAML would misread it.
func yamlString(s string) string {
	if strings.ContainsAny(s, ":#'\"[]{},&*!|>%@`") || strings.TrimSpace(s) != s {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// roleNoun names the people who do a career: "Backend Engineering" →
// "Backend Engineers", "Product Management" → "Product Managers".
func roleNoun(title string) string {
	for _, r := range []struct{ from, to string }{
		{"Engineering", "Engineers"}, {"Management", "Managers"}, {"Design", "Designers"},
		{"Science", "Scientists"}, {"Research", "Researchers"}, {"Analysis", "Analysts"},
		{"Administration", "Administrators"}, {"Development", "Developers"}, {"Writing", "Writers"},
		{"Architecture", "Architects"}, {"Operations", "Operations Specialists"}, {"Testing", "Testers"},
	} {
		if strings.HasSuffix(title, r.from) {
			return strings.TrimSuffix(title, r.from) + r.to
		}
	}
	return title + " Professionals"
}

// siteCurrency is the currency site.yaml in source names, or USD; a
// site.yaml with mistakes is the build's to report.
func siteCurrency(source string) string {
	data, err := os.ReadFile(filepath.Join(source, load.ConfigFile))
	if err != nil {
		return "USD"
	}
	var ds diag.List
	return parse.Config(load.ConfigFile, data, &ds).Currency
}

func validCurrency(code string) bool {
	if len(code) != 3 {
		return false
	}
	for _, r := range code {
		if (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}
