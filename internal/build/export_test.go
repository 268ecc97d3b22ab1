package build

// AfterParse sets a function the session runs between parsing and
// rendering, so tests can change files in the middle of a build.
func (s *Session) AfterParse(f func()) { s.afterParse = f }

// CacheKinds counts the session cache's keys by kind.
func CacheKinds(s *Session) map[string]int { return s.cache.Kinds() }
