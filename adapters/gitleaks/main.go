// Conformance adapter for gitleaks' PyPI rule (adapter protocol version 1, spec/adapter-protocol.md).
//
// Answers `detect` only (ADAPT-14): each request's text goes through gitleaks' own detector,
// built from gitleaks' default configuration (its global allowlist included) with one rule kept,
// "pypi-upload-token". Every finding's Secret is reported exactly as gitleaks reports it. The rule
// names no index, so findings carry none (DETECT-5). Built by scripts/setup-adapters.sh:
//
//	adapters/gitleaks/bin/adapter
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
)

const rule = "pypi-upload-token"

type request struct {
	ID   any     `json:"id"`
	Op   string  `json:"op"`
	Text *string `json:"text"`
}

type finding struct {
	Match string `json:"match"`
}

func newDetector() (*detect.Detector, error) {
	d, err := detect.NewDetectorDefaultConfig()
	if err != nil {
		return nil, err
	}
	r, ok := d.Config.Rules[rule]
	if !ok {
		return nil, fmt.Errorf("gitleaks' default configuration has no rule %q", rule)
	}
	d.Config.Rules = map[string]config.Rule{rule: r}
	d.Config.OrderedRules = []string{rule}
	return d, nil
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/zricethezav/gitleaks/v8" {
				return dep.Version[1:]
			}
		}
	}
	return "unknown"
}

func answer(d *detect.Detector, line []byte) map[string]any {
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return map[string]any{"id": nil, "ok": false, "error": map[string]string{"code": "bad_request", "message": err.Error()}}
	}
	switch req.ID.(type) {
	case float64, string:
	default:
		return map[string]any{"id": nil, "ok": false, "error": map[string]string{"code": "bad_request", "message": "a request has a number or string id"}}
	}
	switch {
	case req.Op == "hello":
		return map[string]any{"id": req.ID, "ok": true, "protocol": 1, "implementation": map[string]string{"name": "gitleaks", "version": version()}, "ops": []string{"hello", "detect"}}
	case req.Op != "detect":
		return map[string]any{"id": req.ID, "ok": false, "error": map[string]string{"code": "unsupported", "message": "gitleaks only detects; it cannot " + req.Op}}
	case req.Text == nil:
		return map[string]any{"id": req.ID, "ok": false, "error": map[string]string{"code": "bad_request", "message": "member 'text' must be a string"}}
	}
	findings := []finding{}
	for _, f := range d.DetectString(*req.Text) {
		findings = append(findings, finding{Match: f.Secret})
	}
	return map[string]any{"id": req.ID, "ok": true, "findings": findings}
}

func main() {
	d, err := newDetector()
	if err != nil {
		fmt.Fprintln(os.Stderr, "adapters/gitleaks:", err)
		os.Exit(1)
	}
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriter(os.Stdout)
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 && len(bytesTrim(line)) > 0 {
			reply, _ := json.Marshal(answer(d, line))
			out.Write(append(reply, '\n'))
		}
		if in.Buffered() == 0 || err != nil {
			out.Flush() // nothing more to read right now: never leave the harness waiting (ADAPT-3)
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "adapters/gitleaks:", err)
			os.Exit(1)
		}
	}
}

func bytesTrim(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
