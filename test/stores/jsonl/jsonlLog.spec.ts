/**
 * @module test/stores/jsonl/jsonlLog
 * JsonlLog, the append-only file under every JSON Lines store: private file
 * mode, skipped and terminated torn lines, fsynced appends in call order, and
 * catching up with another writer's complete lines only.
 */
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { expect } from 'chai';
import { JsonlLog } from '../../../src/stores/jsonl/JsonlLog.js';
import { RecordingLogger } from '../../support/RecordingLogger.js';
import { appendLines, appendTornLine, readJsonLines, warnedLineNumbers } from '../../support/storeFiles.js';
import { jsonlFixture } from './jsonlFixture.js';

interface Item {
  readonly n: number;
}

/** Accepts `{n: number}` only, so a well-formed line of the wrong shape is skipped too. */
const parseItem = (value: unknown): Item | undefined => {
  const v = value as Partial<Item> | null;
  return typeof v === 'object' && v !== null && typeof v.n === 'number' ? { n: v.n } : undefined;
};

describe('JsonlLog', () => {
  const fixture = jsonlFixture('log.jsonl', (file, logger) => {
    const opened = JsonlLog.openSync(file, parseItem, logger);
    return { ...opened, close: () => opened.log.close() };
  });
  const { open } = fixture;
  let file: string;
  beforeEach(() => {
    file = fixture.file;
  });

  describe('openSync()', () => {
    it('when the file does not exist, and it is opened, creates it readable by the owner only', () => {
      const { entries } = open();

      expect(entries).to.deep.equal([]);
      expect(existsSync(file)).to.equal(true);
      expect(statSync(file).mode & 0o777).to.equal(0o600);
    });

    it('when lines of the wrong shape, bad JSON and a torn tail are present, and it is opened, warns once each', () => {
      appendLines(file, [{ n: 1 }, { m: 2 }, '{"n":', '', { n: 3 }]);
      appendTornLine(file, '{"n":4');
      const logger = new RecordingLogger();

      const { entries } = open(logger);

      expect(entries).to.deep.equal([{ n: 1 }, { n: 3 }]);
      expect(warnedLineNumbers(logger, file)).to.deep.equal([2, 3, 6]);
    });

    it('when the last line is torn, and it is opened, terminates that line so the file ends with a newline', () => {
      appendLines(file, [{ n: 1 }]);
      appendTornLine(file, '{"n":2');

      open();

      expect(readFileSync(file, 'utf8')).to.equal('{"n":1}\n{"n":2\n');
    });
  });

  describe('append()', () => {
    it('when it resolves, and the file is reopened, the entry is there, in append order', async () => {
      const { log } = open();
      await log.append({ n: 1 });
      await log.append({ n: 2 });

      expect(readFileSync(file, 'utf8')).to.equal('{"n":1}\n{"n":2}\n');
      expect(open().entries).to.deep.equal([{ n: 1 }, { n: 2 }]);
    });

    it('when fifty appends are started at once, and all resolve, writes fifty whole lines in call order', async () => {
      const { log } = open();

      await Promise.all(Array.from({ length: 50 }, (_, n) => log.append({ n })));

      expect(readJsonLines(file)).to.deep.equal(Array.from({ length: 50 }, (_, n) => ({ n })));
    });
  });

  describe('catchUp()', () => {
    it('when another writer appends, and this log catches up, returns the new entries once', async () => {
      const { log } = open();
      appendLines(file, [{ n: 1 }, { n: 2 }]);

      expect(await log.catchUp()).to.deep.equal([{ n: 1 }, { n: 2 }]);
      expect(await log.catchUp()).to.deep.equal([]);
    });

    it('when another writer is mid-line, and this log catches up, withholds the partial line until it is complete', async () => {
      const { log } = open();
      appendFileSync(file, '{"n":1}\n{"n":');

      expect(await log.catchUp()).to.deep.equal([{ n: 1 }]);
      appendFileSync(file, '2}\n');
      expect(await log.catchUp()).to.deep.equal([{ n: 2 }]);
    });

    it('when several catch-ups run at once, and another writer then appends, the next catch-up returns it', async () => {
      const { log } = open();
      appendLines(file, [{ n: 1 }]);
      await Promise.all(Array.from({ length: 5 }, () => log.catchUp()));

      appendLines(file, [{ n: 2 }]);

      expect(await log.catchUp()).to.deep.equal([{ n: 2 }]);
    });
  });
});
