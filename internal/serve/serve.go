// Package serve owns the development server: it serves a built site from
// its output folder under the site's base path, only ever reading files
// inside that folder, and pushes live-reload events to browsers over
// Server-Sent Events when a rebuild finishes or fails.
package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Server serves one output folder.
type Server struct {
	dir  string // the output folder, absolute, links resolved
	base string // URL path prefix, "/" or "/guide/"

	hosts        []string      // besides loopback names and its own address
	writeTimeout time.Duration // for each live-reload event; 0 for none

	mu      sync.Mutex
	clients map[chan event]bool
	last    *event // the current error state, replayed to new clients
	moved   map[string]string

	closing     chan struct{} // closed when the HTTP server shuts down
	closingOnce sync.Once
}

// closeStreams ends every live-reload stream, which never go idle, so
// that the HTTP server's shutdown need not wait for them.
func (s *Server) closeStreams() { s.closingOnce.Do(func() { close(s.closing) }) }

type event struct {
	name string
	data string
}

// New returns a server for the output folder dir under the path base.
func New(dir, base string) (*Server, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if base == "" {
		base = "/"
	}
	return &Server{dir: abs, base: base, clients: map[chan event]bool{}, moved: map[string]string{}, closing: make(chan struct{})}, nil
}

// Reload tells browsers that a rebuild finished. cssOnly swaps the
// stylesheets without reloading the page.
func (s *Server) Reload(cssOnly bool) {
	s.mu.Lock()
	s.last = nil
	s.mu.Unlock()
	name := "reload"
	if cssOnly {
		name = "css"
	}
	s.broadcast(event{name, "{}"})
}

// Moved records pages whose URL changed in the last rebuild, old to new
// (paths below the base), so a browser showing the old one follows.
func (s *Server) Moved(m map[string]string) {
	s.mu.Lock()
	for k, v := range m {
		s.moved[k] = v
	}
	s.mu.Unlock()
}

// Problem is one error shown in the browser overlay.
type Problem struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// Fail tells browsers that a rebuild failed, with every problem; the
// last good site stays served.
func (s *Server) Fail(problems []Problem) {
	data, _ := json.Marshal(problems)
	ev := event{"errors", string(data)}
	s.mu.Lock()
	s.last = &ev
	s.mu.Unlock()
	s.broadcast(ev)
}

func (s *Server) broadcast(ev event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a slow client misses one event rather than blocking rebuilds
		}
	}
}

// Clients returns how many browsers are connected.
func (s *Server) Clients() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// ServeHTTP serves files, the live-reload stream and its script.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !s.allowedHost(r) {
		misdirected(w)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, s.base) {
		if p == "/" || p == strings.TrimSuffix(s.base, "/") {
			http.Redirect(w, r, s.base, http.StatusFound)
			return
		}
		s.notFound(w, r)
		return
	}
	rel := strings.TrimPrefix(p, s.base)
	switch rel {
	case "__livereload":
		s.events(w, r)
		return
	case "__livereload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write([]byte(reloadScript))
		return
	}
	if to, ok := s.movedTo(rel); ok {
		http.Redirect(w, r, s.base+to, http.StatusFound)
		return
	}
	file, ok := s.resolve(rel)
	if !ok {
		s.notFound(w, r)
		return
	}
	s.serveFile(w, r, file, http.StatusOK)
}

func (s *Server) movedTo(rel string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	to, ok := s.moved[rel]
	if !ok {
		return "", false
	}
	if _, exists := s.resolve(rel); exists {
		return "", false
	}
	return to, true
}

// resolve maps a path below the base to a regular file inside the output
// folder. It refuses anything that could lead outside: "..", encoded
// separators, backslashes, NUL bytes and symbolic links that leave it.
func (s *Server) resolve(rel string) (string, bool) {
	if strings.ContainsAny(rel, "\\\x00") || len(rel) > 1024 {
		return "", false
	}
	for _, part := range strings.Split(rel, "/") {
		if part == ".." || part == "." || strings.HasPrefix(part, ".careerguide") {
			return "", false
		}
	}
	clean := path.Clean("/" + rel)
	if strings.HasSuffix(rel, "/") || rel == "" {
		clean = path.Join(clean, "index.html")
	}
	file := filepath.Join(s.dir, filepath.FromSlash(clean))
	st, err := os.Stat(file)
	if err == nil && st.IsDir() {
		file = filepath.Join(file, "index.html")
		st, err = os.Stat(file)
	}
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return "", false
	}
	if r, err := filepath.Rel(s.dir, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return real, true
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if file, ok := s.resolve("404.html"); ok {
		s.serveFile(w, r, file, http.StatusNotFound)
		return
	}
	// No site has been built yet (the first build failed): a page that
	// shows the errors and reloads once the site builds.
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, waitingPage, html.EscapeString(s.base))
}

const waitingPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Waiting for a good build · careerguide</title></head>
<body><main><h1>The site has not built yet</h1>
<p>careerguide is waiting for the content to build; the errors show here and in the terminal. This page reloads by itself once the site builds.</p></main>
<script src="%s__livereload.js"></script></body></html>
`

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, file string, status int) {
	data, err := os.ReadFile(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			http.Error(w, "404 page not found", http.StatusNotFound)
			return
		}
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	ct := mime.TypeByExtension(filepath.Ext(file))
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// events streams live-reload events to one browser.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	// The stream outlives the server's read and write timeouts; each
	// event gets its own write deadline, so a client that stops reading
	// is dropped.
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Time{})
	deadline := func() {
		if s.writeTimeout > 0 {
			rc.SetWriteDeadline(time.Now().Add(s.writeTimeout))
		} else {
			rc.SetWriteDeadline(time.Time{})
		}
	}
	deadline()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Connection", "keep-alive")
	c := make(chan event, 8)
	s.mu.Lock()
	s.clients[c] = true
	last := s.last
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("retry: 500\n\n"))
	if last != nil {
		writeEvent(w, *last)
	}
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case ev := <-c:
			deadline()
			writeEvent(w, ev)
			if rc.Flush() != nil {
				return
			}
		}
	}
}

func writeEvent(w http.ResponseWriter, ev event) {
	w.Write([]byte("event: " + ev.name + "\ndata: " + ev.data + "\n\n"))
}
