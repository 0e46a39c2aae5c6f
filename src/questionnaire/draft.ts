import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Document, isCollection, isMap, isNode, isSeq, Pair, type YAMLMap } from 'yaml';
import { fieldKeys } from '../answers/fields.js';
import { parseDataDocument } from '../data/data-document.js';
import { inputError } from '../errors.js';
import { withFileLock, writeFileAtomic } from '../io.js';

type Path = readonly (string | number)[];

/** The answers file was changed by another program while the session had it open. */
export class FileChangedError extends Error {
  constructor(readonly shown: string) {
    super(`${shown} changed on disk while the questionnaire had it open`);
  }
}

/** A file's text, or null when there is none. */
async function textOnDisk(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

/**
 * The answers as they are being given: a YAML document that need not validate yet, so a session cut
 * short can be saved and resumed. Editing the document (rather than rebuilding it) keeps a resumed
 * file's comments and layout.
 */
export class Draft {
  /** The file's text as this session last read or wrote it (null: no file); undefined until remembered. */
  private onDisk: string | null | undefined;

  private constructor(
    private readonly doc: Document,
    private readonly path: string,
    private readonly shown: string,
  ) {}

  /** A new, empty answers file. */
  static create(path: string, shown: string): Draft {
    const doc = new Document({ schemaVersion: 1 });
    return new Draft(doc, path, shown);
  }

  /** An existing answers file, complete or not; only YAML syntax errors are refused. */
  static parse(text: string, path: string, shown: string): Draft {
    const { doc } = parseDataDocument(text, shown);
    if (doc.contents === null) doc.contents = doc.createNode({ schemaVersion: 1 });
    if (!isCollection(doc.contents) || isSeq(doc.contents)) throw inputError('error.draft.not-mapping', { file: shown });
    return new Draft(doc, path, shown);
  }

  /** The plain value at a path (lists and mappings as plain data), or undefined. */
  get(path: Path): unknown {
    const node = this.doc.getIn(path, true);
    if (node === undefined || node === null) return undefined;
    const value = (node as { toJSON?: () => unknown }).toJSON ? (node as { toJSON: () => unknown }).toJSON() : node;
    return value === null ? undefined : value;
  }

  /**
   * Sets (or, with undefined, removes) the value at a path. A new key goes where the schema puts it,
   * so a file written in question order still reads like the contract's example; lists of scalars
   * stay on one line, and so does a new mapping created for the value when `flowParent` is set.
   */
  set(path: Path, value: unknown, options: { flowParent?: boolean } = {}): void {
    if (value === undefined) {
      if (this.doc.hasIn(path)) this.doc.deleteIn(path);
      return;
    }
    // An empty list or mapping, written [] or {} (a resumed file's `algorithms: []`, say), opens up
    // when something goes into it, so its entries each get their own lines.
    for (let depth = 1; depth < path.length; depth++) {
      const holder = this.doc.getIn(path.slice(0, depth), true);
      if (isCollection(holder) && holder.flow && holder.items.length === 0) holder.flow = false;
    }
    const node = this.doc.createNode(value);
    if (isSeq(node) && (value as unknown[]).every((v) => typeof v !== 'object')) node.flow = true;
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1]!;
    const parent = this.doc.getIn(parentPath, true);
    if (!isMap(parent)) {
      this.doc.setIn(path, node);
      const created = this.doc.getIn(parentPath, true);
      if (options.flowParent && isMap(created)) created.flow = true;
      return;
    }
    const old = parent.get(key, true);
    if (isNode(old)) {
      // A corrected answer keeps the note the user wrote beside it.
      node.comment = old.comment;
      node.commentBefore = old.commentBefore;
    }
    if (parent.has(key)) {
      parent.set(key, node);
      return;
    }
    insertInOrder(parent, new Pair(this.doc.createNode(key), node), fieldKeys(parentPath) ?? []);
  }

  /** Puts a comment at the top unless the file already starts with one (a user's own header is kept). */
  ensureHeader(lines: readonly string[]): void {
    // A comment right above the first key belongs to that key, not the document; it is a header all the same.
    const contents = this.doc.contents;
    const firstKey = isMap(contents) ? (contents.items[0]?.key as { commentBefore?: string | null } | undefined) : undefined;
    if (this.doc.commentBefore || (isCollection(contents) && contents.commentBefore) || firstKey?.commentBefore) return;
    this.doc.commentBefore = lines.map((line) => ` ${line}`).join('\n');
  }

  /** The file text: YAML, or JSON when resuming a .json file (JSON has no comments). */
  text(): string {
    if (/\.json$/i.test(this.path)) return `${JSON.stringify(this.doc.toJS(), null, 2)}\n`;
    return this.doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }

  /** The answers as plain data. */
  data(): Record<string, unknown> {
    return (this.doc.toJS() ?? {}) as Record<string, unknown>;
  }

  /** Notes what the file holds now, so that a later save can tell whether another program wrote it meanwhile. */
  async remember(): Promise<void> {
    this.onDisk = await textOnDisk(this.path);
  }

  /**
   * Writes the file atomically, holding the same lock as `checklist --import`; it is the session's
   * own file, so it may replace it, unless another program changed it since the session last read or
   * wrote it: then it throws FileChangedError and the file stays as the other program left it.
   */
  async save(): Promise<void> {
    const text = this.text();
    await withFileLock(this.path, this.shown, async () => {
      if (this.onDisk !== undefined && (await textOnDisk(this.path)) !== this.onDisk) throw new FileChangedError(this.shown);
      await writeFileAtomic(this.path, text, { force: true, shown: this.shown });
      this.onDisk = text;
    });
  }

  /**
   * Writes the answers beside the file, as NAME.unsaved.EXT (or -2, -3 … when that exists), so
   * that a save refused by FileChangedError loses nothing the user typed; returns the path written.
   */
  async saveAside(): Promise<string> {
    const extension = extname(this.path);
    const stem = join(dirname(this.path), basename(this.path, extension));
    for (let n = 1; ; n++) {
      const aside = `${stem}.unsaved${n === 1 ? '' : `-${n}`}${extension}`;
      if (await stat(aside).catch(() => null)) continue;
      await writeFileAtomic(aside, this.text(), { force: false, shown: aside });
      return aside;
    }
  }

  /** The document, for --set. */
  document(): Document {
    return this.doc;
  }
}

/** Inserts a pair before the first existing key that the schema lists after it (else at the end). */
function insertInOrder(map: YAMLMap, pair: Pair, order: readonly string[]): void {
  const rank = (key: unknown) => {
    const index = order.indexOf(String(key));
    return index < 0 ? order.length : index;
  };
  const keyOf = (item: Pair) => (item.key as { value?: unknown } | null)?.value ?? item.key;
  const mine = rank(keyOf(pair));
  const before = map.items.findIndex((item) => rank(keyOf(item)) > mine);
  if (before < 0) map.items.push(pair);
  else map.items.splice(before, 0, pair);
}
