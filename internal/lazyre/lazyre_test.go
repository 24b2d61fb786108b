package lazyre

import "testing"

func TestNewCompilesOnceOnFirstUse(t *testing.T) {
	re := New(`a+b`)
	if !re().MatchString("xaab") || re().MatchString("b") {
		t.Fatal("the expression does not match as compiled")
	}
	if re() != re() {
		t.Fatal("compiled again on the second call")
	}
	bad := New(`(`) // no panic until used
	defer func() {
		if recover() == nil {
			t.Fatal("an invalid expression did not panic on first use")
		}
	}()
	bad()
}
