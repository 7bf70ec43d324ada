/** Where the local stack reports progress: one human-readable line at a time. */
export type LogSink = (line: string) => void;

/** The default sink: stderr, so that stdout stays free for what a user may copy. */
export const stderrLogSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

/** A sink that drops everything (quiet tests). */
export const silentLogSink: LogSink = () => undefined;
