package output

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
)

// readOldManifest reads the record that careerguide 0.x kept inside the
// output folder (.careerguide-manifest, one JSON object per line), so a
// folder it built is known on the first build with a record kept outside.
// The first commit removes the old file.
func readOldManifest(dir string) *Record {
	f, err := os.Open(filepath.Join(dir, oldManifest))
	if err != nil {
		return nil
	}
	defer f.Close()
	rec := &Record{Files: map[string]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		var line struct {
			Path string `json:"path"`
			Hash string `json:"hash"`
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Path != "" && Clean(line.Path) {
			rec.Files[line.Path] = line.Hash
		}
	}
	return rec
}
