package prep

import "github.com/redress-cli/redress/casefile"

// SupervisorDue reports whether the call log should offer the line that
// asks for a supervisor, under the trigger chosen in prep (tip 6): after
// one refusal, after two (also when no trigger was chosen), or as soon as
// a promise comes without a date.
func SupervisorDue(trigger string, refusals int, undatedPromise bool) bool {
	switch trigger {
	case casefile.TriggerRefusedOnce:
		return refusals >= 1
	case casefile.TriggerNoDate:
		return undatedPromise
	case casefile.TriggerRefusedTwice, "":
		return refusals >= 2
	}
	return false
}
