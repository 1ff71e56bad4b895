// Bytes of a corpus file to text: binary content is refused, a byte order mark or a declared
// encoding (an XML declaration, an HTML <meta charset>) is honoured, and text that is not valid
// UTF-8 is repaired (read as the legacy encoding it most likely is, or with U+FFFD in place of
// the broken sequences) and said to be repaired, so the build report can warn of it.
import { analyse } from "chardet";
import { isBinaryFileSync } from "isbinaryfile";

export interface Decoded {
  text: string;
  /** The encoding the text was read as (a WHATWG label such as "utf-8" or "windows-1251"). */
  encoding: string;
  /** Why the bytes were not read as they stood, or null when nothing was repaired. */
  repaired: string | null;
}

/** Bytes of the head of a file where a declaration is looked for. */
const DECLARATION_BYTES = 1024;
/** Least chardet confidence (0-100) for reading undeclared, invalid UTF-8 as a legacy encoding. */
const LEGACY_CONFIDENCE = 30;

/** Thrown for a file that is not text; its message is the build report's reason. */
export class NotTextError extends Error {}

/** True when the bytes are not text (an image, an archive, random bytes under a text name). */
export function isBinary(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isBinaryFileSync(buffer, { size: buffer.length });
}

/** The encoding an XML declaration or an HTML meta tag names in the head of the file, if any. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DECLARATION_BYTES)).toString(
    "latin1",
  );
  const match =
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function decoderFor(label: string, fatal: boolean): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/** A byte order mark's encoding and length, or null. */
function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * Reads the bytes of a text file. A byte order mark wins, then the encoding the caller found
 * declared (or `declaredEncoding`), then UTF-8. Bytes invalid in that encoding are repaired.
 * @throws NotTextError when the bytes are binary.
 */
export function decodeText(bytes: Uint8Array, declared: string | null = declaredEncoding(bytes)): Decoded {
  const bom = byteOrderMark(bytes);
  if (bom) {
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
      repaired: null,
    };
  }
  const label = declared && decoderFor(declared, false) ? declared : "utf-8";
  // A legacy encoding's letters look like binary to a UTF-8 check: there, only NUL bytes say binary.
  const legacy = decoderFor(label, false)!.encoding !== "utf-8";
  if (legacy ? bytes.includes(0) : isBinary(bytes)) throw new NotTextError("binary content, not text");
  const exact = decoderFor(label, true)!;
  try {
    return { text: exact.decode(bytes), encoding: exact.encoding, repaired: null };
  } catch {
    // Not valid in the declared (or default) encoding: most often legacy text that declares nothing.
  }
  const encoding = exact.encoding;
  const lenient = new TextDecoder(encoding).decode(bytes);
  // UTF-8 with some valid multi-byte characters is damaged UTF-8; with none, it is legacy text.
  if (encoding === "utf-8" && !/[^\x00-\x7f\uFFFD]/.test(lenient)) {
    const [guess] = analyse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).filter(
      (match) => !/^utf|ascii/i.test(match.name),
    );
    const legacy = guess && guess.confidence >= LEGACY_CONFIDENCE ? decoderFor(guess.name, true) : null;
    if (legacy) {
      try {
        return {
          text: legacy.decode(bytes),
          encoding: legacy.encoding,
          repaired: `not valid UTF-8${declared ? " as declared" : " and no encoding declared"}; read as ${legacy.encoding}`,
        };
      } catch {
        // The guess does not fit either: repair as UTF-8 below.
      }
    }
  }
  const broken = lenient.split("\uFFFD").length - 1;
  return {
    text: lenient,
    encoding,
    repaired: `invalid ${encoding === "utf-8" ? "UTF-8" : encoding} (${broken} byte sequence${broken === 1 ? "" : "s"} replaced with U+FFFD)`,
  };
}
