package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/output"
	"github.com/careerguide/careerguide/internal/parse"
	"github.com/careerguide/careerguide/internal/serve"
	"github.com/careerguide/careerguide/internal/watch"
)

// serveCommand is `careerguide serve`.
type serveCommand struct {
	stdout, stderr io.Writer
}

const serveUsage = `
Usage: careerguide serve [flags]

Builds the site, serves it on localhost and rebuilds on every change to
content/, templates/, static/ or site.yaml. Open pages reload by
themselves when a rebuild finishes; a failed rebuild keeps serving the
last good site and shows the errors in the browser.
`

func (c *serveCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("serve", serveUsage, c.stderr)
	var sf siteFlags
	sf.register(fs, false)
	addr := fs.String("addr", "127.0.0.1:1313", "the `address` to listen on; port 0 picks a free port")
	open := fs.Bool("open", false, "open the site in the default browser")
	debounce := fs.Duration("debounce", watch.DefaultDebounce, "how long the folder must be quiet before a rebuild")
	ready := fs.String("ready", "", "write the site's URL to `file` once it is served (for scripts)")
	timings := fs.Bool("timings", false, "print how long each step of each build took")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := sf.validate(false); err != nil {
		return err
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return &usageError{fmt.Sprintf("--addr %s is not a host and port, such as 127.0.0.1:1313 (or 127.0.0.1:0 for any free port)", *addr)}
	}
	basePath := "/"
	if sf.baseURL != "" {
		norm, _ := parse.BaseURL(sf.baseURL) // checked by validate
		u, err := url.Parse(norm)
		if err != nil {
			return &usageError{fmt.Sprintf("--base-url: %v", err)}
		}
		basePath = "/" + strings.Trim(u.Path, "/") + "/"
		basePath = strings.ReplaceAll(basePath, "//", "/")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%s is already in use; stop the other server or pick another port, such as --addr 127.0.0.1:0 for any free one", *addr)
		}
		return err
	}
	defer ln.Close()
	siteURL := "http://" + ln.Addr().String() + basePath
	out, err := os.MkdirTemp(serve.MemDir(), "careerguide-serve-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	srv, err := serve.New(out, basePath)
	if err != nil {
		return err
	}
	w, err := watch.New(sf.source, *debounce)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go w.Run(ctx)

	loop := &rebuilder{cmd: c, source: sf.source, srv: srv, timings: *timings, session: build.NewSession(build.Options{
		Source: sf.source, Out: out, BaseURL: siteURL, Drafts: sf.drafts, Strict: sf.strict,
		LiveReload: true, Private: true, Again: true, Theme: careerguide.Theme,
	})}
	loop.rebuild(ctx, nil)

	hs := srv.HTTPServer(serve.DefaultTimeouts, sf.baseURL)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	fmt.Fprintf(c.stdout, "serving %s at %s (Ctrl-C to stop)\n", sf.source, siteURL)
	if *ready != "" {
		if err := output.WriteAtomic(*ready, []byte(siteURL+"\n")); err != nil {
			return err
		}
	}
	if *open {
		openBrowser(siteURL)
	}
	for {
		select {
		case <-ctx.Done():
			shut, done := context.WithTimeout(context.Background(), 2*time.Second)
			hs.Shutdown(shut)
			done()
			fmt.Fprintln(c.stdout, "stopped")
			return nil
		case err := <-errc:
			return err
		case err := <-w.Errors():
			fmt.Fprintf(c.stderr, "watch: %v\n", err)
		case batch := <-w.Batches():
			loop.rebuild(ctx, batch)
		}
	}
}

// rebuilder runs builds for serve and reports them to the terminal and
// to the browsers.
type rebuilder struct {
	cmd      *serveCommand
	source   string // the site folder, which changed paths are relative to
	srv      *serve.Server
	session  *build.Session
	site     *index.Site
	lastErrs map[string]bool
	timings  bool // print each build's steps
	// idle runs a collection a while after a build (collect), unless the
	// next build starts first; collecting is set while one runs.
	idle       *time.Timer
	collecting atomic.Bool
}

// idleAfter is how long after a build, with no other under way, serve
// collects garbage (collect): longer than a burst of saves.
const idleAfter = 250 * time.Millisecond

