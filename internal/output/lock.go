package output

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Lock takes the lock of the output folder dir, so that one build at a
// time writes it. The lock is a file in the user's cache folder, named
// after dir's real path: no file is added to the output folder or the
// site. When another process holds it, wait is told that process's id
// once, and Lock waits until the lock is free or ctx is done. The
// operating system releases the lock when the process ends, however it
// ends.
func Lock(ctx context.Context, dir string, wait func(pid int)) (unlock func(), err error) {
	abs, err := Resolve(dir)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(abs))
	name := hex.EncodeToString(sum[:12]) + ".lock"
	var f *os.File
	for _, base := range lockDirs() {
		if os.MkdirAll(base, 0o755) != nil {
			continue
		}
		if f, err = os.OpenFile(filepath.Join(base, name), os.O_RDWR|os.O_CREATE, 0o644); err == nil {
			break
		}
	}
	if f == nil {
		return nil, fmt.Errorf("cannot make a lock file for %s: %v", dir, err)
	}
	told := false
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", dir, err)
		}
		if ok {
			break
		}
		if !told && wait != nil {
			// The holder writes its id just after it takes the lock.
			pid := lockHolder(f)
			for i := 0; pid == 0 && i < 20; i++ {
				time.Sleep(10 * time.Millisecond)
				pid = lockHolder(f)
			}
			wait(pid)
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	f.WriteAt([]byte(fmt.Sprintf("%-20d\n", os.Getpid())), 0)
	return func() {
		releaseLock(f)
		f.Close()
	}, nil
}

func lockDirs() []string {
	var dirs []string
	if c, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(c, "careerguide", "locks"))
	}
	return append(dirs, filepath.Join(os.TempDir(), "careerguide-locks"))
}

func lockHolder(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	return pid
}
