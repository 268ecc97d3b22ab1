package main

import (
	"context"
	"io"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
	"github.com/careerguide/careerguide/internal/gen"
	"github.com/careerguide/careerguide/internal/serve"
)

// TestCollectsWhenQuiet: once serve has been quiet for a while after a
// build, it collects garbage by itself. The collector's own pace is
// turned off for the test, so only serve's collection can count.
func TestCollectsWhenQuiet(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	if err := gen.WriteOf(src, 12, 3, 8); err != nil {
		t.Fatal(err)
	}
	srv, err := serve.New(out, "/")
	if err != nil {
		t.Fatal(err)
	}
	loop := &rebuilder{cmd: &serveCommand{stdout: io.Discard, stderr: io.Discard}, source: src, srv: srv,
		session: build.NewSession(build.Options{Source: src, Out: out, LiveReload: true, Private: true, Again: true, Theme: careerguide.Theme})}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	loop.rebuild(context.Background(), nil)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.NumGC
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		runtime.ReadMemStats(&ms)
		if ms.NumGC > before {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no collection in 30 s after a build (quiet after %v)", idleAfter)
		}
	}
}
