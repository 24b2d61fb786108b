package prep

import (
	"strings"

	"github.com/redress-cli/redress/casefile"
)

// ContactFact is a contact as templates see it.
type ContactFact struct {
	ID               int64
	Channel, Rep, At string
}

// readbackData is what the "line" block of readback.tmpl renders.
type readbackData struct {
	Promises []PromiseFact
	Tickets  []TicketFact
	Rep      string
	// Remedy is what the customer asks for (LetterFacts.Remedy), read
	// back when the contact has no promise yet; "" leaves a blank.
	Remedy string
}

// Readback builds the read-back summary to say at the end of a contact, in
// the language of f (f.Lang): what the company will do and by when, the
// ticket numbers, and the rep's name, closing with a question — "To
// confirm: you will refund 49.90 EUR to my card by Fri 27 Nov 2026, ticket
// A-1234, and your name is Anna — is that right?".
//
// It reads back the pending promises and the tickets of one contact:
// contactID, or the latest contact when contactID is 0. When the case has
// no contact at all, it reads back every pending promise and every ticket.
// The rep is the contact's rep, else the name a read-back promise was
// made by. Whatever is missing (no promise, no ticket, no name) becomes a
// bracketed placeholder to fill in during the call, never a hole. It fails
// only for a contactID the case does not have.
//
// Readback is a pure function of f: call it again after adding a promise.
func Readback(f Facts, contactID int64) (string, error) {
	return readback(f, contactID, nil)
}

func readback(f Facts, contactID int64, ph *placeholders) (string, error) {
	return readbackOf(f, contactID, "", ph)
}

// readbackOf is readback with the customer's remedy to read back when
// the contact has no promise. A contact's promises are read back whatever
// became of them since (the read-back replays what was agreed); its
// tickets, else the case's latest ticket; its rep, else the name a promise
// was made by, else the last rep the case knows.
func readbackOf(f Facts, contactID int64, remedy string, ph *placeholders) (string, error) {
	d := readbackData{Remedy: remedy}
	all := len(f.ContactLog) == 0
	switch {
	case all && contactID != 0:
		return "", &casefile.NotFoundError{What: "contact", ID: contactID}
	case !all && contactID == 0:
		contactID = f.ContactLog[len(f.ContactLog)-1].ID
	}
	if !all {
		found := false
		for _, c := range f.ContactLog {
			if c.ID == contactID {
				found, d.Rep = true, c.Rep
			}
		}
		if !found {
			return "", &casefile.NotFoundError{What: "contact", ID: contactID}
		}
	}
	if all {
		d.Promises = append(d.Promises, f.Pending...)
	} else {
		for _, p := range f.Promises {
			if p.ContactID == contactID && p.Status != string(casefile.PromiseCancelled) {
				d.Promises = append(d.Promises, p)
			}
		}
	}
	for _, p := range d.Promises {
		if d.Rep == "" {
			d.Rep = p.By
		}
	}
	for _, t := range f.Tickets {
		if all || t.ContactID == contactID {
			d.Tickets = append(d.Tickets, t)
		}
	}
	if len(d.Tickets) == 0 && len(f.Tickets) > 0 {
		d.Tickets = f.Tickets[len(f.Tickets)-1:]
	}
	if d.Rep == "" && !all {
		for _, c := range f.ContactLog {
			if c.Rep != "" {
				d.Rep = c.Rep
			}
		}
	}
	out, err := execute(f.Lang, "readback", "line", d, ph)
	return strings.TrimSpace(out), err
}
