#!/usr/bin/env node
// Generates docs/materials.zh.md, the Chinese catalogue of every material in the bundled rule packs,
// straight from rules/*.yaml so the docs can never say something the packs do not.
//
//   node scripts/gen-rules-doc.mjs            write docs/materials.zh.md
//   node scripts/gen-rules-doc.mjs --check    exit 1 when the committed file differs from the packs
//   node scripts/gen-rules-doc.mjs --stdout   print instead of writing
//   --rules-dir DIR   read packs from DIR instead of rules/ (tests use it)
//   --out FILE        write or check FILE instead of docs/materials.zh.md
//
// It reads the YAML with the same `yaml` package the CLI uses and does no validation of its own:
// `filing-check rules validate` and the pack tests do that.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function options(argv) {
  const opts = { check: false, stdout: false, rulesDir: join(root, 'rules'), out: join(root, 'docs', 'materials.zh.md') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') opts.check = true;
    else if (arg === '--stdout') opts.stdout = true;
    else if (arg === '--rules-dir') opts.rulesDir = resolve(argv[++i] ?? '');
    else if (arg === '--out') opts.out = resolve(argv[++i] ?? '');
    else {
      process.stderr.write(`gen-rules-doc: unknown option ${arg}\n`);
      process.exit(2);
    }
  }
  return opts;
}

/** The packs in load order (file name order, as the CLI loads a directory). */
function loadPacks(dir) {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: name, pack: parse(readFileSync(join(dir, name), 'utf8')) }));
}

const SEVERITY = { blocking: '阻断', major: '重要', minor: '一般' };
const CONFIDENCE = { law: '法规', practice: '实践' };
const LEVEL = { entity: '主体层面', service: '服务层面', algorithm: '算法层面' };
const KIND = { law: '法规', standard: '标准', notice: '通知公告', practice: '实践' };
const FACT = {
  type: '算法类型',
  role: '角色',
  does: '算法功能',
  regimes: '适用程序',
  modalities: '生成模态',
  biometricEditing: '生物识别信息编辑',
  foundationModel: '基础模型',
  forms: '服务形式',
  audience: '服务对象',
  publicFeatures: '舆论属性功能',
  serviceStatus: '服务状态',
  icp: 'ICP 状态',
  affectsWorkers: '调度或考核劳动者',
  pricing: '向消费者定价',
  minors: '用户含未成年人',
  elderly: '用户含老年人',
  optOut: '提供关闭推荐选项',
  tagManagement: '提供标签管理',
  hasUpstream: '填写了上游模型',
  filed: '已有备案编号',
  entityFiled: '主体已有算法备案',
  inScope: '属于境内算法推荐服务（算法推荐管理规定第二条）',
  foreignInvested: '外商投资企业',
  anthropomorphic: '拟人化互动',
  opinionAttributes: '按 2018 年规定条文具有舆论属性或评估事件',
};

/** A condition in words: each fact as 名称（fact）：值, joined by 且 / 或 / 非. */
function condition(node, nested = false) {
  if (node.any) {
    const text = node.any.map((c) => condition(c, true)).join(' 或 ');
    return node.any.length > 1 ? `（${text}）` : text;
  }
  if (node.all) {
    const text = node.all.map((c) => condition(c, true)).join(' 且 ');
    return nested && node.all.length > 1 ? `（${text}）` : text;
  }
  if (node.not) {
    const inner = condition(node.not, true);
    return `非${inner.startsWith('（') ? inner : `（${inner}）`}`;
  }
  const parts = Object.entries(node).map(([fact, value]) => {
    const values = (Array.isArray(value) ? value : [value]).map((v) => (v === true ? '是' : v === false ? '否' : `\`${v}\``));
    return values.length > 1 ? `${FACT[fact] ?? fact}（${fact}）为 ${values.join(' / ')} 之一` : `${FACT[fact] ?? fact}（${fact}）：${values[0]}`;
  });
  const text = parts.join(' 且 ');
  return nested && parts.length > 1 ? `（${text}）` : text;
}

function list(items) {
  return items.map((item) => `- ${item}`).join('\n');
}

