package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/benchgen"
	"github.com/redress-cli/redress/reminders"
)

// writeFloor copies the case file src to dst and stores in it, in a table
// of its own, the reminders redress computes at now: what the floor
// program (cmd/redress-benchfloor) reads for `remind list` and `remind
// export`, the cost of one indexed query over stored reminders. Each row
// keeps the reminder's place in date order, its local day and days from
// today, whether `remind list` shows it (reminders.Upcoming), its
// summary and next command, its event as redress encodes it, and the JSON
// and hash the export state keeps.
func writeFloor(src, dst string, now time.Time) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("%s exists; remove it first", dst)
	}
	if err := benchgen.CopyFile(src, dst, false); err != nil {
		return err
	}
	s, err := casefile.Open(dst)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx, loc := context.Background(), time.Local
	var rs []reminders.Reminder
	if err := s.EachActiveCase(ctx, 0, func(f casefile.Full) error {
		rs = reminders.Append(rs, f, loc)
		return nil
	}); err != nil {
		return err
	}
	reminders.Sort(rs, loc)
	shown := map[string]reminders.Dated{}
	for _, d := range reminders.Upcoming(rs, now, loc) {
		shown[d.UID] = d
	}
	err = s.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.Exec(`CREATE TABLE bench_floor_reminders (seq INTEGER PRIMARY KEY, uid TEXT NOT NULL, case_id INTEGER NOT NULL,
			day TEXT NOT NULL, days INTEGER NOT NULL, shown INTEGER NOT NULL, summary TEXT NOT NULL, next TEXT NOT NULL,
			ics TEXT NOT NULL, content TEXT NOT NULL, hash TEXT NOT NULL);
			CREATE INDEX bench_floor_reminders_list ON bench_floor_reminders (shown, day, seq)`); err != nil {
			return err
		}
		ins, err := tx.Prepare(`INSERT INTO bench_floor_reminders VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		var buf bytes.Buffer
		for i, r := range rs {
			buf.Reset()
			it := reminders.Item{Reminder: r, Modified: now.UTC().Truncate(time.Second)}
			if err := reminders.Encode(&buf, []reminders.Item{it}, reminders.Options{}); err != nil {
				return err
			}
			ics := buf.String()
			ics = ics[strings.Index(ics, "BEGIN:VEVENT"):strings.LastIndex(ics, "END:VCALENDAR")]
			content, err := json.Marshal(r)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(content)
			d, ok := shown[r.UID]
			if _, err := ins.Exec(i, r.UID, r.CaseID, r.At.Day(loc).String(), r.At.DaysUntil(now, loc), ok && d.UID != "",
				r.Summary, r.Next, ics, string(content), hex.EncodeToString(sum[:])); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}
