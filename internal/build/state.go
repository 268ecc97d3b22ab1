package build

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/careerguide/careerguide/internal/output"
)

// StateDir is the folder beside site.yaml where builds keep their state.
const StateDir = ".careerguide"

// state is where a session saves, for each output folder, the cache's
// page entries and the record of what was written. It is safe to delete:
// the next build then renders everything and deletes nothing it cannot
// show it wrote.
type state struct{ file string }

type stateHeader struct {
	Version int
	Out     string
	Record  output.Record
	Cache   bool // the trace cache follows
}

const stateVersion = 2

// lock takes the output folder's lock for the build, after refusing a
// dangerous folder, and reads the saved state on a session's first build.
func (s *Session) lock(ctx context.Context) (func(), error) {
	o := s.o
	if o.DryRun {
		return func() {}, nil
	}
	if err := output.Check(o.Out, o.Source); err != nil {
		return nil, err
	}
	if o.Private {
		return func() {}, nil
	}
	unlock, err := output.Lock(ctx, o.Out, o.Waiting)
	if err != nil {
		return nil, err
	}
	if !s.loaded {
		s.loaded = true
		s.state = s.locate()
		// Into a folder that does not exist there is nothing to reuse:
		// the saved state would only cost the time to read it.
		if _, err := os.Stat(o.Out); err == nil {
			s.load()
		}
	}
	return unlock, nil
}

// locate picks the state file of the output folder: in SOURCE/.careerguide,
// or in the user's cache folder when the site folder cannot be written.
func (s *Session) locate() *state {
	// Named after the folder's real path, which is the same whether the
	// folder exists yet or not.
	out, err := output.Resolve(s.o.Out)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256([]byte(out))
	name := "out-" + hex.EncodeToString(sum[:8]) + ".state"
	dirs := []string{s.o.State}
	if s.o.State == "" {
		src, _ := filepath.Abs(s.o.Source)
		dirs = []string{filepath.Join(src, StateDir)}
		if c, err := os.UserCacheDir(); err == nil {
			ss := sha256.Sum256([]byte(src))
			dirs = append(dirs, filepath.Join(c, "careerguide", "sites", hex.EncodeToString(ss[:8])))
		}
	}
	for _, d := range dirs {
		if writable(d) {
			return &state{file: filepath.Join(d, name)}
		}
	}
	return nil
}

func writable(dir string) bool {
	if os.MkdirAll(dir, 0o755) != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// load reads the saved state; a missing or damaged state is no state.
func (s *Session) load() {
	if s.state == nil {
		return
	}
	f, err := os.Open(s.state.file)
	if err != nil {
		return
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var h stateHeader
	out, _ := filepath.Abs(s.o.Out)
	if gob.NewDecoder(br).Decode(&h) != nil || h.Version != stateVersion || h.Out != out {
		return
	}
	if h.Cache && s.cache.Load(br) != nil {
		s.cache = newCache(s.o) // nothing of a damaged cache is kept
		return
	}
	s.record = &h.Record
}

// save writes the state through a temporary file and a rename. The
// journal written before files are moved into place (rec.Pending) holds
// the record alone: a build killed during the moves is followed by one
// that renders every page again, checking each against the folder's
// bytes, and the cache, which would otherwise be written twice per build,
// is written once, with the final record.
func (s *Session) save(rec output.Record) error {
	if s.state == nil {
		return nil
	}
	f, err := os.CreateTemp(filepath.Dir(s.state.file), ".state-*")
	if err != nil {
		return err
	}
	out, _ := filepath.Abs(s.o.Out)
	bw := bufio.NewWriter(f)
	withCache := rec.Pending == nil
	err = gob.NewEncoder(bw).Encode(stateHeader{Version: stateVersion, Out: out, Record: rec, Cache: withCache})
	if err == nil && withCache {
		err = s.cache.Save(bw)
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), s.state.file)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("saving the build state: %w", err)
	}
	return nil
}

// open opens the output folder for writing.
func (s *Session) open() (*output.Writer, error) {
	o := output.Options{Private: s.o.Private, Force: s.o.Force || s.o.Private, Signature: "api/careers.json", SignatureStart: `{"version":`}
	if !s.o.Private {
		o.Save = s.save
	}
	return output.Open(s.o.Out, s.record, o)
}

// commit moves the build into place and keeps the record of it.
func (s *Session) commit(w *output.Writer) (output.Stats, error) {
	st, err := w.Commit()
	if err != nil {
		// What the folder holds is known again from the saved state
		// (or, for a private folder, not at all); cached pages are
		// checked against the folder's bytes before reuse anyway.
		s.record, s.loaded = nil, false
		return st, err
	}
	s.record = &output.Record{Files: w.Files()}
	return st, nil
}

// buildID names the careerguide build that runs, so that a new version
// never reuses an old one's output.
func buildID() string {
	id := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok {
		id = bi.Main.Version + bi.GoVersion
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += s.Value
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			id += fmt.Sprintf("|%d|%d", st.Size(), st.ModTime().UnixNano())
		}
	}
	return id
}
