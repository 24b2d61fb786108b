package casefile

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// enumValues are the values a field of each enumerated type may hold.
var enumValues = map[reflect.Type][]string{
	reflect.TypeOf(Kind("")):          strs(Kinds),
	reflect.TypeOf(Status("")):        strs(Statuses),
	reflect.TypeOf(Jurisdiction("")):  strs(Jurisdictions),
	reflect.TypeOf(Sector("")):        append(strs(Sectors), ""),
	reflect.TypeOf(SaleChannel("")):   append(strs(SaleChannels), ""),
	reflect.TypeOf(Channel("")):       strs(Channels),
	reflect.TypeOf(NoteKind("")):      strs(NoteKinds),
	reflect.TypeOf(PromiseStatus("")): {"pending", "kept", "broken", "cancelled"},
	reflect.TypeOf(Step("")):          strs(Steps),
	reflect.TypeOf(Answer("")):        {"", "refused", "final-response"},
}

func strs[T ~string](all []T) []string {
	out := make([]string, len(all))
	for i, v := range all {
		out[i] = string(v)
	}
	return out
}

// textRunes are what random text is made of: letters, Korean, digits,
// punctuation, and the control, escape and bidi characters that the
// export must keep verbatim.
var textRunes = []rune("abcxyzABC 한국어환불 0123456789.,:;@#%&<>\"'\\/\x1b\x07\r\n\t\u202e\u2066\u0000\u009b€•")

// gen fills values reflectively, so that a field added to Full or to one
// of its entry types later is filled too, and the round trip below fails
// if export or import forgets it. A field of a type gen does not know
// fails the test with a message saying so.
type gen struct {
	t   *testing.T
	r   *rand.Rand
	ids map[string]int64 // last id per entry type
	// blobs are the contents of the evidence made since the last call
	// of takeBlobs, for the document's blob list.
	blobs []Blob
}

// takeBlobs returns the blobs of the evidence generated so far, and
// starts a new list.
func (g *gen) takeBlobs() []Blob {
	b := g.blobs
	g.blobs = nil
	return b
}

func (g *gen) text() string {
	n := 1 + g.r.IntN(24)
	var b strings.Builder
	for range n {
		b.WriteRune(textRunes[g.r.IntN(len(textRunes))])
	}
	// Stored text is trimmed where people type it; keep the ends plain so
	// the round trip compares like with like.
	return "a" + b.String() + "z"
}

func (g *gen) time() time.Time {
	return time.Date(2020+g.r.IntN(10), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60), 0, time.UTC)
}

func (g *gen) fill(v reflect.Value, path string) {
	switch v.Type() {
	case reflect.TypeOf(time.Time{}):
		v.Set(reflect.ValueOf(g.time()))
		return
	case reflect.TypeOf(Date{}):
		d := DateOf(g.time())
		if g.r.IntN(2) == 0 {
			d = DateTime(g.time())
		}
		v.Set(reflect.ValueOf(d))
		return
	case reflect.TypeOf(json.RawMessage{}):
		// A history snapshot: a row's columns as a JSON object, or null.
		if g.r.IntN(3) > 0 {
			b, _ := json.Marshal(map[string]any{"id": g.r.IntN(1000), "text": g.text()})
			v.SetBytes(b)
		}
		return
	}
	if vals, ok := enumValues[v.Type()]; ok {
		v.SetString(vals[g.r.IntN(len(vals))])
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(g.text())
	case reflect.Int64, reflect.Int:
		v.SetInt(1 + g.r.Int64N(100000))
	case reflect.Bool:
		v.SetBool(g.r.IntN(2) == 0)
	case reflect.Pointer:
		if g.r.IntN(3) > 0 {
			v.Set(reflect.New(v.Type().Elem()))
			g.fill(v.Elem(), path)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				g.fill(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type())) // filled by full, which knows the keys that make sense
	case reflect.Slice:
		n := g.r.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			g.fill(s.Index(i), path+"[]")
		}
		v.Set(s)
	default:
		g.t.Fatalf("the round-trip generator does not know how to fill %s (%v): teach it, then check export and import carry it", path, v.Type())
	}
}

