#!/usr/bin/env python3
"""Reads every corpus table again in other layouts and counts the indicators that read as
they do from the tab-separated rendering (levels, name, target kind/operator/value/unit).

  relay_check.py JIXIAO [LAYOUT…]      e.g. relay_check.py .build/release/jixiao latex glued

Each document (the seeds, the public target tables, the invented template) is rendered with
`jixiao render --to tsv --raw`, as forms and as lists; each layout rewrites the tab rows and
keeps the lines between tables. A layout scores the indicators it reads as the tab reading
does; `--show LAYOUT DOC` prints one rewritten text for a look."""
import collections, glob, json, os, subprocess, sys

def tab_rows(text):
    """[('text', line) | ('row', cells)]: a tab line is a row."""
    out = []
    for line in text.split('\n'):
        if '\t' in line:
            out.append(('row', [c.strip() for c in line.split('\t')]))
        elif line.strip():
            out.append(('text', line.strip()))
        else:
            out.append(('blank', ''))
    return out

LATEX_ESCAPES = {'\\': r'\textbackslash{}', '$': r'\$', '{': r'\{', '}': r'\}', '%': r'\%', '&': r'\&',
                 '_': r'\_', '#': r'\#', '≥': r'$\geq$', '≤': r'$\leq$'}
MATHPIX_ESCAPES = dict(LATEX_ESCAPES, **{'≥': r'\(\geq\)', '≤': r'\(\leq\)', '＞': r'\(>\)', '＜': r'\(<\)'})

def latex_cell(c, escapes=LATEX_ESCAPES):
    return ''.join(escapes.get(ch, ch) for ch in c)

def latex(items):
    """A LaTeX tabular, as a PDF or Word converter to LaTeX writes it: cells between ` & `,
    rows ended by `\\\\` and ruled by `\\hline`."""
    out, inside = [], False
    for kind, value in items:
        if kind == 'row':
            if not inside:
                width = len(value)
                out.append(r'\begin{tabular}{|' + 'l|' * width + '}')
                out.append(r'\hline')
                inside = True
            out.append(' & '.join(latex_cell(c) for c in value) + r' \\ \hline')
        else:
            if inside:
                out.append(r'\end{tabular}')
                inside = False
            if kind == 'text':
                out.append(value)
            else:
                out.append('')
    if inside:
        out.append(r'\end{tabular}')
    return '\n'.join(out) + '\n'

def groups(items):
    """[('text', line) | ('table', rows)]: consecutive rows are one table."""
    out = []
    for k, v in items:
        if k == 'row':
            if not out or out[-1][0] != 'table':
                out.append(('table', []))
            out[-1][1].append(v)
        else:
            out.append((k, v))
    return out

def mathpix(items):
    """A LaTeX tabular as Mathpix writes one from a PDF: merged cells as `\\multirow` and
    `\\multicolumn` (the tab export's blank slots under and after a cell), rules at the
    rows' starts (`\\cline` beside a merged cell), symbols as inline math `\\(\\geq\\)`."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import relay
    out = []
    for k, v in groups(items):
        if k != 'table':
            out.append(v)
            continue
        grid, owner = relay.spans(v)
        n = len(grid[0])
        out.append(r'\begin{tabular}{|' + 'c|' * n + '}')
        for r, slots in enumerate(grid):
            cells = []
            for c, slot in enumerate(slots):
                if slot is None:
                    orow, ocol = owner[r][c]
                    if ocol == c and orow != r:
                        cells.append('')
                    continue
                text, rs, cs = slot
                text = latex_cell(text, MATHPIX_ESCAPES)
                if rs > 1:
                    text = r'\multirow{%d}{*}{ %s }' % (rs, text)
                if cs > 1:
                    text = r'\multicolumn{%d}{|c|}{ %s }' % (cs, text)
                cells.append(text)
            covered = slots[0] is None
            rule = r'\cline { 2 - %d }' % n if covered else r'\hline'
            out.append(rule + ' ' + ' & '.join(cells) + r' \\')
        out.append(r'\hline')
        out.append(r'\end{tabular}')
    return '\n'.join(out) + '\n'

def body_only(items):
    """A tabular's rows copied without its frame: no `\\begin{tabular}`."""
    return '\n'.join(' & '.join(latex_cell(c) for c in v) + r' \\' if k == 'row' else v for k, v in items) + '\n'

def pipes(items):
    return '\n'.join('| ' + ' | '.join(v) + ' |' if k == 'row' else v for k, v in items) + '\n'

def two_blanks(items):
    return '\n'.join('  '.join(c for c in v if c) if k == 'row' else v for k, v in items) + '\n'

def cell_lines(items):
    """One cell a line, a blank line after each row (empty cells left out)."""
    out = []
    for k, v in items:
        if k == 'row':
            out.extend(c for c in v if c)
            out.append('')
        elif k == 'text':
            out.extend([v, ''])
    return '\n'.join(out) + '\n'

def glued(items):
    return '\n'.join(''.join(v) if k == 'row' else v for k, v in items) + '\n'

LAYOUTS = {'tsv': None, 'latex': latex, 'mathpix': mathpix, 'latexBody': body_only, 'pipes': pipes, 'twoBlanks': two_blanks,
           'cellLines': cell_lines, 'glued': glued}

def run(jixiao, args, text=None):
    p = subprocess.run([jixiao] + args, input=text, capture_output=True, text=True)
    return p.stdout if p.returncode in (0, 1, 2) else None

def indicators(doc):
    out = collections.Counter()
    if doc is None:
        return out
    for p in doc.get('projects', []) + doc.get('departments', []):
        for i in p.get('indicators', []):
            t = i.get('target') or {}
            out[(i.get('level1'), i.get('level2'), (i.get('name') or {}).get('text') if isinstance(i.get('name'), dict) else i.get('name'),
                 t.get('kind'), t.get('operator'), str(t.get('value')), t.get('unit'))] += 1
    return out

def documents(root):
    docs = sorted(glob.glob(os.path.join(root, 'Corpus/seeds/*.txt')))
    docs += sorted(glob.glob(os.path.join(root, 'Corpus/public/*.txt')))
    docs += sorted(glob.glob(os.path.join(root, 'Corpus/invented/*.txt')))
    return docs

def main():
    jixiao = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    if len(sys.argv) > 2 and sys.argv[2] == '--show':
        layout, doc = sys.argv[3], sys.argv[4]
        tsv = run(jixiao, ['render', doc, '--to', 'tsv', '--raw'] + sys.argv[5:])
        sys.stdout.write(LAYOUTS[layout](tab_rows(tsv)))
        return
    layouts = sys.argv[2:] or [l for l in LAYOUTS if l != 'tsv']
    totals = collections.Counter()
    base_total = 0
    for doc in documents(root):
        for shape in ('form', 'list'):
            tsv = run(jixiao, ['render', doc, '--to', 'tsv', '--raw', '--layout', shape])
            if not tsv:
                continue
            base = indicators(json.loads(run(jixiao, ['parse', '-'], tsv) or 'null'))
            if not base:
                continue
            base_total += sum(base.values())
            for layout in layouts:
                text = LAYOUTS[layout](tab_rows(tsv))
                out = run(jixiao, ['parse', '-'], text)
                got = indicators(json.loads(out) if out else None)
                same = sum((base & got).values())
                totals[layout] += same
                if same < sum(base.values()) and os.environ.get('VERBOSE'):
                    print(f'{layout:10} {os.path.basename(doc)} {shape}: {same}/{sum(base.values())}')
    for layout in layouts:
        print(f'{layout:10} {totals[layout]:5} / {base_total}')

main()
