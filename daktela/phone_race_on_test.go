//go:build race

package daktela

// phoneOracleStride: with the race detector, which makes the regular expressions of both
// implementations some twenty times slower, the oracle test compares every 25th corpus
// number; without it, all of them.
const phoneOracleStride = 25