// full makes a random case with id, then sets what must hold together:
// ids unique per entry type, every entry's case_id, links only to the
// case's own contacts, and the fields a case file keeps in one form.
func (g *gen) full(id int64) Full {
	var f Full
	g.fill(reflect.ValueOf(&f).Elem(), "Full")
	f.ID = id
	f.Lang = []string{"en", "ko"}[g.r.IntN(2)]
	f.Amount = fmt.Sprintf("%d.%02d", g.r.IntN(100000), g.r.IntN(100))
	f.Currency = []string{"EUR", "KRW", "USD", ""}[g.r.IntN(4)]
	v := reflect.ValueOf(&f).Elem()
	var contacts []int64
	for i := range f.Contacts {
		f.Contacts[i].ID = g.next("contacts")
		contacts = append(contacts, f.Contacts[i].ID)
	}
	for i := range v.NumField() {
		field := v.Field(i)
		if field.Kind() != reflect.Slice {
			continue
		}
		name := v.Type().Field(i).Name
		for j := range field.Len() {
			e := field.Index(j)
			if name != "Contacts" {
				e.FieldByName("ID").SetInt(g.next(name))
			}
			e.FieldByName("CaseID").SetInt(id)
			if link := e.FieldByName("ContactID"); link.IsValid() && !link.IsNil() {
				if len(contacts) == 0 {
					link.SetZero()
				} else {
					link.Elem().SetInt(contacts[g.r.IntN(len(contacts))])
				}
			}
		}
	}
	// An extension belongs to one of the case's promises.
	exts := f.Extensions[:0]
	for _, e := range f.Extensions {
		if len(f.Promises) > 0 {
			e.PromiseID = f.Promises[g.r.IntN(len(f.Promises))].ID
			exts = append(exts, e)
		}
	}
	f.Extensions = exts
	for i := range f.Refs {
		for secretLabel(f.Refs[i].Label) {
			f.Refs[i].Label = g.text()
		}
	}
	for i := range f.Evidence {
		data := []byte(g.text())
		if g.r.IntN(4) == 0 && len(g.blobs) > 0 {
			data = g.blobs[g.r.IntN(len(g.blobs))].Data // the same content twice: stored once
		} else {
			g.blobs = append(g.blobs, Blob{SHA256: SHA256Hex(data), Data: data})
		}
		f.Evidence[i].SHA256, f.Evidence[i].Size = SHA256Hex(data), int64(len(data))
	}
	f.NoReplyDays = 1 + g.r.IntN(30)
	g.prep(&f.Prep)
	return f
}

// prep makes the prep answers valid: yes/no answers, a known trigger and
// questions, sensible policy numbers, and steps 1-9 done or skipped.
func (g *gen) prep(p *Prep) {
	pick := func(vals ...string) string { return vals[g.r.IntN(len(vals))] }
	p.HaveReceipt, p.HavePhotos, p.HaveSecret, p.WillRecord = pick("yes", "no", ""), pick("yes", "no", ""), pick("yes", "no", ""), pick("yes", "no", "")
	p.EscalateTrigger = pick(append([]string{""}, Triggers...)...)
	p.ReturnDays, p.WarrantyMonths = g.r.IntN(60), g.r.IntN(36)
	p.Ask = []string{}
	for _, k := range AskKeys {
		if g.r.IntN(2) == 0 {
			p.Ask = append(p.Ask, k)
		}
	}
	p.Steps = map[string]string{}
	for step := 1; step <= 9; step++ {
		if g.r.IntN(3) > 0 {
			p.Steps[fmt.Sprint(step)] = pick("done", "skipped")
		}
	}
}

func (g *gen) next(kind string) int64 {
	g.ids[kind] += 1 + g.r.Int64N(5)
	return g.ids[kind]
}

// byID orders every entry list of f by id, as one order to compare in:
// the store lists entries by time.
func byID(f *Full) {
	v := reflect.ValueOf(f).Elem()
	for i := range v.NumField() {
		if s := v.Field(i); s.Kind() == reflect.Slice {
			sort.SliceStable(s.Interface(), func(a, b int) bool {
				return s.Index(a).FieldByName("ID").Int() < s.Index(b).FieldByName("ID").Int()
			})
		}
	}
}

func tempStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func exportJSON(t *testing.T, s *Store) []byte {
	t.Helper()
	doc, err := s.ExportAll(context.Background(), t0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExportImportRoundTripsEveryField imports random cases (every field
// of Full filled, by reflection) into a fresh case file, exports them,
// imports that export into another fresh file and exports again: the
// cases come back exactly as generated and the two exports are equal.
func TestExportImportRoundTripsEveryField(t *testing.T) {
	ctx := context.Background()
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	g := &gen{t: t, r: rand.New(rand.NewPCG(seed, 7)), ids: map[string]int64{}}
	filled := map[string]bool{}
	for round := range 12 {
		doc := &Export{Format: exportFormat, Version: ExportVersion}
		for i := range 1 + g.r.IntN(4) {
			doc.Cases = append(doc.Cases, g.full(int64(round*10+i+1)))
		}
		doc.Blobs = g.takeBlobs()
		for _, f := range doc.Cases {
			nonZero(reflect.ValueOf(f), "Full", filled)
		}

		a := tempStore(t)
		if _, err := a.Import(ctx, doc); err != nil {
			t.Fatalf("round %d: import: %v", round, err)
		}
		first, err := a.ExportAll(ctx, t0)
		if err != nil {
			t.Fatal(err)
		}
		for i := range first.Cases {
			byID(&first.Cases[i])
			if !reflect.DeepEqual(first.Cases[i], doc.Cases[i]) {
				got, _ := json.Marshal(first.Cases[i])
				exp, _ := json.Marshal(doc.Cases[i])
				t.Fatalf("round %d: case %d changed on the way through the case file:\n got %s\nwant %s", round, doc.Cases[i].ID, got, exp)
			}
		}
		firstJSON := exportJSON(t, a)
		again, err := DecodeExport(bytes.NewReader(firstJSON))
		if err != nil {
			t.Fatalf("round %d: the export does not read back: %v", round, err)
		}
		b := tempStore(t)
		if _, err := b.Import(ctx, again); err != nil {
			t.Fatalf("round %d: import of the export: %v", round, err)
		}
		if second := exportJSON(t, b); !bytes.Equal(second, firstJSON) {
			t.Fatalf("round %d: export → import → export differs:\n%s\n%s", round, firstJSON, second)
		}
	}
	// Every field was filled with something other than its zero value at
	// least once, so each one's trip was checked.
	var all []string
	leaves(reflect.TypeOf(Full{}), "Full", &all)
	for _, p := range all {
		if !filled[p] {
			t.Errorf("field %s was never set by the generator, so its round trip is untested", p)
		}
	}
}

// leaves lists the paths of every leaf field of t (structs are walked,
// time.Time and Date are leaves).
func leaves(t reflect.Type, path string, out *[]string) {
	switch {
	case t == reflect.TypeOf(time.Time{}) || t == reflect.TypeOf(Date{}):
		*out = append(*out, path)
	case t.Kind() == reflect.Pointer:
		leaves(t.Elem(), path, out)
	case t.Kind() == reflect.Slice:
		leaves(t.Elem(), path+"[]", out)
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				p := path + "." + f.Name
				if f.Anonymous {
					p = path
				}
				leaves(f.Type, p, out)
			}
		}
	default:
		*out = append(*out, path)
	}
}

// nonZero records the leaf paths of v that hold a non-zero value.
func nonZero(v reflect.Value, path string, seen map[string]bool) {
	t := v.Type()
	switch {
	case t == reflect.TypeOf(time.Time{}) || t == reflect.TypeOf(Date{}):
		if !v.IsZero() {
			seen[path] = true
		}
	case t.Kind() == reflect.Pointer:
		if !v.IsNil() {
			nonZero(v.Elem(), path, seen)
		}
	case t.Kind() == reflect.Slice:
		for i := range v.Len() {
			nonZero(v.Index(i), path+"[]", seen)
		}
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				p := path + "." + f.Name
				if f.Anonymous {
					p = path
				}
				nonZero(v.Field(i), p, seen)
			}
		}
	default:
		if !v.IsZero() {
			seen[path] = true
		}
	}
}

// snapshot is everything a case file holds, to compare before and after.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	var counts []string
	for _, table := range []string{"cases", "contacts", "promises", "tickets", "notes", "account_refs", "search", "evidence", "blobs"} {
		var n int
		if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts = append(counts, fmt.Sprintf("%s=%d", table, n))
	}
	return strings.Join(counts, " ") + "\n" + string(exportJSON(t, s))
}

