//go:build race

package reliability_test

// raceSlowdown is 1 in a test binary built with the race detector.
const raceSlowdown = 1
