// Conformance adapter for gopkg.in/macaroon.v2 (adapter protocol version 1, spec/adapter-protocol.md).
//
// The library knows the macaroon formats and the HMAC chain, not PyPI's caveats (spec/libraries.md):
//   - inspect: macaroon.Base64Decode and (*Macaroon).UnmarshalBinary on the text after the first "-";
//     the parts come from its getters;
//   - mint: macaroon.New(key, id, location, macaroon.V2), AddFirstPartyCaveat per given string,
//     MarshalBinary;
//   - restrict: the same decoding, AddFirstPartyCaveat with the caveat bytes of caveats.go,
//     MarshalBinary;
//   - verify: unsupported (the library's Verify would need a PyPI caveat checker written here).
//
// The glue beyond the library (the prefix, base64url encoding of MarshalBinary's output, the caveat
// bytes) is listed in README.md. Built by scripts/setup-adapters.sh: adapters/macaroon-go/bin/adapter
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	macaroon "gopkg.in/macaroon.v2"
)

const module = "gopkg.in/macaroon.v2"

type obj = map[string]any

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == module {
				return strings.TrimPrefix(dep.Version, "v")
			}
		}
	}
	return "unknown"
}

type badRequest string
type unsupported string

func rejection(code, message string) obj {
	return obj{"error": obj{"code": code, "message": message}}
}

// load splits off the prefix (glue: the text before the first "-", TOKEN-1) and hands the rest to
// the library: Base64Decode failures are TOKEN_BAD_ENCODING, UnmarshalBinary failures MACAROON_MALFORMED.
func load(raw string) (string, *macaroon.Macaroon, obj) {
	prefix, body, found := strings.Cut(raw, "-")
	if !found {
		return "", nil, rejection("TOKEN_BAD_PREFIX", "no '-' in the token")
	}
	data, err := macaroon.Base64Decode([]byte(body))
	if err != nil {
		return "", nil, rejection("TOKEN_BAD_ENCODING", err.Error())
	}
	var m macaroon.Macaroon
	if err := m.UnmarshalBinary(data); err != nil {
		return "", nil, rejection("MACAROON_MALFORMED", err.Error())
	}
	return prefix, &m, nil
}

// dump is glue: the library marshals bytes only; the token is prefix "-" unpadded base64url.
func dump(prefix string, m *macaroon.Macaroon) (obj, error) {
	data, err := m.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return obj{"token": prefix + "-" + base64.RawURLEncoding.EncodeToString(data)}, nil
}

// text is a string when the bytes are UTF-8, else {"hex": ...} (ADAPT-9).
func text(b []byte) any {
	if isUTF8(b) {
		return string(b)
	}
	return obj{"hex": hex.EncodeToString(b)}
}

func opInspect(req obj) (obj, error) {
	prefix, m, rej := load(str(req, "token"))
	if rej != nil {
		return rej, nil
	}
	caveats := []any{}
	for _, c := range m.Caveats() {
		if len(c.VerificationId) == 0 {
			caveats = append(caveats, text(c.Id))
			continue
		}
		caveats = append(caveats, obj{"third_party": true, "id": text(c.Id), "location": text([]byte(c.Location)), "vid": hex.EncodeToString(c.VerificationId)})
	}
	return obj{"token": obj{"prefix": prefix, "location": text([]byte(m.Location())), "identifier": text(m.Id()), "caveats": caveats, "signature": hex.EncodeToString(m.Signature())}}, nil
}

func opMint(req obj) (obj, error) {
	key, err := hex.DecodeString(str(req, "key"))
	if err != nil {
		panic(badRequest("member 'key' is not hexadecimal"))
	}
	location, identifier, prefix := str(req, "location"), str(req, "identifier"), str(req, "prefix")
	list, ok := req["caveats"].([]any)
	if !ok {
		panic(badRequest("member 'caveats' must be a list of strings"))
	}
	m, err := macaroon.New(key, []byte(identifier), location, macaroon.V2)
	if err != nil {
		return rejection("INVALID_ARGUMENT", err.Error()), nil
	}
	for _, c := range list {
		s, ok := c.(string)
		if !ok {
			panic(badRequest("member 'caveats' must be a list of strings"))
		}
		if err := m.AddFirstPartyCaveat([]byte(s)); err != nil {
			return rejection("INVALID_ARGUMENT", err.Error()), nil
		}
	}
	return dump(prefix, m)
}

func opRestrict(req obj) (obj, error) {
	raw := str(req, "token")
	list, ok := req["restrictions"].([]any)
	if !ok {
		panic(badRequest("member 'restrictions' must be a list"))
	}
	caveats := make([][]byte, 0, len(list))
	for _, r := range list {
		c, err := caveatBytes(r)
		if err != nil {
			return nil, err
		}
		caveats = append(caveats, c)
	}
	prefix, m, rej := load(raw)
	if rej != nil {
		return rej, nil
	}
	for _, c := range caveats {
		if err := m.AddFirstPartyCaveat(c); err != nil {
			return rejection("INVALID_ARGUMENT", err.Error()), nil
		}
	}
	return dump(prefix, m)
}

func str(req obj, name string) string {
	s, ok := req[name].(string)
	if !ok {
		panic(badRequest(fmt.Sprintf("member %q must be a string", name)))
	}
	return s
}

var ops = map[string]func(obj) (obj, error){"inspect": opInspect, "mint": opMint, "restrict": opRestrict}

func answer(line []byte) (resp obj) {
	var req obj
	dec := json.NewDecoder(strings.NewReader(string(line)))
	dec.UseNumber()
	if err := dec.Decode(&req); err != nil {
		return obj{"id": nil, "ok": false, "error": obj{"code": "bad_request", "message": err.Error()}}
	}
	id := req["id"]
	switch id.(type) {
	case json.Number, string:
	default:
		return obj{"id": nil, "ok": false, "error": obj{"code": "bad_request", "message": "a request has a number or string id"}}
	}
	fail := func(code, message string) obj { return obj{"id": id, "ok": false, "error": obj{"code": code, "message": message}} }
	defer func() {
		switch p := recover().(type) {
		case nil:
		case badRequest:
			resp = fail("bad_request", string(p))
		case unsupported:
			resp = fail("unsupported", string(p))
		default: // a panic in the library: not a documented rejection
			resp = fail("internal", fmt.Sprintf("panic: %v", p))
		}
	}()
	op, _ := req["op"].(string)
	if op == "hello" {
		return obj{"id": id, "ok": true, "protocol": 1, "implementation": obj{"name": module, "version": version()}, "ops": []string{"hello", "inspect", "mint", "restrict"}}
	}
	if op == "verify" {
		return fail("unsupported", "the library has no PyPI caveat checker; this adapter does not write one")
	}
	f, known := ops[op]
	if !known {
		return fail("unsupported", fmt.Sprintf("unknown op %q", op))
	}
	out, err := f(req)
	if err != nil {
		return fail("internal", err.Error())
	}
	out["id"], out["ok"] = id, true
	return out
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for {
		line, err := in.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			if e := enc.Encode(answer(line)); e != nil {
				fmt.Fprintln(os.Stderr, "encode:", e)
				os.Exit(1)
			}
		}
		if in.Buffered() == 0 || err != nil {
			out.Flush()
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "read:", err)
			os.Exit(1)
		}
	}
}