func (b *rebuilder) rebuild(ctx context.Context, changed []string) {
	if b.idle != nil {
		b.idle.Stop()
	}
	defer b.collect()
	res, err := b.session.Build(ctx, changed)
	if err != nil {
		b.fail(res.Diags, err)
		return
	}
	for _, d := range res.Diags {
		if !b.lastErrs[d.String()] {
			fmt.Fprintln(b.cmd.stderr, d.String())
		}
	}
	b.lastErrs = map[string]bool{}
	for _, d := range res.Diags {
		b.lastErrs[d.String()] = true
	}
	fmt.Fprintln(b.cmd.stdout, summary(b.source, changed, res))
	if b.timings {
		fmt.Fprintln(b.cmd.stdout, steps(res))
	}
	if b.site != nil && b.site != res.Site { // the same index moves nothing
		b.srv.Moved(moves(b.site, res.Site))
	}
	b.site = res.Site
	b.srv.Reload(cssOnly(changed))
}

// collect runs the garbage collector a while after the browsers are told
// of a build (idleAfter), while the author reads the page, unless another
// build starts first: the next build then starts on a heap just marked,
// with room to allocate before the collector runs again, instead of
// sharing the processor with a mark of the whole site (hundreds of
// megabytes at 10,000 careers). Saves in quick succession are left to the
// collector's own pace: one started as a save comes in would slow its
// build instead (a collection already under way when a save comes in is
// not stopped). Only one collection runs at a time.
func (b *rebuilder) collect() {
	gc := func() {
		if !b.collecting.CompareAndSwap(false, true) {
			return
		}
		defer b.collecting.Store(false)
		runtime.GC()
	}
	if b.idle == nil {
		b.idle = time.AfterFunc(idleAfter, gc)
		return
	}
	b.idle.Reset(idleAfter)
}

// fail prints each new problem once and shows them all in the browsers.
func (b *rebuilder) fail(ds diag.List, err error) {
	seen := map[string]bool{}
	var problems []serve.Problem
	for _, d := range ds {
		s := d.String()
		seen[s] = true
		if !b.lastErrs[s] {
			fmt.Fprintln(b.cmd.stderr, s)
		}
		if d.Severity == diag.Error {
			problems = append(problems, serve.Problem{Path: d.Path, Line: d.Line, Col: d.Col, Message: withoutPlace(d)})
		}
	}
	if !errors.Is(err, build.ErrContent) {
		fmt.Fprintf(b.cmd.stderr, "build failed: %v\n", err)
		problems = append(problems, serve.Problem{Message: err.Error()})
	}
	b.lastErrs = seen
	b.srv.Fail(problems)
}

// withoutPlace is a diagnostic's text after its file and position, which
// the overlay shows from the problem's own fields: "demand: … is not one
// of …".
func withoutPlace(d diag.Diagnostic) string {
	d.Path, d.Line, d.Col = "", 0, 0
	return strings.TrimPrefix(d.String(), ": ")
}

// moves maps the URLs of careers and pages whose URL changed between two
// builds, old to new, matching them by source file. A career whose file
// is gone is matched by title to a career in a new file (a rename).
func moves(prev, next *index.Site) map[string]string {
	if samePlaces(prev, next) {
		return nil
	}
	m := map[string]string{}
	var gone map[string][]string // title → URLs of careers whose file is gone
	for _, c := range prev.Careers {
		u, ok := next.Content(c.Source)
		switch {
		case !ok:
			if gone == nil {
				gone = map[string][]string{}
			}
			gone[c.Title] = append(gone[c.Title], c.URL)
		case u != c.URL:
			m[c.URL] = u
		}
	}
	if len(gone) > 0 {
		for _, c := range next.Careers {
			if _, old := prev.Content(c.Source); old {
				continue
			}
			for _, u := range gone[c.Title] {
				if u != c.URL {
					m[u] = c.URL
				}
			}
		}
	}
	for _, p := range prev.Pages {
		if u, ok := next.Content(p.Source); ok && u != p.URL {
			m[p.URL] = u
		}
	}
	return m
}

// samePlaces reports whether two builds publish the same files at the
// same URLs in the same order, as after most edits: then nothing moved.
func samePlaces(prev, next *index.Site) bool {
	if len(prev.Careers) != len(next.Careers) || len(prev.Pages) != len(next.Pages) {
		return false
	}
	for i, c := range next.Careers {
		if p := prev.Careers[i]; p.Source != c.Source || p.URL != c.URL {
			return false
		}
	}
	for i, pg := range next.Pages {
		if p := prev.Pages[i]; p.Source != pg.Source || p.URL != pg.URL {
			return false
		}
	}
	return true
}

// cssOnly reports whether every changed file is a stylesheet.
func cssOnly(changed []string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(p, "static/") || path.Ext(p) != ".css" {
			return false
		}
	}
	return len(changed) > 0
}

func openBrowser(u string) {
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name = "rundll32"
		exec.Command(name, "url.dll,FileProtocolHandler", u).Start()
		return
	}
	exec.Command(name, u).Start()
}
