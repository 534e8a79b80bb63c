// DOCX (WordprocessingML) written directly: real Word styles (Title, Heading 1–4, Caption,
// notes), tables that fit A4 with their header row repeated on every page and rows kept whole,
// numbered and bulleted lists, the org chart and timeline as PNG images (their SVG drawn by
// librsvg and cairo), a cover page, a table-of-contents field with its entries already written,
// and a header and footer with the running title and "Page N of M". The parts are packed by
// libzip with fixed timestamps, so the same document gives the same bytes.

#include <pm/doc/render.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <cairo.h>
#include <fmt/format.h>
#include <librsvg/rsvg.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace pm::doc {

namespace docxw {

// A4 in twentieths of a point, margins of 2 cm (1134) left and right, 2.2 cm top and bottom.
constexpr int page_w = 11906, page_h = 16838, margin_x = 1134, margin_y = 1247;
constexpr int text_w = page_w - 2 * margin_x;
constexpr long emu_per_twip = 635, emu_per_px = 9525;

std::string x(const std::string &s) { return html_escape(s); }

// A run of text; line breaks in `s` become <w:br/>.
std::string run(const std::string &s, const std::string &rpr = "") {
  std::string out = "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>");
  std::size_t from = 0;
  for (;;) {
    std::size_t nl = s.find('\n', from);
    std::string part = s.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
    if (!part.empty()) out += "<w:t xml:space=\"preserve\">" + x(part) + "</w:t>";
    if (nl == std::string::npos) break;
    out += "<w:br/>";
    from = nl + 1;
  }
  return out + "</w:r>";
}

std::string para(const std::string &style, const std::string &runs, const std::string &ppr_extra = "") {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + ppr_extra + "</w:pPr>" + runs + "</w:p>";
}

// A simple field (PAGE, NUMPAGES) as a run Word and LibreOffice compute.
std::string field(const std::string &instr) {
  return "<w:fldSimple w:instr=\" " + instr + " \"><w:r><w:t>1</w:t></w:r></w:fldSimple>";
}

// "Page N of M" in the document's language, fields in place of N and M.
std::string page_of(const Document &d) {
  std::string text = i18n::tr(d.language(), i18n::msg::print_page_of, "\x01", "\x02");
  std::string out;
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\x01' || text[i] == '\x02') {
      if (i > from) out += run(text.substr(from, i - from));
      out += field(text[i] == '\x01' ? "PAGE" : "NUMPAGES");
      from = i + 1;
    }
  if (from < text.size()) out += run(text.substr(from));
  return out;
}

// The SVG of a chart made standalone (namespace, its own stylesheet) for librsvg.
std::string standalone_svg(const std::string &svg) {
  static const char *style =
      "<style>text{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif;"
      "font-size:12px;fill:#1d2733}"
      ".org rect{fill:#fff;stroke:#1f5f8b;stroke-width:1.2}.org .root rect{fill:#eef2f6;stroke-width:2}"
      ".org text.t{font-weight:700}.org text.d{fill:#5b6675}.org .sep{stroke:#c9d1db}"
      ".org .link{fill:none;stroke:#5b6675;stroke-width:1.2}.gantt .bar{fill:#1f5f8b}"
      ".gantt .grid{stroke:#c9d1db}.gantt .axis{fill:#5b6675;font-size:11px}.gantt .overlap{fill:#d97706}</style>";
  std::size_t open = svg.find("<svg ");
  std::size_t close = svg.find('>', open);
  if (open == std::string::npos || close == std::string::npos) return svg;
  return svg.substr(0, open) + "<svg xmlns=\"http://www.w3.org/2000/svg\" " + svg.substr(open + 5, close - open - 4) +
         style + svg.substr(close + 1);
}

cairo_status_t append_png(void *closure, const unsigned char *data, unsigned int length) {
  static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Image {
  std::string png;
  double width = 0, height = 0; // CSS pixels of the drawing
};

// The drawing at `scale` times its size on a white ground, as PNG; empty when it cannot be drawn.
Image draw_png(const std::string &svg, double scale) {
  Image img;
  std::string doc = standalone_svg(svg);
  GError *err = nullptr;
  RsvgHandle *h = rsvg_handle_new_from_data(reinterpret_cast<const guint8 *>(doc.data()), doc.size(), &err);
  if (!h) {
    if (err) g_error_free(err);
    return img;
  }
  gdouble w = 0, hh = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) || w <= 0 || hh <= 0) {
    g_object_unref(h);
    return img;
  }
  int pw = static_cast<int>(std::ceil(w * scale)), ph = static_cast<int>(std::ceil(hh * scale));
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
  cairo_t *cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
  bool ok = rsvg_handle_render_document(h, cr, &viewport, &err);
  if (err) g_error_free(err);
  cairo_destroy(cr);
  if (ok) {
    cairo_surface_flush(surface);
    if (cairo_surface_write_to_png_stream(surface, append_png, &img.png) != CAIRO_STATUS_SUCCESS) img.png.clear();
  }
  cairo_surface_destroy(surface);
  g_object_unref(h);
  if (!img.png.empty()) {
    img.width = w;
    img.height = hh;
  }
  return img;
}

class Writer {
public:
  explicit Writer(const Document &d) : m_d(d) {}

  std::string body() {
    std::string out;
    cover(out);
    toc(out);
    for (const auto &s : m_d.sections) section(out, s, 1);
    if (!m_d.footer.empty()) out += para("Source", run(m_d.footer));
    return out;
  }

  const std::vector<std::string> &media() const { return m_media; }
  int ordered_lists() const { return m_ordered; }

private:
  void cover(std::string &out) {
    out += para("Title", run(m_d.title), "<w:spacing w:before=\"3600\"/>");
    if (!m_d.subtitle.empty()) out += para("Subtitle", run(m_d.subtitle));
    for (const auto &[k, v] : m_d.cover)
      out += para("CoverFact", run(k + i18n::msg::colon.get(m_d.zh()), "<w:b/>") + run(v));
    if (m_d.cover.empty() && !m_d.date.empty())
      out += para("CoverFact",
                  run(std::string(i18n::msg::doc_date.get(m_d.zh())) + i18n::msg::colon.get(m_d.zh()), "<w:b/>") +
                      run(m_d.date));
    for (const auto &[k, v] : m_d.inputs) out += para("Source", run(k + i18n::msg::colon.get(m_d.zh()) + v));
    for (const auto &n : m_d.notices) out += para("Note", run(n.text));
  }

  // The contents: a TOC field Word refreshes (with page numbers), holding the entries already
  // written so that it is not empty before it is updated.
  void toc(std::string &out) {
    std::size_t titled = 0;
    for (const auto &s : m_d.sections) titled += s.title.empty() ? 0 : 1;
    if (titled < 2) return;
    out += para("TOCHeading", run(i18n::msg::doc_contents.get(m_d.zh())), "<w:pageBreakBefore/>");
    std::string entries;
    bool first = true;
    auto entry = [&](const Section &s, int level) {
      std::string r;
      if (first) {
        r += "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
             "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
             "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        first = false;
      }
      r += run((s.number.empty() ? "" : s.number + "  ") + s.title);
      entries += para("TOC" + std::to_string(level), r);
    };
    for (const auto &s : m_d.sections) {
      if (s.title.empty()) continue;
      entry(s, 1);
      for (const auto &sub : s.sections)
        if (!sub.title.empty()) entry(sub, 2);
    }
    out += entries;
    out += "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
    out += para("Source", run(i18n::msg::docx_toc_update.get(m_d.zh())));
  }

  void section(std::string &out, const Section &s, int level) {
    if (!s.title.empty()) {
      int l = std::min(level, 4);
      std::string ppr = level == 1 ? "<w:pageBreakBefore/>" : ""; // each chapter on a new page
      out += para("Heading" + std::to_string(l), run((s.number.empty() ? "" : s.number + "  ") + s.title), ppr);
    }
    blocks(out, s.blocks);
    for (const auto &sub : s.sections) section(out, sub, level + 1);
  }

