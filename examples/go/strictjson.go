package pypitoken

import (
	"errors"
	"math/big"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the type of a JSON value.
type Kind int

const (
	Null Kind = iota
	Bool
	Integer
	String
	Array
	Object
)

// Value is a JSON value read by ParseStrictJSON. Numbers are integer literals kept exactly.
type Value struct {
	Kind    Kind
	Bool    bool
	Int     *big.Int
	Str     string
	Items   []Value
	Keys    []string // object members in order
	Members map[string]Value
}

// MaxDepth is the deepest nesting of arrays and objects accepted (LIMIT-4 allows rejecting above 8).
const MaxDepth = 32

var errJSON = errors.New("not strict JSON")

// ParseStrictJSON reads one JSON value with the caveat rules of spec/caveat-encoding.md: UTF-8
// (JSON-1), no BOM and only RFC 8259 whitespace (JSON-2, JSON-3), integer literals only (JSON-4),
// no repeated member names (JSON-5), no unpaired surrogate escapes (JSON-6).
func ParseStrictJSON(data []byte) (Value, error) {
	if !utf8.Valid(data) {
		return Value{}, errJSON
	}
	p := &parser{s: string(data)}
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.pos != len(p.s) {
		return Value{}, errJSON
	}
	return v, nil
}

type parser struct {
	s   string
	pos int
}

func (p *parser) space() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '\n' || p.s[p.pos] == '\r') {
		p.pos++
	}
}

func (p *parser) value(depth int) (Value, error) {
	p.space()
	if p.pos >= len(p.s) {
		return Value{}, errJSON
	}
	switch c := p.s[p.pos]; {
	case c == '{' || c == '[':
		if depth+1 > MaxDepth {
			return Value{}, errJSON
		}
		if c == '[' {
			return p.array(depth + 1)
		}
		return p.object(depth + 1)
	case c == '"':
		s, err := p.str()
		return Value{Kind: String, Str: s}, err
	case c == '-' || c >= '0' && c <= '9':
		return p.integer()
	}
	for word, v := range map[string]Value{"true": {Kind: Bool, Bool: true}, "false": {Kind: Bool}, "null": {}} {
		if len(p.s)-p.pos >= len(word) && p.s[p.pos:p.pos+len(word)] == word {
			p.pos += len(word)
			return v, nil
		}
	}
	return Value{}, errJSON
}

func (p *parser) integer() (Value, error) {
	start := p.pos
	if p.s[p.pos] == '-' {
		p.pos++
	}
	digits := p.pos
	for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == digits || p.s[digits] == '0' && p.pos-digits > 1 {
		return Value{}, errJSON // no digits, or a leading zero
	}
	if p.pos < len(p.s) && (p.s[p.pos] == '.' || p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		return Value{}, errJSON // JSON-4: a fraction or exponent, even 50.0 or 1e3
	}
	n, _ := new(big.Int).SetString(p.s[start:p.pos], 10)
	return Value{Kind: Integer, Int: n}, nil
}

func (p *parser) hex4() (rune, bool) {
	if len(p.s)-p.pos < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.s[p.pos : p.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r*16 + c - '0'
		case c >= 'a' && c <= 'f':
			r = r*16 + c - 'a' + 10
		case c >= 'A' && c <= 'F':
			r = r*16 + c - 'A' + 10
		default:
			return 0, false
		}
	}
	p.pos += 4
	return r, true
}

func (p *parser) str() (string, error) {
	p.pos++ // opening quote
	var out []rune
	for p.pos < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.pos:])
		switch {
		case r == '"':
			p.pos++
			return string(out), nil
		case r < 0x20:
			return "", errJSON
		case r != '\\':
			out = append(out, r)
			p.pos += size
			continue
		}
		if p.pos+1 >= len(p.s) {
			return "", errJSON
		}
		e := p.s[p.pos+1]
		p.pos += 2
		simple := map[byte]rune{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
		if s, ok := simple[e]; ok {
			out = append(out, s)
			continue
		}
		if e != 'u' {
			return "", errJSON
		}
		u, ok := p.hex4()
		if !ok {
			return "", errJSON
		}
		if utf16.IsSurrogate(u) { // JSON-6: a high surrogate escape must be followed by a low one
			if u >= 0xdc00 || len(p.s)-p.pos < 2 || p.s[p.pos:p.pos+2] != `\u` {
				return "", errJSON
			}
			p.pos += 2
			low, ok := p.hex4()
			if !ok || low < 0xdc00 || low > 0xdfff {
				return "", errJSON
			}
			u = utf16.DecodeRune(u, low)
		}
		out = append(out, u)
	}
	return "", errJSON
}

func (p *parser) array(depth int) (Value, error) {
	p.pos++
	v := Value{Kind: Array, Items: []Value{}}
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == ']' {
		p.pos++
		return v, nil
	}
	for {
		item, err := p.value(depth)
		if err != nil {
			return Value{}, err
		}
		v.Items = append(v.Items, item)
		p.space()
		if p.pos >= len(p.s) {
			return Value{}, errJSON
		}
		p.pos++
		switch p.s[p.pos-1] {
		case ']':
			return v, nil
		case ',':
		default:
			return Value{}, errJSON
		}
	}
}

func (p *parser) object(depth int) (Value, error) {
	p.pos++
	v := Value{Kind: Object, Members: map[string]Value{}}
	p.space()
	if p.pos < len(p.s) && p.s[p.pos] == '}' {
		p.pos++
		return v, nil
	}
	for {
		p.space()
		if p.pos >= len(p.s) || p.s[p.pos] != '"' {
			return Value{}, errJSON
		}
		key, err := p.str()
		if err != nil {
			return Value{}, err
		}
		if _, dup := v.Members[key]; dup { // JSON-5, compared after unescaping
			return Value{}, errJSON
		}
		p.space()
		if p.pos >= len(p.s) || p.s[p.pos] != ':' {
			return Value{}, errJSON
		}
		p.pos++
		member, err := p.value(depth)
		if err != nil {
			return Value{}, err
		}
		v.Keys = append(v.Keys, key)
		v.Members[key] = member
		p.space()
		if p.pos >= len(p.s) {
			return Value{}, errJSON
		}
		p.pos++
		switch p.s[p.pos-1] {
		case '}':
			return v, nil
		case ',':
		default:
			return Value{}, errJSON
		}
	}
}
