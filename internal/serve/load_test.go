package serve_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/gen"
	"github.com/careerguide/careerguide/internal/serve"
)

// TestLoadDuringRebuilds sends 20,000 requests over 200 connections while
// the site is rebuilt ten times, alternating two versions of every career
// page: every response must succeed and be a whole old or new page. The
// rebuilds are spread over the load by counting requests, not by time:
// the k-th waits until k/11 of the requests have been sent, so requests
// come before, between and after all ten, however fast the machine is.
func TestLoadDuringRebuilds(t *testing.T) {
	requests, conns, rebuilds := 20000, 200, 10
	if testing.Short() {
		requests, conns, rebuilds = 2000, 50, 4
	}
	src := t.TempDir()
	if err := gen.Write(src, 40, 9); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	sess := build.NewSession(build.Options{Source: src, Out: out, LiveReload: true, Theme: careerguide.Theme})
	files, _ := filepath.Glob(filepath.Join(src, "content/careers/*.md"))
	orig := map[string][]byte{}
	for _, f := range files {
		orig[f], _ = os.ReadFile(f)
	}
	// The two versions of every output file.
	versions := [2]map[string][]byte{}
	for v := range versions {
		for f, data := range orig {
			if v == 1 {
				data = append(bytes.Clone(data), "\nThe second version.\n"...)
			}
			os.WriteFile(f, data, 0o644)
		}
		if _, err := sess.Build(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		versions[v] = map[string][]byte{}
		for _, f := range files {
			page := "careers/" + filepath.Base(f[:len(f)-3]) + "/index.html"
			versions[v][page], _ = os.ReadFile(filepath.Join(out, page))
		}
	}
	srv, err := serve.New(out, "/")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	var sent, failures atomic.Int64
	var rebuilt int
	done := make(chan struct{}) // the rebuilds are over
	go func() {
		defer close(done)
		for k := 1; k <= rebuilds; k++ {
			for sent.Load() < int64(k*requests/(rebuilds+1)) {
				time.Sleep(time.Millisecond)
			}
			v := k % 2
			var changed []string
			for f, data := range orig {
				if v == 1 {
					data = append(bytes.Clone(data), "\nThe second version.\n"...)
				}
				os.WriteFile(f, data, 0o644)
				rel, _ := filepath.Rel(src, f)
				changed = append(changed, filepath.ToSlash(rel))
			}
			if _, err := sess.Build(context.Background(), changed); err != nil {
				t.Error(err)
				return
			}
			srv.Reload(false)
			rebuilt++
		}
	}()
	pages := make([]string, 0, len(versions[0]))
	for p := range versions[0] {
		pages = append(pages, p)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}}
	var cw sync.WaitGroup
	for c := 0; c < conns; c++ {
		cw.Add(1)
		go func(c int) {
			defer cw.Done()
			// Each connection takes its share of the requests, and keeps
			// on until the rebuilds are over.
			for i := c; ; i += conns {
				if i >= requests {
					select {
					case <-done:
						return
					default:
					}
				}
				sent.Add(1)
				page := pages[i%len(pages)]
				resp, err := client.Get(ts.URL + "/" + page[:len(page)-len("index.html")])
				if err != nil {
					failures.Add(1)
					t.Errorf("request: %v", err)
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 {
					failures.Add(1)
					t.Errorf("%s: %d %v", page, resp.StatusCode, err)
					continue
				}
				if !bytes.Equal(body, versions[0][page]) && !bytes.Equal(body, versions[1][page]) {
					failures.Add(1)
					t.Errorf("%s: torn page of %d bytes", page, len(body))
				}
			}
		}(c)
	}
	cw.Wait()
	<-done
	if rebuilt != rebuilds {
		t.Errorf("%d of %d rebuilds ran during the load", rebuilt, rebuilds)
	}
	t.Logf("%d requests, %d failures, %d rebuilds", sent.Load(), failures.Load(), rebuilt)
	if failures.Load() > 0 {
		t.Fatal(fmt.Sprint(failures.Load(), " failures"))
	}
}
