package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// listen serves s on a free loopback port with the timeouts t.
func listen(t *testing.T, s *Server, tm Timeouts, baseURL string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := s.HTTPServer(tm, baseURL)
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return ln.Addr().String()
}

// status sends one request with the Host header host and returns the
// response's status code.
func status(t *testing.T, addr, host, path string) int {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("Host %q: %v", host, err)
	}
	return resp.StatusCode
}

// TestHostCheck answers only requests for the server's own address,
// localhost, loopback addresses and the base URL's host: a page that a
// browser loads from evil.example, once that name points at 127.0.0.1,
// cannot read the site or its error stream.
func TestHostCheck(t *testing.T) {
	s, _ := site(t)
	addr := listen(t, s, DefaultTimeouts, "https://guide.example.org/guide/")
	_, port, _ := net.SplitHostPort(addr)
	tests := []struct {
		host string
		code int
	}{
		{addr, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST", 200},
		{"localhost.:" + port, 200},
		{"127.0.0.1", 200},
		{"127.8.9.10:" + port, 200},
		{"[::1]:" + port, 200},
		{"guide.example.org", 200},
		{"evil.example", 421},
		{"evil.example:" + port, 421},
		{"localhost.evil.example", 421},
		{"guide.example.org.evil.example", 421},
		{"127.0.0.1.nip.io", 421},
		{"0.0.0.0:" + port, 421},
		{"", 421},
	}
	for _, tt := range tests {
		for _, path := range []string{"/guide/", "/guide/__livereload"} {
			if path == "/guide/__livereload" && tt.code == 200 {
				continue // a stream that does not end
			}
			if got := status(t, addr, tt.host, path); got != tt.code {
				t.Errorf("Host %q, %s: %d, want %d", tt.host, path, got, tt.code)
			}
		}
	}
}

// TestIdleConnectionsClose opens 1,500 keep-alive connections that each
// make one request and then wait: the server must close every one once
// it has been idle for the idle timeout.
func TestIdleConnectionsClose(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 200
	}
	s, _ := site(t)
	tm := DefaultTimeouts
	tm.Idle = 300 * time.Millisecond
	addr := listen(t, s, tm, "")
	conns := make([]net.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		conns = append(conns, c)
		io.WriteString(c, "GET /guide/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("connection %d: %v", i, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	// Each connection must now end: a read returns EOF (or a reset), not
	// data and not our own timeout, within a generous wait.
	deadline := time.Now().Add(30 * time.Second)
	open := 0
	for _, c := range conns {
		c.SetReadDeadline(deadline)
		_, err := c.Read(make([]byte, 1))
		var ne net.Error
		if err == nil || errors.As(err, &ne) && ne.Timeout() {
			open++
		}
	}
	if open > 0 {
		t.Errorf("%d of %d idle connections were still open", open, n)
	}
}

// TestStreamOutlivesTimeouts keeps a live-reload stream open past the
// read, write and idle timeouts and checks that it still delivers.
func TestStreamOutlivesTimeouts(t *testing.T) {
	s, _ := site(t)
	tm := Timeouts{ReadHeader: 200 * time.Millisecond, Read: 200 * time.Millisecond, Write: 200 * time.Millisecond, Idle: 200 * time.Millisecond}
	addr := listen(t, s, tm, "")
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /guide/__livereload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	r := bufio.NewReader(c)
	resp, err := http.ReadResponse(r, nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("stream: %v", err)
	}
	// Wait until the server has the client, then past every timeout.
	for s.Clients() == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(time.Second)
	s.Reload(false)
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	body := bufio.NewReader(resp.Body)
	for {
		line, err := body.ReadString('\n')
		if err != nil {
			t.Fatalf("the stream ended before the event: %v", err)
		}
		if strings.HasPrefix(line, "event: reload") {
			return
		}
	}
}

// TestShutdownEndsStreams: a live-reload stream never goes idle, so the
// server ends the streams itself when it shuts down; shutting down with
// a browser tab open returns at once instead of at its deadline.
func TestShutdownEndsStreams(t *testing.T) {
	s, _ := site(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := s.HTTPServer(DefaultTimeouts, "")
	go hs.Serve(ln)
	defer hs.Close()
	resp, err := http.Get("http://" + ln.Addr().String() + "/guide/__livereload")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("stream: %s", resp.Status)
	}
	br := bufio.NewReader(resp.Body)
	if _, err := br.ReadString('\n'); err != nil { // the stream is open
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second) // far more than a shutdown takes
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown with a stream open: %v", err)
	}
	if _, err := io.Copy(io.Discard, br); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Logf("the stream ended with %v", err)
	}
}
