package reminders

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// Item is a reminder as one export sends it: with the SEQUENCE and the
// modification time (DTSTAMP, LAST-MODIFIED) that tell a calendar whether
// it is newer than what it has, and whether it is cancelled.
type Item struct {
	Reminder
	Sequence  int
	Modified  time.Time
	Cancelled bool
}

// TargetFile starts the export-state target of `remind export -o FILE`
// (see FileTarget); a CalDAV calendar has its own ("caldav " + its URL),
// since it is updated apart.
const TargetFile = "file"

// Reconcile compares the reminders of now with what was last exported to
// target (prev) and returns what to export and the records to store
// afterwards:
//   - a reminder whose content is unchanged keeps its SEQUENCE and
//     modification time, so an export with no change is byte-identical;
//   - a new reminder starts at SEQUENCE 0; a changed one (or one that comes
//     back after a cancellation) gets SEQUENCE+1 and now as DTSTAMP and
//     LAST-MODIFIED;
//   - a reminder in prev but not in current (promise kept or cancelled,
//     case closed) is exported once more, as cancelled with SEQUENCE+1, then
//     no more.
//
// Items come soonest first in loc. prev must cover the same cases as current (all, or the one of --case).
func Reconcile(target string, current []Reminder, prev []casefile.ExportRecord, now time.Time, loc *time.Location) ([]Item, []casefile.ExportRecord, error) {
	now = now.UTC().Truncate(time.Second)
	old := make(map[string]casefile.ExportRecord, len(prev))
	for _, r := range prev {
		old[r.UID] = r
	}
	var items []Item
	var save []casefile.ExportRecord
	seen := map[string]bool{}
	for _, r := range current {
		if seen[r.UID] {
			return nil, nil, fmt.Errorf("reminders: two reminders with UID %s" /* words:ok a programming error */, r.UID)
		}
		seen[r.UID] = true
		content, hash, err := encodeContent(r)
		if err != nil {
			return nil, nil, err
		}
		rec, ok := old[r.UID]
		switch {
		case ok && rec.Hash == hash && rec.CancelledAt == nil:
			items = append(items, Item{Reminder: r, Sequence: rec.Sequence, Modified: rec.LastModified})
			continue
		case ok:
			rec.Sequence++
		default:
			rec = casefile.ExportRecord{Target: target, UID: r.UID}
		}
		rec.CaseID, rec.Content, rec.Hash, rec.LastModified, rec.CancelledAt = r.CaseID, content, hash, now, nil
		items = append(items, Item{Reminder: r, Sequence: rec.Sequence, Modified: now})
		save = append(save, rec)
	}
	for _, rec := range prev {
		if seen[rec.UID] || rec.CancelledAt != nil {
			continue
		}
		var r Reminder
		if err := json.Unmarshal([]byte(rec.Content), &r); err != nil {
			return nil, nil, fmt.Errorf("reminders: stored reminder %s: %w" /* words:ok a damaged row */, rec.UID, err)
		}
		rec.Sequence++
		rec.LastModified = now
		at := now
		rec.CancelledAt = &at
		items = append(items, Item{Reminder: r, Sequence: rec.Sequence, Modified: now, Cancelled: true})
		save = append(save, rec)
	}
	sortItems(items, loc)
	return items, save, nil
}

func encodeContent(r Reminder) (string, string, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return "", "", err
	}
	sum := sha256.Sum256(b)
	return string(b), hex.EncodeToString(sum[:]), nil
}

// sortItems orders items as Sort orders reminders, with each moment
// computed once.
func sortItems(items []Item, loc *time.Location) {
	type keyed struct {
		at int64
		it Item
	}
	keys := make([]keyed, len(items))
	for i, it := range items {
		keys[i] = keyed{it.At.Time(loc).UnixNano(), it}
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := &keys[i], &keys[j]
		if a.at != b.at {
			return a.at < b.at
		}
		if a.it.CaseID != b.it.CaseID {
			return a.it.CaseID < b.it.CaseID
		}
		return a.it.UID < b.it.UID
	})
	for i := range keys {
		items[i] = keys[i].it
	}
}

// FileTarget is the export-state target of an .ics file: its absolute
// path, so every file fed to a calendar keeps its own record of what it was
// sent. Events and to-dos are two calendars as far as a client is
// concerned, so each keeps its own state.
func FileTarget(path string, todo bool) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	t := TargetFile + " " + abs
	if todo {
		t += " todo"
	}
	return t, nil
}

// Live is items without the cancellations: for a calendar that imports a
// cancelled event as a live one (calcurse).
func Live(items []Item) []Item {
	out := items[:0:0]
	for _, it := range items {
		if !it.Cancelled {
			out = append(out, it)
		}
	}
	return out
}

// IsOwnExport reports whether path is a regular file that redress
// exported: an iCalendar file with redress's PRODID near its start.
func IsOwnExport(path string) bool {
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	return bytes.HasPrefix(head, []byte("BEGIN:VCALENDAR\r\n")) &&
		bytes.Contains(head, []byte("\r\nPRODID:"+ProductID+"\r\n"))
}
