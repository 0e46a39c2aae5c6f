// A fast-check generator of valid answers files, shared by the property tests.
import fc from 'fast-check';
import {
  AUDIENCES, BIOMETRICS, FOUNDATION_MODELS, FUNCTIONS, MATERIAL_STATUSES, MODALITIES, PUBLIC_FEATURES, ROLES, SERVICE_FORMS, SERVICE_STATUSES,
} from '../../src/answers/vocabulary.js';

const id = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
const chineseName = fc.array(fc.constantFrom(...'杭州北京示例网络科技智能推荐搜索视频社区出行'), { minLength: 2, maxLength: 12 }).map((cs) => cs.join(''));
const date = fc.date({ min: new Date('2022-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

/** A valid answers object: services with unique ids, algorithms referencing them, facts in range. */
export const answers = fc
  .uniqueArray(id, { minLength: 1, maxLength: 4 })
  .chain((serviceIds) =>
    fc.record({
      services: fc.tuple(
        ...serviceIds.map((sid) =>
          fc.record(
            {
              id: fc.constant(sid),
              name: chineseName,
              forms: fc.subarray([...SERVICE_FORMS], { minLength: 1 }),
              audience: fc.constantFrom(...AUDIENCES),
              servesMainland: fc.boolean(),
              publicFeatures: subset(PUBLIC_FEATURES),
              mobilization: fc.boolean(),
              status: fc.constantFrom(...SERVICE_STATUSES),
              launchDate: date,
              terminatedOn: date,
              minors: fc.boolean(),
              elderly: fc.boolean(),
            },
            { requiredKeys: ['id', 'name'] },
          ),
        ),
      ),
      algorithms: fc.uniqueArray(
        fc.record({
          id,
          name: chineseName,
          role: fc.constantFrom(...ROLES),
          services: fc.subarray(serviceIds, { minLength: 1 }),
          does: fc.subarray([...FUNCTIONS], { minLength: 1 }),
          generation: fc.record({ modalities: fc.subarray([...MODALITIES], { minLength: 1 }), biometricEditing: subset(BIOMETRICS), foundationModel: fc.constantFrom(...FOUNDATION_MODELS), anthropomorphic: fc.boolean() }),
          decision: fc.record({ affectsWorkers: fc.boolean(), pricing: fc.boolean() }),
          userControls: fc.record({ optOut: fc.boolean(), tagManagement: fc.boolean() }),
          materials: fc.dictionary(fc.constantFrom('algorithm-self-assessment', 'algorithm-disclosure', 'user-opt-out'), fc.record({ status: fc.constantFrom('missing', 'draft', 'ready') })),
        }),
        { minLength: 1, maxLength: 4, selector: (a) => a.id },
      ),
      materials: fc.dictionary(fc.constantFrom('entity-commitment-letter', 'system-ethics-review'), fc.record({ status: fc.constantFrom(...MATERIAL_STATUSES), reason: fc.constant('由集团制度统一覆盖') })),
    }),
  )
  .map(({ services, algorithms, materials }) => ({
    schemaVersion: 1,
    entity: { name: '杭州示例网络科技有限公司' },
    services,
    // Facts the schema ties together: generation only with generate, providers with services.
    algorithms: algorithms.map(({ generation, ...a }) => ({ ...a, ...(a.does.includes('generate') ? { generation } : {}) })),
    materials,
  }));

