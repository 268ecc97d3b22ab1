package main

import (
	"bytes"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careerguide/careerguide/internal/gen"
)

// self runs this test binary as careerguide (see TestMain).
func self(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CAREERGUIDE_AS_MAIN=1")
	return cmd
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = data
		return nil
	})
	return m
}

// TestKillDuringBuild kills builds with SIGKILL while they write, and
// checks that every file in the output is a whole old or new version,
// that files careerguide did not write are untouched, and that the next
// build completes correctly. Each build has new content to write, as the
// two versions of every page alternate, and each kill waits until the
// build has begun to stage its files, then lands at a random moment of
// the writing, measured on a build that wrote everything.
func TestKillDuringBuild(t *testing.T) {
	runs := 30
	if testing.Short() {
		runs = 8
	}
	src := t.TempDir()
	if err := gen.Write(src, 100, 5); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(src, "content/careers/*.md"))
	versions := [2]map[string][]byte{{}, {}}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		versions[0][f] = data
		versions[1][f] = append(bytes.Clone(data), "\nA second version of every page.\n"...)
	}
	setVersion := func(v int) {
		for f, data := range versions[v] {
			os.WriteFile(f, data, 0o644)
		}
	}
	// The two complete outputs, built cleanly.
	var refs [2]map[string][]byte
	for v := range refs {
		setVersion(v)
		out := filepath.Join(t.TempDir(), "ref")
		if b, err := self("build", "--source", src, "--out", out, "--quiet").CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		refs[v] = readTree(t, out)
	}
	out := filepath.Join(src, "public")
	staging := filepath.Join(out, ".careerguide-staging-*") // each build's own
	setVersion(0)
	if b, err := self("build", "--source", src, "--quiet").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	os.WriteFile(filepath.Join(out, "CNAME"), []byte("guide.example.org\n"), 0o644)

	// start runs a build of version v and returns once it has begun to
	// stage files (or has ended), with how long that took.
	start := func(v int) (*exec.Cmd, chan error) {
		setVersion(v)
		cmd := self("build", "--source", src, "--quiet")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		for {
			if m, _ := filepath.Glob(staging); len(m) > 0 {
				return cmd, done
			}
			select {
			case err := <-done:
				done <- err
				return cmd, done
			case <-time.After(time.Millisecond):
			}
		}
	}
	// How long writing takes, on builds that write every career page.
	writing := time.Duration(1 << 62)
	for _, v := range []int{1, 0} {
		_, done := start(v)
		began := time.Now()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		writing = min(writing, time.Since(began))
	}
	r := rand.New(rand.NewSource(1))
	v := 0
	landed := 0 // kills that found the build still running
	for run := 0; run < runs; run++ {
		v = 1 - v
		cmd, done := start(v)
		time.Sleep(time.Duration(r.Int63n(int64(writing) + 1)))
		cmd.Process.Signal(syscall.SIGKILL)
		if err := <-done; err != nil {
			landed++
		}
		for p, data := range readTree(t, out) {
			switch {
			case strings.HasPrefix(p, ".careerguide"):
				// careerguide's own staging and manifest
			case p == "CNAME":
				if string(data) != "guide.example.org\n" {
					t.Fatalf("run %d: CNAME changed", run)
				}
			case !bytes.Equal(data, refs[0][p]) && !bytes.Equal(data, refs[1][p]):
				t.Fatalf("run %d: %s is neither the old nor the new version (%d bytes)", run, p, len(data))
			}
		}
	}
	t.Logf("writing takes %v; %d of %d kills landed while the build ran", writing, landed, runs)
	if landed == 0 {
		t.Error("no kill landed while a build ran")
	}
	if b, err := self("build", "--source", src).CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, b)
	}
	got := readTree(t, out)
	for p, data := range refs[v] {
		if !strings.HasPrefix(p, ".careerguide") && !bytes.Equal(got[p], data) {
			t.Errorf("after the kills, %s is not what a clean build writes", p)
		}
	}
	for p := range got {
		if _, ok := refs[v][p]; !ok && p != "CNAME" && !strings.HasPrefix(p, ".careerguide") {
			t.Errorf("after the kills, %s is stale", p)
		}
	}
}
