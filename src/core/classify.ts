import type { Algorithm } from '../answers/schema.js';
import type { AlgorithmFunction, TypeCode } from '../answers/vocabulary.js';
import type { TypeDefinition } from '../rules/schema.js';

/** The type an algorithm's facts give, and the functions that gave it. */
export interface Classification {
  type: TypeCode;
  /** Every function the algorithm performs, with its type, primary first. */
  functions: { does: AlgorithmFunction; type: TypeCode }[];
}

/**
 * Classifies one algorithm from its `does` facts: the function whose type has the lowest
 * precedence number wins; the others are kept so the report can say what else it does.
 */
export function classifyAlgorithm(algorithm: Pick<Algorithm, 'does'>, types: readonly TypeDefinition[]): Classification {
  const functions = algorithm.does
    .map((does) => {
      const type = types.find((t) => t.does === does);
      if (!type) throw new Error(`rule packs define no type for "${does}"`);
      return { does, type: type.code, precedence: type.precedence };
    })
    .sort((a, b) => a.precedence - b.precedence)
    .map(({ does, type }) => ({ does, type }));
  return { type: functions[0]!.type, functions };
}

/** Normalises a type name for matching: no spaces, brackets or case. */
function normalizeTypeName(name: string): string {
  return name.toLowerCase().replace(/[\s()（）_-]/g, '');
}

/**
 * Reads a declaredType (a code, "2", or a Chinese or English name) into the codes it stands for;
 * 检索过滤类 stands for both 04 and 05. Returns null when nothing matches.
 */
export function parseDeclaredType(declared: string, types: readonly TypeDefinition[]): TypeCode[] | null {
  const trimmed = declared.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const code = trimmed.padStart(2, '0');
    return types.some((t) => t.code === code) ? [code as TypeCode] : null;
  }
  const wanted = normalizeTypeName(trimmed);
  const matches = types
    .filter((t) => [t.title.zh, t.title.en, ...t.aliases].some((name) => normalizeTypeName(name) === wanted))
    .map((t) => t.code)
    .sort();
  return matches.length > 0 ? matches : null;
}
