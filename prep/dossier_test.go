package prep

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/redress-cli/redress/casefile"
)

// gif is a 1×1 GIF: an image evidence whose thumbnail is embedded.
var gif = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

// withEvidence adds a photo and a PDF to a golden case, and its clocks.
func dossierInput(f casefile.Full) DossierInput {
	pdf := []byte("%PDF-1.4 order confirmation")
	f.Evidence = []casefile.Evidence{
		{ID: 1, CaseID: f.ID, SHA256: casefile.SHA256Hex(gif), Name: "IMG_0042.gif", MediaType: "image/gif", Size: int64(len(gif)),
			Note: "as delivered", At: at(11, 4, 18), AddedAt: at(11, 6, 9)},
		{ID: 2, CaseID: f.ID, SHA256: casefile.SHA256Hex(pdf), Name: "confirmation.pdf", MediaType: "application/pdf", Size: int64(len(pdf)),
			At: at(11, 2, 12), AddedAt: at(11, 6, 9)},
	}
	clocks := []Clock{{Key: "eu-withdrawal", At: f.PurchaseDate.AddDays(14), Summary: "Last day to withdraw (14 days)",
		Source: "Source: Directive 2011/83/EU, art. 9 (14-day withdrawal period)."}}
	if f.Jurisdiction == casefile.JurisdictionKR {
		clocks = []Clock{{Key: "kr-withdrawal", At: f.PurchaseDate.AddDays(7), Summary: "온라인 구매의 청약철회 마지막 날 (7일)",
			Source: "근거: 전자상거래법 제17조 (7일 청약철회 기간)."}}
	}
	if !f.ReturnWindowEnd.IsZero() {
		clocks = append(clocks, Clock{Key: "return-window-end", At: f.ReturnWindowEnd, Summary: "Last day of the return window"})
	}
	return DossierInput{Full: f, Now: clock, Loc: kst, Images: map[string][]byte{casefile.SHA256Hex(gif): gif}, Clocks: clocks}
}

func renderDossier(t *testing.T, in DossierInput) string {
	t.Helper()
	d, err := NewDossier(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := RenderDossier(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

var svgRe = regexp.MustCompile(`(?s)<svg class="timeline".*?</svg>`)

// TestDossierTimelineGolden: the timeline picture of each golden case, in
// its language, as SVG (go test ./prep -update rewrites it).
func TestDossierTimelineGolden(t *testing.T) {
	for _, gc := range goldenCases {
		t.Run(gc.name, func(t *testing.T) {
			page := renderDossier(t, dossierInput(gc.full()))
			svg := svgRe.FindString(page)
			if svg == "" {
				t.Fatal("no timeline picture in the dossier")
			}
			checkGolden(t, filepath.Join("testdata", "dossier-timeline-"+gc.name+".svg"), svg+"\n")
		})
	}
}

// TestDossierTimelineDrawsEveryKind: one shape per contact, promise end,
// ticket, escalation, piece of evidence and clock, and today's line.
func TestDossierTimelineDrawsEveryKind(t *testing.T) {
	d, err := NewDossier(dossierInput(damagedTwoTickets()))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, m := range d.Picture.Marks {
		count[m.Kind]++
		if m.X < d.Picture.PlotX0 || m.X > d.Picture.PlotX1 {
			t.Errorf("%s mark at x=%.1f, outside the plot %.0f–%.0f", m.Kind, m.X, d.Picture.PlotX0, d.Picture.PlotX1)
		}
	}
	want := map[string]int{"contact": 2, "made": 2, "broken": 1, "overdue": 1, "ticket": 2, "expected": 1, "escalation": 1, "evidence": 2, "clock": 1}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d %s marks, want %d (all: %v)", count[k], k, n, count)
		}
	}
	if d.Picture.Today <= d.Picture.PlotX0 || d.Picture.Today > d.Picture.PlotX1 {
		t.Errorf("today's line at %.1f", d.Picture.Today)
	}
	if len(d.Picture.Ticks) < 3 || d.Picture.Ticks[0].Day > 0 {
		t.Errorf("ticks %+v: want several, from the start", d.Picture.Ticks)
	}
}

// TestDossierHTMLIsSelfContainedAndMasked parses the dossier of each
// golden case, and of a case whose every text tries to inject markup: no
// script, no event handler, no resource from elsewhere (every src is a
// data: URI, no link or import), and no account reference in full
// unless revealed, also where the customer typed it into the problem.
func TestDossierHTMLIsSelfContainedAndMasked(t *testing.T) {
	hostile := `<script>alert(1)</script><img src="https://evil.example/x.png" onerror="alert(2)"><link rel=stylesheet href=//evil.example/a.css>`
	evil := refundBrokenPromise()
	evil.Title, evil.Company, evil.Problem = hostile, hostile, hostile+" order ORD-2026-114821"
	evil.Contacts[0].Summary, evil.Notes[0].Text, evil.Promises[0].Text = hostile, hostile, hostile
	cases := map[string]casefile.Full{"refund": refundBrokenPromise(), "damaged": damagedTwoTickets(), "hostile": evil}
	for name, f := range cases {
		in := dossierInput(f)
		in.Full.Evidence[1].Name = hostile
		page := renderDossier(t, in)
		for _, r := range f.Refs {
			if strings.Contains(page, r.Value) {
				t.Errorf("%s: the reference %q is in the dossier unmasked", name, r.Value)
			}
			if !strings.Contains(page, casefile.Mask(r.Value)) {
				t.Errorf("%s: the reference %q is not shown masked", name, r.Label)
			}
		}
		checkSelfContained(t, name, page)
		in.Reveal = true
		if page := renderDossier(t, in); !strings.Contains(page, f.Refs[0].Value) {
			t.Errorf("%s: --reveal does not show the reference", name)
		}
	}
}

func checkSelfContained(t *testing.T, name, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	images := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "link", "iframe", "object", "embed", "base", "meta":
				if n.Data != "meta" || attr(n, "http-equiv") != "" {
					t.Errorf("%s: a <%s> element in the dossier", name, n.Data)
				}
			case "img":
				images++
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(k, "on"):
					t.Errorf("%s: an event handler %s=%q", name, a.Key, a.Val)
				case k == "src" || k == "href" || k == "xlink:href" || k == "srcset" || k == "poster" || k == "action":
					if !strings.HasPrefix(a.Val, "data:image/") {
						t.Errorf("%s: <%s %s=%q> points outside the page", name, n.Data, a.Key, a.Val)
					}
				case k == "style" && strings.Contains(strings.ToLower(a.Val), "url("):
					t.Errorf("%s: a style loads %q", name, a.Val)
				}
			}
			if n.Data == "style" && n.FirstChild != nil {
				css := strings.ToLower(n.FirstChild.Data)
				if strings.Contains(css, "url(") || strings.Contains(css, "@import") {
					t.Errorf("%s: the stylesheet loads something", name)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if images != 1 {
		t.Errorf("%s: %d images, want the one photo's thumbnail", name, images)
	}
	if !bytes.Contains([]byte(page), []byte(casefile.SHA256Hex(gif))) {
		t.Errorf("%s: the photo's SHA-256 is not in the dossier", name)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
