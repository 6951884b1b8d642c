package daktela

// SetWatchPageSize lowers the records a watch asks for per request, so tests can make
// a poll take several pages.
func SetWatchPageSize(o *WatchOptions, n int) { o.pageSize = n }
