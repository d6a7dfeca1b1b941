#!/usr/bin/env python3
"""Re-lays a tab-separated seed as an HTML page or a markdown grid table, with the merged
cells the tab export flattened: a run of leading empty cells under a cell becomes that
cell's rowspan, trailing empty cells the colspan of the last cell on the row. `glued`
writes each row with its cells run together instead, `oneline` the whole table on one line."""
import sys, unicodedata, html, re

def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'FW' else 1 for c in s)

def blocks(lines):
    """[('text', line) | ('table', rows)] in order; blank lines separate."""
    out = []
    table = None
    for line in lines:
        if '\t' in line:
            cells = [c.strip() for c in line.split('\t')]
            if table is None:
                table = []
                out.append(('table', table))
            if all(c == '' for c in cells):
                continue
            table.append(cells)
        else:
            table = None
            if line.strip():
                out.append(('text', line.strip()))
    return out

def spans(rows):
    """A grid of slots: (text, rowspan, colspan) at origins, None where covered."""
    n = max(len(r) for r in rows)
    rows = [r + [''] * (n - len(r)) for r in rows]
    grid = [[None] * n for _ in rows]
    owner = [[None] * n for _ in rows]
    for r, row in enumerate(rows):
        nonempty = [i for i, c in enumerate(row) if c]
        first = nonempty[0] if nonempty else n
        last = nonempty[-1] if nonempty else -1
        for c in range(n):
            if c < first and r > 0 and owner[r - 1][c] is not None:
                orow, ocol = owner[r - 1][c]
                text, rs, cs = grid[orow][ocol]
                if cs == 1:
                    grid[orow][ocol] = (text, rs + 1, cs)
                    owner[r][c] = (orow, ocol)
                    continue
            if c > last and last >= 0:
                text, rs, cs = grid[r][last]
                if rs == 1:
                    grid[r][last] = (text, rs, cs + 1)
                    owner[r][c] = (r, last)
                    continue
            grid[r][c] = (row[c], 1, 1)
            owner[r][c] = (r, c)
    # Rowspans only start at non-empty cells.
    for r in range(len(rows)):
        for c in range(n):
            if grid[r][c] and grid[r][c][0] == '' and grid[r][c][1] > 1:
                pass
    return grid, owner

def html_cell(text):
    if text == '':
        return '&nbsp;'
    # <p> remnants in the seed stay paragraphs; a checkbox remnant becomes the character a
    # page shows (the <input> element is covered by HTMLTokenizerTests, but its text could
    # not sit at its span); everything else is escaped.
    if '<input' in text:
        text = re.sub(r'<input[^>]*checked[^>]*>', '☑', text)
        text = re.sub(r'<input[^>]*>', '☐', text)
    if text.startswith('<p>'):
        return text
    return html.escape(text, quote=False)

def to_html(blocks, title, chrome=True):
    out = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">',
           '<title>%s</title>' % html.escape(title),
           '<style>table{border-collapse:collapse;width:100%}td{border:1px solid #000;padding:4px}</style>',
           '<script type="text/javascript">var _hmt = _hmt || []; if (a < b && c > d) { document.write("<table><tr><td>统计</td></tr></table>"); }</script>',
           '</head>', '<body>']
    if chrome:
        out += ['<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwgk/czyjs/">财政预决算</a></li></ul></div>',
                '<!-- 正文开始 -->', '<div class="article">']
    for kind, value in blocks:
        if kind == 'text':
            tag = 'h2' if value.endswith('表') or '绩效目标' in value else 'p'
            out.append('<%s>%s</%s>' % (tag, html.escape(value, quote=False), tag))
            continue
        grid, owner = spans(value)
        out.append('<table border="1" cellspacing="0" cellpadding="0">')
        out.append('<tbody>')
        for r, row in enumerate(grid):
            cells = []
            for slot in row:
                if slot is None:
                    continue
                text, rs, cs = slot
                attrs = ''
                if rs > 1:
                    attrs += ' rowspan="%d"' % rs
                if cs > 1:
                    attrs += ' colspan="%d"' % cs
                cells.append('<td%s>%s</td>' % (attrs, html_cell(text)))
            out.append('<tr>' + ''.join(cells) + '</tr>')
        out.append('</tbody>')
        out.append('</table>')
    if chrome:
        out += ['</div>', '<!-- 正文结束 -->']
    out += ['</body>', '</html>', '']
    return '\n'.join(out)

