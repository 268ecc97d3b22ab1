package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "1586b929628b8584d4ab9d731e1ce909584760bd"},
			{Key: "vcs.time", Value: "2026-11-29T00:51:37Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"go install at a version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			"careerguide v1.2.0 go1.26.8 linux/amd64"},
		{"a clean checkout", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261129005137-1586b929628b"}, Settings: vcs("false")},
			"careerguide v0.0.0-20261129005137-1586b929628b (revision 1586b929628b8584d4ab9d731e1ce909584760bd, 2026-11-29T00:51:37Z) go1.26.8 linux/amd64"},
		{"a checkout with changes", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261129005137-1586b929628b+dirty"}, Settings: vcs("true")},
			"careerguide v0.0.0-20261129005137-1586b929628b+dirty (revision 1586b929628b8584d4ab9d731e1ce909584760bd, 2026-11-29T00:51:37Z, modified) go1.26.8 linux/amd64"},
		{"a revision and no module version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs("true")},
			"careerguide devel (revision 1586b929628b8584d4ab9d731e1ce909584760bd, 2026-11-29T00:51:37Z, modified) go1.26.8 linux/amd64"},
		{"neither", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"careerguide devel (built without a module version or VCS revision) go1.26.8 linux/amd64"},
	} {
		if got := versionLine(tc.bi, "linux/amd64"); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}
