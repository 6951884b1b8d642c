package daktela

import (
	"mime"
	"path"
	"strings"
	"unicode"
)

// maxFileName is the longest file name (in bytes) a download takes from a server.
const maxFileName = 200

// serverFileName returns the cleaned file name of a Content-Disposition header ("" when
// it names none).
func serverFileName(disposition string) string {
	if disposition == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(disposition)
	if err != nil {
		return ""
	}
	return cleanFileName(params["filename"])
}

// cleanFileName makes a name from a server (or a record) safe as one file name in the
// target directory: only its last path element, without control characters, path
// separators or characters Windows forbids, no leading dots (no hidden files, no ".."),
// at most maxFileName bytes. It returns "" when nothing usable is left.
func cleanFileName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(name)
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == unicode.ReplacementChar, unicode.IsControl(r), strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.TrimLeft(strings.TrimSpace(b.String()), ".")
	s = strings.TrimRight(s, ". ")
	for len(s) > maxFileName {
		ext := path.Ext(s)
		if len(ext) > 16 {
			ext = ""
		}
		cut := maxFileName - len(ext)
		for cut > 0 && !utf8Start(s[cut]) {
			cut--
		}
		s = s[:cut] + ext
	}
	if s == "" || s == "_" {
		return ""
	}
	return s
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// knownExtensions are the extensions of the content types recordings and attachments
// come in (mime's table depends on the system, and lists several for some types).
var knownExtensions = map[string]string{
	"audio/wav": ".wav", "audio/x-wav": ".wav", "audio/wave": ".wav", "audio/vnd.wave": ".wav",
	"audio/mpeg": ".mp3", "audio/mp3": ".mp3", "audio/ogg": ".ogg", "audio/opus": ".opus",
	"audio/mp4": ".m4a", "audio/aac": ".aac", "audio/webm": ".weba", "audio/flac": ".flac",
	"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
	"text/plain": ".txt", "text/csv": ".csv", "text/html": ".html", "application/zip": ".zip",
	"application/json": ".json", "application/xml": ".xml", "text/xml": ".xml",
}

// extensionFor returns the file extension for a content type ("" when unknown).
func extensionFor(ctype string) string {
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return ""
	}
	if ext, ok := knownExtensions[mt]; ok {
		return ext
	}
	if exts, _ := mime.ExtensionsByType(mt); len(exts) == 1 {
		return exts[0]
	}
	return ""
}
