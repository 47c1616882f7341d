"""Conformance adapter for pymacaroons 0.13.0, used directly (adapter protocol version 1).

Reads JSON-Lines requests on stdin and answers each on stdout, in order; see
spec/adapter-protocol.md. Start it with the adapter's own virtualenv:

    adapters/pymacaroons/.venv/bin/python adapters/pymacaroons/adapter.py

pymacaroons knows the macaroon formats and the HMAC chain, not PyPI's caveats. So:
- inspect: ``Macaroon.deserialize`` (its own base64 and binary decoding) on the text after the
  first ``-``; the parts are read from its getters;
- mint: ``Macaroon(..., version=MACAROON_V2)``, ``add_first_party_caveat`` for each given
  string, ``serialize()``;
- restrict: ``deserialize``, ``add_first_party_caveat`` with the caveat bytes of caveats.py,
  ``serialize()``;
- verify: unsupported (pymacaroons' Verifier would need a PyPI caveat checker written here).
The glue beyond pymacaroons (splitting off and re-attaching the prefix, the caveat bytes) is
listed in README.md. Exceptions pymacaroons does not document become ``internal``.
"""

from __future__ import annotations

import binascii
import json
import math
import os
import re
import sys
from importlib.metadata import version

from pymacaroons import Macaroon, MACAROON_V2
from pymacaroons.exceptions import MacaroonException

from caveats import caveat_bytes

PROTOCOL = 1
IMPLEMENTATION = {"name": "pymacaroons", "version": version("pymacaroons")}
HEX = re.compile(r"(?:[0-9a-fA-F]{2})*")


class BadRequest(Exception):
    """The request line is not valid JSON or lacks a required member."""


class Unsupported(Exception):
    """pymacaroons cannot perform this operation."""


def member(obj, name, *types):
    if not isinstance(obj, dict) or name not in obj:
        raise BadRequest(f"missing member {name!r}")
    value = obj[name]
    if types and (not isinstance(value, types) or isinstance(value, bool)):
        raise BadRequest(f"member {name!r} has the wrong type")
    return value


def text(data: bytes):
    """A string when the bytes are UTF-8, else {"hex": ...} (ADAPT-9)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return {"hex": data.hex()}


def load(raw: str):
    """(prefix, macaroon, None) or (None, None, rejection).

    Glue: the prefix is the text before the first "-" (TOKEN-1); the rest goes to
    pymacaroons as it is. Documented pymacaroons failures are rejections: binascii.Error
    (its base64 decoding) is TOKEN_BAD_ENCODING; MacaroonException and a plain ValueError
    ("empty macaroon") are MACAROON_MALFORMED. Anything else propagates (-> internal).
    """
    prefix, dash, body = raw.partition("-")
    if not dash:
        return None, None, {"error": {"code": "TOKEN_BAD_PREFIX", "message": "no '-' in the token"}}
    try:
        return prefix, Macaroon.deserialize(body), None
    except binascii.Error as exc:
        return None, None, {"error": {"code": "TOKEN_BAD_ENCODING", "message": str(exc)}}
    except MacaroonException as exc:
        return None, None, {"error": {"code": "MACAROON_MALFORMED", "message": str(exc)}}
    except ValueError as exc:
        if type(exc) is not ValueError:  # UnicodeDecodeError and the like are not documented
            raise
        return None, None, {"error": {"code": "MACAROON_MALFORMED", "message": str(exc)}}


def dump(prefix: str, mac) -> str:
    """Glue: the prefix and "-" in front of pymacaroons' serialize() (unpadded base64url)."""
    return f"{prefix}-{mac.serialize()}"


# --- operations -------------------------------------------------------------------


def op_hello(req) -> dict:
    return {"protocol": PROTOCOL, "implementation": IMPLEMENTATION, "ops": list(OPS)}


def op_inspect(req) -> dict:
    prefix, mac, error = load(member(req, "token", str))
    if error:
        return error
    return {
        "token": {
            "prefix": prefix,
            "location": text(mac._location),  # the getter decodes; the raw bytes are kept here
            "identifier": text(mac.identifier_bytes),
            "caveats": [inspect_caveat(c) for c in mac.caveats],
            "signature": mac.signature,  # hexlified by pymacaroons, lowercase
        }
    }


