// Command gencorpus writes a synthetic career-guide site for benchmarks:
//
//	go run ./cmd/gencorpus -n 10000 -o /tmp/site [-seed 1]
//
// The same -n and -seed always give the same files.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/careerguide/careerguide/internal/gen"
)

func main() {
	n := flag.Int("n", 1000, "number of careers")
	out := flag.String("o", "", "output `folder` (required)")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := gen.Write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d careers to %s\n", *n, *out)
}
