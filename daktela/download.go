package daktela

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// DownloadOptions tune [Client.DownloadRecording] and [Client.DownloadFile].
type DownloadOptions struct {
	// SkipExisting leaves a file that is already under the final name as it is: nothing
	// is fetched (for a directory target, only the answer's headers, to learn the name).
	// A file under the final name is always complete, since a download writes to
	// path + ".part" and renames it only once every byte arrived.
	SkipExisting bool
}

// Download is what a download did.
type Download struct {
	Path        string `json:"path"`        // the file written (or skipped)
	Bytes       int64  `json:"bytes"`       // its size
	SHA256      string `json:"sha256"`      // lowercase hex SHA-256 of the file on disk
	ContentType string `json:"contentType"` // as the server sent it ("" when it sent none, or for a skipped file)
	Skipped     bool   `json:"skipped"`     // SkipExisting found the file already there
}

// ErrNotAFile is wrapped by the error of a download whose 2xx answer is a web page, not
// the file: a recording answered with HTML or JSON (a real instance answers an invalid
// or expired token with its sign-in page and status 200), or an attachment answered
// with an HTML page that is not offered as a download. Nothing is saved.
var ErrNotAFile = errors.New("the server answered a web page, not the file (is the token valid?)")

// DownloadRecording saves the call recording of the call activity named activity (an
// "activities" record's name) to path: GET /file/recording/{activity}, with the token in
// the accessToken query parameter whatever the authentication method, as the recording
// URLs of real instances take it (the token never appears in a log entry, an error or a
// file name).
//
// The answer is streamed to path + ".part", synced to disk and renamed to path once
// complete, so memory stays constant whatever the size and nothing half-written is ever
// under path: after an error or a cancelled ctx the ".part" file is removed. path may
// be an existing directory or end in a slash: the file then takes the name the server
// gives (Content-Disposition), cleaned of directories and odd characters, or the
// activity's name with an extension for the content type.
//
// It is retried as reads are (RetryConfig, 429 waits): a broken-off answer is resumed
// where it stopped when the server takes ranges, and started over otherwise. An answer
// that is not audio (an HTML sign-in page with status 200) fails with [ErrNotAFile]; an
// activity without a recording with a [*NotFoundError].
func (c *Client) DownloadRecording(ctx context.Context, activity, path string, opts DownloadOptions) (*Download, error) {
	if strings.TrimSpace(activity) == "" {
		return nil, argError("downloadRecording", "activity", activity, "the name of a call activity")
	}
	return c.download(ctx, fileRequest{
		method:   http.MethodGet,
		path:     "file/recording/" + url.PathEscape(activity),
		fallback: activity,
		audio:    true,
	}, path, opts)
}

// mapperPattern is what a download.php mapper looks like (activitiesEmail, ...).
var mapperPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

// DownloadFile saves an attachment to path: POST /file/download.php?mapper=...&name=...
// (mapper is the kind of activity the file belongs to: activitiesEmail,
// activitiesComment, activitiesWeb, activitiesFbm, activitiesWap or activitiesVbr; name
// is the file's id, the "file" field of an attachment record). The token travels in the
// accessToken query parameter, as for recordings. Everything else is as for
// [Client.DownloadRecording]; the fallback file name of a directory target is
// "<mapper>-<name>".
func (c *Client) DownloadFile(ctx context.Context, mapper, name, path string, opts DownloadOptions) (*Download, error) {
	if !mapperPattern.MatchString(mapper) {
		return nil, argError("downloadFile", "mapper", mapper, "the kind of activity the file belongs to, e.g. activitiesEmail or activitiesComment")
	}
	if strings.TrimSpace(name) == "" {
		return nil, argError("downloadFile", "name", name, "the file's id (an attachment's \"file\" field)")
	}
	q := "mapper=" + url.QueryEscape(mapper) + "&name=" + url.QueryEscape(name) + "&download=1&fullsize=1"
	return c.download(ctx, fileRequest{
		method:   http.MethodPost,
		path:     "file/download.php",
		query:    q,
		fallback: mapper + "-" + name,
	}, path, opts)
}

// fileRequest is a request to one of the file endpoints outside /api/v6/.
type fileRequest struct {
	method   string
	path     string // below the instance URL, e.g. "file/recording/activities_1"
	query    string // without the token
	fallback string // the file name of a directory target when the server gives none
	audio    bool   // the answer must be audio (a recording)
}

// shown is how the request appears in logs and errors: the path from the instance's
// root with the query, never the token.
func (f fileRequest) shown() string {
	s := "/" + f.path
	if f.query != "" {
		s += "?" + f.query
	}
	return s
}

// fileURL returns the request's URL with token in the accessToken query parameter, and
// the same URL with the token replaced.
func (c *Client) fileURL(f fileRequest, token string) (full, safe string) {
	base := c.baseURL + "/" + f.path
	sep := "?"
	if f.query != "" {
		base += "?" + f.query
		sep = "&"
	}
	if token == "" {
		return base, base
	}
	return base + sep + "accessToken=" + url.QueryEscape(token), base + sep + "accessToken=" + redacted
}
