"""The caller's part of restrict: the caveat bytes the spec defines for each restriction.

pymacaroons knows nothing of PyPI's caveats; a tool that narrows a token must build the caveat
string itself and hand it to ``add_first_party_caveat``. This is the least glue that does it:
the JSON value of ADAPT-13's table, serialised canonically (CAV-9). Nothing is validated or
normalised here (RESTRICT-2 ... RESTRICT-7 are the caller's to apply, and this adapter does not
apply them: see README.md).
"""

from __future__ import annotations

import json

# ADAPT-13: restriction type -> the JSON value of its caveat.
VALUES = {
    "expiration": lambda r: [0, r["expires_at"], r["not_before"]],
    "project_names": lambda r: [1, r["names"]],
    "project_ids": lambda r: [2, r["ids"]],
    "user": lambda r: [3, r["user_id"]],
    "oidc_publisher": lambda r: [4, r["publisher_id"], r.get("claims")],
    "legacy_user": lambda r: {"permissions": "user", "version": 1},
    "legacy_project_names": lambda r: {"permissions": {"projects": r["names"]}, "version": 1},
    "legacy_expiration": lambda r: {"exp": r["expires_at"], "nbf": r["not_before"]},
    "legacy_project_ids": lambda r: {"project_ids": r["ids"]},
}


def caveat_bytes(restriction: dict) -> str | None:
    """The canonical caveat string (CAV-9) for one restriction, or None for an unknown type.

    Raises KeyError when a member the type needs is missing.
    """
    value = VALUES.get(restriction.get("type"))
    if value is None:
        return None
    return json.dumps(value(restriction), sort_keys=True, separators=(",", ":"))
