/// The page's script. It sends the raw bytes to `POST /api/parse` and draws the document it
/// gets back. Every piece of user text reaches the page through `textContent`, text nodes or
/// attribute values set one by one — never through `innerHTML` — so a `<script>` in a cell
/// shows as the characters it is.
enum PageScript {
  static let text = #"""
    'use strict';
    (() => {
      const STRINGS = {
        zh: {
          pageTitle: '绩效目标表检查 · Jixiao', title: '绩效目标表检查',
          lead: '把绩效目标表的文字粘贴到下面（从网页、Word 或 PDF 复制均可），或拖入一个文件，然后点“检查”。表格会按读出的样子重建，发现的问题标在对应的单元格上。',
          pasteLabel: '表格文字', placeholder: '在此粘贴绩效目标表……', drop: '也可以把文件拖到这里，或',
          choose: '选择文件', clearFile: '不用这个文件', submit: '检查', sample: '填入示例',
          footer: '一切都在本机处理，文字不会离开这台电脑。', apiLink: 'HTTP API',
          checking: '正在读取……', pasted: '粘贴的文字', checked: '读取完成，用时 {0} 秒', fileSize: '{0}（{1}）',
          facts: '编码 {0}（把握 {1}%）· 版式 {2} · {3} 行', truncated: '文件在表格中途截断',
          'count.projects': '{0} 个项目', 'count.departments': '{0} 个部门整体', 'count.indicators': '{0} 项指标',
          'count.error': '{0} 个错误', 'count.warning': '{0} 个警告', 'count.note': '{0} 个提示', noFindings: '没有发现问题',
          download: '下载：', 'download.csv': 'CSV（指标）',
          findings: '发现的问题（{0}）', findingsNone: '发现的问题', findingsEmpty: '没有发现问题。',
          at: '第 {0} 行第 {1} 列', notInTable: '不在重建的表格里', wholeFile: '整个文件', jump: '定位到单元格',
          'sev.error': '错误', 'sev.warning': '警告', 'sev.note': '提示',
          project: '项目', department: '部门整体', unnamed: '（无名称）', line: '第 {0} 行', year: '{0} 年度',
          'framework.legacy': '旧版指标体系', 'framework.2021': '2021 版指标体系', 'framework.mixed': '混合指标体系',
          details: '基本信息', 'col.label': '栏目', 'col.written': '原文', 'col.normalised': '规范值',
          tasks: '年度主要任务（{0} 项）', 'col.task': '任务名称', 'col.content': '主要内容',
          indicators: '绩效指标（{0} 项）', 'col.n': '#', 'col.level1': '一级指标', 'col.level2': '二级指标',
          'col.name': '三级指标', 'col.target': '指标值', 'col.parsed': '解析为', 'col.weight': '分值',
          'col.explanation': '指标解释', 'col.scoring': '评分标准', 'col.unitColumn': '计量单位',
          'col.valueType': '指标值类型', 'col.direction': '指标方向', 'col.standard': '标准', 'col.remark': '备注',
          'col.horizon': '期限', 'horizon.annual': '年度', 'horizon.longTerm': '长期',
          'origin.merged': '取自上方的合并单元格', 'origin.following': '取自这些行之后单独一行的标签',
          'origin.framework': '按指标体系推定', 'origin.none': '表中没有',
          'kind.quantitative': '定量', 'kind.range': '区间', 'kind.date': '日期', 'kind.rank': '名次',
          'kind.qualitative': '定性', 'kind.compound': '复合', 'kind.text': '无法解析', 'kind.empty': '空',
          rank: '第 {0} 名', parts: '{0} 个部分',
          'flag.unitUnknown': '单位不明', 'flag.operatorConflict': '符号前后矛盾', 'flag.unitConflict': '单位前后矛盾',
          'flag.yearAssumed': '年份为推定', 'flag.operatorFromColumn': '符号取自指标值类型列',
          'flag.unitFromColumn': '单位取自计量单位列', 'flag.excelDateSerial': 'Excel 日期序号',
          'flag.templatePlaceholder': '模板占位', 'flag.digitsRunTogether': '数字连写，未读数值',
          'flag.ocrDigit': '数字中的字母按数字读（O、〇 为 0，l 为 1）',
          'flag.spacedDigits': '以空格隔开的单个数字连读为一个数',
          'flag.wrappedLine': '单元格内折行处连读',
          'flag.relative': '相对变化（基数：{0}）',
          placeholders: '另有 {0} 行只有二级指标名的模板占位行，未计为指标。',
          written: '原文 {0}（{1}）', 'unitSource.cell': '单位在单元格内', 'unitSource.header': '单位取自表头',
          'unitSource.assumed': '单位为推定',
          'funds.total': '资金总额', 'funds.fiscal': '财政拨款', 'funds.other': '其他资金', 'funds.carryover': '上年结转',
          'goals.annual': '年度目标', 'goals.longTerm': '长期目标',
          budget: '部门收支总表', 'col.item': '项目', 'col.side': '收支', 'col.amount': '金额（元）',
          'side.income': '收入', 'side.expenditure': '支出',
          residue: '未能读取的内容（{0}）', residueIntro: '没有哪一步能读懂这些单元格，原样列在这里。',
          'reason.imagePlaceholder': '图片占位', 'reason.ocrNoise': '识别噪声', 'reason.bledText': '混入的其他文字',
          'reason.unknownColumn': '不认识的列', 'reason.unrecognisedRow': '无法识别的行', 'reason.truncated': '被截断',
          'reason.outsideTable': '在表格之外', 'reason.notATargetTable': '不属于绩效目标表',
          'error.empty': '内容是空的', 'error.whitespaceOnly': '只有空白字符', 'error.binary': '这不是文本文件',
          'error.tooLarge': '文件太大', 'error.unknownEncoding': '不认识这个编码', 'error.undecodable': '无法解码这段文字',
          'error.noTable': '没有找到绩效目标表', 'error.notATargetTable': '这不是绩效目标表',
          'error.timeLimit': '读取超时', 'error.busy': '服务器正忙', 'error.badRequest': '请求有误',
          'error.network': '连不上 jixiao serve（它还在运行吗？）', 'error.server': '服务器出错',
          errorDetail: '命令行给出的说明：', exitCode: '（命令行退出码 {0}）', downloadFailed: '下载失败：{0}',
        },
        en: {
          pageTitle: 'Performance target check · Jixiao', title: 'Performance target table check',
          lead: 'Paste the text of a performance target table (绩效目标表) below — copied from a web page, Word or a PDF — or drop a file, then press Check. The tables are rebuilt as they were read, and every finding is marked on its cell.',
          pasteLabel: 'Table text', placeholder: 'Paste a target table here…', drop: 'Or drop a file here, or',
          choose: 'choose a file', clearFile: 'Don’t use this file', submit: 'Check', sample: 'Try an example',
          footer: 'Everything is read on this computer; the text never leaves it.', apiLink: 'HTTP API',
          checking: 'Reading…', pasted: 'Pasted text', checked: 'Read in {0} s', fileSize: '{0} ({1})',
          facts: 'Encoding {0} ({1}% sure) · layout {2} · {3} lines', truncated: 'the file stops inside a table',
          'count.projects': '{0} projects', 'count.departments': '{0} department-wide', 'count.indicators': '{0} indicators',
          'count.error': '{0} errors', 'count.warning': '{0} warnings', 'count.note': '{0} notes', noFindings: 'No findings',
          download: 'Download:', 'download.csv': 'CSV (indicators)',
          findings: 'Findings ({0})', findingsNone: 'Findings', findingsEmpty: 'Nothing found.',
          at: 'line {0}, column {1}', notInTable: 'not in a rebuilt table', wholeFile: 'whole file', jump: 'Show the cell',
          'sev.error': 'error', 'sev.warning': 'warning', 'sev.note': 'note',
          project: 'Project', department: 'Department-wide', unnamed: '(no name)', line: 'line {0}', year: 'year {0}',
          'framework.legacy': 'older framework', 'framework.2021': '2021 framework', 'framework.mixed': 'mixed frameworks',
          details: 'Details', 'col.label': 'Field', 'col.written': 'As written', 'col.normalised': 'Normalised',
          indicators: 'Indicators ({0})', 'col.n': '#', 'col.level1': 'Level 1', 'col.level2': 'Level 2',
          tasks: 'Main tasks ({0})', 'col.task': 'Task', 'col.content': 'Content',
          'col.name': 'Indicator', 'col.target': 'Target', 'col.parsed': 'Read as', 'col.weight': 'Weight',
          'col.explanation': 'Explanation', 'col.scoring': 'Scoring rule', 'col.unitColumn': 'Unit column',
          'col.valueType': 'Value type', 'col.direction': 'Direction', 'col.standard': 'Standard', 'col.remark': 'Remark',
          'col.horizon': 'Horizon', 'horizon.annual': 'annual', 'horizon.longTerm': 'long-term',
          'origin.merged': 'from a merged cell above', 'origin.following': 'from a label printed after its rows',
          'origin.framework': 'implied by the framework', 'origin.none': 'not in the table',
          'kind.quantitative': 'number', 'kind.range': 'range', 'kind.date': 'date', 'kind.rank': 'rank',
          'kind.qualitative': 'qualitative', 'kind.compound': 'compound', 'kind.text': 'unread', 'kind.empty': 'empty',
          rank: 'rank {0}', parts: '{0} parts',
          'flag.unitUnknown': 'unit unknown', 'flag.operatorConflict': 'conflicting operators',
          'flag.unitConflict': 'conflicting units', 'flag.yearAssumed': 'year assumed',
          'flag.operatorFromColumn': 'operator from the value-type column', 'flag.unitFromColumn': 'unit from the unit column',
          'flag.excelDateSerial': 'Excel date serial', 'flag.templatePlaceholder': 'template placeholder', 'flag.digitsRunTogether': 'digits run together, not read',
          'flag.ocrDigit': 'a letter in a number read as a digit (O or 〇 as 0, l as 1)',
          'flag.spacedDigits': 'single digits set apart by spaces read as one number',
          'flag.wrappedLine': 'read across a line break in the cell',
          'flag.relative': 'a change (baseline: {0})',
          placeholders: '{0} template rows holding only a level-2 name were not counted as indicators.',
          written: 'as written {0} ({1})', 'unitSource.cell': 'unit in the cell', 'unitSource.header': 'unit from the header',
          'unitSource.assumed': 'unit assumed',
          'funds.total': 'Total funds', 'funds.fiscal': 'Fiscal funds', 'funds.other': 'Other funds',
          'funds.carryover': 'Carried over', 'goals.annual': 'Annual goal', 'goals.longTerm': 'Long-term goal',
          budget: 'Budget summary (部门收支总表)', 'col.item': 'Item', 'col.side': 'Side', 'col.amount': 'Amount (元)',
          'side.income': 'income', 'side.expenditure': 'expenditure',
          residue: 'Not read ({0})', residueIntro: 'No stage could read these cells; here they are as written.',
          'reason.imagePlaceholder': 'image placeholder', 'reason.ocrNoise': 'OCR noise', 'reason.bledText': 'text bled in',
          'reason.unknownColumn': 'unknown column', 'reason.unrecognisedRow': 'unrecognised row', 'reason.truncated': 'cut off',
          'reason.outsideTable': 'outside a table', 'reason.notATargetTable': 'not a target table',
          'error.empty': 'The input is empty', 'error.whitespaceOnly': 'The input holds only blank characters',
          'error.binary': 'This is not a text file', 'error.tooLarge': 'The file is too large',
          'error.unknownEncoding': 'Unknown encoding', 'error.undecodable': 'The text cannot be decoded',
          'error.noTable': 'No performance table found', 'error.notATargetTable': 'This is not a performance target table',
          'error.timeLimit': 'Reading took too long', 'error.busy': 'The server is busy', 'error.badRequest': 'Bad request',
          'error.network': 'Cannot reach jixiao serve (is it still running?)', 'error.server': 'Server error',
          errorDetail: 'What the command line says:', exitCode: '(command-line exit code {0})', downloadFailed: 'Download failed: {0}',
        },
      };
      const SEVERITY_RANK = { note: 0, warning: 1, error: 2 };
      const OPERATORS = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };
      const OPTIONAL_COLUMNS = ['weight', 'unitColumn', 'valueType', 'direction', 'standard', 'explanation', 'scoring', 'remark'];
      const LONG_COLUMNS = new Set(['explanation', 'scoring', 'remark', 'standard']);

      let language = initialLanguage();
      let chosenFile = null; // { bytes, name } of a dropped or chosen file; the text area otherwise
      let shown = null; // { payload, json, text } of the document on screen
      let latest = 0; // the newest check; answers to older ones are dropped

      const $ = (id) => document.getElementById(id);

      function initialLanguage() {
        const asked = new URLSearchParams(window.location.search).get('lang');
        if (asked === 'zh' || asked === 'en') return asked;
        try {
          const kept = localStorage.getItem('jixiao-lang');
          if (kept === 'zh' || kept === 'en') return kept;
        } catch (_) { /* storage may be off; Chinese it is */ }
        return 'zh';
      }

      function t(key, ...args) {
        const text = STRINGS[language][key] ?? STRINGS.zh[key] ?? key;
        return text.replace(/\{(\d+)\}/g, (whole, index) => (index < args.length ? String(args[index]) : whole));
      }

      /** Builds an element; strings among the children become text nodes, never markup. */
      function el(tag, props, ...children) {
        const node = document.createElement(tag);
        for (const [key, value] of Object.entries(props || {})) {
          if (value === undefined || value === null || value === false) continue;
          if (key === 'class') node.className = value;
          else if (key === 'text') node.textContent = value;
          else if (key === 'dataset') Object.assign(node.dataset, value);
          else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
          else node.setAttribute(key, value === true ? '' : String(value));
        }
        for (const child of children.flat()) {
          if (child === undefined || child === null || child === false) continue;
          node.append(child instanceof Node ? child : document.createTextNode(String(child)));
        }
        return node;
      }

      function applyLanguage() {
        document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
        document.title = t('pageTitle');
        for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
        for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
        for (const node of document.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
        $('lang').textContent = language === 'zh' ? 'English' : '中文';
        $('lang').lang = language === 'zh' ? 'en' : 'zh';
      }

      function setState(state, message) {
        document.body.dataset.state = state;
        $('submit').disabled = state === 'checking';
        $('status').textContent = message || '';
      }

      function currentPayload() {
        if (chosenFile) return chosenFile;
        return { bytes: new TextEncoder().encode($('source').value), name: '<paste>' };
      }

      function apiURL(path, payload, extra) {
        const query = new URLSearchParams({ lang: language, name: payload.name, ...(extra || {}) });
        return path + '?' + query.toString();
      }

      async function post(path, payload, extra) {
        return fetch(apiURL(path, payload, extra), {
          method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: payload.bytes,
        });
      }

      async function check(payload) {
        const mine = ++latest;
        setState('checking', t('checking'));
        const started = performance.now();
        let response, text;
        try {
          response = await post('/api/parse', payload);
          text = await response.text();
        } catch (error) {
          if (mine === latest) showError({ kind: 'network', message: String(error) });
          return;
        }
        if (mine !== latest) return;
        let json;
        try { json = JSON.parse(text); } catch (_) { return showError({ kind: 'server', message: text.slice(0, 500) }); }
        if (!response.ok) return showError(json.error || { kind: 'server', message: text.slice(0, 500) });
        shown = { payload, json, text };
        render(json);
        setState('done', t('checked', ((performance.now() - started) / 1000).toFixed(2)));
      }

      function showError(error) {
        shown = null;
        const card = $('error');
        card.replaceChildren(
          el('h2', { text: STRINGS[language]['error.' + error.kind] ? t('error.' + error.kind) : t('error.server') }),
          el('p', { class: 'muted', text: t('errorDetail') }),
          el('p', { class: 'mono', text: error.message }),
          error.exitCode != null ? el('p', { class: 'muted', text: t('exitCode', error.exitCode) }) : null,
        );
        card.hidden = false;
        $('result').hidden = true;
        $('result').replaceChildren();
        setState('error');
      }

      // ---- Drawing the document ------------------------------------------------------------

      /** Cells that show a span of the source, so findings can be put on them. */
      class CellIndex {
        constructor() { this.cells = []; this.byOffset = new Map(); }
        add(node, span) {
          if (!span) return node;
          node.id = 'cell-' + (this.cells.length + 1);
          node.dataset.line = span.line;
          node.dataset.column = span.column;
          this.cells.push({ node, span });
          const same = this.byOffset.get(span.offset) || [];
          same.push(node);
          this.byOffset.set(span.offset, same);
          return node;
        }
        /** The cells starting where the span starts, else the narrowest cell holding its start. */
        find(span) {
          if (!span) return [];
          const exact = this.byOffset.get(span.offset);
          if (exact) return exact;
          let best = [];
          let width = Infinity;
          for (const { node, span: cell } of this.cells) {
            const length = Math.max(cell.length, 1);
            if (cell.offset <= span.offset && span.offset < cell.offset + length) {
              if (length < width) { best = [node]; width = length; } else if (length === width) best.push(node);
            }
          }
          return best;
        }
      }

      function render(doc) {
        $('error').hidden = true;
        const cells = new CellIndex();
        const result = $('result');
        const findings = el('section', { class: 'card findings', id: 'findings' });
        const parts = [summary(doc), findings];
        for (const project of doc.projects) parts.push(ownerCard(project, 'project', doc, cells));
        for (const department of doc.departments) parts.push(ownerCard(department, 'department', doc, cells));
        if (doc.budgetLines.length) parts.push(budgetCard(doc.budgetLines, cells));
        if (doc.residue.length) parts.push(residueCard(doc.residue, cells));
        result.replaceChildren(...parts);
        fillFindings(findings, doc.diagnostics, cells);
        result.hidden = false;
      }

      function summary(doc) {
        const source = doc.source;
        const counts = el('div', { class: 'counts' });
        const severities = { error: doc.summary.errors, warning: doc.summary.warnings, note: doc.summary.notes };
        for (const [severity, count] of Object.entries(severities)) {
          if (count > 0) counts.append(el('span', { class: 'count ' + severity, text: t('count.' + severity, count) }));
        }
        if (!counts.childNodes.length) counts.append(el('span', { class: 'count', text: t('noFindings') }));
        const tally = [t('count.projects', doc.summary.projects), t('count.indicators', doc.summary.indicators)];
        if (doc.summary.departments) tally.splice(1, 0, t('count.departments', doc.summary.departments));
        const downloads = el('div', { class: 'downloads' }, el('span', { class: 'muted', text: t('download') }),
          el('button', { type: 'button', id: 'download-json', text: 'JSON', onclick: () => download('json') }),
          el('button', { type: 'button', id: 'download-csv', text: t('download.csv'), onclick: () => download('csv') }),
          el('button', { type: 'button', id: 'download-sarif', text: 'SARIF', onclick: () => download('sarif') }));
        return el('section', { class: 'card summary', id: 'summary' },
          el('div', {}, el('div', { class: 'name', text: source.path === '<paste>' ? t('pasted') : source.path }),
            el('div', { class: 'facts', text: t('facts', source.encoding, source.encodingConfidence, source.dialect, source.lines)
              + (source.truncated ? ' · ' + t('truncated') : '') })),
          el('div', { class: 'facts', text: tally.join(' · ') }), counts, downloads);
      }

      function ownerCard(owner, kind, doc, cells) {
        const table = doc.tables.find((candidate) => candidate.index === owner.table);
        const nameField = (owner.fields || []).find((field) => field.role === 'name');
        const title = el('h3', { text: owner.name ?? t('unnamed') });
        if (!nameField) cells.add(title, owner.span);
        const where = [t(kind)];
        if (table && table.title) where.push(table.title);
        if (table && table.year) where.push(t('year', table.year));
        if (table && table.framework) where.push(t('framework.' + table.framework));
        if (owner.span) where.push(t('line', owner.span.line));
        const card = el('section', { class: 'card project', dataset: { kind } },
          el('header', {}, title, el('span', { class: 'where', text: where.join(' · ') })));
        card.append(detailsTable(owner, cells));
        if (owner.tasks && owner.tasks.length) {
          card.append(el('h4', { class: 'subhead', text: t('tasks', owner.tasks.length) }));
          card.append(taskTable(owner.tasks, cells));
        }
        if (owner.indicators.length) {
          card.append(el('h4', { class: 'subhead', text: t('indicators', owner.indicators.length) }));
          card.append(indicatorTable(owner.indicators, cells));
        }
        if (owner.placeholders && owner.placeholders.length) {
          card.append(el('p', { class: 'muted', text: t('placeholders', owner.placeholders.length) }));
        }
        return card;
      }

      /** The labelled fields as written, with amounts also in 元; amounts and goals that no
          field holds follow under their own names. */
      function detailsTable(owner, cells) {
        const amounts = new Map();
        const funds = owner.funds || {};
        for (const key of ['total', 'fiscal', 'other', 'carryover']) {
          if (funds[key]) amounts.set(funds[key].span.offset, { label: t('funds.' + key), amount: funds[key] });
        }
        for (const line of funds.lines || []) amounts.set(line.amount.span.offset, { label: line.label, amount: line.amount });
        const body = el('tbody');
        const roles = new Set();
        for (const field of owner.fields || []) {
          roles.add(field.role);
          const amount = field.span ? amounts.get(field.span.offset) : undefined;
          if (amount) amounts.delete(field.span.offset);
          body.append(detailRow(field.label, field.labelSpan, field.text, field.span, amount && amount.amount, cells));
        }
        for (const { label, amount } of amounts.values()) body.append(detailRow(label, null, amount.raw, amount.span, amount, cells));
        const goals = owner.goals || {};
        if (goals.annual && !roles.has('goalAnnual')) body.append(detailRow(t('goals.annual'), null, goals.annual, goals.annualSpan, null, cells));
        if (goals.longTerm && !roles.has('goalLongTerm')) body.append(detailRow(t('goals.longTerm'), null, goals.longTerm, goals.longTermSpan, null, cells));
        return el('div', { class: 'table-wrap' }, el('table', { class: 'details' },
          el('thead', {}, el('tr', {}, el('th', { text: t('col.label') }), el('th', { text: t('col.written') }), el('th', { text: t('col.normalised') }))),
          body));
      }

      /** A department's main tasks (年度主要任务), each with its budget in 元. */
      function taskTable(tasks, cells) {
        const keys = ['total', 'fiscal', 'other'].filter((key) => tasks.some((task) => task.funds[key]));
        const body = el('tbody');
        for (const task of tasks) {
          const row = el('tr', { dataset: { row: 'task' } },
            cells.add(el('td', { text: task.name ?? '' }), task.nameSpan),
            cells.add(el('td', { text: task.content ?? '' }), task.contentSpan));
          for (const key of keys) {
            const amount = task.funds[key];
            row.append(amount ? cells.add(el('td', { class: 'num' }, yuan(amount.yuan), el('span', { class: 'written', text: writtenAmount(amount) })), amount.span) : el('td'));
          }
          body.append(row);
        }
        return el('div', { class: 'table-wrap' }, el('table', { class: 'tasks' },
          el('thead', {}, el('tr', {}, el('th', { text: t('col.task') }), el('th', { text: t('col.content') }),
            keys.map((key) => el('th', { text: t('funds.' + key) })))), body));
      }

      function detailRow(label, labelSpan, text, span, amount, cells) {
        const long = text && text.length > 60;
        const written = el('td', { class: long ? 'long' : null }, long ? el('div', { class: 'clamp', text }) : text);
        return el('tr', { dataset: { row: 'field' } },
          cells.add(el('td', { class: 'label', text: label }), labelSpan),
          cells.add(written, span),
          amount ? el('td', { class: 'num' }, yuan(amount.yuan), el('span', { class: 'written', text: writtenAmount(amount) })) : el('td'));
      }

      function yuan(value) { return value == null ? '' : groupDigits(value) + ' 元'; }

      function writtenAmount(amount) {
        return t('written', amount.raw + (amount.unitSource === 'cell' ? '' : ' ' + amount.unit), t('unitSource.' + amount.unitSource));
      }

      /** Thousands separators on the number as JSON gave it, so no digit is rounded away. */
      function groupDigits(value) {
        const text = String(value);
        const negative = text.startsWith('-');
        const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
        return (negative ? '-' : '') + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? '.' + fraction : '');
      }

      function indicatorTable(indicators, cells) {
        const optional = OPTIONAL_COLUMNS.filter((key) => indicators.some((indicator) => indicator[key] != null));
        const horizons = new Set(indicators.map((indicator) => indicator.horizon));
        const columns = ['n', 'level1', 'level2', 'name', 'target', 'parsed', ...(horizons.size > 1 ? ['horizon'] : []), ...optional];
        const body = el('tbody');
        indicators.forEach((indicator, index) => {
          const spans = indicator.spans || {};
          const row = el('tr', { dataset: { row: 'indicator' } });
          for (const column of columns) {
            switch (column) {
              case 'n': row.append(el('td', { class: 'index', text: index + 1 })); break;
              case 'level1': case 'level2': row.append(cells.add(levelCell(indicator, column), spans[column])); break;
              case 'name': row.append(cells.add(el('td', { text: indicator.name ?? '' }), spans.name)); break;
              case 'target': row.append(cells.add(el('td', { dataset: { kind: indicator.target.kind }, text: indicator.target.raw }), indicator.target.span)); break;
              case 'parsed': row.append(parsedCell(indicator.target)); break;
              case 'horizon': row.append(el('td', { text: t('horizon.' + indicator.horizon) })); break;
              case 'weight': row.append(cells.add(el('td', { class: 'num', text: indicator.weightRaw ?? indicator.weight ?? '' }), spans.weight)); break;
              default: {
                const text = indicator[column] ?? '';
                const cell = LONG_COLUMNS.has(column) && text.length > 30 ? el('td', { class: 'long' }, el('div', { class: 'clamp', text })) : el('td', { text });
                row.append(cells.add(cell, spans[column]));
              }
            }
          }
          body.append(row);
        });
        return el('div', { class: 'table-wrap' }, el('table', { class: 'indicators' },
          el('thead', {}, el('tr', {}, columns.map((column) => el('th', { text: t('col.' + column) })))), body));
      }

      function levelCell(indicator, level) {
        const name = indicator[level];
        const raw = indicator[level + 'Raw'];
        const origin = indicator[level + 'Origin'];
        const cell = el('td', { class: 'level' }, name ?? '');
        if (raw && raw !== name) cell.append(el('span', { class: 'written', text: raw }));
        if (origin && origin !== 'cell') cell.append(el('span', { class: 'origin', title: t('origin.' + origin), text: origin === 'merged' ? '↑' : '*' }));
        return cell;
      }

      function parsedCell(target) {
        const cell = el('td', { class: 'parsed' }, el('span', { class: 'kind', text: t('kind.' + target.kind) }), readAs(target));
        for (const flag of target.flags || []) cell.append(el('span', { class: 'written flag', text: t('flag.' + flag, target.baseline ?? '') }));
        return cell;
      }

      function readAs(target) {
        const op = target.operator ? OPERATORS[target.operator] + ' ' : '';
        const unit = target.unit ? ' ' + target.unit : '';
        switch (target.kind) {
          case 'quantitative': {
            let text = op + (target.value ?? '') + unit;
            if (target.yuan != null && target.unit !== '元') text += ' = ' + yuan(target.yuan);
            return text;
          }
          case 'range': return (target.min ?? '') + ' – ' + (target.max ?? '') + unit;
          case 'date': return target.date ? (target.date.start === target.date.end ? target.date.start : target.date.start + ' – ' + target.date.end) : '';
          case 'rank': return op + t('rank', target.rank);
          case 'qualitative': return target.grade ?? '';
          case 'compound': return t('parts', (target.parts || []).length);
          default: return '';
        }
      }

      function budgetCard(lines, cells) {
        const body = el('tbody');
        for (const line of lines) {
          body.append(el('tr', { dataset: { row: 'budget' } },
            cells.add(el('td', { text: line.label }), line.span),
            el('td', { text: t('side.' + line.side) }),
            cells.add(el('td', { class: 'num' }, line.amount ? yuan(line.amount.yuan) : '',
              line.amount ? el('span', { class: 'written', text: writtenAmount(line.amount) }) : null), line.amount && line.amount.span)));
        }
        return el('section', { class: 'card budget' }, el('h3', { class: 'subhead', text: t('budget') }),
          el('div', { class: 'table-wrap' }, el('table', {},
            el('thead', {}, el('tr', {}, el('th', { text: t('col.item') }), el('th', { text: t('col.side') }), el('th', { text: t('col.amount') }))),
            body)));
      }

      /** Residue items take findings too: bled text and a cut-off last cell are listed here. */
      function residueCard(residue, cells) {
        return el('section', { class: 'card residue', id: 'residue' },
          el('h2', { text: t('residue', residue.length) }), el('p', { class: 'muted', text: t('residueIntro') }),
          el('ol', {}, residue.map((item) => cells.add(el('li', { dataset: { reason: item.reason } },
            el('span', { class: 'text', text: item.text }), ' ',
            el('span', { class: 'kind', text: t('reason.' + item.reason) }),
            el('span', { class: 'loc', text: item.span ? t('at', item.span.line, item.span.column) : '' })), item.span))));
      }

      // ---- Findings on their cells -----------------------------------------------------------

      function fillFindings(section, diagnostics, cells) {
        section.append(el('h2', { text: diagnostics.length ? t('findings', diagnostics.length) : t('findingsNone') }));
        if (!diagnostics.length) { section.append(el('p', { class: 'muted', text: t('findingsEmpty') })); return; }
        const list = el('ol');
        diagnostics.forEach((diagnostic, index) => {
          const targets = cells.find(diagnostic.span);
          for (const node of targets) mark(node, diagnostic);
          const related = diagnostic.related.map((item) => ({ item, nodes: cells.find(item.span) }));
          const relatedNodes = related.flatMap((entry) => entry.nodes);
          const item = el('li', { class: diagnostic.severity, id: 'finding-' + (index + 1), dataset: { code: diagnostic.code } },
            el('span', { class: 'code', text: diagnostic.code }),
            el('span', { class: 'kind', text: t('sev.' + diagnostic.severity) }),
            el('span', { class: 'message', text: diagnostic.message }), ' ',
            placeLink(diagnostic.span, targets[0], relatedNodes));
          if (related.length) {
            item.append(el('ul', { class: 'related' }, related.map(({ item: note, nodes }) =>
              el('li', {}, note.note, ' ', placeLink(note.span, nodes[0], [])))));
          }
          list.append(item);
        });
        section.append(list);
      }

      /** Where a finding is: a link to its cell, or the line and column when no cell shows it. */
      function placeLink(span, node, related) {
        if (!span) return el('span', { class: 'loc', text: t('wholeFile') });
        const where = t('at', span.line, span.column);
        if (!node) return el('span', { class: 'loc', text: where + ' · ' + t('notInTable') });
        return el('a', { href: '#' + node.id, class: 'loc', title: t('jump'),
          onclick: (event) => { event.preventDefault(); reveal(node, related); } }, where);
      }

      function mark(node, diagnostic) {
        const severity = diagnostic.severity;
        const before = node.dataset.severity;
        if (!before || SEVERITY_RANK[severity] > SEVERITY_RANK[before]) {
          if (before) node.classList.remove('sev-' + before);
          node.dataset.severity = severity;
          node.classList.add('sev-' + severity);
        }
        node.classList.add('finding');
        node.dataset.codes = ((node.dataset.codes || '') + ' ' + diagnostic.code).trim();
        const line = diagnostic.code + ' ' + t('sev.' + severity) + ': ' + diagnostic.message;
        node.title = node.title ? node.title + '\n' + line : line;
        let notes = node.querySelector(':scope > .notes');
        if (!notes) notes = el('div', { class: 'notes' });
        notes.append(el('p', {}, el('strong', { text: diagnostic.code }), ' ', diagnostic.message));
        const badge = el('button', { type: 'button', class: 'badge ' + severity, text: diagnostic.code, 'aria-expanded': 'false',
          onclick: (event) => {
            event.stopPropagation();
            const open = node.classList.toggle('open');
            for (const button of node.querySelectorAll(':scope > .badge')) button.setAttribute('aria-expanded', String(open));
          } });
        node.append(badge, notes); // moves the notes after the newest badge
      }

      let revealed = [];
      function reveal(node, related) {
        for (const old of revealed) old.classList.remove('focused', 'related-cell');
        node.classList.add('focused', 'open');
        for (const other of related) other.classList.add('related-cell');
        revealed = [node, ...related];
        node.scrollIntoView({ behavior: 'smooth', block: 'center', inline: 'center' });
      }

      // ---- Downloads -------------------------------------------------------------------------

      async function download(kind) {
        if (!shown) return;
        const base = shown.payload.name === '<paste>' ? 'jixiao' : shown.payload.name.replace(/\.[^.]*$/, '');
        try {
          if (kind === 'json') return save(new Blob([shown.text], { type: 'application/json' }), base + '.json');
          const response = kind === 'csv'
            ? await post('/api/parse', shown.payload, { format: 'csv' })
            : await post('/api/check', shown.payload, { format: 'sarif' });
          if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
          save(await response.blob(), base + (kind === 'csv' ? '.indicators.csv' : '.sarif'));
        } catch (error) {
          $('status').textContent = t('downloadFailed', String(error.message || error));
        }
      }

      function save(blob, filename) {
        const link = el('a', { href: URL.createObjectURL(blob), download: filename });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 30000);
      }

