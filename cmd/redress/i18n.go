package main

import "github.com/redress-cli/redress/prep/text"

// The commands' words are the catalog "messages" of the words package
// (prep/text/<lang>/messages.txt): short labels, confirmations, errors and
// hints, form labels, and the names of kinds, statuses and jurisdictions.
// Longer texts (call sheets, scripts, letters) are templates beside them.

func msg(lang, key string) string { return text.Msg(lang, key) }

func msgf(lang, key string, args ...any) string { return text.Msgf(lang, key, args...) }
