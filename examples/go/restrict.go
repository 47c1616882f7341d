package pypitoken

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

var (
	projectName = regexp.MustCompile(`^(?i:[a-z0-9]|[a-z0-9][a-z0-9._-]*[a-z0-9])$`) // PEP 508
	uuid        = regexp.MustCompile(`^(?i:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`)
	separators  = regexp.MustCompile(`[-_.]+`)
	integer     = regexp.MustCompile(`^-?(0|[1-9][0-9]*)$`)
	errRefused  = errors.New("INVALID_ARGUMENT")
)

// Restrict appends one canonical caveat per restriction object (ADAPT-13), extending the chain
// without the key (RESTRICT-1 ... RESTRICT-7, SIG-3). Restrictions are decoded with
// json.Decoder.UseNumber, so numbers keep their literal. It returns the token or a reason code.
func Restrict(token string, restrictions []map[string]any) (string, string) {
	prefix, m, reason := Inspect(token)
	if reason != "" {
		return "", reason
	}
	sig := m.Signature
	for _, r := range restrictions {
		caveat, err := encodeRestriction(r)
		if err != nil {
			return "", "INVALID_ARGUMENT" // RESTRICT-5: a refused restriction appends nothing
		}
		c := Caveat{ID: []byte(caveat)}
		sig = mac(sig, c.ID)
		m.Caveats = append(m.Caveats, c)
	}
	m.Signature = sig
	out := DumpToken(prefix, m)
	if len(out) > 8192 || len(m.Caveats) > 64 {
		return "", "INVALID_ARGUMENT" // RESTRICT-9: beyond LIMIT-1, which every verifier must accept
	}
	for _, c := range m.Caveats {
		if len(c.ID) > 4096 {
			return "", "INVALID_ARGUMENT" // RESTRICT-9: beyond LIMIT-3
		}
	}
	return out, ""
}

// members lists the members of each restriction object (ADAPT-13); any other is refused (RESTRICT-8).
var members = map[string][]string{
	"expiration": {"expires_at", "not_before"}, "legacy_expiration": {"expires_at", "not_before"},
	"project_names": {"names"}, "legacy_project_names": {"names"},
	"project_ids": {"ids"}, "legacy_project_ids": {"ids"},
	"user": {"user_id"}, "oidc_publisher": {"publisher_id", "claims"}, "legacy_user": {},
}

