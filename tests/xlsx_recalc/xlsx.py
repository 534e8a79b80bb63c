"""Reads and edits an XLSX workbook's cells with the standard library only: shared strings,
cell values and formulas by sheet name, and setting one number cell (every cached
formula value stays as it was, stale, so that only a real recalculation gives the new figures)."""
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _text(si):
    return "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))


class Workbook:
    def __init__(self, path):
        self.path = path
        with zipfile.ZipFile(path) as z:
            self.files = {n: z.read(n) for n in z.namelist()}
        strings = []
        if "xl/sharedStrings.xml" in self.files:
            root = ET.fromstring(self.files["xl/sharedStrings.xml"])
            strings = [_text(si) for si in root.findall("m:si", NS)]
        self.strings = strings
        wb = ET.fromstring(self.files["xl/workbook.xml"])
        rels = ET.fromstring(self.files["xl/_rels/workbook.xml.rels"])
        target = {r.get("Id"): r.get("Target") for r in rels}
        self.sheets = []  # (name, part)
        for s in wb.find("m:sheets", NS):
            t = target[s.get(REL)].lstrip("/")
            self.sheets.append((s.get("name"), t if t.startswith("xl/") else "xl/" + t))

    def part(self, sheet):
        for name, part in self.sheets:
            if name == sheet:
                return part
        raise KeyError(sheet)

    def cells(self, sheet):
        """{address: (value, formula)}: value a float, a str, or None."""
        root = ET.fromstring(self.files[self.part(sheet)])
        out = {}
        for c in root.iter("{%s}c" % NS["m"]):
            t = c.get("t")
            v = c.find("m:v", NS)
            f = c.find("m:f", NS)
            if t == "s":
                value = self.strings[int(v.text)]
            elif t == "inlineStr":
                value = _text(c.find("m:is", NS))
            elif t in ("str", "e"):
                value = v.text if v is not None else None
            elif t == "b":
                value = v.text
            else:
                value = float(v.text) if v is not None and v.text is not None else None
            out[c.get("r")] = (value, f.text if f is not None else None)
        return out

    def set_number(self, sheet, address, value):
        """Sets a number cell by editing the sheet's XML text."""
        part = self.part(sheet)
        xml = self.files[part].decode("utf-8")
        cell = re.compile(r'(<c r="%s"(?: [^>]*)?>)<v>[^<]*</v>(</c>)' % re.escape(address))
        xml, n = cell.subn(lambda m: m.group(1) + "<v>%r</v>" % float(value) + m.group(2), xml)
        if n != 1:
            raise ValueError("no number cell %s!%s" % (sheet, address))
        self.files[part] = xml.encode("utf-8")

    def save(self, path):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, data in self.files.items():
                z.writestr(n, data)
