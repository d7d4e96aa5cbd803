import { open, type FileHandle } from 'node:fs/promises';

/**
 * Follows a file that another process appends to, line by line. Terraform writes its output into the run's log
 * file rather than a pipe, so a harness that crashes cannot take terraform down with SIGPIPE mid-apply: the
 * orphaned apply finishes, saves its state and releases the lock, and `lab down` can then destroy everything.
 */
export class FileTail {
  private position: number;
  private partial = '';
  private handle: FileHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly file: string, from: number, private readonly onLine: (line: string) => void) {
    this.position = from;
  }

  async start(intervalMs = 100): Promise<void> {
    this.handle = await open(this.file, 'r');
    this.timer = setInterval(() => this.schedule(), intervalMs);
  }

  /** Reads what is left, flushes a last unterminated line, and closes. */
  async stop(): Promise<void> {
    if (!this.handle) return;
    clearInterval(this.timer);
    this.schedule();
    await this.reading;
    if (this.partial) this.onLine(this.partial);
    this.partial = '';
    const handle = this.handle;
    this.handle = undefined;
    await handle.close();
  }

  private schedule(): void {
    this.reading = this.reading.then(() => this.readNew()).catch(() => undefined);
  }

  private async readNew(): Promise<void> {
    if (!this.handle) return;
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, this.position);
      if (bytesRead === 0) return;
      this.position += bytesRead;
      const lines = (this.partial + buffer.subarray(0, bytesRead).toString('utf8')).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) this.onLine(line);
    }
  }
}
