#pragma once
// The estate files of a directory tree, found without skipping anything silently.

#include <pm/util/file.hpp>

#include <string>
#include <vector>

namespace pm::util {

// Files named *.yaml / *.yml under `dir`, recursively, sorted by path; and in `problems` every
// problem met on the way, each naming its path (all of them, not only the first):
// - a directory that can't be listed, an entry that can't be examined (cannot_read_directory,
//   cannot_read);
// - a symbolic link that names nothing (dangling_link) or leads back to itself or to a
//   directory above it (link_loop);
// - a *.yaml / *.yml entry that is not a regular file: a FIFO, a socket, a device
//   (not_regular_file).
// Symbolic links to files and to directories are followed. Entries whose name starts with '.'
// (.git, an editor's lock and backup files) are left out, as ls leaves them out. Other entries
// (README.md, a FIFO named otherwise) are not estates and are passed over.
// At most `max_entries` entries are examined (a walk of "/" or of links that fan out would
// otherwise take hours); beyond that the walk stops with too_many_entries.
constexpr std::size_t max_walk_entries = 50000;
std::vector<std::string> walk_yaml_files(const std::string &dir, std::vector<Error> &problems,
                                         std::size_t max_entries = max_walk_entries);

} // namespace pm::util
