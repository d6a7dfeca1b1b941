#!/usr/bin/env python3
"""Keeps the first N tables of `jixiao render --to csv` output (tables are separated by an
empty record) and writes it as UTF-8 with LF line ends: the corpus keeps UTF-8 text, and
the robustness tests make the BOM, CRLF and GB18030 variants Excel and WPS save."""
import sys

text = open(sys.argv[1], encoding='utf-8-sig', newline='').read()
keep = int(sys.argv[2])
records = text.split('\r\n')
empty = lambda r: r.strip(',') == ''
tables, current = [], []
for record in records:
    if empty(record) and current:
        tables.append(current)
        current = []
    elif not empty(record):
        current.append(record)
if current:
    tables.append(current)
width = text.split('\r\n')[0].count(',')
out = ('\n' + ',' * width + '\n').join('\n'.join(t) for t in tables[:keep]) + '\n'
sys.stdout.buffer.write(out.encode('utf-8'))