  void blocks(std::string &out, const std::vector<Block> &bs) {
    for (const auto &b : bs) {
      if (const auto *p = std::get_if<Paragraph>(&b)) {
        const char *st = p->style == Style::note      ? "Note"
                         : p->style == Style::warning ? "Warning"
                         : p->style == Style::source  ? "Source"
                                                      : "Normal";
        out += para(st, run(p->text));
      } else if (const auto *l = std::get_if<List>(&b)) {
        int num = 1;
        if (l->ordered) num = 2 + m_ordered++; // each ordered list counts from 1
        for (const auto &item : l->items)
          out += para("ListParagraph", run(item),
                      "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num) + "\"/></w:numPr>");
      } else if (const auto *f = std::get_if<Facts>(&b)) {
        for (const auto &[k, v] : f->items)
          out += para("Facts", run(k + i18n::msg::colon.get(m_d.zh()), "<w:b/>") + run(v));
      } else if (const auto *t = std::get_if<Table>(&b)) {
        if (t->drawn_as_text()) table(out, *t);
      } else if (const auto *c = std::get_if<OrgChart>(&b)) {
        figure(out, c->caption, org_chart_svg(*c), "org");
      } else if (const auto *g = std::get_if<Gantt>(&b)) {
        figure(out, g->caption, gantt_svg(*g, m_d.zh()), "gantt");
      }
    }
  }

  void figure(std::string &out, const std::string &caption, const std::string &svg, const std::string &kind) {
    if (!caption.empty()) out += para("Caption", run(caption), "<w:keepNext/>");
    Image img = draw_png(svg, 2.0);
    if (img.png.empty()) return;
    m_media.push_back(std::move(img.png));
    std::size_t n = m_media.size();
    long max_w = static_cast<long>(text_w) * emu_per_twip;
    long max_h = static_cast<long>(page_h - 2 * margin_y - 1800) * emu_per_twip;
    double cx = img.width * emu_per_px, cy = img.height * emu_per_px;
    double k = std::min({1.0, static_cast<double>(max_w) / cx, static_cast<double>(max_h) / cy});
    long w = std::lround(cx * k), h = std::lround(cy * k);
    std::string id = std::to_string(n), rid = "rIdImg" + id, name = kind + id + ".png";
    out += "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>"
           "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"" +
           std::to_string(w) + "\" cy=\"" + std::to_string(h) + "\"/><wp:docPr id=\"" + id + "\" name=\"" + x(name) +
           "\" descr=\"" + x(caption) +
           "\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
           "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
           "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr "
           "id=\"" +
           id + "\" name=\"" + x(name) + "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" + rid +
           "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext "
           "cx=\"" +
           std::to_string(w) + "\" cy=\"" + std::to_string(h) +
           "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>"
           "</a:graphic></wp:inline></w:drawing></w:r></w:p>";
  }

