package main

import (
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
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

// TestAccessiblePromptsInKorean: huh's own accessible prompts and
// complaints ("Enter a number between 1 and 3", "Invalid: …"), which no
// field option sets, reach a Korean user in Korean, numbers and all; in
// English they are huh's, unchanged.
func TestAccessiblePromptsInKorean(t *testing.T) {
	for _, tc := range []struct {
		lang      string
		want, not []string
	}{
		{"ko", []string{"1부터 3까지 번호를 입력하십시오: ", "잘못 입력했습니다. 1부터 3까지의 번호를 입력하십시오", "잘못 입력했습니다. y(예) 또는 n(아니요)으로 답하십시오"},
			[]string{"Enter a number", "Invalid", "invalid input"}},
		{"en", []string{"Enter a number between 1 and 3: ", "Invalid: must be a number between 1 and 3", "invalid input. please try again"}, nil},
	} {
		var stderr strings.Builder
		a := newApp(strings.NewReader("7\n2\nmaybe\ny\n"), io.Discard, &stderr, func(k string) string {
			if k == "ACCESSIBLE" {
				return "1"
			}
			return ""
		})
		a.lang = tc.lang
		choice, sure := "", false
		if err := a.runForm(huh.NewSelect[string]().Options(huh.NewOptions("a", "b", "c")...).Value(&choice),
			huh.NewConfirm().Value(&sure)); err != nil {
			t.Fatal(err)
		}
		if choice != "b" || !sure {
			t.Errorf("%s: answers %q, %v", tc.lang, choice, sure)
		}
		for _, s := range tc.want {
			if !strings.Contains(stderr.String(), s) {
				t.Errorf("%s: no %q in:\n%s", tc.lang, s, stderr.String())
			}
		}
		for _, s := range tc.not {
			if strings.Contains(stderr.String(), s) {
				t.Errorf("%s: %q left in English:\n%s", tc.lang, s, stderr.String())
			}
		}
	}
}
