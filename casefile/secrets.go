package casefile

import (
	"strings"
	"unicode"
)

// Labels that name a secret. redress never stores secrets: the prep
// checklist asks whether you have them at hand instead. A label is
// refused when one of its words is a secretWord or begins with a
// secretPrefix (PINcode, passwordhint) and is not an everyday word that
// happens to (pink, pine), or it contains a secretPhrase (words joined by
// one space) or a secretKorean term (Korean compounds are written without
// spaces: 보안카드번호).
var (
	secretPrefixes = []string{"pin", "password", "passcode", "passwd", "passphrase", "pwd", "otp", "cvv", "cvc"}
	notSecret      = map[string]bool{"pink": true, "pine": true, "pint": true, "pinch": true, "ping": true, "pinnacle": true,
		"pinpoint": true, "pinion": true, "pinball": true, "pinafore": true}
	secretWords = map[string]bool{"pin": true, "pins": true, "password": true, "passwords": true, "passcode": true,
		"passcodes": true, "passwd": true, "pwd": true, "pw": true, "passphrase": true, "cvv": true, "cvc": true,
		"otp": true, "totp": true, "secret": true, "secrets": true, "passkey": true}
	secretPhrases = []string{"security answer", "security question", "security code", "security number",
		"memorable word", "memorable information", "memorable date", "maiden name", "one time code",
		"one time password", "verification code", "access code", "login code", "auth code"}
	secretKorean = []string{"비밀번호", "비번", "암호", "보안카드", "보안 카드", "인증번호", "핀번호", "보안코드", "일회용"}
)

// secretLabel reports whether a reference label names a secret.
func secretLabel(label string) bool {
	lower := strings.ToLower(label)
	for _, k := range secretKorean {
		if strings.Contains(lower, k) {
			return true
		}
	}
	// Words are runs of letters: "PIN1234", "cvv-2", "online banking
	// login pw" all give their words.
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		if secretWords[w] {
			return true
		}
		for _, p := range secretPrefixes {
			if strings.HasPrefix(w, p) && !notSecret[w] {
				return true
			}
		}
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, p := range secretPhrases {
		if strings.Contains(joined, " "+p+" ") {
			return true
		}
	}
	return false
}
