package daktelatest

import (
	"encoding/binary"
	"math"
)

// The fake's recordings are WAV files: 8 kHz, 8-bit unsigned PCM, mono (telephone
// quality), so a recording of n seconds is 44 + 8000·n bytes. The samples are a tone
// whose pitch and loudness a seed chooses, repeated every wavPeriod bytes: the same
// recording always has the same bytes, and a player plays it.
const (
	wavHeaderSize = 44
	wavRate       = 8000 // samples (= bytes) per second
	wavPeriod     = 4000 // bytes after which the samples repeat (half a second)
)

// MinRecordingSize is the smallest Options.RecordingSize: a WAV header.
const MinRecordingSize = wavHeaderSize

// wavHeader returns the 44-byte header of a WAV file of size bytes in all.
func wavHeader(size int64) []byte {
	data := uint32(min(size-wavHeaderSize, math.MaxUint32-36))
	b := make([]byte, 0, wavHeaderSize)
	b = append(b, "RIFF"...)
	b = binary.LittleEndian.AppendUint32(b, data+36)
	b = append(b, "WAVEfmt "...)
	b = binary.LittleEndian.AppendUint32(b, 16) // fmt chunk size
	b = binary.LittleEndian.AppendUint16(b, 1)  // PCM
	b = binary.LittleEndian.AppendUint16(b, 1)  // mono
	b = binary.LittleEndian.AppendUint32(b, wavRate)
	b = binary.LittleEndian.AppendUint32(b, wavRate) // bytes per second
	b = binary.LittleEndian.AppendUint16(b, 1)       // block align
	b = binary.LittleEndian.AppendUint16(b, 8)       // bits per sample
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, data)
	return b
}

// wavFill returns the generator of a WAV file of size bytes whose tone seed chooses.
func wavFill(size int64, seed uint64) func(off int64, p []byte) {
	head := wavHeader(size)
	period := make([]byte, wavPeriod)
	// A tone of 200 to 600 Hz (a whole number of cycles per period) and a slow swell.
	cycles := 100 + float64(seed%200)
	amp := 40 + float64((seed>>8)%60)
	for i := range period {
		t := float64(i) / wavPeriod
		swell := 0.6 + 0.4*math.Sin(2*math.Pi*t)
		period[i] = byte(128 + amp*swell*math.Sin(2*math.Pi*cycles*t))
	}
	return func(off int64, p []byte) {
		for len(p) > 0 {
			if off < wavHeaderSize {
				n := copy(p, head[off:])
				p, off = p[n:], off+int64(n)
				continue
			}
			i := (off - wavHeaderSize) % wavPeriod
			n := copy(p, period[i:])
			p, off = p[n:], off+int64(n)
		}
	}
}
