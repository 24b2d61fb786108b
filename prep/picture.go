package prep

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// Picture is the geometry of the dossier's timeline: every contact,
// promise (made, due, kept or broken), ticket, escalation, piece of
// evidence and clock of a case on one time axis, in SVG user units. The
// template draws it and words the labels; shapes differ by kind, not only
// by colour, so it reads in black and white print.
type Picture struct {
	W, H   float64
	PlotX0 float64 // where the time axis starts (labels to its left)
	PlotX1 float64
	AxisY  float64
	Lanes  []Lane
	Ticks  []Tick
	Spans  []Span
	Marks  []Mark
	Legend []Mark  // one sample shape per kind drawn, Label its kind
	Today  float64 // x of today's line
	Start  string  // the first and last day shown, dated
	End    string
}

// Lane is one row band: contacts, promises, tickets, escalations,
// evidence or clocks. Y is its top, H its height; LabelY the baseline of
// its label.
type Lane struct {
	Key          string
	Y, H, LabelY float64
	Shade        bool // every other lane is shaded
}

// Tick is a mark on the axis: Day days since the case was opened.
type Tick struct {
	X    float64
	Day  int
	Date string // short date under the day number
}

// Span is a line between two moments: a promise from when it was made to
// its due date (Kind: promise, or promise-overdue when it ran past), a
// ticket to its expected date.
type Span struct {
	Kind       string
	X1, X2, Y  float64
	Title      string
	LabelX     float64 // where its label (#id) sits
	LabelShown bool
	ID         int64
}

// Mark is one shape: D is its SVG path, Kind its class (contact, made,
// kept, broken, pending, overdue, ticket, expected, escalation, evidence,
// clock).
type Mark struct {
	Kind  string
	D     string
	X, Y  float64
	Title string
	Label string // a clock's key or a legend entry, worded by the template
	// LabelX and Anchor place a clock's label beside its mark, on the
	// side where there is room.
	LabelX float64
	Anchor string
}

const (
	picW      = 1000.0
	picLeft   = 170.0 // label column
	picRight  = 20.0
	picTop    = 12.0
	rowH      = 26.0
	lanePad   = 6.0
	axisSpace = 50.0
	markR     = 6.0
)

