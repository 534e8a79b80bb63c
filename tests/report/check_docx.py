#!/usr/bin/env python3
"""Checks the structure of a DOCX written by pm report: Word styles (Title, Heading 1-4,
Caption, TOC, the table style), chapters as Heading 1, tables each with a header row repeated
on every page, the org chart as a PNG picture, a TOC field, A4 with a cover page (no header or
footer on it), PAGE and NUMPAGES in the footer, the running title in the header, and every
part stamped 1980-01-01 (same input, same bytes).

usage: check_docx.py FILE.docx
"""
import sys
import zipfile


def main(path):
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    doc = z.read("word/document.xml").decode()
    styles = z.read("word/styles.xml").decode()
    errors = []
    for s in ("Title", "Heading1", "Heading2", "Heading3", "Heading4", "Caption", "TOC1", "PmTable"):
        if f'w:styleId="{s}"' not in styles:
            errors.append(f"style {s} missing")
    chapters = doc.count('<w:pStyle w:val="Heading1"/>')
    if chapters < 8:
        errors.append(f"{chapters} chapters (Heading 1)")
    tables = doc.count("<w:tbl>")
    if tables < 5:
        errors.append(f"{tables} tables")
    if doc.count("<w:tblHeader/>") != tables:
        errors.append("a table without a repeated header row")
    if "<w:drawing>" not in doc or not any(n.startswith("word/media/") and n.endswith(".png") for n in names):
        errors.append("no org chart picture")
    if " TOC " not in doc or 'w:pStyle w:val="TOC1"' not in doc:
        errors.append("no table of contents")
    if "<w:titlePg/>" not in doc or 'w:w="11906" w:h="16838"' not in doc:
        errors.append("not A4 with a cover page")
    footer = z.read("word/footer1.xml").decode()
    if "PAGE" not in footer or "NUMPAGES" not in footer:
        errors.append("no page numbers in the footer")
    header = z.read("word/header1.xml").decode()
    if "物业管理服务方案" not in header and "property-management proposal" not in header:
        errors.append("no running header")
    for n in sorted(names):
        if z.getinfo(n).date_time != (1980, 1, 1, 0, 0, 0):
            errors.append(f"{n}: timestamp {z.getinfo(n).date_time}")
    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    if not errors:
        print(f"{path}: ok, {chapters} chapters, {tables} tables")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
