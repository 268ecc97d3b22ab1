package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"

	"github.com/careerguide/careerguide/internal/diag"
	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/trace"
)

// Worker renders jobs one at a time, with its own parsed copy of the
// templates. Use one per goroutine, and Close it when done.
type Worker struct{ w *worker }

type worker struct {
	r     *Renderer
	set   *tmplSet
	rec   *trace.Recorder // where reads are noted: the job's, or a fragment's
	diags *diag.List      // where problems are reported: likewise
	*scratch
	// atPage is set while a page's own template runs, and not while a
	// shared template it calls does: lists printed then are marks, and
	// pieces holds their runs, by mark (splice.go).
	atPage bool
	pieces [][]string
	// noCache renders fragments in place, neither taken from the cache
	// nor kept: while a failed page is executed again (explain).
	noCache bool
	// site is the view of the site every page's .Site returns, made
	// once: it holds nothing but the worker.
	site Site
	// categoryURLs are the category pages' paths by the category's name,
	// as Career.CategoryURL makes them: slugging a name costs more than
	// looking it up.
	categoryURLs map[string]string
	// itemized counts the items rendered or taken from the cache one
	// by one (partial), for tests.
	itemized int
}

// NewWorker returns a worker for r's jobs.
func (r *Renderer) NewWorker() (*Worker, error) {
	w := &worker{r: r}
	set, err := r.theme.acquire(w)
	if err != nil {
		return nil, err
	}
	w.set = set
	w.scratch = &set.scratch
	return &Worker{w}, nil
}

// scratch is the memory a worker writes jobs in, kept with the template
// set it acquired (Theme.acquire) so that it lasts from build to build: a
// build of a large site writes megabytes per page that lists every
// career, and would otherwise allocate them anew for each build's
// workers. Buffers over keepScratch are let go.
type scratch struct {
	buf    bytes.Buffer   // the page, or the file, being written
	out    bytes.Buffer   // the page put together from buf (splice)
	jobRec trace.Recorder // what the job being rendered read (Output.Reads)
	// spare holds buffers for shared templates (execute), which nest: a
	// partial may render partials of its own.
	spare []*bytes.Buffer
}

// keepSpare is the largest buffer execute keeps for the next template,
// and keepSpares the most buffers it keeps: as deep as shared templates
// usually nest.
const (
	keepSpare  = 64 << 10
	keepSpares = 8
)

// keepScratch is the largest buffer a worker keeps for its next job: the
// list of every career as JSON at 10,000 careers, not at 100,000.
const keepScratch = 16 << 20

// trim lets go of buffers over keepScratch.
func (s *scratch) trim() {
	for _, b := range []*bytes.Buffer{&s.buf, &s.out} {
		if b.Cap() > keepScratch {
			*b = bytes.Buffer{}
		}
	}
}

// Close hands the worker's templates back for later workers.
func (w *Worker) Close() {
	w.w.trim()
	if w.w.set != nil {
		w.w.r.theme.release(w.w.set)
		w.w.set = nil
	}
}

func (w *worker) read(kind, id string) { w.rec.Read(key(kind, id)) }

// siteView returns the view of the site, the same each time.
func (w *worker) siteView() *Site {
	if w.site.w == nil {
		w.site.w = w
	}
	return &w.site
}

// Output is a rendered job: its bytes, what rendering it read and the
// problems found in content while rendering it, such as broken links.
// Data may be the worker's own buffer, and Reads is the worker's own
// record: both are valid until the worker renders its next job, and the
// caller must not change them.
type Output struct {
	Data  []byte
	Reads *trace.Recorder
	Diags diag.List
}

// Render renders job j.
func (w *Worker) Render(j Job) (Output, error) {
	w.w.trim() // the last job's output is written out by now
	rec := &w.w.jobRec
	rec.Reset()
	var ds diag.List
	w.w.rec, w.w.diags = rec, &ds
	defer func() { w.w.rec, w.w.diags = nil, nil }()
	rec.Read(key(kOptions, ""))
	data, err := w.w.render(j)
	if err != nil {
		return Output{}, err
	}
	return Output{Data: data, Reads: rec, Diags: ds}, nil
}

// fragment names a shared template rendered for one item of the site, or
// for one value (a chart's bar).
type fragment struct {
	name string
	id   any // comparable: a string, a Bar, a Placed, a run or a barRun
}

// fragmentSum sums a fragment's name, for trace.Cache.FirstUse.
func fragmentSum(f fragment) uint64 {
	var h trace.Hash
	h.Str(f.name)
	switch id := f.id.(type) {
	case string:
		h.Str(id)
	case Bar:
		h.Int(int64(id.sum()))
	case Placed:
		h.Str("placed").Int(int64(id.sum()))
	case run:
		h.Str("run").Int(int64(id))
	case barRun:
		h.Str("bars").Int(int64(id))
	default:
		h.Str(fmt.Sprint(id))
	}
	return h.Sum()
}

