package diag

import (
	"math/rand"
	"strings"
	"testing"
)

// full is the Levenshtein distance computed over the whole table.
func full(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestDistanceBand checks the banded distance against the whole table.
func TestDistanceBand(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	word := func() []rune {
		n := r.Intn(9)
		w := make([]rune, n)
		for i := range w {
			w[i] = rune("abcé"[r.Intn(3)])
		}
		return w
	}
	for i := 0; i < 100000; i++ {
		a, b, limit := word(), word(), r.Intn(5)
		want := full(a, b)
		if want > limit {
			want = limit + 1
		}
		if got := distance(a, b, limit); got != want {
			t.Fatalf("distance(%q, %q, %d) = %d, want %d", string(a), string(b), limit, got, want)
		}
	}
}

func TestNearest(t *testing.T) {
	slugs := []string{"backend-engineering", "data-engineering", "site-reliability-engineering", "ux-design"}
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"backend-enginering", "backend-engineering", true},
		{"UX-Desing", "ux-design", true},
		{"frontend", "", false},
		{strings.Repeat("a", 10000), "", false},
	} {
		got, ok := Nearest(tt.in, slugs)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("Nearest(%.20q) = %q, %v", tt.in, got, ok)
		}
	}
}
