// @vitest-environment node
/** The storage port's contract (tests/storage/contract.ts) on the memory storage the mock runs on. */
import { Db } from '@mocks/db';
import { MemoryStorage } from '@mocks/memory-storage';
import { describeStorageContract } from '../storage/contract';

const storage = new MemoryStorage(new Db());
describeStorageContract('memory (the MSW mock)', () => storage);

// Each store call of a write waiting a little, as a round trip to a database would.
const slow = new MemoryStorage(new Db(), { ioDelayMs: 1 });
describeStorageContract('memory with a delay per store call', () => slow);