      // ---- Input -----------------------------------------------------------------------------

      async function useFile(file) {
        if (!file) return;
        chosenFile = { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'file' };
        $('file-name').textContent = t('fileSize', chosenFile.name, size(chosenFile.bytes.length));
        $('file-chip').hidden = false;
        $('source').disabled = true;
        check(chosenFile);
      }

      function forgetFile() {
        chosenFile = null;
        $('file-chip').hidden = true;
        $('file').value = '';
        $('source').disabled = false;
      }

      function size(bytes) {
        return bytes < 1024 ? bytes + ' B' : bytes < 1048576 ? (bytes / 1024).toFixed(1) + ' KB' : (bytes / 1048576).toFixed(1) + ' MB';
      }

      function start() {
        applyLanguage();
        $('form').addEventListener('submit', (event) => { event.preventDefault(); check(currentPayload()); });
        $('source').addEventListener('keydown', (event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); check(currentPayload()); }
        });
        $('lang').addEventListener('click', () => {
          language = language === 'zh' ? 'en' : 'zh';
          try { localStorage.setItem('jixiao-lang', language); } catch (_) { /* not kept then */ }
          applyLanguage();
          if (shown) check(shown.payload);
        });
        $('file').addEventListener('change', () => useFile($('file').files[0]));
        $('clear-file').addEventListener('click', forgetFile);
        $('sample').addEventListener('click', async () => {
          forgetFile();
          const response = await fetch('/sample.txt');
          $('source').value = await response.text();
          check(currentPayload());
        });
        const drop = $('drop');
        // A file dropped anywhere is taken, not opened by the browser in place of the page.
        window.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
        window.addEventListener('dragleave', (event) => { if (!event.relatedTarget) drop.classList.remove('over'); });
        window.addEventListener('drop', (event) => {
          event.preventDefault();
          drop.classList.remove('over');
          if (event.dataTransfer && event.dataTransfer.files.length) useFile(event.dataTransfer.files[0]);
        });
        document.body.dataset.ready = '1';
      }

      start();
    })();

    """#
}