  // Column widths from the text they hold (display width, CJK counting two): short columns
  // (names, numbers) get what their longest line needs, up to a limit; the wide ones (reasons,
  // sources) share the rest. When even that does not fit (a roster's days), all are scaled.
  static std::vector<int> widths(const Table &t, bool small) {
    const double col_twips = small ? 72 : 92, pad = 190; // a display column at 7 or 9 pt; cell margins
    auto longest_line = [](const std::string &s) {
      std::size_t best = 0, from = 0;
      for (;;) {
        std::size_t nl = s.find('\n', from);
        best = std::max(best, util::display_width(s.substr(from, nl == std::string::npos ? nl : nl - from)));
        if (nl == std::string::npos) return best;
        from = nl + 1;
      }
    };
    std::size_t n = t.columns.size();
    std::vector<double> need(n);
    double fixed = 0, wide_want = 0;
    for (std::size_t c = 0; c < n; ++c) {
      const Column &col = t.columns[c];
      double w = std::min<double>(static_cast<double>(longest_line(col.label)), col.wide ? 12 : 8);
      for (const auto &r : t.rows) {
        if (r.kind == RowKind::note || c >= r.cells.size()) continue;
        w = std::max(w, static_cast<double>(longest_line(format_cell(r.cells[c], col))));
      }
      need[c] = std::clamp(w, 2.0, col.wide ? 80.0 : 20.0) * col_twips + pad;
      if (col.wide)
        wide_want += need[c];
      else
        fixed += need[c];
    }
    std::vector<double> share(n);
    double min_wide = 10 * col_twips + pad;
    std::size_t wides = 0;
    for (const auto &col : t.columns) wides += col.wide ? 1 : 0;
    if (fixed + static_cast<double>(wides) * min_wide <= text_w) {
      double rest = text_w - fixed;
      for (std::size_t c = 0; c < n; ++c)
        share[c] = !t.columns[c].wide ? need[c] : std::max(min_wide, need[c] / wide_want * rest);
    } else {
      for (std::size_t c = 0; c < n; ++c) share[c] = need[c];
    }
    double sum = 0;
    for (double w : share) sum += w;
    std::vector<int> out;
    int used = 0;
    for (std::size_t c = 0; c < n; ++c) {
      int w = c + 1 == n ? text_w - used : static_cast<int>(std::floor(share[c] / sum * text_w));
      out.push_back(w);
      used += w;
    }
    return out;
  }

  void table(std::string &out, const Table &t) {
    if (t.columns.empty()) return;
    if (!t.caption.empty()) out += para("Caption", run(t.caption), "<w:keepNext/>");
    bool small = t.columns.size() > 8;
    std::string cell_style = small ? "TableSmall" : "TableText";
    std::vector<int> w = widths(t, small);
    out +=
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"PmTable\"/><w:tblW w:w=\"" + std::to_string(text_w) +
        "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
        "w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (int cw : w) out += "<w:gridCol w:w=\"" + std::to_string(cw) + "\"/>";
    out += "</w:tblGrid>";
    auto jc = [](const Column &c) {
      return c.align == Align::right    ? std::string("<w:jc w:val=\"right\"/>")
             : c.align == Align::center ? std::string("<w:jc w:val=\"center\"/>")
                                        : std::string();
    };
    auto tc = [&](int width, const std::string &content, const std::string &extra = "") {
      return "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>" + extra + "</w:tcPr>" +
             content + "</w:tc>";
    };
    // The header row, repeated at the top of each page.
    out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      out += tc(w[c], para(cell_style, run(t.columns[c].label, "<w:b/>"), jc(t.columns[c])),
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF2F6\"/>");
    out += "</w:tr>";
    for (const auto &r : t.rows) {
      out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      if (r.kind == RowKind::note) {
        std::string text = r.cells.empty() ? "" : r.cells.front().text;
        out += tc(text_w, para("TableNote", run(text)),
                  "<w:gridSpan w:val=\"" + std::to_string(t.columns.size()) + "\"/>") +
               "</w:tr>";
        continue;
      }
      bool bold = r.kind != RowKind::body;
      std::string shade =
          r.kind == RowKind::group ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F7F9FB\"/>"
          : r.kind == RowKind::total
              ? "<w:tcBorders><w:top w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"1D2733\"/></w:tcBorders>"
              : "";
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        std::string text = c < r.cells.size() ? format_cell(r.cells[c], t.columns[c]) : std::string();
        // A group row's title spans the empty cells after it (a post's name over the days).
        std::size_t span = 1;
        if (r.kind == RowKind::group && c == 0)
          while (c + span < t.columns.size() &&
                 (c + span >= r.cells.size() || format_cell(r.cells[c + span], t.columns[c + span]).empty()))
            ++span;
        int width = 0;
        for (std::size_t k = c; k < c + span; ++k) width += w[k];
        std::string extra = shade + (span > 1 ? "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>" : "");
        out +=
            tc(width,
               para(cell_style, text.empty() ? "" : run(text, bold ? "<w:b/>" : ""), span > 1 ? "" : jc(t.columns[c])),
               extra);
        c += span - 1;
      }
      out += "</w:tr>";
    }
    out += "</w:tbl>";
    out += para("AfterTable", "");
  }

  const Document &m_d;
  std::vector<std::string> m_media;
  int m_ordered = 0;
};

