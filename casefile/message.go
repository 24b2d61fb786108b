package casefile

import "fmt"

// A Message is an error in the catalog's words: Key names a message of
// prep/text/<lang>/messages.txt and Args fill its verbs. The commands
// print it in the user's language; its Error() is the English message,
// rendered by the words room (Say), so no English sentence lives here.
type Message struct {
	Key  string
	Args []any
}

// NewMessage is the error of catalog message key, filled with args.
func NewMessage(key string, args ...any) *Message { return &Message{Key: key, Args: args} }

func (m *Message) Error() string { return Say(m.Key, m.Args...) }

// Say renders a catalog message in English, for Error(). The words room
// (prep/text) sets it when it is loaded, as every command does; until then
// (a test of this package alone) a message reads as its key and arguments.
var Say = func(key string, args ...any) string {
	if len(args) == 0 {
		return key
	}
	return key + fmt.Sprint(append([]any{" "}, args...)...)
}
