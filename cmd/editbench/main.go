// Command editbench measures how long `careerguide serve` takes to serve
// an edit: it starts the server on a site, then repeatedly changes one
// career's file (its body, its title with and without a new A–Z order,
// its salary, a skill added or removed, its category), adds a new career
// and deletes one, and polls the page over HTTP until the change shows.
// It prints a Markdown table of edit-to-served latency per kind: median
// and 95th percentile; then, on Linux, serve's peak RSS over the run.
//
//	go run ./cmd/gencorpus -n 10000 -o /tmp/site
//	go build -o /tmp/careerguide ./cmd/careerguide
//	go run ./cmd/editbench -site /tmp/site -bin /tmp/careerguide
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	site := flag.String("site", "", "the site `folder` (required); its files are edited and restored")
	bin := flag.String("bin", "careerguide", "the careerguide `binary`")
	edits := flag.Int("edits", 10, "edits of each kind")
	only := flag.String("only", "", "run only the kinds whose names contain this")
	debounce := flag.Duration("debounce", 0, "serve's --debounce; 0 leaves serve's default")
	pause := flag.Duration("pause", 0, "how long to wait after an edit shows before the next save, as an author reads it; 0 saves again at once")
	flag.Parse()
	if *site == "" {
		flag.Usage()
		os.Exit(2)
	}
	var extra []string
	if *debounce > 0 {
		extra = append(extra, "--debounce", debounce.String())
	}
	if err := run(*site, *bin, *edits, *only, *pause, extra); err != nil {
		fmt.Fprintln(os.Stderr, "editbench:", err)
		os.Exit(1)
	}
}

// edit is one change to the site: what to write, and how to tell from a
// page that it is served.
type edit struct {
	file   string // the file to write, or remove when data is nil
	data   []byte
	page   string // the page to poll, below the base URL
	marker string // served when the page holds it; "404" when the page must be gone
	absent bool   // served when the page no longer holds the marker
}

// kind is a kind of edit: make returns the i-th edit and the edit that
// undoes it.
type kind struct {
	name string
	make func(i int) (do, undo edit)
}

var (
	titleLine  = regexp.MustCompile(`(?m)^title: (.*)$`)
	maxLine    = regexp.MustCompile(`(?m)^  max: \d+$`)
	skillsLine = regexp.MustCompile(`(?m)^skills: \[(.*)\]$`)
	catLine    = regexp.MustCompile(`(?m)^category: (.*)$`)
)