// partial executes the shared template name with data. When data is an
// item of the site (a career, a skill…), the rendering is a fragment: see
// fragment. Other data is rendered in place.
func (w *worker) partial(name string, data any) (template.HTML, error) {
	w.itemized++
	id, ok := identity(data)
	if !ok {
		return w.execute(name, data)
	}
	v, err := w.fragment(fragment{name, id}, false, func() (any, error) {
		w.read(kTemplates, "")
		return w.execute(name, data)
	})
	if err != nil {
		return "", err
	}
	return v.(template.HTML), nil
}

// runLength is how many items a run of partials holds on average.
const runLength = index.RunLength

// run names a run of a list's items by the sum of their identities.
type run uint64

// partials renders name for every item of list, a slice of views, as
// partial does. Items of the site are rendered in runs, each a fragment
// named by its items (run): a run ends after an item whose identity sums
// to 0 modulo runLength, or at the list's end. A run's bounds follow
// from its items, not from their places, so a list that shifts by an item
// (a page of a long list after an insertion) makes again only the runs
// at its ends and takes the others whole.
func (w *worker) partials(name string, list any, printed bool) (template.HTML, error) {
	switch l := list.(type) {
	case []*Career:
		return runs(w, name, l, func(c *Career) (uint64, bool) { return careerSum(c), true }, printed)
	case []*Skill:
		return runs(w, name, l, func(sk *Skill) (uint64, bool) { return skillSum(sk), true }, printed)
	case []Bar:
		return runs(w, name, l, func(b Bar) (uint64, bool) { return b.sum(), true }, printed)
	case []Placed:
		return runs(w, name, l, func(p Placed) (uint64, bool) { return p.sum(), true }, printed)
	}
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return "", errors.New("partials: not a list")
	}
	items := make([]any, v.Len())
	for i := range items {
		items[i] = v.Index(i).Interface()
	}
	return runs(w, name, items, identitySum, printed)
}

// runs renders name for every item of items in runs, as partials does;
// sum sums an item's identity, or reports that it is not an item of the
// site, and then there are no runs. printed says that the page's own
// template prints the list as it is (splice.go): then, at the page's
// level, the list is a mark.
func runs[T any](w *worker, name string, items []T, sum func(T) (uint64, bool), printed bool) (template.HTML, error) {
	sums := make([]uint64, len(items))
	for i, it := range items {
		s, ok := sum(it)
		if !ok {
			return each(w, name, items)
		}
		sums[i] = s
	}
	var parts []string
	size := 0
	long := len(items) >= longList
	err := inRuns(sums, runLength, func(lo, hi int, id run) error {
		v, err := w.fragment(fragment{name, id}, long, func() (any, error) { return each(w, name, items[lo:hi]) })
		if err != nil {
			return err
		}
		parts = append(parts, string(v.(template.HTML)))
		size += len(parts[len(parts)-1])
		return nil
	})
	if err != nil {
		return "", err
	}
	if printed && w.atPage && len(parts) > 0 {
		return w.mark(parts), nil
	}
	var b strings.Builder
	b.Grow(size)
	for _, p := range parts {
		b.WriteString(p)
	}
	return template.HTML(b.String()), nil
}

// inRuns cuts a list, whose items' identities sum to sums, into runs, and
// calls do with each run's bounds and name. A run ends after an item
// whose sum is 0 modulo length, or at the list's end, so its bounds follow
// from its items, not from their places; its name sums its items' sums.
func inRuns(sums []uint64, length uint64, do func(lo, hi int, id run) error) error {
	var h trace.Hash
	lo := 0
	for i, s := range sums {
		h.Int(int64(s))
		if s%length != 0 && i < len(sums)-1 {
			continue
		}
		if err := do(lo, i+1, run(h.Sum())); err != nil {
			return err
		}
		lo, h = i+1, trace.Hash{}
	}
	return nil
}

