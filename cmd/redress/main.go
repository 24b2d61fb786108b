// Command redress is a command-line assistant for the customer's side of a
// complaint: prepare the call, log it, follow up, escalate.
package main

import (
	"os"

	_ "time/tzdata" // TZ names work even on a machine without zoneinfo
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