// newPicture lays out the timeline of f as of now.
func newPicture(lang string, f casefile.Full, clocks []Clock, now time.Time, loc *time.Location) Picture {
	opened := dayZero(f, loc)
	start, end := opened.Time(loc), casefile.DateOf(now.In(loc)).Time(loc)
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		d := casefile.DateOf(t.In(loc)).Time(loc)
		if d.Before(start) {
			start = d
		}
		if d.After(end) {
			end = d
		}
	}
	for _, c := range f.Contacts {
		see(c.At)
	}
	for _, p := range f.Promises {
		see(p.CreatedAt)
		see(p.Due.Time(loc))
		if p.SettledAt != nil {
			see(*p.SettledAt)
		}
	}
	for _, t := range f.Tickets {
		see(t.CreatedAt)
		if !t.Expected.IsZero() {
			see(t.Expected.Time(loc))
		}
	}
	for _, e := range f.Escalations {
		see(e.At)
	}
	for _, e := range f.Evidence {
		see(e.At)
	}
	for _, c := range clocks {
		see(c.At.Time(loc))
	}
	end = end.AddDate(0, 0, 1) // the last day is a whole day wide
	days := math.Max(1, end.Sub(start).Hours()/24)
	p := Picture{W: picW, PlotX0: picLeft, PlotX1: picW - picRight}
	x := func(t time.Time) float64 {
		return p.PlotX0 + (p.PlotX1-p.PlotX0)*t.In(loc).Sub(start).Hours()/24/days
	}
	// A day-only moment (a due date, a clock) is drawn at noon, in the
	// middle of its day.
	xDay := func(d casefile.Date) float64 {
		if d.HasTime() {
			return x(d.Time(loc))
		}
		return x(d.Time(loc).Add(12 * time.Hour))
	}

	y := picTop
	lane := func(key string, rows int) float64 {
		h := float64(rows)*rowH + 2*lanePad
		p.Lanes = append(p.Lanes, Lane{Key: key, Y: y, H: h, LabelY: y + lanePad + rowH/2 + 5, Shade: len(p.Lanes)%2 == 0})
		top := y + lanePad + rowH/2
		y += h
		return top
	}

	cy := lane("contacts", 1)
	for _, c := range f.Contacts {
		cx := x(c.At)
		p.Marks = append(p.Marks, Mark{Kind: "contact", D: circle(cx, cy, markR), X: cx, Y: cy, Title: contactTitle(c)})
	}
	if len(f.Promises) > 0 {
		top := lane("promises", len(f.Promises))
		for i, pr := range f.Promises {
			py := top + float64(i)*rowH
			x1, x2 := x(pr.CreatedAt), xDay(pr.Due)
			kind := "promise"
			overdue := pr.Status == casefile.PromisePending && pr.Due.Overdue(now, loc)
			if overdue {
				kind = "promise-overdue"
			}
			title := fmt.Sprintf("#%d %s", pr.ID, pr.Text)
			p.Spans = append(p.Spans, Span{Kind: kind, X1: x1, X2: x2, Y: py, Title: title, ID: pr.ID,
				LabelX: x1 - 9, LabelShown: true})
			if overdue {
				p.Spans = append(p.Spans, Span{Kind: "overdue", X1: x2, X2: x(now), Y: py, Title: title})
			}
			p.Marks = append(p.Marks, Mark{Kind: "made", D: circle(x1, py, 3), X: x1, Y: py, Title: title})
			switch {
			case pr.Status == casefile.PromiseKept:
				at := x2
				if pr.SettledAt != nil {
					at = x(*pr.SettledAt)
				}
				p.Marks = append(p.Marks, Mark{Kind: "kept", D: check(at, py), X: at, Y: py, Title: title})
			case pr.Status == casefile.PromiseBroken:
				at := x2
				if pr.SettledAt != nil {
					at = x(*pr.SettledAt)
				}
				p.Marks = append(p.Marks, Mark{Kind: "broken", D: cross(at, py), X: at, Y: py, Title: title})
			case overdue:
				p.Marks = append(p.Marks, Mark{Kind: "overdue", D: circle(x2, py, markR), X: x2, Y: py, Title: title})
			default:
				p.Marks = append(p.Marks, Mark{Kind: "pending", D: circle(x2, py, markR), X: x2, Y: py, Title: title})
			}
		}
	}
	if len(f.Tickets) > 0 {
		ty := lane("tickets", 1)
		for _, t := range f.Tickets {
			tx := x(t.CreatedAt)
			if !t.Expected.IsZero() {
				ex := xDay(t.Expected)
				p.Spans = append(p.Spans, Span{Kind: "ticket", X1: tx, X2: ex, Y: ty, Title: t.Number})
				p.Marks = append(p.Marks, Mark{Kind: "expected", D: square(ex, ty, 3), X: ex, Y: ty, Title: t.Number})
			}
			p.Marks = append(p.Marks, Mark{Kind: "ticket", D: square(tx, ty, markR), X: tx, Y: ty, Title: t.Number})
		}
	}
	if len(f.Escalations) > 0 {
		ey := lane("escalations", 1)
		for _, e := range f.Escalations {
			ex := x(e.At)
			title, err := StepName(lang, e.Step)
			if err != nil {
				title = string(e.Step)
			}
			p.Marks = append(p.Marks, Mark{Kind: "escalation", D: triangle(ex, ey, markR+1), X: ex, Y: ey, Title: title})
		}
	}
	if len(f.Evidence) > 0 {
		vy := lane("evidence", 1)
		for _, e := range f.Evidence {
			vx := x(e.At)
			p.Marks = append(p.Marks, Mark{Kind: "evidence", D: page(vx, vy), X: vx, Y: vy, Title: e.Name})
		}
	}
	if len(clocks) > 0 {
		top := lane("clocks", len(clocks))
		for i, c := range clocks {
			ky := top + float64(i)*rowH
			kx := xDay(c.At)
			m := Mark{Kind: "clock", D: diamond(kx, ky, markR+1), X: kx, Y: ky, Title: c.Summary, Label: c.Key,
				LabelX: kx + 10, Anchor: "start"}
			if kx > p.PlotX0+(p.PlotX1-p.PlotX0)*0.6 {
				m.LabelX, m.Anchor = kx-10, "end"
			}
			p.Marks = append(p.Marks, m)
		}
	}
	p.AxisY = y + 4
	p.H = p.AxisY + axisSpace
	p.Today = x(now)

	step := tickStep(days)
	opened0 := opened.Time(loc)
	first := int(math.Ceil(start.Sub(opened0).Hours() / 24 / float64(step)))
	for k := first; ; k++ {
		t := opened0.AddDate(0, 0, k*step)
		if t.After(end) {
			break
		}
		p.Ticks = append(p.Ticks, Tick{X: x(t), Day: k * step, Date: shortDay(lang, t)})
	}
	p.legend()
	p.Start, p.End = FormatDate(lang, casefile.DateOf(start), loc), FormatDate(lang, casefile.DateOf(end.AddDate(0, 0, -1)), loc)
	return p
}

