package pypitoken

// Runs every vector of ../../vectors against this package, reading the files with encoding/json
// only (spec/vector-format.md, "consume the vectors"). Each vector is a subtest named by its id:
//
//	go test ./...                           every vector
//	go test -run 'TestVectors/detection' -v  one file

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestVectors(t *testing.T) {
	for _, v := range loadVectors(t) {
		t.Run(v.ID, func(t *testing.T) {
			switch v.Op {
			case "verify":
				runVerify(t, v)
			case "inspect":
				runInspect(t, v)
			case "mint":
				runMint(t, v)
			case "restrict":
				runRestrict(t, v)
			case "detect":
				runDetect(t, v)
			default:
				t.Skipf("operation %q is not implemented here", v.Op)
			}
		})
	}
}

func runVerify(t *testing.T, v vector) {
	var in struct {
		Token   string  `json:"token"`
		Key     string  `json:"key"`
		Context Context `json:"context"`
	}
	mustDecode(t, v.Input, &in)
	key := mustHex(t, in.Key)
	checkDecoded(t, in.Token, key, v)
	got := Verify(in.Token, key, in.Context)
	e := v.Expected
	switch {
	case e.Result == "valid" && !got.Valid:
		t.Errorf("expected valid, got invalid (%s)", got.Reason)
	case e.Result == "invalid" && got.Valid:
		t.Errorf("expected invalid (%s), got valid", e.Reason)
	case e.Result == "acceptable" && got.Valid: // either behaviour conforms (VEC-3)
	case !got.Valid && !e.allowed(got.Reason):
		t.Errorf("expected %s (%s %v), got invalid (%s)", e.Result, e.Reason, e.AcceptableReasons, got.Reason)
	case len(e.Failures) > 0 && !sameFailures(e.Failures, got.Failures):
		t.Errorf("failures: expected %s, got %s", describe(e.Failures), describe(got.Failures))
	}
}

func sameFailures(want []failure, got []Failure) bool {
	if len(want) != len(got) {
		return false
	}
	for i, w := range want {
		if w.Reason != got[i].Reason || (w.Index == nil) != (got[i].Index == nil) || w.Index != nil && *w.Index != *got[i].Index {
			return false
		}
	}
	return true
}

func describe[F failure | Failure](fs []F) string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%+v", f))
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// checkDecoded compares the vector's decoded token and chain (VEC-9) with this package's own
// decoder (any inspector prefix, no size limit) and HMAC chain.
func checkDecoded(t *testing.T, token string, key []byte, v vector) {
	prefix, m, reason := ParseToken(token, InspectorPrefix)
	if string(v.Decoded) == "null" {
		if reason == "" {
			t.Errorf("decoded is null, but the token decodes here")
		}
		if v.Chain != nil {
			t.Errorf("chain without a decoded token")
		}
		return
	}
	if reason != "" {
		t.Fatalf("decoded is given, but the token does not decode here: %s", reason)
	}
	var want parts
	mustDecode(t, v.Decoded, &want)
	compareParts(t, want, prefix, m)
	if len(key) == 0 {
		if v.Chain != nil {
			t.Errorf("chain for an empty key")
		}
		return
	}
	derived, signatures := Chain(key, m.Identifier, m.Caveats)
	if v.Chain == nil || v.Chain.DerivedKey != hex.EncodeToString(derived) || len(v.Chain.Signatures) != len(signatures) {
		t.Fatalf("chain: expected derived key %x and %d links, got %+v", derived, len(signatures), v.Chain)
	}
	for i, s := range signatures {
		if v.Chain.Signatures[i] != hex.EncodeToString(s) {
			t.Errorf("chain link %d: expected %x, the vector says %s", i, s, v.Chain.Signatures[i])
		}
	}
}

