package serve

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Timeouts are the limits of serve's HTTP server.
type Timeouts struct {
	ReadHeader time.Duration // to read a request's headers
	Read       time.Duration // to read a whole request
	Write      time.Duration // to write a response, and each live-reload event
	Idle       time.Duration // a keep-alive connection may wait for its next request
}

// DefaultTimeouts are serve's. A page is a file on local disk, so each
// limit is generous for a browser and short for a connection left open.
var DefaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Read: 30 * time.Second, Write: 30 * time.Second, Idle: 20 * time.Second}

// HTTPServer returns the HTTP server for s with the timeouts t, which
// also answers requests for the host of baseURL (none for "" or a path).
// The live-reload stream is a response that lasts as long as the page is
// open: it lifts the read and write deadlines for itself, and sets one for
// each event instead.
func (s *Server) HTTPServer(t Timeouts, baseURL string) *http.Server {
	s.writeTimeout = t.Write
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		s.hosts = append(s.hosts, strings.ToLower(u.Hostname()))
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, WriteTimeout: t.Write, IdleTimeout: t.Idle}
	hs.RegisterOnShutdown(s.closeStreams)
	return hs
}

// allowedHost reports whether r is for this server: its Host is the
// address the request came in on, localhost, a loopback address, or the
// base URL's host, with any port. A page on another site that a browser
// loads from a name pointing at 127.0.0.1 (DNS rebinding) sends its own
// name, and is refused.
func (s *Server) allowedHost(r *http.Request) bool {
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = r.Host, ""
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, h := range s.hosts {
		if host == h {
			return true
		}
	}
	// The address the server was reached at, as for --addr 0.0.0.0:1313
	// from another machine.
	if local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if lh, lp, err := net.SplitHostPort(local.String()); err == nil {
			ip := net.ParseIP(host)
			return ip != nil && ip.Equal(net.ParseIP(lh)) && (port == lp || port == "" && lp == "80")
		}
	}
	return false
}

func misdirected(w http.ResponseWriter) {
	http.Error(w, "421 misdirected request: careerguide serve answers only for localhost and its own address", http.StatusMisdirectedRequest)
}
