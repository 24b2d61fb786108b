package reminders

import (
	"strings"
	"testing"
	"time"

	"github.com/redress-cli/redress/casefile"
)

// TestClocksNameTheirSourceEvenWhenClosed: a Korean online purchase has
// its 7-day withdrawal clock with the statute named, and its return
// window without one; closing the case keeps them.
func TestClocksNameTheirSourceEvenWhenClosed(t *testing.T) {
	loc := time.UTC
	f := casefile.Full{Case: casefile.Case{ID: 4, Title: "t", Lang: "ko", Kind: casefile.KindRefund, Jurisdiction: casefile.JurisdictionKR,
		Status: casefile.StatusClosed, PurchaseDate: casefile.DateOnly(2026, 11, 2), ReturnWindowEnd: casefile.DateOnly(2026, 11, 30)}}
	cs := Clocks(f, loc)
	if len(cs) != 2 {
		t.Fatalf("clocks %+v, want withdrawal and return window", cs)
	}
	if cs[0].Rule != "kr-withdrawal" || cs[0].At != casefile.DateOnly(2026, 11, 9) || !strings.Contains(cs[0].Source, "전자상거래법 제17조") {
		t.Errorf("first clock %+v", cs[0])
	}
	if cs[1].Rule != RuleReturnEnd || cs[1].Source != "" {
		t.Errorf("second clock %+v", cs[1])
	}
}
