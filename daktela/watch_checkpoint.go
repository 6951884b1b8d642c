package daktela

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// checkpointVersion is the format of the checkpoint files Watch writes.
const checkpointVersion = 1

// checkpointState is what a checkpoint file holds.
type checkpointState struct {
	Version int    `json:"version"`
	Model   string `json:"model"`
	Field   string `json:"field"`
	// Floor is where the first run started: nothing stamped before it is delivered.
	Floor string `json:"floor"`
	// Cursor is the newest stamp delivered (the start, before any).
	Cursor string `json:"cursor"`
	// Seen holds, for the records delivered within the overlap behind the cursor, the
	// stamp each was delivered with: reading them again, the watch leaves them out.
	Seen map[string]string `json:"seen"`
}

// checkpoint is a watch's position, kept in a file when it has a path.
type checkpoint struct {
	path string
	st   checkpointState
}

// loadCheckpoint reads the checkpoint at path (none yet: a fresh position); a file of
// another watch (another model or field) or one that is not a checkpoint is refused.
func loadCheckpoint(path, model, field string) (*checkpoint, error) {
	cp := &checkpoint{path: path, st: checkpointState{Version: checkpointVersion, Model: model, Field: field, Seen: map[string]string{}}}
	if path == "" {
		return cp, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cp, nil
	}
	if err != nil {
		return nil, fmt.Errorf("daktela: Watch: reading the checkpoint: %w", err)
	}
	var st checkpointState
	if err := json.Unmarshal(b, &st); err != nil || st.Version == 0 || st.Cursor == "" {
		return nil, fmt.Errorf("daktela: Watch: %s is not a watch checkpoint (remove it to start afresh)", path)
	}
	if st.Version != checkpointVersion {
		return nil, fmt.Errorf("daktela: Watch: the checkpoint %s has format %d; this version reads %d", path, st.Version, checkpointVersion)
	}
	if st.Model != model || st.Field != field {
		return nil, fmt.Errorf("daktela: Watch: the checkpoint %s is of a watch of %s by %s, not of %s by %s (use another file)",
			path, st.Model, st.Field, model, field)
	}
	if st.Seen == nil {
		st.Seen = map[string]string{}
	}
	cp.st = st
	return cp, nil
}

// delivered records that the record name stamped stamp was handled: the cursor moves
// up to it, and what falls out of the overlap behind the cursor is forgotten.
func (cp *checkpoint) delivered(name, stamp string, overlap time.Duration) {
	if prev, ok := cp.st.Seen[name]; !ok || stamp > prev {
		cp.st.Seen[name] = stamp
	}
	if stamp <= cp.st.Cursor {
		return
	}
	cp.st.Cursor = stamp
	at, err := parseStamp(stamp)
	if err != nil {
		return
	}
	edge := at.Add(-overlap).Format(stampLayout)
	for n, s := range cp.st.Seen {
		if s < edge {
			delete(cp.st.Seen, n)
		}
	}
}

// save writes the checkpoint atomically: a new file in the same directory, renamed
// over the old one, so a crash leaves the old position or the new, never a torn file.
func (cp *checkpoint) save() error {
	if cp.path == "" {
		return nil
	}
	b, err := json.Marshal(&cp.st)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(cp.path), "."+filepath.Base(cp.path)+".*")
	if err != nil {
		return fmt.Errorf("daktela: Watch: saving the checkpoint: %w", err)
	}
	_, werr := f.Write(append(b, '\n'))
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), cp.path)
	}
	if werr != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("daktela: Watch: saving the checkpoint: %w", werr)
	}
	return nil
}
