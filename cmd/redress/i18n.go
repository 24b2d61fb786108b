package main

import "github.com/redress-cli/redress/prep/text"

// The commands' words are the catalog "messages" of the words package
// (prep/text/<lang>/messages.txt): short labels, confirmations, errors and
// hints, form labels, and the names of kinds, statuses and jurisdictions.
// Longer texts (call sheets, scripts, letters) are templates beside them.

func msg(lang, key string) string { return text.Msg(lang, key) }

func msgf(lang, key string, args ...any) string { return text.Msgf(lang, key, args...) }

// count is n with its noun in the right number ("1 ticket", "3 tickets").
func count(lang, key string, n int) string { return text.Count(lang, key, n) }

// countf is count with more verbs to fill than the number.
func countf(lang, key string, n int, args ...any) string {
	return text.Countf(lang, key, n, args...)
}
