package pypitoken

import (
	"crypto/hmac"
	"crypto/sha256"
)

func mac(key, message []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(message)
	return h.Sum(nil)
}

// Chain returns the derived key (SIG-1) and sig_0 ... sig_n (SIG-2 ... SIG-4); the last is the signature.
func Chain(rootKey, identifier []byte, caveats []Caveat) (derived []byte, signatures [][]byte) {
	derived = mac([]byte("macaroons-key-generator"), rootKey)
	sig := mac(derived, identifier)
	signatures = [][]byte{sig}
	for _, c := range caveats {
		if c.Vid == nil {
			sig = mac(sig, c.ID)
		} else {
			sig = mac(sig, append(mac(sig, c.Vid), mac(sig, c.ID)...))
		}
		signatures = append(signatures, sig)
	}
	return derived, signatures
}
