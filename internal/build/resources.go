package build

import (
	"context"
	"path"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/parse"
)

// readResources reads the careers' files that the read step listed, when
// it read the whole content folder (a file beside a career that changes
// makes the watcher's batch one that reads everything): each file's sum
// and image size, the bytes themselves being read again by the job that
// copies it. A file above parse.MaxResource is left out with a warning.
func (s *Session) readResources(ctx context.Context, in *input) error {
	if !in.full {
		return nil
	}
	listed := in.src.Resources
	out := make([]model.Resource, len(listed))
	ds := make([]diag.List, len(listed))
	err := parallel(ctx, len(listed), s.o.Workers, func() (struct{}, func(), error) { return struct{}{}, nil, nil }, func(_ struct{}, i int) error {
		f := listed[i]
		if f.Size > parse.MaxResource {
			ds[i].Warnf(f.Path, 0, 0, "", "is %d MiB, more than the %d MiB a file beside a career may be; it is not published, so make it smaller", f.Size>>20, parse.MaxResource>>20)
			return nil
		}
		data, err := in.src.ReadFile(f.Path)
		if err != nil {
			ds[i].Errorf(f.Path, 0, 0, "", "cannot read: %v", err)
			return nil
		}
		out[i] = parse.Resource(f.Path, data)
		return nil
	})
	if err != nil {
		return err
	}
	s.resources, s.resourceDiags = s.resources[:0], nil
	for i := range out {
		s.resourceDiags.Add(ds[i])
		if out[i].Path != "" {
			s.resources = append(s.resources, out[i])
		}
	}
	return nil
}

// resourcesNow returns the careers' files with the folder of the career
// each belongs to: the nearest folder above it that holds an index.md.
func (s *Session) resourcesNow() []model.Resource {
	out := make([]model.Resource, len(s.resources))
	for i, r := range s.resources {
		r.Bundle = ""
		for d := path.Dir(r.Path); strings.HasPrefix(d, "content/careers/"); d = path.Dir(d) {
			if _, ok := s.files[d+"/index.md"]; ok {
				r.Bundle = d
				break
			}
		}
		out[i] = r
	}
	return out
}
