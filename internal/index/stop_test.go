package index

import (
	"context"
	"runtime"
	"testing"
)

// TestStopperSeesCancel: after its context is cancelled, the stopper
// says stop on the very next calls, from any goroutine; it used to look
// at the context only every 64th call, which loops of few turns (one per
// chunk of careers) never reached.
func TestStopperSeesCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stop, release := stopper(ctx)
	defer release()
	for range 200 {
		if stop() {
			t.Fatal("stop before the context was cancelled")
		}
	}
	cancel()
	done := make(chan bool)
	go func() {
		for !stop() {
			runtime.Gosched() // the stopper hears of the cancel from the context's own goroutine
		}
		done <- true
	}()
	<-done
	if !stop() {
		t.Fatal("stop went back to false")
	}
	// A context cancelled before is seen at once.
	stop2, release2 := stopper(ctx)
	defer release2()
	if !stop2() {
		t.Fatal("a context already done is not seen on the first call")
	}
}
