import readline from 'node:readline';

/**
 * Questions on stderr (stdout stays clean for `export-audit`), answers from stdin. Secrets are
 * read without echo on a terminal; from a pipe (tests, scripts feeding stdin) they are read as
 * plain lines. Never from the command line, where they would end up in the shell history and
 * the process list.
 */
export class Prompter {
  private lines: AsyncIterator<string> | null = null;

  constructor(
    private readonly input: NodeJS.ReadStream = process.stdin,
    private readonly output: NodeJS.WriteStream = process.stderr,
  ) {}

  async ask(question: string, options: { secret?: boolean } = {}): Promise<string> {
    this.output.write(question);
    if (!this.input.isTTY) return this.nextPipedLine();
    return options.secret ? this.readHidden() : this.readVisible();
  }

  close(): void {
    this.input.pause();
  }

  private async nextPipedLine(): Promise<string> {
    this.lines ??= readline.createInterface({ input: this.input, crlfDelay: Infinity })[Symbol.asyncIterator]();
    const next = await this.lines.next();
    this.output.write('\n');
    if (next.done) throw new Error('Invoer beëindigd voordat alle vragen waren beantwoord.');
    return next.value;
  }

  private readVisible(): Promise<string> {
    const rl = readline.createInterface({ input: this.input, output: this.output, terminal: true });
    return new Promise((resolve) => {
      rl.question('', (answer) => {
        rl.close();
        resolve(answer);
      });
    });
  }

  /** Raw mode: every key arrives as typed and nothing is echoed. Enter ends, Ctrl-C aborts. */
  private readHidden(): Promise<string> {
    const input = this.input;
    return new Promise((resolve, reject) => {
      let value = '';
      const done = (error?: Error) => {
        input.setRawMode(false);
        input.pause();
        input.off('data', onData);
        this.output.write('\n');
        if (error) reject(error);
        else resolve(value);
      };
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n') return done();
          if (char === '\u0003') return done(new Error('Afgebroken.'));
          if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
          else value += char;
        }
      };
      input.setRawMode(true);
      input.resume();
      input.on('data', onData);
    });
  }
}
