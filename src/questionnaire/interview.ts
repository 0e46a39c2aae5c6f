import * as z from '../zod.js';
import { creditCodeCheckChar } from '../answers/credit-code.js';
import { fieldSchema, schemaDefault } from '../answers/fields.js';
import { parseAnswers } from '../answers/read.js';
import type { AlgorithmFunction } from '../answers/vocabulary.js';
import { parseDeclaredType } from '../core/classify.js';
import { evaluateCondition } from '../core/facts.js';
import { diagnose } from '../core/report.js';
import type { ReportItem } from '../core/report-schema.js';
import { formatPath } from '../data/field-path.js';
import { normalizeTypedDate } from '../dates.js';
import { problemWith } from '../data/schema-problem.js';
import { ERROR_MESSAGES } from '../errors.js';
import { word } from '../messages/catalogue.js';
import { basisLine } from '../text/article.js';
import { fill, type Lang } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import type { Asker, Choice, Verdict } from './ask.js';
import type { Draft } from './draft.js';
import { loadQuestions, SERVICES_STATUS, TYPED_KINDS, type Check, type Localized, type Question, type QuestionsFile, type SectionName, type UiKey } from './questions.js';

type Path = (string | number)[];
type Args = Record<string, string | number>;
type Item = Record<string, unknown>;

/** Lines the interview shows around the prompts. */
export interface Notes {
  heading(text: string): void;
  why(text: string): void;
  warning(text: string): void;
}

/** What an interview needs: the answers so far, a way to ask, and the pure core for the materials. */
export interface InterviewOptions {
  draft: Draft;
  asker: Asker;
  notes: Notes;
  lang: Lang;
  /** Saves the draft; called after every answer. */
  save(): Promise<void>;
  /** Paths filled by --set: answers, but not a sign of how far the questionnaire got. */
  prefilled: readonly Path[];
  rules(): Promise<Rules>;
  /** How the answers file is named in messages and reports. */
  shown: string;
  asOf: string;
  toolVersion: string;
}

// When an algorithm's name gives no ASCII to build an id from, its main function does.
const ID_BY_FUNCTION = {
  generate: 'generation',
  personalize: 'recommendation',
  rank: 'ranking',
  search: 'search',
  filter: 'moderation',
  decide: 'dispatch',
} as const satisfies Record<AlgorithmFunction, string>;

const SCHEMA_HINT = 'filing-check schema answers';
/** The refusal reason a kind of question gives when it names none itself. */
const KIND_CHECKS: Partial<Record<Question['kind'], Check>> = { date: 'date', integer: 'integer', 'declared-type': 'declared-type' };

/** The ASCII words of a name as a kebab-case id ("Example News 2" → "example-news-2"), or undefined. */
function slugOf(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return /[a-z]{2}/.test(slug) ? slug : undefined;
}

function pathOf(prefix: readonly (string | number)[], key: string): Path {
  return [...prefix, ...key.split('.')];
}

