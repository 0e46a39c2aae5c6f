/** Exit codes of every command (contract section 3). */
export const ExitCode = { Ok: 0, Gaps: 1, Invalid: 2, Cancelled: 130 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Bad input the user can fix: an answers file, a rule file, a draft or a command-line value. The
 * message is complete on its own (file, location, what was expected), so it prints without a stack.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** The user cancelled at a prompt; answers typed so far are already saved. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}