func onlyKnownMembers(r map[string]any) bool {
	kind, _ := r["type"].(string)
	allowed, ok := members[kind]
	if !ok {
		return false
	}
	for name := range r {
		if name != "type" && !contains(allowed, name) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func encodeRestriction(r map[string]any) (string, error) {
	var wire any
	var err error
	if !onlyKnownMembers(r) {
		return "", errRefused
	}
	switch r["type"] {
	case "expiration", "legacy_expiration":
		var exp, nbf json.Number
		if exp, nbf, err = times(r); err == nil {
			wire = []any{json.Number("0"), exp, nbf}
			if r["type"] == "legacy_expiration" {
				wire = map[string]any{"exp": exp, "nbf": nbf}
			}
		}
	case "project_names", "legacy_project_names":
		var names []any
		if names, err = list(r["names"], func(s string) (string, bool) {
			return strings.ToLower(separators.ReplaceAllString(s, "-")), projectName.MatchString(s) // RESTRICT-2
		}); err == nil {
			wire = []any{json.Number("1"), names}
			if r["type"] == "legacy_project_names" {
				wire = map[string]any{"version": json.Number("1"), "permissions": map[string]any{"projects": names}}
			}
		}
	case "project_ids", "legacy_project_ids":
		var ids []any
		if ids, err = list(r["ids"], lowerUUID); err == nil {
			wire = []any{json.Number("2"), ids}
			if r["type"] == "legacy_project_ids" {
				wire = map[string]any{"project_ids": ids}
			}
		}
	case "user":
		s, ok := r["user_id"].(string)
		if id, good := lowerUUID(s); ok && good {
			wire = []any{json.Number("3"), id}
		}
	case "oidc_publisher":
		s, ok := r["publisher_id"].(string)
		claims, isObject := r["claims"].(map[string]any)
		if id, good := lowerUUID(s); ok && good && (r["claims"] == nil || isObject && claimsOK(claims, 1)) {
			wire = []any{json.Number("4"), id, r["claims"]} // RESTRICT-7
		}
	case "legacy_user":
		wire = map[string]any{"version": json.Number("1"), "permissions": "user"}
	}
	if err != nil || wire == nil {
		return "", errRefused
	}
	return canonical(wire), nil
}

// times reads expires_at and not_before: whole, non-negative, not_before < expires_at (RESTRICT-4).
func times(r map[string]any) (json.Number, json.Number, error) {
	exp, ok1 := r["expires_at"].(json.Number)
	nbf, ok2 := r["not_before"].(json.Number)
	if !ok1 || !ok2 || !integer.MatchString(string(exp)) || !integer.MatchString(string(nbf)) {
		return "", "", errRefused
	}
	e, err1 := exp.Int64()
	n, err2 := nbf.Int64()
	if err1 != nil || err2 != nil || n < 0 || n >= e || e > 1<<53-1 {
		return "", "", errRefused
	}
	return json.Number(strconv.FormatInt(e, 10)), json.Number(strconv.FormatInt(n, 10)), nil
}

// list maps a non-empty array of strings through a normaliser that may refuse (RESTRICT-5).
func list(v any, normalize func(string) (string, bool)) ([]any, error) {
	items, ok := v.([]any)
	if !ok || len(items) == 0 {
		return nil, errRefused
	}
	out := []any{}
	for _, item := range items {
		s, ok := item.(string)
		n, good := normalize(s)
		if !ok || !good {
			return nil, errRefused
		}
		out = append(out, n)
	}
	return out, nil
}

func lowerUUID(s string) (string, bool) { return strings.ToLower(s), uuid.MatchString(s) } // RESTRICT-3

// claimsOK: integers only (JSON-4), within ±(2^53 - 1) (RESTRICT-10), nesting within MaxDepth (LIMIT-4).
func claimsOK(v any, depth int) bool {
	if depth > MaxDepth {
		return false
	}
	switch x := v.(type) {
	case json.Number:
		n, err := x.Int64()
		return integer.MatchString(string(x)) && err == nil && n <= 1<<53-1 && n >= -(1<<53-1)
	case map[string]any:
		for _, item := range x {
			if !claimsOK(item, depth+1) {
				return false
			}
		}
	case []any:
		for _, item := range x {
			if !claimsOK(item, depth+1) {
				return false
			}
		}
	}
	return true
}

// canonical writes CAV-9's form: compact, keys sorted by code point, non-ASCII as lowercase \uXXXX.
func canonical(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprint(x)
	case json.Number:
		return string(x)
	case string:
		var b strings.Builder
		b.WriteByte('"')
		for _, u := range utf16.Encode([]rune(x)) {
			switch {
			case u == '"' || u == '\\':
				b.WriteString(`\` + string(rune(u)))
			case u == '\n':
				b.WriteString(`\n`)
			case u == '\r':
				b.WriteString(`\r`)
			case u == '\t':
				b.WriteString(`\t`)
			case u == '\b':
				b.WriteString(`\b`)
			case u == '\f':
				b.WriteString(`\f`)
			case u < 0x20 || u > 0x7e:
				fmt.Fprintf(&b, `\u%04x`, u)
			default:
				b.WriteByte(byte(u))
			}
		}
		b.WriteByte('"')
		return b.String()
	case []any:
		parts := make([]string, len(x))
		for i, item := range x {
			parts[i] = canonical(item)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys) // UTF-8 byte order is code point order
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = canonical(k) + ":" + canonical(x[k])
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	panic(fmt.Sprintf("canonical: unexpected %T", v))
}
