"""Warehouse adapter: drives Warehouse's own token code (pypi/warehouse, the code behind
the Python Package Index) over the JSON-Lines adapter protocol (spec/adapter-protocol.md).

    WAREHOUSE_SRC=/path/to/warehouse-checkout adapters/warehouse/.venv/bin/python \\
        adapters/warehouse/adapter.py

It lists the operations Warehouse has code for, `hello` and `verify`; `inspect`, `mint`
and `restrict` answer `unsupported`. verify runs DatabaseMacaroonService.find_from_raw
and .verify on a fake database session (outcomes.py, standins.py).

Exit status: 0 at end of input; 3 when WAREHOUSE_SRC is unset or holds no
warehouse/macaroons/caveats (one line on stderr; the runner skips); 4 when the
checkout is there but cannot be imported (one line on stderr). See README.md.
"""

from __future__ import annotations

import os
import subprocess
import sys

import outcomes
import standins

from protocol import BadRequest, Unsupported, serve

OPS = ["hello", "verify"]
MAX_NOW = 2**53 - 1

# Operations of the protocol that Warehouse has no code for (ADAPT-6: `unsupported`).
UNSUPPORTED = {
    "inspect": "Warehouse has no operation that reports a token's parts: find_from_raw "
               "returns the database row, not the macaroon's fields",
    "mint": "Warehouse mints only in DatabaseMacaroonService.create_macaroon, which inserts "
            "a database row with a random 32-byte key (os.urandom) and uses the row's UUID "
            "as the identifier, so it cannot mint with a given key and identifier",
    "restrict": "Warehouse has no attenuation API (holders add caveats with other tools)",
}


def die(status: int, line: str) -> None:
    print(f"adapters/warehouse: {line}", file=sys.stderr, flush=True)
    sys.exit(status)