def to_grid(blocks, wrap=24):
    out = []
    for kind, value in blocks:
        if kind == 'text':
            out += [value, '']
            continue
        grid, owner = spans(value)
        n = len(grid[0])
        widths = [3] * n
        for row in grid:
            for c, slot in enumerate(row):
                if slot and slot[2] == 1:
                    widths[c] = max(widths[c], min(width(slot[0]), wrap))
        def content_width(c, s):
            return sum(widths[c:c + s]) + 2 * s + (s - 1) - 2
        def wrap_text(text, w):
            lines = []
            def word(ch):
                return ch.isascii() and (ch.isalnum() or ch in '.%,-_/()')
            for para in text.replace('<p>', '\n').replace('</p>', '').split('\n'):
                line = ''
                for ch in para:
                    if width(line + ch) > w and line:
                        carried = ''
                        if word(ch):
                            k = len(line)
                            while k > 0 and word(line[k - 1]):
                                k -= 1
                            if k > 0:
                                carried = line[k:]
                                line = line[:k]
                        lines.append(line.strip())
                        line = carried
                    line += ch
                if line.strip():
                    lines.append(line.strip())
            return lines or ['']
        def rule(above, below):
            s = ''
            for c in range(n + 1):
                left = c > 0 and (above is None or below is None or owner[above][c - 1] != owner[below][c - 1])
                right = c < n and (above is None or below is None or owner[above][c] != owner[below][c])
                if left or right:
                    s += '+'
                elif 0 < c < n and owner[above][c - 1] == owner[above][c]:
                    s += ' '
                else:
                    s += '|'
                if c < n:
                    s += ('-' if right else ' ') * (widths[c] + 2)
            return s
        out.append(rule(None, 0))
        for r, row in enumerate(grid):
            boxes = []
            c = 0
            while c < n:
                orow, ocol = owner[r][c]
                text, rs, cs = grid[orow][ocol]
                boxes.append((ocol, cs, wrap_text(text, content_width(ocol, cs)) if orow == r else ['']))
                c = ocol + cs
            height = max(len(b[2]) for b in boxes)
            for i in range(height):
                line = ''
                for ocol, cs, lines in boxes:
                    t = lines[i] if i < len(lines) else ''
                    line += '| ' + t + ' ' * (content_width(ocol, cs) - width(t)) + ' '
                out.append(line + '|')
            out.append(rule(r, r + 1 if r + 1 < len(grid) else None))
        out.append('')
    return '\n'.join(out) + '\n'

def to_glued(lines):
    """Each row on its line with its cells run together, as a page rendered without its cell
    borders and blanks is copied (public 113): no separator, the blank lines kept."""
    return '\n'.join(''.join(c.strip() for c in line.split('\t')) for line in lines)

def to_one_line(lines):
    """Every cell of every row run together on one line, as a document-sharing site's text
    extraction gives a table (public 106, 107): no separator and no line break."""
    return ''.join(''.join(c.strip() for c in line.split('\t')) for line in lines) + '\n'

if __name__ == '__main__':
    mode, path = sys.argv[1], sys.argv[2]
    lines = open(path, encoding='utf-8').read().split('\n')
    b = blocks(lines)
    if mode == 'glued':
        sys.stdout.write(to_glued(lines))
    elif mode == 'oneline':
        sys.stdout.write(to_one_line(lines))
    elif mode == 'html':
        sys.stdout.write(to_html(b, sys.argv[3] if len(sys.argv) > 3 else '绩效目标表'))
    else:
        sys.stdout.write(to_grid(b))
