#pragma once
// Temporary files that must not outlive pm: each writer names its temporary file here while it
// is being written; SIGINT, SIGTERM, SIGHUP or SIGPIPE then removes it before pm dies of that
// signal, as it would have without the handler.

#include <string>

namespace pm::util {

// Installs the handlers (once; later calls do nothing). Called by the CLI at start.
void install_cleanup_handlers();

// Names a temporary file to remove if a signal ends pm. At most 64 at a time are tracked;
// beyond that the file is still written, only not removed on a signal.
void track_temp(const std::string &path);

// The file was renamed into place or removed: no longer pm's to clean up.
void untrack_temp(const std::string &path);

// mkstemp(3) and mkdtemp(3) on `tmpl` (ending in XXXXXX, filled in), the result tracked
// before any signal can arrive: the signals are held from creation to tracking. make_temp
// returns the open descriptor or -1, make_temp_dir whether it made the directory; errno says why.
int make_temp(std::string &tmpl);
bool make_temp_dir(std::string &tmpl);

// A temporary directory, removed with all it holds if a signal ends pm (it shares the 64
// slots with the files).
void track_temp_dir(const std::string &path);
void untrack_temp_dir(const std::string &path);

// A child process (pm report -f pdf's browser) that writes into a temporary directory: killed
// and waited for before the directory is removed. One at a time; 0 forgets it.
void track_child(int pid);

} // namespace pm::util
