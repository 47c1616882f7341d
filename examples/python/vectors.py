"""Reading and judging the conformance vectors with nothing but the standard library.

This is the part of the example a Python implementer copies: it knows the vector format
(spec/vector-format.md, "consume the vectors"), not any implementation. test_pypitoken.py binds it
to pypitoken.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "vectors"


def load_vectors() -> list[dict]:
    """Every vector of vectors/**/*.json except the manifest and candidates/, checked against the manifest's count."""
    vectors = []
    for path in sorted(VECTORS.rglob("*.json")):
        relative = path.relative_to(VECTORS)
        if relative == Path("index.json") or relative.parts[0] == "candidates":
            continue
        vectors.extend(json.loads(path.read_text("utf-8"))["vectors"])
    expected = json.loads((VECTORS / "index.json").read_text("utf-8"))["number_of_vectors"]
    if len(vectors) != expected:
        raise RuntimeError(f"read {len(vectors)} vectors; the manifest says {expected}")
    return vectors


def load_xfails(path: Path) -> list[dict]:
    """The entries of an xfail file (VEC-6)."""
    return json.loads(path.read_text("utf-8"))["entries"]


def pattern(entry_id: str) -> re.Pattern:
    """An xfail id: `*` matches any run of characters."""
    return re.compile("^" + ".*".join(re.escape(part) for part in entry_id.split("*")) + "$", re.S)


def xfail_entry(xfails: list[dict], vector_id: str) -> dict | None:
    return next((e for e in xfails if pattern(e["id"]).match(vector_id)), None)


def as_bytes(value) -> bytes | None:
    """A decoded field (ADAPT-9): text, {"hex": ...}, or null."""
    if value is None:
        return None
    return value.encode("utf-8") if isinstance(value, str) else bytes.fromhex(value["hex"])


def hmac_sha256(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def chain_of(decoded: dict, key: bytes) -> tuple[bytes, list[bytes]]:
    """The derived key and sig_0 … sig_n from the decoded parts alone (SIG-1 … SIG-4): no V2 parser."""
    derived = hmac_sha256(b"macaroons-key-generator", key)
    sig = hmac_sha256(derived, as_bytes(decoded["identifier"]))
    signatures = [sig]
    for caveat in decoded["caveats"]:
        if isinstance(caveat, dict) and caveat.get("third_party"):
            vid, cid = bytes.fromhex(caveat["vid"]), as_bytes(caveat["id"])
            sig = hmac_sha256(sig, hmac_sha256(sig, vid) + hmac_sha256(sig, cid))
        else:
            sig = hmac_sha256(sig, as_bytes(caveat))
        signatures.append(sig)
    return derived, signatures


@dataclass
class Graded:
    """One vector judged at the verdict and the reason level (VEC-7): None is a pass, else why not."""

    verdict: str | None
    reason: str | None


def both(problem: str | None) -> Graded:
    return Graded(problem, problem)


def allowed(expected: dict) -> list[str]:
    """The expected reason and the acceptable others (VEC-3)."""
    return [expected["reason"], *expected.get("acceptable_reasons", [])]


def judge_verify(expected: dict, answer: dict) -> Graded:
    """`answer`: {"valid", "reason"} and, from an implementation that lists them, "failures"."""
    valid, reason, result = answer["valid"], answer["reason"], expected["result"]
    if result == "valid":
        return both(None if valid else f"expected valid, got invalid ({reason})")
    if valid:
        return both(None if result == "acceptable" else f"expected invalid ({expected['reason']}), got valid")
    if reason not in allowed(expected):
        return Graded(None, f"expected {result} ({' or '.join(allowed(expected))}), got invalid ({reason})")
    want = [(f["index"], f["reason"]) for f in expected.get("failures", [])]
    got = answer.get("failures")
    if want and got is not None and want != [(f["index"], f["reason"]) for f in got]:
        return Graded(None, f"failures: expected {want}, got {got}")
    return both(None)


def judge_rejection(expected: dict, answer: dict) -> Graded:
    """For an expected rejection of inspect, mint or restrict: any rejection passes the verdict level."""
    if "error" not in answer:
        return both(f"expected error {expected['reason']}, got {answer}")
    code = answer["error"]["code"]
    return Graded(None, None if code in allowed(expected) else f"expected error {' or '.join(allowed(expected))}, got {code}")


def same_json(a, b) -> bool:
    """JSON values equal, an integer never equal to a float or a boolean."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b))
    return a == b


def xfail_outcome(graded: Graded, entry: dict | None) -> tuple[str, str]:
    """("pass" | "fail" | "xfail", message) from both levels and the vector's xfail entry (VEC-6)."""
    if entry is None:
        problem = graded.verdict or graded.reason
        return ("fail", problem) if problem else ("pass", "")
    if entry["level"] == "verdict":
        if graded.verdict is None:
            return "fail", f"XPASS at the verdict level: the xfail entry {entry['id']} expects it to fail ({entry['reason']})"
        return "xfail", graded.verdict
    if graded.verdict is not None:
        return "fail", f"{graded.verdict} (the xfail entry {entry['id']} says only the reason differs)"
    if graded.reason is None:
        return "fail", f"XPASS at the reason level: the xfail entry {entry['id']} expects it to fail ({entry['reason']})"
    return "xfail", graded.reason
