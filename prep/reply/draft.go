package reply

import (
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/internal/lazyre"
	"github.com/redress-cli/redress/prep"
)

// answerTemplate is the customer's answer, text/<lang>/reply_answer.tmpl;
// gradeTemplate is the grade as printed, text/<lang>/reply_grade.tmpl.
const (
	answerTemplate = "reply_answer"
	gradeTemplate  = "reply_grade"
)

// answerFacts is what the answer template is given.
type answerFacts struct {
	Company  string
	Sender   string
	Subject  string
	Ticket   string
	Sent     casefile.Date // the day of the reply (zero for a chat without a date)
	Good     []listItem    // elements found
	TitleRef string        // the ticket, for the title, when the subject lacks it
	Missing  []string      // elements missing
	Asks     []string      // the missing elements worth asking for in this kind of case
	AskDate  bool          // the date is among them
	Signs    []string      // signs found in the text (blame, vague_date, policy, goodwill)
	Checks   []checkFacts  // amount and law checks that need saying (not amount_ok)
	Remedy   string        // the case's outcome
	Problem  string
	RemedyBy casefile.Date
	AnswerBy casefile.Date
	LawKey   string
	LawDue   casefile.Date
	Loc      *time.Location
}

// workaroundKinds are the kinds where something to use meanwhile makes
// sense; a refund or a billing error has none to ask for.
var workaroundKinds = map[casefile.Kind]bool{casefile.KindServiceOutage: true, casefile.KindDeliveryDelay: true,
	casefile.KindDefect: true, casefile.KindDamagedItem: true, casefile.KindCompanyError: true, casefile.KindOther: true, "": true}

// listItem is an entry of a list the template joins in its language's way.
type listItem struct {
	Key               string
	First, Last, Many bool // Many: the list has three items or more
}

// checkFacts is a check with the location its dates print in.
type checkFacts struct {
	Check
	Loc *time.Location
}

// AnswerDates are the two dates the answer asks for: a reply by AnswerBy
// (the case's no-reply wait from now, moved off a weekend) and the remedy
// by RemedyBy: the reply's own latest date when it keeps within the law,
// else the law's deadline, else a week after the answer is due.
func AnswerDates(res Result, c casefile.Case, now time.Time, loc *time.Location) (answerBy, remedyBy casefile.Date) {
	days := c.NoReplyDays
	if days <= 0 {
		days = casefile.DefaultNoReplyDays
	}
	answerBy = weekday(casefile.DateOf(now.In(loc).AddDate(0, 0, days)))
	latest := casefile.Date{}
	for _, p := range res.Promises {
		if d := p.Due.Day(loc); latest.IsZero() || latest.Before(d) {
			latest = d
		}
	}
	switch {
	case !latest.IsZero() && (res.LawDue.IsZero() || !res.LawDue.Before(latest)):
		remedyBy = latest
	case !res.LawDue.IsZero():
		remedyBy = res.LawDue
	default:
		remedyBy = weekday(casefile.DateOf(answerBy.Time(time.UTC).AddDate(0, 0, 7)))
	}
	return answerBy, remedyBy
}

// weekday moves a Saturday or Sunday to the Monday after.
func weekday(d casefile.Date) casefile.Date {
	t := d.Time(time.UTC)
	switch t.Weekday() {
	case time.Saturday:
		t = t.AddDate(0, 0, 2)
	case time.Sunday:
		t = t.AddDate(0, 0, 1)
	}
	return casefile.DateOf(t)
}

// Draft is the customer's answer to a graded reply, in lang (the case's
// language): it thanks the company for each element it gave, asks for
// each one missing, answers the signs of a bad reply, names the amount and
// the law where they differ from what is offered, and asks for the remedy
// by a date. Blanks the user must fill are listed in Placeholders.
func Draft(lang string, res Result, c casefile.Case, now time.Time, loc *time.Location) (prep.Script, error) {
	answerBy, remedyBy := AnswerDates(res, c, now, loc)
	f := answerFacts{Company: c.Company, Sender: res.Sender, Subject: replyPrefix().ReplaceAllString(res.Subject, ""), Remedy: strings.TrimSpace(c.Outcome),
		Problem: strings.TrimSpace(c.Problem), RemedyBy: remedyBy, AnswerBy: answerBy, LawKey: res.LawKey, LawDue: res.LawDue, Loc: loc}
	if len(res.Tickets) > 0 {
		f.Ticket = res.Tickets[0]
		if !strings.Contains(res.Subject, f.Ticket) {
			f.TitleRef = f.Ticket
		}
	}
	if res.Sent != nil {
		f.Sent = casefile.DateOf(res.Sent.In(loc))
	}
	for _, v := range res.Elements {
		if v.Found {
			f.Good = append(f.Good, listItem{Key: v.Key, First: len(f.Good) == 0})
		} else {
			f.Missing = append(f.Missing, v.Key)
			if v.Key != Workaround || workaroundKinds[c.Kind] {
				f.Asks = append(f.Asks, v.Key)
			}
			f.AskDate = f.AskDate || v.Key == Date
		}
	}
	if n := len(f.Good); n > 0 {
		f.Good[n-1].Last = true
		for i := range f.Good {
			f.Good[i].Many = n >= 3
		}
	}
	for _, v := range res.Signs {
		if v.Found && v.Key != IgnoresImpact && v.Key != NoUrgency {
			f.Signs = append(f.Signs, v.Key)
		}
	}
	for _, ch := range res.Checks {
		if ch.Key != "amount_ok" {
			f.Checks = append(f.Checks, checkFacts{ch, loc})
		}
	}
	title, err := prep.RenderPart(lang, answerTemplate, "title", f)
	if err != nil {
		return prep.Script{}, err
	}
	body, err := prep.RenderPart(lang, answerTemplate, "body", f)
	if err != nil {
		return prep.Script{}, err
	}
	sc := prep.Script{Lang: lang, Title: strings.TrimSpace(title), Body: tidy(body)}
	seen := map[string]bool{}
	for _, m := range blank().FindAllStringSubmatch(sc.Title+"\n"+sc.Body, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			sc.Placeholders = append(sc.Placeholders, m[1])
		}
	}
	return sc, nil
}

// replyPrefix is the "Re:" and "Fwd:" a subject already carries; the
// template adds its own.
var replyPrefix = lazyre.New(`^(?i)((re|fw|fwd|aw|회신|답장|전달)\s*(\[\d+\])?\s*:\s*)+`)

// blank is a [bracketed blank] the templates leave for the user.
var blank = lazyre.New(`\[([^\[\]\n]{2,40})\]`)

// tidy trims each line and keeps at most one blank line in a row.
func tidy(s string) string {
	var out []string
	empty := 0
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " ")
		if strings.TrimSpace(l) == "" {
			empty++
			if empty > 1 || len(out) == 0 {
				continue
			}
		} else {
			empty = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// Report renders the grade for the user (in the user's language): each
// element and sign with its sentence or "not found", the comparisons with
// the case, and the entries read from the reply.
func Report(lang string, res Result, loc *time.Location) (string, error) {
	facts := struct {
		Result
		SentDay casefile.Date
		Checks  []checkFacts
		Loc     *time.Location
	}{Result: res, Loc: loc}
	if res.Sent != nil {
		facts.SentDay = casefile.DateTime(*res.Sent)
	}
	for _, ch := range res.Checks {
		facts.Checks = append(facts.Checks, checkFacts{ch, loc})
	}
	out, err := prep.RenderPart(lang, gradeTemplate, "report", facts)
	if err != nil {
		return "", err
	}
	return tidy(out) + "\n", nil
}
