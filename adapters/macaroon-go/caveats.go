package main

// The caller's part of restrict: the caveat bytes the spec defines for each restriction. The
// library knows nothing of PyPI's caveats; a tool that narrows a token builds the caveat string
// itself and hands it to AddFirstPartyCaveat. This is the least glue that does it: the JSON value
// of ADAPT-13's table, serialised canonically (CAV-9: no whitespace, keys sorted, every character
// outside ASCII as a lowercase \uXXXX escape). Nothing is validated or normalised (RESTRICT-2 ...
// RESTRICT-7 are the caller's, and this adapter does not apply them: README.md).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

func isUTF8(b []byte) bool { return utf8.Valid(b) }

// values: restriction type -> its caveat's JSON value (ADAPT-13).
var values = map[string]func(r obj) any{
	"expiration":           func(r obj) any { return []any{0, need(r, "expires_at"), need(r, "not_before")} },
	"project_names":        func(r obj) any { return []any{1, need(r, "names")} },
	"project_ids":          func(r obj) any { return []any{2, need(r, "ids")} },
	"user":                 func(r obj) any { return []any{3, need(r, "user_id")} },
	"oidc_publisher":       func(r obj) any { return []any{4, need(r, "publisher_id"), r["claims"]} },
	"legacy_user":          func(r obj) any { return obj{"permissions": "user", "version": 1} },
	"legacy_project_names": func(r obj) any { return obj{"permissions": obj{"projects": need(r, "names")}, "version": 1} },
	"legacy_expiration":    func(r obj) any { return obj{"exp": need(r, "expires_at"), "nbf": need(r, "not_before")} },
	"legacy_project_ids":   func(r obj) any { return obj{"project_ids": need(r, "ids")} },
}

func need(r obj, name string) any {
	v, ok := r[name]
	if !ok {
		panic(badRequest(fmt.Sprintf("restriction lacks member %q", name)))
	}
	return v
}

// caveatBytes is the canonical caveat (CAV-9) for one restriction object.
func caveatBytes(raw any) ([]byte, error) {
	r, ok := raw.(obj)
	if !ok {
		panic(badRequest("a restriction must be an object"))
	}
	kind, _ := r["type"].(string)
	value, known := values[kind]
	if !known {
		panic(unsupported(fmt.Sprintf("no restriction type %q", kind)))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // maps are written with sorted keys; numbers keep their literal text
	if err := enc.Encode(value(r)); err != nil {
		return nil, err
	}
	return asciiEscape(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// asciiEscape writes every non-ASCII character as \uXXXX (UTF-16, lowercase hex), as Python's
// json.dumps does; outside strings a JSON text has no such characters.
func asciiEscape(b []byte) []byte {
	var out bytes.Buffer
	for _, r := range string(b) {
		if r < 0x80 {
			out.WriteByte(byte(r))
			continue
		}
		if r > 0xffff {
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&out, "\\u%04x\\u%04x", hi, lo)
			continue
		}
		fmt.Fprintf(&out, "\\u%04x", r)
	}
	return out.Bytes()
}
