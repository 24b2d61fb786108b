package reminders

import (
	"strings"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/casefile/rights"
	"github.com/redress-cli/redress/prep/text"
)

// RuleReplyDue is the day a written step's answer is due: the wait
// `redress next` announces, on the calendar too.
const RuleReplyDue Rule = "reply-due"

// deadlines makes a reminder of every clock of the rights table that runs
// on the case (rights.Clocks: the same computation `next` and the scripts
// read), and of the reply a written step is waiting for (rights.ReplyDue).
// Each says where its figure comes from and to check the current rules:
// redress organises a complaint, it does not give legal advice.
func (b *builder) deadlines() {
	f := b.f
	t := rights.For(f.Jurisdiction)
	top := false
	for _, e := range f.Escalations {
		top = top || e.Step.Rung() >= casefile.TopRung
	}
	for _, d := range rights.Clocks(f, b.loc) {
		if top && d.Clock.Unlocks == rights.UnlockBody {
			continue // the customer has gone to the body already
		}
		// What to run when the reminder fires: the notice that beats the
		// deadline, the letter to the body the clock opens, or next.
		next := b.t("next_show", f.ID)
		switch {
		case d.Clock.Unlocks == rights.UnlockBody:
			next = b.t("next_regulator", f.ID)
		case d.Clock.Unlocks != rights.UnlockDeadline:
			next = b.t("next_next", f.ID)
		case t.NoticeWithin(d.Clock.ID) != "":
			next = b.t("next_notice", f.ID, t.NoticeWithin(d.Clock.ID))
		}
		body := ""
		if bd, ok := t.Body(d.Clock.Body); ok {
			body = bd.Name[b.lang]
		}
		var lines []string
		if d.Early {
			lines = append(lines, b.t("early_"+string(d.Clock.Fallback), f.ID))
		}
		if d.Clock.Unlocks != rights.UnlockDeadline {
			lines = append(lines, b.ticketsLine())
		}
		lines = append(lines, b.t("source", strings.TrimSuffix(d.Clock.Source, ".")), b.t("check_rules"))
		uid := UID(f.ID, "", 0, d.Clock.ID)
		if d.EntryID != 0 && d.Clock.From == rights.EventFiling {
			uid = UID(f.ID, "contact", d.EntryID, d.Clock.ID)
		}
		b.add(Rule(d.Clock.ID), uid, d.EntryID, d.End, b.t("clock_"+d.Clock.ID, formatAsideDate(b.lang, d.Start, b.loc), body), next, lines...)
		b.out[len(b.out)-1].opensBody = d.Clock.Unlocks == rights.UnlockBody
	}
	if due, step, ok := rights.ReplyDue(f, b.loc); ok {
		name, err := text.Execute(b.lang, "parts", "step", string(step), nil)
		if err != nil {
			name = string(step)
		}
		b.add(RuleReplyDue, UID(f.ID, "", 0, "reply-due"), 0, due,
			b.t("reply_due", strings.TrimSpace(name), b.date(due.AddDays(-rights.ReplyDays))), b.t("next_next", f.ID),
			b.ticketsLine(), b.t("check_rules"))
	}
}
