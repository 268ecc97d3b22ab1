package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func site(t *testing.T) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	for p, body := range map[string]string{
		"index.html":                "<h1>home</h1>",
		"404.html":                  "<h1>not found page</h1>",
		"careers/x/index.html":      "<h1>x</h1>",
		"assets/style.1234abcd.css": "body{}",
		"api/careers.json":          "{}",
		"feed.xml":                  "<feed/>",
		"empty/.keep":               "",
		".careerguide-manifest":     "secret manifest",
		".careerguide-staging/1":    "half",
	} {
		p = filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	os.Symlink("/etc", filepath.Join(dir, "etc"))
	os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.html"))
	s, err := New(dir, "/guide/")
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", "http://127.0.0.1/", nil)
	req.URL.Path, req.URL.RawPath = target, ""
	if u, err := req.URL.Parse(target); err == nil && !strings.ContainsAny(target, "\\\x00") {
		req.URL = u
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServesUnderBase(t *testing.T) {
	s, _ := site(t)
	tests := []struct {
		path, ctype string
		code        int
		body        string
	}{
		{"/guide/", "text/html; charset=utf-8", 200, "home"},
		{"/guide/careers/x/", "text/html; charset=utf-8", 200, "<h1>x</h1>"},
		{"/guide/careers/x", "text/html; charset=utf-8", 200, "<h1>x</h1>"},
		{"/guide/assets/style.1234abcd.css", "text/css; charset=utf-8", 200, "body{}"},
		{"/guide/api/careers.json", "application/json", 200, "{}"},
		{"/guide/feed.xml", "text/xml; charset=utf-8", 200, "<feed/>"},
		{"/guide/missing/", "text/html; charset=utf-8", 404, "not found page"},
		{"/guide/empty/", "text/html; charset=utf-8", 404, "not found page"}, // no listings
		{"/other/", "text/html; charset=utf-8", 404, "not found page"},
	}
	for _, tt := range tests {
		rec := get(t, s, tt.path)
		if rec.Code != tt.code || rec.Header().Get("Content-Type") != tt.ctype || !strings.Contains(rec.Body.String(), tt.body) {
			t.Errorf("%s: %d %q %q", tt.path, rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
		if rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", tt.path, rec.Header().Get("Cache-Control"))
		}
	}
	if rec := get(t, s, "/"); rec.Code != http.StatusFound || rec.Header().Get("Location") != "/guide/" {
		t.Errorf("/ → %d %s", rec.Code, rec.Header().Get("Location"))
	}
}

// TestTraversal sends requests that try to read outside the output
// folder, raw over a socket so no client cleans them first.
func TestTraversal(t *testing.T) {
	s, _ := site(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	attacks := []string{
		"/guide/../../../../etc/passwd",
		"/guide/..%2f..%2f..%2fetc%2fpasswd",
		"/guide/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/guide/%252e%252e/%252e%252e/etc/passwd",
		"/guide/..\\..\\..\\etc\\passwd",
		"/guide/..%5c..%5cetc%5cpasswd",
		"/guide//etc/passwd",
		"/guide/etc/passwd",
		"/guide/passwd.html",
		"/guide/careers/x/index.html%00.css",
		"/guide/.careerguide-manifest",
		"/guide/.careerguide-staging/1",
		"/guide/" + strings.Repeat("a/", 3000),
		"/etc/passwd",
		"//etc/passwd",
	}
	for _, a := range attacks {
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(conn, "GET "+a+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		body, _ := io.ReadAll(resp.Body)
		conn.Close()
		if strings.Contains(string(body), "root:") || strings.Contains(string(body), "secret manifest") || strings.Contains(string(body), "half") {
			t.Errorf("%s leaked a file outside the site", a)
		}
		if resp.StatusCode == 200 {
			t.Errorf("%s: status 200", a)
		}
	}
}

func TestLiveReloadClientsCome(t *testing.T) {
	s, _ := site(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	base := runtime.NumGoroutine()
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	baseHeap := ms.HeapInuse
	var conns []net.Conn
	for i := 0; i < 500; i++ {
		c, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(c, "GET /guide/__livereload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
		conns = append(conns, c)
	}
	deadline := time.Now().Add(10 * time.Second)
	for s.Clients() < 500 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if s.Clients() != 500 {
		t.Fatalf("%d clients connected", s.Clients())
	}
	s.Reload(false)
	r := bufio.NewReader(conns[0])
	found := false
	for !found {
		conns[0].SetReadDeadline(time.Now().Add(5 * time.Second))
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		found = strings.HasPrefix(line, "event: reload")
	}
	for _, c := range conns {
		c.Close()
	}
	for (s.Clients() > 0 || runtime.NumGoroutine() > base+5) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if s.Clients() != 0 || runtime.NumGoroutine() > base+5 {
		t.Errorf("after the clients left: %d clients, %d goroutines (baseline %d)", s.Clients(), runtime.NumGoroutine(), base)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse > baseHeap+8<<20 {
		t.Errorf("heap in use %d MB after the clients left, %d MB before", ms.HeapInuse>>20, baseHeap>>20)
	}
}
