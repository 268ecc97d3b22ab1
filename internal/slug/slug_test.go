package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"C", "c"},
		{"C++", "c-plus-plus"},
		{"AI's Impact", "ais-impact"},
		{"Women’s Health", "womens-health"},
		{"C#", "c-sharp"},
		{".NET", "dotnet"},
		{"ASP.NET", "asp-net"},
		{"Go", "go"},
		{"go", "go"},
		{"  API   Design ", "api-design"},
		{"CI/CD", "ci-cd"},
		{"Node.js", "node-js"},
		{"R&D", "r-and-d"},
		{"Café Management", "cafe-management"},
		{"Ångström Straße", "angstrom-strasse"},
		{"Søren Ørsted", "soren-orsted"},
		{"日本語", "日本語"},
		{"---", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDistinct(t *testing.T) {
	names := []string{"C", "C++", "C#", ".NET", "F#", "Go", "Rust"}
	seen := map[string]string{}
	for _, n := range names {
		s := Make(n)
		if other, ok := seen[s]; ok {
			t.Errorf("%q and %q share the slug %q", n, other, s)
		}
		seen[s] = n
	}
}

func TestValid(t *testing.T) {
	for s, want := range map[string]bool{"backend-engineering": true, "a1": true, "Backend": false, "a--b": false, "-a": false, "": false, "a b": false} {
		if got := Valid(s); got != want {
			t.Errorf("Valid(%q) = %v", s, got)
		}
	}
}

func FuzzMake(f *testing.F) {
	for _, s := range []string{"C++", ".NET", "Café", "日本語", "a--b", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		if Make(got) != got {
			t.Errorf("Make is not idempotent: Make(%q) = %q, Make(%q) = %q", s, got, got, Make(got))
		}
		if got != "" && !Valid(got) {
			t.Errorf("Make(%q) = %q is not Valid", s, got)
		}
	})
}
