#!/usr/bin/env bash
# Create or update the Python virtualenvs of the conformance adapters in adapters/ (and build the
# Go ones, gitleaks and macaroon-go, and the Rust one, macaroon-rs), of the real upload clients the upload tests drive (test/upload/clients/),
# and of the Python example (examples/python/).
#
#   scripts/setup-adapters.sh            # every adapter, and the upload clients
#   scripts/setup-adapters.sh pypitoken  # only the named ones (upload_clients for the clients,
#                                        # python_example for examples/python)
#
# Idempotent: a venv whose stamp (hash of its requirements.txt and of the Python
# interpreter's version) is current is left alone, so a re-run takes well under a second.
# A stale venv is deleted and rebuilt, so it holds exactly what requirements.txt pins.
# Requirements are installed with --no-deps: the pins are complete, and `pip check`
# afterwards fails if one is missing. Progress goes to stderr.
# PYTHON selects the interpreter (default: python3, which must be Python 3.11).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"

log() { printf 'setup-adapters: %s\n' "$*" >&2; }

# setup_python_venv NAME [DIR]: DIR/.venv from DIR/requirements.txt (DIR: adapters/NAME)
setup_python_venv() {
    local name="$1"
    local dir="${2:-$ROOT/adapters/$name}"
    local req="$dir/requirements.txt"
    local venv="$dir/.venv"
    local stamp="$venv/.requirements-stamp"
    if [[ ! -f "$req" ]]; then
        log "$name: $req not found"
        return 1
    fi
    local want
    want="$({ cat "$req"; "$PYTHON" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)"
    if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        log "$name: $venv is up to date"
        return 0
    fi
    if [[ -e "$venv" ]]; then
        log "$name: requirements or interpreter changed; removing $venv"
        rm -rf "$venv"
    fi
    local pyver
    pyver="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    [[ "$pyver" == "3.11" ]] || log "$name: warning: $PYTHON is Python $pyver; the pins were chosen on 3.11"
    log "$name: creating $venv with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$venv"
    log "$name: pip install --no-deps -r ${req#"$ROOT/"}"
    "$venv/bin/python" -m pip install --disable-pip-version-check --no-input --quiet \
        --no-deps -r "$req" >&2
    log "$name: pip check"
    "$venv/bin/python" -m pip check >&2
    printf '%s\n' "$want" >"$stamp"
    log "$name: ready"
}

# --- adapters ------------------------------------------------------------------------
# One function per adapter. To add one, write setup_<name> and list <name> in ADAPTERS.

setup_pypitoken() {
    setup_python_venv pypitoken
}

# Warehouse's own code is not installed here: the adapter imports it at run time from the
# checkout named by WAREHOUSE_SRC (adapters/warehouse/README.md).
setup_warehouse() {
    setup_python_venv warehouse
}

# A secret scanner: detect-secrets from the package index, with its PyPI token plugin.
setup_detect_secrets() {
    setup_python_venv detect-secrets
}