constexpr const char *ns_w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
constexpr const char *xml_head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string paragraph_style(const std::string &id, const std::string &name, const std::string &ppr,
                            const std::string &rpr, const std::string &extra = "") {
  return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name +
         "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>" + extra + "<w:qFormat/><w:pPr>" + ppr +
         "</w:pPr><w:rPr>" + rpr + "</w:rPr></w:style>";
}

std::string styles(const Document &d) {
  std::string lang = i18n::tr(d.language(), i18n::msg::html_lang);
  std::string s = std::string(xml_head) + "<w:styles " + ns_w +
                  "><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" "
                  "w:eastAsia=\"Noto Sans CJK SC\" w:cs=\"Arial\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang "
                  "w:val=\"" +
                  lang +
                  "\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" "
                  "w:line=\"300\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>";
  s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
       "</w:style>";
  const std::string accent = "<w:color w:val=\"1F5F8B\"/>";
  s += paragraph_style("Title", "Title", "<w:jc w:val=\"center\"/><w:spacing w:after=\"480\"/>",
                       "<w:b/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>" + accent);
  s += paragraph_style("Subtitle", "Subtitle", "<w:jc w:val=\"center\"/><w:spacing w:after=\"960\"/>",
                       "<w:color w:val=\"5B6675\"/><w:sz w:val=\"24\"/>");
  s += paragraph_style("CoverFact", "Cover Fact", "<w:jc w:val=\"center\"/><w:spacing w:after=\"160\"/>",
                       "<w:sz w:val=\"26\"/>");
  const int sizes[] = {32, 28, 24, 22};
  for (int i = 1; i <= 4; ++i) {
    std::string ppr =
        "<w:keepNext/><w:keepLines/><w:spacing w:before=\"" + std::to_string(i == 1 ? 240 : 200) +
        "\" w:after=\"120\"/>" +
        (i == 1 ? "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"2\" w:color=\"1F5F8B\"/></w:pBdr>" : "") +
        "<w:outlineLvl w:val=\"" + std::to_string(i - 1) + "\"/>";
    s += paragraph_style("Heading" + std::to_string(i), "heading " + std::to_string(i), ppr,
                         "<w:b/><w:sz w:val=\"" + std::to_string(sizes[i - 1]) + "\"/>" + (i <= 2 ? accent : ""),
                         "<w:uiPriority w:val=\"9\"/>");
  }
  s += paragraph_style("TOCHeading", "TOC Heading", "<w:spacing w:after=\"240\"/>",
                       "<w:b/><w:sz w:val=\"32\"/>" + accent);
  s += paragraph_style("TOC1", "toc 1", "<w:spacing w:after=\"60\"/>", "<w:b/>");
  s += paragraph_style("TOC2", "toc 2", "<w:spacing w:after=\"40\"/><w:ind w:left=\"440\"/>", "");
  s += paragraph_style("Caption", "caption", "<w:spacing w:before=\"120\" w:after=\"60\"/>",
                       "<w:b/><w:sz w:val=\"20\"/>");
  s += paragraph_style("Note", "Note",
                       "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"6\" w:color=\"1F5F8B\"/></w:pBdr>"
                       "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF2F6\"/><w:ind w:left=\"160\"/>",
                       "");
  s += paragraph_style("Warning", "Warning",
                       "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"6\" w:color=\"9A3412\"/></w:pBdr>"
                       "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF4ED\"/><w:ind w:left=\"160\"/>",
                       "<w:color w:val=\"9A3412\"/>");
  s += paragraph_style("Source", "Source", "", "<w:color w:val=\"5B6675\"/><w:sz w:val=\"17\"/>");
  s += paragraph_style("Facts", "Facts", "<w:spacing w:after=\"40\"/>", "");
  s += paragraph_style("ListParagraph", "List Paragraph", "<w:spacing w:after=\"60\"/><w:ind w:left=\"420\"/>", "");
  s += paragraph_style("TableText", "Table Text", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                       "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
  s += paragraph_style("TableSmall", "Table Small", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                       "<w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/>");
  s += paragraph_style("TableNote", "Table Note", "<w:spacing w:after=\"0\"/>",
                       "<w:color w:val=\"5B6675\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  s += paragraph_style("AfterTable", "After Table", "<w:spacing w:after=\"120\" w:line=\"120\" w:lineRule=\"exact\"/>",
                       "");
  s += paragraph_style("Figure", "Figure", "<w:jc w:val=\"center\"/><w:keepLines/>", "");
  s += paragraph_style("Header", "header",
                       "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"C9D1DB\"/></w:pBdr>"
                       "<w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/>",
                       "<w:color w:val=\"5B6675\"/><w:sz w:val=\"17\"/>");
  s += paragraph_style("Footer", "footer", "<w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/>",
                       "<w:color w:val=\"5B6675\"/><w:sz w:val=\"17\"/>");
  s += "<w:style w:type=\"table\" w:styleId=\"PmTable\"><w:name w:val=\"PM Table\"/><w:uiPriority w:val=\"59\"/>"
       "<w:tblPr><w:tblBorders>";
  for (const char *side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    s += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C9D1DB\"/>";
  s += "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>"
       "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
  return s + "</w:styles>";
}

std::string numbering(int ordered) {
  std::string s = std::string(xml_head) + "<w:numbering " + ns_w + ">";
  s += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start "
       "w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xE2\x80\xA2\"/><w:lvlJc w:val=\"left\"/><w:pPr>"
       "<w:ind w:left=\"420\" w:hanging=\"280\"/></w:pPr></w:lvl></w:abstractNum>";
  s += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start "
       "w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr>"
       "<w:ind w:left=\"420\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>";
  s += "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  for (int i = 0; i < ordered; ++i)
    s += "<w:num w:numId=\"" + std::to_string(2 + i) +
         "\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"
         "</w:num>";
  return s + "</w:numbering>";
}

// 1980-01-01, the ZIP epoch, when the document has no date (as the XLSX).
std::string created(const Document &d) {
  return (util::parse_date(d.date) ? d.date : std::string("1980-01-01")) + "T00:00:00Z";
}

struct Part {
  std::string name, data;
};

std::string zip_parts(const std::vector<Part> &parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t *src = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!src) throw std::runtime_error("libzip: cannot create a buffer");
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  if (!za) {
    zip_source_free(src);
    throw std::runtime_error("libzip: cannot open the buffer");
  }
  zip_source_keep(src);
  for (const auto &p : parts) {
    zip_source_t *s = zip_source_buffer(za, p.data.data(), p.data.size(), 0);
    zip_int64_t i = s ? zip_file_add(za, p.name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
    if (i < 0) {
      if (s) zip_source_free(s);
      zip_discard(za);
      zip_source_free(src);
      throw std::runtime_error("libzip: cannot add " + p.name);
    }
    // 1980-01-01 00:00 in MS-DOS form: no clock reaches the bytes.
    zip_file_set_dostime(za, static_cast<zip_uint64_t>(i), 0, (0 << 9) | (1 << 5) | 1, 0);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(i), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(za) < 0) {
    zip_discard(za);
    zip_source_free(src);
    throw std::runtime_error("libzip: cannot write the archive");
  }
  std::string out;
  zip_stat_t st;
  if (zip_source_open(src) == 0) {
    if (zip_source_stat(src, &st) == 0) {
      out.resize(static_cast<std::size_t>(st.size));
      zip_int64_t n = zip_source_read(src, out.data(), st.size);
      out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  if (out.empty()) throw std::runtime_error("libzip: empty archive");
  return out;
}

} // namespace docxw

std::string to_docx(const Document &raw) {
  std::optional<Document> clean;
  const Document &d = printable(raw, clean);
  using namespace docxw;
  Writer w(d);
  std::string body = w.body();
  std::string running = d.running.empty() ? d.title : d.running;

  std::vector<Part> parts;
  std::string types =
      std::string(xml_head) +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Default Extension=\"png\" ContentType=\"image/png\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      "<Override PartName=\"/word/settings.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
      "<Override PartName=\"/word/numbering.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
      "<Override PartName=\"/word/header1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
      "<Override PartName=\"/word/footer1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" "
      "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      "<Override PartName=\"/docProps/app.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
      "</Types>";
  parts.push_back({"[Content_Types].xml", types});
  parts.push_back(
      {"_rels/.rels",
       std::string(xml_head) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
           "Target=\"word/document.xml\"/>"
           "<Relationship Id=\"rId2\" "
           "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
           "Target=\"docProps/core.xml\"/>"
           "<Relationship Id=\"rId3\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
           "Target=\"docProps/app.xml\"/></Relationships>"});
  parts.push_back({"docProps/core.xml",
                   std::string(xml_head) +
                       "<cp:coreProperties "
                       "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
                       x(d.title) + "</dc:title><dc:subject>" + x(d.subtitle) +
                       "</dc:subject><dc:creator>pm</dc:creator><dc:language>" +
                       i18n::tr(d.language(), i18n::msg::html_lang) +
                       "</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + created(d) +
                       "</dcterms:created></cp:coreProperties>"});
  parts.push_back({"docProps/app.xml", std::string(xml_head) +
                                           "<Properties "
                                           "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                           "extended-properties\"><Application>pm " PM_VERSION
                                           "</Application></Properties>"});
  std::string rels = std::string(xml_head) +
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rIdStyles\" "
                     "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                     "Target=\"styles.xml\"/>"
                     "<Relationship Id=\"rIdSettings\" "
                     "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
                     "Target=\"settings.xml\"/>"
                     "<Relationship Id=\"rIdNumbering\" "
                     "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
                     "Target=\"numbering.xml\"/>"
                     "<Relationship Id=\"rIdHeader\" "
                     "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
                     "Target=\"header1.xml\"/>"
                     "<Relationship Id=\"rIdFooter\" "
                     "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
                     "Target=\"footer1.xml\"/>";
  for (std::size_t i = 0; i < w.media().size(); ++i) {
    std::string n = std::to_string(i + 1);
    rels += "<Relationship Id=\"rIdImg" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
            "Target=\"media/image" +
            n + ".png\"/>";
  }
  rels += "</Relationships>";
  std::string sect = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference "
                     "w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"" +
                     std::to_string(page_w) + "\" w:h=\"" + std::to_string(page_h) + "\"/><w:pgMar w:top=\"" +
                     std::to_string(margin_y) + "\" w:right=\"" + std::to_string(margin_x) + "\" w:bottom=\"" +
                     std::to_string(margin_y) + "\" w:left=\"" + std::to_string(margin_x) +
                     "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>";
  parts.push_back(
      {"word/document.xml", std::string(xml_head) + "<w:document " + ns_w +
                                " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                                "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                                "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>" +
                                body + sect + "</w:body></w:document>"});
  parts.push_back({"word/_rels/document.xml.rels", rels});
  parts.push_back({"word/styles.xml", styles(d)});
  parts.push_back({"word/numbering.xml", numbering(w.ordered_lists())});
  parts.push_back({"word/settings.xml", std::string(xml_head) + "<w:settings " + ns_w +
                                            "><w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"420\"/>"
                                            "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
                                            "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                                            "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
                                            "</w:compat></w:settings>"});
  parts.push_back(
      {"word/header1.xml", std::string(xml_head) + "<w:hdr " + ns_w + ">" + para("Header", run(running)) + "</w:hdr>"});
  parts.push_back(
      {"word/footer1.xml", std::string(xml_head) + "<w:ftr " + ns_w + ">" + para("Footer", page_of(d)) + "</w:ftr>"});
  for (std::size_t i = 0; i < w.media().size(); ++i)
    parts.push_back({"word/media/image" + std::to_string(i + 1) + ".png", w.media()[i]});
  return zip_parts(parts);
}

} // namespace pm::doc
