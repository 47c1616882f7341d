package pypitoken

import (
	"crypto/hmac"
	"unicode/utf8"
)

// Failure is one reason a token was rejected; Index is nil for a token-level failure (VERIFY-5).
type Failure struct {
	Index  *int
	Reason string
}

// Result is a verdict: Reason is empty when Valid.
type Result struct {
	Valid    bool
	Reason   string
	Failures []Failure
}

// precedence among caveat failures, highest first (REASON-2).
var precedence = []string{"CAVEAT_MALFORMED", "CAVEAT_UNKNOWN", "CAVEAT_THIRD_PARTY", "CAVEAT_NOT_SATISFIED"}

func rejected(reason string) Result {
	return Result{Reason: reason, Failures: []Failure{{Reason: reason}}}
}

// Verify checks token with the root key in ctx (spec/verification.md, VERIFY-1 ... VERIFY-7).
func Verify(token string, key []byte, ctx Context) Result {
	if len(key) == 0 {
		return rejected("KEY_INVALID") // SIG-6
	}
	if tooLarge(token) {
		return rejected("TOKEN_TOO_LARGE") // LIMIT-2
	}
	_, m, reason := ParseToken(token, func(p string) bool { return p == "pypi" }) // TOKEN-2
	if reason == "" && !utf8.Valid(m.Identifier) {
		reason = "MACAROON_MALFORMED" // MAC-11
	}
	if reason != "" {
		return rejected(reason)
	}
	_, chain := Chain(key, m.Identifier, m.Caveats)
	if !hmac.Equal(chain[len(chain)-1], m.Signature) { // SIG-5, VERIFY-4: before any caveat
		return rejected("SIGNATURE_MISMATCH")
	}
	var failures []Failure
	for i, c := range m.Caveats {
		holds, why := decodeCaveat(c)
		if why == "" && !holds(ctx) {
			why = "CAVEAT_NOT_SATISFIED"
		}
		if why != "" {
			index := i
			failures = append(failures, Failure{Index: &index, Reason: why})
		}
	}
	if len(failures) == 0 {
		return Result{Valid: true}
	}
	for _, code := range precedence {
		for _, f := range failures {
			if f.Reason == code {
				return Result{Reason: code, Failures: failures}
			}
		}
	}
	panic("unreachable")
}

// Inspect reports a token's prefix and macaroon without a key; any TOKEN-2 inspector prefix is allowed.
func Inspect(token string) (string, *Macaroon, string) {
	if tooLarge(token) {
		return "", nil, "TOKEN_TOO_LARGE"
	}
	return ParseToken(token, InspectorPrefix)
}

// InspectorPrefix is TOKEN-2's prefix for inspectors and restricters: 1 to 64 ASCII letters, digits and _.
func InspectorPrefix(p string) bool {
	if len(p) < 1 || len(p) > 64 {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Mint issues a token with these exact caveat bytes (MINT-1 ... MINT-5).
func Mint(key []byte, location, identifier, prefix string, caveats []string) (string, string) {
	if len(key) == 0 {
		return "", "KEY_INVALID"
	}
	if !InspectorPrefix(prefix) {
		return "", "INVALID_ARGUMENT" // MINT-5
	}
	m := &Macaroon{Location: []byte(location), Identifier: []byte(identifier)}
	for _, c := range caveats {
		m.Caveats = append(m.Caveats, Caveat{ID: []byte(c)})
	}
	_, chain := Chain(key, m.Identifier, m.Caveats)
	m.Signature = chain[len(chain)-1]
	return DumpToken(prefix, m), ""
}
