"""Python peers for `npm run bench`, timed in-process in their own virtualenvs.

    python peers.py pymacaroons TOKEN KEY_HEX      Macaroon.deserialize + Verifier.verify
    python peers.py pypitoken TOKEN KEY_HEX        Token.load + Token.check
    python peers.py adapter NAME REQUESTS_FILE     an adapter's own request handler, in-process
                                                   (NAME pypitoken or warehouse; one JSON
                                                   request per line)

Prints one JSON object: {"rate": operations per second, "clock": "cpu"} (and the peer's
"version"). Rates are per CPU second of this process, like the rates of the Node side, so that
other work on the machine does not decide them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_ID = "0b7e4d4f-2f3e-4e53-9a0a-5f5f0c8f5a11"
USER_ID = "00000000-0000-0000-0000-000000000001"
NOW = 1700000000


def rate(fn, clock, seconds: float = 1.0, rounds: int = 5) -> float:
    """Median operations per second over `rounds` slices of about `seconds`."""
    for _ in range(5):
        fn()
    samples = []
    for _ in range(rounds):
        n, start = 0, clock()
        while (elapsed := clock() - start) < seconds:
            fn()
            n += 1
        samples.append(n / elapsed)
    return sorted(samples)[len(samples) // 2]


def pymacaroons_verify(token: str, key: bytes):
    from pymacaroons import Macaroon, Verifier

    body = token[len("pypi-"):]

    def checker(condition: str) -> bool:
        json.loads(condition)  # the same work as the JSON.parse checker of the npm peer
        return True

    def once():
        v = Verifier()
        v.satisfy_general(checker)
        if not v.verify(Macaroon.deserialize(body), key):
            raise SystemExit("pymacaroons did not verify the benchmark token")

    return once


def pypitoken_check(token: str, key: bytes):
    from pypitoken import Token

    def once():
        Token.load(token).check(key=key, project_name="requests", project_id=PROJECT_ID, user_id=USER_ID, now=NOW)

    return once


def adapter_handler(name: str, lines: list[bytes]):
    sys.path.insert(0, str(ROOT / "adapters" / name))
    if name == "pypitoken":
        import adapter

        answer = lambda line: adapter.encode(adapter.answer(line))  # noqa: E731
    else:
        import adapter
        import protocol
        import standins

        src = os.environ["WAREHOUSE_SRC"]
        ops = adapter.Operations(standins.load_warehouse(src), adapter.checkout_version(src))
        answer = lambda line: protocol.handle(ops, line)  # noqa: E731
    for line in lines:  # the same answers the harness gets, or the rate means nothing
        if not json.loads(answer(line)).get("valid") in (True, False):
            raise SystemExit(f"adapter {name} did not give a verdict: {answer(line)!r}")
    state = {"i": 0}

    def once():
        answer(lines[state["i"] % len(lines)])
        state["i"] += 1

    return once


def main() -> None:
    mode, *args = sys.argv[1:]
    if mode in ("pymacaroons", "pypitoken"):
        token, key = args[0], bytes.fromhex(args[1])
        fn = pymacaroons_verify(token, key) if mode == "pymacaroons" else pypitoken_check(token, key)
        from importlib.metadata import version

        print(json.dumps({"rate": rate(fn, time.process_time), "clock": "cpu", "version": version(mode)}))
    elif mode == "adapter":
        name, path = args
        lines = [line for line in Path(path).read_bytes().split(b"\n") if line.strip()]
        print(json.dumps({"rate": rate(adapter_handler(name, lines), time.process_time), "clock": "cpu"}))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main()
