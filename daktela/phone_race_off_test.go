//go:build !race

package daktela

// phoneOracleStride: without the race detector the oracle test compares every corpus
// number (see phone_race_on_test.go).
const phoneOracleStride = 1
