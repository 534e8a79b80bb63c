#!/usr/bin/env python3
"""Prints the number of the first page after the second whose text (pdftotext's output, pages
separated by form feeds) contains WORD: the chapter's page, past the cover and the contents.

usage: page_of.py FILE.txt WORD
"""
import sys

pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
for i, text in enumerate(pages):
    if i >= 2 and sys.argv[2] in text:
        print(i + 1)
        sys.exit(0)
sys.exit(f"{sys.argv[2]} not found after page 2")
