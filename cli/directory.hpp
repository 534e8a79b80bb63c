#pragma once
// What the commands on a directory of estates share (pm staff, budget, roster, report,
// portfolio): the scan's problems said before any work, and output written one estate at a
// time (util::Sink) with the parts that need totals spooled until the totals are known.

#include <cli/app.hpp>

#include <pm/app/directory.hpp>
#include <pm/doc/document.hpp>
#include <pm/util/sink.hpp>

#include <cstdio>
#include <memory>
#include <string>

namespace pm::cli {

// Says the scan's problems on stderr (each walk problem; ids given twice, two targets files)
// and notes the estates' locales (the language of what follows). False, with `rc` set, when
// the run stops there: before any output is written.
// `json` with `by` before each line: one estate's JSON inside {"estates": [...]}, indented as
// dump(2) would indent it there.
std::string indented(const std::string &json, const std::string &by);

bool directory_ok(const app::DirectoryScan &s, const Global &g, int &rc);

// A section as `format` ("table", "md") draws it inside a document, after the title.
std::string draw_section(const doc::Section &s, const std::string &lang, const std::string &format);

// An anonymous temporary file (tmpfile: gone when closed, or when pm ends) holding the parts of
// an output that follow a heading not yet known.
struct Spool {
  Spool();
  ~Spool();
  Spool(const Spool &) = delete;
  Spool &operator=(const Spool &) = delete;
  void write(const std::string &s);
  bool ok() const { return m_f && !m_err; }
  int err() const { return m_err; }
  std::FILE *file() const { return m_f; }

private:
  std::FILE *m_f = nullptr;
  int m_err = 0;
};

// True when everything went to the spool; else the error said.
bool spool_ok(const Spool &s, const Global &g);

// The output of -o FILE or stdout, opened before the first estate is read: the error said
// and nullopt when it can't be.
std::optional<util::Sink> open_sink(const std::string &out_path, const std::vector<std::string> &inputs,
                                    const Global &g);
// Commits `sink`; the error said; the exit status.
int commit_sink(util::Sink &sink, const Global &g);

} // namespace pm::cli
