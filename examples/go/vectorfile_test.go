package pypitoken

// Reading the vector files with encoding/json: the fields a consumer needs (spec/vector-format.md,
// "consume the vectors"), and comparing a decoded token (ADAPT-9) with this package's own.

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var vectorsDir = filepath.Join("..", "..", "vectors")

type vector struct {
	ID       string          `json:"id"`
	Op       string          `json:"op"`
	Input    json.RawMessage `json:"input"`
	Decoded  json.RawMessage `json:"decoded"`
	Chain    *chain          `json:"chain"`
	Expected expected        `json:"expected"`
}

type chain struct {
	DerivedKey string   `json:"derived_key"`
	Signatures []string `json:"signatures"`
}

type expected struct {
	Result            string            `json:"result"`
	Reason            string            `json:"reason"`
	AcceptableReasons []string          `json:"acceptable_reasons"`
	Failures          []failure         `json:"failures"`
	Token             json.RawMessage   `json:"token"`
	Caveats           []json.RawMessage `json:"caveats"`
	Index             string            `json:"index"`
}

type failure struct {
	Index  *int   `json:"index"`
	Reason string `json:"reason"`
}

// parts is a token as an inspector reports it (ADAPT-9); byte fields are a string or {"hex"}.
type parts struct {
	Prefix     string            `json:"prefix"`
	Location   json.RawMessage   `json:"location"`
	Identifier json.RawMessage   `json:"identifier"`
	Caveats    []json.RawMessage `json:"caveats"`
	Signature  string            `json:"signature"`
}

func decodeStrict(data []byte, into any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return d.Decode(into)
}

// loadVectors reads every vector file (not the manifest index.json, not candidates/).
func loadVectors(t *testing.T) []vector {
	var all []vector
	err := filepath.WalkDir(vectorsDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "candidates" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".json") || path == filepath.Join(vectorsDir, "index.json") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var file struct{ Vectors []vector }
		if err := json.Unmarshal(data, &file); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		all = append(all, file.Vectors...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		NumberOfVectors int `json:"number_of_vectors"`
	}
	data, err := os.ReadFile(filepath.Join(vectorsDir, "index.json"))
	if err != nil || json.Unmarshal(data, &manifest) != nil || manifest.NumberOfVectors != len(all) {
		t.Fatalf("read %d vectors; the manifest says %d (%v)", len(all), manifest.NumberOfVectors, err)
	}
	return all
}

// allowed is the expected reason and every acceptable other one (VEC-3).
func (e expected) allowed(reason string) bool {
	return reason == e.Reason || slices.Contains(e.AcceptableReasons, reason)
}

// bytesOf reads a string or {"hex": ...} (ADAPT-9) as bytes; null as nil.
func bytesOf(t *testing.T, raw json.RawMessage) []byte {
	if raw == nil || string(raw) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []byte(s)
	}
	var h struct{ Hex string }
	mustDecode(t, raw, &h)
	return mustHex(t, h.Hex)
}

func compareParts(t *testing.T, want parts, prefix string, m *Macaroon) {
	t.Helper()
	if want.Prefix != prefix || want.Signature != hex.EncodeToString(m.Signature) {
		t.Errorf("prefix or signature: expected %q %s, got %q %x", want.Prefix, want.Signature, prefix, m.Signature)
	}
	if (string(want.Location) == "null") != (m.Location == nil) || !bytes.Equal(bytesOf(t, want.Location), m.Location) {
		t.Errorf("location: expected %s, got %q", want.Location, m.Location)
	}
	if !bytes.Equal(bytesOf(t, want.Identifier), m.Identifier) {
		t.Errorf("identifier: expected %s, got %q", want.Identifier, m.Identifier)
	}
	if len(want.Caveats) != len(m.Caveats) {
		t.Fatalf("expected %d caveats, got %d", len(want.Caveats), len(m.Caveats))
	}
	for i, raw := range want.Caveats {
		var third struct {
			ThirdParty bool            `json:"third_party"`
			ID         json.RawMessage `json:"id"`
			Location   json.RawMessage `json:"location"`
			Vid        string          `json:"vid"`
		}
		c := m.Caveats[i]
		if json.Unmarshal(raw, &third) == nil && third.ThirdParty {
			if c.Vid == nil || !bytes.Equal(bytesOf(t, third.ID), c.ID) || !bytes.Equal(bytesOf(t, third.Location), c.Location) || third.Vid != hex.EncodeToString(c.Vid) {
				t.Errorf("caveat %d: expected third-party %s, got %+v", i, raw, c)
			}
		} else if c.Vid != nil || !bytes.Equal(bytesOf(t, raw), c.ID) {
			t.Errorf("caveat %d: expected %s, got %q", i, raw, c.ID)
		}
	}
}

func mustDecode(t *testing.T, raw json.RawMessage, into any) {
	t.Helper()
	if err := decodeStrict(raw, into); err != nil {
		t.Fatalf("cannot read %.80s: %v", raw, err)
	}
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("not hex: %q", s)
	}
	return b
}
