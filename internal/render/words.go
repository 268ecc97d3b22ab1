package render

import (
	"hash/fnv"
	"slices"
	"sync"

	"github.com/careerguide/careerguide/internal/index"
	"github.com/careerguide/careerguide/internal/model"
	"github.com/careerguide/careerguide/internal/trace"
)

// wordNote is one word of a career's search text and where it is in it
// (inTitle, firstTitle, inSkill, inCategory, or'ed).
type wordNote struct {
	word  string
	flags int
	key   uint32 // the sum of its first two characters: its word file is key % buckets
}

// careerWords is one career's word notes and what they were made from.
type careerWords struct {
	title, category string
	skills          []string
	notes           []wordNote
}

// wordMemo keeps each career's word notes from one build to the next,
// since splitting text into words is most of the cost of the word files.
// The rule: a career's notes are reused while its title, its skills'
// names and its category's name are the ones they were made from. The
// notes of careers that are gone are dropped once they are as many as
// the careers.
type wordMemo struct {
	mu   sync.Mutex
	by   map[string]*careerWords // by career slug
	last *siteWords              // the last build's, reused while every career's notes are the ones it was made from
	ids  []*careerWords          // what last was made from, by career id
}

// siteWords is what a build's word files are made of: each career's
// notes, by id (A–Z position), the notes in each word file, and each
// word file's sum.
type siteWords struct {
	notes   [][]wordNote
	buckets [][]noteRef // by bucket, in the order of the careers
	sums    []uint64    // by bucket
}

// noteRef is one note of siteWords.notes: notes[id][note].
type noteRef struct{ id, note int32 }

// words returns the word notes of every career of the site, and sums
// each word file from the notes in it, in the order of the careers: a
// word file's bytes are the words of its bucket with, for each, the ids
// and flags of the careers that have it, so the sum changes exactly when
// they can.
func (m *wordMemo) words(s *index.Site) *siteWords {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.by == nil || len(m.by) > 2*len(s.Careers)+64 {
		m.by = make(map[string]*careerWords, len(s.Careers))
	}
	ids := make([]*careerWords, len(s.Careers))
	same := len(ids) == len(m.ids)
	for id, c := range s.Careers {
		cat := s.CategoryOf(c).Name
		cw := m.by[c.Slug]
		if cw == nil || cw.title != c.Title || cw.category != cat || !sameSkillNames(cw.skills, c) {
			cw = &careerWords{title: c.Title, category: cat, notes: careerNotes(c, cat)}
			for _, sk := range c.Skills {
				cw.skills = append(cw.skills, sk.Name)
			}
			m.by[c.Slug] = cw
		}
		ids[id] = cw
		same = same && m.ids[id] == cw
	}
	m.ids = ids
	if same && m.last != nil {
		return m.last
	}
	buckets := index.SearchBuckets(len(s.Careers))
	out := &siteWords{notes: make([][]wordNote, len(s.Careers)), buckets: make([][]noteRef, buckets)}
	sums := make([]trace.Hash, buckets)
	for id, cw := range ids {
		out.notes[id] = cw.notes
		for i, n := range cw.notes {
			b := n.key % uint32(buckets)
			sums[b].Int(int64(id)).Str(n.word).Int(int64(n.flags))
			out.buckets[b] = append(out.buckets[b], noteRef{int32(id), int32(i)})
		}
	}
	out.sums = make([]uint64, buckets)
	for b := range sums {
		out.sums[b] = sums[b].Sum()
	}
	m.last = out
	return out
}

// recordMemo keeps the sum of each career's search record from build to
// build. The rule: a sum is reused while the career is the same parse,
// from which every field of its record is read (its category's slug
// follows from the category as written).
// The sums of parses no longer in use are dropped once they are as many
// as the careers.
type recordMemo struct {
	mu   sync.Mutex
	sums map[*model.Career]uint64
}

// records returns the sum of each career's record, by id.
func (m *recordMemo) records(s *index.Site) []uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.sums == nil || len(m.sums) > 2*len(s.Careers)+64 {
		m.sums = make(map[*model.Career]uint64, len(s.Careers))
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
			m.sums[c.Career] = sum
		}
		out[id] = sum
	}
	return out
}

func sameSkillNames(names []string, c *index.Career) bool {
	return slices.EqualFunc(names, c.Skills, func(n string, sk *index.Skill) bool { return n == sk.Name })
}

// careerNotes splits a career's title, skills and category (named cat)
// into words, each once, in the order they first appear.
func careerNotes(c *index.Career, cat string) []wordNote {
	var notes []wordNote
	var at map[string]int // where each word is in notes, once there are many
	note := func(w string, f int) {
		if at == nil && len(notes) > 32 {
			at = make(map[string]int, 2*len(notes))
			for i, n := range notes {
				at[n.word] = i
			}
		}
		if at != nil {
			if i, ok := at[w]; ok {
				notes[i].flags |= f
				return
			}
			at[w] = len(notes)
		} else if i := slices.IndexFunc(notes, func(n wordNote) bool { return n.word == w }); i >= 0 {
			notes[i].flags |= f
			return
		}
		notes = append(notes, wordNote{word: w, flags: f, key: wordKey(w)})
	}
	for i, w := range searchWords(c.Title) {
		f := inTitle
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
	return notes
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

// searchBucket is the word file of a word.
func searchBucket(word string, buckets int) int {
	return int(wordKey(word) % uint32(buckets))
}
