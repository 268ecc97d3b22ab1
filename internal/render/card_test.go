package render

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/careerguide/careerguide/internal/model"
)

// TestCard draws social cards: 1200×630 PNGs, the same bytes for the
// same facts, other bytes for other pay or demand, with ink where the
// title goes.
func TestCard(t *testing.T) {
	sal := model.Salary{Min: 95000, Max: 220000, Currency: "USD", Period: "year", OpenEnded: true}
	draw := func(title string, s model.Salary, d model.Level) []byte {
		t.Helper()
		data, err := drawCard("Guide", title, "Software Engineering", s, d)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	a := draw("Backend Engineering", sal, model.VeryHigh)
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Fatalf("the card is %v", b)
	}
	ink := 0
	for x := 90; x < 600; x++ {
		if r, _, _, _ := img.At(x, 190).RGBA(); r < 0x4000 {
			ink++
		}
	}
	if ink < 50 {
		t.Errorf("%d dark pixels across the title's line", ink)
	}
	if !bytes.Equal(a, draw("Backend Engineering", sal, model.VeryHigh)) {
		t.Error("the same card drawn twice differs")
	}
	other := sal
	other.Max = 230000
	if bytes.Equal(a, draw("Backend Engineering", other, model.VeryHigh)) || bytes.Equal(a, draw("Backend Engineering", sal, model.Low)) {
		t.Error("a card does not show the pay or the demand")
	}
	// A title too long for three lines still draws.
	draw("An Extraordinarily Long Career Title That Goes On and On Through Several Lines of Text Without End", sal, model.Low)
}
