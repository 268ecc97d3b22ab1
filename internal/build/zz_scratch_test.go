package build_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"

	"github.com/careerguide/careerguide"
	"github.com/careerguide/careerguide/internal/build"
)

func TestScratchEdits(t *testing.T) {
	src := "/tmp/site10k"
	s := build.NewSession(build.Options{Source: src, Out: t.TempDir(), LiveReload: true, Private: true, Theme: careerguide.Theme})
	if _, err := s.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	file := "content/careers/cloud-engineering-0.md"
	full := filepath.Join(src, file)
	orig, _ := os.ReadFile(full)
	defer os.WriteFile(full, orig, 0o644)
	f, _ := os.Create("/tmp/edits.prof")
	for i := 0; i < 12; i++ {
		if i == 2 {
			pprof.StartCPUProfile(f)
		}
		os.WriteFile(full, bytes.Replace(orig, []byte("  max: "), []byte("  max: "+strconv.Itoa(1+i%9)), 1), 0o644)
		t0 := time.Now()
		res, err := s.Build(context.Background(), []string{file})
		var steps string
		for _, st := range res.Steps {
			steps += fmt.Sprintf(" %s=%dms", st.Name, st.Duration.Milliseconds())
		}
		_ = steps
		if i%4 == 0 {
			continue
		}
		t.Logf("front %v rendered %d %v%s %v", time.Since(t0).Round(time.Millisecond), res.Rendered, err, steps, res.RenderedPaths)
	}
	pprof.StopCPUProfile()
}