// each renders name for every item of items, one after another.
func each[T any](w *worker, name string, items []T) (template.HTML, error) {
	parts := make([]template.HTML, len(items))
	size := 0
	for i, it := range items {
		h, err := w.partial(name, it)
		if err != nil {
			return "", err
		}
		parts[i] = h
		size += len(h)
	}
	if len(parts) == 1 {
		return parts[0], nil
	}
	var b strings.Builder
	b.Grow(size)
	for _, h := range parts {
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// fragment returns what make makes, as a piece of work of its own: it is
// kept in the cache with what it read, reused while that is unchanged,
// and the job that includes it is recorded as having read the same. The
// first time a fragment is asked for, it is made in place instead, its
// reads the job's: most are shown once in a build, and are kept from
// their second use, in this build or a later one (keepNow says when
// else; long says that f is a run of a long list).
func (w *worker) fragment(f fragment, long bool, make func() (any, error)) (any, error) {
	cache := w.r.cache
	if w.noCache {
		return make()
	}
	if e, ok := cache.Lookup(f); ok {
		w.rec.Use(e)
		w.diags.Add(e.Diags)
		return e.Value, nil
	}
	if !w.keepNow(f, long) {
		w.rec.Read(key(kOptions, ""))
		return make()
	}
	outer, outerDiags := w.rec, w.diags
	rec := &trace.Recorder{}
	var ds diag.List
	w.rec, w.diags = rec, &ds
	rec.Read(key(kOptions, ""))
	v, err := make()
	w.rec, w.diags = outer, outerDiags
	if err != nil {
		return nil, err
	}
	e := cache.Store(f, rec, trace.Entry{Value: v, Diags: ds})
	w.rec.Use(e)
	w.diags.Add(ds)
	return v, nil
}

// keepNow reports whether fragment f, not in the cache, is to be kept:
// from its second use on (trace.Cache.FirstUse), or, in a session that
// builds again (Options.Again), from its first when it is a run of a long
// list (long): the first edit that adds or removes a career shifts every
// later page of the lists it is in, and then finds their runs made, and
// a short list costs little to make again. Either way only while memory
// allows.
func (w *worker) keepNow(f fragment, long bool) bool {
	if long && w.r.opts.Again {
		return w.r.cache.Room()
	}
	return !w.r.cache.FirstUse(fragmentSum(f))
}

// longList is how many items make a long list, for keepNow: eight runs.
const longList = 8 * runLength

// execute runs the shared template name with data.
func (w *worker) execute(name string, data any) (template.HTML, error) {
	defer func(at bool) { w.atPage = at }(w.atPage)
	w.atPage = false
	var buf *bytes.Buffer
	if n := len(w.spare); n > 0 {
		buf, w.spare = w.spare[n-1], w.spare[:n-1]
		buf.Reset()
	} else {
		buf = new(bytes.Buffer)
	}
	err := w.set.base.ExecuteTemplate(buf, name, data)
	out := template.HTML(buf.String())
	if buf.Cap() <= keepSpare && len(w.spare) < keepSpares {
		w.spare = append(w.spare, buf)
	}
	if err != nil {
		return "", err
	}
	return out, nil
}

// page executes the page template name with view v.
func (w *worker) page(name string, v *View) ([]byte, error) {
	w.read(kTemplate, name)
	w.read(kTemplates, "")
	w.buf.Reset()
	w.pieces, w.atPage = w.pieces[:0], true
	err := w.set.pages[name].ExecuteTemplate(&w.buf, name, v)
	w.atPage = false
	if err != nil {
		return nil, w.explain(name, v, err)
	}
	if len(w.pieces) == 0 {
		return w.buf.Bytes(), nil
	}
	if out, ok := splice(&w.out, w.buf.Bytes(), w.pieces); ok {
		return out, nil
	}
	// A list's mark was escaped (the list printed in an attribute or a
	// script): the page is made again with its lists printed in full. Its
	// problems are the first run's: the second finds them again, but for
	// what the view worked out once and keeps, such as a body's broken
	// links, which it does not report twice.
	first := len(*w.diags)
	w.buf.Reset()
	err = w.set.pages[name].ExecuteTemplate(&w.buf, name, v)
	*w.diags = (*w.diags)[:first]
	if err != nil {
		return nil, w.explain(name, v, err)
	}
	return w.buf.Bytes(), nil
}

// explain turns err, from executing the page template name with v, into a
// TemplateError. The templates were minified when parsed, so positions
// in their text are not those in the files: the page is executed again
// with templates parsed from the files as written, which fails at the
// same action, and that error is the one explained. Fragments are then
// neither taken from the cache nor kept.
func (w *worker) explain(name string, v *View, err error) error {
	if _, changed := IsChanged(err); changed {
		return err
	}
	set := w.set
	if w.r.theme.minify {
		if src, perr := parseSet(w.r.theme.source, w.r.theme.own); perr == nil {
			src.bind, w.set, w.noCache = w, src, true
			if err2 := src.pages[name].ExecuteTemplate(io.Discard, name, v); err2 != nil {
				err = err2
			}
			w.set, w.noCache = set, false
		}
	}
	return explain(err, templateNames(w.set.pages[name]))
}
