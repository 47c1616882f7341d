/**
 * A tiny wheel and sdist for the upload tests, written byte by byte with no build backend and no
 * network: a wheel is a zip (stored, no compression) of a module and its `.dist-info` (`METADATA`,
 * `WHEEL`, `RECORD` with sha256 digests); an sdist is a gzipped ustar archive with one top-level
 * directory holding `PKG-INFO`. Both carry Metadata-Version 2.1 with a name and a version, which
 * is what twine's and uv's metadata checks read.
 */
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface Dists {
  readonly wheel: string
  readonly sdist: string
  /** Every file written, wheel first. */
  readonly files: readonly string[]
}

/** The binary-distribution form of a project name: runs of `-_.` become `_`, lowercased. */
export function distName(name: string): string {
  return name.replace(/[-_.]+/g, '_').toLowerCase()
}

function metadata(name: string, version: string): string {
  const head = `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: A fixture for the upload tests\nDescription-Content-Type: text/plain\n`
  return `${head}\n${name} ${version}, built by test/upload/dists.ts.\n`
}

/** Writes `<name>-<version>-py3-none-any.whl` and `<name>-<version>.tar.gz` into `dir`. */
export function writeDists(dir: string, name: string, version = '0.1.0'): Dists {
  const base = `${distName(name)}-${version}`
  const wheel = join(dir, `${base}-py3-none-any.whl`)
  const sdist = join(dir, `${base}.tar.gz`)
  writeFileSync(wheel, buildWheel(name, version))
  writeFileSync(sdist, buildSdist(name, version))
  return { wheel, sdist, files: [wheel, sdist] }
}

export function buildWheel(name: string, version: string): Buffer {
  const module = distName(name)
  const info = `${module}-${version}.dist-info`
  const files: [string, Buffer][] = [
    [`${module}/__init__.py`, Buffer.from(`"""${name}: an upload test fixture."""\n__version__ = "${version}"\n`)],
    [`${info}/METADATA`, Buffer.from(metadata(name, version))],
    [`${info}/WHEEL`, Buffer.from('Wheel-Version: 1.0\nGenerator: pypi-token-spec tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n')],
  ]
  const record = files.map(([path, data]) => `${path},sha256=${createHash('sha256').update(data).digest('base64url')},${data.length}\n`).join('') + `${info}/RECORD,,\n`
  files.push([`${info}/RECORD`, Buffer.from(record)])
  return zip(files)
}

export function buildSdist(name: string, version: string): Buffer {
  const root = `${distName(name)}-${version}`
  const pyproject = `[project]\nname = "${name}"\nversion = "${version}"\n`
  return gzipSync(
    Buffer.concat([
      tarEntry(`${root}/`, null),
      tarEntry(`${root}/PKG-INFO`, Buffer.from(metadata(name, version))),
      tarEntry(`${root}/pyproject.toml`, Buffer.from(pyproject)),
      Buffer.alloc(1024), // two zero blocks end the archive
    ]),
  )
}

// --- zip (APPNOTE.TXT: local headers, central directory, end record; method 0 = stored) ---------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1

function zip(files: readonly [string, Buffer][]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [path, data] of files) {
    const name = Buffer.from(path, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0, 6) // flags
    local.writeUInt16LE(0, 8) // stored
    local.writeUInt16LE(0, 10) // time
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28) // extra length
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by: Unix, 2.0
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0, 8)
    central.writeUInt16LE(0, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((0o100644 << 16) >>> 0), 38) // external attributes: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

// --- tar (POSIX ustar headers; a null body is a directory) --------------------------------------

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

function tarEntry(path: string, data: Buffer | null): Buffer {
  const header = Buffer.alloc(512)
  header.write(path, 0, 100, 'utf8')
  header.write(octal(data === null ? 0o755 : 0o644, 8), 100, 'ascii')
  header.write(octal(0, 8), 108, 'ascii') // uid
  header.write(octal(0, 8), 116, 'ascii') // gid
  header.write(octal(data?.length ?? 0, 12), 124, 'ascii')
  header.write(octal(0, 12), 136, 'ascii') // mtime
  header.write(data === null ? '5' : '0', 156, 'ascii')
  header.write('ustar\0', 257, 'ascii')
  header.write('00', 263, 'ascii')
  header.fill(' ', 148, 156) // the checksum is computed with its own field as spaces
  const sum = header.reduce((s, b) => s + b, 0)
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii')
  if (data === null) return header
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512)
  return Buffer.concat([header, data, padding])
}
