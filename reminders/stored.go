package reminders

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
	"github.com/redress-cli/redress/prep/text"
)

// RulesVersion is the version of the rules' Go code: raise it with any
// change to what a rule makes of a case, so that every case file rebuilds
// its stored reminders once. Changes to the words (reminders.txt and the
// messages) and to the rights table are noticed without it: the stamp
// hashes them.
//
// 2: a clock's line writes its start as an aside date (no weekday in
// Korean, whose brackets nested inside the line's own).
const RulesVersion = 2

// Stored is the rules as the case file stores them (casefile's
// ReminderRules): a command gives it to its Store, and every change
// rewrites the stored reminders of the cases it touched with these rules,
// in loc, the user's zone.
func Stored(loc *time.Location) casefile.ReminderRules { return storedRules{loc: loc} }

type storedRules struct{ loc *time.Location }

// Stamp names the zone (by name and by its UTC offsets over the years
// reminders fall in, so a TZ that changes "Local" is noticed) and the
// version of the rules, their words and the rights table.
func (r storedRules) Stamp() string { return zoneStamp(r.loc) + " " + rulesStamp() }

// Rows are the reminders of one case as stored: For's reminders, with the
// export content and hash Reconcile has always recorded, so export state
// written before stays valid.
func (r storedRules) Rows(f casefile.Full, fileID string) ([]casefile.StoredReminder, error) {
	rs := buildIn(f, r.loc, fileID)
	out := make([]casefile.StoredReminder, 0, len(rs))
	for _, x := range rs {
		_, hash, err := encodeContent(x)
		if err != nil {
			return nil, err
		}
		out = append(out, casefile.StoredReminder{
			UID: x.UID, CaseID: x.CaseID, Rule: string(x.Rule), EntryID: x.EntryID, At: x.At,
			Start:         x.At.Time(r.loc).Unix(),
			ListedOverdue: actionable[x.Rule] || x.opensBody,
			Lang:          x.Lang, Summary: x.Summary, Description: x.Description, Next: x.Next,
			Hash: hash,
		})
	}
	return out, nil
}

// FromStored is the reminder a stored row holds.
func FromStored(s casefile.StoredReminder) Reminder {
	return Reminder{UID: s.UID, CaseID: s.CaseID, Rule: Rule(s.Rule), EntryID: s.EntryID, At: s.At, Lang: s.Lang,
		Summary: s.Summary, Description: s.Description, Next: s.Next,
		opensBody: s.ListedOverdue && !actionable[Rule(s.Rule)]}
}

var zoneStamps sync.Map // *time.Location → string

func zoneStamp(loc *time.Location) string {
	if s, ok := zoneStamps.Load(loc); ok {
		return s.(string)
	}
	h := sha256.New()
	for y := 2000; y <= 2060; y++ {
		for m := time.January; m <= time.December; m++ {
			for _, d := range []int{1, 15} {
				_, off := time.Date(y, m, d, 12, 0, 0, 0, time.UTC).In(loc).Zone()
				h.Write(strconv.AppendInt(nil, int64(off), 10))
			}
		}
	}
	s := loc.String() + "/" + hex.EncodeToString(h.Sum(nil))[:12]
	zoneStamps.Store(loc, s)
	return s
}

var rulesStamp = sync.OnceValue(func() string {
	h := sha256.New()
	h.Write([]byte(strconv.Itoa(RulesVersion)))
	for _, l := range text.Langs {
		for _, name := range []string{"reminders.txt", "messages.txt"} {
			src, _ := text.Source(l, name)
			h.Write([]byte(l + "/" + name + "\n"))
			h.Write(src)
		}
	}
	rights.WriteSource(h) // the embedded files: a change there, however small, rebuilds the stored reminders once
	return "rules-" + strconv.Itoa(RulesVersion) + "/" + hex.EncodeToString(h.Sum(nil))[:12]
})

