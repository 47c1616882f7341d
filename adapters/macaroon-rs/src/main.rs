//! Conformance adapter for the Rust crate `macaroon` 0.3.0 (adapter protocol version 1,
//! spec/adapter-protocol.md).
//!
//! The crate knows the macaroon formats and the HMAC chain, not PyPI's caveats (spec/libraries.md):
//! - inspect: `Macaroon::deserialize` (its own base64 and format detection) on the text after the
//!   first "-"; the parts come from its getters;
//! - mint: `MacaroonKey::generate(key)`, `Macaroon::create`, `add_first_party_caveat` per given
//!   string, `serialize(Format::V2)`;
//! - restrict: `deserialize`, `add_first_party_caveat` with the caveat bytes of caveats.rs,
//!   `serialize(Format::V2)`;
//! - verify: unsupported (the crate's Verifier would need a PyPI caveat checker written here).
//! The glue beyond the crate (the prefix, dropping the `=` padding `serialize` writes, the caveat
//! bytes) is listed in README.md. Built by scripts/setup-adapters.sh: target/release/adapter.

mod caveats;

use caveats::{caveat_bytes, Problem};
use macaroon::{ByteString, Caveat, Format, Macaroon, MacaroonError, MacaroonKey};
use serde_json::{json, Map, Value};
use std::io::{BufRead, BufWriter, Write};

const VERSION: &str = "0.3.0"; // the exact pin of Cargo.toml and Cargo.lock

type Obj = Map<String, Value>;

fn rejection(code: &str, message: String) -> Value {
    json!({"error": {"code": code, "message": message}})
}

fn text(b: &[u8]) -> Value {
    match std::str::from_utf8(b) {
        Ok(s) => Value::String(s.to_string()),
        Err(_) => json!({"hex": hex(b)}),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{:02x}", x)).collect()
}

fn str_member<'a>(req: &'a Obj, name: &str) -> Result<&'a str, Problem> {
    req.get(name).and_then(Value::as_str).ok_or_else(|| Problem::BadRequest(format!("member {:?} must be a string", name)))
}

/// A base64 failure inside `Macaroon::deserialize` (the crate wraps base64 0.13's DecodeError
/// into a DeserializationError and keeps only its text).
fn is_base64_error(message: &str) -> bool {
    ["Invalid byte ", "Encoded text cannot have a 6-bit remainder", "Invalid last symbol "].iter().any(|p| message.starts_with(p))
}

/// Glue: the prefix is the text before the first "-" (TOKEN-1); the rest goes to the crate.
fn load(raw: &str) -> Result<(String, Macaroon), Value> {
    let Some((prefix, body)) = raw.split_once('-') else {
        return Err(rejection("TOKEN_BAD_PREFIX", "no '-' in the token".into()));
    };
    match Macaroon::deserialize(body) {
        Ok(m) => Ok((prefix.to_string(), m)),
        Err(MacaroonError::DeserializationError(m)) if is_base64_error(&m) => Err(rejection("TOKEN_BAD_ENCODING", m)),
        Err(e) => Err(rejection("MACAROON_MALFORMED", format!("{:?}", e))),
    }
}

/// Glue: `serialize(Format::V2)` writes padded base64url; a token is unpadded.
fn dump(prefix: &str, m: &Macaroon) -> Value {
    match m.serialize(Format::V2) {
        Ok(s) => json!({"token": format!("{}-{}", prefix, s.trim_end_matches('='))}),
        Err(e) => rejection("INVALID_ARGUMENT", format!("{:?}", e)),
    }
}

fn inspect(req: &Obj) -> Result<Value, Problem> {
    let (prefix, m) = match load(str_member(req, "token")?) {
        Ok(x) => x,
        Err(r) => return Ok(r),
    };
    let caveats: Vec<Value> = m
        .caveats()
        .iter()
        .map(|c| match c {
            Caveat::FirstParty(fp) => text(&fp.predicate().0),
            Caveat::ThirdParty(tp) => json!({"third_party": true, "id": text(&tp.id().0), "location": text(tp.location().as_bytes()), "vid": hex(&tp.verifier_id().0)}),
        })
        .collect();
    let location = m.location().unwrap_or_default();
    Ok(json!({"token": {"prefix": prefix, "location": text(location.as_bytes()), "identifier": text(&m.identifier().0), "caveats": caveats, "signature": hex(&m.signature()[..])}}))
}

