/** One thing wrong with the environment, named by the variable(s) to fix. */
export interface ConfigIssue {
  readonly variables: readonly string[];
  readonly problem: string;
}

/** Thrown at boot when the environment is unusable; the message lists every issue. */
export class ConfigError extends Error {
  constructor(
    readonly appName: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      [
        `Invalid configuration for ${appName}:`,
        ...issues.map((issue) => `  - ${issue.variables.join(', ')}: ${issue.problem}`),
        'Set or fix these environment variables and start again ' +
          '(every variable, its default and meaning: README, "Configuration").',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}