function shownValue(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Walks the questionnaire over a draft: the entity, the services, the algorithms, then the materials
 * this case needs. It asks only what is missing or invalid, so the same walk starts a new file and
 * resumes an old one. The questionnaire is linear, so an optional question left blank before the
 * furthest answer was already seen and is not asked again.
 */
export class Interview {
  private readonly questions: QuestionsFile = loadQuestions();
  private loadedRules: Rules | undefined;
  private headings: { section?: string; item?: string } = {};
  private readonly prefilled: ReadonlySet<string>;

  constructor(private readonly o: InterviewOptions) {
    this.prefilled = new Set(o.prefilled.map(formatPath));
  }

  /** Runs the whole questionnaire; the draft holds every answer as it is given. */
  async run(): Promise<void> {
    await this.entity();
    await this.services();
    await this.algorithms();
    await this.materials();
  }

  private words(key: UiKey, args?: Args): string {
    return fill(this.questions.ui[key][this.o.lang], args);
  }

  private local(text: Localized, args?: Args): string {
    return fill(text[this.o.lang], args);
  }

  private say(check: Check, args?: Args): string {
    return fill(this.questions.checks[check][this.o.lang], args);
  }

  private list(name: 'services' | 'algorithms'): Item[] {
    const value = this.o.draft.get([name]);
    return Array.isArray(value) ? value.filter((v): v is Item => typeof v === 'object' && v !== null) : [];
  }

  /**
   * Whether anything at or under a path was answered (in this session or a resumed file) rather
   * than pre-filled by --set. The questionnaire is linear, so an answer somewhere shows that every
   * question before it was seen; --set values can sit anywhere and show nothing of the kind.
   */
  private given(path: Path): boolean {
    const value = this.o.draft.get(path);
    if (value === undefined || this.prefilled.has(formatPath(path))) return false;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null)) return value.some((_, i) => this.given([...path, i]));
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) return Object.keys(value).some((key) => this.given([...path, key]));
    return true;
  }

  /** Whether an entry after `index` in a list, or a later section, holds answers. */
  private laterGiven(list: 'services' | 'algorithms', index: number, laterSection: () => boolean): boolean {
    return this.list(list).some((_, j) => j > index && this.given([list, j])) || laterSection();
  }

  private async ensureRules(): Promise<Rules> {
    this.loadedRules ??= await this.o.rules();
    return this.loadedRules;
  }

  /** Headings wait until a question of theirs is actually asked, so a resumed, finished section stays quiet. */
  private heading(level: 'section' | 'item', text: string): void {
    this.headings = level === 'section' ? { section: text } : { ...this.headings, item: text };
  }

  private flushHeadings(): void {
    const { section, item } = this.headings;
    if (section) this.o.notes.heading(section);
    if (item) this.o.notes.heading(item);
    this.headings = {};
  }

  private async confirmStep(step: { message: Localized; why: Localized }, defaultValue: boolean, args?: Args): Promise<boolean> {
    this.flushHeadings();
    this.o.notes.why(this.words('why', { why: this.local(step.why, args) }));
    return this.o.asker.confirm(this.local(step.message, args), defaultValue);
  }

  private async entity(): Promise<void> {
    this.heading('section', this.local(this.questions.sections.entity.title));
    const later = this.given(['services']) || this.given(['algorithms']) || this.given(['materials']);
    await this.askItem('entity', ['entity'], later);
  }

  private async services(): Promise<void> {
    const section = this.questions.sections.service;
    this.heading('section', this.local(section.title));
    const closed = () => this.given(['algorithms']) || this.given(['materials']);
    if (this.o.draft.get(['services']) === undefined && !closed()) {
      if (!(await this.confirmStep(section.start!, true))) {
        this.o.draft.set(['services'], []);
        await this.o.save();
        return;
      }
      await this.askService(0, false);
    } else {
      const count = this.list('services').length;
      for (let i = 0; i < count; i++) await this.askService(i, this.laterGiven('services', i, closed));
    }
    if (this.list('services').length === 0 || closed()) return;
    while (await this.confirmStep(section.more!, false)) await this.askService(this.list('services').length, false);
    await this.closeList('algorithms', []);
  }

  /**
   * "No other product" (or algorithm) leaves no answer of its own in the file; the next section's key,
   * written empty, does: a resumed session sees the list closed and does not ask again.
   */
  private async closeList(next: 'algorithms' | 'materials', empty: unknown[] | Record<string, never>): Promise<void> {
    if (this.o.draft.get([next]) !== undefined) return;
    this.o.draft.set([next], empty);
    await this.o.save();
  }

  private async askService(index: number, closed: boolean): Promise<void> {
    this.heading('item', this.words('service-heading', { n: index + 1 }));
    await this.askItem('service', ['services', index], closed);
  }

  private async algorithms(): Promise<void> {
    const section = this.questions.sections.algorithm;
    this.heading('section', this.local(section.title));
    const closed = () => this.given(['materials']) || this.list('algorithms').some((_, i) => this.given(['algorithms', i, 'materials']));
    const count = this.list('algorithms').length;
    if (count === 0) await this.askAlgorithm(0, false);
    for (let i = 0; i < count; i++) await this.askAlgorithm(i, this.laterGiven('algorithms', i, closed));
    if (closed()) return;
    while (await this.confirmStep(section.more!, false)) await this.askAlgorithm(this.list('algorithms').length, false);
    await this.closeList('materials', {});
  }

  private async askAlgorithm(index: number, closed: boolean): Promise<void> {
    this.heading('item', this.words('algorithm-heading', { n: index + 1 }));
    await this.askItem('algorithm', ['algorithms', index], closed);
  }

  /**
   * The materials this case requires, from the real core. Material statuses never change which
   * materials are required, so they are left out here: a half-answered entry from an interrupted
   * session must not stop the walk that completes it.
   */
  private async requiredItems(rules: Rules): Promise<ReportItem[]> {
    const data = this.o.draft.data();
    const withoutMaterials = (list: unknown) =>
      Array.isArray(list) ? list.map((a: unknown) => (typeof a === 'object' && a !== null ? { ...a, materials: undefined } : a)) : list;
    const facts = JSON.stringify({ ...data, materials: undefined, services: withoutMaterials(data.services), algorithms: withoutMaterials(data.algorithms) });
    const run = async (text: string) => {
      const report = diagnose({ answers: await parseAnswers(text, this.o.shown, rules), rules, lang: this.o.lang, source: this.o.shown, asOf: this.o.asOf, toolVersion: this.o.toolVersion });
      // The continuing duties are recorded in the same material entries as the filing's materials.
      return [...report.items, ...report.duties];
    };
    try {
      return await run(facts);
    } catch (error) {
      // Said again on the saved text, so the message points at a line of the user's file.
      await run(this.o.draft.text());
      throw error;
    }
  }

  private async materials(): Promise<void> {
    const rules = await this.ensureRules();
    const items = await this.requiredItems(rules);
    const algorithmIds = this.list('algorithms').map((a) => a.id);
    const serviceIds = this.list('services').map((s) => s.id);
    const prefixOf = (item: ReportItem): Path =>
      item.algorithm !== null ? ['algorithms', algorithmIds.indexOf(item.algorithm), 'materials', item.id]
      : item.service !== null ? ['services', serviceIds.indexOf(item.service), 'materials', item.id]
      : ['materials', item.id];
    const recorded = (item: ReportItem) => this.o.draft.get(prefixOf(item)) !== undefined;
    const section = this.questions.sections.material;
    this.heading('section', `${this.local(section.title)} · ${this.words('materials-heading', { n: items.length })}`);
    const unrecorded = items.filter((item) => !recorded(item)).length;
    const recordAll = unrecorded === 0 || (await this.confirmStep(section.start!, true, { n: unrecorded }));
    const names = new Map(this.list('algorithms').map((a) => [a.id, String(a.name)]));
    // Material entries are listed in any order and only some of them, so the order of the walk says
    // nothing about what was seen: an entry already in the file counts as done but for what it lacks
    // and must have, and an entry not in it is asked in full.
    const before = new Set(items.filter(recorded));
    for (const item of items) {
      if (!recordAll && !before.has(item)) continue;
      const algorithm = item.algorithm === null ? '' : this.words('material-of', { name: names.get(item.algorithm) ?? item.algorithm });
      await this.askItem('material', prefixOf(item), before.has(item), { title: item.title, algorithm, basis: basisLine(item.basis, this.o.lang) });
    }
  }

  /**
   * What `when` conditions can see of one item: each choice or yes/no answer, or the schema's default;
   * whether a typed question was answered; and for the products chosen, their statuses.
   */
  private facts(name: SectionName, prefix: Path): Record<string, ReadonlySet<string> | boolean> {
    const facts: Record<string, ReadonlySet<string> | boolean> = {};
    for (const question of this.questions.sections[name].questions) {
      const path = pathOf(prefix, question.key);
      const value = this.o.draft.get(path) ?? schemaDefault(path);
      if (TYPED_KINDS.has(question.kind)) facts[question.key] = value !== undefined;
      else if (question.kind === 'services') {
        const chosen = Array.isArray(value) ? value : [];
        const statuses = this.list('services').filter((s) => chosen.includes(s.id)).map((s) => s.status ?? schemaDefault(['services', 0, 'status']));
        facts[SERVICES_STATUS] = new Set(statuses.map(String));
      } else if (typeof value === 'boolean') facts[question.key] = value;
      else if (Array.isArray(value)) facts[question.key] = new Set(value.map(String));
      else if (value !== undefined) facts[question.key] = new Set([String(value)]);
    }
    return facts;
  }

  private async askItem(name: SectionName, prefix: Path, closed: boolean, args: Args = {}): Promise<void> {
    const questions = this.questions.sections[name].questions;
    for (const [index, question] of questions.entries()) {
      if (question.when && !evaluateCondition(question.when, this.facts(name, prefix))) continue;
      if (question.kind === 'declared-type') await this.ensureRules();
      const path = pathOf(prefix, question.key);
      const existing = this.o.draft.get(path);
      let fixing = false;
      const answeredLater = () => closed || questions.slice(index + 1).some((later) => this.given(pathOf(prefix, later.key)));
      if (existing !== undefined) {
        const problem = this.refusal(question, path, existing);
        // Changes are saved one by one: a list with nothing answered after it was cut short, and goes on.
        const unfinished = question.kind === 'changes' && Array.isArray(existing) && existing.length > 0 && !answeredLater();
        if (problem === null && !unfinished) continue;
        if (problem === null) {
          this.o.draft.set(path, await this.ask(question, path, existing, args, false));
          await this.o.save();
          continue;
        }
        this.flushHeadings();
        this.o.notes.warning(this.words('invalid-existing', { value: shownValue(existing), reason: problem }));
        fixing = true;
      } else if (this.mayStayEmpty(question, path) && answeredLater()) {
        continue;
      }
      const value = await this.ask(question, path, existing, args, fixing);
      // Material entries are short; one line each, as in the contract's example.
      this.o.draft.set(path, value, { flowParent: name === 'material' });
      await this.o.save();
    }
  }

  /** An optional question, or one whose field has a valid schema default, can be left out of the file. */
  private mayStayEmpty(question: Question, path: Path): boolean {
    const fallback = schemaDefault(path);
    return question.optional || (fallback !== undefined && this.refusal(question, path, fallback) === null);
  }

  /** Ids used by the other entries of the same list, which a new id must not repeat. */
  private siblingIds(path: Path): unknown[] {
    const [list, index] = path;
    if (list !== 'services' && list !== 'algorithms') return [];
    return this.list(list).filter((_, i) => i !== index).map((item) => item.id);
  }

  /** Why a value is refused for a question, in the session's language, or null when it is fine. */
  private refusal(question: Question, path: Path, value: unknown): string | null {
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) return question.optional ? null : this.say('required');
    if (question.kind === 'services') {
      const known = this.list('services').map((s) => s.id);
      return Array.isArray(value) && value.length > 0 && value.every((id) => known.includes(id)) ? null : this.say('services');
    }
    const schema = fieldSchema(path)!;
    const result = z.safeParse(schema, value);
    if (!result.success) {
      const check = question.check ?? KIND_CHECKS[question.kind];
      if (check === 'credit-code' && result.error.issues[0]?.code !== 'invalid_format') {
        return this.say('credit-code-check-digit', { expected: creditCodeCheckChar(String(value).trim().slice(0, 17)) });
      }
      if (check) return this.say(check);
      if (Array.isArray(value) && value.length === 0) return this.say('at-least-one');
      const problem = problemWith(schema, value, SCHEMA_HINT);
      return this.say('invalid', { detail: problem ? word(ERROR_MESSAGES, this.o.lang, problem.key, problem.args) : '' });
    }
    if (question.kind === 'declared-type' && !parseDeclaredType(String(result.data), this.loadedRules!.types)) return this.say('declared-type');
    if (question.check === 'kebab-id' && this.siblingIds(path).includes(value)) return this.say('unique-id', { id: String(value) });
    return null;
  }

  /** A default computed from earlier answers, or the question's, or the schema's. */
  private defaultFor(question: Question, path: Path): unknown {
    const derived = question.derive === 'id-from-name' ? this.derivedId(path) : question.derive === 'region-from-credit-code' ? this.derivedRegion(path) : undefined;
    return derived ?? question.default ?? schemaDefault(path);
  }

  private derivedId(path: Path): string {
    const prefix = path.slice(0, -1);
    const item = (this.o.draft.get(prefix) ?? {}) as Item;
    const first = (key: string) => (Array.isArray(item[key]) ? String((item[key] as unknown[])[0] ?? '') : '');
    const base =
      slugOf(item.name) ??
      (prefix[0] === 'algorithms' ? ID_BY_FUNCTION[first('does') as AlgorithmFunction] : first('forms') || undefined) ??
      (prefix[0] === 'algorithms' ? 'algorithm' : 'service');
    const taken = this.siblingIds(path);
    let id = base;
    for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** Positions 3–8 of a valid credit code are the registering authority's division code (GB 32100-2015). */
  private derivedRegion(path: Path): string | undefined {
    const code = this.o.draft.get(['entity', 'creditCode']);
    if (typeof code !== 'string' || !z.safeParse(fieldSchema(['entity', 'creditCode'])!, code).success) return undefined;
    const region = code.slice(2, 8);
    return z.safeParse(fieldSchema(path)!, region).success ? region : undefined;
  }

  /** Reads typed text as the question's kind of value; an empty answer is undefined. */
  private parseTyped(question: Question, raw: string): unknown {
    const text = raw.trim();
    if (text === '') return undefined;
    if (question.kind === 'date') return normalizeTypedDate(text);
    if (question.kind !== 'integer') return text;
    const match = /^(\d+(?:\.\d+)?)\s*(万|亿)?$/.exec(text.replace(/[,，\s]/g, ''));
    if (!match) return text;
    const scale = match[2] === '亿' ? 1e8 : match[2] === '万' ? 1e4 : 1;
    return Math.round(Number(match[1]) * scale);
  }

  private async ask(question: Question, path: Path, existing: unknown, args: Args, fixing: boolean): Promise<unknown> {
    this.flushHeadings();
    this.o.notes.why(this.words('why', { why: this.local(question.why, args) }));
    // Only typed answers can be left empty; a select offers its own "not decided" choice.
    const typed = question.kind === 'text' || question.kind === 'date' || question.kind === 'integer';
    const message = this.local(question.message, args) + (question.optional && typed ? this.words('optional') : '');
    const current = existing ?? this.defaultFor(question, path);
    const verdict = (value: unknown): Verdict => this.refusal(question, path, value) ?? true;
    const { asker } = this.o;
    switch (question.kind) {
      case 'text':
      case 'date':
      case 'integer': {
        const typed = await asker.text(message, {
          ...(current !== undefined ? { default: shownValue(current) } : {}),
          editable: fixing,
          validate: (raw) => verdict(this.parseTyped(question, raw)),
        });
        return this.parseTyped(question, typed);
      }
      case 'confirm':
        return asker.confirm(message, typeof current === 'boolean' ? current : true);
      case 'select':
        return asker.select(message, this.choices(question, []), current);
      case 'checkbox': {
        const checked = Array.isArray(current) ? current : [];
        return asker.checkbox(message, this.choices(question, checked), (values) => verdict([...values]));
      }
      case 'services':
        return this.askServices(message, current);
      case 'events':
        return this.askEvents(question, path, message);
      case 'changes':
        // Changes to fix are asked afresh; a valid list cut short goes on from its last entry.
        return this.askChanges(message, path, !fixing && Array.isArray(existing) ? (existing as Item[]) : []);
      case 'declared-type': {
        const types = this.loadedRules!.types;
        const codes = current === undefined ? null : parseDeclaredType(String(current), types);
        const choices: Choice<string>[] = [
          { value: '', name: this.words('declared-type-none') },
          ...[...types].sort((a, b) => a.code.localeCompare(b.code)).map((t) => ({ value: t.code, name: `${t.code} ${t.title[this.o.lang]}` })),
        ];
        const picked = await asker.select(message, choices, codes?.[0] ?? '');
        return picked === '' ? undefined : picked;
      }
    }
  }

  private choices(question: Question, checked: readonly unknown[]): Choice<string>[] {
    return Object.entries(question.choices ?? {}).map(([value, label]) => ({ value, name: this.local(label), checked: checked.includes(value) }));
  }

  /**
   * Dated events of a service: which kinds happened, then for each its date (not before the
   * service's launch), the feature added or an optional note, and whether its report went in.
   * Nothing chosen is an empty list, which records that the question was answered.
   */
  private async askEvents(question: Question, path: Path, message: string): Promise<Item[]> {
    const { asker } = this.o;
    const kinds = await asker.checkbox(message, this.choices(question, []), () => true);
    const launch = this.o.draft.get([...path.slice(0, -1), 'launchDate']);
    const dateSchema = fieldSchema([...path, 0, 'on'])!;
    const dateOf = (raw: string) => normalizeTypedDate(raw.trim());
    const events: Item[] = [];
    for (const kind of kinds) {
      const typed = await asker.text(this.words('event-date', { event: this.local(question.choices![kind]!) }), {
        validate: (raw) => {
          const date = dateOf(raw);
          if (!z.safeParse(dateSchema, date).success) return this.say('date');
          return typeof launch === 'string' && date < launch ? this.say('event-before-launch', { launch }) : true;
        },
      });
      // An added feature is named: the report and its clock say which feature is assessed.
      const what = kind === 'feature-added'
        ? (await asker.text(this.words('event-feature'), { validate: (raw) => (raw.trim() === '' ? this.say('required') : true) })).trim()
        : (await asker.text(this.words('event-what') + this.words('optional'), { validate: () => true })).trim();
      const submitted = await asker.confirm(this.words('event-submitted'), false);
      events.push({ kind, on: dateOf(typed), ...(what ? { what } : {}), submitted });
    }
    return events;
  }

  /**
   * The changes of a filed algorithm since its filing, one at a time: the day, what changed, whether
   * its change filing went in. Each is saved as soon as it is complete; a list a session left
   * unfinished goes on with "any other change?".
   */
  private async askChanges(message: string, path: Path, recorded: readonly Item[]): Promise<Item[]> {
    const { asker } = this.o;
    const changes: Item[] = [...recorded];
    const field = (key: string) => [...path, 0, key];
    const refusal = (key: string, value: string, check: Check): Verdict => {
      if (value === '') return this.say('required');
      return z.safeParse(fieldSchema(field(key))!, value).success ? true : this.say(check);
    };
    const first = changes.length > 0 ? this.words('change-more') : message;
    for (let more = await asker.confirm(first, false); more; more = await asker.confirm(this.words('change-more'), false)) {
      const on = normalizeTypedDate((await asker.text(this.words('change-on'), { validate: (raw) => refusal('on', normalizeTypedDate(raw.trim()), 'date') })).trim());
      const what = (await asker.text(this.words('change-what'), { validate: (raw) => refusal('what', raw.trim(), 'required') })).trim();
      const filed = await asker.confirm(this.words('change-filed'), false);
      changes.push({ on, what, filed });
      this.o.draft.set(path, changes);
      await this.o.save();
    }
    return changes;
  }

  /** Which services an algorithm runs in; a product not listed yet can be added on the spot. */
  private async askServices(message: string, current: unknown): Promise<string[]> {
    const services = this.list('services');
    if (services.length === 0) {
      this.o.notes.warning(this.words('no-services-yet'));
      return [await this.addService()];
    }
    const ids = services.map((s) => String(s.id));
    const checked = Array.isArray(current) && current.length > 0 ? current : ids.length === 1 ? ids : [];
    // The empty id is never a real one (ids are kebab-case), so it can stand for "add a product".
    const choices: Choice<string>[] = [
      ...services.map((s) => ({ value: String(s.id), name: this.words('service-choice', { name: String(s.name), id: String(s.id) }), checked: checked.includes(s.id) })),
      { value: '', name: this.words('new-service') },
    ];
    const picked = await this.o.asker.checkbox(message, choices, (values) => (values.length > 0 ? true : this.say('services')));
    const chosen = picked.filter((id) => id !== '');
    if (picked.includes('')) chosen.push(await this.addService());
    return chosen;
  }

  private async addService(): Promise<string> {
    const index = this.list('services').length;
    await this.askService(index, false);
    return String(this.o.draft.get(['services', index, 'id']));
  }
}