function render(packs, shownDir) {
  const instruments = {};
  for (const { pack } of packs) Object.assign(instruments, pack.instruments ?? {});
  const materials = new Map();
  for (const { pack } of packs) {
    for (const m of pack.materials ?? []) materials.set(m.id, { ...m, pack: `${pack.pack}@${pack.version}` });
    for (const o of pack.overrides ?? []) {
      const base = materials.get(o.id);
      if (base) materials.set(o.id, { ...base, ...o, pack: `${base.pack}+${pack.pack}@${pack.version}` });
    }
  }
  const all = [...materials.values()];
  const law = all.filter((m) => m.confidence === 'law').length;
  const out = [];
  out.push('# 算法备案材料目录');
  out.push('');
  out.push(`> 本文件由 \`npm run docs:rules\`（\`scripts/gen-rules-doc.mjs\`）从 \`${shownDir}/*.yaml\` 生成，请勿手工修改；规则包更新后重新生成，测试会检查两者一致。`);
  out.push('');
  out.push(`共 ${all.length} 项材料：依据性质为“法规”的 ${law} 项，为“实践”的 ${all.length - law} 项。规则包：${packs.map(({ pack }) => `\`${pack.pack}@${pack.version}\``).join('、')}。`);
  out.push('');
  out.push('阅读说明：');
  out.push('');
  out.push('- **严重程度**：阻断（blocking，缺少即无法提交或必被退回）、重要（major）、一般（minor）。');
  out.push('- **依据性质**：“法规”表示义务由法规条文直接设定；“实践”表示来自备案系统模板、备案代理经验、TC260 技术文件或登记做法，不是法规条文，报告中也如此标明。');
  out.push('- **适用条件**一栏：答案文件中的事实满足条件时，该材料才被列为必需。算法层面的材料按每个算法判断；主体层面的材料只要有一个算法满足即列入。');
  out.push('- **工作量**为经验估计，不是来源数据。');
  out.push('');
  out.push('## 目录');
  out.push('');
  for (const { pack } of packs) {
    const own = all.filter((m) => m.pack.startsWith(`${pack.pack}@`));
    if (own.length === 0) continue;
    out.push(`- ${pack.title.zh}（\`${pack.pack}\`）`);
    for (const m of own) out.push(`  - [${m.title.zh}](#${m.id})（\`${m.id}\`）`);
  }
  out.push('');
  for (const { pack } of packs) {
    const own = all.filter((m) => m.pack.startsWith(`${pack.pack}@`));
    if (own.length === 0) continue;
    out.push(`## ${pack.title.zh}（\`${pack.pack}@${pack.version}\`）`);
    out.push('');
    for (const level of ['entity', 'service', 'algorithm']) {
      const group = own.filter((m) => m.level === level);
      if (group.length === 0) continue;
      out.push(`### ${LEVEL[level]}`);
      out.push('');
      for (const m of group) {
        out.push(`<a id="${m.id}"></a>`);
        out.push('');
        out.push(`#### ${m.title.zh}（\`${m.id}\`）`);
        out.push('');
        out.push(`- **严重程度**：${SEVERITY[m.severity]}（${m.severity}）`);
        out.push(`- **依据性质**：${CONFIDENCE[m.confidence]}（${m.confidence}）${m.practiceWhen ? `；${condition(m.practiceWhen)}时为实践（practice）` : ''}`);
        out.push(`- **适用条件**：${condition(m.when)}`);
        if (m.duty) out.push(`- **性质**：持续义务，不以备案为前提${m.control ? `（产品是否具备见答案文件 userControls.${m.control}）` : ''}`);
        out.push(`- **核实日期**：${m.verified}`);
        out.push('- **法律依据**：');
        for (const b of m.basis) {
          const instrument = instruments[b.instrument];
          const note = b.note ? `（${b.note.zh}）` : '';
          out.push(`  - [《${instrument?.title.zh ?? b.instrument}》${b.article}](${instrument?.url ?? ''})${note}`);
        }
        out.push('');
        if (m.summary) out.push(`**说明**：${m.summary.zh}`, '');
        if (m.acceptance) out.push('**审核要点**：', '', list(m.acceptance.zh), '');
        if (m.prepare) out.push('**准备步骤**：', '', list(m.prepare.zh), '');
        if (m.owner) out.push(`**通常负责**：${m.owner.zh}`, '');
        if (m.effort) out.push(`**工作量**：${m.effort.zh}`, '');
        if (m.returnReasons) out.push('**常见退回原因**：', '', list(m.returnReasons.zh), '');
        if (m.checks) out.push('**自查项**：', '', list(m.checks.zh), '');
        if (m.template) out.push(`**官方模板**：${m.template.url ? `[${m.template.title.zh}](${m.template.url})` : m.template.title.zh}`, '');
      }
    }
  }
  out.push('## 引用的法规、标准与公告');
  out.push('');
  out.push('| 键 | 名称 | 类别 | 施行日期 | 链接 |');
  out.push('| --- | --- | --- | --- | --- |');
  for (const [key, i] of Object.entries(instruments)) {
    out.push(`| \`${key}\` | ${i.title.zh} | ${KIND[i.kind ?? 'law']} | ${i.effective ?? '—'} | <${i.url}> |`);
  }
  out.push('');
  return out.join('\n');
}

const opts = options(process.argv.slice(2));
const shownDir = relative(root, opts.rulesDir).split('\\').join('/') || '.';
const text = render(loadPacks(opts.rulesDir), shownDir.startsWith('..') ? 'rules' : shownDir);
if (opts.stdout) {
  process.stdout.write(text);
} else if (opts.check) {
  let current = '';
  try {
    current = readFileSync(opts.out, 'utf8');
  } catch {
    // a missing file is simply out of date
  }
  if (current !== text) {
    process.stderr.write(`${relative(root, opts.out)} is out of date with the rule packs; run: npm run docs:rules\n`);
    process.exit(1);
  }
} else {
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, text);
  process.stdout.write(`wrote ${relative(root, opts.out)} (${text.length} characters)\n`);
}
