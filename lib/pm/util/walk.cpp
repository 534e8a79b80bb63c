#include <pm/util/walk.hpp>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <sys/stat.h>
#include <utility>

namespace pm::util {

namespace {

Error walk_error(Error::Kind kind, const std::string &path, int err = 0) {
  Error e;
  e.kind = kind;
  e.path = path;
  e.err = err;
  return e;
}

bool yaml_name(const std::string &name) {
  auto ends = [&](const std::string &ext) {
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

std::string join(const std::string &dir, const std::string &name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

struct Walker {
  std::vector<std::string> files;
  std::vector<Error> problems;
  // The directories from the root to the one being listed (device, inode): a link to one of
  // them is a loop.
  std::vector<std::pair<dev_t, ino_t>> ancestors;
  std::size_t max = 0;
  std::string root;
  std::size_t left = 0; // entries that may still be examined
  bool stopped = false;

  void directory(const std::string &path, const struct stat &st) {
    for (const auto &a : ancestors)
      if (a.first == st.st_dev && a.second == st.st_ino) {
        problems.push_back(walk_error(Error::Kind::link_loop, path, ELOOP));
        return;
      }
    DIR *d = ::opendir(path.c_str());
    if (!d) {
      problems.push_back(walk_error(Error::Kind::cannot_read_directory, path, errno));
      return;
    }
    std::vector<std::string> names;
    for (;;) {
      errno = 0;
      struct dirent *e = ::readdir(d);
      if (!e) {
        if (errno) problems.push_back(walk_error(Error::Kind::cannot_read_directory, path, errno));
        break;
      }
      std::string name = e->d_name;
      // Hidden entries (and "." and "..") hold no estates.
      if (name.empty() || name[0] == '.') continue;
      names.push_back(std::move(name));
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    ancestors.emplace_back(st.st_dev, st.st_ino);
    for (const auto &name : names) entry(join(path, name), name);
    ancestors.pop_back();
  }

  void entry(const std::string &path, const std::string &name) {
    if (stopped) return;
    if (left == 0) {
      Error e = walk_error(Error::Kind::too_many_entries, root);
      e.limit = max;
      problems.push_back(e);
      stopped = true;
      return;
    }
    --left;
    struct stat ls {};
    if (::lstat(path.c_str(), &ls) != 0) {
      problems.push_back(walk_error(Error::Kind::cannot_read, path, errno));
      return;
    }
    struct stat st = ls;
    if (S_ISLNK(ls.st_mode) && ::stat(path.c_str(), &st) != 0) {
      int err = errno;
      if (err == ENOENT || err == ENOTDIR)
        problems.push_back(walk_error(Error::Kind::dangling_link, path, err));
      else if (err == ELOOP)
        problems.push_back(walk_error(Error::Kind::link_loop, path, err));
      else
        problems.push_back(walk_error(Error::Kind::cannot_read, path, err));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      directory(path, st);
    } else if (yaml_name(name)) {
      if (S_ISREG(st.st_mode))
        files.push_back(path);
      else
        problems.push_back(walk_error(Error::Kind::not_regular_file, path));
    }
  }
};

} // namespace

std::vector<std::string> walk_yaml_files(const std::string &dir, std::vector<Error> &problems,
                                         std::size_t max_entries) {
  Walker w;
  w.root = dir;
  w.max = w.left = max_entries;
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0)
    w.problems.push_back(walk_error(Error::Kind::cannot_read_directory, dir, errno));
  else if (!S_ISDIR(st.st_mode))
    w.problems.push_back(walk_error(Error::Kind::cannot_read_directory, dir, ENOTDIR));
  else
    w.directory(dir, st);
  problems.insert(problems.end(), w.problems.begin(), w.problems.end());
  // Sorted by the whole path, as before: "a-b.yaml" comes before "a/c.yaml".
  std::sort(w.files.begin(), w.files.end());
  return std::move(w.files);
}

} // namespace pm::util
