// zod/mini ships without messages (its locales are opt-in, which keeps the bundle small); load the
// English one once, so built-in checks read "Too small: expected string to have >=1 characters"
// rather than "Invalid input". Every schema imports z from here.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
