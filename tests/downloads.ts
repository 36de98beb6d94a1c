import { afterEach, beforeEach, vi } from 'vitest';

/** A file the app handed to the browser to save: its (safe) name and its contents. */
export interface Download {
  name: string;
  blob: Blob;
}

/**
 * Captures, for every test of the calling file, what the app downloads (through `downloadBlob`'s
 * object URL and link click): the list is emptied before each test.
 */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  beforeEach(() => {
    downloads.length = 0;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push({ name: this.download, blob: blobs.get(this.href)! });
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return downloads;
}
