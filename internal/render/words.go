package render

import (
	"hash/fnv"
	"slices"
	"sync"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// A note is one word of a career's search text and where it is in it:
// the word's number in the memo's table, shifted left by four, or'ed
// with its flags (inTitle, firstTitle, inSkill, inCategory).
const noteFlags = 15

// careerWords is one career's notes and a sum of what they were made
// from: its title, its skills' names and its category's name.
type careerWords struct {
	sum   uint64
	notes []uint32
	// What the sum was last found from, so that a career of the same
	// parse, category name and skill names is known without summing.
	from   *model.Career
	cat    string
	skills []string
}

// same reports whether c, with category name cat, is what cw's sum was
// last found from.
func (cw *careerWords) same(c *index.Career, cat string) bool {
	if cw.from != c.Career || cw.cat != cat || len(cw.skills) != len(c.Skills) {
		return false
	}
	for i, sk := range c.Skills {
		if cw.skills[i] != sk.Name {
			return false
		}
	}
	return true
}

// found notes that cw's sum follows from c, with category name cat.
func (cw *careerWords) found(c *index.Career, cat string) {
	cw.from, cw.cat = c.Career, cat
	cw.skills = cw.skills[:0]
	for _, sk := range c.Skills {
		cw.skills = append(cw.skills, sk.Name)
	}
}

// wordMemo keeps each career's notes from one build to the next, since
// splitting text into words is most of the cost of the word files. The
// rule: a career's notes are reused while its title, its skills' names
// and its category's name sum to what they were made from; they are not
// summed again while the career is the same parse with the same category
// and skill names. Words are
// kept once, in a table. The notes of careers that are gone, and the
// table, are dropped once the careers noted are twice as many as the
// careers (or the table holds 2²⁴ words). A session's first build keeps
// nothing but the table: a session that builds once needs no more.
type wordMemo struct {
	mu     sync.Mutex
	keep   bool                    // keep each career's notes for the next build
	table  map[string]uint32       // word → its number
	words  []string                // by number
	keys   []uint32                // by number: wordKey of the word
	sums   []uint64                // by number: the word's sum (trace.Hash), for the word files' sums
	by     map[string]*careerWords // by career slug
	last   *siteWords              // the last build's, reused while every career's notes are the ones it was made from
	placed []*careerWords          // what last was made from, by A–Z place
}

// siteWords is what a build's word files are made of: each career's
// notes and search id, by A–Z place, the words they name, and each word
// file's sum; the notes in each word file are listed when a word file is
// made.
type siteWords struct {
	notes [][]uint32
	ids   []int32  // search ids, by A–Z place
	order []int32  // A–Z places in order of search id
	words []string // the memo's table, as far as these notes name it
	keys  []uint32
	sums  []uint64 // by bucket

	once      sync.Once
	buckets   [][]bucketNote // by bucket, its notes, in order of the careers' ids
	transient bool           // the notes are dropped once every word file is made
}

// bucketNote is a career's note in a word file: its A–Z place and the
// note.
type bucketNote struct {
	at int32
	x  uint32
}

// bucketNotes lists, for each word file, the notes in it, so that making
// one reads its own notes and no other.
func (sw *siteWords) bucketNotes() [][]bucketNote {
	sw.once.Do(func() {
		n := uint32(len(sw.sums))
		sw.buckets = make([][]bucketNote, n)
		for _, at := range sw.order {
			for _, x := range sw.notes[at] {
				b := sw.keys[x>>4] % n
				sw.buckets[b] = append(sw.buckets[b], bucketNote{at, x})
			}
		}
	})
	return sw.buckets
}

// site returns the notes of every career of the site, and sums each
// word file from the notes in it, in the order of the careers' search
// ids (lay): a word file's bytes are the words of its bucket with, for
// each, the search ids and flags of the careers that have it, so the sum
// changes exactly when they can.
func (m *wordMemo) site(s *index.Site, lay *searchLayout) *siteWords {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.table == nil || len(m.by) > 2*len(s.Careers)+64 || len(m.words) >= 1<<24 {
		m.table, m.words, m.keys, m.sums = map[string]uint32{}, nil, nil, nil
		m.by, m.last, m.placed = map[string]*careerWords{}, nil, nil
	}
	byPlace := make([]*careerWords, len(s.Careers))
	same := len(byPlace) == len(m.placed)
	for at, c := range s.Careers {
		cat := s.CategoryOf(c).Name
		cw := m.by[c.Slug]
		if cw == nil || !cw.same(c, cat) {
			var h trace.Hash
			h.Str(c.Title).Str(cat).Int(int64(len(c.Skills)))
			for _, sk := range c.Skills {
				h.Str(sk.Name)
			}
			if cw == nil || cw.sum != h.Sum() {
				cw = &careerWords{sum: h.Sum(), notes: m.careerNotes(c, cat)}
				if m.keep {
					m.by[c.Slug] = cw
				}
			}
			if m.keep {
				cw.found(c, cat)
			}
		}
		byPlace[at] = cw
		same = same && m.placed[at] == cw
	}
	if same && m.last != nil {
		return m.last
	}
	if m.keep {
		m.placed = byPlace
	}
	buckets := uint32(index.SearchBuckets(len(s.Careers)))
	out := &siteWords{notes: make([][]uint32, len(s.Careers)), ids: lay.ids, order: lay.order, words: m.words, keys: m.keys}
	sums := make([]trace.Hash, buckets)
	for _, at := range lay.order {
		cw := byPlace[at]
		out.notes[at] = cw.notes
		for _, x := range cw.notes {
			// The word by its sum, found once when it entered the table:
			// summing its text for each career that has it was half of this.
			sums[m.keys[x>>4]%buckets].Int(int64(lay.ids[at])).Int(int64(m.sums[x>>4])).Int(int64(x & noteFlags))
		}
	}
	out.sums = make([]uint64, buckets)
	for b := range sums {
		out.sums[b] = sums[b].Sum()
	}
	if m.keep {
		m.last = out
	} else {
		// Nothing is kept for a next build: the notes go with the word
		// files made from them.
		m.table, m.words, m.keys, m.sums = nil, nil, nil, nil
		out.transient = true
	}
	return out
}

// made notes that the word files of every bucket are made: the notes of
// a build that keeps nothing are no longer needed.
func (sw *siteWords) made() {
	if sw.transient {
		sw.once.Do(func() {}) // bucketNotes is not to make them again
		sw.notes, sw.words, sw.keys, sw.buckets = nil, nil, nil, nil
	}
}

// careerNotes splits a career's title, skills and category (named cat)
// into words, each noted once, in the order they first appear.
func (m *wordMemo) careerNotes(c *index.Career, cat string) []uint32 {
	var notes []uint32
	var at map[uint32]int // where each word is in notes, once there are many
	note := func(w string, f uint32) {
		n, ok := m.table[w]
		if !ok {
			n = uint32(len(m.words))
			m.table[w] = n
			var h trace.Hash
			m.words, m.keys, m.sums = append(m.words, w), append(m.keys, wordKey(w)), append(m.sums, h.Str(w).Sum())
		}
		if at == nil && len(notes) > 32 {
			at = make(map[uint32]int, 2*len(notes))
			for i, x := range notes {
				at[x>>4] = i
			}
		}
		if at != nil {
			if i, ok := at[n]; ok {
				notes[i] |= f
				return
			}
			at[n] = len(notes)
		} else if i := slices.IndexFunc(notes, func(x uint32) bool { return x>>4 == n }); i >= 0 {
			notes[i] |= f
			return
		}
		notes = append(notes, n<<4|f)
	}
	for i, w := range searchWords(c.Title) {
		f := uint32(inTitle)
		if i == 0 {
			f |= firstTitle
		}
		note(w, f)
	}
	for _, sk := range c.Skills {
		for _, w := range searchWords(sk.Name) {
			note(w, inSkill)
		}
	}
	for _, w := range searchWords(cat) {
		note(w, inCategory)
	}
	return slices.Clip(notes)
}

// wordKey sums a word's first two characters, so that every word a typed
// prefix can match is in one word file.
func wordKey(word string) uint32 {
	key := word
	if rs := []rune(word); len(rs) > 2 {
		key = string(rs[:2])
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()
}

// recordMemo keeps the sum of each career's search record from build to
// build. The rule: a sum is reused while the career is the same parse,
// from which every field of its record is read (its category's slug
// follows from the category as written).
// The sums of parses no longer in use are dropped once they are as many
// as the careers. A session's first build keeps none.
type recordMemo struct {
	mu   sync.Mutex
	keep bool // keep the sums for the next build
	sums map[*model.Career]uint64
}

// records returns the sum of each career's record, by id.
func (m *recordMemo) records(s *index.Site) []uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.sums == nil || len(m.sums) > 2*len(s.Careers)+64 {
		m.sums = map[*model.Career]uint64{}
	}
	out := make([]uint64, len(s.Careers))
	for id, c := range s.Careers {
		sum, ok := m.sums[c.Career]
		if !ok {
			var h trace.Hash
			h.Str(c.Slug).Str(c.Title).Str(s.CategoryOf(c).Slug)
			hashCareer(&h, kCareerLevels, c)
			hashCareer(&h, kCareerPay, c)
			sum = h.Sum()
			if m.keep {
				m.sums[c.Career] = sum
			}
		}
		out[id] = sum
	}
	return out
}
