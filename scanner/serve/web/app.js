// xiaoer sellers' page: sends the form as one listing to /v1/check and shows
// each finding on the text itself, with its rule, basis, suggestion and cost.
// Plain JavaScript, no build step, nothing fetched from elsewhere.
'use strict';

const FIELDS = [['title', '标题'], ['subtitle', '副标题'], ['attributes', '属性'], ['description', '详情']];
const SEVERITY = { error: '错误', warning: '警告', info: '提示' };
const PLATFORM = { taobao: '淘宝', tmall: '天猫', jd: '京东', pdd: '拼多多', douyin: '抖音', generic: '其他平台' };
const rank = (s) => ({ error: 3, warning: 2, info: 1 }[s] || 0);
const $ = (id) => document.getElementById(id);
let ruleTitles = {};

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function money(n) {
  return '¥' + Number(n).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

function authHeaders() {
  const token = $('token').value.trim();
  return token ? { Authorization: 'Bearer ' + token } : {};
}

async function loadRules() {
  try {
    const res = await fetch('/v1/rules', { headers: authHeaders() });
    if (!res.ok) return;
    const body = await res.json();
    ruleTitles = Object.fromEntries(body.rules.map((r) => [r.id, r.title]));
  } catch (e) { /* titles are a nicety: the rule id still shows */ }
}

// listing turns the form into a listing file (the fields `xiaoer scan` reads).
function listing() {
  const l = { id: 'web', platform: $('platform').value };
  for (const f of ['title', 'subtitle', 'description']) {
    const v = $(f).value.trim();
    if (v) l[f] = v;
  }
  const attrs = $('attributes').value.split('\n').map((s) => s.trim()).filter(Boolean);
  if (attrs.length) l.attributes = attrs;
  const price = parseFloat($('price').value);
  if (price > 0) l.price = price;
  return l;
}

// fieldTexts are the texts as the engine reads them, so spans fit.
function fieldTexts(l) {
  return {
    title: l.title || '', subtitle: l.subtitle || '', description: l.description || '',
    attributes: (l.attributes || []).map((a) => a.replace(/\s*[:：]\s*/, ': ')).join('\n'),
  };
}

// charIndex turns a UTF-8 byte offset into a string index (-1 if it falls
// inside a character).
function charIndex(text, byteOffset) {
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    if (bytes === byteOffset) return i;
    if (bytes > byteOffset) return -1;
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  return bytes === byteOffset ? i : -1;
}

// locate finds a finding's words in the text: at its span when the text there
// is its evidence, else in its sentence, else anywhere.
function locate(text, f) {
  const ev = f.evidence || '';
  const s = charIndex(text, f.span.start);
  const e = charIndex(text, f.span.end);
  if (s >= 0 && e > s && (!ev || text.slice(s, e) === ev)) return [s, e];
  if (!ev) return null;
  let from = 0;
  if (f.context) {
    const c = text.indexOf(f.context);
    if (c >= 0) from = c;
  }
  let i = text.indexOf(ev, from);
  if (i < 0) i = text.indexOf(ev);
  return i < 0 ? null : [i, i + ev.length];
}

// marks are the highlighted ranges of one field, overlaps merged.
function marks(text, findings) {
  const ranges = [];
  findings.forEach((f) => {
    const at = locate(text, f);
    if (at) ranges.push({ s: at[0], e: at[1], sev: f.severity, n: [f.n] });
  });
  ranges.sort((a, b) => a.s - b.s || b.e - a.e);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.s < last.e) {
      last.e = Math.max(last.e, r.e);
      if (rank(r.sev) > rank(last.sev)) last.sev = r.sev;
      last.n.push(...r.n);
    } else {
      merged.push(r);
    }
  }
  return merged;
}

function renderField(label, text, findings) {
  const box = el('div', 'field');
  box.appendChild(el('h3', '', label));
  const p = el('div', 'text');
  let at = 0;
  for (const m of marks(text, findings)) {
    p.appendChild(document.createTextNode(text.slice(at, m.s)));
    const mark = el('mark', m.sev, text.slice(m.s, m.e));
    mark.dataset.findings = m.n.join(',');
    mark.title = m.n.map((n) => '#' + n).join(' ');
    mark.appendChild(el('sup', '', m.n.join(',')));
    mark.addEventListener('click', () => focusFinding(m.n[0]));
    p.appendChild(mark);
    at = m.e;
  }
  p.appendChild(document.createTextNode(text.slice(at)));
  box.appendChild(p);
  return box;
}

function focusFinding(n) {
  const card = $('f' + n);
  if (!card) return;
  card.scrollIntoView({ behavior: 'smooth', block: 'center' });
  card.classList.add('flash');
  setTimeout(() => card.classList.remove('flash'), 1200);
}

function costLine(x) {
  const parts = [];
  if (x.punitive_cny > 0) parts.push('买家索赔最高 ' + money(x.punitive_cny));
  if (x.platform_cny > 0) parts.push('平台赔付 ' + money(x.platform_cny));
  if (x.fine_cny && x.fine_cny[1] > 0) parts.push('罚款 ' + money(x.fine_cny[0]) + '–' + money(x.fine_cny[1]));
  if (x.points > 0) parts.push('扣 ' + x.points + ' 分');
  return parts.join('，');
}

function basisLine(b) {
  return b.law + (b.penalty ? '；罚则：' + b.penalty : '') + (b.confirmed ? '' : '（待核实）');
}

