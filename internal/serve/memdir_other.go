//go:build !linux

package serve

// MemDir returns "", the system's temporary folder: a folder in memory is
// looked for on Linux only.
func MemDir() string { return "" }
