// Writes the lint fixtures that cannot be kept as plain UTF-8 text: a Word file, a GBK file, a
// UTF-16LE file, a CRLF file and a file that is not text at all. The outputs are committed; run
// this again (node scripts/make-draft-fixtures.mjs) only after changing a text below.
// Written as plain .mjs because Node 20 cannot run TypeScript directly.
import { writeFile } from 'node:fs/promises';
import { encodeGbk } from './encode-gbk.mjs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, HeadingLevel } from 'docx';

const dir = new URL('../test/fixtures/drafts/', import.meta.url);
const out = (name, bytes) => writeFile(new URL(name, dir), bytes);

// The CAC disclosure template is a two-column table: field name | content. Word users fill the
// table, so the sound generation disclosure is a table too (mammoth gives one paragraph per cell).
const GENAI_ROWS = [
  ['主体名称', '杭州云栖优选网络科技有限公司'],
  ['算法名称', '云栖妙笔AI写作生成算法'],
  ['算法类型', '生成合成类'],
  [
    '算法基本原理',
    '本算法根据用户输入的写作要求（如主题、文体、字数和语气），生成商品介绍、店铺公告、节日祝福等文字内容。算法调用通义千问大模型（由阿里云计算有限公司提供，已完成生成式人工智能服务备案）的文本生成能力，先把用户的要求和平台预置的写作模板组合成完整的写作指令，再由大模型逐句生成文字；生成结果在返回用户前经过关键词和内容安全模型两道检查，不符合要求的内容不会展示给用户。',
  ],
  [
    '算法运行机制',
    '用户在云栖妙笔APP或网站输入写作要求后，系统首先检查输入内容，含有违法和不良信息的请求直接拒绝并提示用户；通过检查的请求与写作模板组合后发送给大模型，大模型返回的文字再经过内容安全检查。检查通过的文字在开头加注“AI生成”的显式标识，并在导出文件的元数据中写入隐式标识（内容由人工智能生成、服务提供者名称和内容编号）。用户可以修改、重新生成或删除生成结果，系统保存生成记录6个月以备核查。',
  ],
  ['算法应用场景', '本算法应用于云栖妙笔APP和云栖妙笔网站的“智能写作”功能，帮助入驻云栖优选的商家和个人用户撰写商品介绍、店铺公告和节日祝福等短文。'],
  [
    '算法目的意图',
    '本算法的目的是减少商家撰写商品介绍等文字的时间。生成内容带有“AI生成”标识，便于读者识别；用户可以选择是否采用生成结果，对生成内容有异议的，可以通过“我的—反馈与投诉”举报，平台在3个工作日内处理。',
  ],
];

function genaiDocx() {
  const cell = (text, bold = false) =>
    new TableCell({ width: { size: bold ? 20 : 80, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const doc = new Document({
    creator: 'filing-check test fixtures',
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('云栖妙笔AI写作生成算法拟公示内容')] }),
          new Paragraph({ children: [] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: GENAI_ROWS.map(([field, text]) => new TableRow({ children: [cell(field, true), cell(text)] })),
          }),
          new Paragraph({ children: [new TextRun('公示日期：2026年11月2日')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// A generation disclosure that never says how output is labelled, saved as GBK by a Windows editor.
const GENAI_NO_LABEL = `云栖妙笔AI写作生成算法拟公示内容

算法类型：生成合成类

一、算法基本原理
本算法根据用户输入的写作要求（如主题、文体、字数和语气），调用通义千问大模型的文本生成能力，生成商品介绍、店铺公告、节日祝福等文字内容。系统先把用户的要求和平台预置的写作模板组合成完整的写作指令，再由大模型逐句生成文字，生成结果在返回用户前经过关键词和内容安全模型两道检查。

二、算法运行机制
用户在云栖妙笔APP输入写作要求后，系统首先检查输入内容，含有违法和不良信息的请求直接拒绝；通过检查的请求与写作模板组合后发送给大模型，大模型返回的文字再经过内容安全检查，检查通过后展示给用户。用户可以修改、重新生成或删除生成结果，系统保存生成记录6个月以备核查。

三、算法应用场景
本算法应用于云栖妙笔APP的“智能写作”功能，帮助商家和个人用户撰写商品介绍、店铺公告和节日祝福等短文。

四、算法目的意图
本算法的目的是减少商家撰写商品介绍等文字的时间。用户可以选择是否采用生成结果，对生成内容有异议的，可以通过“我的—反馈与投诉”举报，平台在3个工作日内处理。
`;

// Brochure wording and unexplained jargon, saved as UTF-16LE with BOM (Windows Notepad "Unicode").
const BROCHURE = `云栖优选个性化推荐算法拟公示内容

一、算法基本原理
云栖优选个性化推荐算法是行业领先的智能推荐引擎，基于Transformer架构和海量用户embedding，通过多路召回和精排模型，为每一位用户打造极致的购物体验，推荐结果100%精准，真正做到懂你所想。算法综合分析用户在APP内的浏览、点击、收藏、加购和下单行为，以及商品的类目、价格、销量和评价，持续学习用户的兴趣变化，在首页、商品详情页和购物车页面展示用户最可能购买的商品。

二、算法运行机制
系统实时采集用户在云栖优选APP内的浏览、点击、收藏、加购和下单行为，毫秒级更新用户兴趣画像，从千万级商品池中筛选候选商品，经过精排模型打分后按分值展示，同时过滤已下架和库存不足的商品，并持续迭代优化模型效果，支持在设置中关闭个性化推荐。

三、算法应用场景
本算法广泛应用于云栖优选APP首页“猜你喜欢”、商品详情页“看了又看”和购物车页面“为你推荐”，覆盖全部注册用户。

四、算法目的意图
打造全网第一的个性化购物平台，让每一次浏览都成为惊喜，为用户带来前所未有的购物乐趣，持续提升平台的成交转化和复购水平。
`;

// A disclosure template half filled in, saved with Windows line ends.
const TEMPLATE_LEFT = `# 算法拟公示内容

算法名称：【请填写算法名称】

## 一、算法基本原理

（请简要说明算法的基本原理，不少于200字）

本算法根据用户在XXX平台的浏览、点击和购买记录，估计用户对不同商品的兴趣，并按兴趣高低排列推荐商品。

## 二、算法运行机制

此处填写算法运行机制。

## 三、算法应用场景

本算法应用于××APP首页“猜你喜欢”商品信息流、商品详情页“看了又看”推荐栏和购物车页面“为你推荐”栏目，服务对象为注册用户。

## 四、算法目的意图

帮助用户更快找到需要的商品，减少无关商品的干扰；用户对推荐结果有疑问时可以通过在线客服投诉。
`;

// Bytes no text encoding explains: a PNG signature and header, as when an image is renamed .txt.
const NOT_TEXT = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5c, 0x72, 0xa8, 0x66,
]);

await out('disclosure-genai.docx', await genaiDocx());
await out('disclosure-genai-gbk.txt', encodeGbk(GENAI_NO_LABEL));
await out('disclosure-brochure-utf16.txt', Buffer.from(`\ufeff${BROCHURE}`, 'utf16le'));
await out('disclosure-template-crlf.md', Buffer.from(TEMPLATE_LEFT.replace(/\n/g, '\r\n'), 'utf8'));
await out('not-text.txt', NOT_TEXT);
console.log('draft fixtures written to test/fixtures/drafts/');
