// Package reply reads a company's answer to a complaint (pasted text, a
// chat transcript or a saved e-mail), grades it against what a good
// answer contains, picks out what it promises (dates, ticket numbers,
// amounts, the sender's name) and drafts the customer's answer. Everything
// is a pure function of the text, the case and a clock; the patterns and
// the wording are per language under prep/text/<lang>/.
package reply

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // EUC-KR, ISO-2022-KR, Latin-1, … in bodies and headers
	"github.com/emersion/go-message/mail"
	"golang.org/x/text/encoding/korean"

	"github.com/redress-cli/redress/casefile"
	"github.com/redress-cli/redress/internal/lazyre"
)

// MaxSize is the largest reply read, in bytes. A company's answer is a
// few kilobytes; a saved mail with its HTML and inline logo is well under
// this. Anything bigger is not a reply.
const MaxSize = 5 << 20

// Errors for input that is not a reply; the command turns them into
// messages in the user's language.
var (
	ErrEmpty    error = casefile.NewMessage("reply_empty")
	ErrBinary   error = casefile.NewMessage("reply_binary")
	ErrTooBig   error = casefile.NewMessage("reply_too_big", MaxSize>>20)
	ErrNoText   error = casefile.NewMessage("reply_no_text")
	ErrBadMail  error = casefile.NewMessage("reply_bad_mail")
	errNotEmail       = errors.New("not a mail")
)

// Form is how the reply came.
type Form string

const (
	FormMail Form = "email"
	FormChat Form = "chat"
	FormText Form = "text"
)

// Message is a reply reduced to what grading needs.
type Message struct {
	Form     Form
	From     string    // the sender's display name ("" when none)
	FromAddr string    // the sender's address, for mail
	Subject  string    // the mail's subject
	Date     time.Time // the mail's Date header; zero when there is none
	Text     string    // the body as plain UTF-8 text
}

// Read reads a reply of at most MaxSize bytes: a mail (RFC 5322, MIME,
// any transfer encoding and charset the mail library knows), else plain
// text or a chat transcript in UTF-8 or EUC-KR.
func Read(r io.Reader) (Message, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return Message{}, err
	}
	if len(data) > MaxSize {
		return Message{}, ErrTooBig
	}
	return Parse(data)
}

// Parse is Read over bytes already in memory.
func Parse(data []byte) (Message, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return Message{}, ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return Message{}, ErrBinary
	}
	if looksLikeMail(data) {
		m, err := parseMail(data)
		if err != errNotEmail {
			return m, err
		}
	}
	text, err := decodeText(data)
	if err != nil {
		return Message{}, err
	}
	text = normalize(text)
	if strings.TrimSpace(text) == "" {
		return Message{}, ErrEmpty
	}
	return Message{Form: FormText, Text: text}, nil
}

// decodeText reads text in UTF-8, or else in EUC-KR (what Korean Windows
// saves); what is neither, or is full of control characters, is binary.
func decodeText(data []byte) (string, error) {
	s := string(data)
	if !utf8.Valid(data) {
		b, err := korean.EUCKR.NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(b) || bytes.ContainsRune(b, utf8.RuneError) {
			return "", ErrBinary
		}
		s = string(b)
	}
	controls, total := 0, 0
	for _, r := range s {
		total++
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			controls++
		}
	}
	if controls*4 > total { // more than a quarter: not text someone wrote
		return "", ErrBinary
	}
	return s, nil
}

// headerLine is a header field at the start of a line; mailHeaders are the
// names that make a block of them a mail rather than "Support: ..." in a
// chat transcript.
var (
	headerLine  = lazyre.New(`^[A-Za-z][A-Za-z0-9-]*:`)
	mailHeaders = map[string]bool{"from": true, "to": true, "date": true, "subject": true, "mime-version": true,
		"received": true, "return-path": true, "content-type": true, "message-id": true, "delivered-to": true, "reply-to": true}
)

func looksLikeMail(data []byte) bool {
	known := 0
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			continue // a folded header
		}
		if !headerLine().MatchString(line) {
			return false
		}
		if mailHeaders[strings.ToLower(line[:strings.IndexByte(line, ':')])] {
			known++
		}
		if i > 200 {
			break
		}
	}
	return known >= 2
}

func parseMail(data []byte) (Message, error) {
	e, err := message.Read(bytes.NewReader(data))
	if err != nil && !message.IsUnknownCharset(err) {
		if e == nil {
			return Message{}, errNotEmail
		}
	}
	mr := mail.NewReader(e)
	m := Message{Form: FormMail}
	if d, err := mr.Header.Date(); err == nil {
		m.Date = d
	}
	m.Subject, _ = mr.Header.Subject()
	if from, err := mr.Header.AddressList("From"); err == nil && len(from) > 0 {
		m.From, m.FromAddr = strings.TrimSpace(from[0].Name), from[0].Address
	}
	var plain, html string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil && !message.IsUnknownCharset(err) {
			if plain != "" || html != "" {
				break // a broken trailing part: keep what was read
			}
			return Message{}, ErrBadMail
		}
		h, ok := p.Header.(*mail.InlineHeader)
		if !ok {
			continue
		}
		t, _, _ := h.ContentType()
		if t == "" {
			t = "text/plain"
		}
		if t != "text/plain" && t != "text/html" {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(p.Body, MaxSize))
		if err != nil {
			return Message{}, ErrBadMail
		}
		s, err := decodeText(b)
		if err != nil {
			continue
		}
		switch {
		case t == "text/plain" && plain == "" && strings.TrimSpace(s) != "":
			plain = s
		case t == "text/html" && html == "":
			html = s
		}
	}
	switch {
	case plain != "":
		m.Text = normalize(plain)
	case html != "":
		m.Text = normalize(HTMLText(html))
	}
	if strings.TrimSpace(m.Text) == "" {
		return Message{}, ErrNoText
	}
	return m, nil
}

// normalize turns CRLF and CR into LF, non-breaking and other odd spaces
// into plain ones, and trims each line.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.Map(func(r rune) rune {
			if r == '\u00a0' || r == '\u3000' || r == '\t' {
				return ' '
			}
			if r == '\u200b' || r == '\ufeff' {
				return -1
			}
			return r
		}, l)
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
