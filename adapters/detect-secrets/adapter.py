"""Conformance adapter for detect-secrets' PyPI token plugin (adapter protocol version 1).

Answers `detect` only (ADAPT-14): each request's text goes through detect-secrets' own ad-hoc
line scan (`detect_secrets.core.scan.scan_line`, what `detect-secrets scan --string` runs) with
its default filters and one plugin enabled, `PypiTokenDetector`. Every secret it reports is a
finding, exactly as reported. The plugin has one secret type for both indexes, so findings carry
no `index` (DETECT-5). Start it with the adapter's own virtualenv:

    adapters/detect-secrets/.venv/bin/python adapters/detect-secrets/adapter.py
"""

from __future__ import annotations

import json
import math
import os
import sys
from importlib.metadata import version

from detect_secrets.core.scan import scan_line
from detect_secrets.settings import transient_settings

PROTOCOL = 1
IMPLEMENTATION = {"name": "detect-secrets", "version": version("detect-secrets")}
PLUGINS = {"plugins_used": [{"name": "PypiTokenDetector"}]}


def op_detect(req: dict) -> dict:
    text = req.get("text")
    if not isinstance(text, str):
        raise ValueError("member 'text' must be a string")
    return {"findings": [{"match": secret.secret_value} for secret in scan_line(text)]}


def answer(line: bytes) -> dict:
    """The response to one request line; never raises."""
    try:
        req = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return {"id": None, "ok": False, "error": {"code": "bad_request", "message": f"invalid JSON: {exc}"}}
    rid = req.get("id") if isinstance(req, dict) else None
    if isinstance(rid, bool) or not isinstance(rid, (int, float, str)) or isinstance(rid, float) and not math.isfinite(rid):
        return {"id": None, "ok": False, "error": {"code": "bad_request", "message": "a request is an object with a number or string id"}}
    op = req.get("op")
    if op == "hello":
        return {"id": rid, "ok": True, "protocol": PROTOCOL, "implementation": IMPLEMENTATION, "ops": ["hello", "detect"]}
    if op != "detect":
        return {"id": rid, "ok": False, "error": {"code": "unsupported", "message": f"detect-secrets only detects; it cannot {op}"}}
    try:
        return {"id": rid, "ok": True, **op_detect(req)}
    except ValueError as exc:
        return {"id": rid, "ok": False, "error": {"code": "bad_request", "message": str(exc)}}
    except Exception as exc:  # anything detect-secrets does not document
        return {"id": rid, "ok": False, "error": {"code": "internal", "message": f"{type(exc).__name__}: {exc}"}}


def serve() -> None:
    """Answer every complete line of what stdin has, flush, repeat until end of input (ADAPT-1 … ADAPT-5)."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints go to stderr (ADAPT-4)
    sys.stdout = sys.stderr
    rest = b""
    while chunk := os.read(0, 1 << 16):
        rest += chunk
        *lines, rest = rest.split(b"\n")
        replies = [answer(line) for line in lines if line.strip()]
        out.write(b"".join(json.dumps(r, separators=(",", ":")).encode() + b"\n" for r in replies))
        out.flush()
    if rest.strip():
        out.write(json.dumps(answer(rest), separators=(",", ":")).encode() + b"\n")
    out.close()


if __name__ == "__main__":
    with transient_settings(PLUGINS):
        serve()