def checkout_version(src: str) -> str:
    """The commit of WAREHOUSE_SRC: `git rev-parse HEAD` when it is the top of a git
    work tree (local git only, no network), else the first line of its COMMIT file
    when that holds a commit id (a copy of Warehouse's files, such as the read-only
    subset CI uses), else "unknown"."""
    try:
        top = subprocess.run(
            ["git", "-C", src, "rev-parse", "--show-toplevel", "HEAD"],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        top = []
    if len(top) == 2 and os.path.realpath(top[0]) == os.path.realpath(src):
        return top[1]
    try:
        with open(os.path.join(src, "COMMIT"), encoding="ascii") as f:
            commit = f.readline().strip()
    except (OSError, UnicodeDecodeError):
        return "unknown"
    if 7 <= len(commit) <= 64 and all(c in "0123456789abcdef" for c in commit):
        return commit
    return "unknown"


# --------------------------------------------------------------------------------------
# Request members
# --------------------------------------------------------------------------------------


def member(req: dict, name: str, kind, what: str):
    if name not in req:
        raise BadRequest(f"missing member {name!r}")
    value = req[name]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise BadRequest(f"member {name!r} must be {what}")
    return value


def hex_key(req: dict) -> bytes:
    key = member(req, "key", str, "a lowercase hex string")
    if len(key) % 2 or any(c not in "0123456789abcdef" for c in key):
        raise BadRequest("member 'key' must be lowercase hex")
    return bytes.fromhex(key)


def strings(value, name: str) -> list:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadRequest(f"{name} must be a list of strings")
    return value


def read_context(ctx) -> tuple:
    """(now, Pyramid context, user id, publisher) for a protocol `context`. A context
    with both a user and a publisher is `unsupported`: a Warehouse request has one
    identity, taken from the token's database row."""
    if not isinstance(ctx, dict):
        raise BadRequest("member 'context' must be an object")
    now = member(ctx, "now", int, "an integer")
    if not 0 <= now <= MAX_NOW:
        raise BadRequest("context.now must be in [0, 2^53-1]")
    if "project" not in ctx or "user_id" not in ctx or "oidc_publisher" not in ctx:
        raise BadRequest("context needs now, project, user_id and oidc_publisher")
    project = ctx["project"]
    if project is not None:
        if not isinstance(project, dict):
            raise BadRequest("context.project must be an object or null")
        name, normalized, pid = (member(project, k, str, "a string")
                                 for k in ("name", "normalized_name", "id"))
        context = standins.Project(name, normalized, pid)
    else:
        context = standins.NonProjectContext()
    user_id, publisher = ctx["user_id"], ctx["oidc_publisher"]
    if user_id is not None and not isinstance(user_id, str):
        raise BadRequest("context.user_id must be a string or null")
    if publisher is not None:
        if not isinstance(publisher, dict):
            raise BadRequest("context.oidc_publisher must be an object or null")
        pub_id = member(publisher, "id", str, "a string")
        ids = strings(member(publisher, "project_ids", list, "a list"), "project_ids")
        # Warehouse tests `context in publisher.projects`: the context's own object.
        projects = [
            context if isinstance(context, standins.Project) and context.id == i
            else standins.Project(None, None, i)
            for i in ids
        ]
        publisher = standins.Publisher(pub_id, projects)
    if user_id is not None and publisher is not None:
        raise Unsupported(
            "a Warehouse request has one identity (MacaroonSecurityPolicy.identity gives a "
            "UserContext or a PublisherTokenContext from the token's row), not both a user "
            "and an OIDC publisher"
        )
    return now, context, user_id, publisher


def identity_for(context, user_id, publisher):
    """`identity_for(row)` for outcomes.verify: the request whose identity is what
    MacaroonSecurityPolicy.identity builds from the row Warehouse found:
    UserContext(user, row) for a user's token, PublisherTokenContext(publisher, claims)
    for a Trusted Publisher's, none when the context has neither."""
    def build(row):
        if user_id is not None:
            identity = standins.UserContext(standins.User(user_id), row)
        elif publisher is not None:
            identity = standins.PublisherTokenContext(publisher, None)
        else:
            identity = None
        return standins.Request(identity), context
    return build


# --------------------------------------------------------------------------------------
# Operations
# --------------------------------------------------------------------------------------


class Operations:
    def __init__(self, wh, version: str):
        self.wh = wh
        self.version = version

    def __call__(self, op, req: dict) -> dict:
        if op in UNSUPPORTED:
            raise Unsupported(UNSUPPORTED[op])
        if op not in OPS:
            raise BadRequest(f"unknown op {op!r}")
        return getattr(self, op)(req)

    def hello(self, req):
        return {"ok": True, "protocol": 1,
                "implementation": {"name": "warehouse", "version": self.version},
                "ops": OPS}

    def verify(self, req):
        token = member(req, "token", str, "a string")
        key = hex_key(req)
        now, context, user_id, publisher = read_context(
            member(req, "context", dict, "an object"))
        self.wh.clock.now = now
        answer = outcomes.verify(self.wh, token, key, identity_for(context, user_id, publisher))
        return {"ok": True, **answer}


def main() -> None:
    src = os.environ.get("WAREHOUSE_SRC", "")
    if not src:
        die(3, "WAREHOUSE_SRC is not set; point it at a pypi/warehouse checkout")
    if not os.path.isdir(os.path.join(src, "warehouse", "macaroons", "caveats")):
        die(3, f"WAREHOUSE_SRC={src} has no warehouse/macaroons/caveats; "
               "point it at a pypi/warehouse checkout")
    out = os.fdopen(os.dup(1), "wb")
    sys.stdout = sys.stderr  # nothing but responses may reach fd 1
    os.dup2(2, 1)
    try:
        wh = standins.load_warehouse(src)
    except Exception as exc:
        die(4, f"cannot import Warehouse from {src}: {type(exc).__name__}: {exc}")
    try:
        serve(Operations(wh, checkout_version(src)), out)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
