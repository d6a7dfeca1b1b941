#!/usr/bin/env python3
"""Typesets a table exported as tab-separated text (`jixiao render --to tsv --raw`) as a PDF,
as a budget office's word processor prints it: ruled cells, text wrapped inside its column,
a label that spans rows (a merged cell: the tab export leaves the cells under it blank) set
once in the middle of its rows or at their top, and a centred title above each table.
`pdftotext -layout` of the PDF is the document.

    python3 pdf.py TABLE.tsv OUT.pdf [--valign middle|top] [--projects N] [--tall]
    pdftotext -layout OUT.pdf OUT.txt

Needs fpdf2 (pip) and the WenQuanYi Micro Hei font (Debian fonts-wqy-microhei); pdftotext is
poppler-utils. Only for making corpus documents: the tests read the text.
"""
import argparse
import unicodedata

from fpdf import FPDF

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def read_tables(path, projects):
    """Titles and tables: a line of one cell before a table is its title."""
    rows = [[c.strip() for c in line.rstrip("\n").split("\t")] for line in open(path, encoding="utf-8")]
    items, block, tables = [], [], 0
    for row in rows:
        cells = [c for c in row if c]
        if len(row) <= 1 or (len(cells) <= 1 and len(row) <= 2 and (not block or not cells)):
            if block:
                items.append(("table", block))
                block = []
                tables += 1
                if projects and tables >= projects:
                    return items
            if cells:
                items.append(("title", cells[0]))
            continue
        block.append(list(row))
    if block:
        items.append(("table", block))
    return items


def layout(block):
    """Column widths, and each row's cells as (text, colspan, rowspan) by starting column,
    leading blank cells merged into the cell above them."""
    for row in block:
        while len(row) > 1 and row[-1] == "":
            row.pop()
    width = max(len(r) for r in block)
    widths = [0] * width
    for row in block:
        for i, c in enumerate(row):
            if i < len(row) - 1 or len(row) == width:
                widths[i] = max(widths[i], min(display_width(c), 36))
    widths = [max(w, 6) for w in widths]
    grid = []
    for i, row in enumerate(block):
        first = next((k for k, c in enumerate(row) if c), len(row))
        line, column = [None] * width, 0
        for j, text in enumerate(row):
            span = width - len(row) + 1 if j == len(row) - 1 else 1
            above = grid[i - 1][column] if i > 0 else None
            merged = text == "" and j < first and above is not None and above[0] != "" and above[1] == span
            line[column] = ("^", span) if merged else (text, span)
            column += span
        grid.append(line)
    origin = [[None] * width for _ in grid]
    rowspans = {}
    for i, line in enumerate(grid):
        for j, cell in enumerate(line):
            if cell is None:
                continue
            if cell[0] == "^":
                origin[i][j] = origin[i - 1][j]
                rowspans[origin[i][j]] = rowspans.get(origin[i][j], 1) + 1
            else:
                origin[i][j] = (i, j)
    cells = [
        [(j, cell[0], cell[1], rowspans.get((i, j), 1)) for j, cell in enumerate(line) if cell and cell[0] != "^"]
        for i, line in enumerate(grid)
    ]
    return widths, cells


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tsv")
    parser.add_argument("pdf")
    parser.add_argument("--valign", choices=["middle", "top"], default="middle")
    parser.add_argument("--projects", type=int, default=0)
    parser.add_argument("--size", type=float, default=9)
    parser.add_argument("--tall", action="store_true", help="one long page (merged cells taller than A4)")
    args = parser.parse_args()
    pdf = FPDF(orientation="L", format=(1800, 297) if args.tall else "A4")
    pdf.add_font("wqy", "", FONT)
    pdf.set_font("wqy", size=args.size)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    for kind, item in read_tables(args.tsv, args.projects):
        if kind == "title":
            pdf.cell(0, 7, item, align="C", new_x="LMARGIN", new_y="NEXT")
            continue
        widths, rows = layout(item)
        with pdf.table(
            col_widths=widths, text_align="LEFT", line_height=args.size * 0.5,
            first_row_as_headings=False, v_align=args.valign.upper(),
        ) as table:
            for cells in rows:
                row = table.row()
                for _, text, colspan, rowspan in cells:
                    row.cell(text, colspan=colspan, rowspan=rowspan)
        pdf.ln(4)
    pdf.output(args.pdf)


if __name__ == "__main__":
    main()
