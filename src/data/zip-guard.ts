// Word and Excel files are ZIP archives, and a ZIP can expand a few kilobytes into gigabytes (a zip
// bomb). Every .xlsx and .docx passes here first: the entry count and the sizes are checked from the
// archive's directory before anything is inflated, then each entry is inflated with its declared size
// as a hard ceiling, so an archive that lies about its sizes is caught without the memory it would
// take. The workbook reader then parses the XML parts the check inflated (checkedArchive).
import { inflateRawSync } from 'node:zlib';
import { ERROR_MESSAGES } from '../errors.js';
import { word, type MessageArgs, type MessageRef } from '../messages/catalogue.js';
import { groupDigits } from '../text/numbers.js';

/** How much an archive may hold. */
export interface ZipLimits {
  maxEntries: number;
  /** All entries together, uncompressed (pictures included). */
  maxTotalBytes: number;
  /** For a reader that builds a tree of the XML (mammoth): the parts it parses, together; a tree costs several times its markup. */
  maxXmlBytes?: number;
  /** For a reader that builds a tree: elements in those parts, together; each costs it a kilobyte or more, however short its markup. */
  maxXmlElements?: number;
}

// Limits far above any real checklist, bank or draft and below what hurts. mammoth builds a tree of
// many times the XML it parses (measured: a 4 MiB document.xml takes mammoth to 210 MB, and the whole
// lint to 260; 2.9 MiB of empty paragraphs, half a million elements, took it to 870 MB), so a .docx
// has bounds on its XML too. A workbook is read by streaming its sheets (data/xlsx.ts): what it costs
// grows with the rows kept, which each reader caps, not with the markup.
/** What an .xlsx a user hands in may unpack to. */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 64 * 1024 * 1024 };
/** What a .docx a user hands in may unpack to. */
export const DOCX_LIMITS: Required<ZipLimits> = { maxEntries: 2_000, maxTotalBytes: 64 * 1024 * 1024, maxXmlBytes: 2 * 1024 * 1024, maxXmlElements: 100_000 };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const MiB = 1024 * 1024;

// Rounded up: "more than the 4 MiB allowed" must not say 4 MiB of something larger.
const mib = (bytes: number) => `${Math.ceil((bytes / MiB) * 10) / 10} MiB`;
const isParsedPart = (name: string) => /\.(?:xml|rels|vml)$/i.test(name);

/** How many elements XML bytes open: a "<" before a letter (closing tags, comments and declarations aside). */
function elementCount(xml: Buffer): number {
  let count = 0;
  for (let at = xml.indexOf(0x3c); at >= 0 && at < xml.length - 1; at = xml.indexOf(0x3c, at + 1)) {
    const next = xml[at + 1]! | 0x20;
    if (next >= 0x61 && next <= 0x7a) count++;
  }
  return count;
}

/** Where the end-of-directory record starts: within the last 64 KiB (its comment) of the file, or -1. */
function endOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** Why an archive is refused: the catalogue entry of the words that follow its file name, before "; expected …". */
class ZipProblem extends Error {
  readonly words: MessageRef;
  constructor(key: string, args: MessageArgs = {}, readonly damaged = false) {
    super(word(ERROR_MESSAGES, 'en', key, args));
    this.words = { key, args };
  }
}

/** Why a file is refused, as a catalogue reference worded in the run's language, and whether it is no archive at all. */
export interface ArchiveProblem {
  words: MessageRef;
  damaged: boolean;
}

const problemOf = (error: ZipProblem): ArchiveProblem => ({ words: error.words, damaged: error.damaged });

