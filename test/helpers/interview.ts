import { screen } from '@inquirer/testing/vitest';
import { expect } from 'vitest';

/**
 * Drives the questionnaire through @inquirer/testing's screen, as a consultant at the keyboard
 * would, and checks that each prompt is the one expected before answering it.
 */
export class Interviewer {
  constructor(private readonly run: Promise<number>) {}

  /** The prompt now on screen. */
  screen(): string {
    return screen.getScreen();
  }

  /** Waits for the first prompt (the CLI has to load the questionnaire first). */
  async start(question: string | RegExp): Promise<this> {
    await screen.next();
    this.expect(question);
    return this;
  }

  private expect(question: string | RegExp): void {
    const shown = screen.getScreen().split('\n')[0] ?? '';
    if (typeof question === 'string') expect(shown).toContain(question);
    else expect(shown).toMatch(question);
  }

  /** Waits for the next prompt and checks it; without one (the last answer) it does not wait. */
  private async next(question?: string | RegExp): Promise<void> {
    if (question === undefined) return;
    await screen.next();
    this.expect(question);
  }

  /** Types an answer (replacing nothing: the default shows only as a hint) and presses enter. */
  async type(answer: string, next?: string | RegExp): Promise<this> {
    if (answer) screen.type(answer);
    screen.keypress('enter');
    await this.next(next);
    return this;
  }

  /** Accepts the offered default. */
  async enter(next?: string | RegExp): Promise<this> {
    return this.type('', next);
  }

  /** Answers a yes/no question. */
  async confirm(yes: boolean, next?: string | RegExp): Promise<this> {
    return this.type(yes ? 'y' : 'n', next);
  }

  /** Moves the cursor to the choice whose line contains `label`. */
  private moveTo(label: string): void {
    for (let step = 0; step < 40; step++) {
      const active = screen.getScreen().split('\n').find((line) => line.startsWith('❯'));
      if (active?.includes(label)) return;
      screen.keypress('down');
    }
    throw new Error(`no choice "${label}" in:\n${screen.getScreen()}`);
  }

  /** Picks one choice of a select. */
  async select(label: string, next?: string | RegExp): Promise<this> {
    this.moveTo(label);
    screen.keypress('enter');
    await this.next(next);
    return this;
  }

  /** Toggles the given choices of a checkbox (pre-checked ones stay unless listed) and submits. */
  async check(labels: readonly string[], next?: string | RegExp): Promise<this> {
    for (const label of labels) {
      this.moveTo(label);
      screen.keypress('space');
    }
    screen.keypress('enter');
    await this.next(next);
    return this;
  }

  /** Submits an answer that should be refused, and returns the reason shown under the prompt. */
  async refused(answer: string): Promise<string> {
    screen.type(answer);
    screen.keypress('enter');
    await screen.next();
    return screen.getScreen();
  }

  /** Clears what the input prompt holds. */
  erase(count: number): this {
    for (let i = 0; i < count; i++) screen.keypress('backspace');
    return this;
  }

  /** Answers prompts with `answer` until the CLI ends; returns how many were answered. */
  async answerRest(answer: (prompt: string) => void): Promise<number> {
    let count = 0;
    for (;;) {
      const settled = await Promise.race([this.run.then(() => true), new Promise<false>((resolve) => setImmediate(() => resolve(false)))]);
      if (settled) return count;
      answer(screen.getScreen());
      count++;
      const ended = await Promise.race([this.run.then(() => true), screen.next().then(() => false)]);
      if (ended) return count;
    }
  }

  /** Presses Ctrl-C on the prompt on screen. */
  interrupt(): void {
    screen.keypress({ name: 'c', ctrl: true });
  }

  /** Gives the last answer (yes or no) and waits for the exit code. */
  async last(yes: boolean): Promise<number> {
    screen.type(yes ? 'y' : 'n');
    screen.keypress('enter');
    return this.run;
  }
}
