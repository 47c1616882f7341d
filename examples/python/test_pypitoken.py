"""Every conformance vector against pypitoken 7.1.1, with pytest and without Node.

Run from the repository (the venv comes from `scripts/setup-adapters.sh python_example`):

    examples/python/.venv/bin/python -m pytest examples/python -q

pypitoken is driven through the request functions of adapters/pypitoken/adapter.py, imported
in-process: one mapping from pypitoken's API to reason codes serves both the Node harness and this
example, and its known deviations are adapters/pypitoken/xfail.json. The vectors are read and
judged by vectors.py, which knows nothing of pypitoken.
"""

from __future__ import annotations

import base64
import json
import sys

import pytest
from pymacaroons import Macaroon

from vectors import (
    ROOT,
    Graded,
    as_bytes,
    both,
    chain_of,
    hmac_sha256,
    judge_rejection,
    judge_verify,
    load_vectors,
    load_xfails,
    pattern,
    same_json,
    xfail_entry,
    xfail_outcome,
)

sys.path.insert(0, str(ROOT / "adapters" / "pypitoken"))
import adapter  # noqa: E402  (adapters/pypitoken/adapter.py; its __main__ block does not run)

VECTORS = load_vectors()
XFAILS = load_xfails(ROOT / "adapters" / "pypitoken" / "xfail.json")
VERIFY = [v for v in VECTORS if v["op"] == "verify"]


def request_of(vector: dict) -> dict:
    """What the harness sends for a vector (spec/adapter-protocol.md); restrict keeps its key."""
    fields = dict(vector["input"])
    if vector["op"] == "restrict":
        fields.pop("key")
    return {"id": 1, "op": vector["op"], **fields}


def ask(vector: dict) -> dict:
    return adapter.answer(json.dumps(request_of(vector)).encode("utf-8"))


def judge(vector: dict, answer: dict) -> Graded:
    expected, op = vector["expected"], vector["op"]
    if op == "verify":
        return judge_verify(expected, answer)
    if expected["result"] == "invalid":
        return judge_rejection(expected, answer)
    if "error" in answer:
        return both(f"expected a result, got error {answer['error']['code']}")
    if op == "inspect":
        return both(None if answer["token"] == expected["token"] else f"parts: expected {expected['token']}, got {answer['token']}")
    if op == "mint":
        return both(None if answer["token"] == expected["token"] else f"expected {expected['token']}, got {answer['token']}")
    return both(judge_restricted(vector, answer["token"]))


def parse(token: str) -> tuple[str, Macaroon]:
    prefix, _, body = token.partition("-")
    return prefix, Macaroon.deserialize(body)


def judge_restricted(vector: dict, token: str) -> str | None:
    """Prefix, location, identifier and old caveats kept; the expected caveats appended (as JSON values); a chain that verifies with the key."""
    before_prefix, before = parse(vector["input"]["token"])
    prefix, after = parse(token)
    if (prefix, after.location, after.identifier_bytes) != (before_prefix, before.location, before.identifier_bytes):
        return f"prefix, location or identifier changed: {token}"
    old, new = after.caveats[: len(before.caveats)], after.caveats[len(before.caveats) :]
    if [c.caveat_id_bytes for c in old] != [c.caveat_id_bytes for c in before.caveats]:
        return "the existing caveats changed"
    appended = [json.loads(c.caveat_id_bytes) for c in new]
    if not same_json(appended, vector["expected"]["caveats"]):
        return f"appended caveats: expected {vector['expected']['caveats']}, got {appended}"
    sig = hmac_sha256(hmac_sha256(b"macaroons-key-generator", bytes.fromhex(vector["input"]["key"])), after.identifier_bytes)
    for c in after.caveats:
        if c.third_party():
            sig = hmac_sha256(sig, hmac_sha256(sig, c.verification_key_id) + hmac_sha256(sig, c.caveat_id_bytes))
        else:
            sig = hmac_sha256(sig, c.caveat_id_bytes)
    return None if sig.hex() == after.signature else "the signature chain does not verify with the key"


@pytest.mark.parametrize("vector", VECTORS, ids=[v["id"] for v in VECTORS])
def test_vector(vector):
    answer = ask(vector)
    if answer["ok"] is False:
        if answer["error"]["code"] == "unsupported":
            pytest.skip(f"pypitoken does not support this {vector['op']}: {answer['error'].get('message', '')}")
        graded = both(f"ERROR: {answer['error']['code']}: {answer['error'].get('message', '')}")
    else:
        graded = judge(vector, answer)
    outcome, message = xfail_outcome(graded, xfail_entry(XFAILS, vector["id"]))
    if outcome == "xfail":
        pytest.xfail(message)
    assert outcome == "pass", message


def test_no_stale_xfail_entries():
    """Every xfail entry matches a vector (VEC-6)."""
    ids = [v["id"] for v in VECTORS]
    assert [e["id"] for e in XFAILS if not any(pattern(e["id"]).match(i) for i in ids)] == []


@pytest.mark.parametrize("vector", VERIFY, ids=[v["id"] for v in VERIFY])
def test_decoded_and_chain(vector):
    """The vector's decoded token and chain (VEC-9), checked by pymacaroons and hmac, not by the generator's code."""
    decoded, chain, key = vector["decoded"], vector["chain"], bytes.fromhex(vector["input"]["key"])
    if decoded is None:
        assert chain is None
        pytest.skip("the token does not decode; pymacaroons is too lenient to confirm that (examples/go does)")
    derived, signatures = chain_of(decoded, key)
    if not key:
        assert chain is None
    else:
        assert chain == {"derived_key": derived.hex(), "signatures": [s.hex() for s in signatures]}
        signed = signatures[-1].hex() == decoded["signature"]
        expected = vector["expected"]
        if expected["result"] == "valid":
            assert signed
        if expected.get("reason") == "SIGNATURE_MISMATCH" and expected["result"] == "invalid":
            assert not signed
    token = vector["input"]["token"]
    try:
        _, m = parse(token)
    except Exception:
        pytest.skip("pymacaroons does not load this token")
    assert decoded["prefix"] == token.partition("-")[0]
    assert m.identifier_bytes == as_bytes(decoded["identifier"])
    assert m.signature == decoded["signature"]  # pymacaroons keeps it hexlified
    assert (as_bytes(decoded["location"]) or b"") == m.location.encode("utf-8")
    assert len(m.caveats) == len(decoded["caveats"])
    for c, want in zip(m.caveats, decoded["caveats"]):
        if isinstance(want, dict) and want.get("third_party"):
            assert (c.caveat_id_bytes, c.verification_key_id.hex()) == (as_bytes(want["id"]), want["vid"])
        else:
            assert c.caveat_id_bytes == as_bytes(want)
