package daktela

// SetLanguage makes the client send lang (e.g. "cs" or "en-GB") as the Accept-Language
// header of every request, so that the server words its messages, and the titles it
// translates, in that language. "", the default, sends no header: the server uses the
// instance's or the user's own language.
func (a *ApiCommunicator) SetLanguage(lang string) {
	a.update(func(s *settings) { s.language = lang })
}

// Language returns the language set with SetLanguage ("" for none).
func (a *ApiCommunicator) Language() string { return a.snapshot().language }
