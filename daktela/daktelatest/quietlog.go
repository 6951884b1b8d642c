package daktelatest

import (
	"io"
	"log"
)

// quietLog discards net/http's own log lines: dropped connections are what fault
// injection is for, not news.
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }
