//go:build !unix

package output

import "os"

// On systems without flock, careerguide takes no lock: two builds into
// one folder at once are the user's to avoid.
func tryLock(*os.File) (bool, error) { return true, nil }

func releaseLock(*os.File) {}
