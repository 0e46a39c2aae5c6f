import catalog from './help.yaml';
import type { Catalogue } from './catalogue.js';

/** The words of --help, src/messages/help.yaml: apart from the report's catalogue, which help does not load. */
export const HELP_MESSAGES = catalog as Catalogue;
