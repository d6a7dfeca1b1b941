#!/usr/bin/env python3
"""Pages for `jixiao render --to aligned` output, as pdftotext -layout prints a PDF: each
table from its title on a new page (a form feed), and optionally a page break inside a
table before a given line, with the header repeated. (No page numbers: a `- 1 -` line is
read as a table row, known issue F6.)

usage: paginate.py FILE TABLES [BREAK_TABLE BREAK_TEXT]
  TABLES       how many tables to keep
  BREAK_TABLE  1-based table to break inside, before the first row whose text contains BREAK_TEXT
"""
import sys

text = open(sys.argv[1], encoding='utf-8').read().rstrip('\n')
keep = int(sys.argv[2])
tables = text.split('\n\n\n')[:keep]
pages = []
for number, table in enumerate(tables, 1):
    lines = table.split('\n')
    if len(sys.argv) > 4 and number == int(sys.argv[3]):
        header = next(l for l in lines if l.startswith('绩效指标'))
        at = next(i for i, l in enumerate(lines) if sys.argv[4] in l)
        first, second = lines[:at], lines[at:]
        pages.append('\n'.join(first))
        lines = [header] + second
        pages.append('\n'.join(lines))
        continue
    pages.append('\n'.join(lines))
sys.stdout.write('\n\n\f'.join(pages) + '\n')
