package casefile

import (
	"strconv"
	"strings"
)

// ParseAccountRef reads an account reference typed as "LABEL=VALUE"
// ("order number=ORD-2026-114821"). Both sides must say something.
func ParseAccountRef(s string) (AccountRef, error) {
	label, value, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(label) == "" || strings.TrimSpace(value) == "" {
		return AccountRef{}, &InvalidError{Field: "account", Problem: "not-label-value", Args: []any{s}, Allowed: "order number=ORD-2026-114821"}
	}
	return AccountRef{Label: label, Value: value}, nil
}

// ParseCount reads a whole number of days or months from 0 to max, as a
// form field gives it; empty text is 0 (not given).
func ParseCount(field, s string, max int) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > max {
		return 0, &CountError{Field: field, Input: s, Max: max}
	}
	return n, nil
}

// CountError is a count of days or months that is not a whole number in
// range ("thirty", "-3").
type CountError struct {
	Field, Input string
	Max          int
}

func (e *CountError) Error() string {
	return Say("err_count", e.Field, e.Input, e.Max)
}
