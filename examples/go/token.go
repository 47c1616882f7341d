// Package pypitoken is a small PyPI API token verifier on Go's standard library, written from the
// specification in ../../spec to show that the conformance vectors need nothing but a JSON parser.
// It is an example, not a maintained library: vectors_test.go runs every vector against it.
package pypitoken

import (
	"encoding/base64"
	"errors"
	"strings"
	"unicode/utf8"
)

// Macaroon is a decoded libmacaroons V2 binary macaroon (spec/macaroon.md).
type Macaroon struct {
	Location   []byte // nil when the location field is absent
	Identifier []byte
	Caveats    []Caveat
	Signature  []byte
}

// Caveat is a first-party caveat (Vid == nil) or a third-party one.
type Caveat struct {
	ID       []byte
	Location []byte // third-party only; nil when absent
	Vid      []byte
}

// MaxTokenLength is the longest token accepted, in code points (LIMIT-2, LIMIT-5).
const MaxTokenLength = 65536

var errMalformed = errors.New("malformed macaroon")

// splitToken returns the prefix and the body bytes, or a reason code (TOKEN-1 ... TOKEN-6).
func splitToken(token string, prefixOK func(string) bool) (prefix string, body []byte, reason string) {
	dash := strings.IndexByte(token, '-')
	if dash < 0 {
		return "", nil, "TOKEN_BAD_PREFIX"
	}
	prefix, text := token[:dash], token[dash+1:]
	if !prefixOK(prefix) {
		return prefix, nil, "TOKEN_BAD_PREFIX"
	}
	// TOKEN-4: Go's decoder skips \r and \n, so the alphabet is checked first.
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return prefix, nil, "TOKEN_BAD_ENCODING"
		}
	}
	// TOKEN-5 (length) and TOKEN-6 (zero trailing bits, Strict) are the decoder's own checks.
	body, err := base64.RawURLEncoding.Strict().DecodeString(text)
	if err != nil {
		return prefix, nil, "TOKEN_BAD_ENCODING"
	}
	return prefix, body, ""
}

// tooLarge is LIMIT-2's size check, made before anything else is read.
func tooLarge(token string) bool { return utf8.RuneCountInString(token) > MaxTokenLength }

// Field types (MAC-2).
const (
	fieldEOS        = 0
	fieldLocation   = 1
	fieldIdentifier = 2
	fieldVid        = 4
	fieldSignature  = 6
)

type reader struct {
	buf []byte
	pos int
}

// varint reads a minimal unsigned LEB128 value of at most 2^31-1 (MAC-3).
func (r *reader) varint() (int, error) {
	value, shift := 0, 0
	for i := r.pos; ; i++ {
		if i >= len(r.buf) {
			return 0, errMalformed
		}
		b := int(r.buf[i])
		value += (b & 0x7f) << shift
		if b < 0x80 {
			if b == 0 && i > r.pos || value > 0x7fffffff {
				return 0, errMalformed
			}
			r.pos = i + 1
			return value, nil
		}
		shift += 7
		if shift > 28 {
			return 0, errMalformed
		}
	}
}

// section reads fields of the allowed types, in strictly increasing order, up to EOS (MAC-4).
func (r *reader) section(allowed map[int]bool) (map[int][]byte, error) {
	fields := map[int][]byte{}
	last := 0
	for {
		t, err := r.varint()
		if err != nil {
			return nil, err
		}
		if t == fieldEOS {
			return fields, nil
		}
		if !allowed[t] || t <= last {
			return nil, errMalformed
		}
		n, err := r.varint()
		if err != nil || n > len(r.buf)-r.pos {
			return nil, errMalformed
		}
		fields[t] = r.buf[r.pos : r.pos+n]
		r.pos += n
		last = t
	}
}

// DecodeMacaroon decodes the canonical V2 layout and nothing else (MAC-1 ... MAC-9).
func DecodeMacaroon(buf []byte) (*Macaroon, error) {
	if len(buf) == 0 || buf[0] != 0x02 {
		return nil, errMalformed
	}
	r := &reader{buf: buf, pos: 1}
	header, err := r.section(map[int]bool{fieldLocation: true, fieldIdentifier: true})
	if err != nil {
		return nil, err
	}
	id, ok := header[fieldIdentifier]
	if !ok {
		return nil, errMalformed
	}
	m := &Macaroon{Location: header[fieldLocation], Identifier: id}
	for {
		f, err := r.section(map[int]bool{fieldLocation: true, fieldIdentifier: true, fieldVid: true})
		if err != nil {
			return nil, err
		}
		if len(f) == 0 {
			break // MAC-8: the empty section ends the caveats
		}
		cid, hasID := f[fieldIdentifier]
		vid, hasVid := f[fieldVid]
		loc, hasLoc := f[fieldLocation]
		if !hasID || hasLoc && !hasVid { // MAC-6, MAC-7
			return nil, errMalformed
		}
		c := Caveat{ID: cid}
		if hasVid {
			c.Vid, c.Location = vid, loc
		}
		m.Caveats = append(m.Caveats, c)
	}
	t, err := r.varint()
	if err != nil || t != fieldSignature {
		return nil, errMalformed
	}
	n, err := r.varint()
	if err != nil || n != 32 || r.pos+n != len(buf) { // MAC-8, MAC-9
		return nil, errMalformed
	}
	m.Signature = buf[r.pos:]
	return m, nil
}

// EncodeMacaroon writes the canonical layout, the location field always included (MAC-10, MINT-3).
func EncodeMacaroon(m *Macaroon) []byte {
	out := []byte{0x02}
	out = appendField(out, fieldLocation, m.Location)
	out = appendField(out, fieldIdentifier, m.Identifier)
	out = append(out, fieldEOS)
	for _, c := range m.Caveats {
		if c.Vid != nil && c.Location != nil {
			out = appendField(out, fieldLocation, c.Location)
		}
		out = appendField(out, fieldIdentifier, c.ID)
		if c.Vid != nil {
			out = appendField(out, fieldVid, c.Vid)
		}
		out = append(out, fieldEOS)
	}
	out = append(out, fieldEOS)
	return appendField(out, fieldSignature, m.Signature)
}

func appendField(out []byte, t int, data []byte) []byte {
	out = appendVarint(out, t)
	out = appendVarint(out, len(data))
	return append(out, data...)
}

func appendVarint(out []byte, v int) []byte {
	for v >= 0x80 {
		out = append(out, byte(v&0x7f|0x80))
		v >>= 7
	}
	return append(out, byte(v))
}

// ParseToken returns the prefix and macaroon of `prefix "-" body`, or a reason code; prefixOK
// says which prefixes are accepted (a verifier: "pypi" only; an inspector: TOKEN-2's form).
func ParseToken(token string, prefixOK func(string) bool) (string, *Macaroon, string) {
	prefix, body, reason := splitToken(token, prefixOK)
	if reason != "" {
		return prefix, nil, reason
	}
	m, err := DecodeMacaroon(body)
	if err != nil {
		return prefix, nil, "MACAROON_MALFORMED"
	}
	return prefix, m, ""
}

// DumpToken is the canonical token string (TOKEN-7).
func DumpToken(prefix string, m *Macaroon) string {
	return prefix + "-" + base64.RawURLEncoding.EncodeToString(EncodeMacaroon(m))
}