// TestImportRefusesWithoutWritingAnything feeds import documents that are
// malformed, from a newer redress, or wrong in their last case only: each
// is refused with an ImportError naming the problem, and the case file,
// which already held a case, is exactly as before.
func TestImportRefusesWithoutWritingAnything(t *testing.T) {
	ctx := context.Background()
	g := &gen{t: t, r: rand.New(rand.NewPCG(3, 4)), ids: map[string]int64{}}
	valid := func(mutate func(doc *Export)) string {
		doc := &Export{Format: exportFormat, Version: ExportVersion}
		for i := range 3 {
			doc.Cases = append(doc.Cases, g.full(int64(100+i)))
		}
		doc.Blobs = g.takeBlobs()
		mutate(doc)
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	last := func(doc *Export) *Full { return &doc.Cases[len(doc.Cases)-1] }
	withContact := func(doc *Export) *Full {
		f := last(doc)
		if len(f.Contacts) == 0 {
			f.Contacts = []Contact{{ID: 9999, CaseID: f.ID, Channel: ChannelCall, At: t0}}
		}
		return f
	}
	// withEvidence gives the last case one piece of evidence whose content
	// is the document's last blob, and returns it.
	withEvidence := func(doc *Export) *Evidence {
		f := last(doc)
		data := []byte("receipt of the last case")
		doc.Blobs = append(doc.Blobs, Blob{SHA256: SHA256Hex(data), Data: data})
		f.Evidence = append(f.Evidence, Evidence{ID: 9999, CaseID: f.ID, SHA256: SHA256Hex(data), Name: "receipt.txt",
			MediaType: "text/plain; charset=utf-8", Size: int64(len(data)), At: t0, AddedAt: t0})
		return &f.Evidence[len(f.Evidence)-1]
	}
	tests := []struct{ name, doc, want string }{
		{"empty", "", "not-export"},
		{"cut short", valid(func(*Export) {})[:200], "not-export"},
		{"not an object", `[1, 2]`, "not-export"},
		{"another format", `{"format": "vcard", "version": 1}`, `format "vcard"`},
		{"newer version", `{"format": "redress-export", "version": 2, "cases": [], "shiny": true}`, "newer 2 1"},
		{"unknown field", strings.Replace(valid(func(*Export) {}), `"title":`, `"mood": "angry", "title":`, 1), `unknown field "mood"`},
		{"more after the document", valid(func(*Export) {}) + `{}`, "after top-level value"},
		{"wrong type", strings.Replace(valid(func(*Export) {}), `"duration_s":`, `"duration_s": "long", "x":`, 1), "duration_s"},
		{"masked references", valid(func(doc *Export) {
			doc.RefsMasked = true
			last(doc).Refs = []AccountRef{{ID: 77, Label: "order", Value: "•••• 4821", CreatedAt: t0}}
		}), "masked"},
		{"bad channel in the last case", valid(func(doc *Export) { withContact(doc).Contacts[0].Channel = "pigeon" }), `channel: unknown "pigeon"`},
		{"bad promise status in the last case", valid(func(doc *Export) {
			last(doc).Promises = []Promise{{ID: 5, Text: "x", Due: DateOnly(2026, 1, 2), Status: "forgotten", CreatedAt: t0}}
		}), `unknown status "forgotten"`},
		{"link to another case's contact", valid(func(doc *Export) {
			doc.Cases[0].Contacts = append(doc.Cases[0].Contacts, Contact{ID: 8888, Channel: ChannelCall, At: t0})
			id := int64(8888)
			last(doc).Notes = []Note{{ID: 6, Kind: NoteTimeline, Text: "x", At: t0, ContactID: &id}}
		}), "no contact 8888"},
		{"a secret in the last case", valid(func(doc *Export) {
			last(doc).Refs = []AccountRef{{ID: 7, Label: "PIN", Value: "1234", CreatedAt: t0}}
		}), "looks like a secret"},
		{"an id the case file has", valid(func(doc *Export) { last(doc).ID = 1 }), "id-exists"},
		{"no title", valid(func(doc *Export) { last(doc).Title = " " }), "title: empty"},
		{"no case id", valid(func(doc *Export) { last(doc).ID = 0 }), "needs an id"},
		{"evidence changed after export", valid(func(doc *Export) {
			withEvidence(doc)
			b := &doc.Blobs[len(doc.Blobs)-1]
			b.Data = append([]byte(nil), b.Data...)
			b.Data[0] ^= 1
		}), "bad-blob"},
		{"evidence without its content", valid(func(doc *Export) {
			withEvidence(doc)
			doc.Blobs = doc.Blobs[:len(doc.Blobs)-1]
		}), "is not among the document's blobs"},
		{"evidence with another size", valid(func(doc *Export) { withEvidence(doc).Size++ }), "bytes"},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			s := tempStore(t)
			c := Case{Title: "already here", OpenedAt: t0}
			if err := s.CreateCase(ctx, &c); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, s)
			doc, err := DecodeExport(strings.NewReader(tt.doc))
			if err == nil {
				_, err = s.Import(ctx, doc)
			}
			var ie *ImportError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an ImportError with %q", err, tt.want)
			}
			if after := snapshot(t, s); after != before {
				t.Errorf("the refused import changed the case file:\n%s\n%s", before, after)
			}
		})
	}
}
