package docs

import (
	"os"
	"strings"
	"testing"
)

// The CLI withholds DAKTELA_TOKEN from process.env; every page that describes a script's
// environment says so, and none promises the whole environment.
func TestDocsSayTheTokenIsWithheld(t *testing.T) {
	for _, path := range []string{"cli.md", "js-api.md"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.Contains(s, "withholds `DAKTELA_TOKEN`") && !strings.Contains(s, "without `DAKTELA_TOKEN`") {
			t.Errorf("%s does not say that DAKTELA_TOKEN is withheld from scripts", path)
		}
		if strings.Contains(s, "the whole environment") {
			t.Errorf("%s promises scripts the whole environment", path)
		}
	}
}
