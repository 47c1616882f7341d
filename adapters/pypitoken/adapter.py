"""Conformance adapter for pypitoken 7.1.1 (adapter protocol version 1).

Reads JSON-Lines requests on stdin and answers each on stdout, in order; see
spec/adapter-protocol.md. Start it with the adapter's own virtualenv:

    adapters/pypitoken/.venv/bin/python adapters/pypitoken/adapter.py

The adapter measures pypitoken as it is: it adds no check pypitoken does not make
(no prefix or domain check, no argument validation) and fixes none of its bugs.
Exceptions pypitoken does not document become `internal` errors. Two things have no
public pypitoken API and use the pymacaroons object behind `Token._macaroon`:
reading raw caveats/signature (inspect) and embedding exact caveat strings (mint).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from importlib.metadata import version

from pypitoken import InvalidRestriction, LoaderError, Token, ValidationError

import reasons

PROTOCOL = 1
IMPLEMENTATION = {"name": "pypitoken", "version": version("pypitoken")}
HEX = re.compile(r"(?:[0-9a-fA-F]{2})*")


class BadRequest(Exception):
    """The request line is not valid JSON or lacks a required member."""


class Unsupported(Exception):
    """pypitoken cannot perform this operation or write this restriction."""


def member(obj, name, *types):
    """obj[name], which must exist (and be of one of ``types``, if given)."""
    if not isinstance(obj, dict) or name not in obj:
        raise BadRequest(f"missing member {name!r}")
    value = obj[name]
    if types and (not isinstance(value, types) or isinstance(value, bool)):
        raise BadRequest(f"member {name!r} has the wrong type")
    return value


def hex_key(req) -> bytes:
    value = member(req, "key", str)
    if not HEX.fullmatch(value):
        raise BadRequest("member 'key' is not hexadecimal")
    return bytes.fromhex(value)


def text(data: bytes):
    """A string when the bytes are UTF-8, else {"hex": ...} (ADAPT-9)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return {"hex": data.hex()}


def text_of(read, raw):
    """read() (a pymacaroons str property), or text(raw()) when the bytes are not UTF-8."""
    try:
        return read()
    except UnicodeDecodeError:
        return text(raw())


def rejection(code: str | None, exc: Exception) -> dict:
    """`ok: true` + error for a documented rejection; re-raise (-> internal) otherwise."""
    if code is None:
        raise exc
    return {"error": {"code": code, "message": str(exc)}}


def load(raw: str):
    """(token, None) or (None, rejection) for Token.load(raw)."""
    try:
        return Token.load(raw), None
    except LoaderError as exc:
        return None, rejection(reasons.load_reason(exc), exc)


# --- operations -------------------------------------------------------------------


def op_hello(req) -> dict:
    return {"protocol": PROTOCOL, "implementation": IMPLEMENTATION, "ops": list(OPS)}