# A secret scanner: gitleaks from the Go module proxy, pinned in adapters/gitleaks/go.mod and
# go.sum; the adapter is a Go program built against it, rebuilt when its sources or Go change.
setup_gitleaks() {
    local dir="$ROOT/adapters/gitleaks"
    local stamp="$dir/bin/.build-stamp"
    if ! command -v go >/dev/null; then
        log "gitleaks: the go command is not installed"
        return 1
    fi
    local want
    want="$({ cat "$dir/go.mod" "$dir/go.sum" "$dir/main.go"; go env GOVERSION; } | sha256sum | cut -d' ' -f1)"
    if [[ -x "$dir/bin/adapter" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        log "gitleaks: $dir/bin/adapter is up to date"
        return 0
    fi
    log "gitleaks: go build (modules from the Go module proxy, checked against go.sum)"
    (cd "$dir" && GOFLAGS='-buildvcs=false -mod=readonly' go build -o bin/adapter .) >&2
    printf '%s\n' "$want" >"$stamp"
    log "gitleaks: ready"
}

# A macaroon library used directly (not through pypitoken or Warehouse): pymacaroons, pinned in
# adapters/pymacaroons/requirements.txt.
setup_pymacaroons() {
    setup_python_venv pymacaroons
}

# go_build NAME: adapters/NAME/bin/adapter from the Go program in adapters/NAME, its modules from
# the Go module proxy checked against go.sum; rebuilt when its sources, go.mod, go.sum or Go change.
go_build() {
    local name="$1"
    local dir="$ROOT/adapters/$name"
    local stamp="$dir/bin/.build-stamp"
    if ! command -v go >/dev/null; then
        log "$name: the go command is not installed"
        return 1
    fi
    local want
    want="$({ cat "$dir/go.mod" "$dir/go.sum" "$dir"/*.go; go env GOVERSION; } | sha256sum | cut -d' ' -f1)"
    if [[ -x "$dir/bin/adapter" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        log "$name: $dir/bin/adapter is up to date"
        return 0
    fi
    log "$name: go build (modules from the Go module proxy, checked against go.sum)"
    (cd "$dir" && GOFLAGS='-buildvcs=false -mod=readonly' go build -o bin/adapter .) >&2
    printf '%s\n' "$want" >"$stamp"
    log "$name: ready"
}

# A macaroon library: gopkg.in/macaroon.v2, pinned in adapters/macaroon-go/go.mod and go.sum.
setup_macaroon_go() {
    go_build macaroon-go
}

# A macaroon library: the Rust crate macaroon, pinned in adapters/macaroon-rs/Cargo.toml and the
# committed Cargo.lock; only cargo and the crate registry (its libsodium is built from the
# libsodium-sys crate's bundled source). cargo decides itself what to rebuild (a no-op run takes
# well under a second).
setup_macaroon_rs() {
    local dir="$ROOT/adapters/macaroon-rs"
    if ! command -v cargo >/dev/null; then
        log "macaroon-rs: the cargo command is not installed"
        return 1
    fi
    log "macaroon-rs: cargo build --release --locked (crates from the crate registry, checked against Cargo.lock)"
    (cd "$dir" && cargo build --release --locked --quiet) >&2
    log "macaroon-rs: ready"
}

# A macaroon library: the npm package macaroon, the project's devDependency (node_modules, from
# package-lock.json). Nothing to build; this only checks that it is installed.
setup_macaroon_js() {
    if [[ ! -f "$ROOT/node_modules/macaroon/package.json" ]]; then
        log "macaroon-js: node_modules/macaroon is missing: run npm ci"
        return 1
    fi
    log "macaroon-js: ready (node_modules/macaroon $(node -p 'require(process.argv[1]).version' "$ROOT/node_modules/macaroon/package.json"))"
}

# Not an adapter: the real upload clients (twine, uv) that test/upload/ drives against a local
# test index, pinned in test/upload/clients/requirements.txt.
setup_upload_clients() {
    setup_python_venv upload_clients "$ROOT/test/upload/clients"
}

# Not an adapter: the Python example that runs every vector against pypitoken with pytest
# (examples/python/), pinned in examples/python/requirements.txt.
setup_python_example() {
    setup_python_venv python_example "$ROOT/examples/python"
}

ADAPTERS=(pypitoken warehouse detect_secrets gitleaks pymacaroons macaroon_go macaroon_rs macaroon_js upload_clients python_example)

main() {
    local names=("$@")
    [[ ${#names[@]} -gt 0 ]] || names=("${ADAPTERS[@]}")
    local name
    for name in "${names[@]}"; do
        if ! declare -F "setup_$name" >/dev/null; then
            log "unknown adapter: $name (known: ${ADAPTERS[*]})"
            exit 2
        fi
        "setup_$name"
    done
}

main "$@"
