#!/usr/bin/env python3
"""Keeps the first N tables of `jixiao render --to csv` output (tables are separated by an
empty record) and writes it in an encoding (utf-8-sig, as Excel saves, or gb18030)."""
import sys

text = open(sys.argv[1], encoding='utf-8-sig', newline='').read()
keep, encoding = int(sys.argv[2]), sys.argv[3]
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
out = ('\r\n' + ',' * width + '\r\n').join('\r\n'.join(t) for t in tables[:keep]) + '\r\n'
sys.stdout.buffer.write(out.encode(encoding))