fn mint(req: &Obj) -> Result<Value, Problem> {
    let key_hex = str_member(req, "key")?;
    let key = (0..key_hex.len())
        .step_by(2)
        .map(|i| key_hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| Problem::BadRequest("member \"key\" is not hexadecimal".into()))?;
    let (location, identifier, prefix) = (str_member(req, "location")?, str_member(req, "identifier")?, str_member(req, "prefix")?);
    let caveats = req.get("caveats").and_then(Value::as_array).ok_or_else(|| Problem::BadRequest("member \"caveats\" must be a list".into()))?;
    let caveats = caveats.iter().map(|c| c.as_str().ok_or_else(|| Problem::BadRequest("caveats must be strings".into()))).collect::<Result<Vec<_>, _>>()?;
    let mut m = match Macaroon::create(Some(location.to_string()), &MacaroonKey::generate(&key), ByteString::from(identifier)) {
        Ok(m) => m,
        Err(e) => return Ok(rejection("INVALID_ARGUMENT", format!("{:?}", e))),
    };
    for c in caveats {
        m.add_first_party_caveat(ByteString::from(c));
    }
    Ok(dump(prefix, &m))
}

fn restrict(req: &Obj) -> Result<Value, Problem> {
    let raw = str_member(req, "token")?;
    let list = req.get("restrictions").and_then(Value::as_array).ok_or_else(|| Problem::BadRequest("member \"restrictions\" must be a list".into()))?;
    let caveats = list.iter().map(caveat_bytes).collect::<Result<Vec<_>, _>>()?;
    let (prefix, mut m) = match load(raw) {
        Ok(x) => x,
        Err(r) => return Ok(r),
    };
    for c in caveats {
        m.add_first_party_caveat(ByteString::from(c.as_str()));
    }
    Ok(dump(&prefix, &m))
}

fn failure(id: Value, code: &str, message: String) -> Value {
    json!({"id": id, "ok": false, "error": {"code": code, "message": message}})
}

fn answer(line: &str) -> Value {
    let req: Obj = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(o)) => o,
        Ok(_) => return failure(Value::Null, "bad_request", "a request is a JSON object".into()),
        Err(e) => return failure(Value::Null, "bad_request", format!("invalid JSON: {}", e)),
    };
    let id = match req.get("id") {
        Some(v @ (Value::Number(_) | Value::String(_))) => v.clone(),
        _ => return failure(Value::Null, "bad_request", "a request has a number or string id".into()),
    };
    let op = req.get("op").and_then(Value::as_str).unwrap_or("");
    let result = match op {
        "hello" => Ok(json!({"protocol": 1, "implementation": {"name": "macaroon (Rust crate)", "version": VERSION}, "ops": ["hello", "inspect", "mint", "restrict"]})),
        "inspect" => std::panic::catch_unwind(|| inspect(&req)).unwrap_or_else(|_| Ok(json!({"panic": true}))),
        "mint" => std::panic::catch_unwind(|| mint(&req)).unwrap_or_else(|_| Ok(json!({"panic": true}))),
        "restrict" => std::panic::catch_unwind(|| restrict(&req)).unwrap_or_else(|_| Ok(json!({"panic": true}))),
        "verify" => Err(Problem::Unsupported("the crate has no PyPI caveat checker; this adapter does not write one".into())),
        other => Err(Problem::Unsupported(format!("unknown op {:?}", other))),
    };
    match result {
        Ok(Value::Object(o)) if o.contains_key("panic") => failure(id, "internal", "the crate panicked".into()),
        Ok(Value::Object(mut o)) => {
            o.insert("id".into(), id);
            o.insert("ok".into(), Value::Bool(true));
            Value::Object(o)
        }
        Ok(_) => failure(id, "internal", "non-object answer".into()),
        Err(Problem::BadRequest(m)) => failure(id, "bad_request", m),
        Err(Problem::Unsupported(m)) => failure(id, "unsupported", m),
    }
}

fn main() {
    std::panic::set_hook(Box::new(|info| eprintln!("panic: {}", info)));
    let mut input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("read: {}", e);
                std::process::exit(1);
            }
        }
        let response = match std::str::from_utf8(&line) {
            Ok(text) if text.trim().is_empty() => None,
            Ok(text) => Some(answer(text)),
            Err(_) => Some(failure(Value::Null, "bad_request", "the request line is not UTF-8".into())),
        };
        if let Some(r) = response {
            let _ = writeln!(out, "{}", r);
        }
        if input.buffer().is_empty() {
            let _ = out.flush();
        }
    }
    let _ = out.flush();
}