function fieldName(field) {
  const f = FIELDS.find((x) => x[0] === field);
  return f ? f[1] : field;
}

function renderFinding(f) {
  const li = el('li', 'finding ' + f.severity);
  li.id = 'f' + f.n;
  const head = el('div', 'head');
  head.append(el('span', 'badge ' + f.severity, f.n + ' ' + (SEVERITY[f.severity] || f.severity)),
    el('span', 'rule', ruleTitles[f.rule] || f.rule), el('span', 'id', f.rule + ' · ' + fieldName(f.field)));
  li.append(head, el('p', 'msg', f.message));
  const dl = el('dl');
  const row = (k, v, cls) => { if (v) dl.append(el('dt', '', k), el('dd', cls || '', v)); };
  row('原文', '「' + f.evidence + '」');
  row('依据', basisLine(f.basis));
  if (f.basis.link && /^https:\/\/([a-z0-9-]+\.)*gov\.cn\//.test(f.basis.link)) {
    const a = el('a', '', '查看原文');
    a.href = f.basis.link;
    a.rel = 'noreferrer';
    a.target = '_blank';
    dl.append(el('dt', '', ''), el('dd')).lastChild.appendChild(a);
  }
  row('建议', f.suggestion);
  const cost = costLine(f.exposure);
  row('风险', cost ? cost + (f.exposure.confirmed ? '' : '（含待核实标准）') : '', 'money');
  li.appendChild(dl);
  if (f.suppressed) li.appendChild(el('p', 'suppressed', '已豁免：' + f.suppressed.reason));
  return li;
}

function summaryText(r) {
  const open = r.findings.filter((f) => !f.suppressed);
  if (open.length === 0) return '未发现问题。';
  const counts = ['error', 'warning', 'info'].map((s) => [s, open.filter((f) => f.severity === s).length])
    .filter((c) => c[1] > 0).map((c) => SEVERITY[c[0]] + ' ' + c[1]).join(' · ');
  const cost = costLine(r.exposure);
  return '发现 ' + open.length + ' 条问题（' + counts + '）' + (cost ? '；可能损失：' + cost : '') + '。';
}

function reportText(l, r) {
  const lines = ['小二合规检查报告（' + (PLATFORM[l.platform] || l.platform) + '）', '标题：' + (l.title || '（无）'), summaryText(r), ''];
  r.findings.forEach((f) => {
    lines.push(f.n + '. [' + (SEVERITY[f.severity] || f.severity) + '] ' + (ruleTitles[f.rule] || f.rule) + '（' + f.rule + '）' + fieldName(f.field) + '「' + f.evidence + '」');
    lines.push('   说明：' + f.message);
    lines.push('   依据：' + basisLine(f.basis));
    if (f.suggestion) lines.push('   建议：' + f.suggestion);
    const cost = costLine(f.exposure);
    if (cost) lines.push('   风险：' + cost);
    if (f.suppressed) lines.push('   已豁免：' + f.suppressed.reason);
  });
  return lines.join('\n');
}

function show(l, r) {
  r.findings.forEach((f, i) => { f.n = i + 1; });
  const summary = $('summary');
  summary.textContent = summaryText(r);
  summary.className = 'summary ' + (r.findings.some((f) => !f.suppressed) ? 'bad' : 'clean');
  const marked = $('marked');
  marked.replaceChildren();
  const texts = fieldTexts(l);
  for (const [field, label] of FIELDS) {
    if (texts[field]) marked.appendChild(renderField(label, texts[field], r.findings.filter((f) => f.field === field)));
  }
  $('findings').replaceChildren(...r.findings.map(renderFinding));
  $('report').value = reportText(l, r);
  $('report-box').hidden = false;
}

function showError(message) {
  const summary = $('summary');
  summary.className = 'summary';
  summary.replaceChildren(el('div', 'error-box', message));
  $('marked').replaceChildren();
  $('findings').replaceChildren();
  $('report-box').hidden = true;
}

async function check(event) {
  event.preventDefault();
  const l = listing();
  if (!l.title && !l.subtitle && !l.description && !l.attributes) {
    showError('请至少填写标题、卖点、属性或详情中的一项。');
    return;
  }
  const button = $('check');
  button.disabled = true;
  $('summary').dataset.state = 'busy';
  try {
    const res = await fetch('/v1/check', {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, authHeaders()),
      body: JSON.stringify(l),
    });
    const body = await res.json();
    if (!res.ok) {
      if (res.status === 401) $('listing').querySelector('details').open = true;
      showError('检查失败：' + (body.error ? body.error.message : res.status));
    } else {
      if (Object.keys(ruleTitles).length === 0) await loadRules();
      show(l, body);
      // On a phone the results sit under the form: bring them into view.
      if (window.innerWidth < 900) $('results').scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  } catch (e) {
    showError('无法连接检查服务：' + e.message);
  } finally {
    button.disabled = false;
    $('summary').dataset.state = 'done';
  }
}

async function copyReport() {
  const area = $('report');
  const button = $('copy');
  try {
    await navigator.clipboard.writeText(area.value);
  } catch (e) {
    area.select();
    document.execCommand('copy');
  }
  button.textContent = '已复制';
  setTimeout(() => { button.textContent = '复制报告'; }, 1500);
}

document.addEventListener('DOMContentLoaded', () => {
  $('listing').addEventListener('submit', check);
  $('copy').addEventListener('click', copyReport);
  loadRules();
});