def op_inspect(req) -> dict:
    token, error = load(member(req, "token", str))
    if error:
        return error
    # Private: pypitoken exposes no raw caveats or signature, only its pymacaroons object.
    # pypitoken's properties raise UnicodeDecodeError on non-UTF-8 bytes (V2 locations
    # are decoded while loading, V1 ones only here); fall back to the raw bytes.
    mac = token._macaroon
    return {
        "token": {
            "prefix": token.prefix,
            "location": text_of(lambda: token.domain, lambda: mac._location),
            "identifier": text_of(lambda: token.identifier, lambda: mac.identifier_bytes),
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
        # an absent third-party location (V2 allows it) is reported as ""
        "location": text_of(lambda: caveat.location or "", lambda: caveat._location),
        "vid": caveat.verification_key_id.hex(),
    }


def op_verify(req) -> dict:
    raw = member(req, "token", str)
    key = hex_key(req)
    ctx = member(req, "context", dict)
    now, user_id = member(ctx, "now"), member(ctx, "user_id")
    member(ctx, "oidc_publisher")  # pypitoken has no Trusted Publishing context: ignored
    project = member(ctx, "project", dict, type(None))
    name = project_id = None
    if project is not None:
        # pypitoken's docs: callers pass the *normalized* project name.
        name, project_id = member(project, "normalized_name"), member(project, "id")
    token, error = load(raw)
    if error:
        return verdict(error["error"]["code"], error["error"]["message"])
    try:
        token.check(key=key, project_name=name, project_id=project_id, user_id=user_id, now=now)
    except ValidationError as exc:
        code = reasons.check_reason(exc, token._macaroon.caveats)
        if code is None:
            raise
        return verdict(code, str(exc))
    return verdict(None, None)


def verdict(reason: str | None, message: str | None) -> dict:
    return {"valid": reason is None, "reason": reason, "message": message}


def op_mint(req) -> dict:
    key = hex_key(req)
    location = member(req, "location", str)
    identifier = member(req, "identifier", str)
    prefix = member(req, "prefix", str)
    caveats = member(req, "caveats", list)
    if not all(isinstance(c, str) for c in caveats):
        raise BadRequest("member 'caveats' must be a list of strings")
    token = Token.create(domain=location, identifier=identifier, key=key, prefix=prefix)
    for caveat in caveats:
        # Private: restrict() only writes pypitoken's own restriction classes; exact
        # caveat strings can only be embedded through the pymacaroons object.
        token._macaroon.add_first_party_caveat(caveat)
    return {"token": token.dump()}


# Protocol restriction type -> keyword arguments of Token.restrict (values passed as-is).
RESTRICTIONS = {
    "expiration": lambda r: {
        "not_before": member(r, "not_before"),
        "not_after": member(r, "expires_at"),
    },
    "project_names": lambda r: {"project_names": member(r, "names")},
    "project_ids": lambda r: {"project_ids": member(r, "ids")},
    "user": lambda r: {"user_id": member(r, "user_id")},
    "legacy_user": lambda r: {"legacy_noop": True},
    "legacy_project_names": lambda r: {"legacy_project_names": member(r, "names")},
    "legacy_expiration": lambda r: {
        "legacy_not_before": member(r, "not_before"),
        "legacy_not_after": member(r, "expires_at"),
    },
}
UNWRITABLE = {"oidc_publisher", "legacy_project_ids"}  # no pypitoken restriction class


def op_restrict(req) -> dict:
    raw = member(req, "token", str)
    calls = []
    for restriction in member(req, "restrictions", list):
        kind = member(restriction, "type", str)
        if kind in UNWRITABLE:
            raise Unsupported(f"pypitoken cannot write {kind} restrictions")
        if kind not in RESTRICTIONS:
            raise Unsupported(f"pypitoken has no restriction type {kind!r}")
        calls.append(RESTRICTIONS[kind](restriction))
    token, error = load(raw)
    if error:
        return error
    try:
        # One restrict() call per restriction: within one call pypitoken reorders them.
        for kwargs in calls:
            token.restrict(**kwargs)
    except InvalidRestriction as exc:
        return {"error": {"code": "INVALID_ARGUMENT", "message": str(exc)}}
    return {"token": token.dump()}


OPS = {
    "hello": op_hello,
    "inspect": op_inspect,
    "verify": op_verify,
    "mint": op_mint,
    "restrict": op_restrict,
}


# --- transport --------------------------------------------------------------------


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
        if op not in OPS:
            raise Unsupported(f"unknown op {op!r}")
        return {"id": rid, "ok": True, **OPS[op](req)}
    except BadRequest as exc:
        return failure(rid, "bad_request", str(exc))
    except Unsupported as exc:
        return failure(rid, "unsupported", str(exc))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # anything pypitoken does not document
        return failure(rid, "internal", f"{type(exc).__name__}: {exc}")


def encode(response: dict) -> bytes:
    try:
        data = json.dumps(response, ensure_ascii=True, separators=(",", ":"))
    except (ValueError, TypeError, RecursionError) as exc:
        data = json.dumps(failure(response.get("id"), "internal", f"unencodable response: {exc}"))
    return data.encode("ascii") + b"\n"


def serve() -> None:
    # Keep fd 1 for responses only: stray prints (ours or a library's) go to stderr.
    out = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    pending: list[bytes] = []  # the start of an unfinished line
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
        out.flush()  # the input chunk is drained: never leave a client waiting
    last = b"".join(pending)
    if last.strip():  # a final request without its newline
        out.write(encode(answer(last)))
    out.close()


if __name__ == "__main__":
    serve()