// ExportItem is what an export sends of a stored reminder, given the
// target's record of it (as Reconcile decides): unchanged, it keeps its
// SEQUENCE and modification time; changed or back after a cancellation,
// SEQUENCE+1 and now; new, SEQUENCE 0 and now.
func ExportItem(r casefile.ExportRow, now time.Time) Item {
	it := Item{Reminder: FromStored(r.StoredReminder), Modified: now.UTC().Truncate(time.Second)}
	switch {
	case r.Same:
		it.Sequence, it.Modified = r.Sequence, r.Modified
	case r.Known:
		it.Sequence = r.Sequence + 1
	}
	return it
}

// Cancellations are the items that cancel, once, the reminders a target
// has that no longer exist (casefile's ReminderExport.Dropped), soonest
// first in loc.
func Cancellations(dropped []casefile.ExportRecord, now time.Time, loc *time.Location) ([]Item, error) {
	now = now.UTC().Truncate(time.Second)
	items := make([]Item, 0, len(dropped))
	for _, rec := range dropped {
		var r Reminder
		if err := json.Unmarshal([]byte(rec.Content), &r); err != nil {
			return nil, fmt.Errorf("reminders: stored reminder %s: %w" /* words:ok a damaged row */, rec.UID, err)
		}
		items = append(items, Item{Reminder: r, Sequence: rec.Sequence + 1, Modified: now, Cancelled: true})
	}
	sortItems(items, loc)
	return items, nil
}

// Before reports whether a comes before b in an export: sooner in loc,
// then by case and UID, as Sort orders.
func Before(a, b Item, loc *time.Location) bool {
	ta, tb := a.At.Time(loc).Unix(), b.At.Time(loc).Unix()
	if ta != tb {
		return ta < tb
	}
	if a.CaseID != b.CaseID {
		return a.CaseID < b.CaseID
	}
	return a.UID < b.UID
}

// Verify compares the stored reminders of the case file with what the
// rules make of every case now, in loc, and returns one line per
// difference (none: they agree). Rows stamped for another zone or rules
// version are not compared: the next reminders command rebuilds them. A
// case marked changed under the current stamp is a difference, since
// every change through a Store with rules rewrites its cases' rows.
func Verify(ctx context.Context, s *casefile.Store, loc *time.Location) ([]string, error) {
	rules := Stored(loc)
	stamp, dirty, err := s.ReminderStamp(ctx)
	if err != nil || stamp != rules.Stamp() {
		return nil, err
	}
	if dirty {
		return []string{"cases are marked changed and their reminders were not rewritten"}, nil // words:ok a test's finding
	}
	fileID, err := s.FileID(ctx)
	if err != nil {
		return nil, err
	}
	var want []casefile.StoredReminder
	err = s.EachActiveCase(ctx, 0, func(f casefile.Full) error {
		rows, err := rules.Rows(f, fileID)
		want = append(want, rows...)
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(want, func(i, j int) bool {
		a, b := want[i], want[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.CaseID != b.CaseID {
			return a.CaseID < b.CaseID
		}
		return a.UID < b.UID
	})
	got, err := s.StoredRemindersAsIs(ctx, 0)
	if err != nil {
		return nil, err
	}
	var bad []string
	for i := 0; i < max(len(got), len(want)); i++ {
		switch {
		case i >= len(got):
			bad = append(bad, fmt.Sprintf("missing %s", want[i].UID)) // words:ok a test's finding
		case i >= len(want):
			bad = append(bad, fmt.Sprintf("extra %s", got[i].UID)) // words:ok a test's finding
		case !sameStored(got[i], want[i]):
			bad = append(bad, fmt.Sprintf("stored %+v, rules make %+v", got[i], want[i])) // words:ok a test's finding
		}
	}
	return bad, nil
}

func sameStored(a, b casefile.StoredReminder) bool {
	return a.UID == b.UID && a.CaseID == b.CaseID && a.Rule == b.Rule && a.EntryID == b.EntryID &&
		a.At.String() == b.At.String() && a.Start == b.Start && a.ListedOverdue == b.ListedOverdue &&
		a.Lang == b.Lang && a.Summary == b.Summary && a.Description == b.Description && a.Next == b.Next &&
		a.Hash == b.Hash
}
