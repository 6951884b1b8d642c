//go:build !race

package reliability_test

// raceSlowdown is 0 in a test binary built without the race detector.
const raceSlowdown = 0
