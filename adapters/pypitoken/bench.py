"""Throughput of the pypitoken adapter: pipelined verify requests through one process.

    adapters/pypitoken/.venv/bin/python adapters/pypitoken/bench.py [-n 20000] [--caveats 3]

Mints a token with the adapter (caveats [1, ["requests"]], [2, [PID]], [3, UID], the
first N of them), then writes N verify requests for it without waiting, reads the
responses on a second thread and reports requests/s. It also times the same
Token.load + Token.check in-process, to separate pypitoken's cost from the adapter's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEY = bytes(range(32))
PID = "00000000-0000-0000-0000-000000000001"
UID = "00000000-0000-0000-0000-000000000002"
CAVEATS = ['[1, ["requests"]]', f'[2, ["{PID}"]]', f'[3, "{UID}"]']
CONTEXT = {
    "now": 1700000010,
    "project": {"name": "requests", "normalized_name": "requests", "id": PID},
    "user_id": UID,
    "oidc_publisher": None,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--requests", type=int, default=20000)
    parser.add_argument("--caveats", type=int, default=3, choices=range(len(CAVEATS) + 1))
    parser.add_argument("--python", default=sys.executable, help="interpreter for the adapter")
    args = parser.parse_args()

    proc = subprocess.Popen(
        [args.python, str(HERE / "adapter.py")], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    mint = {
        "id": 0, "op": "mint", "key": KEY.hex(), "location": "index.example",
        "identifier": "12345678-1234-5678-1234-567812345678", "prefix": "pypi",
        "caveats": CAVEATS[: args.caveats],
    }
    proc.stdin.write((json.dumps(mint) + "\n").encode())
    proc.stdin.flush()
    token = json.loads(proc.stdout.readline())["token"]
    line = json.dumps({"id": 1, "op": "verify", "token": token, "key": KEY.hex(), "context": CONTEXT})
    payload = (line + "\n").encode() * args.requests

    answers = {"valid": 0, "other": 0}

    def read() -> None:
        for raw in proc.stdout:
            answers["valid" if json.loads(raw).get("valid") is True else "other"] += 1

    reader = threading.Thread(target=read)
    start = time.perf_counter()
    reader.start()
    proc.stdin.write(payload)
    proc.stdin.close()
    reader.join()
    elapsed = time.perf_counter() - start
    proc.stdout.close()
    if proc.wait() != 0 or answers["valid"] != args.requests:
        sys.exit(f"unexpected answers {answers}, exit status {proc.returncode}")
    print(f"adapter:    {args.requests} verify requests, {args.caveats} caveats, "
          f"{elapsed:.2f} s, {args.requests / elapsed:,.0f} requests/s")

    from pypitoken import Token  # the same work in-process, without the adapter

    rounds = max(1, min(args.requests, 2000))
    start = time.perf_counter()
    for _ in range(rounds):
        Token.load(token).check(key=KEY, project_name="requests", project_id=PID,
                                user_id=UID, now=1700000010)
    elapsed = time.perf_counter() - start
    print(f"in-process: {rounds} Token.load + check, {rounds / elapsed:,.0f} per second")


if __name__ == "__main__":
    main()