def inspect_caveat(caveat):
    if not caveat.third_party():
        return text(caveat.caveat_id_bytes)
    return {
        "third_party": True,
        "id": text(caveat.caveat_id_bytes),
        "location": text(caveat._location or b""),
        "vid": caveat.verification_key_id.hex(),
    }


def op_mint(req) -> dict:
    key = member(req, "key", str)
    if not HEX.fullmatch(key):
        raise BadRequest("member 'key' is not hexadecimal")
    location = member(req, "location", str)
    identifier = member(req, "identifier", str)
    prefix = member(req, "prefix", str)
    caveats = member(req, "caveats", list)
    if not all(isinstance(c, str) for c in caveats):
        raise BadRequest("member 'caveats' must be a list of strings")
    mac = Macaroon(location=location, identifier=identifier, key=bytes.fromhex(key), version=MACAROON_V2)
    for caveat in caveats:
        mac.add_first_party_caveat(caveat)
    return {"token": dump(prefix, mac)}


def op_restrict(req) -> dict:
    raw = member(req, "token", str)
    strings = []
    for restriction in member(req, "restrictions", list):
        member(restriction, "type", str)
        try:
            caveat = caveat_bytes(restriction)
        except KeyError as exc:
            raise BadRequest(f"restriction lacks member {exc}") from None
        if caveat is None:
            raise Unsupported(f"no restriction type {restriction['type']!r}")
        strings.append(caveat)
    prefix, mac, error = load(raw)
    if error:
        return error
    for caveat in strings:
        mac.add_first_party_caveat(caveat)
    return {"token": dump(prefix, mac)}


def op_verify(req) -> dict:
    raise Unsupported("pymacaroons has no PyPI caveat checker; this adapter does not write one")


OPS = {"hello": op_hello, "inspect": op_inspect, "mint": op_mint, "restrict": op_restrict}
ALL = {**OPS, "verify": op_verify}


# --- transport (as adapters/pypitoken/adapter.py) ------------------------------------


def failure(rid, code: str, message: str) -> dict:
    return {"id": rid, "ok": False, "error": {"code": code, "message": message}}


def answer(line: bytes) -> dict:
    """The response to one request line; never raises (except to exit)."""
    try:
        req = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return failure(None, "bad_request", f"invalid JSON: {exc}")
    rid = req.get("id") if isinstance(req, dict) else None
    if isinstance(rid, bool) or not isinstance(rid, (int, float, str)):
        return failure(None, "bad_request", "request is not an object with a number or string id")
    if isinstance(rid, float) and not math.isfinite(rid):
        return failure(None, "bad_request", "request id is not a finite number")
    try:
        op = member(req, "op", str)
        if op not in ALL:
            raise Unsupported(f"unknown op {op!r}")
        return {"id": rid, "ok": True, **ALL[op](req)}
    except BadRequest as exc:
        return failure(rid, "bad_request", str(exc))
    except Unsupported as exc:
        return failure(rid, "unsupported", str(exc))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # anything pymacaroons does not document
        return failure(rid, "internal", f"{type(exc).__name__}: {exc}")


def encode(response: dict) -> bytes:
    try:
        data = json.dumps(response, ensure_ascii=True, separators=(",", ":"))
    except (ValueError, TypeError, RecursionError) as exc:
        data = json.dumps(failure(response.get("id"), "internal", f"unencodable response: {exc}"))
    return data.encode("ascii") + b"\n"


def serve() -> None:
    out = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    pending: list[bytes] = []
    while chunk := os.read(0, 1 << 16):
        end = chunk.rfind(b"\n")
        if end < 0:
            pending.append(chunk)
            continue
        lines = b"".join([*pending, chunk[:end]]).split(b"\n")
        pending = [chunk[end + 1 :]]
        for line in lines:
            if line.strip():
                out.write(encode(answer(line)))
        out.flush()
    last = b"".join(pending)
    if last.strip():
        out.write(encode(answer(last)))
    out.close()


if __name__ == "__main__":
    serve()
