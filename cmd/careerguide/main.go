// Command careerguide builds career-guide websites from Markdown.
//
//	careerguide init DIR        start a new site that builds at once
//	careerguide build [flags]   build the site into public/
//	careerguide serve [flags]   build, serve and rebuild on every change
//	careerguide check [flags]   validate content and links, write nothing
//	careerguide new TITLE       start a new career page
//	careerguide theme [flags]   copy the built-in theme into the site
//	careerguide version         print the version
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
