package main

import (
	"reflect"
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

// TestFormKeyHelpIsInTheLanguage: the help line under a Korean form
// (enter 다음, shift+tab 이전, …) has no English word left.
func TestFormKeyHelpIsInTheLanguage(t *testing.T) {
	km := keyMap("ko")
	n := 0
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if b, ok := f.Interface().(key.Binding); ok {
				if d := b.Help().Desc; d != "" {
					n++
					for _, r := range d {
						if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
							t.Errorf("%s: help %q is not Korean", v.Type().Field(i).Name, d)
							break
						}
					}
				}
			} else if f.Kind() == reflect.Struct {
				walk(f)
			}
		}
	}
	walk(reflect.ValueOf(km).Elem())
	if n < 10 {
		t.Fatalf("only %d bindings with help", n)
	}
	if got := keyMap("en").Input.Next.Help().Desc; got != "next" {
		t.Errorf("English help of next = %q", got)
	}
}