// legend adds one sample of each kind of mark drawn, four to a row,
// below the axis.
func (p *Picture) legend() {
	seen := map[string]bool{}
	for _, m := range p.Marks {
		seen[m.Kind] = true
	}
	for _, s := range p.Spans {
		if s.Kind == "overdue" {
			seen["overdue"] = true
		}
	}
	i := 0
	for _, kind := range []string{"contact", "made", "pending", "kept", "broken", "overdue", "ticket", "escalation", "evidence", "clock"} {
		if !seen[kind] {
			continue
		}
		lx := p.PlotX0 + float64(i%4)*((p.PlotX1-p.PlotX0)/4)
		ly := p.H + float64(i/4)*rowH
		var d string
		switch kind {
		case "contact", "pending", "overdue":
			d = circle(lx, ly, markR)
		case "made":
			d = circle(lx, ly, 3)
		case "kept":
			d = check(lx, ly)
		case "broken":
			d = cross(lx, ly)
		case "ticket":
			d = square(lx, ly, markR)
		case "escalation":
			d = triangle(lx, ly, markR+1)
		case "evidence":
			d = page(lx, ly)
		case "clock":
			d = diamond(lx, ly, markR+1)
		}
		p.Legend = append(p.Legend, Mark{Kind: kind, D: d, X: lx, Y: ly, Label: kind, LabelX: lx + 14, Anchor: "start"})
		i++
	}
	if i > 0 {
		p.H += float64((i+3)/4)*rowH + 4
	}
}

// dayZero is the day the days of a dossier count from: the first contact
// with the company (when the complaint began), else the case's opening.
func dayZero(f casefile.Full, loc *time.Location) casefile.Date {
	if len(f.Contacts) > 0 {
		return casefile.DateOf(f.Contacts[0].At.In(loc))
	}
	return casefile.DateOf(f.OpenedAt.In(loc))
}

// tickStep is the days between ticks: at most about ten on the axis.
func tickStep(days float64) int {
	for _, s := range []int{1, 2, 7, 14, 28, 56, 91, 182, 364} {
		if days/float64(s) <= 10 {
			return s
		}
	}
	return 728
}

// shortDay is a date under an axis tick: "2 Nov", "11/2".
func shortDay(lang string, t time.Time) string {
	if lang == "ko" {
		return fmt.Sprintf("%d/%d", t.Month(), t.Day())
	}
	return t.Format("2 Jan")
}

func contactTitle(c casefile.Contact) string {
	parts := []string{fmt.Sprintf("#%d %s", c.ID, c.Channel)}
	if c.Rep != "" {
		parts = append(parts, c.Rep)
	}
	if c.Summary != "" {
		parts = append(parts, c.Summary)
	}
	return strings.Join(parts, ", ")
}

func f1(v float64) string { return fmt.Sprintf("%.1f", v) }

func circle(x, y, r float64) string {
	return fmt.Sprintf("M%s %sa%s %s 0 1 0 %s 0a%s %s 0 1 0 -%s 0Z", f1(x-r), f1(y), f1(r), f1(r), f1(2*r), f1(r), f1(r), f1(2*r))
}

func square(x, y, r float64) string {
	return fmt.Sprintf("M%s %sh%sv%sh-%sZ", f1(x-r), f1(y-r), f1(2*r), f1(2*r), f1(2*r))
}

func diamond(x, y, r float64) string {
	return fmt.Sprintf("M%s %sL%s %sL%s %sL%s %sZ", f1(x), f1(y-r), f1(x+r), f1(y), f1(x), f1(y+r), f1(x-r), f1(y))
}

func triangle(x, y, r float64) string {
	return fmt.Sprintf("M%s %sL%s %sL%s %sZ", f1(x), f1(y-r), f1(x+r), f1(y+r*0.8), f1(x-r), f1(y+r*0.8))
}

func check(x, y float64) string {
	return fmt.Sprintf("M%s %sL%s %sL%s %s", f1(x-5), f1(y), f1(x-1.5), f1(y+4), f1(x+5.5), f1(y-5))
}

func cross(x, y float64) string {
	return fmt.Sprintf("M%s %sL%s %sM%s %sL%s %s", f1(x-5), f1(y-5), f1(x+5), f1(y+5), f1(x-5), f1(y+5), f1(x+5), f1(y-5))
}

func page(x, y float64) string {
	return fmt.Sprintf("M%s %sh%sl3 3v%sh-%sZ", f1(x-4), f1(y-6), f1(5), f1(9), f1(8))
}