/** The archive's directory, read without inflating anything; throws a ZipProblem when it is not a plain ZIP. */
function readDirectory(bytes: Buffer, limits: ZipLimits): Entry[] {
  const damaged = () => new ZipProblem('problem.zip.directory-damaged', {}, true);
  const end = endOfDirectory(bytes);
  if (end < 0) throw new ZipProblem('problem.zip.no-directory', {}, true);
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryStart = bytes.readUInt32LE(end + 16);
  if (count > limits.maxEntries || count === 0xffff) {
    throw new ZipProblem('problem.zip.too-many-parts', { count: groupDigits(limits.maxEntries) });
  }
  if (directoryStart === 0xffffffff || directoryStart + directorySize > end) throw damaged();
  const entries: Entry[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw damaged();
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: Entry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      headerOffset: bytes.readUInt32LE(at + 42),
    };
    // Sizes of 4 GiB and more are ZIP64 records; no file these readers accept comes near them.
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.headerOffset === 0xffffffff) {
      throw new ZipProblem('problem.zip.zip64');
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Why an Office file (.xlsx, .docx) must not be unpacked: more than the limits allow, a directory
 * that lies about what it holds, or no readable archive at all (`damaged`); null when it is safe to
 * hand to its reader. The text follows the file's name ("report.docx: unpacks to 2048 MiB, more than …").
 */
export function zipArchiveProblem(bytes: Buffer, limits: ZipLimits): ArchiveProblem | null {
  try {
    checkArchive(bytes, limits);
    return null;
  } catch (error) {
    if (error instanceof ZipProblem) return problemOf(error);
    throw error;
  }
}

/** An XML part of a checked archive, inflated: exactly the bytes its directory declares. */
export interface ArchivePart {
  name: string;
  content: Buffer;
}

/**
 * The XML parts (XML and relationships) of an Office file by name, inflated by the checks of
 * zipArchiveProblem, for a reader that parses them itself; or why the file is refused.
 */
export function checkedArchive(bytes: Buffer, limits: ZipLimits): { parts: Map<string, ArchivePart>; problem: null } | { parts: null; problem: ArchiveProblem } {
  try {
    return { parts: new Map(checkArchive(bytes, limits).map((part) => [part.name, part])), problem: null };
  } catch (error) {
    if (error instanceof ZipProblem) return { parts: null, problem: problemOf(error) };
    throw error;
  }
}

/** Checks the directory, then inflates every entry against its declared size; returns the XML parts inflated. */
function checkArchive(bytes: Buffer, limits: ZipLimits): ArchivePart[] {
  const entries = readDirectory(bytes, limits);
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  const xml = entries.filter((e) => isParsedPart(e.name)).reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes) {
    throw new ZipProblem('problem.zip.too-large', { size: mib(total), limit: mib(limits.maxTotalBytes) });
  }
  if (limits.maxXmlBytes !== undefined && xml > limits.maxXmlBytes) {
    throw new ZipProblem('problem.zip.xml-too-large', { size: mib(xml), limit: mib(limits.maxXmlBytes) });
  }
  let elements = 0;
  const parsed: ArchivePart[] = [];
  for (const entry of entries) {
    const start = entry.headerOffset;
    if (start + 30 > bytes.length || bytes.readUInt32LE(start) !== LOCAL_HEADER) {
      throw new ZipProblem('problem.zip.part-damaged', { part: entry.name }, true);
    }
    const dataStart = start + 30 + bytes.readUInt16LE(start + 26) + bytes.readUInt16LE(start + 28);
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    let content: Buffer;
    if (entry.method === STORED) content = data;
    else if (entry.method === DEFLATED) {
      try {
        // The ceiling makes zlib stop, with an error, at one byte past what the directory declared.
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        if (tooLarge) throw new ZipProblem('problem.zip.part-larger', { part: entry.name, bytes: entry.size });
        throw new ZipProblem('problem.zip.part-damaged', { part: entry.name }, true);
      }
    } else throw new ZipProblem('problem.zip.compression', { part: entry.name, method: entry.method });
    if (limits.maxXmlElements !== undefined && isParsedPart(entry.name)) {
      elements += elementCount(content);
      if (elements > limits.maxXmlElements) throw new ZipProblem('problem.zip.too-many-elements', { count: groupDigits(limits.maxXmlElements) });
    }
    const actual = content.length;
    if (actual !== entry.size) {
      throw new ZipProblem('problem.zip.part-short', { part: entry.name, bytes: entry.size }, true);
    }
    if (isParsedPart(entry.name)) parsed.push({ name: entry.name, content });
  }
  return parsed;
}