func runInspect(t *testing.T, v vector) {
	var in struct{ Token string }
	mustDecode(t, v.Input, &in)
	prefix, m, reason := Inspect(in.Token)
	if v.Expected.Result == "invalid" {
		if reason == "" || !v.Expected.allowed(reason) {
			t.Errorf("expected %s, got %q", v.Expected.Reason, reason)
		}
		return
	}
	if reason != "" {
		t.Fatalf("expected the parts, got %s", reason)
	}
	var want parts
	mustDecode(t, v.Expected.Token, &want)
	compareParts(t, want, prefix, m)
}

func runMint(t *testing.T, v vector) {
	var in struct {
		Key, Location, Identifier, Prefix string
		Caveats                           []string
	}
	mustDecode(t, v.Input, &in)
	token, reason := Mint(mustHex(t, in.Key), in.Location, in.Identifier, in.Prefix, in.Caveats)
	if v.Expected.Result == "invalid" {
		if !v.Expected.allowed(reason) {
			t.Errorf("expected %s, got %q %s", v.Expected.Reason, reason, token)
		}
		return
	}
	var want string
	mustDecode(t, v.Expected.Token, &want)
	if token != want {
		t.Errorf("expected %s, got %s (%s)", want, token, reason)
	}
}

// runRestrict judges as the harness does: parts and old caveats kept, the expected caveats
// appended (compared as JSON values), and a chain that verifies with the vector's key.
func runRestrict(t *testing.T, v vector) {
	var in struct {
		Token        string           `json:"token"`
		Key          string           `json:"key"`
		Restrictions []map[string]any `json:"restrictions"`
	}
	mustDecode(t, v.Input, &in)
	token, reason := Restrict(in.Token, in.Restrictions)
	if v.Expected.Result == "invalid" {
		if !v.Expected.allowed(reason) {
			t.Errorf("expected %s, got %q %s", v.Expected.Reason, reason, token)
		}
		return
	}
	if reason != "" {
		t.Fatalf("expected a token, got %s", reason)
	}
	_, before, _ := Inspect(in.Token)
	prefix, after, reason := Inspect(token)
	if reason != "" || !strings.HasPrefix(in.Token, prefix+"-") || !bytes.Equal(before.Location, after.Location) || !bytes.Equal(before.Identifier, after.Identifier) {
		t.Fatalf("the restricted token %s does not keep the prefix, location and identifier (%s)", token, reason)
	}
	n := len(before.Caveats)
	if len(after.Caveats) != n+len(v.Expected.Caveats) || !slices.EqualFunc(before.Caveats, after.Caveats[:n], func(a, b Caveat) bool { return reflect.DeepEqual(a, b) }) {
		t.Fatalf("expected the %d caveats kept and %d appended, got %d", n, len(v.Expected.Caveats), len(after.Caveats))
	}
	for i, raw := range v.Expected.Caveats {
		var want, got any
		mustDecode(t, raw, &want)
		if err := decodeStrict(after.Caveats[n+i].ID, &got); err != nil || !reflect.DeepEqual(want, got) {
			t.Errorf("appended caveat %d: expected %s, got %s", i, raw, after.Caveats[n+i].ID)
		}
	}
	_, signatures := Chain(mustHex(t, in.Key), after.Identifier, after.Caveats)
	if !bytes.Equal(signatures[len(signatures)-1], after.Signature) {
		t.Errorf("the restricted token's chain does not verify with the key")
	}
}

func runDetect(t *testing.T, v vector) {
	var in struct{ Text string }
	mustDecode(t, v.Input, &in)
	found := Detect(in.Text)
	if v.Expected.Result == "not_detected" {
		if len(found) != 0 {
			t.Errorf("expected no token, found %+v", found)
		}
		return
	}
	var want string
	mustDecode(t, v.Expected.Token, &want)
	if len(found) != 1 || found[0].Match != want || found[0].Index != v.Expected.Index {
		t.Errorf("expected the %s index's token %.40s…, found %+v", v.Expected.Index, want, found)
	}
}
