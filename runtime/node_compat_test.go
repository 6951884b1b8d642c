package runtime_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestNodePrintsTheSame runs each corpus case marked "// @node" under Node and checks
// it prints the case's expected stdout, which TestCorpus checks dkscript prints: the
// scripts that use only Node's own APIs (crypto, assert, os, util.promisify, the web
// globals) behave as in Node. It is skipped only when node is not installed.
func TestNodePrintsTheSame(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	cases, err := loadCorpus(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cases {
		if !c.node {
			continue
		}
		n++
		t.Run(c.group+"/"+c.name, func(t *testing.T) {
			want, err := os.ReadFile(c.expectedPath(".stdout"))
			if err != nil {
				t.Fatal(err)
			}
			script, err := filepath.Abs(filepath.Join(corpusDir, c.rel))
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, script)
			cmd.Dir = t.TempDir()
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("node %s: %v\n%s", c.rel, err, stderr.String())
			}
			if got := stdout.String(); got != string(want) {
				t.Errorf("node prints for %s:\n%s\ndkscript (%s.stdout):\n%s", c.rel, got, c.name, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no corpus case is marked // @node")
	}
}
