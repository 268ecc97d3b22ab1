package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	if os.Getenv("CAREERGUIDE_AS_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"careerguide": main,
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// Locks and state that fall back to the user's cache folder
			// stay in the test's own folder.
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mtime":    cmdMtime,
			"cmpdir":   cmdCmpdir,
			"get":      cmdGet,
			"waitfor":  cmdWaitfor,
			"cpevent":  cmdEvent,
			"setaddr":  cmdSetaddr,
			"waitfile": cmdWaitfile,
			"status":   cmdStatus,
		},
	})
}

// mtime save NAME FILE records FILE's modification time; mtime same NAME
// FILE asserts it has not changed (mtime changed NAME FILE: that it has).
func cmdMtime(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: mtime save|same|changed NAME FILE")
	}
	st, err := os.Stat(ts.MkAbs(args[2]))
	ts.Check(err)
	key := "mtime_" + args[1]
	now := fmt.Sprint(st.ModTime().UnixNano())
	switch args[0] {
	case "save":
		ts.Setenv(key, now)
	case "same":
		if ts.Getenv(key) != now {
			ts.Fatalf("%s was rewritten", args[2])
		}
	case "changed":
		if ts.Getenv(key) == now {
			ts.Fatalf("%s was not rewritten", args[2])
		}
	}
}

// cmpdir A B asserts two folders hold the same files with the same bytes.
func cmdCmpdir(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpdir A B")
	}
	read := func(dir string) map[string][]byte {
		m := map[string][]byte{}
		root := ts.MkAbs(dir)
		ts.Check(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			m[rel] = data
			return err
		}))
		return m
	}
	a, b := read(args[0]), read(args[1])
	same := len(a) == len(b)
	for p, data := range a {
		if !bytes.Equal(b[p], data) {
			same = false
			if !neg {
				ts.Logf("%s differs", p)
			}
		}
	}
	if same == neg {
		ts.Fatalf("folders %s and %s: same=%v", args[0], args[1], same)
	}
}

// get URLFILE PATH fetches PATH from the server whose URL is in URLFILE,
// writing the body to stdout and the status code to stderr.
func cmdGet(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: get URLFILE PATH")
	}
	base := readURL(ts, args[0])
	resp, err := http.Get(base + strings.TrimPrefix(args[1], "/"))
	ts.Check(err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	ts.Stdout().Write(body)
	fmt.Fprintf(ts.Stderr(), "%d\n", resp.StatusCode)
}

// waitfor URLFILE PATH TEXT polls PATH until its body contains TEXT (with
// !, until it no longer does), for up to 15 seconds. URLFILE is written
// by serve --ready, which it also waits for.
func cmdWaitfor(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: waitfor URLFILE PATH TEXT")
	}
	deadline := time.Now().Add(15 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(ts.MkAbs(args[0])); err == nil && len(data) > 0 {
			resp, err := http.Get(strings.TrimSpace(string(data)) + strings.TrimPrefix(args[1], "/"))
			if err == nil {
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				last = fmt.Sprintf("%d %s", resp.StatusCode, body)
				if strings.Contains(string(body), args[2]) != neg {
					return
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(last) > 400 {
		last = last[:400]
	}
	ts.Fatalf("timed out waiting for %q (negated: %v) at %s; last response: %s", args[2], neg, args[1], last)
}

func readURL(ts *testscript.TestScript, file string) string {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(ts.MkAbs(file)); err == nil && len(data) > 0 {
			return strings.TrimSpace(string(data))
		}
		time.Sleep(50 * time.Millisecond)
	}
	ts.Fatalf("%s never appeared", file)
	return ""
}

// cpevent URLFILE NAME TEXT SRC DST listens to the live-reload stream of
// the server whose URL is in URLFILE, copies SRC over DST once it is
// listening, and waits up to 15 seconds for an event NAME whose data
// contains TEXT, which it prints.
func cmdEvent(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 5 {
		ts.Fatalf("usage: cpevent URLFILE NAME TEXT SRC DST")
	}
	base := readURL(ts, args[0])
	client := &http.Client{Timeout: 15 * time.Second}
	resp, err := client.Get(base + "__livereload")
	ts.Check(err)
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	if !sc.Scan() { // "retry: …": the stream is open
		ts.Fatalf("live-reload stream closed")
	}
	data, err := os.ReadFile(ts.MkAbs(args[3]))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[4]), data, 0o644))
	name := ""
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && name == args[1] && strings.Contains(line, args[2]):
			fmt.Fprintln(ts.Stdout(), line)
			return
		}
	}
	ts.Fatalf("no %s event with %q", args[1], args[2])
}

// setaddr URLFILE sets $ADDR to the host and port of the URL in URLFILE.
func cmdSetaddr(ts *testscript.TestScript, neg bool, args []string) {
	u := readURL(ts, args[0])
	ts.Setenv("ADDR", strings.TrimSuffix(strings.TrimPrefix(u, "http://"), "/"))
}

// waitfile FILE TEXT waits up to 15 seconds for FILE to contain TEXT.
func cmdWaitfile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: waitfile FILE TEXT")
	}
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if data, err := os.ReadFile(ts.MkAbs(args[0])); err == nil && strings.Contains(string(data), args[1]) {
			return
		}
	}
	ts.Fatalf("%s never held %q", args[0], args[1])
}

// status CODE ARGS... runs careerguide ARGS in the current folder and
// asserts that it exits with CODE; the stdout and stderr commands that
// follow check its output.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: status CODE ARGS...")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	cmd := exec.Command(os.Args[0], args[1:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = append(os.Environ(), "CAREERGUIDE_AS_MAIN=1", "HOME="+ts.Getenv("HOME"), "XDG_CACHE_HOME="+ts.Getenv("XDG_CACHE_HOME"))
	cmd.Stdout, cmd.Stderr = ts.Stdout(), ts.Stderr()
	code := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			ts.Fatalf("careerguide %s: %v", strings.Join(args[1:], " "), err)
		}
		code = ee.ExitCode()
	}
	if code != want {
		ts.Fatalf("careerguide %s exited %d, want %d", strings.Join(args[1:], " "), code, want)
	}
}
