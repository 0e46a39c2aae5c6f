import type { Check } from './check.js';
import anthropomorphicScale from './anthropomorphic-scale.js';
import declaredType from './declared-type.js';
import decisionUnanswered from './decision-unanswered.js';
import deadlineOverdue from './deadline-overdue.js';
import filingNumber from './filing-number.js';
import foreignInvested from './foreign-invested.js';
import icp from './icp.js';
import materialFile from './material-file.js';
import materialNotRequired from './material-not-required.js';
import multipleFunctions from './multiple-functions.js';
import purpose from './purpose.js';
import roleWithoutGeneration from './role-without-generation.js';
import rulesAge from './rules-age.js';
import securityOfficer from './security-officer.js';
import upstreamModel from './upstream-model.js';
import userControls from './user-controls.js';
import searchEngine from './search-engine.js';
import generationEffect from './generation-effect.js';

/** Every warning check, in the order the report lists their warnings (per algorithm first). */
export const CHECKS: readonly Check[] = [
  multipleFunctions,
  declaredType,
  upstreamModel,
  roleWithoutGeneration,
  userControls,
  decisionUnanswered,
  searchEngine,
  generationEffect,
  purpose,
  filingNumber,
  anthropomorphicScale,
  securityOfficer,
  icp,
  foreignInvested,
  materialNotRequired,
  materialFile,
  deadlineOverdue,
  rulesAge,
];
