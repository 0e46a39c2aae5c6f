import type { Condition, InstrumentDef, Localized, MaterialRule, RegimeRule, RulePack, TypeDefinition, WarningRuleDef } from './schema.js';
import { formatPath, type Path } from '../data/field-path.js';
import { inputError, type InputError } from '../errors.js';
import type { MessageArgs } from '../messages/catalogue.js';

/** A legal basis resolved against its instrument: what reports print and link. */
export interface Basis {
  instrument: string;
  instrumentTitle: Localized;
  article: string;
  url: string;
  kind: InstrumentDef['kind'];
  note?: Localized;
}

/** A material as used by the core: its rule plus resolved bases and the pack that defined it. */
export interface Material extends Omit<MaterialRule, 'basis'> {
  basis: Basis[];
  pack: string;
}
export interface Regime extends Omit<RegimeRule, 'basis' | 'exposure'> { basis: Basis[]; exposure?: { text: Localized; basis: Basis[] }; pack: string }
export interface WarningRule extends Omit<WarningRuleDef, 'basis'> { basis: Basis[]; pack: string }

/** One pack file as loaded, with where it came from. */
export interface PackSource { pack: RulePack; file: string; locate: (path: readonly PropertyKey[]) => string }

/** Every loaded pack merged into one knowledge base. */
export interface Rules {
  /** The loaded packs; `verified` is the day the whole pack was last checked against its sources, if it says. */
  packs: { name: string; version: string; title: Localized; file: string; verified: string | null }[];
  version: string;
  instruments: Record<string, InstrumentDef>;
  types: TypeDefinition[];
  regimes: Regime[];
  materials: Material[];
  warnings: WarningRule[];
}
export type { Condition };

/** A pack that cannot join the others: where, which field, and what was expected there. */
function packError(locate: PackSource['locate'], path: Path, expected: string, args: MessageArgs): InputError {
  return inputError('error.field', { where: locate(path), field: formatPath(path), problem: { key: 'issue.expected', args: { expected: { key: expected, args } } }, more: '' });
}

/**
 * Merges packs in order: later packs add materials and may override the severity or texts of
 * earlier ones; ids stay unique; every basis must name a declared instrument.
 */
export function mergePacks(sources: PackSource[]): Rules {
  const instruments: Record<string, InstrumentDef> = {};
  const instrumentOwner: Record<string, string> = {};
  for (const { pack, locate } of sources) {
    for (const [key, instrument] of Object.entries(pack.instruments)) {
      if (instrumentOwner[key]) throw packError(locate, ['instruments', key], 'expect.new-instrument', { pack: instrumentOwner[key] });
      instruments[key] = instrument;
      instrumentOwner[key] = pack.pack;
    }
  }
  const resolve = (source: PackSource, refs: RulePack['materials'][number]['basis'], path: (string | number)[]): Basis[] =>
    refs.map((ref, i) => {
      const instrument = instruments[ref.instrument];
      if (!instrument) {
        const known = { list: Object.keys(instruments), separator: 'list.comma' };
        throw packError(source.locate, [...path, i, 'instrument'], 'expect.declared-instrument', { got: ref.instrument, known });
      }
      return { instrument: ref.instrument, instrumentTitle: instrument.title, article: ref.article, url: instrument.url, kind: instrument.kind, ...(ref.note ? { note: ref.note } : {}) };
    });

  const types: TypeDefinition[] = [];
  const regimes: Regime[] = [];
  const materials = new Map<string, Material>();
  const warnings = new Map<string, WarningRule>();
  const packNames = new Set<string>();
  for (const source of sources) {
    const { pack, locate } = source;
    const packId = `${pack.pack}@${pack.version}`;
    if (packNames.has(pack.pack)) throw packError(locate, ['pack'], 'expect.new-pack-name', { got: pack.pack });
    packNames.add(pack.pack);
    pack.types.forEach((type, i) => {
      if (types.some((t) => t.code === type.code)) throw packError(locate, ['types', i, 'code'], 'expect.new-type-code', { got: type.code });
      types.push(type);
    });
    pack.regimes.forEach((regime, i) => {
      if (regimes.some((r) => r.id === regime.id)) throw packError(locate, ['regimes', i, 'id'], 'expect.new-regime', { got: regime.id });
      const { exposure, ...rest } = regime;
      regimes.push({
        ...rest,
        basis: resolve(source, regime.basis, ['regimes', i, 'basis']),
        ...(exposure ? { exposure: { text: exposure.text, basis: resolve(source, exposure.basis, ['regimes', i, 'exposure', 'basis']) } } : {}),
        pack: packId,
      });
    });
    pack.warnings.forEach((warning, i) => {
      if (warnings.has(warning.id)) throw packError(locate, ['warnings', i, 'id'], 'expect.new-warning', { got: warning.id });
      warnings.set(warning.id, { ...warning, basis: resolve(source, warning.basis, ['warnings', i, 'basis']), pack: packId });
    });
    pack.materials.forEach((material, i) => {
      if (materials.has(material.id)) throw packError(locate, ['materials', i, 'id'], 'expect.new-material', { pack: materials.get(material.id)!.pack });
      materials.set(material.id, { ...material, basis: resolve(source, material.basis, ['materials', i, 'basis']), pack: packId });
    });
    pack.overrides.forEach((override, i) => {
      const existing = materials.get(override.id);
      if (!existing) throw packError(locate, ['overrides', i, 'id'], 'expect.override-known', { got: override.id });
      const { basis, ...rest } = override;
      materials.set(override.id, {
        ...existing,
        ...rest,
        ...(basis ? { basis: resolve(source, basis, ['overrides', i, 'basis']) } : {}),
        pack: `${existing.pack}+${packId}`,
      });
    });
  }
  const base = sources[0]?.pack;
  return {
    packs: sources.map(({ pack, file }) => ({ name: pack.pack, version: pack.version, title: pack.title, file, verified: pack.verified ?? null })),
    version: base?.version ?? '',
    instruments,
    types: types.sort((a, b) => a.precedence - b.precedence),
    regimes,
    materials: [...materials.values()],
    warnings: [...warnings.values()],
  };
}

