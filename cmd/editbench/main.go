// Command editbench measures how long `careerguide serve` takes to serve
// an edit: it starts the server on a site, then repeatedly edits one
// career's Markdown and polls the page over HTTP until the change shows,
// and prints the median and 95th percentile of edit-to-served latency for
// body edits and for frontmatter edits.
//
//	go run ./cmd/gencorpus -n 10000 -o /tmp/site
//	go build -o /tmp/careerguide ./cmd/careerguide
//	go run ./cmd/editbench -site /tmp/site -bin /tmp/careerguide
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

func main() {
	site := flag.String("site", "", "the site `folder` (required); one of its careers is edited and restored")
	bin := flag.String("bin", "careerguide", "the careerguide `binary`")
	edits := flag.Int("edits", 20, "edits of each kind")
	flag.Parse()
	if *site == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*site, *bin, *edits); err != nil {
		fmt.Fprintln(os.Stderr, "editbench:", err)
		os.Exit(1)
	}
}

func run(site, bin string, edits int) error {
	files, _ := filepath.Glob(filepath.Join(site, "content", "careers", "*.md"))
	if len(files) == 0 {
		return fmt.Errorf("no careers in %s", site)
	}
	sort.Strings(files)
	file := files[len(files)/2]
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	defer os.WriteFile(file, orig, 0o644)
	ready := filepath.Join(os.TempDir(), fmt.Sprintf("editbench-%d.url", os.Getpid()))
	os.Remove(ready)
	defer os.Remove(ready)
	cmd := exec.Command(bin, "serve", "--source", site, "--addr", "127.0.0.1:0", "--ready", ready)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	var base string
	for deadline := time.Now().Add(10 * time.Minute); base == ""; {
		if data, err := os.ReadFile(ready); err == nil && len(data) > 0 {
			base = strings.TrimSpace(string(data))
		} else if time.Now().After(deadline) {
			return fmt.Errorf("serve did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	fmt.Printf("careers: %d   first build and serve: %.1f s   edited: %s\n", len(files), time.Since(start).Seconds(), filepath.Base(file))
	page := base + "careers/" + strings.TrimSuffix(filepath.Base(file), ".md") + "/"

	body := func(i int) ([]byte, string) {
		marker := fmt.Sprintf("editbench-body-%d-%d", os.Getpid(), i)
		return append(bytes.Clone(orig), "\n\nA new paragraph "+marker+".\n"...), marker
	}
	front := func(i int) ([]byte, string) {
		// A new top of the salary range: it shows on the page, the
		// indexes and the skill pages.
		top := 900000 + i*1000
		out := maxLine.ReplaceAll(orig, []byte(fmt.Sprintf("  max: %d", top)))
		return out, fmt.Sprintf("$%dK", top/1000)
	}
	for _, kind := range []struct {
		name string
		edit func(int) ([]byte, string)
	}{{"body edit", body}, {"frontmatter edit", front}} {
		var ds []time.Duration
		for i := 0; i < edits; i++ {
			data, marker := kind.edit(i)
			t0 := time.Now()
			if err := os.WriteFile(file, data, 0o644); err != nil {
				return err
			}
			if err := waitFor(page, marker, 30*time.Second); err != nil {
				return fmt.Errorf("%s %d: %w", kind.name, i, err)
			}
			ds = append(ds, time.Since(t0))
			time.Sleep(100 * time.Millisecond)
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		p95 := ds[(len(ds)*95+99)/100-1]
		fmt.Printf("%-17s median %4d ms   p95 %4d ms   (%d edits, save to served)\n", kind.name, ds[len(ds)/2].Milliseconds(), p95.Milliseconds(), len(ds))
	}
	return nil
}

var maxLine = regexp.MustCompile(`(?m)^  max: \d+`)

func waitFor(url, marker string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if bytes.Contains(b, []byte(marker)) {
				return nil
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	return fmt.Errorf("%s never showed %q", url, marker)
}
