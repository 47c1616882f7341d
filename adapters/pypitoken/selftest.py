"""Self-test of the pypitoken adapter: pypitoken.md §5 vectors and README.md's deviations.

    adapters/pypitoken/.venv/bin/python adapters/pypitoken/selftest.py [-v]

Tokens are built here byte by byte (location index.example; the location is not signed,
so the §5 signatures still apply), sent through one adapter process, and every answer
is compared with pypitoken 7.1.1's recorded behaviour. Cases named D<n> are the
deviations listed in README.md. Exit status 0 when every case matches.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEY = bytes(range(32))
IDENT = "12345678-1234-5678-1234-567812345678"
LOC = "index.example"
NBF, EXP = 1700000000, 1700003600
PID = "00000000-0000-0000-0000-000000000001"
UID = "00000000-0000-0000-0000-000000000002"
OTHER = "00000000-0000-0000-0000-000000000009"
MIXED = "0000000a-0000-0000-0000-00000000000b"


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(kind: int, data: bytes) -> bytes:
    return varint(kind) + varint(len(data)) + data


def chain(key: bytes, ident: bytes, caveats: list[bytes]) -> bytes:
    sig = hmac.new(hmac.new(b"macaroons-key-generator", key, hashlib.sha256).digest(),
                   ident, hashlib.sha256).digest()
    for caveat in caveats:
        sig = hmac.new(sig, caveat, hashlib.sha256).digest()
    return sig


def b64(data: bytes, prefix: str = "pypi") -> str:
    return f"{prefix}-" + base64.urlsafe_b64encode(data).decode().rstrip("=")


def v2(caveats=(), *, loc=LOC.encode(), ident=IDENT.encode(), sig=None, sections=(), tail=b"", cut=0):
    """A V2 token with first-party ``caveats`` (str or bytes), then raw caveat ``sections``;
    ``tail`` is appended to and ``cut`` bytes removed from the binary macaroon."""
    cavs = [c.encode() if isinstance(c, str) else c for c in caveats]
    data = b"\x02" + (field(1, loc) if loc is not None else b"") + field(2, ident) + b"\x00"
    data += b"".join(field(2, c) + b"\x00" for c in cavs) + b"".join(s + b"\x00" for s in sections)
    data += b"\x00" + field(6, chain(KEY, ident, cavs) if sig is None else sig) + tail
    return b64(data[: len(data) - cut])


def v1(caveats=()) -> str:
    def packet(key: bytes, value: bytes) -> bytes:
        return b"%04x" % (len(key) + len(value) + 6) + key + b" " + value + b"\n"
    cavs = [c.encode() for c in caveats]
    data = packet(b"location", LOC.encode()) + packet(b"identifier", IDENT.encode())
    data += b"".join(packet(b"cid", c) for c in cavs)
    return b64(data + packet(b"signature", chain(KEY, IDENT.encode(), cavs)))


ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
THIRD_PARTY = field(1, b"https://auth.example") + field(2, b"tp-id") + field(4, bytes(72))
SECTION5 = {  # pypitoken.md §5.3: caveats and final signatures
    "base": ([], "cb17649606191dd1c89bcb2bfd8e96b3420f396507628f7851d8888ca5c9de6e"),
    "date": (["[0, 1700003600, 1700000000]"], "21d04c263fec4b9a6d673196e7a76d1b322bd5ff66a8775c327d316aa8fa6a6a"),
    "names": (['[1, ["requests", "my-pkg"]]'], "80e00dbc8efb174974a2dfd32337a182a8c7f117ad3d11a95a6d34de53847685"),
    "ids": ([f'[2, ["{PID}"]]'], "dd1cd646b79cabd74242286ead674db6e938a4f7f3435e1f8ab6b69eade0d3af"),
    "user": ([f'[3, "{UID}"]'], "3e9e6ddf89235d7eca57a0f914788383a161aedc84e3467953365a6394874924"),
    "legacy_noop": (['{"version": 1, "permissions": "user"}'], "d5eace35c7dbc2f329206eaab3c153f3f7dc33eded18819208a0779bada851d0"),
    "legacy_names": (['{"version": 1, "permissions": {"projects": ["requests"]}}'], "7a1855b90b89d1abf20bdc0ded0b8da59de347dd79268ddc3b617a4a1552a6ca"),
    "legacy_date": (['{"nbf": 1700000000, "exp": 1700003600}'], "5ef53bcdc3d2ed7d7d35e7b49d649e5c6975fb5b53fcf0cc62ac307573028f8c"),
}
SECTION5["all"] = (  # all nine restrict() keywords in one call: class order
    [SECTION5["date"][0][0], '[1, ["requests"]]'] + [SECTION5[k][0][0] for k in list(SECTION5)[3:]],
    "2898dff64ad8616ca7305d3dc6d87e9225b24b8d3dbcc35f5ad58830baa24fb4",
)


def ctx(now=NBF + 10, name="requests", pid=PID, uid=UID, project=True):
    proj = {"name": name, "normalized_name": name, "id": pid} if project else None
    return {"now": now, "project": proj, "user_id": uid, "oidc_publisher": None}


COLUMNS = [ctx(), ctx(now=NBF), ctx(now=NBF - 1), ctx(now=EXP - 1), ctx(now=EXP),
           ctx(name="Requests"), ctx(name="my-pkg"), ctx(name="my_pkg"), ctx(pid=OTHER),
           ctx(uid=OTHER), ctx(now=1795631831, project=False, uid=None), ctx(project=False, uid=None)]
TABLE = {  # pypitoken.md §5.4; S = CAVEAT_NOT_SATISFIED (D/N/I/U/M), VE = bare ValueError
    "base": "OK OK OK OK OK OK OK OK OK OK OK OK",
    "date": "OK OK S OK S OK OK OK OK OK S OK",
    "names": "OK OK OK OK OK S OK S OK OK S S",
    "ids": "OK OK OK OK OK OK OK OK S OK S S",
    "user": "OK OK OK OK OK OK OK OK OK S S S",
    "legacy_noop": "OK OK OK OK OK OK OK OK OK OK OK OK",
    "legacy_names": "OK OK OK OK OK S S S OK OK S S",
    "legacy_date": "OK OK S OK S OK OK OK OK OK S OK",
    "all": "OK OK VE OK VE VE VE VE S S VE VE",
}
CELL = {"OK": "valid", "S": "CAVEAT_NOT_SATISFIED", "VE": "internal:ValueError"}


def outcome(answer: dict) -> str:
    """A short string for an answer: valid, a reason code, error:CODE, internal:Type, ..."""
    if not answer["ok"]:
        error = answer["error"]
        if error["code"] == "internal":
            return "internal:" + error["message"].split(":")[0]
        return error["code"]
    if "valid" in answer:
        return "valid" if answer["valid"] else answer["reason"]
    if "error" in answer:
        return "error:" + answer["error"]["code"]
    return "ok"


def cases():
    """(name, request, expected): expected is an outcome string or a predicate on the answer."""
    def verify(token, context=None, key=KEY):
        return {"op": "verify", "token": token, "key": key.hex(), "context": context or ctx()}

    def cav(caveat, context=None):
        return verify(v2([caveat]), context)

    def restrict(token, *restrictions):
        return {"op": "restrict", "token": token, "restrictions": list(restrictions)}

    def token_has(*caveats, sig=None):
        def check(answer):
            inner = answer.get("token", {})
            return inner.get("caveats") == list(caveats) and (sig is None or inner["signature"] == sig)
        return check

    base = v2()
    odd = v2([f'[3, "{UID}"]'])  # body length % 4 == 2: 4 spare bits in the last character
    yield "hello", {"op": "hello"}, lambda a: a["implementation"] == {"name": "pypitoken", "version": "7.1.1"}
    for name, (caveats, sig) in SECTION5.items():
        token = v2(caveats)
        yield f"inspect {name}", {"op": "inspect", "token": token}, token_has(*caveats, sig=sig)
        mint = {"op": "mint", "key": KEY.hex(), "location": LOC, "identifier": IDENT, "prefix": "pypi", "caveats": caveats}
        yield f"mint {name}", mint, lambda a, t=token: a.get("token") == t
        for col, cell in enumerate(TABLE[name].split()):
            yield f"5.4 {name} col {col + 1}", verify(token, COLUMNS[col]), CELL[cell]
    mint = {"op": "mint", "key": b"ohsosecret".hex(), "location": "example.com", "identifier": "123foo", "prefix": "pre", "caveats": []}
    yield "mint test fixture", mint, lambda a: a["token"] == "pre-AgELZXhhbXBsZS5jb20CBjEyM2ZvbwAABiCK4TytWvy17_Up7TvhdVDhFx8cjU_ne_6wtOqxPUZmxw"
    yield "wrong key", verify(base, key=b"\x01" * 32), "SIGNATURE_MISMATCH"
    yield "5.5 attenuate user+names", restrict(v2([f'[3, "{UID}"]']), {"type": "project_names", "names": ["requests"]}), \
        lambda a: a["token"] == v2([f'[3, "{UID}"]', '[1, ["requests"]]'])
    yield "restrict keeps order", restrict(base, {"type": "project_names", "names": ["requests"]}, {"type": "expiration", "expires_at": EXP, "not_before": NBF}), \
        lambda a: a["token"] == v2(['[1, ["requests"]]', "[0, 1700003600, 1700000000]"])
    yield "restrict all types", restrict(base, *[{"type": "expiration", "expires_at": EXP, "not_before": NBF}, {"type": "project_names", "names": ["requests"]},
        {"type": "project_ids", "ids": [PID]}, {"type": "user", "user_id": UID}, {"type": "legacy_user"},
        {"type": "legacy_project_names", "names": ["requests"]}, {"type": "legacy_expiration", "expires_at": EXP, "not_before": NBF}]), \
        lambda a: a["token"] == v2(SECTION5["all"][0])
    yield "restrict names as string", restrict(base, {"type": "project_names", "names": "requests"}), "error:INVALID_ARGUMENT"
    yield "restrict bad token", restrict("foobar", {"type": "legacy_user"}), "error:TOKEN_BAD_PREFIX"
    for text, code in [("foobar", "TOKEN_BAD_PREFIX"), ("", "TOKEN_BAD_PREFIX"), ("pypi_" + base[5:], "TOKEN_BAD_PREFIX"),
                       ("foobar-baz", "MACAROON_MALFORMED"), ("pypi-Ag", "MACAROON_MALFORMED"), ("pypi-AgE", "MACAROON_MALFORMED"),
                       (v2(cut=10), "MACAROON_MALFORMED"),
                       (odd + "\n", "TOKEN_BAD_ENCODING"), ("pypi-A", "TOKEN_BAD_ENCODING")]:
        yield f"load {text[:12]!r}", verify(text), code
    yield "json caveat error", cav("{"), "CAVEAT_MALFORMED"
    yield "unmatched caveat", cav('{"version": 13}'), "CAVEAT_MALFORMED"
    yield "unknown tag", cav("[5]"), "CAVEAT_UNKNOWN"
    yield "non-UTF-8 caveat", cav(b'[1, ["\xff"]]'), "CAVEAT_MALFORMED"
    yield "third-party caveat", verify(v2(sections=[THIRD_PARTY])), "CAVEAT_THIRD_PARTY"
    yield "inspect third-party", {"op": "inspect", "token": v2(sections=[THIRD_PARTY])}, \
        lambda a: a["token"]["caveats"] == [{"third_party": True, "id": "tp-id", "location": "https://auth.example", "vid": "00" * 72}]
    yield "missing context", verify(v2(['[1, ["requests"]]']), ctx(project=False)), "CAVEAT_NOT_SATISFIED"
    yield "restrict oidc_publisher", restrict(base, {"type": "oidc_publisher", "publisher_id": "x"}), "unsupported"
    yield "restrict legacy_project_ids", restrict(base, {"type": "legacy_project_ids", "ids": [PID]}), "unsupported"
    yield "bad JSON line", None, "bad_request"
    yield "missing member", {"op": "verify", "token": base}, "bad_request"
    # --- deviations (README.md) ------------------------------------------------------
    date = v2(["[0, 1700003600, 1700000000]"])  # body contains '-' and '_'
    yield "D1 any prefix", verify("PyPI-" + base[5:]), "valid"
    yield "D1 any prefix (other)", verify("other-" + base[5:]), "valid"
    yield "D2 padding", verify(base + "=="), "valid"
    yield "D3 standard alphabet", verify("pypi-" + date[5:].replace("-", "+").replace("_", "/"), ctx()), "valid"
    yield "D4 non-zero trailing bits", verify(odd[:-1] + ALPHABET[ALPHABET.index(odd[-1]) | 0xF]), "valid"
    yield "D5 junk characters dropped", verify(base[:40] + "!!!!" + base[40:]), "valid"
    yield "D5 trailing newline dropped", verify(base + "\n"), "valid"
    yield "D6 V1 macaroon", verify(v1(['[1, ["requests"]]'])), "valid"
    yield "D7 trailing bytes", verify(v2(tail=b"\x00junk")), "valid"
    yield "D8 short signature field", {"op": "inspect", "token": v2(sig=b"\x01\x02")}, lambda a: a["token"]["signature"] == "0102"
    yield "D9 non-UTF-8 identifier", verify(v2(ident=b"\xff\x00", loc=None)), "valid"
    yield "D10 empty decoded body", verify("pypi-!!!!"), "MACAROON_MALFORMED"
    yield "D11 float timestamps", cav("[0, 1700003600.0, 1700000000.0]"), "valid"
    yield "D11 float tag", cav('[1.0, ["requests"]]'), "valid"
    yield "D12 trailing array element", cav('[1, ["requests"], "extra"]'), "CAVEAT_MALFORMED"
    yield "D13 no tag 4", cav('[4, "publisher-id", null]'), "CAVEAT_UNKNOWN"
    yield "D14 legacy project_ids", cav(f'{{"project_ids": ["{PID}"]}}'), "CAVEAT_MALFORMED"
    yield "D15 legacy user no-op", cav('{"version": 1, "permissions": "user"}', ctx(uid=None)), "valid"
    yield "D16 legacy extra key", cav('{"nbf": 1700000000, "exp": 1700003600, "x": 1}'), "CAVEAT_MALFORMED"
    yield "D17 unnormalised name", cav('[1, ["Requests"]]'), "CAVEAT_MALFORMED"
    yield "D17 upper-case UUID", cav(f'[2, ["{MIXED.upper()}"]]', ctx(pid=MIXED.upper())), "CAVEAT_MALFORMED"
    yield "D18 name with newline", cav('[1, ["requests\\n"]]'), "CAVEAT_NOT_SATISFIED"
    yield "D19 duplicate JSON keys", cav('{"version": 2, "version": 1, "permissions": "user"}'), "valid"
    yield "D20 two failing caveats", verify(v2(['[1, ["a"]]', '[1, ["b"]]'])), "internal:ValueError"
    yield "D21 caveat error beats bad key", verify(v2(['[1, ["a"]]']), key=b"\x01" * 32), "CAVEAT_NOT_SATISFIED"
    yield "D22 precedence with third-party", verify(v2(['[1, ["a"]]'], sections=[THIRD_PARTY])), "CAVEAT_NOT_SATISFIED"
    yield "D23 mint with empty key", {"op": "mint", "key": "", "location": LOC, "identifier": IDENT, "prefix": "pypi", "caveats": []}, \
        lambda a: a["token"].endswith("AAAGAA")
    yield "D24 mint prefix with '-'", {"op": "mint", "key": KEY.hex(), "location": LOC, "identifier": IDENT, "prefix": "a-b", "caveats": []}, \
        lambda a: a["token"].startswith("a-b-")
    yield "D25 restrict not_before=0", restrict(base, {"type": "expiration", "expires_at": EXP, "not_before": 0}), "error:INVALID_ARGUMENT"
    yield "D26 restrict not_before >= expires_at", restrict(base, {"type": "expiration", "expires_at": NBF, "not_before": EXP}), "ok"
    yield "D27 restrict unnormalised name", restrict(base, {"type": "project_names", "names": ["Not_Normalized"]}), "ok"
    yield "D27 restrict non-UUID user", restrict(base, {"type": "user", "user_id": "x"}), "ok"
    yield "D28 restrict user_id null", restrict(base, {"type": "user", "user_id": None}), lambda a: a["token"] == base
    yield "D29 restrict caveat bytes", restrict(base, {"type": "project_names", "names": ["requests"]}), \
        lambda a: a["token"] == v2(['[1, ["requests"]]'])


def main() -> int:
    verbose = "-v" in sys.argv[1:]
    table = list(cases())
    lines = []
    for number, (name, request, _) in enumerate(table):
        lines.append("{not json" if request is None else json.dumps({"id": number, **request}))
    proc = subprocess.run([sys.executable, str(HERE / "adapter.py")], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, check=False)
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    failed = 0
    if proc.returncode != 0 or len(answers) != len(table):
        print(f"adapter exit status {proc.returncode}, {len(answers)} answers for {len(table)} requests")
        return 1
    for (name, _, expected), answer in zip(table, answers):
        got = outcome(answer)
        good = expected(answer) if callable(expected) else got == expected
        failed += not good
        if verbose or not good:
            print(f"{'ok  ' if good else 'FAIL'} {name}: {got}" + ("" if good else f" -> {json.dumps(answer)[:300]}"))
    print(f"{len(table) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
