import { materialFileArg } from '../../text/paths.js';
import { defineCheck, finding, materialTitle } from './check.js';

/** A material whose file the answers name but which does not exist beside the answers file. */
export default defineCheck({
  name: 'material-file',
  scope: 'case',
  codes: ['MATERIAL_FILE_MISSING'],
  run({ items, duties, missingFiles }) {
    return [...items, ...duties]
      .filter((i) => i.file && missingFiles.has(`${i.algorithm ?? i.service ?? ''}/${i.id}`))
      .map((i) => finding('MATERIAL_FILE_MISSING', i.algorithm, { material: materialTitle(i.id), id: i.id, file: materialFileArg(i.file!), status: { key: `status.${i.status}` } }));
  },
});
