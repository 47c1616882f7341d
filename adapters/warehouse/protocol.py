"""JSON-Lines transport of the adapter protocol (spec/adapter-protocol.md): read
requests from stdin, answer each in order on stdout, never block reading on a full
stdout pipe. Knows nothing of Warehouse; `dispatch(op, request) -> dict` does the work."""

from __future__ import annotations

import json
import math
import os
import queue
import sys
import threading


class BadRequest(Exception):
    """The request line is not valid JSON or lacks a required member: `bad_request`."""


class Unsupported(Exception):
    """The implementation cannot perform this operation or restriction: `unsupported`."""


class Internal(Exception):
    """An expected kind of failure of the implementation or adapter: `internal`,
    without a log line (any other exception is logged to stderr as well)."""


def _no_constants(name):
    raise ValueError(f"{name} is not JSON")


def encode(response: dict) -> bytes:
    return (json.dumps(response, separators=(",", ":"), allow_nan=False) + "\n").encode()


def failure(rid, code: str, message: str | None = None) -> bytes:
    error = {"code": code} if message is None else {"code": code, "message": message}
    return encode({"id": rid, "ok": False, "error": error})


def handle(dispatch, line: bytes) -> bytes:
    """One request line to one response line; never raises."""
    try:
        req = json.loads(line.decode("utf-8"), parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:
        return failure(None, "bad_request", f"not a JSON line: {exc}")
    if not isinstance(req, dict):
        return failure(None, "bad_request", "a request must be a JSON object")
    rid = req.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (int, float, str)) or (
        isinstance(rid, float) and not math.isfinite(rid)
    ):
        return failure(None, "bad_request", "missing or invalid 'id'")
    try:
        return encode({"id": rid, **dispatch(req.get("op"), req)})
    except BadRequest as exc:
        return failure(rid, "bad_request", str(exc))
    except Unsupported as exc:
        return failure(rid, "unsupported", str(exc))
    except Internal as exc:
        return failure(rid, "internal", f"{type(exc).__name__}: {exc}")
    except Exception as exc:
        print(f"adapters/warehouse: request {rid!r}: {type(exc).__name__}: {exc}",
              file=sys.stderr, flush=True)
        return failure(rid, "internal", f"{type(exc).__name__}: {exc}")


def write_responses(out, pending: queue.SimpleQueue) -> None:
    """Writer thread: writes and flushes whatever responses are queued, so the reading
    loop never blocks on a full stdout pipe (ADAPT-3: a client may write every request
    before it reads any response). None ends it."""
    try:
        while (chunk := pending.get()) is not None:
            chunks = [chunk]
            while not pending.empty() and (chunk := pending.get()) is not None:
                chunks.append(chunk)
            out.write(b"".join(chunks))
            out.flush()
            if chunk is None:
                return
    except BrokenPipeError:
        print("adapters/warehouse: stdout closed before all responses were written",
              file=sys.stderr, flush=True)
        os._exit(1)


def serve(dispatch, out) -> None:
    """Read whatever stdin has, answer every complete line of it (blank lines are not
    requests), hand the answers to the writer thread, repeat until end of input."""
    pending: queue.SimpleQueue = queue.SimpleQueue()
    writer = threading.Thread(target=write_responses, args=(out, pending), daemon=True)
    writer.start()
    rest = b""
    while chunk := os.read(0, 1 << 16):
        rest += chunk
        if b"\n" not in chunk:
            continue
        *lines, rest = rest.split(b"\n")
        replies = [handle(dispatch, line) for line in lines if line.strip()]
        if replies:
            pending.put(b"".join(replies))
    if rest.strip():
        pending.put(handle(dispatch, rest))
    pending.put(None)
    writer.join()
