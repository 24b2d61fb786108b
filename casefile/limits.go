package casefile

import (
	"fmt"
	"reflect"
	"strings"
)

// Limits on what one value may hold, so a pasted file or a hostile import
// cannot make every later command slow and huge (a 200 MB title used to
// import, and then took 1.6 GB to list).
const (
	// MaxText is the longest short field: a title, a name, a ticket number.
	MaxText = 64 << 10
	// MaxLongText is the longest note, summary, problem or promise text.
	MaxLongText = 1 << 20
	// MaxImport is the largest export document import reads.
	MaxImport = 512 << 20
)

// maxImport is MaxImport; tests lower it.
var maxImport = MaxImport

// longFields are the JSON names of the fields that may hold MaxLongText.
var longFields = map[string]bool{"text": true, "summary": true, "problem": true, "outcome": true,
	"fallback": true, "final_outcome": true, "policy_docs": true}

// checkLimits refuses a string field of v (a struct, walked through its
// slices, maps and pointers) longer than its limit, naming the field.
func checkLimits(v any) error {
	return walkLimits(reflect.ValueOf(v), "")
}

func walkLimits(v reflect.Value, name string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return walkLimits(v.Elem(), name)
	case reflect.String:
		max := MaxText
		if longFields[name] {
			max = MaxLongText
		}
		if v.Len() > max {
			return &InvalidError{Field: strings.ReplaceAll(name, "_", "-"),
				Problem: "too-long", Args: []any{size(v.Len()), size(max)}}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			n, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if n == "-" {
				continue
			}
			if n == "" {
				n = name // embedded struct: its fields keep their names
			}
			if err := walkLimits(v.Field(i), n); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // bytes (evidence content): limited where they are read
		}
		for i := range v.Len() {
			if err := walkLimits(v.Index(i), name); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if err := walkLimits(it.Key(), name); err != nil {
				return err
			}
			if err := walkLimits(it.Value(), name); err != nil {
				return err
			}
		}
	}
	return nil
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)>>10)
}
