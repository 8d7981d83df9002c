/**
 * @module test/stores/jsonl/jsonlFixture
 * The one durability fixture of the JSON Lines specs. `jsonlFixture` gives
 * each test a fresh directory and store file, opens and reopens stores on it
 * (a restart), and closes them all after the test. `jsonlDurabilitySuite`
 * runs the crash cases every JSON Lines store owes on that fixture: a file
 * with malformed lines and a torn tail opens with a warning per skipped line
 * (`file:N`), writes after a torn tail survive the next open, and a path
 * that cannot be a file fails at construction.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { StoreDir, TORN_FRAGMENT, appendLines, appendTornLine, warnedLineNumbers } from '../../support/storeFiles.js';

interface Closable {
  close(): Promise<void>;
}

/** Opens a store on `file` (constructors open the file synchronously). */
export type JsonlBuild<S> = (file: string, logger: RecordingLogger) => S;

export interface JsonlFixture<S> {
  /** The store file of the current test (not created until a store opens it). */
  readonly file: string;
  readonly dir: StoreDir;
  /** Opens a store on the file; closed after the test. */
  open(logger?: RecordingLogger): S;
  /** Closes `store` and opens a new one on the same file: a restart. */
  reopen(store: S, logger?: RecordingLogger): Promise<S>;
}

/** Registers the hooks: a fresh directory per test; every store opened is closed and the directory removed after it. */
export function jsonlFixture<S extends Closable>(fileName: string, build: JsonlBuild<S>): JsonlFixture<S> {
  let dir: StoreDir;
  let file: string;
  let opened: S[] = [];
  beforeEach(() => {
    dir = new StoreDir();
    file = dir.file(fileName);
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((store) => store.close()));
    dir.remove();
  });
  const open = (logger = new RecordingLogger()): S => {
    const store = build(file, logger);
    opened.push(store);
    return store;
  };
  return {
    get file() {
      return file;
    },
    get dir() {
      return dir;
    },
    open,
    reopen: async (store, logger) => {
      await store.close();
      opened.splice(opened.indexOf(store), 1);
      return open(logger);
    },
  };
}

/** A factory for the shared store contracts: a fresh store on its own directory, removed on close. */
export function jsonlContractStore<S extends Closable>(
  fileName: string,
  build: JsonlBuild<S>,
): () => Promise<{ store: S; close: () => Promise<void> }> {
  return async () => {
    const dir = new StoreDir();
    const store = build(dir.file(fileName), new RecordingLogger());
    return {
      store,
      close: async () => {
        await store.close();
        dir.remove();
      },
    };
  };
}

export interface JsonlDurabilityCases<S> {
  readonly fileName: string;
  readonly build: JsonlBuild<S>;
  /** Four complete lines, of which lines 2 and 4 must be skipped (bad JSON, wrong shape); a torn line follows. */
  readonly damaged: {
    readonly lines: readonly unknown[];
    /** The torn fifth line (default TORN_FRAGMENT). */
    readonly torn?: string;
    /** What the store opened on that file holds: lines 1 and 3, and not the torn one. */
    check(store: S): Promise<void>;
  };
  /** One complete line, then a torn tail: `write` writes after it, and `check` finds both after a reopen. */
  readonly afterTorn: {
    readonly line: unknown;
    write(store: S): Promise<void>;
    check(reopened: S): Promise<void>;
    /** Whether the torn fragment stays in the file as line 2 (true for stores that never rewrite). */
    readonly keepsFragment: boolean;
  };
}

export function jsonlDurabilitySuite<S extends Closable>(driver: string, cases: JsonlDurabilityCases<S>): void {
  describe(`${driver} durability`, () => {
    const fixture = jsonlFixture(cases.fileName, cases.build);

    it('when a middle line is malformed and the last is torn, and the file is opened, skips them warning file:line', async () => {
      appendLines(fixture.file, cases.damaged.lines);
      appendTornLine(fixture.file, cases.damaged.torn);
      const logger = new RecordingLogger();

      const store = fixture.open(logger);

      await cases.damaged.check(store);
      expect(warnedLineNumbers(logger, fixture.file)).to.deep.equal([2, 4, 5]);
    });

    it('when a torn file was opened, and a change was written after, keeps it on the next open', async () => {
      appendLines(fixture.file, [cases.afterTorn.line]);
      appendTornLine(fixture.file);
      const store = fixture.open();
      await cases.afterTorn.write(store);
      const logger = new RecordingLogger();

      const reopened = await fixture.reopen(store, logger);

      await cases.afterTorn.check(reopened);
      expect(warnedLineNumbers(logger, fixture.file)).to.deep.equal([2]);
      if (cases.afterTorn.keepsFragment) {
        expect(readFileSync(fixture.file, 'utf8').split('\n')[1]).to.equal(TORN_FRAGMENT);
      }
    });

    it('when the path is inside a directory that does not exist, and a store is built, throws', () => {
      expect(() => cases.build(fixture.dir.file(`missing/${cases.fileName}`), new RecordingLogger())).to.throw();
    });

    it('when the path is a directory, and a store is built, throws', () => {
      mkdirSync(fixture.file);

      expect(() => cases.build(fixture.file, new RecordingLogger())).to.throw();
    });
  });
}
