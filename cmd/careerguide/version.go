package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// versionCommand is `careerguide version`.
type versionCommand struct {
	stdout, stderr io.Writer
}

const versionUsage = `
Usage: careerguide version

Prints careerguide's version: the module version it was installed at, or
the commit it was built from, its time and whether the working tree had
uncommitted changes; then the Go version and platform.
`

func (c *versionCommand) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("version", versionUsage, c.stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintln(c.stdout, versionLine(bi, runtime.GOOS+"/"+runtime.GOARCH))
	return nil
}

// versionLine describes the build in bi (nil when the binary carries no
// build information), on the platform given as os/arch:
//
//	careerguide v1.2.0 go1.26.8 linux/amd64
//	careerguide v0.0.0-20261129005137-1586b929628b+dirty (revision 1586b929628b8584d4ab9d731e1ce909584760bd, 2026-11-29T00:51:37Z, modified) go1.26.8 linux/amd64
//	careerguide devel (built without a module version or VCS revision) go1.26.8 linux/amd64
func versionLine(bi *debug.BuildInfo, platform string) string {
	goVersion := runtime.Version()
	version := ""
	settings := map[string]string{}
	if bi != nil {
		goVersion = bi.GoVersion
		if bi.Main.Version != "(devel)" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
	}
	var vcs string
	if rev := settings["vcs.revision"]; rev != "" {
		vcs = "revision " + rev
		if t := settings["vcs.time"]; t != "" {
			vcs += ", " + t
		}
		if settings["vcs.modified"] == "true" {
			vcs += ", modified"
		}
	}
	switch {
	case version == "" && vcs == "":
		version = "devel (built without a module version or VCS revision)"
	case version == "":
		version = "devel (" + vcs + ")"
	case vcs != "":
		version += " (" + vcs + ")"
	}
	return fmt.Sprintf("careerguide %s %s %s", version, goVersion, platform)
}