func run(site, bin string, edits int, only string, pause time.Duration, serveFlags []string) error {
	files, _ := filepath.Glob(filepath.Join(site, "content", "careers", "*.md"))
	if len(files) < 3 {
		return fmt.Errorf("too few careers in %s", site)
	}
	sort.Strings(files)
	file := files[len(files)/2]
	victim := files[len(files)/3]
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	victimData, err := os.ReadFile(victim)
	if err != nil {
		return err
	}
	defer os.WriteFile(file, orig, 0o644)
	defer os.WriteFile(victim, victimData, 0o644)
	slug := strings.TrimSuffix(filepath.Base(file), ".md")
	page := "careers/" + slug + "/"
	title := string(titleLine.FindSubmatch(orig)[1])
	skills := strings.Split(string(skillsLine.FindSubmatch(orig)[1]), ", ")
	origMax, _ := strconv.Atoi(strings.TrimPrefix(string(maxLine.Find(orig)), "  max: "))
	other, _ := os.ReadFile(files[0])
	newSkill := ""
	for _, s := range strings.Split(string(skillsLine.FindSubmatch(other)[1]), ", ") {
		if !slices.Contains(skills, s) {
			newSkill = s
			break
		}
	}
	// Undoing an edit restores the file and waits until the edit's marker
	// shows as it did before.
	same := func(do edit) (edit, edit) {
		return do, edit{file: file, data: orig, page: do.page, marker: do.marker, absent: !do.absent}
	}
	kinds := []kind{
		{"body", func(i int) (edit, edit) {
			m := fmt.Sprintf("editbench-body-%d-%d", os.Getpid(), i)
			return same(edit{file: file, data: append(bytes.Clone(orig), "\n\nA new paragraph "+m+".\n"...), page: page, marker: m})
		}},
		{"title, same A–Z place", func(i int) (edit, edit) {
			t := fmt.Sprintf("%s v%d", title, i)
			return same(edit{file: file, data: titleLine.ReplaceAll(orig, []byte("title: "+t)), page: page, marker: "<h1>" + t + "</h1>"})
		}},
		{"title, new A–Z place", func(i int) (edit, edit) {
			t := fmt.Sprintf("Aaa %d %s", i, title)
			return same(edit{file: file, data: titleLine.ReplaceAll(orig, []byte("title: "+t)), page: page, marker: "<h1>" + t + "</h1>"})
		}},
		{"salary, within the axis", func(i int) (edit, edit) {
			top := origMax - (i+1)*1000
			return same(edit{file: file, data: maxLine.ReplaceAll(orig, []byte(fmt.Sprintf("  max: %d", top))), page: page, marker: fmt.Sprintf("– $%dK", top/1000)})
		}},
		// The highest pay of the site sets every chart's axis, so every
		// chart is drawn again.
		{"salary, a new top of the axis", func(i int) (edit, edit) {
			top := 900000 + i*1000
			return same(edit{file: file, data: maxLine.ReplaceAll(orig, []byte(fmt.Sprintf("  max: %d", top))), page: page, marker: fmt.Sprintf("$%dK", top/1000)})
		}},
		{"skill added", func(i int) (edit, edit) {
			data := skillsLine.ReplaceAll(orig, []byte("skills: [$1, "+newSkill+"]"))
			return same(edit{file: file, data: data, page: page, marker: ">" + newSkill + "</a>"})
		}},
		{"skill removed", func(i int) (edit, edit) {
			data := skillsLine.ReplaceAll(orig, []byte("skills: ["+strings.Join(skills[1:], ", ")+"]"))
			return same(edit{file: file, data: data, page: page, marker: ">" + skills[0] + "</a>", absent: true})
		}},
		{"category", func(i int) (edit, edit) {
			c := fmt.Sprintf("Editbench Category %d", i)
			return same(edit{file: file, data: catLine.ReplaceAll(orig, []byte("category: "+c)), page: page, marker: c})
		}},
		{"new career", func(i int) (edit, edit) {
			name := fmt.Sprintf("editbench-new-%d", i)
			t := fmt.Sprintf("Editbench New %d", i)
			data := titleLine.ReplaceAll(orig, []byte("title: "+t))
			f := filepath.Join(filepath.Dir(file), name+".md")
			return edit{file: f, data: data, page: "careers/" + name + "/", marker: "<h1>" + t + "</h1>"},
				edit{file: f, page: "careers/" + name + "/", marker: "404"}
		}},
		{"deleted career", func(i int) (edit, edit) {
			vslug := strings.TrimSuffix(filepath.Base(victim), ".md")
			vtitle := string(titleLine.FindSubmatch(victimData)[1])
			return edit{file: victim, page: "careers/" + vslug + "/", marker: "404"},
				edit{file: victim, data: victimData, page: "careers/" + vslug + "/", marker: "<h1>" + vtitle + "</h1>"}
		}},
	}

	ready := filepath.Join(os.TempDir(), fmt.Sprintf("editbench-%d.url", os.Getpid()))
	os.Remove(ready)
	defer os.Remove(ready)
	cmd := exec.Command(bin, append([]string{"serve", "--source", site, "--addr", "127.0.0.1:0", "--ready", ready}, serveFlags...)...)
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
	// Like a browser, the benchmark hears of each rebuild from the
	// live-reload stream and then fetches the page, rather than polling
	// the server while it builds.
	events, err := listen(base + "__livereload")
	if err != nil {
		return err
	}
	fmt.Printf("careers: %d; first build and serve: %.1f s; edited: %s\n\n", len(files), time.Since(start).Seconds(), filepath.Base(file))
	fmt.Println("| edit | median | p95 | edits |")
	fmt.Println("|---|---|---|---|")
	for _, k := range kinds {
		if only != "" && !strings.Contains(k.name, only) {
			continue
		}
		var ds []time.Duration
		for i := 0; i < edits; i++ {
			do, undo := k.make(i)
			time.Sleep(pause)
			d, err := apply(base, do, events)
			if err != nil {
				return fmt.Errorf("%s %d: %w", k.name, i, err)
			}
			ds = append(ds, d)
			time.Sleep(pause)
			if _, err := apply(base, undo, events); err != nil {
				return fmt.Errorf("%s %d, undoing: %w", k.name, i, err)
			}
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		p95 := ds[(len(ds)*95+99)/100-1]
		fmt.Printf("| %s | %d ms | %d ms | %d |\n", k.name, ds[len(ds)/2].Milliseconds(), p95.Milliseconds(), len(ds))
	}
	if peak := peakRSS(cmd.Process.Pid); peak != "" {
		fmt.Printf("\nserve's peak RSS over the run: %s\n", peak)
	}
	return nil
}

// peakRSS returns the peak resident memory of process pid, as Linux
// reports it ("562352 kB"), or "" where it cannot be read.
func peakRSS(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// listen follows the server's live-reload stream at url: each event
// (a rebuild, good or failed) is a tick on the channel returned.
func listen(url string) (<-chan struct{}, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	ticks := make(chan struct{}, 1)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data:") {
				select {
				case ticks <- struct{}{}:
				default: // one tick pending is enough
				}
			}
		}
	}()
	return ticks, nil
}

// apply makes an edit and returns how long it took to be served: the
// time until the page, fetched after a rebuild's event, shows it.
func apply(base string, e edit, events <-chan struct{}) (time.Duration, error) {
	select {
	case <-events: // an event from before this edit
	default:
	}
	t0 := time.Now()
	var err error
	if e.data == nil {
		err = os.Remove(e.file)
	} else {
		err = os.WriteFile(e.file, e.data, 0o644)
	}
	if err != nil {
		return 0, err
	}
	if err := waitFor(base+e.page, e, events, 60*time.Second); err != nil {
		return 0, err
	}
	return time.Since(t0), nil
}

func waitFor(url string, e edit, events <-chan struct{}, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			switch {
			case e.marker == "404":
				if resp.StatusCode == http.StatusNotFound {
					return nil
				}
			case resp.StatusCode == http.StatusOK && bytes.Contains(b, []byte(e.marker)) != e.absent:
				return nil
			}
		}
		select {
		case <-events:
		case <-time.After(100 * time.Millisecond): // in case an event was missed
		}
	}
	return fmt.Errorf("%s never showed %q (absent: %v)", url, e.marker, e.absent)
}
