// zod/mini ships without messages (its locales are opt-in, which keeps the bundle small); load the
// English one once, so built-in checks read "Too small: expected string to have >=1 characters"
// rather than "Invalid input". Every schema imports zod through here: `import * as z from …/zod.js`.
// A star re-export (not a namespace object) lets the bundler keep only the parts in use.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
