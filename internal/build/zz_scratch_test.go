package build_test

import (
	"bytes"
	"context"
	"os"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"
)

func TestScratchEdits(t *testing.T) {
	s, file, full, orig := servingT(t)
	defer os.WriteFile(full, orig, 0o644)
	f, _ := os.Create("/tmp/edits.prof")
	pprof.StartCPUProfile(f)
	for i := 0; i < 6; i++ {
		os.WriteFile(full, bytes.Replace(orig, []byte("  max: "), []byte("  max: "+strconv.Itoa(1+i%9)), 1), 0o644)
		t0 := time.Now()
		res, err := s.Build(context.Background(), []string{file})
		t.Logf("front %v rendered %d %v", time.Since(t0), res.Rendered, err)
	}
	pprof.StopCPUProfile()
}
