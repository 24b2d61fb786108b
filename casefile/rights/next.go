package rights

import (
	"slices"

	"github.com/redress-cli/redress/casefile"
)

// Issuer and Bank are the next steps of a card payment and of a bank
// debit: the customer's own card issuer or bank, who is not a body of the
// table but whom the statutes (s. 75, the FCBA, Regulation E, the Direct
// Debit Guarantee) make answer for the merchant.
const (
	NextIssuer = "card-issuer"
	NextBank   = "bank"
)

// Next is where a case goes if the company does not put it right by the
// date a letter asks for: a body of the table, or the customer's card
// issuer or bank, with the statute that gives that step its force.
type Next struct {
	ID      string  // a body id, NextIssuer or NextBank; "" when the table has none
	Body    Body    // the body, when ID names one
	Statute Statute // the statute behind the step, if one applies
}

// NextStep is the next step for a case, from its jurisdiction, sector and
// kind, in this order: a card payment goes to the card issuer (the card
// company's instalment defence in Korea) and a bank debit to the bank;
// then the sector's ombudsman (a UK bank, energy or telecoms firm); then a
// body limited to the case's sector (Korean telecoms mediation, the CFPB
// for a financial product, the UK small claims track for goods and
// services); then the first general body that resolves cases (the Korea
// Consumer Agency, a US state attorney general, the national consumer
// authority in the EU). A body that only takes reports (the FTC) is never
// the next step.
func NextStep(f casefile.Full) Next {
	t := For(f.Jurisdiction)
	if t == nil {
		return Next{}
	}
	sector := Sector(f.Case)
	statute := func(sectors ...casefile.Sector) Statute {
		for _, s := range Statutes(f) {
			for _, sec := range sectors {
				if slices.Contains(s.Sectors, sec) {
					return s
				}
			}
		}
		return Statute{}
	}
	switch sector {
	case casefile.SectorCard:
		if b, ok := t.Body("card-company"); ok {
			if st := statute(casefile.SectorCard); st.ID != "" {
				return Next{ID: b.ID, Body: b, Statute: st}
			}
		}
		return Next{ID: NextIssuer, Statute: statute(casefile.SectorCard)}
	case casefile.SectorBankDebit:
		return Next{ID: NextBank, Statute: statute(casefile.SectorBankDebit)}
	}
	if b, ok := Ombudsman(f); ok {
		return Next{ID: b.ID, Body: b}
	}
	if sector != "" {
		for _, b := range t.Bodies {
			if len(b.Sectors) > 0 && !b.ReportOnly && b.Applies(sector) && b.ID != "card-company" {
				return Next{ID: b.ID, Body: b}
			}
		}
	}
	// The general bodies: the one that resolves cases comes first where
	// the table lists a counselling line or a cross-border centre before it.
	var general []Body
	for _, b := range t.Bodies {
		if len(b.Sectors) == 0 && !b.ReportOnly {
			general = append(general, b)
		}
	}
	for _, prefer := range []string{"kca", "national-authority"} {
		for _, b := range general {
			if b.ID == prefer {
				return Next{ID: b.ID, Body: b}
			}
		}
	}
	if len(general) > 0 {
		return Next{ID: general[0].ID, Body: general[0]}
	}
	return Next{}
}
